"""The real playbook builds strictly and shows every chapter, step, checklist and template."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators.registry import field_names
from content_model.loader import Playbook, load_playbook, walk
from content_model.roles import anchor_fields
from content_model.schema import ChecklistBlock, Model, Section, Step, TemplateBlock
from tests.site.conftest import ROOT


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    return load_playbook(ROOT / "content", calculators=field_names())


def chapter_html(site: Path, part: str, chapter: str) -> str:
    return (site / part / chapter / "index.html").read_text(encoding="utf-8")


def test_every_anchor_is_in_its_chapter(real_site: Path, playbook: Playbook) -> None:
    """Each id the schema marks as an anchor (sections, steps, checklists, templates, options,
    tickable dos) is an element id on its chapter page."""
    missing = []
    anchored: set[type] = set()
    for chapter in playbook.chapters:
        html = chapter_html(real_site, chapter.part, chapter.id)
        for _, node in walk(chapter):
            if not isinstance(node, Model):
                continue
            ids = [getattr(node, name) for name in anchor_fields(type(node))]
            anchored.update([type(node)] if any(ids) else [])
            missing += [f"{chapter.id}#{i}" for i in ids if i and f'id="{i}"' not in html]
    assert {Section, Step, ChecklistBlock, TemplateBlock} <= anchored
    assert missing == []


def test_overview_pages_gather_every_checklist_and_template(
    real_site: Path, playbook: Playbook
) -> None:
    """The checklist and template pages list every checklist and template by id."""
    checklists = (real_site / "checklisten" / "index.html").read_text(encoding="utf-8")
    templates = (real_site / "vorlagen" / "index.html").read_text(encoding="utf-8")
    blocks = [node for chapter in playbook.chapters for _, node in walk(chapter)]
    checklist_ids = [b.id for b in blocks if isinstance(b, ChecklistBlock)]
    template_ids = [b.id for b in blocks if isinstance(b, TemplateBlock)]
    assert len(checklist_ids) >= 5
    assert {"vorlage-abschiedsmail", "vorlage-crm-notiz", "vorlage-protokoll"} <= set(template_ids)
    assert [i for i in checklist_ids if f'id="{i}"' not in checklists] == []
    assert [i for i in template_ids if f'id="{i}"' not in templates] == []


def test_site_is_german(real_site: Path) -> None:
    """Pages declare German, and search is configured for German."""
    index = (real_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in index
    assert "Direktlink auf diesen Abschnitt" in chapter_html(real_site, "gespraeche", "drei-wege")


def test_no_generated_page_is_committed() -> None:
    """Generated pages exist only in the build: docs/ holds nothing but hand-written files."""
    generated = {
        "einstieg.md",
        "checklisten.md",
        "vorlagen.md",
        "glossar.md",
        "gespraeche",
        "kunden-aufgeben",
    }
    assert generated.isdisjoint(path.name for path in (ROOT / "docs").iterdir())


def test_glossary_terms_explain_themselves_where_they_occur(
    real_site: Path, playbook: Playbook
) -> None:
    """A term used in a chapter carries its one-line explanation as a tooltip."""
    html = chapter_html(real_site, "gespraeche", "drei-wege")
    moscow = next(term for term in playbook.glossary if term.id == "moscow")
    assert f'<abbr title="{moscow.short}">MoSCoW</abbr>' in html


def test_an_options_facts_are_not_numbered_as_its_steps(real_site: Path) -> None:
    """Time frame, success and if-then follow the steps as paragraphs, never as list items."""
    html = chapter_html(real_site, "gespraeche", "drei-wege")
    labels = ("Zeitrahmen:", "Erfolg heißt:", "Wenn … dann:")
    for label in labels:
        assert html.count(f"<p><strong>{label}</strong>") == 3, label
    items = html.split("<li")
    assert not [item for item in items if any(label in item.split("</li>")[0] for label in labels)]
