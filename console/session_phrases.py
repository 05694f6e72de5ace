"""Sentences about sessions, the quorum and hand-outs, shared by the command line and (next)
the screens: the dashboard and the MC screen show :func:`quorum_line`, the reception desk
:func:`handout_line` and :func:`session_line`."""

from __future__ import annotations

from data.handouts import HandoutResult
from data.sessions import Quorum

from .i18n import t
from .phrases import hhmm, percent


def quorum_line(q: Quorum, kind: str = "dai-hoi") -> str:
    """ "Đại hội đủ điều kiện tiến hành: 412/450, 91,6%" (or why not yet; or, without a rule,
    the figures alone). ``kind`` is the event's (a conference says "Hội nghị")."""
    body = t("quorum.body.conference" if kind == "hoi-nghi" else "quorum.body.congress")
    figures = {"present": q.present, "convened": q.convened, "pct": percent(q.present, q.convened)}
    if q.met is None:
        return t("quorum.none", **figures)
    if q.met:
        return t("quorum.met", body=body, **figures)
    assert q.threshold is not None
    rule = f"{q.threshold.numerator}/{q.threshold.denominator}"
    return t("quorum.not_met", body=body, needed=q.needed, rule=rule, **figures)


def handout_line(h: HandoutResult) -> str:
    """What the hand-out desk says: hand it over, already handed out at 07:42 at desk 3, …"""
    return t(f"handout.state.{h.state}", item=h.item, at=hhmm(h.at), desk=h.desk or "")


def session_line(name: str, arrived: int, expected: int) -> str:
    """ "Phiên chiều: 312/450 có mặt (69,3%)"."""
    return t(
        "session.line",
        name=name,
        arrived=arrived,
        expected=expected,
        pct=percent(arrived, expected),
    )
