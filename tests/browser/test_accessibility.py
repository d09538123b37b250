"""WCAG 2.2 AA in real Chromium: axe-core on every page and calculator state, keyboard, targets.

axe-core (npm, exact version in package-lock.json) is injected into each page. The pages carry
a strict Content-Security-Policy that forbids injected scripts, so axe runs in its own browser
profile that bypasses the policy; every other test keeps the policy in force.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypedDict

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, ViewportSize, expect

from calculators.boundary import run
from calculators.registry import CALCULATORS
from content_model.contract import CONTRACT
from tests.browser.helpers import (
    READY_TIMEOUT_MS,
    calculator,
    calculator_page,
    computed_count,
    field,
    serve_rewritten,
    site_pages,
)
from tests.calculators.playbook_rules import PLAYBOOK_RULES

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS: dict[str, ViewportSize] = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}
NUMBER_KINDS = ("integer", "decimal", "percent", "money", "hours", "date")
#: WCAG 2.5.8: a pointer target is at least 24 by 24 CSS pixels (half a pixel for rounding).
MIN_TARGET_PX = 23.5
#: The height of one line of a field: that much of a focused field must be on screen.
LINE_PX = 24

RUN_AXE = """async ([node, tags]) => {
  const result = await axe.run(node || document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  });
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}"""

#: A page's scripts are done: every calculator ready and bound, every template form bound.
PAGE_SETTLED = f"""() => [...document.querySelectorAll(".kx-calculator")].every(
  (container) => container.getAttribute("{CONTRACT.calculator.state_attribute}")
    === "{CONTRACT.runtime.answer_ready}"
    && !container.querySelector("form").hidden
) && [...document.querySelectorAll(".kx-template-form")].every((form) => !form.hidden)"""

#: Every pointer target in the content (calculators included) smaller than 24 by 24 CSS px.
#: A control counts with its labels (a click on a label is a click on the control); a link
#: that runs inline in text outside a calculator is exempt (WCAG 2.5.8, "inline").
SMALL_TARGETS = """(minimum) => {
  const selector = ".md-content :is(a[href], button, input:not([type=hidden]), select, textarea, summary)";
  const rendered = (node) => {
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && node.checkVisibility({ visibilityProperty: true })
      && getComputedStyle(node).pointerEvents !== "none";
  };
  const name = (node) => {
    const text = (node.getAttribute("aria-label") || node.textContent || node.name || "").trim();
    return `${node.tagName.toLowerCase()}${node.id ? "#" + node.id : ""}`
      + `${node.className && typeof node.className === "string" ? "." + node.className.trim().split(/\\s+/).join(".") : ""}`
      + ` „${text.slice(0, 40)}“`;
  };
  const small = [];
  for (const node of document.querySelectorAll(selector)) {
    const parts = [node, ...(node.labels || [])].filter(rendered);
    if (!parts.length) continue;
    const inCalculator = node.closest(".kx-calculator") !== null;
    if (!inCalculator && node.tagName === "A" && getComputedStyle(node).display === "inline") continue;
    const fits = parts.some((part) => {
      const box = part.getBoundingClientRect();
      return box.width >= minimum && box.height >= minimum;
    });
    if (!fits) {
      const box = parts[0].getBoundingClientRect();
      small.push(`${name(node)}: ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`);
    }
  }
  return small;
}"""

#: Where the focused element is, next to the bottom edge of Material's sticky header.
FOCUS_STATE = """() => {
  const node = document.activeElement;
  const box = node.getBoundingClientRect();
  const style = getComputedStyle(node);
  return {
    id: node.id,
    tag: node.tagName,
    text: (node.textContent || node.name || "").trim().slice(0, 40),
    inContent: node.closest(".md-content") !== null,
    inCalculator: node.closest(".kx-calculator") !== null,
    top: box.top,
    bottom: box.bottom,
    headerBottom: document.querySelector(".md-header").getBoundingClientRect().bottom,
    viewportHeight: window.innerHeight,
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
  };
}"""


class Violation(TypedDict):
    """One axe rule that failed, as RUN_AXE returns it."""

    id: str
    impact: str
    help: str
    targets: list[str]


def report(findings: list[tuple[str, Violation]]) -> str:
    """A readable list of violations: where, rule id, impact, and the offending elements."""
    lines = [f"{len(findings)} axe-Verstöße gegen WCAG 2.2 AA:"]
    for where, violation in findings:
        lines.append(f"- {where}: {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"      {target}" for target in violation["targets"][:8])
        if len(violation["targets"]) > 8:
            lines.append(f"      … und {len(violation['targets']) - 8} weitere")
    return "\n".join(lines)


def axe(page: Page, scope: Locator | None = None) -> list[Violation]:
    """Run axe with the WCAG 2.0/2.1/2.2 A and AA rules on the page or one element of it."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    node = None if scope is None else scope.element_handle()
    violations: list[Violation] = page.evaluate(RUN_AXE, [node, WCAG_TAGS])
    return violations


