"""The "Link kopieren" control of every chapter, section and step heading, written at build time.

Trainers copy a step's address from the icon button beside its heading (issue 6; the quiet
icon of issue 20). The button used to be added by ``deep-links/deep-links.mjs`` once the page
was shown; on a phone that pushed a long heading onto a second line and everything below
it down (Lighthouse's layout shift), and the insertion cost a restyle of the page. Written
here, it is in place from the first paint. Without JavaScript it has no use, so
``deep-links.css`` hides it while the root still has Material's ``no-js`` class; the module
only handles its clicks.

Headings inside a calculator get none: a calculator's headings are part of its form.
Plain functions of a string, like the page's other finishing steps.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from content_model.contract import CONTRACT

#: The class of the control (deep-links.css draws it, deep-links.mjs handles its clicks).
COPY_CONTROL_CLASS = CONTRACT.deep_link.copy_control_class
#: The tooltip on pointers that hover; the accessible name also says which heading.
TOOLTIP = "Link kopieren"
HEADING = re.compile(r"h[1-3]")
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


def label_for(name: str) -> str:
    """The control's accessible name: which heading's address it copies."""
    return f"Link zu „{name}“ kopieren"


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
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", document)]
        self.open: list[tuple[str, bool]] = []  # tag, opens a calculator
        self.heading: list[str] | None = None
        self.in_permalink = False
        self.found: list[tuple[int, str]] = []  # offset of the heading's end tag, its name

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        in_calculator = any(opens for _, opens in self.open)
        if HEADING.fullmatch(tag) and values.get("id") and not in_calculator:
            self.heading = []
        if self.heading is not None and tag == "a" and "headerlink" in (values.get("class") or ""):
            self.in_permalink = True
        if tag not in VOID:
            self.open.append((tag, CONTRACT.calculator.container_attribute in values))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.in_permalink = False
        if self.heading is not None and HEADING.fullmatch(tag):
            self.found.append((self._offset(), "".join(self.heading).strip()))
            self.heading = None
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def handle_data(self, data: str) -> None:
        if self.heading is not None and not self.in_permalink:
            self.heading.append(data)


def with_copy_controls(document: str) -> str:
    """``document`` with a copy control at the end of each heading with an id (h1 to h3)."""
    parser = _Headings(document)
    parser.feed(document)
    parser.close()
    for offset, name in reversed(parser.found):
        document = document[:offset] + control_for(" ".join(name.split())) + document[offset:]
    return document
