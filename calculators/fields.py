"""Input declarations: one per field, used to render the form, to validate and to document.

A :class:`Field` says everything about an input once: its name, German label, kind, unit,
range, default and help text, and which fact of the source material it serves. The form in
the page, the check of a typed value and the documentation table all read from it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from calculators.german_numbers import (
    NumberError,
    enumerate_german,
    format_amount,
    format_number,
    format_percent,
    parse_date,
    parse_number,
)
from calculators.problems import FieldError

Kind = Literal["decimal", "integer", "percent", "money", "hours", "date", "choice", "text", "lines"]

UNITS: dict[str, tuple[str, ...]] = {
    "percent": ("%", "prozent"),
    "money": ("EUR", "€", "Euro", "EUR/h", "€/h"),
    "hours": ("h", "Std.", "Std", "Stunden"),
}
INPUT_MODES: dict[str, str] = {
    "decimal": "decimal",
    "percent": "decimal",
    "money": "decimal",
    "hours": "decimal",
    "integer": "numeric",
    "date": "numeric",
}

Value = Decimal | int | dt.date | str | list[dict[str, "Value"]] | None
Row = dict[str, Value]


# A calculator receives its checked values as ``Value``; which kind each one has follows from
# its own Field declaration. These narrow a value to that kind for the type checker, and fail
# loudly where a declaration and the code that reads it disagree (a bug, never user input).


def as_decimal(value: Value) -> Decimal:
    """A checked decimal, percent, money or hours value."""
    if not isinstance(value, Decimal):
        raise TypeError(f"expected a Decimal, got {type(value).__name__}")
    return value


def as_int(value: Value) -> int:
    """A checked integer value (never a bool, which Python counts as an int)."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected an int, got {type(value).__name__}")
    return value


def as_date(value: Value) -> dt.date:
    """A checked date value."""
    if not isinstance(value, dt.date):
        raise TypeError(f"expected a date, got {type(value).__name__}")
    return value


def as_rows(value: Value) -> list[Row]:
    """The checked rows of a ``lines`` input."""
    if not isinstance(value, list):
        raise TypeError(f"expected rows, got {type(value).__name__}")
    return value


#: Cells of a list input are separated by semicolons (or tabs, when pasted from a sheet).
CELL_SEPARATOR = re.compile(r"\s*[;\t]\s*")
MAX_ROWS = 200
MAX_REPORTED = 5
#: Plausible size and precision of a typed number. Within these bounds every result the
#: calculators form keeps well under the 28 significant digits of Python's decimal
#: arithmetic, so it can always be rounded to cents; beyond them a figure is a typing slip,
#: not a deal.
MAX_INTEGER_DIGITS = 12
MAX_DECIMALS = 6
#: Plausible years of a typed date. The calculators add and subtract weeks and months to a
#: date; within these years that never leaves the calendar Python can count (1 to 9999).
EARLIEST_YEAR = 1900
LATEST_YEAR = 2199