@pytest.fixture
def axe_context(browser: Browser) -> Iterator[BrowserContext]:
    """A profile for axe only: the page's CSP would refuse the injected axe script.

    Service workers are blocked so precaching the whole site does not slow the sweep down.
    """
    context = browser.new_context(locale="de-DE", bypass_csp=True, service_workers="block")
    yield context
    context.close()


def open_settled(page: Page, url: str) -> None:
    """Open a page and wait until its scripts are done: forms bound, calculators ready."""
    page.goto(url)
    page.wait_for_function(PAGE_SETTLED, timeout=READY_TIMEOUT_MS)


def number_field(calculator_id: str) -> str:
    """The first input of a calculator that expects a number or a date."""
    return next(
        item.name
        for item in CALCULATORS[calculator_id].bind(PLAYBOOK_RULES).inputs
        if item.kind in NUMBER_KINDS and item.presentation not in ("levels", "options")
    )


def test_axe_reports_a_planted_violation(axe_context: BrowserContext, site_url: str) -> None:
    """The harness works: an image without alt text and pale text are found and named."""
    page = axe_context.new_page()
    open_settled(page, site_url)
    before = {violation["id"] for violation in axe(page)}
    assert not before & {"image-alt", "color-contrast"}
    page.evaluate(
        """() => {
          const article = document.querySelector(".md-content article");
          const image = document.createElement("img");
          image.id = "kx-probe-ohne-alt";
          image.src = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==";
          image.width = 40;
          image.height = 40;
          const pale = document.createElement("p");
          pale.id = "kx-probe-blass";
          pale.textContent = "Dieser Text ist kaum zu lesen.";
          pale.style.color = "#c8c8c8";
          pale.style.backgroundColor = "#ffffff";
          article.append(image, pale);
        }"""
    )
    found = {violation["id"]: violation["targets"] for violation in axe(page)}
    assert "#kx-probe-ohne-alt" in found.get("image-alt", []), report(
        [("Startseite", v) for v in axe(page)]
    )
    assert "#kx-probe-blass" in found.get("color-contrast", [])


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_page_passes_axe(axe_context: BrowserContext, site_url: str, viewport: str) -> None:
    """No page of the site violates a WCAG 2.2 A/AA rule that axe checks, on desktop or phone."""
    page = axe_context.new_page()
    page.set_viewport_size(VIEWPORTS[viewport])
    paths = site_pages(site_url)
    assert len(paths) >= 20
    assert {"", "rechner/", "checklisten/", "404.html"} <= set(paths)
    findings: list[tuple[str, Violation]] = []
    for path in paths:
        open_settled(page, f"{site_url}{path}")
        findings.extend((f"/{path} ({viewport})", violation) for violation in axe(page))
    assert not findings, report(findings)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_every_calculator_state_passes_axe(
    axe_context: BrowserContext, site_url: str, calculator_id: str, viewport: str
) -> None:
    """A calculator passes axe when ready, when it shows an error, and when it shows a result."""
    page = axe_context.new_page()
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(calculator_page(site_url, calculator_id))
    container = calculator(page, calculator_id)
    where = f"{calculator_id} ({viewport})"
    findings = [(f"{where}, bereit", violation) for violation in axe(page, container)]

    name = number_field(calculator_id)
    before = computed_count(container)
    field(container, name).fill("abc")
    error = container.locator(f"#kx-{calculator_id}-{name}{CONTRACT.calculator.error_suffix}")
    expect(error).to_be_visible(timeout=READY_TIMEOUT_MS)
    expect(error).not_to_be_empty()
    expect(field(container, name)).to_have_attribute("aria-invalid", "true")
    assert computed_count(container) > before
    findings += [(f"{where}, Fehler", violation) for violation in axe(page, container)]

    field(container, name).fill(CALCULATORS[calculator_id].bind(PLAYBOOK_RULES).defaults()[name])
    expect(error).to_be_hidden(timeout=READY_TIMEOUT_MS)
    expect(container.locator(".kx-result-label")).to_have_text("Ihr Ergebnis")
    expect(container.locator(".kx-verdict")).not_to_be_empty()
    findings += [(f"{where}, Ergebnis", violation) for violation in axe(page, container)]
    assert not findings, report(findings)


