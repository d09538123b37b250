"""The score guide is declared once, follows the rules and scoring happens in its steps."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators.boundary import run
from calculators.fields import Field
from calculators.problems import FieldError
from calculators.qualification_score import descriptor, level_points, score_guide
from calculators.registry import CALCULATORS
from tests.calculators.cases import score
from tests.calculators.playbook_rules import PLAYBOOK_RULES, altered


def test_the_playbooks_guide_has_five_levels_in_steps_of_five() -> None:
    guide = score_guide(PLAYBOOK_RULES)
    assert [question.name for question in guide] == [
        "problem",
        "entscheider",
        "zeitplan",
        "budget",
        "loesung",
    ]
    for question in guide:
        assert [level.points for level in question.levels] == [0, 5, 10, 15, 20]
    assert guide[1].levels[3].text == "Entscheider bekannt, nicht beteiligt"
    assert guide[1].levels[4].text == "Entscheider sitzt mit am Tisch"


def test_the_levels_follow_the_points_and_the_step() -> None:
    assert level_points(altered(PLAYBOOK_RULES, score__question_points=40, score__step=10)) == (
        0,
        10,
        20,
        30,
        40,
    )
    # 25 points in steps of 5: the quarters 6.25, 12.5 and 18.75 fall to 5, 10 and 15.
    assert level_points(altered(PLAYBOOK_RULES, score__question_points=25)) == (0, 5, 10, 15, 25)


def test_coarse_steps_keep_the_lower_of_two_levels_on_the_same_points() -> None:
    rules = altered(PLAYBOOK_RULES, score__question_points=10, score__step=5)
    levels = score_guide(rules)[0].levels
    assert [(level.points, level.text) for level in levels] == [
        (0, "kein Problem erkennbar"),
        (5, "Problem benannt, Folgen offen"),
        (10, "Problem beziffert und dringlich"),
    ]


def test_a_score_gets_the_highest_level_it_reaches() -> None:
    rules = altered(PLAYBOOK_RULES, score__question_points=25)
    assert descriptor("budget", 20, rules) == "Budget in Freigabe"
    assert descriptor("budget", 25, rules) == "Budget freigegeben und ausreichend"


def test_the_form_help_lists_the_guide() -> None:
    inputs = CALCULATORS["qualification-score"].bind(PLAYBOOK_RULES).inputs
    field = next(item for item in inputs if item.name == "zeitplan")
    levels = score_guide(PLAYBOOK_RULES)[2].levels
    assert field.help.startswith(f"0 = {levels[0].text} · 5 = {levels[1].text} · ")
    assert field.help.endswith(
        f"20 = {levels[4].text}. Vergeben Sie die Punkte in Schritten von 5."
    )


def test_points_off_the_step_get_a_message_that_names_the_allowed_ones() -> None:
    answer = run("qualification-score", score(50, problem="12"), rules=PLAYBOOK_RULES)
    assert answer["ok"] is False
    assert answer["errors"] == {
        "problem": "„Klares Problem (0\u2013\u206020\u00a0Punkte)“ wird in Schritten vergeben "
        "(Schrittweite 5\u00a0Punkte): Bitte geben Sie 10 oder 15 ein."
    }


def test_points_on_the_step_are_taken() -> None:
    answer = run("qualification-score", score(65), rules=PLAYBOOK_RULES)
    assert answer["ok"] is True, answer


def test_a_step_of_one_takes_every_whole_number() -> None:
    rules = altered(PLAYBOOK_RULES, score__step=1)
    answer = run("qualification-score", score(50, problem="12"), rules=rules)
    assert answer["ok"] is True, answer


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12", "Bitte geben Sie 10 oder 15 ein."),
        ("19", "Bitte geben Sie 15 oder 20 ein."),
        ("20", None),
    ],
)
def test_a_field_with_a_step(typed: str, message: str | None) -> None:
    field = Field(
        name="punkte",
        label="Punkte",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(20),
        step=Decimal(5),
    )
    if message is None:
        assert field.parse(typed) == int(typed)
        return
    with pytest.raises(FieldError) as raised:
        field.parse(typed)
    assert raised.value.message.endswith(message)


def test_the_top_of_the_scale_is_not_offered_beyond_the_maximum() -> None:
    field = Field(
        name="p",
        label="P",
        kind="integer",
        minimum=Decimal(0),
        maximum=Decimal(18),
        step=Decimal(5),
    )
    with pytest.raises(FieldError) as raised:
        field.parse("17")
    assert raised.value.message.endswith("Bitte geben Sie 15 ein.")


def test_the_result_table_names_the_level_and_the_maximum() -> None:
    rules = altered(PLAYBOOK_RULES, score__question_points=25, score__pursue_from=90)
    fields = score(0, problem="25", entscheider="20", zeitplan="0", budget="5", loesung="10")
    answer = run("qualification-score", fields, rules=rules)
    assert answer["ok"] is True, answer
    table = answer["result"]["table"]  # type: ignore[index]
    assert table["rows"][0] == ["Klares Problem", "25", "Problem beziffert und dringlich"]
    assert table["rows"][1] == [
        "Person mit Entscheidungsbefugnis",
        "20",
        "Entscheider bekannt, nicht beteiligt",
    ]
    assert table["rows"][-1] == ["Summe", "60", "von 125"]
