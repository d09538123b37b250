"""The bytecode step: what it keys its cache on and what it ships."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from bundler.runtime_bytecode import cache_key, warm_up_requests
from calculators.registry import CALCULATORS
from tests.calculators.playbook_rules import PLAYBOOK_RULES, TEAM_RULES
from tests.pyodide.conftest import PYODIDE_DIR, ROOT


def test_warm_up_walks_every_calculator() -> None:
    called = {json.loads(request)["calculator"] for request in warm_up_requests(PLAYBOOK_RULES)}
    assert set(CALCULATORS) <= called


def test_cache_key_follows_the_calculator_sources(tmp_path: Path) -> None:
    copy = tmp_path / "calculators"
    shutil.copytree(ROOT / "calculators", copy, ignore=shutil.ignore_patterns("__pycache__"))
    requests = warm_up_requests(PLAYBOOK_RULES)
    before = cache_key(PYODIDE_DIR, copy, requests, PLAYBOOK_RULES)
    assert cache_key(PYODIDE_DIR, copy, requests, PLAYBOOK_RULES) == before
    with (copy / "value_per_hour.py").open("a", encoding="utf-8") as source:
        source.write("\n# changed\n")
    assert cache_key(PYODIDE_DIR, copy, requests, PLAYBOOK_RULES) != before


def test_cache_key_follows_the_rules(tmp_path: Path) -> None:
    """Other rules change what the warm-up computes and what the archive publishes."""
    calculators = ROOT / "calculators"
    requests = warm_up_requests(PLAYBOOK_RULES)
    assert cache_key(PYODIDE_DIR, calculators, requests, TEAM_RULES) != cache_key(
        PYODIDE_DIR, calculators, requests, PLAYBOOK_RULES
    )
