"""Tabbed blocks work without Material's tab component: by pointer, by keyboard, underlined.

The control is a tab set planted in the page as pymdownx.tabbed writes one, mark included:
Material's script starts its tab component on it (and adds its scroll buttons), so the
check would see a component on a set the build had not cleared.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.helpers import serve_rewritten

pytestmark = pytest.mark.browser

CHAPTER = "gespraeche/verbindlichkeit/"
PLANTED = (
    '<div class="tabbed-set tabbed-alternate" data-tabs="99:2" id="planted">'
    '<input checked="checked" id="__tabbed_99_1" name="__tabbed_99" type="radio" />'
    '<input id="__tabbed_99_2" name="__tabbed_99" type="radio" />'
    '<div class="tabbed-labels"><label for="__tabbed_99_1">Eins</label>'
    '<label for="__tabbed_99_2">Zwei</label></div><div class="tabbed-content">'
    '<div class="tabbed-block"><p>Eins</p></div><div class="tabbed-block"><p>Zwei</p></div>'
    "</div></div>"
)
#: The bottom border's colour of a label and the colour of the site's text, to compare.
UNDERLINE = """(label) => ({
  line: getComputedStyle(label).borderBottomColor,
  text: getComputedStyle(document.querySelector('.md-typeset')).color,
  outline: getComputedStyle(label).outlineStyle,
})"""


def open_chapter(page: Page, site_url: str) -> Locator:
    """The chapter with a marked set planted, once Material has started on it; its first own set."""
    serve_rewritten(
        page,
        lambda url: url.endswith("/" + CHAPTER),
        lambda text: text.replace("</article>", PLANTED + "</article>", 1),
    )
    page.goto(site_url + CHAPTER)
    expect(page.locator("#planted .tabbed-control")).to_have_count(2)  # Material started
    return page.locator(".tabbed-set:not(#planted)").first


def test_material_starts_no_tab_component_on_the_builds_sets(page: Page, site_url: str) -> None:
    open_chapter(page, site_url)
    sets = page.locator(".tabbed-set:not(#planted)")
    assert sets.count() >= 3
    expect(page.locator(".tabbed-set:not(#planted) .tabbed-control")).to_have_count(0)


def test_a_tab_chosen_by_pointer_shows_its_block_and_is_underlined(
    page: Page, site_url: str
) -> None:
    tabs = open_chapter(page, site_url)
    labels, blocks = tabs.locator(".tabbed-labels > label"), tabs.locator(".tabbed-block")
    expect(blocks.nth(0)).to_be_visible()
    expect(blocks.nth(1)).to_be_hidden()
    first = labels.nth(0).evaluate(UNDERLINE)
    assert first["line"] == first["text"]
    labels.nth(1).click()
    expect(blocks.nth(1)).to_be_visible()
    expect(blocks.nth(0)).to_be_hidden()
    chosen, left = labels.nth(1).evaluate(UNDERLINE), labels.nth(0).evaluate(UNDERLINE)
    assert chosen["line"] == chosen["text"]
    assert left["line"] == "rgba(0, 0, 0, 0)"
    assert chosen["outline"] == "none"  # a pointer's choice gets no focus ring


def test_a_tab_chosen_by_keyboard_is_ringed_while_it_has_focus(page: Page, site_url: str) -> None:
    tabs = open_chapter(page, site_url)
    labels, blocks = tabs.locator(".tabbed-labels > label"), tabs.locator(".tabbed-block")
    tabs.locator("input").first.focus()
    page.keyboard.press("ArrowRight")
    expect(tabs.locator("input").nth(1)).to_be_focused()
    expect(blocks.nth(1)).to_be_visible()
    chosen = labels.nth(1).evaluate(UNDERLINE)
    assert chosen["outline"] == "solid"
    assert chosen["line"] == chosen["text"]
