"""The reception desk: scan a badge or type a name, see the verdict at once.

A USB scanner types digits and Enter, faster than anyone types: the app takes such a burst as
a scan wherever the focus is (:class:`console.keys.ScanBursts`), and the verdict is committed by
:meth:`data.checkin.Desk.scan` before it is painted. When the scan field has lost the focus (a
Tab, a click on a table) the screen says so plainly; Escape always brings it back.

Typing letters searches. Enter admits at once only when the search leaves one delegate; with
several it moves into the list, where Enter asks to confirm the person (name, unit, delegation,
birth year) before admitting: "ng" and Enter admits nobody. Typing a letter in the list goes
back to the search. Staff never need the mouse.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Header, Input, Static

from data import codes, pins
from data import sessions as sessions_mod
from data.checkin import Counters, Desk, Verdict, decide_walkin, request_walkin, walkins
from data.delegates import Delegate
from data.errors import DaihoiError
from data.store import Event

from ..i18n import render, t
from ..keys import translate_bindings
from ..phrases import cannot_write, decimal, hhmm
from ..widgets.delegate_table import DelegateTable, clip_words, wrap_words
from ..widgets.footer import KeysFooter
from ..widgets.search_field import SearchField
from ..widgets.verdict import VerdictPanel
from .base import LiveScreen, Notice

# The dialogs (console.screens.modals, .pick) are imported by the actions that open them: their
# widgets' code is not loaded before the first paint.

COUNTER_WIDTH = 27
"""The counters' width before the first layout: the right column's least (30) less its border
and padding, what an 80-column window gives, so the first paint there is drawn once."""


class ReceptionScreen(LiveScreen):
    """One reception desk."""

    CSS_PATH = "reception.tcss"
    AUTO_FOCUS = "#scan"
    SCANS = "desk"
    """A scanner burst anywhere on this screen is scanned here (see ``DaihoiApp.take_scan``)."""
    BINDINGS = [
        Binding("escape", "clear", "key.scan_field", show=False),  # the lost-focus banner says Esc
        Binding("down", "cursor(1)", "key.next", show=False),
        Binding("up", "cursor(-1)", "key.previous", show=False),
        Binding("ctrl+z", "undo", "key.undo"),
        Binding("f6", "walkin", "key.walkin", show=False),
        Binding("f7", "reprint", "key.reprint", show=False),
        Binding("f8", "approve_walkins", "key.approve_walkins", show=False),
        Binding("f9", "handout_desk", "key.handout_desk", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.desk: Desk | None = None
        self.total = 0
        """How many delegates the search in the scan field matches (the list shows 50)."""
        self._counted: Counters | None = None
        """The counters last read, drawn again without a query when the column's width changes."""
        self._several = False
        """The day has several sessions (the counters then name the one they count)."""
        self._drawn_width = 0
        """The width the counters were last drawn at."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="left"):
                yield SearchField(placeholder=t("reception.placeholder"), id="scan")
                yield Static(t("reception.scan_lost"), id="scan-lost", markup=False)
                yield Static(id="desk-mode", markup=False)
                yield VerdictPanel(id="verdict")
                yield Static(id="matches", markup=False)
                yield DelegateTable(id="results")
            with Vertical(id="right"):
                yield Static(id="counters", markup=False)
                yield Static(t("reception.recent"), classes="title")
                yield DataTable(id="recent", cursor_type="none", zebra_stripes=True)
        yield KeysFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.desk = self.app.checkin
        recent = self.query_one("#recent", DataTable)
        # Two columns, the delegation under the name: a third column left "Đoàn…" at 80 columns.
        recent.add_columns(t("column.time"), t("column.name"))
        self.follow_event()
        self._searching(False)
        self.watch(self, "focused", self._focus_moved)
        self._show_desk_mode()

    def on_screen_suspend(self) -> None:
        self._under_dialog = isinstance(self.app.screen, ModalScreen)

    def on_screen_resume(self) -> None:
        """Back from another screen (F2 → F1): the scan field has the focus again. Back from a
        dialog, the focus stays where the dialog found it (the list, after a "no")."""
        if not getattr(self, "_under_dialog", False):
            self.query_one("#scan", Input).focus()

    def _focus_moved(self, focused: object) -> None:
        """Say plainly when the scan field has lost the focus (scans still land: see
        ``DaihoiApp.take_scan``, but a name typed now would go nowhere)."""
        lost = focused is not self.query_one("#scan", Input) and focused is not None
        lost = lost and focused is not self.query_one("#results", DelegateTable)
        self.set_class(lost, "-scan-lost")

    def _searching(self, on: bool) -> None:
        """Results replace the verdict while a name is searched; on 80 columns they also take
        the counters' room, so names, units and birth years show whole."""
        self.query_one("#results", DelegateTable).display = on
        self.query_one("#matches", Static).display = on
        self.set_class(on, "-searching")

    # ---------------------------------------------------------- scan / search
    @on(Input.Changed, "#scan")
    def search(self, event: Input.Changed) -> None:
        text = event.value.strip()
        if self._may_be_pin(text):  # searched only once a worker has said it is no PIN
            self._searching(False)
            self.check_pin_typed(text)
            return
        self._search(text)

    def _may_be_pin(self, text: str) -> bool:
        """4 to 8 digits while the event has a PIN: an organizer typing the PIN here by mistake
        (the organizer PIN's grace made a dialog not appear) must not see it searched."""
        return (
            text.isascii()
            and text.isdigit()
            and 4 <= len(text) <= 8
            and any(pins.has_pin(self.app.event, kind) for kind in pins.KINDS)
        )

    @dataclass
    class PinChecked(Message):
        """Whether ``text``, typed in the scan field, is one of the event's PINs."""

        text: str
        is_pin: bool

    @work(thread=True, exclusive=True, group="pin-typed")
    def check_pin_typed(self, text: str) -> None:
        """The PIN check (scrypt, 40 ms a kind) off the UI thread, so a scanner's digits passing
        through 4 to 8 characters never slow the field; on its own read-only connection."""
        app = self.app
        with Event.open(app.event_path, clock=app.clock, readonly=True) as event:
            is_pin = any(pins.check_pin(event, kind, text) for kind in pins.KINDS)
        self.post_message(self.PinChecked(text, is_pin))

    @on(PinChecked)
    def pin_checked(self, message: PinChecked) -> None:
        scan = self.query_one("#scan", Input)
        if scan.value.strip() != message.text:  # typed on (or scanned) since: not this text
            return
        if message.is_pin:
            self._pin_typed()
        else:
            self._search(message.text)

    def _pin_typed(self) -> None:
        self.query_one("#scan", Input).value = ""
        self._searching(False)
        self.notify(t("reception.pin_typed"), severity="warning", timeout=10)

    def _search(self, text: str) -> None:
        if not text or codes.looks_like_code(text):
            self._searching(False)
            return
        found, self.total = self.app.search(text, limit=50)
        self._searching(True)
        self.query_one("#results", DelegateTable).show(found)
        if not self.total:
            hint = t("reception.no_match")
        elif self.total == 1:
            hint = t("reception.one_match")
        else:
            hint = t("reception.many_matches", n=self.total, shown=len(found))
        self.query_one("#matches", Static).update(hint)

    @on(Input.Submitted, "#scan")
    def submit(self, event: Input.Submitted) -> None:
        """Enter in the scan field: a code typed by hand is scanned; a name admits only when
        it leaves one delegate, else the list takes the focus (nobody is admitted)."""
        text = event.value.strip()
        if not text:
            return
        if self._may_be_pin(text):
            if any(pins.check_pin(self.app.event, kind, text) for kind in pins.KINDS):
                self._pin_typed()
                return
            self._search(text)  # no PIN: the search the worker has perhaps not done yet
        if codes.looks_like_code(text):
            self.scan_code(text)
            return
        results = self.query_one("#results", DelegateTable)
        if self.total == 1 and results.highlighted is not None:
            self.admit(results.highlighted)
        elif results.shown:
            results.focus()
        else:
            self.notify(t("reception.no_match"), severity="warning")

    def scan_code(self, text: str) -> None:
        """Scan a badge (a scanner burst from anywhere on the screen, or a code typed)."""
        assert self.desk is not None
        try:
            verdict = self.desk.scan(text)
        except DaihoiError as exc:  # the input stays in the field so nothing typed is lost
            self.notify(render(exc), severity="error", timeout=10)
            return
        self._done(verdict)

    def admit(self, delegate: Delegate) -> None:
        assert self.desk is not None
        try:
            verdict = self.desk.admit(delegate.id)
        except DaihoiError as exc:
            self.notify(render(exc), severity="error", timeout=10)
            return
        self._done(verdict)

    def _done(self, verdict: Verdict) -> None:
        self.show_verdict(verdict)
        scan = self.query_one("#scan", Input)
        scan.value = ""
        self._searching(False)
        scan.focus()

    @on(DataTable.RowSelected, "#results")
    @work(exclusive=True, group="admit")
    async def chosen(self, event: DataTable.RowSelected) -> None:
        """Enter (or a click) on a result: confirm who it is, then admit."""
        from .modals import confirm_admit

        delegate = self.query_one("#results", DelegateTable).highlighted
        if delegate is None:
            return
        if await confirm_admit(self.app, delegate):
            self.admit(delegate)

    def on_key(self, event: events.Key) -> None:
        """A letter typed in the result list goes back to the search field, and into it."""
        results = self.query_one("#results", DelegateTable)
        if self.focused is results and event.is_printable and event.character:
            scan = self.query_one("#scan", Input)
            scan.focus()
            scan.insert_text_at_cursor(event.character)
            event.stop()

    def show_verdict(self, verdict: Verdict) -> None:
        self.query_one(VerdictPanel).show(verdict, session=self.several_sessions())
        if not verdict.repeat:
            self.app.bell()
        self.app.changed()

    # ---------------------------------------------------------- live counters
    def repaint(self) -> None:
        assert self.desk is not None
        self._counted = self.desk.counters()
        self._several = self.several_sessions()
        self._draw_counters(self._counted)

    def _counters_width(self) -> int:
        return self.query_one("#counters", Static).content_size.width or COUNTER_WIDTH

    def _draw_counters(self, c: Counters) -> None:
        """The counters and this desk's recent arrivals, wrapped to the column's width."""
        pct = decimal(100 * c.arrived / c.expected) if c.expected else "0"
        counters = self.query_one("#counters", Static)
        width = self._drawn_width = self._counters_width()
        text = Text(t("reception.arrived", arrived=c.arrived, expected=c.expected, pct=pct))
        if self._several:  # the counts are this session's: say which
            text = Text.assemble((c.session + "\n", "bold"), text)
        text.append("\n")
        counts = [f"{arrived}/{expected}" for _d, arrived, expected in c.delegations]
        room = max((len(n) for n in counts), default=0) + 1
        for (delegation, _a, _e), count in zip(c.delegations, counts):
            # "40/56 Đoàn huyện Đồng Hỷ": a name too long for the column wraps at a word,
            # under itself, never under the count.
            name = delegation or t("reception.no_delegation")
            lines = wrap_words(name, max(8, width - room)) or [""]
            text.append(f"\n{count:>{room - 1}} ", style="bold")
            text.append(lines[0])
            for line in lines[1:]:
                text.append("\n" + " " * room + line)
        counters.update(text)
        recent = self.query_one("#recent", DataTable)
        recent.clear()
        # The name column's room: the column less the time and the cells' padding.
        room = max(10, width - 5 - 4)
        for at, name, delegation in c.recent:
            who = Text(clip_words(name, room), end="")  # list words: Text, never markup
            if delegation:  # cut after a word ("Đoàn huyện Phú…"), never "Đoàn huyện Phú Lươn"
                who = Text.assemble(who, "\n", (clip_words(delegation, room), "dim"))
            recent.add_row(hhmm(at), who, height=2 if delegation else 1)

    # ---------------------------------------------------------- keys
    def on_resize(self, event: events.Resize) -> None:
        """The counters wrap to the column's new width (the figures are not read again)."""
        if self._counted is not None and self._counters_width() != self._drawn_width:
            self._draw_counters(self._counted)

    def action_clear(self) -> None:
        """Escape: an empty scan field with the focus, whatever had it."""
        scan = self.query_one("#scan", Input)
        scan.value = ""
        self.query_one(VerdictPanel).clear_verdict()
        scan.focus()

    def action_cursor(self, step: int) -> None:
        results = self.query_one("#results", DelegateTable)
        if results.display and results.row_count:
            results.move_cursor(row=max(0, min(results.row_count - 1, results.cursor_row + step)))

    def _undo_target(self) -> Delegate | None:
        """The highlighted search result if checked in, else the last verdict's delegate."""
        results = self.query_one("#results", DelegateTable)
        if results.display and results.highlighted and results.highlighted.checked_in_at:
            return results.highlighted
        shown = self.query_one(VerdictPanel).verdict
        return shown.delegate if shown and shown.delegate else None

    @work
    async def action_undo(self) -> None:
        from .modals import AskText, Confirm

        target = self._undo_target()
        if target is None:
            self.notify(t("reception.undo_nothing"), severity="warning")
            return
        reason = await self.app.push_screen_wait(
            AskText(
                t("reception.undo_question", name=target.name),
                placeholder=t("reception.undo_reason"),
            )
        )
        if reason is None:
            return
        assert self.desk is not None
        try:
            self.desk.undo(target.id, reason=reason)
        except DaihoiError as exc:
            if exc.key != "checkin.other_desk":
                self.notify(render(exc), severity="error")
                return
            if not await self.app.push_screen_wait(Confirm(render(exc))):
                return
            if not await self.app.organizer_ok("undo_other_desk"):
                return
            self.desk.undo(target.id, reason=reason, other_desk_confirmed=True)
        self.query_one(VerdictPanel).clear_verdict()
        self.notify(t("reception.undone", name=target.name))
        self.app.changed()
        self.query_one("#scan", Input).focus()

    @work
    async def action_walkin(self) -> None:
        from .modals import AskWalkIn

        results = self.query_one("#results", DelegateTable)
        listed = results.highlighted if results.display else None
        form = await self.app.push_screen_wait(AskWalkIn(listed.name if listed else None))
        if form is None:
            return
        try:
            request = request_walkin(
                self.app.event,
                name=form.name,
                unit=form.unit,
                reason=form.reason,
                substitute_for=listed.id if form.substitute and listed else None,
            )
        except DaihoiError as exc:
            self.notify(render(exc), severity="error")
            return
        self.notify(t("reception.walkin_recorded", id=request.id, name=request.name), timeout=8)
        self.query_one("#scan", Input).value = ""
        self.query_one("#scan", Input).focus()

    @work
    async def action_reprint(self) -> None:
        """Reprint the chosen delegate's badge: a new version, the old one revoked."""
        from .modals import Confirm

        results = self.query_one("#results", DelegateTable)
        shown = self.query_one(VerdictPanel).verdict
        target = results.highlighted if results.display else None
        target = target or (shown.delegate if shown else None)
        if target is None:
            self.notify(t("reception.reprint_nothing"), severity="warning")
            return
        question = Confirm(t("reception.reprint_question", name=target.name))
        if not await self.app.push_screen_wait(question):
            return
        if not await self.app.organizer_ok("reprint"):
            return
        self.notify(t("reception.reprinting", name=target.name))
        self.print_badge(target.id, reprint=True)

    @work(thread=True, exclusive=True, group="reprint")
    def print_badge(self, delegate_id: int, *, reprint: bool) -> None:
        """Write the badge's PDF and send it to the printer, off the UI thread (its own
        connection). ``reprint``: the desk's reprint (the old badge revoked, the next version
        issued); else the badge of the code the delegate has (an approved walk-in's first)."""
        from badges import printing
        from badges.build import badge_of, file_stem, print_badges, reprint_folder, reprint_one
        from data.delegates import get

        app = self.app
        try:
            with Event.open(
                app.event_path, clock=app.clock, desk=app.desk, operator=app.operator
            ) as ev:
                if reprint:
                    run = reprint_one(ev, delegate_id, reason=f"reprint at {app.desk}")
                else:
                    delegate = get(ev, delegate_id)
                    stem = file_stem(badge_of(delegate, delegate.code or ""))
                    folder = reprint_folder(Path(app.event_path))
                    run = print_badges(
                        ev, folder / f"{stem}.pdf", layout="label-62", ids=[delegate_id]
                    )
            printer = printing.send(run.pdf)
        except DaihoiError as exc:
            self.post_message(Notice(render(exc), severity="error"))
            return
        except OSError as exc:  # a full disk or a locked USB stick must not end the app
            where = Path(app.event_path).parent
            self.post_message(Notice(cannot_write(where, exc), severity="error"))
            return
        badge = run.badges[0]
        values = {"name": badge.name, "code": codes.human(badge.code), "path": run.pdf}
        kind = "reprinted" if reprint else "printed"
        message = (
            t(f"reception.{kind}_printer", printer=printer, **values)
            if printer
            else t(f"reception.{kind}_file", **values)
        )
        self.post_message(Notice(message, timeout=15, changed=True))

    @work
    async def action_approve_walkins(self) -> None:
        """Organizers decide waiting walk-in requests here (organizer PIN first); an approved
        person is offered their badge at once (they are standing at the desk)."""
        from .modals import Confirm, PickWalkIn

        event = self.app.event
        pending = walkins(event, "pending")
        if not pending:
            self.notify(t("reception.no_walkins"))
            return
        if not await self.app.organizer_ok("approve_walkin"):
            return
        choice = await self.app.push_screen_wait(PickWalkIn(pending))
        if choice is None:
            return
        walkin_id, approve = choice
        try:
            decided = decide_walkin(event, walkin_id, approve=approve)
        except DaihoiError as exc:
            self.notify(render(exc), severity="error")
            return
        key = "reception.walkin_approved" if approve else "reception.walkin_rejected"
        self.notify(t(key, name=decided.name), timeout=8)
        self.app.changed()
        self.query_one("#scan", Input).focus()
        if approve and decided.delegate_id is not None:
            question = Confirm(t("reception.walkin_print_question", name=decided.name))
            if await self.app.push_screen_wait(question):
                self.notify(t("reception.printing", name=decided.name))
                self.print_badge(decided.delegate_id, reprint=False)
            self.query_one("#scan", Input).focus()

    def several_sessions(self) -> bool:
        """The day has more than one session: verdicts and counters then say which one they
        count for ("already" means already in this session; after lunch everyone is let in
        again)."""
        return len(sessions_mod.all_sessions(self.app.event)) > 1

    # ---------------------------------------------------------- hand-out desk
    def _show_desk_mode(self) -> None:
        """ "Bàn phát: Bộ tài liệu" over the verdict while this desk hands something out."""
        assert self.desk is not None
        mode = self.query_one("#desk-mode", Static)
        item = self.desk.handout
        mode.display = item is not None
        if item is not None:
            kind = "collect" if self.desk.collect else "give"
            mode.update(Text(t(f"reception.handout_mode_{kind}", item=item), style="bold reverse"))

    @work
    async def action_handout_desk(self) -> None:
        """F9 (or the palette): what this desk hands out (or takes back) with each scan; the
        desk's scans on every screen record it (:class:`data.checkin.Desk`)."""
        from data import handouts as handouts_mod

        from .pick import Pick

        assert self.desk is not None
        found = handouts_mod.items(self.app.event)
        if not found:
            self.notify(t("reception.no_handouts"), severity="warning", timeout=10)
            return
        options = [("", t("reception.handout_none"))]
        for n, item in enumerate(found):
            options.append((f"give:{n}", t("reception.handout_give", item=item.name)))
            if item.must_return:
                options.append((f"collect:{n}", t("reception.handout_collect", item=item.name)))
        choice = await self.app.push_screen_wait(Pick(t("reception.handout_question"), options))
        if choice is None:
            return
        if choice == "":
            self.desk.handout, self.desk.collect = None, False
            self.notify(t("reception.handout_off"))
        else:
            kind, index = choice.split(":")
            item = found[int(index)]
            self.desk.handout, self.desk.collect = item.name, kind == "collect"
            self.notify(t(f"reception.handout_mode_{kind}", item=item.name))
        self._show_desk_mode()
        self.query_one("#scan", Input).focus()
