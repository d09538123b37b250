"""Replace ``[[regel:…]]`` references in a parsed content file by the rules' figures.

This runs on the plain data of a file, after parsing and before its model is validated, so
every text field of every content file can state a rule (a chapter title as well as a text
template or a step's ``minutes``), and the models, views and templates only ever see the
team's figures. A reference to an unknown rule, or in an unknown form, is a located problem
that points at the reference itself.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from content_model.problems import Problem
from content_model.rule_text import FORMS, RULE_REF, Form
from content_model.rules import RuleBook
from content_model.strict_yaml import Data, PathKey, Position, YamlDocument


def _strings(data: Data, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _strings(item, (*path, index))
    elif isinstance(data, dict):
        for key, item in data.items():
            yield from _strings(item, (*path, key))


def _replace(document: YamlDocument, path: PathKey, text: str) -> None:
    if not path:
        document.data = text
        return
    node = document.data
    for part in path[:-1]:
        node = node[part]  # type: ignore[index]
    node[path[-1]] = text  # type: ignore[index]


class _Source:
    """Where in the file's text a reference was written (the parser only knows the scalar)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0]
        for index, character in enumerate(text):
            if character == "\n":
                self.line_starts.append(index + 1)

    def offset(self, position: Position) -> int:
        return self.line_starts[position.line - 1] + position.column - 1

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return Position(line + 1, offset - self.line_starts[line] + 1)


def _unknown_rule(name: str, names: Collection[str]) -> str:
    close = difflib.get_close_matches(name, list(names), n=1)
    hint = f" – meinten Sie „{close[0]}“?" if close else ""
    return f"unbekannte Regel „{name}“{hint} (alle Regeln stehen in content/rules.yml)"


@dataclass(frozen=True)
class Resolved:
    """What resolving a file's references found."""

    problems: list[Problem]
    #: The fields (dotted paths) that still hold a reference: their type cannot be judged.
    unresolved: frozenset[str]


def resolve_rule_refs(
    document: YamlDocument, source: str, names: Collection[str], book: RuleBook | None
) -> Resolved:
    """Check every rule reference in ``document``; replace them all when ``book`` is given.

    ``source`` is the file's text, to place a problem at the reference; ``names`` are the
    rules that exist (known even when ``rules.yml`` itself has problems, then ``book`` is
    ``None`` and nothing is replaced).
    """
    located = _Source(source)
    problems: list[Problem] = []
    replaced: list[tuple[PathKey, str]] = []
    unresolved: set[str] = set()
    for path, text in _strings(document.data):
        if "[[regel:" not in text:
            continue
        search_from = located.offset(document.position_of(path))
        pieces: list[str] = []
        position = 0
        broken = False
        for match in RULE_REF.finditer(text):
            found = source.find(match.group(0), search_from)
            if found >= 0:
                search_from = found + len(match.group(0))
                where = located.position(found)
            else:
                where = document.position_of(path)
            name = match.group(1).strip()
            form = (match.group(2) or "").strip()
            message = None
            if name not in names:
                message = _unknown_rule(name, names)
            elif form not in FORMS:
                allowed = ", ".join(f"„{item}“" for item in FORMS if item)
                message = f"unbekannte Form „{form}“ bei Regel „{name}“ (erlaubt: {allowed})"
            if message is not None:
                dotted = ".".join(str(part) for part in path)
                problems.append(Problem(document.path, where.line, where.column, dotted, message))
                broken = True
                continue
            pieces.append(text[position : match.start()])
            if book is not None:
                pieces.append(book.text(name, _form(form)))
            position = match.end()
        if not broken and book is not None:
            pieces.append(text[position:])
            replaced.append((path, "".join(pieces)))
        else:
            unresolved.add(".".join(str(part) for part in path))
    for path, text in replaced:
        _replace(document, path, text)
    return Resolved(problems, frozenset(unresolved))


def _form(form: str) -> Form:
    for known in FORMS:
        if known == form:
            return known
    raise ValueError(form)
