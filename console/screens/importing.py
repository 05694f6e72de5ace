"""Importing from the app, with a preview before anything is written.

The organizer picks a file (:class:`~console.screens.files.FileDialog`); :class:`ImportPreview`
runs the importer's dry run in a worker thread (its own connection: the desks' screens never
wait) and shows what it understood: the sheet(s), header rows, the column behind each field,
sections, legacy text converted, the first rows as they will be stored, and every row's change
(added / updated / unchanged / skipped with its reason) in a table that scrolls. Enter or ``y``
applies it (after the organizer PIN), Escape leaves everything as it was.

For a delegate list, the organizer maps columns to fields right there (``m`` on a column):
when the header is not recognized at all the preview opens on the mapping, from the likeliest
header row (``h`` picks another). A mapping made by hand is remembered for the next list of
the same layout (:mod:`data.layouts`) when the import is applied.

The dry runs and the imports are the command line's own calls (:func:`data.importing
.import_delegates`, :func:`programme.importing.import_programme`, :func:`programme
.honours_import.import_honours`, :func:`data.higher_level_import.import_higher_level`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Label, OptionList
from textual.widgets.option_list import Option

from data import layouts
from data.errors import DaihoiError
from data.layouts import ColumnMap
from data.sheets import column_letter
from data.store import Event

from .. import phrases
from ..i18n import render, t
from ..keys import IMPORT_KEY, translate_bindings
from .files import LIST_SUFFIXES, FileDialog

if TYPE_CHECKING:
    from data.importing import ImportReport

KINDS = ("delegates", "programme", "honours", "higher_level")
"""What the app imports, in the palette's order."""

FIRST_ROWS = 8
"""Rows shown "as they will be stored"."""

SHOWN_FIELDS = (
    "name", "gender", "birth_year", "birth_date", "unit", "position", "delegation", "category",
    "seat", "phone", "external_id",
)  # fmt: skip
"""The delegate fields the first rows show, when the list gives them."""


def field_label(name: str) -> str:
    """A field (or column kind of :data:`data.layouts.FIELDS`) in the UI's words."""
    if name.startswith("_"):
        return t(f"workbench.field.{name}")
    return t(f"import.field.{name}")


# ------------------------------------------------------------------------- the preview, as data
@dataclass(frozen=True)
class Grid:
    """A table of the preview: its column titles and rows of plain text."""

    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass(frozen=True)
class Preview:
    """What a dry run found, in the UI's words, ready for the screen to show."""

    lines: list[str]
    """What the import understood, one sentence each."""
    counts: str
    """The changes counted ("Thêm 3, cập nhật 1, …")."""
    first: Grid
    """The first rows as they will be stored."""
    changes: Grid
    """Every row and what becomes of it."""
    can_apply: bool = True
    """False while nothing can be imported (no name column mapped yet)."""
    mapping: ColumnMap | None = None
    """Delegate lists: each column's header and the field read from it, for remapping."""
    samples: dict[int, str] = field(default_factory=dict)
    """Delegate lists: a value of each column, under the header, to see what it holds."""
    header_row: int = 0
    """Delegate lists: the (last) header row."""
    raw_rows: list[tuple[int, list[str]]] = field(default_factory=list)
    """Delegate lists whose header was not recognized: the first rows, to pick the header."""


def _samples(rows: list[tuple[int, list[str]]], header_row: int) -> dict[int, str]:
    samples: dict[int, str] = {}
    for n, cells in rows:
        if n <= header_row:
            continue
        for j, text in enumerate(cells):
            if text and j not in samples:
                samples[j] = text
    return samples


def understood_lines(report: ImportReport) -> list[str]:
    """What a delegate import understood (:func:`console.phrases.understood_lines`, the lines
    ``daihoi import delegates`` prints), and how many rows keep a field empty."""
    lines = phrases.understood_lines(report)
    if report.warnings:
        lines.append(t("workbench.warnings", n=len(report.warnings)))
    return lines


def _reason(s: Any) -> str:
    text = t(s.key, **s.params)
    return f"{s.column}: {text}" if getattr(s, "column", "") else text


