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
from content_model.contract import CONTRACT
from tests.calculators.cases import CASES
from tests.pyodide.conftest import ROOT, run_in_pyodide

pytestmark = pytest.mark.pyodide


def requests() -> list[str]:
    """Every case, plus each calculator's defaults and worked examples."""
    payloads = [
        {"calculator": case.calculator, "fields": case.fields, "templates": case.templates}
        for case in CASES
    ]
    for calculator in CALCULATORS.values():
        payloads.append({"calculator": calculator.id, "fields": calculator.defaults()})
        payloads.extend(
            {"calculator": calculator.id, "fields": dict(example.inputs)}
            for example in calculator.examples
        )
    return [json.dumps(payload, ensure_ascii=False) for payload in payloads]


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
        archive.write_bytes(build_archive(ROOT / "calculators"))
    else:
        # The very bytes the build publishes (see site_hooks/calculator_runtime.py).
        published = runtime_files(ROOT)
        names = CONTRACT.runtime
        archive.write_bytes(shipped_bytes(published[names.archive_uri]))
        stdlib = tmp_path / "stdlib.zip"
        stdlib.write_bytes(shipped_bytes(published[f"{names.pyodide_uri}/{names.stdlib_name}"]))
    batch = requests()
    output = run_in_pyodide(node, archive, batch, stdlib)
    assert str(output["python"]).startswith("3.")
    stdlib_files = output["stdlibFiles"]
    assert isinstance(stdlib_files, list)
    sources = [name for name in stdlib_files if name.endswith(".py")]
    assert bool(sources) == (runtime == "stock"), sources[:3]
    in_pyodide = output["answers"]
    assert isinstance(in_pyodide, list)
    in_cpython = [run_json(request) for request in batch]
    assert len(in_pyodide) == len(batch)
    mismatches = [
        (request, here, there)
        for request, here, there in zip(batch, in_cpython, in_pyodide, strict=True)
        if here != there
    ]
    assert not mismatches, mismatches[:3]
    assert sum('"ok": true' in answer for answer in in_pyodide) > len(CALCULATORS)
