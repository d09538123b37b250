"""Markdown's tables leave the build wrapped and marked, so Material's script leaves them alone."""

from __future__ import annotations

import re
from pathlib import Path

from content_model.data_tables import DATA_TABLE_CLASS, wrapped
from tests.site.conftest import ROOT

PLAIN = "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"


def test_a_plain_table_is_wrapped_as_material_would_and_marked() -> None:
    assert wrapped(f"<p>x</p>{PLAIN}<p>y</p>") == (
        '<p>x</p><div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
        f'<table class="{DATA_TABLE_CLASS}"><thead><tr><th>a</th></tr></thead><tbody><tr>'
        "<td>1</td></tr></tbody></table></div></div><p>y</p>"
    )


def test_a_table_with_a_class_is_left_as_it_is() -> None:
    table = '<table class="kx-table"><tr><td>1</td></tr></table>'
    assert wrapped(table) == table


def test_no_built_page_has_a_table_material_would_move(real_site: Path) -> None:
    marked = 0
    for page in sorted(real_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert "<table>" not in text, page
        marked += len(re.findall(f'<table class="{DATA_TABLE_CLASS}">', text))
    assert marked >= 20  # the chapters' Markdown tables all went through the build's wrapper


def test_the_style_sheet_draws_the_marked_tables() -> None:
    sheet = (ROOT / "docs/assets/klartext/data-tables/data-tables.css").read_text("utf-8")
    assert f".md-typeset .{DATA_TABLE_CLASS} {{" in sheet
