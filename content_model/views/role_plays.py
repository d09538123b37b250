"""The views of the role-play page and of the trainer notes (trainer page, workshop page).

Each scenario becomes four printable cards: the overview (situation, timing, debrief), the
customer's role card, the rep's role card and the observer sheet, whose items are read from
the chapters' tick lists at build time, so a sheet never drifts from its checklist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from markupsafe import Markup

from content_model.loader import Playbook
from content_model.role_plays import RoleCard, Scenario, tick_lists
from content_model.schema import TrainerNotes
from content_model.site_map import SitePage
from content_model.views.prose import Prose


class SiteViews(Protocol):
    """What these views need of a build's views.

    ``views.pages.SiteViews`` imports this module, so it is named here by its shape rather
    than imported (no import cycle).
    """

    @property
    def playbook(self) -> Playbook:
        """The validated playbook."""

    def prose(self, page: SitePage) -> Prose:
        """Text of the content as shown on ``page``."""


@dataclass(frozen=True)
class RoleCardView:
    """One role card: who, goal, what the role knows, how it reacts, what changes its mind."""

    heading: str
    anchor: str
    role: str
    goal: Markup
    knows: list[Markup]
    reacts: list[Markup]
    changes_mind: list[Markup]


@dataclass(frozen=True)
class PhaseView:
    """A phase of the timing."""

    label: str
    minutes: int
    note: Markup | None


@dataclass(frozen=True)
class ObservedList:
    """A chapter's tick list on the observer sheet, with a link to where it comes from."""

    title: str
    source: Markup
    items: list[Markup]


@dataclass(frozen=True)
class ScenarioView:
    """One scenario with its four cards' contents."""

    number: int
    title: str
    anchor: str
    situation: Markup
    practises: list[Markup]
    phases: list[PhaseView]
    total: int
    debrief: list[Markup]
    customer: RoleCardView
    rep: RoleCardView
    observer_anchor: str
    observed: list[ObservedList]


@dataclass(frozen=True)
class RolePlaysView:
    """The role-play page; without ``content/role_plays.yml`` it has no scenarios."""

    title: str
    intro: Markup | None
    scenarios: list[ScenarioView]


#: The site map's ids of the pages the trainer page links to.
ROLE_PLAYS_PAGE = "rollenspiele"
WORKSHOP_PAGE = "workshop"

#: Anchor suffixes of a scenario's cards after the overview (which carries the scenario's id).
CUSTOMER_SUFFIX = "kunde"
REP_SUFFIX = "vertrieb"
OBSERVER_SUFFIX = "beobachtung"


def _role_card(card: RoleCard, heading: str, anchor: str, prose: Prose) -> RoleCardView:
    return RoleCardView(
        heading=heading,
        anchor=anchor,
        role=card.role,
        goal=prose.paragraphs(card.goal),
        knows=[prose.line(item) for item in card.knows],
        reacts=[prose.line(item) for item in card.reacts],
        changes_mind=[prose.line(item) for item in card.changes_mind],
    )


def scenario_view(number: int, scenario: Scenario, site: SiteViews, prose: Prose) -> ScenarioView:
    """``scenario`` as the page shows it; the observer sheet from the chapters' tick lists."""
    lists = tick_lists(site.playbook.chapters)
    observed = []
    for ref in scenario.practises:
        found = lists[ref]
        observed.append(
            ObservedList(
                found.title,
                prose.link(ref, found.chapter.title),
                [prose.line(text) for _, text in found.ticks.entries],
            )
        )
    return ScenarioView(
        number=number,
        title=scenario.title,
        anchor=scenario.id,
        situation=prose.paragraphs(scenario.situation),
        practises=[prose.link(ref, lists[ref].chapter.title) for ref in scenario.practises],
        phases=[
            PhaseView(phase.label, phase.minutes, prose.line(phase.note) if phase.note else None)
            for phase in scenario.phases
        ],
        total=scenario.total,
        debrief=[prose.line(question) for question in scenario.debrief],
        customer=_role_card(
            scenario.customer, "Rollenkarte Kunde", f"{scenario.id}-{CUSTOMER_SUFFIX}", prose
        ),
        rep=_role_card(scenario.rep, "Rollenkarte Vertrieb", f"{scenario.id}-{REP_SUFFIX}", prose),
        observer_anchor=f"{scenario.id}-{OBSERVER_SUFFIX}",
        observed=observed,
    )


def role_plays_view(site: SiteViews, page: SitePage) -> RolePlaysView:
    """Every scenario of ``content/role_plays.yml`` with its cards."""
    role_plays = site.playbook.role_plays
    prose = site.prose(page)
    if role_plays is None:
        return RolePlaysView(page.title, None, [])
    return RolePlaysView(
        page.title,
        prose.paragraphs(role_plays.intro),
        [
            scenario_view(number, scenario, site, prose)
            for number, scenario in enumerate(role_plays.scenarios, start=1)
        ],
    )


@dataclass(frozen=True)
class TrainerNotesView:
    """A chapter's trainer notes as one page shows them."""

    goal: Markup
    minutes: int
    exercise: Markup
    mistakes: list[Markup]


def trainer_notes_view(notes: TrainerNotes | None, prose: Prose) -> TrainerNotesView | None:
    """``notes`` with their links relative to the page of ``prose``."""
    if notes is None:
        return None
    return TrainerNotesView(
        goal=prose.line(notes.goal),
        minutes=notes.minutes,
        exercise=prose.paragraphs(notes.exercise),
        mistakes=[prose.line(mistake) for mistake in notes.mistakes],
    )


@dataclass(frozen=True)
class TrainerChapterView:
    """A chapter on the trainer page: a link to it and its notes."""

    title: str
    anchor: str
    link: Markup
    notes: TrainerNotesView | None


@dataclass(frozen=True)
class TrainerPartView:
    """A part on the trainer page, with the minutes its chapters' notes suggest in all."""

    title: str
    anchor: str
    minutes: int
    chapters: list[TrainerChapterView]


@dataclass(frozen=True)
class TrainerView:
    """The trainer page: every chapter's notes, grouped by part."""

    title: str
    scenarios: int
    role_plays_link: Markup
    workshop_link: Markup
    parts: list[TrainerPartView]


def trainer_view(site: SiteViews, page: SitePage) -> TrainerView:
    """Every chapter's trainer notes, in reading order, with links to the chapters."""
    prose = site.prose(page)
    parts = []
    for part in site.playbook.parts:
        chapters = [
            TrainerChapterView(
                chapter.title,
                chapter.id,
                prose.link(chapter.id, "Zum Kapitel"),
                trainer_notes_view(chapter.trainer, prose),
            )
            for chapter in site.playbook.chapters_of(part)
        ]
        minutes = sum(chapter.notes.minutes for chapter in chapters if chapter.notes)
        parts.append(TrainerPartView(part.title, part.id, minutes, chapters))
    role_plays = site.playbook.role_plays
    return TrainerView(
        title=page.title,
        scenarios=len(role_plays.scenarios) if role_plays else 0,
        role_plays_link=prose.link(ROLE_PLAYS_PAGE),
        workshop_link=prose.link(WORKSHOP_PAGE),
        parts=parts,
    )
