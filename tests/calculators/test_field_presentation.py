"""How the form presents an input follows from its declaration (``Field.presentation``)."""

from __future__ import annotations

from decimal import Decimal

from calculators.fields import MAX_STEPPER_VALUES, Field
from calculators.qualification_score import score_guide
from calculators.registry import CALCULATORS
from calculators.result import TONE_WORDS, Result
from tests.calculators.playbook_rules import PLAYBOOK_RULES


def bound(calculator_id: str) -> dict[str, Field]:
    return {item.name: item for item in CALCULATORS[calculator_id].bind(PLAYBOOK_RULES).inputs}


def test_score_questions_offer_the_guide_levels_as_typed_values() -> None:
    """Each question's options are the guide's points and words; each one parses as typed."""
    fields = bound("qualification-score")
    for question in score_guide(PLAYBOOK_RULES):
        item = fields[question.name]
        assert item.presentation == "levels"
        assert item.levels == tuple((str(level.points), level.text) for level in question.levels)
        for value, _ in item.levels:
            assert item.parse(value) == int(value)


def test_finer_steps_than_options_fit_fall_back_to_a_stepper() -> None:
    """Negative control: a scale with too many levels is not shown as a row of options."""
    many = tuple((str(points), "x") for points in range(21))
    item = Field("p", "P", "integer", minimum=Decimal(0), maximum=Decimal(20), levels=many)
    assert item.presentation == "stepper"


def test_short_choices_are_options_and_long_ones_a_select() -> None:
    two = (("ja", "ja"), ("nein", "nein"))
    five = tuple((str(index), str(index)) for index in range(5))
    assert Field("a", "A", "choice", choices=two).presentation == "options"
    assert Field("a", "A", "choice", choices=five).presentation == "select"


def test_bounded_counts_are_steppers_with_the_declared_values() -> None:
    fields = bound("qualification-score")
    assert fields["warnsignale"].presentation == "stepper"
    assert fields["warnsignale"].stepper_values == tuple(str(count) for count in range(11))
    stepped = Field("s", "S", "integer", minimum=Decimal(0), maximum=Decimal(20), step=Decimal(5))
    assert stepped.stepper_values == ("0", "5", "10", "15", "20")
    exclusive = Field("e", "E", "integer", minimum=Decimal(0), maximum=Decimal(3))
    assert exclusive.stepper_values[0] == "0"
    assert Field(
        "e", "E", "integer", minimum=Decimal(0), maximum=Decimal(3), minimum_exclusive=True
    ).stepper_values == ("1", "2", "3")
    wide = Field("w", "W", "integer", minimum=Decimal(0), maximum=Decimal(MAX_STEPPER_VALUES))
    assert wide.presentation == "text"  # 0 … 101 is one value too many to list
    unbounded = Field("u", "U", "integer", minimum=Decimal(0))
    assert unbounded.presentation == "text"


def test_dates_carry_their_default_for_the_picker() -> None:
    fields = bound("qualification-score")
    assert fields["heute"].presentation == "date"
    assert fields["heute"].iso_default == "2026-03-02"
    assert fields["naechster_schritt"].iso_default == ""


def test_a_result_carries_its_tone_in_words_and_its_summary() -> None:
    data = Result(verdict="V", tone="warn", status="s", summary="60 von 100").to_dict()
    assert data["tone_label"] == TONE_WORDS["warn"]
    assert data["summary"] == "60 von 100"
