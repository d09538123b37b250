"""The cards "auf einen Blick": one printable page per conversation, made of the chapters' blocks.

A card copies no sentence. It names where its parts stand in the chapters (a section whose
agenda or options it shows, step, KPI and template ids, rules by name) and shows them as they
are in the loaded playbook; key sentences are the phrasings the chapters mark ``key: true``.
So a changed agenda item, time box or rule changes the card with the chapter, and the card
links back to every chapter it draws on (those chapters link to the card).

A selection whose chapter the playbook does not have is left out (a smaller playbook, such
as the test fixture, simply gets a shorter card); a selection whose chapter exists but no
longer holds the named id stops the build, so a renamed id never empties a card unnoticed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from markupsafe import Markup

from content_model.loader import Playbook
from content_model.markdown_text import escape_inline
from content_model.pages import page_url
from content_model.schema import (
    AgendaBlock,
    BlockBase,
    Chapter,
    KpisBlock,
    OptionsBlock,
    PhrasingBlock,
    Section,
    StepsBlock,
    TemplateBlock,
)
from content_model.site_map import SPECIAL_PAGE_BY_ID, SitePage
from content_model.views.prose import Prose
from content_model.workshop import WorkshopLink


class Site(Protocol):
    """What the cards need of ``views.pages.SiteViews`` (named here, not imported: no cycle)."""

    @property
    def playbook(self) -> Playbook:
        """The playbook of the build."""

    def prose(self, page: SitePage) -> Prose:
        """Text of the content as shown on ``page``."""


class CardSelectionError(ValueError):
    """A card names an id its chapter no longer has."""


# --- What a card shows: selections by id, never text ------------------------------------


@dataclass(frozen=True)
class Agenda:
    """The agenda block of a section: items with their time boxes (the open one filled)."""

    title: str
    chapter: str
    section: str


@dataclass(frozen=True)
class KeySentences:
    """The phrasings marked ``key: true`` in the chapters of the card's part, in reading order."""

    title: str


@dataclass(frozen=True)
class Options:
    """The options block of a section: letter, title and if-then statement of each option."""

    title: str
    chapter: str
    section: str


@dataclass(frozen=True)
class Steps:
    """Steps by id: with ``timed``, as a table of time boxes; else title and text."""

    title: str
    chapter: str
    ids: tuple[str, ...]
    timed: bool = False
    #: KPIs of the same chapter (by id) shown under the steps with their targets.
    kpis: tuple[str, ...] = ()


@dataclass(frozen=True)
class Points:
    """The points of one step (the 3-S formula is the points of the message step)."""

    title: str
    chapter: str
    step: str


@dataclass(frozen=True)
class TemplateFields:
    """What goes into a text template: the labels of its placeholders."""

    title: str
    chapter: str
    template: str


@dataclass(frozen=True)
class Rules:
    """Rules by name (``section.rule``): the figure and the rule's own description."""

    title: str
    names: tuple[str, ...]


Selection = Agenda | KeySentences | Options | Steps | Points | TemplateFields | Rules


@dataclass(frozen=True)
class Card:
    """One card: its page in the site map, the part it summarises and its panels in order."""

    page: str
    part: str
    panels: tuple[Selection, ...]


#: The two cards. Titles of panels are the card's own headings; everything under them comes
#: from the chapters and the rules.
CARDS: tuple[Card, ...] = (
    Card(
        "gespraech-auf-einen-blick",
        "gespraeche",
        (
            Agenda("Ablauf und Zeitboxen", "gespraech-eroeffnen", "eroeffnen-agenda-30-minuten"),
            KeySentences("Kernsätze"),
            Options("Drei Optionen mit Wenn-dann-Aussage", "drei-wege", "drei-wege-optionen"),
            Steps(
                "Verbindlichkeit und Erfolgskennzahl",
                "verbindlichkeit",
                ("verbindlichkeit-tag-1", "verbindlichkeit-tag-14", "verbindlichkeit-tag-30"),
                kpis=("kpi-termintreue",),
            ),
        ),
    ),
    Card(
        "ausstieg-auf-einen-blick",
        "kunden-aufgeben",
        (
            Steps(
                "Vier Schritte mit Zeitbox",
                "ausstiegsleitfaden",
                (
                    "ausstieg-vorbereitung",
                    "ausstieg-ansprache",
                    "ausstieg-botschaft",
                    "ausstieg-dokumentation",
                ),
                timed=True,
            ),
            Points("Die 3-S-Formel", "ausstiegsleitfaden", "ausstieg-botschaft"),
            TemplateFields(
                "Was in die CRM-Notiz gehört", "ausstiegsleitfaden", "vorlage-crm-notiz"
            ),
            Rules("Wiedervorlage", ("follow_up.days",)),
            KeySentences("Kernsätze"),
        ),
    ),
)

#: Cards by the site map's page id.
CARD_BY_PAGE: dict[str, Card] = {card.page: card for card in CARDS}


# --- The view -------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One line of a panel: a label, a figure (minutes, a rule), a text; each may be empty."""

    label: Markup
    figure: str | None = None
    text: Markup | None = None


