"""Messages of the honours area: the ceremony screen, the honours commands, tray sheets."""

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ refusals
    "honours.unknown": {
        "vi": "Không có khen thưởng số {id}.",
        "en": "There is no honour number {id}.",
    },
    "honours.bad_state": {
        "vi": "Trạng thái không hợp lệ: {state}.",
        "en": "Not a valid state: {state}.",
    },
    "honours.proxy_needs_name": {
        "vi": "Nhận thay cho {recipient}: cần ghi tên người nhận thay.",
        "en": "Received on behalf of {recipient}: say who received it.",
    },
    "honours.is_withdrawn": {
        "vi": "Khen thưởng của {recipient} đã rút khỏi danh sách; đưa về «dự kiến» trước.",
        "en": "{recipient}'s honour was withdrawn; put it back to planned first.",
    },
    "honours.add_incomplete": {
        "vi": "Cần tên người (tập thể) nhận và hình thức khen thưởng.",
        "en": "A recipient and a form of honour are both needed.",
    },
    "honours.unknown_group": {
        "vi": "Không có đợt «{group}». Các đợt: {groups}.",
        "en": "There is no group “{group}”. Groups: {groups}.",
    },
    "honours.import.no_header": {
        "vi": "{file}: không tìm thấy dòng tiêu đề có cột tên tập thể/cá nhân và cột hình thức "
        "khen thưởng (hoặc đơn vị, chức vụ, quyết định).",
        "en": "{file}: no header row naming a recipient column and a form of honour (or unit, "
        "position, decision) column.",
    },
    "honours.import.no_recipient": {
        "vi": "có hình thức khen thưởng nhưng không có tên người nhận",
        "en": "a form of honour without a recipient",
    },
    "honours.import.no_form": {
        "vi": "{recipient}: không rõ hình thức khen thưởng",
        "en": "{recipient}: no form of honour",
    },
    # ------------------------------------------------------------------ words
    "honours.state.planned": {"vi": "dự kiến", "en": "planned"},
    "honours.state.called": {"vi": "đã mời", "en": "called"},
    "honours.state.presented": {"vi": "đã trao", "en": "presented"},
    "honours.state.absent": {"vi": "vắng", "en": "absent"},
    "honours.state.proxy": {"vi": "nhận thay", "en": "on behalf"},
    "honours.state.withdrawn": {"vi": "đã rút", "en": "withdrawn"},
    "honours.match.matched": {"vi": "đã khớp", "en": "matched"},
    "honours.match.ambiguous": {"vi": "chưa rõ", "en": "ambiguous"},
    "honours.match.none": {"vi": "không tìm thấy", "en": "not found"},
    "honours.item.certificate": {"vi": "Bằng", "en": "Certificate"},
    "honours.item.frame": {"vi": "Khung", "en": "Frame"},
    "honours.item.badge_box": {"vi": "Hộp huy hiệu", "en": "Badge box"},
    "honours.item.medal_box": {"vi": "Hộp huân/huy chương", "en": "Medal box"},
    "honours.item.flag": {"vi": "Cờ", "en": "Flag"},
    "honours.posthumous": {"vi": "truy tặng", "en": "posthumous"},
    "honours.representative": {"vi": "Đại diện nhận: {name}", "en": "Received by: {name}"},
    "honours.presenter": {"vi": "Lãnh đạo trao: {name}", "en": "Presented by: {name}"},
    "honours.no_group": {"vi": "(không chia đợt)", "en": "(no group)"},
    # ------------------------------------------------------------------ command line results
    "honours.count": {
        "vi": "{n} khen thưởng; {unresolved} người chưa khớp với danh sách đại biểu.",
        "en": "{n} honours; {unresolved} recipients not matched to a delegate.",
    },
    "honours.import.summary": {
        "vi": "Đọc {read} khen thưởng: thêm {added}, cập nhật {updated}, không đổi {unchanged}, "
        "bỏ qua {skipped} dòng.",
        "en": "Read {read} honours: {added} added, {updated} updated, {unchanged} unchanged, "
        "{skipped} rows skipped.",
    },
    "honours.import.unresolved": {
        "vi": "Chưa khớp đại biểu: {recipient} ({match}{candidates}).",
        "en": "Not matched to a delegate: {recipient} ({match}{candidates}).",
    },
    "honours.import.candidates": {"vi": ": có thể là số {ids}", "en": ": could be {ids}"},
    "honours.import.not_in_list": {
        "vi": "{recipient} ({form}, số {id}): đã có trong sự kiện nhưng danh sách này không còn; "
        "vẫn giữ. Nếu danh sách đã sửa tên, rút khen thưởng cũ: daihoi honours withdraw {id}",
        "en": "{recipient} ({form}, no. {id}): on the event but no longer on this list; kept. "
        "If the list corrected the name, withdraw the old one: daihoi honours withdraw {id}",
    },
    "honours.import.repeated": {
        "vi": "{recipient}: có nhiều dòng cùng hình thức, đơn vị và quyết định; mỗi dòng được giữ "
        "thành một khen thưởng riêng, kiểm tra lại (daihoi honours).",
        "en": "{recipient}: several rows with the same form, unit and decision; each is kept as "
        "its own honour, check them (daihoi honours).",
    },
    "honours.import.resolve": {
        "vi": "Chọn đúng người: daihoi honours match SỐ_KHEN_THƯỞNG SỐ_ĐẠI_BIỂU",
        "en": "Pick the right person: daihoi honours match HONOUR_ID DELEGATE_ID",
    },
    "honours.changed": {
        "vi": "{recipient} — {form}: {state}.",
        "en": "{recipient} — {form}: {state}.",
    },
    "honours.group_called": {
        "vi": "Đã mời {group}: {n} khen thưởng.",
        "en": "Called {group}: {n} honours.",
    },
    "honours.matched": {
        "vi": "{recipient} ↔ đại biểu số {delegate}.",
        "en": "{recipient} ↔ delegate {delegate}.",
    },
    "honours.not_a_delegate": {
        "vi": "{recipient}: không phải đại biểu.",
        "en": "{recipient}: not a delegate.",
    },
    "honours.added": {
        "vi": "Đã thêm khen thưởng số {id}: {recipient} — {form} ({match}).",
        "en": "Added honour {id}: {recipient} — {form} ({match}).",
    },
    "honours.tray.written": {
        "vi": "Đã ghi bảng khay: {path} ({groups} đợt, {n} khen thưởng).",
        "en": "Tray sheets written: {path} ({groups} groups, {n} honours).",
    },
    "honours.tray.written_one": {
        "vi": "Đã ghi bảng khay: {path}",
        "en": "Tray sheet written: {path}",
    },
    "honours.tray.number": {"vi": "TT", "en": "No."},
    "honours.tray.recipient": {"vi": "Người / tập thể nhận", "en": "Recipient"},
    "honours.tray.honour": {"vi": "Hình thức khen thưởng", "en": "Honour"},
    "honours.tray.items": {"vi": "Kèm theo", "en": "Items"},
    "honours.tray.check": {"vi": "Xếp", "en": "Laid"},
    "honours.tray.page": {"vi": "Trang {page}/{pages}", "en": "Page {page}/{pages}"},
    # ------------------------------------------------------------------ help
    "cli.import.honours": {
        "vi": "Nhập danh sách khen thưởng (.xlsx/.csv) đúng như văn phòng thi đua gửi: dòng tiêu đề, "
        "quyết định, ô gộp, mục «I. TẬP THỂ» / «II. CÁ NHÂN», dòng tổng cộng, chữ ký đều được "
        "xử lý. Cá nhân được khớp với đại biểu; người chưa rõ được liệt kê để chọn.\n\n"
        "Ví dụ: daihoi import honours khen-thuong.xlsx --dry-run",
        "en": "Import an honours list (.xlsx/.csv) as the emulation office sends it: title rows, "
        "decisions, merged cells, «I. TẬP THỂ» / «II. CÁ NHÂN» sections, totals and signatures "
        "are handled. Individuals are matched to delegates; unclear ones are listed to resolve.\n\n"
        "Example: daihoi import honours honours.xlsx --dry-run",
    },
    "cli.honours": {
        "vi": "Danh sách khen thưởng và trạng thái từng khen thưởng (đợt, thứ tự lên nhận).\n\n"
        'Ví dụ: daihoi honours --group "Đợt 1" --json',
        "en": "The honours list with each honour's state (group, calling order).\n\n"
        'Example: daihoi honours --group "Đợt 1" --json',
    },
    "cli.honours.present": {
        "vi": "Ghi nhận đã trao khen thưởng.\n\nVí dụ: daihoi honours present 12",
        "en": "Record an honour as presented.\n\nExample: daihoi honours present 12",
    },
    "cli.honours.absent": {
        "vi": "Ghi nhận người nhận vắng mặt.\n\nVí dụ: daihoi honours absent 12",
        "en": "Record the recipient as absent.\n\nExample: daihoi honours absent 12",
    },
    "cli.honours.proxy": {
        "vi": "Ghi nhận có người nhận thay (thủ trưởng tập thể, thân nhân khi truy tặng).\n\n"
        'Ví dụ: daihoi honours proxy 12 --by "Nguyễn Thị Lan (con gái)"',
        "en": "Record an honour received on behalf (a collective's head, family for a "
        'posthumous award).\n\nExample: daihoi honours proxy 12 --by "Nguyễn Thị Lan"',
    },
    "cli.honours.withdraw": {
        "vi": "Rút khen thưởng khỏi buổi lễ (giữ lại trong nhật ký).\n\n"
        "Ví dụ: daihoi honours withdraw 12",
        "en": "Withdraw an honour from the ceremony (kept in the journal).\n\n"
        "Example: daihoi honours withdraw 12",
    },
    "cli.honours.reset": {
        "vi": "Đưa khen thưởng về «dự kiến» (sửa thao tác nhầm).\n\nVí dụ: daihoi honours reset 12",
        "en": "Put an honour back to planned (undo a mistaken mark).\n\n"
        "Example: daihoi honours reset 12",
    },
    "cli.honours.call": {
        "vi": 'Mời một đợt lên sân khấu.\n\nVí dụ: daihoi honours call "Đợt 1"',
        "en": 'Call a group on stage.\n\nExample: daihoi honours call "Đợt 1"',
    },
    "cli.honours.match": {
        "vi": "Chọn đại biểu nhận khen thưởng khi tên trùng hoặc chưa khớp "
        "(«none»: không phải đại biểu).\n\nVí dụ: daihoi honours match 12 305",
        "en": "Choose the delegate who receives an honour when the name was ambiguous or "
        "unmatched («none»: not a delegate).\n\nExample: daihoi honours match 12 305",
    },
    "cli.honours.add": {
        "vi": "Thêm một khen thưởng tại chỗ.\n\n"
        'Ví dụ: daihoi honours add --recipient "Lê Thị Thúy" --form "Bằng khen của Chủ tịch '
        'UBND tỉnh" --unit "Trường THCS Nha Trang" --group "Đợt 2"',
        "en": "Add an honour on the spot.\n\n"
        'Example: daihoi honours add --recipient "Lê Thị Thúy" --form "Bằng khen của Chủ tịch '
        'UBND tỉnh" --unit "Trường THCS Nha Trang" --group "Đợt 2"',
    },
    "cli.honours.tray": {
        "vi": "In bảng khay (PDF, A4): mỗi đợt một trang, theo thứ tự lên nhận, kèm bằng, khung, "
        'hộp, cờ và ô đánh dấu.\n\nVí dụ: daihoi honours tray -o khay.pdf --group "Đợt 1"',
        "en": "Print tray sheets (PDF, A4): a page per group, in calling order, with the "
        "certificate, frame, box or flag and a tick box.\n\n"
        'Example: daihoi honours tray -o tray.pdf --group "Đợt 1"',
    },
    "cli.honours.opt.group": {"vi": "Chỉ đợt này.", "en": "Only this group."},
    "cli.honours.opt.unresolved": {
        "vi": "Chỉ người chưa khớp với đại biểu.",
        "en": "Only recipients not matched to a delegate.",
    },
    "cli.honours.opt.by": {"vi": "Người nhận thay.", "en": "Who received it."},
    "cli.honours.opt.recipient": {"vi": "Người / tập thể nhận.", "en": "Recipient."},
    "cli.honours.opt.form": {"vi": "Hình thức khen thưởng.", "en": "Form of honour."},
    "cli.honours.opt.unit": {"vi": "Đơn vị.", "en": "Unit."},
    "cli.honours.opt.position": {"vi": "Chức vụ.", "en": "Position."},
    "cli.honours.opt.decision": {"vi": "Quyết định số …", "en": "Decision number."},
    "cli.honours.opt.presenter": {"vi": "Lãnh đạo trao.", "en": "Presenting leader."},
    "cli.honours.opt.collective": {
        "vi": "Tập thể hay cá nhân (mặc định: đoán theo tên).",
        "en": "Collective or individual (default: from the name).",
    },
    "cli.honours.opt.output": {"vi": "Tệp PDF để ghi.", "en": "PDF file to write."},
    # ------------------------------------------------------------------ the ceremony screen
    "key.honours_call": {"vi": "Mời đợt", "en": "Call group"},
    "key.honours_present": {"vi": "Đã trao", "en": "Presented"},
    "key.honours_absent": {"vi": "Vắng", "en": "Absent"},
    "key.honours_proxy": {"vi": "Nhận thay", "en": "On behalf"},
    "key.honours_present_all": {"vi": "Trao cả đợt", "en": "Present all here"},
    "key.honours_next_group": {"vi": "Đợt sau", "en": "Next group"},
    "key.honours_previous_group": {"vi": "Đợt trước", "en": "Previous group"},
    "key.honours_reset": {"vi": "Về dự kiến", "en": "Back to planned"},
    "key.honours_tray": {"vi": "In bảng khay", "en": "Tray sheet"},
    "ceremony.empty": {
        "vi": "Chưa có danh sách khen thưởng. Nhập bằng: daihoi import honours TỆP",
        "en": "No honours list yet. Import one with: daihoi import honours FILE",
    },
    "ceremony.group": {"vi": "{group}  ·  đợt {i}/{n}", "en": "{group}  ·  group {i}/{n}"},
    "ceremony.group_done": {"vi": "xong", "en": "done"},
    "ceremony.column.number": {"vi": "TT", "en": "No."},
    "ceremony.column.recipient": {"vi": "Người / tập thể nhận", "en": "Recipient"},
    "ceremony.column.honour": {"vi": "Hình thức", "en": "Honour"},
    "ceremony.column.presence": {"vi": "Có mặt", "en": "Here"},
    "ceremony.column.state": {"vi": "Trạng thái", "en": "State"},
    "ceremony.column.items": {"vi": "Kèm theo", "en": "Items"},
    "ceremony.presence.yes": {"vi": "có mặt", "en": "here"},
    "ceremony.presence.no": {"vi": "chưa đến", "en": "not arrived"},
    "ceremony.presence.unknown": {"vi": "?", "en": "?"},
    "ceremony.tally": {
        "vi": "Dự kiến {planned} · Đã trao {presented} · Vắng {absent} · Nhận thay {proxy} · "
        "Còn {remaining}",
        "en": "Planned {planned} · Presented {presented} · Absent {absent} · On behalf {proxy} · "
        "Left {remaining}",
    },
    "ceremony.tally.form": {
        "vi": "{form}: đã trao {presented}/{planned}, nhận thay {proxy}, vắng {absent}",
        "en": "{form}: presented {presented}/{planned}, on behalf {proxy}, absent {absent}",
    },
    "ceremony.proxy_question": {
        "vi": "Ai nhận thay cho {recipient}?",
        "en": "Who receives it for {recipient}?",
    },
    "ceremony.proxy_placeholder": {
        "vi": "Họ tên, quan hệ (ví dụ: Nguyễn Thị Lan, con gái)",
        "en": "Name, relation (e.g. Nguyễn Thị Lan, daughter)",
    },
    "ceremony.called": {"vi": "Đã mời {group} lên sân khấu.", "en": "{group} called on stage."},
    "ceremony.presented_all": {
        "vi": "Đã trao cho {n} người có mặt; còn {left} chờ đánh dấu.",
        "en": "Presented to {n} people here; {left} still to mark.",
    },
    "ceremony.nothing": {"vi": "Không còn gì để đánh dấu.", "en": "Nothing left to mark."},
}
