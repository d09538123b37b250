"""The boundary takes rules as data and answers, never raises, when they are missing or bad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calculators import boundary, rules
from calculators.rules import rules_as_data
from tests.calculators.cases import score
from tests.calculators.playbook_rules import TEAM_RULES, TEAM_VALUES

NO_RULES = {"_form": "Die Regeln des Playbooks fehlen oder sind unlesbar."}


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Where the published ``rules.json`` is read from, not yet written, and not yet cached."""
    path = tmp_path / "rules.json"
    monkeypatch.setattr(rules, "PUBLISHED_FILE", str(path))
    monkeypatch.setattr(boundary, "_published", [])
    return path


def test_without_rules_the_published_ones_decide(published: Path) -> None:
    published.write_text(json.dumps(rules_as_data(TEAM_RULES)), encoding="utf-8")
    answer = boundary.run("qualification-score", score(70))
    assert answer["ok"] is True, answer
    assert answer["result"]["status"] == "pflegen"  # type: ignore[index]


def test_without_published_rules_the_form_says_so(published: Path) -> None:
    answer = boundary.run("qualification-score", score(70))
    assert answer == {"ok": False, "calculator": "qualification-score", "errors": NO_RULES}


def test_unreadable_published_rules_are_answered(published: Path) -> None:
    published.write_text("{", encoding="utf-8")
    answer = json.loads(boundary.run_json(json.dumps({"calculator": "value-per-hour"})))
    assert answer["errors"] == NO_RULES


@pytest.mark.parametrize(
    "bad",
    [
        "viel",
        [],
        {"score": {}},
        {**TEAM_VALUES, "follow_up": {"days": [30]}},
        {**TEAM_VALUES, "value": {"clearly_below_median": "70"}},
        {**TEAM_VALUES, "value": {"clearly_below_median": True}},
        {**TEAM_VALUES, "extra": {}},
    ],
)
def test_bad_rules_in_a_request_get_a_german_form_error(bad: object) -> None:
    payload = {"calculator": "exit-planner", "fields": {}, "rules": bad}
    answer = json.loads(boundary.run_json(json.dumps(payload)))
    assert answer == {"ok": False, "calculator": "exit-planner", "errors": NO_RULES}


def test_rules_in_a_request_decide() -> None:
    payload = {"calculator": "qualification-score", "fields": score(70), "rules": TEAM_VALUES}
    answer = json.loads(boundary.run_json(json.dumps(payload)))
    assert answer["result"]["status"] == "pflegen"
