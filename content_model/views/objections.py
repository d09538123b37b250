"""The objections page: every objection of every chapter, grouped by the chapter it answers.

The objections stay in the chapters where a reader meets them (the step, the exit call); this
page gathers them for trainers and for the minutes before a call, like the checklists page.
Each keeps its anchor here too, so a link works on both pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from markupsafe import Markup

from content_model.loader import Playbook
from content_model.schema import ObjectionsBlock
from content_model.site_map import SitePage
from content_model.views.blocks import BlockContext, ModelView, block_view


class Site(Protocol):
    """What the page needs of ``views.pages.SiteViews`` (named here, not imported: no cycle)."""

    @property
    def playbook(self) -> Playbook:
        """The playbook of the build."""

    def blocks(self, page: SitePage) -> BlockContext:
        """What block views on ``page`` need."""


@dataclass(frozen=True)
class ObjectionGroup:
    """The objections of one chapter, with a link back to it."""

    title: str
    anchor: str
    part_title: str
    source: Markup
    blocks: list[ModelView]
    count: int


@dataclass(frozen=True)
class ObjectionsView:
    """The objections page."""

    title: str
    groups: list[ObjectionGroup]
    count: int


def objections_view(site: Site, page: SitePage) -> ObjectionsView:
    """Every chapter with objections, in reading order, and its objection blocks."""
    context = site.blocks(page)
    groups = []
    for chapter in site.playbook.chapters:
        blocks = [
            block
            for section in chapter.sections
            for block in section.blocks
            if isinstance(block, ObjectionsBlock)
        ]
        if not blocks:
            continue
        groups.append(
            ObjectionGroup(
                chapter.title,
                chapter.id,
                site.playbook.part_of(chapter).title,
                context.prose.link(chapter.id),
                [block_view(block, context) for block in blocks],
                sum(len(block.items) for block in blocks),
            )
        )
    return ObjectionsView(page.title, groups, sum(group.count for group in groups))
