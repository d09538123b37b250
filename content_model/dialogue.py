"""Model dialogues take their time boxes from the chapters, never from their own YAML.

A dialogue names one section (``timing.ref``) whose agenda or timed steps set the minutes of
the conversation it shows; each passage names the agenda items (by label) or steps (by id) it
covers. The minutes on the page are added up from there, so a team that changes its agenda or
a rule sees the dialogue follow. ``timebox_problems`` checks what must hold across files: every
name exists, and the passages cover the section's time boxes once each, in order, so the
dialogue lasts exactly as long as the conversation it shows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from content_model.problems import Problem
from content_model.schema import (
    AgendaBlock,
    Chapter,
    DialogueBlock,
    Section,
    StepsBlock,
)
from content_model.strict_yaml import YamlDocument

#: A path below a chapter, as the loader locates problems.
Where = tuple[str | int, ...]


@dataclass(frozen=True)
class Slot:
    """One time box a section sets: its minutes and how the page names it."""

    minutes: int
    label: str


@dataclass(frozen=True)
class Timebox:
    """A passage's time box: the slots it covers (as the page names them), minutes added up."""

    labels: tuple[str, ...]
    minutes: int


def timing_slots(section: Section) -> dict[str, Slot] | None:
    """The time boxes a section sets, by name, in order; ``None`` if it sets none.

    An agenda names its items by label (an open item gets what the total leaves); timed steps
    are named by their ids and shown by their titles. The first block that sets time boxes
    counts.
    """
    for block in section.blocks:
        if isinstance(block, AgendaBlock):
            minutes = block.filled_minutes()
            return {
                item.label: Slot(filled, item.label)
                for item, filled in zip(block.items, minutes, strict=True)
                if filled is not None
            }
        if isinstance(block, StepsBlock) and any(step.minutes for step in block.items):
            return {
                step.id: Slot(step.minutes, step.title)
                for step in block.items
                if step.minutes is not None
            }
    return None


def _sections(chapters: Sequence[Chapter]) -> dict[str, Section]:
    return {
        f"{chapter.id}#{section.id}": section
        for chapter in chapters
        for section in chapter.sections
    }


def _dialogues(chapter: Chapter) -> Iterator[tuple[Where, DialogueBlock]]:
    for number, section in enumerate(chapter.sections):
        for index, block in enumerate(section.blocks):
            if isinstance(block, DialogueBlock):
                yield ("sections", number, "blocks", index), block


def timebox_problems(chapter: Chapter, chapters: Sequence[Chapter]) -> Iterator[tuple[Where, str]]:
    """What is wrong with the time boxes of ``chapter``'s dialogues, located below the chapter.

    ``chapters`` are all chapters of the playbook (the timing section may be in any of them).
    """
    sections = _sections(chapters)
    for path, block in _dialogues(chapter):
        if block.timing is None:
            continue
        section = sections.get(block.timing.ref)
        slots = timing_slots(section) if section is not None else None
        if slots is None:
            yield (
                (*path, "timing", "ref"),
                f"{block.timing.ref!r} ist kein Abschnitt mit einer Agenda oder Schritten mit "
                "Minuten",
            )
            continue
        names = list(slots)
        used: list[str] = []
        for number, passage in enumerate(block.passages):
            for index, name in enumerate(passage.timebox):
                where = (*path, "passages", number, "timebox", index)
                if name not in slots:
                    yield where, f"{name!r} gibt es dort nicht (bekannt: {', '.join(names)})"
                elif name in used:
                    yield where, f"{name!r} ist schon einer früheren Passage zugeordnet"
                elif used and names.index(name) < names.index(used[-1]):
                    yield where, f"{name!r} steht in der Agenda vor {used[-1]!r}"
                else:
                    used.append(name)
        missing = [name for name in names if name not in used]
        if missing:
            yield (
                (*path, "passages"),
                f"keine Passage zeigt {', '.join(repr(name) for name in missing)}; "
                "das Gespräch soll so lange dauern wie seine Agenda",
            )


def passage_timeboxes(block: DialogueBlock, chapters: Sequence[Chapter]) -> list[Timebox | None]:
    """Each passage's time box as the chapters set it (``None`` where a passage has none).

    Raises ``ValueError`` for a name the timing section does not set, so no page shows a
    time box that is not the chapter's; ``located_timebox_problems`` says where it is.
    """
    if block.timing is None:
        return [None for _ in block.passages]
    section = _sections(chapters).get(block.timing.ref)
    slots = timing_slots(section) if section is not None else None
    unknown = [
        name for passage in block.passages for name in passage.timebox if name not in (slots or {})
    ]
    if slots is None or unknown:
        raise ValueError(
            f"Beispielgespräch {block.id!r}: Zeitbox {unknown or block.timing.ref!r} "
            f"steht nicht in {block.timing.ref!r}"
        )
    return [
        Timebox(
            tuple(slots[name].label for name in passage.timebox),
            sum(slots[name].minutes for name in passage.timebox),
        )
        if passage.timebox
        else None
        for passage in block.passages
    ]


def located_timebox_problems(
    chapters: Sequence[tuple[Chapter, YamlDocument]],
) -> list[Problem]:
    """``timebox_problems`` of every chapter, each placed at its line and column.

    ``chapters`` are the chapters with their parsed files, as the loader holds them; the
    loader adds these to its cross-file problems, so an author sees them with all the others.
    """
    models = [chapter for chapter, _ in chapters]
    problems = []
    for chapter, document in chapters:
        for where, message in timebox_problems(chapter, models):
            position = document.position_of(where)
            dotted = ".".join(str(part) for part in where)
            problems.append(Problem(document.path, position.line, position.column, dotted, message))
    return problems
