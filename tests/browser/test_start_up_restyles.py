"""Material's start-up no longer restyles the whole page (issue 20, total blocking time).

The early head script (``templates/theme/partials/early-head-script.html``) settles the root
element's classes and the style sheets' absolute addresses before anything is styled. Each
check runs twice: on the page as built, and on the same page with that script cut out of
the HTML (the control), where the restyles it prevents must be seen.
"""

from __future__ import annotations

from collections import Counter

import pytest
from playwright.sync_api import Page

from tests.browser.helpers import without_early_script

pytestmark = pytest.mark.browser

CHAPTER = "gespraeche/verbindlichkeit/"

#: Records every change of the root element's class attribute, and whether the body existed.
ROOT_CLASS_WATCH = """
window.__rootClassChanges = [];
new MutationObserver((records) => {
  for (const record of records) {
    if (record.target === document.documentElement && record.oldValue !== record.target.className) {
      window.__rootClassChanges.push({ to: record.target.className, bodyParsed: !!document.body });
    }
  }
}).observe(document, { attributes: true, attributeFilter: ["class"], attributeOldValue: true, subtree: true });
"""


def material_started(page: Page) -> None:
    """Wait until Material's bundle has made the navigation's addresses absolute."""
    page.wait_for_function(
        "document.querySelector('a.md-nav__link')?.getAttribute('href').startsWith('http')"
    )


def style_sheet_loads(page: Page, url: str) -> Counter[str]:
    """How often each of our origin's style sheets was added to the page while it started."""
    cdp = page.context.new_cdp_session(page)
    added: Counter[str] = Counter()
    cdp.on(
        "CSS.styleSheetAdded",
        lambda event: (
            added.update([event["header"]["sourceURL"].rsplit("/", 1)[-1]])
            if event["header"]["sourceURL"].startswith(url)
            else None
        ),
    )
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    page.goto(url + CHAPTER)
    material_started(page)
    page.wait_for_load_state("load")
    return added


@pytest.mark.parametrize("early_script", [True, False], ids=["as built", "control"])
def test_each_style_sheet_is_parsed_once(page: Page, site_url: str, early_script: bool) -> None:
    if not early_script:
        without_early_script(page)
    loads = style_sheet_loads(page, site_url)
    sheets = [name for name in loads if name.endswith(".css")]
    assert any(name.startswith("main.") for name in sheets), loads
    assert "site.css" in sheets, loads
    if early_script:
        assert all(loads[name] == 1 for name in sheets), loads
    else:
        # Material's start gives each link an absolute address, and the browser loads,
        # parses and applies the sheet again.
        assert all(loads[name] == 2 for name in sheets), loads


@pytest.mark.parametrize("early_script", [True, False], ids=["as built", "control"])
def test_the_root_class_is_final_before_the_body_is_parsed(
    page: Page, site_url: str, early_script: bool
) -> None:
    if not early_script:
        without_early_script(page)
    page.add_init_script(ROOT_CLASS_WATCH)
    page.goto(site_url + CHAPTER)
    material_started(page)
    changes = page.evaluate("window.__rootClassChanges")
    final = page.evaluate("document.documentElement.className")
    assert set(final.split()) == {"js", "js-focus-visible"}
    late = [change for change in changes if change["bodyParsed"]]
    if early_script:
        assert late == [], changes
    else:
        assert late, changes
