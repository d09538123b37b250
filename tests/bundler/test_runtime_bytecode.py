"""The bytecode step: what it keys its cache on and what it ships."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from bundler.runtime_bytecode import cache_key, warm_up_requests
from calculators.registry import CALCULATORS
from tests.pyodide.conftest import PYODIDE_DIR, ROOT


def test_warm_up_walks_every_calculator() -> None:
    called = {json.loads(request)["calculator"] for request in warm_up_requests()}
    assert set(CALCULATORS) <= called


def test_cache_key_follows_the_calculator_sources(tmp_path: Path) -> None:
    copy = tmp_path / "calculators"
    shutil.copytree(ROOT / "calculators", copy, ignore=shutil.ignore_patterns("__pycache__"))
    requests = warm_up_requests()
    before = cache_key(PYODIDE_DIR, copy, requests)
    assert cache_key(PYODIDE_DIR, copy, requests) == before
    with (copy / "value_per_hour.py").open("a", encoding="utf-8") as source:
        source.write("\n# changed\n")
    assert cache_key(PYODIDE_DIR, copy, requests) != before
