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
}
