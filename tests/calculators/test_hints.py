"""Likely slips get a hint next to their field, and the value is still computed as typed.

Each hint has its counterpart that must stay quiet (the value typed as meant), and the
planted defects at the end show that a hint comes from the field's declaration and kind.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from calculators.boundary import run, run_json
from calculators.fields import Field
from calculators.registry import CALCULATORS
from calculators.rules import rules_as_data
from tests.calculators.playbook_rules import PLAYBOOK_RULES

NBSP = "\u00a0"


def answer(calculator: str, **changes: str) -> dict[str, object]:
    """The boundary's answer for the calculator's defaults with some fields changed."""
    fields = {**CALCULATORS[calculator].bind(PLAYBOOK_RULES).defaults(), **changes}
    return run(calculator, fields, rules=PLAYBOOK_RULES)


def hints_of(reply: dict[str, object]) -> dict[str, str]:
    hints = reply["hints"]
    assert isinstance(hints, dict)
    return hints


def values_of(reply: dict[str, object]) -> dict[str, str]:
    assert reply["ok"], reply
    result = reply["result"]
    assert isinstance(result, dict)
    values = result["values"]
    assert isinstance(values, dict)
    return values


def test_defaults_give_no_hint() -> None:
    for calculator in CALCULATORS:
        assert hints_of(answer(calculator)) == {}, calculator


def test_a_probability_below_one_without_percent_gets_a_hint_and_is_computed() -> None:
    reply = answer("value-per-hour", kontakte="A; 0,3; 6.000; 6\nB; 15 %; 8.000; 10")
    assert hints_of(reply)["kontakte"] == (
        f"Zeile 1, Abschlusswahrscheinlichkeit: 0,3{NBSP}% – meinten Sie 30{NBSP}%? Gerechnet "
        f"wird mit 0,3{NBSP}%; für 30{NBSP}% schreiben Sie „30“."
    )
    assert values_of(reply)["wert:A"] == "3.00"  # 0,3 % × 6.000 EUR ÷ 6 h, as typed


@pytest.mark.parametrize("typed", ["0,3 %", "0,3%", "0,3 Prozent", "30", "30 %", "1", "0"])
def test_a_share_typed_as_meant_gets_no_hint(typed: str) -> None:
    reply = answer("value-per-hour", kontakte=f"A; {typed}; 6.000; 6\nB; 15 %; 8.000; 10")
    assert hints_of(reply) == {}


def test_hours_that_look_like_minutes_get_a_hint_and_are_computed() -> None:
    reply = answer("value-per-hour", kontakte="A; 30 %; 6.000; 90\nB; 15 %; 8.000; 10")
    assert hints_of(reply)["kontakte"] == (
        f"Zeile 1, Stunden bis zur Entscheidung: 90{NBSP}h für einen Kontakt sind mehr als eine "
        f"Arbeitswoche. Falls Sie Minuten meinen: 90{NBSP}Minuten sind 1,5{NBSP}h."
    )
    assert values_of(reply)["wert:A"] == "20.00"  # 30 % × 6.000 EUR ÷ 90 h


def test_plausible_hours_get_no_hint() -> None:
    reply = answer("value-per-hour", kontakte="A; 30 %; 6.000; 59,5\nB; 15 %; 8.000; 10")
    assert hints_of(reply) == {}


def test_a_margin_like_an_order_value_gets_a_hint_and_is_computed() -> None:
    reply = answer(
        "value-per-hour", kontakte="A; 30 %; 6.000; 6\nB; 15 %; 80.000; 10\nC; 20 %; 7.000; 8"
    )
    hint = hints_of(reply)["kontakte"]
    assert hint.startswith(f"Zeile 2, Marge: 80.000{NBSP}EUR ist mehr als das 5-Fache")
    assert f"(6.500{NBSP}EUR) – ist das der Auftragswert?" in hint
    assert "Zeile 1" not in hint
    assert "Zeile 3" not in hint
    assert values_of(reply)["wert:B"] == "1200.00"


@pytest.mark.parametrize(
    "contacts",
    [
        "A; 30 %; 6.000; 6\nB; 15 %; 30.000; 10",  # exactly five times: a big deal, not a slip
        "A; 30 %; 80.000; 6",  # one contact: nothing to compare with
        "A; 30 %; 0; 6\nB; 15 %; 80.000; 10",  # no other margin above zero
    ],
)
def test_margins_of_one_scale_get_no_hint(contacts: str) -> None:
    assert hints_of(answer("value-per-hour", kontakte=contacts)) == {}


def test_a_date_far_from_today_gets_a_hint_and_is_computed() -> None:
    reply = answer("qualification-score", letzte_bewegung="16.02.2024")
    assert hints_of(reply) == {
        "letzte_bewegung": "Der 16.02.2024 liegt mehr als ein Jahr vor „Heute“ (02.03.2026) – "
        "stimmt das Jahr?"
    }
    assert values_of(reply)["tage_ohne_schritt"] == "745"


def test_a_far_date_in_a_row_names_line_and_column() -> None:
    reply = answer("collaboration-check", vorfaelle="03.02.2026; termin; A\n24.02.2016; termin; B")
    assert hints_of(reply) == {
        "vorfaelle": "Zeile 2, Datum: Der 24.02.2016 liegt mehr als ein Jahr vor „Heute“ "
        "(17.03.2026) – stimmt das Jahr?"
    }
    assert reply["ok"]


@pytest.mark.parametrize("day", ["03.03.2025", "02.03.2027", "16.02.2026"])
def test_dates_within_a_year_get_no_hint(day: str) -> None:
    reply = answer("qualification-score", naechster_schritt="", letzte_bewegung=day)
    assert "letzte_bewegung" not in hints_of(reply)


@pytest.mark.parametrize(
    ("day", "hint"),
    [
        ("14.03.2026", "Der 14.03.2026 ist ein Samstag. Nächster Werktag: Montag, 16.03.2026."),
        (
            "06.04.2026",
            "Der 06.04.2026 ist Ostermontag, ein bundesweiter Feiertag. Nächster Werktag: "
            "Dienstag, 07.04.2026.",
        ),
        (
            "25.12.2026",
            "Der 25.12.2026 ist 1. Weihnachtstag, ein bundesweiter Feiertag. Nächster Werktag: "
            "Montag, 28.12.2026.",
        ),
    ],
)
def test_a_next_step_on_a_day_off_gets_a_hint_and_is_computed(day: str, hint: str) -> None:
    reply = answer("qualification-score", naechster_schritt=day)
    assert hints_of(reply) == {"naechster_schritt": hint}
    result = reply["result"]
    assert isinstance(result, dict)
    assert f"Nächster Schritt steht im Kalender: {day}." in result["explanation"]


def test_a_next_step_on_a_working_day_gets_no_hint() -> None:
    assert hints_of(answer("qualification-score", naechster_schritt="09.03.2026")) == {}


def test_a_computed_follow_up_on_a_weekend_gets_a_hint_at_the_interval() -> None:
    reply = answer("exit-planner", abstand_tage="88")
    assert hints_of(reply) == {
        "abstand_tage": "Die Wiedervorlage fiele auf den 08.08.2026; das ist ein Samstag. Mit "
        f"90{NBSP}Tagen läge sie auf Montag, 10.08.2026."
    }
    assert values_of(reply)["wiedervorlage"] == "2026-08-08"


def test_a_follow_up_at_the_window_end_suggests_the_working_day_before() -> None:
    """12.05.2026 + 89 days is Sunday 09.08.; Monday would be day 90, inside the window."""
    reply = answer("exit-planner", entscheidungsdatum="11.05.2026", abstand_tage="90")
    assert hints_of(reply) == {
        "abstand_tage": "Die Wiedervorlage fiele auf den 09.08.2026; das ist ein Sonntag. Mit "
        f"88{NBSP}Tagen läge sie auf Freitag, 07.08.2026."
    }


def test_hints_travel_with_errors_but_never_on_a_field_with_an_error() -> None:
    reply = answer("qualification-score", naechster_schritt="14.03.2026", warnsignale="abc")
    assert not reply["ok"]
    assert set(hints_of(reply)) == {"naechster_schritt"}
    reply = answer("qualification-score", letzte_bewegung="16.02.2062")
    assert not reply["ok"]
    assert "letzte_bewegung" in reply["errors"]  # type: ignore[operator]
    assert "letzte_bewegung" not in hints_of(reply)


def test_hints_reach_the_browser_entry() -> None:
    fields = {
        **CALCULATORS["value-per-hour"].bind(PLAYBOOK_RULES).defaults(),
        "kontakte": "A; 0,3; 6.000; 6",
    }
    payload = {"calculator": "value-per-hour", "fields": fields}
    reply = json.loads(run_json(json.dumps({**payload, "rules": rules_as_data(PLAYBOOK_RULES)})))
    assert reply["ok"]
    assert "meinten Sie 30" in reply["hints"]["kontakte"]


def test_planted_defects_lose_their_hints() -> None:
    """Negative controls: the hints follow the field's kind and declared slip, nothing else."""
    assert Field("p", "P", "percent").check("0,3")[1]
    assert Field("p", "P", "decimal").check("0,3")[1] == ()
    assert Field("h", "H", "hours", slip="minutes").check("90")[1]
    assert Field("h", "H", "hours").check("90")[1] == ()
    assert Field("d", "D", "date", slip="workday").check("14.03.2026")[1]
    assert Field("d", "D", "date").check("14.03.2026")[1] == ()
    assert Field("p", "P", "percent").check("0,3")[0] == Decimal("0.3")
