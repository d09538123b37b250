"""Material's script leaves the build's tables in place, and they look like Material's own.

The control is a plain table planted in the page as Python-Markdown writes one: Material's
script wraps it when the page starts (so the check would see a moved table) and its style
sheet draws it (the look ours must match).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.helpers import serve_rewritten

pytestmark = pytest.mark.browser

CHAPTER = "gespraeche/verbindlichkeit/"
PLANTED = (
    '<table id="planted"><thead><tr><th>Kopf</th><th>Spalte</th></tr></thead>'
    "<tbody><tr><td>Zelle</td><td>Wert</td></tr></tbody></table>"
)
#: What each table, header cell and data cell computes to; equal when the look matches.
LOOK = """(table) => {
  const pick = (element, names) => {
    const style = getComputedStyle(element);
    return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
  };
  return {
    table: pick(table, ["display", "font-size", "border-top", "border-radius", "background-color"]),
    th: pick(table.querySelector("th"), ["padding-top", "padding-left", "font-weight", "vertical-align", "text-align", "min-width"]),
    td: pick(table.querySelector("td"), ["padding-top", "padding-left", "vertical-align", "text-align", "border-top"]),
    wrappers: (() => {
      let count = 0;
      for (let node = table.parentElement; node; node = node.parentElement) {
        count += node.classList.contains("md-typeset__scrollwrap");
      }
      return count;
    })(),
  };
}"""


def plant_plain_table(page: Page) -> None:
    serve_rewritten(
        page,
        lambda url: url.endswith("/" + CHAPTER),
        lambda text: text.replace("</article>", PLANTED + "</article>", 1),
    )


def test_material_leaves_our_tables_in_place_and_they_look_like_its_own(
    page: Page, site_url: str
) -> None:
    plant_plain_table(page)
    page.goto(site_url + CHAPTER)
    # Material has started: it wrapped the planted table (the control).
    page.wait_for_function(
        "document.querySelector('#planted').parentElement.classList.contains('md-typeset__table')"
    )
    planted = page.locator("#planted").evaluate(LOOK)
    ours = page.locator("table.kx-data-table").first.evaluate(LOOK)
    assert planted["wrappers"] == 1
    assert ours["wrappers"] == 1  # the build's wrappers only: Material did not wrap it again
    for part in ("table", "th", "td"):
        assert ours[part] == planted[part], part
