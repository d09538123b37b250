"""The calculator worker keeps a memory snapshot on the device and starts from it next time.

The first visit starts Pyodide the long way, snapshots Python's memory right after the
calculators are imported and stores it in Cache Storage; a later visit restores it. The
snapshot must be taken before any figure is typed, be refused safely when it does not fit,
and never change an answer.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from content_model.contract import CONTRACT
from tests.browser.helpers import READY_TIMEOUT_MS, calculator, fill_and_wait

pytestmark = pytest.mark.browser

PAGE = "kunden-aufgeben/wert-pro-stunde/"
#: In the answer only once both typed fields are computed.
COMPLETE = "Team-Median 61.739 EUR/h"

RUNTIME = CONTRACT.runtime
SNAPSHOT_CACHE = RUNTIME.snapshot_cache

#: How each runtime on a page came up, as its worker tells the page ("fresh" or "snapshot"):
#: every worker the page creates is watched from outside, the page itself reports nothing.
RECORD_STARTS = f"""
window.__starts = [];
window.Worker = class extends window.Worker {{
  constructor(...args) {{
    super(...args);
    this.addEventListener('message', (event) => {{
      if (event.data?.type === '{RUNTIME.answer_ready}') window.__starts.push(event.data.start);
    }});
  }}
}};
"""

#: The stored snapshots: URL and size of each.
STORED = f"""async () => {{
  const cache = await caches.open('{SNAPSHOT_CACHE}');
  const found = [];
  for (const request of await cache.keys()) {{
    const body = await (await cache.match(request)).arrayBuffer();
    found.push([request.url, body.byteLength]);
  }}
  return found;
}}"""

#: Which of the given strings occur in the stored snapshot's bytes (as Python keeps them).
CONTAINS = f"""async (needles) => {{
  const cache = await caches.open('{SNAPSHOT_CACHE}');
  const [request] = await cache.keys();
  const bytes = new Uint8Array(await (await cache.match(request)).arrayBuffer());
  const text = new TextDecoder('latin1').decode(bytes);
  return needles.filter((needle) => text.includes(needle));
}}"""

#: Overwrites every stored snapshot with bytes no runtime accepts.
DAMAGE = f"""async () => {{
  const cache = await caches.open('{SNAPSHOT_CACHE}');
  for (const request of await cache.keys()) {{
    await cache.put(request, new Response(new Uint8Array(4096).fill(7)));
  }}
}}"""


def starts(page: Page) -> list[str]:
    """How the runtimes on this page started, in order."""
    return list(page.evaluate("() => window.__starts"))


def wait_for_snapshot(page: Page) -> list[list[object]]:
    """The stored snapshots, once the worker has written one (it waits a moment)."""
    for _ in range(READY_TIMEOUT_MS // 200):
        stored = page.evaluate(STORED)
        if stored and all(int(size) > 1_000_000 for _, size in stored):
            return list(stored)
        page.wait_for_timeout(200)
    raise AssertionError("the worker stored no snapshot")


def visit(context: BrowserContext, site_url: str) -> Page:
    """A new tab on the value-per-hour calculator, its runtime ready."""
    page = context.new_page()
    page.goto(f"{site_url}{PAGE}")
    calculator(page, "value-per-hour")
    return page


def test_second_visit_starts_from_the_snapshot_and_answers_the_same(
    context: BrowserContext, site_url: str
) -> None:
    context.add_init_script(RECORD_STARTS)
    first = visit(context, site_url)
    assert starts(first) == [RUNTIME.start_fresh]
    typed = {"kontakte": "Quendelhof; 35 %; 739146; 4", "team_median": "61739"}
    fill_and_wait(calculator(first, "value-per-hour"), typed)
    result = calculator(first, "value-per-hour").locator(".kx-result")
    # Each field computes as it is typed: wait for the answer to both fields.
    expect(result).to_contain_text(COMPLETE)
    expected = result.inner_text()
    stored = wait_for_snapshot(first)
    assert len(stored) == 1
    url = str(stored[0][0])
    assert url.startswith(f"{site_url}{RUNTIME.snapshot_key_prefix}/"), url

    # Taken before the first request: nothing typed is in it. The control shows that the
    # search finds what Python does hold in that memory (an imported module's name).
    found = first.evaluate(CONTAINS, ["Quendelhof", "739146", "61739", "calculators.boundary"])
    assert found == ["calculators.boundary"]

    second = visit(context, site_url)
    assert starts(second) == [RUNTIME.start_snapshot]
    container = calculator(second, "value-per-hour")
    fill_and_wait(container, typed)
    expect(container.locator(".kx-result")).to_contain_text(COMPLETE)
    assert container.locator(".kx-result").inner_text() == expected
    assert "64.675,28\u00a0EUR/h" in expected
    # A bad entry still gets its German message from the restored Python.
    fill_and_wait(container, {"team_median": "viel"})
    expect(container.locator("#kx-value-per-hour-team_median-fehler")).to_contain_text("keine Zahl")


def test_a_snapshot_the_runtime_refuses_is_replaced(context: BrowserContext, site_url: str) -> None:
    context.add_init_script(RECORD_STARTS)
    first = visit(context, site_url)
    wait_for_snapshot(first)
    first.evaluate(DAMAGE)
    assert all(size == 4096 for _, size in first.evaluate(STORED))

    second = visit(context, site_url)
    assert starts(second) == [RUNTIME.start_fresh]  # refused, started the long way
    container = calculator(second, "value-per-hour")
    fill_and_wait(container, {"team_median": "100"})
    expect(container.locator(".kx-verdict")).to_contain_text("Priorisieren")
    wait_for_snapshot(second)  # a good one again, under the same key

    third = visit(context, site_url)
    assert starts(third) == [RUNTIME.start_snapshot]
