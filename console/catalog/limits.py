"""Messages of the bounds every importer puts on what it reads (hostile and broken files).

The bounds themselves are constants of :mod:`data.sheets` (and :data:`programme.running.MAX_MINUTES`
for durations). Numbers go in plain (``200000``): a thousands separator reads differently in
the two languages, and a plain number reads the same in both.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ refusals of a whole file
    "limits.file_size": {
        "vi": "Tệp {file} nặng {size} MB, quá giới hạn {limit} MB của một danh sách: không đọc. "
        "Chưa thay đổi gì.",
        "en": "{file} is {size} MB, over the {limit} MB a list may weigh: not read. "
        "Nothing was changed.",
    },
    "limits.parts": {
        "vi": "Tệp {file} gồm {parts} phần nén, quá giới hạn {limit} của một tệp Excel: "
        "không đọc. Chưa thay đổi gì.",
        "en": "{file} is made of {parts} packed parts, over the {limit} an Excel file may "
        "have: not read. Nothing was changed.",
    },
    "limits.unzipped": {
        "vi": "Tệp {file} giải nén ra ít nhất {size} MB, quá giới hạn {limit} MB của một danh "
        "sách (tệp nén bất thường): không đọc. Chưa thay đổi gì.",
        "en": "{file} unpacks to at least {size} MB, over the {limit} MB a list may hold (an "
        "abnormal archive): not read. Nothing was changed.",
    },
    "limits.damaged_part": {
        "vi": "Tệp {file} bị hỏng: phần {part} không khớp kích thước hoặc mã kiểm tra đã khai "
        "báo. Chưa thay đổi gì.",
        "en": "{file} is damaged: its part {part} does not match its declared size or "
        "checksum. Nothing was changed.",
    },
    "limits.xml_entities": {
        "vi": "Tệp {file} có khai báo DTD/thực thể XML trong {part}, điều Excel không bao giờ "
        "ghi (kiểu tấn công “billion laughs”/XXE): không đọc. Chưa thay đổi gì.",
        "en": "{file} declares an XML DTD or entities in {part}, which Excel never writes (a "
        "“billion laughs”/XXE attack): not read. Nothing was changed.",
    },
    "limits.shared_strings": {
        "vi": "Tệp {file} có hơn {limit} đoạn chữ khác nhau, nhiều hơn mọi danh sách: không "
        "đọc. Chưa thay đổi gì.",
        "en": "{file} holds more than {limit} distinct texts, more than any list: not read. "
        "Nothing was changed.",
    },
    "limits.merged": {
        "vi": "Tệp {file}: các vùng gộp ô (đến vùng {ref}) phủ {cells} ô, quá giới hạn {limit} "
        "ô: không đọc. Chưa thay đổi gì.",
        "en": "{file}: its merged ranges (up to {ref}) cover {cells} cells, over the limit of "
        "{limit}: not read. Nothing was changed.",
    },
    "limits.rows": {
        "vi": "Tệp {file}: dòng {row} vẫn còn dữ liệu, quá giới hạn {limit} dòng của một danh "
        "sách: không đọc. Chưa thay đổi gì.",
        "en": "{file}: row {row} still holds data, past the {limit} rows a list may have: not "
        "read. Nothing was changed.",
    },
    "limits.columns": {
        "vi": "Tệp {file}, dòng {row}: có dữ liệu ở cột {column}, quá giới hạn {limit} cột: "
        "không đọc. Chưa thay đổi gì.",
        "en": "{file}, row {row}: data in column {column}, past the {limit} columns a list may "
        "have: not read. Nothing was changed.",
    },
    "limits.cell": {
        "vi": "Tệp {file}, dòng {row}, cột {column}: ô dài {length} ký tự, quá giới hạn {limit} "
        "ký tự của một ô Excel: không đọc. Chưa thay đổi gì.",
        "en": "{file}, row {row}, column {column}: a cell of {length} characters, over the "
        "{limit} an Excel cell may hold: not read. Nothing was changed.",
    },
    "limits.line": {
        "vi": "Tệp {file}, dòng {row}: dòng CSV (hoặc một ô của nó) dài quá {limit} ký tự: "
        "không đọc. Chưa thay đổi gì.",
        "en": "{file}, row {row}: the CSV line (or one of its cells) is longer than {limit} "
        "characters: not read. Nothing was changed.",
    },
    # ------------------------------------------------------------ a cell cleaned on import
    "limits.control_chars": {
        "vi": "đã bỏ {count} ký tự điều khiển (mã điều khiển màn hình, ký tự đảo chiều chữ)",
        "en": "{count} control characters removed (terminal escapes, bidi overrides)",
    },
    "limits.warn_cleaned": {
        "vi": "{file}, dòng {row}{column}: {reason} — vẫn nhập phần còn lại",
        "en": "{file}, row {row}{column}: {reason} — the rest was imported",
    },
    # ------------------------------------------------------------ formats (data/formats.py)
    "import.format": {
        "vi": "Tệp {file} là tệp {kind}, không phải bảng danh sách đọc được: lưu lại thành "
        ".xlsx từ Excel/LibreOffice rồi nhập lại. Chưa thay đổi gì.",
        "en": "{file} is a {kind} file, not a list we can read: save it as .xlsx from "
        "Excel/LibreOffice and import it again. Nothing was changed.",
    },
    "import.encrypted": {
        "vi": "Tệp {file} được đặt mật khẩu nên không đọc được: mở bằng Excel/LibreOffice, bỏ "
        "mật khẩu, lưu lại thành .xlsx rồi nhập lại. Chưa thay đổi gì.",
        "en": "{file} is protected by a password and cannot be read: open it in "
        "Excel/LibreOffice, remove the password, save it as .xlsx and import it again. "
        "Nothing was changed.",
    },
    "import.unknown_format": {
        "vi": "Tệp {file} không phải định dạng bảng tính nào đọc được (.xlsx, .xls, .ods, "
        ".csv, bảng Word hay HTML): lưu lại thành .xlsx từ Excel/LibreOffice rồi nhập lại. "
        "Chưa thay đổi gì.",
        "en": "{file} is in no format we can read (.xlsx, .xls, .ods, .csv, a Word or HTML "
        "table): save it as .xlsx from Excel/LibreOffice and import it again. Nothing was "
        "changed.",
    },
    "import.no_table": {
        "vi": "Tệp {file} không có bảng nào: danh sách cần nằm trong một bảng (Word) hoặc một "
        "trang tính; lưu lại thành .xlsx từ Excel/LibreOffice rồi nhập lại. Chưa thay đổi gì.",
        "en": "{file} holds no table: the list must be in a table (Word) or a sheet; save it as "
        ".xlsx from Excel/LibreOffice and import it again. Nothing was changed.",
    },
    # ------------------------------------------------------------ sheets and rows left out
    "import.hidden_sheet": {
        "vi": "Bỏ qua trang ẩn '{sheet}'",
        "en": "Hidden sheet '{sheet}' skipped",
    },
    "import.sheet_without_list": {
        "vi": "Bỏ qua trang '{sheet}': không có dòng tiêu đề danh sách",
        "en": "Sheet '{sheet}' skipped: no list header in it",
    },
    "import.hidden_row": {"vi": "bị ẩn", "en": "hidden"},
    "import.struck_row": {"vi": "gạch ngang", "en": "struck through"},
    # ------------------------------------------------------------ a long list of rows
    "limits.more_same": {
        "vi": "{file}: … và {more} dòng nữa, cùng lý do: {reason}",
        "en": "{file}: … and {more} more rows, same reason: {reason}",
    },
    "limits.more_mixed": {
        "vi": "{file}: … và {more} dòng nữa: {reasons}",
        "en": "{file}: … and {more} more rows: {reasons}",
    },
    "limits.more_part": {
        "vi": "{count} dòng kiểu “{reason}”",
        "en": "{count} like “{reason}”",
    },
    # ------------------------------------------------------------ the running order
    "limits.programme_unreadable": {
        "vi": "Tệp {file}: {bad} trong {total} dòng mục chương trình không đọc được (đầu tiên: "
        "dòng {row}, cột {column}): không thay chương trình. Chưa thay đổi gì.",
        "en": "{file}: {bad} of its {total} programme rows cannot be read (the first: row "
        "{row}, column {column}): the programme was not replaced. Nothing was changed.",
    },
    "limits.minutes": {
        "vi": "Tệp {file}, dòng {row}, cột {column}: thời lượng “{value}” không hợp lệ, cần "
        "một số phút nguyên từ 1 đến {max}: không thay chương trình. Chưa thay đổi gì.",
        "en": "{file}, row {row}, column {column}: duration “{value}” is invalid, it must be a "
        "whole number of minutes from 1 to {max}: the programme was not replaced. Nothing "
        "was changed.",
    },
}
