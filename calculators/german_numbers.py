"""Reading and writing numbers, money and dates the way German readers type and expect them.

This is the one German formatting module: the calculators and the content (rule figures,
see ``content_model.rule_text``) both write numbers, units, ranges, dates and counts with it,
so a non-breaking space before a unit, "%" or "EUR", an en dash in a range and a singular
after one are decided in one place.

Rules, chosen so that nothing is guessed:

* ``,`` is the decimal separator, ``.`` groups thousands in groups of three ("6.000",
  "1.234,50"); spaces, non-breaking spaces and a trailing unit ("EUR", "€", "%", "h") are
  ignored.
* A dot that cannot be a thousands separator ("1.5", "0.3") is ambiguous for a German reader
  (1,5 or 15?), so it is rejected with a hint instead of being read one way or the other.
* Money is rounded commercially (ROUND_HALF_UP) with :class:`~decimal.Decimal`; floats are
  never used, so 1.234,50 × 1,19 gives 1.469,06 and not 1.469,05.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
PLAIN = re.compile(r"\d+(?:,\d+)?")
DATE_GERMAN = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
DATE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
CENT = Decimal("0.01")
#: Between a number and its unit, "%" or "EUR", so the two never part at a line end.
NBSP = "\u00a0"
#: Joins the ends of a range: "6–8", "60–90 Tage".
EN_DASH = "\u2013"
#: Invisible; forbids a line break where it stands. A browser may break after an en dash
#: ("(0–" at the end of one line, "20 Punkte)" on the next); in a range it must not.
WORD_JOINER = "\u2060"
#: The en dash of a range as it is written: no line break after it (none is allowed before).
RANGE_DASH = f"{EN_DASH}{WORD_JOINER}"


class NumberError(ValueError):
    """A typed value that is not a number or date we can read without guessing."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_number(text: str, *, units: tuple[str, ...] = ()) -> Decimal:
    """Read a German number such as "6.000", "0,3", "30 %" or "1.234,50 EUR"."""
    compact = SPACES.sub("", text).replace("\u2212", "-")
    lowered = compact.lower()
    for unit in sorted(units, key=len, reverse=True):
        if lowered.endswith(unit.lower()):
            compact = compact[: len(compact) - len(unit)]
            break
    negative = compact.startswith("-")
    digits = compact[1:] if negative else compact
    if GROUPED.fullmatch(digits):
        digits = digits.replace(".", "")
    elif not PLAIN.fullmatch(digits):
        raise NumberError(_why_unreadable(digits))
    value = Decimal(digits.replace(",", "."))
    return -value if negative else value


def _why_unreadable(digits: str) -> str:
    if not digits:
        return "Bitte geben Sie eine Zahl ein."
    if re.fullmatch(r"\d+\.\d+", digits):
        comma = digits.replace(".", ",")
        return (
            f"„{digits}“ ist mehrdeutig. Schreiben Sie Dezimalstellen mit Komma "
            f"(z.{NBSP}B. {comma}) und Tausender mit Punkt in Dreiergruppen (z.{NBSP}B. 6.000)."
        )
    return f"„{digits}“ ist keine Zahl. Beispiele: 6.000 oder 0,5."


def parse_date(text: str) -> dt.date:
    """Read a date written as 14.03.2026 (also 4.3.2026) or as 2026-03-14."""
    compact = SPACES.sub("", text)
    german = DATE_GERMAN.fullmatch(compact)
    iso = DATE_ISO.fullmatch(compact)
    try:
        if german:
            day, month, year = (int(group) for group in german.groups())
            return dt.date(year, month, day)
        if iso:
            year, month, day = (int(group) for group in iso.groups())
            return dt.date(year, month, day)
    except ValueError:
        raise NumberError(f"„{compact}“ gibt es im Kalender nicht.") from None
    raise NumberError("Bitte geben Sie ein Datum wie 14.03.2026 ein.")


def round_money(value: Decimal) -> Decimal:
    """Round to cents, commercially (half up), as invoices do."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def format_number(value: Decimal | int, places: int = 2, *, keep_zeros: bool = False) -> str:
    """German digits: "6.000", "1.234,5", "0,25"; trailing zeros go unless ``keep_zeros``."""
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    if not keep_zeros:
        fraction = fraction.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def format_money(value: Decimal, unit: str = "EUR") -> str:
    """Money with cents only where there are any: "6.000 EUR", "1.469,06 EUR"."""
    rounded = round_money(value)
    places = 0 if rounded == rounded.to_integral_value() else 2
    return f"{format_number(rounded, places, keep_zeros=True)}{NBSP}{unit}"


def format_percent(value: Decimal | int, places: int = 1) -> str:
    """A percentage as "30 %" or "92,5 %" (German typography: non-breaking space before "%")."""
    return f"{format_number(value, places)}{NBSP}%"


def format_quantity(value: Decimal | int | str, unit: str) -> str:
    """A number with its unit, kept on one line: "9 Uhr", "6 h", "30 %"."""
    shown = value if isinstance(value, str) else format_number(value)
    return f"{shown}{NBSP}{unit}" if unit else shown


def format_range(first: Decimal | int, last: Decimal | int, unit: str = "") -> str:
    """A range with an en dash: "6–8", "60–90 Tage"; a range of one value is that value.

    The dash is followed by a word joiner (``RANGE_DASH``) and the unit by a non-breaking
    space, so "(0–20 Punkte)" never breaks inside at 390 px; readers see no difference.
    """
    if first == last:
        return format_quantity(first, unit)
    return format_quantity(f"{format_number(first)}{RANGE_DASH}{format_number(last)}", unit)


def plural(count: int, one: str, many: str) -> str:
    """A count with the noun it needs: "1 Punkt", "3 Punkte", "0 Eskalationen".

    Never "(en)" or "(e)" brackets: the sentence names the form that fits the count.
    """
    return f"{count}{NBSP}{one if count == 1 else many}"


def signed_plural(count: int, one: str, many: str) -> str:
    """A change with its sign (typographic minus): "+1 Punkt", "−5 Punkte"."""
    sign = "+" if count >= 0 else "\u2212"
    return f"{sign}{plural(abs(count), one, many)}"


def enumerate_german(items: list[str] | tuple[str, ...], last: str = "und") -> str:
    """Items as a German list: "2", "2 und 3", "2, 3 und 5" (or "… oder 5")."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def line_numbers(lines: list[int] | list[str]) -> str:
    """Where in a list input: "Zeile 2", "Zeilen 2 und 3"."""
    shown = [str(line) for line in lines]
    return f"{'Zeile' if len(shown) == 1 else 'Zeilen'} {enumerate_german(shown)}"


#: A unit as a field names it, with its nominative singular and plural for messages.
UNIT_FORMS: dict[str, tuple[str, str]] = {
    "Punkte": ("Punkt", "Punkte"),
    "Tage": ("Tag", "Tage"),
    "Tagen": ("Tag", "Tage"),
    "Wochen": ("Woche", "Wochen"),
    "Stunden": ("Stunde", "Stunden"),
    "Minuten": ("Minute", "Minuten"),
}


def format_amount(value: Decimal | int, unit: str) -> str:
    """A bound or figure with its unit in the nominative: "60 Tage", "1 Punkt", "30 %"."""
    forms = UNIT_FORMS.get(unit)
    if forms is None:
        return format_quantity(value, unit)
    return format_quantity(value, forms[0] if value == 1 else forms[1])


def format_date(value: dt.date) -> str:
    """A date as German readers write it: 14.03.2026."""
    return value.strftime("%d.%m.%Y")
