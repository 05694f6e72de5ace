"""A print run: choose the delegates, check the font, (re)issue codes, write the PDF and PNGs.

The command line (``daihoi badges``) and the reception console's reprint key both call
:func:`print_badges`, so a badge printed at the desk is the badge printed in bulk.

Order matters: everything that can refuse (an unknown delegate, a character Roboto cannot draw,
an output path that cannot be written) refuses *before* a reprint revokes anyone's badge, and
the reprint revokes all the chosen badges in one transaction or none.
"""

from __future__ import annotations

import dataclasses
import functools
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from data import codes
from data import delegates as delegates_mod
from data import printed as printed_mod
from data.delegates import Delegate
from data.errors import DaihoiError
from data.outputs import refuse_input
from data.store import Event
from data.text import collate, fold, name_sort_key, words

from . import fonts, pdf, png
from .compose import Badge, Drawing, badge_of, compose
from .layout import Layout
from .layout import layout as layout_named
from .style import Style


@dataclass(frozen=True)
class PrintRun:
    """What a print run wrote."""

    pdf: Path
    """The PDF with every badge, on sheets of the layout."""
    layout: str
    pages: int
    badges: tuple[Badge, ...]
    """In printed order (delegation, then Vietnamese name order), with the codes printed."""
    pngs: tuple[Path, ...]
    """One PNG per badge, in the same order, when asked for."""
    reissued: tuple[int, ...]
    """Delegates whose earlier badge this run revoked (``--reprint``)."""
    already_printed: tuple[int, ...] = ()
    """Delegates whose badge had been printed before this run: the run warns of them."""
    last_printed: printed_mod.Printed | None = None
    """The latest of those earlier prints (when, at which desk)."""

    def public(self) -> dict[str, object]:
        """The run as ``daihoi badges --json`` prints it."""
        return {
            "pdf": str(self.pdf),
            "layout": self.layout,
            "pages": self.pages,
            "badges": [
                {"id": b.delegate_id, "name": b.name, "delegation": b.delegation, "code": b.code}
                for b in self.badges
            ],
            "png": [str(p) for p in self.pngs],
            "reissued": list(self.reissued),
            "already_printed": list(self.already_printed),
        }


def print_order(delegate: Delegate) -> tuple[str, tuple[str, ...]]:
    """Delegation in Vietnamese dictionary order, then given name, middle, family: each
    delegation's badges come out of the printer as one stack."""
    return _delegation_key(delegate.delegation), delegate.sort_key or name_sort_key(delegate.name)


@functools.lru_cache(maxsize=4096)
def _delegation_key(delegation: str) -> str:
    # A congress has tens of delegations for thousands of badges: collate each once.
    return collate(delegation)


def select(
    event: Event,
    ids: Sequence[int] = (),
    delegation: str | None = None,
    only: str = printed_mod.ALL,
) -> list[Delegate]:
    """The delegates to print, in print order: the given ids, or a delegation, or everyone;
    with ``only`` those never printed (``new``) or changed since printed (``changed``)."""
    if only not in printed_mod.CHOICES:
        raise DaihoiError("badge.bad_only", only=only, choices=", ".join(printed_mod.CHOICES))
    if ids:
        found = delegates_mod.get_many(event, ids)
        for delegate_id in ids:
            if delegate_id not in found:
                raise DaihoiError("delegate.unknown", id=delegate_id)
        chosen = list(found.values())
    else:
        chosen = delegates_mod.all_delegates(event)
    if delegation is not None:
        wanted = fold(delegation)
        chosen = [d for d in chosen if fold(d.delegation) == wanted]
        if not chosen:
            raise DaihoiError("badge.no_delegation", delegation=delegation)
    if not chosen:
        raise DaihoiError("badge.nobody")
    if only != printed_mod.ALL:
        chosen = printed_mod.choose(event, chosen, only)
        if not chosen:
            raise DaihoiError(f"badge.none_{only}")
    return sorted(chosen, key=print_order)


@dataclass(frozen=True)
class PrintPlan:
    """What a print run would print, for the console's preview before anything is written."""

    delegates: tuple[Delegate, ...]
    """In print order."""
    layout: Layout
    pages: int
    already: dict[int, printed_mod.Printed]
    """Those of ``delegates`` whose badge was printed before, with the last print."""

    @property
    def first_sheet(self) -> tuple[Delegate, ...]:
        """The badges of the first page, in reading order."""
        return self.delegates[: self.layout.per_page]


