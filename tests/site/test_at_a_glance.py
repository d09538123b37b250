"""The cards "auf einen Blick" show the chapters' current text, never a copy of it.

Each test loads a copy of ``content/`` with one planted change (an agenda item, a key
sentence, an if-then statement, a rule, a step of the exit call) and renders the card's page
as the build does: the card shows the change. The same check on the unchanged content does
not find the planted text, so it cannot pass by accident (negative control), and a renamed id
stops the card with a message that names chapter and id.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from content_model.loader import Playbook, load_playbook
from content_model.rule_text import format_rule
from content_model.site_map import SPECIAL_PAGE_BY_ID
from content_model.templating import html_environment, markdown_environment
from content_model.views.at_a_glance import CARDS, CardSelectionError, card_workshop_links
from content_model.views.pages import SiteViews
from tests.site.conftest import ROOT

CONVERSATION = "gespraech-auf-einen-blick"
EXIT = "ausstieg-auf-einen-blick"


def card_markdown(playbook: Playbook, page_id: str) -> str:
    """The card page's Markdown as the build renders it."""
    templates = ROOT / "templates"
    page = SPECIAL_PAGE_BY_ID[page_id]
    views = SiteViews(playbook, html_environment(templates), None)
    return markdown_environment(templates).get_template(page.template).render(page=views.view(page))


def chapter_markdown(playbook: Playbook, chapter_id: str) -> str:
    """A chapter page's Markdown as the build renders it."""
    templates = ROOT / "templates"
    page = next(page for page in playbook.pages if page.id == chapter_id)
    views = SiteViews(playbook, html_environment(templates), None)
    return markdown_environment(templates).get_template(page.template).render(page=views.view(page))


@pytest.fixture(scope="module")
def real() -> Playbook:
    """The playbook as published."""
    return load_playbook(ROOT / "content")


