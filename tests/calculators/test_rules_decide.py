"""Every calculator decides by the rules it is given, not by figures of its own.

The team's cases (``TEAM_CASES``) run under altered rules; each of them answers differently
under the playbook's rules, which is the negative control: were a threshold still written
in a calculator, one of the two runs would contradict its expectation.
"""

from __future__ import annotations

import json

import pytest

from calculators.boundary import run, run_json
from calculators.rules import rules_as_data
from tests.calculators.cases import TEAM_CASES, Case, score, team_defaults
from tests.calculators.playbook_rules import PLAYBOOK_RULES, TEAM_RULES, altered
from tests.calculators.test_cases import check


@pytest.mark.parametrize("case", TEAM_CASES, ids=[case.name for case in TEAM_CASES])
def test_team_rules_decide(case: Case) -> None:
    check(case, run(case.calculator, case.fields, case.templates, TEAM_RULES))


@pytest.mark.parametrize("case", TEAM_CASES, ids=[case.name for case in TEAM_CASES])
def test_the_playbooks_rules_answer_otherwise(case: Case) -> None:
    team = run(case.calculator, case.fields, case.templates, TEAM_RULES)
    playbook = run(case.calculator, case.fields, case.templates, PLAYBOOK_RULES)
    assert team != playbook


@pytest.mark.parametrize("case", TEAM_CASES[:3], ids=[case.name for case in TEAM_CASES[:3]])
def test_rules_sent_as_json_decide_like_rules_passed_in_python(case: Case) -> None:
    payload = {"calculator": case.calculator, "fields": case.fields}
    answer = json.loads(run_json(json.dumps({**payload, "rules": rules_as_data(TEAM_RULES)})))
    assert answer == json.loads(json.dumps(run(case.calculator, case.fields, rules=TEAM_RULES)))


def result_of(calculator: str, fields: dict[str, str], rules: object) -> dict[str, object]:
    answer = run(calculator, fields, rules=rules)  # type: ignore[arg-type]
    assert answer["ok"] is True, answer
    result = answer["result"]
    assert isinstance(result, dict)
    return result


def test_a_single_band_moves_a_single_verdict() -> None:
    fields = score(70)
    assert result_of("qualification-score", fields, PLAYBOOK_RULES)["status"] == "aktiv"
    higher = altered(PLAYBOOK_RULES, score__pursue_from=75)
    result = result_of("qualification-score", fields, higher)
    assert result["status"] == "pflegen"
    assert result["explanation"][0].endswith("weil 55 ≤ 70 < 75.")  # type: ignore[index]
    assert "+5\u00a0Punkte bei „Stimmige Lösung“ (0 → 5) → aktiv vorantreiben" in result["what_if"]  # type: ignore[operator]


def test_the_follow_up_window_moves_the_reminder_and_its_leeway() -> None:
    result = result_of("exit-planner", team_defaults("exit-planner"), TEAM_RULES)
    assert result["verdict"] == "Wiedervorlage am 11.07.2026"
    assert result["explanation"][0] == (  # type: ignore[index]
        "Wiedervorlage am 11.07.2026 (60\u00a0Tage nach der Entscheidung; "
        "Spielraum 11.06.2026 bis 11.07.2026)."
    )


def test_clearly_below_names_the_teams_share() -> None:
    fields = {"kontakte": "A; 17; 6000; 6", "team_median": "250"}
    result = result_of("value-per-hour", fields, TEAM_RULES)
    assert result["values"]["status:A"] == "parken"  # type: ignore[index]
    assert (
        "deutlich darunter heißt unter 70\u00a0% davon (175\u00a0EUR/h)."
        in result["explanation"][-1]
    )  # type: ignore[index]


def test_a_remediation_plan_has_as_many_reviews_as_the_rules_ask() -> None:
    fields = team_defaults("customer-health", offene_posten="1", sanierung_wochen="6")
    table = result_of("customer-health", fields, TEAM_RULES)["table"]
    assert isinstance(table, dict)
    assert table["rows"][-4:] == [
        ["Start", "02.03.2026"],
        ["1. Review", "16.03.2026"],
        ["2. Review", "30.03.2026"],
        ["3. Review und Ende", "13.04.2026"],
    ]


def test_a_commitment_review_follows_the_rules_weeks() -> None:
    fields = {
        "vereinbart_am": "02.03.2026",
        "heute": "03.03.2026",
        "massnahmen": "Plan; Herr Brandt; 10.03.2026; offen",
    }
    result = result_of("commitment-tracker", fields, TEAM_RULES)
    assert result["explanation"][0] == (  # type: ignore[index]
        "Zwischen-Review (15\u00a0Minuten): 23.03.2026; Entscheidung nach 20\u00a0Tagen: 22.03.2026."
    )


def test_a_delayed_decisions_rule_of_three_counts_down_in_words() -> None:
    fields = {"heute": "20.03.2026", "vorfaelle": "16.03.2026; entscheidung"}
    result = result_of("collaboration-check", fields, TEAM_RULES)
    assert result["what_if"] == [
        "Noch zwei vertagte Entscheidungen bis 13.04.2026 → Gespräch fällig."
    ]
    assert result["explanation"][0].startswith("In den letzten vier Wochen:")  # type: ignore[index]
