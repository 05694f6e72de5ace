"""Messages of backups, desk copies and merges."""

MESSAGES: dict[str, dict[str, str]] = {
    "backup.exists": {
        "vi": "Đã có tệp {path}: không ghi đè bản sao lưu.",
        "en": "{path} already exists: not overwriting a backup.",
    },
    "backup.cannot_write": {
        "vi": "Không ghi được bản sao lưu {path}: {reason}.",
        "en": "Cannot write the backup {path}: {reason}.",
    },
    "backup.corrupt": {
        "vi": "Bản sao lưu {path} không toàn vẹn: đã huỷ, hãy thử lại.",
        "en": "The backup {path} failed its integrity check: discarded, try again.",
    },
    "backup.no_folder": {
        "vi": "Không có thư mục {path} (ổ USB đã cắm chưa?).",
        "en": "No folder {path} (is the USB drive plugged in?).",
    },
    "backup.done": {"vi": "Đã sao lưu vào {path}.", "en": "Backed up to {path}."},
    "clone.from_copy": {
        "vi": "{path} là bản sao của một bàn: chỉ tạo bản sao từ tệp sự kiện chính.",
        "en": "{path} is a desk copy: make desk copies from the main event file only.",
    },
    "clone.done": {
        "vi": "Đã tạo bản sao cho {desk}: {path}. Làm việc ngoại tuyến rồi gộp lại bằng daihoi merge. Bản sao mang khoá bí mật của sự kiện (ai có nó làm được thẻ hợp lệ): giữ như tệp sự kiện, xoá sau khi gộp.",
        "en": "Desk copy for {desk}: {path}. Work offline, then merge it back with daihoi merge. The copy carries the event's secret (whoever has it can make valid badges): keep it like the event file and delete it after merging.",
    },
    "merge.tampered": {
        "vi": "Không gộp {path}: nhật ký của bản sao bị sửa ngoài daihoi (chuỗi băm hỏng từ dòng {seq}; kiểm tra toàn vẹn: {check}). Chưa gộp gì. Kiểm tra bằng daihoi verify --db {path}.",
        "en": "Not merging {path}: its journal was changed outside daihoi (hash chain broken at row {seq}; integrity check: {check}). Nothing was merged. Look at it with daihoi verify --db {path}.",
    },
    "cli.verify": {
        "vi": "Kiểm tra tệp sự kiện (hoặc bản sao lưu, bản sao của bàn): toàn vẹn và chuỗi băm của nhật ký; nói dòng nào bị sửa. Chỉ đọc.\n\n"
        "Ví dụ: daihoi verify --db tinh.db",
        "en": "Check an event file (or a backup, a desk copy): integrity and the journal's hash chain; says which row was changed. Read-only.\n\n"
        "Example: daihoi verify --db tinh.db",
    },
    "verify.ok": {
        "vi": "{path}: toàn vẹn, chuỗi nhật ký đúng ({rows} dòng).",
        "en": "{path}: intact, journal chain holds ({rows} rows).",
    },
    "verify.broken": {
        "vi": "{path}: nhật ký bị sửa ngoài daihoi từ dòng {seq} ({kind}, {at}): dòng đó hoặc dòng trước nó đã bị sửa, xoá hoặc chèn thêm.",
        "en": "{path}: the journal was changed outside daihoi at row {seq} ({kind}, {at}): that row or the one before it was edited, deleted or inserted.",
    },
    "verify.corrupt": {
        "vi": "{path}: tệp không toàn vẹn ({check}). Đừng xoá tệp -wal; dùng bản sao lưu gần nhất đã kiểm tra.",
        "en": "{path}: the file failed its integrity check ({check}). Do not delete the -wal; use the latest backup that verifies.",
    },
    "merge.other_event": {
        "vi": "{path} là tệp của một sự kiện khác: không gộp.",
        "en": "{path} belongs to another event: not merging.",
    },
    "merge.into_copy": {
        "vi": "{path} là bản sao của một bàn: chỉ gộp vào tệp sự kiện chính.",
        "en": "{path} is a desk copy: merge into the main event file only.",
    },
    "merge.same_file": {
        "vi": "{path} chính là tệp sự kiện này: không có gì để gộp.",
        "en": "{path} is this very event file: nothing to merge.",
    },
    "merge.summary": {
        "vi": "Gộp {desk}: {rows} dòng nhật ký mới, {checkins} điểm danh, {duplicates} trùng (giữ lần sớm nhất), "
        "{undos} huỷ, {walkins} yêu cầu khách, {revocations} thẻ thu hồi; trả về bàn: {back} dòng.",
        "en": "Merged {desk}: {rows} new journal rows, {checkins} check-ins, {duplicates} duplicates (earliest kept), "
        "{undos} undone, {walkins} walk-in requests, {revocations} badges revoked; back to the desk: {back} rows.",
    },
}
