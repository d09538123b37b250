"""Every figure a calculator shows outside its answers (summary, formula, labels, help) is the rules'.

Each test reads one calculator bound to the team's rules and finds the team's figure where the
playbook's would stand; the same assertion under the playbook's rules is the negative control
(it must fail there, or the text did not come from the rules).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from calculators.calculator import BoundCalculator
from calculators.registry import CALCULATORS
from calculators.rules import Rules
from tests.calculators.playbook_rules import PLAYBOOK_RULES, TEAM_RULES

NBSP = "\u00a0"


def bound(calculator_id: str, rules: Rules) -> BoundCalculator:
    return CALCULATORS[calculator_id].bind(rules)


def field_help(calculator_id: str, name: str, rules: Rules) -> str:
    return next(item.help for item in bound(calculator_id, rules).inputs if item.name == name)


#: (what, the text under given rules, what the team's rules must put into it)
TEXTS: list[tuple[str, Callable[[Rules], str], str]] = [
    (
        "score bands in the formula",
        lambda rules: bound("qualification-score", rules).formula,
        "Ab 75: aktiv vorantreiben; 60–\u206074: pflegen; unter 60: parken oder aufgeben.",
    ),
    (
        "expiry and signals in the formula",
        lambda rules: bound("qualification-score", rules).formula,
        f"21{NBSP}Tage ohne nächsten Schritt im Kalender: Status „wartend“ oder schließen. "
        "Ab drei anhaltenden Warnsignalen oder vier Kontaktversuchen",
    ),
    (
        "clearly below in the formula",
        lambda rules: bound("value-per-hour", rules).formula,
        f"deutlich darunter (unter 70{NBSP}% davon)",
    ),
    (
        "the escalation trigger",
        lambda rules: bound("collaboration-check", rules).formula,
        "sobald vier verpasste Termine in ein Vier-Wochen-Fenster fallen (erster und letzter "
        f"höchstens 28{NBSP}Tage auseinander) oder drei vertagte Entscheidungen.",
    ),
    (
        "the commitment bar",
        lambda rules: bound("commitment-tracker", rules).formula,
        f"Über 80{NBSP}% innerhalb von 20{NBSP}Tagen: weiterführen; sonst Ausstieg nach Plan "
        f"(Option{NBSP}C). Review nach drei Wochen.",
    ),
    (
        "the commitment summary",
        lambda rules: bound("commitment-tracker", rules).summary,
        f"nach 20{NBSP}Tagen folgt.",
    ),
    (
        "the remediation phase",
        lambda rules: bound("customer-health", rules).formula,
        "Gelb bei häufigen Änderungen (ab 4 pro Monat), Verzögerungen (ab 3), seltener Nutzung "
        f"oder verspäteter Zahlung; sonst Grün. Rot: Sanierungsphase von 4–\u20606{NBSP}Wochen mit "
        "drei Review-Terminen; nach drei Reviews ohne Besserung geordneter Ausstieg.",
    ),
    (
        "frequent changes in the help",
        lambda rules: field_help("customer-health", "aenderungen", rules),
        "Ab 4 pro Monat gelten sie als häufig.",
    ),
    (
        "the follow-up window in the formula",
        lambda rules: bound("exit-planner", rules).formula,
        f"Datum der Entscheidung + 30–\u206060{NBSP}Tage",
    ),
    (
        "the follow-up window in the help",
        lambda rules: field_help("exit-planner", "abstand_tage", rules),
        f"30–\u206060{NBSP}Tage, und nur mit neuem Anlass.",
    ),
]


@pytest.mark.parametrize(("what", "text", "expected"), TEXTS, ids=[row[0] for row in TEXTS])
def test_the_teams_figure_is_shown(what: str, text: Callable[[Rules], str], expected: str) -> None:
    assert expected in text(TEAM_RULES), what
    assert expected not in text(PLAYBOOK_RULES), what


def test_the_playbooks_figures_are_shown_under_its_rules() -> None:
    formula = bound("qualification-score", PLAYBOOK_RULES).formula
    assert "Ab 70: aktiv vorantreiben; 55–\u206069: pflegen; unter 55" in formula
    assert bound("exit-planner", PLAYBOOK_RULES).formula.startswith(
        f"Wiedervorlage = Datum der Entscheidung + 60–\u206090{NBSP}Tage"
    )


def test_a_windows_bounds_and_default_follow_the_rules() -> None:
    field = next(
        item for item in bound("exit-planner", TEAM_RULES).inputs if item.name == "abstand_tage"
    )
    assert (field.minimum, field.maximum, field.default) == (Decimal(30), Decimal(60), "60")
    weeks = next(
        item
        for item in bound("customer-health", TEAM_RULES).inputs
        if item.name == "sanierung_wochen"
    )
    assert (weeks.minimum, weeks.maximum, weeks.default) == (Decimal(4), Decimal(6), "6")


def test_every_worked_example_computes_under_the_teams_rules() -> None:
    for declaration in CALCULATORS.values():
        calculator = declaration.bind(TEAM_RULES)
        for example in calculator.examples:
            calculator.run(dict(example.inputs), {})
        calculator.run(calculator.defaults(), {})
