"""What an .xlsx says about its cells besides their values: hidden rows, struck-through text,
the font each cell is typed in.

calamine reads values only. A unit that drops a person from its list often hides the row or
strikes it through instead of deleting it, and a list compiled from older files carries rows in
the TCVN3 or VNI fonts (``.VnTime``, ``VNI-Times``) whose text is not Unicode. So:

- hidden rows: ``<row r="14" hidden="1">`` in the sheet's XML, found by the zip pre-pass of
  :mod:`data.sheets` while it streams the part anyway (:attr:`data.sheets.PartScan.hidden`);
- fonts and strike: ``xl/styles.xml`` maps a cell's style index (``<c s="5">``) through
  ``cellXfs`` to a ``fontId`` and the font's ``<name val=".VnTime"/>`` and ``<strike/>``
  (:func:`read_styles`). Only when some style is struck or in another font than the workbook's
  default is the sheet's XML read a second time, for the cells that use those styles
  (:func:`styled_cells`): a list in one font with no strike costs nothing more.

Both parts are parsed only after the pre-pass has refused any DTD and bounded their size.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@dataclass(frozen=True)
class Styles:
    """The styles of a workbook that matter to the reader."""

    default_font: str = ""
    """The font of style 0 (the workbook's normal style): "Calibri", or ".VnTime" for a whole
    list typed in TCVN3."""
    fonts: dict[int, str] = field(default_factory=dict)
    """Style index → font name, for the styles whose font is not :attr:`default_font`."""
    struck: frozenset[int] = frozenset()
    """Style indices whose font is struck through."""

    @property
    def interesting(self) -> frozenset[int]:
        """The style indices worth finding cell by cell."""
        return frozenset(self.fonts) | self.struck


def read_styles(archive: zipfile.ZipFile, part: str = "xl/styles.xml") -> Styles:
    """The fonts and strikes of ``part`` (none when the workbook has no styles part)."""
    try:
        data = archive.read(part)
    except KeyError:
        return Styles()
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return Styles()
    fonts: list[tuple[str, bool]] = []
    for font in _children(root, "fonts", "font"):
        name = next((e.get("val", "") for e in font if _local(e.tag) == "name"), "")
        strike = next((e for e in font if _local(e.tag) == "strike"), None)
        struck = strike is not None and strike.get("val", "1").lower() not in ("0", "false")
        fonts.append((name, struck))
    xfs = [_int(xf.get("fontId")) for xf in _children(root, "cellXfs", "xf")]

    def font_of(index: int) -> tuple[str, bool]:
        return fonts[index] if 0 <= index < len(fonts) else ("", False)

    default = font_of(xfs[0])[0] if xfs else (fonts[0][0] if fonts else "")
    by_style: dict[int, str] = {}
    struck_styles = set()
    for s, font_id in enumerate(xfs):
        name, struck = font_of(font_id)
        if name and name != default:
            by_style[s] = name
        if struck:
            struck_styles.add(s)
    return Styles(default, by_style, frozenset(struck_styles))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(root: ElementTree.Element, group: str, item: str) -> list[ElementTree.Element]:
    for element in root:
        if _local(element.tag) == group:
            return [e for e in element if _local(e.tag) == item]
    return []


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return -1


_CELL = re.compile(rb"<(?:[\w.-]+:)?c\b([^>]*)>")
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_STYLE = re.compile(rb'\bs="(\d+)"')
_CHUNK = 1 << 20


def styled_cells(
    archive: zipfile.ZipFile, part: str, wanted: frozenset[int]
) -> dict[tuple[int, int], int]:
    """(row, 0-based column) → style index, for the cells of ``part`` whose style is in
    ``wanted``; streamed a megabyte at a time (the pre-pass has bounded the part's size)."""
    found: dict[tuple[int, int], int] = {}
    if not wanted:
        return found
    carry = b""
    with archive.open(part) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            buffer = carry + chunk
            cut = buffer.rfind(b"<") if chunk else len(buffer)
            if cut < 0:
                cut = len(buffer)
            carry, data = buffer[cut:], buffer[:cut]
            for match in _CELL.finditer(data):
                attrs = match.group(1)
                style = _STYLE.search(attrs)
                if style is None or int(style.group(1)) not in wanted:
                    continue
                ref = _REF.search(attrs)
                if ref is not None:
                    found[(int(ref.group(2)), _column(ref.group(1)))] = int(style.group(1))
            if not chunk:
                break
    return found


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


# ---------------------------------------------------------------------------- the workbook part
@dataclass(frozen=True)
class SheetPart:
    """A worksheet as the workbook part lists it."""

    name: str
    state: str
    """"visible", "hidden" or "very_hidden" (:mod:`data.workbooks`' names)."""
    part: str
    """Its part in the zip ("xl/worksheets/sheet1.xml")."""


@dataclass(frozen=True)
class Layout:
    """Where a workbook's sheets and styles are, and which tab is active."""

    sheets: list[SheetPart] = field(default_factory=list)
    """Worksheets in tab order (chart sheets left out); empty when the workbook part cannot be
    read (openpyxl then says what is wrong with the file)."""
    active: int = 0
    """Index among ``sheets`` of the tab Excel shows first."""
    styles: str = "xl/styles.xml"


_OFFICE_DOC = "/officeDocument"
_STATES = {"hidden": "hidden", "veryhidden": "very_hidden"}


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts = [p for p in base.rsplit("/", 1)[0].split("/") if p] if "/" in base else []
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Id → (type, resolved target) of ``part``'s relationships."""
    folder, _, name = part.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    try:
        root = ElementTree.fromstring(archive.read(rels))
    except (KeyError, ElementTree.ParseError):
        return {}
    found = {}
    for rel in root:
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        found[rel.get("Id", "")] = (rel.get("Type", ""), _resolve(part, target))
    return found


def read_layout(archive: zipfile.ZipFile) -> Layout:
    """The sheets (name, visibility, part), the active tab and the styles part of a workbook."""
    book_part = next(
        (t for kind, t in _relationships(archive, "").values() if kind.endswith(_OFFICE_DOC)),
        "xl/workbook.xml",
    )
    try:
        root = ElementTree.fromstring(archive.read(book_part))
    except (KeyError, ElementTree.ParseError):
        return Layout()
    rels = _relationships(archive, book_part)
    sheets: list[SheetPart] = []
    active = 0
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    for element in root.iter():
        tag = _local(element.tag)
        if tag == "workbookView":
            active = max(_int(element.get("activeTab")), 0)
        elif tag == "sheet":
            kind, target = rels.get(element.get(rid, ""), ("", ""))
            if not kind.endswith("/worksheet"):
                continue
            state = _STATES.get((element.get("state") or "").lower(), "visible")
            sheets.append(SheetPart(element.get("name", ""), state, target))
    styles = next((t for kind, t in rels.values() if kind.endswith("/styles")), "xl/styles.xml")
    return Layout(sheets, min(active, max(len(sheets) - 1, 0)), styles)
