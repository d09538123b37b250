"""The self-check at a chapter's end, answered by keyboard in real Chromium.

A reader answers one question wrong, presses "Prüfen", hears the result with the explanation
of the wrong answer, answers it right, and passes; the result survives a reload and shows on
the onboarding page. The wrong answer is the negative control: it is announced as wrong, not
stored, and not counted. axe and the target sizes are checked on the answered self-check.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, ViewportSize, expect

from content_model.contract import CONTRACT
from content_model.loader import load_playbook
from content_model.self_check import self_check_scope
from tests.browser.test_accessibility import AXE_SCRIPT, WCAG_TAGS, report
from tests.site.conftest import ROOT

pytestmark = pytest.mark.browser

SC = CONTRACT.self_check
PART = CONTRACT.part.attribute
CHAPTER = "gespraeche/gespraech-als-steuerung/"
SELF_CHECK = "fragen-gespraech-als-steuerung"
CHECK_PREFIX = f"{CONTRACT.progress.storage_prefix}check."
VIEWPORTS: dict[str, ViewportSize] = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}
#: How long an announcement may take on a machine busy with other tests.
ANNOUNCED_MS = 20_000
#: WCAG 2.5.8 (half a pixel for rounding), as in test_accessibility.
MIN_TARGET_PX = 23.5
SMALL_TARGETS = """([root, minimum]) => {
  const small = [];
  for (const node of root.querySelectorAll("button, input, select, summary, a[href]")) {
    if (node.tagName === "A" && getComputedStyle(node).display === "inline") continue;
    const parts = [node, ...(node.labels || [])].map((part) => part.getBoundingClientRect());
    const shown = parts.filter((box) => box.width > 0 && box.height > 0);
    if (!shown.length) continue;
    if (!shown.some((box) => box.width >= minimum && box.height >= minimum)) {
      small.push(`${node.tagName} ${(node.textContent || node.name || "").trim().slice(0, 40)}`);
    }
  }
  return small;
}"""
RUN_AXE = """async ([node, tags]) => {
  const result = await axe.run(node, { runOnly: { type: "tag", values: tags } });
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}"""


def self_check(page: Page) -> Locator:
    """The chapter's self-check, once self-check.mjs has bound it (its tools are shown)."""
    container = page.locator(f'[{SC.container_attribute}="{SELF_CHECK}"]')
    expect(container.locator(f'[{PART}="{SC.tools_part}"]')).to_be_visible()
    return container


def questions(container: Locator) -> list[Locator]:
    found = container.locator(f"[{SC.question_attribute}]")
    return [found.nth(index) for index in range(found.count())]


def press(control: Locator, key: str) -> None:
    """Focus a control as the Tab key would and press a key on it."""
    control.focus()
    control.page.keyboard.press(key)


def choose_right(question: Locator) -> None:
    """Answer a question right by keyboard: Space on each choice to flip, arrows in selects."""
    for index in range(question.locator("input").count()):
        choice = question.locator("input").nth(index)
        right = choice.get_attribute(SC.right_attribute) is not None
        if choice.is_checked() != right and (right or choice.get_attribute("type") == "checkbox"):
            press(choice, "Space")
    for index in range(question.locator("select").count()):
        select = question.locator("select").nth(index)
        target = int(select.get_attribute(SC.position_attribute) or "0")
        current = int(select.evaluate("node => node.selectedIndex"))
        for _ in range(abs(target - current)):
            press(select, "ArrowDown" if target > current else "ArrowUp")
        expect(select).to_have_value(str(target))


def choose_wrong(question: Locator) -> str:
    """Pick the first wrong option of a choice question by keyboard; returns its explanation."""
    inputs = question.locator("input")
    index = next(
        i for i in range(inputs.count()) if inputs.nth(i).get_attribute(SC.right_attribute) is None
    )
    press(inputs.nth(index), "Space")
    expect(inputs.nth(index)).to_be_checked()
    why = question.locator(f'[{PART}="{SC.why_part}"]').nth(index).text_content() or ""
    return " ".join(why.split())


