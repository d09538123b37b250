"""Page addresses: where a chapter or part page lives, and links between addresses.

Chapter pages live under their part (``gespraeche/lage-klaeren.md``) so URLs read well in
a workshop; anchors are the YAML ids, so a renamed heading keeps its links. Which pages exist
is the site map's business (``content_model.site_map``); this module only does the address
arithmetic, on plain strings.
"""

from __future__ import annotations

import posixpath


def chapter_uri(part_id: str, chapter_id: str) -> str:
    """Source URI of a chapter page."""
    return f"{part_id}/{chapter_id}.md"


def part_uri(part_id: str) -> str:
    """Source URI of a part's overview page."""
    return f"{part_id}/index.md"


def with_fragment(uri: str, fragment: str | None) -> str:
    """``uri`` pointing at ``fragment`` (an anchor on that page), if there is one."""
    return f"{uri}#{fragment}" if fragment else uri


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
