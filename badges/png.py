"""Badges as PNG images (label printers, previews), drawn with Pillow from the same layout.

Pixel edges of the QR are rounded from exact module boundaries, so every module is within one
pixel of its true size and the symbol stays square at any resolution.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from data.errors import DaihoiError
from data.outputs import private_file, private_folder

from . import fonts
from .compose import MM_PER_PT, Drawing, Logo, QRCode, Rect, Text

DEFAULT_DPI = 300
"""What label printers print (Brother QL, Zebra at 300 dpi) and enough for a preview."""


@functools.lru_cache(maxsize=256)
def _font(bold: bool, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(
        str(fonts.BOLD if bold else fonts.REGULAR), px, layout_engine=ImageFont.Layout.BASIC
    )


@functools.lru_cache(maxsize=8)
def _logo(path: Path, w: int, h: int) -> Image.Image:
    with Image.open(path) as image:
        return image.convert("RGBA").resize((w, h), Image.Resampling.LANCZOS)


def render(drawing: Drawing, dpi: int = DEFAULT_DPI) -> Image.Image:
    """The badge as an RGB image at ``dpi``."""
    scale = dpi / 25.4

    def px(mm: float) -> int:
        return round(mm * scale)

    image = Image.new("RGB", (px(drawing.width), px(drawing.height)), "white")
    pen = ImageDraw.Draw(image)
    for shape in drawing.shapes:
        if isinstance(shape, Rect):
            x0, y0 = px(shape.x), px(shape.y)
            x1, y1 = px(shape.x + shape.w), px(shape.y + shape.h)
            pen.rectangle([x0, y0, max(x0, x1 - 1), max(y0, y1 - 1)], fill=shape.color)
        elif isinstance(shape, Text):
            font = _font(shape.bold, max(1, round(shape.size * MM_PER_PT * scale)))
            pen.text((shape.x * scale, shape.y * scale), shape.text, font=font,
                     fill=shape.color, anchor="ls")  # fmt: skip
        elif isinstance(shape, QRCode):
            for row, col, length in shape.symbol.runs:
                x0 = px(shape.x + col * shape.module)
                x1 = px(shape.x + (col + length) * shape.module)
                y0 = px(shape.y + row * shape.module)
                y1 = px(shape.y + (row + 1) * shape.module)
                pen.rectangle([x0, y0, x1 - 1, y1 - 1], fill=(0, 0, 0))
        elif isinstance(shape, Logo):
            logo = _logo(shape.path, px(shape.w), px(shape.h))
            image.paste(logo, (px(shape.x), px(shape.y)), logo)
    return image


def prepare(folder: Path) -> None:
    """Make the PNG folder and try writing in it, so a folder that cannot take the images
    refuses before a reprint revokes anyone's badge."""
    try:
        private_folder(folder)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise DaihoiError(
            "badge.cannot_prepare", path=str(folder), reason=exc.strerror or str(exc)
        ) from exc


def write(drawing: Drawing, out: Path, dpi: int = DEFAULT_DPI) -> Path:
    """One badge as a PNG at ``out``; a file that cannot be written is a refusal naming it."""
    image = render(drawing, dpi)
    with private_file(out, "badge.cannot_write") as partial:  # owner-only: it holds a code
        image.save(partial, format="PNG", dpi=(dpi, dpi), optimize=False)
    return out
