"""Hints on likely slips and the result to take along, in real Chromium at 390 and 1280 px.

A slip ("0,3" for a probability) gets a hint next to its field, announced politely and
linked to the field, while the result is still computed; "Ergebnis kopieren" puts the German
plain text Python composed on the clipboard (or into a selected text area where the browser
refuses); "Ergebnis drucken" prints the result card alone on one A4 page; axe finds nothing
with a hint showing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, ViewportSize, expect

from content_model.contract import CONTRACT
from tests.browser.helpers import READY_TIMEOUT_MS, calculator, computed_count, field
from tests.browser.test_accessibility import axe, report
from tests.browser.test_print import pdf_pages

pytestmark = pytest.mark.browser

VIEWPORTS: dict[str, ViewportSize] = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 900},
}
SLIP = "A; 0,3; 6.000; 6\nB; 15 %; 8.000; 10"
MEANT = "A; 30 %; 6.000; 6\nB; 15 %; 8.000; 10"
NBSP = "\u00a0"
OUT = Path("/tmp/hint19")
#: The chapter that shows each calculator used here (published addresses).
PAGES = {
    "value-per-hour": "kunden-aufgeben/wert-pro-stunde/",
    "qualification-score": "kunden-aufgeben/qualifizierungs-score/",
    "exit-planner": "kunden-aufgeben/ausstiegsleitfaden/",
}
TAKE = CONTRACT.take_along


def hint_of(container: Locator, name: str) -> Locator:
    calculator_id = container.get_attribute(CONTRACT.calculator.container_attribute)
    return container.locator(f"#kx-{calculator_id}-{name}{TAKE.hint_suffix}")


def type_contacts(container: Locator, text: str) -> None:
    """Types the contacts as text; where the row editor hides the text area, sets its value
    and sends the input event the editor itself would send."""
    before = computed_count(container)
    area = field(container, "kontakte")
    if area.is_visible():
        area.fill(text)
    else:
        area.evaluate(
            "(node, text) => { node.value = text;"
            " node.dispatchEvent(new Event('input', { bubbles: true })); }",
            text,
        )
    page = container.page
    page.wait_for_function(
        "([node, count]) => node.__answersShown && node.__answersShown.count > count",
        arg=[container.element_handle(), before],
        timeout=READY_TIMEOUT_MS,
    )


def button(container: Locator, name: str) -> Locator:
    return container.locator(f"[{CONTRACT.action.attribute}='{name}']")


def notice(container: Locator) -> Locator:
    return container.locator(f"[{CONTRACT.part.attribute}='{CONTRACT.part.notice}']")


@pytest.fixture
def clipboard_context(browser: Browser) -> Iterator[BrowserContext]:
    """A profile that lets the page write and the test read the clipboard."""
    context = browser.new_context(locale="de-DE", permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_slip_gets_a_hint_next_to_its_field_and_the_result_stays(
    page: Page, site_url: str, viewport: str
) -> None:
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(f"{site_url}{PAGES['value-per-hour']}")
    container = calculator(page, "value-per-hour")
    hint = hint_of(container, "kontakte")
    expect(hint).to_be_empty()
    assert hint.get_attribute("role") == "status"  # announced politely
    described = field(container, "kontakte").get_attribute("aria-describedby") or ""
    assert hint.get_attribute("id") in described.split()

    computed_count(container)
    type_contacts(container, SLIP)
    expect(hint).to_contain_text(f"0,3{NBSP}% – meinten Sie 30{NBSP}%?")
    expect(hint).to_be_visible()
    error = container.locator(f"#kx-value-per-hour-kontakte{CONTRACT.calculator.error_suffix}")
    expect(error).to_be_hidden()
    body = container.locator(f"[{CONTRACT.part.attribute}='{CONTRACT.part.result_body}']")
    expect(body).to_contain_text(f"= 3{NBSP}EUR/h")  # computed as typed, never refused
    hint.scroll_into_view_if_needed()
    page.screenshot(path=str(OUT / f"hint-{viewport}.png"))

    type_contacts(container, MEANT)  # negative control: the value as meant has no hint
    expect(hint).to_be_empty()
    expect(body).to_contain_text(f"= 300{NBSP}EUR/h")


def test_a_hint_passes_axe(browser: Browser, site_url: str) -> None:
    context = browser.new_context(locale="de-DE", bypass_csp=True, service_workers="block")
    try:
        page = context.new_page()
        page.set_viewport_size(VIEWPORTS["phone"])
        page.goto(f"{site_url}{PAGES['value-per-hour']}")
        container = calculator(page, "value-per-hour")
        computed_count(container)
        type_contacts(container, SLIP)
        expect(hint_of(container, "kontakte")).to_contain_text("meinten Sie")
        findings = [("value-per-hour, Hinweis", violation) for violation in axe(page, container)]
        assert not findings, report(findings)
    finally:
        context.close()


def test_copy_puts_the_german_text_on_the_clipboard(
    clipboard_context: BrowserContext, site_url: str
) -> None:
    page = clipboard_context.new_page()
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(f"{site_url}{PAGES['value-per-hour']}")
    container = calculator(page, "value-per-hour")
    computed_count(container)
    type_contacts(container, SLIP)
    button(container, TAKE.copy_result).click()
    expect(notice(container)).to_have_text("Ergebnis kopiert.", timeout=READY_TIMEOUT_MS)
    copied = page.evaluate("() => navigator.clipboard.readText()")
    today = dt.date.today().strftime("%d.%m.%Y")
    assert copied.startswith(f"Wert pro Stunde – Ergebnis vom {today}\n\nEingaben:\n- Kontakte:\n")
    assert (
        f"  1. Kontakt: A; Abschlusswahrscheinlichkeit: 0,3{NBSP}%; Marge: 6.000{NBSP}EUR" in copied
    )
    assert f"- Team-Median: 250{NBSP}EUR/h\n" in copied
    assert "\nErgebnis: Parken: A, B\n" in copied
    assert f"- A: (0,3{NBSP}% × 6.000{NBSP}EUR) ÷ 6{NBSP}h = 3{NBSP}EUR/h\n" in copied

    # Negative control: with a field in error nothing is copied, and the reader is told why.
    field(container, "team_median").fill("abc")
    button(container, TAKE.copy_result).click()
    expect(notice(container)).to_have_text(
        "Bitte korrigieren Sie zuerst die markierten Eingaben.", timeout=READY_TIMEOUT_MS
    )
    assert page.evaluate("() => navigator.clipboard.readText()") == copied


def test_copy_falls_back_to_a_selected_text_area(page: Page, site_url: str) -> None:
    """Where the Clipboard API refuses, the text stands selected in a labelled text area."""
    page.goto(f"{site_url}{PAGES['exit-planner']}")
    container = calculator(page, "exit-planner")
    page.evaluate(
        "() => Object.defineProperty(navigator, 'clipboard', { value: { writeText: () =>"
        " Promise.reject(new Error('verweigert')) } })"
    )
    button(container, TAKE.copy_result).click()
    area = container.locator("textarea[aria-label='Ergebnis als Text']")
    expect(area).to_be_visible(timeout=READY_TIMEOUT_MS)
    assert area.input_value().startswith("Ausstiegsplaner – Ergebnis vom ")
    assert "Ergebnis: Wiedervorlage am 10.08.2026" in area.input_value()
    selected = page.evaluate("() => document.activeElement.selectionEnd")
    assert selected == len(area.input_value())
    expect(notice(container)).to_have_text(
        re.compile(r"^(Ergebnis kopiert\.|Bitte kopieren Sie den markierten Text \(Strg\+C\)\.)$")
    )


@pytest.mark.parametrize("calculator_id", ["value-per-hour", "qualification-score"])
def test_print_gives_one_a4_page_with_the_card_only(
    page: Page, site_url: str, calculator_id: str
) -> None:
    page.goto(f"{site_url}{PAGES[calculator_id]}")
    container = calculator(page, calculator_id)
    page.evaluate(
        "() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }"
    )
    button(container, TAKE.print_result).click()
    page.wait_for_function("() => window.__printed === 1", timeout=READY_TIMEOUT_MS)
    card = page.locator(f"body > [{CONTRACT.part.attribute}='{TAKE.card}']")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Ergebnis vom")
    expect(card).to_contain_text("Ergebnis:")
    page.emulate_media(media="print")
    expect(card).to_be_visible()
    expect(page.locator(".md-header").first).to_be_hidden()
    expect(container).to_be_hidden()  # the page's own copy of the calculator is not printed
    data = page.pdf(path=str(OUT / f"card-{calculator_id}.pdf"), format="A4")
    assert pdf_pages(data) == 1

    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    expect(card).to_have_count(0)
    root = page.locator("html")
    expect(root).not_to_have_attribute(TAKE.printing_attribute, "")
    page.emulate_media(media="screen")


def test_a_chapter_printed_as_a_handout_shows_no_card(page: Page, site_url: str) -> None:
    """Negative control: without "Ergebnis drucken" the print styles leave the page alone."""
    page.goto(f"{site_url}{PAGES['value-per-hour']}")
    container = calculator(page, "value-per-hour")
    page.emulate_media(media="print")
    expect(page.locator(f"[{CONTRACT.part.attribute}='{TAKE.card}']")).to_have_count(0)
    expect(container.locator(".kx-form")).to_be_visible()
