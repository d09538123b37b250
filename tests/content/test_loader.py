"""Loading the content folder: valid content loads, every error kind fails with its exact message."""

from __future__ import annotations

from pathlib import Path

import pytest

from content_model.loader import load_playbook
from content_model.problems import ContentError

CHAPTER = "chapters/alle-bausteine.yml"
CALCULATORS = {"value-per-hour": ["probability", "margin", "hours"], "qualification-score": []}


def load(root: Path) -> object:
    return load_playbook(root, calculators=CALCULATORS)


def edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load(root)
    return [str(problem).split("/content/", 1)[-1] for problem in raised.value.problems]


def test_fixture_loads(content: Path) -> None:
    """The fixture that uses every block kind validates and resolves all references."""
    playbook = load_playbook(content, calculators=CALCULATORS)
    assert [chapter.id for chapter in playbook.chapters] == ["alle-bausteine"]
    assert playbook.targets["alle-bausteine#schritt-senden"].title == "Senden"
    assert playbook.targets["glossar#kpi"].page == "glossar"


CASES = [
    pytest.param(
        CHAPTER,
        "title: Alle Bausteine",
        "titel: Alle Bausteine",
        [
            "content/chapters/alle-bausteine.yml:5:1: titel: unknown key",
            "content/chapters/alle-bausteine.yml:2:1: title: field required",
        ],
        id="unknown-key-and-missing-field",
    ),
    pytest.param(
        CHAPTER,
        "minutes: 5",
        "minutes: NO",
        [
            "content/chapters/alle-bausteine.yml:7:10: minutes: Input should be a valid integer, "
            "unable to parse string as an integer"
        ],
        id="yaml-1.1-boolean-is-not-a-number",
    ),
    pytest.param(
        CHAPTER,
        "  - id: einleitung",
        "  - id: Einleitung",
        [
            "content/chapters/alle-bausteine.yml:10:9: sections.0.id: String should match pattern "
            "'^[a-z0-9]+(?:-[a-z0-9]+)*$'"
        ],
        id="id-not-kebab-case",
    ),
    pytest.param(
        CHAPTER,
        "facts: [A2]",
        "facts: [A12]",
        [
            "content/chapters/alle-bausteine.yml:12:13: sections.0.facts.0: String should match "
            "pattern '^(?:A(?:[1-9]|1[01])|B[1-9])$'"
        ],
        id="unknown-fact-id",
    ),
    pytest.param(
        CHAPTER,
        "id: schritt-senden",
        "id: schritt-vorbereiten",
        [
            "content/chapters/alle-bausteine.yml:35:17: sections.1.blocks.0.items.1.id: duplicate id "
            "'schritt-vorbereiten' (already used in content/chapters/alle-bausteine.yml:30)",
            # The sample dialogue's time box named the renamed step: it says so where it is.
            "content/chapters/alle-bausteine.yml:139:23: sections.3.blocks.1.passages.1.timebox.0: "
            "'schritt-senden' gibt es dort nicht (bekannt: schritt-vorbereiten)",
        ],
        id="duplicate-anchor-id",
    ),
    pytest.param(
        CHAPTER,
        "ref: glossar#kpi",
        "ref: glossar#kpx",
        [
            "content/chapters/alle-bausteine.yml:107:18: sections.2.blocks.2.items.0.ref: reference "
            "'glossar#kpx' points nowhere"
        ],
        id="dangling-see-also",
    ),
    pytest.param(
        CHAPTER,
        "[[alle-bausteine#schritte|",
        "[[alle-bausteine#schritt|",
        [
            "content/chapters/alle-bausteine.yml:15:15: sections.0.blocks.0.text: reference "
            "'alle-bausteine#schritt' points nowhere"
        ],
        id="dangling-inline-reference",
    ),
    pytest.param(
        CHAPTER,
        "calculator: value-per-hour",
        "calculator: value-per-minute",
        [
            "content/chapters/alle-bausteine.yml:110:21: sections.2.blocks.3.calculator: unknown "
            "calculator 'value-per-minute' (known: qualification-score, value-per-hour)"
        ],
        id="unknown-calculator",
    ),
    pytest.param(
        CHAPTER,
        "Guten Tag {ansprechpartner},",
        "Guten Tag {anrede},",
        [
            "content/chapters/alle-bausteine.yml:84:15: sections.1.blocks.7.body: placeholder {anrede} "
            "is not declared",
            "content/chapters/alle-bausteine.yml:90:20: sections.1.blocks.7.placeholders.1.name: "
            "placeholder {ansprechpartner} is declared but not used",
        ],
        id="template-placeholders",
    ),
    pytest.param(
        CHAPTER,
        "calculator: value-per-hour",
        "calculator: value-per-hour\n        presets:\n"
        "          - {id: preset-a, label: Kontakt A, values: {probability: '30', margen: '6000'}}",
        [
            "content/chapters/alle-bausteine.yml:112:74: sections.2.blocks.3.presets.0.values.margen: "
            "unknown field 'margen' of value-per-hour (known: probability, margin, hours)"
        ],
        id="unknown-preset-field",
    ),
    pytest.param(
        CHAPTER,
        "id: schritt-senden",
        "id: rechner-senden",
        [
            "content/chapters/alle-bausteine.yml:35:17: sections.1.blocks.0.items.1.id: ids starting "
            "with 'rechner-' are reserved for calculators",
            "content/chapters/alle-bausteine.yml:130:11: sections.3.blocks.1.passages: keine Passage "
            "zeigt 'rechner-senden'; das Gespräch soll so lange dauern wie seine Agenda",
            "content/chapters/alle-bausteine.yml:139:23: sections.3.blocks.1.passages.1.timebox.0: "
            "'schritt-senden' gibt es dort nicht (bekannt: schritt-vorbereiten, rechner-senden)",
        ],
        id="reserved-calculator-anchor",
    ),
    pytest.param(
        CHAPTER,
        'date: "2026-03-04"',
        "date: 2026-02-30",
        [
            "content/chapters/alle-bausteine.yml:78:20: sections.1.blocks.6.rows.0.date: Value error, "
            "day is out of range for month"
        ],
        id="impossible-date",
    ),
    pytest.param(
        CHAPTER,
        "part: teil-eins",
        "part: teil-zwei",
        [
            "content/chapters/alle-bausteine.yml:3:7: part: unknown part 'teil-zwei' (known: teil-eins)"
        ],
        id="unknown-part",
    ),
    pytest.param(
        CHAPTER,
        "id: alle-bausteine",
        "id: andere-bausteine",
        ["content/chapters/alle-bausteine.yml:2:5: id: must match the file name 'alle-bausteine'"],
        id="id-differs-from-file-name",
    ),
    pytest.param(
        CHAPTER,
        "      - type: list\n",
        "      - type: liste\n",
        [
            "content/chapters/alle-bausteine.yml:19:9: sections.0.blocks.1: Input tag 'liste' found using "
            "'type' does not match any of the expected tags: 'text', 'list', 'callout', 'steps', "
            "'agenda', 'phrasing', 'observations', 'checklist', 'options', 'example_table', "
            "'template', 'dos_donts', 'kpis', 'traffic_light', 'see_also', 'calculator', "
            "'score_guide', 'self_check', 'objections', 'dialogue'"
        ],
        id="unknown-block-type",
    ),
    pytest.param(
        CHAPTER,
        "summary: Ein Kapitel",
        "summary: [Ein Kapitel",
        [
            "content/chapters/alle-bausteine.yml:7:8: invalid YAML: while parsing a flow sequence "
            "expected ',' or ']', but got ':'"
        ],
        id="yaml-syntax-error",
    ),
    pytest.param(
        "onboarding.yml",
        "ref: alle-bausteine#schritte",
        "ref: fehlt",
        ["content/onboarding.yml:8:14: stages.0.stops.1.ref: reference 'fehlt' points nowhere"],
        id="dangling-onboarding-stop",
    ),
    pytest.param(
        CHAPTER,
        "{color: yellow,",
        "{color: green,",
        [
            "content/chapters/alle-bausteine.yml:102:11: sections.2.blocks.1.items: each colour must "
            "appear exactly once"
        ],
        id="traffic-light-colours",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), CASES)
