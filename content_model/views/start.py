"""The start page and the calculator cards it shares with ``/rechner/``.

The start page invites three audiences in, each with a card that leads straight to what
they came for: the onboarding path with its progress, the calculators in the chapters that
explain them, the workshop page and the cards to print. Everything a card names comes from
where it is declared: the pages from the site map, the parts' sentences from
``content/parts.yml``, each calculator's title and summary from its declaration in
``calculators/``, and the chapter that shows a calculator from the chapters' calculator
blocks. Only the few words that address each audience live in the template.

Icons are Material's own SVGs (its bundled ``.icons`` set), inlined at build time as its
``pymdownx.emoji`` integration would inline them: nothing is loaded from another host, and
``mkdocs.yml`` stays plain YAML (the emoji extension needs ``!!python/name`` tags there).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from markupsafe import Markup

from calculators.registry import CALCULATORS
from content_model.calculator_embed import CalculatorEmbeds
from content_model.calculator_links import calculator_anchor
from content_model.loader import Playbook
from content_model.markdown_text import escape_inline
from content_model.pages import chapter_uri, with_fragment
from content_model.progress_keys import ProgressScope, progress_scope
from content_model.schema import CalculatorBlock, Chapter
from content_model.views.prose import Prose

#: Where Material keeps the SVGs of its bundled icon sets.
ICONS = "templates/.icons/material"


@functools.cache
def material_icon(name: str) -> Markup:
    """Material's icon ``name`` as inline SVG, decorative (the text beside it names it).

    Raises ``FileNotFoundError`` at build time for a name Material does not bundle.
    """
    svg = (resources.files("material") / ICONS / f"{name}.svg").read_text(encoding="utf-8")
    return Markup(f'<span class="twemoji lg middle" aria-hidden="true">{svg}</span>')


def embedding_chapters(playbook: Playbook) -> dict[str, list[Chapter]]:
    """For each calculator id, the chapters that show it, in reading order."""
    found: dict[str, list[Chapter]] = {}
    for chapter in playbook.chapters:
        for section in chapter.sections:
            for block in section.blocks:
                if isinstance(block, CalculatorBlock):
                    chapters = found.setdefault(block.calculator, [])
                    if chapter not in chapters:
                        chapters.append(chapter)
    return found


@dataclass(frozen=True)
class CalculatorCard:
    """One calculator on an overview: what it answers and where it is at work."""

    id: str
    #: The id of the card's heading: the calculator's anchor, as in its chapters.
    anchor: str
    title: str
    #: The calculator's one-sentence summary, under the team's rules.
    summary: str
    #: Markdown links to the calculator in each chapter that shows it.
    chapters: list[Markup]
    #: The first of them, where a tap on the card's title leads.
    href: str | None


def calculator_cards(
    playbook: Playbook, embeds: CalculatorEmbeds, prose: Prose
) -> list[CalculatorCard]:
    """Every calculator of the registry, in its order, with the chapters that show it."""
    homes = embedding_chapters(playbook)
    cards = []
    for calculator_id in CALCULATORS:
        calculator = embeds.computed(calculator_id).calculator
        anchor = calculator_anchor(calculator_id)
        targets = [
            with_fragment(chapter_uri(chapter.part, chapter.id), anchor)
            for chapter in homes.get(calculator_id, [])
        ]
        links = [
            Markup(f"[{escape_inline(chapter.title)}]({prose.href(target)})")
            for chapter, target in zip(homes.get(calculator_id, []), targets, strict=True)
        ]
        cards.append(
            CalculatorCard(
                calculator_id,
                anchor,
                calculator.title,
                calculator.summary,
                links,
                prose.href(targets[0]) if targets else None,
            )
        )
    return cards


@dataclass(frozen=True)
class PartIntro:
    """A part of the playbook in one line: its link and its summary from the content."""

    link: Markup
    summary: Markup


@dataclass(frozen=True)
class StartView:
    """The start page."""

    title: str
    icons: dict[str, Markup]
    parts: list[PartIntro]
    #: The onboarding path: link, number of stages, progress over every chapter.
    onboarding: Markup
    stage_count: int
    progress: ProgressScope
    calculators: list[CalculatorCard]
    #: Markdown links by site map id (workshop, role plays, trainers, toolbox pages).
    links: dict[str, Markup]
    #: The same pages' relative addresses, for the cards' buttons.
    hrefs: dict[str, str]


#: The icon of each card and link, by role (Material's bundled set).
START_ICONS = {
    "new": "school-outline",
    "meeting": "calculator-variant-outline",
    "workshop": "presentation",
    "go": "arrow-right",
}

#: Pages the start page links to by name, besides parts and calculators.
START_LINKS = (
    "einstieg",
    "rechner",
    "workshop",
    "rollenspiele",
    "fuer-trainer",
    "gespraech-auf-einen-blick",
    "ausstieg-auf-einen-blick",
    "checklisten",
    "vorlagen",
    "einwaende",
    "glossar",
)


def start_view(title: str, playbook: Playbook, embeds: CalculatorEmbeds, prose: Prose) -> StartView:
    """What the start page shows (``title`` is its heading from the site map)."""
    return StartView(
        title=title,
        icons={role: material_icon(name) for role, name in START_ICONS.items()},
        parts=[PartIntro(prose.link(part.id), prose.line(part.summary)) for part in playbook.parts],
        onboarding=prose.link("einstieg"),
        stage_count=len(playbook.onboarding.stages),
        progress=progress_scope(playbook.chapters),
        calculators=calculator_cards(playbook, embeds, prose),
        links={page_id: prose.link(page_id) for page_id in START_LINKS},
        hrefs={page_id: prose.href(playbook.targets[page_id].uri) for page_id in START_LINKS},
    )
