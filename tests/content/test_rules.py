"""``content/rules.yml`` and ``[[regel:…]]`` references: valid rules load, broken ones fail.

Every broken case is a planted defect in a copy of the fixture content, with the exact
located German message an author sees (file:line:col: field: message).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators.rules import Rules, rules_as_data
from content_model.loader import load_playbook
from content_model.problems import ContentError
from content_model.rule_text import format_rule
from content_model.rules import rule_names
from content_model.schema import AgendaBlock, StepsBlock, TemplateBlock

ROOT = Path(__file__).resolve().parents[2]
RULES = "rules.yml"
CHAPTER = "chapters/alle-bausteine.yml"
NBSP = "\u00a0"


def edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture changed: {old!r} not once in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_playbook(root)
    return [str(problem).split("/content/", 1)[-1] for problem in raised.value.problems]


def test_the_real_rules_are_the_articles_figures() -> None:
    """The playbook's rules as the calculators take them (defaults: the source articles)."""
    rules = load_playbook(ROOT / "content").rules
    assert isinstance(rules, Rules)
    data = rules_as_data(rules)
    assert data["score"] == {
        "question_points": 20,
        "step": 5,
        "pursue_from": 70,
        "nurture_from": 55,
        "days_without_next_step": 30,
        "warning_signals": 2,
        "unanswered_attempts": 3,
    }
    assert data["follow_up"] == {"days": [60, 90]}
    assert data["remediation"]["weeks"] == [6, 8]
    assert data["commitment"]["kept_share"] == 90
    assert data["value"]["clearly_below_median"] == 80
    assert data["conversation"]["minutes"] == 30


def test_every_rule_has_its_metadata() -> None:
    """Each rule of ``calculators.rules.Rules`` is in the file with a range and a description."""
    book = load_playbook(ROOT / "content").rule_book
    names = [
        f"{section}.{rule}"
        for section, rules in rules_as_data(book.rules).items()
        for rule in rules
    ]
    assert list(book.entries) == list(rule_names()) == names
    for name, entry in book.entries.items():
        assert entry.description.endswith("."), name
        assert entry.min <= entry.max, name


@pytest.mark.parametrize(
    ("value", "unit", "form", "expected"),
    [
        (70, "punkte", "", f"70{NBSP}Punkte"),
        (55, "punkte", "dativ", f"55{NBSP}Punkten"),
        (1, "punkte", "dativ", f"1{NBSP}Punkt"),
        ((60, 90), "tage", "", f"60–\u206090{NBSP}Tage"),
        ((60, 90), "tage", "dativ", f"60–\u206090{NBSP}Tagen"),
        ((60, 90), "tage", "zahl", "60–\u206090"),
        (30, "tage", "dativ", f"30{NBSP}Tagen"),
        (1, "wochen", "", f"1{NBSP}Woche"),
        (2, "wochen", "dativ", f"2{NBSP}Wochen"),
        (90, "prozent", "", f"90{NBSP}%"),
        (48, "stunden", "", f"48{NBSP}Stunden"),
        (1000, "stunden", "", f"1.000{NBSP}Stunden"),
        (30, "minuten", "zahl", "30"),
        (3, "anzahl", "", "3"),
        (3, "anzahl", "dativ", "3"),
    ],
)
def test_a_rule_reads_as_german(value: int, unit: str, form: str, expected: str) -> None:
    assert format_rule(value, unit, form) == expected  # type: ignore[arg-type]


