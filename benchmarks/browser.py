"""Browser figures: time to the first Python result, keystroke latency and bytes transferred.

Every figure of our page is measured beside baselines in the same run, on the same server:

* stock Pyodide loaded the plain way (``loadPyodide()`` with its defaults) on the main thread,
  and the same inside a Web Worker;
* the value-per-hour formula in plain JavaScript, the floor no Python runtime can beat.

The baseline pages are written next to a copy of the built site for the benchmark only; they
are never published. Stock Pyodide gets the untouched npm package (full ``python_stdlib.zip``,
``pyodide-lock.json`` fetched by URL) with the same precompressed copies our runtime has, and
an archive of the calculators' sources without bytecode. "First result" is the moment the
result of the live computation is on the page, measured from navigation start with
``performance.now()``.
"""

from __future__ import annotations

import json
import shutil
import statistics
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from playwright.sync_api import BrowserContext, Page, Playwright

from benchmarks.chromium import fresh_profile
from benchmarks.page_answers import CALCULATORS, FIRST_RESULT_PROBE, NEXT_ANSWER
from benchmarks.site_state import PRECACHED, SNAPSHOT_STORED, wait_until
from bundler.cache import cache_dir
from bundler.calculator_archive import build_archive
from bundler.calculator_runtime import project_rules
from bundler.precompress import precompress_site
from calculators.rules import rules_as_data
from content_model.contract import CONTRACT

ROOT = Path(__file__).resolve().parents[1]
STOCK_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
STOCK_LOCK = "pyodide-lock.json"

FIELDS = {"kontakte": "A; 30 %; 6.000; 6\nB; 15 %; 8.000; 10", "team_median": "250"}
OUR_PATH = (
    "kunden-aufgeben/wert-pro-stunde/"
    f"#{CONTRACT.calculator.link_prefix}value-per-hour:{urlencode(FIELDS)}"
)
TIMEOUT_MS = 120_000
#: The calculator the keystroke loop types into, found by the contract's attribute.
VALUE_PER_HOUR = f'[{CONTRACT.calculator.container_attribute}="value-per-hour"]'
#: A calculator's state attribute, and its value once the runtime is up.
STATE = CONTRACT.calculator.state_attribute
READY = CONTRACT.runtime.answer_ready

STOCK_PAGE = """<!doctype html><html lang="de"><meta charset="utf-8"><title>stock</title>
<p id="out">…</p>
<script type="module">
import { loadPyodide } from "./pyodide-stock/pyodide.mjs";
const indexURL = new URL("pyodide-stock/", location.href).href;
const pyodide = await loadPyodide({ indexURL });
const archive = await fetch("calculators-source.zip");
const zip = new Uint8Array(await archive.arrayBuffer());
pyodide.unpackArchive(zip, "zip", { extractDir: "__EXTRACT_DIR__" });
pyodide.runPython("import sys; sys.path.insert(0, '__EXTRACT_DIR__')");
const boundary = pyodide.pyimport("calculators.boundary");
const request = JSON.stringify({ calculator: "value-per-hour", fields: __FIELDS__ });
document.getElementById("out").textContent = JSON.parse(boundary.run_json(request)).result.verdict;
window.__firstResult = performance.now();
window.__recompute = (median) => {
  const start = performance.now();
  const fields = { ...__FIELDS__, team_median: median };
  const payload = JSON.stringify({ calculator: "value-per-hour", fields });
  const answer = JSON.parse(boundary.run_json(payload));
  document.getElementById("out").textContent = answer.result.verdict;
  return performance.now() - start;
};
</script></html>
"""

STOCK_WORKER_PAGE = """<!doctype html><html lang="de"><meta charset="utf-8"><title>worker</title>
<p id="out">…</p>
<script type="module">
const worker = new Worker("stock-worker.mjs", { type: "module" });
worker.onmessage = (event) => {
  document.getElementById("out").textContent = event.data;
  window.__firstResult = performance.now();
};
worker.postMessage(__FIELDS__);
</script></html>
"""

