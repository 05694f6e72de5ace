"""The ``daihoi`` commands of protocol: ``introductions``, ``guests``, ``seats``,
``nameplates`` and ``import guests``, registered on the group of :mod:`console.cli`.

Each is a few lines over :mod:`programme.protocol` (the order, the words, who sits where),
:mod:`data.guests`, :mod:`data.seats` and the drawings of :mod:`badges`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from data import delegates as delegates_mod
from data import guests as guests_mod
from data import seats as seats_mod
from data.outputs import refuse_input
from data.store import Event
from programme import protocol

from .clikit import (
    command,
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

if TYPE_CHECKING:
    from badges.script import Script


# ---------------------------------------------------------------- introductions
def script_of(event: Event) -> Script:
    """The introduction as the printed script's words (:class:`badges.script.Script`)."""
    from badges.script import Script

    intro = protocol.introductions(event)
    total = len(intro.present) + len(intro.not_arrived)
    now = event.now().strftime("%H:%M, %d/%m/%Y")
    return Script(
        title=event.info.title,
        salutation=intro.salutation,
        sides=[(s.heading, [g.line for g in s.guests]) for s in intro.sides],
        not_arrived=[g.line for g in intro.not_arrived],
        note=f"Lập lúc {now} · {len(intro.present)}/{total} khách mời có mặt",
    )


@command("introductions", help="cli.introductions")
@db_option
@option(
    "-o", "--output", "out", type=click.Path(dir_okay=False), default=None, help="cli.opt.script"
)
@json_option
def introductions(db: str | None, out: str | None, as_json: bool) -> None:
    event = open_event(db, readonly=True)
    intro = protocol.introductions(event)
    if out:
        from badges.script import write_script

        target = refuse_input(event, out)
        write_script(script_of(event), target)
        say(t("intro.written", path=target, present=len(intro.present)))
    if as_json:
        emit(intro.public())
        return
    if out:
        return
    click.echo(intro.salutation)
    for side in intro.sides:
        click.echo("")
        click.echo(side.heading)
        for g in side.guests:
            click.echo(f"  – {g.line};")
    if intro.not_arrived:
        click.echo("")
        click.echo(t("intro.not_arrived", n=len(intro.not_arrived)))
        for g in intro.not_arrived:
            click.echo(f"  · {g.line}")
    if not intro.present and not intro.not_arrived:
        say(t("intro.no_guests"))


# ---------------------------------------------------------------- guests
@group("guests", help="cli.guests", invoke_without_command=True)
@db_option
@json_option
@click.pass_context
def guests(ctx: click.Context, db: str | None, as_json: bool) -> None:
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is not None:
        return
    found = protocol.in_protocol_order(guests_mod.all_guests(open_event(db, readonly=True)))
    if as_json:
        emit([g.public() for g in found])
        return
    for g in found:
        rank = "—" if g.rank is None else str(g.rank)
        here = t("guests.here") if g.present else t("guests.away")
        click.echo(f"{g.delegate_id:>5}  {rank:>3}  {here}  {g.name} · {g.position} · {g.side}")


@guests.command(name="rank", help="cli.guests.rank")
@db_option
@desk_option
@click.argument("delegate_id", type=int)
@click.argument("rank", type=str)
@click.pass_context
def guests_rank(ctx: click.Context, db: str | None, desk: str, delegate_id: int, rank: str) -> None:
    event = open_event(db or ctx.obj.get("db"), desk)
    value = None if rank.strip() in ("-", "") else _whole(rank)
    g = guests_mod.set_rank(event, delegate_id, value)
    say(t("guests.ranked", name=g.name, rank="—" if g.rank is None else g.rank))


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise click.BadParameter(t("guests.rank_number", value=text)) from None


@guests.command(name="side", help="cli.guests.side")
@db_option
@desk_option
@click.argument("delegate_id", type=int)
@click.argument("side")
@click.pass_context
def guests_side(ctx: click.Context, db: str | None, desk: str, delegate_id: int, side: str) -> None:
    event = open_event(db or ctx.obj.get("db"), desk)
    g = guests_mod.set_side(event, delegate_id, side)
    say(t("guests.sided", name=g.name, side=g.side or "—"))


@import_command("guests", "cli.import.guests")
def import_guests(
    db: str | None, file: str, sheet: str | None, dry_run: bool, as_json: bool
) -> None:
    from .cli_desk import say_import_summary

    report = guests_mod.import_guests(open_event(db), file, sheet=sheet, dry_run=dry_run)
    if as_json:
        emit(
            {
                "added": report.added,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "skipped": [{"row": s.row, "reason": t(s.key, **s.params)} for s in report.skipped],
                "warnings": [
                    {"row": w.row, "column": w.column, "reason": t(w.key, **w.params)}
                    for w in report.warnings
                ],
            }
        )
    else:
        for name in report.added_names:
            click.echo(f"+ {name}")
        for name, fields in report.updated_names:
            click.echo(f"~ {name} ({', '.join(fields)})")
    print_skipped(report.file, report.skipped)
    print_skipped(report.file, report.warnings, "import.warn")
    say_import_summary(report)
    if dry_run:
        say(t("import.dry_run"))