def test_references_are_replaced_in_every_kind_of_field(content: Path) -> None:
    """Titles, prose, text templates, tooltips and time boxes all show the rule's figure."""
    edit(
        content, CHAPTER, "title: Alle Bausteine", "title: Ab [[regel:score.pursue_from]] verfolgen"
    )
    edit(
        content,
        CHAPTER,
        "minutes: 3\n",
        'minutes: "[[regel:exit_call.preparation_minutes|zahl]]"\n',
    )
    edit(content, CHAPTER, "- {label: Einstieg, minutes: 5}", "- {label: Einstieg}")
    edit(
        content,
        CHAPTER,
        "      - type: agenda\n",
        '      - type: agenda\n        total: "[[regel:conversation.minutes|zahl]]"\n',
    )
    glossary = (content / "glossary.yml").read_text(encoding="utf-8")
    short = glossary.split("short: ", 1)[1].split("\n", 1)[0]
    edit(
        content,
        "glossary.yml",
        f"short: {short}\n",
        "short: Binnen [[regel:follow_up.days|dativ]].\n",
    )
    playbook = load_playbook(content)
    chapter = playbook.chapters[0]
    assert chapter.title == f"Ab 70{NBSP}Punkte verfolgen"
    assert playbook.targets["alle-bausteine"].title == chapter.title
    blocks = [block for section in chapter.sections for block in section.blocks]
    steps = next(block for block in blocks if isinstance(block, StepsBlock))
    assert steps.items[0].minutes == 3
    agenda = next(block for block in blocks if isinstance(block, AgendaBlock))
    assert agenda.total == 30
    assert agenda.filled_minutes() == [20, 10]
    assert playbook.glossary[0].short == f"Binnen 60–\u206090{NBSP}Tagen."


def test_a_text_template_carries_the_figure_to_the_calculators(content: Path) -> None:
    template = next(
        block
        for section in load_playbook(content).chapters[0].sections
        for block in section.blocks
        if isinstance(block, TemplateBlock)
    )
    first = template.body.splitlines()[0]
    edit(content, CHAPTER, first, f"Bitte binnen [[regel:approval.window_hours|dativ]]. {first}")
    changed = next(
        block
        for section in load_playbook(content).chapters[0].sections
        for block in section.blocks
        if isinstance(block, TemplateBlock)
    )
    assert changed.texts()["body"].startswith(f"Bitte binnen 48{NBSP}Stunden.")


