"""Likely slips in one typed value, answered with a hint instead of an error.

A hint is not an error: the value is read as typed, the answer is computed with it, and a
German sentence next to the field says what the reader probably meant and how to write it.
A hint never changes a value silently. Checks that compare one value with others (a date
with "Heute", a margin with the other contacts' margins) live in ``calculators.hints``; this
module looks at one value alone, so ``calculators.fields`` can ask it while parsing.

The bounds here are constants, not rules of ``content/rules.yml``: a team decides nothing by
them, they only decide whether a sentence of advice appears.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from calculators.german_numbers import format_date, format_number, format_percent, format_quantity
from calculators.holidays import WEEKDAYS, day_off_reason, next_working_day

#: Hours per contact from which the figure reads like minutes. Value per hour asks for the
#: additional selling hours until one contact decides (the chapter's contacts need 6 and
#: 10 hours); 60 hours is a week and a half of nothing but this contact, while 60, 90 or 120
#: is what one notes in minutes for a call or a meeting.
MINUTES_FROM = Decimal(60)
MINUTES_PER_HOUR = Decimal(60)
HUNDRED = Decimal(100)

#: What a field is checked for besides its kind (``Field.slip``).
MINUTES = "minutes"
ORDER_VALUE = "order-value"
WORKDAY = "workday"


def share_hint(text: str, number: Decimal) -> str:
    """A share written as a fraction ("0,3" for 30 %) where a percentage is expected.

    Whoever means a fraction of a percent types the sign ("0,3 %"), and gets no hint.
    """
    if "%" in text or "prozent" in text.casefold() or not Decimal(0) < number < Decimal(1):
        return ""
    typed, meant = format_percent(number, 2), format_percent(number * HUNDRED, 2)
    return (
        f"{typed} – meinten Sie {meant}? Gerechnet wird mit {typed}; für {meant} schreiben "
        f"Sie „{format_number(number * HUNDRED)}“."
    )


def minutes_hint(hours: Decimal) -> str:
    """Hours for one contact that look like minutes (``MINUTES_FROM`` or more)."""
    if hours < MINUTES_FROM:
        return ""
    shown = format_quantity(format_number(hours), "h")
    minutes = format_quantity(format_number(hours), "Minuten")
    converted = format_quantity(format_number(hours / MINUTES_PER_HOUR), "h")
    return (
        f"{shown} für einen Kontakt sind mehr als eine Arbeitswoche. Falls Sie Minuten meinen: "
        f"{minutes} sind {converted}."
    )


def workday_hint(day: dt.date) -> str:
    """A date to act on that falls on a weekend or a nationwide public holiday."""
    reason = day_off_reason(day)
    if not reason:
        return ""
    following = next_working_day(day)
    return (
        f"Der {format_date(day)} ist {reason}. Nächster Werktag: "
        f"{WEEKDAYS[following.weekday()]}, {format_date(following)}."
    )


def value_hints(kind: str, slip: str, text: str, value: object) -> tuple[str, ...]:
    """The hints on one checked value of a field of ``kind``, checked for ``slip``."""
    found = []
    if kind == "percent" and isinstance(value, Decimal):
        found.append(share_hint(text, value))
    if slip == MINUTES and isinstance(value, Decimal):
        found.append(minutes_hint(value))
    if slip == WORKDAY and isinstance(value, dt.date):
        found.append(workday_hint(value))
    return tuple(hint for hint in found if hint)
