"""Where each generated page lives, and how references become relative links.

Chapter pages live under their part (``gespraeche/lage-klaeren.md``) so URLs read well in
a workshop; anchors are the YAML ids, so a renamed heading keeps its links.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the loader checks redirects against these addresses, so no runtime import
    from content_model.loader import Playbook, Target

SPECIAL_PAGE_URIS: dict[str, str] = {
    "einstieg": "einstieg.md",
    "checklisten": "checklisten.md",
    "vorlagen": "vorlagen.md",
    "glossar": "glossar.md",
    "rechner": "rechner.md",
    "workshop": "workshop.md",
}


def chapter_uri(part_id: str, chapter_id: str) -> str:
    """Source URI of a chapter page."""
    return f"{part_id}/{chapter_id}.md"


def part_uri(part_id: str) -> str:
    """Source URI of a part's overview page."""
    return f"{part_id}/index.md"


def target_uri(playbook: Playbook, target: Target) -> str:
    """Source URI (with fragment) a reference target lands on."""
    if target.page in SPECIAL_PAGE_URIS:
        uri = SPECIAL_PAGE_URIS[target.page]
    elif any(part.id == target.page for part in playbook.parts):
        uri = part_uri(target.page)
    else:
        chapter = playbook.chapter_by_id[target.page]
        uri = chapter_uri(chapter.part, chapter.id)
    return f"{uri}#{target.anchor}" if target.anchor else uri


def page_url(uri: str) -> str:
    """The published address of a source URI (with fragment), relative to the site root.

    ``gespraeche/lage-klaeren.md#x`` -> ``gespraeche/lage-klaeren/#x``, as MkDocs writes pages
    with directory URLs; ``gespraeche/index.md`` -> ``gespraeche/``.
    """
    path, _, fragment = uri.partition("#")
    stem = path.removesuffix(".md")
    if stem == "index":
        url = ""
    elif stem.endswith("/index"):
        url = stem.removesuffix("index")
    else:
        url = f"{stem}/"
    return f"{url}#{fragment}" if fragment else url


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one published page address to another (both relative to the site root).

    Written into raw HTML (the workshop page, redirect pages), where MkDocs rewrites nothing.
    """
    path, _, fragment = to_url.partition("#")
    start = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    relative = posixpath.relpath(path.rstrip("/") or ".", start.rstrip("/") or ".")
    if not path or path.endswith("/"):
        relative = "./" if relative == "." else f"{relative}/"
    return f"{relative}#{fragment}" if fragment else relative


def relative_link(from_uri: str, to_uri: str) -> str:
    """Relative Markdown link between two source URIs, as MkDocs validates and rewrites them."""
    path, _, fragment = to_uri.partition("#")
    if path == from_uri and fragment:
        return f"#{fragment}"
    relative = posixpath.relpath(path, posixpath.dirname(from_uri) or ".")
    return f"{relative}#{fragment}" if fragment else relative
