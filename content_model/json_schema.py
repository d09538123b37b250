"""JSON Schemas of the content files, so an editor completes keys and flags mistakes while typing.

The schemas are exported from the same pydantic models the build validates with, so the editor
and the build never disagree about what a field is called or which values it takes. They are
committed (``content/schemas/``) because the editor reads them from disk, and each content file
names its schema on its first line::

    # yaml-language-server: $schema=../schemas/chapter.schema.json

The YAML language server (VS Code's YAML extension and others) understands JSON Schema
draft-07 and older, while pydantic writes 2020-12. ``draft07`` converts what differs
(``$defs``, ``prefixItems``, a ``$ref`` with siblings) and drops OpenAPI's ``discriminator``;
``later_keywords`` proves that nothing newer is left.

Regenerate after a model change with ``python -m content_model.json_schema``; a test fails
while a committed schema differs from the models.
"""

from __future__ import annotations

import json
import sys
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from content_model.role_plays import RolePlaysFile
from content_model.rule_text import RULE_NUMBER_PATTERN
from content_model.rules import RulesFile
from content_model.schema import Chapter, GlossaryFile, OnboardingFile, PartsFile, RedirectsFile
from content_model.team import Team

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
#: Where the schemas live, relative to the content folder (outside ``docs/``: not published).
SCHEMA_FOLDER = "schemas"
#: The first line of every content file; the path is relative to that file.
SCHEMA_LINE = "# yaml-language-server: $schema={path}"
REGENERATE = ".venv/bin/python -m content_model.json_schema"

#: Keywords that draft-07 does not know (2019-09/2020-12) and OpenAPI's ``discriminator``.
LATER_KEYWORDS = frozenset(
    {
        "$defs",
        "$anchor",
        "$dynamicRef",
        "$dynamicAnchor",
        "$recursiveRef",
        "$recursiveAnchor",
        "$vocabulary",
        "prefixItems",
        "unevaluatedItems",
        "unevaluatedProperties",
        "dependentRequired",
        "dependentSchemas",
        "minContains",
        "maxContains",
        "discriminator",
    }
)
#: Keywords whose value is a schema, a list of schemas, or a map of names to schemas.
_ONE_SCHEMA = (
    *("items", "additionalItems", "additionalProperties", "propertyNames", "not"),
    *("contains", "if", "then", "else"),
)
_SCHEMA_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")
_SCHEMA_MAPS = ("properties", "patternProperties", "definitions", "$defs")
#: Next to a ``$ref``, draft-07 ignores every other keyword; these only describe.
_ANNOTATIONS = frozenset({"title", "description"})


@dataclass(frozen=True)
class ContentSchema:
    """One kind of content file: the model it is validated with and the files it covers."""

    name: str
    model: type[BaseModel]
    #: Glob patterns relative to the content folder.
    files: tuple[str, ...]
    title: str
    #: Whether numbers may be written as ``[[regel:…|zahl]]`` (resolved before validation).
    rule_references: bool = True

    def covers(self, relative: Path) -> bool:
        """Whether this schema describes the content file at ``relative`` (to the folder)."""
        return any(
            len(relative.parts) == len(Path(pattern).parts) and relative.match(pattern)
            for pattern in self.files
        )

    @property
    def file_name(self) -> str:
        """The schema's file name in ``content/schemas/``."""
        return f"{self.name}.schema.json"


def content_schemas() -> tuple[ContentSchema, ...]:
    """Every kind of content file, with its model."""
    return (
        ContentSchema("chapter", Chapter, ("chapters/*.yml",), "Ein Kapitel des Playbooks"),
        ContentSchema("parts", PartsFile, ("parts.yml",), "Die Teile des Playbooks"),
        ContentSchema("glossary", GlossaryFile, ("glossary.yml",), "Das Glossar"),
        ContentSchema("onboarding", OnboardingFile, ("onboarding.yml",), "Der Einstiegspfad"),
        ContentSchema("redirects", RedirectsFile, ("redirects.yml",), "Alte Adressen"),
        ContentSchema("role_plays", RolePlaysFile, ("role_plays.yml",), "Die Rollenspiele"),
        ContentSchema("team", Team, ("team.yml",), "Name, Logo und Farben des Teams"),
        # The rules file states figures; references to rules are for the other files.
        ContentSchema(
            "rules", RulesFile, ("rules.yml",), "Die Regeln des Playbooks", rule_references=False
        ),
    )


