"""Fixtures shared by the site and the browser tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.conftest import ROOT, build_project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real playbook, built once per test session."""
    return build_project(ROOT, tmp_path_factory.mktemp("site") / "site")
