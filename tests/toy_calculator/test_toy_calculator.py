"""A new calculator needs its module, one registry entry and a content block: nothing else.

A copy of the project gets the toy calculator of contributing/add-a-calculator.md, added
exactly as the how-to says (``project.py``), and is built once. Then the toy must work on
every layer without a line of JavaScript, template or hook written for it: the form and the
computed worked example are in the page; in Chromium, typing into the form shows the verdict
the worker computed; the shipped Pyodide answers exactly like CPython, with the toy's own
standard-library import (``statistics``, which no other calculator uses) in the trimmed
standard library. Without the registry entry the build stops and names the calculator.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from benchmarks.static_server import free_port, serve
from calculators.rules import rules_as_data
from content_model.contract import CONTRACT
from tests.browser.helpers import calculator, fill_and_wait
from tests.calculators.playbook_rules import PLAYBOOK_RULES
from tests.pyodide.conftest import run_in_pyodide
from tests.toy_calculator import project
from tests.toy_calculator.discount_check import CALCULATOR

#: The toy as the page shows it: bound to the playbook's rules (which it does not read).
TOY = CALCULATOR.bind(PLAYBOOK_RULES)
#: Requests carry the rules, as the build's own requests do: a source checkout publishes none.
RULES = rules_as_data(PLAYBOOK_RULES)

#: What a reader types in the browser test: a discount above a new customer's limit.
TYPED = {"rabatt": "20 %", "kundentyp": "neu"}


@dataclass(frozen=True)
class ToySite:
    """The built copy: its project folder, site folder and the address it was built for."""

    project: Path
    site: Path
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def page_html(self) -> str:
        return (self.site / project.CHAPTER_PAGE / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def toy_site(tmp_path_factory: pytest.TempPathFactory) -> ToySite:
    """The project with the toy added as documented, built once for a free local port."""
    folder = tmp_path_factory.mktemp("toy")
    copy = project.copy_project(folder / "project")
    project.add_module(copy)
    project.register(copy)
    project.use_in_chapter(copy)
    port = free_port()
    site = project.build(copy, folder / "site", f"http://127.0.0.1:{port}/")
    return ToySite(copy, site, port)


@pytest.fixture(scope="module")
def toy_url(toy_site: ToySite) -> Iterator[str]:
    """The built copy served over HTTP on the port it was built for."""
    with serve(toy_site.site, port=toy_site.port) as url:
        yield url


def verdict(toy_site: ToySite, fields: dict[str, str]) -> str:
    """The toy's verdict for these inputs, computed by the copy's boundary in CPython."""
    request = json.dumps(
        {"calculator": TOY.id, "fields": fields, "rules": RULES}, ensure_ascii=False
    )
    answer = json.loads(project.answers_in_cpython(toy_site.project, [request])[0])
    assert answer["ok"] is True, answer
    return str(answer["result"]["verdict"])


def control(page_html: str, name: str) -> str | None:
    """The opening tag of the form control named ``name``, if the page has one.

    A short choice is a group of options: its fieldset carries the name.
    """
    found = re.search(
        rf'<(?:input|select|textarea|fieldset)\b[^>]*\bname="{re.escape(name)}"[^>]*>', page_html
    )
    return found.group(0) if found else None


def test_the_page_has_a_control_per_field_and_the_computed_worked_example(
    toy_site: ToySite,
) -> None:
    page_html = html.unescape(toy_site.page_html())
    for field in TOY.inputs:
        assert control(page_html, field.name), field.name
        assert f">{field.label}" in page_html, field.label
    for _, label in TOY.inputs[2].choices:
        assert f'<span class="kx-choice-text">{label}</span>' in page_html
    assert control(page_html, "nicht-deklariert") is None
    example = TOY.examples[0]
    example_verdict = verdict(toy_site, dict(example.inputs))
    default_verdict = verdict(toy_site, TOY.defaults())
    assert example_verdict != default_verdict
    assert example.title in page_html
    assert example_verdict in page_html
    assert default_verdict in page_html
    assert f'id="{CONTRACT.calculator.link_prefix}{TOY.id}"' in page_html


@pytest.mark.browser
def test_typing_into_the_toy_shows_the_workers_verdict(
    toy_site: ToySite, toy_url: str, page: Page
) -> None:
    expected = verdict(toy_site, {**TOY.defaults(), **TYPED})
    page.goto(f"{toy_url}{project.CHAPTER_PAGE}")
    container = calculator(page, TOY.id)
    expect(container).not_to_contain_text(expected)
    fill_and_wait(container, TYPED)
    expect(container).to_contain_text(expected)


@pytest.mark.pyodide
def test_the_shipped_pyodide_answers_like_cpython(toy_site: ToySite) -> None:
    node = shutil.which("node")
    assert node, "node is not installed: the Pyodide parity check cannot run"
    runtime = CONTRACT.runtime
    fields = [TOY.defaults(), {**TOY.defaults(), **TYPED}, *(dict(e.inputs) for e in TOY.examples)]
    fields += [{**TOY.defaults(), field.name: "x?"} for field in TOY.inputs]
    requests = [
        json.dumps({"calculator": TOY.id, "fields": item, "rules": RULES}, ensure_ascii=False)
        for item in fields
    ]
    output = run_in_pyodide(
        node,
        toy_site.site / runtime.archive_uri,
        requests,
        toy_site.site / runtime.pyodide_uri / runtime.stdlib_name,
    )
    stdlib_files = output["stdlibFiles"]
    assert isinstance(stdlib_files, list)
    # The trimmed standard library was derived from the toy's examples, so it holds the
    # module only the toy imports; the stock one would not be bytecode only.
    assert "statistics.pyc" in stdlib_files
    assert not [name for name in stdlib_files if name.endswith(".py")]
    in_pyodide = output["answers"]
    assert isinstance(in_pyodide, list)
    assert in_pyodide == project.answers_in_cpython(toy_site.project, requests)
    assert [json.loads(answer)["ok"] for answer in in_pyodide[:3]] == [True, True, True]


def test_without_the_registry_entry_the_build_names_the_calculator(tmp_path: Path) -> None:
    copy = project.copy_project(tmp_path / "project")
    project.add_module(copy)
    project.use_in_chapter(copy)
    with pytest.raises(project.BuildFailedError, match=f"unknown calculator '{TOY.id}'"):
        project.build(copy, tmp_path / "site", "http://127.0.0.1:8000/")
