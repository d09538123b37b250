"""``content/rules.yml``: the team's rules, typed and checked before anything uses them.

The file has exactly the sections and rules of ``calculators.rules.Rules`` (the model below is
made from those dataclasses, so a rule added there is a rule the file must have). Each rule
carries its value, unit, allowed range, source fact and a one-line description. Besides the
types, the rules must agree with each other: the nurture band lies below the pursue band, the
pursue band can be reached with five questions, points come in whole steps, a window does not
end before it starts, a share is at most 100 %.

Sales leads edit this file, so every problem is reported in German, located like all content
problems (file:line:col).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from functools import cache, cached_property
from pathlib import Path
from typing import Any, get_type_hints

from pydantic import ValidationError, create_model

from calculators.rules import Rules, Window, rules_from_data
from content_model.problems import ContentError, Problem
from content_model.rule_text import NBSP, Form, RuleValue, Unit, format_rule
from content_model.schema import FactId, Model, Text
from content_model.strict_yaml import PathKey, YamlDocument, parse_yaml

#: The qualification score asks five questions; their points add up to the score.
SCORE_QUESTIONS = 5


class RuleBase(Model):
    """What every rule states besides its value."""

    unit: Unit
    min: int
    max: int
    fact: FactId
    description: Text


class NumberRule(RuleBase):
    """A rule with one whole number."""

    value: int


class WindowRule(RuleBase):
    """A rule that is a window ``[first, last]``; ``min`` and ``max`` bound both ends."""

    value: tuple[int, int]


def _section_model(kind: type[Any]) -> type[Model]:
    hints = get_type_hints(kind)
    entries: dict[str, Any] = {
        item.name: (WindowRule if hints[item.name] == Window else NumberRule, ...)
        for item in fields(kind)
    }
    return create_model(kind.__name__ + "File", __base__=Model, __doc__=kind.__doc__, **entries)


#: The model of ``content/rules.yml``: one field per section, one per rule in each section.
_SECTIONS: dict[str, Any] = {
    section.name: (_section_model(get_type_hints(Rules)[section.name]), ...)
    for section in fields(Rules)
}
RulesFile: type[Model] = create_model(
    "RulesFile",
    __base__=Model,
    __doc__="``content/rules.yml``: every rule of the playbook with unit, range and source.",
    **_SECTIONS,
)


@cache
def rule_names() -> tuple[str, ...]:
    """Every rule as ``section.rule``, in the order of ``calculators.rules.Rules``."""
    hints = get_type_hints(Rules)
    return tuple(
        f"{section.name}.{item.name}"
        for section in fields(Rules)
        for item in fields(hints[section.name])
    )


@dataclass(frozen=True)
class RuleBook:
    """The validated rules: each entry with its metadata, and the values the calculators take."""

    entries: dict[str, NumberRule | WindowRule]

    @cached_property
    def rules(self) -> Rules:
        """The values as ``calculators.rules.Rules``."""
        data: dict[str, dict[str, object]] = {}
        for name, entry in self.entries.items():
            section, rule = name.split(".")
            data.setdefault(section, {})[rule] = entry.value
        return rules_from_data(data)

    def text(self, name: str, form: Form = "") -> str:
        """The figure of rule ``name`` (``section.rule``) as German text."""
        entry = self.entries[name]
        return format_rule(entry.value, entry.unit, form)


_TYPE_MESSAGES = {
    "int_parsing": "erwartet eine ganze Zahl",
    "int_type": "erwartet eine ganze Zahl",
    "int_from_float": "erwartet eine ganze Zahl",
    "tuple_type": "erwartet ein Zeitfenster aus zwei ganzen Zahlen, z. B. [60, 90]",
    "too_short": "erwartet ein Zeitfenster aus zwei ganzen Zahlen, z. B. [60, 90]",
    "too_long": "erwartet ein Zeitfenster aus zwei ganzen Zahlen, z. B. [60, 90]",
    "string_type": "erwartet einen Text",
    "string_too_short": "darf nicht leer sein",
    "string_pattern_mismatch": "unbekannte Fakten-ID (erlaubt: A1–A11, B1–B9)",
    "literal_error": (
        "unbekannte Einheit (erlaubt: punkte, tage, wochen, stunden, minuten, prozent, anzahl)"
    ),
    "model_type": "erwartet Einträge der Form „name: Wert“",
    "dict_type": "erwartet Einträge der Form „name: Wert“",
}
_LEVEL_NAMES = ("Abschnitt", "Regel", "Angabe")


def _known(path: PathKey) -> str:
    """The names allowed where ``path`` has an unknown one, as a hint for the author."""
    if len(path) == 1:
        names = [section.name for section in fields(Rules)]
    elif len(path) == 2:
        names = [item.name for item in fields(get_type_hints(Rules)[str(path[0])])]
    else:
        names = list(NumberRule.model_fields)
    return ", ".join(names)


def _german(kind: str, path: PathKey) -> str:
    """Pydantic's error ``kind`` at ``path`` (section, rule, field) in German."""
    depth = len(path)
    level = _LEVEL_NAMES[min(depth, 3) - 1] if depth else "Angabe"
    if kind == "extra_forbidden":
        article = "unbekannte" if level == "Regel" else "unbekannter"
        return f"{article} {level} (bekannt: {_known(path)})"
    if kind == "missing":
        return f"{level} fehlt"
    return _TYPE_MESSAGES.get(kind, "ungültiger Wert")


