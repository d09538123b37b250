"""Build the real site, or a small fixture site, with MkDocs in a temporary folder."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_CONTENT = ROOT / "tests" / "content" / "fixtures" / "valid"


def build_project(project: Path, site: Path) -> Path:
    """Run a strict MkDocs build of ``project`` into ``site`` and return ``site``."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)
    return site


def make_fixture_project(tmp: Path, content: Path = FIXTURE_CONTENT) -> Path:
    """A project that shares code, templates and config with the real one but not its content."""
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for shared in ("site_hooks", "templates", "calculators", "node_modules"):
        (project / shared).symlink_to(ROOT / shared)
    shutil.copytree(content, project / "content")
    (project / "docs").mkdir()
    (project / "docs" / "assets").symlink_to(ROOT / "docs" / "assets")
    return project


@pytest.fixture
def fixture_project(tmp_path: Path) -> Path:
    """A writable fixture project."""
    return make_fixture_project(tmp_path)


@pytest.fixture
def mkdocs_log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """MkDocs' log records, where a failed build leaves its message."""
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        yield caplog
