"""Messages of printing badges from the console, the print history, trays and exports from the
same screen, keeping the event safe (backups, desk copies, merges, PINs) and the command line's
progress bars."""

MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- library refusals
    "badge.bad_only": {
        "vi": "Không hiểu lựa chọn {only}; chọn một trong: {choices}.",
        "en": "Unknown choice {only}; choose one of: {choices}.",
    },
    "badge.none_new": {
        "vi": "Không có thẻ nào chưa in: mọi đại biểu đã chọn đều đã được in thẻ.",
        "en": "No badge left to print: every chosen delegate's badge has been printed.",
    },
    "badge.none_changed": {
        "vi": "Không có thẻ nào thay đổi kể từ lần in trước.",
        "en": "No badge has changed since it was printed.",
    },
    "badge.already_printed": {
        "vi": "Lưu ý: {n} thẻ đã được in trước đó (lần gần nhất {at}, {desk}): in lại là tốn thẻ.",
        "en": "Note: {n} of these badges were printed before (last {at}, {desk}): "
        "printing them again wastes card stock.",
    },
    "print.no_cups": {
        "vi": "Máy này không có CUPS (lệnh lp): chưa gửi ra máy in. Tệp PDF vẫn ở {path}: "
        "mở nó và in từ trình xem PDF.",
        "en": "This computer has no CUPS (the lp command): nothing was sent to a printer. "
        "The PDF is at {path}: open it and print from a PDF viewer.",
    },
    "print.failed": {
        "vi": "Máy in {printer} không nhận tệp {path}: {reason}. Tệp PDF vẫn còn nguyên.",
        "en": "The printer {printer} did not take {path}: {reason}. The PDF is kept.",
    },
    # ---------------------------------------------------------------- command line
    "cli.opt.only_new": {
        "vi": "Chỉ in thẻ của đại biểu chưa từng được in thẻ.",
        "en": "Only the badges never printed.",
    },
    "cli.opt.changed": {
        "vi": "Chỉ in thẻ đã thay đổi (họ tên, chức vụ, đơn vị, đoàn, ghế, thành phần) "
        "kể từ lần in trước.",
        "en": "Only the badges changed (name, position, unit, delegation, seat, category) "
        "since they were printed.",
    },
    "cli.only_both": {
        "vi": "Chọn --only-new hoặc --changed, không chọn cả hai.",
        "en": "Choose --only-new or --changed, not both.",
    },
    "progress.badges": {"vi": "Vẽ thẻ", "en": "Drawing badges"},
    "progress.import": {"vi": "Đọc danh sách", "en": "Reading the list"},
    "progress.export": {"vi": "Ghi báo cáo", "en": "Writing the report"},
    "progress.merge": {"vi": "Gộp bản sao", "en": "Merging"},
    # ---------------------------------------------------------------- print screen
    "screen.printing": {"vi": "In thẻ và xuất báo cáo", "en": "Badges and reports"},
    "printing.title": {"vi": "In thẻ đại biểu", "en": "Print badges"},
    "printing.which": {"vi": "In thẻ nào", "en": "Which badges"},
    "printing.only.all": {"vi": "Tất cả", "en": "All"},
    "printing.only.delegation": {"vi": "Một đoàn", "en": "One delegation"},
    "printing.only.new": {"vi": "Chưa in", "en": "Never printed"},
    "printing.only.changed": {"vi": "Đã thay đổi", "en": "Changed"},
    "printing.delegation": {"vi": "Đoàn", "en": "Delegation"},
    "printing.layout": {"vi": "Khổ thẻ", "en": "Layout"},
    "printing.printer": {"vi": "Máy in", "en": "Printer"},
    "printing.no_printer": {"vi": "(không có máy in: chỉ ghi PDF)", "en": "(no printer: PDF only)"},
    "printing.file": {"vi": "Tệp PDF", "en": "PDF file"},
    "printing.layout.a6": {"vi": "A6: 4 thẻ một tờ A4", "en": "A6: 4 per A4 sheet"},
    "printing.layout.a7": {"vi": "A7: 8 thẻ một tờ A4", "en": "A7: 8 per A4 sheet"},
    "printing.layout.card": {"vi": "Thẻ 90 × 130 mm, 4 thẻ/A4", "en": "Card 90 × 130 mm, 4 per A4"},
    "printing.layout.label-62": {
        "vi": "Cuộn nhãn 62 mm, 1 thẻ/nhãn",
        "en": "62 mm label roll, 1 per label",
    },
    "printing.count": {
        "vi": "{n} thẻ, {pages} trang ({per_page} thẻ/trang).",
        "en": "{n} badges, {pages} pages ({per_page} per page).",
    },
    "printing.count_none": {
        "vi": "Không có thẻ nào để in: {reason}",
        "en": "Nothing to print: {reason}",
    },
    "printing.already": {
        "vi": "{n} thẻ trong số này đã in trước đó (lần gần nhất {at}, {desk}).",
        "en": "{n} of them were printed before (last {at}, {desk}).",
    },
    "printing.first_sheet": {"vi": "Trang đầu tiên", "en": "First sheet"},
    "printing.col.slot": {"vi": "Ô", "en": "Slot"},
    "printing.col.name": {"vi": "Họ và tên", "en": "Name"},
    "printing.col.delegation": {"vi": "Đoàn", "en": "Delegation"},
    "printing.col.state": {"vi": "Tình trạng", "en": "State"},
    "printing.state.new": {"vi": "chưa in", "en": "new"},
    "printing.state.changed": {"vi": "đã đổi", "en": "changed"},
    "printing.state.printed": {"vi": "đã in", "en": "printed"},
    "printing.write": {"vi": "Ghi PDF", "en": "Write PDF"},
    "printing.print": {"vi": "Ghi và in", "en": "Write and print"},
    "printing.reprint_question": {
        "vi": "{n} thẻ đã được in trước đó (lần gần nhất {at}, {desk}). Vẫn in lại những thẻ này?",
        "en": "{n} of these badges were printed before (last {at}, {desk}). Print them again?",
    },
    "printing.rendering": {"vi": "Đang vẽ {n} thẻ…", "en": "Drawing {n} badges…"},
    "printing.drawn": {"vi": "Đã vẽ xong {n} thẻ.", "en": "Drew {n} badges."},
    "printing.planning": {"vi": "Đang đếm thẻ…", "en": "Counting the badges…"},
    "printing.finding_printers": {"vi": "Đang tìm máy in…", "en": "Looking for printers…"},
    "printing.written": {
        "vi": "Đã ghi {n} thẻ ({pages} trang) vào {path}.",
        "en": "Wrote {n} badges ({pages} pages) to {path}.",
    },
    "printing.sent": {
        "vi": "Đã gửi {path} tới máy in {printer}. {job}",
        "en": "Sent {path} to the printer {printer}. {job}",
    },
    "printing.outputs": {"vi": "Phiếu khay, báo cáo", "en": "Trays and reports"},
    "printing.report": {"vi": "Báo cáo", "en": "Report"},
    "printing.tray": {"vi": "Phiếu khay khen thưởng (.pdf)", "en": "Honours tray sheets (.pdf)"},
    "printing.write_report": {"vi": "Ghi báo cáo", "en": "Write report"},
    "printing.writing": {"vi": "Đang ghi {what}…", "en": "Writing {what}…"},
    "printing.report_written": {"vi": "Đã ghi {path}.", "en": "Wrote {path}."},
    "key.print_write": {"vi": "Ghi PDF", "en": "Write PDF"},
    "key.print_send": {"vi": "Ghi và in", "en": "Write and print"},
    "key.print_report": {"vi": "Ghi báo cáo", "en": "Write report"},
    "key.back": {"vi": "Quay lại", "en": "Back"},
    "pin.action.print_badges": {"vi": "in thẻ đại biểu", "en": "print badges"},
    # ---------------------------------------------------------------- safety screen
    "screen.safety": {"vi": "Giữ an toàn dữ liệu", "en": "Keeping the event safe"},
    "safety.backup": {"vi": "Sao lưu", "en": "Backups"},
    "safety.backup_folder": {"vi": "Thư mục sao lưu (ổ USB)", "en": "Backup folder (USB drive)"},
    "safety.backup_now": {"vi": "Sao lưu ngay", "en": "Back up now"},
    "safety.every": {"vi": "Mỗi (phút)", "en": "Every (minutes)"},
    "safety.schedule": {"vi": "Sao lưu định kỳ", "en": "Back up on a schedule"},
    "safety.scheduled": {
        "vi": "Sao lưu định kỳ mỗi {minutes} phút vào {path} (giữ 12 bản gần nhất).",
        "en": "Backing up every {minutes} minutes to {path} (the newest 12 kept).",
    },
    "safety.not_scheduled": {"vi": "Chưa sao lưu định kỳ.", "en": "No scheduled backups."},
    "safety.last_backup": {"vi": "Bản sao lưu gần nhất: {path}", "en": "Latest backup: {path}"},
    "safety.bad_minutes": {
        "vi": "Số phút phải là số nguyên từ 1 đến 240, không phải «{value}».",
        "en": "Minutes must be a whole number from 1 to 240, not “{value}”.",
    },
    "safety.copies": {"vi": "Bản sao cho bàn", "en": "Desk copies"},
    "safety.desk_name": {"vi": "Tên bàn", "en": "Desk name"},
    "safety.make_copy": {"vi": "Tạo bản sao", "en": "Make a copy"},
    "safety.copy_path": {"vi": "Tệp bản sao", "en": "Copy file"},
    "safety.desk_hint": {
        "vi": "gõ tên bàn sẽ dùng bản sao, ví dụ Bàn 2",
        "en": "type the name of the desk that will use the copy, e.g. Desk 2",
    },
    "safety.desk_example": {"vi": "Bàn 2", "en": "Desk 2"},
    "safety.need_desk": {
        "vi": "Chưa có tên bàn: gõ tên bàn sẽ dùng bản sao (ví dụ Bàn 2), rồi Enter.",
        "en": "No desk name yet: type the name of the desk that will use the copy (e.g. Desk 2), then Enter.",
    },
    "safety.need_copy_path": {
        "vi": "Chưa có tệp bản sao: gõ đường dẫn tệp sẽ tạo (ví dụ /media/usb/ban-2.db), rồi Enter.",
        "en": "No copy file yet: type the path of the file to make (e.g. /media/usb/desk-2.db), then Enter.",
    },
    "safety.copy_exists": {
        "vi": "{path} đã có: không ghi đè. Đổi tên bàn hoặc tên tệp bản sao.",
        "en": "{path} already exists: not overwriting it. Change the desk name or the copy's file name.",
    },
    "safety.copy_no_folder": {
        "vi": "Không có thư mục {path}: cắm ổ USB hoặc sửa đường dẫn tệp bản sao.",
        "en": "There is no folder {path}: plug in the USB drive or correct the copy's path.",
    },
    "safety.clone_done": {
        "vi": "Đã tạo bản sao cho {desk}: {path}. Mang tệp sang máy của bàn đó, làm việc ngoại "
        "tuyến, rồi gộp lại ngay trên màn hình này (ctrl+s → Gộp bản sao; ô «Bản sao cần gộp» đã "
        "điền sẵn). Bản sao mang khoá bí mật của sự kiện (ai có nó làm được thẻ hợp lệ): giữ như "
        "tệp sự kiện, xoá sau khi gộp.",
        "en": "Desk copy for {desk}: {path}. Take the file to that desk's computer, work offline, "
        "then merge it back from this screen (ctrl+s → Merge a desk copy; the “Copy to merge” "
        "field is filled in). The copy carries the event's secret (whoever has it can make valid "
        "badges): keep it like the event file and delete it after merging.",
    },
    "safety.merge_path": {"vi": "Bản sao cần gộp", "en": "Copy to merge"},
    "safety.merge_preview": {"vi": "Xem trước khi gộp", "en": "Preview the merge"},
    "safety.merge": {"vi": "Gộp vào tệp chính", "en": "Merge into the main file"},
    "safety.preview": {
        "vi": "Gộp {path} sẽ thêm {rows} dòng nhật ký: {checkins} điểm danh, {duplicates} trùng "
        "(giữ lần sớm nhất), {undos} huỷ, {delegates} đại biểu thêm/sửa, {revocations} thẻ thu "
        "hồi, {walkins} yêu cầu khách; trả về bàn {back} dòng.",
        "en": "Merging {path} would add {rows} journal rows: {checkins} check-ins, {duplicates} "
        "duplicates (earliest kept), {undos} undone, {delegates} delegates added/updated, "
        "{revocations} badges revoked, {walkins} walk-in requests; {back} rows back to the desk.",
    },
    "safety.nothing_new": {
        "vi": "{path} không có gì mới: đã gộp trước đó.",
        "en": "{path} has nothing new: merged before.",
    },
    "safety.preview_first": {
        "vi": "Xem trước bản gộp trước (nút Xem trước), rồi mới gộp.",
        "en": "Preview the merge first (the Preview button), then merge.",
    },
    "safety.pins": {"vi": "Mã PIN", "en": "PINs"},
    "safety.pin_kind": {"vi": "Loại PIN", "en": "PIN kind"},
    "safety.pin_new": {"vi": "PIN mới (ít nhất 4 chữ số)", "en": "New PIN (4 digits or more)"},
    "safety.pin_again": {"vi": "Nhập lại PIN mới", "en": "New PIN again"},
    "safety.pin_set": {"vi": "Đặt PIN", "en": "Set PIN"},
    "safety.pin_mismatch": {
        "vi": "Hai lần nhập PIN không giống nhau: chưa đổi gì.",
        "en": "The two PINs differ: nothing changed.",
    },
    "safety.pin_state": {
        "vi": "PIN bàn: {desk}. PIN Ban tổ chức: {organizer}.",
        "en": "Desk PIN: {desk}. Organizer PIN: {organizer}.",
    },
    "safety.pin_is_set": {"vi": "đã đặt", "en": "set"},
    "safety.pin_not_set": {"vi": "chưa đặt", "en": "not set"},
    "key.backup_now": {"vi": "Sao lưu ngay", "en": "Back up now"},
    "pin.action.backup": {"vi": "sao lưu", "en": "back up"},
    "pin.action.clone": {"vi": "tạo bản sao cho bàn", "en": "make a desk copy"},
    "pin.action.merge": {"vi": "gộp bản sao của bàn", "en": "merge a desk copy"},
    "pin.action.set_pin": {"vi": "đặt hoặc đổi PIN", "en": "set or change a PIN"},
    # ---------------------------------------------------------------- palette
    "palette.print_badges": {"vi": "In thẻ đại biểu", "en": "Print badges"},
    "palette.print_new": {"vi": "In thẻ chưa in", "en": "Print the badges never printed"},
    "palette.print_changed": {
        "vi": "In thẻ đã thay đổi từ lần in trước",
        "en": "Print the badges changed since printed",
    },
    "palette.print_delegation": {"vi": "In thẻ một đoàn", "en": "Print one delegation's badges"},
    "palette.tray": {"vi": "Ghi phiếu khay khen thưởng", "en": "Write the honours tray sheets"},
    "palette.summary": {"vi": "Ghi báo cáo nhanh một trang", "en": "Write the one-page summary"},
    "palette.exports": {"vi": "Xuất báo cáo", "en": "Export a report"},
    "palette.backup_now": {"vi": "Sao lưu ngay", "en": "Back up now"},
    "palette.safety": {
        "vi": "Mở màn hình sao lưu, bản sao cho bàn và mã PIN",
        "en": "Open the backups, desk copies and PINs screen",
    },
    "palette.backup_schedule": {"vi": "Sao lưu định kỳ", "en": "Back up on a schedule"},
    "palette.clone": {"vi": "Tạo bản sao cho bàn", "en": "Make a desk copy"},
    "palette.merge": {"vi": "Gộp bản sao của bàn", "en": "Merge a desk copy"},
    "palette.pins": {"vi": "Đặt hoặc đổi mã PIN", "en": "Set or change a PIN"},
}
