"""Objections and model dialogues in Chromium: axe clean, sides told apart, deep links land.

axe runs with the accessibility suite's harness (its own profile without the page's CSP);
each check here also gets a planted defect it must find.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.browser.test_accessibility import (  # noqa: F401 (axe_context is a fixture)
    VIEWPORTS,
    Violation,
    axe,
    axe_context,
    open_settled,
    report,
)

pytestmark = pytest.mark.browser

PAGES = ("einwaende/", "gespraeche/beispielgespraech/", "gespraeche/drei-wege/")

#: How each side's turns look: indent and the style of the rule beside them (not colour).
SIDES = """() => Object.fromEntries(["ours", "customer"].map((side) => {
  const turn = document.querySelector(`.kx-turn-${side}`);
  const style = getComputedStyle(turn);
  return [side, {
    left: turn.getBoundingClientRect().left,
    border: style.borderLeftStyle,
    weight: getComputedStyle(turn.querySelector("strong")).fontWeight,
  }];
}))"""


def sides_apart(page: Page) -> list[str]:
    """Why the two sides of a dialogue would only differ by colour, if they would."""
    sides = page.evaluate(SIDES)
    ours, customer = sides["ours"], sides["customer"]
    problems = []
    if customer["left"] - ours["left"] < 8:
        problems.append(f"kein Einzug für die Kundenseite: {sides}")
    if ours["border"] == customer["border"]:
        problems.append(f"gleiche Randlinie auf beiden Seiten: {sides}")
    if int(ours["weight"]) < 600 or int(customer["weight"]) < 600:
        problems.append(f"Namen nicht fett: {sides}")
    return problems


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_new_pages_pass_axe(
    axe_context: BrowserContext,  # noqa: F811
    site_url: str,
    viewport: str,
) -> None:
    page = axe_context.new_page()
    page.set_viewport_size(VIEWPORTS[viewport])
    findings: list[tuple[str, Violation]] = []
    for path in PAGES:
        open_settled(page, f"{site_url}{path}")
        findings.extend((f"/{path} ({viewport})", violation) for violation in axe(page))
    assert not findings, report(findings)


def test_axe_finds_a_planted_defect_in_a_dialogue_turn(
    axe_context: BrowserContext,  # noqa: F811
    site_url: str,
) -> None:
    page = axe_context.new_page()
    open_settled(page, f"{site_url}gespraeche/beispielgespraech/")
    page.add_style_tag(content=".md-typeset .kx-turn-customer { color: #d0d0d0 !important; }")
    found = {violation["id"]: violation["targets"] for violation in axe(page)}
    assert any("kx-turn-customer" in target for target in found.get("color-contrast", []))


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_our_side_and_the_customers_differ_beyond_colour(
    axe_context: BrowserContext,  # noqa: F811
    site_url: str,
    viewport: str,
) -> None:
    page = axe_context.new_page()
    page.set_viewport_size(VIEWPORTS[viewport])
    open_settled(page, f"{site_url}gespraeche/beispielgespraech/")
    assert sides_apart(page) == []
    page.emulate_media(media="print")
    assert sides_apart(page) == []


def test_a_dialogue_whose_sides_differ_only_by_colour_is_reported(
    axe_context: BrowserContext,  # noqa: F811
    site_url: str,
) -> None:
    """Negative control: the customer's turns styled like ours, in another colour only."""
    page = axe_context.new_page()
    open_settled(page, f"{site_url}gespraeche/beispielgespraech/")
    page.add_style_tag(
        content=".md-typeset .kx-turn-customer { margin-left: 0 !important;"
        " border-left-style: solid !important; border-left-color: red !important; }"
    )
    assert len(sides_apart(page)) == 2


@pytest.mark.parametrize(
    "path",
    [
        "gespraeche/drei-wege/#einwand-nachlass",
        "einwaende/#einwand-kuendigen",
        "gespraeche/beispielgespraech/#beispiel-hansen-optionen",
    ],
)
def test_a_deep_link_lands_on_its_objection_or_passage(
    axe_context: BrowserContext,  # noqa: F811
    site_url: str,
    path: str,
) -> None:
    page = axe_context.new_page()
    page.set_viewport_size(VIEWPORTS["phone"])
    open_settled(page, f"{site_url}{path}")
    anchor = path.partition("#")[2]
    box = page.locator(f"#{anchor}").bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert box is not None
    assert header is not None
    assert header["y"] + header["height"] - 1 <= box["y"] < VIEWPORTS["phone"]["height"] / 2
