"""Hostile and mangled input: the loader and the calculators answer, they never crash."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.boundary import fill_json, run, run_json
from calculators.registry import CALCULATORS
from calculators.rules import rules_as_data
from content_model.loader import load_playbook
from content_model.problems import ContentError, Problem
from tests.content.conftest import FIXTURE

CHAPTER = Path("chapters") / "alle-bausteine.yml"
#: The calculators decide by the rules the build passes them: the fixture's (the articles').
RULES = load_playbook(FIXTURE).rules
ORIGINAL = (FIXTURE / CHAPTER).read_text(encoding="utf-8")
YAML_NOISE = st.sampled_from(
    [
        ":",
        "- ",
        "  ",
        "\n",
        "{",
        "}",
        "[",
        "]",
        '"',
        "'",
        "&a",
        "*a",
        "!!python/object",
        "NO",
        "0x1F",
        "01067",
        "~",
        "|",
        ">",
        "#",
        "\t",
        "<script>",
        "javascript:",
        "\x00",
        "é",
        "%YAML 1.1\n",
    ]
)


@st.composite
def mangled(draw: st.DrawFn) -> str:
    """The fixture chapter with a few cuts, duplications and insertions of YAML syntax."""
    text = ORIGINAL
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if action == "insert":
            text = text[:position] + draw(YAML_NOISE) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 40)) :]
        else:
            line_start = text.rfind("\n", 0, position) + 1
            line_end = text.find("\n", position)
            line = text[line_start : line_end if line_end != -1 else len(text)]
            text = text[:line_end] + "\n" + line + text[line_end:] if line_end != -1 else text
    return text


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=mangled())
def test_mangled_yaml_loads_or_fails_with_located_problems(tmp_path_factory, text: str) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("fuzz") / "content"
    shutil.copytree(FIXTURE, root)
    (root / CHAPTER).write_text(text, encoding="utf-8")
    problems = problems_of(root)
    for problem in problems:
        assert problem.path.endswith(".yml")
        assert problem.line >= 1
        assert problem.column >= 1
        assert problem.message


def problems_of(root: Path) -> list[Problem]:
    """The located problems of a content folder; none when it loads."""
    try:
        load_playbook(root, calculators={"value-per-hour": ["kontakte", "team_median"]})
    except ContentError as error:
        return error.problems
    return []


FIELD_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "1e308",
            "NaN",
            "inf",
            "-0",
            "9" * 60,
            "1.000.000.000.000,99",
            "−5",
            "0,0000001",
            "31.12.9999",
            "\n\n\n",
        ]
    ),
)


@settings(max_examples=200, deadline=None)
@given(calculator_id=st.sampled_from(list(CALCULATORS)), data=st.data())
def test_every_calculator_answers_any_typed_text(calculator_id: str, data: st.DataObject) -> None:
    calculator = CALCULATORS[calculator_id].bind(RULES)
    fields = {
        item.name: data.draw(st.one_of(st.just(item.default), FIELD_TEXT), label=item.name)
        for item in calculator.inputs
    }
    answer = run(calculator_id, fields, rules=RULES)
    text = json.dumps(answer, ensure_ascii=False, allow_nan=False)  # NaN or infinity would raise
    request = {"calculator": calculator_id, "fields": fields, "rules": rules_as_data(RULES)}
    assert json.loads(run_json(json.dumps(request))) == json.loads(text)
    if answer["ok"]:
        for value in answer["result"]["values"].values():  # type: ignore[index]
            assert "nan" not in value.lower()
            assert not (value.replace(".", "", 1).isdigit() and math.isinf(float(value)))
    else:
        errors = answer["errors"]
        assert isinstance(errors, dict)
        assert errors
        assert set(errors) <= {item.name for item in calculator.inputs} | {"_form"}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


@given(template=JSON_VALUES, values=JSON_VALUES)
@settings(max_examples=300, deadline=None)
def test_template_filling_answers_any_request(template: object, values: object) -> None:
    """Whatever the page sends, the answer is JSON with ``ok``; never an exception."""
    answer = json.loads(fill_json(json.dumps({"template": template, "values": values})))
    assert isinstance(answer["ok"], bool)
    if answer["ok"]:
        assert isinstance(answer["text"], str)
