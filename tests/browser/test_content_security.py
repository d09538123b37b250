"""The Content-Security-Policy holds in the browser: no violation anywhere, and it bites."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from benchmarks.static_server import serve
from calculators.registry import CALCULATORS
from content_model.contract import CONTRACT
from tests.browser.helpers import (
    READY_TIMEOUT_MS,
    calculator,
    calculator_page,
    fill_and_wait,
    search,
    site_pages,
)
from tests.calculators.playbook_rules import PLAYBOOK_RULES

pytestmark = pytest.mark.browser
VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched(page: Page) -> tuple[Page, list[str]]:
    """A page that records every CSP violation, also those reported on the console."""
    console: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            console.append(message.text)

    page.on("console", record)
    page.add_init_script(VIOLATIONS)
    return page, console


def test_no_violation_on_any_page_search_or_calculator(
    watched: tuple[Page, list[str]], site_url: str
) -> None:
    page, console = watched
    paths = site_pages(site_url)
    assert len(paths) >= 20
    for path in paths:
        page.goto(f"{site_url}{path}")
        assert page.evaluate("() => window.__violations") == [], path
    for calculator_id in CALCULATORS:
        page.goto(calculator_page(site_url, calculator_id))
        container = calculator(page, calculator_id)
        first = next(
            item
            for item in CALCULATORS[calculator_id].bind(PLAYBOOK_RULES).inputs
            if item.presentation in ("text", "stepper", "date")
        )
        fill_and_wait(container, {first.name: ""})
    page.goto(f"{site_url}rechner/")  # a toolbox page: its menu shows the glossary's link
    search(page, "Ampel")
    page.keyboard.press("Escape")
    page.locator('a[href$="glossar/"]:visible').first.click()  # instant navigation
    expect(page.locator(".md-content h1")).to_contain_text("Glossar")
    assert page.evaluate("() => window.__violations") == []
    assert console == []


def test_without_wasm_permission_the_calculator_cannot_start(
    real_site: Path, tmp_path: Path, page: Page
) -> None:
    """Negative control: the same site with 'wasm-unsafe-eval' removed from its policy."""
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    page_file = site / calculator_page("", "value-per-hour") / "index.html"
    text = page_file.read_text(encoding="utf-8")
    assert "'wasm-unsafe-eval'" in text
    page_file.write_text(text.replace(" 'wasm-unsafe-eval'", ""), encoding="utf-8")
    for copy in (".br", ".gz"):  # the server would send the unchanged precompressed page
        page_file.with_name(page_file.name + copy).unlink()
    (site / "sw.js").unlink()  # no service worker: nothing cached may mask the policy
    with serve(site) as url:
        page.goto(calculator_page(url, "value-per-hour"))
        attribute = CONTRACT.calculator.container_attribute
        container = page.locator(f'[{attribute}="value-per-hour"]')
        expect(container).to_have_attribute(
            CONTRACT.calculator.state_attribute,
            CONTRACT.runtime.answer_failed,
            timeout=READY_TIMEOUT_MS,
        )
