"""The case table through the JSON boundary, in CPython."""

from __future__ import annotations

import json

import pytest

from calculators.boundary import run, run_json
from tests.calculators.cases import CASES, Case


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(case: Case) -> None:
    answer = run(case.calculator, case.fields, case.templates)
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
    payload = json.dumps({"calculator": case.calculator, "fields": case.fields})
    assert json.loads(run_json(payload)) == json.loads(
        json.dumps(run(case.calculator, case.fields))
    )


@pytest.mark.parametrize(
    "payload",
    ["", "[]", "{}", '{"calculator": "value-per-hour", "fields": []}', "{not json"],
)
def test_unreadable_requests_get_a_german_form_error(payload: str) -> None:
    answer = json.loads(run_json(payload))
    assert answer == {"ok": False, "errors": {"_form": "Die Anfrage war unlesbar."}}


def test_non_string_field_values_are_treated_as_missing() -> None:
    answer = run("value-per-hour", {"kontakte": 5, "team_median": "250"})  # type: ignore[dict-item]
    assert answer["ok"] is False
    assert answer["errors"] == {"kontakte": "Bitte füllen Sie „Kontakte“ aus."}
