"""Hints on likely slips, per field: what the answer carries besides its errors.

``checked`` reads every field like ``BoundCalculator.parse`` and keeps, besides the values
and the problems, the hints each field found in itself (``Field.check``, see
``calculators.slips``). ``context_hints`` adds the hints that compare values with each
other: a date far from the calculator's "Heute", a margin far above the other contacts'
margins. Every hint is German and keyed by the field it belongs to, like an error, so the
page shows it next to that field; several hints of one field are joined into one text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from decimal import Decimal

from calculators.calculator import BoundCalculator
from calculators.fields import Field, Value, as_rows
from calculators.german_numbers import format_date, format_money, format_number
from calculators.problems import FieldError
from calculators.slips import ORDER_VALUE

#: The field a calculator reads the day of its assessment from; other dates are compared
#: with it.
TODAY = "heute"
#: A date more than this many years before or after "Heute" is most often a slip in the
#: year ("2062" for "2026", "14.3.25" for "14.3.26"): every date the calculators ask for (an
#: incident, a due date, the next step, the last movement) lies within a deal's current year.
FAR_YEARS = 1
#: A margin more than this many times the median of the other contacts' margins looks like
#: an order value: a margin is what stays after costs, commonly a fifth of the order value
#: or less, so an order value typed as margin stands out by this factor, while deals in one
#: pipeline seldom differ that much. The comparison is relative, so it fits any team's deal
#: sizes without a rule to tune.
ORDER_VALUE_FACTOR = 5

Hints = dict[str, str]


def checked(
    calculator: BoundCalculator, raw: Mapping[str, str]
) -> tuple[dict[str, Value], dict[str, str], Hints]:
    """Every field's value, the problems (German, per field) and the hints on the values."""
    values: dict[str, Value] = {}
    problems: dict[str, str] = {}
    found: dict[str, list[str]] = {}
    for item in calculator.inputs:
        try:
            values[item.name], hints = item.check(raw.get(item.name, ""))
        except FieldError as problem:
            problems[problem.field] = problem.message
            continue
        if hints:
            found.setdefault(item.name, []).extend(hints)
    for name, hint in context_hints(calculator.inputs, values):
        found.setdefault(name, []).append(hint)
    return values, problems, {name: " ".join(texts) for name, texts in found.items()}


def context_hints(
    inputs: tuple[Field, ...], values: Mapping[str, Value]
) -> Iterator[tuple[str, str]]:
    """Hints that compare a checked value with others: ``(field name, German text)``."""
    by_name = {item.name: item for item in inputs}
    today_field = by_name.get(TODAY)
    today = values.get(TODAY)
    for item in inputs:
        if item.name not in values or values[item.name] is None:
            continue
        value = values[item.name]
        if isinstance(today, dt.date) and today_field is not None and item is not today_field:
            if item.kind == "date" and isinstance(value, dt.date):
                hint = far_date_hint(value, today, today_field.label)
                if hint:
                    yield item.name, hint
            for line, cell, day in _row_dates(item, value):
                hint = far_date_hint(day, today, today_field.label)
                if hint:
                    yield item.name, f"Zeile {line}, {cell.label}: {hint}"
        if item.kind == "lines":
            for cell in item.row:
                if cell.slip == ORDER_VALUE:
                    yield from ((item.name, hint) for hint in order_value_hints(cell, value))


def _row_dates(item: Field, value: Value) -> Iterator[tuple[int, Field, dt.date]]:
    if item.kind != "lines":
        return
    for row in as_rows(value):
        for cell in item.row:
            day = row.get(cell.name)
            line = row.get("_line")
            if isinstance(day, dt.date) and isinstance(line, int):
                yield line, cell, day


def _a_year_from(day: dt.date, years: int) -> dt.date:
    """``day`` shifted by whole years; 29 February becomes 28 February where needed."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def far_date_hint(day: dt.date, today: dt.date, today_label: str) -> str:
    """A date more than ``FAR_YEARS`` before or after "Heute", or ""."""
    if _a_year_from(today, -FAR_YEARS) <= day <= _a_year_from(today, FAR_YEARS):
        return ""
    side = "vor" if day < today else "nach"
    span = "ein Jahr" if FAR_YEARS == 1 else f"{FAR_YEARS} Jahre"
    return (
        f"Der {format_date(day)} liegt mehr als {span} {side} „{today_label}“ "
        f"({format_date(today)}) – stimmt das Jahr?"
    )


def _median(values: list[Decimal]) -> Decimal:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def order_value_hints(cell: Field, value: Value) -> Iterator[str]:
    """Rows whose ``cell`` (a margin) is more than ``ORDER_VALUE_FACTOR`` times the others'."""
    rows = as_rows(value)
    amounts = [
        (row.get("_line"), row.get(cell.name))
        for row in rows
        if isinstance(row.get(cell.name), Decimal)
    ]
    for index, (line, amount) in enumerate(amounts):
        others = [other for position, (_, other) in enumerate(amounts) if position != index]
        positive = [other for other in others if isinstance(other, Decimal) and other > 0]
        if not positive or not isinstance(amount, Decimal):
            continue
        reference = _median(positive)
        if amount > reference * ORDER_VALUE_FACTOR:
            yield (
                f"Zeile {line}, {cell.label}: {format_money(amount)} ist mehr als das "
                f"{format_number(ORDER_VALUE_FACTOR)}-Fache des Medians der übrigen Zeilen "
                f"({format_money(reference)}) – ist das der Auftragswert? Gerechnet wird mit "
                "der Marge, also dem, was nach den Kosten bleibt."
            )
