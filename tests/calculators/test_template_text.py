"""Filling the content's templates: by the exit planner, by hand, by the page."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from calculators.boundary import fill_json, run
from calculators.problems import FieldError
from calculators.template_text import compose, fill, fill_template, placeholders
from tests.calculators.playbook_rules import PLAYBOOK_RULES


def test_placeholders_in_order_of_first_use() -> None:
    assert placeholders("{b} und {a}, wieder {b}; {Kein} {x1}") == ["b", "a", "x1"]


def test_a_calculator_may_not_leave_a_placeholder_open() -> None:
    with pytest.raises(FieldError, match=r"\{grund\}"):
        fill("Grund: {grund}", {})


def test_by_hand_open_and_blank_placeholders_stay_visible() -> None:
    text = fill(
        "{kunde}: {grund} {datum}", {"kunde": "Nordwind AG", "grund": "  "}, keep_missing=True
    )
    assert text == "Nordwind AG: {grund} {datum}"


def test_subject_line_comes_first() -> None:
    assert compose("Hallo", "Text\n") == "Betreff: Hallo\n\nText"
    assert compose(None, "Text\n") == "Text"
    template = {"subject": "{kunde}", "body": "Für {kunde}"}
    assert fill_template(template, {"kunde": "K"}) == "Betreff: K\n\nFür K"


def test_fill_json_answers_filled_text() -> None:
    payload = {"template": {"subject": "{a}", "body": "{a} {b}"}, "values": {"a": "1", "b": 2}}
    answer = json.loads(fill_json(json.dumps(payload)))
    assert answer == {"ok": True, "text": "Betreff: 1\n\n1 {b}"}


@pytest.mark.parametrize("payload", ["", "[]", '{"template": 1}', '{"values": {}}', "null"])
def test_fill_json_never_raises_on_garbage(payload: str) -> None:
    assert json.loads(fill_json(payload))["ok"] is False


def test_commitment_tracker_offers_dates_and_measures_to_the_protocol() -> None:
    fields = {
        "vereinbart_am": "10.03.2026",
        "heute": "12.03.2026",
        "massnahmen": "Prioritätenliste; J. Krüger; 11.03.2026; ja",
    }
    answer = run("commitment-tracker", fields, rules=PLAYBOOK_RULES)
    assert answer["ok"], answer
    fills = answer["result"]["fills"]  # type: ignore[index]
    review = dt.date(2026, 3, 10) + dt.timedelta(days=14)
    assert fills["datum"] == "10.03.2026"
    assert fills["review_termin"] == review.strftime("%d.%m.%Y")
    assert fills["massnahmen"] == "- Prioritätenliste (J. Krüger, bis 11.03.2026)"
