"""Installable and described: the web app manifest, its icons and each page's description.

The manifest names the site, starts and stays where it is published (relative addresses, so
any sub-path works), and carries the team's colour; its PNG icons are drawn at build time
from one SVG; every page links it and has a description of its own that fits a search
result; the offline copy precaches all of it.
"""

from __future__ import annotations

import html
import io
import json
import re
import struct
from pathlib import Path

import pytest
from PIL import Image

from content_model.contract import CONTRACT
from content_model.icon_raster import IconSourceError, parse
from content_model.manifest import ManifestError, icon_colors, primary_hex
from content_model.offline import precache_urls
from content_model.page_descriptions import MAX_LENGTH, shortened
from tests.site.conftest import build_project

NAMES = CONTRACT.manifest
PNG_SIZES = {
    NAMES.icon_192_uri: 192,
    NAMES.icon_512_uri: 512,
    NAMES.icon_maskable_uri: 512,
    NAMES.apple_touch_icon_uri: 180,
}
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header; a file that is no PNG fails here."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def descriptions(site: Path) -> dict[str, str]:
    """Each page's description meta (pages of the theme; redirects have none)."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        text = path.read_text(encoding="utf-8")
        if 'rel="manifest"' not in text:
            continue
        matches = DESCRIPTION.findall(text)
        assert len(matches) == 1, f"{path}: {len(matches)} description(s)"
        found[path.relative_to(site).as_posix()] = html.unescape(matches[0])
    return found


def description_problems(found: dict[str, str], site_description: str) -> list[str]:
    """Pages whose description is missing, too long, or the site's general one."""
    problems = []
    for page, text in found.items():
        if not text.strip():
            problems.append(f"{page}: empty")
        elif len(text) > MAX_LENGTH:
            problems.append(f"{page}: {len(text)} characters")
        elif text == site_description and page != "index.html":
            problems.append(f"{page}: only the site's description")
    return problems


def test_the_manifest_names_the_site_and_stays_relative(real_site: Path) -> None:
    manifest = json.loads((real_site / NAMES.manifest_uri).read_text(encoding="utf-8"))
    assert manifest["name"] == "Klartext"
    assert manifest["short_name"] == "Klartext"
    assert manifest["lang"] == "de"
    assert manifest["start_url"] == manifest["scope"] == manifest["id"] == "./"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#4051b5"  # Material's indigo, the default palette
    assert manifest["background_color"] == "#ffffff"
    purposes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= purposes
    for icon in manifest["icons"]:
        assert not icon["src"].startswith(("/", "http")), icon
        assert (real_site / icon["src"]).is_file(), icon


