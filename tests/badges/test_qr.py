"""The badge QR encoder against the qrcode package it replaces for numeric codes: the same
modules and the same penalty for every mask (so the same mask is chosen), and every symbol
decodes with zxing-cpp."""

from __future__ import annotations

import random

import pytest
import qrcode
import zxingcpp
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M
from qrcode.util import MODE_NUMBER, QRData, lost_point

from badges import png, qr
from badges.compose import Drawing
from badges.compose import QRCode as QRShape


def reference(data: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    numeric = data.isascii() and data.isdigit()
    code.add_data(QRData(data, mode=MODE_NUMBER) if numeric else data, optimize=0)
    return code


def reference_rows(data: str) -> list[int]:
    code = reference(data)
    code.make(fit=True)
    return [sum(1 << c for c, dark in enumerate(row) if dark) for row in code.get_matrix()]


def some_codes(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    lengths = [18] * n + list(range(1, qr.MAX_DIGITS + 1))
    return ["".join(rng.choice("0123456789") for _ in range(k)) for k in lengths]


def test_numeric_symbols_are_the_ones_qrcode_makes_module_for_module() -> None:
    codes = some_codes(400, seed=1) + ["0" * 18, "9" * 18, "0" * 34, "9" * 34, "000001010000000000"]
    mismatched = [c for c in codes if qr.matrix_rows(c) != reference_rows(c)]
    assert mismatched == []


@pytest.mark.parametrize("data", some_codes(6, seed=2)[:6] + ["0" * 18, "1234567"])
def test_each_masks_penalty_is_the_one_qrcode_scores(data: str) -> None:
    _, ours = qr._tables().scores(data)
    code = reference(data)
    code.best_fit()
    theirs = []
    for mask in range(8):
        code.makeImpl(True, mask)  # qrcode's own scoring pass: format modules light
        theirs.append(lost_point(code.modules))
    assert ours == theirs


def test_other_data_still_goes_through_qrcode() -> None:
    for data in [
        "DH-2025-0042",
        "9" * 35,
        "１２３",
    ]:  # letters, too long for version 1, non-ASCII digits
        assert qr.matrix_rows(data) == reference_rows(data)
    assert qr.symbol("9" * 35).size > qr.SIZE


def test_runs_cover_exactly_the_dark_modules() -> None:
    for data in some_codes(30, seed=3):
        rows = qr.matrix_rows(data)
        drawn = [0] * len(rows)
        for row, col, length in qr.symbol(data).runs:
            run = ((1 << length) - 1) << col
            assert drawn[row] & run == 0  # no module drawn twice
            assert rows[row] >> (col + length) & 1 == 0 and (
                col == 0 or rows[row] >> (col - 1) & 1 == 0
            )
            drawn[row] |= run
        assert drawn == rows


def test_every_symbol_decodes() -> None:
    codes = some_codes(60, seed=4)
    module, span = 0.6, qr.SIZE + 2 * qr.QUIET_ZONE
    side = span * module
    for data in codes:
        drawing = Drawing(
            side,
            side,
            (QRShape(qr.QUIET_ZONE * module, qr.QUIET_ZONE * module, module, qr.symbol(data)),),
        )
        image: Image.Image = png.render(drawing, dpi=200)
        (found,) = zxingcpp.read_barcodes(image)
        assert found.text == data and found.ec_level == "M"
