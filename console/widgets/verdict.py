"""The verdict panel: the answer to a scan, big and coloured, readable from a metre away."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from data.checkin import ADMITTED, ALREADY, Verdict

from ..i18n import t
from ..phrases import hhmm
from ..session_phrases import handout_line


class VerdictPanel(Static):
    """Shows the last verdict; its CSS class (``-admitted``, ``-already``, ``-rejected``) colours it."""

    DEFAULT_CSS = """
    VerdictPanel {
        height: auto;
        min-height: 9;
        padding: 1 2;
        content-align: left middle;
        background: $panel;
        border: heavy $panel-lighten-2;
    }
    VerdictPanel.-admitted { background: $success 80%; border: heavy $success; color: $text; }
    VerdictPanel.-already { background: $warning 80%; border: heavy $warning; color: $text; }
    VerdictPanel.-rejected { background: $error 80%; border: heavy $error; color: $text; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(t("reception.ready"), id=id)
        self.verdict: Verdict | None = None

    def show(self, verdict: Verdict, *, session: bool = False) -> None:
        """Paint ``verdict``; ``session``: say which session it counts for (a day of several)."""
        self.verdict = verdict
        self.remove_class("-admitted", "-already", "-rejected")
        kind = {ADMITTED: "-admitted", ALREADY: "-already"}.get(verdict.verdict, "-rejected")
        self.add_class(kind)
        self.update(render_verdict(verdict, session=session))

    def clear_verdict(self) -> None:
        self.verdict = None
        self.remove_class("-admitted", "-already", "-rejected")
        self.update(t("reception.ready"))


def render_verdict(v: Verdict, *, session: bool = False) -> Text:
    """The verdict as lines: the word, then who, then what to do; the session it counts for
    when ``session`` (the day has several: "already" means already in this one); what to hand
    over at a hand-out desk."""
    text = Text()
    headline = t(f"verdict.{v.verdict}")
    if v.repeat:
        headline += "  " + t("verdict.repeat")
    text.append(headline + "\n", style="bold reverse")
    d = v.delegate
    if d is not None:
        text.append(d.name + "\n", style="bold")
        text.append(" · ".join(x for x in (d.position, d.unit) if x) + "\n")
        details = [d.delegation, d.category, t("verdict.seat", seat=d.seat) if d.seat else ""]
        text.append(" · ".join(x for x in details if x) + "\n")
    if v.verdict == ALREADY:
        text.append(
            t("verdict.already.detail", at=hhmm(v.checked_in_at), desk=v.desk or ""), style="bold"
        )
    elif v.verdict == "revoked":
        text.append(t("verdict.revoked.detail", at=hhmm(v.revoked_at)), style="bold")
    elif v.verdict == "unknown":
        text.append(t("verdict.unknown.detail"), style="bold")
    elif v.verdict == "invalid":
        text.append(t("verdict.invalid.detail"), style="bold")
    if session and v.session:
        text.append("\n" + t("verdict.session", session=v.session), style="bold")
    if v.handout is not None:
        text.append("\n" + handout_line(v.handout), style="bold reverse")
    for note in v.notes:
        text.append("\n★ " + note, style="bold")
    return text
