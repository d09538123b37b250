"""What a field of the schema is for, declared on its type and read back by the model.

The schema says once, next to each field, what the rest of the model does with it: an id
that is a link target on its chapter page (``ANCHOR``), reader-facing text that may hold
``[[ref]]`` links and is shown as paragraphs (``PARAGRAPHS``) or as one line (``LINE``), or a
reference shown as a link named by its target's title (``LINK``).
The loader registers anchors and the views render text by reading these marks, so a new
block type needs no entry in a list of ``isinstance`` checks. A field without a mark is an
identifier, a number or plain text that templates print as it is (escaped for Markdown).
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

ShownAs = Literal["paragraphs", "line", "link"]


@dataclass(frozen=True)
class Anchor:
    """The field is an id that readers link to: a heading or list anchor on its page."""


@dataclass(frozen=True)
class Shown:
    """The field is prose for readers, with ``[[ref]]`` links resolved when it is shown."""

    #: ``paragraphs``: blank lines separate paragraphs; ``line``: one line (cells, items);
    #: ``link``: the field is a reference, shown as a link to its target.
    as_: ShownAs


ANCHOR = Anchor()
PARAGRAPHS = Shown("paragraphs")
LINE = Shown("line")
LINK = Shown("link")


def _marks(annotation: Any) -> list[object]:
    """Every ``Annotated`` mark inside ``annotation`` (through ``list[...]`` and ``| None``)."""
    found: list[object] = list(getattr(annotation, "__metadata__", ()))
    for argument in typing.get_args(annotation):
        found.extend(_marks(argument))
    return found


@cache
def _hints(model: type[BaseModel]) -> dict[str, Any]:
    hints = typing.get_type_hints(model, include_extras=True)
    return {name: hints[name] for name in model.model_fields}


@cache
def anchor_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` marked ``ANCHOR``, in declaration order."""
    return tuple(
        name
        for name, hint in _hints(model).items()
        if any(isinstance(mark, Anchor) for mark in _marks(hint))
    )


@cache
def shown_fields(model: type[BaseModel]) -> dict[str, ShownAs]:
    """The prose and reference fields of ``model`` and how each is shown."""
    shown: dict[str, ShownAs] = {}
    for name, hint in _hints(model).items():
        marks = [mark for mark in _marks(hint) if isinstance(mark, Shown)]
        if marks:
            shown[name] = marks[0].as_
    return shown
