"""Small helpers for driving a calculator on a page."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

from playwright.sync_api import Locator, Page, Route, expect

from benchmarks.page_answers import answers_shown, wait_for_answer_after
from calculators.registry import field_names
from content_model.contract import CONTRACT
from content_model.loader import load_playbook
from content_model.pages import chapter_uri, page_url
from content_model.views.start import embedding_chapters

#: Loading Pyodide (9.6 MB of WebAssembly) takes a few seconds on a cold profile.
READY_TIMEOUT_MS = 90_000


@functools.cache
def _calculator_homes() -> dict[str, str]:
    playbook = load_playbook(
        Path(__file__).resolve().parents[2] / "content", calculators=field_names()
    )
    return {
        name: page_url(chapter_uri(chapters[0].part, chapters[0].id))
        for name, chapters in embedding_chapters(playbook).items()
    }


def calculator_page(site_url: str, calculator_id: str) -> str:
    """The address of the first chapter that shows the calculator (its form lives there only).

    The overview /rechner/ has one card per calculator and no forms (issue 20).
    """
    return site_url + _calculator_homes()[calculator_id]


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
        tag = target.evaluate("node => node.tagName")
        if tag == "SELECT":
            target.select_option(value)
        elif tag == "FIELDSET":  # a group of options: check the one with the value
            target.locator(f'input[value="{value}"]').check()
        else:
            if tag == "TEXTAREA" and target.is_hidden():  # a list input shown as rows
                show_as_text(container, name)
            target.fill(value)
    wait_for_answer_after(container, before, READY_TIMEOUT_MS)


def show_as_text(container: Locator, name: str) -> None:
    """Switch a list input from its rows to the plain text form ("Als Text bearbeiten")."""
    rows = CONTRACT.rows
    editor = container.locator(f'[{rows.editor_attribute}="{name}"]')
    editor.locator(f'[{CONTRACT.action.attribute}="{rows.toggle_text}"]').click()
    expect(field(container, name)).to_be_visible()


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


#: An init script for a browser that will not create the runtime's worker (it fails to start).
REFUSE_WORKERS = """
window.Worker = function () {
  throw new DOMException("no workers here", "SecurityError");
};
"""


#: The id of the pale paragraph ``plant_pale_text`` adds, as axe names it among its targets.
PALE_PROBE = "#kx-probe-blass"


def plant_pale_text(page: Page, container: str, text: str) -> None:
    """Add a barely legible paragraph to the first ``container`` (a CSS selector).

    The negative control of an axe check: axe must report it under ``color-contrast``.
    """
    page.evaluate(
        """([container, text, id]) => {
          const pale = document.createElement("p");
          pale.id = id;
          pale.textContent = text;
          pale.style.color = "#d0d0d0";
          pale.style.backgroundColor = "#ffffff";
          document.querySelector(container).append(pale);
        }""",
        [container, text, PALE_PROBE.removeprefix("#")],
    )


#: The early head script (templates/theme/partials/early-head-script.html) as built.
EARLY_SCRIPT = re.compile(
    r'<script>\s*document\.documentElement\.className = "js js-focus-visible".*?</script>',
    re.DOTALL,
)


def serve_rewritten(
    page: Page, matches: Callable[[str], bool], rewrite: Callable[[str], str]
) -> None:
    """Serve the pages whose URL ``matches`` with their HTML passed through ``rewrite``."""

    def fulfil(route: Route) -> None:
        response = route.fetch()
        headers = {
            name: value
            for name, value in response.headers.items()
            if name.lower() not in ("content-encoding", "content-length")
        }
        route.fulfill(status=response.status, headers=headers, body=rewrite(response.text()))

    page.route(matches, fulfil)


def without_early_script(page: Page) -> None:
    """Serve every page with the early head script cut out (a control for its effects)."""

    def cut(text: str) -> str:
        body, count = EARLY_SCRIPT.subn("", text)
        assert count == 1, "the early head script is not where the control expects it"
        return body

    serve_rewritten(page, lambda url: url.endswith("/"), cut)
