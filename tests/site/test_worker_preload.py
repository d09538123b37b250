"""Calculator pages preload exactly the calculator worker's own module graph."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from content_model.contract import CONTRACT

WORKER = CONTRACT.runtime.worker_uri
#: Static imports and re-exports, quoted either way, with or without bindings (also minified).
STATIC_IMPORT = re.compile(
    r"""^\s*(?:import\s*["']([^"']+)["']|(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["'])""",
    re.MULTILINE,
)
MODULE_PRELOAD = re.compile(r'<link rel="modulepreload" href="([^"]+)">')
BOOT_MODULES = re.compile(
    rf'<script src="[^"]*{re.escape(CONTRACT.runtime.boot_uri)}"[^>]* data-modules="([^"]*)"'
)


def resolve(base: str, reference: str) -> str:
    """``reference`` relative to the file ``base``, both as paths from the site root."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), reference))


def static_imports(source: str) -> list[str]:
    """The specifiers a module imports or re-exports statically."""
    return [bare or bound for bare, bound in STATIC_IMPORT.findall(source)]


def worker_module_graph(site: Path) -> set[str]:
    """The worker and every module it reaches by static imports, as paths from the site root."""
    graph: set[str] = set()
    pending = [WORKER]
    while pending:
        module = pending.pop()
        if module in graph:
            continue
        graph.add(module)
        source = (site / module).read_text(encoding="utf-8")
        pending.extend(resolve(module, specifier) for specifier in static_imports(source))
    return graph


def test_the_import_pattern_sees_every_form_of_static_import() -> None:
    source = """import { a } from "./a.mjs";
import './side-effect.mjs';
import{b as c}from"./minified.mjs";
export { d } from './again.mjs';
export const NOT_AN_IMPORT = "./value.mjs";
const later = await import("./dynamic.mjs");
"""
    assert static_imports(source) == [
        "./a.mjs",
        "./side-effect.mjs",
        "./minified.mjs",
        "./again.mjs",
    ]


def test_calculator_pages_preload_the_worker_graph_and_others_nothing(real_site: Path) -> None:
    graph = worker_module_graph(real_site)
    assert len(graph) >= 3  # the worker, Pyodide's loader and the generated settings
    assert graph == set(CONTRACT.worker_module_uris)  # the contract's list is the whole graph
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
    """runtime/boot.js imports every module at once (a page without a calculator may
    start the worker later, for a calculator one click away)."""
    listed = BOOT_MODULES.findall((real_site / page).read_text(encoding="utf-8"))
    assert len(listed) == 1
    assert {resolve(page, href) for href in listed[0].split()} == worker_module_graph(real_site)