def _delegates_preview(event: Event, path: Path, columns: ColumnMap | None) -> Preview:
    from data.importing import import_delegates, raw_sheet

    try:
        report = import_delegates(event, path, dry_run=True, columns=columns)
    except DaihoiError as exc:
        if exc.key not in ("import.no_header", "import.no_delegates"):
            raise
        raw = raw_sheet(path)
        mapping = columns
        if mapping is None:
            header = next((c for n, c in raw.rows if n == raw.header_row), [])
            mapping = ColumnMap(tuple(header), {})
        return Preview(
            lines=[render(exc), t("workbench.map_hint")],
            counts="",
            first=Grid(),
            changes=Grid(),
            can_apply=False,
            mapping=mapping,
            samples=_samples(raw.rows, raw.header_row),
            header_row=raw.header_row,
            raw_rows=raw.rows,
        )
    seen = report.understood
    many = any(r.sheet for r in report.rows) or any(s.sheet for s in report.skipped)
    shown = [f for f in SHOWN_FIELDS if any(r.record.get(f) for r in report.rows[:FIRST_ROWS])]
    first = Grid(
        [t("workbench.col.row"), *(field_label(f) for f in shown)],
        [[str(r.row), *(_cell(r.record.get(f)) for f in shown)] for r in report.rows[:FIRST_ROWS]],
    )
    entries: list[tuple[str, int, list[str]]] = []
    for r in report.rows:
        detail = ", ".join(field_label(f) for f in r.fields)
        entries.append((r.sheet, r.row, [t(f"workbench.change.{r.change}"), r.name, detail]))
    for s in report.skipped:
        entries.append((s.sheet, s.row, [t("workbench.change.skipped"), "", _reason(s)]))
    for w in report.warnings:
        entries.append((w.sheet, w.row, [t("workbench.change.warning"), "", _reason(w)]))
    entries.sort(key=lambda e: (e[0], e[1]))
    heads = [t("workbench.col.row"), t("workbench.col.change"), t("workbench.col.name"),
             t("workbench.col.detail")]  # fmt: skip
    if many:
        heads.insert(0, t("workbench.col.sheet"))
    changes = Grid(heads, [([sh] if many else []) + [str(n), *cells] for sh, n, cells in entries])
    counts = t(
        "import.summary",
        added=report.added,
        updated=report.updated,
        unchanged=report.unchanged,
        skipped=len(report.skipped),
    )
    mapping = ColumnMap(seen.header_texts, dict(seen.mapped), len(seen.header_rows))
    header_row = seen.header_rows[-1] if seen.header_rows else 0
    samples: dict[int, str] = {}
    for r in report.rows[:50]:
        for j, f in seen.mapped.items():
            value = r.record.get(f) if not f.startswith("_") else None
            if value not in (None, "") and j not in samples:
                samples[j] = _cell(value)
    return Preview(
        understood_lines(report),
        counts,
        first,
        changes,
        mapping=mapping,
        samples=samples,
        header_row=header_row,
    )


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _programme_preview(event: Event, path: Path) -> Preview:
    from programme.importing import import_programme

    result = import_programme(event, path, dry_run=True)
    now = int(event.conn.execute("select count(*) from programme_items").fetchone()[0])
    first = Grid(
        [t("workbench.col.row"), t("workbench.col.order"), t("workbench.col.title"),
         t("workbench.col.minutes"), t("workbench.col.performer")],
        [[str(r.row), r.order, r.title, str(r.minutes), r.performer] for r in result.items],
    )  # fmt: skip
    changes = Grid(
        [t("workbench.col.row"), t("workbench.col.change"), t("workbench.col.detail")],
        [[str(s.row), t("workbench.change.skipped"), _reason(s)] for s in result.skipped]
        + [[str(w.row), t("workbench.change.warning"), _reason(w)] for w in result.warnings],
    )
    return Preview(
        [t("workbench.programme.replaces", old=now, new=len(result.items))],
        t("programme.import.summary", n=len(result.items), skipped=len(result.skipped)),
        first,
        changes,
    )


def _honours_preview(event: Event, path: Path) -> Preview:
    from programme.honours_import import import_honours, read

    rows = read(path).rows
    report = import_honours(event, path, dry_run=True)
    saved = report.saved
    first = Grid(
        [t("workbench.col.row"), t("workbench.col.recipient"), t("workbench.col.form"),
         t("workbench.col.unit"), t("workbench.col.group")],
        [[_cell(r.source_row), r.recipient, r.form, r.unit, r.group] for r in rows[:FIRST_ROWS]],
    )  # fmt: skip
    change_rows = [
        [str(s.row), t("workbench.change.skipped"), "", _reason(s)] for s in report.skipped
    ]
    change_rows += [
        ["", t(f"honours.match.{m}"), r, t("workbench.candidates", n=len(c))]
        for r, m, c in saved.unresolved
    ]
    change_rows += [["", t("workbench.change.repeated"), r, ""] for r in saved.repeated]
    changes = Grid(
        [t("workbench.col.row"), t("workbench.col.change"), t("workbench.col.name"),
         t("workbench.col.detail")],
        change_rows,
    )  # fmt: skip
    lines = []
    if saved.unresolved:
        lines.append(t("workbench.honours.unresolved", n=len(saved.unresolved)))
    return Preview(
        lines,
        t(
            "honours.import.summary",
            read=report.read,
            added=saved.added,
            updated=saved.updated,
            unchanged=saved.unchanged,
            skipped=len(report.skipped),
        ),
        first,
        changes,
    )