def test_a_calculator_works_by_keyboard_and_focus_never_hides_under_the_header(
    page: Page, site_url: str
) -> None:
    """Tab from the top of a chapter into its calculator, type, get the result; focus in view."""
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(calculator_page(site_url, "value-per-hour"))
    container = calculator(page, "value-per-hour")
    target = "kx-value-per-hour-kontakte-1-name"  # the first cell of the contacts' rows
    hidden: list[str] = []
    unmarked: list[str] = []
    visited = 0
    for _ in range(600):
        page.keyboard.press("Tab")
        state: dict[str, Any] = page.evaluate(FOCUS_STATE)
        label = f"{state['tag']}#{state['id']} „{state['text']}“"
        if state["inContent"]:
            visited += 1
            # WCAG 2.4.11: never under the sticky header; the first line, where typing
            # starts, is on screen (a tall text area may run past the bottom edge).
            if (
                state["top"] < state["headerBottom"] - 0.5
                or state["top"] + LINE_PX > state["viewportHeight"] + 0.5
            ):
                hidden.append(
                    f"{label}: oben {state['top']:.0f}, unten {state['bottom']:.0f} "
                    f"(Kopfzeile endet bei {state['headerBottom']:.0f}, Fenster {state['viewportHeight']})"
                )
        if state["inCalculator"] and (state["outlineStyle"] == "none" or state["outlineWidth"] < 2):
            unmarked.append(label)
        if state["id"] == target:
            break
    else:
        pytest.fail(f"Tab erreicht #{target} nicht")
    assert visited > 20  # the walk crossed the earlier calculators and their tables
    assert not hidden, "Fokus unter der Kopfzeile oder außerhalb des Fensters:\n" + "\n".join(
        hidden
    )
    assert not unmarked, "Fokus ohne sichtbaren Rahmen:\n" + "\n".join(unmarked)

    fields = {"kontakte": "Nord; 40 %; 9.000; 6\nSüd; 10 %; 2.000; 12", "team_median": "300"}
    # The contacts are rows (calculators/rows.mjs): four cells, then the optional choice
    # and the row's three buttons, then the next row.
    for line in fields["kontakte"].split("\n"):
        for cell in line.split("; "):
            page.keyboard.press("Control+A")
            page.keyboard.type(cell)
            page.keyboard.press("Tab")
        for _ in range(4):
            page.keyboard.press("Tab")
    for _ in range(8):  # past "Zeile hinzufügen", "Als Text bearbeiten" and the file picker
        if page.evaluate("document.activeElement.id") == "kx-value-per-hour-team_median":
            break
        page.keyboard.press("Tab")
    expect(page.locator("#kx-value-per-hour-team_median")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type(fields["team_median"])
    answer = run("value-per-hour", fields, rules=PLAYBOOK_RULES)
    assert answer["ok"] is True
    result = answer["result"]
    assert isinstance(result, dict)
    expect(container.locator(".kx-verdict")).to_have_text(str(result["verdict"]))
    expect(container.locator(".kx-result-label")).to_have_text("Ihr Ergebnis")
    state = page.evaluate(FOCUS_STATE)
    assert state["top"] >= state["headerBottom"] - 0.5


def test_negative_control_for_the_target_size_check(
    axe_context: BrowserContext, site_url: str
) -> None:
    """The target check is not blind: a 16-pixel button in a calculator is reported."""
    page = axe_context.new_page()
    page.goto(calculator_page(site_url, "customer-health"))
    container = calculator(page, "customer-health")
    assert page.evaluate(SMALL_TARGETS, MIN_TARGET_PX) == []
    container.evaluate(
        """(node) => {
          const probe = document.createElement("button");
          probe.type = "button";
          probe.textContent = "x";
          probe.style.cssText = "width: 16px; height: 16px; min-height: 0; min-width: 0; padding: 0";
          node.querySelector(".kx-actions").append(probe);
        }"""
    )
    small = page.evaluate(SMALL_TARGETS, MIN_TARGET_PX)
    assert len(small) == 1
    assert small[0].startswith("button „x“: 16.0 × 16.0 px")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_target_in_the_content_is_at_least_24_pixels(
    axe_context: BrowserContext, site_url: str, viewport: str
) -> None:
    """Buttons, fields, tick boxes and calculator links are 24×24 px or more (WCAG 2.5.8)."""
    page = axe_context.new_page()
    page.set_viewport_size(VIEWPORTS[viewport])
    problems: list[str] = []
    checked = 0
    for path in site_pages(site_url):
        page.goto(f"{site_url}{path}")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.kx-form')].every((form) => !form.hidden)"
        )
        checked += page.locator(".md-content :is(button, input, select, textarea)").count()
        problems.extend(
            f"/{path}: {problem}" for problem in page.evaluate(SMALL_TARGETS, MIN_TARGET_PX)
        )
    assert checked > 100
    assert not problems, "Zu kleine Ziele:\n" + "\n".join(problems)


