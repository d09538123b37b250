"""Everything a page needs to embed a calculator, computed at build time in CPython.

The form is rendered from the calculator's input declaration, the worked examples and the
pre-filled result are computed by the very same Python the browser runs later, and the
content templates a calculator fills (exit e-mail, CRM note) are handed over as data. So a
page teaches even without JavaScript, and nothing about a calculator is written twice.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from jinja2 import Environment
from markupsafe import Markup

from calculators.boundary import run
from calculators.calculator import Calculator
from calculators.fields import Field
from calculators.german_numbers import format_number
from calculators.registry import CALCULATORS
from content_model.loader import Playbook
from content_model.schema import CalculatorBlock, Preset


@dataclass(frozen=True)
class PresetLink:
    """A preset as a link that fills the form (and a trainer can share)."""

    label: str
    query: str


@dataclass(frozen=True)
class WorkedExample:
    """A worked example as the overview table shows it."""

    title: str
    inputs: str
    verdict: str


@dataclass(frozen=True)
class Embed:
    """The calculator, its form as HTML and its worked examples."""

    calculator: Calculator
    html: Markup
    examples: list[WorkedExample]


def template_texts(playbook: Playbook, ids: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """The wording of the named content templates, as the calculator boundary takes it."""
    found = playbook.templates_by_id
    return {key: found[key].texts() for key in ids if key in found}


def _summarise(calculator: Calculator, inputs: Mapping[str, str]) -> str:
    shown = []
    for field in calculator.inputs:
        value = inputs.get(field.name, "").strip()
        if not value:
            continue
        if field.kind == "lines":
            count = len([line for line in value.splitlines() if line.strip()])
            value = f"{count} Zeilen"
        elif field.kind == "choice":
            value = dict(field.choices).get(value, value)
        shown.append(f"{field.label}: {value}")
    return "; ".join(shown)


def _result(
    calculator: Calculator, inputs: Mapping[str, str], templates: dict[str, dict[str, str]]
) -> dict[str, object]:
    answer = run(calculator.id, inputs, templates)
    if not answer["ok"]:
        # A worked example that does not compute is a defect of the project, not of the reader.
        raise ValueError(f"example of {calculator.id} does not compute: {answer['errors']}")
    result = answer["result"]
    assert isinstance(result, dict)
    return result


def script_json(data: object) -> Markup:
    """JSON for a ``<script type="application/json">`` element: ``</`` can never close it."""
    return Markup(json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))


def preset_query(block: CalculatorBlock, preset: Preset) -> str:
    """The form values of a preset as a query, the part of its link after ``rechner-<id>:``."""
    calculator = CALCULATORS[block.calculator]
    return urlencode({**calculator.defaults(), **preset.values})


def preset_fragment(block: CalculatorBlock, preset: Preset) -> str:
    """The fragment that opens a calculator block with a preset filled in."""
    return f"rechner-{block.calculator}:{preset_query(block, preset)}"


def embed(environment: Environment, playbook: Playbook, block: CalculatorBlock) -> Embed:
    """Form, pre-filled result and worked examples for one calculator block."""
    calculator = CALCULATORS[block.calculator]
    templates = template_texts(playbook, calculator.templates)
    result = _result(calculator, calculator.defaults(), templates)
    presets = [PresetLink(preset.label, preset_query(block, preset)) for preset in block.presets]
    html = environment.get_template("calculators/form.html.j2").render(
        calculator=calculator,
        result=result,
        presets=presets,
        templates_json=script_json(templates),
    )
    examples = [
        WorkedExample(
            example.title,
            _summarise(calculator, example.inputs),
            str(_result(calculator, example.inputs, templates)["verdict"]),
        )
        for example in calculator.examples
    ]
    return Embed(calculator, Markup(html), examples)


KIND_NAMES: dict[str, str] = {
    "decimal": "Zahl",
    "integer": "ganze Zahl",
    "percent": "Prozent",
    "money": "Betrag",
    "hours": "Stunden",
    "date": "Datum (TT.MM.JJJJ)",
    "choice": "Auswahl",
    "text": "Text",
    "lines": "Liste, eine Zeile je Eintrag",
}


def field_kind(kind: str) -> str:
    """A field kind in German, for the input reference table."""
    return KIND_NAMES[kind]


def field_range(field: Field) -> str:
    """The allowed values of a field in German, e.g. "0 bis 20 Punkte"."""
    unit = f" {field.unit}" if field.unit else ""
    if field.choices:
        return ", ".join(label for _, label in field.choices)
    low = None if field.minimum is None else format_number(field.minimum)
    high = None if field.maximum is None else format_number(field.maximum)
    if low is not None and high is not None:
        return f"{low} bis {high}{unit}"
    if low is not None:
        return f"größer als {low}{unit}" if field.minimum_exclusive else f"ab {low}{unit}"
    if high is not None:
        return f"bis {high}{unit}"
    return "–"
