"""Turn plain YAML text into safe Markdown.

Content authors write plain text. Before it reaches Python-Markdown, every character that
could start markup is neutralised: HTML becomes entities (a ``<script>`` in YAML shows as
text), inline Markdown punctuation is backslash-escaped (no author-made links, so no
``javascript:`` URLs), and line-start markers cannot open lists, headings or admonitions.
The only markup an author gets is ``[[ref]]`` / ``[[ref|label]]``, resolved to checked links.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
_LINE_START = re.compile(r"^(\d+)([.)])|^([#>+\-=!?:])")
_INLINE_REF = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
#: Line breaks and runs of spaces in YAML text; not the non-breaking space, which a rule's
#: figure puts between number and unit ("70\u00a0Punkte") so that the two never part.
_LAYOUT_SPACE = re.compile(r"[ \t\r\n\f\v]+")

#: Resolves a reference to (relative URL, default link text).
Resolver = Callable[[str], tuple[str, str]]


def collapse_spaces(text: str) -> str:
    """Text on one line: line breaks and runs of spaces become one space, NBSP stays."""
    return _LAYOUT_SPACE.sub(" ", text).strip()


def _escape_chars(text: str) -> str:
    escaped = _INLINE_SPECIAL.sub(r"\\\1", text)
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_inline(text: str) -> str:
    """Escape text for use inside a Markdown line (headings, cells, list items)."""
    return _LINE_START.sub(_escape_marker, _escape_chars(collapse_spaces(text)))


def _escape_marker(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"\\{match.group(3)}" if match.group(3) in "#>+-!" else f"&#{ord(match.group(3))};"


def escape_title(text: str) -> Markup:
    """Escape text for a quoted title (admonitions, content tabs)."""
    return Markup(escape_inline(text).replace('"', "&quot;"))


def render_inline(text: str, resolve: Resolver) -> Markup:
    """Escape one line of text and turn ``[[ref|label]]`` into checked Markdown links."""
    collapsed = collapse_spaces(text)
    pieces: list[str] = []
    position = 0
    for match in _INLINE_REF.finditer(collapsed):
        pieces.append(_escape_chars(collapsed[position : match.start()]))
        url, default_label = resolve(match.group(1).strip())
        label = (match.group(2) or "").strip() or default_label
        pieces.append(f"[{_escape_chars(label)}]({url})")
        position = match.end()
    pieces.append(_escape_chars(collapsed[position:]))
    return Markup(_LINE_START.sub(_escape_marker, "".join(pieces)))


def render_paragraphs(text: str, resolve: Resolver) -> Markup:
    """Render multi-paragraph text: blank lines separate paragraphs, line breaks are spaces."""
    paragraphs = [part for part in _PARAGRAPH_BREAK.split(text.strip()) if part.strip()]
    return Markup("\n\n".join(render_inline(paragraph, resolve) for paragraph in paragraphs))
