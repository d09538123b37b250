"""Trainers' links in real Chromium: deep links, "Link kopieren", redirects, QR codes, projector."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Page, expect

from calculators.registry import field_names
from content_model.loader import Playbook, load_playbook
from content_model.pages import chapter_uri, page_url
from content_model.schema import Chapter, Step, StepsBlock
from content_model.views.at_a_glance import card_workshop_links
from content_model.workshop import role_play_links, workshop_parts
from tests.site.conftest import ROOT

pytestmark = pytest.mark.browser

#: Where a heading must be after a jump: below Material's sticky header.
HEADING_BOX = """(node) => {
  const box = node.getBoundingClientRect();
  return {
    top: box.top,
    headerBottom: document.querySelector(".md-header").getBoundingClientRect().bottom,
    height: window.innerHeight,
  };
}"""


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    return load_playbook(ROOT / "content", calculators=field_names())


def steps_chapter(playbook: Playbook) -> tuple[Chapter, list[Step]]:
    """The first chapter with a block of at least three steps, and those steps."""
    for chapter in playbook.chapters:
        for section in chapter.sections:
            for block in section.blocks:
                if isinstance(block, StepsBlock) and len(block.items) >= 3:
                    return chapter, block.items
    raise AssertionError("no chapter with three steps")


def chapter_address(site_url: str, chapter: Chapter) -> str:
    return site_url + page_url(chapter_uri(chapter.part, chapter.id))


def open_on_a_laptop(page: Page, address: str) -> None:
    """``address`` at 1280 px with a mouse, where the copy control waits for hover."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(address)


