"""Messages of the badges area."""

MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- command line
    "cli.badges": {
        "vi": "In thẻ đại biểu có mã QR ra tệp PDF sẵn sàng để in (và PNG nếu cần).\n\n"
        "Thẻ xếp theo đoàn, rồi theo tên; --reprint cấp mã mới và thu hồi thẻ cũ.\n\n"
        'Ví dụ: daihoi badges -o the.pdf --layout a6 --delegation "Đoàn huyện Đại Từ"',
        "en": "Print delegates' QR badges into a print-ready PDF (and PNGs if asked).\n\n"
        "Badges are sorted by delegation, then name; --reprint issues new codes and revokes "
        "the old badges.\n\n"
        'Example: daihoi badges -o badges.pdf --layout a6 --delegation "Đoàn huyện Đại Từ"',
    },
    "cli.opt.badges_out": {"vi": "Tệp PDF cần ghi.", "en": "PDF file to write."},
    "cli.opt.layout": {
        "vi": "Khổ thẻ: a6 (4 thẻ/A4), a7 (8 thẻ/A4), card (90 × 130 mm), label-62 (cuộn 62 mm).",
        "en": "Layout: a6 (4 per A4), a7 (8 per A4), card (90 × 130 mm), label-62 (62 mm roll).",
    },
    "cli.opt.png": {
        "vi": "Thư mục ghi thêm mỗi thẻ một ảnh PNG (máy in nhãn, xem trước).",
        "en": "Folder to also write one PNG per badge (label printers, previews).",
    },
    "cli.opt.delegate_id": {
        "vi": "Chỉ in thẻ của đại biểu có mã số này (lặp lại được).",
        "en": "Only this delegate's badge, by id (repeatable).",
    },
    "cli.opt.delegation": {
        "vi": "Chỉ in thẻ của một đoàn (không dấu cũng được).",
        "en": "Only one delegation's badges (accents optional).",
    },
    "cli.opt.reprint": {
        "vi": "In lại: cấp mã mới, thẻ cũ bị thu hồi.",
        "en": "Reprint: issue new codes, revoking the old badges.",
    },
    "cli.opt.reprint_reason": {
        "vi": "Lý do in lại (ghi vào nhật ký).",
        "en": "Why the badges are reprinted (written to the journal).",
    },
    "cli.opt.colors": {
        "vi": 'Tệp JSON màu dải thẻ, ví dụ {{"Đại biểu": "#C8102E", "Khách mời": "#1F5FAF"}}.',
        "en": 'JSON file of band colours, e.g. {{"Đại biểu": "#C8102E", "Khách mời": "#1F5FAF"}}.',
    },
    "cli.opt.logo": {
        "vi": "Ảnh biểu trưng in cạnh tên sự kiện (PNG, JPEG).",
        "en": "Logo image printed beside the event title (PNG, JPEG).",
    },
    # ---------------------------------------------------------------- results
    "badge.written": {
        "vi": "Đã ghi {n} thẻ ({pages} trang, khổ {layout}) vào {path}.",
        "en": "Wrote {n} badges ({pages} pages, layout {layout}) to {path}.",
    },
    "badge.reissued": {
        "vi": "Đã cấp mã mới cho {n} đại biểu; thẻ cũ của họ không còn dùng được.",
        "en": "Issued new codes to {n} delegates; their old badges no longer work.",
    },
    # ---------------------------------------------------------------- refusals
    "badge.missing_glyphs": {
        "vi": "Không in thẻ của {name} (mã số {id}): phông chữ không có ký tự {chars}. "
        "Sửa tên trong danh sách rồi in lại.",
        "en": "Cannot print the badge of {name} (id {id}): the font has no glyph for {chars}. "
        "Correct the list, then print again.",
    },
    "badge.title_missing_glyphs": {
        "vi": "Tên sự kiện có ký tự phông chữ không in được: {chars}.",
        "en": "The event title has characters the font cannot print: {chars}.",
    },
    "badge.unknown_layout": {
        "vi": "Không có khổ thẻ {name}; chọn một trong: {layouts}.",
        "en": "No layout named {name}; choose one of: {layouts}.",
    },
    "badge.no_delegation": {
        "vi": "Không có đại biểu nào thuộc đoàn {delegation}.",
        "en": "No delegate belongs to the delegation {delegation}.",
    },
    "badge.nobody": {
        "vi": "Không có đại biểu nào để in thẻ.",
        "en": "There are no delegates to print badges for.",
    },
    "badge.bad_color": {
        "vi": "Màu {value} không hợp lệ: viết dạng #RRGGBB, ví dụ #C8102E.",
        "en": "Colour {value} is not valid: write it as #RRGGBB, e.g. #C8102E.",
    },
    "badge.bad_colors_file": {
        "vi": "Không đọc được tệp màu {path}: {reason}",
        "en": "Cannot read the colours file {path}: {reason}",
    },
    "badge.unknown_band": {
        "vi": "Tệp màu nhắc tới dải {name}, không có; các dải: {bands}.",
        "en": "The colours file names a band {name} that does not exist; bands: {bands}.",
    },
    "badge.cannot_prepare": {
        "vi": "Không ghi được {path}: {reason}. Chưa thay đổi gì, chưa thẻ nào bị thu hồi: "
        "chọn chỗ ghi khác rồi in lại.",
        "en": "Cannot write {path}: {reason}. Nothing was changed and no badge was revoked: "
        "choose another place and print again.",
    },
    "badge.cannot_write": {
        "vi": "Không ghi được {path}: {reason}.",
        "en": "Cannot write {path}: {reason}.",
    },
    "badge.cannot_write_reissued": {
        "vi": "Không ghi được {path}: {reason}. {n} đại biểu đã được cấp mã mới (thẻ cũ đã bị "
        "thu hồi): in thẻ với mã hiện tại bằng daihoi badges, không cần --reprint.",
        "en": "Cannot write {path}: {reason}. {n} delegates already have new codes (their old "
        "badges are revoked): print the current codes with daihoi badges, without --reprint.",
    },
    "badge.bad_logo": {
        "vi": "Không đọc được ảnh biểu trưng {path} (cần PNG hoặc JPEG).",
        "en": "Cannot read the logo image {path} (PNG or JPEG needed).",
    },
    # ---------------------------------------------------------------- the reception desk
    "pin.action.reprint": {"vi": "in lại thẻ", "en": "reprint a badge"},
    "key.reprint": {"vi": "In lại thẻ", "en": "Reprint badge"},
    "reception.reprint_nothing": {
        "vi": "Chọn một đại biểu (tìm theo tên hoặc quét thẻ) rồi bấm F7 để in lại thẻ.",
        "en": "Choose a delegate (search by name or scan) and press F7 to reprint the badge.",
    },
    "reception.reprint_question": {
        "vi": "In lại thẻ cho {name}? Thẻ cũ sẽ bị thu hồi, không dùng được nữa.",
        "en": "Reprint {name}'s badge? The old badge will be revoked and stop working.",
    },
    "reception.reprinting": {
        "vi": "Đang in lại thẻ của {name}…",
        "en": "Reprinting {name}'s badge…",
    },
    "reception.reprinted_printer": {
        "vi": "Đã in lại thẻ của {name} (mã mới {code}), đã gửi tới máy in {printer}. Tệp: {path}",
        "en": "Reprinted {name}'s badge (new code {code}), sent to the printer {printer}. "
        "File: {path}",
    },
    "reception.reprinted_file": {
        "vi": "Đã in lại thẻ của {name} (mã mới {code}). Không có máy in mặc định: "
        "mở tệp {path} để in.",
        "en": "Reprinted {name}'s badge (new code {code}). No default printer: "
        "open {path} to print it.",
    },
}