class _Located:
    """Problems of one document, each placed where the author has to look."""

    def __init__(self, document: YamlDocument) -> None:
        self.document = document
        self.problems: list[Problem] = []

    def add(
        self, path: PathKey, message: str, *, key: bool = False, at: PathKey | None = None
    ) -> None:
        """A problem of ``path``, placed at its value (its key, or the key ``at``)."""
        position = (
            self.document.position_of(path, key=key)
            if at is None
            else self.document.position_of(at, key=True)
        )
        dotted = ".".join(str(part) for part in path)
        self.problems.append(
            Problem(self.document.path, position.line, position.column, dotted, message)
        )


def _window_ends(value: RuleValue) -> tuple[tuple[PathKey, int], ...]:
    if isinstance(value, tuple):
        return (("value", 0), value[0]), (("value", 1), value[1])
    return ((("value",), value),)


def _entry_problems(entry: NumberRule | WindowRule) -> Iterator[tuple[PathKey, str]]:
    """What must hold for one rule on its own: its range, its window, its share."""
    if entry.min > entry.max:
        yield ("min",), f"der erlaubte Bereich beginnt nach seinem Ende ({entry.min} > {entry.max})"
        return
    for where, number in _window_ends(entry.value):
        if entry.unit == "prozent" and number > 100:
            yield where, f"ein Anteil kann nicht über 100{NBSP}% liegen ({number}{NBSP}%)"
        elif not entry.min <= number <= entry.max:
            allowed = f"{entry.min}–{entry.max}"
            yield where, f"{number} liegt außerhalb des erlaubten Bereichs {allowed}"
    if isinstance(entry.value, tuple) and entry.value[0] > entry.value[1]:
        first, last = entry.value
        yield ("value",), f"das Zeitfenster beginnt nach seinem Ende ({first} > {last})"


def _relation_problems(book: RuleBook) -> Iterator[tuple[str, str]]:
    """What must hold between rules; each problem is placed at the rule that breaks it."""
    score = book.rules.score
    if score.nurture_from >= score.pursue_from:
        yield (
            "score.nurture_from",
            f"die Schwelle zum Pflegen ({book.text('score.nurture_from')}) muss unter der "
            f"Schwelle zum aktiven Verfolgen ({book.text('score.pursue_from')}) liegen",
        )
    reachable = SCORE_QUESTIONS * score.question_points
    if score.pursue_from > reachable:
        yield (
            "score.pursue_from",
            f"mit {SCORE_QUESTIONS} Fragen zu je {book.text('score.question_points')} sind "
            f"höchstens {format_rule(reachable, 'punkte')} erreichbar",
        )
    if score.question_points % score.step:
        yield (
            "score.question_points",
            f"muss ein Vielfaches der Schrittweite ({book.text('score.step')}) sein",
        )


def read_rules(document: YamlDocument) -> RuleBook:
    """Validate a parsed ``rules.yml``; raise ``ContentError`` with every problem, in German."""
    located = _Located(document)
    try:
        model = RulesFile.model_validate(document.data)
    except ValidationError as error:
        for detail in error.errors():
            path = tuple(detail["loc"])
            message = _german(detail["type"], path)
            if detail["type"] == "missing" and len(path) > 1:
                # Where the missing entry belongs: at the key of the section (or rule) above it.
                located.add(path, message, at=path[:-1])
            else:
                located.add(path, message, key=detail["type"] == "extra_forbidden")
        raise ContentError(located.problems) from None
    entries: dict[str, NumberRule | WindowRule] = {}
    for name in rule_names():
        section, rule = name.split(".")
        entry = getattr(getattr(model, section), rule)
        assert isinstance(entry, NumberRule | WindowRule)
        entries[name] = entry
        for where, message in _entry_problems(entry):
            located.add((section, rule, *where), message)
    if located.problems:
        raise ContentError(located.problems)
    book = RuleBook(entries)
    for name, message in _relation_problems(book):
        located.add((*name.split("."), "value"), message)
    if located.problems:
        raise ContentError(located.problems)
    return book


def load_rules(path: Path) -> Rules:
    """The rules' values of a ``rules.yml`` file, validated as the content build validates them.

    For what needs only the figures (the calculators' runtime, tests); the content build reads
    the file with every other content file, so its problems are reported together.
    """
    document = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    return read_rules(document).rules
