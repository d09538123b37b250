"""Chromium accepts the playbook as an installable app (home screen on a phone).

Chromium's own check (``Page.getInstallabilityErrors``) reads the manifest, fetches its
icons and reports what is missing. It runs in a fresh on-disk profile: an in-memory one is
"incognito", which Chromium never installs from. A copy of the start page that links a
manifest that does not exist must be reported, so the check cannot pass by asking nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Playwright

from benchmarks.chromium import fresh_profile
from benchmarks.static_server import serve
from content_model.contract import CONTRACT

pytestmark = pytest.mark.browser


def installability_errors(playwright: Playwright, url: str) -> list[str]:
    """The ids of Chromium's installability errors for the page at ``url``."""
    with fresh_profile(playwright) as context:
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        session = context.new_cdp_session(page)
        answer = session.send("Page.getInstallabilityErrors")
        return [str(error["errorId"]) for error in answer["installabilityErrors"]]


def test_chromium_can_install_the_playbook(
    playwright_instance: Playwright, real_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    start = (site / "index.html").read_text(encoding="utf-8")
    broken = start.replace(
        f'href="{CONTRACT.manifest.manifest_uri}"', 'href="fehlt.webmanifest"', 1
    )
    assert broken != start
    (site / "kaputt").mkdir()
    (site / "kaputt" / "index.html").write_text(broken.replace('href="', 'href="../'), "utf-8")
    with serve(site) as base:
        assert installability_errors(playwright_instance, base) == []
        # Negative control: without a reachable manifest Chromium refuses.
        assert installability_errors(playwright_instance, base + "kaputt/") != []
