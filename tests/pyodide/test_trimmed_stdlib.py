"""What the site ships instead of Pyodide's full standard library."""

from __future__ import annotations

import io
import zipfile

import pytest

from bundler.runtime_bytecode import runtime_bytecode
from tests.calculators.playbook_rules import PLAYBOOK_RULES
from tests.pyodide.conftest import CACHE_DIR, PYODIDE_DIR, ROOT

pytestmark = pytest.mark.pyodide


def test_shipped_stdlib_is_trimmed_bytecode(node: str) -> None:
    bytecode = runtime_bytecode(PYODIDE_DIR, ROOT / "calculators", CACHE_DIR, PLAYBOOK_RULES)
    shipped = zipfile.ZipFile(io.BytesIO(bytecode.stdlib)).namelist()
    stock = zipfile.ZipFile(PYODIDE_DIR / "python_stdlib.zip").namelist()
    assert all(name.endswith(".pyc") for name in shipped)
    assert {"json/__init__.pyc", "decimal.pyc", "encodings/utf_8.pyc"} <= set(shipped)
    assert len(shipped) < len([name for name in stock if name.endswith(".py")]) / 2
    compiled = zipfile.ZipFile(io.BytesIO(bytecode.calculators)).namelist()
    assert "calculators/boundary.pyc" in compiled
    assert not [name for name in compiled if "__pycache__" in name or name.endswith(".py")]
