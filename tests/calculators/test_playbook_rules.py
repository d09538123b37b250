"""The rules the tests compute with are the playbook's, and those are the articles' figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from content_model.problems import ContentError
from content_model.rules import load_rules
from tests.calculators.playbook_rules import (
    ARTICLE_RULES,
    ARTICLE_VALUES,
    PLAYBOOK_RULES,
    TEAM_RULES,
    TEAM_VALUES,
    rules_yaml,
)


def test_the_playbook_states_the_articles_figures() -> None:
    assert PLAYBOOK_RULES == ARTICLE_RULES


def test_a_changed_figure_in_the_yaml_is_read(tmp_path: Path) -> None:
    changed = {**ARTICLE_VALUES, "score": {**ARTICLE_VALUES["score"], "pursue_from": 75}}
    path = tmp_path / "rules.yml"
    path.write_text(rules_yaml(changed), encoding="utf-8")
    assert load_rules(path) != ARTICLE_RULES
    assert load_rules(path).score.pursue_from == 75


def test_the_teams_rules_are_valid_rules(tmp_path: Path) -> None:
    path = tmp_path / "rules.yml"
    path.write_text(rules_yaml(TEAM_VALUES), encoding="utf-8")
    assert load_rules(path) == TEAM_RULES


def test_a_team_rule_out_of_its_range_is_refused(tmp_path: Path) -> None:
    broken: dict[str, dict[str, object]] = {**TEAM_VALUES, "value": {"clearly_below_median": 101}}
    path = tmp_path / "rules.yml"
    path.write_text(rules_yaml(broken), encoding="utf-8")
    with pytest.raises(ContentError):
        load_rules(path)
