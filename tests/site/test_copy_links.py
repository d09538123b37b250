"""The build writes the copy-link control into each heading (content_model/copy_links.py)."""

from __future__ import annotations

import re
from pathlib import Path

from content_model.contract import CONTRACT
from content_model.copy_links import with_copy_controls

PERMALINK = '<a class="headerlink" href="#{0}" title="Direktlink auf diesen Abschnitt">&para;</a>'
CALCULATOR = CONTRACT.calculator.container_attribute


def heading(level: int, anchor: str, text: str) -> str:
    return f'<h{level} id="{anchor}">{text}{PERMALINK.format(anchor)}</h{level}>'


def test_each_heading_gets_a_control_named_after_it_after_its_permalink() -> None:
    page = heading(1, "a", "Kapitel") + heading(2, "b", "Zwei &amp; drei") + "<p>Text</p>"
    result = with_copy_controls(page)
    assert result.count('class="kx-copy-link"') == 2
    assert (
        '<h2 id="b">Zwei &amp; <span class="kx-heading-end">drei'
        + PERMALINK.format("b")
        + '<button type="button" class="kx-copy-link" title="Link kopieren" '
        'aria-label="Link zu „Zwei &amp; drei“ kopieren"></button></span></h2>'
    ) in result


def test_the_last_word_permalink_and_control_are_kept_together() -> None:
    """A word, an element ending the heading, and a heading of one word."""
    glossary = 'Der <abbr title="Fester Termin, feste Runde.">Jour fixe</abbr>'
    page = heading(2, "a", "Warum genau drei Optionen") + heading(3, "b", glossary)
    page += heading(1, "c", "Kapitel")
    result = with_copy_controls(page)
    assert '<h2 id="a">Warum genau drei <span class="kx-heading-end">Optionen<a ' in result
    assert '<h3 id="b">Der <span class="kx-heading-end"><abbr title=' in result
    assert '<h1 id="c"><span class="kx-heading-end">Kapitel<a ' in result
    assert result.count("</button></span></h") == 3


def test_headings_without_an_id_below_h3_or_in_a_calculator_get_none() -> None:
    """The control: each of these differs from a counted heading in one respect only."""
    page = (
        "<h2>Ohne Anker</h2>"
        + heading(4, "d", "Vierte Ebene")
        + f'<div {CALCULATOR}="x"><form>{heading(3, "c", "Im Rechner")}</form></div>'
        + heading(3, "e", "Danach")
    )
    result = with_copy_controls(page)
    assert result.count('class="kx-copy-link"') == 1
    assert 'aria-label="Link zu „Danach“ kopieren"' in result


def test_every_heading_of_a_chapter_has_exactly_one_control(real_site: Path) -> None:
    text = (real_site / "gespraeche" / "drei-wege" / "index.html").read_text(encoding="utf-8")
    article = text[text.index("<article") : text.index("</article>")]
    blocks = [
        match[0] for match in re.finditer(r"<h([1-3]) id=[^>]*>.*?</h\1>", article, re.DOTALL)
    ]
    assert len(blocks) >= 5
    assert all(block.count('class="kx-copy-link"') == 1 for block in blocks)
