"""The workshop page's QR codes: the SVG path draws exactly segno's modules."""

from __future__ import annotations

import re

import pytest

from content_model.workshop import QR_BORDER, qr_code, qr_path, qr_svg

STROKE = re.compile(r"([Mm])(-?\d+) (-?\d+)(?:\.5)?h(\d+)")


def drawn_modules(path: str) -> set[tuple[int, int]]:
    """The (x, y) modules a path of horizontal strokes covers, following its pen."""
    modules: set[tuple[int, int]] = set()
    pen_x = pen_y = 0
    for command, x, y, length in STROKE.findall(path):
        if command == "M":
            pen_x, pen_y = int(x), int(y)
        else:
            pen_x, pen_y = pen_x + int(x), pen_y + int(y)
        modules.update((pen_x + step, pen_y) for step in range(int(length)))
        pen_x += int(length)
    return modules


def dark_modules(matrix: list[bytearray], border: int) -> set[tuple[int, int]]:
    return {
        (x + border, y + border)
        for y, row in enumerate(matrix)
        for x, dark in enumerate(row)
        if dark
    }


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:8000/",
        "https://playbook.example.org/gespraech/gespraech-als-steuerung/#schritt-mappe",
        "https://playbook.example.org/kunden-aufgeben/wert-pro-stunde/#rechner-value-per-hour:"
        "kontakte=A%3B+30+%25%3B+6.000%3B+6&team_median=250",
    ],
)
def test_the_path_covers_every_dark_module_and_nothing_else(address: str) -> None:
    code = qr_code(address)
    matrix = [bytearray(row) for row in code.matrix]
    path = qr_path(matrix)
    assert STROKE.sub("", path) == ""  # nothing but strokes
    assert drawn_modules(path) == dark_modules(matrix, QR_BORDER)


def test_a_row_that_starts_dark_and_rows_without_modules() -> None:
    matrix = [bytearray([1, 1, 0, 1]), bytearray(4), bytearray([0, 0, 0, 1])]
    assert qr_path(matrix, border=0) == "M0 0.5h2m1 0h1m-1 2h1"
    assert drawn_modules(qr_path(matrix, border=2)) == dark_modules(matrix, 2)


def test_the_svg_is_sized_with_its_quiet_zone_and_hidden_from_screen_readers() -> None:
    address = "https://playbook.example.org/workshop/"
    code = qr_code(address)
    size = len(code.matrix) + 2 * QR_BORDER
    svg = str(qr_svg(address))
    assert svg.startswith(f'<svg aria-hidden="true" focusable="false" viewBox="0 0 {size} {size}"')
    assert f'd="{qr_path(code.matrix)}"' in svg
