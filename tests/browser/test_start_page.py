"""The start page and the calculators' overview in real Chromium, as a reader taps through them.

Each of the start page's three cards leads straight to what it offers; the onboarding card
counts this device's progress. /rechner/ is an overview of cards without forms, whose links
open each calculator in its chapter, and an old calculator link to /rechner/ with values
still opens the calculator with those values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from calculators.registry import CALCULATORS
from content_model.contract import CONTRACT
from tests.browser.helpers import calculator, calculator_page, field

pytestmark = pytest.mark.browser

CARDS = ".md-content .grid > .card"
FORMS = f"[{CONTRACT.calculator.container_attribute}]"


def form(name: str) -> str:
    """The selector of calculator ``name``'s form."""
    return f'[{CONTRACT.calculator.container_attribute}="{name}"]'


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A page in a phone-sized touch screen (390 px), where the cards stand one below another."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    yield context.new_page()
    context.close()


def test_each_audience_card_leads_straight_there(phone: Page, site_url: str) -> None:
    phone.goto(site_url)
    cards = phone.locator(CARDS)
    expect(cards.locator("h3")).to_contain_text(
        ["Neu im Vertrieb", "Gleich im Termin", "Im Workshop"]
    )
    new, meeting, workshop = (cards.nth(index) for index in range(3))
    new.get_by_role("link", name="Zum Einstieg").tap()
    expect(phone).to_have_url(f"{site_url}einstieg/")
    phone.go_back()
    link = meeting.get_by_role("link", name="Wert pro Stunde")
    expect(link).to_have_attribute("href", re.compile(r"#rechner-value-per-hour$"))
    link.tap()
    # The chapter that shows the calculator. (Where the start page was scrolled, Material's
    # navigation.tracking may still replace the new address's fragment with the old page's
    # heading, as it does for any link with a fragment: see the report of issue 20.)
    expect(phone).to_have_url(re.compile(re.escape(calculator_page(site_url, "value-per-hour"))))
    expect(phone.locator(form("value-per-hour"))).to_be_attached()
    phone.go_back()
    workshop.get_by_role("link", name="Zu den Workshop-Links").tap()
    expect(phone).to_have_url(f"{site_url}workshop/")
    phone.go_back()
    workshop.get_by_role("link", name="Rollenspiele").tap()
    expect(phone).to_have_url(f"{site_url}rollenspiele/")


def test_the_onboarding_card_counts_this_devices_progress(page: Page, site_url: str) -> None:
    """The count follows what was marked read: 0 on a fresh device, 1 after one chapter."""
    page.goto(site_url)
    progress = page.locator(CARDS).first.get_by_text("Ihr Stand:")
    expect(progress).to_be_visible()
    expect(progress).to_contain_text("0 von ")
    page.goto(calculator_page(site_url, "value-per-hour"))
    page.get_by_role("button", name="Als gelesen markieren").click()
    page.goto(site_url)
    expect(progress).to_contain_text("1 von ")


def test_the_overview_has_a_card_per_calculator_and_no_form(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}rechner/")
    cards = page.locator(CARDS)
    expect(cards).to_have_count(len(CALCULATORS))
    expect(page.locator(FORMS)).to_have_count(0)
    levels = page.locator(".md-content :is(h1, h2, h3, h4)").evaluate_all(
        "(nodes) => nodes.map((node) => Number(node.tagName[1]))"
    )
    assert levels[0] == 1
    assert set(levels[1:]) == {2}, levels
    for name in CALCULATORS:
        card = page.locator(CARDS).filter(has=page.locator(f"h2#rechner-{name}"))
        link = card.locator("p a").first  # the chapter's link, not the heading's ¶
        link.click()
        expect(page).to_have_url(f"{calculator_page(site_url, name)}#rechner-{name}")
        expect(page.locator(form(name))).to_be_attached()
        page.go_back()


def test_an_old_calculator_link_to_the_overview_opens_the_chapter_with_its_values(
    page: Page, site_url: str
) -> None:
    values = {"team_median": "300"}
    fragment = f"rechner-value-per-hour:{urlencode(values)}"
    page.goto(f"{site_url}rechner/#{fragment}")
    expect(page).to_have_url(f"{calculator_page(site_url, 'value-per-hour')}#{fragment}")
    container = calculator(page, "value-per-hour")
    expect(field(container, "team_median")).to_have_value("300")


def test_a_link_to_no_calculator_stays_on_the_overview(page: Page, site_url: str) -> None:
    """Negative control: only a card's calculator is forwarded; an unknown id stays put."""
    page.goto(f"{site_url}rechner/#rechner-gibt-es-nicht:team_median=300")
    expect(page.locator(CARDS)).to_have_count(len(CALCULATORS))
    page.wait_for_timeout(500)
    assert urlsplit(page.url).path == "/rechner/"
