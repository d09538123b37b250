"""The case table through the JSON boundary, in CPython."""

from __future__ import annotations

import json

import pytest

from calculators.boundary import run, run_json
from calculators.rules import rules_as_data
from tests.calculators.cases import CASES, Case
from tests.calculators.playbook_rules import PLAYBOOK_RULES


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(case: Case) -> None:
    check(case, run(case.calculator, case.fields, case.templates, PLAYBOOK_RULES))


def check(case: Case, answer: dict[str, object]) -> None:
    """The answer meets the case: the fields it names as wrong, or its status and values."""
    if case.errors:
        assert answer["ok"] is False
        errors = answer["errors"]
        assert isinstance(errors, dict)
        assert sorted(errors) == sorted(case.errors)
        assert all(isinstance(message, str) and message for message in errors.values())
        return
    assert answer["ok"] is True, answer
    result = answer["result"]
    assert isinstance(result, dict)
    if case.status is not None:
        assert result["status"] == case.status
    assert case.verdict_contains in str(result["verdict"])
    values = result["values"]
    assert isinstance(values, dict)
    for key, expected in case.values.items():
        assert values[key] == expected, key


def test_json_boundary_matches_the_python_boundary() -> None:
    case = CASES[0]
    payload = json.dumps(
        {
            "calculator": case.calculator,
            "fields": case.fields,
            "rules": rules_as_data(PLAYBOOK_RULES),
        }
    )
    assert json.loads(run_json(payload)) == json.loads(
        json.dumps(run(case.calculator, case.fields, rules=PLAYBOOK_RULES))
    )


@pytest.mark.parametrize(
    "payload",
    ["", "[]", "{}", '{"calculator": "value-per-hour", "fields": []}', "{not json"],
)
def test_unreadable_requests_get_a_german_form_error(payload: str) -> None:
    answer = json.loads(run_json(payload))
    assert answer == {"ok": False, "errors": {"_form": "Die Anfrage war unlesbar."}}


def test_non_string_field_values_are_treated_as_missing() -> None:
    fields = {"kontakte": 5, "team_median": "250"}
    answer = run("value-per-hour", fields, rules=PLAYBOOK_RULES)  # type: ignore[arg-type]
    assert answer["ok"] is False
    assert answer["errors"] == {"kontakte": "Bitte füllen Sie „Kontakte“ aus."}
