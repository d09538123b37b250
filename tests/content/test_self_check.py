"""The self-check block: what the schema accepts, and every mistake it reports with its place.

The fixture chapter ``alle-bausteine`` ends with a self-check of three questions (single,
multiple and ordering). Each test breaks one thing in a copy and expects the one located
message for it; the valid fixture is the control that loads without any.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from content_model.loader import load_playbook
from content_model.problems import ContentError
from content_model.schema import SelfCheckBlock
from content_model.self_check import self_check_scope, shuffled

CHAPTER = "chapters/alle-bausteine.yml"
CALCULATORS = {"value-per-hour": ["probability", "margin", "hours"], "qualification-score": []}


def edit(root: Path, old: str, new: str) -> None:
    path = root / CHAPTER
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture changed: {old!r} not once in {CHAPTER}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(root: Path, text: str, occurrence: int = 0) -> int:
    """The line of the fixture chapter that holds ``text`` (where a message must point)."""
    lines = (root / CHAPTER).read_text(encoding="utf-8").splitlines()
    return [number for number, line in enumerate(lines, start=1) if text in line][occurrence]


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_playbook(root, calculators=CALCULATORS)
    return [str(problem).split("/content/", 1)[-1] for problem in raised.value.problems]


def self_check(root: Path) -> SelfCheckBlock:
    playbook = load_playbook(root, calculators=CALCULATORS)
    blocks = [
        block
        for chapter in playbook.chapters
        for section in chapter.sections
        for block in section.blocks
        if isinstance(block, SelfCheckBlock)
    ]
    assert len(blocks) == 1
    return blocks[0]


def test_the_fixture_self_check_loads(content: Path) -> None:
    """Control: the valid fixture loads, with its three kinds of question and a link target."""
    block = self_check(content)
    assert [question.kind for question in block.questions] == ["single", "multiple", "order"]
    assert [option.correct for option in block.questions[0].options] == [False, True]
    playbook = load_playbook(content, calculators=CALCULATORS)
    assert playbook.targets["alle-bausteine#selbstcheck-bausteine"].title == "Selbstcheck"


def _question_path(content: Path, question: int) -> str:
    """The field path of the fixture chapter's self-check question (its section and block)."""
    playbook = load_playbook(content, calculators=CALCULATORS)
    (chapter,) = playbook.chapters
    for s_index, section in enumerate(chapter.sections):
        for b_index, block in enumerate(section.blocks):
            if isinstance(block, SelfCheckBlock):
                return f"sections.{s_index}.blocks.{b_index}.questions.{question}"
    raise AssertionError("no self-check in the fixture")


#: (old text, new text, where the message points: a text on that line, which occurrence of
#: it, the column; the question's index; the message below the question's path).
CASES = [
    pytest.param(
        "              - {text: Mit dem Senden, why: Gesendet wird erst am Ende.}",
        "              - {text: Mit dem Senden, correct: true, why: Gesendet wird erst am Ende.}",
        ("{text: Mit dem Senden, correct: true", 0, 15),
        0,
        "options: a single-choice question has exactly one right answer, not 2",
        id="single-choice-with-two-right-answers",
    ),
    pytest.param(
        "            steps: [Vorbereiten, Senden, Nachfassen]",
        "            steps: [Vorbereiten, Senden]",
        ("steps: [Vorbereiten, Senden]", 0, 20),
        2,
        "steps: an ordering question needs at least three steps, not 2",
        id="ordering-with-two-steps",
    ),
    pytest.param(
        "            why: Ohne Vorbereitung gibt es nichts zu senden, ohne Senden nichts nachzufassen.\n",
        "",
        ("- id: reihenfolge", 0, 13),
        2,
        "why: explanation missing: say why the steps come in this order",
        id="ordering-without-explanation",
    ),
    pytest.param(
        "              - {text: Eine Schuldzuweisung, why: Sie verhärtet das Gespräch.}",
        "              - {text: Eine Schuldzuweisung}",
        ("{text: Eine Schuldzuweisung}", 0, 17),
        1,
        "options.2.why: field required",
        id="option-without-explanation",
    ),
    pytest.param(
        '            learn: "[[alle-bausteine#mappe-pruefen|Checkliste]]"',
        "            learn: Die Checkliste oben",
        ("learn: Die Checkliste oben", 0, 20),
        1,
        "learn: link the step that teaches this: [[kapitel#anker|Linktext]]",
        id="learn-without-link",
    ),
    pytest.param(
        "          - id: in-die-mappe",
        "          - id: erster-schritt",
        ("- id: erster-schritt", 1, 17),
        1,
        "id: duplicate id 'erster-schritt'",
        id="duplicate-question-id",
    ),
]


@pytest.mark.parametrize(("old", "new", "where", "question", "message"), CASES)
# The parameters are the cases' columns, named as in CASES.
def test_a_mistake_is_reported_where_it_is(  # noqa: PLR0917
    content: Path,
    old: str,
    new: str,
    where: tuple[str, int, int],
    question: int,
    message: str,
) -> None:
    """Each mistake gives exactly one problem: file, line, column, field path and message."""
    path = _question_path(content, question)
    edit(content, old, new)
    text, occurrence, column = where
    line = line_of(content, text, occurrence)
    assert problems_of(content) == [
        f"content/chapters/alle-bausteine.yml:{line}:{column}: {path}.{message}"
    ]


def test_too_few_questions_are_reported(content: Path) -> None:
    """A self-check has three to five questions; with two, the list itself is named."""
    text = (content / CHAPTER).read_text(encoding="utf-8")
    start = text.index("          - id: reihenfolge")
    end = text.index('            learn: "[[alle-bausteine#schritte|Schritte]]"\n') + len(
        '            learn: "[[alle-bausteine#schritte|Schritte]]"\n'
    )
    (content / CHAPTER).write_text(text[:start] + text[end:], encoding="utf-8")
    (found,) = problems_of(content)
    assert found.endswith("questions: List should have at least 3 items after validation, not 2")
    first = line_of(content, "          - id: erster-schritt")
    assert found.startswith(f"content/chapters/alle-bausteine.yml:{first}:11: ")


def test_shown_order_is_never_the_right_one() -> None:
    """Ordering questions show their steps shuffled, the same way every build."""
    for count in range(2, 8):
        texts = [f"Schritt {index}" for index in range(count)]
        order = shuffled(count, texts)
        assert sorted(order) == list(range(count))
        assert order != list(range(count))
        assert order == shuffled(count, texts)


def test_onboarding_counts_every_question_key(content: Path) -> None:
    """The onboarding counter gets each question's key, grouped by its self-check's id."""
    playbook = load_playbook(content, calculators=CALCULATORS)
    scope = self_check_scope(playbook.chapters)
    assert scope.count == 1
    assert str(scope.keys).split() == [
        "selbstcheck-bausteine/erster-schritt",
        "selbstcheck-bausteine/in-die-mappe",
        "selbstcheck-bausteine/reihenfolge",
    ]
