"""``daihoi session``, ``absence``, ``quorum`` and ``handout`` (issue 17): exit codes, exact
messages and JSON shapes, in Vietnamese and English."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from data import codes as codes_mod
from data import delegates as delegates_mod
from data.store import Event


def small_event(path: Path) -> list[str]:
    with Event.create(path, title="Đại hội Đoàn") as ev:
        delegates_mod.upsert(
            ev,
            [
                {"name": "Nguyễn Thị Hoa", "unit": "Sở Y tế"},
                {"name": "Trần Văn Đức", "unit": "Huyện Đại Từ"},
                {"name": "Lê Văn An", "unit": "Sở Tài chính"},
            ],
        )
        return [c for _, c, _ in codes_mod.current_codes(ev)]


def test_sessions_from_the_command_line(run: Any, tmp_path: Path) -> None:
    hoa, duc, _an = small_event(tmp_path / "e.db")
    listed = json.loads(run("session", "list", "--db", "e.db", "--json").stdout)
    assert listed == [
        {"name": "Phiên thứ nhất", "opened_at": None, "arrived": 0, "expected": 3, "current": True}
    ]
    opened = run("session", "open", "Phiên sáng", "--db", "e.db")
    assert opened.stderr.startswith("Đã mở Phiên sáng lúc ")
    first = json.loads(run("checkin", hoa, "--db", "e.db", "--json").stdout)
    assert (first["verdict"], first["session"]) == ("admitted", "Phiên sáng")
    run("checkin", duc, "--db", "e.db")
    run("session", "open", "Phiên chiều", "--db", "e.db")
    again = json.loads(run("checkin", hoa, "--db", "e.db", "--json").stdout)
    assert (again["verdict"], again["session"]) == ("admitted", "Phiên chiều")
    listed = json.loads(run("session", "list", "--db", "e.db", "--json").stdout)
    assert [(s["name"], s["arrived"], s["current"]) for s in listed] == [
        ("Phiên sáng", 2, False),
        ("Phiên chiều", 1, True),
    ]
    stats = json.loads(run("stats", "--db", "e.db", "--json").stdout)
    assert (stats["session"], stats["arrived"]) == ("Phiên chiều", 1)
    assert [(s["name"], s["arrived"], s["expected"]) for s in stats["sessions"]] == [
        ("Phiên sáng", 2, 3),
        ("Phiên chiều", 1, 3),
    ]
    morning = json.loads(run("stats", "--session", "Phiên sáng", "--db", "e.db", "--json").stdout)
    assert (morning["session"], morning["arrived"]) == ("Phiên sáng", 2)
    run("export", "attendance", "-o", "sang.csv", "--session", "Phiên sáng", "--db", "e.db")
    rows = (tmp_path / "sang.csv").read_text(encoding="utf-8-sig").splitlines()
    assert sum(1 for r in rows[1:] if r.split(",")[-2]) == 2  # two arrival times, this morning
    missing = run("stats", "--session", "Phiên tối", "--db", "e.db", code=1)
    assert missing.stderr == (
        'Lỗi: Không có phiên "Phiên tối". Các phiên: Phiên sáng, Phiên chiều.\n'
    )
    text = run("session", "list", "--db", "e.db").stdout.splitlines()
    assert text[1].endswith("Phiên chiều: 1/3 có mặt (33,3%)  (đang diễn ra)")
    bad = run("session", "open", "   ", "--db", "e.db", code=1)
    assert bad.stderr == "Lỗi: Chưa có tên phiên.\n"


def test_absence_and_quorum_from_the_command_line(run: Any, tmp_path: Path) -> None:
    hoa, _duc, _an = small_event(tmp_path / "e.db")
    assert run("quorum", "--db", "e.db").stdout == (
        "Có mặt 0/3 đại biểu triệu tập, 0,0% (không đặt ngưỡng)\n"
    )
    run("checkin", hoa, "--db", "e.db")
    assert run("quorum", "2/3", "--db", "e.db").stdout == (
        "Đại hội chưa đủ điều kiện tiến hành: 1/3, 33,3% (cần 2, tức 2/3)\n"
    )
    recorded = run("absence", "2", "--reason", "Ốm, có đơn", "--db", "e.db")
    assert recorded.stderr == "Đã ghi Trần Văn Đức vắng có lý do (Phiên thứ nhất): Ốm, có đơn\n"
    lists = json.loads(run("absence", "--db", "e.db", "--json").stdout)
    assert lists == {
        "session": "Phiên thứ nhất",
        "excused": [{"id": 2, "name": "Trần Văn Đức", "reason": "Ốm, có đơn"}],
        "not_arrived": [{"id": 3, "name": "Lê Văn An"}],
    }
    refused = run("absence", "1", "--reason", "x", "--db", "e.db", code=1)
    assert refused.stderr.startswith("Lỗi: Nguyễn Thị Hoa đã điểm danh Phiên thứ nhất lúc ")
    assert run("absence", "3", "--db", "e.db", code=1).stderr == (
        "Lỗi: Cần ghi lý do vắng (--reason).\n"
    )
    undone = run("absence", "2", "--undo", "--db", "e.db")
    assert undone.stderr == "Đã bỏ ghi vắng có lý do của Trần Văn Đức (Phiên thứ nhất).\n"
    run("checkin", _an, "--db", "e.db")
    assert (
        run("--lang", "en", "quorum", "--db", "e.db", "--json").stdout
        and json.loads(run("quorum", "--db", "e.db", "--json").stdout)["met"] is True
    )
    assert run("--lang", "en", "quorum", "--db", "e.db").stdout == (
        "The congress may proceed: 2/3, 66.7%\n"
    )
    assert run("quorum", "7/5", "--db", "e.db", code=1).stderr == (
        'Lỗi: Ngưỡng "7/5" không hợp lệ: ghi dạng 2/3, 50% hoặc off.\n'
    )


def test_handouts_from_the_command_line(run: Any, tmp_path: Path) -> None:
    hoa, duc, _an = small_event(tmp_path / "e.db")
    run("handout", "add", "Máy tính bảng", "--must-return", "--db", "e.db")
    first = run("handout", "scan", "may tinh bang", hoa, "--db", "e.db", "--desk", "Bàn 3")
    assert first.stdout.splitlines()[1] == "PHÁT: Máy tính bảng"
    second = run("handout", "scan", "Máy tính bảng", hoa, "--db", "e.db").stdout.splitlines()
    assert second[0].startswith("ĐÃ ĐIỂM DANH: Nguyễn Thị Hoa")
    assert second[1].startswith("Máy tính bảng: đã phát lúc ") and second[1].endswith(", Bàn 3")
    run("handout", "scan", "Máy tính bảng", duc, "--db", "e.db")
    back = json.loads(
        run("handout", "scan", "Máy tính bảng", hoa, "--return", "--db", "e.db", "--json").stdout
    )
    assert back["handout"]["state"] == "returned"
    assert json.loads(run("handout", "list", "--db", "e.db", "--json").stdout) == [
        {"name": "Máy tính bảng", "must_return": True, "handed": 2, "returned": 1}
    ]
    out = json.loads(
        run("handout", "outstanding", "Máy tính bảng", "--db", "e.db", "--json").stdout
    )
    assert out == [{"id": 2, "name": "Trần Văn Đức"}]
    unknown = run("handout", "scan", "Huy hiệu", hoa, "--db", "e.db", code=1)
    assert unknown.stderr == 'Lỗi: Danh mục phát không có "Huy hiệu". Đang có: Máy tính bảng.\n'


def test_the_checkin_line_names_the_session_once_there_are_two(run: Any, tmp_path: Path) -> None:
    hoa, duc, _an = small_event(tmp_path / "e.db")
    one = run("checkin", hoa, "--db", "e.db", "--desk", "Bàn 1").stdout
    assert one.startswith("MỜI VÀO: Nguyễn Thị Hoa") and "Phiên" not in one
    run("session", "open", "Phiên chiều", "--db", "e.db")
    after = run("checkin", hoa, "--db", "e.db", "--desk", "Bàn 1").stdout
    assert after.startswith("MỜI VÀO: Nguyễn Thị Hoa") and after.rstrip().endswith("· Phiên chiều")
    again = run("checkin", hoa, "--db", "e.db", "--desk", "Bàn 1", code=2).stdout
    assert again.startswith("ĐÃ ĐIỂM DANH") and again.rstrip().endswith("· Phiên chiều")