@contextmanager
def touch_phone(browser: Browser, address: str) -> Iterator[Page]:
    """``address`` opened on a 390 px touch screen, as a phone has (no hover)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True
    )
    try:
        page = context.new_page()
        page.goto(address)
        yield page
    finally:
        context.close()


def test_a_deep_link_lands_on_its_step_below_the_header(
    page: Page, site_url: str, playbook: Playbook
) -> None:
    chapter, steps = steps_chapter(playbook)
    step = steps[-1]
    page.goto(f"{chapter_address(site_url, chapter)}#{step.id}")
    heading = page.locator(f"#{step.id}")
    expect(heading).to_contain_text(step.title)
    expect(heading).to_be_in_viewport()
    box = heading.evaluate(HEADING_BOX)
    assert box["headerBottom"] <= box["top"] < box["height"] / 2, box


def test_link_kopieren_copies_the_address_of_the_step(
    context: BrowserContext, site_url: str, playbook: Playbook
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    chapter, steps = steps_chapter(playbook)
    page.goto(chapter_address(site_url, chapter))
    step = steps[1]
    button = page.locator(f"#{step.id} .kx-copy-link")
    expect(button).to_have_text("")  # an icon; its name says what it copies
    expect(button).to_have_accessible_name(f"Link zu „2. {step.title}“ kopieren")
    button.click()
    expect(button).to_have_accessible_name("Link kopiert")
    expect(button).to_have_class("kx-copy-link kx-copied")  # the check mark, for a moment
    expect(page.locator("#kx-copy-status")).to_have_text("Link kopiert")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == f"{chapter_address(site_url, chapter)}#{step.id}"
    # The chapter heading copies the page itself, without any fragment.
    page.locator("h1 .kx-copy-link").click()
    assert page.evaluate("() => navigator.clipboard.readText()") == chapter_address(
        site_url, chapter
    )


#: How a copy control looks right now: opacity, whether it is rendered, its size.
CONTROL_STATE = """(button) => {
  const style = getComputedStyle(button);
  const box = button.getBoundingClientRect();
  return {
    opacity: Number(style.opacity),
    rendered: style.display !== "none" && style.visibility === "visible",
    width: box.width,
    height: box.height,
  };
}"""
#: Long enough for the control's fade (125 ms) to finish.
SETTLE_MS = 300


def quiet_control_problems(page: Page, heading_id: str) -> list[str]:
    """Why the copy control of ``heading_id`` is not quiet-but-reachable on a fine pointer.

    Expected: invisible while nothing points at its heading, shown on hover, reached by Tab
    from the heading's permalink and shown while focused, named after its heading, and a
    target of at least 24 by 24 px.
    """
    heading = page.locator(f"#{heading_id}")
    button = heading.locator(".kx-copy-link")
    problems = []
    page.mouse.move(0, 0)
    page.wait_for_timeout(SETTLE_MS)
    rest = button.evaluate(CONTROL_STATE)
    if rest["opacity"] != 0:
        problems.append(f"sichtbar ohne Hover (Deckkraft {rest['opacity']})")
    if rest["width"] < 24 or rest["height"] < 24:
        problems.append(f"Ziel kleiner als 24 px: {rest['width']}×{rest['height']}")
    heading.hover()
    page.wait_for_timeout(SETTLE_MS)
    hovered = button.evaluate(CONTROL_STATE)
    if hovered["opacity"] != 1 or not hovered["rendered"]:
        problems.append("beim Hover über der Überschrift nicht sichtbar")
    page.mouse.move(0, 0)
    heading.locator(".headerlink").focus()
    page.keyboard.press("Tab")
    page.wait_for_timeout(SETTLE_MS)
    focused = button.evaluate("(node) => node === document.activeElement")
    if not focused:
        problems.append("mit der Tabulatortaste nicht erreichbar")
    state = button.evaluate(CONTROL_STATE)
    if focused and (state["opacity"] != 1 or not state["rendered"]):
        problems.append("mit Fokus nicht sichtbar")
    name = button.get_attribute("aria-label") or ""
    if not (name.startswith("Link zu „") and name.endswith("“ kopieren")):
        problems.append(f"Name {name!r} nennt die Überschrift nicht")
    return problems


def test_the_copy_control_is_quiet_until_hover_or_focus_but_reachable(
    page: Page, site_url: str, playbook: Playbook
) -> None:
    chapter, steps = steps_chapter(playbook)
    open_on_a_laptop(page, chapter_address(site_url, chapter))
    assert page.evaluate("() => matchMedia('(hover: hover) and (pointer: fine)').matches")
    assert quiet_control_problems(page, steps[1].id) == []


def test_the_quiet_control_check_is_not_blind(
    page: Page, site_url: str, playbook: Playbook
) -> None:
    """Negative controls: a control always shown, and one hidden from the keyboard, are found."""
    chapter, steps = steps_chapter(playbook)
    open_on_a_laptop(page, chapter_address(site_url, chapter))
    loud, gone = (page.locator(f"#{step.id} .kx-copy-link") for step in steps[:2])
    loud.evaluate("(node) => node.style.setProperty('opacity', '1', 'important')")
    assert quiet_control_problems(page, steps[0].id) == ["sichtbar ohne Hover (Deckkraft 1)"]
    gone.evaluate("(node) => { node.style.visibility = 'hidden'; }")
    assert quiet_control_problems(page, steps[1].id) == [
        "beim Hover über der Überschrift nicht sichtbar",
        "mit der Tabulatortaste nicht erreichbar",
    ]


def test_on_a_touch_screen_the_copy_control_stays_visible_and_large_enough(
    browser: Browser, site_url: str, playbook: Playbook
) -> None:
    """Without hover there is nothing to reveal it: it stays in sight, dimmed, 24 px."""
    chapter, steps = steps_chapter(playbook)
    with touch_phone(browser, chapter_address(site_url, chapter)) as page:
        button = page.locator(f"#{steps[1].id} .kx-copy-link")
        expect(button).to_be_visible()
        state = button.evaluate(CONTROL_STATE)
        assert 0.4 <= state["opacity"] < 1, state
        assert min(state["width"], state["height"]) >= 24, state


#: The box of a heading's last letter (the build wraps the last word with its controls).
LAST_LETTER = """const lastLetter = (heading) => {
  const end = heading.querySelector(".kx-heading-end");
  const text = [...end.childNodes].find((node) => node.nodeType === Node.TEXT_NODE);
  const range = document.createRange();
  range.setStart(text, text.length - 1);
  range.setEnd(text, text.length);
  return range.getBoundingClientRect();
};"""

#: Headings whose copy control is not on the line of their last word.
LONE_CONTROLS = f"""(article) => {{
  {LAST_LETTER}
  return [...article.querySelectorAll("h1, h2, h3")].flatMap((heading) => {{
    const control = heading.querySelector(".kx-copy-link");
    if (!control || !heading.querySelector(".kx-heading-end")) return [];
    const a = control.getBoundingClientRect();
    const b = lastLetter(heading);
    const apart = Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2);
    return apart > b.height / 2 ? [heading.textContent.replace("¶", "").trim()] : [];
  }});
}}"""


def lone_controls_on_a_phone(browser: Browser, address: str, unglue: bool = False) -> list[str]:
    """The headings of the page at ``address`` whose control wraps onto a line of its own.

    ``unglue`` lets each heading's last word, permalink and control break apart again.
    """
    with touch_phone(browser, address) as page:
        if unglue:
            page.locator(".kx-heading-end").evaluate_all(
                "(ends) => ends.forEach((end) => end.style.whiteSpace = 'normal')"
            )
        expect(page.locator("h1 .kx-copy-link")).to_be_visible()
        lone: list[str] = page.locator("article").evaluate(LONE_CONTROLS)
        return lone


def test_on_a_phone_the_copy_control_stays_on_its_headings_last_line(
    browser: Browser, site_url: str, playbook: Playbook
) -> None:
    address = chapter_address(site_url, playbook.chapter_by_id["drei-wege"])
    assert lone_controls_on_a_phone(browser, address) == []
    # Negative control: with the wrapper allowed to break, a heading that fills its line on a
    # phone leaves its icon alone on the next one.
    assert lone_controls_on_a_phone(browser, address, unglue=True) != []


#: The room between a heading's last letter and its copy control, in CSS pixels.
GAP_BEFORE_CONTROL = f"""(heading) => {{
  {LAST_LETTER}
  return heading.querySelector(".kx-copy-link").getBoundingClientRect().left
    - lastLetter(heading).right;
}}"""


def gap_on_a_phone(
    browser: Browser, address: str, heading_id: str, permalink_back: bool = False
) -> float:
    """How far the copy control of ``heading_id`` stands from its heading on a touch phone.

    ``permalink_back`` shows Material's ¶ in its place again, as Material draws it.
    """
    with touch_phone(browser, address) as page:
        heading = page.locator(f"#{heading_id}")
        if permalink_back:  # inline style: the site's CSP admits no added style sheet
            heading.locator(".headerlink").evaluate(
                "(node) => node.style.setProperty('display', 'inline-block', 'important')"
            )
        expect(heading.locator(".kx-copy-link")).to_be_visible()
        gap: float = heading.evaluate(GAP_BEFORE_CONTROL)
        return gap


def test_on_a_phone_no_invisible_permalink_stands_between_heading_and_control(
    browser: Browser, site_url: str, playbook: Playbook
) -> None:
    chapter, steps = steps_chapter(playbook)
    address = chapter_address(site_url, chapter)
    # The control's own margin (0.3rem) and nothing more.
    assert 0 <= gap_on_a_phone(browser, address, steps[1].id) <= 8
    # Negative control: the invisible permalink back in its place is found.
    assert gap_on_a_phone(browser, address, steps[1].id, permalink_back=True) > 16


def test_without_javascript_a_phone_keeps_materials_permalink(
    browser: Browser, site_url: str, playbook: Playbook
) -> None:
    """The copy control needs JavaScript; without it the ¶ is the heading's only address."""
    chapter, steps = steps_chapter(playbook)
    context = browser.new_context(
        viewport={"width": 390, "height": 800},
        has_touch=True,
        is_mobile=True,
        java_script_enabled=False,
    )
    try:
        page = context.new_page()
        page.goto(chapter_address(site_url, chapter))
        heading = page.locator(f"#{steps[1].id}")
        expect(heading.locator(".kx-copy-link")).to_be_hidden()
        expect(heading.locator(".headerlink")).to_be_attached()
        display = "(node) => getComputedStyle(node).display"
        assert heading.locator(".headerlink").evaluate(display) != "none"
        # Negative control: under the root class of a page with JavaScript, it is hidden.
        page.evaluate("() => { document.documentElement.className = 'js'; }")
        assert heading.locator(".headerlink").evaluate(display) == "none"
    finally:
        context.close()


