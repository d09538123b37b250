"""Small helpers for driving a calculator on a page."""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from urllib.request import urlopen

from playwright.sync_api import Locator, Page, expect

from benchmarks.page_answers import answers_shown, wait_for_answer_after
from content_model.contract import CONTRACT

#: Loading Pyodide (9.6 MB of WebAssembly) takes a few seconds on a cold profile.
READY_TIMEOUT_MS = 90_000


def calculator(page: Page, calculator_id: str) -> Locator:
    """The calculator on the page, once its Python runtime is ready."""
    attribute = CONTRACT.calculator.container_attribute
    container = page.locator(f'[{attribute}="{calculator_id}"]').first
    ready = CONTRACT.runtime.answer_ready
    state = CONTRACT.calculator.state_attribute
    expect(container).to_have_attribute(state, ready, timeout=READY_TIMEOUT_MS)
    return container


def field(container: Locator, name: str) -> Locator:
    """An input of the calculator by its declared name."""
    return container.locator(f'[{CONTRACT.calculator.field_attribute}][name="{name}"]')


def computed_count(container: Locator) -> int:
    """How many answers the page has shown since this was first asked (see page_answers)."""
    return answers_shown(container)


def fill_and_wait(container: Locator, values: dict[str, str]) -> None:
    """Type values like a person and wait until the page has shown a new answer."""
    before = computed_count(container)
    for name, value in values.items():
        target = field(container, name)
        if target.evaluate("node => node.tagName") == "SELECT":
            target.select_option(value)
        else:
            target.fill(value)
    wait_for_answer_after(container, before, READY_TIMEOUT_MS)


def search(page: Page, words: str) -> Locator:
    """Type into the site search like a reader; returns the result items."""
    page.locator("input.md-search__input").first.click()
    page.keyboard.type(words)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=READY_TIMEOUT_MS)
    return results


def site_pages(site_url: str) -> list[str]:
    """Every page of the built site, relative to its root: the sitemap's pages and the 404 page."""
    with urlopen(f"{site_url}sitemap.xml") as response:
        sitemap = response.read().decode("utf-8")
    paths = [urlsplit(url).path.lstrip("/") for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    return [*paths, "404.html"]
