"""Nothing leaves the reader's device, and the playbook works without network."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Request, expect

from benchmarks.site_state import PRECACHED, wait_until
from calculators.registry import CALCULATORS
from tests.browser.helpers import (
    READY_TIMEOUT_MS,
    calculator,
    fill_and_wait,
    search,
    site_pages,
)

pytestmark = pytest.mark.browser


def test_no_request_leaves_the_site_origin(page: Page, site_url: str) -> None:
    """Every page, one search and every calculator ask their own origin only."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    paths = site_pages(site_url)
    assert len(paths) >= 20
    for path in paths:
        page.goto(f"{site_url}{path}", wait_until="networkidle")
    page.goto(f"{site_url}rechner/")
    for calculator_id, spec in CALCULATORS.items():
        container = calculator(page, calculator_id)
        first = next(item for item in spec.inputs if item.kind != "choice")
        fill_and_wait(container, {first.name: spec.defaults()[first.name] + "1"})
    search(page, "Median")  # the search index, too
    origin = urlsplit(site_url).netloc
    foreign = [
        url
        for url in requests
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != origin
    ]
    assert requests, "no request was recorded at all"
    assert not foreign, foreign


#: Figures and a name no page contains, typed as a reader would; each spelling is searched.
TYPED = {
    "kontakte": "Quendelhof; 35 %; 739146; 4\nBirkenau; 20 %; 512.837; 9",
    "team_median": "61739",
}
TRACES = ("Quendelhof", "Birkenau", "739146", "739.146", "512837", "512.837", "61739", "61.739")

#: Everything the page's origin keeps on the device: web storage and Cache Storage URLs.
STORED = """async () => {
  const storage = [];
  for (const store of [localStorage, sessionStorage]) {
    for (let index = 0; index < store.length; index++) {
      const key = store.key(index);
      storage.push(key, store.getItem(key));
    }
  }
  const cached = [];
  for (const name of await caches.keys()) {
    cached.push(name);
    for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
  }
  return { storage, cached, cookie: document.cookie };
}"""


def test_typed_figures_never_leave_the_page(context: BrowserContext, site_url: str) -> None:
    """Typed figures appear in no request, cookie, web storage or Cache Storage entry."""
    seen: list[Request] = []

    def record(request: Request) -> None:
        seen.append(request)

    context.on("request", record)
    page = context.new_page()
    page.goto(f"{site_url}rechner/")
    container = calculator(page, "value-per-hour")
    fill_and_wait(container, TYPED)
    expect(container.locator(".kx-table")).to_contain_text("Quendelhof")  # really computed
    addresses = [page.url]
    # The service worker precaches the site once the runtime is up: let it finish, so the
    # Cache Storage looked at below is the full one.
    page.wait_for_function(
        "() => navigator.serviceWorker.controller !== null", timeout=READY_TIMEOUT_MS
    )
    wait_until(page, PRECACHED, READY_TIMEOUT_MS)
    page.goto(f"{site_url}glossar/")  # a later visit must not carry them along either
    addresses.append(page.url)
    stored = page.evaluate(STORED)
    assert len(stored["cached"]) > 20, stored["cached"]
    assert len(seen) > 20
    places = {
        "Adresse": addresses,
        "Cookie": [f"{c['name']}={c['value']}" for c in context.cookies()] + [stored["cookie"]],
        "Web Storage": stored["storage"],
        "Cache Storage": stored["cached"],
        "Anfrage": [r.url for r in seen],
        "Anfragedaten": [(r.post_data_buffer or b"").decode("utf-8", "replace") for r in seen],
    }
    leaks = [
        f"{place}: {trace} in {value[:120]}"
        for place, values in places.items()
        for value in values
        for trace in TRACES
        if trace in value
    ]
    assert not leaks, "\n".join(leaks)
    assert {r.method for r in seen} == {"GET"}


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
    wait_until(page, PRECACHED, READY_TIMEOUT_MS)
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
