"""Which coloured band a badge carries, and in which colour.

Staff at the door sort people by the band long before they can read a name, so there are only a
few bands and each has one colour. Every delegate category of the approved list (Anh hùng Lao
động, Chiến sĩ thi đua toàn quốc, Điển hình tiên tiến …) is a *delegate* at the door: they all get
the "Đại biểu" band. Guests, organizers, press and service staff get their own.

The band words are printed in Vietnamese whatever the console's language: a badge is a document
of the congress, like the delegate's name and unit.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from data.errors import DaihoiError
from data.text import fold

BANDS: dict[str, str] = {
    "dai_bieu": "Đại biểu",
    "khach_moi": "Khách mời",
    "ban_to_chuc": "Ban tổ chức",
    "phong_vien": "Phóng viên",
    "phuc_vu": "Phục vụ",
}
"""Band key → the word printed on the band."""

DEFAULT_COLORS: dict[str, str] = {
    "dai_bieu": "#C8102E",  # red: the congress's own colour
    "khach_moi": "#1F5FAF",  # blue
    "ban_to_chuc": "#2E7D32",  # green
    "phong_vien": "#E67E22",  # orange
    "phuc_vu": "#616161",  # grey
}

# Folded words of a category → band. Checked in this order; anything else is a delegate.
_BAND_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("khach_moi", ("khach moi", "khach", "guest")),
    ("ban_to_chuc", ("ban to chuc", "btc", "to chuc", "organizer")),
    ("phong_vien", ("phong vien", "bao chi", "nha bao", "press")),
    ("phuc_vu", ("phuc vu", "hau can", "nhan vien", "le tan", "staff")),
]

_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")

RGB = tuple[int, int, int]


def band_of(category: str) -> str:
    """The band key for a delegate category: ``"Anh hùng Lao động"`` → ``"dai_bieu"``."""
    folded = fold(category)
    for band, words in _BAND_WORDS:
        if any(folded == w or folded.startswith(w + " ") for w in words):
            return band
    return "dai_bieu"


def parse_color(value: str) -> RGB:
    """``"#C8102E"`` → ``(200, 16, 46)``; refuses anything else, naming the value."""
    match = _HEX.match(str(value).strip())
    if not match:
        raise DaihoiError("badge.bad_color", value=value)
    digits = match.group(1)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def ink_on(background: RGB) -> RGB:
    """White or black text, whichever reads better on ``background`` (a yellow band gets black)."""
    r, g, b = background
    luminance = 0.299 * r + 0.587 * g + 0.114 * b
    return (0, 0, 0) if luminance > 160 else (255, 255, 255)


@dataclass(frozen=True)
class Style:
    """What every badge of one print run shares: the colours of the bands and the logo."""

    colors: dict[str, RGB] = field(
        default_factory=lambda: {k: parse_color(v) for k, v in DEFAULT_COLORS.items()}
    )
    """Band key → fill colour."""
    logo: Path | None = None
    """An image printed beside the event title (PNG or JPEG), or None."""
    logo_aspect: float = 1.0
    """The logo's width / height, read once so layouts can reserve its box."""


def load_style(colors_file: str | Path | None = None, logo: str | Path | None = None) -> Style:
    """The style of a print run: default colours, overridden by a JSON file, and a logo.

    The JSON file maps band words (or keys) to colours, accents optional:
    ``{"Đại biểu": "#B71C1C", "khach moi": "#0D47A1"}``.
    """
    colors = {k: parse_color(v) for k, v in DEFAULT_COLORS.items()}
    if colors_file:
        path = Path(colors_file)
        try:
            given = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise DaihoiError("badge.bad_colors_file", path=str(path), reason=str(exc)) from exc
        if not isinstance(given, dict):
            raise DaihoiError("badge.bad_colors_file", path=str(path), reason="{…}")
        by_word = {fold(word): key for key, word in BANDS.items()} | {k: k for k in BANDS}
        for name, value in given.items():
            key = by_word.get(fold(name).replace("_", " ")) or by_word.get(str(name))
            if key is None:
                raise DaihoiError("badge.unknown_band", name=name, bands=", ".join(BANDS.values()))
            colors[key] = parse_color(value)
    logo_path: Path | None = None
    aspect = 1.0
    if logo:
        from PIL import Image, UnidentifiedImageError

        logo_path = Path(logo)
        try:
            with Image.open(logo_path) as image:
                aspect = image.width / image.height
        except (OSError, UnidentifiedImageError) as exc:
            raise DaihoiError("badge.bad_logo", path=str(logo_path)) from exc
    return Style(colors=colors, logo=logo_path, logo_aspect=aspect)
