"""The start page and /rechner/: cards that lead straight to what each reader came for.

The start page's three audiences, the two parts in the words of ``content/parts.yml``, and
one card per calculator whose summary is its declaration's and whose links follow the
chapters' calculator blocks. Both pages are rendered from the real content.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from calculators.registry import CALCULATORS, field_names
from content_model.calculator_embed import CalculatorEmbeds
from content_model.loader import Playbook, load_playbook
from content_model.pages import chapter_uri
from content_model.schema import CalculatorBlock, Chapter
from content_model.site_map import SPECIAL_PAGE_BY_ID, START_URI, SitePage
from content_model.templating import html_environment, markdown_environment
from content_model.views.pages import SiteViews
from content_model.views.prose import Prose
from content_model.views.start import calculator_cards, embedding_chapters

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
HEADING = re.compile(r"^(#{1,6}) (.+?)(?: \{#[^}]+\})?$", re.MULTILINE)
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    return load_playbook(ROOT / "content", calculators=field_names())


def rendered(playbook: Playbook, page: SitePage) -> str:
    """The Markdown of one page, as the build writes it."""
    views = SiteViews(playbook, html_environment(TEMPLATES), "https://example.org/")
    template = markdown_environment(TEMPLATES).get_template(page.template)
    return template.render(page=views.view(page))


def start_page(playbook: Playbook) -> SitePage:
    return next(page for page in playbook.pages if page.uri == START_URI)


def headings(markdown: str) -> list[tuple[int, str]]:
    """Level and text of each heading, icons (inline SVG) left out."""
    return [
        (len(marks), re.sub(r"<span[^>]*>.*?</span>\s*", "", text))
        for marks, text in HEADING.findall(markdown)
    ]


def test_the_start_page_greets_three_audiences_and_leads_each_straight_there(
    playbook: Playbook,
) -> None:
    markdown = rendered(playbook, start_page(playbook))
    assert headings(markdown)[:4] == [
        (1, "Klartext – das Vertriebs-Playbook"),
        (2, "Für wen: Wo stehen Sie gerade?"),
        (3, "Neu im Vertrieb"),
        (3, "Gleich im Termin"),
    ]
    assert headings(markdown)[4] == (3, "Im Workshop")
    cards = re.split(r"^### ", markdown, flags=re.MULTILINE)[1:4]
    new, meeting, workshop = (set(LINK.findall(card)) for card in cards)
    assert "einstieg.md" in new
    assert 'data-kx-scope="gesamt"' in cards[0]  # the path's progress, counted on this device
    homes = embedding_chapters(playbook)
    assert {
        f"{chapter_uri(homes[name][0].part, homes[name][0].id)}#rechner-{name}"
        for name in CALCULATORS
    } <= meeting
    assert "rechner.md" in meeting
    assert {"workshop.md", "rollenspiele.md"} <= workshop
    # Material's own icons, inlined: nothing from another host.
    assert markdown.count("<svg") >= 3
    assert set(re.findall(r"https?://[^\s\"')]+", markdown)) == {"http://www.w3.org/2000/svg"}


def test_the_parts_are_introduced_in_the_words_of_parts_yml(playbook: Playbook) -> None:
    markdown = rendered(playbook, start_page(playbook))
    prose = Prose(START_URI, playbook.targets)
    for part in playbook.parts:
        assert f"**{prose.link(part.id)}:** {prose.line(part.summary)}" in markdown


def test_each_calculator_card_says_what_it_answers_and_where_it_works(
    playbook: Playbook,
) -> None:
    markdown = rendered(playbook, SPECIAL_PAGE_BY_ID["rechner"])
    embeds = CalculatorEmbeds(playbook, html_environment(TEMPLATES))
    levels = [level for level, _ in headings(markdown)]
    assert levels[0] == 1
    assert set(levels[1:]) == {2}  # h1 -> h2, no level skipped
    assert "<form" not in markdown  # the forms stay in their chapters
    for name in CALCULATORS:
        calculator = embeds.computed(name).calculator
        card = markdown.split(f"## {calculator.title} {{#rechner-{name}}}", 1)[1]
        card = card.split("</div>", 1)[0]
        assert calculator.summary in card
        chapters = [
            chapter
            for chapter in playbook.chapters
            if any(
                isinstance(block, CalculatorBlock) and block.calculator == name
                for section in chapter.sections
                for block in section.blocks
            )
        ]
        assert chapters, name
        for chapter in chapters:
            assert f"({chapter_uri(chapter.part, chapter.id)}#rechner-{name})" in card


def without_calculator(chapter: Chapter, name: str) -> Chapter:
    """``chapter`` with the blocks that embed calculator ``name`` taken out."""
    sections = [
        section.model_copy(
            update={
                "blocks": [
                    block
                    for block in section.blocks
                    if not (isinstance(block, CalculatorBlock) and block.calculator == name)
                ]
            }
        )
        for section in chapter.sections
    ]
    return chapter.model_copy(update={"sections": sections})


def test_a_card_links_only_to_chapters_that_show_its_calculator(playbook: Playbook) -> None:
    """Negative control: a chapter that no longer embeds the calculator is no longer linked."""
    name = "value-per-hour"
    home = embedding_chapters(playbook)[name]
    assert len(home) == 1
    changed = dataclasses.replace(
        playbook,
        chapters=[without_calculator(chapter, name) for chapter in playbook.chapters],
    )
    embeds = CalculatorEmbeds(playbook, html_environment(TEMPLATES))
    prose = Prose("rechner.md", playbook.targets)
    before = {card.id: card for card in calculator_cards(playbook, embeds, prose)}
    after = {card.id: card for card in calculator_cards(changed, embeds, prose)}
    assert before[name].chapters
    assert after[name].chapters == []
    assert after[name].href is None
    assert after["exit-planner"] == before["exit-planner"]
