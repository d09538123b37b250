"""The self-check at a chapter's end: what its template shows and what onboarding counts.

A question answered right is stored on the device under ``<block id>/<question id>``
(``progress_key``), like a checklist tick, so reordering or adding questions never moves a
result. The onboarding page counts a self-check as passed when all its question keys are set;
it gets every key of the playbook here. An ordering question lists its steps in the right
order in the YAML; the page shows them in a fixed shuffled order, the same in every build, so
a reader cannot read the answer off the page and a printed page matches the screen.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from content_model.progress_keys import progress_key
from content_model.schema import Chapter, SelfCheckBlock, SelfCheckQuestion
from content_model.views.prose import Prose


@dataclass(frozen=True)
class ShownStep:
    """A step of an ordering question as the page shows it: text, right place, label id."""

    text: Markup
    #: Its place in the right order, counted from 1 (what its select must say).
    position: int
    #: The HTML id of the step's text, which names its select (``aria-labelledby``).
    label_id: Markup


def shuffled(count: int, texts: list[str]) -> list[int]:
    """Indices ``0..count-1`` in a fixed order that is never the right one (for ``count > 1``).

    Sorting by a hash of each text keeps the order stable across builds and independent of
    where the step stands in the YAML; if that happens to be the right order, it is rotated.
    """
    order = sorted(range(count), key=lambda index: hashlib.sha1(texts[index].encode()).hexdigest())
    if order == list(range(count)) and count > 1:
        order = order[1:] + order[:1]
    return order


def shown_steps(block_id: str, question: SelfCheckQuestion, prose: Prose) -> list[ShownStep]:
    """The steps of an ordering question in the order the page shows them."""
    return [
        ShownStep(
            prose.line(question.steps[index]),
            index + 1,
            Markup(f"kx-{progress_key(block_id, question.id)}-{index + 1}".replace("/", "--")),
        )
        for index in shuffled(len(question.steps), list(question.steps))
    ]


def question_key(block_id: str, question_id: str) -> Markup:
    """The storage key of a question's result (``<block id>/<question id>``)."""
    return progress_key(block_id, question_id)


def self_check_blocks(chapters: Iterable[Chapter]) -> list[SelfCheckBlock]:
    """Every self-check of ``chapters``, in reading order."""
    return [
        block
        for chapter in chapters
        for section in chapter.sections
        for block in section.blocks
        if isinstance(block, SelfCheckBlock)
    ]


@dataclass(frozen=True)
class SelfCheckScope:
    """What the onboarding counter counts: every question key, and how many self-checks."""

    keys: Markup  # space-separated question keys; the part before "/" names the self-check
    count: int


def self_check_scope(chapters: Iterable[Chapter]) -> SelfCheckScope:
    """The question keys of every self-check in ``chapters`` for the onboarding counter."""
    blocks = self_check_blocks(chapters)
    keys = [
        str(question_key(block.id, question.id)) for block in blocks for question in block.questions
    ]
    return SelfCheckScope(Markup(" ".join(keys)), len(blocks))
