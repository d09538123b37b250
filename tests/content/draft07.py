"""What an editor does with a content file and its schema, without a new dependency.

``editor_yaml`` reads YAML the way the YAML language server does (YAML 1.2 core schema: an
unquoted ``20`` is a number, ``NO`` and ``2025-11-11`` stay text), and ``errors`` checks a
value against a draft-07 schema. It knows exactly the keywords the exported schemas use and
fails on any other, so a schema cannot pass because a keyword was silently ignored.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
#: Keywords that only describe; everything else must be understood below.
_ANNOTATIONS = frozenset({"$schema", "title", "description", "default", "examples"})


def _scalar(node: ScalarNode) -> Any:
    value = str(node.value)
    if node.style:  # quoted or block scalar: always text
        return value
    if _NULL.match(value):
        return None
    if _BOOL.match(value):
        return value.lower() == "true"
    if _INT.match(value):
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if _FLOAT.match(value):
        return float(value.replace("inf", "Infinity").replace("Inf", "Infinity"))
    return value


def _data(node: Node) -> Any:
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        return [_data(item) for item in node.value]
    if isinstance(node, MappingNode):
        return {str(key.value): _data(value) for key, value in node.value}
    raise TypeError(node)


def editor_yaml(text: str) -> Any:
    """The value an editor validates for ``text`` (``None`` for an empty document)."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    return None if node is None else _data(node)


def _is_type(value: Any, name: str) -> bool:
    checks = {
        "null": value is None,
        "boolean": isinstance(value, bool),
        "integer": (isinstance(value, int) and not isinstance(value, bool))
        or (isinstance(value, float) and value.is_integer()),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "string": isinstance(value, str),
        "array": isinstance(value, list),
        "object": isinstance(value, dict),
    }
    return checks[name]


