"""Publish the calculators as ``assets/klartext/calculators.zip`` for Pyodide in the browser.

The archive is generated at build time from ``calculators/`` (never committed), so the
browser always runs exactly the Python that the test suite checked; it carries the bytecode
Pyodide compiled from those very sources, so importing them costs no compilation.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from bundler.calculator_archive import build_archive
from content_model.contract import CONTRACT
from site_hooks.pyodide_runtime import bytecode_for

ARCHIVE_URI = CONTRACT.runtime.archive_uri


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the freshly built archive as a generated file."""
    package = Path(config.config_file_path).resolve().parent / "calculators"
    archive = build_archive(package, bytecode_for(config).calculators)
    files.append(File.generated(config, ARCHIVE_URI, content=archive))
    return files