STOCK_WORKER = """import { loadPyodide } from "./pyodide-stock/pyodide.mjs";
const ready = (async () => {
  const indexURL = new URL("pyodide-stock/", import.meta.url).href;
  const pyodide = await loadPyodide({ indexURL });
  const archive = await fetch("calculators-source.zip");
  const zip = new Uint8Array(await archive.arrayBuffer());
  pyodide.unpackArchive(zip, "zip", { extractDir: "__EXTRACT_DIR__" });
  pyodide.runPython("import sys; sys.path.insert(0, '__EXTRACT_DIR__')");
  return pyodide.pyimport("calculators.boundary");
})();
onmessage = async (event) => {
  const boundary = await ready;
  const request = JSON.stringify({ calculator: "value-per-hour", fields: event.data });
  postMessage(JSON.parse(boundary.run_json(request)).result.verdict);
};
"""

PLAIN_JS_PAGE = """<!doctype html><html lang="de"><meta charset="utf-8"><title>plain js</title>
<p id="out">…</p>
<script>
// The floor: one contact's value per hour in plain JavaScript (benchmark only, never shipped).
const value = (0.30 * 6000) / 6;
document.getElementById("out").textContent = `${value} EUR/h`;
window.__firstResult = performance.now();
</script></html>
"""


def prepare_site(site: Path) -> tuple[Path, tempfile.TemporaryDirectory[str]]:
    """A copy of the built site with the baseline pages under ``bench/``."""
    holder = tempfile.TemporaryDirectory(prefix="klartext-bench-site-")
    root = Path(holder.name) / "site"
    shutil.copytree(site, root)
    bench = root / "bench"
    bench.mkdir()
    fields = json.dumps(FIELDS, ensure_ascii=False)
    extract = CONTRACT.runtime.extract_dir
    stock_page = STOCK_PAGE.replace("__FIELDS__", fields).replace("__EXTRACT_DIR__", extract)
    (bench / "stock.html").write_text(stock_page, encoding="utf-8")
    (bench / "stock-worker.html").write_text(
        STOCK_WORKER_PAGE.replace("__FIELDS__", fields), encoding="utf-8"
    )
    stock_worker = STOCK_WORKER.replace("__EXTRACT_DIR__", extract)
    (bench / "stock-worker.mjs").write_text(stock_worker, encoding="utf-8")
    (bench / "plain.html").write_text(PLAIN_JS_PAGE, encoding="utf-8")
    stock = bench / "pyodide-stock"
    stock.mkdir()
    for name in (*STOCK_FILES, STOCK_LOCK):
        shutil.copy(ROOT / "node_modules" / "pyodide" / name, stock / name)
    # Stock Pyodide gets the same sources and published rules, without our bytecode.
    rules = rules_as_data(project_rules(ROOT))
    (bench / "calculators-source.zip").write_bytes(build_archive(ROOT / "calculators", rules=rules))
    precompress_site(bench, cache_dir(ROOT) / "compressed")
    return root, holder


@dataclass(frozen=True)
class Variant:
    """A page to measure and how to read its first-result time."""

    name: str
    path: str


VARIANTS = (
    Variant("Klartext (Worker, Service Worker)", OUR_PATH),
    Variant("Pyodide Standard, Hauptthread", "bench/stock.html"),
    Variant("Pyodide Standard, Worker", "bench/stock-worker.html"),
    Variant("reines JavaScript (Untergrenze)", "bench/plain.html"),
)


def first_result(page: Page, url: str) -> float:
    """Milliseconds from navigation start to the first live result."""
    page.goto(url)
    page.wait_for_function("() => window.__firstResult !== undefined", timeout=TIMEOUT_MS)
    return float(page.evaluate("() => window.__firstResult"))


