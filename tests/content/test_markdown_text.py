"""YAML text becomes safe Markdown: no author-made HTML, links or block markup."""

from __future__ import annotations

import markdown
import pytest

from content_model.markdown_text import (
    escape_inline,
    escape_title,
    render_inline,
    render_paragraphs,
)


def resolve(ref: str) -> tuple[str, str]:
    return f"../ziel.md#{ref.partition('#')[2]}", f"Ziel {ref}"


def to_html(text: str) -> str:
    source = str(render_paragraphs(text, resolve))
    return markdown.markdown(source, extensions=["tables", "attr_list", "admonition"])


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ('<img src=x onerror="alert(1)">', '<p>&lt;img src=x onerror="alert(1)"&gt;</p>'),
        ("[klick](javascript:alert(1))", "<p>[klick](javascript:alert(1))</p>"),
        ("*nicht kursiv* und **nicht fett**", "<p>*nicht kursiv* und **nicht fett**</p>"),
        ("# keine Überschrift", "<p># keine Überschrift</p>"),
        ("- keine Liste", "<p>- keine Liste</p>"),
        ("1. keine Liste", "<p>1. keine Liste</p>"),
        ('!!! danger "kein Kasten"', '<p>!!! danger "kein Kasten"</p>'),
        ("Text {: #fremde-id }", "<p>Text {: #fremde-id }</p>"),
        ("A & B", "<p>A &amp; B</p>"),
        ("`kein Code`", "<p>`kein Code`</p>"),
    ],
)
def test_hostile_text_stays_text(text: str, html: str) -> None:
    """HTML, links, emphasis and line-start markers from YAML render literally."""
    assert to_html(text) == html


def test_inline_references_become_links() -> None:
    """[[ref]] uses the target's title, [[ref|label]] the given label, spacing kept."""
    rendered = str(
        render_inline("Siehe [[kap#schritt]] und [[kap#optionen|die Optionen]].", resolve)
    )
    assert rendered == (
        "Siehe [Ziel kap#schritt](../ziel.md#schritt) und [die Optionen](../ziel.md#optionen)."
    )


def test_paragraphs_are_split_on_blank_lines_only() -> None:
    """Single line breaks join, blank lines separate paragraphs."""
    assert to_html("eins\nzwei\n\ndrei") == "<p>eins zwei</p>\n<p>drei</p>"


def test_titles_escape_quotes() -> None:
    """A quote in a title cannot end an admonition title early."""
    assert str(escape_title('Er sagt "nie"')) == "Er sagt &quot;nie&quot;"


def test_a_non_breaking_space_survives_while_line_breaks_collapse() -> None:
    """A rule's figure ("70\u00a0Punkte") keeps number and unit together on the page."""
    rendered = render_inline("ab 70\u00a0Punkte\n  aktiv", lambda ref: ("", ""))
    assert rendered == "ab 70\u00a0Punkte aktiv"
    assert escape_inline(" 60–90\u00a0Tage\n") == "60–90\u00a0Tage"
