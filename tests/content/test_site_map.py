"""One table of pages: references, the page list, the navigation and each heading agree."""

from __future__ import annotations

import re
from pathlib import Path

from calculators.registry import field_names
from content_model.loader import load_playbook
from content_model.render import render_pages
from content_model.site_map import SPECIAL_PAGES, SitePage, navigation
from content_model.views.pages import VIEWS

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_the_navigation_of_the_fixture(content: Path) -> None:
    playbook = load_playbook(content)
    assert navigation(playbook.pages) == [
        {"Start": "index.md"},
        {"Einstieg": "einstieg.md"},
        {"Teil eins": ["teil-eins/index.md", {"Alle Bausteine": "teil-eins/alle-bausteine.md"}]},
        {
            "Werkzeugkasten": [
                {"Alle Checklisten": "checklisten.md"},
                {"Einwände": "einwaende.md"},
                {"Alle Vorlagen": "vorlagen.md"},
                {"Alle Rechner": "rechner.md"},
                {"Glossar": "glossar.md"},
                {"Workshop-Links": "workshop.md"},
                {"Rollenspiele": "rollenspiele.md"},
                {"Für Trainer": "fuer-trainer.md"},
                {"Heikles Gespräch auf einen Blick": "gespraech-auf-einen-blick.md"},
                {"Ausstieg auf einen Blick": "ausstieg-auf-einen-blick.md"},
            ]
        },
    ]


def test_references_to_special_pages_take_title_and_address_from_the_table(
    content: Path,
) -> None:
    targets = load_playbook(content).targets
    for page in SPECIAL_PAGES:
        assert (targets[page.id].title, targets[page.id].uri) == (page.title, page.uri)
    assert targets["glossar#kpi"].uri == "glossar.md#kpi"
    assert (
        targets["alle-bausteine#schritt-senden"].uri == "teil-eins/alle-bausteine.md#schritt-senden"
    )


def test_every_page_is_rendered_in_navigation_order_under_its_title(content: Path) -> None:
    """The page list is the table's, and each page's heading is its title from the table."""
    playbook = load_playbook(content, calculators=field_names())
    pages = render_pages(playbook, TEMPLATES, "https://example.org/")
    assert [page.src_uri for page in pages] == [page.uri for page in playbook.pages]
    for page, entry in zip(pages, playbook.pages, strict=True):
        headings = re.findall(r"^# (.+)$", page.markdown, re.MULTILINE)
        assert headings == [entry.title], page.src_uri


def unprepared(pages: list[SitePage], templates: Path) -> list[str]:
    """Pages whose template does not exist or has no view to prepare what it shows."""
    problems = []
    for page in pages:
        if not (templates / page.template).is_file():
            problems.append(f"{page.id}: no template {page.template}")
        if page.template not in VIEWS:
            problems.append(f"{page.id}: no view for {page.template}")
    return problems


def test_every_page_template_exists_and_has_a_view(content: Path) -> None:
    assert unprepared(load_playbook(content).pages, TEMPLATES) == []


def test_a_page_without_template_or_view_is_reported() -> None:
    """Negative control: a new special page whose template and view were forgotten."""
    page = SitePage("neu", "Neu", "neu.md", "pages/neu.md.j2")
    assert unprepared([page], TEMPLATES) == [
        "neu: no template pages/neu.md.j2",
        "neu: no view for pages/neu.md.j2",
    ]