@dataclass(frozen=True)
class Field:
    """The declaration of one input of a calculator."""

    name: str
    label: str
    kind: Kind
    help: str = ""
    fact: str = ""
    unit: str = ""
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    minimum_exclusive: bool = False
    default: str = ""
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()
    """For ``choice``: earlier spellings (typed text, value) still accepted, never offered."""
    row: tuple[Field, ...] = ()
    """For ``lines``: the columns of each line, each checked like a single input."""
    step: Decimal | None = None
    """For numbers: only multiples of ``step`` (counted from ``minimum``) are accepted."""

    @property
    def columns(self) -> str:
        """For ``lines``: how one line is written, e.g. "Kontakt; Marge in EUR"."""
        return "; ".join(
            f"{cell.label} in {cell.unit}" if cell.unit else cell.label for cell in self.row
        )

    @property
    def inputmode(self) -> str:
        """The on-screen keyboard a phone should offer for this field."""
        return INPUT_MODES.get(self.kind, "text")

    def parse(self, raw: str) -> Value:
        """Turn what a person typed into a typed value, or raise FieldError in German."""
        text = raw.strip()
        if not text:
            if self.required:
                raise FieldError(self.name, f"Bitte füllen Sie „{self.label}“ aus.")
            return None
        if self.kind == "choice":
            wanted = _folded(text)
            for value, label in self.choices:
                if wanted in (_folded(value), _folded(label)):
                    return value
            for former, value in self.aliases:
                if wanted == _folded(former):
                    return value
            labels = enumerate_german([value for value, _ in self.choices], "oder")
            raise FieldError(self.name, f"„{text}“ passt nicht. Möglich sind: {labels}.")
        if self.kind == "lines":
            return self._parse_rows(text)
        if self.kind == "text":
            return text
        try:
            if self.kind == "date":
                return self._check_year(parse_date(text))
            number = parse_number(text, units=UNITS.get(self.kind, ()))
        except NumberError as error:
            raise FieldError(self.name, error.message) from None
        self._check_digits(number)
        self._check_share_slip(text, number)
        self._check_range(number)
        if self.kind == "integer" and number != number.to_integral_value():
            raise FieldError(self.name, "Bitte geben Sie eine ganze Zahl ein.")
        self._check_step(number)
        return int(number) if self.kind == "integer" else number

    def _check_year(self, day: dt.date) -> dt.date:
        if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            raise FieldError(
                self.name,
                f"„{self.label}“: Bitte geben Sie ein Datum zwischen {EARLIEST_YEAR} und "
                f"{LATEST_YEAR} ein.",
            )
        return day

    def _parse_rows(self, text: str) -> list[Row]:
        """One entry per line; every bad cell is reported with its line and column."""
        rows: list[Row] = []
        problems: list[str] = []
        lines = [(number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
        if len(lines) > MAX_ROWS:
            raise FieldError(self.name, f"Bitte geben Sie höchstens {MAX_ROWS} Zeilen ein.")
        for number, line in lines:
            cells = CELL_SEPARATOR.split(line.strip())
            if len(cells) > len(self.row):
                problems.append(
                    f"Zeile {number}: {len(cells)} Angaben statt höchstens {len(self.row)} "
                    f"({self.columns})."
                )
                continue
            cells += [""] * (len(self.row) - len(cells))
            row: Row = {"_line": number}
            for cell, raw in zip(self.row, cells, strict=True):
                try:
                    row[cell.name] = cell.parse(raw)
                except FieldError as problem:
                    problems.append(f"Zeile {number}, {cell.label}: {problem.message}")
            rows.append(row)
        if problems:
            more = len(problems) - MAX_REPORTED
            suffix = f" (und {more} weitere)" if more > 0 else ""
            raise FieldError(self.name, " ".join(problems[:MAX_REPORTED]) + suffix)
        return rows

    def _check_digits(self, number: Decimal) -> None:
        if number.is_zero():
            return
        exact = number.normalize()
        if exact.adjusted() + 1 > MAX_INTEGER_DIGITS:
            limit = f"höchstens {MAX_INTEGER_DIGITS} Stellen vor dem Komma"
            raise FieldError(self.name, f"„{self.label}“ ist zu groß: {limit}.")
        exponent = exact.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
            raise FieldError(
                self.name, f"„{self.label}“: höchstens {MAX_DECIMALS} Stellen nach dem Komma."
            )

    def _check_share_slip(self, text: str, number: Decimal) -> None:
        """A share written as a fraction ("0,3" for 30 %) where a percentage is expected.

        Read as it stands it would be 0,3 % and give a silently wrong answer, so it is refused
        with the likely meaning. Whoever really means a fraction of a percent types the sign
        ("0,3 %"), which is accepted.
        """
        if self.kind != "percent" or "%" in text or not Decimal(0) < number < Decimal(1):
            return
        typed, meant = format_percent(number, 2), format_percent(number * 100, 2)
        raise FieldError(
            self.name,
            f"{typed} – meinten Sie {meant}? Bitte geben Sie den Anteil in Prozent ein; wenn Sie "
            f"wirklich {typed} meinen, schreiben Sie „{typed}“.",
        )

    def _check_range(self, number: Decimal) -> None:
        if self.minimum is not None:
            too_small = number <= self.minimum if self.minimum_exclusive else number < self.minimum
            if too_small:
                bound = "größer als" if self.minimum_exclusive else "mindestens"
                shown = format_amount(self.minimum, self.unit)
                raise FieldError(self.name, f"„{self.label}“ muss {bound} {shown} sein.")
        if self.maximum is not None and number > self.maximum:
            shown = format_amount(self.maximum, self.unit)
            raise FieldError(self.name, f"„{self.label}“ darf höchstens {shown} sein.")

    def _check_step(self, number: Decimal) -> None:
        """A scale in steps (0, 5, 10, …) names the two allowed values around a typed one."""
        if self.step is None:
            return
        base = self.minimum if self.minimum is not None else Decimal(0)
        below = base + (number - base) // self.step * self.step
        if below == number:
            return
        nearest = [below, below + self.step]
        if self.maximum is not None:
            nearest = [value for value in nearest if value <= self.maximum]
        shown = " oder ".join(_shown(value) for value in nearest)
        raise FieldError(
            self.name,
            f"„{self.label}“ wird in Schritten vergeben (Schrittweite "
            f"{format_amount(self.step, self.unit)}): Bitte geben Sie {shown} ein.",
        )


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _folded(text: str) -> str:
    """A choice as typed, compared without case and umlauts: "spät" matches "spaet"."""
    return text.casefold().translate(_UMLAUTS)


def _shown(bound: Decimal) -> str:
    return format_number(bound)
