"""A copy of the project with the toy calculator added, step by step as the how-to says.

contributing/add-a-calculator.md walks a contributor through three edits; each is one
function here, and the how-to shows the very same text (``test_how_to.py`` checks that):

1. ``add_module``: ``calculators/discount_check.py`` (this folder's ``discount_check.py``);
2. ``register``: its import and one entry in ``calculators/registry.py``;
3. ``use_in_chapter``: a ``calculator`` block in a chapter's YAML.

No JavaScript, template or hook is touched. The build runs in a separate Python process
whose working folder is the copy, so it imports the copy's ``calculators`` package (with the
toy) instead of the one this test process has already imported.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.site.conftest import ROOT

HERE = Path(__file__).resolve().parent
#: The toy calculator's module, exactly as a contributor writes it.
TOY_SOURCE = HERE / "discount_check.py"
TOY_MODULE = "discount_check"
TOY_ID = "discount-check"
#: What a build needs; node_modules (Pyodide and the build cache) is linked, not copied.
COPIED = ("mkdocs.yml", "content", "templates", "docs", "calculators", "content_model")
COPIED_CODE = ("site_hooks", "bundler")

#: Step 2: the lines added to calculators/registry.py (import, then the entry).
REGISTRY_IMPORT = f"    {TOY_MODULE},\n"
REGISTRY_ENTRY = f"    {TOY_MODULE}.CALCULATOR,\n"
#: Step 3: the chapter that gets the calculator, and the section appended to its ``sections``.
CHAPTER = Path("content") / "chapters" / "wert-pro-stunde.yml"
#: That chapter's page in the built site.
CHAPTER_PAGE = "kunden-aufgeben/wert-pro-stunde/"
CHAPTER_SECTION = f"""\
  - id: rabatt-pruefen
    title: Rabatt prüfen
    blocks:
      - type: calculator
        calculator: {TOY_ID}
        title: Rabatt prüfen
"""

#: Runs inside the copy: builds it with whichever module holds ``safe_build`` right now.
#: MkDocs reports content problems through logging (then aborts with a bare message), so
#: its log goes to stderr, where ``BuildFailedError`` picks it up.
BUILD_SCRIPT = """
import logging
import sys
from pathlib import Path

logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

import calculators
from bundler.safe_build import safe_build

here = Path.cwd().resolve()
assert Path(calculators.__file__).resolve().parent == here / "calculators", calculators.__file__
safe_build(here / "mkdocs.yml", Path(sys.argv[1]), site_url=sys.argv[2])
"""

#: Runs inside the copy: the JSON answers of CPython's boundary for a list of requests.
ANSWER_SCRIPT = """
import json
import sys

from calculators.boundary import run_json

print(json.dumps([run_json(request) for request in json.load(sys.stdin)]))
"""


def copy_project(target: Path) -> Path:
    """The parts of the project a build reads, copied into ``target`` (which must not exist)."""
    target.mkdir()
    skip = shutil.ignore_patterns("__pycache__")
    for name in (*COPIED, *COPIED_CODE):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=skip)
        elif source.is_file():
            shutil.copy(source, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def add_module(project: Path) -> None:
    """Step 1: the calculator's module in ``calculators/``."""
    shutil.copy(TOY_SOURCE, project / "calculators" / f"{TOY_MODULE}.py")


def register(project: Path) -> None:
    """Step 2: import the module in the registry and list its ``CALCULATOR``."""
    registry = project / "calculators" / "registry.py"
    text = registry.read_text(encoding="utf-8")
    imports = "from calculators import (\n"
    entries = "REGISTERED: tuple[Calculator, ...] = (\n"
    assert imports in text, "calculators/registry.py no longer imports the modules as documented"
    assert entries in text, "calculators/registry.py no longer lists REGISTERED as documented"
    start = text.index(entries) + len(entries)
    end = text.index("\n)\n", start) + 1
    text = text[:end] + REGISTRY_ENTRY + text[end:]
    text = text.replace(imports, imports + REGISTRY_IMPORT, 1)
    registry.write_text(text, encoding="utf-8")


def use_in_chapter(project: Path) -> None:
    """Step 3: a ``calculator`` block in a new last section of a chapter."""
    chapter = project / CHAPTER
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.rstrip("\n") + "\n" + CHAPTER_SECTION, encoding="utf-8")


def _python(project: Path, script: str, *args: str, stdin: str = "") -> str:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    environment.pop("PYTHONPATH", None)
    completed = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=project,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if completed.returncode != 0:
        raise BuildFailedError(completed.stderr)
    return completed.stdout


class BuildFailedError(RuntimeError):
    """The copy did not build (or did not compute); the message is the process's stderr."""


def build(project: Path, site: Path, site_url: str) -> Path:
    """A strict build of the copy into ``site``, for a site served at ``site_url``."""
    _python(project, BUILD_SCRIPT, str(site), site_url)
    return site


def answers_in_cpython(project: Path, requests: list[str]) -> list[str]:
    """What the copy's ``calculators.boundary.run_json`` answers in this CPython."""
    answers = json.loads(_python(project, ANSWER_SCRIPT, stdin=json.dumps(requests)))
    assert isinstance(answers, list)
    return [str(answer) for answer in answers]