#: The build-time example result is part of the page's HTML: it shows with the first paint.
FIRST_PAINT = f"""() => {{
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const example = document.querySelector('{CALCULATORS} .kx-result-body');
  return paint && example && example.textContent.trim() ? paint.startTime : -1;
}}"""


def example_visible(page: Page) -> float:
    """Milliseconds from navigation start to the first paint that shows the example result."""
    return float(page.evaluate(FIRST_PAINT))


@contextmanager
def _profile(playwright: Playwright, throttle: bool) -> Iterator[tuple[BrowserContext, Page]]:
    """A fresh on-disk profile with the first-result probe, its network throttled if asked."""
    with fresh_profile(playwright) as context:
        context.add_init_script(FIRST_RESULT_PROBE)
        page = context.pages[0] if context.pages else context.new_page()
        if throttle:
            session = context.new_cdp_session(page)
            session.send("Network.enable")
            session.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": 40,
                    "downloadThroughput": 20e6 / 8,
                    "uploadThroughput": 20e6 / 8,
                },
            )
        yield context, page


#: A second visit comes later, not while the first is still busy: the benchmark lets the
#: first visit settle for the same time with every variant, then closes its tab. Chromium
#: writes compiled WebAssembly to its code cache a moment after compiling; our service worker
#: precaches the site after the first result and the calculator worker stores its snapshot.
SETTLE_MS = 3000


def settle(page: Page, ours: bool) -> None:
    """Wait until the first visit has finished what it does after its first result."""
    page.wait_for_timeout(SETTLE_MS)
    if not ours:
        return
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=TIMEOUT_MS)
    wait_until(page, SNAPSHOT_STORED, TIMEOUT_MS)
    wait_until(page, PRECACHED, TIMEOUT_MS)


def cold_and_warm(
    playwright: Playwright,
    base: str,
    variant: Variant,
    runs: int,
    *,
    throttle: bool = False,
    paints: list[float] | None = None,
) -> tuple[list[float], list[float]]:
    """Cold (fresh profile) and warm (second visit, same profile) first-result times.

    ``paints`` collects, for our page, when the build-time example result was first painted.
    """
    cold: list[float] = []
    warm: list[float] = []
    for _ in range(runs):
        with _profile(playwright, throttle) as (context, page):
            cold.append(first_result(page, base + variant.path))
            if paints is not None:
                paints.append(example_visible(page))
            if not throttle:
                settle(page, ours=variant.path == OUR_PATH)
                second = context.new_page()
                page.close()
                warm.append(first_result(second, base + variant.path))
    return cold, warm


KEYSTROKE_LOOP = f"""async (count) => {{
  const nextAnswer = {NEXT_ANSWER};
  const container = document.querySelector({VALUE_PER_HOUR!r});
  const input = container.querySelector('[name="team_median"]');
  const updated = [];
  const frames = [];
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  for (let index = 0; index < count; index++) {{
    // Browsers deliver input at the start of a frame: type right after one has begun.
    await nextFrame();
    let inDom = false;
    const done = nextAnswer(container).then(() => {{ inDom = true; }});
    const start = performance.now();
    input.value = String(200 + index);
    input.dispatchEvent(new Event('input', {{ bubbles: true }}));
    // Count the frames that begin before the result is in the DOM: 0 means the very next
    // frame already paints it, i.e. the result follows the keystroke within one frame.
    let late = 0;
    const counting = (async () => {{
      while (!inDom) {{ await nextFrame(); if (!inDom) late += 1; }}
    }})();
    await done;
    updated.push(performance.now() - start);
    await counting;
    frames.push(late + 1);
  }}
  return [updated, frames];
}}"""

