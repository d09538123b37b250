"""The shipped Pyodide computes exactly what CPython computes, case by case.

This is the proof that what the browser shows is what the tests checked: the case table
of tests/calculators runs through calculators.boundary.run_json in both interpreters and
the JSON strings must be identical.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bundler.calculator_archive import build_archive
from bundler.calculator_runtime import runtime_files
from calculators.boundary import run_json
from calculators.registry import CALCULATORS
from calculators.rules import rules_as_data
from content_model.contract import CONTRACT
from tests.calculators.cases import CASES, TEAM_CASES
from tests.calculators.playbook_rules import PLAYBOOK_RULES, TEAM_RULES
from tests.pyodide.conftest import ROOT, run_in_pyodide

pytestmark = pytest.mark.pyodide


def requests(*, published: bool) -> list[str]:
    """Every case, each calculator's defaults and worked examples, and the team-rules cases.

    The playbook's cases carry no rules where the archive has ``rules.json`` (``published``):
    Pyodide then reads the rules the build published, as in the browser. The team cases always
    carry their altered rules, so both interpreters must decide by those.
    """
    default = {} if published else {"rules": rules_as_data(PLAYBOOK_RULES)}
    payloads = [
        {"calculator": c.calculator, "fields": c.fields, "templates": c.templates, **default}
        for c in CASES
    ]
    for declaration in CALCULATORS.values():
        calculator = declaration.bind(PLAYBOOK_RULES)
        payloads.append({"calculator": calculator.id, "fields": calculator.defaults(), **default})
        payloads.extend(
            {"calculator": calculator.id, "fields": dict(example.inputs), **default}
            for example in calculator.examples
        )
    team = {"rules": rules_as_data(TEAM_RULES)}
    payloads.extend(
        {"calculator": c.calculator, "fields": c.fields, "templates": c.templates, **team}
        for c in TEAM_CASES
    )
    return [json.dumps(payload, ensure_ascii=False) for payload in payloads]


def in_cpython(request: str) -> str:
    """CPython's answer; without rules in the request, with the rules the build publishes."""
    payload = json.loads(request)
    payload.setdefault("rules", rules_as_data(PLAYBOOK_RULES))
    return run_json(json.dumps(payload, ensure_ascii=False))


def shipped_bytes(source: Path | bytes | str) -> bytes:
    """A generated file's bytes (the archive and the stdlib are generated, never copied)."""
    assert isinstance(source, bytes), source
    return source


@pytest.mark.parametrize("runtime", ["stock", "shipped"])
def test_pyodide_answers_exactly_like_cpython(node: str, tmp_path: Path, runtime: str) -> None:
    """Stock Pyodide, and Pyodide as the site ships it: trimmed stdlib, precompiled code."""
    archive = tmp_path / "calculators.zip"
    stdlib = None
    if runtime == "stock":
        archive.write_bytes(build_archive(ROOT / "calculators"))  # no rules.json
    else:
        # The very bytes the build publishes (see site_hooks/calculator_runtime.py).
        published = runtime_files(ROOT)
        names = CONTRACT.runtime
        archive.write_bytes(shipped_bytes(published[names.archive_uri]))
        stdlib = tmp_path / "stdlib.zip"
        stdlib.write_bytes(shipped_bytes(published[f"{names.pyodide_uri}/{names.stdlib_name}"]))
    batch = requests(published=runtime == "shipped")
    output = run_in_pyodide(node, archive, batch, stdlib)
    assert str(output["python"]).startswith("3.")
    stdlib_files = output["stdlibFiles"]
    assert isinstance(stdlib_files, list)
    sources = [name for name in stdlib_files if name.endswith(".py")]
    assert bool(sources) == (runtime == "stock"), sources[:3]
    in_pyodide = output["answers"]
    assert isinstance(in_pyodide, list)
    in_cpython_answers = [in_cpython(request) for request in batch]
    assert len(in_pyodide) == len(batch)
    mismatches = [
        (request, here, there)
        for request, here, there in zip(batch, in_cpython_answers, in_pyodide, strict=True)
        if here != there
    ]
    assert not mismatches, mismatches[:3]
    assert sum('"ok": true' in answer for answer in in_pyodide) > len(CALCULATORS)
