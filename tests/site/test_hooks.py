"""The hooks stay thin and independent, and what they share lives in one place.

* No hook imports another hook: MkDocs loads each hook file as its own module, so an import
  of a hook runs it a second time with its own state (that is how the runtime's bytecode
  used to be made twice per build).
* A module in ``site_hooks`` that is not listed under ``hooks:`` handles no MkDocs event
  (it would silently never run) and is used by a hook; only ``build_command`` listens to
  ``on_startup``.
* Under ``mkdocs serve`` the shared state leaves out the policy, the service worker and the
  compressed copies; every build makes the runtime's bytecode once, in the cache folder
  ``KLARTEXT_CACHE_DIR`` names.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

import bundler.calculator_runtime
from bundler.cache import CACHE_DIR_VARIABLE, cache_dir
from bundler.runtime_bytecode import RuntimeBytecode
from calculators.rules import Rules
from content_model.contract import CONTRACT, CONTRACT_MODULE_URI
from site_hooks.build_state import forget_command, remember_command
from tests.site.conftest import ROOT, build_project, make_fixture_project

HOOKS_DIR = ROOT / "site_hooks"
#: The one hook that hears which command runs (see site_hooks/build_state.py).
COMMAND_HOOK = "build_command"


def listed_hooks() -> list[str]:
    """Module names of the hooks in mkdocs.yml, in order."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return [Path(path).stem for path in config["hooks"]]


def site_hook_sources() -> dict[str, str]:
    """Module name -> source of every module in site_hooks/."""
    return {
        path.stem: path.read_text(encoding="utf-8")
        for path in sorted(HOOKS_DIR.glob("*.py"))
        if path.stem != "__init__"
    }


def imported(source: str) -> set[str]:
    """The ``site_hooks`` modules ``source`` imports, by module name."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "site_hooks":
                names.update(alias.name for alias in node.names)
            elif node.module.startswith("site_hooks."):
                names.add(node.module.removeprefix("site_hooks."))
        elif isinstance(node, ast.Import):
            names.update(
                alias.name.removeprefix("site_hooks.")
                for alias in node.names
                if alias.name.startswith("site_hooks.")
            )
    return names


def events(source: str) -> set[str]:
    """The MkDocs event handlers (``on_*`` functions) ``source`` defines at top level."""
    return {
        node.name
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")
    }


def wiring_problems(sources: dict[str, str], hooks: list[str]) -> list[str]:
    """Everything that breaks the rules in the module docstring, one sentence each."""
    problems = [
        f"{hook} is listed in mkdocs.yml but missing" for hook in hooks if hook not in sources
    ]
    used = set().union(*(imported(sources[hook]) for hook in hooks if hook in sources))
    for name, source in sources.items():
        if name in hooks:
            problems += [
                f"hook {name} imports hook {other}" for other in imported(source) & set(hooks)
            ]
            if "on_startup" in events(source) and name != COMMAND_HOOK:
                problems.append(f"hook {name} listens to on_startup (use site_hooks.build_state)")
        else:
            if events(source):
                problems.append(f"{name} handles {sorted(events(source))} but is no listed hook")
            if name not in used:
                problems.append(f"{name} is neither a listed hook nor used by one")
    return problems


def test_hooks_are_independent_and_shared_modules_are_used() -> None:
    assert wiring_problems(site_hook_sources(), listed_hooks()) == []
    assert listed_hooks()[0] == COMMAND_HOOK  # before any event of another hook


@pytest.mark.parametrize(
    ("planted", "problem"),
    [
        ("from site_hooks.offline import on_post_build\n", "hook live_reload imports hook offline"),
        ("from site_hooks import offline\n", "hook live_reload imports hook offline"),
        ("import site_hooks.offline\n", "hook live_reload imports hook offline"),
        (
            "def on_startup(*, command, dirty):\n    pass\n",
            "hook live_reload listens to on_startup",
        ),
    ],
)
def test_a_planted_wiring_defect_is_found(planted: str, problem: str) -> None:
    """Negative control: each planted defect in an otherwise correct hook set is reported."""
    sources = site_hook_sources()
    sources["live_reload"] += "\n" + planted
    assert any(problem in found for found in wiring_problems(sources, listed_hooks()))


def test_an_unlisted_module_with_events_or_without_users_is_found() -> None:
    sources = {**site_hook_sources(), "forgotten": "def on_files(files, *, config):\n    pass\n"}
    problems = wiring_problems(sources, listed_hooks())
    assert "forgotten handles ['on_files'] but is no listed hook" in problems
    assert "forgotten is neither a listed hook nor used by one" in problems
    assert "gone is listed in mkdocs.yml but missing" in wiring_problems(
        site_hook_sources(), [*listed_hooks(), "gone"]
    )


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path], Path]:
    """A fixture site built as ``mkdocs serve`` builds it, with the bytecode step observed.

    Returns the site, the cache folder of every bytecode request, and the configured cache.
    """
    tmp = tmp_path_factory.mktemp("served")
    project = make_fixture_project(tmp)
    configured = tmp / "configured-cache"
    real_cache = cache_dir(ROOT)  # the warm cache, so the build need not run Node
    real_step = bundler.calculator_runtime.runtime_bytecode
    requested: list[Path] = []

    def observed(package: Path, calculators: Path, cache: Path, rules: Rules) -> RuntimeBytecode:
        requested.append(cache)
        return real_step(package, calculators, real_cache, rules)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_DIR_VARIABLE, str(configured))
        patch.setattr(bundler.calculator_runtime, "runtime_bytecode", observed)
        remember_command("serve")
        try:
            site = build_project(project, tmp / "site")
        finally:
            forget_command()
    return site, requested, configured


def test_a_build_makes_the_runtime_bytecode_once_in_the_configured_cache(
    served: tuple[Path, list[Path], Path],
) -> None:
    _, requested, configured = served
    assert requested == [configured.resolve()]


def test_serving_leaves_out_policy_service_worker_and_copies(
    served: tuple[Path, list[Path], Path], real_site: Path
) -> None:
    site, _, _ = served
    policy = 'http-equiv="Content-Security-Policy"'
    assert policy not in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / CONTRACT.offline.service_worker_uri).exists()
    assert not list(site.rglob("*.br"))
    # The scripts still get their contract and the calculators their runtime.
    for uri in (CONTRACT_MODULE_URI, CONTRACT.runtime.settings_uri, CONTRACT.runtime.archive_uri):
        assert (site / uri).is_file(), uri
    # Negative control: a build has all three.
    assert policy in (real_site / "index.html").read_text(encoding="utf-8")
    assert (real_site / CONTRACT.offline.service_worker_uri).is_file()
    assert (real_site / "index.html.br").is_file()
