"""The calculators in real Chromium: the same answers as CPython, errors next to fields."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect

from benchmarks.page_answers import wait_for_answer_after
from benchmarks.static_server import serve
from calculators.boundary import run
from calculators.calculator import BoundCalculator
from calculators.registry import CALCULATORS, field_names
from content_model.calculator_embed import template_texts
from content_model.contract import CONTRACT
from content_model.loader import load_playbook
from tests.browser.helpers import (
    READY_TIMEOUT_MS,
    REFUSE_WORKERS,
    calculator,
    calculator_page,
    computed_count,
    field,
    fill_and_wait,
    search,
)
from tests.calculators.cases import CASES
from tests.calculators.playbook_rules import PLAYBOOK_RULES

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
ARTICLE_EXAMPLE = {"kontakte": "A; 30 %; 6.000; 6\nB; 15 %; 8.000; 10", "team_median": "250"}
#: The value-per-hour calculator, found as the script finds it (the contract's attribute).
VALUE_PER_HOUR = f'[{CONTRACT.calculator.container_attribute}="value-per-hour"]'


def python_result(calculator_id: str, fields: dict[str, str]) -> dict[str, object]:
    templates = template_texts(
        load_playbook(ROOT / "content", calculators=field_names()),
        CALCULATORS[calculator_id].bind(PLAYBOOK_RULES).templates,
    )
    answer = run(calculator_id, fields, templates, PLAYBOOK_RULES)
    assert answer["ok"] is True
    result = answer["result"]
    assert isinstance(result, dict)
    return result


def test_typed_figures_give_the_same_verdict_as_cpython(page: Page, site_url: str) -> None:
    page.goto(calculator_page(site_url, "value-per-hour"))
    container = calculator(page, "value-per-hour")
    fill_and_wait(container, ARTICLE_EXAMPLE)
    expected = python_result("value-per-hour", ARTICLE_EXAMPLE)
    expect(container.locator(".kx-verdict")).to_have_text(str(expected["verdict"]))
    table = expected["table"]
    assert isinstance(table, dict)
    rows = container.locator(".kx-table tbody tr")
    expect(rows).to_have_count(len(table["rows"]))
    for index, row in enumerate(table["rows"]):
        expect(rows.nth(index).locator("td")).to_have_text(row)
    expect(container.locator(".kx-result-label")).to_have_text("Ihr Ergebnis")


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_every_calculator_answers_its_defaults_like_cpython(
    page: Page, site_url: str, calculator_id: str
) -> None:
    page.goto(calculator_page(site_url, calculator_id))
    container = calculator(page, calculator_id)
    defaults = CALCULATORS[calculator_id].bind(PLAYBOOK_RULES).defaults()
    first = next(
        item.name
        for item in CALCULATORS[calculator_id].bind(PLAYBOOK_RULES).inputs
        if item.presentation in ("text", "stepper", "date")
    )
    # Change one field and back, so the result on screen comes from Pyodide, not the build.
    fill_and_wait(container, {first: defaults[first] + " "})
    expected = python_result(calculator_id, {**defaults, first: defaults[first] + " "})
    expect(container.locator(".kx-verdict")).to_have_text(str(expected["verdict"]))
    explanation = expected["explanation"]
    assert isinstance(explanation, list)
    expect(container.locator(".kx-explanation li")).to_have_text(explanation)
    documents = expected["documents"]
    assert isinstance(documents, list)
    expect(container.locator(".kx-document-text")).to_have_text([d["text"] for d in documents])


def test_bad_entry_gets_a_german_message_next_to_its_field(page: Page, site_url: str) -> None:
    page.goto(calculator_page(site_url, "value-per-hour"))
    container = calculator(page, "value-per-hour")
    fill_and_wait(container, {"kontakte": "A; 1.5; 6.000; 6", "team_median": "viel"})
    answer = run(
        "value-per-hour",
        {"kontakte": "A; 1.5; 6.000; 6", "team_median": "viel"},
        rules=PLAYBOOK_RULES,
    )
    errors = answer["errors"]
    assert isinstance(errors, dict)
    for name in ("kontakte", "team_median"):
        slot = container.locator(f"#kx-value-per-hour-{name}-fehler")
        expect(slot).to_be_visible()
        expect(slot).to_have_text(errors[name])
        expect(field(container, name)).to_have_attribute("aria-invalid", "true")
    fill_and_wait(container, ARTICLE_EXAMPLE)
    expect(container.locator("#kx-value-per-hour-kontakte-fehler")).to_be_hidden()


def test_a_shared_link_opens_the_calculator_prefilled(page: Page, site_url: str) -> None:
    fields = {"kontakte": "X; 50 %; 1.000; 2", "team_median": "100"}
    page.goto(
        f"{calculator_page(site_url, 'value-per-hour')}#rechner-value-per-hour:{urlencode(fields)}"
    )
    container = calculator(page, "value-per-hour")
    expect(field(container, "kontakte")).to_have_value(fields["kontakte"])
    expected = python_result("value-per-hour", fields)
    expect(container.locator(".kx-verdict")).to_have_text(str(expected["verdict"]))
    expect(container.locator(".kx-notice")).to_have_text(
        "Die Werte aus dem Link wurden übernommen."
    )


def test_invalid_values_in_a_link_are_named_and_replaced(page: Page, site_url: str) -> None:
    page.goto(
        f"{calculator_page(site_url, 'value-per-hour')}"
        "#rechner-value-per-hour:team_median=abc&unbekannt=1"
    )
    container = calculator(page, "value-per-hour")
    notice = container.locator(".kx-notice")
    expect(notice).to_contain_text("Team-Median")
    expect(notice).to_contain_text("unbekannt")
    expect(field(container, "team_median")).to_have_value("250")


def test_enter_never_puts_figures_into_the_address_bar(page: Page, site_url: str) -> None:
    page.goto(calculator_page(site_url, "value-per-hour"))
    container = calculator(page, "value-per-hour")
    before = computed_count(container)
    field(container, "team_median").fill("300")
    field(container, "team_median").press("Enter")
    wait_for_answer_after(container, before, READY_TIMEOUT_MS)
    assert "300" not in page.url
    assert "?" not in page.url


def test_clear_restores_the_initial_values(page: Page, site_url: str) -> None:
    page.goto(calculator_page(site_url, "customer-health"))
    container = calculator(page, "customer-health")
    fill_and_wait(container, {"nutzen": "nein", "eskalationen": "3"})
    expect(container.locator(".kx-verdict")).to_contain_text("Rot")
    action = CONTRACT.action
    container.locator(f'[{action.attribute}="{action.clear_calculator}"]').click()
    expect(field(container, "nutzen").locator('input[value="ja"]')).to_be_checked()
    expect(field(container, "eskalationen")).to_have_value("0")
    expect(container.locator(".kx-verdict")).to_contain_text("Grün")


def test_instant_navigation_keeps_one_runtime_for_both_calculators(
    page: Page, site_url: str
) -> None:
    runtime_loads: list[str] = []
    page.on(
        "request",
        lambda request: (
            runtime_loads.append(request.url) if request.url.endswith("pyodide.asm.wasm") else None
        ),
    )
    runtimes: list[str] = []
    page.on(
        "worker",
        lambda worker: runtimes.append(worker.url) if worker.url.startswith("blob:") else None,
    )
    page.goto(f"{site_url}kunden-aufgeben/qualifizierungs-score/")
    first = calculator(page, "qualification-score")
    fill_and_wait(first, {"budget": "20"})
    listeners_before = hashchange_listeners(page)
    # The head asks for the WebAssembly early and the worker asks again (the HTTP cache
    # answers it): at most these two requests, both before any navigation.
    assert 1 <= len(runtime_loads) <= 2
    loads_before = len(runtime_loads)
    page.evaluate("() => { window.__sameDocument = true; }")
    page.locator('a[href$="wert-pro-stunde/"]').first.click()
    second = calculator(page, "value-per-hour")
    assert page.evaluate("() => window.__sameDocument === true"), (
        "instant navigation reloaded the page"
    )
    fill_and_wait(second, ARTICLE_EXAMPLE)
    expected = python_result("value-per-hour", ARTICLE_EXAMPLE)
    expect(second.locator(".kx-verdict")).to_have_text(str(expected["verdict"]))
    assert len(runtime_loads) == loads_before, "the second page loaded the runtime again"
    assert len(runtimes) == 1, runtimes
    # The first page's listeners went with it: one link listener per calculator, as before.
    assert hashchange_listeners(page) == listeners_before


def hashchange_listeners(page: Page) -> int:
    """How many hashchange listeners the page has on window (asked through DevTools)."""
    session = page.context.new_cdp_session(page)
    window = session.send("Runtime.evaluate", {"expression": "window"})["result"]["objectId"]
    listeners = session.send("DOMDebugger.getEventListeners", {"objectId": window})["listeners"]
    session.detach()
    return sum(1 for listener in listeners if listener["type"] == "hashchange")


def typeable(bound: BoundCalculator, fields: dict[str, str]) -> bool:
    """Whether a person can enter ``fields`` in the form.

    A group of options offers only its values ("21" is no option of a score question), and the
    reader's date for copying a result is no field; such cases stay with the parity tests,
    which hand the same values to Python in CPython and in Pyodide.
    """
    inputs = {field.name: field for field in bound.inputs}
    if not set(fields) <= set(inputs):
        return False
    return all(
        fields[name] in dict(field.levels or field.choices)
        for name, field in inputs.items()
        if field.presentation in ("levels", "options")
    )


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_golden_cases_typed_into_the_form_match_cpython(
    page: Page, site_url: str, calculator_id: str
) -> None:
    """Every case of the calculator tests, typed like a person, shows what CPython computes."""
    page.goto(calculator_page(site_url, calculator_id))
    container = calculator(page, calculator_id)
    playbook = load_playbook(ROOT / "content", calculators=field_names())
    templates = template_texts(playbook, CALCULATORS[calculator_id].bind(PLAYBOOK_RULES).templates)
    bound = CALCULATORS[calculator_id].bind(PLAYBOOK_RULES)
    cases = [
        case
        for case in CASES
        if case.calculator == calculator_id and typeable(bound, {**bound.defaults(), **case.fields})
    ]
    assert cases
    for case in cases:
        fields = {**bound.defaults(), **case.fields}
        fill_and_wait(container, fields)
        answer = run(
            calculator_id, fields, templates, PLAYBOOK_RULES
        )  # the page hands in the content's templates
        if answer["ok"]:
            result = answer["result"]
            assert isinstance(result, dict)
            expect(container.locator(".kx-verdict"), case.name).to_have_text(str(result["verdict"]))
            expect(container.locator(".kx-explanation li")).to_have_text(result["explanation"])
        else:
            errors = answer["errors"]
            assert isinstance(errors, dict)
            for name, message in errors.items():
                slot = (
                    container.locator(".kx-form-error")
                    if name == "_form"
                    else container.locator(f"#kx-{calculator_id}-{name}-fehler")
                )
                expect(slot, case.name).to_have_text(message)


def test_a_preset_from_the_content_fills_and_computes(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}kunden-aufgeben/wert-pro-stunde/")
    container = calculator(page, "value-per-hour")
    container.get_by_role("link", name="Fünf Kontakte mit Zeitfresser-Liste").click()
    expect(field(container, "kontakte")).to_have_value(re.compile(r"^Nordbau; 40 %"))
    expect(field(container, "team_median")).to_have_value("")
    expected = python_result(
        "value-per-hour",
        {"kontakte": field(container, "kontakte").input_value(), "team_median": ""},
    )
    expect(container.locator(".kx-verdict")).to_have_text(str(expected["verdict"]))
    explanation = expected["explanation"]
    assert isinstance(explanation, list)
    assert "Stadtwerke (20\u00a0h)" in " ".join(explanation)
    expect(container.locator(".kx-explanation")).to_contain_text("Stadtwerke (20 h)")


#: Records when the page creates its calculator worker and when the document was parsed.
WORKER_CLOCK = """
(() => {
  const Original = window.Worker;
  window.__clock = {};
  window.Worker = function (url, options) {
    if (options && options.name === "klartext-rechner") window.__clock.worker = performance.now();
    return new Original(url, options);
  };
  document.addEventListener("DOMContentLoaded", () => { window.__clock.parsed = performance.now(); });
})();
"""


def test_a_calculator_page_starts_the_runtime_once_it_shows(
    context: BrowserContext, site_url: str
) -> None:
    """The worker is created right after the first content is painted, not before: Pyodide's
    download never competes with the page's own files for the first paint."""
    context.add_init_script(WORKER_CLOCK)
    page = context.new_page()
    page.goto(f"{site_url}kunden-aufgeben/wert-pro-stunde/")
    calculator(page, "value-per-hour")  # the calculators adopt that worker
    clock = page.evaluate("() => window.__clock")
    paint = page.evaluate(FIRST_PAINT)
    assert paint is not None
    assert clock["worker"] >= paint, (clock, paint)

    plain = context.new_page()
    plain.goto(f"{site_url}glossar/", wait_until="domcontentloaded")
    # Without a calculator nothing starts for the page itself; calculators.mjs warms the
    # runtime up later, once the page is on screen and the browser idle, for a calculator one
    # click away.
    late = plain.evaluate("() => window.__clock")
    assert late.get("worker", float("inf")) > late["parsed"], late