def plan(
    event: Event,
    *,
    ids: Sequence[int] = (),
    delegation: str | None = None,
    only: str = printed_mod.ALL,
    layout: str = "a6",
) -> PrintPlan:
    """The run :func:`print_badges` would make with these arguments (the same selection),
    without drawing or writing anything; refuses the same way (nobody, no such delegation)."""
    sheet = layout_named(layout)
    chosen = select(event, ids, delegation, only)
    pages = -(-len(chosen) // sheet.per_page)
    return PrintPlan(tuple(chosen), sheet, pages, printed_mod.already_printed(event, chosen))


def check_glyphs(title: str, badges: Iterable[Badge]) -> None:
    """Refuse when Roboto cannot draw a character: a badge must never show a box or a "?"."""
    missing = fonts.missing_glyphs(title, fonts.BOLD)
    if missing:
        raise DaihoiError("badge.title_missing_glyphs", chars=" ".join(missing))
    badges = list(badges)
    regular_chars: set[str] = set()
    bold_chars: set[str] = set()
    for badge in badges:
        for text, is_bold in badge.texts():
            (bold_chars if is_bold else regular_chars).update(unicodedata.normalize("NFC", text))
    if fonts.covers(regular_chars, fonts.REGULAR) and fonts.covers(bold_chars, fonts.BOLD):
        return
    for badge in badges:  # which badge, and what it lacks
        for text, bold in badge.texts():
            missing = fonts.missing_glyphs(text, fonts.BOLD if bold else fonts.REGULAR)
            if missing:
                raise DaihoiError(
                    "badge.missing_glyphs",
                    name=badge.name,
                    id=badge.delegate_id,
                    chars=" ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing),
                )


def print_badges(
    event: Event,
    out: str | Path,
    *,
    layout: str = "a6",
    ids: Sequence[int] = (),
    delegation: str | None = None,
    reprint: bool = False,
    png_dir: str | Path | None = None,
    style: Style | None = None,
    reason: str = "",
    only: str = printed_mod.ALL,
    progress: Callable[[int, int], None] | None = None,
) -> PrintRun:
    """Print the chosen delegates' badges into ``out`` (PDF), and PNGs into ``png_dir``.

    Without ``reprint`` the current codes are printed (a delegate without one gets version 1).
    With it, each chosen delegate's badge is revoked and the next version printed: the journal
    records each reissue with ``reason``. ``only`` keeps the badges never printed (``new``)
    or changed since they were printed (``changed``). Every badge written is recorded in the
    print history (:mod:`data.printed`) with a ``badge.printed`` journal row, once the PDF is
    complete; the run names those that had been printed before.

    ``progress(done, total)`` is called as badges are drawn (about a hundred times in a large
    run) and once more when the file is written; it runs on the caller's thread.
    """
    sheet = layout_named(layout)
    style = style or Style()
    title = event.info.title
    chosen = select(event, ids, delegation, only)
    before = printed_mod.already_printed(event, chosen)
    check_glyphs(title, [badge_of(d, code="0" * codes.CODE_DIGITS) for d in chosen])

    out_path = refuse_input(event, out)
    folder = Path(png_dir) if png_dir is not None else None
    try:
        with pdf.Output(out_path) as output:  # an unwritable PDF refuses here, nothing changed
            if folder is not None:
                png.prepare(folder)
            fresh = issue_codes(event, chosen, reprint=reprint, reason=reason)
            badges = [badge_of(d, fresh.get(d.id)) for d in chosen]
            drawings: list[Drawing] = []
            composed = _composed(badges, drawings, sheet.badge, title, style, progress)
            pages = pdf.fill(output, composed, sheet, title)
    except DaihoiError as exc:
        if reprint and exc.key == "badge.cannot_write":
            # Rare (disk full mid-file): the new codes are committed, the old badges revoked.
            raise DaihoiError("badge.cannot_write_reissued", n=len(chosen), **exc.params) from exc
        raise
    # reprint_one writes under a provisional name and renames it after the new version.
    name = f"{file_stem(badges[0])}.pdf" if out_path.name.endswith(".pdf.tmp") else out_path.name
    printed_mod.record(
        event, [(d, b.code) for d, b in zip(chosen, badges)], layout=sheet.name, file=name
    )
    if progress is not None:
        progress(len(chosen) + 1, len(chosen) + 1)
    pngs: list[Path] = []
    if folder is not None:
        for badge, drawing in zip(badges, drawings):
            target = refuse_input(event, folder / file_stem(badge).with_suffix(".png"))
            pngs.append(png.write(drawing, target))
    return PrintRun(
        out_path,
        sheet.name,
        pages,
        tuple(badges),
        tuple(pngs),
        tuple(d.id for d in chosen) if reprint else (),
        tuple(d.id for d in chosen if d.id in before),
        printed_mod.latest(before.values()),
    )


PROGRESS_STEPS = 100
"""About how many times a run reports its progress, whatever its size: each report crosses
threads in the console, so one per badge would slow a 2,000-badge run."""


def _composed(
    badges: Sequence[Badge],
    into: list[Drawing],
    size: tuple[float, float],
    title: str,
    style: Style,
    progress: Callable[[int, int], None] | None,
) -> Iterator[Drawing]:
    """Each badge's drawing as the PDF takes it (kept in ``into`` for the PNGs), reporting
    progress: drawing the badges is the run's long part. The last step (the file written)
    is reported by the caller."""
    total = len(badges) + 1
    step = max(1, len(badges) // PROGRESS_STEPS)
    if progress is not None:
        progress(0, total)
    for i, badge in enumerate(badges, start=1):
        drawing = compose(badge, *size, title=title, style=style)
        into.append(drawing)
        yield drawing
        if progress is not None and i % step == 0:
            progress(i, total)


def issue_codes(
    event: Event, chosen: Sequence[Delegate], *, reprint: bool, reason: str = ""
) -> dict[int, str]:
    """The codes to print that the delegates did not have yet, by delegate id.

    With ``reprint`` every chosen delegate's badge is revoked and the next version issued;
    without it, delegates without a code get version 1. Either way in one transaction: a
    failure half-way (the file busy, the disk full) leaves every badge as it was, never half a
    delegation revoked. Nothing to issue takes no write lock (a read-only copy still prints).
    """
    without = [d.id for d in chosen if not d.code]
    if not reprint and not without:
        return {}
    with event.write():
        if reprint:
            return {d.id: codes.reissue(event, d.id, reason=reason or "reprint") for d in chosen}
        codes.issue_first(event, without)
        event.journal("badge.issued", {"delegate_ids": without})
        current = delegates_mod.get_many(event, without)
        return {i: current[i].code or "" for i in without}


def file_stem(badge: Badge) -> Path:
    """``0042-nguyen-thi-hoa-v2``: sorts by id, readable, ASCII (any printer queue takes it)."""
    slug = "-".join(words(badge.name)) or "dai-bieu"
    version = int(badge.code[codes.ID_DIGITS : codes.ID_DIGITS + codes.VERSION_DIGITS] or 0)
    return Path(f"{badge.delegate_id:04d}-{slug}-v{version}")


def reprint_folder(event_path: Path) -> Path:
    """Where the desk's reprints go: ``<event>-the/`` next to the event file."""
    return event_path.with_name(f"{event_path.stem}-the")


def reprint_one(
    event: Event,
    delegate_id: int,
    *,
    layout: str = "label-62",
    reason: str = "",
    style: Style | None = None,
) -> PrintRun:
    """The reception desk's reprint: revoke, issue the next version, write its own PDF."""
    delegate = delegates_mod.get(event, delegate_id)
    stem = file_stem(badge_of(delegate, delegate.code or "0" * codes.CODE_DIGITS))
    # The file is named after the new version; the version is only known after reissue, so
    # write to a provisional name and rename.
    folder = reprint_folder(Path(event.path))
    run = print_badges(
        event,
        folder / f"{stem}.pdf.tmp",
        layout=layout,
        ids=[delegate_id],
        reprint=True,
        style=style,
        reason=reason,
    )
    final = folder / f"{file_stem(run.badges[0])}.pdf"
    try:
        run.pdf.replace(final)
    except OSError as exc:
        raise pdf.cannot_write(final, exc) from exc
    return dataclasses.replace(run, pdf=final)