def check(container: Locator) -> None:
    button = container.locator(f'[{CONTRACT.action.attribute}="{SC.check_action}"]')
    press(button, "Enter")


def result(container: Locator) -> Locator:
    return container.locator(f'[{PART}="{SC.result_part}"]')


def stored_checks(page: Page) -> list[str]:
    keys: list[str] = page.evaluate("() => Object.keys(localStorage).sort()")
    return [key.removeprefix(CHECK_PREFIX) for key in keys if key.startswith(CHECK_PREFIX)]


def onboarding_counter(page: Page, site_url: str) -> Locator:
    """The onboarding page's counter over the whole playbook."""
    page.goto(site_url + "einstieg/")
    panel = page.locator(f'[{CONTRACT.progress.scope_attribute}="{CONTRACT.progress.total_scope}"]')
    expect(panel).to_be_visible()
    return panel.locator(f"[{SC.keys_attribute}]")


def self_check_total() -> int:
    return self_check_scope(load_playbook(ROOT / "content").chapters).count


def test_answered_wrong_then_right_by_keyboard_remembered_and_counted(
    page: Page, site_url: str
) -> None:
    """Wrong: announced with its explanation, not stored. Right: passed, kept, counted."""
    total = self_check_total()
    page.goto(site_url + CHAPTER)
    container = self_check(page)
    first, *others = questions(container)
    assert len(others) >= 2
    expect(result(container)).to_have_attribute("role", "status")

    explanation = choose_wrong(first)
    for question in others:
        choose_right(question)
    check(container)
    count = len(others) + 1
    expect(result(container)).to_contain_text(
        f"{len(others)} von {count} Fragen richtig", timeout=ANNOUNCED_MS
    )
    expect(result(container)).to_contain_text(
        f"Frage 1 ist noch nicht richtig. {explanation}", timeout=ANNOUNCED_MS
    )
    expect(first.locator(f'[{PART}="{SC.verdict_part}"]')).to_have_text(
        "Noch nicht richtig. Die Erklärung steht unter „Antwort und Erklärung“."
    )
    expect(first.locator("details")).to_have_attribute("open", "")
    stored = stored_checks(page)
    assert len(stored) == len(others)
    assert not any(
        key.endswith("/" + (first.get_attribute(SC.question_attribute) or "")) for key in stored
    )
    expect(onboarding_counter(page, site_url)).to_have_text(f"0 von {total} Selbstchecks bestanden")

    page.goto(site_url + CHAPTER)
    container = self_check(page)
    first = questions(container)[0]
    expect(container.locator(f'[{PART}="{SC.saved_part}"]')).to_have_text(
        f"Auf diesem Gerät gespeichert: {len(others)} von {count} Fragen richtig."
    )
    choose_right(first)
    check(container)
    expect(result(container)).to_have_text(
        f"Bestanden: alle {count} Fragen richtig.", timeout=ANNOUNCED_MS
    )
    assert len(stored_checks(page)) == count

    page.reload()
    container = self_check(page)
    expect(container.locator(f'[{PART}="{SC.saved_part}"]')).to_have_text(
        "Auf diesem Gerät als bestanden gespeichert."
    )
    for question in questions(container):
        expect(question.locator(f'[{PART}="{SC.verdict_part}"]')).to_have_text("Richtig.")
        for index in range(question.locator(f"input[{SC.right_attribute}]").count()):
            expect(question.locator(f"input[{SC.right_attribute}]").nth(index)).to_be_checked()
        for index in range(question.locator("select").count()):
            select = question.locator("select").nth(index)
            expect(select).to_have_value(select.get_attribute(SC.position_attribute) or "")
    expect(onboarding_counter(page, site_url)).to_have_text(f"1 von {total} Selbstchecks bestanden")


