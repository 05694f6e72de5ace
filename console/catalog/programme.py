"""Messages of the programme area: the running order, the MC screen, the stage view."""

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ command line
    "cli.programme": {
        "vi": "In chương trình Đại hội: giờ kế hoạch, thực tế và dự kiến; các lệnh con điều hành "
        "trực tiếp.\n\nVí dụ: daihoi programme --db tinh.db --json",
        "en": "Print the running order with planned, actual and projected times; subcommands run "
        "it live.\n\nExample: daihoi programme --db tinh.db --json",
    },
    "cli.programme.start": {
        "vi": "Bắt đầu mục kế tiếp (khi chưa có mục nào đang diễn ra).\n\n"
        "Ví dụ: daihoi programme start --db tinh.db",
        "en": "Start the next item (when none is on stage).\n\n"
        "Example: daihoi programme start --db tinh.db",
    },
    "cli.programme.next": {
        "vi": "Kết thúc mục đang diễn ra và bắt đầu mục kế tiếp.\n\n"
        "Ví dụ: daihoi programme next --db tinh.db --desk MC",
        "en": "Finish the item on stage and start the next one.\n\n"
        "Example: daihoi programme next --db tinh.db --desk MC",
    },
    "cli.programme.finish": {
        "vi": "Kết thúc mục đang diễn ra.\n\nVí dụ: daihoi programme finish --db tinh.db",
        "en": "Finish the item on stage.\n\nExample: daihoi programme finish --db tinh.db",
    },
    "cli.programme.skip": {
        "vi": "Bỏ qua mục chờ kế tiếp.\n\nVí dụ: daihoi programme skip --db tinh.db",
        "en": "Skip the next pending item.\n\nExample: daihoi programme skip --db tinh.db",
    },
    "cli.import.programme": {
        "vi": "Thay chương trình bằng tệp .xlsx/.csv (cột: STT, Nội dung, Thời lượng (phút), "
        "Người thực hiện, Ghi chú; STT 5.1 là mục con của 5). Chỉ trước khi bắt đầu.\n\n"
        "Ví dụ: daihoi import programme chuong-trinh.xlsx --db tinh.db --dry-run",
        "en": "Replace the running order from an .xlsx/.csv (columns: order, title, minutes, "
        "performer, notes; order 5.1 is a child of 5). Only before the start.\n\n"
        "Example: daihoi import programme programme.xlsx --db tinh.db --dry-run",
    },
    "programme.summary": {
        "vi": "Dự kiến kết thúc {end} · {offset}",
        "en": "Projected end {end} · {offset}",
    },
    "programme.import.summary": {
        "vi": "Chương trình: {n} mục, bỏ qua {skipped} dòng.",
        "en": "Programme: {n} items, {skipped} rows skipped.",
    },
    "programme.import.no_header": {
        "vi": "{path}: không thấy dòng tiêu đề cột (Nội dung, Thời lượng…). Thêm một dòng tiêu đề có cột Nội dung và Thời lượng (phút) rồi nhập lại.",
        "en": "{path}: no header row found (title, minutes…). Add a header row with a title column and a minutes column, then import again.",
    },
    "programme.import.empty": {
        "vi": "{path} không có mục nào.",
        "en": "{path} has no items.",
    },
    "programme.import.started": {
        "vi": "Chương trình đã bắt đầu: không thay cả chương trình được nữa, hãy sửa từng mục "
        "trên màn hình MC (F3).",
        "en": "The programme has started: it can no longer be replaced; edit items on the MC "
        "screen (F3).",
    },
    "programme.import.bad_minutes": {
        "vi": "thời lượng không đọc được: “{value}”",
        "en": "unreadable duration: “{value}”",
    },
    "programme.import.clock_minutes": {
        "vi": "“{value}” là giờ (hoặc khoảng giờ), không phải số phút: cột này cần thời lượng, "
        "ví dụ 5",
        "en": "“{value}” is a clock time (or a range), not a number of minutes: this column "
        "needs a duration, e.g. 5",
    },
    "programme.import.no_minutes": {
        "vi": "Dòng tiêu đề (dòng {row}) không có cột thời lượng (Số phút, Thời lượng) hay cột "
        "Thời gian ghi khoảng giờ (7h30 - 7h35): không tính được giờ của chương trình.",
        "en": "The header row (row {row}) has no minutes column (Số phút, Thời lượng) nor a "
        "Thời gian column of ranges (7h30 - 7h35): the programme cannot be timed.",
    },
    "programme.import.no_range": {
        "vi": "“{value}” không phải khoảng giờ (ví dụ 7h30 - 7h35)",
        "en": "“{value}” is not a time range (e.g. 7h30 - 7h35)",
    },
    "programme.import.bad_time": {
        "vi": "giờ bắt đầu không đọc được: “{value}”",
        "en": "unreadable start time: “{value}”",
    },
    "programme.import.no_parent": {
        "vi": "mục con {order} không có mục cha ở trên",
        "en": "child item {order} has no parent above it",
    },
    # ------------------------------------------------------------ refusals
    "programme.unknown_item": {
        "vi": "Không có mục số {id} trong chương trình.",
        "en": "No item {id} in the programme.",
    },
    "programme.already_running": {
        "vi": "Đang diễn ra: {title}. Dùng “tiếp” để chuyển mục.",
        "en": "On stage: {title}. Use “next” to move on.",
    },
    "programme.nothing_running": {
        "vi": "Không có mục nào đang diễn ra.",
        "en": "Nothing is on stage.",
    },
    "programme.nothing_left": {
        "vi": "Không còn mục nào đang chờ.",
        "en": "No pending item left.",
    },
    "programme.not_pending": {
        "vi": "“{title}” không còn ở trạng thái chờ.",
        "en": "“{title}” is no longer pending.",
    },
    "programme.not_finished": {
        "vi": "“{title}” chưa kết thúc hay bỏ qua: không quay lại được.",
        "en": "“{title}” is neither finished nor skipped: cannot go back to it.",
    },
    "programme.is_group": {
        "vi": "“{title}” gồm nhiều mục con: hãy chọn một mục con.",
        "en": "“{title}” has parts: choose one of them.",
    },
    "programme.cannot_move": {
        "vi": "Không chuyển “{title}” qua mục đã diễn ra hoặc ra ngoài chương trình.",
        "en": "Cannot move “{title}” past an item already held or out of the programme.",
    },
    "programme.no_title": {"vi": "Mục cần có nội dung.", "en": "An item needs a title."},
    "programme.too_deep": {
        "vi": "“{title}” đã là mục con: không thêm mục con vào được.",
        "en": "“{title}” is already a part: it cannot have parts.",
    },
    "programme.bad_minutes": {
        "vi": "Thời lượng {minutes} phút không hợp lệ (0 đến {max}).",
        "en": "Duration {minutes} minutes is invalid (0 to {max}).",
    },
    "programme.bad_number": {
        "vi": "“{value}” không phải số phút.",
        "en": "“{value}” is not a number of minutes.",
    },
    # ------------------------------------------------------------ outcomes
    "programme.started": {"vi": "Bắt đầu: {title}", "en": "Started: {title}"},
    "programme.finished": {"vi": "Kết thúc: {title}", "en": "Finished: {title}"},
    "programme.skipped": {"vi": "Bỏ qua: {title}", "en": "Skipped: {title}"},
    "programme.reopened": {"vi": "Quay lại: {title}", "en": "Back to: {title}"},
    "programme.moved": {"vi": "Đã chuyển: {title}", "en": "Moved: {title}"},
    "programme.inserted": {"vi": "Đã thêm: {title}", "en": "Inserted: {title}"},
    "programme.duration": {
        "vi": "Đã đổi thời lượng: {title}",
        "en": "Duration changed: {title}",
    },
    "programme.present": {
        "vi": "Số đại biểu có mặt: {n}",
        "en": "Delegates present: {n}",
    },
    "programme.state.pending": {"vi": "chờ", "en": "pending"},
    "programme.state.running": {"vi": "đang diễn", "en": "on stage"},
    "programme.state.done": {"vi": "xong", "en": "done"},
    "programme.state.skipped": {"vi": "bỏ qua", "en": "skipped"},
    "programme.offset.late": {"vi": "chậm {n} phút", "en": "{n} min behind"},
    "programme.offset.early": {"vi": "sớm {n} phút", "en": "{n} min ahead"},
    "programme.offset.on_time": {"vi": "đúng giờ", "en": "on time"},
    # ------------------------------------------------------------ MC screen
    "programme.column.planned": {"vi": "Kế hoạch", "en": "Planned"},
    "programme.column.actual": {"vi": "Thực tế", "en": "Actual"},
    "programme.column.title": {"vi": "Nội dung", "en": "Item"},
    "programme.nothing_on_stage": {
        "vi": "Chưa có mục nào đang diễn ra",
        "en": "Nothing on stage",
    },
    "programme.overrun": {"vi": "QUÁ GIỜ {time}", "en": "OVER BY {time}"},
    "programme.remaining": {"vi": "còn {time}", "en": "{time} left"},
    "programme.mc_cue": {"vi": "MC: {text}", "en": "MC: {text}"},
    "programme.tech_cue": {"vi": "Kỹ thuật: {text}", "en": "Technical: {text}"},
    "programme.next": {"vi": "Tiếp theo ({at}):", "en": "Next ({at}):"},
    "programme.no_next": {"vi": "Hết chương trình.", "en": "End of the programme."},
    "programme.get_ready": {"vi": "Chuẩn bị: {who}", "en": "Get ready: {who}"},
    "programme.absent": {"vi": "CHƯA CÓ MẶT", "en": "NOT CHECKED IN"},
    "programme.end": {
        "vi": "Dự kiến kết thúc {end} (kế hoạch {planned})",
        "en": "Projected end {end} (planned {planned})",
    },
    "programme.speakers": {"vi": "Người tham luận:", "en": "Speakers:"},
    "programme.confirm_skip": {
        "vi": "Bỏ qua “{title}”?",
        "en": "Skip “{title}”?",
    },
    "programme.confirm_back": {
        "vi": "Quay lại “{title}”? Mục đang diễn ra sẽ kết thúc.",
        "en": "Go back to “{title}”? The item on stage will finish.",
    },
    "programme.back_pick": {
        "vi": "Chọn trong bảng một mục đã xong hoặc đã bỏ qua để quay lại.",
        "en": "Highlight a finished or skipped item to go back to it.",
    },
    "programme.insert_title": {"vi": "Nội dung mục mới:", "en": "Title of the new item:"},
    "programme.insert_placeholder": {
        "vi": "ví dụ: Văn nghệ chào mừng",
        "en": "e.g. Welcome performance",
    },
    "programme.insert_minutes": {"vi": "Thời lượng (phút):", "en": "Duration (minutes):"},
    "pin.action.programme": {
        "vi": "sửa chương trình đang diễn ra",
        "en": "change the running programme",
    },
    "key.programme_next": {"vi": "Tiếp", "en": "Next"},
    "key.programme_finish": {"vi": "Xong", "en": "Finish"},
    "key.programme_skip": {"vi": "Bỏ qua", "en": "Skip"},
    "key.programme_back": {"vi": "Quay lại", "en": "Back"},
    "key.programme_up": {"vi": "Lên", "en": "Up"},
    "key.programme_down": {"vi": "Xuống", "en": "Down"},
    "key.programme_insert": {"vi": "Thêm", "en": "Insert"},
    "key.programme_longer": {"vi": "+1 phút", "en": "+1 min"},
    "key.programme_shorter": {"vi": "-1 phút", "en": "-1 min"},
}
