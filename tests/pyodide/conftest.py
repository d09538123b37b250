"""Pyodide tests need Node.js and the npm package installed by `make setup`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bundler.cache import cache_dir
from bundler.calculator_runtime import pyodide_package

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_DIR = pyodide_package(ROOT)
#: The build's own cache folder: the tests reuse the bytecode a build made, and vice versa.
CACHE_DIR = cache_dir(ROOT)


@pytest.fixture(scope="session")
def node() -> str:
    """The node executable; its absence is a broken set-up, so the test fails instead of skipping."""
    found = shutil.which("node")
    assert found, "node is not installed: the Pyodide parity suite cannot run"
    assert (PYODIDE_DIR / "pyodide.mjs").is_file(), "run `make setup` (npm ci) first"
    return found
