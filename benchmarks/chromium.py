"""Debian's Chromium, launched by Playwright the way this machine needs it.

No browser is downloaded (``playwright install`` is never run): Playwright drives
``/usr/bin/chromium``. Without the background-networking flags Chromium keeps trying hosts
that the closed network refuses.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def launch_options() -> dict[str, Any]:
    """Debian's Chromium, headless, with the required flags (it must be installed)."""
    if not CHROMIUM.is_file():
        raise RuntimeError("Chromium fehlt: `make chromium` installiert Debians Paket")
    return {"executable_path": str(CHROMIUM), "headless": True, "args": list(CHROMIUM_FLAGS)}


def launch(playwright: Playwright) -> Browser:
    """Start Chromium headless with the required flags."""
    return playwright.chromium.launch(**launch_options())


@contextmanager
def fresh_profile(playwright: Playwright) -> Iterator[BrowserContext]:
    """A new, empty on-disk profile: a first visit as a new reader's browser makes it.

    A profile on disk keeps what a reader's browser keeps between visits: the HTTP cache,
    Cache Storage and the compiled-code cache. Playwright's ``new_context()`` is an
    incognito-like profile in memory, which has no code cache, so its second visits are
    slower than a real browser's, for stock Pyodide as for ours.
    """
    options = launch_options()
    with tempfile.TemporaryDirectory(prefix="klartext-profile-") as directory:
        context = playwright.chromium.launch_persistent_context(directory, **options)
        try:
            yield context
        finally:
            context.close()
