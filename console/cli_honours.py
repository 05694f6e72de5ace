"""The ``daihoi`` commands of the honours area, registered on the group of :mod:`console.cli`.

``daihoi import honours FILE`` reads a list; ``daihoi honours`` lists honours with their
states; ``present|absent|proxy|withdraw|reset ID`` record from the command line what the
ceremony screen records with a key; ``call``, ``match``, ``add`` and ``tray`` do the rest.
All of them call :mod:`programme.honours`, like the screen.
"""

from __future__ import annotations

import click

from programme import honours as honours_mod
from programme.honours import Honour, HonourRow

from .clikit import (
    db_option,
    desk_option,
    emit,
    group,
    import_command,
    json_option,
    open_event,
    option,
    output_option,
    print_skipped,
    say,
)
from .i18n import t
from .outputs import write_tray
from .phrases import group_title


def describe(h: Honour) -> str:
    """One line per honour, as ``daihoi honours`` prints it."""
    state = t(f"honours.state.{h.state}")
    if h.state == honours_mod.PROXY and h.proxy_by:
        state += f" ({h.proxy_by})"
    flag = "" if h.match == honours_mod.MATCHED else f"  [{t(f'honours.match.{h.match}')}]"
    if h.collective and h.match == honours_mod.NONE:
        flag = ""
    return f"{h.id:>4}  {state:<12} {group_title(h.group):<10} {h.recipient} — {h.form}{flag}"


# ---------------------------------------------------------------------------- import
@import_command("honours", "cli.import.honours")
def import_honours(
    db: str | None, file: str, sheet: str | None, dry_run: bool, as_json: bool
) -> None:
    from programme.honours_import import import_honours as run_import

    event = open_event(db)
    report = run_import(event, file, sheet=sheet, dry_run=dry_run)
    saved = report.saved
    skipped = [{"row": s.row, "reason": t(s.key, **s.params)} for s in report.skipped]
    unresolved = [
        {"recipient": r, "match": m, "candidates": list(c)} for r, m, c in saved.unresolved
    ]
    if as_json:
        emit(
            {
                "read": report.read,
                "added": saved.added,
                "updated": saved.updated,
                "unchanged": saved.unchanged,
                "skipped": skipped,
                "unresolved": unresolved,
                "repeated": list(saved.repeated),
                "not_in_list": [
                    {"id": i, "recipient": r, "form": form} for i, r, form in saved.not_in_list
                ],
            }
        )
    print_skipped(file, report.skipped)
    print_skipped(file, report.warnings, "import.warn")
    for recipient in saved.repeated:
        say(t("honours.import.repeated", recipient=recipient))
    for honour_id, recipient, form in saved.not_in_list:
        say(t("honours.import.not_in_list", id=honour_id, recipient=recipient, form=form))
    for u in unresolved:
        ids = ", ".join(map(str, u["candidates"]))
        say(
            t(
                "honours.import.unresolved",
                recipient=u["recipient"],
                match=t(f"honours.match.{u['match']}"),
                candidates=t("honours.import.candidates", ids=ids) if ids else "",
            )
        )
    if unresolved:
        say(t("honours.import.resolve"))
    say(
        t(
            "honours.import.summary",
            read=report.read,
            added=saved.added,
            updated=saved.updated,
            unchanged=saved.unchanged,
            skipped=len(skipped),
        )
    )
    if dry_run:
        say(t("import.dry_run"))


