"""Nothing on a page moves when the site's scripts show the parts they have bound (issue 20).

Parts that work only with JavaScript are written ``hidden`` and keep their place, invisible,
from the first paint where scripts run (the root's ``js`` class, set by the early head
script). Measured as Lighthouse measures it: the layout shifts the browser reports while a
phone-sized page loads. The control cuts the early head script out of the HTML, and the same
pages shift again.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Browser, Route

from tests.browser.helpers import without_early_script

pytestmark = pytest.mark.browser

#: Each page, and a part that is shown only once its module has bound it.
PAGES = {
    "einstieg/": ".kx-progress-total:not([hidden])",
    "checklisten/": ".kx-progress-note:not([hidden])",
    "ausstieg-auf-einen-blick/": ".kx-glance-tools:not([hidden])",
    # A long first heading: the copy-link control must not push it onto a second line late.
    "gespraech-auf-einen-blick/": ".kx-glance-tools:not([hidden])",
}
SCRIPT_DELAY_S = 1.0
SHIFTS = """new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
})"""


def slow_script(route: Route) -> None:
    """Scripts arrive late, as on a slow phone: the page has painted before they run."""
    time.sleep(SCRIPT_DELAY_S)
    route.continue_()


def shifts(browser: Browser, url: str, bound: str, *, early_script: bool) -> float:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        # A phone's CPU (Lighthouse's factor): the page paints before the scripts have run.
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.route("**/assets/javascripts/bundle.*.min.js", slow_script)
        page.route("**/assets/klartext/main.mjs", slow_script)
        if not early_script:
            without_early_script(page)
        page.goto(url)
        page.wait_for_selector(bound)
        page.wait_for_load_state("load")
        return float(page.evaluate(SHIFTS))
    finally:
        context.close()


@pytest.mark.parametrize("path", list(PAGES))
def test_shown_parts_move_nothing(browser: Browser, site_url: str, path: str) -> None:
    assert shifts(browser, site_url + path, PAGES[path], early_script=True) < 0.005


def test_without_the_reserved_place_the_page_shifts(browser: Browser, site_url: str) -> None:
    path = "einstieg/"
    assert shifts(browser, site_url + path, PAGES[path], early_script=False) > 0.02