#: From a click in the navigation to a live result of another chapter's calculator: the new
#: page is swapped in, its calculator binds to the running worker, one value is typed.
INSTANT_NAVIGATION = f"""async ([href, calculator]) => {{
  const nextAnswer = {NEXT_ANSWER};
  const link = [...document.querySelectorAll('a.md-nav__link')].find((a) => a.href === href);
  const selector = `[{CONTRACT.calculator.container_attribute}="${{calculator}}"]`;
  const start = performance.now();
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 60000));
  const ready = new Promise((resolve) => {{
    const observer = new MutationObserver(() => {{
      const target = document.querySelector(`${{selector}}[{STATE}="{READY}"]`);
      if (target) {{ observer.disconnect(); resolve(target); }}
    }});
    observer.observe(document, {{ attributes: true, childList: true, subtree: true }});
  }});
  link.click();
  const container = await Promise.race([ready, timeout]);
  const computed = nextAnswer(container);
  const input = container.querySelector('input[{CONTRACT.calculator.field_attribute}]');
  input.value = input.value || '1';
  input.dispatchEvent(new Event('input', {{ bubbles: true }}));
  await Promise.race([computed, timeout]);
  return performance.now() - start;
}}"""

DIRECT_LOOP = """(count) => {
  const times = [];
  for (let index = 0; index < count; index++) times.push(window.__recompute(String(200 + index)));
  return times;
}"""


@dataclass(frozen=True)
class Keystrokes:
    """Per keystroke: ms to the DOM result, the frame showing it, stock called directly.

    ``frames`` is 1 when the frame right after the keystroke already shows the result.
    """

    updated: list[float]
    frames: list[int]
    direct: list[float]


def keystrokes(playwright: Playwright, base: str, count: int) -> Keystrokes:
    """Keystroke-to-result on our page, and a direct main-thread call of stock Pyodide."""
    with _profile(playwright, False) as (context, page):
        first_result(page, base + OUR_PATH)
        updated, frames = page.evaluate(KEYSTROKE_LOOP, count)
        stock = context.new_page()
        first_result(stock, base + "bench/stock.html")
        direct = stock.evaluate(DIRECT_LOOP, count)
    return Keystrokes(updated, frames, direct)


INSTANT_TARGET = ("kunden-aufgeben/qualifizierungs-score/", "qualification-score")


def instant_navigation(playwright: Playwright, base: str, runs: int) -> list[float]:
    """Click to first result on another calculator page, with the runtime already alive."""
    times: list[float] = []
    for _ in range(runs):
        with _profile(playwright, False) as (_, page):
            first_result(page, base + OUR_PATH)
            page.set_default_timeout(TIMEOUT_MS)
            path, calculator = INSTANT_TARGET
            times.append(float(page.evaluate(INSTANT_NAVIGATION, [base + path, calculator])))
    return times


def transferred_bytes(playwright: Playwright, base: str, path: str) -> tuple[int, int]:
    """Bytes from the network on a first and on a second visit (service worker answers excluded)."""
    totals = []
    with _profile(playwright, False) as (context, _):
        for visit in range(2):
            counted: list[int] = []
            page = context.new_page()

            def on_finished(request: object, sink: list[int] = counted) -> None:
                response = request.response()  # type: ignore[attr-defined]
                if response is None or response.from_service_worker:
                    return
                sizes = request.sizes()  # type: ignore[attr-defined]
                # Sizes are -1 where the browser does not know them (e.g. answered from cache).
                body, headers = int(sizes["responseBodySize"]), int(sizes["responseHeadersSize"])
                sink.append(max(0, body) + max(0, headers))

            page.on("requestfinished", on_finished)
            first_result(page, base + path)
            page.wait_for_load_state("networkidle")
            if visit == 0:
                settle(page, ours=path == OUR_PATH)  # includes the service worker's precache
            totals.append(sum(counted))
            page.close()
    return totals[0], totals[1]


def median_and_spread(values: list[float]) -> str:
    """A summary such as "1234 ms (1100–1400)"."""
    return f"{statistics.median(values):7.0f} ms ({min(values):.0f}–{max(values):.0f})"


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


Report = Callable[[str], None]
