"""A block type is one schema class plus one template: each needs the other, nothing else.

Which fields are anchors and which are prose the schema declares on the field types; the
loader and the views read those marks, so they are tested here on a model of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import Field

from content_model.roles import anchor_fields, shown_fields
from content_model.schema import AnchorId, Id, Line, Model, Prose, block_types
from content_model.views.blocks import block_template

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def unpaired(types: Iterable[str], templates: Path) -> list[str]:
    """Block types without a template, and templates in ``blocks/`` without a block type."""
    names = set(types)
    found = {path.name.removesuffix(".md.j2") for path in (templates / "blocks").glob("*.md.j2")}
    missing = [f"{name}: no {block_template(name)}" for name in sorted(names - found)]
    orphans = [f"{block_template(name)}: no block type {name!r}" for name in sorted(found - names)]
    return missing + orphans


def test_every_block_type_has_a_template_and_every_template_a_block_type() -> None:
    assert len(block_types()) == 20
    assert unpaired(block_types(), TEMPLATES) == []


def test_a_block_type_without_a_template_is_reported(tmp_path: Path) -> None:
    """Negative control: a new type without a template, and a template left over."""
    (tmp_path / "blocks").mkdir()
    for name in ("text", "alt"):
        (tmp_path / "blocks" / f"{name}.md.j2").write_text("", encoding="utf-8")
    assert unpaired(["text", "neu"], tmp_path) == [
        "neu: no blocks/neu.md.j2",
        "blocks/alt.md.j2: no block type 'alt'",
    ]


class Example(Model):
    """A model of its own, so the test does not depend on which block uses which mark."""

    id: AnchorId
    other: AnchorId | None = None
    plain_id: Id
    title: str
    intro: Prose | None = None
    items: list[Line] = Field(default_factory=list)


def test_marks_are_read_through_optional_and_list_types() -> None:
    assert anchor_fields(Example) == ("id", "other")
    assert shown_fields(Example) == {"intro": "paragraphs", "items": "line"}


def test_every_anchored_model_can_name_its_links() -> None:
    """A model with an anchor needs a title for links to it (or its own ``target_title``)."""
    example = Example(id="a", plain_id="b", title="Titel")
    assert example.target_title() == "Titel"
