"""Render the validated playbook into Markdown pages: site map -> views -> templates.

Every page of the site map gets its view (``content_model.views``), then its template lays the
view out. Templates receive prepared data only, so the environments are made once per
process (``content_model.templating``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from content_model.loader import Playbook
from content_model.markdown_text import collapse_spaces
from content_model.templating import html_environment, markdown_environment
from content_model.views.pages import SiteViews


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, its metadata for the theme and its Markdown.

    ``markdown`` starts with ``meta`` as YAML front matter when there is any, so MkDocs hands
    it to the theme as ``page.meta``.
    """

    src_uri: str
    meta: dict[str, object]
    markdown: str


def front_matter(meta: dict[str, object]) -> str:
    """``meta`` as YAML front matter (JSON values are YAML), or nothing."""
    if not meta:
        return ""
    lines = "".join(f"{key}: {json.dumps(value)}\n" for key, value in meta.items())
    return f"---\n{lines}---\n\n"


def render_pages(playbook: Playbook, templates: Path, site_url: str | None = None) -> list[Page]:
    """Every generated page of the site, in navigation order.

    ``site_url`` (``mkdocs.yml``) makes the workshop page's QR codes full addresses.
    """
    markdown = markdown_environment(templates)
    views = SiteViews(playbook, html_environment(templates), site_url)
    pages = []
    for page in playbook.pages:
        body = markdown.get_template(page.template).render(page=views.view(page))
        meta = views.meta(page)
        pages.append(Page(page.uri, meta, front_matter(meta) + body))
    return pages


def glossary_abbreviations(playbook: Playbook) -> str:
    """Markdown abbreviation definitions, so glossary terms explain themselves where they occur.

    The key is the term up to a comma or parenthesis ("LTV, Customer Lifetime Value" -> "LTV");
    the tooltip is the term's one-line ``short`` text.
    """
    lines = []
    for term in playbook.glossary:
        key = re.split(r",| \(", term.term, maxsplit=1)[0].strip()
        short = collapse_spaces(term.short)
        lines.append(f"*[{key}]: {short}")
    return "\n".join(lines)
