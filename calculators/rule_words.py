"""The rules' figures as German words, for the texts a calculator shows.

A calculator's label, help, formula and messages take every figure from the rules, so a team
that changes a rule sees its own figure everywhere. German typography: a non-breaking space
between a number and its unit or "%", an en dash in a range ("60–90 Tage"), and in running
text small counts as words ("zwei Wochen"), as the articles and today's answers write them.
"""

from __future__ import annotations

from calculators import german_numbers
from calculators.german_numbers import format_percent, format_range, plural

#: The one German formatting module's characters, under the names callers already import.
NBSP = german_numbers.NBSP
EN_DASH = german_numbers.EN_DASH

#: Counts up to twelve are written as words in running text; larger ones as digits.
_WORDS = (
    "null",
    "eins",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
)


def number_word(count: int) -> str:
    """A count as running text writes it: "zwei", "sechs", "13"; "ein" before a noun."""
    if count == 1:
        return "ein"
    if 0 <= count < len(_WORDS):
        return _WORDS[count]
    return str(count)


def capitalised(text: str) -> str:
    """The text with a capital first letter, for a count that opens a sentence."""
    return text[:1].upper() + text[1:]


def amount(count: int, one: str, many: str) -> str:
    """A number with its unit, kept on one line: "1 Woche", "30 Tage"."""
    return plural(count, one, many)


def span(first: int, last: int, unit: str) -> str:
    """A window with its unit: "60–90 Tage"; a window of one value is that value."""
    return format_range(first, last, unit)


def percent(value: int) -> str:
    """A rule's share as German typography writes it: "80 %"."""
    return format_percent(value, 0)


def counted(count: int, one: str, many: str, *, article: str = "ein") -> str:
    """A count with its noun in running text: "zwei Warnsignalen", "einem Warnsignal".

    ``one`` and ``many`` are the noun in the case the sentence needs; ``article`` is the
    indefinite article in that case, used for a count of one.
    """
    return f"{article} {one}" if count == 1 else f"{number_word(count)} {many}"


_ORDINALS = ("ersten", "zweiten", "dritten", "vierten", "fünften", "sechsten")


def ordinal(count: int) -> str:
    """An ordinal after "beim"/"am": "zweiten", "dritten"; "7." beyond six."""
    return _ORDINALS[count - 1] if 1 <= count <= len(_ORDINALS) else f"{count}."