class _Checker:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root

    def resolve(self, reference: str) -> dict[str, Any]:
        if not reference.startswith("#/definitions/"):
            raise ValueError(f"unsupported $ref {reference!r}")
        return dict(self.root["definitions"][reference.removeprefix("#/definitions/")])

    def errors(self, value: Any, schema: dict[str, Any] | bool, where: str) -> list[str]:
        if schema is True:
            return []
        if schema is False:
            return [f"{where}: not allowed here"]
        found: list[str] = []
        for keyword, argument in schema.items():
            if keyword in _ANNOTATIONS or keyword == "definitions":
                continue
            check = getattr(self, "k_" + keyword.lstrip("$"), None)
            if check is None:
                raise ValueError(f"keyword {keyword!r} is not understood by this validator")
            found.extend(check(value, argument, schema, where))
        return found

    def k_ref(self, value: Any, reference: str, _: dict[str, Any], where: str) -> list[str]:
        return self.errors(value, self.resolve(reference), where)

    def k_type(self, value: Any, names: str | list[str], _: Any, where: str) -> list[str]:
        allowed = [names] if isinstance(names, str) else names
        if any(_is_type(value, name) for name in allowed):
            return []
        return [f"{where}: expected {' or '.join(allowed)}, got {value!r}"]

    def k_enum(self, value: Any, options: list[Any], _: Any, where: str) -> list[str]:
        return [] if value in options else [f"{where}: {value!r} is not one of {options}"]

    def k_const(self, value: Any, expected: Any, _: Any, where: str) -> list[str]:
        return [] if value == expected else [f"{where}: expected {expected!r}"]

    def k_pattern(self, value: Any, pattern: str, _: Any, where: str) -> list[str]:
        if not isinstance(value, str) or re.search(pattern, value):
            return []
        return [f"{where}: {value!r} does not match {pattern}"]

    def k_minLength(self, value: Any, limit: int, _: Any, where: str) -> list[str]:  # noqa: N802
        short = isinstance(value, str) and len(value) < limit
        return [f"{where}: shorter than {limit}"] if short else []

    def k_maxLength(self, value: Any, limit: int, _: Any, where: str) -> list[str]:  # noqa: N802
        long = isinstance(value, str) and len(value) > limit
        return [f"{where}: longer than {limit}"] if long else []

    def k_minimum(self, value: Any, limit: float, _: Any, where: str) -> list[str]:
        low = _is_type(value, "number") and value < limit
        return [f"{where}: below {limit}"] if low else []

    def k_maximum(self, value: Any, limit: float, _: Any, where: str) -> list[str]:
        high = _is_type(value, "number") and value > limit
        return [f"{where}: above {limit}"] if high else []

    def k_minItems(self, value: Any, limit: int, _: Any, where: str) -> list[str]:  # noqa: N802
        few = isinstance(value, list) and len(value) < limit
        return [f"{where}: fewer than {limit} items"] if few else []

    def k_maxItems(self, value: Any, limit: int, _: Any, where: str) -> list[str]:  # noqa: N802
        many = isinstance(value, list) and len(value) > limit
        return [f"{where}: more than {limit} items"] if many else []

    def k_items(self, value: Any, items: Any, schema: dict[str, Any], where: str) -> list[str]:
        if not isinstance(value, list):
            return []
        if isinstance(items, list):
            found = [
                error
                for index, (item, item_schema) in enumerate(zip(value, items, strict=False))
                for error in self.errors(item, item_schema, f"{where}/{index}")
            ]
            extra = schema.get("additionalItems", True)
            for index in range(len(items), len(value)):
                found.extend(self.errors(value[index], extra, f"{where}/{index}"))
            return found
        return [
            error
            for index, item in enumerate(value)
            for error in self.errors(item, items, f"{where}/{index}")
        ]

    def k_additionalItems(self, *_: Any) -> list[str]:  # noqa: N802
        return []  # checked with ``items``

    def k_required(self, value: Any, names: list[str], _: Any, where: str) -> list[str]:
        if not isinstance(value, dict):
            return []
        return [f"{where}: missing {name!r}" for name in names if name not in value]

    def k_properties(self, value: Any, properties: dict[str, Any], _: Any, where: str) -> list[str]:
        if not isinstance(value, dict):
            return []
        return [
            error
            for name, item in value.items()
            if name in properties
            for error in self.errors(item, properties[name], f"{where}/{name}")
        ]

    def k_patternProperties(  # noqa: N802
        self, value: Any, patterns: dict[str, Any], _: Any, where: str
    ) -> list[str]:
        if not isinstance(value, dict):
            return []
        return [
            error
            for name, item in value.items()
            for pattern, item_schema in patterns.items()
            if re.search(pattern, name)
            for error in self.errors(item, item_schema, f"{where}/{name}")
        ]

    def k_additionalProperties(  # noqa: N802
        self, value: Any, extra: Any, schema: dict[str, Any], where: str
    ) -> list[str]:
        if not isinstance(value, dict):
            return []
        named = schema.get("properties", {})
        patterns = schema.get("patternProperties", {})
        return [
            error
            for name, item in value.items()
            if name not in named and not any(re.search(p, name) for p in patterns)
            for error in (
                [f"{where}/{name}: unknown key"]
                if extra is False
                else self.errors(item, extra, f"{where}/{name}")
            )
        ]

    def k_anyOf(self, value: Any, options: list[Any], _: Any, where: str) -> list[str]:  # noqa: N802
        results = [self.errors(value, option, where) for option in options]
        if any(not result for result in results):
            return []
        return [f"{where}: matches none of {len(options)} choices: {results}"]

    def k_oneOf(self, value: Any, options: list[Any], _: Any, where: str) -> list[str]:  # noqa: N802
        results = [self.errors(value, option, where) for option in options]
        matching = sum(1 for result in results if not result)
        if matching == 1:
            return []
        return [f"{where}: matches {matching} of {len(options)} choices (exactly one expected)"]

    def k_allOf(self, value: Any, parts: list[Any], _: Any, where: str) -> list[str]:  # noqa: N802
        return [error for part in parts for error in self.errors(value, part, where)]


def errors(value: Any, schema: dict[str, Any]) -> list[str]:
    """Every way ``value`` breaks the draft-07 ``schema``, as JSON pointers with a reason."""
    return _Checker(schema).errors(value, schema, "#")
