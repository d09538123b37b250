"""Objections and model dialogues: located errors, time boxes taken from the chapters, the page.

Each rule gets a planted defect it must report at its line, next to the content that passes.
The time boxes of a dialogue are never typed in its YAML: they are added up from the section it
names, so the tests change that section (or the rule behind it) and watch the dialogue follow.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from content_model.dialogue import passage_timeboxes, timebox_problems
from content_model.loader import load_playbook
from content_model.problems import ContentError
from content_model.schema import AgendaBlock, Chapter, DialogueBlock, ObjectionsBlock
from content_model.site_map import SPECIAL_PAGE_BY_ID, chapter_page
from content_model.templating import html_environment, markdown_environment
from content_model.views.pages import SiteViews
from tests.calculators.playbook_rules import rules_yaml

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
REAL_CONTENT = ROOT / "content"
FIXTURE_CHAPTER = Path("chapters") / "alle-bausteine.yml"
#: What a trainee reads in ten minutes: the brief's upper bound for the Hansen dialogue.
MAX_WORDS = 1500


def _edit(content: Path, old: str, new: str, file: Path = FIXTURE_CHAPTER) -> int:
    """Replace ``old`` (once) in a content file; return the 1-based line where it stood."""
    path = content / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return line


def _problems(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_playbook(content)
    return [str(problem) for problem in caught.value.problems]


def _located_timeboxes(content: Path) -> list[str]:
    """The time-box problems as the loader reports them (file:line:col: field: message)."""
    return _problems(content)


def _page_markdown(content: Path, page_id: str) -> str:
    playbook = load_playbook(content)
    if page_id in playbook.chapter_by_id:
        page = chapter_page(playbook.chapter_by_id[page_id])
    else:
        page = SPECIAL_PAGE_BY_ID[page_id]
    views = SiteViews(playbook, html_environment(TEMPLATES), None)
    return markdown_environment(TEMPLATES).get_template(page.template).render(page=views.view(page))


# --- schema: located errors, each with the content that passes ---


def test_the_fixture_with_both_blocks_loads(content: Path) -> None:
    playbook = load_playbook(content)
    blocks = [b for s in playbook.chapters[0].sections for b in s.blocks]
    assert any(isinstance(block, ObjectionsBlock) for block in blocks)
    assert any(isinstance(block, DialogueBlock) for block in blocks)


def test_an_objection_without_the_wording_to_avoid_is_reported_at_the_objection(
    content: Path,
) -> None:
    line = _edit(content, "            avoid: Klar, ich rufe nächste Woche wieder an.\n", "")
    assert _problems(content) == [
        f"content/chapters/alle-bausteine.yml:{line - 4}:13: "
        "sections.3.blocks.0.items.0.avoid: field required"
    ]


def test_a_quoted_objection_is_reported_because_the_page_quotes_it(content: Path) -> None:
    line = _edit(
        content,
        "objection: Melden Sie sich später wieder.",
        "objection: „Melden Sie sich später wieder.“",
    )
    (problem,) = _problems(content)
    assert problem.startswith(
        f"content/chapters/alle-bausteine.yml:{line}:24: sections.3.blocks.0.items.0.objection: "
    )
    assert "ohne Anführungszeichen" in problem


def test_an_objection_id_is_an_anchor_unique_playbook_wide(content: Path) -> None:
    _edit(content, "id: einwand-spaeter", "id: mappe-pruefen")
    (problem,) = _problems(content)
    assert "duplicate id 'mappe-pruefen'" in problem


def test_a_turn_by_an_undeclared_speaker_is_reported_at_the_turn(content: Path) -> None:
    line = _edit(
        content,
        '{speaker: kunde, text: "Danke, das passt."}',
        '{speaker: chef, text: "Danke, das passt."}',
    )
    (problem,) = _problems(content)
    assert problem.startswith(
        f"content/chapters/alle-bausteine.yml:{line}:"
        "27: sections.3.blocks.1.passages.1.turns.1.speaker: unbekannter Sprecher 'chef'"
    )


def test_a_passage_cannot_type_its_own_minutes(content: Path) -> None:
    """Negative control for "never restated by hand": the schema has no place for minutes."""
    line = _edit(content, "            timebox: [schritt-senden]\n", "            minutes: 2\n")
    assert _problems(content) == [
        f"content/chapters/alle-bausteine.yml:{line}:13: "
        "sections.3.blocks.1.passages.1.minutes: unknown key"
    ]


def test_a_step_link_that_points_nowhere_is_reported(content: Path) -> None:
    _edit(
        content,
        "[[alle-bausteine#schritte|Senden]]",
        "[[alle-bausteine#gibt-es-nicht|Senden]]",
    )
    (problem,) = _problems(content)
    assert "passages.1.step: reference 'alle-bausteine#gibt-es-nicht' points nowhere" in problem


# --- time boxes: taken from the section the dialogue names, checked across files ---


def test_passages_take_their_minutes_from_the_timed_steps(content: Path) -> None:
    playbook = load_playbook(content)
    (dialogue,) = [
        block
        for section in playbook.chapters[0].sections
        for block in section.blocks
        if isinstance(block, DialogueBlock)
    ]
    boxes = passage_timeboxes(dialogue, playbook.chapters)
    assert [(box.labels, box.minutes) for box in boxes if box] == [
        (("Vorbereiten",), 3),
        (("Senden",), 2),
    ]
    markdown = _page_markdown(content, "alle-bausteine")
    assert "Zeitbox: 3&nbsp;Minuten (Vorbereiten)" in markdown
    assert "zusammen 5&nbsp;Minuten" in markdown


def test_a_changed_step_changes_the_dialogue(content: Path) -> None:
    _edit(
        content,
        "            minutes: 3\n            text: Notizen prüfen.",
        "            minutes: 4\n            text: Notizen prüfen.",
    )
    markdown = _page_markdown(content, "alle-bausteine")
    assert "Zeitbox: 4&nbsp;Minuten (Vorbereiten)" in markdown
    assert "zusammen 6&nbsp;Minuten" in markdown


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            "timebox: [schritt-senden]",
            "timebox: [schritt-absenden]",
            "passages.1.timebox.0",
            "'schritt-absenden' gibt es dort nicht (bekannt: schritt-vorbereiten, schritt-senden)",
        ),
        (
            "timebox: [schritt-senden]",
            "timebox: [schritt-vorbereiten]",
            "passages.1.timebox.0",
            "'schritt-vorbereiten' ist schon einer früheren Passage zugeordnet",
        ),
        (
            "            timebox: [schritt-senden]\n",
            "",
            "passages",
            "keine Passage zeigt 'schritt-senden'",
        ),
        (
            "timing: {ref: alle-bausteine#schritte}",
            "timing: {ref: alle-bausteine#kennzahlen}",
            "timing.ref",
            "'alle-bausteine#kennzahlen' ist kein Abschnitt mit einer Agenda oder Schritten",
        ),
    ],
)
def test_a_time_box_that_is_not_the_chapters_is_reported_at_its_place(
    content: Path, old: str, new: str, field: str, message: str
) -> None:
    line = _edit(content, old, new)
    problems = _located_timeboxes(content)
    found = [p for p in problems if f": sections.3.blocks.1.{field}: {message}" in p]
    assert len(found) == 1, problems
    where = found[0].split(": ")[0]
    assert where.startswith("content/chapters/alle-bausteine.yml:")
    assert int(where.split(":")[1]) == line or field == "passages", found


def test_time_boxes_out_of_order_are_reported(content: Path) -> None:
    text = (content / FIXTURE_CHAPTER).read_text(encoding="utf-8")
    text = text.replace("timebox: [schritt-vorbereiten]", "timebox: [schritt-X]")
    text = text.replace("timebox: [schritt-senden]", "timebox: [schritt-vorbereiten]")
    text = text.replace("timebox: [schritt-X]", "timebox: [schritt-senden]")
    (content / FIXTURE_CHAPTER).write_text(text, encoding="utf-8")
    problems = _located_timeboxes(content)
    assert any(
        "'schritt-vorbereiten' steht in der Agenda vor 'schritt-senden'" in p for p in problems
    )


def test_an_unknown_time_box_never_reaches_a_page(content: Path) -> None:
    """The loader refuses rather than let a time box the chapters do not set reach a page."""
    _edit(content, "timebox: [schritt-senden]", "timebox: [schritt-absenden]")
    with pytest.raises(ContentError, match="schritt-absenden"):
        _page_markdown(content, "alle-bausteine")


# --- the real playbook ---


@pytest.fixture(scope="module")
def real_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("real") / "content"
    shutil.copytree(REAL_CONTENT, target)
    return target


def test_the_real_dialogues_follow_the_agenda_and_the_exit_guide(real_content: Path) -> None:
    playbook = load_playbook(real_content)
    for chapter in playbook.chapters:
        assert list(timebox_problems(chapter, playbook.chapters)) == [], chapter.id
    markdown = _page_markdown(real_content, "beispielgespraech")
    assert "zusammen 30&nbsp;Minuten" in markdown
    assert "zusammen 10&nbsp;Minuten" in markdown


def test_a_team_with_a_longer_conversation_sees_the_dialogue_follow(tmp_path: Path) -> None:
    """The agenda's open item takes what the rule leaves, and the dialogue shows it."""
    content = tmp_path / "content"
    shutil.copytree(REAL_CONTENT, content)
    (content / "rules.yml").write_text(
        rules_yaml({"conversation": {"minutes": 45}, "exit_call": {"message_minutes": 4}}),
        encoding="utf-8",
    )
    markdown = _page_markdown(content, "beispielgespraech")
    agenda = next(
        block
        for section in load_playbook(content).chapter_by_id["gespraech-eroeffnen"].sections
        for block in section.blocks
        if isinstance(block, AgendaBlock)
    )
    minutes = dict(zip((item.label for item in agenda.items), agenda.filled_minutes(), strict=True))
    shown = re.findall(r"Zeitbox: (\d+)&nbsp;Minuten \(([^)]*)\)", markdown)
    agenda_boxes = [(int(n), labels) for n, labels in shown if labels.split(", ")[0] in minutes]
    assert [labels for _, labels in agenda_boxes] == [
        "Start, Ihre Sicht",
        "Sicht des Kunden",
        "Optionen, Entscheidung",
        "Nächste Schritte",
    ]
    for number, labels in agenda_boxes:
        assert number == sum(minutes[label] or 0 for label in labels.split(", ")), labels
    assert sum(number for number, _ in agenda_boxes) == 45
    assert "zusammen 45&nbsp;Minuten" in markdown
    assert "Zeitbox: 4&nbsp;Minuten (Botschaft nach der 3-S-Formel)" in markdown
    assert "zusammen 11&nbsp;Minuten" in markdown


