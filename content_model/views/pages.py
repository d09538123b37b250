"""One view per page of the site map: what the page shows, prepared for its template.

``SiteViews`` prepares the views of one build. Each page of the site map names its template;
``VIEWS`` holds, for each page template, the function that prepares what it shows. Every view
has the page's ``title`` (its heading) from the site map.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jinja2 import Environment
from markupsafe import Markup

from calculators.registry import CALCULATORS
from content_model.calculator_embed import CalculatorEmbeds, InputRow, input_rows
from content_model.contract import CONTRACT
from content_model.loader import Playbook
from content_model.page_descriptions import page_description
from content_model.pages import page_url
from content_model.progress_keys import ProgressScope, progress_key, progress_scope, stage_chapters
from content_model.schema import Chapter, ChecklistBlock, TemplateBlock
from content_model.self_check import SelfCheckScope, self_check_scope
from content_model.site_map import START_URI, SitePage
from content_model.views.at_a_glance import (
    at_a_glance_view,
    card_links,
    card_workshop_links,
    cards_for_chapter,
)
from content_model.views.blocks import BlockContext, ModelView, block_view
from content_model.views.dialogue import chapter_block_view
from content_model.views.objections import objections_view
from content_model.views.prose import Prose
from content_model.views.role_plays import (
    TrainerNotesView,
    role_plays_view,
    trainer_notes_view,
    trainer_view,
)
from content_model.views.start import CalculatorCard, StartView, calculator_cards, start_view
from content_model.workshop import role_play_links, workshop_card, workshop_parts

CARDS_TEMPLATE = "workshop/cards.html.j2"
#: The site map's id of the trainer page, which the workshop page links to.
TRAINER_PAGE = "fuer-trainer"


@dataclass(frozen=True)
class SectionView:
    """A section of a chapter: its heading, anchor and blocks."""

    title: str
    anchor: str
    blocks: list[ModelView]


@dataclass(frozen=True)
class ChapterView:
    """A chapter page."""

    title: str
    summary: Markup
    minutes: int | None
    part_title: str
    sections: list[SectionView]
    #: Under which key the "read" mark of this chapter is stored.
    read_key: Markup
    #: Links to the cards "auf einen Blick" that summarise this chapter.
    glance_cards: tuple[Markup, ...] = ()


@dataclass(frozen=True)
class PartChapter:
    """A chapter in its part's table of contents."""

    link: Markup
    summary: Markup


@dataclass(frozen=True)
class PartView:
    """A part's overview page."""

    title: str
    summary: Markup
    chapters: list[PartChapter]


@dataclass(frozen=True)
class Stop:
    """A stop of the onboarding path: the link, the chapter whose read mark it shows, the task."""

    link: Markup
    read_key: Markup | None
    task: Markup


@dataclass(frozen=True)
class Stage:
    """A stage of the onboarding path with its progress scope."""

    title: str
    anchor: str
    scope_key: Markup
    scope: ProgressScope
    stops: list[Stop]
    #: The self-checks of the stage's chapters, counted as passed on this device.
    self_checks: SelfCheckScope | None = None


@dataclass(frozen=True)
class OnboardingView:
    """The onboarding page: progress over everything, then each stage."""

    title: str
    intro: Markup
    total: ProgressScope
    stages: list[Stage]
    #: Every self-check of the playbook, counted as passed on this device.
    self_checks: SelfCheckScope | None = None
    #: Links to the cards "auf einen Blick".
    glance_cards: tuple[Markup, ...] = ()


@dataclass(frozen=True)
class Gathered:
    """A block shown again on an overview page, with a link to where it comes from."""

    title: str
    anchor: str
    source: Markup
    block: ModelView


@dataclass(frozen=True)
class OverviewView:
    """A page gathering blocks of one type from every chapter (checklists, templates)."""

    title: str
    entries: list[Gathered]


@dataclass(frozen=True)
class TermView:
    """A glossary entry."""

    term: str
    anchor: str
    definition: Markup
    see: list[Markup]


@dataclass(frozen=True)
class GlossaryView:
    """The glossary page."""

    title: str
    terms: list[TermView]


@dataclass(frozen=True)
class CalculatorEntry:
    """A calculator's inputs as a reference table on the overview page."""

    title: str
    inputs: list[InputRow]


@dataclass(frozen=True)
class CalculatorsView:
    """The overview of all calculators: one card each, then their inputs for reference.

    The forms themselves stay in the chapters that explain them, so this page loads no
    calculator runtime (issue 20).
    """

    title: str
    cards: list[CalculatorCard]
    calculators: list[CalculatorEntry]