#: How visible a heading's ¶ is right now.
PERMALINK_OPACITY = (
    "(heading) => Number(getComputedStyle(heading.querySelector('.headerlink')).opacity)"
)


def test_materials_permalink_shows_while_the_pointer_is_anywhere_on_its_heading(
    page: Page, site_url: str, playbook: Playbook
) -> None:
    """The wrapper of the last word must not keep the ¶ hidden when the first word is hovered."""
    chapter, steps = steps_chapter(playbook)
    open_on_a_laptop(page, chapter_address(site_url, chapter))
    heading = page.locator(f"#{steps[1].id}")
    page.mouse.move(0, 0)
    page.wait_for_timeout(SETTLE_MS)
    assert heading.evaluate(PERMALINK_OPACITY) == 0  # nothing points at it: hidden
    heading.hover(position={"x": 4, "y": 4})  # the heading's first letters
    page.wait_for_timeout(SETTLE_MS)
    assert heading.evaluate(PERMALINK_OPACITY) == 1
    # Reached by its address, the heading shows its ¶ without a pointer, as Material intends.
    page.mouse.move(0, 0)
    page.goto(f"{chapter_address(site_url, chapter)}#{steps[1].id}")
    page.wait_for_timeout(SETTLE_MS)
    assert heading.evaluate(PERMALINK_OPACITY) == 1