# ---------------------------------------------------------------- seats
SHOWN = 10
"""Seats off the plan listed one by one; the others are counted in one line."""


@group("seats", help="cli.seats")
def seats() -> None:
    pass


@seats.command(name="assign", help="cli.seats.assign")
@db_option
@desk_option
@option("--dry-run", is_flag=True, help="cli.opt.dry_run")
@json_option
def seats_assign(db: str | None, desk: str, dry_run: bool, as_json: bool) -> None:
    event = open_event(db, desk)
    report = protocol.seat_everyone(event, dry_run=dry_run)
    if as_json:
        emit(
            {
                "given": [{"id": i, "seat": s} for i, s in report.given],
                "kept": report.kept,
                "off_plan": [{"id": i, "seat": s} for i, s in report.off_plan],
                "doubled": [{"seat": s, "ids": ids} for s, ids in report.doubled],
                "dry_run": dry_run,
            }
        )
    say(t("seats.assigned", given=len(report.given), kept=report.kept))
    for i, text in report.off_plan[:SHOWN]:
        say(t("seats.off_plan", id=i, seat=text))
    if len(report.off_plan) > SHOWN:
        say(t("seats.off_plan_more", more=len(report.off_plan) - SHOWN))
    for text, ids in report.doubled:
        say(t("seats.doubled", seat=text, ids=", ".join(map(str, ids))))
    if dry_run:
        say(t("import.dry_run"))


@seats.command(name="move", help="cli.seats.move")
@db_option
@desk_option
@click.argument("delegate_id", type=int)
@click.argument("seat")
def seats_move(db: str | None, desk: str, delegate_id: int, seat: str) -> None:
    event = open_event(db, desk)
    text = seats_mod.move(event, delegate_id, seat, plan=seats_mod.load_plan(event))
    name = delegates_mod.get(event, delegate_id).name
    say(t("seats.moved", name=name, seat=text or "—"))


@seats.command(name="hall", help="cli.seats.hall")
@db_option
@click.argument("file", type=click.Path(dir_okay=False), required=False)
def seats_hall(db: str | None, file: str | None) -> None:
    if file is None:
        click.echo(
            seats_mod.plan_toml(seats_mod.load_plan(open_event(db, readonly=True))), nl=False
        )
        return
    plan = seats_mod.save_plan(open_event(db), file)
    say(
        t(
            "seats.hall_saved",
            zones=len(plan.zones),
            seats=sum(z.capacity for z in plan.zones),
            path=file,
        )
    )


@seats.command(name="plan", help="cli.seats.plan")
@db_option
@output_option("cli.opt.plan_out")
def seats_plan(db: str | None, out: str) -> None:
    from badges.seatplan import render_seat_plan

    event = open_event(db, readonly=True)
    plan = seats_mod.load_plan(event)
    target = refuse_input(event, out)
    people = seats_mod.seated(event, plan)
    guest_ids = frozenset(g.delegate_id for g in guests_mod.all_guests(event))
    render_seat_plan(
        plan,
        people,
        target,
        title=event.info.title,
        guests=guest_ids,
        honoured=frozenset(protocol.honourees(event)),
    )
    say(t("seats.plan_written", path=target, pages=len(plan.zones), people=len(people)))


# ---------------------------------------------------------------- name plates
@command("nameplates", help="cli.nameplates")
@db_option
@desk_option
@output_option("cli.opt.plates_out")
@option("--paper", type=click.Choice(["a4", "a5"]), default="a4", help="cli.opt.paper")
@option("--delegate", "ids", type=int, multiple=True, help="cli.opt.plate_delegate")
@option("--replace", "replaces", type=int, default=None, help="cli.opt.plate_replace")
def nameplates(
    db: str | None, desk: str, out: str, paper: str, ids: tuple[int, ...], replaces: int | None
) -> None:
    from badges.nameplates import Plate, plates_file

    event = open_event(db, desk, readonly=replaces is None)
    target = refuse_input(event, out)
    if replaces is not None and len(ids) != 1:
        raise click.UsageError(t("plates.replace_one"))
    wanted = list(ids) or protocol.plate_holders(event)
    people = delegates_mod.get_many(event, wanted)
    for i in wanted:
        if i not in people:
            delegates_mod.get(event, i)  # the one-line "no delegate with id" refusal
    plates = [Plate(people[i].name, people[i].position or people[i].unit) for i in wanted]
    if not plates:
        say(t("plates.nobody"))
        return
    # The plate is drawn and written first, the seat handed over next, the file put in place
    # last: a plate that cannot be printed changes no seat.
    with plates_file(plates, target, paper=paper):
        if replaces is not None:
            seat = seats_mod.hand_over(event, replaces, ids[0])
    if replaces is not None:
        say(
            t(
                "plates.replaced",
                old=delegates_mod.get(event, replaces).name,
                new=people[ids[0]].name,
                seat=seat,
            )
        )
    say(t("plates.written", n=len(plates), paper=paper.upper(), path=target))
