"""Desk and organizer PINs: salted scrypt hashes, never in clear, never in the journal."""

from __future__ import annotations

import pytest

from data import pins
from data.errors import DaihoiError
from data.store import Event


def test_set_and_check_each_kind(event: Event) -> None:
    assert not pins.has_pin(event, "desk")
    assert not pins.check_pin(event, "desk", "1234")  # no PIN set: nothing opens
    pins.set_pin(event, "desk", "1234")
    pins.set_pin(event, "organizer", "987654")
    assert pins.has_pin(event, "desk") and pins.has_pin(event, "organizer")
    assert pins.check_pin(event, "desk", "1234")
    assert pins.check_pin(event, "desk", " 1234\n")  # typed with stray whitespace
    assert not pins.check_pin(event, "desk", "987654")  # kinds are separate
    assert pins.check_pin(event, "organizer", "987654")
    assert not pins.check_pin(event, "organizer", "98765")


def test_never_stored_or_journaled_in_clear(event: Event) -> None:
    pins.set_pin(event, "organizer", "24681357")
    stored = event.conn.execute("select organizer_pin from event").fetchone()[0]
    assert "24681357" not in stored and stored.startswith("scrypt$")
    dump = "\n".join(event.conn.iterdump())
    assert "24681357" not in dump
    [row] = event.journal_rows("pin.set")
    assert row["payload"] == {"kind": "organizer"}
    pins.set_pin(event, "desk", "24681357")
    desk_hash = event.conn.execute("select desk_pin from event").fetchone()[0]
    assert desk_hash != stored  # salted: the same PIN hashes differently


@pytest.mark.parametrize("bad", ["123", "abcd", "12 34", "١٢٣٤", ""])
def test_short_or_non_digit_pins_are_refused(event: Event, bad: str) -> None:
    with pytest.raises(DaihoiError) as err:
        pins.set_pin(event, "desk", bad)
    assert err.value.key == "pin.too_short"
    assert not pins.has_pin(event, "desk")


def test_unknown_kind(event: Event) -> None:
    with pytest.raises(DaihoiError) as err:
        pins.set_pin(event, "admin", "1234")
    assert err.value.key == "pin.bad_kind"
    with pytest.raises(DaihoiError):
        pins.check_pin(event, "admin", "1234")


def test_new_pin_is_six_digits() -> None:
    made = {pins.new_pin() for _ in range(20)}
    assert all(len(p) == 6 and p.isdigit() for p in made)
    assert len(made) > 1
