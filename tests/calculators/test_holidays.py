"""Working days: Easter by the Anonymous Gregorian algorithm and the nationwide holidays."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators.holidays import (
    day_off_reason,
    easter_sunday,
    holiday_name,
    is_working_day,
    next_working_day,
    previous_working_day,
    public_holidays,
)

#: Known Easter Sundays, among them the years where the plain Gauss formula needs its two
#: exceptions (1981, 2049: April 26 and 25 by the formula alone).
EASTERS = [
    (1818, dt.date(1818, 3, 22)),  # the earliest possible date
    (1943, dt.date(1943, 4, 25)),  # the latest possible date
    (2000, dt.date(2000, 4, 23)),
    (2019, dt.date(2019, 4, 21)),
    (2024, dt.date(2024, 3, 31)),
    (2025, dt.date(2025, 4, 20)),
    (2026, dt.date(2026, 4, 5)),
    (2027, dt.date(2027, 3, 28)),
    (2038, dt.date(2038, 4, 25)),
    (1981, dt.date(1981, 4, 19)),
    (2049, dt.date(2049, 4, 18)),
]


@pytest.mark.parametrize(("year", "easter"), EASTERS)
def test_easter_sunday(year: int, easter: dt.date) -> None:
    assert easter_sunday(year) == easter
    assert easter.weekday() == 6


def test_every_easter_is_a_sunday_between_22_march_and_25_april() -> None:
    for year in range(1900, 2200):
        easter = easter_sunday(year)
        assert easter.weekday() == 6, year
        assert dt.date(year, 3, 22) <= easter <= dt.date(year, 4, 25), year


def test_the_nine_nationwide_holidays_of_2026() -> None:
    assert public_holidays(2026) == {
        dt.date(2026, 1, 1): "Neujahr",
        dt.date(2026, 4, 3): "Karfreitag",
        dt.date(2026, 4, 6): "Ostermontag",
        dt.date(2026, 5, 1): "Tag der Arbeit",
        dt.date(2026, 5, 14): "Christi Himmelfahrt",
        dt.date(2026, 5, 25): "Pfingstmontag",
        dt.date(2026, 10, 3): "Tag der Deutschen Einheit",
        dt.date(2026, 12, 25): "1. Weihnachtstag",
        dt.date(2026, 12, 26): "2. Weihnachtstag",
    }


def test_regional_holidays_are_working_days() -> None:
    """Epiphany, Corpus Christi, Reformation Day are not kept in every state."""
    for day in (dt.date(2026, 1, 6), dt.date(2026, 6, 4), dt.date(2026, 10, 30)):
        assert holiday_name(day) == ""
        assert is_working_day(day)


def test_working_days_skip_weekends_and_holidays() -> None:
    assert is_working_day(dt.date(2026, 3, 17))  # the running case's conversation, a Tuesday
    assert not is_working_day(dt.date(2026, 3, 14))  # Saturday
    assert next_working_day(dt.date(2026, 4, 2)) == dt.date(2026, 4, 7)  # over Easter
    assert previous_working_day(dt.date(2026, 4, 6)) == dt.date(2026, 4, 2)
    assert next_working_day(dt.date(2026, 12, 24)) == dt.date(2026, 12, 28)
    assert day_off_reason(dt.date(2026, 3, 15)) == "ein Sonntag"
    assert day_off_reason(dt.date(2026, 4, 6)) == "Ostermontag, ein bundesweiter Feiertag"
    assert day_off_reason(dt.date(2026, 3, 17)) == ""


def test_a_wrong_algorithm_is_caught() -> None:
    """Negative control: the plain Gauss formula without its exceptions, and Easter a week
    late, each fail the table of known dates."""

    def naive(year: int) -> dt.date:
        a, b, c = year % 19, year % 4, year % 7
        d = (19 * a + 24) % 30
        e = (2 * b + 4 * c + 6 * d + 5) % 7
        return dt.date(year, 3, 22) + dt.timedelta(days=d + e)

    def week_late(year: int) -> dt.date:
        return easter_sunday(year) + dt.timedelta(days=7)

    for planted in (naive, week_late):
        assert [year for year, easter in EASTERS if planted(year) != easter], planted
