"""Published addresses: which ones the site has now, and whether an address still resolves.

The list of every address ever published lives in ``published_urls.txt`` beside this file.
To register the pages of a fresh build (after adding a chapter), run
``python -m tests.site.published_urls site >> tests/site/published_urls.txt`` and review.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LIST = Path(__file__).with_name("published_urls.txt")
LOC = re.compile(r"<loc>([^<]+)</loc>")
HEADING_ID = re.compile(r'<h[2-6] id="([^"]+)"')
REFRESH = re.compile(r'<meta http-equiv="refresh" content="\d+;\s*url=([^"]+)"')
ELEMENT_ID = re.compile(r'\sid="([^"]+)"')
#: A chain of redirects longer than this is a loop.
MAX_HOPS = 5


def published(path: Path = LIST) -> list[str]:
    """The addresses in the list, relative to the site root.

    The file has one address per line from the site root (``/gespraeche/drei-wege/#schritt``;
    ``/`` is the start page) and ``#`` comment lines.
    """
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line.removeprefix("/") for line in lines if line.startswith("/")]


def page_file(site: Path, path: str) -> Path:
    """The file a static host serves for an address path."""
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def site_pages(site: Path) -> list[str]:
    """The page addresses of a build, from its sitemap, relative to the site root."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    return [urlsplit(url).path.lstrip("/") for url in LOC.findall(sitemap)]


def current_urls(site: Path) -> list[str]:
    """Every page of a build and every heading anchor on it (chapters, sections, steps)."""
    urls = []
    for page in site_pages(site):
        urls.append(page)
        html = page_file(site, page).read_text(encoding="utf-8")
        urls.extend(f"{page}#{anchor}" for anchor in HEADING_ID.findall(html))
    return urls


def resolve(site: Path, url: str) -> str | None:
    """Follow ``url`` through redirect pages as a browser would; ``None`` if it lands, else why.

    A redirect keeps the old fragment unless it names one itself (redirect.js does that).
    """
    path, _, fragment = url.partition("#")
    for _ in range(MAX_HOPS):
        file = page_file(site, path)
        if not file.is_file():
            return f"{url}: keine Seite unter /{path}"
        html = file.read_text(encoding="utf-8")
        forward = REFRESH.search(html)
        if forward is None:
            if fragment and unquote(fragment) not in ELEMENT_ID.findall(html):
                return f"{url}: /{path} hat keinen Anker #{fragment}"
            return None
        target = urlsplit(urljoin(f"/{path}", forward.group(1)))
        path, fragment = target.path.lstrip("/"), target.fragment or fragment
    return f"{url}: mehr als {MAX_HOPS} Weiterleitungen hintereinander"


if __name__ == "__main__":
    known = set(published())
    for address in current_urls(Path(sys.argv[1] if len(sys.argv) > 1 else "site")):
        if address not in known:
            print(f"/{address}")
