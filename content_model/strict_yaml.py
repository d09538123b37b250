"""Read YAML the strict way: every scalar stays the text the author typed.

PyYAML follows YAML 1.1, where ``NO`` becomes ``False``, ``01067`` becomes 567 and
``2025-11-11`` a date, and where a repeated key silently wins. Content files are prose and
ids, so this reader keeps every scalar as a string, lets the typed models decide what a
number is, rejects duplicate keys, tags and aliases, and remembers where each value stood
so that validation errors can name line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from content_model.problems import ContentError, Problem

PathKey = tuple[str | int, ...]
Data = str | None | list["Data"] | dict[str, "Data"]

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_DEFAULT_TAGS = frozenset(
    {
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:seq",
        "tag:yaml.org,2002:map",
        # Implicit resolution tags: the author wrote a plain scalar, we keep its text.
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:timestamp",
        "tag:yaml.org,2002:merge",
        "tag:yaml.org,2002:value",
    }
)


@dataclass(frozen=True)
class Position:
    """A 1-based line and column, as editors count them."""

    line: int
    column: int


@dataclass
class YamlDocument:
    """Plain data plus where each part of it was written."""

    path: str
    data: Data
    value_positions: dict[PathKey, Position] = field(default_factory=dict)
    key_positions: dict[PathKey, Position] = field(default_factory=dict)

    def position_of(self, location: PathKey, *, key: bool = False) -> Position:
        """Return the closest known position for a location, walking up until one is known."""
        table = self.key_positions if key else self.value_positions
        probe = location
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.value_positions:
                return self.value_positions[probe]
            probe = probe[:-1]
        return self.value_positions.get((), Position(1, 1))


def _position(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Converter:
    """Turn a composed node tree into plain data, collecting every problem on the way."""

    def __init__(self, document: YamlDocument) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def problem(self, node: Node, location: PathKey, message: str) -> None:
        where = _position(node)
        dotted = ".".join(str(part) for part in location)
        self.problems.append(Problem(self.document.path, where.line, where.column, dotted, message))

    def convert(self, node: Node, location: PathKey) -> Data:
        self.document.value_positions[location] = _position(node)
        if id(node) in self._seen:
            self.problem(node, location, "aliases (*name) are not allowed; write the value out")
            return None
        self._seen.add(id(node))
        if node.tag not in _DEFAULT_TAGS:
            self.problem(node, location, f"tag {node.tag!r} is not allowed")
            return None
        if isinstance(node, ScalarNode):
            value = str(node.value)
            # A plain scalar has no style (libyaml reports an empty one for an empty value).
            if not node.style and value in _NULLS:
                return None
            return value
        if isinstance(node, SequenceNode):
            return [self.convert(item, (*location, index)) for index, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, location)
        self.problem(node, location, "unsupported YAML node")  # pragma: no cover - exhaustive
        return None

    def _mapping(self, node: MappingNode, location: PathKey) -> dict[str, Data]:
        result: dict[str, Data] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, location, "keys must be plain text (no merge keys)")
                continue
            key = str(key_node.value)
            child = (*location, key)
            if key in result:
                first = self.document.key_positions[child]
                self.problem(
                    key_node, child, f"duplicate key {key!r} (first defined on line {first.line})"
                )
                continue
            self.document.key_positions[child] = _position(key_node)
            result[key] = self.convert(value_node, child)
        return result


#: libyaml's parser when PyYAML was built with it: the same nodes and marks, many times faster
#: than the pure-Python one, which dominated the build time of large content. Its error
#: messages are vaguer, so a file it rejects is parsed again by the pure-Python parser, whose
#: message ("expected ',' or ']', but got ':'") then goes to the author.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> Node | None:
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def parse_yaml(text: str, path: str) -> YamlDocument:
    """Parse one YAML document strictly; raise ContentError listing every problem found."""
    document = YamlDocument(path=path, data=None)
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = " ".join(part for part in (error.context, error.problem) if part)
        raise ContentError([Problem(path, line, column, "", f"invalid YAML: {reason}")]) from None
    except yaml.YAMLError as error:
        raise ContentError([Problem(path, 1, 1, "", f"invalid YAML: {error}")]) from None
    if root is None:
        raise ContentError([Problem(path, 1, 1, "", "the file is empty")])
    converter = _Converter(document)
    document.data = converter.convert(root, ())
    if converter.problems:
        raise ContentError(converter.problems)
    return document
