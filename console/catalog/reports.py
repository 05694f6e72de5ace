"""Messages of the reports area: exports, figures, the higher-level list, the dashboard."""

MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- command line help
    "cli.export": {
        "vi": "Xuất báo cáo cho Ban tổ chức; đuôi tệp chọn định dạng (.xlsx, .csv, .json).\n\n"
        "Loại: attendance (điểm danh, kèm trang tổng hợp), absent (chưa có mặt, kèm số điện "
        "thoại), composition (cơ cấu đại biểu), honours (khen thưởng), programme (chương trình: "
        "kế hoạch và thực tế), journal (nhật ký), higher-level (dự đại hội cấp trên), summary "
        "(báo cáo nhanh một trang, .pdf), credentials (báo cáo tình hình đại biểu dự Đại hội, "
        ".docx hoặc .pdf).\n\n"
        "Ví dụ: daihoi export absent -o chua-co-mat.xlsx",
        "en": "Write a report for the organizers; the file's suffix picks the format "
        "(.xlsx, .csv, .json).\n\n"
        "Kinds: attendance (with a summary sheet), absent (with phone numbers), composition, "
        "honours, programme (planned vs actual), journal (audit trail), higher-level, summary "
        "(one-page .pdf), credentials (the report on delegates present, .docx or .pdf).\n\n"
        "Example: daihoi export absent -o absent.xlsx",
    },
    "cli.stats": {
        "vi": "In số liệu đại biểu có mặt: theo đoàn, theo thành phần, cơ cấu, khen thưởng, "
        "chương trình (như màn hình Tổng quan).\n\nVí dụ: daihoi stats --json",
        "en": "Print the figures: arrivals by delegation and category, composition, honours, "
        "programme (as the dashboard shows them).\n\nExample: daihoi stats --json",
    },
    "cli.opt.bucket": {
        "vi": "Số phút của mỗi cột trong biểu đồ người đến.",
        "en": "Minutes per bar of the arrivals chart.",
    },
    "cli.higher_level": {
        "vi": "Đánh dấu đại biểu được chọn dự đại hội cấp trên.",
        "en": "Mark the delegates chosen for the higher-level congress.",
    },
    "cli.higher_level.mark": {
        "vi": "Đánh dấu các đại biểu (theo số) dự đại hội cấp trên.\n\n"
        "Ví dụ: daihoi higher-level mark 12 57 311",
        "en": "Mark delegates (by id) as going to the higher-level congress.\n\n"
        "Example: daihoi higher-level mark 12 57 311",
    },
    "cli.higher_level.unmark": {
        "vi": "Bỏ đánh dấu dự đại hội cấp trên.\n\nVí dụ: daihoi higher-level unmark 57",
        "en": "Remove the higher-level mark.\n\nExample: daihoi higher-level unmark 57",
    },
    "cli.import.higher_level": {
        "vi": "Đánh dấu dự đại hội cấp trên theo danh sách (.xlsx/.csv có cột Họ và tên, hoặc "
        "Mã, Đơn vị, Năm sinh), đối chiếu như khi nhập danh sách đại biểu.\n\n"
        "Ví dụ: daihoi import higher-level du-dai-hoi-toan-quoc.xlsx --dry-run",
        "en": "Mark delegates for the higher-level congress from a list (.xlsx/.csv with a "
        "name column, optionally id, unit, birth year), matched like the delegate import.\n\n"
        "Example: daihoi import higher-level national.xlsx --dry-run",
    },
    # ---------------------------------------------------------------- export results
    "export.done": {
        "vi": "Đã ghi {path} ({rows} dòng).",
        "en": "Wrote {path} ({rows} rows).",
    },
    "export.summary_done": {"vi": "Đã ghi báo cáo nhanh {path}.", "en": "Wrote summary {path}."},
    "export.csv_first_sheet": {
        "vi": "Tệp .csv chỉ chứa trang chính; trang {sheets} có trong .xlsx và .json.",
        "en": "The .csv holds the main sheet only; {sheets} is in the .xlsx and .json.",
    },
    "export.unknown_kind": {
        "vi": "Không có loại báo cáo {kind} (có: {kinds}).",
        "en": "No report kind {kind} (there are: {kinds}).",
    },
    "export.bad_format": {
        "vi": "Không ghi được {path}: chọn đuôi tệp {formats}.",
        "en": "Cannot write {path}: use the suffix {formats}.",
    },
    "export.summary_pdf": {
        "vi": "Báo cáo nhanh là tệp .pdf: {path} cần đuôi .pdf.",
        "en": "The summary is a PDF: {path} needs the suffix .pdf.",
    },
    "export.cannot_write": {
        "vi": "Không ghi được {path}: {reason}.",
        "en": "Cannot write {path}: {reason}.",
    },
    # ---------------------------------------------------------------- stats
    "stats.arrived": {
        "vi": "Có mặt: {arrived} / {expected} đại biểu ({pct})",
        "en": "Present: {arrived} / {expected} delegates ({pct})",
    },
    "stats.walkins": {
        "vi": "{n} yêu cầu đại biểu phát sinh/thay thế chờ Ban tổ chức duyệt",
        "en": "{n} walk-in/substitute requests waiting for the organizers",
    },
    "stats.by_delegation": {"vi": "Theo đoàn:", "en": "By delegation:"},
    "stats.by_category": {"vi": "Theo thành phần:", "en": "By category:"},
    "stats.composition": {
        "vi": "Cơ cấu đại biểu có mặt:",
        "en": "Composition of those present:",
    },
    "stats.arrivals": {
        "vi": "Người đến: từ {first}, đông nhất {peak} người trong {minutes} phút từ {peak_at}",
        "en": "Arrivals: from {first}, busiest {peak} in {minutes} minutes from {peak_at}",
    },
    "stats.arrivals_outside": {
        "vi": "{n} lượt điểm danh ghi giờ ngoài ngày đại hội, không vẽ trên biểu đồ "
        "(đồng hồ máy bàn điểm danh sai?)",
        "en": "{n} check-ins are stamped outside the event's day and left off the chart "
        "(a desk's clock set wrong?)",
    },
    "stats.honours": {
        "vi": "Khen thưởng: đã trao {presented} / {planned}, vắng {absent}, nhận thay {proxy}",
        "en": "Honours: presented {presented} / {planned}, absent {absent}, by proxy {proxy}",
    },
    "stats.no_honours": {
        "vi": "Khen thưởng: chưa có danh sách",
        "en": "Honours: no list yet",
    },
    "stats.programme_current": {
        "vi": "Chương trình: đang diễn ra {title} ({done}/{total} mục đã xong)",
        "en": "Programme: now {title} ({done}/{total} items done)",
    },
    "stats.programme_idle": {
        "vi": "Chương trình: {done}/{total} mục đã xong",
        "en": "Programme: {done}/{total} items done",
    },
    # ---------------------------------------------------------------- higher level
    "higher.marked": {
        "vi": "Đã đánh dấu {n} đại biểu; tổng cộng {total} đại biểu dự đại hội cấp trên.",
        "en": "Marked {n} delegates; {total} in all go to the higher-level congress.",
    },
    "higher.unmarked": {
        "vi": "Đã bỏ đánh dấu {n} đại biểu; còn {total} đại biểu dự đại hội cấp trên.",
        "en": "Unmarked {n} delegates; {total} still go to the higher-level congress.",
    },
    "higher.no_match": {
        "vi": '"{text}" không có trong danh sách đại biểu',
        "en": '"{text}" is not on the delegate list',
    },
    "higher.ambiguous": {
        "vi": 'có nhiều đại biểu tên "{text}"; thêm Đơn vị hoặc Năm sinh, '
        "hoặc dùng daihoi higher-level mark",
        "en": 'several delegates are named "{text}"; add the unit or birth '
        "year, or use daihoi higher-level mark",
    },
    "higher.import_summary": {
        "vi": "Đánh dấu thêm {marked}, đã có từ trước {already}, không đối chiếu được {unmatched}.",
        "en": "Newly marked {marked}, already marked {already}, not matched {unmatched}.",
    },
    # ---------------------------------------------------------------- dashboard
    "dashboard.arrivals": {
        "vi": "Người đến mỗi {minutes} phút",
        "en": "Arrivals per {minutes} minutes",
    },
    "dashboard.no_arrivals": {"vi": "Chưa có ai điểm danh.", "en": "Nobody has checked in yet."},
    "dashboard.delegations": {"vi": "Có mặt theo đoàn", "en": "Present by delegation"},
    "dashboard.composition": {"vi": "Cơ cấu đại biểu có mặt", "en": "Composition of those present"},
    "dashboard.ceremony": {"vi": "Khen thưởng và chương trình", "en": "Honours and programme"},
    "dashboard.export_done": {"vi": "Đã ghi {path}.", "en": "Wrote {path}."},
    "dashboard.export_question": {
        "vi": "Xuất báo cáo nào? (ghi cạnh tệp sự kiện)",
        "en": "Which report? (written next to the event file)",
    },
    "key.export": {"vi": "Xuất báo cáo", "en": "Export"},
    "export.kind.summary": {
        "vi": "Báo cáo nhanh một trang (.pdf)",
        "en": "One-page summary (.pdf)",
    },
    "export.kind.attendance": {"vi": "Điểm danh (.xlsx)", "en": "Attendance (.xlsx)"},
    "export.kind.absent": {
        "vi": "Đại biểu chưa có mặt, kèm số điện thoại (.xlsx)",
        "en": "Absent delegates, with phones (.xlsx)",
    },
    "export.kind.composition": {"vi": "Cơ cấu đại biểu (.xlsx)", "en": "Composition (.xlsx)"},
    "export.kind.honours": {"vi": "Khen thưởng (.xlsx)", "en": "Honours (.xlsx)"},
    "export.kind.programme": {
        "vi": "Chương trình: kế hoạch và thực tế (.xlsx)",
        "en": "Programme: planned and actual (.xlsx)",
    },
    "export.kind.journal": {"vi": "Nhật ký hoạt động (.xlsx)", "en": "Audit journal (.xlsx)"},
    "export.kind.higher_level": {
        "vi": "Đại biểu dự đại hội cấp trên (.xlsx)",
        "en": "Delegates for the higher-level congress (.xlsx)",
    },
}