def test_the_icons_are_pngs_of_their_size_in_the_theme_colour(real_site: Path) -> None:
    for uri, size in PNG_SIZES.items():
        data = (real_site / uri).read_bytes()
        assert png_size(data) == (size, size), uri
        image = Image.open(io.BytesIO(data)).convert("RGBA")
        assert image.getpixel((size // 2, size * 9 // 10)) == (0x40, 0x51, 0xB5, 255), uri
        # Inside the speech bubble, left of the lines of text: the contrasting white.
        assert image.getpixel((size * 24 // 100, size * 30 // 100)) == (255, 255, 255, 255), uri
    rounded = Image.open(real_site / NAMES.icon_512_uri).convert("RGBA")
    maskable = Image.open(real_site / NAMES.icon_maskable_uri).convert("RGBA")
    assert rounded.getpixel((0, 0))[3] == 0, "the 'any' icon has rounded, clear corners"
    assert maskable.getpixel((0, 0)) == (0x40, 0x51, 0xB5, 255), "maskable icons fill the square"
    svg = (real_site / NAMES.icon_svg_uri).read_text(encoding="utf-8")
    assert 'fill="#4051b5"' in svg
    assert 'fill="#ffffff"' in svg


def test_the_png_check_finds_a_wrong_size_and_a_non_png() -> None:
    """Negative control for png_size."""
    with pytest.raises(AssertionError, match="not a PNG"):
        png_size(b"<svg/>" + bytes(30))
    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">II", 96, 96)
    assert png_size(header) != (192, 192)


def test_every_page_links_manifest_icon_and_theme_colour(real_site: Path) -> None:
    pages = [
        p for p in real_site.rglob("index.html") if "data-md-component" in p.read_text("utf-8")
    ]
    assert len(pages) > 20
    for path in pages:
        text = path.read_text(encoding="utf-8")
        depth = len(path.relative_to(real_site).parts) - 1
        up = "../" * depth
        assert f'<link rel="manifest" href="{up}{NAMES.manifest_uri}">' in text, path
        assert f'<link rel="apple-touch-icon" href="{up}{NAMES.apple_touch_icon_uri}">' in text
        assert '<meta name="theme-color" content="#4051b5">' in text, path


def test_every_page_has_its_own_short_description(real_site: Path) -> None:
    found = descriptions(real_site)
    assert len(found) > 20
    general = "Vertriebs-Playbook für heikle Kundengespräche und faire Entscheidungen über Kunden"
    assert description_problems(found, general) == []
    chapters = [text for page, text in found.items() if page.count("/") == 2]
    assert len(set(chapters)) == len(chapters), "two chapters share a description"
    assert found["gespraeche/drei-wege/index.html"].startswith("Sie legen genau drei")


def test_the_description_check_finds_planted_defects() -> None:
    """Negative control: a long, an empty and a general description are each reported."""
    planted = {"a/index.html": "x " * 100, "b/index.html": " ", "c/index.html": "Allgemein"}
    problems = description_problems(planted, "Allgemein")
    assert [problem.split(":")[0] for problem in problems] == list(planted)


def test_long_summaries_are_cut_after_a_sentence_or_a_word() -> None:
    sentence = "Ein Satz mit genau so vielen Wörtern, dass er mehr als hundert Zeichen lang wird und trotzdem passt."
    assert shortened(f"{sentence} Noch einer, {'viel zu lang, ' * 6}.") == sentence
    cut = shortened("Wort " * 60)
    assert len(cut) <= MAX_LENGTH
    assert cut.endswith("Wort…")


def test_the_offline_copy_precaches_manifest_and_icons(real_site: Path) -> None:
    worker = (real_site / CONTRACT.offline.service_worker_uri).read_text(encoding="utf-8")
    for uri in (NAMES.manifest_uri, NAMES.icon_svg_uri, *PNG_SIZES):
        assert f'"{uri}"' in worker, uri


def test_named_and_hex_colours_become_the_theme_colour() -> None:
    palette = (
        "[data-md-color-primary=teal]{--md-primary-fg-color:#009485;}"
        "[data-md-color-primary=black]{--md-primary-fg-color:hsla(var(--md-hue), 15%, 9%, 1);}"
    )
    assert primary_hex("teal", palette) == "#009485"
    assert primary_hex("#1F6F5C", palette) == "#1f6f5c"
    assert primary_hex("black", palette) == "#14151a"
    with pytest.raises(ManifestError, match="indigo"):
        primary_hex("indigo", palette)
    assert icon_colors("#f5d90a")["foreground"] == (0, 0, 0), "dark text on yellow"
    assert icon_colors("#1f6f5c")["foreground"] == (255, 255, 255)


def test_a_team_colour_reaches_manifest_and_icons(fixture_project: Path, tmp_path: Path) -> None:
    (fixture_project / "content" / "team.yml").write_text(
        'name: Vertrieb Nord\ncolors:\n  primary: "#1f6f5c"\n', encoding="utf-8"
    )
    site = build_project(fixture_project, tmp_path / "site")
    manifest = json.loads((site / NAMES.manifest_uri).read_text(encoding="utf-8"))
    assert manifest["name"] == "Klartext – Vertrieb Nord"
    assert manifest["short_name"] == "Klartext"
    assert manifest["theme_color"] == "#1f6f5c"
    image = Image.open(site / NAMES.icon_maskable_uri).convert("RGBA")
    assert image.getpixel((5, 5)) == (0x1F, 0x6F, 0x5C, 255)
    page = (site / "index.html").read_text(encoding="utf-8")
    assert '<meta name="theme-color" content="#1f6f5c">' in page


def test_the_icon_source_may_only_use_what_is_drawn() -> None:
    """Negative control: a shape the drawing code does not know stops the build."""
    with pytest.raises(IconSourceError, match="circle"):
        parse('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle r="4"/></svg>')
    with pytest.raises(IconSourceError, match="viewBox"):
        parse('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"></svg>')


def served_bytes(site: Path, uris: list[str]) -> int:
    """What the files weigh as a host sends them: the brotli copy where there is one."""
    total = 0
    for uri in uris:
        path = site / uri
        copy = path.with_name(path.name + ".br")
        total += (copy if copy.is_file() else path).stat().st_size
    return total


#: The manifest and all icons add at most this to the first visit (it stays within 4 MB).
INSTALLABLE_BUDGET = 40_000


def test_manifest_and_icons_add_little_to_the_first_visit(real_site: Path, tmp_path: Path) -> None:
    uris = [NAMES.manifest_uri, NAMES.icon_svg_uri, *PNG_SIZES]
    assert served_bytes(real_site, uris) <= INSTALLABLE_BUDGET
    # Negative control: a planted heavy icon breaks the budget.
    (tmp_path / "icon.png").write_bytes(bytes(INSTALLABLE_BUDGET + 1))
    assert served_bytes(tmp_path, ["icon.png"]) > INSTALLABLE_BUDGET


def test_source_maps_stay_out_of_the_offline_copy(real_site: Path, tmp_path: Path) -> None:
    worker = (real_site / CONTRACT.offline.service_worker_uri).read_text(encoding="utf-8")
    assert '.map"' not in worker
    assert '"assets/javascripts/' in worker
    # Negative control: beside a script, its map is left out and the script is not.
    (tmp_path / "bundle.js").write_text("x", encoding="utf-8")
    (tmp_path / "bundle.js.map").write_text("{}", encoding="utf-8")
    assert precache_urls(tmp_path) == ["bundle.js"]
