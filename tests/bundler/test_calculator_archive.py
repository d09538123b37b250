"""The calculators archive is deterministic and carries only sources."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

from bundler.calculator_archive import build_archive

ROOT = Path(__file__).resolve().parents[2]


def test_same_sources_give_identical_bytes(tmp_path: Path) -> None:
    copy = tmp_path / "calculators"
    shutil.copytree(ROOT / "calculators", copy, ignore=shutil.ignore_patterns("__pycache__"))
    for path in copy.rglob("*.py"):
        os.utime(path, (1_000_000_000, 1_000_000_000))  # other mtimes must not matter
    assert build_archive(copy) == build_archive(ROOT / "calculators")


def test_a_changed_source_changes_the_archive(tmp_path: Path) -> None:
    copy = tmp_path / "calculators"
    shutil.copytree(ROOT / "calculators", copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = build_archive(copy)
    (copy / "boundary.py").write_text((copy / "boundary.py").read_text() + "\n# changed\n")
    assert build_archive(copy) != before


def test_only_python_sources_under_the_package_name(tmp_path: Path) -> None:
    copy = tmp_path / "calculators"
    shutil.copytree(ROOT / "calculators", copy)
    (copy / "__pycache__").mkdir(exist_ok=True)
    (copy / "__pycache__" / "stale.cpython-311.pyc").write_bytes(b"\0")
    (copy / "notes.txt").write_text("not shipped")
    names = zipfile.ZipFile(io.BytesIO(build_archive(copy))).namelist()
    assert "calculators/boundary.py" in names
    assert names == sorted(names)
    assert all(name.startswith("calculators/") and name.endswith(".py") for name in names)
