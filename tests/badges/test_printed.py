"""The print history: what was printed when, only the new badges, only the changed ones, the
warning before printing a badge twice, and the progress a run reports."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from badges.build import plan, print_badges
from data import delegates, printed
from data.errors import DaihoiError
from data.store import Event

from .conftest import PEOPLE, decode_pdf


def test_first_run_records_every_badge_with_its_journal_row(crowd: Event, tmp_path: Path) -> None:
    run = print_badges(crowd, tmp_path / "all.pdf", layout="a7")
    assert run.already_printed == ()
    history = printed.history(crowd)
    assert set(history) == {b.delegate_id for b in run.badges}
    (row,) = crowd.journal_rows("badge.printed")
    assert row["payload"]["file"] == "all.pdf" and row["payload"]["layout"] == "a7"
    assert sorted(b[0] for b in row["payload"]["badges"]) == sorted(history)
    hoa = next(d for d in delegates.all_delegates(crowd) if d.name == "Nguyễn Thị Hoa")
    assert history[hoa.id].fingerprint == printed.fingerprint(hoa)
    assert history[hoa.id].desk == "Bàn 1" and history[hoa.id].times == 1
    # every badge written is a badge that scans
    codes = sorted(c for page in decode_pdf(run.pdf) for c in page)
    assert codes == sorted(b.code for b in run.badges)


def test_only_new_prints_the_late_ones_then_none(crowd: Event, tmp_path: Path) -> None:
    print_badges(crowd, tmp_path / "all.pdf")
    delegates.upsert(crowd, [*PEOPLE, {"name": "Ma Văn Sáng", "unit": "Xã Thần Sa",
                                       "delegation": "Đoàn huyện Võ Nhai"}])  # fmt: skip
    late = print_badges(crowd, tmp_path / "late.pdf", only="new")
    assert [b.name for b in late.badges] == ["Ma Văn Sáng"]
    assert decode_pdf(late.pdf) == [[late.badges[0].code]]
    with pytest.raises(DaihoiError) as none:
        print_badges(crowd, tmp_path / "none.pdf", only="new")
    assert none.value.key == "badge.none_new"
    assert not (tmp_path / "none.pdf").exists()
    assert len(crowd.journal_rows("badge.printed")) == 2


def test_changed_since_printed(crowd: Event, tmp_path: Path) -> None:
    print_badges(crowd, tmp_path / "all.pdf")
    with pytest.raises(DaihoiError) as none:
        plan(crowd, only="changed")
    assert none.value.key == "badge.none_changed"
    moved = [dict(p) for p in PEOPLE]
    moved[1]["seat"] = "B12"  # Trần Văn Đức changes seat
    moved[3]["category"] = "Chiến sĩ thi đua toàn quốc"
    delegates.upsert(crowd, moved)
    found = plan(crowd, only="changed")
    assert sorted(d.name for d in found.delegates) == ["Hoàng Văn Hòa", "Trần Văn Đức"]
    assert set(found.already) == {d.id for d in found.delegates}
    run = print_badges(crowd, tmp_path / "changed.pdf", only="changed")
    assert set(run.already_printed) == {d.id for d in found.delegates}
    assert printed.history(crowd)[run.badges[0].delegate_id].times == 2
    with pytest.raises(DaihoiError):
        plan(crowd, only="changed")  # printed again: no longer changed


def test_a_reissued_code_makes_the_printed_badge_changed(crowd: Event, tmp_path: Path) -> None:
    first = print_badges(crowd, tmp_path / "all.pdf")
    duc = next(b for b in first.badges if b.name == "Trần Văn Đức")
    from data import codes

    codes.reissue(crowd, duc.delegate_id, reason="lost")  # reissued without printing
    assert [d.id for d in plan(crowd, only="changed").delegates] == [duc.delegate_id]


def test_plan_is_the_run(crowd: Event, tmp_path: Path) -> None:
    preview = plan(crowd, delegation="doan huyen dai tu", layout="a6")
    assert preview.pages == 1 and preview.already == {}
    assert [d.name for d in preview.first_sheet] == ["Trần Văn Đức", "Hoàng Văn Hòa"]
    run = print_badges(crowd, tmp_path / "dt.pdf", delegation="doan huyen dai tu")
    assert [b.delegate_id for b in run.badges] == [d.id for d in preview.delegates]
    assert set(plan(crowd, delegation="Đoàn huyện Đại Từ").already) == {
        d.id for d in preview.delegates
    }


def test_progress_goes_from_zero_to_the_end(crowd: Event, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    run = print_badges(crowd, tmp_path / "p.pdf", progress=lambda d, t: seen.append((d, t)))
    total = len(run.badges) + 1
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert {t for _, t in seen} == {total}


def test_a_refused_run_records_nothing(crowd: Event, tmp_path: Path) -> None:
    (tmp_path / "folder.pdf").mkdir()
    with pytest.raises(DaihoiError):
        print_badges(crowd, tmp_path / "folder.pdf")
    assert printed.history(crowd) == {}
    assert crowd.journal_rows("badge.printed") == []


def test_an_event_printed_before_the_history_counts_its_badges_printed(
    crowd: Event, tmp_path: Path
) -> None:
    print_badges(crowd, tmp_path / "old.pdf")
    duc = next(d for d in delegates.all_delegates(crowd) if d.name == "Trần Văn Đức")
    print_badges(crowd, tmp_path / "duc.pdf", ids=[duc.id], reprint=True)
    path = crowd.path
    crowd.close()
    with sqlite3.connect(path) as conn:  # as a file of the release before the history
        conn.execute("drop table badge_prints")
        conn.execute("delete from _sqlite_migrations where name = 'm_printed_001_badge_prints'")
    with Event.open(path) as ev:
        history = printed.history(ev)
        # Only the reprint left a trace in that journal: its version 2 counts as printed.
        assert list(history) == [duc.id]
        assert history[duc.id].version == 2 and history[duc.id].fingerprint == ""
        (reissued,) = ev.journal_rows("badge.reissued")
        assert history[duc.id].printed_at == reissued["at"]
        assert duc.id not in {d.id for d in plan(ev, only="new").delegates}
        with pytest.raises(DaihoiError):
            plan(ev, only="changed")  # unknown text is not "changed"


def test_badges_printed_on_a_desk_copy_are_in_the_history_after_a_merge(
    crowd: Event, tmp_path: Path
) -> None:
    from data import replicas

    print_badges(crowd, tmp_path / "main.pdf", ids=[1])
    copy_path = replicas.clone(crowd, "Bàn 2", tmp_path / "ban-2.db")
    with Event.open(copy_path, clock=crowd.clock, desk="Bàn 2") as copy:
        print_badges(copy, tmp_path / "copy.pdf", ids=[2, 3])
    replicas.merge(crowd, copy_path)
    history = printed.history(crowd)
    assert {2, 3} <= set(history) and history[2].desk == "Bàn 2" and history[2].times == 1
    assert history[1].desk == "Bàn 1"
    assert printed.already_printed(crowd, delegates.get_many(crowd, [2]).values())
    replicas.merge(crowd, copy_path)  # again: nothing doubled
    again = printed.history(crowd)
    assert again[2].times == 1 and again[3].times == 1
    assert crowd.conn.execute("select count(*) from badge_prints").fetchone()[0] == 3
