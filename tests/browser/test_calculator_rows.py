"""List inputs as rows, and a CRM export imported into them, in real Chromium at 390 px.

A rep on a phone pastes five rows from a spreadsheet, imports a CSV export (BOM, semicolons,
quoted separators, CRLF, German numbers) and gets the same answer as typing the contacts by
hand, removes and reorders rows by keyboard, and shares a link that opens the same rows. axe
finds nothing with the rows and with the import preview open.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Request, expect

from benchmarks.page_answers import wait_for_answer_after
from content_model.contract import CONTRACT
from tests.browser.helpers import (
    READY_TIMEOUT_MS,
    calculator,
    calculator_page,
    computed_count,
    field,
    show_as_text,
)
from tests.browser.test_accessibility import VIEWPORTS, axe, report
from tests.calculators.test_table_import import FILES, TYPED_BY_HAND

ROWS = CONTRACT.rows
ACTION = CONTRACT.action.attribute
PAGE = "kunden-aufgeben/wert-pro-stunde/"
FIELD = "kontakte"
#: The commitment tracker's list of measures: text cells side by side.
MEASURES = "massnahmen"
EXPORT = "crm_utf8_bom_semicolon.csv"

#: Dispatches a paste of ``text`` on the focused element, as the clipboard would.
PASTE = """(text) => {
  const data = new DataTransfer();
  data.setData("text/plain", text);
  document.activeElement.dispatchEvent(
    new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
}"""


@pytest.fixture
def phone(context: BrowserContext, site_url: str) -> Page:
    """The value-per-hour page at 390 px, with the clipboard allowed (as after a permission)."""
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(site_url + PAGE)
    return page


def editor(container: Locator, field: str = FIELD) -> Locator:
    return container.locator(f'[{ROWS.editor_attribute}="{field}"]')


def rows_of(container: Locator, field: str = FIELD) -> Locator:
    return editor(container, field).locator(f"[{ROWS.row_attribute}]")


def value(container: Locator) -> str:
    return container.locator(f'textarea[name="{FIELD}"]').input_value()


def cell(container: Locator, row: int, name: str, field: str = FIELD) -> Locator:
    return rows_of(container, field).nth(row).locator(f'[{ROWS.cell_attribute}="{name}"]')


def wait_for_new_answer(container: Locator, before: int) -> None:
    wait_for_answer_after(container, before, READY_TIMEOUT_MS)


def answer_text(container: Locator) -> str:
    return container.locator(
        f'[{CONTRACT.part.attribute}="{CONTRACT.part.result_body}"]'
    ).inner_text()


def test_rows_are_labelled_cells_with_the_declared_keyboard(phone: Page) -> None:
    container = calculator(phone, "value-per-hour")
    expect(editor(container)).to_be_visible()
    expect(container.locator(f'textarea[name="{FIELD}"]')).to_be_hidden()
    expect(rows_of(container)).to_have_count(2)
    probability = cell(container, 0, "wahrscheinlichkeit")
    expect(probability).to_have_accessible_name("Abschlusswahrscheinlichkeit (%)")
    expect(probability).to_have_attribute("inputmode", "decimal")
    expect(probability).to_have_value("30 %")
    expect(editor(container).get_by_role("button", name="Zeile 2 entfernen")).to_be_visible()


def paste_five_rows(page: Page) -> Locator:
    """Remove both example rows by keyboard, then paste five rows (with header) into a cell."""
    container = calculator(page, "value-per-hour")
    for _ in range(2):
        editor(container).get_by_role("button", name="Zeile 1 entfernen").focus()
        page.keyboard.press("Enter")
    expect(rows_of(container)).to_have_count(1)  # one empty row stays to paste into
    expect(editor(container).get_by_role("status")).to_contain_text("Zeile 1 entfernt")
    pasted = "Kontakt\tWahrscheinlichkeit\tMarge\tStunden\n" + "\n".join(
        f"K{number}\t{number * 10} %\t{number}.000\t{number}" for number in range(1, 6)
    )
    cell(container, 0, "name").focus()
    page.evaluate(PASTE, pasted)
    return container


def test_pasting_five_spreadsheet_rows_fills_five_rows(phone: Page) -> None:
    container = paste_five_rows(phone)
    expect(rows_of(container)).to_have_count(5)
    expect(cell(container, 4, "marge")).to_have_value("5.000")
    expect(editor(container).get_by_role("status")).to_have_text("5 Zeilen eingefügt.")
    assert value(container).splitlines()[0] == "K1; 10 %; 1.000; 1"
    expect(container.locator(".kx-verdict")).to_contain_text("K5")


def test_control_a_page_that_ignores_the_paste_is_found(phone: Page) -> None:
    """Negative control: with the paste stopped before the rows see it, no rows appear."""
    phone.evaluate(
        "document.addEventListener('paste', (event) => event.stopImmediatePropagation(), true)"
    )
    container = paste_five_rows(phone)
    phone.wait_for_timeout(500)
    expect(rows_of(container)).to_have_count(1)


def test_remove_and_reorder_by_keyboard(phone: Page) -> None:
    container = calculator(phone, "value-per-hour")
    editor(container).get_by_role("button", name="Zeile hinzufügen").press("Enter")
    expect(rows_of(container)).to_have_count(3)
    expect(cell(container, 2, "name")).to_be_focused()
    phone.keyboard.type("C")
    for name, text in (("wahrscheinlichkeit", "50 %"), ("marge", "2.000"), ("stunden", "2")):
        cell(container, 2, name).fill(text)
    assert value(container).splitlines() == [
        "A; 30 %; 6.000; 6",
        "B; 15 %; 8.000; 10",
        "C; 50 %; 2.000; 2",
    ]
    editor(container).get_by_role("button", name="Zeile 3 nach oben").focus()
    phone.keyboard.press("Enter")
    expect(editor(container).get_by_role("button", name="Zeile 2 nach oben")).to_be_focused()
    phone.keyboard.press("Space")
    expect(editor(container).get_by_role("button", name="Zeile 1 nach oben")).to_be_focused()
    expect(editor(container).get_by_role("status")).to_have_text(
        "Zeile 2 verschoben, jetzt Zeile 1."
    )
    assert [line.split(";")[0] for line in value(container).splitlines()] == ["C", "A", "B"]
    editor(container).get_by_role("button", name="Zeile 2 entfernen").press("Enter")
    assert [line.split(";")[0] for line in value(container).splitlines()] == ["C", "B"]
    expect(editor(container).get_by_role("button", name="Zeile 2 entfernen")).to_be_focused()


def type_as_text(container: Locator, text: str) -> None:
    """Type ``text`` into the text form and go back to the rows."""
    show_as_text(container, FIELD)
    container.locator(f'textarea[name="{FIELD}"]').fill(text)
    editor(container).get_by_role("button", name="Als Zeilen bearbeiten").click()


def through_the_text_form(container: Locator, field: str = FIELD) -> None:
    """Open the text form and go back to the rows, which are then read from the text."""
    show_as_text(container, field)
    editor(container, field).get_by_role("button", name="Als Zeilen bearbeiten").click()


def test_text_form_and_rows_edit_the_same_value(phone: Page) -> None:
    container = calculator(phone, "value-per-hour")
    type_as_text(container, "X; 20 %; 3.000; 3\nY; 40 %; 1.000; 2; nein")
    expect(rows_of(container)).to_have_count(2)
    expect(cell(container, 1, "bewegung")).to_have_value("nein")
    expect(container.locator(f'textarea[name="{FIELD}"]')).to_be_hidden()


@pytest.mark.parametrize(
    ("typed", "name", "probability"),
    [
        # A phone types „…“ for a double quote; the rows read the quoted cell as one.
        ("„Hansen; Relaunch“; 30 %; 6.000; 6", "Hansen; Relaunch", "30 %"),
        # Negative control: the check would see a cell split by its semicolon.
        ("Hansen; Relaunch; 30 %; 6.000; 6", "Hansen", "Relaunch"),
    ],
    ids=["phone quotes", "control unquoted"],
)
def test_a_semicolon_in_a_phones_quotes_stays_in_its_cell(
    phone: Page, typed: str, name: str, probability: str
) -> None:
    container = calculator(phone, "value-per-hour")
    type_as_text(container, typed)
    expect(cell(container, 0, "name")).to_have_value(name)
    expect(cell(container, 0, "wahrscheinlichkeit")).to_have_value(probability)


@pytest.mark.parametrize(
    "typed",
    [
        "Hansen; Relaunch",  # a semicolon typed into the cell
        "„Nordlicht“",  # a name in a phone's quotes, which starts with a quote
    ],
    ids=["semicolon", "phone quotes"],
)
def test_a_cell_is_written_quoted_and_read_back_as_typed(phone: Page, typed: str) -> None:
    """The row editor writes the cell in double quotes, so the text form and the rows read it
    back as one cell, as typed, and the next cell keeps its value."""
    container = calculator(phone, "value-per-hour")
    probability = cell(container, 0, "wahrscheinlichkeit").input_value()
    before = computed_count(container)
    cell(container, 0, "name").fill(typed)
    wait_for_new_answer(container, before)
    assert value(container).splitlines()[0].startswith(f'"{typed}"; ')
    assert typed in answer_text(container)
    through_the_text_form(container)
    expect(cell(container, 0, "name")).to_have_value(typed)
    expect(cell(container, 0, "wahrscheinlichkeit")).to_have_value(probability)


def test_a_cell_that_opens_a_phones_quote_stays_apart_from_the_next(
    context: BrowserContext, site_url: str
) -> None:
    """„Angebot and Jonas“ typed into two cells: unless the row editor quotes the first, the
    text reads „Angebot; Jonas“, which Python takes for one quoted cell, and the row misses
    a cell."""
    page = context.new_page()
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(calculator_page(site_url, "commitment-tracker"))
    container = calculator(page, "commitment-tracker")
    for name, typed in (("massnahme", "„Angebot"), ("verantwortlich", "Jonas“")):
        before = computed_count(container)
        cell(container, 0, name, MEASURES).fill(typed)
        wait_for_new_answer(container, before)
    expect(field(container, MEASURES)).not_to_have_attribute("aria-invalid", "true")
    through_the_text_form(container, MEASURES)
    expect(cell(container, 0, "massnahme", MEASURES)).to_have_value("„Angebot")
    expect(cell(container, 0, "verantwortlich", MEASURES)).to_have_value("Jonas“")


def test_the_shared_link_round_trips_the_rows(phone: Page, site_url: str) -> None:
    container = calculator(phone, "value-per-hour")
    cell(container, 1, "name").fill("Berger Logistik")
    typed = value(container)
    container.get_by_role("button", name="Link kopieren").click()
    link = phone.evaluate("() => navigator.clipboard.readText()")
    other = phone.context.new_page()
    other.set_viewport_size(VIEWPORTS["phone"])
    other.goto(link)
    opened = calculator(other, "value-per-hour")
    expect(cell(opened, 1, "name")).to_have_value("Berger Logistik")
    assert value(opened) == typed
    expect(rows_of(opened)).to_have_count(2)


def test_importing_the_export_gives_the_same_answer_as_typing(phone: Page) -> None:
    container = calculator(phone, "value-per-hour")
    picker = editor(container).locator(f"[{ROWS.import_attribute}]")
    picker.set_input_files(str(FILES / EXPORT))
    preview = editor(container).locator(f'[{CONTRACT.part.attribute}="{ROWS.preview}"]')
    expect(preview).to_contain_text("3 Zeilen erkannt")
    expect(preview).to_contain_text("Zeichensatz: UTF-8 mit BOM")
    expect(preview.get_by_label("Spalte „Deckungsbeitrag“")).to_have_value("marge")
    expect(preview.locator("tbody tr").first).to_contain_text("Hansen Großhandel; Relaunch")
    before = computed_count(container)
    preview.get_by_role("button", name="Übernehmen").click()
    expect(rows_of(container)).to_have_count(3)
    expect(preview).to_be_hidden()
    wait_for_new_answer(container, before)
    imported = answer_text(container)
    assert "Hansen Großhandel; Relaunch" in imported

    # The same contacts typed by hand, in the text form.
    show_as_text(container, FIELD)
    before = computed_count(container)
    container.locator(f'textarea[name="{FIELD}"]').fill(TYPED_BY_HAND[EXPORT] + "\n")
    wait_for_new_answer(container, before)
    assert answer_text(container) == imported


#: Drops a file with these bytes on an element, as a file dragged from the desktop would.
DROP = """([target, name, bytes]) => {
  const data = new DataTransfer();
  data.items.add(new File([new Uint8Array(bytes)], name, { type: "text/csv" }));
  for (const type of ["dragover", "drop"]) {
    target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  }
}"""


def test_a_dropped_export_is_read_on_the_device(phone: Page) -> None:
    requests: list[Request] = []
    # (a bound method will not do: Playwright marks the handler it is given)
    phone.on("request", lambda request: requests.append(request))  # noqa: PLW0108
    container = calculator(phone, "value-per-hour")
    name = "crm_english_comma_extra_columns.csv"
    zone = editor(container).locator(f'[{CONTRACT.part.attribute}="{ROWS.drop_zone}"]')
    before = len(requests)
    phone.evaluate(DROP, [zone.element_handle(), name, list((FILES / name).read_bytes())])
    preview = editor(container).locator(f'[{CONTRACT.part.attribute}="{ROWS.preview}"]')
    expect(preview).to_contain_text("Trennzeichen: Komma")
    expect(preview).to_contain_text("Zahlen: englisch (1,234.50)")
    expect(preview.get_by_label("Spalte „Opportunity ID“")).to_have_value("")
    # Nothing uploaded: no request sends anything, and none names or carries the file.
    sent = [(r.method, r.url) for r in requests[before:] if r.method != "GET" or name in r.url]
    assert sent == []


def test_import_problems_are_shown_by_row_and_column(phone: Page) -> None:
    container = calculator(phone, "value-per-hour")
    editor(container).locator(f"[{ROWS.import_attribute}]").set_input_files(
        str(FILES / "bad_cell.csv")
    )
    preview = editor(container).locator(f'[{CONTRACT.part.attribute}="{ROWS.preview}"]')
    expect(preview).to_contain_text("Zeile 4, Spalte „Wahrscheinlichkeit“: „viel“ ist keine Zahl.")
    preview.get_by_role("button", name="Verwerfen").click()
    expect(preview).to_be_hidden()
    expect(rows_of(container)).to_have_count(2)  # nothing was taken over


@pytest.fixture
def axe_phone(browser: Browser, site_url: str) -> Iterator[Page]:
    """axe's own profile (the page's CSP would refuse the injected script), at 390 px."""
    context = browser.new_context(locale="de-DE", bypass_csp=True, service_workers="block")
    page = context.new_page()
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(site_url + PAGE)
    yield page
    context.close()


def test_axe_finds_nothing_with_rows_errors_and_the_import_preview(axe_phone: Page) -> None:
    container = calculator(axe_phone, "value-per-hour")
    findings = [("Zeilen", violation) for violation in axe(axe_phone, container)]
    cell(container, 0, "wahrscheinlichkeit").fill("viel")
    expect(container.locator(f"#kx-value-per-hour-{FIELD}-fehler")).to_be_visible()
    findings += [("Fehler", violation) for violation in axe(axe_phone, container)]
    editor(container).locator(f"[{ROWS.import_attribute}]").set_input_files(
        str(FILES / "crm_english_comma_extra_columns.csv")
    )
    expect(editor(container).get_by_role("button", name="Übernehmen")).to_be_visible()
    findings += [("Import-Vorschau", violation) for violation in axe(axe_phone, container)]
    assert not findings, report(findings)


def test_control_axe_finds_an_unlabelled_cell(axe_phone: Page) -> None:
    """Negative control: a cell whose label is taken away is reported."""
    container = calculator(axe_phone, "value-per-hour")
    cell(container, 0, "marge").evaluate(
        "node => { node.closest('div').querySelector('label').remove(); }"
    )
    assert any(violation["id"] == "label" for violation in axe(axe_phone, container))
