"""Choosing a file: a path typed (the field has the focus; ctrl+u clears it, as in any Textual
input) or picked in a folder tree that shows only the files the caller can read.

The tree is Textual's :class:`~textual.widgets.DirectoryTree`, filtered to folders and the
suffixes asked for (the list formats :mod:`data.formats` reads, or ``.db`` for event files);
hidden files and folders stay out of the way. Enter on a folder typed in the field shows that
folder; Enter on a file, or picking one in the tree, chooses it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Footer, Input, Label

from data.formats import SPREADSHEET_SUFFIXES
from data.sheets import CSV_SUFFIXES

from ..i18n import t
from ..keys import translate_bindings

LIST_SUFFIXES = tuple(SPREADSHEET_SUFFIXES) + tuple(CSV_SUFFIXES)
"""What a list can be saved as, for the importers (:func:`data.formats.detect` tells the
real format from the content)."""

EVENT_SUFFIXES = (".db",)
"""Event files."""


class ListedTree(DirectoryTree):
    """A folder tree showing folders and files of the given suffixes, no hidden ones."""

    def __init__(self, path: Path, suffixes: Collection[str], **kwargs: object) -> None:
        self.suffixes = {s.lower() for s in suffixes}
        super().__init__(path, **kwargs)  # type: ignore[arg-type]

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        shown = []
        for p in paths:
            if p.name.startswith("."):
                continue
            try:
                if p.is_dir() or p.suffix.lower() in self.suffixes:
                    shown.append(p)
            except OSError:  # a broken link, a folder we may not read
                continue
        return shown


class FileDialog(ModalScreen[Path | None]):
    """Ask for a file; dismisses with its path, or None on Escape."""

    CSS_PATH = "files.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel"),
        Binding("ctrl+t", "focus_tree", "files.key.tree"),
    ]

    def __init__(self, title: str, suffixes: Collection[str], *, start: Path | None = None) -> None:
        super().__init__(classes="dialog file-dialog")
        translate_bindings(self)
        self.title_text = title
        self.suffixes = tuple(suffixes)
        self.start = (start or Path.cwd()).resolve()

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label(self.title_text, markup=False, id="title")
            yield Label(t("files.hint", suffixes=" ".join(self.suffixes)), markup=False, id="hint")
            yield Input(value=str(self.start) + "/", placeholder=t("files.placeholder"), id="path")
            yield ListedTree(self.start, self.suffixes, id="tree")
            yield Label("", id="error", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(Input.Submitted, "#path")
    def typed(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self.start / path
        if path.is_dir():
            self.query_one(ListedTree).path = path.resolve()
            self.query_one("#error", Label).update("")
            return
        if path.is_file():
            self.dismiss(path)
            return
        self.query_one("#error", Label).update(t("files.missing", path=str(path)))

    @on(DirectoryTree.FileSelected)
    def picked(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(Path(event.path))

    @on(DirectoryTree.DirectorySelected)
    def folder(self, event: DirectoryTree.DirectorySelected) -> None:
        self.query_one("#path", Input).value = str(event.path) + "/"

    def action_focus_tree(self) -> None:
        self.query_one(ListedTree).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