@dataclass(frozen=True)
class WorkshopChapterView:
    """A chapter on the workshop page with its cards (HTML with QR codes)."""

    title: str
    anchor: str
    cards: Markup
    #: The chapter's trainer notes, folded under its cards.
    trainer: TrainerNotesView | None = None


@dataclass(frozen=True)
class WorkshopPartView:
    """A part on the workshop page."""

    title: str
    anchor: str
    chapters: list[WorkshopChapterView]


@dataclass(frozen=True)
class WorkshopView:
    """The workshop page; without a site address there are links but no QR codes."""

    title: str
    has_qr_codes: bool
    parts: list[WorkshopPartView]
    #: The role-play scenarios as cards (HTML with QR codes); empty without role plays.
    role_plays: Markup
    #: A link to the trainer page.
    trainer_link: Markup
    #: The cards "auf einen Blick" as workshop cards (HTML with QR codes).
    glance_cards: Markup


class SiteViews:
    """The views of one build.

    ``html`` renders the HTML fragments views carry (forms, workshop cards); ``site_url``
    (``mkdocs.yml``) makes the workshop page's QR codes full addresses.
    """

    def __init__(self, playbook: Playbook, html: Environment, site_url: str | None) -> None:
        self.playbook = playbook
        self.html = html
        self.site_url = site_url
        self.embeds = CalculatorEmbeds(playbook, html)
        self._calculators: dict[str, list[str]] = {}

    def prose(self, page: SitePage) -> Prose:
        """Text of the content as shown on ``page``."""
        return Prose(page.uri, self.playbook.targets)

    def blocks(self, page: SitePage) -> BlockContext:
        """What block views on ``page`` need."""
        calculators = self._calculators.setdefault(page.uri, [])
        return BlockContext(self.prose(page), self.embeds, self.html, calculators)

    def view(self, page: SitePage) -> object:
        """What ``page`` shows."""
        return VIEWS[page.template](self, page)

    def meta(self, page: SitePage) -> dict[str, object]:
        """The page's metadata for the theme, known once its view is prepared.

        Every page has its own description (``content_model.page_descriptions``). A page
        that shows a calculator carries the contract's page flag: its head starts the
        calculator runtime at once and preloads the worker's modules. The start page hides
        Material's table of contents, so its three cards stand side by side on a desktop.
        """
        meta: dict[str, object] = {}
        description = page_description(self.playbook, page)
        if description:
            meta["description"] = description
        if self._calculators.get(page.uri):
            meta[CONTRACT.runtime.page_flag] = True
        if page.uri == START_URI:
            meta["hide"] = ["toc"]
        return meta


def chapter_view(site: SiteViews, page: SitePage) -> ChapterView:
    """A chapter: summary, sections with their blocks, the "read" control's key."""
    chapter = site.playbook.chapter_by_id[page.id]
    context = site.blocks(page)
    return ChapterView(
        title=page.title,
        summary=context.prose.paragraphs(chapter.summary),
        minutes=chapter.minutes,
        part_title=site.playbook.part_of(chapter).title,
        sections=[
            SectionView(
                section.title,
                section.id,
                [chapter_block_view(block, context, site.playbook) for block in section.blocks],
            )
            for section in chapter.sections
        ],
        read_key=progress_key(chapter.id),
        glance_cards=tuple(cards_for_chapter(site.playbook, chapter.id, context.prose)),
    )


def part_view(site: SiteViews, page: SitePage) -> PartView:
    """A part: its summary and the table of its chapters."""
    part = next(part for part in site.playbook.parts if part.id == page.id)
    prose = site.prose(page)
    return PartView(
        title=page.title,
        summary=prose.paragraphs(part.summary),
        chapters=[
            PartChapter(prose.link(chapter.id), prose.line(chapter.summary))
            for chapter in site.playbook.chapters_of(part)
        ],
    )


def onboarding_view(site: SiteViews, page: SitePage) -> OnboardingView:
    """The onboarding path with the progress scopes its panels count."""
    playbook = site.playbook
    prose = site.prose(page)
    chapter_ids = {chapter.id for chapter in playbook.chapters}
    stages = []
    for stage in playbook.onboarding.stages:
        stops = []
        for stop in stage.stops:
            chapter_id = stop.ref.partition("#")[0]
            read_key = progress_key(chapter_id) if chapter_id in chapter_ids else None
            stops.append(Stop(prose.link(stop.ref), read_key, prose.line(stop.task)))
        scope = progress_scope(stage_chapters(stage, playbook))
        checks = self_check_scope(stage_chapters(stage, playbook))
        stages.append(
            Stage(stage.title, stage.id, progress_key(stage.id), scope, stops, self_checks=checks)
        )
    return OnboardingView(
        title=page.title,
        intro=prose.paragraphs(playbook.onboarding.intro),
        total=progress_scope(playbook.chapters),
        stages=stages,
        self_checks=self_check_scope(playbook.chapters),
        glance_cards=tuple(card_links(prose)),
    )