PanelKind = Literal["timeboxes", "quotes", "list"]


@dataclass(frozen=True)
class PanelView:
    """One boxed part of a card, with links to the chapters it comes from."""

    title: str
    kind: PanelKind
    rows: list[Row]
    #: The sum of the time boxes (minutes), for ``timeboxes``.
    total: str | None
    sources: list[Markup]


@dataclass(frozen=True)
class CardView:
    """A card page: its heading and panels (a panel without content is left out)."""

    title: str
    panels: list[PanelView]


def minutes_text(minutes: int | None) -> str:
    """A time box as printed on a card: "2 Min." with a non-breaking space, or a dash."""
    return "–" if minutes is None else f"{minutes}\u00a0Min."


def _blocks(section: Section) -> Iterator[BlockBase]:
    yield from section.blocks


def _chapter(playbook: Playbook, chapter_id: str) -> Chapter | None:
    return playbook.chapter_by_id.get(chapter_id)


def _missing(chapter: str, what: str) -> CardSelectionError:
    return CardSelectionError(
        f"Karte „Auf einen Blick“: {what} fehlt im Kapitel {chapter!r} "
        "(content_model/views/at_a_glance.py nennt es)"
    )


_B = TypeVar("_B", bound=BlockBase)


def _section_block(
    chapter: Chapter, section_id: str, kind: type[_B], what: str
) -> tuple[Section, _B]:
    for section in chapter.sections:
        if section.id == section_id:
            for block in _blocks(section):
                if isinstance(block, kind):
                    return section, block
    raise _missing(chapter.id, f"{what} im Abschnitt {section_id!r}")


def _steps_by_id(chapter: Chapter) -> dict[str, tuple[Section, StepsBlock, int]]:
    found = {}
    for section in chapter.sections:
        for block in _blocks(section):
            if isinstance(block, StepsBlock):
                for index, step in enumerate(block.items):
                    found[step.id] = (section, block, index)
    return found


def _source(prose: Prose, chapter: Chapter, anchor: str | None = None) -> Markup:
    ref = f"{chapter.id}#{anchor}" if anchor else chapter.id
    return prose.link(ref, chapter.title)


def _add_source(sources: list[Markup], prose: Prose, chapter: Chapter, anchor: str) -> None:
    """Adds a link to ``chapter`` (at ``anchor``) unless the panel links to it already."""
    label = f"[{escape_inline(chapter.title)}]("
    if not any(source.startswith(label) for source in sources):
        sources.append(_source(prose, chapter, anchor))


