"""Nothing leaves the reader's device, and the playbook works without network."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Request, expect

from tests.browser.helpers import READY_TIMEOUT_MS, calculator, fill_and_wait, search

pytestmark = pytest.mark.browser
PAGES = ["", "einstieg/", "kunden-aufgeben/wert-pro-stunde/", "rechner/", "glossar/"]


def test_no_request_leaves_the_site_origin(page: Page, site_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in PAGES:
        page.goto(f"{site_url}{path}", wait_until="networkidle")
    page.goto(f"{site_url}rechner/")
    container = calculator(page, "value-per-hour")
    fill_and_wait(container, {"team_median": "260"})
    search(page, "Median")  # the search index, too
    origin = urlsplit(site_url).netloc
    foreign = [
        url
        for url in requests
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != origin
    ]
    assert requests, "no request was recorded at all"
    assert not foreign, foreign


def test_typed_figures_never_reach_the_server(page: Page, site_url: str) -> None:
    seen: list[Request] = []

    def record(request: Request) -> None:
        seen.append(request)

    page.on("request", record)
    page.goto(f"{site_url}rechner/")
    container = calculator(page, "value-per-hour")
    fill_and_wait(container, {"kontakte": "Geheimkunde; 42 %; 987.654; 7"})
    for request in seen:
        assert "Geheimkunde" not in request.url
        assert "987" not in (request.post_data or "")
        assert request.method == "GET"


def test_pages_and_calculators_work_offline_after_the_first_visit(
    context: BrowserContext, site_url: str
) -> None:
    page = context.new_page()
    page.goto(f"{site_url}rechner/")
    calculator(page, "value-per-hour")
    page.wait_for_function(
        "() => navigator.serviceWorker.controller !== null", timeout=READY_TIMEOUT_MS
    )
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    # The install precaches everything: wait until the cache holds the WebAssembly runtime.
    page.wait_for_function(
        """async () => {
            for (const name of await caches.keys()) {
              const cache = await caches.open(name);
              if (await cache.match(new URL('assets/pyodide/pyodide.asm.wasm', location.origin + '/').href)) return true;
            }
            return false;
        }""",
        timeout=READY_TIMEOUT_MS,
    )
    context.set_offline(True)
    try:
        offline = context.new_page()
        offline.goto(f"{site_url}kunden-aufgeben/wert-pro-stunde/")
        expect(offline.locator(".md-content h1")).to_be_visible()
        container = calculator(offline, "value-per-hour")
        fill_and_wait(container, {"team_median": "100"})
        expect(container.locator(".kx-verdict")).to_contain_text("Priorisieren")
        offline.goto(f"{site_url}glossar/")
        expect(offline.locator(".md-content h1")).to_contain_text("Glossar")
        expect(search(offline, "Sanierungsphase").first).to_contain_text("Sanierungsphase")
    finally:
        context.set_offline(False)
