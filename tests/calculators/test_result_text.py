"""The result to take along: plain text for a CRM note and the print card, composed in Python.

Every preset of the playbook's chapters and every worked example of each calculator gives a
text with the calculator's name and the reader's date, every input with its German label and
its value in German formatting, the verdict and its reasons; the card says the same as HTML.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from calculators.boundary import run, run_json
from calculators.calculator import BoundCalculator
from calculators.registry import CALCULATORS, field_names
from calculators.result_text import READER_DATE
from calculators.rules import rules_as_data
from content_model.loader import load_playbook, walk
from content_model.schema import CalculatorBlock
from tests.calculators.playbook_rules import PLAYBOOK_RULES

ROOT = Path(__file__).resolve().parents[2]
NBSP = "\u00a0"
TODAY = {READER_DATE: "2026-03-17"}


def presets() -> Iterator[tuple[str, str, dict[str, str]]]:
    """(calculator id, preset label, the full form values) of every chapter preset and example."""
    playbook = load_playbook(ROOT / "content", calculators=field_names())
    for chapter in playbook.chapters:
        for _, node in walk(chapter):
            if isinstance(node, CalculatorBlock):
                defaults = CALCULATORS[node.calculator].bind(PLAYBOOK_RULES).defaults()
                for preset in node.presets:
                    yield node.calculator, preset.label, {**defaults, **preset.values}
    for calculator_id, declaration in CALCULATORS.items():
        calculator = declaration.bind(PLAYBOOK_RULES)
        for example in calculator.examples:
            yield calculator_id, example.title, {**calculator.defaults(), **example.inputs}


PRESETS = list(presets())


def taken(calculator_id: str, fields: dict[str, str]) -> dict[str, str]:
    reply = run(calculator_id, {**fields, **TODAY}, rules=PLAYBOOK_RULES)
    assert reply["ok"], reply
    result = reply["result"]
    assert isinstance(result, dict)
    along = result["take_along"]
    assert isinstance(along, dict)
    return along


def problems(calculator: BoundCalculator, text: str, verdict: str) -> list[str]:
    """What a CRM note of this calculator lacks (empty when it is complete)."""
    found = []
    if not text.startswith(f"{calculator.title} – Ergebnis vom 17.03.2026\n"):
        found.append("Name und Datum fehlen in der ersten Zeile")
    for field in calculator.inputs:
        if f"- {field.label}:" not in text:
            found.append(f"Eingabe „{field.label}“ fehlt")
    if f"\nErgebnis: {verdict}\n" not in text:
        found.append("Ergebnis fehlt")
    if "2026-" in text or "\t" in text:
        found.append("ISO-Datum oder Tabulator im Text")
    return found


def test_there_are_presets_for_every_calculator() -> None:
    assert {calculator for calculator, _, _ in PRESETS} == set(CALCULATORS)
    assert len(PRESETS) > len(CALCULATORS)


@pytest.mark.parametrize(
    ("calculator_id", "label", "fields"), PRESETS, ids=[f"{c}:{lbl}" for c, lbl, _ in PRESETS]
)
def test_every_preset_gives_a_complete_note(
    calculator_id: str, label: str, fields: dict[str, str]
) -> None:
    calculator = CALCULATORS[calculator_id].bind(PLAYBOOK_RULES)
    reply = run(calculator_id, {**fields, **TODAY}, rules=PLAYBOOK_RULES)
    assert reply["ok"], reply
    result = reply["result"]
    assert isinstance(result, dict)
    along = result["take_along"]
    assert problems(calculator, along["text"], str(result["verdict"])) == []
    for reason in result["explanation"]:
        assert f"- {reason}\n" in along["text"]
    card = along["html"]
    assert f"<strong>{calculator.title} – Ergebnis vom 17.03.2026</strong>" in card
    assert card.count('<th scope="row">') == len(calculator.inputs)
    assert f"kx-tone-{result['tone']}" in card


def test_the_chapters_example_as_a_crm_note() -> None:
    along = taken(
        "value-per-hour",
        {"kontakte": "A; 30 %; 6.000; 6\nB; 15 %; 8.000; 10; nein", "team_median": "250"},
    )
    assert along["text"] == (
        "Wert pro Stunde – Ergebnis vom 17.03.2026\n"
        "\n"
        "Eingaben:\n"
        "- Kontakte:\n"
        f"  1. Kontakt: A; Abschlusswahrscheinlichkeit: 30{NBSP}%; Marge: 6.000{NBSP}EUR; "
        f"Stunden bis zur Entscheidung: 6{NBSP}h\n"
        f"  2. Kontakt: B; Abschlusswahrscheinlichkeit: 15{NBSP}%; Marge: 8.000{NBSP}EUR; "
        f"Stunden bis zur Entscheidung: 10{NBSP}h; Bewegung: nein\n"
        f"- Team-Median: 250{NBSP}EUR/h\n"
        "\n"
        "Ergebnis: Priorisieren: A · Parken: B\n"
        "\n"
        "Begründung:\n"
        f"- A: (30{NBSP}% × 6.000{NBSP}EUR) ÷ 6{NBSP}h = 300{NBSP}EUR/h\n"
        f"- B: (15{NBSP}% × 8.000{NBSP}EUR) ÷ 10{NBSP}h = 120{NBSP}EUR/h\n"
        f"- Vergleichswert: Team-Median 250{NBSP}EUR/h; deutlich darunter heißt unter "
        f"80{NBSP}% davon (200{NBSP}EUR/h).\n"
        f"- Zeitfresser-Liste (viele Stunden, keine Bewegung): B (10{NBSP}h)\n"
    )


def test_values_are_shown_as_the_calculator_read_them() -> None:
    """Choices by their label, empty optional fields as a dash, dates in German."""
    text = taken(
        "qualification-score",
        {
            **CALCULATORS["qualification-score"].bind(PLAYBOOK_RULES).defaults(),
            "heute": "2026-03-17",
            "letzte_bewegung": "3.3.2026",
        },
    )["text"]
    assert "- Heute: 17.03.2026\n" in text
    assert "- Letzte Bewegung am: 03.03.2026\n" in text
    assert "- Nächster Schritt im Kalender am: –\n" in text
    exit_text = taken("exit-planner", CALCULATORS["exit-planner"].bind(PLAYBOOK_RULES).defaults())
    assert "- Stand der Einwilligung: liegt vor\n" in exit_text["text"]
    assert f"- Wiedervorlage nach: 90{NBSP}Tage\n" in exit_text["text"]


def test_only_a_request_with_the_readers_date_gets_the_text() -> None:
    """Keystrokes and the build's example never pay for composing it (nor carry a date)."""
    fields = CALCULATORS["value-per-hour"].bind(PLAYBOOK_RULES).defaults()
    reply = run("value-per-hour", fields, rules=PLAYBOOK_RULES)
    result = reply["result"]
    assert isinstance(result, dict)
    assert "take_along" not in result


