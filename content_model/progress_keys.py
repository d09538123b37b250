"""Stable keys for reading progress and checklist ticks, as progress/progress.mjs stores them.

A tick is stored under the checklist id and the item id (``checkliste-gespraechsmappe/
mappe-wenn-dann``), a chapter read under the chapter id. Both are YAML ids, unique across
the playbook (checklist ids are anchors), so reordering or adding items never moves a saved
tick to another item. Keys are validated here and printed as HTML-escaped ``Markup``: they go
into attribute values (attr_list and raw HTML), never into running text. Which entries can be
ticked, and which of them count, the block classes declare (``ticks``,
``counts_towards_progress``); ids for entries without one come from ``tick_keys``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from content_model.loader import Playbook
from content_model.schema import ID_PATTERN, Chapter, OnboardingStage

_ID = re.compile(ID_PATTERN)


def progress_key(first: str, *rest: str) -> Markup:
    """The storage key of a chapter (``chapter-id``) or an item (``checklist-id/item-id``)."""
    parts = (first, *rest)
    for part in parts:
        if not _ID.fullmatch(part):
            raise ValueError(f"not an id, cannot key progress by it: {part!r}")
    return Markup(escape("/".join(parts)))


def tick_label_id(checklist_id: str, item_id: str) -> Markup:
    """The HTML id of a checklist item's text, which names its tick box.

    The box sits in its own ``<label>`` (Material styles it there), so the item text beside it
    would not name it for a screen reader; ``aria-labelledby`` on the box points here instead.
    """
    return Markup(escape("kx-tick-" + str(progress_key(checklist_id, item_id)).replace("/", "--")))


def checklist_item_keys(chapter: Chapter) -> list[str]:
    """The keys of every counted tick in a chapter (``counts_towards_progress``), in order."""
    return [
        str(progress_key(ticks.list_id, entry_id))
        for section in chapter.sections
        for block in section.blocks
        if block.counts_towards_progress and (ticks := block.ticks()) is not None
        for entry_id, _ in ticks.entries
    ]


def stage_chapters(stage: OnboardingStage, playbook: Playbook) -> list[Chapter]:
    """The chapters an onboarding stage sends the reader to, once each, in stop order.

    Stops on special pages (glossary, overviews) have no "read" mark and are not counted.
    """
    by_id = {chapter.id: chapter for chapter in playbook.chapters}
    chapters: list[Chapter] = []
    for stop in stage.stops:
        chapter = by_id.get(stop.ref.partition("#")[0])
        if chapter is not None and all(seen.id != chapter.id for seen in chapters):
            chapters.append(chapter)
    return chapters


@dataclass(frozen=True)
class ProgressScope:
    """What progress/progress.mjs counts for a group of chapters, as attribute values."""

    chapters: Markup  # space-separated chapter keys
    chapter_count: int
    items: Markup  # space-separated checklist item keys
    item_count: int


def progress_scope(chapters: Iterable[Chapter]) -> ProgressScope:
    """Chapter keys and checklist item keys of ``chapters`` for the onboarding counters."""
    chapter_list = list(chapters)
    chapter_keys = [str(progress_key(chapter.id)) for chapter in chapter_list]
    item_keys = [key for chapter in chapter_list for key in checklist_item_keys(chapter)]
    return ProgressScope(
        chapters=Markup(" ".join(chapter_keys)),
        chapter_count=len(chapter_keys),
        items=Markup(" ".join(item_keys)),
        item_count=len(item_keys),
    )
