"""Tab sets leave the build without Material's mark, and the style sheet covers each of them."""

from __future__ import annotations

import re
from pathlib import Path

from content_model.tab_sets import without_tab_component
from tests.site.conftest import ROOT

#: A tab set as pymdownx.tabbed writes it (alternate style), cut short after its labels.
MARKED = (
    '<div class="tabbed-set tabbed-alternate" data-tabs="3:2"><input checked="checked" '
    'id="__tabbed_3_1" name="__tabbed_3" type="radio" /><input id="__tabbed_3_2" '
    'name="__tabbed_3" type="radio" /><div class="tabbed-labels">'
)
SHEET = ROOT / "docs/assets/klartext/tab-sets/tab-sets.css"
LABELS = re.compile(r'<div class="tabbed-labels">(?P<labels>.*?)</div>', re.DOTALL)


def covered_tabs(sheet: str) -> int:
    """How many tabs of a set the sheet underlines when chosen (its rules pair input n and label n)."""
    pairs = re.findall(
        r"input:nth-child\((\d+)\):checked ~ \.tabbed-labels > :nth-child\((\d+)\)", sheet
    )
    paired = {int(tab) for tab, label in pairs if tab == label}
    return max(n for n in range(len(paired) + 1) if set(range(1, n + 1)) <= paired)


def test_the_mark_that_starts_materials_tab_component_is_dropped() -> None:
    assert without_tab_component(f"<p>x</p>{MARKED}") == "<p>x</p>" + MARKED.replace(
        ' data-tabs="3:2"', ""
    )


def test_other_markup_is_left_as_it_is() -> None:
    other = '<div class="admonition quote" data-tabs="1:2"><p>„Sätze“</p></div>'
    assert without_tab_component(other) == other


def test_no_built_page_marks_a_tab_set_and_the_sheet_covers_every_set(real_site: Path) -> None:
    covered = covered_tabs(SHEET.read_text("utf-8"))
    sets = 0
    for page in sorted(real_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert "data-tabs=" not in text, page
        for match in LABELS.finditer(text):
            sets += 1
            assert match.group("labels").count("<label") <= covered, page
    assert sets >= 20  # the chapters' phrasing and objection blocks all went through the build


def test_the_coverage_check_notices_a_missing_pair() -> None:
    sheet = SHEET.read_text("utf-8")
    assert covered_tabs(sheet) >= 2
    without_second = sheet.replace(
        "input:nth-child(2):checked ~ .tabbed-labels > :nth-child(2)", "input:checked"
    )
    assert covered_tabs(without_second) == 1
