"""Every calculator's declaration is one the form, the links and the page can use.

A calculator's id becomes a fragment (``#rechner-<id>``), element ids and a JSON key; a
field's name becomes an element id, a form name and a key in preset links; the defaults
are computed into the page at build time and every worked example is shown computed. A
declaration that breaks one of these would otherwise surface as a broken page or a build
error far from its cause; here it is named with the calculator. The toy calculator of
contributing/add-a-calculator.md is held to the same rules. Each declaration is checked as
bound to the playbook's rules.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest

from calculators.calculator import BoundCalculator, Calculator, Example, RuledField
from calculators.fields import Field
from calculators.problems import FieldError, InputError
from calculators.registry import CALCULATORS, REGISTERED, by_id
from tests.calculators.playbook_rules import PLAYBOOK_RULES
from tests.toy_calculator.discount_check import CALCULATOR as TOY

CALCULATOR_ID = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
FIELD_NAME = re.compile(r"[a-z][a-z0-9_]*")


def _field_problems(field: Field) -> list[str]:
    problems = []
    if not FIELD_NAME.fullmatch(field.name):
        problems.append(f"field name {field.name!r} is not lower_snake_case")
    if field.kind == "choice" and field.default not in {value for value, _ in field.choices}:
        problems.append(f"default {field.default!r} of {field.name!r} is not one of its choices")
    if (field.kind == "lines") != bool(field.row):
        problems.append(f"{field.name!r}: only a 'lines' field has (and needs) row columns")
    if field.minimum is not None and field.maximum is not None and field.minimum > field.maximum:
        problems.append(f"{field.name!r}: minimum above maximum")
    return problems


def _compute_problems(calculator: BoundCalculator, inputs: dict[str, str], what: str) -> list[str]:
    try:
        calculator.run(inputs, {})
    except InputError as error:
        detail = "; ".join(f"{name}: {message}" for name, message in error.problems.items())
        return [f"cannot compute {what}: {detail}"]
    except FieldError as error:
        return [f"cannot compute {what}: {error.field}: {error.message}"]
    except Exception as error:  # a bug in the rule, e.g. it reads a field that was renamed
        return [f"cannot compute {what}: {type(error).__name__}: {error}"]
    return []


def declaration_problems(declaration: Calculator) -> list[str]:
    """What is wrong with a declaration, in words that name the part to fix."""
    try:
        calculator = declaration.bind(PLAYBOOK_RULES)
    except Exception as error:  # a ruled part that fails under the rules
        return [f"cannot bind to the rules: {type(error).__name__}: {error}"]
    problems = []
    if not CALCULATOR_ID.fullmatch(calculator.id):
        problems.append(f"id {calculator.id!r} is not lower-kebab-case")
    for text, name in ((calculator.title, "title"), (calculator.summary, "summary")):
        if not text.strip():
            problems.append(f"{name} is empty")
    names = [field.name for field in calculator.inputs]
    if not names:
        problems.append("no inputs")
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        problems.append(f"field names used twice: {', '.join(duplicates)}")
    for field in calculator.inputs:
        problems += _field_problems(field)
    problems += _compute_problems(calculator, calculator.defaults(), "the defaults")
    if not calculator.examples:
        problems.append("no worked example")
    for example in calculator.examples:
        unknown = sorted(set(example.inputs) - set(names))
        if unknown:
            problems.append(f"example {example.title!r} names unknown fields: {unknown}")
        problems += _compute_problems(
            calculator, dict(example.inputs), f"example {example.title!r}"
        )
    return problems


@pytest.mark.parametrize("calculator", [*CALCULATORS.values(), TOY], ids=lambda c: c.id)
def test_declaration_is_usable(calculator: Calculator) -> None:
    assert declaration_problems(calculator) == []


def test_registry_keeps_the_listed_order() -> None:
    assert list(CALCULATORS) == [calculator.id for calculator in REGISTERED]


def test_a_second_calculator_with_the_same_id_is_refused() -> None:
    with pytest.raises(ValueError, match="'discount-check'"):
        by_id([TOY, replace(TOY, title="Kopie")])


# Negative controls: each planted defect must be named.

BROKEN = Example("Kaputt", {"listenpreis": "viel"})
LISTENPREIS = next(item for item in TOY.inputs if isinstance(item, Field))


def with_field(index: int, **changes: object) -> Calculator:
    """The toy with one field's declaration changed."""
    inputs = list(TOY.inputs)
    inputs[index] = replace(inputs[index], **changes)  # type: ignore[arg-type]
    return replace(TOY, inputs=tuple(inputs))


@pytest.mark.parametrize(
    ("defect", "named"),
    [
        (replace(TOY, id="Discount_Check"), "lower-kebab-case"),
        (replace(TOY, title=" "), "title is empty"),
        (replace(TOY, inputs=(*TOY.inputs, TOY.inputs[0])), "used twice: listenpreis"),
        (with_field(0, name="Listen-Preis"), "lower_snake_case"),
        (with_field(0, name="preis"), "cannot compute the defaults: KeyError"),
        (with_field(2, default="stamm"), "not one of its choices"),
        (with_field(3, row=()), "row columns"),
        (with_field(1, maximum=Decimal(-1)), "minimum above maximum"),
        (with_field(1, default="x"), "cannot compute the defaults: rabatt"),
        (replace(TOY, examples=()), "no worked example"),
        (replace(TOY, examples=(Example("Tippfehler", {"rabat": "5"}),)), "unknown fields"),
        (replace(TOY, examples=(BROKEN,)), "cannot compute example 'Kaputt'"),
        (
            replace(TOY, inputs=(RuledField("rabatt", lambda _: LISTENPREIS), *TOY.inputs[1:])),
            "cannot bind to the rules: ValueError: ruled field 'rabatt'",
        ),
    ],
)
def test_a_planted_defect_is_named(defect: Calculator, named: str) -> None:
    assert any(named in problem for problem in declaration_problems(defect)), declaration_problems(
        defect
    )