#: When the page first showed content (milliseconds since navigation), or null.
FIRST_PAINT = """() =>
  performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null"""


def stall_runtime(context: BrowserContext) -> list[Route]:
    """Hold every request for Pyodide's WebAssembly; the test continues or aborts them."""
    stalled: list[Route] = []

    def hold(route: Route) -> None:
        stalled.append(route)

    context.route("**/pyodide.asm.wasm", hold)
    return stalled


def wait_until_stalled(page: Page, stalled: list[Route]) -> None:
    """Wait until the worker has asked for the WebAssembly (it asks after loading its modules)."""
    for _ in range(600):
        if stalled:
            return
        page.wait_for_timeout(50)  # lets Playwright deliver the held request
    raise AssertionError("the worker never asked for the runtime")


SEARCH_INDEX = "/search/search_index.json"


def test_search_builds_its_index_once_the_runtime_is_up(
    context: BrowserContext, site_url: str
) -> None:
    """Material's index build waits for Python's start, and search works all the same."""
    stalled = stall_runtime(context)  # held until the test lets it go
    page = context.new_page()
    index_requests: list[str] = []
    page.on("request", lambda request: index_requests.append(request.url))
    page.goto(f"{site_url}kunden-aufgeben/wert-pro-stunde/")  # until the load event
    wait_until_stalled(page, stalled)
    assert not [url for url in index_requests if url.endswith(SEARCH_INDEX)], (
        "Material requested its search index in a way runtime/boot.js does not hold "
        "(no longer XMLHttpRequest to search/search_index.json?): adapt the hold there, or "
        "switch it off with contract.runtime.hold_search_index"
    )

    with page.expect_request("**/search/search_index.json"):
        for route in stalled:
            route.continue_()
        calculator(page, "value-per-hour")
    expect(search(page, "Zeitfresser").first).to_contain_text("Zeitfresser")


