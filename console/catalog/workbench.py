"""Messages of the organizer's workbench: the start screen, importing with a preview, column
mapping, honours matching, and the palette's actions."""

MESSAGES: dict[str, dict[str, str]] = {
    "layouts.blank_header": {
        "vi": "Dòng tiêu đề trống: chọn dòng ghi tên các cột.",
        "en": "The header row is blank: choose the row that names the columns.",
    },
    "layouts.no_name": {
        "vi": "Chưa có cột nào là họ tên (hoặc họ, tên): chọn ít nhất một cột họ tên.",
        "en": "No column is mapped to the name (or name parts): map at least one name column.",
    },
    # ------------------------------------------------------------------ start screen
    "start.subtitle": {"vi": "Bắt đầu", "en": "Start"},
    "start.welcome": {
        "vi": "Chào mừng đến với daihoi: chương trình đón tiếp, điều hành và khen thưởng "
        "của đại hội thi đua.",
        "en": "Welcome to daihoi: reception, running order and honours for an emulation congress.",
    },
    "start.recent": {
        "vi": "Sự kiện mở gần đây (Enter để mở):",
        "en": "Recent events (Enter opens):",
    },
    "start.no_recent": {
        "vi": "Máy này chưa mở sự kiện nào.",
        "en": "No event has been opened on this computer yet.",
    },
    "start.what_next": {
        "vi": "n: tạo sự kiện mới · o: mở tệp sự kiện khác (.db) · ctrl+q: thoát",
        "en": "n: create a new event · o: open another event file (.db) · ctrl+q: quit",
    },
    "start.create_title_short": {"vi": "Tạo sự kiện mới", "en": "Create a new event"},
    "start.key.create": {"vi": "Tạo sự kiện", "en": "New event"},
    "start.key.open": {"vi": "Mở tệp khác", "en": "Open file"},
    "start.open_title": {"vi": "Mở tệp sự kiện (.db)", "en": "Open an event file (.db)"},
    "start.create_title": {
        "vi": "Tạo sự kiện mới (Enter chuyển ô; Enter ở ô cuối để tạo)",
        "en": "Create a new event (Enter moves on; Enter in the last field creates it)",
    },
    "start.field.title": {
        "vi": "Tên sự kiện, ví dụ: Đại hội Thi đua yêu nước tỉnh lần thứ VI",
        "en": "Title, e.g. Provincial Patriotic Emulation Congress, 6th",
    },
    "start.field.date": {
        "vi": "Ngày (ngày/tháng/năm), ví dụ 20/9/2025",
        "en": "Date (day/month/year), e.g. 20/9/2025",
    },
    "start.field.start": {"vi": "Giờ bắt đầu, ví dụ 07:30", "en": "Start time, e.g. 07:30"},
    "start.kind.dai-hoi": {
        "vi": "Đại hội (có nghi thức chào cờ)",
        "en": "Congress (with the flag salute)",
    },
    "start.kind.hoi-nghi": {"vi": "Hội nghị", "en": "Conference"},
    "start.create_button": {"vi": "Tạo sự kiện", "en": "Create event"},
    "start.need_title": {"vi": "Cần có tên sự kiện.", "en": "The event needs a title."},
    "start.pins": {
        "vi": "PIN bàn: {desk}   ·   PIN Ban tổ chức: {organizer}",
        "en": "Desk PIN: {desk}   ·   Organizer PIN: {organizer}",
    },
    "start.pins_once": {
        "vi": "Hãy ghi lại hai PIN này ngay: chúng sẽ không hiện lại. Nhấn Enter để tiếp tục.",
        "en": "Write both PINs down now: they are not shown again. Press Enter to go on.",
    },
    "workbench.key.close": {"vi": "Đóng", "en": "Close"},
    "workbench.empty_hint": {
        "vi": "Chưa có đại biểu nào: nhấn ctrl+o để nhập danh sách đại biểu "
        "(ctrl+p rồi gõ “nhap” để nhập chương trình, khen thưởng).",
        "en": "No delegates yet: press ctrl+o to import the delegate list "
        "(ctrl+p then type “import” for the programme and honours).",
    },
    "workbench.empty_short": {
        "vi": "chưa có đại biểu: ctrl+o để nhập danh sách",
        "en": "no delegates: ctrl+o imports the list",
    },
    # ------------------------------------------------------------------ file dialog
    "files.hint": {
        "vi": "Gõ đường dẫn (ctrl+u xoá ô) hoặc chọn trong cây thư mục (ctrl+t). Tệp đọc được: {suffixes}",
        "en": "Type a path (ctrl+u clears it) or pick in the folder tree (ctrl+t). Files read: {suffixes}",
    },
    "files.placeholder": {"vi": "Đường dẫn tệp hoặc thư mục", "en": "File or folder path"},
    "files.missing": {
        "vi": "Không có tệp hay thư mục: {path}",
        "en": "No such file or folder: {path}",
    },
    "files.key.tree": {"vi": "Cây thư mục", "en": "Folders"},
    # ------------------------------------------------------------------ importing
    "workbench.import.delegates": {
        "vi": "Nhập danh sách đại biểu",
        "en": "Import the delegate list",
    },
    "workbench.import.programme": {"vi": "Nhập chương trình đại hội", "en": "Import the programme"},
    "workbench.import.honours": {
        "vi": "Nhập danh sách khen thưởng",
        "en": "Import the honours list",
    },
    "workbench.import.higher_level": {
        "vi": "Nhập danh sách dự đại hội cấp trên",
        "en": "Import the higher-level congress list",
    },
    "workbench.choose.delegates": {
        "vi": "Chọn tệp danh sách đại biểu",
        "en": "Choose the delegate list",
    },
    "workbench.choose.programme": {
        "vi": "Chọn tệp chương trình",
        "en": "Choose the programme file",
    },
    "workbench.choose.honours": {
        "vi": "Chọn tệp danh sách khen thưởng",
        "en": "Choose the honours list",
    },
    "workbench.choose.higher_level": {
        "vi": "Chọn tệp danh sách dự đại hội cấp trên",
        "en": "Choose the higher-level congress list",
    },
    "workbench.key.import": {"vi": "Nhập danh sách", "en": "Import list"},
    "workbench.preview_title": {
        "vi": "{what}: xem trước {file} (chưa ghi gì)",
        "en": "{what}: preview of {file} (nothing written yet)",
    },
    "workbench.reading": {"vi": "Đang đọc tệp…", "en": "Reading the file…"},
    "workbench.applying": {"vi": "Đang nhập…", "en": "Importing…"},
    "workbench.mapping_heading": {
        "vi": "Các cột (m: đổi trường của cột đang chọn; h: chọn dòng tiêu đề khác)",
        "en": "Columns (m: change the highlighted column's field; h: choose another header row)",
    },
    "workbench.first_heading": {
        "vi": "Các dòng đầu, như sẽ được lưu",
        "en": "The first rows, as they will be stored",
    },
    "workbench.changes_heading": {
        "vi": "Thay đổi từng dòng (Enter hoặc y: nhập · Esc: bỏ, không thay đổi gì)",
        "en": "Each row's change (Enter or y: import · Esc: leave, nothing changes)",
    },
    "workbench.key.apply": {"vi": "Nhập", "en": "Import"},
    "workbench.key.leave": {"vi": "Bỏ", "en": "Leave"},
    "workbench.key.map": {"vi": "Đổi cột", "en": "Map column"},
    "workbench.key.header_row": {"vi": "Dòng tiêu đề", "en": "Header row"},
    "workbench.map_hint": {
        "vi": "Chọn từng cột (↑↓) rồi nhấn m để nói cột đó là gì; cần ít nhất cột họ tên. "
        "Cách ghép cột được nhớ cho lần nhập sau của mẫu danh sách này.",
        "en": "Pick each column (↑↓) and press m to say what it holds; a name column at least. "
        "The mapping is remembered for the next list of this layout.",
    },
    "workbench.layout.remembered": {
        "vi": "Các cột đọc theo cách ghép Ban tổ chức đã làm cho mẫu danh sách này.",
        "en": "Columns read as the organizers mapped them for this layout before.",
    },
    "workbench.layout.given": {
        "vi": "Các cột đọc theo cách ghép vừa chọn (sẽ được nhớ khi nhập).",
        "en": "Columns read as just mapped (remembered when imported).",
    },
    "workbench.pick_field": {"vi": "Cột {column} là:", "en": "Column {column} holds:"},
    "workbench.field.none": {"vi": "(không đọc cột này)", "en": "(not read)"},
    "workbench.field._name_part": {
        "vi": "một phần họ tên (Họ / Tên đệm / Tên)",
        "en": "part of the name (family / middle / given)",
    },
    "workbench.field._birth": {"vi": "năm sinh hoặc ngày sinh", "en": "birth year or date"},
    "workbench.field._stt": {"vi": "số thứ tự", "en": "row number"},
    "workbench.field._male": {"vi": "đánh dấu Nam", "en": "tick: male"},
    "workbench.field._female": {"vi": "đánh dấu Nữ", "en": "tick: female"},
    "workbench.header_known": {
        "vi": "Dòng tiêu đề đã nhận ra; dùng m để đổi trường của một cột.",
        "en": "The header row was recognized; use m to change a column's field.",
    },
    "workbench.ask_header_row": {"vi": "Dòng tiêu đề là dòng số:", "en": "The header is on row:"},
    "workbench.bad_header_row": {
        "vi": "“{value}” không phải một dòng của tệp.",
        "en": "“{value}” is not a row of the file.",
    },
    "workbench.col.row": {"vi": "Dòng", "en": "Row"},
    "workbench.col.sheet": {"vi": "Trang", "en": "Sheet"},
    "workbench.col.change": {"vi": "Thay đổi", "en": "Change"},
    "workbench.col.name": {"vi": "Họ tên", "en": "Name"},
    "workbench.col.detail": {"vi": "Chi tiết", "en": "Detail"},
    "workbench.col.column": {"vi": "Cột", "en": "Column"},
    "workbench.col.header": {"vi": "Tiêu đề", "en": "Header"},
    "workbench.col.field": {"vi": "Đọc là", "en": "Read as"},
    "workbench.col.sample": {"vi": "Ví dụ", "en": "Example"},
    "workbench.col.order": {"vi": "TT", "en": "No."},
    "workbench.col.title": {"vi": "Nội dung", "en": "Item"},
    "workbench.col.minutes": {"vi": "Phút", "en": "Min"},
    "workbench.col.performer": {"vi": "Người thực hiện", "en": "Performer"},
    "workbench.col.recipient": {"vi": "Người/tập thể nhận", "en": "Recipient"},
    "workbench.col.form": {"vi": "Hình thức", "en": "Form"},
    "workbench.col.unit": {"vi": "Đơn vị", "en": "Unit"},
    "workbench.col.group": {"vi": "Đợt", "en": "Group"},
    "workbench.col.delegation": {"vi": "Đoàn", "en": "Delegation"},
    "workbench.col.match": {"vi": "Ghép", "en": "Match"},
    "workbench.change.added": {"vi": "thêm", "en": "added"},
    "workbench.change.updated": {"vi": "cập nhật", "en": "updated"},
    "workbench.change.unchanged": {"vi": "giữ nguyên", "en": "unchanged"},
    "workbench.change.skipped": {"vi": "bỏ qua", "en": "skipped"},
    "workbench.change.warning": {"vi": "cảnh báo", "en": "warning"},
    "workbench.change.repeated": {"vi": "lặp lại", "en": "repeated"},
    "workbench.warnings": {
        "vi": "{n} ô được nhập với cảnh báo (xem bảng thay đổi).",
        "en": "{n} cells imported with a warning (see the table of changes).",
    },
    "workbench.candidates": {"vi": "{n} người có thể là", "en": "{n} candidates"},
    "workbench.programme.replaces": {
        "vi": "Chương trình hiện có ({old} mục) sẽ được thay bằng {new} mục của tệp.",
        "en": "The current programme ({old} items) is replaced by the file's {new} items.",
    },
    "workbench.honours.unresolved": {
        "vi": "{n} người nhận chưa ghép được với đại biểu: sau khi nhập, chọn từng người trên màn hình ghép.",
        "en": "{n} recipients not matched to a delegate: after importing, pick each on the matching screen.",
    },
    "workbench.higher_level.summary": {
        "vi": "Đánh dấu {marked} đại biểu, {already} đã đánh dấu từ trước, {unmatched} dòng không khớp.",
        "en": "Marks {marked} delegates, {already} marked already, {unmatched} rows not matched.",
    },
    "workbench.unmatched.no_match": {"vi": "không khớp ai", "en": "matches nobody"},
    "workbench.unmatched.ambiguous": {"vi": "khớp nhiều người", "en": "matches several"},
    "workbench.imported": {"vi": "Đã nhập", "en": "Imported"},
    "workbench.nothing_imported": {"vi": "Đã bỏ: không nhập gì.", "en": "Left: nothing imported."},
    "pin.action.import": {"vi": "nhập danh sách", "en": "import a list"},
    "pin.action.match": {"vi": "ghép người nhận khen thưởng", "en": "match an honours recipient"},
    # ------------------------------------------------------------------ honours matching
    "workbench.match_honours": {
        "vi": "Ghép người nhận khen thưởng với đại biểu",
        "en": "Match honours recipients to delegates",
    },
    "workbench.match_title": {
        "vi": "Người nhận khen thưởng chưa ghép: chọn một dòng, rồi chọn đúng đại biểu (hoặc “không phải đại biểu”)",
        "en": "Honours recipients not matched: pick a row, then the right delegate (or “not a delegate”)",
    },
    "workbench.match_who": {
        "vi": "{recipient} · {unit} · {form}",
        "en": "{recipient} · {unit} · {form}",
    },
    "workbench.match_no_candidates": {
        "vi": "Không có ai trùng tên: gõ vài chữ tên vào ô tìm (/) để tìm đại biểu.",
        "en": "Nobody of that name: type a few letters in the search field (/) to find a delegate.",
    },
    "workbench.match_none_left": {
        "vi": "Mọi người nhận đã được ghép. Esc để quay lại.",
        "en": "Every recipient is matched. Escape goes back.",
    },
    "workbench.not_a_delegate": {"vi": "Không phải đại biểu", "en": "Not a delegate"},
    "workbench.find_placeholder": {
        "vi": "Tìm đại biểu khác (không dấu cũng được)",
        "en": "Find another delegate",
    },
    "workbench.key.find_delegate": {"vi": "Tìm", "en": "Find"},
    "workbench.matched": {
        "vi": "Đã ghép với đại biểu {delegate}.",
        "en": "Matched to the delegate {delegate}.",
    },
    "workbench.matched_as": {
        "vi": "Đã ghép “{recipient}” (cách viết trong danh sách khen thưởng) với đại biểu {delegate}.",
        "en": "Matched “{recipient}” (as the honours list spells it) to the delegate {delegate}.",
    },
    # ---------------------------------------------------------------- the organizer PIN
    "organizer.grace": {
        "vi": "PIN Ban tổ chức đúng: bàn này không hỏi lại PIN trong {minutes} phút (đầu màn "
        "hình ghi thời gian còn lại).",
        "en": "Organizer PIN accepted: this desk will not ask for it again for {minutes} minutes "
        "(the header shows the time left).",
    },
    "organizer.grace_left": {
        "vi": "Ban tổ chức: còn {minutes} phút",
        "en": "Organizer: {minutes} min left",
    },
    "reception.pin_typed": {
        "vi": "Đó là một mã PIN: ô quét đã được xoá, không tìm gì. Chỉ gõ PIN khi màn hình hỏi PIN.",
        "en": "That is a PIN: the scan field was cleared and nothing was searched. Type a PIN only "
        "when the screen asks for one.",
    },
}
