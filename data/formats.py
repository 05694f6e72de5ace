"""What a list file really is, told from its first bytes, not from its name.

Units rename files freely: an Excel 97-2003 workbook saved as ``.xlsx``, a government system's
HTML table saved as ``.xls``, a Word table next to the spreadsheets. :func:`detect` looks at the
content and names the reader :mod:`data.sheets` uses:

=========  ==================================================================================
xlsx       a zip holding ``xl/workbook.xml`` (``.xlsx``, ``.xlsm``)
xlsb       a zip holding ``xl/workbook.bin`` (Excel's binary workbook)
ods        a zip whose ``mimetype`` is ``application/vnd.oasis.opendocument.spreadsheet``
docx       a zip holding ``word/document.xml``: the tables of a Word document
xls        an OLE2 compound file (``D0 CF 11 E0 A1 B1 1A E1``) holding a workbook stream
html       text starting with ``<html``, ``<table`` or ``<!DOCTYPE html`` (after a BOM, blanks,
           an XML declaration or comments)
csv        any other text, when the caller reads its suffix as CSV
=========  ==================================================================================

What cannot hold a list we can read is refused in one line that says what to do
(``import.format``: PDF, Word 97-2003, RTF, images, other zips, Excel 2003 XML;
``import.encrypted``: a workbook with a password; ``import.unknown_format``). A file that claims
to be an .xlsx by its name but is neither a zip nor anything above is ``import.unreadable``, as
before (a damaged download), and text under a suffix no importer reads is ``import.unsupported``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .errors import DaihoiError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The magic number of an OLE2 compound file: .xls, .doc, and an encrypted .xlsx."""

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".docx", ".htm", ".html")
"""Suffixes under which a list is looked for whatever the name says."""

_ZIP_NAMED = (".xlsx", ".xlsm")
"""Names that promise a zip: anything else under them is a damaged file (``import.unreadable``)."""

_HEAD = 8192
_HTML = re.compile(
    rb"^(?:<\?xml[^>]*>|<!--.*?-->|\s)*<(?:!doctype\s+html|html|table|head|meta)\b", re.I | re.S
)
_SPREADSHEET_2003 = re.compile(
    rb"^(?:<\?xml[^>]*>|<!--.*?-->|\s)*<\?mso-application\s+progid=\"excel", re.I
)


def _utf16_to_bytes(head: bytes) -> bytes:
    """The ASCII of a UTF-16 head (a BOM first), enough to see its first tag."""
    codec = "utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be"
    return head[2:].decode(codec, errors="ignore").encode("ascii", errors="ignore")


def detect(path: Path, csv_suffixes: tuple[str, ...] | list[str] | frozenset[str]) -> str:
    """The format of ``path`` ("xlsx", "xlsb", "ods", "docx", "xls", "html", "csv").

    Raises ``import.format`` / ``import.encrypted`` / ``import.unknown_format`` for a file no
    reader takes, ``import.unreadable`` for a damaged one, ``import.unsupported`` for text under
    a suffix no importer reads as CSV.
    """
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DaihoiError("import.unreadable", file=str(path), reason=reason) from exc
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(path)
    if head.startswith(OLE2):
        return _ole2_kind(path)
    foreign = _foreign(head)
    if foreign is not None:
        raise DaihoiError("import.format", file=str(path), kind=foreign)
    text = head.lstrip(b"\xef\xbb\xbf")
    if text.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _utf16_to_bytes(text)
    if _HTML.match(text):
        return "html"
    if _SPREADSHEET_2003.match(text):
        raise DaihoiError("import.format", file=str(path), kind="Excel 2003 XML")
    if suffix in csv_suffixes:
        return "csv"
    if suffix in _ZIP_NAMED or not head:
        raise DaihoiError("import.unreadable", file=str(path), reason="File is not a zip file")
    if _binary(head):
        raise DaihoiError("import.unknown_format", file=str(path))
    raise DaihoiError("import.unsupported", file=str(path))


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size <= 256:
                    mimetype = archive.read("mimetype").strip()
                    if mimetype == ODS_MIMETYPE:
                        return "ods"
                    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
                        raise DaihoiError(
                            "import.format", file=str(path), kind="OpenDocument (.odt)"
                        )
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, NotImplementedError):
        return "xlsx"  # the xlsx pre-pass says what is broken, in the words it always used
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "word/document.xml" in names:
        return "docx"
    if "ppt/presentation.xml" in names:
        raise DaihoiError("import.format", file=str(path), kind="PowerPoint (.pptx)")
    if not names or "[Content_Types].xml" in names:
        return "xlsx"  # an Office package missing its workbook: the xlsx reader says so
    raise DaihoiError("import.format", file=str(path), kind="zip")


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _ole2_kind(path: Path) -> str:
    """An OLE2 file: a workbook (.xls), or what we refuse: an encrypted (password) workbook,
    a Word 97-2003 document. The directory entries' names are UTF-16 in the file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DaihoiError("import.unreadable", file=str(path), reason=reason) from exc
    if _utf16("EncryptedPackage") in raw or _utf16("EncryptionInfo") in raw:
        raise DaihoiError("import.encrypted", file=str(path))
    if _utf16("Workbook") in raw or _utf16("Book") in raw:
        return "xls"
    if _utf16("WordDocument") in raw:
        raise DaihoiError("import.format", file=str(path), kind="Word 97-2003 (.doc)")
    if _utf16("PowerPoint Document") in raw:
        raise DaihoiError("import.format", file=str(path), kind="PowerPoint 97-2003 (.ppt)")
    return "xls"  # let the reader say what is wrong with it


_MAGIC = (
    (b"%PDF", "PDF"),
    (b"{\\rtf", "RTF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x1f\x8b", "gzip"),
)


def _foreign(head: bytes) -> str | None:
    """A known format that holds no table we read (by its magic number), or None."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if kind == "BMP" and len(head) > 14 and head[6:10] != b"\x00\x00\x00\x00":
                continue  # "BM" may begin a CSV line; a bitmap has four reserved zero bytes
            return kind
    if head[4:12] in (b"ftypheic", b"ftypmif1") or head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "HEIC/WebP"
    return None


def _binary(head: bytes) -> bool:
    """Bytes that are not text: NULs (outside UTF-16) or mostly control bytes."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return b"\x00" in head or controls > len(head) // 10