CASES = [
    pytest.param(
        RULES,
        "    value: 70\n",
        "    value: siebzig\n",
        ["content/rules.yml:25:12: score.pursue_from.value: erwartet eine ganze Zahl"],
        id="wrong-type",
    ),
    pytest.param(
        RULES,
        "    value: [60, 90]\n",
        "    value: 60\n",
        [
            "content/rules.yml:157:12: follow_up.days.value: "
            "erwartet ein Zeitfenster aus zwei ganzen Zahlen, z. B. [60, 90]"
        ],
        id="window-expected",
    ),
    pytest.param(
        RULES,
        "    value: [60, 90]\n",
        "    value: [90, 60]\n",
        [
            "content/rules.yml:157:12: follow_up.days.value: das Zeitfenster beginnt nach seinem Ende (90 > 60)"
        ],
        id="reversed-window",
    ),
    pytest.param(
        RULES,
        "    value: 30\n    unit: tage\n    min: 7\n    max: 180\n",
        "    value: 300\n    unit: tage\n    min: 7\n    max: 180\n",
        [
            "content/rules.yml:39:12: score.days_without_next_step.value: "
            "300 liegt außerhalb des erlaubten Bereichs 7–180"
        ],
        id="outside-range",
    ),
    pytest.param(
        RULES,
        "    value: 90\n    unit: prozent\n    min: 50\n    max: 100\n",
        "    value: 120\n    unit: prozent\n    min: 50\n    max: 150\n",
        [
            "content/rules.yml:91:12: commitment.kept_share.value: "
            f"ein Anteil kann nicht über 100{NBSP}% liegen (120{NBSP}%)"
        ],
        id="share-above-100",
    ),
    pytest.param(
        RULES,
        "  pursue_from:\n",
        "  pursue_form:\n",
        [
            "content/rules.yml:9:1: score.pursue_from: Regel fehlt",
            "content/rules.yml:24:3: score.pursue_form: unbekannte Regel (bekannt: question_points, "
            "step, pursue_from, nurture_from, days_without_next_step, warning_signals, "
            "unanswered_attempts)",
        ],
        id="unknown-and-missing-rule",
    ),
    pytest.param(
        RULES,
        "    value: 55\n",
        "    value: 70\n",
        [
            "content/rules.yml:32:12: score.nurture_from.value: die Schwelle zum Pflegen "
            f"(70{NBSP}Punkte) muss unter der Schwelle zum aktiven Verfolgen (70{NBSP}Punkte) liegen"
        ],
        id="nurture-band-not-below-pursue-band",
    ),
    pytest.param(
        RULES,
        "    value: 70\n",
        "    value: 110\n",
        [
            "content/rules.yml:25:12: score.pursue_from.value: mit 5 Fragen zu je "
            f"20{NBSP}Punkte sind höchstens 100{NBSP}Punkte erreichbar"
        ],
        id="pursue-band-unreachable",
    ),
    pytest.param(
        RULES,
        "    value: 20\n",
        "    value: 22\n",
        [
            "content/rules.yml:11:12: score.question_points.value: "
            f"muss ein Vielfaches der Schrittweite (5{NBSP}Punkte) sein"
        ],
        id="points-not-in-steps",
    ),
    pytest.param(
        CHAPTER,
        "summary: Ein Kapitel, das",
        "summary: Nach [[regel:score.pursue_form]] ein Kapitel, das",
        [
            "content/chapters/alle-bausteine.yml:6:15: summary: unbekannte Regel "
            "„score.pursue_form“ – meinten Sie „score.pursue_from“? "
            "(alle Regeln stehen in content/rules.yml)"
        ],
        id="unknown-rule-referenced-from-a-chapter",
    ),
    pytest.param(
        CHAPTER,
        "summary: Ein Kapitel, das",
        "summary: Nach [[regel:score.pursue_from|genitiv]] ein Kapitel, das",
        [
            "content/chapters/alle-bausteine.yml:6:15: summary: unbekannte Form „genitiv“ bei "
            "Regel „score.pursue_from“ (erlaubt: „zahl“, „dativ“)"
        ],
        id="unknown-form",
    ),
    pytest.param(
        CHAPTER,
        "minutes: 3\n",
        'minutes: "[[regel:exit_call.vorbereitung|zahl]]"\n',
        [
            "content/chapters/alle-bausteine.yml:32:23: sections.1.blocks.0.items.0.minutes: "
            "unbekannte Regel „exit_call.vorbereitung“ (alle Regeln stehen in content/rules.yml)"
        ],
        id="unknown-rule-as-a-time-box",
    ),
    pytest.param(
        CHAPTER,
        "      - type: agenda\n",
        '      - type: agenda\n        total: "[[regel:exit_call.message_minutes|zahl]]"\n',
        [
            "content/chapters/alle-bausteine.yml:39:16: sections.1.blocks.1.total: "
            f"die Agendapunkte ergeben 15{NBSP}Minuten, geplant sind 3{NBSP}Minuten"
        ],
        id="agenda-does-not-fit-the-rule",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), CASES)
def test_broken_rules_fail_with_a_located_german_message(
    content: Path, file: str, old: str, new: str, expected: list[str]
) -> None:
    edit(content, file, old, new)
    assert problems_of(content) == expected


def test_a_chapter_reference_is_checked_even_when_the_rules_file_is_broken(content: Path) -> None:
    """Both problems at once; the chapter's time box is not reported a second time."""
    edit(content, RULES, "    value: 70\n", "    value: siebzig\n")
    edit(
        content,
        CHAPTER,
        "minutes: 3\n",
        'minutes: "[[regel:exit_call.preparation_minutes|zahl]]"\n',
    )
    edit(
        content,
        CHAPTER,
        "summary: Ein Kapitel, das",
        "summary: Ein Kapitel [[regel:score.foo]], das",
    )
    assert problems_of(content) == [
        "content/chapters/alle-bausteine.yml:6:22: summary: unbekannte Regel „score.foo“ "
        "– meinten Sie „score.step“? (alle Regeln stehen in content/rules.yml)",
        "content/rules.yml:25:12: score.pursue_from.value: erwartet eine ganze Zahl",
    ]


def test_a_missing_rules_file_is_named(content: Path) -> None:
    (content / RULES).unlink()
    assert problems_of(content) == ["content/rules.yml:1:1: file is missing"]