def _higher_level_preview(event: Event, path: Path) -> Preview:
    from data.delegates import get_many
    from data.higher_level_import import import_higher_level

    result = import_higher_level(event, path, dry_run=True)
    people = get_many(event, result.marked)
    first = Grid(
        [t("workbench.col.name"), t("workbench.col.unit"), t("workbench.col.delegation")],
        [[d.name, d.unit, d.delegation] for i in result.marked if (d := people.get(i))][
            :FIRST_ROWS
        ],
    )
    changes = Grid(
        [t("workbench.col.row"), t("workbench.col.change"), t("workbench.col.name")],
        [[str(u.row), t(f"workbench.unmatched.{u.reason}"), u.text] for u in result.unmatched],
    )
    return Preview(
        [],
        t(
            "workbench.higher_level.summary",
            marked=len(result.marked),
            already=result.already,
            unmatched=len(result.unmatched),
        ),
        first,
        changes,
    )


def preview(event: Event, kind: str, path: Path, columns: ColumnMap | None = None) -> Preview:
    """The dry run of importing ``path`` as ``kind``, in the UI's words (nothing written)."""
    if kind == "delegates":
        return _delegates_preview(event, path, columns)
    if kind == "programme":
        return _programme_preview(event, path)
    if kind == "honours":
        return _honours_preview(event, path)
    return _higher_level_preview(event, path)


@dataclass(frozen=True)
class Applied:
    """What applying an import did, in the UI's words."""

    summary: str
    unresolved: int = 0
    """Honours lists: recipients left for the organizers to match."""


def apply(
    event: Event, kind: str, path: Path, columns: ColumnMap | None = None, remember: bool = False
) -> Applied:
    """Import ``path`` as ``kind`` for real. A delegate list mapped by hand (``remember``) has
    its layout remembered first, so a desk's scan never waits while the list is read."""
    if kind == "delegates":
        from data.importing import import_delegates

        if remember and columns is not None:  # its own write: the list is read unlocked
            layouts.remember(event, columns)
        report = import_delegates(event, path, columns=columns)
        return Applied(
            t(
                "import.summary",
                added=report.added,
                updated=report.updated,
                unchanged=report.unchanged,
                skipped=len(report.skipped),
            )
        )
    if kind == "programme":
        from programme.importing import import_programme

        result = import_programme(event, path)
        return Applied(
            t("programme.import.summary", n=len(result.items), skipped=len(result.skipped))
        )
    if kind == "honours":
        from programme.honours_import import import_honours

        done = import_honours(event, path)
        saved = done.saved
        return Applied(
            t(
                "honours.import.summary",
                read=done.read,
                added=saved.added,
                updated=saved.updated,
                unchanged=saved.unchanged,
                skipped=len(done.skipped),
            ),
            len(saved.unresolved),
        )
    from data.higher_level_import import import_higher_level

    marked = import_higher_level(event, path)
    return Applied(
        t(
            "workbench.higher_level.summary",
            marked=len(marked.marked),
            already=marked.already,
            unmatched=len(marked.unmatched),
        )
    )


