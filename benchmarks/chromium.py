"""Debian's Chromium, launched by Playwright the way this machine needs it.

No browser is downloaded (``playwright install`` is never run): Playwright drives
``/usr/bin/chromium``. Without the background-networking flags Chromium keeps trying hosts
that the closed network refuses.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Playwright

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


def launch(playwright: Playwright) -> Browser:
    """Start Chromium headless with the required flags."""
    if not CHROMIUM.is_file():
        raise RuntimeError("Chromium fehlt: `make chromium` installiert Debians Paket")
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_FLAGS)
    )
