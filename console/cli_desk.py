"""The ``daihoi`` commands of the desk's list: import it, look people up, their codes, a
check-in, walk-ins (registered in :data:`console.cli.COMMANDS`)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from data import checkin as checkin_mod
from data import codes as codes_mod
from data import delegates as delegates_mod

from .cli_progress import progress_bar
from .clikit import (
    command,
    db_option,
    desk_option,
    emit,
    import_command,
    json_option,
    open_event,
    option,
    print_skipped,
    say,
)
from .i18n import t
from .phrases import desk_notes, hhmm, understood_lines

if TYPE_CHECKING:
    from data.importing import ImportReport


# ---------------------------------------------------------------- walk-ins
@command("walkins", help="cli.walkins")
@db_option
@option("--approve", type=int, multiple=True, help="cli.opt.approve")
@option("--reject", type=int, multiple=True, help="cli.opt.reject")
@json_option
def walkins(
    db: str | None, approve: tuple[int, ...], reject: tuple[int, ...], as_json: bool
) -> None:
    event = open_event(db, "organizers")
    for walkin_id in approve:
        checkin_mod.decide_walkin(event, walkin_id, approve=True)
    for walkin_id in reject:
        checkin_mod.decide_walkin(event, walkin_id, approve=False)
    requests = checkin_mod.walkins(event)
    if as_json:
        emit([w.__dict__ for w in requests])
        return
    for w in requests:
        click.echo(
            f"{w.id:>4}  {t('walkin.state.' + w.state):<10} {w.name} · {w.unit} · {w.reason}"
        )


# ---------------------------------------------------------------- importing
@import_command("delegates", "cli.import.delegates")
def import_delegates(
    db: str | None, file: str, sheet: str | None, dry_run: bool, as_json: bool
) -> None:
    from data.importing import import_delegates as run_import

    event = open_event(db)
    with progress_bar("progress.import", as_json=as_json) as progress:
        report = run_import(event, file, sheet=sheet, dry_run=dry_run, progress=progress)
    skipped = [
        {"row": s.row, "column": s.column, "reason": t(s.key, **s.params)} for s in report.skipped
    ]
    if as_json:
        from dataclasses import asdict

        understood = asdict(report.understood)
        understood["notes"] = [t(n.key, **n.params) for n in report.understood.notes]
        warnings = [
            {"row": w.row, "column": w.column, "reason": t(w.key, **w.params), "key": w.key}
            for w in report.warnings
        ]
        emit(
            {
                "added": report.added,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "skipped": skipped,
                "warnings": warnings,
                "understood": understood,
            }
        )
    else:
        for name in report.added_names:
            click.echo(f"+ {name}")
        for name, fields in report.updated_names:
            click.echo(f"~ {name} ({', '.join(fields)})")
    print_skipped(report.file, report.skipped)
    # A total line that disagrees with the rows read is a check, not a field left empty.
    checks = [w for w in report.warnings if w.key == "import.total_mismatch"]
    print_skipped(report.file, [w for w in report.warnings if w not in checks], "import.warn")
    print_skipped(report.file, checks, "import.check")
    say_import_summary(report)
    if dry_run:
        say(t("import.dry_run"))


# ---------------------------------------------------------------- delegates
@command("delegates", help="cli.delegates")
@db_option
@option("--search", "query", default=None, help="cli.opt.search")
@option("--limit", type=int, default=None, help="cli.opt.limit")
@json_option
def delegates(db: str | None, query: str | None, limit: int | None, as_json: bool) -> None:
    event = open_event(db, readonly=True)
    found = delegates_mod.all_delegates(event)
    if query:
        from data.search import SearchIndex

        result = SearchIndex(found).search(query, limit=limit or len(found) or 1)
        found = result.delegates
    elif limit:
        found = found[:limit]
    if as_json:
        emit([d.public() for d in found])
        return
    for d in found:
        mark = "✓" if d.checked_in_at else " "
        click.echo(f"{mark} {d.id:>5}  {d.name:<28} {d.delegation:<32} {d.category}")
    say(t("delegates.count", n=len(found)))


# ---------------------------------------------------------------- codes, check-in
@command("codes", help="cli.codes")
@db_option
@json_option
def codes(db: str | None, as_json: bool) -> None:
    event = open_event(db, readonly=True)
    rows = [
        {
            "id": d.id,
            "name": d.name,
            "code": d.code,
            "human": codes_mod.human(d.code) if d.code else None,
        }
        for d in delegates_mod.all_delegates(event)
    ]
    if as_json:
        emit(rows)
        return
    for r in rows:
        click.echo(f"{r['id']:>5}  {r['code'] or '-':<20} {r['name']}")


@command("checkin", help="cli.checkin")
@db_option
@click.argument("scan")
@desk_option
@json_option
def checkin(db: str | None, scan: str, desk: str, as_json: bool) -> None:
    event = open_event(db, desk)
    verdict = checkin_mod.Desk(event, notes_for=desk_notes(event)).scan(scan)
    if as_json:
        emit(verdict.public())
    else:
        from data.sessions import all_sessions

        line = describe_verdict(verdict)
        if verdict.session and len(all_sessions(event)) > 1:  # which session it counts for
            line += " · " + verdict.session
        click.echo(line)
    sys.exit(0 if verdict.ok else 2)


def describe_verdict(v: checkin_mod.Verdict) -> str:
    """One line per verdict, the same words the reception screen shows."""
    d = v.delegate
    who = f"{d.name} — {d.delegation or d.unit}" if d else ""
    if v.verdict == checkin_mod.ADMITTED:
        return t("verdict.admitted.line", who=who, seat=d.seat if d else "")
    if v.verdict == checkin_mod.ALREADY:
        return t("verdict.already.line", who=who, at=hhmm(v.checked_in_at), desk=v.desk)
    if v.verdict == checkin_mod.REVOKED:
        return t("verdict.revoked.line", who=who, at=hhmm(v.revoked_at))
    if v.verdict == checkin_mod.UNKNOWN:
        return t("verdict.unknown.line", who=who)
    return t("verdict.invalid.line")


def say_import_summary(report: ImportReport) -> None:
    """What the import understood (:func:`console.phrases.understood_lines`, the lines the
    app's preview shows), then "Thêm 3, cập nhật 1, giữ nguyên 520, bỏ qua 0 dòng." on stderr."""
    for line in understood_lines(report):
        say(line)
    say(
        t(
            "import.summary",
            added=report.added,
            updated=report.updated,
            unchanged=report.unchanged,
            skipped=len(report.skipped),
        )
    )