# ------------------------------------------------------------------------- the screens
class FieldPicker(ModalScreen[str | None]):
    """Which field a column holds; "" for a column not read; None on Escape."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, column: str, current: str | None) -> None:
        super().__init__(classes="dialog field-picker")
        translate_bindings(self)
        self.column = column
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label(t("workbench.pick_field", column=self.column), markup=False)
            yield OptionList(
                Option(t("workbench.field.none"), id="-"),
                *(Option(field_label(f), id=f) for f in layouts.FIELDS),
                id="fields",
            )

    def on_mount(self) -> None:
        fields = self.query_one(OptionList)
        fields.highlighted = layouts.FIELDS.index(self.current) + 1 if self.current else 0
        fields.focus()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss("" if event.option.id == "-" else event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ImportPreview(Screen[bool]):
    """The preview of one import: Enter or ``y`` applies it, Escape changes nothing."""

    SCANS = None
    CSS_PATH = "importing.tcss"
    BINDINGS = [
        Binding("enter,y", "apply", "workbench.key.apply", priority=True),
        Binding("escape", "leave", "workbench.key.leave"),
        Binding("m", "map_column", "workbench.key.map"),
        Binding("h", "header_row", "workbench.key.header_row", show=False),
    ]

    @dataclass
    class Ready(Message):
        """A dry run finished (or failed: ``error``)."""

        preview: Preview | None
        error: str = ""

    @dataclass
    class Done(Message):
        """The import was applied (or refused: ``error``)."""

        applied: Applied | None
        error: str = ""

    def __init__(self, kind: str, path: Path) -> None:
        super().__init__()
        translate_bindings(self)
        self.kind = kind
        self.path = path
        self.current: Preview | None = None
        self.columns: ColumnMap | None = None
        """The organizer's mapping, once a column was mapped by hand (delegate lists)."""
        self.busy = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="preview"):
            yield Label(
                t(
                    "workbench.preview_title",
                    what=t(f"workbench.import.{self.kind}"),
                    file=str(self.path),
                ),
                markup=False,
                id="preview-title",
            )
            yield Label(t("workbench.reading"), markup=False, id="understood")
            yield Label("", markup=False, id="counts")
            yield Label(t("workbench.mapping_heading"), classes="heading mapping")
            yield DataTable(id="mapping", cursor_type="row", zebra_stripes=True, classes="mapping")
            yield Label(t("workbench.first_heading"), classes="heading")
            yield DataTable(id="first", cursor_type="row", zebra_stripes=True)
            yield Label(t("workbench.changes_heading"), classes="heading")
            yield DataTable(id="changes", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # The empty event's "press ctrl+o" notice has done its job: it must not cover the table.
        self.app.clear_notifications()
        for widget in self.query(".mapping"):
            widget.display = self.kind == "delegates"
        self.run_preview(self.columns)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("map_column", "header_row"):
            return self.kind == "delegates"
        if action == "apply":
            return self.current is not None and self.current.can_apply and not self.busy
        return True

    # ------------------------------------------------------------------ workers
    def _open(self) -> Event:
        app: Any = self.app
        return Event.open(app.event_path, clock=app.clock, desk=app.desk, operator=app.operator)

    @work(thread=True, exclusive=True, group="import-preview")
    def run_preview(self, columns: ColumnMap | None) -> None:
        try:
            with self._open() as event:
                found = preview(event, self.kind, self.path, columns)
        except DaihoiError as exc:
            self.post_message(self.Ready(None, render(exc)))
            return
        self.post_message(self.Ready(found))

    @work(thread=True, exclusive=True, group="import-apply")
    def run_apply(self, columns: ColumnMap | None, remember: bool) -> None:
        try:
            with self._open() as event:
                done = apply(event, self.kind, self.path, columns, remember)
        except DaihoiError as exc:
            self.post_message(self.Done(None, render(exc)))
            return
        self.post_message(self.Done(done))

    # ------------------------------------------------------------------ showing
    @on(Ready)
    def show(self, message: Ready) -> None:
        if message.preview is None:
            self.query_one("#understood", Label).update(message.error)
            self.notify(message.error, severity="error", timeout=10)
            self.current = None
            self.refresh_bindings()
            return
        found = message.preview
        self.current = found
        self.query_one("#understood", Label).update("\n".join(found.lines))
        self.query_one("#counts", Label).update(found.counts)
        mapping = self.query_one("#mapping", DataTable)
        at, mapping_focused = mapping.cursor_row, mapping.has_focus
        if found.mapping is not None:
            rows = []
            width = max([len(found.mapping.header), *(j + 1 for j in found.mapping.fields)])
            for j in range(width):
                header = found.mapping.header[j] if j < len(found.mapping.header) else ""
                f = found.mapping.fields.get(j)
                rows.append(
                    [
                        column_letter(j),
                        header,
                        field_label(f) if f else "—",
                        found.samples.get(j, ""),
                    ]
                )
            _fill(
                self.query_one("#mapping", DataTable),
                [t("workbench.col.column"), t("workbench.col.header"), t("workbench.col.field"),
                 t("workbench.col.sample")],
                rows,
            )  # fmt: skip
        _fill(self.query_one("#first", DataTable), found.first.columns, found.first.rows)
        _fill(self.query_one("#changes", DataTable), found.changes.columns, found.changes.rows)
        if found.mapping is not None and mapping.row_count:
            mapping.move_cursor(row=min(at, mapping.row_count - 1))
        if found.mapping is not None and (mapping_focused or not found.can_apply):
            mapping.focus()  # mapping column after column: the cursor stays where it was
        else:
            self.query_one("#changes", DataTable).focus()
        self.refresh_bindings()

    # ------------------------------------------------------------------ keys
    @work
    async def action_map_column(self) -> None:
        found = self.current
        if found is None or found.mapping is None:
            return
        table = self.query_one("#mapping", DataTable)
        j = table.cursor_row
        header = found.mapping.header[j] if j < len(found.mapping.header) else ""
        picked = await self.app.push_screen_wait(
            FieldPicker(f"{column_letter(j)} {header}".strip(), found.mapping.fields.get(j))
        )
        if picked is None:
            return
        self.columns = found.mapping.with_field(j, picked or None)
        self.run_preview(self.columns)

    @work
    async def action_header_row(self) -> None:
        from .modals import AskText

        found = self.current
        if found is None or not found.raw_rows:
            self.notify(t("workbench.header_known"), severity="warning")
            return
        answer = await self.app.push_screen_wait(
            AskText(t("workbench.ask_header_row"), placeholder=str(found.header_row))
        )
        if not answer:
            return
        rows = dict(found.raw_rows)
        if not answer.isdigit() or int(answer) not in rows:
            self.notify(t("workbench.bad_header_row", value=answer), severity="error")
            return
        self.columns = ColumnMap(tuple(rows[int(answer)]), {})
        self.run_preview(self.columns)

    @work
    async def action_apply(self) -> None:
        if self.current is None or not self.current.can_apply or self.busy:
            return
        app: Any = self.app
        if not await app.organizer_ok("import"):
            return
        self.busy = True
        self.refresh_bindings()
        self.query_one("#counts", Label).update(t("workbench.applying"))
        self.run_apply(self.columns, self.columns is not None)

    @on(Done)
    def done(self, message: Done) -> None:
        self.busy = False
        if message.applied is None:
            self.notify(message.error, severity="error", timeout=10)
            self.refresh_bindings()
            return
        app: Any = self.app
        app.changed()
        self.notify(message.applied.summary, title=t("workbench.imported"), timeout=10)
        self.dismiss(True)
        if message.applied.unresolved:
            from .matching import MatchScreen

            app.push_screen(MatchScreen())

    def action_leave(self) -> None:
        self.notify(t("workbench.nothing_imported"))
        self.dismiss(False)


def _fill(table: DataTable[Any], columns: list[str], rows: list[list[str]]) -> None:
    """Put ``rows`` in ``table``; every cell is plain text (names are never markup)."""
    table.clear(columns=True)
    for title in columns:
        table.add_column(title)
    for cells in rows:
        table.add_row(*(Text(c) for c in cells))


def start_import(app: Any, kind: str) -> None:
    """Ask for the file, then show its preview."""

    def chosen(path: Path | None) -> None:
        if path is not None:
            app.push_screen(ImportPreview(kind, path))

    app.push_screen(FileDialog(t(f"workbench.choose.{kind}"), LIST_SUFFIXES), chosen)


# ------------------------------------------------------------------------- the palette
def workbench_actions(app: Any) -> list[tuple[str, str, Any]]:
    """(label, key, callable) of every workbench action the app offers now."""
    if not hasattr(app, "checkin") or not app.check_action("show", ()):
        return []
    found: list[tuple[str, str, Any]] = []
    for kind in KINDS:
        key = IMPORT_KEY if kind == "delegates" else ""
        found.append((t(f"workbench.import.{kind}"), key, lambda k=kind: start_import(app, k)))

    def matching() -> None:
        from .matching import MatchScreen

        app.push_screen(MatchScreen())

    found.append((t("workbench.match_honours"), "", matching))
    return found


class WorkbenchCommands(Provider):
    """The organizer's actions (imports, honours matching), found with or without accents."""

    async def discover(self) -> Hits:
        for label, key, run in workbench_actions(self.app):
            yield Hit(1, Text(label), run, help=key or None)

    async def search(self, query: str) -> Hits:
        from .palette import _hit

        for label, key, run in workbench_actions(self.app):
            score, shown = _hit(query, label, self)
            if score > 0:
                yield Hit(score, shown, run, help=key or None)
