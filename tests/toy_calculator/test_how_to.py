"""contributing/add-a-calculator.md shows exactly what the toy test does.

The how-to is only worth following if its code is the code that was proven to work: the
module in full, the registry lines and the chapter block must appear in it verbatim, each in
a fenced block of its language, and its file list must name every file the test changes.
"""

from __future__ import annotations

import re

import pytest

from tests.site.conftest import ROOT
from tests.toy_calculator import project

HOW_TO = ROOT / "contributing" / "add-a-calculator.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def fenced(text: str, language: str) -> list[str]:
    """The contents of the fenced code blocks of one language, in order."""
    return [body for lang, body in FENCE.findall(text) if lang == language]


def shows(text: str, language: str, snippet: str) -> bool:
    """Whether one fenced block of ``language`` holds ``snippet`` verbatim."""
    return any(snippet in body for body in fenced(text, language))


def problems(text: str) -> list[str]:
    """Where the how-to and the toy test disagree."""
    found = []
    if not shows(text, "python", project.TOY_SOURCE.read_text(encoding="utf-8")):
        found.append("the module is not shown in full")
    for line in (project.REGISTRY_IMPORT, project.REGISTRY_ENTRY):
        if not shows(text, "python", line):
            found.append(f"registry line missing: {line.strip()}")
    if not shows(text, "yaml", project.CHAPTER_SECTION):
        found.append("the chapter block differs")
    touched = [
        f"calculators/{project.TOY_MODULE}.py",
        "calculators/registry.py",
        project.CHAPTER.as_posix(),
    ]
    found += [f"file list lacks {path}" for path in touched if f"| `{path}` |" not in text]
    return found


def test_the_how_to_shows_what_the_test_builds() -> None:
    assert problems(HOW_TO.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        ('LIMITS: dict[str, Decimal] = {"neu": Decimal(10)', "LIMITS = {", "module"),
        ("    discount_check.CALCULATOR,\n", "", "registry line missing"),
        ("calculator: discount-check", "calculator: rabatt", "chapter block"),
        ("| `calculators/registry.py` |", "| registry |", "file list"),
    ],
)
def test_a_drifted_how_to_is_caught(old: str, new: str, named: str) -> None:
    text = HOW_TO.read_text(encoding="utf-8")
    assert old in text
    assert any(named in problem for problem in problems(text.replace(old, new))), named