def _with_rule_numbers(node: object) -> object:
    """Every whole number may also be written as one rule's bare number.

    The loader replaces ``"[[regel:exit_call.preparation_minutes|zahl]]"`` by the figure before
    it validates (``content_model.rule_refs``), so the editor must accept it where a number goes.
    """
    if isinstance(node, list):
        return [_with_rule_numbers(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {
        key: value if key in ("enum", "const", "default", "examples") else _with_rule_numbers(value)
        for key, value in node.items()
    }
    options = converted.get("anyOf")
    if isinstance(options, list):
        # An optional number would nest one anyOf in another: keep it flat for the editor.
        branches = [
            branch
            for option in options
            for branch in (option["anyOf"] if set(option) == {"anyOf"} else [option])
        ]
        converted["anyOf"] = [
            branch for index, branch in enumerate(branches) if branch not in branches[:index]
        ]
    if converted.get("type") != "integer":
        return converted
    annotations = {
        key: converted.pop(key) for key in ("title", "description", "default") if key in converted
    }
    rule_number = {"type": "string", "pattern": RULE_NUMBER_PATTERN}
    return {**annotations, "anyOf": [converted, rule_number]}


def _ref(value: str) -> str:
    return value.replace("#/$defs/", "#/definitions/", 1)


def _convert(node: dict[str, Any]) -> dict[str, Any]:
    """One schema object in draft-07 terms (recursively)."""
    converted: dict[str, Any] = {}
    for key, value in node.items():
        if key == "discriminator":
            continue  # OpenAPI; the ``const`` of each ``type`` already decides the branch
        if key == "$ref":
            converted[key] = _ref(value)
        elif key in _SCHEMA_MAPS:
            target = "definitions" if key == "$defs" else key
            converted[target] = {name: _convert(schema) for name, schema in value.items()}
        elif key in _SCHEMA_LISTS:
            converted["items" if key == "prefixItems" else key] = [_convert(s) for s in value]
        elif key in _ONE_SCHEMA and isinstance(value, dict):
            converted[key] = _convert(value)
        else:
            converted[key] = value
    if "prefixItems" in node:
        # A fixed-length tuple: draft-07 says it with an items list and no further items.
        converted.pop("items", None)
        converted["items"] = [_convert(s) for s in node["prefixItems"]]
        converted["additionalItems"] = False
    if "$ref" in converted and set(converted) - {"$ref"} - _ANNOTATIONS:
        # Draft-07 ignores a $ref's siblings: keep them by moving the $ref into allOf.
        reference = converted.pop("$ref")
        converted = {"allOf": [{"$ref": reference}], **converted}
    return converted


def draft07(schema: dict[str, Any], title: str) -> dict[str, Any]:
    """A pydantic (2020-12) schema as draft-07, with its ``$schema`` and a German title."""
    converted = _convert(schema)
    definitions = converted.pop("definitions", None)
    head: dict[str, Any] = {"$schema": DRAFT_07, "title": title}
    body = {key: value for key, value in converted.items() if key != "title"}
    return head | body | ({"definitions": definitions} if definitions else {})


def later_keywords(node: object, path: str = "#") -> Iterator[str]:
    """Where a keyword newer than draft-07 (or a ``$defs`` reference) is left, as JSON pointers."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from later_keywords(item, f"{path}/{index}")
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in LATER_KEYWORDS:
                yield f"{path}/{key}"
            if key == "$ref" and isinstance(value, str) and "$defs" in value:
                yield f"{path}/$ref"
            if key not in ("enum", "const", "default", "examples"):
                yield from later_keywords(value, f"{path}/{key}")


def schema_text(kind: ContentSchema) -> str:
    """The committed text of one schema: stable key order, German left readable."""
    exported = kind.model.model_json_schema()
    if kind.rule_references:
        exported = typing.cast(dict[str, Any], _with_rule_numbers(exported))
    schema = draft07(exported, kind.title)
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def exported(content: Path) -> dict[Path, str]:
    """Every schema file under ``content`` with the text the models give today."""
    folder = content / SCHEMA_FOLDER
    return {folder / kind.file_name: schema_text(kind) for kind in content_schemas()}


def stale(content: Path) -> list[Path]:
    """The schema files that are missing or differ from the models."""
    return [
        path
        for path, text in exported(content).items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]


def write(content: Path) -> list[Path]:
    """Write every schema that changed; return what was written."""
    written = stale(content)
    texts = exported(content)
    for path in written:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(texts[path], encoding="utf-8")
    return written


def schema_line(content: Path, file: Path) -> str | None:
    """The first line ``file`` must start with, or ``None`` if no schema covers it."""
    relative = file.relative_to(content)
    for kind in content_schemas():
        if kind.covers(relative):
            schema = Path(SCHEMA_FOLDER) / kind.file_name
            up = "../" * (len(relative.parts) - 1)
            return SCHEMA_LINE.format(path=f"{up}{schema.as_posix()}")
    return None


def content_files(content: Path) -> list[Path]:
    """Every YAML file of the content folder."""
    return sorted(content.rglob("*.yml"))


def missing_schema_lines(content: Path) -> list[str]:
    """Content files whose first line does not name their schema, or that no schema covers."""
    found: list[str] = []
    for file in content_files(content):
        expected = schema_line(content, file)
        shown = file.relative_to(content.parent).as_posix()
        if expected is None:
            found.append(f"{shown}: kein Schema beschreibt diese Datei")
            continue
        lines = file.read_text(encoding="utf-8").splitlines()
        if not lines or lines[0] != expected:
            found.append(f"{shown}:1: die erste Zeile muss lauten: {expected}")
    return found


def main(argv: list[str]) -> int:
    """Write the schemas (``--check``: only report stale ones and exit non-zero)."""
    content = Path(argv[-1]) if argv and not argv[-1].startswith("-") else Path("content")
    if "--check" in argv:
        outdated = stale(content)
        for path in outdated:
            print(f"{path}: veraltet, neu erzeugen mit {REGENERATE}", file=sys.stderr)
        return 1 if outdated else 0
    for path in write(content):
        print(f"geschrieben: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
