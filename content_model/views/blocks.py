"""A block as its template receives it: the block's fields, prose rendered for the page.

Which fields are prose, and how each is shown, the schema declares (``content_model.roles``);
so does what a reader can tick (``ticks``). ``block_view`` reads those declarations, so a new
block type needs no code here. Only blocks that show something computed elsewhere add to
their view: a calculator its embed, a text template its plain text and fillable form
(``EXTRAS``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from pydantic import BaseModel

from calculators.qualification_score import score_guide
from content_model.calculator_embed import CalculatorEmbeds
from content_model.progress_keys import progress_key, tick_label_id
from content_model.roles import shown_fields
from content_model.schema import (
    AgendaBlock,
    BlockBase,
    CalculatorBlock,
    ScoreGuideBlock,
    SelfCheckBlock,
    TemplateBlock,
)
from content_model.self_check import question_key, shown_steps
from content_model.template_form import template_form
from content_model.views.prose import Prose


def block_template(block_type: str) -> str:
    """The template that lays out blocks of ``block_type``."""
    return f"blocks/{block_type}.md.j2"


class ModelView:
    """A content model as a template reads it: the same fields, prose as Markdown.

    Fields are read as attributes (``block.title``); a name the model does not have is an
    error in the template, as with the model itself.
    """

    def __init__(self, fields: dict[str, Any]) -> None:
        self._fields = fields

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["_fields"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"ModelView({self._fields!r})"

    def extended(self, added: dict[str, object]) -> ModelView:
        """A copy with ``added`` values, which must not hide a field of the model."""
        clash = sorted(set(added) & set(self._fields))
        if clash:
            raise TypeError(f"a view cannot add what the model has already: {clash}")
        return ModelView({**self._fields, **added})


def _shown(value: Any, how: str, prose: Prose) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        return [_shown(item, how, prose) for item in value]
    if how == "paragraphs":
        return prose.paragraphs(value)
    return prose.line(value) if how == "line" else prose.link(value)


def model_view(node: Any, prose: Prose) -> Any:
    """``node`` with every prose field (by its schema mark) rendered for the page."""
    if isinstance(node, BaseModel):
        shown = shown_fields(type(node))
        fields = {}
        for name in type(node).model_fields:
            value = getattr(node, name)
            fields[name] = (
                _shown(value, shown[name], prose) if name in shown else model_view(value, prose)
            )
        return ModelView(fields)
    if isinstance(node, list):
        return [model_view(item, prose) for item in node]
    return node


@dataclass(frozen=True)
class TickView:
    """One entry a reader can tick: its storage key, the id naming its box, its text."""

    key: Markup
    label_id: Markup
    text: Markup


@dataclass(frozen=True)
class BlockContext:
    """What block views need besides the block: the page, and the build's shared parts."""

    prose: Prose
    embeds: CalculatorEmbeds
    #: Jinja2 for HTML fragments (the fillable form of a text template).
    forms: Environment
    #: The calculators embedded on the page so far (the page then starts the runtime early).
    calculators: list[str] = field(default_factory=list)


def _calculator(block: CalculatorBlock, context: BlockContext) -> dict[str, object]:
    context.calculators.append(block.calculator)
    return {"embed": context.embeds.embed(block)}


def _text_template(block: TemplateBlock, context: BlockContext) -> dict[str, object]:
    return {"plain": block.plain_text(), "form": template_form(context.forms, block)}


def _agenda(block: AgendaBlock, context: BlockContext) -> dict[str, object]:
    return {"filled_minutes": block.filled_minutes()}


def _score_guide(block: ScoreGuideBlock, context: BlockContext) -> dict[str, object]:
    return {"guide": score_guide(context.embeds.rules)}


def _self_check(block: SelfCheckBlock, context: BlockContext) -> dict[str, object]:
    return {
        "keys": {question.id: question_key(block.id, question.id) for question in block.questions},
        "shown_steps": {
            question.id: shown_steps(block.id, question, context.prose)
            for question in block.questions
            if question.kind == "order"
        },
    }


#: What a block type shows besides its own fields, computed at the boundary.
EXTRAS: dict[type[BlockBase], Callable[[Any, BlockContext], dict[str, object]]] = {
    AgendaBlock: _agenda,
    CalculatorBlock: _calculator,
    TemplateBlock: _text_template,
    ScoreGuideBlock: _score_guide,
    SelfCheckBlock: _self_check,
}


def block_view(block: BlockBase, context: BlockContext) -> ModelView:
    """The block's fields for the page, its template, its ticks and its extras."""
    view = model_view(block, context.prose)
    assert isinstance(view, ModelView)
    added: dict[str, object] = {"template": block_template(str(view.type))}
    ticks = block.ticks()
    if ticks is not None:
        added["tick_list_key"] = progress_key(ticks.list_id)
        added["ticks"] = [
            TickView(
                progress_key(ticks.list_id, entry_id),
                tick_label_id(ticks.list_id, entry_id),
                context.prose.line(text),
            )
            for entry_id, text in ticks.entries
        ]
    extras = EXTRAS.get(type(block))
    if extras is not None:
        added.update(extras(block, context))
    return view.extended(added)
