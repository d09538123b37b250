"""Fixtures shared by the site and the browser tests (and the toy calculator's browser test)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from benchmarks.chromium import launch
from tests.site.conftest import ROOT, build_project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real playbook, built once per test session."""
    return build_project(ROOT, tmp_path_factory.mktemp("site") / "site")


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
