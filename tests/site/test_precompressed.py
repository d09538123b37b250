"""Precompressed copies: what the build writes and what a host that honours them sends."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

import brotli

from benchmarks.static_server import serve
from bundler.precompress import MIN_SIZE, precompress_site


def fetch(url: str, encoding: str | None) -> tuple[dict[str, str], bytes]:
    """Headers and raw body of a GET, asking for ``encoding`` (or none)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding or "identity"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return dict(response.headers.items()), response.read()


def test_large_assets_have_both_copies_with_the_same_content(real_site: Path) -> None:
    wasm = real_site / "assets" / "pyodide" / "pyodide.asm.wasm"
    original = wasm.read_bytes()
    assert brotli.decompress(wasm.with_name(wasm.name + ".br").read_bytes()) == original
    assert gzip.decompress(wasm.with_name(wasm.name + ".gz").read_bytes()) == original
    pages = [page for page in real_site.rglob("index.html") if page.stat().st_size >= MIN_SIZE]
    assert pages
    for page in pages:
        assert page.with_name("index.html.br").is_file(), page


def test_small_files_and_copies_get_no_copies(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "tiny.js").write_text("x", encoding="utf-8")
    (site / "page.html").write_text("<p>Klartext</p>\n" * MIN_SIZE, encoding="utf-8")
    (site / "image.png").write_bytes(b"\x89PNG" * MIN_SIZE)
    precompress_site(site, tmp_path / "cache")
    names = sorted(path.name for path in site.iterdir())
    assert names == ["image.png", "page.html", "page.html.br", "page.html.gz", "tiny.js"]
    first = (site / "page.html.gz").read_bytes()
    precompress_site(site, tmp_path / "cache")  # a rebuild writes the same bytes
    assert (site / "page.html.gz").read_bytes() == first
    assert not (site / "page.html.gz.gz").exists()


def test_the_server_sends_a_copy_only_to_browsers_that_accept_it(real_site: Path) -> None:
    original = (real_site / "assets" / "pyodide" / "pyodide.asm.wasm").read_bytes()
    with serve(real_site) as url:
        target = f"{url}assets/pyodide/pyodide.asm.wasm"
        headers, body = fetch(target, "gzip, deflate, br")
        assert headers["Content-Encoding"] == "br"
        assert headers["Content-Type"] == "application/wasm"
        assert brotli.decompress(body) == original
        headers, body = fetch(target, "gzip")
        assert headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body) == original
        headers, body = fetch(target, None)
        assert "Content-Encoding" not in headers
        assert body == original
        headers, body = fetch(url, "br")  # a folder URL serves its index.html's copy
        assert headers["Content-Type"].startswith("text/html")
        assert b"<html" in brotli.decompress(body)