class _Builder:
    """Builds one card's panels for one page, remembering which chapters it drew on."""

    def __init__(self, playbook: Playbook, card: Card, prose: Prose) -> None:
        self.playbook = playbook
        self.card = card
        self.prose = prose
        self.chapters: list[str] = []

    def _used(self, chapter: Chapter) -> None:
        if chapter.id not in self.chapters:
            self.chapters.append(chapter.id)

    def panel(self, selection: Selection) -> PanelView | None:
        """The panel for ``selection``, or None when the playbook lacks its chapter."""
        if isinstance(selection, KeySentences):
            return self._key_sentences(selection)
        if isinstance(selection, Rules):
            return self._rules(selection)
        chapter = _chapter(self.playbook, selection.chapter)
        if chapter is None:
            return None
        self._used(chapter)
        if isinstance(selection, Agenda):
            return self._agenda(selection, chapter)
        if isinstance(selection, Options):
            return self._options(selection, chapter)
        if isinstance(selection, Steps):
            return self._steps(selection, chapter)
        if isinstance(selection, Points):
            return self._points(selection, chapter)
        return self._template_fields(selection, chapter)

    def _agenda(self, selection: Agenda, chapter: Chapter) -> PanelView:
        section, block = _section_block(chapter, selection.section, AgendaBlock, "die Agenda")
        minutes = block.filled_minutes()
        rows = [
            Row(self.prose.line(item.label), minutes_text(given), _line(self.prose, item.note))
            for item, given in zip(block.items, minutes, strict=True)
        ]
        total = block.total or sum(given for given in minutes if given is not None)
        return PanelView(
            selection.title,
            "timeboxes",
            rows,
            minutes_text(total) if total else None,
            [_source(self.prose, chapter, section.id)],
        )

    def _key_sentences(self, selection: KeySentences) -> PanelView | None:
        rows: list[Row] = []
        sources: list[Markup] = []
        for chapter in self.playbook.chapters:
            if chapter.part != self.card.part:
                continue
            for section in chapter.sections:
                for block in _blocks(section):
                    if not isinstance(block, PhrasingBlock):
                        continue
                    for item in block.items:
                        if item.key:
                            rows.append(
                                Row(
                                    self.prose.line(item.situation.rstrip(".")),
                                    text=self.prose.line(item.recommended),
                                )
                            )
                            _add_source(sources, self.prose, chapter, section.id)
                            self._used(chapter)
        if not rows:
            return None
        return PanelView(selection.title, "quotes", rows, None, sources)

    def _options(self, selection: Options, chapter: Chapter) -> PanelView:
        section, block = _section_block(
            chapter, selection.section, OptionsBlock, "der Block mit den Optionen"
        )
        rows = [
            Row(
                Markup(f"{escape_inline(option.letter)} · ") + self.prose.line(option.title),
                text=self.prose.line(option.if_then),
            )
            for option in block.items
        ]
        return PanelView(
            selection.title, "list", rows, None, [_source(self.prose, chapter, section.id)]
        )

    def _steps(self, selection: Steps, chapter: Chapter) -> PanelView:
        steps = _steps_by_id(chapter)
        rows = []
        sources: list[Markup] = []
        total = 0
        for step_id in selection.ids:
            if step_id not in steps:
                raise _missing(chapter.id, f"der Schritt {step_id!r}")
            section, block, index = steps[step_id]
            step = block.items[index]
            total += step.minutes or 0
            rows.append(
                Row(
                    self.prose.line(step.title),
                    minutes_text(step.minutes) if selection.timed else None,
                    _line(self.prose, step.text),
                )
            )
            _add_source(sources, self.prose, chapter, section.id)
        rows.extend(self._kpis(selection, chapter, sources))
        return PanelView(
            selection.title,
            "timeboxes" if selection.timed else "list",
            rows,
            minutes_text(total) if selection.timed and total else None,
            sources,
        )

    def _kpis(self, selection: Steps, chapter: Chapter, sources: list[Markup]) -> Iterator[Row]:
        kpis = {
            kpi.id: (section, kpi)
            for section in chapter.sections
            for block in _blocks(section)
            if isinstance(block, KpisBlock)
            for kpi in block.items
        }
        for kpi_id in selection.kpis:
            if kpi_id not in kpis:
                raise _missing(chapter.id, f"die Kennzahl {kpi_id!r}")
            section, kpi = kpis[kpi_id]
            text = self.prose.line(kpi.definition)
            if kpi.target:
                text = Markup("{} **Ziel:** {}").format(text, self.prose.line(kpi.target))
            yield Row(self.prose.line(kpi.name), text=text)
            _add_source(sources, self.prose, chapter, section.id)

    def _points(self, selection: Points, chapter: Chapter) -> PanelView:
        steps = _steps_by_id(chapter)
        if selection.step not in steps:
            raise _missing(chapter.id, f"der Schritt {selection.step!r}")
        _section, block, index = steps[selection.step]
        rows = [Row(self.prose.line(point)) for point in block.items[index].points]
        return PanelView(
            selection.title, "list", rows, None, [_source(self.prose, chapter, selection.step)]
        )

    def _template_fields(self, selection: TemplateFields, chapter: Chapter) -> PanelView:
        for section in chapter.sections:
            for block in _blocks(section):
                if isinstance(block, TemplateBlock) and block.id == selection.template:
                    rows = [Row(self.prose.line(item.label)) for item in block.placeholders]
                    return PanelView(
                        selection.title,
                        "list",
                        rows,
                        None,
                        [_source(self.prose, chapter, block.id)],
                    )
        raise _missing(chapter.id, f"die Vorlage {selection.template!r}")

    def _rules(self, selection: Rules) -> PanelView | None:
        book = self.playbook.rule_book
        rows = [
            Row(
                Markup(escape_inline(book.text(name))),
                text=self.prose.line(book.entries[name].description),
            )
            for name in selection.names
            if name in book.entries
        ]
        if not rows:
            return None
        return PanelView(selection.title, "list", rows, None, [])


def _line(prose: Prose, text: str | None) -> Markup | None:
    return None if text is None else prose.line(text)


def card_panels(playbook: Playbook, card: Card, prose: Prose) -> tuple[list[PanelView], list[str]]:
    """The card's panels on the page of ``prose`` and the ids of the chapters they draw on."""
    builder = _Builder(playbook, card, prose)
    panels = [panel for selection in card.panels if (panel := builder.panel(selection)) is not None]
    return panels, builder.chapters


def at_a_glance_view(site: Site, page: SitePage) -> CardView:
    """The card of ``page``."""
    card = CARD_BY_PAGE[page.id]
    panels, _ = card_panels(site.playbook, card, site.prose(page))
    return CardView(page.title, panels)


def cards_for_chapter(playbook: Playbook, chapter_id: str, prose: Prose) -> list[Markup]:
    """Links to the cards that draw on chapter ``chapter_id`` (shown under its summary)."""
    links = []
    for card in CARDS:
        _, chapters = card_panels(playbook, card, prose)
        if chapter_id in chapters:
            links.append(prose.link(card.page))
    return links


def card_links(prose: Prose, cards: Sequence[Card] = CARDS) -> list[Markup]:
    """Links to every card, for the onboarding and workshop pages."""
    return [prose.link(card.page) for card in cards]


def card_workshop_links(cards: Sequence[Card] = CARDS) -> list[WorkshopLink]:
    """Every card as a workshop link, so the workshop page gives each a QR code."""
    links = []
    for card in cards:
        page = SPECIAL_PAGE_BY_ID[card.page]
        links.append(WorkshopLink("Karte", page.title, page_url(page.uri)))
    return links
