"""Typed numbers beyond any real deal get a German message instead of breaking the arithmetic."""

from __future__ import annotations

import pytest

from calculators.boundary import run
from calculators.fields import EARLIEST_YEAR, LATEST_YEAR, MAX_DECIMALS, MAX_INTEGER_DIGITS
from tests.calculators.playbook_rules import PLAYBOOK_RULES

CONTACTS = "A; 30 %; 6.000; 6"


def answer(team_median: str, contacts: str = CONTACTS) -> dict[str, object]:
    fields = {"kontakte": contacts, "team_median": team_median}
    return run("value-per-hour", fields, rules=PLAYBOOK_RULES)


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


def commitments(agreed: str, due: str = "17.03.2026") -> dict[str, object]:
    return run(
        "commitment-tracker",
        {
            "vereinbart_am": agreed,
            "heute": agreed,
            "massnahmen": f"Testdaten liefern; Herr Brandt; {due}; ja",
        },
        rules=PLAYBOOK_RULES,
    )


def test_a_date_at_the_end_of_the_calendar_is_refused_not_crashed() -> None:
    # Found by tests/content/test_fuzz.py: adding the 30 days raised OverflowError.
    result = commitments("20.12.9999")
    assert result["ok"] is False
    bounds = f"Bitte geben Sie ein Datum zwischen {EARLIEST_YEAR} und {LATEST_YEAR} ein."
    assert result["errors"] == {
        "vereinbart_am": bounds,
        "heute": bounds,
    }


@pytest.mark.parametrize(
    ("agreed", "accepted"),
    [
        (f"01.01.{EARLIEST_YEAR}", True),
        (f"31.12.{EARLIEST_YEAR - 1}", False),
        (f"31.12.{LATEST_YEAR}", True),
        (f"01.01.{LATEST_YEAR + 1}", False),
    ],
)
def test_year_bounds(agreed: str, accepted: bool) -> None:
    assert commitments(agreed, due=agreed)["ok"] is accepted


def test_a_date_in_a_line_is_bounded_too() -> None:
    errors = commitments("02.03.2026", due="31.12.9999")["errors"]
    assert isinstance(errors, dict)
    assert str(errors["massnahmen"]).startswith("Zeile 1, Fällig am:")
