"""Messages of sessions, absences, the quorum, hand-outs and the report on delegates present."""

MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- command line help
    "cli.session": {
        "vi": "Các phiên họp trong ngày: mở phiên mới, xem danh sách phiên.\n\n"
        'Ví dụ: daihoi session open "Phiên chiều"',
        "en": "The day's sessions: open the next one, list them.\n\n"
        'Example: daihoi session open "Phiên chiều"',
    },
    "cli.session.open": {
        "vi": "Mở phiên NAME: từ giờ điểm danh được tính cho phiên này (đại biểu đã điểm danh "
        "phiên trước được mời vào lại). Tên đã có: quay lại phiên đó.\n\n"
        'Ví dụ: daihoi session open "Phiên chiều"',
        "en": "Open session NAME: check-ins from now on count for it (delegates admitted in an "
        "earlier session are admitted again). A name already used makes that session current "
        'again.\n\nExample: daihoi session open "Phiên chiều"',
    },
    "cli.session.list": {
        "vi": "Liệt kê các phiên, giờ mở và số đại biểu có mặt.\n\nVí dụ: daihoi session list --json",
        "en": "List the sessions, when each opened and who is present.\n\n"
        "Example: daihoi session list --json",
    },
    "cli.absence": {
        "vi": "Ghi đại biểu vắng có lý do (--reason), hoặc bỏ ghi (--undo). Không có mã đại "
        "biểu: in danh sách vắng có lý do và chưa đến.\n\n"
        'Ví dụ: daihoi absence 12 --reason "Ốm, có đơn"',
        "en": "Record a justified absence (--reason), or take it back (--undo). Without a "
        "delegate id: print who is absent with a reason and who has not arrived.\n\n"
        'Example: daihoi absence 12 --reason "Ốm, có đơn"',
    },
    "cli.quorum": {
        "vi": "Xem số đại biểu có mặt so với triệu tập; THRESHOLD đặt ngưỡng (2/3, 50%, off).\n\n"
        "Ví dụ: daihoi quorum 2/3",
        "en": "Show present against convened delegates; THRESHOLD sets the rule (2/3, 50%, off)."
        "\n\nExample: daihoi quorum 2/3",
    },
    "cli.handout": {
        "vi": "Danh mục phát tài liệu, quà, máy tính bảng… tại bàn.\n\n"
        'Ví dụ: daihoi handout add "Máy tính bảng" --must-return',
        "en": "The desk's hand-out list: document kits, gifts, tablets …\n\n"
        'Example: daihoi handout add "Máy tính bảng" --must-return',
    },
    "cli.handout.add": {
        "vi": 'Thêm vật phẩm vào danh mục phát.\n\nVí dụ: daihoi handout add "Bộ tài liệu"',
        "en": 'Add an item to the hand-out list.\n\nExample: daihoi handout add "Bộ tài liệu"',
    },
    "cli.handout.list": {
        "vi": "Liệt kê danh mục phát: đã phát, đã thu lại.\n\nVí dụ: daihoi handout list",
        "en": "List the hand-out items: handed out, returned.\n\nExample: daihoi handout list",
    },
    "cli.handout.scan": {
        "vi": "Quét thẻ tại bàn phát ITEM: điểm danh và ghi đã phát (--return: ghi đã thu lại)."
        '\n\nVí dụ: daihoi handout scan "Bộ tài liệu" 1-000123-4567',
        "en": "A scan at the desk handing out ITEM: admits and records the hand-out (--return: "
        'the return).\n\nExample: daihoi handout scan "Bộ tài liệu" 1-000123-4567',
    },
    "cli.handout.outstanding": {
        "vi": "Đại biểu đã nhận ITEM mà chưa trả lại.\n\n"
        'Ví dụ: daihoi handout outstanding "Máy tính bảng"',
        "en": "Delegates who received ITEM and have not given it back.\n\n"
        'Example: daihoi handout outstanding "Máy tính bảng"',
    },
    "cli.opt.session": {
        "vi": "Phiên họp (mặc định: phiên đang diễn ra).",
        "en": "Session (default: the current one).",
    },
    "cli.opt.reason": {"vi": "Lý do vắng.", "en": "Reason of the absence."},
    "cli.opt.undo_absence": {"vi": "Bỏ ghi vắng có lý do.", "en": "Take the absence back."},
    "cli.opt.must_return": {
        "vi": "Vật phẩm phải thu lại (máy tính bảng, tài liệu mật).",
        "en": "The item must come back (tablets, secret documents).",
    },
    "cli.opt.return": {"vi": "Ghi đã thu lại.", "en": "Record the return."},
    # ---------------------------------------------------------------- import: profile fields
    "import.field.delegate_kind": {"vi": "tư cách đại biểu", "en": "kind of delegate"},
    "import.field.party_date": {"vi": "ngày vào Đảng", "en": "date joined the Party"},
    "import.field.education": {"vi": "học vấn", "en": "schooling"},
    "import.field.qualification": {"vi": "trình độ chuyên môn", "en": "qualification"},
    "import.field.political_theory": {"vi": "lý luận chính trị", "en": "political theory"},
    "import.field.honour_title": {"vi": "danh hiệu vinh dự", "en": "honorary title"},
    "import.field.sector": {"vi": "lĩnh vực", "en": "sector"},
    "import.field.model_kind": {"vi": "cá nhân/tập thể", "en": "individual/collective"},
    "export.credentials_done": {
        "vi": "Đã ghi báo cáo tình hình đại biểu {path}.",
        "en": "Wrote the report on delegates present {path}.",
    },
    "export.credentials_format": {
        "vi": "Báo cáo tình hình đại biểu ghi ra .docx hoặc .pdf, không phải {path}.",
        "en": "The report on delegates present is written as .docx or .pdf, not {path}.",
    },
    # ---------------------------------------------------------------- results
    "session.opened": {
        "vi": "Đã mở {name} lúc {at}: điểm danh từ giờ được tính cho phiên này.",
        "en": "Opened {name} at {at}: check-ins from now on count for it.",
    },
    "session.line": {
        "vi": "{name}: {arrived}/{expected} có mặt ({pct})",
        "en": "{name}: {arrived}/{expected} present ({pct})",
    },
    "session.current_mark": {"vi": "đang diễn ra", "en": "current"},
    "session.no_name": {"vi": "Chưa có tên phiên.", "en": "The session has no name."},
    "session.bad_name": {
        "vi": "Tên phiên quá dài (tối đa {max} ký tự) hoặc có ký tự điều khiển.",
        "en": "Session name too long (at most {max} characters) or with control characters.",
    },
    "session.unknown": {
        "vi": 'Không có phiên "{name}". Các phiên: {known}.',
        "en": 'No session "{name}". Sessions: {known}.',
    },
    "session.on_copy": {
        "vi": "Đây là bản sao của {desk}: phiên họp được mở trên tệp sự kiện chính; bản sao "
        "nhận phiên mới khi gộp (daihoi merge).",
        "en": "This is {desk}'s copy: sessions are opened on the main event file; a copy learns "
        "of them when merged (daihoi merge).",
    },
    "merge.unknown_session": {
        "vi": "Bản sao có điểm danh cho phiên {session} mà tệp chính không có.",
        "en": "The copy has check-ins for session {session}, which the main file does not have.",
    },
    "absence.recorded": {
        "vi": "Đã ghi {name} vắng có lý do ({session}): {reason}",
        "en": "Recorded {name} absent with a reason ({session}): {reason}",
    },
    "absence.undone": {
        "vi": "Đã bỏ ghi vắng có lý do của {name} ({session}).",
        "en": "Took back the absence of {name} ({session}).",
    },
    "absence.no_reason": {
        "vi": "Cần ghi lý do vắng (--reason).",
        "en": "An absence needs a reason (--reason).",
    },
    "absence.present": {
        "vi": "{name} đã điểm danh {session} lúc {at}: không ghi vắng.",
        "en": "{name} checked in for {session} at {at}: not absent.",
    },
    "absence.none": {
        "vi": "Đại biểu {id} không có ghi vắng có lý do trong {session}.",
        "en": "Delegate {id} has no recorded absence in {session}.",
    },
    "absence.excused": {"vi": "Vắng có lý do: {n}", "en": "Absent with a reason: {n}"},
    "absence.not_arrived": {"vi": "Chưa đến: {n}", "en": "Not arrived: {n}"},
    "quorum.body.congress": {"vi": "Đại hội", "en": "The congress"},
    "quorum.body.conference": {"vi": "Hội nghị", "en": "The conference"},
    "quorum.met": {
        "vi": "{body} đủ điều kiện tiến hành: {present}/{convened}, {pct}",
        "en": "{body} may proceed: {present}/{convened}, {pct}",
    },
    "quorum.not_met": {
        "vi": "{body} chưa đủ điều kiện tiến hành: {present}/{convened}, {pct} "
        "(cần {needed}, tức {rule})",
        "en": "{body} may not proceed yet: {present}/{convened}, {pct} (needs {needed}, {rule})",
    },
    "quorum.none": {
        "vi": "Có mặt {present}/{convened} đại biểu triệu tập, {pct} (không đặt ngưỡng)",
        "en": "Present {present}/{convened} convened delegates, {pct} (no quorum rule)",
    },
    "quorum.bad": {
        "vi": 'Ngưỡng "{value}" không hợp lệ: ghi dạng 2/3, 50% hoặc off.',
        "en": 'Threshold "{value}" is not valid: write 2/3, 50% or off.',
    },
    "handout.no_name": {"vi": "Chưa có tên vật phẩm.", "en": "The item has no name."},
    "handout.bad_name": {
        "vi": "Tên vật phẩm quá dài (tối đa {max} ký tự).",
        "en": "Item name too long (at most {max} characters).",
    },
    "handout.exists": {
        "vi": 'Danh mục đã có "{item}".',
        "en": 'The hand-out list already has "{item}".',
    },
    "handout.unknown": {
        "vi": 'Danh mục phát không có "{item}". Đang có: {known}.',
        "en": 'No "{item}" on the hand-out list. It has: {known}.',
    },
    "handout.not_returnable": {
        "vi": '"{item}" không phải vật phẩm thu lại.',
        "en": '"{item}" is not an item that comes back.',
    },
    "handout.added": {
        "vi": "Đã thêm vào danh mục phát: {item}",
        "en": "Added to hand-outs: {item}",
    },
    "handout.must_return": {"vi": "phải thu lại", "en": "must return"},
    "handout.counts": {
        "vi": "đã phát {handed}, đã thu {returned}",
        "en": "handed out {handed}, returned {returned}",
    },
    "handout.state.handed": {"vi": "PHÁT: {item}", "en": "HAND OUT: {item}"},
    "handout.state.already": {
        "vi": "{item}: đã phát lúc {at}, {desk}",
        "en": "{item}: already handed out at {at}, {desk}",
    },
    "handout.state.returned": {"vi": "THU LẠI: {item}", "en": "TAKE BACK: {item}"},
    "handout.state.already_returned": {
        "vi": "{item}: đã thu lại lúc {at}, {desk}",
        "en": "{item}: already returned at {at}, {desk}",
    },
    "handout.state.not_handed": {
        "vi": "{item}: chưa phát cho đại biểu này",
        "en": "{item}: never handed out to this delegate",
    },
    # ---------------------------------------------------------------- console screens
    "verdict.session": {"vi": "Tính cho {session}", "en": "Counts for {session}"},
    "key.handout_desk": {
        "vi": "Bàn phát tài liệu, quà (chọn vật phẩm)",
        "en": "Hand-out desk (choose the item)",
    },
    "reception.handout_question": {
        "vi": "Bàn này làm gì khi quét thẻ?",
        "en": "What does this desk do with each scan?",
    },
    "reception.handout_none": {
        "vi": "Chỉ điểm danh (không phát gì)",
        "en": "Admission only (hand nothing out)",
    },
    "reception.handout_give": {"vi": "Phát: {item}", "en": "Hand out: {item}"},
    "reception.handout_collect": {"vi": "Thu lại: {item}", "en": "Take back: {item}"},
    "reception.handout_mode_give": {
        "vi": "Bàn phát: {item}",
        "en": "Hand-out desk: {item}",
    },
    "reception.handout_mode_collect": {
        "vi": "Bàn thu lại: {item}",
        "en": "Collecting: {item}",
    },
    "reception.handout_off": {
        "vi": "Bàn chỉ điểm danh, không phát gì.",
        "en": "This desk admits only, it hands nothing out.",
    },
    "reception.no_handouts": {
        "vi": 'Chưa có danh mục phát: daihoi handout add "Bộ tài liệu".',
        "en": 'No hand-out list yet: daihoi handout add "Bộ tài liệu".',
    },
    "key.view_session": {"vi": "Xem phiên khác", "en": "View another session"},
    "key.record_absence": {"vi": "Ghi vắng có lý do", "en": "Record an absence"},
    "key.undo_absence": {"vi": "Bỏ ghi vắng", "en": "Undo an absence"},
    "dashboard.session_question": {"vi": "Xem phiên nào?", "en": "Which session?"},
    "dashboard.viewing": {
        "vi": "Đang xem {name} (phiên đang diễn ra: {current})",
        "en": "Viewing {name} (current session: {current})",
    },
    "dashboard.absent": {"vi": "Vắng có lý do", "en": "Absent with a reason"},
    "absence.ask_who": {
        "vi": "Đại biểu vắng có lý do (gõ tên):",
        "en": "The delegate absent with a reason (type a name):",
    },
    "absence.pick": {"vi": "Đại biểu nào?", "en": "Which delegate?"},
    "absence.ask_reason": {"vi": "Lý do vắng của {name}:", "en": "Why is {name} absent?"},
    "absence.pick_undo": {"vi": "Bỏ ghi vắng của ai?", "en": "Whose absence to take back?"},
    "absence.nobody": {
        "vi": "Không có đại biểu nào khớp với {text}.",
        "en": "No delegate matches {text}.",
    },
    "absence.none_recorded": {
        "vi": "Chưa ghi ai vắng có lý do trong {session}.",
        "en": "Nobody is recorded absent with a reason in {session}.",
    },
    "pin.action.absence": {"vi": "ghi hoặc bỏ ghi vắng", "en": "record or undo an absence"},
    "export.kind.credentials": {
        "vi": "Báo cáo tình hình đại biểu (.docx)",
        "en": "Report on delegates present (.docx)",
    },
}
