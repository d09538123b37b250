"""Pyodide tests need Node.js and the npm package installed by `make setup`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bundler.cache import cache_dir
from bundler.calculator_runtime import pyodide_package
from content_model.contract import CONTRACT

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


#: Runs calculators.boundary.run_json inside Pyodide under Node, one request a line.
RUN_CASES = Path(__file__).with_name("run_cases.mjs")


def run_in_pyodide(
    node: str, archive: Path, requests: list[str], stdlib: Path | None = None
) -> dict[str, object]:
    """What ``run_cases.mjs`` reports: the Python version, the stdlib's files, the answers.

    ``archive`` is a calculators zip; ``stdlib`` a trimmed standard library (the package's
    own when ``None``).
    """
    command = [node, str(RUN_CASES), str(PYODIDE_DIR), CONTRACT.runtime.extract_dir]
    command += [str(archive), *([str(stdlib)] if stdlib is not None else [])]
    completed = subprocess.run(
        command,
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    output: dict[str, object] = json.loads(completed.stdout)
    return output
