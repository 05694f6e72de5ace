"""Badge codes (Part 2): digits only, signed, versioned, readable, forgiving of how they are typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from data import codes, delegates
from data.errors import DaihoiError
from data.store import Event

SECRET = bytes(range(32))


def test_a_code_is_18_digits_with_id_version_and_signature() -> None:
    code = codes.make_code(SECRET, 123, 1)
    assert code.isascii() and code.isdigit()
    assert len(code) == codes.CODE_DIGITS == 18 <= 20
    assert code.startswith("00012301")
    parsed = codes.parse(SECRET, code)
    assert parsed == codes.ParsedCode(code, 123, 1)


def test_human_form_groups_of_three_and_reads_back() -> None:
    code = codes.make_code(SECRET, 7, 2)
    printed = codes.human(code)
    assert printed.split() == [code[i : i + 3] for i in range(0, 18, 3)]
    assert codes.parse(SECRET, printed) == codes.parse(SECRET, code)


@pytest.mark.parametrize(
    "typed",
    [
        "{c}",
        "{h}",
        "  {c}\n",
        "{d}",
        "]Q1{c}",  # the symbology identifier some scanners send before a QR's data
        "mã: {h}.",
        "{c}\r\n",
    ],
)
def test_spaces_dashes_and_stray_characters_are_ignored(typed: str) -> None:
    code = codes.make_code(SECRET, 42, 3)
    text = typed.format(c=code, h=codes.human(code), d=codes.human(code).replace(" ", "-"))
    parsed = codes.parse(SECRET, text)
    assert parsed is not None and parsed.delegate_id == 42 and parsed.version == 3


def test_full_width_digits_from_an_input_method_read_as_ascii() -> None:
    code = codes.make_code(SECRET, 42, 1)
    wide = "".join(chr(ord("０") + int(c)) for c in code)
    assert codes.digits_of(wide) == code
    assert codes.parse(SECRET, wide) == codes.parse(SECRET, code)


def test_every_single_digit_mistake_is_caught() -> None:
    code = codes.make_code(SECRET, 314, 1)
    for i in range(len(code)):
        for d in "0123456789":
            if d != code[i]:
                assert codes.parse(SECRET, code[:i] + d + code[i + 1 :]) is None, (i, d)


def test_swapped_neighbours_missing_and_extra_digits_are_invalid() -> None:
    code = codes.make_code(SECRET, 314, 1)
    for i in range(len(code) - 1):
        if code[i] != code[i + 1]:
            swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
            assert codes.parse(SECRET, swapped) is None
    assert codes.parse(SECRET, code[:-1]) is None
    assert codes.parse(SECRET, code + "0") is None
    assert codes.parse(SECRET, "") is None


def test_another_events_badge_is_invalid() -> None:
    other = codes.make_code(bytes(32), 5, 1)
    assert codes.parse(SECRET, other) is None


def test_zero_id_or_version_never_parse() -> None:
    assert codes.parse(SECRET, "000000" + "01" + "0" * 10) is None
    with pytest.raises(DaihoiError) as err:
        codes.make_code(SECRET, 0, 1)
    assert err.value.key == "code.out_of_range"
    with pytest.raises(DaihoiError):
        codes.make_code(SECRET, 1, 100)


@given(st.integers(1, codes.MAX_ID), st.integers(1, codes.MAX_VERSION))
def test_round_trip_for_any_id_and_version(delegate_id: int, version: int) -> None:
    code = codes.make_code(SECRET, delegate_id, version)
    assert codes.parse(SECRET, codes.human(code)) == codes.ParsedCode(code, delegate_id, version)


@given(st.text(max_size=40))
def test_parse_never_raises_and_only_accepts_signed_codes(text: str) -> None:
    parsed = codes.parse(SECRET, text)
    if parsed is not None:
        assert parsed.code == codes.make_code(SECRET, parsed.delegate_id, parsed.version)


def test_looks_like_code_tells_scans_from_names() -> None:
    code = codes.make_code(SECRET, 9, 1)
    assert codes.looks_like_code(code)
    assert codes.looks_like_code(codes.human(code))
    assert codes.looks_like_code("-".join([code[:9], code[9:]]))
    assert not codes.looks_like_code("Nguyễn Thị Hoa")
    assert not codes.looks_like_code("hoa 1980")


def test_codes_are_issued_on_import_and_reprint_revokes(event: Event, clock) -> None:  # type: ignore[no-untyped-def]
    delegates.upsert(event, [{"name": "Nguyễn Thị Hoa", "unit": "Sở Y tế"}])
    [(delegate_id, first, version)] = codes.current_codes(event)
    assert version == 1
    assert codes.parse(event.secret(), first).delegate_id == delegate_id  # type: ignore[union-attr]
    clock.advance(minutes=40)
    second = codes.reissue(event, delegate_id, reason="mất thẻ")
    assert codes.current_codes(event) == [(delegate_id, second, 2)]
    old = codes.state(event, codes.parse(event.secret(), first))  # type: ignore[arg-type]
    assert old.revoked_at is not None and old.revoked_at.startswith("2025-09-20T08:10")
    new = codes.state(event, codes.parse(event.secret(), second))  # type: ignore[arg-type]
    assert new.revoked_at is None
    [row] = event.journal_rows("badge.reissued")
    assert row["payload"] == {"delegate_id": delegate_id, "version": 2, "reason": "mất thẻ"}


def test_reprint_of_nobody_is_refused(event: Event) -> None:
    with pytest.raises(DaihoiError) as err:
        codes.reissue(event, 99)
    assert err.value.key == "delegate.unknown"
    assert event.journal_rows("badge.reissued") == []


def test_two_events_sign_differently(tmp_path: Path) -> None:
    with (
        Event.create(tmp_path / "a.db", title="A") as a,
        Event.create(tmp_path / "b.db", title="B") as b,
    ):
        assert a.secret() != b.secret()
        assert codes.make_code(a.secret(), 1, 1) != codes.make_code(b.secret(), 1, 1)
