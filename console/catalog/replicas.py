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
        "vi": "Đã tạo bản sao cho {desk}: {path}. Làm việc ngoại tuyến rồi gộp lại bằng daihoi merge.",
        "en": "Desk copy for {desk}: {path}. Work offline, then merge it back with daihoi merge.",
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
