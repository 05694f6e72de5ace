"""The ``daihoi`` commands of the day's sessions: ``session open|list``, ``absence``,
``quorum`` and ``handout add|list|scan|outstanding``, registered in :data:`console.cli.COMMANDS`.

Each is a few lines over :mod:`data.sessions` and :mod:`data.handouts`; the sentences come from
:mod:`console.session_phrases`, which the screens use too.
"""

from __future__ import annotations

import sys

import click

from data import delegates as delegates_mod
from data import handouts as handouts_mod
from data import sessions as sessions_mod

from .clikit import (
    command,
    db_option,
    desk_option,
    emit,
    group,
    json_option,
    open_event,
    option,
    say,
)
from .i18n import t
from .phrases import hhmm
from .session_phrases import handout_line, quorum_line, session_line

session_option = option("--session", "session", default=None, help="cli.opt.session")


# ---------------------------------------------------------------- sessions
@group("session", help="cli.session")
def session() -> None:
    pass


@session.command(name="open", help="cli.session.open")
@db_option
@click.argument("name")
@json_option
def session_open(db: str | None, name: str, as_json: bool) -> None:
    event = open_event(db, "organizers")
    opened = sessions_mod.open_session(event, name)
    if as_json:
        emit({"key": opened.key, "name": opened.name, "opened_at": opened.opened_at})
    say(t("session.opened", name=opened.name, at=hhmm(sessions_mod.current(event).opened_at)))


@session.command(name="list", help="cli.session.list")
@db_option
@json_option
def session_list(db: str | None, as_json: bool) -> None:
    event = open_event(db, readonly=True)
    found = sessions_mod.figures(event)
    if as_json:
        emit(
            [
                {
                    "name": f.name,
                    "opened_at": f.opened_at,
                    "arrived": f.arrived,
                    "expected": f.expected,
                    "current": f.current,
                }
                for f in found
            ]
        )
        return
    for f in found:
        mark = f"  ({t('session.current_mark')})" if f.current else ""
        opened = hhmm(f.opened_at) or "--:--"
        click.echo(f"{opened}  {session_line(f.name, f.arrived, f.expected)}{mark}")


# ---------------------------------------------------------------- absences
@command("absence", help="cli.absence")
@db_option
@click.argument("delegate_id", type=int, required=False)
@option("--reason", default=None, help="cli.opt.reason")
@option("--undo", is_flag=True, help="cli.opt.undo_absence")
@session_option
@json_option
def absence(
    db: str | None,
    delegate_id: int | None,
    reason: str | None,
    undo: bool,
    session: str | None,
    as_json: bool,
) -> None:
    if delegate_id is None:
        _absent_lists(db, session, as_json)
        return
    event = open_event(db, "organizers")
    delegate = delegates_mod.get(event, delegate_id)
    if undo:
        done = sessions_mod.undo_absence(event, delegate_id, session=session)
        message = t("absence.undone", name=delegate.name, session=done.session)
    else:
        done = sessions_mod.record_absence(event, delegate_id, reason or "", session=session)
        message = t(
            "absence.recorded", name=delegate.name, session=done.session, reason=done.reason
        )
    if as_json:
        emit(
            {
                "delegate_id": delegate_id,
                "session": done.session,
                "reason": done.reason,
                "undone": undo,
            }
        )
    say(message)


def _absent_lists(db: str | None, session: str | None, as_json: bool) -> None:
    event = open_event(db, readonly=True)
    lists = sessions_mod.absent_lists(event, session=session)
    people = delegates_mod.get_many(event, [d for d, _ in lists.excused] + lists.not_arrived)
    if as_json:
        emit(
            {
                "session": lists.session,
                "excused": [
                    {"id": d, "name": people[d].name, "reason": r} for d, r in lists.excused
                ],
                "not_arrived": [{"id": d, "name": people[d].name} for d in lists.not_arrived],
            }
        )
        return
    click.echo(lists.session)
    click.echo(t("absence.excused", n=len(lists.excused)))
    for d, r in lists.excused:
        click.echo(f"  {d:>5}  {people[d].name} — {r}")
    click.echo(t("absence.not_arrived", n=len(lists.not_arrived)))
    for d in lists.not_arrived:
        click.echo(f"  {d:>5}  {people[d].name} — {people[d].delegation or people[d].unit}")


# ---------------------------------------------------------------- quorum
@command("quorum", help="cli.quorum")
@db_option
@click.argument("threshold", required=False)
@session_option
@json_option
def quorum(db: str | None, threshold: str | None, session: str | None, as_json: bool) -> None:
    event = open_event(db, "organizers", readonly=threshold is None)
    if threshold is not None:
        sessions_mod.set_quorum(event, threshold)
    found = sessions_mod.quorum(event, session=session)
    if as_json:
        emit(found.public())
        return
    click.echo(quorum_line(found, event.info.kind))


# ---------------------------------------------------------------- hand-outs
@group("handout", help="cli.handout")
def handout() -> None:
    pass


@handout.command(name="add", help="cli.handout.add")
@db_option
@click.argument("name")
@option("--must-return", is_flag=True, help="cli.opt.must_return")
def handout_add(db: str | None, name: str, must_return: bool) -> None:
    added = handouts_mod.add_item(open_event(db, "organizers"), name, must_return=must_return)
    say(t("handout.added", item=added.name))


@handout.command(name="list", help="cli.handout.list")
@db_option
@json_option
def handout_list(db: str | None, as_json: bool) -> None:
    found = handouts_mod.items(open_event(db, readonly=True))
    if as_json:
        emit(
            [
                {
                    "name": i.name,
                    "must_return": i.must_return,
                    "handed": i.handed,
                    "returned": i.returned,
                }
                for i in found
            ]
        )
        return
    for i in found:
        back = f" ({t('handout.must_return')})" if i.must_return else ""
        counts = t("handout.counts", handed=i.handed, returned=i.returned)
        click.echo(f"{i.name}{back}: {counts}")


@handout.command(name="scan", help="cli.handout.scan")
@db_option
@click.argument("item")
@click.argument("scan")
@option("--return", "collect", is_flag=True, help="cli.opt.return")
@desk_option
@json_option
def handout_scan(
    db: str | None, item: str, scan: str, collect: bool, desk: str, as_json: bool
) -> None:
    from data.checkin import Desk

    from .cli_desk import describe_verdict
    from .phrases import desk_notes

    event = open_event(db, desk)
    handouts_mod.get_item(event, item)  # an unknown item is refused before the scan is judged
    verdict = Desk(event, notes_for=desk_notes(event), handout=item, collect=collect).scan(scan)
    if as_json:
        emit(verdict.public())
    else:
        click.echo(describe_verdict(verdict))
        if verdict.handout is not None:
            click.echo(handout_line(verdict.handout))
    sys.exit(0 if verdict.delegate is not None and verdict.handout is not None else 2)


@handout.command(name="outstanding", help="cli.handout.outstanding")
@db_option
@click.argument("item")
@json_option
def handout_outstanding(db: str | None, item: str, as_json: bool) -> None:
    event = open_event(db, readonly=True)
    ids = handouts_mod.outstanding(event, item)
    people = delegates_mod.get_many(event, ids)
    if as_json:
        emit([{"id": d, "name": people[d].name} for d in ids])
        return
    for d in ids:
        click.echo(f"{d:>5}  {people[d].name} — {people[d].delegation or people[d].unit}")
