"""The real content folder: it validates, and it carries every fact of the source articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from calculators.boundary import run
from calculators.registry import CALCULATORS, field_names
from content_model.calculator_embed import template_texts
from content_model.loader import Playbook, load_playbook, walk
from content_model.schema import CalculatorBlock

ROOT = Path(__file__).resolve().parents[2]
FACTS_FILE = ROOT.parent / "shared" / "content-facts.md"
REQUIRED_FACTS = [f"A{n}" for n in range(1, 12)] + [f"B{n}" for n in range(1, 10)]
GLOSSARY_TERMS = {
    "moscow",
    "raci",
    "ltv",
    "cac",
    "pareto-prinzip",
    "opportunitaetskosten",
    "jour-fixe",
    "freigabefenster",
    "eskalationspfad",
    "status-ampel",
    "kpi",
    "crm",
    "nurture-strecke",
    "wiedervorlage",
    "sanierungsphase",
}


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    return load_playbook(ROOT / "content", calculators=field_names())


def facts_named(playbook: Playbook) -> set[str]:
    named: set[str] = set()
    for chapter in playbook.chapters:
        for path, node in walk(chapter):
            if path and path[-1] == "facts" and isinstance(node, list):
                named.update(node)
    return named


def test_every_fact_is_carried(playbook: Playbook) -> None:
    """Each fact id A1-A11 and B1-B9 is named by at least one chapter, section or block."""
    assert sorted(set(REQUIRED_FACTS) - facts_named(playbook)) == []


@pytest.mark.skipif(
    not FACTS_FILE.is_file(), reason="shared/content-facts.md is not beside the clone"
)
def test_required_facts_match_the_fact_list() -> None:
    """The list above is exactly the ids of shared/content-facts.md, so none is forgotten."""
    ids = re.findall(r"^- ([AB]\d+) \(", FACTS_FILE.read_text(encoding="utf-8"), re.MULTILINE)
    assert ids == REQUIRED_FACTS


def test_every_glossary_term_is_present(playbook: Playbook) -> None:
    """The glossary holds every term the fact list asks for."""
    assert {term.id for term in playbook.glossary} == GLOSSARY_TERMS


def test_every_calculator_is_embedded_somewhere(playbook: Playbook) -> None:
    """Each calculator appears in at least one chapter."""
    embedded = {
        node
        for chapter in playbook.chapters
        for path, node in walk(chapter)
        if path and path[-1] == "calculator"
    }
    assert embedded == set(field_names())


def test_onboarding_visits_every_chapter(playbook: Playbook) -> None:
    """The onboarding path leads through every chapter."""
    visited = {
        stop.ref.partition("#")[0] for stage in playbook.onboarding.stages for stop in stage.stops
    }
    assert {chapter.id for chapter in playbook.chapters} <= visited


def test_both_parts_are_filled(playbook: Playbook) -> None:
    """Part A has the seven steps, an overview and the sample conversations; part B eight."""
    counts = {part.id: len(playbook.chapters_of(part)) for part in playbook.parts}
    assert counts == {"gespraeche": 9, "kunden-aufgeben": 8}


def test_templates_filled_by_calculators_exist_and_fit(playbook: Playbook) -> None:
    """Each template a calculator fills is in the content and uses only names it fills."""
    for declaration in CALCULATORS.values():
        calculator = declaration.bind(playbook.rules)
        if not calculator.templates:
            continue
        texts = template_texts(playbook, calculator.templates)
        assert sorted(texts) == sorted(calculator.templates)
        answer = run(calculator.id, calculator.defaults(), texts, playbook.rules)
        assert answer["ok"] is True, answer
        result = answer["result"]
        assert isinstance(result, dict)
        documents = result["documents"]
        assert isinstance(documents, list)
        assert len(documents) == len(calculator.templates)
        assert all("{" not in document["text"] for document in documents)


def test_every_preset_computes(playbook: Playbook) -> None:
    """A trainer's preset link must open a result, never an error message."""
    presets = [
        (node.calculator, preset)
        for chapter in playbook.chapters
        for _, node in walk(chapter)
        if isinstance(node, CalculatorBlock)
        for preset in node.presets
    ]
    assert len(presets) >= 4
    for calculator_id, preset in presets:
        calculator = CALCULATORS[calculator_id].bind(playbook.rules)
        texts = template_texts(playbook, calculator.templates)
        answer = run(
            calculator_id, {**calculator.defaults(), **preset.values}, texts, playbook.rules
        )
        assert answer["ok"] is True, (preset.id, answer)
