"""No template or script spells a name of the contract (content_model/contract.py) literally.

A page works only while Python, the templates and the scripts agree on a handful of strings;
each is defined once in the contract and read from there (``contract`` in templates, the
generated ``contract.mjs`` in scripts). This test finds every place that retypes one instead:

- a value with a separator (``data-kx-item``, ``rechner-``, ``sw.js``) anywhere in code, unless
  it is only part of a longer name (``kx-form-error`` does not spell ``form-error``);
- a data attribute also in its ``dataset`` spelling (``dataset.kxItem``);
- a plain word (``ready``, ``beamer``) only as a whole quoted literal (``"ready"``).

Comments are not code and are not scanned; the longest value wins where values overlap, so
``data-kx-items`` is reported once, not also as ``data-kx-item``.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from content_model.contract import shared_strings
from tests.site.conftest import ROOT

#: Where templates and scripts live (the generated contract.mjs is written into the site only).
SCANNED = (
    "templates/**/*",
    "docs/assets/**/*.js",
    "docs/assets/**/*.mjs",
    "docs/assets/**/*.html",
    "bundler/*.mjs",
    "tests/pyodide/*.mjs",
)
#: Values too generic to scan, by dotted contract name, with the reason. Keep this short.
SKIPPED: dict[str, str] = {}
SEPARATORS = frozenset("-/.:_")
#: Characters that continue a name: a value next to one is only part of a longer name.
NAME_CHARACTER = re.compile(r"[A-Za-z0-9_-]")
COMMENTS = {
    "jinja": re.compile(r"\{#.*?#\}", re.DOTALL),
    "html": re.compile(r"<!--.*?-->", re.DOTALL),
    "block": re.compile(r"/\*.*?\*/", re.DOTALL),
    "line": re.compile(r"(?:^|(?<=\s))//[^\n]*", re.MULTILINE),
}
SCRIPT_SUFFIXES = (".js", ".mjs", ".js.j2", ".mjs.j2")


@dataclass(frozen=True)
class Spelling:
    """One place where code spells a contract value."""

    path: str
    line: int
    name: str
    text: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.text!r} ist {self.name} aus content_model/contract.py"
        )


def _blank(match: re.Match[str]) -> str:
    """A comment replaced by its line breaks, so line numbers stay right."""
    return "\n" * match.group(0).count("\n")


def code_of(path: Path, text: str) -> str:
    """The text without comments (Jinja and HTML comments everywhere, JS ones in scripts)."""
    kinds = ["jinja", "html"]
    if path.name.endswith(SCRIPT_SUFFIXES) or path.suffix == ".html":
        kinds += ["block", "line"]
    for kind in kinds:
        text = COMMENTS[kind].sub(_blank, text)
    return text


def _camel(attribute: str) -> str:
    head, *rest = attribute.removeprefix("data-").split("-")
    return head + "".join(word.capitalize() for word in rest)


def patterns(values: dict[str, str]) -> list[tuple[str, re.Pattern[str]]]:
    """One pattern per scanned value (and spelling), longest value first."""
    found: list[tuple[str, str, re.Pattern[str]]] = []
    for name, value in values.items():
        if name in SKIPPED:
            continue
        if SEPARATORS & set(value):
            before = r"(?<![A-Za-z0-9_-])" if NAME_CHARACTER.match(value[0]) else ""
            after = r"(?![A-Za-z0-9_-])" if NAME_CHARACTER.match(value[-1]) else ""
            found.append((name, value, re.compile(before + re.escape(value) + after)))
            if value.startswith("data-"):
                spelled = f"dataset.{_camel(value)}"
                found.append((name, spelled, re.compile(re.escape(spelled) + r"(?![\w$])")))
        else:
            quoted = "|".join(f"{quote}{re.escape(value)}{quote}" for quote in "\"'`")
            found.append((name, value, re.compile(quoted)))
    found.sort(key=lambda item: len(item[1]), reverse=True)
    return [(name, pattern) for name, _, pattern in found]


def spellings(paths: list[Path], root: Path, values: dict[str, str]) -> list[Spelling]:
    """Every contract value spelled in the code of ``paths`` (reported relative to ``root``)."""
    scanned = patterns(values)
    report: list[Spelling] = []
    for path in paths:
        code = code_of(path, path.read_text(encoding="utf-8"))
        for number, line in enumerate(code.splitlines(), start=1):
            rest = line
            for name, pattern in scanned:
                for match in pattern.finditer(rest):
                    report.append(
                        Spelling(path.relative_to(root).as_posix(), number, name, match.group(0))
                    )
                # Masked, so a shorter value inside this one is not reported again.
                rest = pattern.sub(lambda match: "\0" * len(match.group(0)), rest)
    return sorted(report, key=lambda item: (item.path, item.line, item.text))


def scanned_files(root: Path) -> list[Path]:
    """The templates and scripts under ``root`` that must read the contract."""
    files = {path for pattern in SCANNED for path in root.glob(pattern) if path.is_file()}
    return sorted(files)


def test_no_template_or_script_spells_a_contract_value() -> None:
    """Templates and scripts read every shared name from the contract instead of retyping it."""
    files = scanned_files(ROOT)
    assert len(files) > 20, files
    found = spellings(files, ROOT, shared_strings())
    assert not found, f"{len(found)} Stellen schreiben Namen des Vertrags aus:\n" + "\n".join(
        map(str, found)
    )


def test_only_contract_values_are_skipped() -> None:
    """The skip list names values that exist, each with a reason (it cannot silently rot)."""
    values = shared_strings()
    for name, reason in SKIPPED.items():
        assert name in values, name
        assert reason.strip(), name


@pytest.fixture
def planted(tmp_path: Path) -> tuple[Path, list[Path]]:
    """Copies of a template and a script with contract values planted at known lines."""
    template = tmp_path / "templates" / "offline" / "service-worker.js.j2"
    script = tmp_path / "docs" / "assets" / "klartext" / "progress" / "keys.mjs"
    for copy in (template, script):
        copy.parent.mkdir(parents=True)
        shutil.copy(ROOT / copy.relative_to(tmp_path), copy)
    return tmp_path, [template, script]


def _append(path: Path, lines: list[str]) -> int:
    """Append lines; returns the line number of the first."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_a_planted_literal_is_reported_with_file_and_line(
    planted: tuple[Path, list[Path]],
) -> None:
    """Negative control: values planted in a template and a script are found, where they are."""
    root, (template, script) = planted
    values = shared_strings()
    assert spellings([template, script], root, values) == []  # the copies start clean

    first = _append(
        template,
        [
            'if (event.data === "skip-waiting") self.skipWaiting();',
            "{# a comment may name skip-waiting #}",
            '<div data-kx-items="{{ items }}" class="kx-form-error">',
        ],
    )
    second = _append(
        script,
        [
            "const flag = 'beamer';",
            "const key = item.dataset.kxChapter;",
            "// the projector flag beamer and data-kx-item in a comment are fine",
            "const name = beamer + prefix;",
        ],
    )
    found = [str(item) for item in spellings([template, script], root, values)]
    assert found == [
        f"docs/assets/klartext/progress/keys.mjs:{second}: \"'beamer'\" ist "
        "deep_link.projector_flag aus content_model/contract.py",
        f"docs/assets/klartext/progress/keys.mjs:{second + 1}: 'dataset.kxChapter' ist "
        "progress.chapter_attribute aus content_model/contract.py",
        f"templates/offline/service-worker.js.j2:{first}: 'skip-waiting' ist "
        "offline.skip_waiting aus content_model/contract.py",
        f"templates/offline/service-worker.js.j2:{first + 2}: 'data-kx-items' ist "
        "progress.items_attribute aus content_model/contract.py",
    ]
