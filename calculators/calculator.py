"""What a calculator is: a declaration that takes the playbook's rules, and its worked examples.

A calculator's thresholds are a team's decision, kept in ``content/rules.yml``; nothing in a
calculator module writes such a figure. So a ``Calculator`` is a declaration: every part that
shows or uses a rule (a field's bounds, default, label or help, the summary, the formula, the
examples, the rule itself) is a function of ``Rules``. ``bind(rules)`` turns it into the
``BoundCalculator`` that forms, worked examples and answers use. Field names never depend on
the rules: presets, links and the content check know them before any rules are read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from calculators.fields import Field, Value
from calculators.problems import FieldError, InputError
from calculators.result import Result
from calculators.rules import Rules

Templates = Mapping[str, Mapping[str, str]]
#: The rule: checked values, the content templates it fills and the playbook's rules.
Compute = Callable[[Mapping[str, Value], Templates, Rules], Result]

#: A text of the declaration: fixed, or written from the rules.
RuledText = str | Callable[[Rules], str]


@dataclass(frozen=True)
class Example:
    """A worked example; the site shows it computed at build time."""

    title: str
    inputs: Mapping[str, str]


#: The worked examples: fixed, or chosen to fit the rules (e.g. a form's ruled defaults).
RuledExamples = tuple[Example, ...] | Callable[[Rules], tuple[Example, ...]]


@dataclass(frozen=True)
class RuledField:
    """An input whose declaration follows the rules (its bounds, default, label or help).

    The name is given here as well as by the declared field, because it must be known without
    rules; ``Calculator.bind`` refuses a declaration where the two differ.
    """

    name: str
    declare: Callable[[Rules], Field]


Input = Field | RuledField


def _text(part: RuledText, rules: Rules) -> str:
    return part if isinstance(part, str) else part(rules)


def _examples(part: RuledExamples, rules: Rules) -> tuple[Example, ...]:
    return part if isinstance(part, tuple) else part(rules)


def _declared(item: Input, rules: Rules) -> Field:
    if isinstance(item, Field):
        return item
    declared = item.declare(rules)
    if declared.name != item.name:
        raise ValueError(f"ruled field {item.name!r} declares a field named {declared.name!r}")
    return declared


def bind_inputs(inputs: tuple[Input, ...], rules: Rules) -> tuple[Field, ...]:
    """The fields as declared under ``rules`` (for examples built from the defaults)."""
    return tuple(_declared(item, rules) for item in inputs)


@dataclass(frozen=True)
class Calculator:
    """A calculator's declaration: what it asks, how it decides, and what it shows.

    ``templates`` names content templates (by their YAML id) whose wording the calculator
    fills; the text itself always comes from the content, never from here.
    """

    id: str
    title: str
    summary: RuledText
    facts: tuple[str, ...]
    formula: RuledText
    inputs: tuple[Input, ...]
    compute: Compute
    examples: RuledExamples = ()
    templates: tuple[str, ...] = field(default=())

    @property
    def field_names(self) -> tuple[str, ...]:
        """The inputs' names, which do not depend on the rules."""
        return tuple(item.name for item in self.inputs)

    def bind(self, rules: Rules) -> BoundCalculator:
        """The calculator as it asks, decides and explains under ``rules``."""
        return BoundCalculator(
            id=self.id,
            title=self.title,
            summary=_text(self.summary, rules),
            facts=self.facts,
            formula=_text(self.formula, rules),
            inputs=bind_inputs(self.inputs, rules),
            examples=_examples(self.examples, rules),
            templates=self.templates,
            rules=rules,
            rule=self.compute,
        )


@dataclass(frozen=True)
class BoundCalculator:
    """A calculator under one set of rules: its texts, fields and answers."""

    id: str
    title: str
    summary: str
    facts: tuple[str, ...]
    formula: str
    inputs: tuple[Field, ...]
    examples: tuple[Example, ...]
    templates: tuple[str, ...]
    rules: Rules
    rule: Compute

    def defaults(self) -> dict[str, str]:
        """The form's initial values, as strings."""
        return {item.name: item.default for item in self.inputs}

    def parse(self, raw: Mapping[str, str]) -> dict[str, Value]:
        """Check every field and raise InputError listing all that fail."""
        values: dict[str, Value] = {}
        problems: dict[str, str] = {}
        for item in self.inputs:
            try:
                values[item.name] = item.parse(raw.get(item.name, ""))
            except FieldError as problem:
                problems[problem.field] = problem.message
        if problems:
            raise InputError(problems)
        return values

    def compute(self, values: Mapping[str, Value], templates: Templates) -> Result:
        """Apply the rule to checked values."""
        return self.rule(values, templates, self.rules)

    def run(self, raw: Mapping[str, str], templates: Templates) -> Result:
        """Parse, then apply the rule; raises FieldError(s) for unusable input."""
        return self.compute(self.parse(raw), templates)
