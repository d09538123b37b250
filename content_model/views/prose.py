"""Content text as Markdown for one page, with ``[[ref]]`` links resolved relative to it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from content_model.loader import Target
from content_model.markdown_text import escape_inline, render_inline, render_paragraphs
from content_model.pages import relative_link


@dataclass(frozen=True)
class Prose:
    """Renders text of the content for the page at ``page_uri``."""

    page_uri: str
    targets: Mapping[str, Target]

    def _resolve(self, ref: str) -> tuple[str, str]:
        target = self.targets[ref]
        return relative_link(self.page_uri, target.uri), target.title

    def paragraphs(self, text: str) -> Markup:
        """Multi-paragraph text: blank lines separate paragraphs."""
        return render_paragraphs(text, self._resolve)

    def line(self, text: str) -> Markup:
        """Text on one line: a list item, a table cell, a bold title."""
        return render_inline(text, self._resolve)

    def link(self, ref: str, label: str | None = None) -> Markup:
        """A Markdown link to ``ref``, named by ``label`` or the target's title."""
        url, title = self._resolve(ref)
        return Markup(f"[{escape_inline(label or title)}]({url})")

    def href(self, uri: str) -> str:
        """A relative link from this page to the source URI ``uri``."""
        return relative_link(self.page_uri, uri)
