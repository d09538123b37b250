"""What a calculator is: its declared inputs, its rule and worked examples."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from calculators.fields import Field, Value
from calculators.problems import FieldError, InputError
from calculators.result import Result

Templates = Mapping[str, Mapping[str, str]]
Compute = Callable[[Mapping[str, Value], Templates], Result]


@dataclass(frozen=True)
class Example:
    """A worked example; the site shows it computed at build time."""

    title: str
    inputs: Mapping[str, str]


@dataclass(frozen=True)
class Calculator:
    """A calculator: declaration plus rule.

    ``templates`` names content templates (by their YAML id) whose wording the calculator
    fills; the text itself always comes from the content, never from here.
    """

    id: str
    title: str
    summary: str
    facts: tuple[str, ...]
    formula: str
    inputs: tuple[Field, ...]
    compute: Compute
    examples: tuple[Example, ...] = ()
    templates: tuple[str, ...] = field(default=())

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

    def run(self, raw: Mapping[str, str], templates: Templates) -> Result:
        """Parse, then apply the rule; raises FieldError(s) for unusable input."""
        return self.compute(self.parse(raw), templates)
