"""A calculator result as HTML: one markup for the build's example and for the browser.

A calculator shows a result twice over its life: the example computed at build time stands
in the page's HTML, and every answer in the browser replaces it. Both are written here, by
the same Python, so the two can never differ; the browser only puts the string in place.
Every text is escaped, since results repeat what people typed (contact names, for one).
"""

from __future__ import annotations

from collections.abc import Iterable

from calculators.result import Result

#: ``html.escape`` would import ``html.entities`` (a large table) into the browser's Python.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})

WHAT_IF_TITLE = "Was das Ergebnis ändern würde:"
TABLE_LABEL = "Ergebnistabelle"


def escape(text: str) -> str:
    """``text`` safe inside an element or a quoted attribute."""
    return text.translate(_ESCAPES)


def _list(css_class: str, items: Iterable[str]) -> str:
    lines = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f'<ul class="{css_class}">{lines}</ul>'


def result_html(result: Result) -> str:
    """Verdict, reasons, what would change it, table and filled documents, in that order."""
    parts = [
        f'<p class="kx-verdict kx-tone-{result.tone}"><strong>{escape(result.verdict)}</strong></p>'
    ]
    if result.explanation:
        parts.append(_list("kx-explanation", result.explanation))
    if result.what_if:
        parts.append(f'<p class="kx-what-if-title">{WHAT_IF_TITLE}</p>')
        parts.append(_list("kx-what-if", result.what_if))
    if result.table is not None:
        head = "".join(f'<th scope="col">{escape(column)}</th>' for column in result.table.columns)
        # Each cell carries its column's name, so a narrow result column can show the rows as
        # labelled blocks instead of squeezing every column (calculators.css).
        labels = [escape(column) for column in result.table.columns]
        body = "".join(
            "<tr>"
            + "".join(
                f'<td data-label="{label}">{escape(value)}</td>'
                for label, value in zip(labels, row, strict=False)
            )
            + "</tr>"
            for row in result.table.rows
        )
        # A focusable region: should a table still be too wide, it scrolls inside it, also by
        # keyboard.
        parts.append(
            f'<div class="kx-table-wrapper" role="region" tabindex="0" aria-label="{TABLE_LABEL}">'
            f'<table class="kx-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
            "</div>"
        )
    for document in result.documents:
        parts.append(
            '<div class="kx-document">'
            f'<p class="kx-document-title"><strong>{escape(document.title)}</strong></p>'
            f'<pre class="kx-document-text">{escape(document.text)}</pre>'
            "</div>"
        )
    return "\n".join(parts)
