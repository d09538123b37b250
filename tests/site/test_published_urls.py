"""Every address ever published still leads to its content: pages, sections and steps."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.site.conftest import build_project
from tests.site.published_urls import current_urls, published, resolve, site_pages


def test_the_list_holds_pages_and_their_steps() -> None:
    addresses = published()
    assert len(addresses) == len(set(addresses)), "doppelte Zeilen"
    assert "gespraeche/drei-wege/" in addresses
    assert any(address.startswith("gespraeche/drei-wege/#") for address in addresses)
    assert "score/" in addresses  # a declared short address is published, too


def test_every_published_address_still_resolves(real_site: Path) -> None:
    problems = [problem for url in published() if (problem := resolve(real_site, url))]
    assert not problems, "\n".join(problems)


def test_every_page_of_this_build_is_in_the_list(real_site: Path) -> None:
    """A new page is registered once it exists, so it is protected from then on."""
    missing = sorted(set(site_pages(real_site)) - set(published()))
    assert not missing, (
        "Neue Seiten, bitte in tests/site/published_urls.txt aufnehmen "
        "(python -m tests.site.published_urls <site>):\n" + "\n".join(missing)
    )


def test_the_check_catches_a_moved_chapter_without_redirect(
    real_site: Path, tmp_path: Path
) -> None:
    """Negative control: a chapter page gone, an anchor gone and a redirect loop are reported."""
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    shutil.rmtree(site / "gespraeche" / "drei-wege")
    chapter = site / "gespraeche" / "lage-klaeren" / "index.html"
    html = chapter.read_text(encoding="utf-8")
    anchor = next(
        url for url in current_urls(real_site) if url.startswith("gespraeche/lage-klaeren/#")
    )
    fragment = anchor.partition("#")[2]
    chapter.write_text(html.replace(f'id="{fragment}"', 'id="umbenannt"'), encoding="utf-8")
    loop = site / "schleife" / "index.html"
    loop.parent.mkdir()
    loop.write_text('<meta http-equiv="refresh" content="0; url=./">', encoding="utf-8")
    assert (
        resolve(site, "gespraeche/drei-wege/")
        == "gespraeche/drei-wege/: keine Seite unter /gespraeche/drei-wege/"
    )
    assert (
        resolve(site, anchor) == f"{anchor}: /gespraeche/lage-klaeren/ hat keinen Anker #{fragment}"
    )
    assert resolve(site, "schleife/") == "schleife/: mehr als 5 Weiterleitungen hintereinander"
    assert resolve(real_site, anchor) is None


def test_a_redirect_keeps_the_step_of_an_old_deep_link(real_site: Path) -> None:
    """score/#... forwards to the chapter and keeps the anchor; ampel/ lands on its section."""
    assert resolve(real_site, "ampel/") is None
    step = next(
        url
        for url in current_urls(real_site)
        if url.startswith("kunden-aufgeben/qualifizierungs-score/#")
    )
    assert resolve(real_site, "score/#" + step.partition("#")[2]) is None
    assert resolve(real_site, "score/#gibt-es-nicht") is not None


def test_a_renamed_heading_keeps_its_anchor(fixture_project: Path, tmp_path: Path) -> None:
    """Anchors are YAML ids: a new heading text changes nothing in the address."""
    chapter = fixture_project / "content" / "chapters" / "alle-bausteine.yml"
    text = chapter.read_text(encoding="utf-8")
    assert "title: Senden" in text
    chapter.write_text(
        text.replace("title: Senden", "title: Abschicken und nachfassen", 1), encoding="utf-8"
    )
    site = build_project(fixture_project, tmp_path / "site")
    html = (site / "teil-eins" / "alle-bausteine" / "index.html").read_text(encoding="utf-8")
    assert 'id="schritt-senden"' in html
    assert "Abschicken und nachfassen" in html
    assert resolve(site, "teil-eins/alle-bausteine/#schritt-senden") is None
