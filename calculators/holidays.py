"""Working days in Germany: weekends and the public holidays every federal state keeps.

A follow-up planned for a Saturday or for Easter Monday does not happen; the calculators
point such a date out with a hint (``calculators.slips``). Only the nine nationwide holidays
count: a state's own holidays (Epiphany, Corpus Christi, Reformation Day, …) differ from team
to team, and a hint that is wrong for half the readers would teach them to ignore hints.

Easter is computed with the Anonymous Gregorian algorithm (Meeus/Jones/Butcher), which holds
for every Gregorian year; the movable holidays follow from it, the others are fixed dates.
Standard library only, so the same code runs in CPython and in Pyodide.
"""

from __future__ import annotations

import datetime as dt

#: Weekday names, Monday first (``date.weekday()``); ``strftime("%A")`` would follow the
#: process locale, which is English in Pyodide.
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
SATURDAY = 5

#: Fixed nationwide holidays: (month, day, name).
FIXED = (
    (1, 1, "Neujahr"),
    (5, 1, "Tag der Arbeit"),
    (10, 3, "Tag der Deutschen Einheit"),
    (12, 25, "1. Weihnachtstag"),
    (12, 26, "2. Weihnachtstag"),
)
#: Movable nationwide holidays: (days after Easter Sunday, name).
MOVABLE = (
    (-2, "Karfreitag"),
    (1, "Ostermontag"),
    (39, "Christi Himmelfahrt"),
    (50, "Pfingstmontag"),
)


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of ``year`` (Gregorian calendar), by the Anonymous Gregorian algorithm."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def public_holidays(year: int) -> dict[dt.date, str]:
    """The nationwide public holidays of ``year``, date -> German name."""
    easter = easter_sunday(year)
    found = {dt.date(year, month, day): name for month, day, name in FIXED}
    found.update({easter + dt.timedelta(days=offset): name for offset, name in MOVABLE})
    return found


def holiday_name(day: dt.date) -> str:
    """The name of the nationwide public holiday on ``day``, or "" on any other day."""
    return public_holidays(day.year).get(day, "")


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and no nationwide public holiday."""
    return day.weekday() < SATURDAY and not holiday_name(day)


def next_working_day(day: dt.date) -> dt.date:
    """The first working day after ``day``."""
    following = day + dt.timedelta(days=1)
    while not is_working_day(following):
        following += dt.timedelta(days=1)
    return following


def previous_working_day(day: dt.date) -> dt.date:
    """The last working day before ``day``."""
    before = day - dt.timedelta(days=1)
    while not is_working_day(before):
        before -= dt.timedelta(days=1)
    return before


def day_off_reason(day: dt.date) -> str:
    """Why nobody works on ``day`` ("ein Samstag", "Ostermontag"), or "" on a working day."""
    name = holiday_name(day)
    if name:
        return f"{name}, ein bundesweiter Feiertag"
    if day.weekday() >= SATURDAY:
        return f"ein {WEEKDAYS[day.weekday()]}"
    return ""
