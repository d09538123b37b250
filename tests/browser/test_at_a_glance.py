"""The cards "auf einen Blick" in Chromium: one A4 page each, legible, a print button, axe clean.

A rep takes the card into the meeting, so it must print on exactly one sheet. Chromium prints
each card page to PDF and the pages of the PDF are counted; in print media every piece of
text on the card is at least 9 pt. Planted defects show the checks find what they are for: a
card stuffed with its panels three times prints on more than one page, and a panel shrunk to
7 pt is found too small.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.helpers import PALE_PROBE, plant_pale_text
from tests.browser.test_accessibility import VIEWPORTS, Violation, axe, report

pytestmark = pytest.mark.browser

CARDS = ("gespraech-auf-einen-blick/", "ausstieg-auf-einen-blick/")
#: 9 pt in CSS pixels (1 pt = 4/3 px).
MIN_PX = 12.0
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
#: The computed size of every piece of text on the card that has text of its own.
FONT_SIZES = """() => [...document.querySelectorAll(".md-content .md-typeset *")]
  .filter((node) => [...node.childNodes].some(
    (child) => child.nodeType === Node.TEXT_NODE && child.textContent.trim()))
  .filter((node) => node.getClientRects().length > 0)
  .map((node) => ({
    text: node.textContent.trim().slice(0, 40),
    size: parseFloat(getComputedStyle(node).fontSize),
  }))"""
STUFFED = """() => {
  const grid = document.querySelector(".kx-glance");
  const panels = [...grid.children];
  for (let copy = 0; copy < 2; copy += 1) {
    for (const panel of panels) grid.append(panel.cloneNode(true));
  }
}"""


def pdf_pages(pdf: bytes) -> int:
    """How many pages a PDF has: its page objects (``/Type /Page``, not ``/Pages``)."""
    return len(PAGE_OBJECT.findall(pdf))


def printed_pages(page: Page) -> int:
    """The open page printed to A4 as the reader's browser would, counted."""
    return pdf_pages(page.pdf(format="A4", print_background=True))


def too_small(page: Page) -> list[dict[str, Any]]:
    """Text on the printed card smaller than 9 pt (the page switched to print media)."""
    page.emulate_media(media="print")
    try:
        return [entry for entry in page.evaluate(FONT_SIZES) if entry["size"] < MIN_PX - 0.01]
    finally:
        page.emulate_media(media="screen")


@pytest.fixture
def styled_context(browser: Browser) -> Iterator[BrowserContext]:
    """A profile whose pages accept planted changes (the site's CSP refuses added styles)."""
    context = browser.new_context(locale="de-DE", bypass_csp=True, service_workers="block")
    yield context
    context.close()


def test_the_page_counter_counts_pages() -> None:
    """The counter tells pages from the page tree, so two pages are two, not three."""
    two = b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page /Parent 1 0 R >>"
    assert pdf_pages(two) == 2


@pytest.mark.parametrize("card", CARDS)
def test_each_card_prints_on_one_legible_page(page: Page, site_url: str, card: str) -> None:
    """Printed to A4, the card is exactly one page, and no text on it is smaller than 9 pt."""
    page.goto(f"{site_url}{card}")
    assert page.locator(".kx-glance-panel").count() >= 3
    assert printed_pages(page) == 1
    assert too_small(page) == []


@pytest.mark.parametrize("card", CARDS)
def test_a_stuffed_card_is_found_to_print_on_more_pages(
    styled_context: BrowserContext, site_url: str, card: str
) -> None:
    """Negative control: the same card with its panels three times does not fit one page."""
    page = styled_context.new_page()
    page.goto(f"{site_url}{card}")
    page.evaluate(STUFFED)
    assert printed_pages(page) >= 2


def test_shrunk_text_is_found_too_small(styled_context: BrowserContext, site_url: str) -> None:
    """Negative control: a panel printed at 7 pt is reported, with its text."""
    page = styled_context.new_page()
    page.goto(f"{site_url}{CARDS[0]}")
    page.add_style_tag(
        content="@media print { .md-typeset .kx-glance-panel li { font-size: 7pt !important } }"
    )
    found = too_small(page)
    assert found, "7 pt text went unnoticed"
    assert all(entry["size"] < MIN_PX for entry in found)


@pytest.mark.parametrize("card", CARDS)
def test_the_print_button_prints_the_card(page: Page, site_url: str, card: str) -> None:
    """The button "Karte drucken" appears once bound and opens the print dialogue."""
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page.goto(f"{site_url}{card}")
    button = page.get_by_role("button", name="Karte drucken")
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("() => window.__printed") == 1


def test_cards_are_linked_where_readers_look(page: Page, site_url: str) -> None:
    """The workshop page, the onboarding page and a summarised chapter link to the cards."""
    for path, names in (
        ("workshop/", ("Heikles Gespräch auf einen Blick", "Ausstieg auf einen Blick")),
        ("einstieg/", ("Heikles Gespräch auf einen Blick", "Ausstieg auf einen Blick")),
        ("gespraeche/drei-wege/", ("Heikles Gespräch auf einen Blick",)),
        ("kunden-aufgeben/ausstiegsleitfaden/", ("Ausstieg auf einen Blick",)),
    ):
        page.goto(f"{site_url}{path}")
        for name in names:
            link = page.locator(".md-content").get_by_role("link", name=name).first
            expect(link).to_be_visible()
            href = link.get_attribute("href") or ""
            assert "auf-einen-blick" in href, (path, href)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_cards_pass_axe(styled_context: BrowserContext, site_url: str, viewport: str) -> None:
    """Both cards pass axe's WCAG 2.2 A/AA rules on a phone and on a desktop."""
    page = styled_context.new_page()
    page.set_viewport_size(VIEWPORTS[viewport])
    findings: list[tuple[str, Violation]] = []
    for card in CARDS:
        page.goto(f"{site_url}{card}")
        expect(page.get_by_role("button", name="Karte drucken")).to_be_visible()
        findings.extend((f"/{card} ({viewport})", violation) for violation in axe(page))
    assert not findings, report(findings)


def test_axe_finds_a_planted_violation_on_a_card(
    styled_context: BrowserContext, site_url: str
) -> None:
    """Negative control: pale text planted in a panel is found on the card page."""
    page = styled_context.new_page()
    page.goto(f"{site_url}{CARDS[1]}")
    plant_pale_text(page, ".kx-glance-panel", "Dieser Satz ist kaum zu lesen.")
    found = {violation["id"]: violation["targets"] for violation in axe(page)}
    assert PALE_PROBE in found.get("color-contrast", []), found