def _words(chapter: Chapter, dialogue_id: str) -> int:
    (block,) = [
        b
        for s in chapter.sections
        for b in s.blocks
        if isinstance(b, DialogueBlock) and b.id == dialogue_id
    ]
    texts = [turn.text for passage in block.passages for turn in passage.turns]
    texts += [passage.note or "" for passage in block.passages]
    return sum(len(re.findall(r"\w+", text)) for text in texts)


def test_the_hansen_dialogue_reads_in_ten_minutes(real_content: Path) -> None:
    chapter = load_playbook(real_content).chapter_by_id["beispielgespraech"]
    assert 600 < _words(chapter, "beispiel-hansen") <= MAX_WORDS


def test_the_hansen_dialogue_shows_all_seven_steps(real_content: Path) -> None:
    chapter = load_playbook(real_content).chapter_by_id["beispielgespraech"]
    (block,) = [
        b
        for s in chapter.sections
        for b in s.blocks
        if isinstance(b, DialogueBlock) and b.id == "beispiel-hansen"
    ]
    steps = [re.search(r"\[\[([a-z-]+)", passage.step).group(1) for passage in block.passages]  # type: ignore[union-attr]
    assert steps == [
        "lage-klaeren",
        "gespraechsmappe",
        "gespraech-eroeffnen",
        "fakten-spiegeln",
        "drei-wege",
        "verbindlichkeit",
        "fazit-lernen",
    ]