# ---------------------------------------------------------------------------- honours
@group("honours", help="cli.honours", invoke_without_command=True)
@db_option
@option("--group", default=None, help="cli.honours.opt.group")
@option("--unresolved", "only_unresolved", is_flag=True, help="cli.honours.opt.unresolved")
@json_option
@click.pass_context
def honours(
    ctx: click.Context, db: str | None, group: str | None, only_unresolved: bool, as_json: bool
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    event = open_event(db, readonly=True)
    honours_mod.check_group(event, group)
    if only_unresolved:
        found = [h for h in honours_mod.unresolved(event) if group is None or h.group == group]
    else:
        found = honours_mod.all_honours(event, group=group)
    if as_json:
        emit([h.public() for h in found])
        return
    for h in found:
        click.echo(describe(h))
    say(t("honours.count", n=len(found), unresolved=len(honours_mod.unresolved(event))))


def _record(
    db: str | None, desk: str, honour_id: int, state: str, as_json: bool, by: str = ""
) -> None:
    event = open_event(db, desk)
    h = honours_mod.set_state(event, honour_id, state, by=by)
    if as_json:
        emit(h.public())
    say(
        t(
            "honours.changed",
            recipient=h.recipient,
            form=h.form,
            state=t(f"honours.state.{h.state}"),
        )
    )


def _state_command(name: str, state: str) -> None:
    @honours.command(name=name, help=f"cli.honours.{name}")
    @db_option
    @desk_option
    @click.argument("honour_id", metavar="ID", type=int)
    @json_option
    def command(db: str | None, desk: str, honour_id: int, as_json: bool) -> None:
        _record(db, desk, honour_id, state, as_json)


for _name, _state in (
    ("present", honours_mod.PRESENTED),
    ("absent", honours_mod.ABSENT),
    ("withdraw", honours_mod.WITHDRAWN),
    ("reset", honours_mod.PLANNED),
):
    _state_command(_name, _state)


@honours.command(name="proxy", help="cli.honours.proxy")
@db_option
@desk_option
@click.argument("honour_id", metavar="ID", type=int)
@option("--by", "by", required=True, help="cli.honours.opt.by")
@json_option
def proxy(db: str | None, desk: str, honour_id: int, by: str, as_json: bool) -> None:
    _record(db, desk, honour_id, honours_mod.PROXY, as_json, by=by)


@honours.command(name="call", help="cli.honours.call")
@db_option
@desk_option
@click.argument("group")
@json_option
def call(db: str | None, desk: str, group: str, as_json: bool) -> None:
    event = open_event(db, desk)
    honours_mod.check_group(event, group)
    ids = honours_mod.call_group(event, group)
    if as_json:
        emit({"group": group, "called": ids})
    say(t("honours.group_called", group=group, n=len(ids)))


@honours.command(name="match", help="cli.honours.match")
@db_option
@click.argument("honour_id", metavar="ID", type=int)
@click.argument("delegate", metavar="DELEGATE_ID")
@json_option
def match(db: str | None, honour_id: int, delegate: str, as_json: bool) -> None:
    event = open_event(db, "organizers")
    delegate_id = None if delegate.lower() in ("none", "-", "0") else int(delegate)
    h = honours_mod.match(event, honour_id, delegate_id)
    if as_json:
        emit(h.public())
    if delegate_id is None:
        say(t("honours.not_a_delegate", recipient=h.recipient))
    else:
        say(t("honours.matched", recipient=h.recipient, delegate=delegate_id))


@honours.command(name="add", help="cli.honours.add")
@db_option
@desk_option
@option("--recipient", required=True, help="cli.honours.opt.recipient")
@option("--form", required=True, help="cli.honours.opt.form")
@option("--group", default="", help="cli.honours.opt.group")
@option("--unit", default="", help="cli.honours.opt.unit")
@option("--position", default="", help="cli.honours.opt.position")
@option("--decision", default="", help="cli.honours.opt.decision")
@option("--presenter", default="", help="cli.honours.opt.presenter")
@option("--collective/--individual", default=None, help="cli.honours.opt.collective")
@json_option
def add(
    db: str | None,
    desk: str,
    recipient: str,
    form: str,
    group: str,
    unit: str,
    position: str,
    decision: str,
    presenter: str,
    collective: bool | None,
    as_json: bool,
) -> None:
    event = open_event(db, desk)
    h = honours_mod.add(
        event,
        HonourRow(
            recipient=recipient,
            form=form,
            collective=collective,
            position=position,
            unit=unit,
            decision=decision,
            group=group,
            presenter=presenter,
        ),
    )
    if as_json:
        emit(h.public())
    say(
        t(
            "honours.added",
            id=h.id,
            recipient=h.recipient,
            form=h.form,
            match=t(f"honours.match.{h.match}"),
        )
    )


@honours.command(name="tray", help="cli.honours.tray")
@db_option
@output_option("cli.honours.opt.output")
@option("--group", default=None, help="cli.honours.opt.group")
def tray(db: str | None, out: str, group: str | None) -> None:
    event = open_event(db, readonly=True)
    groups = write_tray(event, out, group)
    say(
        t(
            "honours.tray.written",
            path=out,
            groups=len(groups),
            n=sum(len(g.rows) for g in groups),
        )
    )