#: The declaration that wraps a template's filled text (text-templates/text-templates.css).
TEMPLATE_TEXT_WRAP = re.compile(r"(\.kx-template-output \{[^}]*?)white-space: pre-wrap;")

#: How much wider than the window the page is, in CSS px (0: it fits).
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def sideways(page: Page, site_url: str, paths: list[str]) -> list[str]:
    """The pages among ``paths`` that scroll sideways once their scripts are done."""
    wide: list[str] = []
    for path in paths:
        open_settled(page, f"{site_url}{path}")
        overflow = page.evaluate(OVERFLOW)
        if overflow > 0:
            wide.append(f"/{path}: {overflow} px zu breit")
    return wide


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_page_scrolls_sideways(
    axe_context: BrowserContext, site_url: str, viewport: str
) -> None:
    """Every page fits the window at 390 and 1280 CSS px once its forms are bound and filled;
    only a wide table scrolls, in its own box. A page wider than a phone's screen also widens
    the viewport that fixed elements (the verdict bar, "back to top") are laid out in."""
    page = axe_context.new_page()
    page.set_viewport_size(VIEWPORTS[viewport])
    wide = sideways(page, site_url, site_pages(site_url))
    assert not wide, "Seiten breiter als das Fenster:\n" + "\n".join(wide)


def test_sideways_check_finds_an_unwrapped_template_text(
    axe_context: BrowserContext, site_url: str
) -> None:
    """The control: with the filled text of a template no longer wrapped (its rule cut from
    the site's style sheet), the templates' page runs past a phone's screen and is named."""
    page = axe_context.new_page()
    page.set_viewport_size(VIEWPORTS["phone"])

    def unwrap(css: str) -> str:
        css, count = TEMPLATE_TEXT_WRAP.subn(r"\1", css)
        assert count == 1, "the wrapping rule is not where the control expects it"
        return css

    serve_rewritten(page, lambda url: url.endswith("/site.css"), unwrap)
    wide = sideways(page, site_url, ["vorlagen/"])
    assert [line.split(":")[0] for line in wide] == ["/vorlagen/"]