def test_without_a_clipboard_the_address_is_offered_selected_under_its_heading(
    context: BrowserContext, site_url: str, playbook: Playbook
) -> None:
    """Plain http on a team server has no clipboard API: the address waits in a field."""
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', { value: undefined })")
    page = context.new_page()
    chapter, steps = steps_chapter(playbook)
    page.goto(chapter_address(site_url, chapter))
    heading = page.locator(f"#{steps[1].id}")
    heading.locator(".kx-copy-link").click()
    field = heading.locator(".kx-copy-field")
    expect(field).to_be_focused()
    expect(field).to_have_value(f"{chapter_address(site_url, chapter)}#{steps[1].id}")
    expect(field).to_have_accessible_name("Adresse zum Kopieren")
    selected = field.evaluate("(node) => node.selectionEnd - node.selectionStart")
    assert selected == len(field.input_value())
    expect(page.locator("#kx-copy-status")).to_have_text("Adresse markiert: mit Strg+C kopieren")
    below = field.evaluate(
        "(node) => node.getBoundingClientRect().top >= "
        "node.closest('h2, h3').querySelector('.kx-copy-link').getBoundingClientRect().bottom"
    )
    assert below  # on a line of its own under the heading's text


def test_an_old_address_forwards_and_keeps_the_step(
    page: Page, site_url: str, playbook: Playbook
) -> None:
    """score/ was published on slides; its deep links land on the step they named."""
    chapter = playbook.chapter_by_id["qualifizierungs-score"]
    section = chapter.sections[1]
    page.goto(f"{site_url}score/#{section.id}")
    expect(page).to_have_url(f"{chapter_address(site_url, chapter)}#{section.id}")
    expect(page.locator(f"#{section.id}")).to_be_in_viewport()
    page.goto(f"{site_url}ampel/")
    target = playbook.chapter_by_id["schwierige-bestandskunden"]
    expect(page).to_have_url(f"{chapter_address(site_url, target)}#bestandskunden-ampel")
    page.go_back()
    expect(page).not_to_have_url(f"{site_url}ampel/")  # the old address left no history entry


