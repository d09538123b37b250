"""The row editor's split and the CSV import answer in Pyodide exactly as in CPython.

Every export file of ``tests/calculators/import_files/`` (BOM, Windows-1252, commas, tabs,
a missing column, a bad cell), each with and without a hand-made column mapping, and the
pasted blocks of the row editor, through the very entries the worker calls
(``calculators.boundary.import_json`` and ``rows_json``). ``shipped`` runs them in the
runtime as the site publishes it: the trimmed standard library must carry ``csv``, the
Windows-1252 codec and everything else the import needs.
"""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path

import pytest

from bundler.calculator_archive import build_archive
from bundler.calculator_runtime import runtime_files
from calculators import table_import
from content_model.contract import CONTRACT
from tests.pyodide.conftest import PYODIDE_DIR, ROOT

pytestmark = pytest.mark.pyodide

FILES = ROOT / "tests" / "calculators" / "import_files"
RUNNER = Path(__file__).with_name("run_table_import.mjs")
PASTED = (
    "Kontakt\tWahrscheinlichkeit\tMarge\tStunden\nA\t30 %\t6.000\t6\nB\t15 %\t8.000\t10",
    "A; 30 %; 6.000; 6; ja; zu viel\n\nB;15 %",
    "Müller; 45 %",
)


def requests() -> list[tuple[str, str]]:
    """``(entry, payload)`` pairs: every file, plain and mapped by hand, and pasted text."""
    found: list[tuple[str, str]] = []
    for path in sorted(FILES.iterdir()):
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        for mapping in ({}, {"0": "name", "2": "stunden"}):
            payload = {"calculator": "value-per-hour", "field": "kontakte", "data": data}
            found.append(("import_json", json.dumps({**payload, "mapping": mapping})))
    for text in PASTED:
        payload = {"calculator": "value-per-hour", "field": "kontakte", "text": text}
        found.append(("rows_json", json.dumps(payload, ensure_ascii=False)))
    return found


def in_pyodide(
    node: str, archive: Path, batch: list[tuple[str, str]], stdlib: Path | None
) -> list[str]:
    command = [node, str(RUNNER), str(PYODIDE_DIR), CONTRACT.runtime.extract_dir, str(archive)]
    command += [str(stdlib)] if stdlib is not None else []
    completed = subprocess.run(
        command, input=json.dumps(batch), capture_output=True, text=True, timeout=300, check=False
    )
    assert completed.returncode == 0, completed.stderr
    answers: list[str] = json.loads(completed.stdout)["answers"]
    return answers


@pytest.mark.parametrize("runtime", ["stock", "shipped"])
def test_import_and_rows_answer_exactly_like_cpython(
    node: str, tmp_path: Path, runtime: str
) -> None:
    archive = tmp_path / "calculators.zip"
    stdlib = None
    if runtime == "stock":
        archive.write_bytes(build_archive(ROOT / "calculators"))
    else:
        published = runtime_files(ROOT)
        names = CONTRACT.runtime
        shipped_archive = published[names.archive_uri]
        shipped_stdlib = published[f"{names.pyodide_uri}/{names.stdlib_name}"]
        assert isinstance(shipped_archive, bytes)
        assert isinstance(shipped_stdlib, bytes)
        archive.write_bytes(shipped_archive)
        stdlib = tmp_path / "stdlib.zip"
        stdlib.write_bytes(shipped_stdlib)
    batch = requests()
    there = in_pyodide(node, archive, batch, stdlib)
    here = [getattr(table_import, entry)(payload) for entry, payload in batch]
    mismatches = [
        (entry, a, b) for (entry, _), a, b in zip(batch, here, there, strict=True) if a != b
    ]
    assert not mismatches, mismatches[:2]
    # Not vacuous: the files were read (rows, encodings), not all refused alike.
    assert sum('"count": ' in answer for answer in there) >= len(list(FILES.iterdir()))
    assert any("Windows-1252" in answer for answer in there)


def test_control_a_differing_answer_is_found(node: str, tmp_path: Path) -> None:
    """Negative control: a planted difference in one interpreter's answers fails the check."""
    archive = tmp_path / "calculators.zip"
    archive.write_bytes(build_archive(ROOT / "calculators"))
    batch = requests()[:1]
    there = in_pyodide(node, archive, batch, None)
    here = [table_import.import_json(batch[0][1]).replace("UTF-8", "UTF-16")]
    assert here != there
