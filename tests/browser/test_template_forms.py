"""Fillable templates: fields in, filled text out, copied, saved and fed by a calculator."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from calculators.registry import field_names
from calculators.template_text import fill_template
from content_model.contract import CONTRACT
from content_model.loader import load_playbook
from content_model.schema import TemplateBlock
from tests.browser.helpers import READY_TIMEOUT_MS, REFUSE_WORKERS, calculator, fill_and_wait
from tests.site.conftest import ROOT

pytestmark = pytest.mark.browser


def content_template(template_id: str) -> dict[str, str]:
    """The wording of a template, straight from the content YAML."""
    playbook = load_playbook(ROOT / "content", calculators=field_names())
    for chapter in playbook.chapters:
        for section in chapter.sections:
            for block in section.blocks:
                if isinstance(block, TemplateBlock) and block.id == template_id:
                    return block.texts()
    raise AssertionError(template_id)


def template_form(page: Page, template_id: str) -> Locator:
    """A template form once its script has bound it (the form is hidden until then)."""
    attribute = CONTRACT.text_template.container_attribute
    container = page.locator(f'[{attribute}="{template_id}"]')
    expect(container.locator("form")).to_be_visible(timeout=READY_TIMEOUT_MS)
    return container


def type_into(container: Locator, name: str, text: str) -> None:
    """Type like a person and wait for the text to follow (typing into a placeholder
    always changes the filled text)."""
    output = container.locator(".kx-template-output")
    before = output.text_content() or ""
    container.locator(f'[name="{name}"]').fill(text)
    expect(output).not_to_have_text(before, timeout=READY_TIMEOUT_MS)


def test_the_text_is_there_before_the_runtime(context: BrowserContext, site_url: str) -> None:
    """The text under the fields is written by the build for empty fields, so a reader sees
    it while Python is still loading on a slow phone, or when it cannot start at all."""
    context.add_init_script(REFUSE_WORKERS)
    page = context.new_page()
    page.goto(f"{site_url}vorlagen/")
    container = template_form(page, "vorlage-protokoll")
    blank = fill_template(content_template("vorlage-protokoll"), {}, keep_missing=True)
    assert "{kunde}" in blank
    expect(container.locator(".kx-template-output")).to_have_text(blank)


@pytest.fixture
def clipboard_page(browser: Browser) -> Page:
    """A page that may read and write the clipboard (as after a person's permission)."""
    context = browser.new_context(locale="de-DE", permissions=["clipboard-read", "clipboard-write"])
    return context.new_page()


def test_filled_template_copies_the_expected_text(clipboard_page: Page, site_url: str) -> None:
    page = clipboard_page
    page.goto(f"{site_url}vorlagen/")
    container = template_form(page, "vorlage-protokoll")
    output = container.locator(".kx-template-output")
    blank = fill_template(content_template("vorlage-protokoll"), {}, keep_missing=True)
    assert output.text_content() == blank
    type_into(container, "kunde", "Nordwind AG")
    type_into(
        container, "massnahmen", "- Zeitplan anpassen (Vertrieb, 13.03.)\n- Freigaben bündeln"
    )
    values = {
        "kunde": "Nordwind AG",
        "massnahmen": "- Zeitplan anpassen (Vertrieb, 13.03.)\n- Freigaben bündeln",
    }
    expected = fill_template(content_template("vorlage-protokoll"), values, keep_missing=True)
    assert "{kunde}" not in expected
    assert "{datum}" in expected  # open fields stay visible
    assert output.text_content() == expected
    container.get_by_role("button", name="Text kopieren").click()
    expect(container.locator(".kx-notice")).to_have_text("Text kopiert.")
    assert page.evaluate("() => navigator.clipboard.readText()") == expected
    page.context.close()


def test_filled_template_downloads_as_text_file(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(f"{site_url}vorlagen/")
    container = template_form(page, "vorlage-abschiedsmail")
    type_into(container, "kunde", "Nordwind AG")
    with page.expect_download() as download_info:
        container.get_by_role("button", name="Als Textdatei speichern").click()
    download = download_info.value
    assert download.suggested_filename == "vorlage-abschiedsmail.txt"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    expected = fill_template(
        content_template("vorlage-abschiedsmail"), {"kunde": "Nordwind AG"}, keep_missing=True
    )
    assert saved.read_text(encoding="utf-8") == expected + "\n"
    assert expected.startswith("Betreff: Nordwind AG")


def test_calculator_fills_what_it_knows_but_never_what_was_typed(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}gespraeche/verbindlichkeit/")
    container = template_form(page, "vorlage-protokoll")
    type_into(container, "datum", "Dienstag, 10. März 2026")
    tracker = calculator(page, "commitment-tracker")
    fill_and_wait(
        tracker,
        {
            "vereinbart_am": "10.03.2026",
            "heute": "12.03.2026",
            "massnahmen": "Prioritätenliste; J. Krüger; 11.03.2026; ja",
        },
    )
    review = (dt.date(2026, 3, 10) + dt.timedelta(days=14)).strftime("%d.%m.%Y")
    expect(container.locator('[name="review_termin"]')).to_have_value(review)
    expect(container.locator('[name="massnahmen"]')).to_have_value(
        "- Prioritätenliste (J. Krüger, bis 11.03.2026)"
    )
    expect(container.locator('[name="datum"]')).to_have_value("Dienstag, 10. März 2026")
    expect(container.locator(".kx-template-output")).to_contain_text(
        f"Review nach 2\u00a0Wochen (15 Minuten): {review}"
    )
