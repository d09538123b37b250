"""Input declarations: one per field, used to render the form, to validate and to document.

A :class:`Field` says everything about an input once: its name, German label, kind, unit,
range, default and help text, and which fact of the source material it serves. The form in
the page, the check of a typed value and the documentation table all read from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from calculators.german_numbers import (
    NumberError,
    enumerate_german,
    format_amount,
    format_number,
    parse_date,
    parse_number,
)
from calculators.problems import FieldError
from calculators.slips import value_hints

Kind = Literal["decimal", "integer", "percent", "money", "hours", "date", "choice", "text", "lines"]
#: A likely slip a value is checked for besides its kind (see ``Field.slip``).
Slip = Literal["", "minutes", "order-value", "workday"]
#: How the form presents an input, derived from its declaration (``Field.presentation``).
Presentation = Literal["levels", "options", "select", "stepper", "date", "lines", "text"]

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


#: Cells of a list input are separated by semicolons (or tabs, when pasted from a sheet) and
#: written joined by "; ". A cell that holds a separator itself is written in double quotes,
#: a quote inside it doubled, as spreadsheets write CSV: "Preise prüfen; Angebot senden".
CELL_SEPARATORS = ";\t"
CELL_JOINER = "; "
CELL_QUOTE = '"'
#: What a phone may type for a double quote: iOS's smart punctuation (and word processors)
#: turn it into „ and “ on a German keyboard, “ and ” on an English one. Opening quote -> the
#: closing quotes that end it.
TYPOGRAPHIC_QUOTES = {"„": "“”", "“": "”"}
#: A cell that starts with one of these is written in double quotes, so that it is read
#: back as typed (``join_cells``; the row editor writes cells the same way).
CELL_OPENING_QUOTES = CELL_QUOTE + "".join(TYPOGRAPHIC_QUOTES)


def split_cells(line: str) -> list[str]:
    """The cells of one line of a list input, each stripped of the spaces around it.

    A cell wholly in double quotes keeps every separator inside; "" in it is one quote. So
    does a cell wholly in typographic quotes („…“ or “…”) that holds a separator, as a phone
    writes the quotes; without a separator inside, such quotes are part of the text
    („Nordlicht“ stays as typed). Any other quote is just a character: 5", "Bau" KG and a
    quote never closed stay as typed.
    """
    cells: list[str] = []
    index = 0
    while True:
        start = _skip_spaces(line, index)
        quoted = _quoted_cell(line, start)
        if quoted is None:
            end = start
            while end < len(line) and line[end] not in CELL_SEPARATORS:
                end += 1
            text, index = line[start:end], end
        else:
            text, index = quoted
        cells.append(text.strip())
        if index >= len(line):
            return cells
        index += 1  # the separator


def _skip_spaces(line: str, index: int) -> int:
    while index < len(line) and line[index].isspace() and line[index] not in CELL_SEPARATORS:
        index += 1
    return index


def _quoted_cell(line: str, start: int) -> tuple[str, int] | None:
    """The text of a cell wholly in quotes at ``start``, and where its separator is.

    None when the cell does not start with a quote, or its closing quote is missing or
    followed by more than spaces before the next separator.
    """
    if start < len(line) and line[start] in TYPOGRAPHIC_QUOTES:
        return _typographic_cell(line, start)
    if not line.startswith(CELL_QUOTE, start):
        return None
    parts: list[str] = []
    index = start + 1
    while True:
        close = line.find(CELL_QUOTE, index)
        if close < 0:
            return None
        if line.startswith(CELL_QUOTE * 2, close):
            parts.append(line[index : close + 1])
            index = close + 2
            continue
        after = _separator_after(line, close)
        if after is None:
            return None
        parts.append(line[index:close])
        return "".join(parts), after


def _separator_after(line: str, close: int) -> int | None:
    """Where the separator (or the line's end) after a closing quote is.

    None when more than spaces come first: then the quote did not close the cell.
    """
    after = _skip_spaces(line, close + 1)
    if after < len(line) and line[after] not in CELL_SEPARATORS:
        return None
    return after


def _typographic_cell(line: str, start: int) -> tuple[str, int] | None:
    """Like ``_quoted_cell``, for a cell in „…“ or “…” (no doubling inside).

    Only when the text between the quotes holds a separator, and no second opening quote
    (a quote left open, as in „Nordlicht; „Südwind“): otherwise the quotes are the text's own.
    """
    closings = TYPOGRAPHIC_QUOTES[line[start]]
    close = next((index for index in range(start + 1, len(line)) if line[index] in closings), -1)
    if close < 0:
        return None
    after = _separator_after(line, close)
    text = line[start + 1 : close]
    if after is None or line[start] in text:
        return None
    if not any(separator in text for separator in CELL_SEPARATORS):
        return None
    return text, after


def join_cells(cells: list[str]) -> str:
    """One row as a line of the value: the inverse of ``split_cells``.

    Cells are stripped and joined by "; "; empty cells at the end are left out. A cell that
    holds a separator, or starts with a quote of ``CELL_OPENING_QUOTES``, is quoted, so it
    is read back as one cell, as typed.
    """
    kept = [cell.strip() for cell in cells]
    while kept and not kept[-1]:
        kept.pop()
    return CELL_JOINER.join(_quoted(cell) for cell in kept)


def _quoted(cell: str) -> str:
    if cell.startswith(tuple(CELL_OPENING_QUOTES)) or any(char in cell for char in CELL_SEPARATORS):
        return CELL_QUOTE + cell.replace(CELL_QUOTE, CELL_QUOTE * 2) + CELL_QUOTE
    return cell


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
#: A choice with at most this many options is shown as a group of radio buttons, all options
#: in view and one tap each; a longer list stays a select, which would otherwise fill a phone.
MAX_OPTIONS = 4
#: A scale with levels (the score questions) is shown as options while it has at most this
#: many; a team that scores in finer steps gets a stepper, as a long row of options would not
#: fit a phone.
MAX_LEVEL_OPTIONS = 6
#: A bounded whole number (a count) gets − and + buttons while it has at most this many
#: values. The page steps through the values Python listed (``stepper_values``), so it never
#: counts itself; a wider range (hundreds of approvals) is typed.
MAX_STEPPER_VALUES = 101


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
    slip: Slip = ""
    """A likely slip answered with a hint, never refused (``calculators.slips``, ``.hints``):
    "minutes" (hours per contact that read like minutes), "order-value" (a margin far above
    the other rows' margins), "workday" (a date to act on that falls on a day off)."""
    levels: tuple[tuple[str, str], ...] = ()
    """For a scale: every allowed value as typed ("15") with what it means, lowest first.

    The form offers them as labelled options; the value Python receives stays the typed text,
    so validation, links and presets do not change.
    """

    @property
    def presentation(self) -> Presentation:
        """How the form shows this input, read from what the declaration already says.

        Levels become options while they fit a phone, short choices become options, bounded
        counts a stepper, dates a text field with a calendar; everything else is typed.
        """
        if self.levels and len(self.levels) <= MAX_LEVEL_OPTIONS:
            return "levels"
        if self.kind == "choice":
            return "options" if len(self.choices) <= MAX_OPTIONS else "select"
        if self.stepper_values:
            return "stepper"
        if self.kind in ("date", "lines"):
            return self.kind
        return "text"

    @property
    def stepper_values(self) -> tuple[str, ...]:
        """For a bounded whole number: every allowed value as typed, lowest first.

        The stepper's − and + move to the neighbour in this list, so the page does no
        arithmetic; a range too wide to list is left to typing (empty tuple).
        """
        if self.kind != "integer" or self.minimum is None or self.maximum is None:
            return ()
        step = self.step or Decimal(1)
        low = self.minimum + step if self.minimum_exclusive else self.minimum
        count = int((self.maximum - low) // step) + 1
        if not 0 < count <= MAX_STEPPER_VALUES:
            return ()
        return tuple(_shown(low + index * step) for index in range(count))

    @property
    def iso_default(self) -> str:
        """For a date: the default as the browser's date picker writes it (2026-03-02), or ""."""
        if self.kind != "date" or not self.default:
            return ""
        try:
            return parse_date(self.default).isoformat()
        except NumberError:
            return ""

    @property
    def columns(self) -> str:
        """For ``lines``: how one line is written, e.g. "Kontakt; Marge in EUR"."""
        return CELL_JOINER.join(
            f"{cell.label} in {cell.unit}" if cell.unit else cell.label for cell in self.row
        )

    def split_rows(self, text: str) -> list[list[str]]:
        """For ``lines``: the text as rows of exactly one cell per column, unchecked.

        This is how the row editor shows a value (``parse`` checks it). Empty lines are
        skipped; surplus cells stay in the last one, joined by "; ", so the value loses
        nothing and the reader sees them in that cell (written back from the rows, the cell
        is quoted and counts as one).
        """
        width = len(self.row)
        rows: list[list[str]] = []
        for line in text.splitlines():
            if not line.strip():
                continue
            cells = split_cells(line)
            if len(cells) > width:
                cells = [*cells[: width - 1], join_cells(cells[width - 1 :])]
            rows.append(cells + [""] * (width - len(cells)))
        return rows

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
        self._check_range(number)
        if self.kind == "integer" and number != number.to_integral_value():
            raise FieldError(self.name, "Bitte geben Sie eine ganze Zahl ein.")
        self._check_step(number)
        return int(number) if self.kind == "integer" else number

    def _check_year(self, day: dt.date) -> dt.date:
        if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            raise FieldError(
                self.name,
                f"Bitte geben Sie ein Datum zwischen {EARLIEST_YEAR} und {LATEST_YEAR} ein.",
            )
        return day

    def check(self, raw: str) -> tuple[Value, tuple[str, ...]]:
        """The value as ``parse`` reads it, and the hints on likely slips in it.

        A hint neither refuses nor changes the value: the answer is computed with it as typed,
        and the page shows the hint next to the field. A list input's hints name line and cell.
        """
        if self.kind == "lines" and raw.strip():
            hints: list[str] = []
            return self._parse_rows(raw.strip(), hints), tuple(hints)
        value = self.parse(raw)
        return value, value_hints(self.kind, self.slip, raw.strip(), value)

    def _parse_rows(self, text: str, hints: list[str] | None = None) -> list[Row]:
        """One entry per line; every bad cell is reported with its line and column.

        ``hints`` collects the cells' hints, each with its line and column.
        """
        rows: list[Row] = []
        problems: list[str] = []
        lines = [(number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
        if len(lines) > MAX_ROWS:
            raise FieldError(self.name, f"Bitte geben Sie höchstens {MAX_ROWS} Zeilen ein.")
        for number, line in lines:
            cells = split_cells(line)
            if len(cells) > len(self.row):
                problems.append(
                    f"Zeile {number}: {len(cells)} Angaben statt höchstens {len(self.row)} "
                    f"({self.columns})."
                )
                continue
            cells += [""] * (len(self.row) - len(cells))
            row: Row = {"_line": number}
            for cell, raw in zip(self.row, cells, strict=True):
                if cell.required and not raw.strip():
                    problems.append(f"Zeile {number}, {cell.label}: Die Angabe fehlt.")
                    continue
                try:
                    row[cell.name], found = cell.check(raw)
                except FieldError as problem:
                    # "Zeile 1, Marge: Der Wert muss …", not "Zeile 1, Marge: „Marge“ muss …".
                    message = problem.message.replace(f"„{cell.label}“", "Der Wert", 1)
                    problems.append(f"Zeile {number}, {cell.label}: {message}")
                    continue
                if hints is not None:
                    hints.extend(f"Zeile {number}, {cell.label}: {hint}" for hint in found)
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
