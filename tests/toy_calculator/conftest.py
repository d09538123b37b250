"""The browser fixtures of tests/browser, so the toy's browser test drives the same Chromium.

Interim: Playwright's sync API allows one running instance per thread, and a fixture
imported here is a second, separate session fixture. Run together with tests/browser in one
session, the second ``sync_playwright()`` fails. The fix is to move ``playwright_instance``,
``browser``, ``context`` and ``page`` from tests/browser/conftest.py to tests/conftest.py
and delete this file.
"""

from __future__ import annotations

from tests.browser.conftest import browser, context, page, playwright_instance

__all__ = ["browser", "context", "page", "playwright_instance"]