def test_reset_clears_the_result_and_the_count(page: Page, site_url: str) -> None:
    """ "Antworten zurücksetzen" empties the answers and takes the pass off the onboarding page."""
    total = self_check_total()
    page.goto(site_url + CHAPTER)
    container = self_check(page)
    for question in questions(container):
        choose_right(question)
    check(container)
    expect(result(container)).to_contain_text("Bestanden", timeout=ANNOUNCED_MS)
    reset = container.locator(f'[{CONTRACT.action.attribute}="{SC.reset_action}"]')
    press(reset, "Enter")
    expect(result(container)).to_have_text(
        "Ihre Antworten sind zurückgesetzt.", timeout=ANNOUNCED_MS
    )
    assert stored_checks(page) == []
    expect(container.locator("input:checked")).to_have_count(0)
    expect(onboarding_counter(page, site_url)).to_have_text(f"0 von {total} Selbstchecks bestanden")


@pytest.fixture
def axe_context(browser: Browser) -> Iterator[BrowserContext]:
    """axe is injected, which the page's CSP forbids: a profile that bypasses it."""
    context = browser.new_context(locale="de-DE", bypass_csp=True, service_workers="block")
    yield context
    context.close()


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_answered_self_check_passes_axe_and_has_large_targets(
    axe_context: BrowserContext, site_url: str, viewport: str
) -> None:
    """After checking (verdicts shown, explanations open) axe finds nothing; targets are 24 px+."""
    page = axe_context.new_page()
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(site_url + CHAPTER)
    container = self_check(page)
    first, *others = questions(container)
    choose_wrong(first)
    for question in others:
        choose_right(question)
    check(container)
    expect(result(container)).to_contain_text("Fragen richtig", timeout=ANNOUNCED_MS)
    page.add_script_tag(path=str(AXE_SCRIPT))
    violations = page.evaluate(RUN_AXE, [container.element_handle(), WCAG_TAGS])
    assert violations == [], report([(CHAPTER, violation) for violation in violations])
    assert page.evaluate(SMALL_TARGETS, [container.element_handle(), MIN_TARGET_PX]) == []


def test_axe_and_target_check_find_planted_defects(
    axe_context: BrowserContext, site_url: str
) -> None:
    """Negative control: a select without a name and a tiny radio button are both reported."""
    page = axe_context.new_page()
    page.goto(site_url + CHAPTER)
    container = self_check(page)
    page.evaluate(
        """(root) => {
          const select = root.querySelector("select");
          select.removeAttribute("aria-labelledby");
          select.id = "kx-probe-ohne-namen";
          const radio = root.querySelector('input[type="radio"]');
          radio.id = "kx-probe-winzig";
          radio.style.width = "10px";
          radio.style.height = "10px";
          radio.closest("label").replaceWith(radio);
        }""",
        container.element_handle(),
    )
    page.add_script_tag(path=str(AXE_SCRIPT))
    found = {
        violation["id"]: violation["targets"]
        for violation in page.evaluate(RUN_AXE, [container.element_handle(), WCAG_TAGS])
    }
    assert any("#kx-probe-ohne-namen" in target for target in found.get("select-name", []))
    small = page.evaluate(SMALL_TARGETS, [container.element_handle(), MIN_TARGET_PX])
    assert any(item.startswith("INPUT") for item in small), small


def test_no_script_reader_sees_questions_and_answers(browser: Browser, site_url: str) -> None:
    """Without JavaScript the questions show and the answers open in a <details> section."""
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CHAPTER)
    container = page.locator(f'[{SC.container_attribute}="{SELF_CHECK}"]')
    first = container.locator("fieldset").first
    expect(first.locator("legend")).to_be_visible()
    expect(first.locator("input").first).to_be_visible()
    expect(container.locator(f'[{PART}="{SC.tools_part}"]')).to_be_hidden()
    why = first.locator(f'[{PART}="{SC.why_part}"]').first
    expect(why).to_be_hidden()
    first.locator("summary").click()
    expect(why).to_be_visible()
    expect(first.locator("details a[href]")).to_be_visible()
    context.close()
