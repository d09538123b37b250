"""Nothing leaves the reader's device, and the playbook works without network."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Request, expect

from benchmarks.site_state import PRECACHED, wait_until
from benchmarks.static_server import free_port, serve
from calculators.registry import CALCULATORS
from content_model.contract import CONTRACT
from content_model.offline import write_service_worker
from tests.browser.helpers import (
    READY_TIMEOUT_MS,
    calculator,
    calculator_page,
    fill_and_wait,
    search,
    site_pages,
)
from tests.calculators.playbook_rules import PLAYBOOK_RULES
from tests.site.conftest import ROOT

pytestmark = pytest.mark.browser


def test_no_request_leaves_the_site_origin(page: Page, site_url: str) -> None:
    """Every page, one search and every calculator ask their own origin only."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    paths = site_pages(site_url)
    assert len(paths) >= 20
    for path in paths:
        page.goto(f"{site_url}{path}", wait_until="networkidle")
    for calculator_id, declaration in CALCULATORS.items():
        page.goto(calculator_page(site_url, calculator_id))
        spec = declaration.bind(PLAYBOOK_RULES)
        container = calculator(page, calculator_id)
        first = next(
            item for item in spec.inputs if item.presentation in ("text", "stepper", "date")
        )
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
    page.goto(calculator_page(site_url, "value-per-hour"))
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
    page.goto(calculator_page(site_url, "value-per-hour"))
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


# --- A new version is published while a reader has the playbook open. ---

NEW_HEADING = "Glossar (neue Fassung)"


def _publish_new_version(site: Path) -> str:
    """Change one page of a copied site and write its service worker again; returns its cache."""
    page = site / "glossar" / "index.html"
    html = page.read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(?:<[^>]+>)*Glossar", html)  # inside the heading's own tags
    assert heading, "the glossary has no heading to change"
    page.write_text(
        html[: heading.end()] + " (neue Fassung)" + html[heading.end() :], encoding="utf-8"
    )
    worker = write_service_worker(site, ROOT / "templates")
    for changed in (page, worker):
        for suffix in (".br", ".gz"):  # the host would send the old bytes otherwise
            changed.with_name(changed.name + suffix).unlink(missing_ok=True)
    found = re.search(r"const CACHE = `\$\{CACHE_PREFIX\}(\w+)`", worker.read_text("utf-8"))
    assert found, "no cache name in the service worker"
    return CONTRACT.offline.cache_prefix + found.group(1)


#: The offline copy's caches (the runtime keeps a snapshot cache of its own next to them).
OFFLINE_CACHES = f"""() => caches.keys().then(
  (names) => names.filter((name) => name.startsWith('{CONTRACT.offline.cache_prefix}')))"""


def test_a_new_version_is_offered_and_replaces_the_offline_copy(
    context: BrowserContext, real_site: Path, tmp_path: Path
) -> None:
    """The update banner appears when a new build waits; "Jetzt laden" switches the copy over."""
    before, after = tmp_path / "vorher", tmp_path / "nachher"
    shutil.copytree(real_site, before)
    shutil.copytree(real_site, after)
    new_cache = _publish_new_version(after)
    port = free_port()
    page = context.new_page()
    with serve(before, port=port) as url:
        page.goto(f"{url}glossar/")
        page.wait_for_function(
            "() => navigator.serviceWorker.controller !== null", timeout=READY_TIMEOUT_MS
        )
        wait_until(page, PRECACHED, READY_TIMEOUT_MS)
        [old_cache] = page.evaluate(OFFLINE_CACHES)
        assert old_cache != new_cache
        expect(page.locator(".kx-update")).to_have_count(0)
    with serve(after, port=port):
        # What the browser does on its own on the next navigation or after a day.
        page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => r.update())")
        banner = page.get_by_role("status").filter(has_text="Neue Version verfügbar.")
        expect(banner).to_be_visible(timeout=READY_TIMEOUT_MS)
        expect(page.locator(".md-content h1")).to_have_text(re.compile(r"^Glossar"))
        banner.get_by_role("button", name="Jetzt laden").click()
        # The waiting version took over and removed the old copy.
        only_new = f"() => ({OFFLINE_CACHES})().then((names) => names.join() === '{new_cache}')"
        wait_until(page, only_new, READY_TIMEOUT_MS)
        page.reload()
        expect(page.locator(".md-content h1")).to_contain_text(NEW_HEADING)
    context.set_offline(True)
    try:
        page.reload()  # served by the new offline copy
        expect(page.locator(".md-content h1")).to_contain_text(NEW_HEADING)
    finally:
        context.set_offline(False)
