"""Every message exists in both languages, and every key the code uses is in the catalog."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from console import catalog
from console.app import SCREEN_KEYS
from console.i18n import CATALOG, set_lang, t

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    p for pkg in ("console", "data", "programme", "badges") for p in (ROOT / pkg).rglob("*.py")
]
USES = [
    re.compile(r"""\bt\(\s*["']([a-z_]+(?:\.[a-z0-9_]+)+)["']"""),
    re.compile(r"""DaihoiError\(\s*["']([a-z_]+(?:\.[a-z0-9_]+)+)["']"""),
    re.compile(r"""\bhelp=["']([a-z_]+(?:\.[a-z0-9_]+)+)["']"""),
    re.compile(r"""\bkey=["']([a-z_]+(?:\.[a-z0-9_]+)+)["']"""),
    re.compile(r"""["'](key\.[a-z0-9_]+)["']"""),
]


def used_keys() -> set[tuple[str, str]]:
    found = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        for pattern in USES:
            for key in pattern.findall(text):
                found.add((key, str(path.relative_to(ROOT))))
    return found


def test_the_scan_finds_keys() -> None:
    keys = {k for k, _ in used_keys()}
    assert {"event.exists", "cli.init", "key.undo", "verdict.admitted.line"} <= keys


@pytest.mark.parametrize("key,where", sorted(used_keys()))
def test_every_used_key_is_in_the_catalog(key: str, where: str) -> None:
    assert key in CATALOG, f"{where} uses {key!r}, which the catalog lacks"


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    fields = string.Formatter()
    for key, entry in CATALOG.items():
        assert set(entry) == {"vi", "en"}, key
        assert entry["vi"].strip() and entry["en"].strip(), key
        vi = {f for _, f, _, _ in fields.parse(entry["vi"]) if f}
        en = {f for _, f, _, _ in fields.parse(entry["en"]) if f}
        assert vi == en, f"{key}: {vi} != {en}"


def test_areas_do_not_collide() -> None:
    seen: dict[str, str] = {}
    for area in catalog.AREAS:
        for key in area.MESSAGES:
            assert key not in seen, f"{key} in both {seen.get(key)} and {area.__name__}"
            seen[key] = area.__name__


def test_every_screen_has_a_name() -> None:
    for name in [*SCREEN_KEYS, "stage"]:
        assert f"screen.{name}" in CATALOG


def test_language_switch() -> None:
    set_lang("en")
    try:
        assert t("reception.ready") == "Ready to scan."
    finally:
        set_lang("vi")
    assert t("reception.ready") == "Sẵn sàng quét thẻ."


def test_unknown_language_falls_back_to_vietnamese() -> None:
    assert set_lang("fr") == "vi"
