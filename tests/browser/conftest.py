"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright against the built site.

The site is served over HTTP on 127.0.0.1 by Python's own server, as any static host would;
Pyodide cannot load from file:// and a service worker needs HTTP.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from benchmarks.chromium import launch
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


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    """Playwright itself (its driver), without any downloaded browser."""
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    """Debian's Chromium with the flags this machine needs."""
    browser = launch(playwright_instance)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh profile per test: no cache, no service worker, no storage carried over."""
    context = browser.new_context(locale="de-DE")
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A page whose requests to other hosts fail the test (see test_privacy)."""
    return context.new_page()
