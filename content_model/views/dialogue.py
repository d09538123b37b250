"""What the page shows of a model dialogue besides its own fields: time boxes and cast.

A dialogue's minutes come from the chapter section it names (``content_model.dialogue``), so
its view needs the whole playbook, which a block view alone does not see. Chapter pages call
``chapter_block_view`` for every block; it adds this for dialogues and nothing for the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from content_model.dialogue import Timebox, passage_timeboxes
from content_model.loader import Playbook
from content_model.schema import BlockBase, DialogueBlock
from content_model.views.blocks import BlockContext, ModelView, block_view

#: How the page names each side of the table, next to the speaker's role.
SIDE_LABELS = {"ours": "unsere Seite", "customer": "Kundenseite"}


@dataclass(frozen=True)
class CastMember:
    """A speaker as turns show them: name, role, side (for layout and as words)."""

    name: str
    role: str
    side: str
    side_label: str


def dialogue_extras(
    block: DialogueBlock, context: BlockContext, playbook: Playbook
) -> dict[str, object]:
    """Each passage's time box, the link to where the minutes come from, the cast by id."""
    timeboxes: list[Timebox | None] = passage_timeboxes(block, playbook.chapters)
    timing_link = context.prose.link(block.timing.ref) if block.timing else Markup()
    total = sum(timebox.minutes for timebox in timeboxes if timebox is not None)
    return {
        "timeboxes": timeboxes,
        "timing_link": timing_link,
        "total_minutes": total,
        "cast": {
            speaker.id: CastMember(
                speaker.name, speaker.role, speaker.side, SIDE_LABELS[speaker.side]
            )
            for speaker in block.speakers
        },
    }


def chapter_block_view(block: BlockBase, context: BlockContext, playbook: Playbook) -> ModelView:
    """A block of a chapter page; a dialogue also gets its time boxes and cast."""
    view = block_view(block, context)
    if isinstance(block, DialogueBlock):
        view = view.extended(dialogue_extras(block, context, playbook))
    return view