#: When the page first showed content, and when it asked for the search index.
FIRST_PAINT_AND_INDEX = """() => ({
  paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
  index: performance.getEntriesByType("resource")
    .find((entry) => entry.name.endsWith("/search/search_index.json"))?.startTime ?? null,
})"""


def test_a_page_without_calculator_loads_the_index_once_it_shows(
    context: BrowserContext, site_url: str
) -> None:
    """Without a calculator the index waits only for the first paint and an idle moment: the
    index build no longer competes with the first paint, and search works all the same."""
    page = context.new_page()
    page.goto(f"{site_url}glossar/")
    # A resource is listed once its response is complete.
    page.wait_for_function(f"() => ({FIRST_PAINT_AND_INDEX})().index !== null")
    times = page.evaluate(FIRST_PAINT_AND_INDEX)
    assert times["paint"] is not None, times
    assert times["index"] is not None, times
    assert times["index"] > times["paint"], times
    expect(search(page, "Zeitfresser").first).to_contain_text("Zeitfresser")


def test_search_does_not_wait_for_a_calculator_that_is_still_loading(
    context: BrowserContext, site_url: str
) -> None:
    """A reader who turns to the search first gets results while Python is still loading."""
    stalled = stall_runtime(context)  # the runtime never arrives
    page = context.new_page()
    page.goto(f"{site_url}kunden-aufgeben/wert-pro-stunde/")
    expect(search(page, "Zeitfresser").first).to_contain_text("Zeitfresser")
    container = page.locator(VALUE_PER_HOUR)
    wait_until_stalled(page, stalled)
    expect(container).not_to_have_attribute(
        CONTRACT.calculator.state_attribute, CONTRACT.runtime.answer_ready
    )
    for route in stalled:
        route.abort()


