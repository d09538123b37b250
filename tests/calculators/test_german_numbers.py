"""German numbers and dates: what is read, what is refused, how figures are written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from calculators.german_numbers import (
    NumberError,
    enumerate_german,
    format_amount,
    format_date,
    format_money,
    format_number,
    format_percent,
    format_quantity,
    format_range,
    line_numbers,
    parse_date,
    parse_number,
    plural,
    signed_plural,
)

UNITS = ("EUR", "€", "%", "h")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6.000", "6000"),
        ("0,3", "0.3"),
        ("30 %", "30"),
        ("30%", "30"),
        ("1.234,50 EUR", "1234.50"),
        ("1.234,50 €", "1234.50"),
        ("1\u00a0234,50", "1234.50"),
        ("1\u202f234", "1234"),
        ("1.234.567", "1234567"),
        ("-5", "-5"),
        ("\u22125", "-5"),
        ("12,5 h", "12.5"),
        ("  7  ", "7"),
    ],
)
def test_reads_german_numbers(text: str, expected: str) -> None:
    assert parse_number(text, units=UNITS) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1.5", "„1.5“ ist mehrdeutig. Schreiben Sie Dezimalstellen mit Komma (z.\u00a0B. 1,5)"),
        ("0.30", "„0.30“ ist mehrdeutig"),
        ("1,2,3", "„1,2,3“ ist keine Zahl"),
        ("abc", "„abc“ ist keine Zahl"),
        ("12.34.5", "„12.34.5“ ist keine Zahl"),
        ("", "Bitte geben Sie eine Zahl ein."),
        ("EUR", "Bitte geben Sie eine Zahl ein."),
    ],
)
def test_refuses_what_it_would_have_to_guess(text: str, message: str) -> None:
    with pytest.raises(NumberError) as raised:
        parse_number(text, units=UNITS)
    assert raised.value.message.startswith(message)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14.03.2026", dt.date(2026, 3, 14)),
        ("4.3.2026", dt.date(2026, 3, 4)),
        ("2026-03-14", dt.date(2026, 3, 14)),
    ],
)
def test_reads_dates(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31.02.2026", "„31.02.2026“ gibt es im Kalender nicht."),
        ("morgen", "Bitte geben Sie ein Datum wie 14.03.2026 ein."),
        ("03/14/2026", "Bitte geben Sie ein Datum"),
    ],
)
def test_refuses_impossible_dates(text: str, message: str) -> None:
    with pytest.raises(NumberError) as raised:
        parse_date(text)
    assert raised.value.message.startswith(message)


def test_money_is_rounded_commercially_not_as_floats_would() -> None:
    assert 1234.50 * 1.19 < 1469.055  # the float result that would round down
    assert format_money(Decimal("1234.50") * Decimal("1.19")) == "1.469,06\u00a0EUR"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (format_money(Decimal(6000)), "6.000\u00a0EUR"),
        (format_money(Decimal("0.5")), "0,50\u00a0EUR"),
        (format_money(Decimal("-1234567.891")), "-1.234.567,89\u00a0EUR"),
        (format_number(Decimal("1234.5")), "1.234,5"),
        (format_number(Decimal("0.125")), "0,13"),
        (format_percent(Decimal("92.5")), "92,5\u00a0%"),
        (format_percent(Decimal(90), 0), "90\u00a0%"),
        (format_date(dt.date(2026, 3, 4)), "04.03.2026"),
    ],
)
def test_writes_figures_the_german_way(value: str, expected: str) -> None:
    assert value == expected


def test_money_roundtrips_through_its_own_format() -> None:
    value = Decimal("98765.43")
    assert parse_number(format_money(value), units=UNITS) == value


def test_one_module_writes_units_ranges_and_counts_the_german_way() -> None:
    """Non-breaking space before every unit, en dash in ranges, singular after one."""
    assert format_quantity(9, "Uhr") == "9\u00a0Uhr"
    assert format_range(6, 8) == "6\u2013\u20608"  # no break after the dash
    assert format_range(60, 90, "Tage") == "60\u2013\u206090\u00a0Tage"
    assert format_range(30, 30, "Tage") == "30\u00a0Tage"
    assert plural(1, "Punkt", "Punkte") == "1\u00a0Punkt"
    assert plural(0, "Eskalation", "Eskalationen") == "0\u00a0Eskalationen"
    assert signed_plural(1, "Punkt", "Punkte") == "+1\u00a0Punkt"
    assert signed_plural(-6, "Punkt", "Punkte") == "\u22126\u00a0Punkte"
    assert line_numbers([2]) == "Zeile 2"
    assert line_numbers([2, 3]) == "Zeilen 2 und 3"
    assert line_numbers([2, 3, 5]) == "Zeilen 2, 3 und 5"
    assert enumerate_german(["ja", "spät", "nein"], "oder") == "ja, spät oder nein"
    assert format_amount(Decimal(60), "Tagen") == "60\u00a0Tage"
    assert format_amount(Decimal(1), "Punkte") == "1\u00a0Punkt"
    assert format_amount(Decimal(100), "%") == "100\u00a0%"
