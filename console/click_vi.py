"""Click's own words in Vietnamese: usage lines, section headings and the errors click raises
itself ("Error: Missing option '--title'." is "Lỗi: Thiếu tuỳ chọn '--title'.").

Click wraps each of its messages in :func:`gettext.gettext` so that applications can translate
them; it ships no catalogue, and an installed ``.mo`` file would be one more build step. So
:func:`install` gives click's modules a ``gettext``/``ngettext`` that look the English message
up here when the UI language is Vietnamese, and return it unchanged otherwise. A message
missing here stays English: nothing breaks when click adds one.
"""

from __future__ import annotations

from .i18n import lang

MESSAGES = {
    "Usage:": "Cách dùng:",
    "Options": "Tuỳ chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Đối số",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "Error: {message}": "Lỗi: {message}",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tuỳ chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing command.": "Thiếu lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tuỳ chọn {name!r}.",
    "Option {name!r} does not take a value.": "Tuỳ chọn {name!r} không nhận giá trị.",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{value!r} is not a valid UUID.": "{value!r} không phải UUID hợp lệ.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is not readable.": "Không đọc được {name} {filename!r}.",
    "{name} {filename!r} is not writable.": "Không ghi được {name} {filename!r}.",
    "{name} {filename!r} is not executable.": "Không chạy được {name} {filename!r}.",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "file": "Tệp",
    "directory": "Thư mục",
    "path": "Đường dẫn",
    "Aborted!": "Đã huỷ.",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai lần nhập không khớp nhau.",
    "Error: invalid input": "Lỗi: giá trị không hợp lệ",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "required": "bắt buộc",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "Press any key to continue...": "Nhấn phím bất kỳ để tiếp tục...",
    "Do you want to continue?": "Tiếp tục?",
    "Argument {name!r} takes {nargs} values.": "Đối số {name!r} cần {nargs} giá trị.",
}
"""Click's English message → Vietnamese (placeholders kept as click fills them)."""

PLURALS = {
    "Got unexpected extra argument ({args})": "Thừa đối số ({args})",
    "Option {name!r} requires an argument.": "Tuỳ chọn {name!r} cần một giá trị.",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "Takes {nargs} values but 1 was given.": "Cần {nargs} giá trị nhưng chỉ có 1.",
    "{value!r} does not match the format {format}.": "{value!r} không đúng dạng {format}.",
}
"""Click's singular messages → Vietnamese."""

PLURAL_VI = {  # click's plural messages → Vietnamese
    "{value!r} is not one of {choices}.": "{value!r} không thuộc: {choices}.",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là: {possibilities}?)",
    "Option {name!r} requires {nargs} arguments.": "Tuỳ chọn {name!r} cần {nargs} giá trị.",
    "Takes {nargs} values but {len} were given.": "Cần {nargs} giá trị nhưng có {len}.",
    "{value!r} does not match the formats {formats}.": "{value!r} không đúng các dạng {formats}.",
    "Got unexpected extra arguments ({args})": "Thừa đối số ({args})",
}


def gettext(message: str) -> str:
    return MESSAGES.get(message, message) if lang() == "vi" else message


def ngettext(singular: str, plural: str, n: int) -> str:
    english = singular if n == 1 else plural
    if lang() != "vi":
        return english
    if n == 1:
        return PLURALS.get(singular, singular)
    return PLURAL_VI.get(plural, plural)


def install() -> None:
    """Give click's modules the two functions above in place of :mod:`gettext`'s."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.termui
    import click.types

    for module in (
        click.core,
        click.decorators,
        click.exceptions,
        click.formatting,
        click.parser,
        click.termui,
        click.types,
    ):
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
