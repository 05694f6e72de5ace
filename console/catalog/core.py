"""Messages of the event file, delegates, import and check-in."""

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ event file
    "event.exists": {
        "vi": "Đã có sự kiện ở {path}: không ghi đè. Chọn tệp khác bằng --db.",
        "en": "An event already exists at {path}: not overwriting it. Choose another file with --db.",
    },
    "event.missing": {
        "vi": 'Không tìm thấy tệp sự kiện {path}. Tạo bằng: daihoi init --title "…" (hoặc chỉ --db).',
        "en": 'No event file at {path}. Create one with: daihoi init --title "…" (or pass --db).',
    },
    "event.not_an_event": {
        "vi": "Tệp {path} không phải tệp sự kiện daihoi.",
        "en": "{path} is not a daihoi event file.",
    },
    "event.unreadable": {
        "vi": "Không đọc được tệp sự kiện {path} ({reason}). Chưa ghi gì. Đừng xoá các tệp -wal/-shm bên cạnh: chúng giữ các lượt đã ghi. Chạy daihoi verify --db {path} để biết tệp có hỏng không.",
        "en": "Cannot read the event file {path} ({reason}). Nothing was written. Do not delete the -wal/-shm files beside it: they hold committed rows. Run daihoi verify --db {path} to see whether the file is damaged.",
    },
    "event.corrupt": {
        "vi": "Tệp sự kiện {path} bị hỏng ({reason}). Đừng xoá tệp {path}-wal nếu có: nó giữ các lượt điểm danh đã ghi. Giữ nguyên các tệp, chép cả thư mục sang chỗ an toàn, rồi mở bản sao lưu gần nhất (daihoi verify --db BẢN_SAO để kiểm tra) và báo ban tổ chức.",
        "en": "The event file {path} is damaged ({reason}). Do not delete {path}-wal if it exists: it holds committed check-ins. Keep every file as it is, copy the whole folder somewhere safe, then open the latest backup (check it with daihoi verify --db BACKUP) and tell the organizers.",
    },
    "event.cannot_open": {
        "vi": "Không mở được tệp sự kiện {path} ({reason}). Tệp không bị thay đổi. Kiểm tra đường dẫn, quyền đọc và ổ đĩa (USB đã cắm chưa?).",
        "en": "Cannot open the event file {path} ({reason}). The file was not changed. Check the path, read permission and the drive (is the USB stick plugged in?).",
    },
    "event.needs_upgrade": {
        "vi": "Tệp sự kiện {path} do bản daihoi cũ hơn tạo: lệnh chỉ đọc này không nâng cấp nó. Nếu là tệp sự kiện đang dùng, mở nó một lần bằng daihoi console --db {path} rồi chạy lại; nếu là bản sao lưu, chép nó ra và mở bản chép, để bản sao lưu giữ nguyên.",
        "en": "The event file {path} was made by an older daihoi: this read-only command does not upgrade it. If it is the event file in use, open it once with daihoi console --db {path}, then run this again; if it is a backup, copy it and open the copy, so the backup stays as it was.",
    },
    "event.cannot_create": {
        "vi": "Không tạo được tệp {path}: {reason}.",
        "en": "Cannot create {path}: {reason}.",
    },
    "event.busy": {
        "vi": "Tệp sự kiện đang bận (bàn khác đang ghi quá lâu): chưa ghi gì, hãy thử lại. ({reason})",
        "en": "The event file is busy (another desk has been writing too long): nothing was written, try again. ({reason})",
    },
    "event.disk_full": {
        "vi": "Ổ đĩa chứa {path} đã đầy: lần này chưa ghi gì, mọi lượt đã ghi trước vẫn còn nguyên. Giải phóng dung lượng (xoá tệp không cần trên ổ đó) rồi thử lại; không cần dùng bản sao lưu.",
        "en": "The disk holding {path} is full: nothing was written this time, everything recorded before is intact. Free some space (delete unneeded files on that drive) and try again; no backup is needed.",
    },
    "event.read_only": {
        "vi": "Tệp sự kiện {path} (hoặc thư mục, ổ đĩa của nó) chỉ cho đọc: không ghi được gì, tệp vẫn nguyên vẹn ({reason}). Chép tệp (cùng tệp -wal nếu có) sang chỗ ghi được, ví dụ ổ cứng của máy, rồi mở bản chép; không cần dùng bản sao lưu.",
        "en": "The event file {path} (or its folder or drive) is read-only: nothing can be written, the file is intact ({reason}). Copy the file (with its -wal file, if any) to a writable place such as this computer's disk and open the copy; no backup is needed.",
    },
    "event.write_failed": {
        "vi": "Không ghi được vào tệp sự kiện ({reason}): chưa ghi gì, dữ liệu nhập vẫn giữ nguyên.",
        "en": "Could not write to the event file ({reason}): nothing was written, your input is kept.",
    },
    "event.wal_gone": {
        "vi": "BÀN NÀY ĐÃ NGỪNG GHI: tệp {path}-wal bị xoá trong khi bàn đang chạy, mọi lượt ghi tiếp theo sẽ mất. Các lượt đã ghi ở bàn này được cứu vào {rescue}. Không điểm danh tiếp ở bàn này. Báo ban tổ chức: dừng các bàn, kiểm tra bản cứu (daihoi verify, daihoi stats --db BẢN_CỨU) và dùng nó làm tệp sự kiện nếu nó đủ hơn tệp đang dùng.",
        "en": "THIS DESK HAS STOPPED WRITING: {path}-wal was deleted while the desk was running, so anything written from now on would vanish. What this desk had recorded was saved to {rescue}. Do not check anyone in here. Tell the organizers: stop the desks, check the rescue file (daihoi verify, daihoi stats --db RESCUE) and use it as the event file if it holds more than the one in use.",
    },
    "event.wal_gone_unsaved": {
        "vi": "BÀN NÀY ĐÃ NGỪNG GHI: tệp {path}-wal bị xoá trong khi bàn đang chạy, mọi lượt ghi tiếp theo sẽ mất. Không lưu được bản cứu ({reason}). Đừng đóng bàn này: báo ngay ban tổ chức, họ chép dữ liệu từ bàn trước khi đóng.",
        "en": "THIS DESK HAS STOPPED WRITING: {path}-wal was deleted while the desk was running, so anything written from now on would vanish. The rescue copy could not be saved ({reason}). Do not close this desk: tell the organizers now, who save its data before it is closed.",
    },
    "event.bad_kind": {
        "vi": "Loại sự kiện không hợp lệ: {kind} (dai-hoi hoặc hoi-nghi).",
        "en": "Unknown event kind: {kind} (dai-hoi or hoi-nghi).",
    },
    "event.bad_date": {
        "vi": "Ngày không hợp lệ: {value} (dạng YYYY-MM-DD).",
        "en": "Invalid date: {value} (use YYYY-MM-DD).",
    },
    "event.bad_time": {
        "vi": "Giờ không hợp lệ: {value} (dạng HH:MM).",
        "en": "Invalid time: {value} (use HH:MM).",
    },
    "event.created": {
        "vi": 'Đã tạo sự kiện "{title}" tại {path}.',
        "en": 'Created event "{title}" at {path}.',
    },
    # ---------------------------------------------------------------- desks
    "desk.missing": {
        "vi": "Hãy nhập tên bàn (ví dụ: Bàn 3).",
        "en": "Enter a desk name (for example: Desk 3).",
    },
    "desk.bad": {
        "vi": "Tên bàn không hợp lệ: tối đa {max} ký tự, không có ký tự điều khiển.",
        "en": "Invalid desk name: at most {max} characters, no control characters.",
    },
    "desk.reserved": {
        "vi": "Tên bàn CLI dành cho dòng lệnh: hãy đặt tên khác (ví dụ: Bàn 3).",
        "en": "The desk name CLI belongs to the command line: choose another (for example: Desk 3).",
    },
    # ---------------------------------------------------------------- command line
    "cli.not_utf8": {
        "vi": "Tham số {arg} có byte không phải UTF-8 (thường do bảng mã cũ của terminal): gõ lại bằng Unicode, hoặc đặt LANG=C.UTF-8.",
        "en": "The argument {arg} holds bytes that are not UTF-8 (usually an old terminal encoding): type it again in Unicode, or set LANG=C.UTF-8.",
    },
    # ---------------------------------------------------------------- outputs
    "output.is_event": {
        "vi": "{path} là tệp sự kiện (hoặc tệp -wal/-shm của nó): không ghi đè. Chọn tên tệp khác cho kết quả.",
        "en": "{path} is the event file (or its -wal/-shm): not overwriting it. Choose another name for the output.",
    },
    "output.is_database": {
        "vi": "{path} là một cơ sở dữ liệu (tệp sự kiện, bản sao lưu hoặc bản sao của bàn): không ghi đè. Chọn tên tệp khác cho kết quả.",
        "en": "{path} is a database (an event file, a backup or a desk copy): not overwriting it. Choose another name for the output.",
    },
    "output.is_list": {
        "vi": "{path} là danh sách đã nhập vào sự kiện này ({kind}): không ghi đè. Chọn tên tệp khác cho kết quả.",
        "en": "{path} is a list this event was imported from ({kind}): not overwriting it. Choose another name for the output.",
    },
    # ------------------------------------------------------------- delegates
    "delegate.unknown": {
        "vi": "Không có đại biểu số {id}.",
        "en": "No delegate with id {id}.",
    },
    "code.out_of_range": {
        "vi": "Không tạo được mã thẻ cho đại biểu {id}, lần in {version}.",
        "en": "Cannot make a badge code for delegate {id}, version {version}.",
    },
    # ---------------------------------------------------------------- import
    "import.unsupported": {
        "vi": "Tệp {file}: không đọc được loại tệp này. Đọc được .xlsx, .xls, .ods, .docx (bảng), bảng HTML và .csv: lưu lại thành .xlsx từ Excel/LibreOffice rồi nhập lại.",
        "en": "{file}: this kind of file cannot be read. daihoi reads .xlsx, .xls, .ods, .docx (tables), HTML tables and .csv: save it as .xlsx from Excel/LibreOffice and import again.",
    },
    "import.unreadable": {
        "vi": "Không đọc được tệp {file}: {reason}. Chưa thay đổi gì.",
        "en": "Cannot read {file}: {reason}. Nothing was changed.",
    },
    "import.no_sheet": {
        "vi": 'Tệp {file} không có trang tính "{sheet}" (có: {sheets}).',
        "en": '{file} has no sheet "{sheet}" (it has: {sheets}).',
    },
    "import.no_header": {
        "vi": 'Tệp {file}: không tìm thấy dòng tiêu đề có cột "Họ và tên". Chưa thay đổi gì.',
        "en": '{file}: no header row with a "Full name" column was found. Nothing was changed.',
    },
    "import.no_delegates": {
        "vi": "Tệp {file} chỉ có dòng tiêu đề (dòng {row}), bên dưới không có đại biểu nào. "
        "Chưa nhập gì: hãy xem có đúng tệp, đúng trang tính không.",
        "en": "{file} holds only its header (row {row}) and no delegates below it. Nothing "
        "was imported: check that this is the right file and sheet.",
    },
    "import.skip": {
        "vi": "{file}, dòng {row}{column}: {reason}",
        "en": "{file}, row {row}{column}: {reason}",
    },
    "import.column": {"vi": ", cột {column}", "en": ", column {column}"},
    "import.bad_year": {
        "vi": 'năm sinh "{value}" không đọc được',
        "en": 'birth year "{value}" cannot be read',
    },
    "import.bad_gender": {
        "vi": 'giới tính "{value}" không rõ (Nam/Nữ)',
        "en": 'gender "{value}" is unclear (Nam/Nữ)',
    },
    "import.duplicate_row": {
        "vi": "trùng với dòng {first}",
        "en": "same person as row {first}",
    },
    "import.missing": {
        "vi": "Không tìm thấy tệp {file}. Chưa thay đổi gì.",
        "en": "{file} does not exist. Nothing was changed.",
    },
    "import.no_name": {
        "vi": "dòng có dữ liệu nhưng thiếu họ và tên",
        "en": "the row has data but no full name",
    },
    "import.total_row": {
        "vi": "dòng tổng “{text}” có thêm chữ ở cột khác: không nhập, hãy kiểm tra",
        "en": "total line “{text}” has text in other columns: not imported, please check",
    },
    "import.section_or_name": {
        "vi": (
            "“{text}” được coi là tên đoàn của các dòng dưới, không nhập như đại biểu; "
            "nếu là một người, hãy ghi số thứ tự ở cột STT"
        ),
        "en": (
            "“{text}” was read as the delegation of the rows below, not as a delegate; "
            "if it is a person, give it a number in the STT column"
        ),
    },
    "import.bad_encoding": {
        "vi": (
            "Tệp {file} là UTF-8 nhưng hỏng ở dòng {line} (có byte không hợp lệ): mở lại bằng "
            "Excel và lưu dưới dạng CSV UTF-8. Chưa thay đổi gì."
        ),
        "en": (
            "{file} is UTF-8 but broken at line {line} (an invalid byte): open it in Excel and "
            "save it as CSV UTF-8. Nothing was changed."
        ),
    },
    "import.warn": {
        "vi": "{file}, dòng {row}{column}: {reason} — vẫn nhập, để trống trường này",
        "en": "{file}, row {row}{column}: {reason} — imported with this field left empty",
    },
    "import.summary": {
        "vi": "Thêm {added}, cập nhật {updated}, giữ nguyên {unchanged}, bỏ qua {skipped} dòng.",
        "en": "Added {added}, updated {updated}, unchanged {unchanged}, skipped {skipped} rows.",
    },
    "import.total_mismatch": {
        "vi": "dòng tổng “{text}” ghi {said} người nhưng đọc được {read}: hãy kiểm tra danh sách",
        "en": "total line “{text}” says {said} people but {read} were read: please check the list",
    },
    "import.check": {
        "vi": "{file}, dòng {row}{column}: {reason}",
        "en": "{file}, row {row}{column}: {reason}",
    },
    "import.no_gender": {
        "vi": "Danh sách không ghi giới tính: mọi đại biểu được nhập với giới tính để trống.",
        "en": "The list gives no gender: every delegate was imported with the gender empty.",
    },
    "import.seen.where": {
        "vi": "Đã đọc: trang tính {sheets}, dòng tiêu đề {rows}.",
        "en": "Read: sheet {sheets}, header row {rows}.",
    },
    "import.seen.where_csv": {
        "vi": "Đã đọc: dòng tiêu đề {rows}.",
        "en": "Read: header row {rows}.",
    },
    "import.seen.columns": {"vi": "Cột: {columns}.", "en": "Columns: {columns}."},
    "import.seen.column": {
        "vi": "{field} ← {header} ({letters})",
        "en": "{field} ← {header} ({letters})",
    },
    "import.seen.delegations": {
        "vi": "Đoàn/khối theo dòng tiêu đề mục ({count}): {names}.",
        "en": "Delegations from headings ({count}): {names}.",
    },
    "import.seen.categories": {
        "vi": "Thành phần theo dòng tiêu đề mục ({count}): {names}.",
        "en": "Categories from headings ({count}): {names}.",
    },
    "import.seen.names": {
        "vi": (
            "Họ tên: tách danh xưng/chức danh {honorifics}, ghi chú vai trò {roles}, "
            "viết lại chữ in hoa {recased}."
        ),
        "en": (
            "Names: honorifics/titles taken off {honorifics}, role notes {roles}, "
            "re-cased from capitals {recased}."
        ),
    },
    "import.seen.filled": {
        "vi": "Điền xuống đoàn/đơn vị ghi một lần cho cả nhóm: {count} dòng.",
        "en": "Delegation/unit written once for a group, filled down: {count} rows.",
    },
    "import.seen.legacy": {
        "vi": "Chuyển từ bảng mã cũ sang Unicode: {counts}.",
        "en": "Converted from legacy encodings to Unicode: {counts}.",
    },
    "import.seen.skipped": {"vi": "Bỏ qua: {reasons}.", "en": "Skipped: {reasons}."},
    "import.seen.reason": {
        "vi": "{count} dòng, như “{reason}”",
        "en": "{count} rows, such as “{reason}”",
    },
    "import.seen.more": {"vi": "… và {count} nữa", "en": "… and {count} more"},
    "import.field.name": {"vi": "họ tên", "en": "name"},
    "import.field.honorific": {"vi": "danh xưng", "en": "honorific"},
    "import.field.role": {"vi": "vai trò", "en": "role"},
    "import.field.name_original": {"vi": "họ tên gốc", "en": "name as typed"},
    "import.field.gender": {"vi": "giới tính", "en": "gender"},
    "import.field.birth_year": {"vi": "năm sinh", "en": "birth year"},
    "import.field.birth_date": {"vi": "ngày sinh", "en": "birth date"},
    "import.field.ethnicity": {"vi": "dân tộc", "en": "ethnicity"},
    "import.field.religion": {"vi": "tôn giáo", "en": "religion"},
    "import.field.position": {"vi": "chức vụ", "en": "position"},
    "import.field.unit": {"vi": "đơn vị", "en": "unit"},
    "import.field.delegation": {"vi": "đoàn", "en": "delegation"},
    "import.field.category": {"vi": "thành phần", "en": "category"},
    "import.field.seat": {"vi": "ghế", "en": "seat"},
    "import.field.phone": {"vi": "điện thoại", "en": "phone"},
    "import.field.external_id": {"vi": "mã", "en": "id"},
    "import.dry_run": {
        "vi": "Chạy thử: chưa ghi gì vào tệp sự kiện.",
        "en": "Dry run: nothing was written to the event file.",
    },
    # --------------------------------------------------------------- check-in
    "checkin.not_checked_in": {
        "vi": "Đại biểu số {id} chưa điểm danh.",
        "en": "Delegate {id} is not checked in.",
    },
    "checkin.other_desk": {
        "vi": "Đại biểu này được điểm danh ở {desk} lúc {at}, không phải trong phiên làm việc này của bàn. Xác nhận để huỷ.",
        "en": "This delegate was checked in at {desk} at {at}, not in this session of the desk. Confirm to undo.",
    },
    "walkin.on_copy": {
        "vi": "Đây là bản sao của {desk}: chỉ duyệt khách trên tệp sự kiện chính (gộp bản sao trước).",
        "en": "This is {desk}'s desk copy: approve walk-ins on the main event file (merge the copy first).",
    },
    "walkin.no_name": {"vi": "Cần nhập họ và tên.", "en": "A name is required."},
    "walkin.unknown": {"vi": "Không có yêu cầu số {id}.", "en": "No request number {id}."},
    "walkin.decided": {
        "vi": "Yêu cầu số {id} đã được xử lý ({state}).",
        "en": "Request {id} was already decided ({state}).",
    },
}
