"""Messages of the command line: help texts (with an example each) and results."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.error": {"vi": "Lỗi: {reason}", "en": "Error: {reason}"},
    "cli.main": {
        "vi": "daihoi: bàn điều hành ngày Đại hội Thi đua yêu nước.\n\n"
        "Ví dụ: daihoi demo  (mở bàn điều hành trên sự kiện mẫu)",
        "en": "daihoi: the event-day console for emulation congresses.\n\n"
        "Example: daihoi demo  (opens the console on a demo event)",
    },
    "cli.opt.db": {
        "vi": "Tệp sự kiện (mặc định $DAIHOI_DB, rồi daihoi.db).",
        "en": "Event file (default $DAIHOI_DB, then daihoi.db).",
    },
    "cli.opt.json": {"vi": "In dữ liệu dạng JSON.", "en": "Print data as JSON."},
    "cli.opt.lang": {"vi": "Ngôn ngữ: vi hoặc en.", "en": "Language: vi or en."},
    "cli.opt.help": {"vi": "Hiện hướng dẫn này rồi thoát.", "en": "Show this message and exit."},
    "cli.opt.version": {"vi": "Hiện số phiên bản rồi thoát.", "en": "Show the version and exit."},
    "cli.opt.desk": {
        "vi": "Tên bàn (mặc định $DAIHOI_DESK).",
        "en": "Desk name (default $DAIHOI_DESK).",
    },
    "cli.opt.title": {"vi": "Tên sự kiện.", "en": "Event title."},
    "cli.opt.kind": {
        "vi": "dai-hoi (có chào cờ) hoặc hoi-nghi.",
        "en": "dai-hoi (with flag salute) or hoi-nghi.",
    },
    "cli.opt.date": {"vi": "Ngày, dạng YYYY-MM-DD.", "en": "Date, YYYY-MM-DD."},
    "cli.opt.start": {"vi": "Giờ bắt đầu, dạng HH:MM.", "en": "Start time, HH:MM."},
    "cli.opt.sheet": {"vi": "Tên trang tính (.xlsx).", "en": "Sheet name (.xlsx)."},
    "cli.opt.dry_run": {
        "vi": "Chỉ cho biết sẽ thay đổi gì, không ghi.",
        "en": "Only show what would change; write nothing.",
    },
    "cli.opt.search": {
        "vi": "Tìm theo tên, đơn vị, đoàn (không dấu cũng được).",
        "en": "Search name, unit, delegation (accents optional).",
    },
    "cli.opt.limit": {"vi": "Số dòng tối đa.", "en": "At most this many rows."},
    "cli.opt.screen": {"vi": "Màn hình mở đầu.", "en": "Screen to open first."},
    "cli.opt.require_pin": {
        "vi": "Hỏi PIN của bàn trước khi hiện dữ liệu đại biểu (daihoi serve dùng khi mở ra mạng LAN).",
        "en": "Ask the desk PIN before showing any delegate data (daihoi serve uses it on the LAN).",
    },
    "cli.opt.backup_dir": {
        "vi": "Thư mục thứ hai (ổ USB) nhận bản sao lưu định kỳ trong khi làm việc.",
        "en": "A second place (USB drive) that receives rolling backups while the desk works.",
    },
    "cli.opt.backup_every": {
        "vi": "Sao lưu vào --backup-dir mỗi N phút (mặc định 10).",
        "en": "Back up to --backup-dir every N minutes (default 10).",
    },
    "cli.opt.no_console": {
        "vi": "Chỉ tạo sự kiện mẫu, không mở bàn điều hành.",
        "en": "Only create the demo event; do not open the console.",
    },
    "cli.opt.bench_n": {"vi": "Số đại biểu tổng hợp.", "en": "Number of synthetic delegates."},
    "cli.opt.only": {
        "vi": "Chỉ đo phần này (lặp được).",
        "en": "Measure only this part (repeatable).",
    },
    "cli.init": {
        "vi": "Tạo tệp sự kiện mới (không ghi đè tệp đã có).\n\n"
        'Ví dụ: daihoi init --db tinh.db --title "Đại hội Thi đua yêu nước tỉnh Thái Nguyên lần thứ VI" '
        "--date 2025-09-20 --start 07:30",
        "en": "Create a new event file (never overwrites one).\n\n"
        'Example: daihoi init --db province.db --title "Provincial emulation congress" '
        "--date 2025-09-20 --start 07:30",
    },
    "cli.import": {
        "vi": "Nhập danh sách từ tệp .xlsx/.csv.",
        "en": "Import lists from .xlsx/.csv files.",
    },
    "cli.import.delegates": {
        "vi": "Nhập danh sách đại biểu đã duyệt, đúng như các đơn vị gửi (dòng tiêu đề, ô gộp, "
        "dòng nhóm, dòng ký tên đều được bỏ qua). Nhập lại bản sửa thì cập nhật, không trùng lặp.\n\n"
        "Ví dụ: daihoi import delegates danh-sach.xlsx --dry-run",
        "en": "Import the approved delegate list as units send it (title rows, merged cells, "
        "section rows and signatures are handled). Re-importing a corrected list updates in place.\n\n"
        "Example: daihoi import delegates list.xlsx --dry-run",
    },
    "cli.delegates": {
        "vi": "Liệt kê đại biểu theo thứ tự tên tiếng Việt, hoặc tìm.\n\n"
        'Ví dụ: daihoi delegates --search "hoa nguyen"',
        "en": "List delegates in Vietnamese name order, or search.\n\n"
        'Example: daihoi delegates --search "hoa nguyen"',
    },
    "delegates.count": {"vi": "{n} đại biểu.", "en": "{n} delegates."},
    "cli.codes": {
        "vi": "Liệt kê mã thẻ hiện hành của từng đại biểu.\n\nVí dụ: daihoi codes --json",
        "en": "List each delegate's current badge code.\n\nExample: daihoi codes --json",
    },
    "cli.checkin": {
        "vi": "Điểm danh bằng mã thẻ (quét hoặc gõ). Mã thoát 0 chỉ khi được vào.\n\n"
        'Ví dụ: daihoi checkin "000 123 014 829 103 827" --desk "Bàn 1"',
        "en": "Check in by badge code (scanned or typed). Exit status 0 only when admitted.\n\n"
        'Example: daihoi checkin "000 123 014 829 103 827" --desk "Desk 1"',
    },
    "cli.console": {
        "vi": 'Mở bàn điều hành (giao diện terminal).\n\nVí dụ: daihoi console --desk "Bàn 1" --backup-dir /media/usb --backup-every 10',
        "en": 'Open the console (terminal interface).\n\nExample: daihoi console --desk "Desk 1" --backup-dir /media/usb --backup-every 10',
    },
    "cli.demo": {
        "vi": "Tạo sự kiện mẫu (520 đại biểu tổng hợp) và mở bàn điều hành.\n\nVí dụ: daihoi demo",
        "en": "Create a demo event (520 synthetic delegates) and open the console.\n\nExample: daihoi demo",
    },
    "demo.title": {
        "vi": "Đại hội Thi đua yêu nước tỉnh Thái Nguyên lần thứ VI (mẫu)",
        "en": "Thái Nguyên Provincial Emulation Congress VI (demo)",
    },
    "demo.ready": {"vi": "Sự kiện mẫu: {path}", "en": "Demo event: {path}"},
    "demo.speech": {
        "vi": "Tham luận của {unit}",
        "en": "Speech of {unit}",
    },
    "cli.bench": {
        "vi": "Đo tốc độ trên dữ liệu tổng hợp và in số liệu (trung vị, p95, p99).\n\n"
        "Ví dụ: daihoi bench --delegates 10000",
        "en": "Measure speed on synthetic data and print figures (median, p95, p99).\n\n"
        "Example: daihoi bench --delegates 10000",
    },
    "verdict.admitted.line": {
        "vi": "MỜI VÀO: {who} · ghế {seat}",
        "en": "ADMITTED: {who} · seat {seat}",
    },
    "verdict.already.line": {
        "vi": "ĐÃ ĐIỂM DANH: {who} · lúc {at} tại {desk}",
        "en": "ALREADY CHECKED IN: {who} · at {at}, {desk}",
    },
    "verdict.revoked.line": {
        "vi": "THẺ ĐÃ THU HỒI: {who} · thẻ đã được in lại lúc {at}",
        "en": "REVOKED BADGE: {who} · badge reprinted at {at}",
    },
    "verdict.unknown.line": {
        "vi": "KHÔNG CÓ TRONG DANH SÁCH: {who} · mời sang bàn Ban tổ chức",
        "en": "NOT ON THE APPROVED LIST: {who} · send to the organizers' desk",
    },
    "verdict.invalid.line": {
        "vi": "MÃ KHÔNG HỢP LỆ: không phải thẻ của đại hội này, hoặc gõ sai. Tìm theo tên.",
        "en": "INVALID CODE: not a badge of this event, or mistyped. Search by name.",
    },
}
MESSAGES.update(
    {
        "cli.opt.pin": {"vi": "PIN mới (ít nhất 4 chữ số).", "en": "New PIN (at least 4 digits)."},
        "cli.opt.output": {"vi": "Tệp ghi ra.", "en": "Output file."},
        "cli.opt.approve": {
            "vi": "Duyệt yêu cầu số này (lặp được).",
            "en": "Approve this request (repeatable).",
        },
        "cli.opt.reject": {
            "vi": "Từ chối yêu cầu số này (lặp được).",
            "en": "Reject this request (repeatable).",
        },
        "cli.pin": {
            "vi": "Đặt PIN của bàn (trình duyệt trong mạng LAN) hoặc của Ban tổ chức.\n\n"
            "Ví dụ: daihoi pin organizer",
            "en": "Set the desk PIN (browsers on the LAN) or the organizer PIN.\n\n"
            "Example: daihoi pin organizer",
        },
        "cli.backup": {
            "vi": "Sao lưu nhất quán trong khi các bàn vẫn làm việc (vào tệp hoặc thư mục).\n\n"
            "Ví dụ: daihoi backup /media/usb/",
            "en": "Write a consistent backup while desks keep working (to a file or a folder).\n\n"
            "Example: daihoi backup /media/usb/",
        },
        "cli.clone": {
            "vi": "Tạo bản sao cho một bàn làm việc ngoại tuyến.\n\n"
            'Ví dụ: daihoi clone --desk "Bàn 5" -o ban5.db',
            "en": "Make a desk copy for working offline.\n\n"
            'Example: daihoi clone --desk "Desk 5" -o desk5.db',
        },
        "cli.merge": {
            "vi": "Gộp nhật ký của các bản sao vào sự kiện chính (lặp lại được, thứ tự nào cũng được).\n\n"
            "Ví dụ: daihoi merge ban5.db ban6.db --dry-run",
            "en": "Merge desk copies' journals into the main event (repeatable, any order).\n\n"
            "Example: daihoi merge desk5.db desk6.db --dry-run",
        },
        "cli.walkins": {
            "vi": "Xem, duyệt hoặc từ chối yêu cầu khách ngoài danh sách.\n\n"
            "Ví dụ: daihoi walkins --approve 3",
            "en": "List, approve or reject walk-in requests.\n\n"
            "Example: daihoi walkins --approve 3",
        },
        "walkin.state.pending": {"vi": "chờ duyệt", "en": "pending"},
        "walkin.state.approved": {"vi": "đã duyệt", "en": "approved"},
        "walkin.state.rejected": {"vi": "từ chối", "en": "rejected"},
        "pin.created": {
            "vi": "PIN bàn: {desk} · PIN Ban tổ chức: {organizer} (hãy ghi lại: sẽ không hiện lại).",
            "en": "Desk PIN: {desk} · Organizer PIN: {organizer} (write them down: not shown again).",
        },
        "pin.changed": {"vi": "Đã đổi PIN {kind}.", "en": "{kind} PIN changed."},
        "pin.kind.desk": {"vi": "bàn", "en": "Desk"},
        "pin.kind.organizer": {"vi": "Ban tổ chức", "en": "Organizer"},
        "pin.bad_kind": {"vi": "Loại PIN không hợp lệ: {kind}.", "en": "Unknown PIN kind: {kind}."},
        "pin.too_short": {
            "vi": "PIN phải có ít nhất 4 chữ số.",
            "en": "A PIN needs at least 4 digits.",
        },
    }
)
MESSAGES.update(
    {
        "cli.serve": {
            "vi": "Phục vụ bàn điều hành cho trình duyệt trong mạng LAN (mỗi thẻ trình duyệt là một bàn, "
            "tự đặt tên bàn). Mặc định chỉ 127.0.0.1; địa chỉ khác thì trang web hỏi tên bàn và "
            "PIN bàn trước khi mở bàn nào, nhập sai nhiều lần thì bị khoá.\n\n"
            "Ví dụ: daihoi serve --host 0.0.0.0 --port 8443 --tls",
            "en": "Serve the console to browsers on the LAN (each browser tab is a desk that names "
            "itself). Binds 127.0.0.1 unless told otherwise; on any other address the page asks "
            "a desk name and the desk PIN before any desk opens, and locks out repeated wrong "
            "PINs.\n\n"
            "Example: daihoi serve --host 0.0.0.0 --port 8443 --tls",
        },
        "cli.opt.host": {"vi": "Địa chỉ lắng nghe.", "en": "Address to listen on."},
        "cli.opt.port": {"vi": "Cổng.", "en": "Port."},
    }
)
