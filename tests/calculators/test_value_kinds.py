"""The narrowing helpers hand a checked value on unchanged and refuse one of another kind.

A mismatch means a calculator reads a field as a kind its own declaration does not give it:
a bug that must fail loudly, not a number silently treated as a date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from calculators.fields import Value, as_date, as_decimal, as_int, as_rows

DAY = dt.date(2026, 11, 30)
ROWS: list[dict[str, Value]] = [{"name": "A", "_line": 1}]


@pytest.mark.parametrize(
    ("narrow", "value"),
    [(as_decimal, Decimal("2.5")), (as_int, 3), (as_date, DAY), (as_rows, ROWS)],
)
def test_a_value_of_the_declared_kind_passes_unchanged(
    narrow: Callable[[Value], object], value: Value
) -> None:
    assert narrow(value) is value


@pytest.mark.parametrize(
    ("narrow", "value"),
    [
        (as_decimal, 3),
        (as_decimal, "2,5"),
        (as_int, Decimal(3)),
        (as_int, None),
        (as_int, True),
        (as_date, "30.11.2026"),
        (as_rows, "A; 30 %"),
    ],
)
def test_a_value_of_another_kind_is_refused(
    narrow: Callable[[Value], object], value: Value
) -> None:
    with pytest.raises(TypeError, match="expected"):
        narrow(value)
