"""Properties that must hold for every input, checked with hypothesis."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from calculators.boundary import run
from calculators.german_numbers import format_money, format_number, parse_number
from calculators.qualification_score import DIMENSIONS
from calculators.value_per_hour import value_per_hour
from tests.calculators.cases import score
from tests.calculators.playbook_rules import PLAYBOOK_RULES

#: The points a question can get: the multiples of the step up to the maximum.
points = st.integers(
    min_value=0, max_value=PLAYBOOK_RULES.score.question_points // PLAYBOOK_RULES.score.step
).map(lambda steps: steps * PLAYBOOK_RULES.score.step)
DIMENSION_NAMES = [name for name, _, _ in DIMENSIONS]


def total_of(fields: dict[str, str]) -> int:
    answer = run("qualification-score", fields, rules=PLAYBOOK_RULES)
    assert answer["ok"] is True
    result = answer["result"]
    assert isinstance(result, dict)
    return int(result["values"]["punkte"])


@given(st.lists(points, min_size=5, max_size=5))
def test_score_is_always_between_0_and_100(values: list[int]) -> None:
    fields = score(
        0, **{name: str(value) for name, value in zip(DIMENSION_NAMES, values, strict=True)}
    )
    assert 0 <= total_of(fields) <= 100
    assert total_of(fields) == sum(values)


@given(st.lists(points, min_size=5, max_size=5), st.sampled_from(DIMENSION_NAMES), points)
def test_score_is_monotone_in_each_dimension(values: list[int], name: str, other: int) -> None:
    base = {key: str(value) for key, value in zip(DIMENSION_NAMES, values, strict=True)}
    low, high = sorted((int(base[name]), other))
    lower = total_of(score(0, **{**base, name: str(low)}))
    higher = total_of(score(0, **{**base, name: str(high)}))
    assert lower <= higher


probabilities = st.decimals(min_value=0, max_value=100, places=1)
margins = st.decimals(min_value=0, max_value=1_000_000, places=2)
hours = st.decimals(min_value=Decimal("0.5"), max_value=1000, places=1)


@given(probabilities, probabilities, margins, hours)
def test_value_per_hour_is_monotone_in_probability(
    p1: Decimal, p2: Decimal, margin: Decimal, h: Decimal
) -> None:
    low, high = sorted((p1, p2))
    assert value_per_hour(low, margin, h) <= value_per_hour(high, margin, h)


@given(probabilities, margins, margins, hours)
def test_value_per_hour_is_monotone_in_margin(
    p: Decimal, m1: Decimal, m2: Decimal, h: Decimal
) -> None:
    low, high = sorted((m1, m2))
    assert value_per_hour(p, low, h) <= value_per_hour(p, high, h)


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2))
def test_german_money_roundtrips(value: Decimal) -> None:
    assert parse_number(format_money(value), units=("EUR",)) == value


@given(st.decimals(min_value=0, max_value=10**7, places=2))
def test_german_numbers_roundtrip(value: Decimal) -> None:
    assert parse_number(format_number(value)) == value


@given(st.text(max_size=30))
def test_any_typed_text_gets_an_answer_never_an_exception(text: str) -> None:
    for name in ("team_median", "kontakte"):
        answer = run(
            "value-per-hour",
            {"kontakte": "A; 30; 6000; 6", "team_median": "250", name: text},
            rules=PLAYBOOK_RULES,
        )
        assert answer["ok"] in (True, False)
        if answer["ok"] is False:
            errors = answer["errors"]
            assert isinstance(errors, dict)
            assert set(errors) <= {"kontakte", "team_median"}
