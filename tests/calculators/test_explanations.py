"""Results explain themselves, and bad input gets a precise German message."""

from __future__ import annotations

import pytest

from calculators.boundary import run
from tests.calculators.cases import score, with_defaults
from tests.calculators.playbook_rules import PLAYBOOK_RULES


def result_of(
    calculator: str, fields: dict[str, str], templates: dict[str, dict[str, str]] | None = None
) -> dict[str, object]:
    answer = run(calculator, fields, templates, PLAYBOOK_RULES)
    assert answer["ok"] is True, answer
    result = answer["result"]
    assert isinstance(result, dict)
    return result


def errors_of(calculator: str, fields: dict[str, str]) -> dict[str, str]:
    answer = run(calculator, fields, rules=PLAYBOOK_RULES)
    assert answer["ok"] is False
    errors = answer["errors"]
    assert isinstance(errors, dict)
    return errors


def test_score_names_the_rule_and_the_nearest_change() -> None:
    fields = score(0, problem="20", entscheider="20", zeitplan="10", budget="10", loesung="0")
    result = result_of("qualification-score", fields)
    assert result["explanation"][0] == (
        "60\u00a0Punkte: Pflegen mit gelegentlichen, hilfreichen Inhalten, weil 55 ≤ 60 < 70."
    )
    assert (
        "+10\u00a0Punkte bei „Stimmige Lösung“ (0 → 10) → aktiv vorantreiben" in result["what_if"]
    )
    assert "\u22126\u00a0Punkte → parken oder aufgeben" in result["what_if"]


def test_score_table_shows_each_dimension_with_its_level() -> None:
    fields = score(0, problem="20", entscheider="5", zeitplan="0", budget="15", loesung="10")
    table = result_of("qualification-score", fields)["table"]
    assert isinstance(table, dict)
    assert table["rows"][0] == ["Klares Problem", "20", "Problem beziffert und dringlich"]
    assert table["rows"][-1] == ["Summe", "50", "von 100"]


def test_score_tells_when_the_expiry_rule_will_switch() -> None:
    fields = score(80, naechster_schritt="", letzte_bewegung="20.02.2026")
    explanation = result_of("qualification-score", fields)["explanation"]
    assert "am 22.03.2026 auf „wartend“ (in 20\u00a0Tagen)" in " ".join(explanation)


def test_value_per_hour_shows_the_formula_with_the_figures() -> None:
    fields = {"kontakte": "A; 30 %; 6.000; 6\nB; 15 %; 8.000; 10", "team_median": "250"}
    result = result_of("value-per-hour", fields)
    assert result["explanation"][:2] == [
        "A: (30\u00a0% × 6.000\u00a0EUR) ÷ 6\u00a0h = 300\u00a0EUR/h",
        "B: (15\u00a0% × 8.000\u00a0EUR) ÷ 10\u00a0h = 120\u00a0EUR/h",
    ]
    assert result["what_if"] == [
        "B: höchstens 4,8\u00a0h bis zur Entscheidung oder mindestens 31,3\u00a0% "
        "Abschlusswahrscheinlichkeit → priorisieren"
    ]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"kontakte": "A; 130; 6000; 5"},
            "kontakte",
            "Zeile 1, Abschlusswahrscheinlichkeit: Der Wert darf höchstens 100\u00a0% sein.",
        ),
        (
            {"kontakte": "A; 30; 6000; 0"},
            "kontakte",
            "Zeile 1, Stunden bis zur Entscheidung: Der Wert muss größer als 0\u00a0h sein.",
        ),
        (
            {"kontakte": "A; 30; 6000; -2"},
            "kontakte",
            "Zeile 1, Stunden bis zur Entscheidung: Der Wert muss größer als 0\u00a0h sein.",
        ),
        ({"kontakte": "A; 30; 6000; 5; 1; 2"}, "kontakte", "Zeile 1: 6 Angaben statt höchstens 5"),
        ({"kontakte": ""}, "kontakte", "Bitte füllen Sie „Kontakte“ aus."),
        (
            {"kontakte": "A; 1.5; 6000; 5"},
            "kontakte",
            "Zeile 1, Abschlusswahrscheinlichkeit: „1.5“ ist mehrdeutig.",
        ),
        (
            {"kontakte": "A; 30; 6000; 5", "team_median": "viel"},
            "team_median",
            "„viel“ ist keine Zahl. Beispiele: 6.000 oder 0,5.",
        ),
    ],
)
def test_bad_entries_are_named_in_german(fields: dict[str, str], field: str, message: str) -> None:
    assert errors_of("value-per-hour", fields)[field].startswith(message)


