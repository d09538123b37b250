"""One cache folder for the whole build, moved by one environment variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from bundler.cache import CACHE_DIR_VARIABLE, cache_dir


def test_the_cache_sits_beside_the_npm_packages_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CACHE_DIR_VARIABLE, raising=False)
    assert cache_dir(tmp_path) == tmp_path / "node_modules" / ".cache" / "klartext"
    monkeypatch.setenv(CACHE_DIR_VARIABLE, "  ")
    assert cache_dir(tmp_path) == tmp_path / "node_modules" / ".cache" / "klartext"


def test_the_variable_moves_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "geteilt"))
    assert cache_dir(tmp_path / "projekt") == (tmp_path / "geteilt").resolve()
