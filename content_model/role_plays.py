"""The role-play kit (``content/role_plays.yml``): scenarios from the running case.

A scenario is not a block of one chapter: it practises steps of several chapters at once and
has a page of its own, so it lives in its own content file. Each scenario has a role card for
the customer and one for the rep, a timing whose phases must add up to its total, debrief
questions, and an observer sheet. The sheet is not written in the file: the scenario names
the tick lists it practises (``chapter#checklist-id``) and the sheet shows their items, so a
checklist that changes in its chapter changes on every sheet that uses it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pydantic import Field

from content_model.schema import (
    AnchorId,
    Chapter,
    LocalProblem,
    Minutes,
    Model,
    Prose,
    Ref,
    Text,
    Ticks,
)
from content_model.schema import Line as LineText


class RoleCard(Model):
    """What one side of the role play gets on its card.

    ``changes_mind`` is what the partner would have to do for this role to move: it gives the
    player a fair chance to be convinced, and the observer something to watch for.
    """

    role: Text
    goal: Prose
    knows: list[LineText] = Field(min_length=1)
    reacts: list[LineText] = Field(min_length=1)
    changes_mind: list[LineText] = Field(min_length=1)


class Phase(Model):
    """One phase of a role play's timing."""

    label: Text
    minutes: Minutes
    note: LineText | None = None


class Scenario(Model):
    """One role play: situation, both role cards, timing, observed checklists, debrief."""

    id: AnchorId
    title: Text
    situation: Prose
    #: The tick lists (``chapter#block-id``) whose items make up the observer sheet.
    practises: list[Ref] = Field(min_length=1, max_length=3)
    customer: RoleCard
    rep: RoleCard
    total: Minutes
    phases: list[Phase] = Field(min_length=2)
    debrief: list[LineText] = Field(min_length=2)

    def problems(self) -> Iterator[LocalProblem]:
        """The phases fill the planned time exactly: a trainer plans the slot by the total."""
        given = sum(phase.minutes for phase in self.phases)
        if given != self.total:
            yield (
                ("total",),
                f"die Phasen ergeben {given}\u00a0Minuten, geplant sind {self.total}\u00a0Minuten",
            )
        refs = list(self.practises)
        for index, ref in enumerate(refs):
            if refs.index(ref) != index:
                yield ("practises", index), f"{ref!r} is named twice"


class RolePlaysFile(Model):
    """``content/role_plays.yml`` (optional: a playbook without role plays needs none)."""

    intro: Prose
    scenarios: list[Scenario] = Field(min_length=1)


@dataclass(frozen=True)
class TickList:
    """A list a reader can tick in a chapter, as an observer sheet shows it."""

    chapter: Chapter
    title: str
    ticks: Ticks


def tick_lists(chapters: Sequence[Chapter]) -> dict[str, TickList]:
    """Every tick list of ``chapters`` by its reference (``chapter#block-id``)."""
    found: dict[str, TickList] = {}
    for chapter in chapters:
        for section in chapter.sections:
            for block in section.blocks:
                ticks = block.ticks()
                if ticks is not None:
                    ref = f"{chapter.id}#{ticks.list_id}"
                    found[ref] = TickList(chapter, block.target_title(), ticks)
    return found


def practice_problems(
    role_plays: RolePlaysFile, chapters: Sequence[Chapter]
) -> Iterator[LocalProblem]:
    """Each observed list is a list to tick in a chapter (a checklist, or dos with an id)."""
    lists = tick_lists(chapters)
    for index, scenario in enumerate(role_plays.scenarios):
        for number, ref in enumerate(scenario.practises):
            if ref not in lists:
                known = ", ".join(sorted(lists)) or "keine"
                yield (
                    ("scenarios", index, "practises", number),
                    f"{ref!r} ist keine Checkliste eines Kapitels (bekannt: {known})",
                )
