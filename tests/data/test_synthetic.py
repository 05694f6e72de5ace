"""Synthetic lists: realistic, deterministic, and readable by our own importer."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import data
from data import delegates
from data.importing import find_header, import_delegates, parse_rows, read_rows
from data.store import Event
from data.synthetic import DEMO_LIST, DEMO_SIZE, generate, write_csv, write_xlsx
from data.text import clean, fold

FIELDS = ("name", "gender", "birth_year", "birth_date", "ethnicity", "religion", "position",
          "unit", "delegation", "category", "seat", "phone", "external_id")  # fmt: skip


def test_deterministic_for_a_seed() -> None:
    assert generate(200, seed=3) == generate(200, seed=3)
    assert generate(200, seed=3) != generate(200, seed=4)


def test_realistic() -> None:
    people = generate(4000, seed=1)
    assert len(people) == 4000
    for p in people:
        assert p["name"] == clean(p["name"]) and unicodedata.is_normalized("NFC", p["name"])
        assert 1940 <= p["birth_year"] <= 2012
        assert p["gender"] in ("Nam", "Nữ")
        assert p["birth_date"] is None or p["birth_date"].startswith(str(p["birth_year"]))
    women = sum(p["gender"] == "Nữ" for p in people) / len(people)
    assert 0.33 < women < 0.43
    ethnic = Counter(p["ethnicity"] for p in people)
    assert 0.68 < ethnic["Kinh"] / len(people) < 0.78
    assert ethnic["Tày"] > ethnic["Nùng"] > ethnic["Dao"]
    assert len({p["external_id"] for p in people}) == len(people)
    keys = {(fold(p["name"]), fold(p["unit"]), p["birth_year"]) for p in people}
    assert len(keys) == len(people)  # imports as that many delegates
    delegations = {p["delegation"] for p in people}
    assert {"Đoàn huyện Đại Từ", "Đoàn huyện Định Hóa", "Khối các sở, ban, ngành"} <= delegations
    categories = {p["category"] for p in people}
    assert {"Anh hùng Lao động", "Chiến sĩ thi đua toàn quốc", "Khách mời"} <= categories
    assert {"Y Thanh Hà Niê Kđăm", "Điểu K'Giắc"} & {p["name"] for p in people}


def _same(original: dict, record: dict) -> list[str]:
    return [f for f in FIELDS if (original.get(f) or None) != (record.get(f) or None)]


def test_messy_xlsx_round_trips(tmp_path: Path) -> None:
    people = generate(150, seed=5)
    path = write_xlsx(people, tmp_path / "ds.xlsx", messy=True)
    rows = read_rows(path)
    header = find_header(rows)
    assert header is not None
    parsed = parse_rows(rows, header, "ds.xlsx")
    assert parsed.skipped == [] and parsed.warnings == []
    by_id = {p["external_id"]: p for p in people}
    assert len(parsed.records) == len(people)
    assert [f for r in parsed.records for f in _same(by_id[r["external_id"]], r)] == []


def test_csv_and_plain_xlsx_round_trip(tmp_path: Path) -> None:
    people = generate(80, seed=6)
    for path in (
        write_csv(people, tmp_path / "ds.csv"),
        write_csv(people, tmp_path / "ds2.csv", delimiter=";"),
        write_xlsx(people, tmp_path / "plain.xlsx", messy=False),
    ):
        rows = read_rows(path)
        header = find_header(rows)
        assert header is not None
        parsed = parse_rows(rows, header, path.name)
        assert [f for o, r in zip(people, parsed.records) for f in _same(o, r)] == [], path


def test_demo_list_ships_in_the_package_and_imports(event: Event) -> None:
    assert DEMO_LIST.is_file()
    assert Path(data.__file__).parent in DEMO_LIST.parents  # hatchling ships package files
    report = import_delegates(event, DEMO_LIST)
    assert (report.added, report.skipped, report.warnings) == (DEMO_SIZE, [], [])
    people = delegates.all_delegates(event)
    assert all(d.delegation and d.gender and d.birth_year for d in people)
    assert len({d.delegation for d in people}) >= 10