def test_a_browser_that_refuses_the_worker_gets_the_failure_and_its_search(
    context: BrowserContext, site_url: str
) -> None:
    """A worker the browser will not create is reported like one that failed to load, and
    the search index, held for the runtime, is released all the same."""
    context.add_init_script(REFUSE_WORKERS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with page.expect_request("**/search/search_index.json"):
        page.goto(f"{site_url}kunden-aufgeben/wert-pro-stunde/")
        container = page.locator(VALUE_PER_HOUR)
        expect(container).to_have_attribute(
            CONTRACT.calculator.state_attribute, CONTRACT.runtime.answer_failed
        )
    expect(container).to_contain_text("Der Rechner konnte nicht geladen werden")
    assert errors == []


def test_the_search_index_hold_can_be_switched_off(
    real_site: Path, tmp_path: Path, context: BrowserContext
) -> None:
    """Without the head's hold setting (contract.runtime.hold_search_index off), Material
    loads its index at once, while the runtime is still stalled; the control for the test
    above, which would pass vacuously if the index were never asked for early anyway."""
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    page_file = site / "kunden-aufgeben" / "wert-pro-stunde" / "index.html"
    text = page_file.read_text(encoding="utf-8")
    assert " data-hold-search-index" in text
    page_file.write_text(text.replace(" data-hold-search-index", ""), encoding="utf-8")
    for copy in (".br", ".gz"):  # the server would send the unchanged precompressed page
        page_file.with_name(page_file.name + copy).unlink(missing_ok=True)
    (site / "sw.js").unlink()  # no service worker: nothing cached may answer instead
    stalled = stall_runtime(context)
    page = context.new_page()
    with serve(site) as url:
        with page.expect_request(f"**{SEARCH_INDEX}"):
            page.goto(f"{url}kunden-aufgeben/wert-pro-stunde/")
        wait_until_stalled(page, stalled)
        expect(page.locator(VALUE_PER_HOUR)).not_to_have_attribute(
            CONTRACT.calculator.state_attribute, CONTRACT.runtime.answer_ready
        )
        for route in stalled:
            route.abort()
