"""No import cycles in the model and the calculators: each module can be read on its own.

Imports under ``if TYPE_CHECKING:`` count too: they are how a cycle hides from the
interpreter while the design still has it.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("content_model", "calculators")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(root: Path, packages: tuple[str, ...]) -> dict[str, set[str]]:
    """Every module of ``packages`` under ``root`` and the modules of them it imports."""
    modules = {
        module_name(path, root): path
        for package in packages
        for path in (root / package).rglob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module)
                imported.update(f"{node.module}.{alias.name}" for alias in node.names)
        graph[name] = {module for module in imported if module in modules and module != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each import cycle once, as the modules along it (depth-first search)."""
    found: list[list[str]] = []
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = "open"
        stack.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                found.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return found


def test_no_module_imports_itself_through_others() -> None:
    graph = import_graph(ROOT, PACKAGES)
    assert len(graph) > 30
    assert cycles(graph) == []


def test_a_cycle_is_found(tmp_path: Path) -> None:
    """Negative control: two modules that import each other, one only for type checking."""
    package = tmp_path / "paket"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "daten.py").write_text("from paket.ansicht import zeige\n", encoding="utf-8")
    (package / "ansicht.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from paket.daten import Daten\n",
        encoding="utf-8",
    )
    (package / "frei.py").write_text("import paket.daten\n", encoding="utf-8")
    assert cycles(import_graph(tmp_path, ("paket",))) == [
        ["paket.ansicht", "paket.daten", "paket.ansicht"]
    ]