def test_error_is_reported_exactly(
    content: Path, file: str, old: str, new: str, expected: list[str]
) -> None:
    """Each kind of content error fails with file, line, column, field path and message."""
    edit(content, file, old, new)
    assert sorted(problems_of(content)) == sorted(expected)


def test_every_problem_of_a_file_is_reported_at_once(content: Path) -> None:
    """Three unrelated mistakes in one file give three problems in one error."""
    edit(content, CHAPTER, "title: Alle Bausteine", "titel: Alle Bausteine")
    edit(content, CHAPTER, "minutes: 5", "minutes: fünf")
    edit(content, CHAPTER, "kind: tip", "kind: tipp")
    assert len(problems_of(content)) == 4  # unknown key, missing title, minutes, kind


def test_duplicate_chapter_order_is_rejected(content: Path) -> None:
    """Two chapters of one part cannot claim the same position."""
    second = (
        (content / CHAPTER)
        .read_text(encoding="utf-8")
        .replace("id: alle-bausteine", "id: zweites-kapitel", 1)
    )
    for old in (
        "einleitung",
        "schritte",
        "kennzahlen",
        "schritt-vorbereiten",
        "schritt-senden",
        "mappe-pruefen",
        "option-umfang",
        "option-plan",
        "vorlage-mail",
        "ueben",
        "einwand-spaeter",
        "beispiel-bausteine",
        "selbstcheck",
        "selbstcheck-bausteine",
    ):
        second = second.replace(f"id: {old}", f"id: zwei-{old}").replace(f"#{old}", f"#zwei-{old}")
    second = second.replace("[[alle-bausteine#", "[[zweites-kapitel#")
    second = second.replace("{ref: alle-bausteine#", "{ref: zweites-kapitel#").replace(
        "timebox: [schritt-", "timebox: [zwei-schritt-"
    )
    second = second.replace("#kpi-termintreue", "#zwei-kpi").replace(
        "id: kpi-termintreue", "id: zwei-kpi"
    )
    (content / "chapters" / "zweites-kapitel.yml").write_text(second, encoding="utf-8")
    assert problems_of(content) == [
        "content/chapters/zweites-kapitel.yml:4:8: order: order 1 is already taken by 'alle-bausteine'"
    ]


def test_missing_file_is_named(content: Path) -> None:
    """A missing glossary is reported by name instead of crashing."""
    (content / "glossary.yml").unlink()
    assert problems_of(content) == ["content/glossary.yml:1:1: file is missing"]
