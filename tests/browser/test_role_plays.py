"""The role-play kit in Chromium: one printed page per card, no card split, axe clean pages.

A trainer prints the role-play page and hands every player one sheet, so each card must start
on a page of its own and fit on it. Chromium prints the page to PDF; poppler's ``pdftotext``
reads each page back, and every card's first and last line must be on the same page, the one
after the previous card's. Two planted defects show the check finds what it is for: cards
without their page break share pages, and a card made taller than a page is split.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.helpers import PALE_PROBE, plant_pale_text
from tests.browser.test_accessibility import VIEWPORTS, Violation, axe, report

pytestmark = pytest.mark.browser

ROLE_PLAYS = "rollenspiele/"
TRAINER = "fuer-trainer/"
WORKSHOP = "workshop/"
PDF = Path("/tmp/role-plays.pdf")
CARDS = """() => [...document.querySelectorAll(".md-content .kx-role-card")].map((card) => {
  const heading = card.querySelector("h2, h3");
  const title = heading.cloneNode(true);
  title.querySelectorAll("a, button").forEach((control) => control.remove());
  const lines = [...card.querySelectorAll("li, p, td")].filter((node) => node.textContent.trim());
  return {
    id: heading.id,
    first: title.textContent,
    last: lines[lines.length - 1].textContent,
  };
})"""
PRINT_STYLE = """() => [...document.querySelectorAll(".md-content .kx-role-card")].map((card) => {
  const style = getComputedStyle(card);
  return { before: style.breakBefore, inside: style.breakInside };
})"""


@dataclass(frozen=True)
class Card:
    """A printed card: its heading's id, its first line (the heading) and its last line."""

    id: str
    first: str
    last: str


def squeezed(text: str) -> str:
    """Text without whitespace and hyphens, so line breaks in the PDF do not matter."""
    return re.sub(r"[\s\u00a0\u00ad\-–]+", "", text)


def pdf_page_texts(pdf: Path) -> list[str]:
    """The text of each page of ``pdf``, read by poppler's ``pdftotext``.

    ``make pytest`` installs it (``make poppler``): a missing tool fails, never skips.
    """
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext fehlt: `make poppler` installiert Debians poppler-utils")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def card_layout_problems(pages: list[str], cards: list[Card]) -> list[str]:
    """What is wrong with how ``cards`` fall on ``pages`` (empty if each has a page of its own).

    The page's title and introduction take the first page; card ``n`` must open page ``n + 1``
    (0-based) with its heading and end on it. A card's heading may recur further down other
    pages (role cards name their scenario), so only the top of a page counts as a start.
    """
    problems = []
    if len(pages) != len(cards) + 1:
        problems.append(f"{len(pages)} Seiten für {len(cards)} Karten und die Einleitung")
    squeezed_pages = [squeezed(page) for page in pages]
    for number, card in enumerate(cards, start=1):
        page = squeezed_pages[number] if number < len(squeezed_pages) else ""
        if not page.startswith(squeezed(card.first)):
            problems.append(f"Karte {card.id!r} beginnt nicht oben auf Seite {number + 1}")
        elif squeezed(card.last) not in page:
            problems.append(f"Karte {card.id!r} endet nicht auf Seite {number + 1}")
    return problems


def printed(page: Page, site_url: str, style: str | None = None) -> tuple[list[str], list[Card]]:
    """Print the role-play page to PDF (with ``style`` added, if given); pages and cards."""
    page.goto(f"{site_url}{ROLE_PLAYS}")
    if style:
        page.add_style_tag(content=style)
    cards = [Card(**card) for card in page.evaluate(CARDS)]
    PDF.write_bytes(page.pdf(format="A4"))
    return pdf_page_texts(PDF), cards


@pytest.fixture
def styled_context(browser: Browser) -> Iterator[BrowserContext]:
    """A profile whose pages accept an added style sheet (the site's CSP would refuse it)."""
    context = browser.new_context(locale="de-DE", bypass_csp=True, service_workers="block")
    yield context
    context.close()


def test_each_card_prints_on_a_page_of_its_own(page: Page, site_url: str) -> None:
    """Four cards per scenario, each starting a new page and ending on it."""
    pages, cards = printed(page, site_url)
    assert len(cards) >= 12  # at least three scenarios with four cards each
    assert not card_layout_problems(pages, cards), card_layout_problems(pages, cards)
    page.emulate_media(media="print")
    for style in page.evaluate(PRINT_STYLE):
        assert style == {"before": "page", "inside": "avoid"}, style


