"""Fixtures for content tests: a writable copy of the valid fixture content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "valid"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the fixture content folder that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target
