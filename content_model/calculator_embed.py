"""Everything a page needs to embed a calculator, computed at build time in CPython.

The form is rendered from the calculator's input declaration, the worked examples and the
pre-filled result are computed by the very same Python the browser runs later, and the
content templates a calculator fills (exit e-mail, CRM note) are handed over as data. So a
page teaches even without JavaScript, and nothing about a calculator is written twice.

A calculator can appear on several pages (its chapter, the overview of all calculators);
``CalculatorEmbeds`` computes each one's examples once per build and reuses them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from calculators.boundary import run
from calculators.calculator import BoundCalculator
from calculators.fields import Field
from calculators.german_numbers import EN_DASH, format_number, plural
from calculators.registry import CALCULATORS, field_names
from calculators.rules import Rules
from content_model.calculator_links import calculator_anchor, preset_fragment, preset_query
from content_model.loader import Playbook, walk, worked_example_problems
from content_model.problems import ContentError, Problem
from content_model.schema import CalculatorBlock, Chapter
from content_model.strict_yaml import YamlDocument, parse_yaml

FORM_TEMPLATE = "calculators/form.html.j2"


@dataclass(frozen=True)
class PresetLink:
    """A preset as a link that fills the form (and a trainer can share)."""

    label: str
    #: The form values, the part of the link after ``<link prefix><calculator id>:``.
    query: str
    #: The whole fragment of the link, without ``#``.
    fragment: str


@dataclass(frozen=True)
class WorkedExample:
    """A worked example as the table under the form shows it."""

    title: str
    inputs: str
    verdict: str


@dataclass(frozen=True)
class Computed:
    """What a calculator computes for the page, independent of the block that embeds it."""

    calculator: BoundCalculator
    #: The content templates it fills, as the calculator boundary takes them.
    templates: dict[str, dict[str, str]]
    #: The answer for the default values, shown under the form before anyone types.
    result: dict[str, object]
    examples: list[WorkedExample]


@dataclass(frozen=True)
class Embed:
    """One calculator block as the page shows it: heading, formula, form and examples."""

    calculator: BoundCalculator
    title: str
    anchor: str
    html: Markup
    examples: list[WorkedExample]


@dataclass(frozen=True)
class InputRow:
    """One input of a calculator in the reference table of the overview page."""

    label: str
    kind: str
    columns: str | None
    allowed: str
    required: str


def template_texts(playbook: Playbook, ids: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """The wording of the named content templates, as the calculator boundary takes it."""
    found = playbook.templates_by_id
    return {key: found[key].texts() for key in ids if key in found}


#: A label's allowed range in brackets, "Klares Problem (0–20 Punkte)": the form needs it,
#: a worked example's list of inputs does not (it would repeat it for every question).
_LABEL_RANGE = re.compile(rf" \([^()]*{EN_DASH}[^()]*\)$")


def _summarise(calculator: BoundCalculator, inputs: Mapping[str, str]) -> str:
    shown = []
    for field in calculator.inputs:
        value = inputs.get(field.name, "").strip()
        if not value:
            continue
        if field.kind == "lines":
            count = len([line for line in value.splitlines() if line.strip()])
            value = plural(count, "Zeile", "Zeilen")
        elif field.kind == "choice":
            value = dict(field.choices).get(value, value)
        shown.append(f"{_LABEL_RANGE.sub('', field.label)}: {value}")
    return "; ".join(shown)


def _result(
    calculator: BoundCalculator,
    inputs: Mapping[str, str],
    templates: dict[str, dict[str, str]],
    rules: Rules,
) -> dict[str, object]:
    answer = run(calculator.id, inputs, templates, rules)
    if not answer["ok"]:
        # A worked example that does not compute is a defect of the project, not of the reader.
        raise ValueError(f"example of {calculator.id} does not compute: {answer['errors']}")
    result = answer["result"]
    assert isinstance(result, dict)
    return result


def script_json(data: object) -> Markup:
    """JSON for a ``<script type="application/json">`` element: ``</`` can never close it."""
    return Markup(json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))


def compute(playbook: Playbook, calculator_id: str) -> Computed:
    """The default result and every worked example of one calculator."""
    rules = playbook.rules
    calculator = CALCULATORS[calculator_id].bind(rules)
    templates = template_texts(playbook, calculator.templates)
    examples = [
        WorkedExample(
            example.title,
            _summarise(calculator, example.inputs),
            str(_result(calculator, example.inputs, templates, rules)["verdict"]),
        )
        for example in calculator.examples
    ]
    default = _result(calculator, calculator.defaults(), templates, rules)
    return Computed(calculator, templates, default, examples)


def _located(source: str, content_root: Path | None) -> YamlDocument:
    """The chapter file as parsed YAML, for line numbers; without positions if not readable.

    ``source`` is the path the loader reports (relative to the project folder, which holds
    ``content/``); the chapter itself was read and validated already, so only where each
    part stands is needed here.
    """
    candidates = [Path(source)]
    if content_root is not None:
        candidates.insert(0, content_root.parent / source)
    for candidate in candidates:
        if candidate.is_file():
            try:
                return parse_yaml(candidate.read_text(encoding="utf-8"), source)
            except (OSError, ContentError):
                break
    return YamlDocument(path=source, data=None)


def _preset_id(chapter: Chapter, field: str) -> str:
    """The id of the preset a problem's ``field`` points to, e.g. ``….presets.0.outcome``.

    The message then names the worked example to look at, not only its position.
    """
    parts = field.split(".")
    for path, node in walk(chapter):
        if isinstance(node, CalculatorBlock) and [str(part) for part in path] == parts[:-3]:
            return node.presets[int(parts[-2])].id
    return "?"


def worked_example_check(playbook: Playbook, content_root: Path | None = None) -> None:
    """Raise ContentError when a chapter's declared worked example contradicts its calculator.

    A chapter states what the calculator answers for its example (a preset with ``outcome``);
    the build computes that preset with the playbook's own rules. A team that changes
    ``content/rules.yml`` so that the calculator answers otherwise must not publish the old
    statement, so the build stops and names file, line and preset (the same check as
    ``python -m content_model``, from ``loader.worked_example_problems``).
    """
    problems: list[Problem] = []
    calculators = field_names()
    for chapter in playbook.chapters:
        source = playbook.sources.get(chapter.id, f"content/chapters/{chapter.id}.yml")
        document = YamlDocument(path=source, data=None)
        found = worked_example_problems(chapter, document, playbook.rules, calculators)
        if not found:
            continue
        document = _located(source, content_root)
        for problem in worked_example_problems(chapter, document, playbook.rules, calculators):
            preset = _preset_id(chapter, problem.field)
            message = (
                f"Rechenbeispiel „{preset}“ passt nicht zu den Regeln (worked example "
                f"{preset!r} contradicts content/rules.yml): {problem.message}"
            )
            problems.append(
                Problem(problem.path, problem.line, problem.column, problem.field, message)
            )
    if problems:
        raise ContentError(problems)


def _content_root(forms: Environment) -> Path | None:
    """The content folder beside the templates folder the environment reads from."""
    loader = forms.loader
    if isinstance(loader, FileSystemLoader) and loader.searchpath:
        return Path(loader.searchpath[0]).parent / "content"
    return None


class CalculatorEmbeds:
    """The calculator embeds of one build: each calculator computed once, however often shown.

    ``forms`` renders the form HTML (an environment for HTML fragments). Creating the embeds
    checks every declared worked example against its calculator (``worked_example_check``),
    so no build publishes a chapter whose stated outcome its calculator contradicts.
    """

    def __init__(self, playbook: Playbook, forms: Environment) -> None:
        worked_example_check(playbook, _content_root(forms))
        self._playbook = playbook
        self._forms = forms
        self._computed: dict[str, Computed] = {}

    @property
    def rules(self) -> Rules:
        """The playbook's rules the calculators compute with in this build."""
        return self._playbook.rules

    def computed(self, calculator_id: str) -> Computed:
        """The calculator's default result and worked examples (computed on first use)."""
        if calculator_id not in self._computed:
            self._computed[calculator_id] = compute(self._playbook, calculator_id)
        return self._computed[calculator_id]

    def embed(self, block: CalculatorBlock) -> Embed:
        """Heading, form with the block's presets, pre-filled result and worked examples."""
        computed = self.computed(block.calculator)
        calculator = computed.calculator
        presets = [
            PresetLink(
                preset.label,
                preset_query(block.calculator, preset.values, self._playbook.rules),
                preset_fragment(block.calculator, preset.values, self._playbook.rules),
            )
            for preset in block.presets
        ]
        html = self._forms.get_template(FORM_TEMPLATE).render(
            calculator=calculator,
            result=computed.result,
            presets=presets,
            templates_json=script_json(computed.templates),
        )
        return Embed(
            calculator,
            block.title or calculator.title,
            calculator_anchor(calculator.id),
            Markup(html),
            computed.examples,
        )


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


def field_range(field: Field) -> str:
    """The allowed values of a field in German, e.g. "0 bis 20 Punkte"."""
    unit = f"\u00a0{field.unit}" if field.unit else ""
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


def input_rows(calculator: BoundCalculator) -> list[InputRow]:
    """The calculator's inputs for the reference table: kind and allowed values in German."""
    return [
        InputRow(
            field.label,
            KIND_NAMES[field.kind],
            field.columns or None,
            field_range(field),
            "ja" if field.required else "nein",
        )
        for field in calculator.inputs
    ]
