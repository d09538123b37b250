"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright against the built site.

The site is served over HTTP on 127.0.0.1 by Python's own server, as any static host would;
Pyodide cannot load from file:// and a service worker needs HTTP.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from benchmarks.static_server import free_port, serve
from tests.site.conftest import ROOT


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site, built for and served on a free port of 127.0.0.1.

    Material's instant navigation only treats links as internal when they match the
    ``site_url`` of the build (its sitemap), so the browser tests build for their own port.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site = tmp_path_factory.mktemp("browser-site") / "site"
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True, site_url=url)
    build(config)
    with serve(site, port=port) as served:
        assert served == url
        yield served
