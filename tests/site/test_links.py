"""Every same-origin link and fragment in the built site resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit


class LinkCollector(HTMLParser):
    """Element ids and outgoing references of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.references: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if values.get("name") and tag == "a":
            self.ids.add(str(values["name"]))
        for attribute in ("href", "src"):
            value = values.get(attribute)
            if value and not (tag == "link" and values.get("rel") == "canonical"):
                self.references.append(value)


def parse(page: Path) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector


def target_file(site: Path, page: Path, path: str) -> Path:
    """The file a link's path points to, as a static server would serve it."""
    if not path:
        return page
    base = [] if path.startswith("/") else list(page.relative_to(site).parent.parts)
    for part in PurePosixPath(unquote(path)).parts:
        if part == "..":
            base = base[:-1]
        elif part not in ("/", "."):
            base.append(part)
    candidate = site.joinpath(*base)
    return candidate / "index.html" if candidate.is_dir() else candidate


def broken_links(real_site: Path) -> tuple[int, list[str]]:
    """How many internal references were checked, and which of them are broken."""
    pages = sorted(real_site.rglob("*.html"))
    parsed = {page: parse(page) for page in pages}
    broken: list[str] = []
    checked = 0
    for page, collector in parsed.items():
        for reference in collector.references:
            parts = urlsplit(reference)
            if parts.scheme or parts.netloc or reference.startswith(("mailto:", "data:", "blob:")):
                continue
            target = target_file(real_site, page, parts.path)
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(real_site)} → {reference}")
                continue
            fragment = unquote(parts.fragment).split(":", 1)[0]  # calculator links carry values
            if fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if fragment not in ids:
                    broken.append(
                        f"{page.relative_to(real_site)} → {reference} (no id {fragment!r})"
                    )
    return checked, broken


def test_every_internal_link_and_fragment_resolves(real_site: Path) -> None:
    checked, broken = broken_links(real_site)
    assert checked > 500
    assert broken == []


def test_the_checker_finds_a_missing_page_and_a_missing_anchor(tmp_path: Path) -> None:
    """Negative control: a tiny site with one good and two broken links."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="da">x</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/#da">ok</a><a href="a/#fehlt">x</a><a href="b/">x</a>', encoding="utf-8"
    )
    checked, broken = broken_links(tmp_path)
    assert checked == 3
    assert broken == ["index.html → a/#fehlt (no id 'fehlt')", "index.html → b/"]
