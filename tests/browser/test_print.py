"""A printed chapter is a handout: only the article, empty boxes, addresses, one section per page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import calculator, field, fill_and_wait

pytestmark = pytest.mark.browser

CHAPTER = "gespraeche/gespraechsmappe/"
TICKED = "checkliste-gespraechsmappe/mappe-wenn-dann"
PREVIEW = Path("/tmp/print-preview.png")
PDF = Path("/tmp/print-chapter.pdf")
CHROME = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
]
BOX_STYLE = """(item) => {
  const style = getComputedStyle(item.querySelector('.task-list-indicator'), '::before');
  return {
    content: style.content,
    display: style.display,
    border: style.borderTopStyle,
    borderWidth: parseFloat(style.borderTopWidth),
    width: parseFloat(style.width),
    mask: style.maskImage,
  };
}"""


def pdf_pages(data: bytes) -> int:
    """The page count from the PDF's page tree (Chromium writes it uncompressed)."""
    counts = [int(count) for count in re.findall(rb"/Count\s+(\d+)", data)]
    assert counts, "no page tree in the PDF"
    return max(counts)


def test_a_chapter_prints_as_a_handout(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{CHAPTER}")
    expect(page.locator(".kx-read")).to_be_visible()  # progress/progress.mjs has bound the page
    page.locator(f'li[data-kx-item="{TICKED}"] input').check(force=True)
    for selector in CHROME:
        expect(page.locator(selector).first).to_be_visible()  # on screen, all is there

    page.emulate_media(media="print")
    for selector in CHROME:
        expect(page.locator(selector).first).to_be_hidden()
    buttons = page.locator(".md-content button")
    assert buttons.count() >= 2  # "Häkchen zurücksetzen" and "Als gelesen markieren"
    for index in range(buttons.count()):
        expect(buttons.nth(index)).to_be_hidden()
    expect(page.locator(".kx-read")).to_be_hidden()
    expect(page.locator(".kx-checklist-tools")).to_be_hidden()

    # Every checklist item prints with a square to tick with a pen.
    items = page.locator("li[data-kx-item]")
    assert items.count() >= 5
    for index in range(items.count()):
        item = items.nth(index)
        expect(item).to_be_visible()
        box = item.evaluate(BOX_STYLE)
        assert box["display"] != "none", box
        assert box["border"] == "solid", box
        assert box["borderWidth"] >= 1, box
        assert box["width"] >= 8, box
        assert box["mask"] == "none", box
        ticked = item.get_attribute("data-kx-item") == TICKED
        assert (box["content"] == '"✓"') is ticked, box

    # Each section starts on a new page, the first right after the chapter title.
    breaks = page.locator(".md-content__inner > h2").evaluate_all(
        "(headings) => headings.map((h) => getComputedStyle(h).breakBefore)"
    )
    assert len(breaks) >= 3
    assert breaks[0] == "auto"
    assert set(breaks[1:]) == {"page"}

    # A link prints its address after its text.
    link = page.locator('.md-content__inner p a[href*="lage-klaeren"]').first
    after = link.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert f"{site_url}gespraeche/lage-klaeren/" in after, after
    assert after.startswith('" ('), after

    page.screenshot(path=str(PREVIEW), full_page=True)
    assert PREVIEW.stat().st_size > 10_000
    data = page.pdf(path=str(PDF), format="A4", print_background=False)
    assert data.startswith(b"%PDF-")
    assert PDF.read_bytes() == data
    assert pdf_pages(data) >= len(breaks)

    page.emulate_media(media="screen")  # the rules apply to print only
    expect(page.locator(".md-header")).to_be_visible()
    expect(page.locator(".kx-read button")).to_be_visible()


def test_a_calculator_prints_its_inputs_and_result_as_a_card(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}kunden-aufgeben/wert-pro-stunde/")
    container = calculator(page, "value-per-hour")
    fill_and_wait(container, {"team_median": "260"})
    verdict = container.locator(".kx-verdict").inner_text()
    assert verdict

    page.emulate_media(media="print")
    expect(container).to_be_visible()
    expect(container.locator(".kx-actions")).to_be_hidden()
    for index in range(container.locator("button").count()):
        expect(container.locator("button").nth(index)).to_be_hidden()
    typed = field(container, "team_median")
    expect(typed).to_be_visible()
    expect(typed).to_have_value("260")
    expect(container.locator(".kx-result")).to_be_visible()
    expect(container.locator(".kx-verdict")).to_have_text(verdict)
    card = container.evaluate(
        """(node) => {
          const style = getComputedStyle(node);
          return [style.borderTopStyle, parseFloat(style.borderTopWidth), style.breakInside];
        }"""
    )
    assert card == ["solid", pytest.approx(1.5, abs=0.5), "avoid"]