def test_many_bad_lines_are_summarised() -> None:
    lines = "\n".join(f"K{index}; x; 1; 1" for index in range(8))
    message = errors_of("value-per-hour", {"kontakte": lines})["kontakte"]
    assert message.count("Zeile") == 5
    assert message.endswith("(und 3 weitere)")


def test_integer_fields_refuse_fractions() -> None:
    errors = errors_of("qualification-score", score(50, warnsignale="1,5"))
    assert errors == {"warnsignale": "Bitte geben Sie eine ganze Zahl ein."}


def test_choice_accepts_value_or_label_in_any_case() -> None:
    fields = {
        "heute": "20.03.2026",
        "vorfaelle": "01.03.2026; TERMIN VERPASST\n02.03.2026; Freigabe",
    }
    table = result_of("collaboration-check", fields)["table"]
    assert isinstance(table, dict)
    assert [row[1] for row in table["rows"]] == ["Termin verpasst", "Freigabe fehlt"]


def test_exit_planner_fills_the_content_templates() -> None:
    templates = {
        "vorlage-abschiedsmail": {
            "subject": "Danke, {ansprechpartner}",
            "body": "{grund} – bis {wiedervorlage}. {absender}",
        },
        "vorlage-crm-notiz": {
            "body": "{kunde}: {anlass}; {einwilligung}; entschieden {entscheidungsdatum}; {bruecke}"
        },
    }
    result = result_of("exit-planner", with_defaults("exit-planner"), templates)
    assert result["documents"] == [
        {
            "title": "Abschiedsmail",
            "text": "Betreff: Danke, Frau Berger\n\n"
            "für 2026 ist kein Budget für das Projekt vorgesehen – bis 10.08.2026. Jonas Keller",
        },
        {
            "title": "CRM-Notiz",
            "text": "Berger Logistik GmbH: der nächsten Budgetrunde; liegt vor; "
            "entschieden 12.05.2026; unseren Leitfaden zur Tourenplanung",
        },
    ]


def test_exit_planner_warns_when_there_is_no_consent() -> None:
    result = result_of("exit-planner", with_defaults("exit-planner", einwilligung="pause"))
    assert (
        "Achtung, Einwilligung für Nachrichten: Kunde wünscht eine Pause – respektieren Sie sie."
        in result["explanation"]
    )


def test_red_customer_gets_a_plan_with_two_reviews() -> None:
    result = result_of(
        "customer-health", with_defaults("customer-health", offene_posten="1", sanierung_wochen="6")
    )
    table = result["table"]
    assert isinstance(table, dict)
    assert table["rows"] == [
        ["Ziel 1", "Alle überfälligen Posten bis 13.04.2026 ausgeglichen"],
        ["Ziel 2", "Vereinbarte Reaktionszeiten zu über 90\u00a0% eingehalten"],
        ["Start", "02.03.2026"],
        ["1. Review", "23.03.2026"],
        ["2. Review und Ende", "13.04.2026"],
    ]


def test_commitment_tracker_names_the_kept_count_needed() -> None:
    fields = with_defaults("commitment-tracker")
    result = result_of("commitment-tracker", fields)
    assert result["what_if"] == ["5 von 5 eingehalten (über 90\u00a0%) → die Vereinbarung trägt."]


def test_commitment_tracker_reports_weekly_kpis() -> None:
    fields = with_defaults(
        "commitment-tracker",
        freigaben_gesamt="4",
        freigaben_puenktlich="3",
        kurzfristige_aenderungen="2",
    )
    explanation = result_of("commitment-tracker", fields)["explanation"]
    assert explanation[-1] == (
        "Wochen-KPIs: Termintreue 80\u00a0%; Pünktlichkeit der Freigaben 75\u00a0%; "
        "Kurzfristige Anforderungsänderungen 2."
    )
