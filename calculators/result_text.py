"""The result to take along: a plain text for a CRM note and a one-page card to print.

Both say the same, in German formatting (``calculators.german_numbers``): the calculator's
name, the date, every input with its label and its value as the calculator read it, the
verdict and its reasons. They are composed here, in the Python that computed the answer,
so the page only copies the text or prints the card and formats nothing itself.

The date is the reader's: when the reader asks to copy or print, the page sends its local
date with the fields under ``READER_DATE`` (ISO, a name no field can have), and only such a
request gets the text and the card, so no keystroke pays for composing them and the build's
example never carries the day it was built. An unreadable date leaves the date line out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from calculators.calculator import BoundCalculator
from calculators.fields import Field, Value, as_rows
from calculators.german_numbers import (
    DATE_ISO,
    format_amount,
    format_date,
    format_money,
    format_number,
    format_percent,
    format_quantity,
)
from calculators.result import Result
from calculators.result_html import escape

#: Key of the reader's local date (2026-03-17) among the fields of a request.
READER_DATE = "_datum"
#: Shown for an optional input left empty.
EMPTY = "–"
INPUTS_TITLE = "Eingaben"
REASONS_TITLE = "Begründung"


def reader_date(fields: Mapping[str, object]) -> dt.date | None:
    """The reader's date sent with the fields, or None where it is missing or unreadable."""
    text = fields.get(READER_DATE)
    match = DATE_ISO.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def shown(field: Field, value: Value) -> str:
    """One checked value as the reader would write it: "30 %", "6.000 EUR", "14.03.2026"."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Decimal):
        if field.kind == "percent":
            return format_percent(value, 2)
        if field.kind == "money":
            return format_money(value, field.unit or "EUR")
        return format_quantity(format_number(value), field.unit)
    if isinstance(value, int):
        return format_amount(value, field.unit) if field.unit else str(value)
    if isinstance(value, str):
        return dict(field.choices).get(value, value) if field.kind == "choice" else value
    return EMPTY


def row_texts(field: Field, value: Value) -> list[str]:
    """A list input's rows, each as "Kontakt: A; Marge: 6.000 EUR; …" (empty cells left out)."""
    rows = []
    for row in as_rows(value):
        cells = [
            f"{cell.label}: {shown(cell, row.get(cell.name))}"
            for cell in field.row
            if row.get(cell.name) not in (None, "")
        ]
        rows.append("; ".join(cells))
    return rows


def heading(calculator: BoundCalculator, day: dt.date | None) -> str:
    """The first line: name and date ("Wert pro Stunde – Ergebnis vom 17.03.2026")."""
    return f"{calculator.title} – Ergebnis vom {format_date(day)}" if day else calculator.title


def plain_text(
    calculator: BoundCalculator, values: Mapping[str, Value], result: Result, day: dt.date | None
) -> str:
    """The result as plain text, ready to paste into a CRM note."""
    lines = [heading(calculator, day), "", f"{INPUTS_TITLE}:"]
    for field in calculator.inputs:
        value = values.get(field.name)
        if field.kind == "lines" and value is not None:
            lines.append(f"- {field.label}:")
            lines.extend(
                f"  {number}. {text}" for number, text in enumerate(row_texts(field, value), 1)
            )
        else:
            lines.append(f"- {field.label}: {shown(field, value)}")
    lines += ["", f"Ergebnis: {result.verdict}"]
    if result.explanation:
        lines += ["", f"{REASONS_TITLE}:"]
        lines.extend(f"- {reason}" for reason in result.explanation)
    return "\n".join(lines) + "\n"


def card_html(
    calculator: BoundCalculator, values: Mapping[str, Value], result: Result, day: dt.date | None
) -> str:
    """The one-page result card to print: inputs and verdict with its reasons, escaped."""
    rows = []
    for field in calculator.inputs:
        value = values.get(field.name)
        if field.kind == "lines" and value is not None:
            items = "".join(f"<li>{escape(text)}</li>" for text in row_texts(field, value))
            cell = f"<ol>{items}</ol>"
        else:
            cell = escape(shown(field, value))
        rows.append(f'<tr><th scope="row">{escape(field.label)}</th><td>{cell}</td></tr>')
    reasons = "".join(f"<li>{escape(reason)}</li>" for reason in result.explanation)
    parts = [
        f'<p class="kx-card-title"><strong>{escape(heading(calculator, day))}</strong></p>',
        f'<table class="kx-card-inputs"><caption>{INPUTS_TITLE}</caption>'
        f"<tbody>{''.join(rows)}</tbody></table>",
        f'<p class="kx-verdict kx-tone-{result.tone}"><strong>Ergebnis: '
        f"{escape(result.verdict)}</strong></p>",
    ]
    if reasons:
        parts.append(f'<p class="kx-card-reasons-title">{REASONS_TITLE}:</p>')
        parts.append(f'<ul class="kx-explanation">{reasons}</ul>')
    return "\n".join(parts)


def take_along(
    calculator: BoundCalculator, values: Mapping[str, Value], result: Result, day: dt.date | None
) -> dict[str, str]:
    """``{"text": …, "html": …}``: the plain text to copy and the card to print."""
    return {
        "text": plain_text(calculator, values, result, day),
        "html": card_html(calculator, values, result, day),
    }