def _gathered(
    site: SiteViews, page: SitePage, kind: type[ChecklistBlock] | type[TemplateBlock]
) -> OverviewView:
    context = site.blocks(page)
    entries = [
        Gathered(
            block.title,
            block.id,
            context.prose.link(f"{chapter.id}#{block.id}", chapter.title),
            block_view(block, context),
        )
        for chapter in site.playbook.chapters
        for block in _blocks_of(chapter)
        if isinstance(block, kind)
    ]
    return OverviewView(page.title, entries)


def _blocks_of(chapter: Chapter) -> list[object]:
    return [block for section in chapter.sections for block in section.blocks]


def checklists_view(site: SiteViews, page: SitePage) -> OverviewView:
    """Every checklist of every chapter, tickable here as there."""
    return _gathered(site, page, ChecklistBlock)


def text_templates_view(site: SiteViews, page: SitePage) -> OverviewView:
    """Every text template of every chapter, with its fillable form."""
    return _gathered(site, page, TemplateBlock)


def glossary_view(site: SiteViews, page: SitePage) -> GlossaryView:
    """Every term with its definition and where to read more."""
    prose = site.prose(page)
    return GlossaryView(
        page.title,
        [
            TermView(
                term.term,
                term.id,
                prose.paragraphs(term.definition),
                [prose.link(ref) for ref in term.see],
            )
            for term in site.playbook.glossary
        ],
    )


def calculators_view(site: SiteViews, page: SitePage) -> CalculatorsView:
    """Every calculator as a card leading to its chapter, and its inputs as a reference table."""
    entries = []
    for calculator_id in CALCULATORS:
        calculator = site.embeds.computed(calculator_id).calculator
        entries.append(CalculatorEntry(calculator.title, input_rows(calculator)))
    cards = calculator_cards(site.playbook, site.embeds, site.prose(page))
    return CalculatorsView(page.title, cards, entries)


def start_page_view(site: SiteViews, page: SitePage) -> StartView:
    """The start page: three audiences, the two parts, the toolbox."""
    return start_view(page.title, site.playbook, site.embeds, site.prose(page))


def workshop_view(site: SiteViews, page: SitePage) -> WorkshopView:
    """Every chapter's links as cards, each with its QR code when the site has an address."""
    here = page_url(page.uri)
    cards = site.html.get_template(CARDS_TEMPLATE)
    prose = site.prose(page)
    parts = [
        WorkshopPartView(
            entry.part.title,
            entry.part.id,
            [
                WorkshopChapterView(
                    item.chapter.title,
                    item.chapter.id,
                    Markup(
                        cards.render(
                            cards=[workshop_card(link, here, site.site_url) for link in item.links]
                        )
                    ),
                    trainer_notes_view(item.chapter.trainer, prose),
                )
                for item in entry.chapters
            ],
        )
        for entry in workshop_parts(site.playbook)
    ]
    scenarios = role_play_links(site.playbook)
    role_plays = Markup(
        cards.render(cards=[workshop_card(link, here, site.site_url) for link in scenarios])
        if scenarios
        else ""
    )
    return WorkshopView(
        page.title,
        bool(site.site_url),
        parts,
        role_plays,
        prose.link(TRAINER_PAGE),
        glance_cards=Markup(
            cards.render(
                cards=[workshop_card(link, here, site.site_url) for link in card_workshop_links()]
            )
        ),
    )


#: For each page template of the site map, the function that prepares what the page shows.
VIEWS: dict[str, Callable[[SiteViews, SitePage], object]] = {
    "pages/chapter.md.j2": chapter_view,
    "pages/part.md.j2": part_view,
    "pages/onboarding.md.j2": onboarding_view,
    "pages/checklists.md.j2": checklists_view,
    "pages/text_templates.md.j2": text_templates_view,
    "pages/glossary.md.j2": glossary_view,
    "pages/calculators.md.j2": calculators_view,
    "pages/start.md.j2": start_page_view,
    "pages/workshop.md.j2": workshop_view,
    "pages/objections.md.j2": objections_view,
    "pages/role_plays.md.j2": role_plays_view,
    "pages/trainer.md.j2": trainer_view,
    "at_a_glance/card.md.j2": at_a_glance_view,
}
