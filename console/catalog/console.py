"""Messages of the console: screens, keys, columns, reception."""

MESSAGES: dict[str, dict[str, str]] = {
    "console.cannot_write": {
        "vi": "Không ghi được {path}: {reason}. Kiểm tra ổ đĩa (còn chỗ trống, không bị khoá ghi).",
        "en": "Cannot write {path}: {reason}. Check the drive (free space, not write-protected).",
    },
    "screen.short.reception": {"vi": "Đón tiếp", "en": "Desk"},
    "screen.short.delegates": {"vi": "Đại biểu", "en": "People"},
    "screen.short.programme": {"vi": "MC", "en": "MC"},
    "screen.short.ceremony": {"vi": "Khen", "en": "Honours"},
    "screen.short.dashboard": {"vi": "Số liệu", "en": "Stats"},
    "key.honours_tray_save": {"vi": "Ghi bảng khay (PDF)", "en": "Save tray sheet (PDF)"},
    "mc.waiting": {
        "vi": "Chưa đến ngày: theo kế hoạch bắt đầu {start}, kết thúc {end}.",
        "en": "The day has not come: planned to start at {start} and end at {end}.",
    },
    "mc.end_offset": {"vi": "({offset})", "en": "({offset})"},
    "mc.next_offset": {"vi": "mục tiếp theo {offset}", "en": "next item {offset}"},
    "mc.minutes_again": {
        "vi": "“{value}” không phải số phút. Số phút cho “{title}” (tiêu đề đã giữ):",
        "en": "“{value}” is not a number of minutes. Minutes for “{title}” (title kept):",
    },
    "desk.ask": {
        "vi": "Lần đầu mở trên máy này: bàn này tên là gì? (ví dụ: Bàn 1, Bàn cửa Đông). "
        "Tên hiện trên mọi bàn khi đại biểu đã điểm danh ở đây; máy sẽ nhớ cho lần sau.",
        "en": "First start on this computer: what is this desk called? (e.g. Desk 1, East door). "
        "Every desk shows it when a delegate checked in here; this computer remembers it.",
    },
    "organizer.unprotected": {
        "vi": "Việc của Ban tổ chức ({action}) đang chạy KHÔNG có PIN bảo vệ: "
        "đặt PIN bằng lệnh daihoi pin để chỉ Ban tổ chức làm được.",
        "en": "Organizer action ({action}) running WITHOUT a PIN: set one with daihoi pin "
        "so only organizers can do it.",
    },
    "key.quit": {"vi": "Thoát", "en": "Quit"},
    "key.help": {"vi": "Phím", "en": "Keys"},
    "help.title": {"vi": "Các phím", "en": "Keys"},
    "help.this_screen": {"vi": "Màn hình này", "en": "This screen"},
    "help.everywhere": {"vi": "Mọi màn hình", "en": "Every screen"},
    "help.palette": {
        "vi": "Bảng lệnh: gõ vài chữ (không dấu cũng được) để tìm màn hình hoặc lệnh",
        "en": "Command palette: type a few letters to find a screen or a command",
    },
    "help.close": {"vi": "Nhấn phím bất kỳ để đóng.", "en": "Press any key to close."},
    "palette.placeholder": {
        "vi": "Tìm lệnh hoặc màn hình (không dấu cũng được)…",
        "en": "Search for a command or a screen…",
    },
    "palette.no_matches": {"vi": "Không tìm thấy lệnh nào", "en": "No matches found"},
    "app.quit_question": {"vi": "Muốn thoát?", "en": "Do you want to quit?"},
    "app.how_to_quit": {
        "vi": "Nhấn ctrl+q để thoát chương trình.",
        "en": "Press ctrl+q to quit the app.",
    },
    "key.scan_field": {"vi": "Ô quét", "en": "Scan field"},
    "column.born": {"vi": "Sinh", "en": "Born"},
    "reception.scan_lost": {
        "vi": "⚠ Ô QUÉT KHÔNG ĐƯỢC CHỌN: thẻ quét vẫn được nhận; nhấn Esc để gõ tên.",
        "en": "⚠ THE SCAN FIELD IS NOT SELECTED: scans still land; press Esc to type a name.",
    },
    "reception.one_match": {
        "vi": "1 đại biểu khớp: Enter để điểm danh.",
        "en": "1 delegate matches: Enter checks them in.",
    },
    "reception.many_matches": {
        "vi": "{n} đại biểu khớp ({shown} hiện ra): gõ thêm, hoặc Enter rồi ↑↓ chọn người.",
        "en": "{n} delegates match ({shown} shown): type more, or Enter then ↑↓ to pick one.",
    },
    "reception.admit_question": {
        "vi": "Điểm danh đại biểu này?\n\n{name}\nĐơn vị: {unit}\nĐoàn: {delegation}\nNăm sinh: {born}",
        "en": "Check in this delegate?\n\n{name}\nUnit: {unit}\nDelegation: {delegation}\nBorn: {born}",
    },
    "confirm.yes_button": {"vi": "Có (C)", "en": "Yes (Y)"},
    "confirm.no_button": {"vi": "Không (K)", "en": "No (N)"},
    "confirm.keys": {
        "vi": "C: Có · K hoặc Esc: Không · Enter: Không (huỷ)",
        "en": "Y: Yes · N or Esc: No · Enter: No (cancel)",
    },
    "confirm.cancelled": {
        "vi": "Đã huỷ: không có gì thay đổi.",
        "en": "Cancelled: nothing changed.",
    },
    "scan.overlay_hint": {
        "vi": "Nhấn phím bất kỳ để đóng (tự đóng sau vài giây).",
        "en": "Press any key to close (closes by itself in a few seconds).",
    },
    "scan.refused_screen": {
        "vi": "Màn hình này không điểm danh: thẻ vừa quét KHÔNG được ghi. Quét ở Đón tiếp (F1).",
        "en": "This screen does not check in: that scan was NOT recorded. Scan at Reception (F1).",
    },
    "scan.refused_dialog": {
        "vi": "Đang mở hộp thoại: thẻ vừa quét KHÔNG được ghi. Trả lời hoặc Esc, rồi quét lại.",
        "en": "A dialog is open: that scan was NOT recorded. Answer it or press Esc, then scan again.",
    },
    "screen.reception": {"vi": "Đón tiếp", "en": "Reception"},
    "screen.delegates": {"vi": "Đại biểu", "en": "Delegates"},
    "screen.programme": {"vi": "Chương trình", "en": "Programme"},
    "screen.stage": {"vi": "Màn hình sân khấu", "en": "Stage view"},
    "screen.ceremony": {"vi": "Khen thưởng", "en": "Honours"},
    "screen.dashboard": {"vi": "Tổng quan", "en": "Dashboard"},
    "key.clear": {"vi": "Xoá", "en": "Clear"},
    "key.cancel": {"vi": "Huỷ", "en": "Cancel"},
    "key.yes": {"vi": "Có", "en": "Yes"},
    "key.no": {"vi": "Không", "en": "No"},
    "key.next": {"vi": "Dòng sau", "en": "Next row"},
    "key.previous": {"vi": "Dòng trước", "en": "Previous row"},
    "key.undo": {"vi": "Huỷ điểm danh", "en": "Undo check-in"},
    "key.walkin": {"vi": "Khách ngoài DS", "en": "Walk-in"},
    "key.approve_walkins": {"vi": "Duyệt khách", "en": "Approve walk-ins"},
    "key.reject": {"vi": "Từ chối", "en": "Reject"},
    "column.arrived": {"vi": "Đến", "en": "In"},
    "column.name": {"vi": "Họ và tên", "en": "Name"},
    "column.delegation": {"vi": "Đoàn", "en": "Delegation"},
    "column.unit": {"vi": "Đơn vị", "en": "Unit"},
    "column.category": {"vi": "Thành phần", "en": "Category"},
    "column.seat": {"vi": "Ghế", "en": "Seat"},
    "stats.word.gender": {"vi": "Giới tính", "en": "Gender"},
    "stats.word.ethnicity": {"vi": "Dân tộc", "en": "Ethnicity"},
    "stats.word.religion": {"vi": "Tôn giáo", "en": "Religion"},
    "stats.word.age": {"vi": "Độ tuổi", "en": "Age"},
    "stats.word.category": {"vi": "Thành phần", "en": "Category"},
    "stats.word.delegation": {"vi": "Đoàn", "en": "Delegation"},
    "stats.word.unknown": {"vi": "Không rõ", "en": "Unknown"},
    "stats.word.kinh": {"vi": "Kinh", "en": "Kinh"},
    "stats.word.minorities": {"vi": "Dân tộc thiểu số", "en": "Ethnic minorities"},
    "stats.word.no_religion": {"vi": "Không", "en": "None"},
    "stats.word.male": {"vi": "Nam", "en": "Male"},
    "stats.word.female": {"vi": "Nữ", "en": "Female"},
    "stats.word.age_band_0": {"vi": "Dưới 30 tuổi", "en": "Under 30"},
    "stats.word.age_band_1": {"vi": "Từ 30 đến 39 tuổi", "en": "30 to 39"},
    "stats.word.age_band_2": {"vi": "Từ 40 đến 49 tuổi", "en": "40 to 49"},
    "stats.word.age_band_3": {"vi": "Từ 50 đến 59 tuổi", "en": "50 to 59"},
    "stats.word.age_band_4": {"vi": "Từ 60 tuổi trở lên", "en": "60 and over"},
    "programme.column.time": {"vi": "Giờ", "en": "Time"},
    "ceremony.column.honour_items": {"vi": "Hình thức · kèm theo", "en": "Honour · items"},
    "column.time": {"vi": "Giờ", "en": "Time"},
    "delegates.placeholder": {
        "vi": "Tìm: tên (không dấu cũng được), chữ cái đầu, đơn vị, đoàn…",
        "en": "Search: name (accents optional), initials, unit, delegation…",
    },
    "delegates.found": {"vi": "{shown} / {total} đại biểu", "en": "{shown} / {total} delegates"},
    "reception.placeholder": {
        "vi": "Quét thẻ, gõ mã, hoặc gõ tên rồi Enter",
        "en": "Scan a badge, type a code, or type a name and press Enter",
    },
    "reception.ready": {"vi": "Sẵn sàng quét thẻ.", "en": "Ready to scan."},
    "reception.no_match": {
        "vi": "Không có đại biểu nào khớp. Kiểm tra chính tả, hoặc F6 nếu khách không có trong danh sách.",
        "en": "No delegate matches. Check the spelling, or F6 if the person is not on the list.",
    },
    "reception.arrived": {
        "vi": "Đã đến: {arrived} / {expected} ({pct}%)",
        "en": "Arrived: {arrived} / {expected} ({pct}%)",
    },
    "reception.no_delegation": {"vi": "(chưa xếp đoàn)", "en": "(no delegation)"},
    "reception.recent": {"vi": "Vừa điểm danh tại bàn này", "en": "Latest check-ins at this desk"},
    "reception.undo_nothing": {
        "vi": "Chọn một đại biểu đã điểm danh để huỷ.",
        "en": "Select a checked-in delegate to undo.",
    },
    "reception.undo_question": {
        "vi": "Huỷ điểm danh của {name}? Nhập lý do rồi Enter (Esc để thôi).",
        "en": "Undo the check-in of {name}? Type a reason and press Enter (Esc to keep it).",
    },
    "reception.undo_reason": {"vi": "Lý do", "en": "Reason"},
    "reception.undone": {"vi": "Đã huỷ điểm danh của {name}.", "en": "Check-in of {name} undone."},
    "reception.walkin_recorded": {
        "vi": "Đã ghi yêu cầu số {id} ({name}): chờ Ban tổ chức duyệt, chưa thêm vào danh sách.",
        "en": "Request {id} recorded ({name}): waiting for the organizers; not added to the list.",
    },
    "reception.no_walkins": {
        "vi": "Không có yêu cầu khách nào chờ duyệt.",
        "en": "No walk-in request is waiting.",
    },
    "reception.walkin_approved": {
        "vi": "Đã duyệt {name}: đã thêm vào danh sách, có mã thẻ, có thể điểm danh.",
        "en": "{name} approved: added to the list with a badge code, ready to check in.",
    },
    "reception.walkin_print_question": {
        "vi": "In thẻ cho {name} ngay bây giờ?",
        "en": "Print {name}'s badge now?",
    },
    "reception.printing": {"vi": "Đang in thẻ của {name}…", "en": "Printing {name}'s badge…"},
    "reception.printed_printer": {
        "vi": "Đã in thẻ của {name} (mã {code}), đã gửi tới máy in {printer}. Tệp: {path}",
        "en": "Printed {name}'s badge (code {code}), sent to the printer {printer}. File: {path}",
    },
    "reception.printed_file": {
        "vi": "Đã ghi thẻ của {name} (mã {code}) vào tệp {path}. Không có máy in mặc định: "
        "mở tệp để in.",
        "en": "Wrote {name}'s badge (code {code}) to {path}. No default printer: open the file "
        "to print it.",
    },
    "reception.walkin_rejected": {
        "vi": "Đã từ chối yêu cầu của {name}.",
        "en": "{name}'s request rejected.",
    },
    "walkin.pick_title": {
        "vi": "Yêu cầu chờ duyệt — Enter: duyệt, X: từ chối, Esc: thôi",
        "en": "Waiting requests — Enter: approve, X: reject, Esc: close",
    },
    "walkin.title": {
        "vi": "Người không có trong danh sách: ghi yêu cầu để Ban tổ chức duyệt",
        "en": "Not on the list: record a request for the organizers",
    },
    "walkin.name": {"vi": "Họ và tên", "en": "Full name"},
    "walkin.unit": {"vi": "Đơn vị", "en": "Unit"},
    "walkin.reason": {"vi": "Lý do (Enter để gửi)", "en": "Reason (Enter to send)"},
    "walkin.substitute": {"vi": "Thay thế cho {name}", "en": "Substitute for {name}"},
    "verdict.admitted": {"vi": "✔ MỜI VÀO", "en": "✔ ADMITTED"},
    "verdict.already": {"vi": "● ĐÃ ĐIỂM DANH", "en": "● ALREADY CHECKED IN"},
    "verdict.revoked": {"vi": "✖ THẺ ĐÃ THU HỒI", "en": "✖ REVOKED BADGE"},
    "verdict.invalid": {"vi": "✖ MÃ KHÔNG HỢP LỆ", "en": "✖ INVALID CODE"},
    "verdict.unknown": {"vi": "✖ KHÔNG CÓ TRONG DANH SÁCH", "en": "✖ NOT ON THE APPROVED LIST"},
    "verdict.repeat": {"vi": "(quét lặp lại)", "en": "(repeat scan)"},
    "verdict.seat": {"vi": "Ghế {seat}", "en": "Seat {seat}"},
    "note.speaks": {"vi": "Phát biểu hôm nay: {title}", "en": "Speaks today: {title}"},
    "note.honour": {"vi": "Nhận khen thưởng: {form}", "en": "Receives: {form}"},
    "note.honour_group": {
        "vi": "Nhận khen thưởng: {form} — {group}",
        "en": "Receives: {form} — {group}",
    },
    "verdict.already.detail": {
        "vi": "Đã điểm danh lúc {at} tại {desk}.",
        "en": "Checked in at {at} at {desk}.",
    },
    "verdict.revoked.detail": {
        "vi": "Thẻ đã được in lại lúc {at}: thu thẻ cũ, dùng thẻ mới hoặc tìm theo tên.",
        "en": "This badge was reprinted at {at}: take it back; use the new badge or search by name.",
    },
    "verdict.unknown.detail": {
        "vi": "Không có trong danh sách đã duyệt: mời sang bàn Ban tổ chức (F6 để ghi yêu cầu).",
        "en": "Not on the approved list: send to the organizers' desk (F6 records a request).",
    },
    "verdict.invalid.detail": {
        "vi": "Không phải thẻ của đại hội này, hoặc mã gõ sai. Tìm theo tên để điểm danh.",
        "en": "Not a badge of this event, or a mistyped code. Search by name to check in.",
    },
}
MESSAGES.update(
    {
        "pin.desk_prompt": {
            "vi": "Bàn điều hành qua mạng: nhập tên bàn và PIN bàn để tiếp tục.",
            "en": "Console over the network: enter the desk name and the desk PIN to continue.",
        },
        "pin.desk_name": {"vi": "Tên bàn", "en": "Desk name"},
        "pin.placeholder": {"vi": "PIN", "en": "PIN"},
        "pin.wrong": {"vi": "Sai PIN. Thử lại.", "en": "Wrong PIN. Try again."},
        "pin.organizer_prompt": {
            "vi": "Việc của Ban tổ chức ({action}): nhập PIN Ban tổ chức (Esc để thôi).",
            "en": "Organizer action ({action}): enter the organizer PIN (Esc to cancel).",
        },
        "pin.action.approve_walkin": {
            "vi": "duyệt khách ngoài danh sách",
            "en": "approve walk-ins",
        },
        "pin.action.undo_other_desk": {
            "vi": "huỷ điểm danh của bàn khác",
            "en": "undo another desk's check-in",
        },
    }
)