@pytest.mark.parametrize("date", ["", "17.03.2026", "2026-02-30", "heute"])
def test_an_unreadable_date_leaves_the_date_line_out(date: str) -> None:
    fields = CALCULATORS["value-per-hour"].bind(PLAYBOOK_RULES).defaults()
    reply = run("value-per-hour", {**fields, READER_DATE: date}, rules=PLAYBOOK_RULES)
    result = reply["result"]
    assert isinstance(result, dict)
    assert result["take_along"]["text"].startswith("Wert pro Stunde\n\nEingaben:\n")


def test_typed_text_is_escaped_on_the_card() -> None:
    along = taken("value-per-hour", {"kontakte": "<b>A</b>; 30 %; 6.000; 6", "team_median": ""})
    assert "<b>A</b>" not in along["html"]
    assert "&lt;b&gt;A&lt;/b&gt;" in along["html"]
    assert "Kontakt: <b>A</b>" in along["text"]  # plain text stays as typed


def test_the_browser_entry_carries_the_text() -> None:
    fields = {**CALCULATORS["exit-planner"].bind(PLAYBOOK_RULES).defaults(), **TODAY}
    payload = {"calculator": "exit-planner", "fields": fields}
    reply = json.loads(run_json(json.dumps({**payload, "rules": rules_as_data(PLAYBOOK_RULES)})))
    assert reply["result"]["take_along"]["text"].startswith("Ausstiegsplaner – Ergebnis vom 17.03")


def test_an_incomplete_note_is_found() -> None:
    """Negative control: a note with an input, the date or the verdict missing is reported."""
    calculator = CALCULATORS["value-per-hour"].bind(PLAYBOOK_RULES)
    text = taken("value-per-hour", calculator.defaults())["text"]
    verdict = "Priorisieren: A · Parken: B"
    assert problems(calculator, text, verdict) == []
    assert problems(calculator, text.replace("- Team-Median:", "- Median:"), verdict) == [
        "Eingabe „Team-Median“ fehlt"
    ]
    assert problems(calculator, text.replace(" – Ergebnis vom 17.03.2026", ""), verdict)
    assert problems(calculator, text.replace("Ergebnis: ", "Resultat: "), verdict)
    assert problems(calculator, text + "2026-03-17", verdict)