def test_the_check_finds_cards_that_share_a_page(
    styled_context: BrowserContext, site_url: str
) -> None:
    """Negative control: without their page breaks, cards run on and share pages."""
    page = styled_context.new_page()
    pages, cards = printed(
        page,
        site_url,
        "@media print { .md-typeset .kx-role-card "
        "{ break-before: auto !important; break-inside: auto !important } }",
    )
    problems = card_layout_problems(pages, cards)
    assert any("beginnt nicht oben" in problem for problem in problems), problems


def test_the_check_finds_a_card_split_across_pages(
    styled_context: BrowserContext, site_url: str
) -> None:
    """Negative control: a card taller than a page is split, and the check names that card."""
    page = styled_context.new_page()
    pages, cards = printed(
        page,
        site_url,
        "@media print { .md-typeset .kx-role-card--kunde h4 { margin-bottom: 80mm !important } }",
    )
    problems = card_layout_problems(pages, cards)
    customer_cards = [card.id for card in cards if card.id.endswith("-kunde")]
    assert customer_cards
    for card_id in customer_cards:
        assert any(repr(card_id) in problem for problem in problems), (card_id, problems)


@pytest.fixture
def axe_context(browser: Browser) -> Iterator[BrowserContext]:
    """A profile for axe only: the page's CSP would refuse the injected axe script."""
    context = browser.new_context(locale="de-DE", bypass_csp=True, service_workers="block")
    yield context
    context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_role_play_trainer_and_workshop_pages_pass_axe(
    axe_context: BrowserContext, site_url: str, viewport: str
) -> None:
    """The new pages, and the workshop page with every trainer note unfolded, pass axe."""
    page = axe_context.new_page()
    page.set_viewport_size(VIEWPORTS[viewport])
    findings: list[tuple[str, Violation]] = []
    for path in (ROLE_PLAYS, TRAINER, WORKSHOP):
        page.goto(f"{site_url}{path}")
        page.evaluate("() => document.querySelectorAll('details').forEach((d) => (d.open = true))")
        findings.extend((f"/{path} ({viewport})", violation) for violation in axe(page))
    assert not findings, report(findings)


def test_axe_finds_a_planted_violation_in_a_role_card(
    axe_context: BrowserContext, site_url: str
) -> None:
    """Negative control: pale text planted in a role card is found on this page."""
    page = axe_context.new_page()
    page.goto(f"{site_url}{ROLE_PLAYS}")
    plant_pale_text(page, ".kx-role-card--kunde", "Diese Rolle ist kaum zu lesen.")
    found = {violation["id"]: violation["targets"] for violation in axe(page)}
    assert PALE_PROBE in found.get("color-contrast", []), found


def test_the_workshop_qr_codes_lead_to_the_scenarios(page: Page, site_url: str) -> None:
    """Each scenario has a card with a QR code on the workshop page; its link opens the scenario."""
    page.goto(f"{site_url}{ROLE_PLAYS}")
    scenario_ids = page.locator(".kx-role-card--overview h2").evaluate_all(
        "(headings) => headings.map((h) => h.id)"
    )
    page.goto(f"{site_url}{WORKSHOP}")
    cards = page.locator("#workshop-rollenspiele ~ .kx-qr-grid").first.locator("figure.kx-qr")
    assert cards.count() == len(scenario_ids) >= 3
    targets = []
    for index, scenario_id in enumerate(scenario_ids):
        card = cards.nth(index)
        assert card.locator("svg.kx-qr-code path").count() == 1
        address = card.locator(".kx-qr-address").inner_text()
        assert address.endswith(f"/rollenspiele/#{scenario_id}"), address
        href = card.locator("a").evaluate("(link) => link.href")
        assert href == f"{site_url}{ROLE_PLAYS}#{scenario_id}", href
        targets.append(href)
    for href, scenario_id in zip(targets, scenario_ids, strict=True):
        # A fresh load each time, as from a scanned code (a hash change on the same page would
        # be a same-document jump, which is not what a phone camera does).
        page.goto("about:blank")
        page.goto(href)
        expect(page.locator(f"#{scenario_id}")).to_be_in_viewport()
