"""A rule's figure as German text, and the ``[[regel:…]]`` references that put it into content.

Content never restates a rule's figure: it writes ``[[regel:score.pursue_from]]`` ("70 Punkte"),
``[[regel:score.pursue_from|zahl]]`` ("70") or ``[[regel:commitment.within_days|dativ]]``
("30 Tagen", the form after "nach", "binnen", "unter"). The reference is replaced by the figure
from ``content/rules.yml`` when the content is loaded, before anything else reads the text, so
titles, navigation, text templates and tooltips show the team's figure as much as the prose does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from calculators import german_numbers
from calculators.german_numbers import format_number, format_quantity, format_range

#: The one German formatting module's characters, under the names callers already import.
NBSP = german_numbers.NBSP
EN_DASH = german_numbers.EN_DASH

#: ``[[regel:section.rule]]`` or ``[[regel:section.rule|form]]``.
RULE_REF = re.compile(r"\[\[regel:([^\]|]*)(?:\|([^\]]*))?\]\]")
#: A whole value that is one rule's bare number, e.g. a step's ``minutes`` in the YAML.
RULE_NUMBER_PATTERN = r"^\[\[regel:[a-z_]+\.[a-z_]+\|zahl\]\]$"

Unit = Literal["punkte", "tage", "wochen", "stunden", "minuten", "prozent", "anzahl"]
Form = Literal["", "zahl", "dativ"]
FORMS: tuple[Form, ...] = ("", "zahl", "dativ")
RuleValue = int | tuple[int, int]


@dataclass(frozen=True)
class UnitWords:
    """A unit's noun as German needs it: one or many, nominative/accusative or dative."""

    one: str
    many: str
    many_dative: str


UNIT_WORDS: dict[str, UnitWords] = {
    "punkte": UnitWords("Punkt", "Punkte", "Punkten"),
    "tage": UnitWords("Tag", "Tage", "Tagen"),
    "wochen": UnitWords("Woche", "Wochen", "Wochen"),
    "stunden": UnitWords("Stunde", "Stunden", "Stunden"),
    "minuten": UnitWords("Minute", "Minuten", "Minuten"),
}


def format_rule(value: RuleValue, unit: str, form: Form = "") -> str:
    """A rule's figure in German: "70 Punkte", "60–90 Tage", "90 %", "3"; "30 Tagen" as dative.

    A non-breaking space keeps number and unit on one line; a window's ends are joined by an
    en dash. ``zahl`` gives the bare number, for sentences that name the unit themselves.
    """
    if isinstance(value, tuple):
        number = format_range(value[0], value[1])
        one = False
    else:
        number = format_number(value)
        one = value == 1
    if form == "zahl" or unit == "anzahl":
        return number
    if unit == "prozent":
        return format_quantity(number, "%")
    words = UNIT_WORDS[unit]
    word = words.one if one else (words.many_dative if form == "dativ" else words.many)
    return format_quantity(number, word)
