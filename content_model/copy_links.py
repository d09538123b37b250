"""The "Link kopieren" control of every chapter, section and step heading, written at build time.

Trainers copy a step's address from the icon button beside its heading (issue 6; the quiet
icon of issue 20). The button used to be added by ``deep-links/deep-links.mjs`` once the page
was shown; on a phone that pushed a long heading onto a second line and everything below
it down (Lighthouse's layout shift), and the insertion cost a restyle of the page. Written
here, it is in place from the first paint. Without JavaScript it has no use, so
``deep-links.css`` hides it while the root still has Material's ``no-js`` class; the module
only handles its clicks.

Headings inside a calculator get none: a calculator's headings are part of its form.

The heading's last word, Material's ¶ and the control are kept on one line
(``HEADING_END_CLASS``, ``white-space: nowrap`` in ``deep-links.css``): a button is a box of
its own, so a browser may start a new line before it, and on a phone a heading that just
filled its line left the icon alone on the next one.
Plain functions of a string, like the page's other finishing steps.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from content_model.contract import CONTRACT

#: The class of the control (deep-links.css draws it, deep-links.mjs handles its clicks).
COPY_CONTROL_CLASS = CONTRACT.deep_link.copy_control_class
#: The wrapper that keeps a heading's last word, its ¶ and the control together (deep-links.css).
HEADING_END_CLASS = "kx-heading-end"
#: The tooltip on pointers that hover; the accessible name also says which heading.
TOOLTIP = "Link kopieren"
HEADING = re.compile(r"h[1-3]")
#: Where the heading's text ends with an element (a glossary term's ``abbr``): its name.
CLOSING_TAG = re.compile(r"</(?P<tag>[a-z][a-z0-9]*)>\Z")
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


def label_for(name: str) -> str:
    """The control's accessible name: which heading's address it copies."""
    return f"Link zu „{name}“ kopieren"


def last_word_start(text: str) -> int:
    """Where the last word of a heading's raw markup ``text`` begins.

    A word ends the text, or an inline element does (then the element is the "word", from its
    start tag); it begins after the last white space or tag before it.
    """
    closing = CLOSING_TAG.search(text)
    if closing:
        start = text.rfind(f"<{closing.group('tag')}", 0, closing.start())
        if start >= 0:
            return start
    return max(text.rfind(mark) for mark in (" ", "\n", "\t", ">")) + 1


def control_for(name: str) -> str:
    """The control's markup for the heading called ``name``."""
    return (
        f'<button type="button" class="{COPY_CONTROL_CLASS}" title="{TOOLTIP}" '
        f'aria-label="{html.escape(label_for(name))}"></button>'
    )


class _Headings(HTMLParser):
    """Where each heading with an id ends, and its text without the permalink sign."""

    def __init__(self, document: str) -> None:
        super().__init__(convert_charrefs=True)
        self.document = document
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", document)]
        self.open: list[tuple[str, bool]] = []  # tag, opens a calculator
        self.heading: list[str] | None = None
        self.text_start = 0  # where the open heading's content begins
        self.text_end: int | None = None  # where its permalink begins
        self.in_permalink = False
        #: Each heading: where its last word begins, where its end tag begins, its name.
        self.found: list[tuple[int, int, str]] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        in_calculator = any(opens for _, opens in self.open)
        if HEADING.fullmatch(tag) and values.get("id") and not in_calculator:
            self.heading = []
            self.text_start = self._offset() + len(self.get_starttag_text() or "")
            self.text_end = None
        if self.heading is not None and tag == "a" and "headerlink" in (values.get("class") or ""):
            self.in_permalink = True
            self.text_end = self._offset()
        if tag not in VOID:
            self.open.append((tag, CONTRACT.calculator.container_attribute in values))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.in_permalink = False
        if self.heading is not None and HEADING.fullmatch(tag):
            end = self._offset()
            text = self.document[self.text_start : end if self.text_end is None else self.text_end]
            word = self.text_start + last_word_start(text)
            self.found.append((word, end, "".join(self.heading).strip()))
            self.heading = None
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def handle_data(self, data: str) -> None:
        if self.heading is not None and not self.in_permalink:
            self.heading.append(data)


def with_copy_controls(document: str) -> str:
    """``document`` with a copy control at the end of each heading with an id (h1 to h3).

    The control shares a line with the heading's last word and its permalink.
    """
    parser = _Headings(document)
    parser.feed(document)
    parser.close()
    for word, end, name in reversed(parser.found):
        document = (
            f'{document[:word]}<span class="{HEADING_END_CLASS}">{document[word:end]}'
            f"{control_for(' '.join(name.split()))}</span>{document[end:]}"
        )
    return document