def planted(tmp_path: Path, file: str, old: str, new: str) -> Playbook:
    """The playbook from a copy of ``content/`` where ``old`` in ``file`` became ``new``."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = content / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_playbook(content)


#: (card, file, text in the YAML, planted text, what the card must then show)
PLANTS: list[tuple[str, str, str, str, str]] = [
    (
        CONVERSATION,
        "chapters/gespraech-eroeffnen.yml",
        "note: Absicht, Dauer und Ziel nennen, Agenda bestätigen lassen.",
        "note: Absicht, Dauer und Ziel nennen, Probeweise geänderter Agendapunkt.",
        "Probeweise geänderter Agendapunkt",
    ),
    (
        CONVERSATION,
        "chapters/gespraech-eroeffnen.yml",
        "          - label: Optionen\n            minutes: 10\n",
        "          - label: Optionen\n            minutes: 9\n",
        "| Optionen | 9\u00a0Min. |",
    ),
    (
        CONVERSATION,
        "chapters/drei-wege.yml",
        "Was bräuchten Sie, um heute zu entscheiden?",
        "Was fehlt Ihnen für eine Entscheidung noch heute?",
        "Was fehlt Ihnen für eine Entscheidung noch heute?",
    ),
    (
        CONVERSATION,
        "chapters/drei-wege.yml",
        "Bis zum 14. Mai 2026 beantworten wir Ihre Rückfragen.",
        "Bis zum 21. Mai 2026 beantworten wir Ihre Rückfragen.",
        "Bis zum 21. Mai 2026 beantworten wir Ihre Rückfragen.",
    ),
    (
        CONVERSATION,
        "rules.yml",
        "  kept_share:\n    value: 90\n",
        "  kept_share:\n    value: 85\n",
        "Über 85\u00a0% heißt weitermachen",
    ),
    (
        EXIT,
        "chapters/ausstiegsleitfaden.yml",
        "S2, Stopp aussprechen:",
        "S2, Stopp klar aussprechen:",
        "S2, Stopp klar aussprechen:",
    ),
    (
        EXIT,
        "rules.yml",
        "    value: [60, 90]\n",
        "    value: [45, 75]\n",
        format_rule((45, 75), "tage"),
    ),
]


@pytest.mark.parametrize("plant", PLANTS, ids=[f"{plant[0]}:{plant[4]}" for plant in PLANTS])
def test_the_card_shows_the_chapters_current_text(
    tmp_path: Path, real: Playbook, plant: tuple[str, str, str, str, str]
) -> None:
    """A change in a chapter or a rule is on the card; without it the card does not show it."""
    card, file, old, new, shown = plant
    assert shown not in card_markdown(real, card), "negative control: not there before"
    assert shown in card_markdown(planted(tmp_path, file, old, new), card)


def test_a_key_mark_puts_a_sentence_on_the_card(tmp_path: Path, real: Playbook) -> None:
    """Marking a phrasing ``key: true`` adds it; the unmarked one is not on the card."""
    situation = "          - situation: Eine eigene Beobachtung ansprechen\n"
    sentence = "Mir ist aufgefallen, dass seit Anfang Februar drei vereinbarte Termine"
    assert sentence not in card_markdown(real, CONVERSATION)
    marked = planted(
        tmp_path,
        "chapters/gespraech-eroeffnen.yml",
        situation,
        situation + "            key: true\n",
    )
    assert sentence in card_markdown(marked, CONVERSATION)


def test_the_real_cards_show_every_panel(real: Playbook) -> None:
    """Each card of the published content has all its panels, and the figures in them."""
    conversation = card_markdown(real, CONVERSATION)
    for heading in (
        "## Ablauf und Zeitboxen",
        "## Kernsätze",
        "## Drei Optionen mit Wenn-dann-Aussage",
        "## Verbindlichkeit und Erfolgskennzahl",
    ):
        assert heading in conversation
    assert "| **Gesamt** | **30\u00a0Min.** |" in conversation
    for letter in ("A", "B", "C"):
        assert f"Wenn Sie Option {letter} wählen" in conversation
    exit_card = card_markdown(real, EXIT)
    for heading in (
        "## Vier Schritte mit Zeitbox",
        "## Die 3-S-Formel",
        "## Was in die CRM-Notiz gehört",
        "## Wiedervorlage",
    ):
        assert heading in exit_card
    assert "| **Gesamt** | **10\u00a0Min.** |" in exit_card
    assert format_rule((60, 90), "tage") in exit_card


def test_a_renamed_id_stops_the_card_with_its_name(tmp_path: Path) -> None:
    """A KPI id the card names, renamed in its chapter, is reported with chapter and id."""
    renamed = planted(
        tmp_path,
        "chapters/verbindlichkeit.yml",
        "- id: kpi-termintreue\n",
        "- id: kpi-termintreue-neu\n",
    )
    with pytest.raises(CardSelectionError, match=r"'kpi-termintreue'.*'verbindlichkeit'"):
        card_markdown(renamed, CONVERSATION)


def test_a_smaller_playbook_gets_a_shorter_card() -> None:
    """Without the chapters a card draws on (the fixture content), the card is just shorter."""
    fixture = load_playbook(ROOT / "tests" / "content" / "fixtures" / "valid")
    markdown = card_markdown(fixture, CONVERSATION)
    assert "# Heikles Gespräch auf einen Blick" in markdown
    assert "## Ablauf und Zeitboxen" not in markdown


@pytest.mark.parametrize(
    ("chapter", "card"),
    [
        ("gespraech-eroeffnen", "Heikles Gespräch auf einen Blick"),
        ("verbindlichkeit", "Heikles Gespräch auf einen Blick"),
        ("ausstiegsleitfaden", "Ausstieg auf einen Blick"),
    ],
)
def test_summarised_chapters_link_to_their_card(real: Playbook, chapter: str, card: str) -> None:
    """A chapter the card draws on links to the card under its summary."""
    assert f"Auf einen Blick: [{card}]" in chapter_markdown(real, chapter)


def test_a_chapter_the_cards_do_not_use_has_no_card_link(real: Playbook) -> None:
    """Negative control: the glossary-heavy score chapter is on no card, so it has no link."""
    assert "Auf einen Blick:" not in chapter_markdown(real, "qualifizierungs-score")


def test_every_card_is_a_page_with_a_workshop_link() -> None:
    """Each card is in the site map and has a link (with QR code) for the workshop page."""
    links = card_workshop_links()
    assert [link.title for link in links] == [SPECIAL_PAGE_BY_ID[card.page].title for card in CARDS]
    assert [link.url for link in links] == [f"{card.page}/" for card in CARDS]