# --- the objections page gathers every objection ---


def _objection_ids(markdown: str) -> list[str]:
    return re.findall(r"^### Einwand: .*\{#([a-z0-9-]+)\}$", markdown, flags=re.MULTILINE)


def test_the_objections_page_lists_every_objection_of_the_playbook(real_content: Path) -> None:
    playbook = load_playbook(real_content)
    expected = [
        objection.id
        for chapter in playbook.chapters
        for section in chapter.sections
        for block in section.blocks
        if isinstance(block, ObjectionsBlock)
        for objection in block.items
    ]
    assert len(expected) >= 10
    assert _objection_ids(_page_markdown(real_content, "einwaende")) == expected


def test_a_planted_objection_appears_and_a_removed_one_disappears(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(REAL_CONTENT, content)
    chapter = Path("chapters") / "verbindlichkeit.yml"
    _edit(
        content,
        "          - id: einwand-kein-review\n",
        "          - id: einwand-gepflanzt\n"
        "            objection: Das machen wir wie immer.\n"
        "            answer: Gern, und wer genau übernimmt es bis wann?\n"
        "            why: Ohne Namen und Datum bleibt es liegen.\n"
        "            avoid: Na gut.\n"
        "          - id: einwand-kein-review\n",
        chapter,
    )
    text = (content / "chapters" / "ausstiegsleitfaden.yml").read_text(encoding="utf-8")
    start = text.index("          - id: einwand-noch-ein-angebot\n")
    end = text.index("            avoid: Super, dann schicke ich Ihnen gleich ein neues Angebot.\n")
    end += len("            avoid: Super, dann schicke ich Ihnen gleich ein neues Angebot.\n")
    (content / "chapters" / "ausstiegsleitfaden.yml").write_text(
        text[:start] + text[end:], encoding="utf-8"
    )
    ids = _objection_ids(_page_markdown(content, "einwaende"))
    assert "einwand-gepflanzt" in ids
    assert "einwand-noch-ein-angebot" not in ids
    assert ids.index("einwand-kein-protokoll") < ids.index("einwand-gepflanzt")
