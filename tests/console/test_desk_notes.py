"""The reception desk learns who speaks and who is honoured today, in which group."""

from __future__ import annotations

import json

from click.testing import CliRunner

from console.cli import cli
from data import codes
from data.checkin import Desk
from data.delegates import upsert
from data.store import Event
from programme import honours, running, template
from programme.notes import notes_for


def _people(event: Event) -> dict[str, int]:
    upsert(
        event,
        [
            {"name": "Nguyễn Thị Hoa", "unit": "Sở Y tế", "delegation": "Khối các sở"},
            {"name": "Trần Văn Đức", "unit": "UBND huyện Đại Từ", "delegation": "Đại Từ"},
            {"name": "Lò Văn Pấng", "unit": "Xã Tân Lập", "delegation": "Võ Nhai"},
        ],
    )
    return {name: i for i, name in event.conn.execute("select id, name from delegates")}


def test_speaker_and_honouree_notes(event: Event) -> None:
    template.seed(event)
    ids = _people(event)
    speeches = next(i for i in running.load(event).items if i.role == template.SPEECHES)
    running.insert(
        event, "Tham luận về y tế cơ sở", 7, parent=speeches.id, delegate_id=ids["Nguyễn Thị Hoa"]
    )
    honours.add(
        event,
        honours.HonourRow(
            recipient="Trần Văn Đức",
            unit="UBND huyện Đại Từ",
            form="Bằng khen của Chủ tịch UBND tỉnh",
            group="Đợt 2",
        ),
    )
    assert notes_for(event, ids["Nguyễn Thị Hoa"]) == [
        ("note.speaks", {"title": "Tham luận về y tế cơ sở"})
    ]
    assert notes_for(event, ids["Trần Văn Đức"]) == [
        ("note.honour_group", {"form": "Bằng khen của Chủ tịch UBND tỉnh", "group": "Đợt 2"})
    ]
    assert notes_for(event, ids["Lò Văn Pấng"]) == []


def test_a_withdrawn_honour_is_no_longer_announced(event: Event) -> None:
    ids = _people(event)
    h = honours.add(
        event,
        honours.HonourRow(recipient="Lò Văn Pấng", unit="Xã Tân Lập", form="Giấy khen"),
    )
    assert notes_for(event, ids["Lò Văn Pấng"]) == [("note.honour", {"form": "Giấy khen"})]
    honours.set_state(event, h.id, honours.WITHDRAWN)
    assert notes_for(event, ids["Lò Văn Pấng"]) == []


def test_checkin_command_prints_the_group(event: Event) -> None:
    ids = _people(event)
    honours.add(
        event,
        honours.HonourRow(
            recipient="Trần Văn Đức",
            unit="UBND huyện Đại Từ",
            form="Bằng khen của Chủ tịch UBND tỉnh",
            group="Đợt 2",
        ),
    )
    code = dict((d, c) for d, c, _ in codes.current_codes(event))[ids["Trần Văn Đức"]]
    result = CliRunner().invoke(cli, ["checkin", code, "--db", str(event.path), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["notes"] == [
        "Nhận khen thưởng: Bằng khen của Chủ tịch UBND tỉnh — Đợt 2"
    ]
    # The desk object the console uses says the same, rendered by the console.
    from console.phrases import desk_notes

    again = Desk(event, notes_for=desk_notes(event)).scan(code)
    assert again.verdict == "already"
    assert again.notes == ("Nhận khen thưởng: Bằng khen của Chủ tịch UBND tỉnh — Đợt 2",)
