"""The built site is valid HTML by the W3C Nu HTML Checker (npm ``vnu-jar``, run by Java).

The repairs to Material's markup (``content_model.theme_markup``) are checked here too: they
must apply exactly once per page, and a page without the markup they expect stops the build
with a message instead of shipping the old defect.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from benchmarks.html_check import check
from content_model.theme_markup import (
    REPAIRS,
    STYLESHEET_LINK,
    MarkupChangedError,
    repaired,
)


def test_the_whole_built_site_has_no_html_errors(real_site: Path) -> None:
    errors = check(real_site)
    assert errors == [], "\n".join(str(error) for error in errors)


def test_the_checker_reports_planted_errors_with_their_page(
    real_site: Path, tmp_path: Path
) -> None:
    """Negative control: the defects this issue removed are reported again when planted."""
    site = tmp_path / "site"
    (site / "kaputt").mkdir(parents=True)
    chapter = (real_site / "gespraeche" / "drei-wege" / "index.html").read_text(encoding="utf-8")
    planted = chapter.replace('id="__drawer">', 'id="__drawer" autocomplete="off">', 1).replace(
        "</article>",
        '<p><div class="kx-checklist-tools"></div></p>'
        '<pre aria-labelledby="x">Text</pre><h6 id="x">Zu tief</h6></article>',
        1,
    )
    assert planted != chapter
    (site / "kaputt" / "index.html").write_text(planted, encoding="utf-8")
    shutil.copy(real_site / "index.html", site / "index.html")
    errors = check(site)
    assert {error.page for error in errors} == {"kaputt/index.html"}
    messages = " ".join(error.message for error in errors)
    assert "autocomplete" in messages
    assert "No “p” element in scope" in messages
    assert "aria-labelledby" in messages
    assert "skipping" in messages


def test_every_page_carries_the_repaired_theme_markup(real_site: Path) -> None:
    pages = sorted(real_site.rglob("*.html"))
    themed = [page for page in pages if 'data-md-component="search"' in page.read_text("utf-8")]
    assert len(themed) > 10
    for page in themed:
        text = page.read_text(encoding="utf-8")
        assert 'role="dialog" aria-label="Suche"' in text, page
        assert 'type="checkbox" id="__search" autocomplete' not in text, page
        head = text.partition("</head>")[0]
        links = re.findall(r"<link rel=\"stylesheet\"[^>]*>", head)
        assert len(links) >= 3, page  # Material's two sheets and ours
        assert all('blocking="render"' in link for link in links), page
        # The early head script comes before the first sheet, so it sees every link arrive.
        assert head.index('className = "js js-focus-visible"') < head.index(links[0]), page


#: Markup with every string a change expects: a head with a style sheet, then the body.
THEMED = f'<head>{STYLESHEET_LINK}"a.css"></head><body>{STYLESHEET_LINK}"b.css"> ' + " ".join(
    repair.find for repair in REPAIRS
)


def test_style_sheet_links_of_the_head_only_are_marked_render_blocking() -> None:
    head, _, body = repaired(THEMED).partition("</head>")
    assert '<link rel="stylesheet" blocking="render" href="a.css">' in head
    assert f'{STYLESHEET_LINK}"b.css">' in body


def test_a_changed_theme_markup_stops_the_repair() -> None:
    """Negative control: markup without the expected strings is an error, not a silent pass."""
    assert all(repair.find not in repaired(THEMED) for repair in REPAIRS)
    for missing in REPAIRS:
        with pytest.raises(MarkupChangedError, match="changed"):
            repaired(THEMED.replace(missing.find, ""))
    with pytest.raises(MarkupChangedError, match="render-blocking"):
        repaired(THEMED.replace(f'{STYLESHEET_LINK}"a.css">', ""))
