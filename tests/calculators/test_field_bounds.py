"""Typed numbers beyond any real deal get a German message instead of breaking the arithmetic."""

from __future__ import annotations

import pytest

from calculators.boundary import run
from calculators.fields import MAX_DECIMALS, MAX_INTEGER_DIGITS

CONTACTS = "A; 30 %; 6.000; 6"


def answer(team_median: str, contacts: str = CONTACTS) -> dict[str, object]:
    return run("value-per-hour", {"kontakte": contacts, "team_median": team_median})


def test_a_figure_with_sixty_digits_is_refused_not_crashed() -> None:
    # Found by tests/content/test_fuzz.py: rounding it to cents raised InvalidOperation.
    result = answer("9" * 60)
    assert result["ok"] is False
    assert result["errors"] == {
        "team_median": f"„Team-Median“ ist zu groß: höchstens {MAX_INTEGER_DIGITS} "
        "Stellen vor dem Komma."
    }


@pytest.mark.parametrize(
    ("typed", "accepted"),
    [
        ("9" * MAX_INTEGER_DIGITS, True),
        ("1" + "0" * MAX_INTEGER_DIGITS, False),
        ("999.999.999.999", True),
        ("1.000.000.000.000", False),
        ("0," + "0" * (MAX_DECIMALS - 1) + "1", True),
        ("0," + "0" * MAX_DECIMALS + "1", False),
        ("250,500000000", True),  # trailing zeros are no precision
    ],
)
def test_size_and_precision_bounds(typed: str, accepted: bool) -> None:
    assert answer(typed)["ok"] is accepted


def test_the_largest_figures_allowed_still_compute_to_the_cent() -> None:
    extreme = f"A; 100 %; {'9' * MAX_INTEGER_DIGITS}; 0,{'0' * (MAX_DECIMALS - 1)}1"
    result = answer("9" * MAX_INTEGER_DIGITS, contacts=extreme)
    assert result["ok"] is True


def test_a_bad_cell_names_its_line() -> None:
    result = answer("250", contacts=f"A; 30 %; 6.000; 0,{'0' * MAX_DECIMALS}1")
    errors = result["errors"]
    assert isinstance(errors, dict)
    assert str(errors["kontakte"]).startswith("Zeile 1, Stunden bis zur Entscheidung:")
    assert f"höchstens {MAX_DECIMALS} Stellen nach dem Komma" in str(errors["kontakte"])
