"""The browser scripts' pure modules, tested with Node's own runner against the built site.

Each ``tests/js/*.test.mjs`` imports its module from the built site (``KLARTEXT_SITE``), so
the tests exercise the shipped files together with the generated ``contract.mjs``. Node's
TAP summary (``# pass N``, ``# fail N``) says how many ran; a run in which nothing ran fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from content_model.contract import CONTRACT, as_data

HERE = Path(__file__).resolve().parent
NODE = shutil.which("node")
TIMEOUT_S = 120


@dataclass(frozen=True)
class NodeRun:
    """What ``node --test`` reported: its exit code, the summary counts and all its output."""

    exit_code: int
    passed: int
    failed: int
    output: str


def contract_json() -> str:
    """The contract's values as the generated module should hold them (camelCase keys)."""
    data = as_data(CONTRACT)
    data["workerModuleUris"] = as_data(CONTRACT.worker_module_uris)
    return json.dumps(data, ensure_ascii=False)


def summary_count(output: str, name: str) -> int:
    """A count from the TAP summary (``# pass 12``); -1 when node printed no summary."""
    found = re.findall(rf"^# {name} (\d+)$", output, flags=re.MULTILINE)
    return int(found[-1]) if found else -1


def run_node_tests(folder: Path, site: Path) -> NodeRun:
    """Run every ``*.test.mjs`` under ``folder`` with the built ``site``."""
    assert NODE is not None
    environment = {
        **os.environ,
        "KLARTEXT_SITE": str(site),
        "KLARTEXT_CONTRACT_JSON": contract_json(),
    }
    finished = subprocess.run(
        [NODE, "--test", "--test-reporter=tap", str(folder)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=TIMEOUT_S,
        check=False,
    )
    output = finished.stdout + finished.stderr
    return NodeRun(
        finished.returncode, summary_count(output, "pass"), summary_count(output, "fail"), output
    )


needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")


@needs_node
def test_the_node_unit_tests_pass_against_the_built_site(real_site: Path) -> None:
    """Every Node unit test passes, and some ran at all."""
    run = run_node_tests(HERE, real_site)
    assert run.exit_code == 0, run.output
    assert run.failed == 0, run.output
    assert run.passed > 0, run.output


@needs_node
def test_a_failing_node_test_fails_the_run(tmp_path: Path, real_site: Path) -> None:
    """Negative control: a planted failing test is counted and fails the run."""
    (tmp_path / "planted.test.mjs").write_text(
        'import assert from "node:assert/strict";\n'
        'import { test } from "node:test";\n'
        'test("passes", () => assert.equal(1, 1));\n'
        'test("fails", () => assert.equal(1, 2));\n',
        encoding="utf-8",
    )
    run = run_node_tests(tmp_path, real_site)
    assert run.exit_code != 0, run.output
    assert (run.passed, run.failed) == (1, 1), run.output
