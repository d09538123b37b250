"""One style sheet for the site's own styles, joined at build time from the feature sheets.

Each feature keeps its styles beside its scripts (``docs/assets/klartext/<feature>/*.css``)
and ``mkdocs.yml`` lists them in ``extra_css`` in cascade order. Published one by one, they
were 13 render-blocking requests on every page: on a slow mobile link each round of requests
delays the first paint (Lighthouse, issue 20). The build joins them, in the listed order,
into ``SITE_STYLESHEET_URI``; the feature files themselves are not published.

Only sheets under ``FEATURE_FOLDER`` that exist in ``docs/`` are joined. Generated ones (the
team's colours, ``content_model.team``) stay separate and after the joined sheet, so they
still override it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: Where the site's own assets live (under ``docs/``).
FEATURE_FOLDER = "assets/klartext/"
#: The joined style sheet every page links.
SITE_STYLESHEET_URI = "assets/klartext/site.css"


@dataclass(frozen=True)
class Bundle:
    """Which listed sheets are joined, and the ``extra_css`` list that links the result."""

    sources: tuple[str, ...]
    extra_css: tuple[str, ...]


def plan(extra_css: Sequence[str], docs_dir: Path) -> Bundle:
    """Replace the feature sheets of ``extra_css`` by the joined sheet, where the first was.

    Entries outside ``FEATURE_FOLDER``, generated ones (not in ``docs_dir``) and the joined
    sheet itself (a second run of the same settings) are kept as they are.
    """
    sources: list[str] = []
    linked: list[str] = []
    for uri in extra_css:
        joinable = uri.startswith(FEATURE_FOLDER) and (docs_dir / uri).is_file()
        if uri == SITE_STYLESHEET_URI or not joinable:
            if uri not in linked:
                linked.append(uri)
            continue
        if not sources and SITE_STYLESHEET_URI not in linked:
            linked.append(SITE_STYLESHEET_URI)
        sources.append(uri)
    return Bundle(tuple(sources), tuple(linked))


def joined(docs_dir: Path, sources: Sequence[str]) -> str:
    """The sheets' text in cascade order, each under a comment naming its file."""
    parts = []
    for uri in sources:
        text = (docs_dir / uri).read_text(encoding="utf-8").strip()
        parts.append(f"/* {uri.removeprefix(FEATURE_FOLDER)} */\n{text}\n")
    return "\n".join(parts)