def test_every_qr_code_decodes_to_its_link(page: Page, site_url: str, playbook: Playbook) -> None:
    """Each card's QR code, photographed on screen, reads as the full address of its link."""
    chapter_links = [
        link for part in workshop_parts(playbook) for entry in part.chapters for link in entry.links
    ]
    assert len(chapter_links) >= 50
    # In page order: the one-page cards, the role-play scenarios, then the chapters.
    expected = [
        site_url + link.url
        for link in [*card_workshop_links(), *role_play_links(playbook), *chapter_links]
    ]
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}workshop/")
    cards = page.locator("figure.kx-qr")
    expect(cards).to_have_count(len(expected))
    decoded: list[str] = []
    for index in range(len(expected)):
        card = cards.nth(index)
        picture = Image.open(io.BytesIO(card.locator("svg").screenshot()))
        found = zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode)
        assert len(found) == 1, f"Karte {index}: {len(found)} QR-Codes erkannt"
        decoded.append(found[0].text)
        link = card.locator("figcaption a")
        assert link.evaluate("(node) => node.href") == found[0].text
        expect(card.locator(".kx-qr-address")).to_have_text(found[0].text)
    assert decoded == expected
    # A scanned step address opens on that step.
    step_address = next(
        address for address in decoded if "#" in address and "rechner-" not in address
    )
    page.goto(step_address)
    expect(page.locator(f"#{step_address.partition('#')[2]}")).to_be_in_viewport()


def test_the_qr_check_is_not_blind(page: Page, site_url: str) -> None:
    """Negative control: a code with a flipped module block no longer reads as its address."""
    page.goto(f"{site_url}workshop/")
    code = page.locator("figure.kx-qr svg").first
    original = zxingcpp.read_barcodes(Image.open(io.BytesIO(code.screenshot())))
    assert len(original) == 1
    code.evaluate(
        """(svg) => {
          const box = document.createElementNS("http://www.w3.org/2000/svg", "rect");
          box.setAttribute("x", "4"); box.setAttribute("y", "4");
          box.setAttribute("width", "7"); box.setAttribute("height", "7");
          box.setAttribute("fill", "#fff");
          svg.append(box);
        }"""
    )
    assert zxingcpp.read_barcodes(Image.open(io.BytesIO(code.screenshot()))) == []


def test_the_projector_view_shows_one_step_and_moves_by_arrow_key(
    page: Page, site_url: str, playbook: Playbook
) -> None:
    chapter, steps = steps_chapter(playbook)
    first, second = steps[0], steps[1]
    page.goto(f"{chapter_address(site_url, chapter)}?beamer#{first.id}")
    expect(page.locator(f"#{first.id}")).to_be_visible()
    expect(page.locator(f"#{second.id}")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".kx-beamer-position")).to_have_text(f"1 von {len(steps)}")
    size = page.locator(f"#{first.id}").evaluate(
        "(node) => parseFloat(getComputedStyle(node).fontSize)"
    )
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(f"{chapter_address(site_url, chapter)}?beamer#{second.id}")
    expect(page.locator(f"#{second.id}")).to_be_visible()
    expect(page.locator(f"#{first.id}")).to_be_hidden()
    expect(page.locator(".kx-beamer-position")).to_have_text(f"2 von {len(steps)}")
    page.get_by_role("button", name="← Zurück").click()
    expect(page.locator(f"#{first.id}")).to_be_visible()
    # Without the flag the same page is the normal page, smaller and with its navigation.
    page.goto(f"{chapter_address(site_url, chapter)}#{first.id}")
    expect(page.locator(".md-header")).to_be_visible()
    expect(page.locator(f"#{second.id}")).to_be_visible()
    normal = page.locator(f"#{first.id}").evaluate(
        "(node) => parseFloat(getComputedStyle(node).fontSize)"
    )
    assert size > 1.5 * normal
