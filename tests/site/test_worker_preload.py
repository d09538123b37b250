"""Calculator pages preload exactly the calculator worker's own module graph."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from tests.site.conftest import ROOT

WORKER = "assets/klartext/calculator-worker.mjs"
STATIC_IMPORT = re.compile(r'^import\s[^;]*?from\s+"([^"]+)";', re.MULTILINE)
MODULE_PRELOAD = re.compile(r'<link rel="modulepreload" href="([^"]+)">')
BOOT_MODULES = re.compile(r'<script src="[^"]*calculator-boot\.js"[^>]* data-modules="([^"]*)"')


def resolve(base: str, reference: str) -> str:
    """``reference`` relative to the file ``base``, both as paths from the site root."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), reference))


def worker_module_graph() -> set[str]:
    """The worker and the modules it imports statically, as paths from the site root."""
    source = (ROOT / "docs" / WORKER).read_text(encoding="utf-8")
    return {WORKER, *(resolve(WORKER, specifier) for specifier in STATIC_IMPORT.findall(source))}


def test_calculator_pages_preload_the_worker_graph_and_others_nothing(real_site: Path) -> None:
    graph = worker_module_graph()
    assert len(graph) >= 3  # the worker, Pyodide's loader and the generated settings
    page = "kunden-aufgeben/wert-pro-stunde/index.html"
    preloaded = MODULE_PRELOAD.findall((real_site / page).read_text(encoding="utf-8"))
    assert {resolve(page, href) for href in preloaded} == graph
    for module in graph:
        assert (real_site / module).is_file(), module

    plain = (real_site / "glossar" / "index.html").read_text(encoding="utf-8")
    assert not MODULE_PRELOAD.findall(plain)


@pytest.mark.parametrize(
    "page", ["kunden-aufgeben/wert-pro-stunde/index.html", "glossar/index.html"]
)
def test_the_worker_is_started_with_its_whole_module_graph(real_site: Path, page: str) -> None:
    """calculator-boot.js imports every module at once (a page without a calculator may
    start the worker later, for a calculator one click away)."""
    listed = BOOT_MODULES.findall((real_site / page).read_text(encoding="utf-8"))
    assert len(listed) == 1
    assert {resolve(page, href) for href in listed[0].split()} == worker_module_graph()
