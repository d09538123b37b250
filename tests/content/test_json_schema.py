"""The committed JSON Schemas match the models, are draft-07, and accept the real content.

An editor with the YAML language server reads ``content/schemas/*.schema.json`` through the
first line of each content file; these tests make sure it completes the same keys and flags
the same mistakes as the build, and that nobody forgets to regenerate after a model change.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import create_model

from content_model import json_schema
from content_model.json_schema import (
    DRAFT_07,
    REGENERATE,
    SCHEMA_FOLDER,
    ContentSchema,
    content_files,
    content_schemas,
    draft07,
    exported,
    later_keywords,
    missing_schema_lines,
    schema_line,
    stale,
)
from content_model.schema import Chapter, PartsFile
from tests.content.draft07 import editor_yaml, errors

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"


def committed(kind: ContentSchema) -> dict[str, Any]:
    return json.loads((CONTENT / SCHEMA_FOLDER / kind.file_name).read_text(encoding="utf-8"))


def kind_of(file: Path, content: Path = CONTENT) -> ContentSchema:
    relative = file.relative_to(content)
    return next(kind for kind in content_schemas() if kind.covers(relative))


def test_committed_schemas_match_the_models() -> None:
    outdated = [str(path.relative_to(ROOT)) for path in stale(CONTENT)]
    assert outdated == [], f"schemas out of date: {outdated}; regenerate with {REGENERATE}"


def test_a_schema_left_stale_after_a_model_change_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Negative control: the parts model gains a field, the committed schema does not."""
    content = tmp_path / "content"
    for path, text in exported(content).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert stale(content) == []

    changed = create_model("PartsFile", __base__=PartsFile, motto=(str | None, None))
    kinds = tuple(
        ContentSchema(kind.name, changed, kind.files, kind.title) if kind.name == "parts" else kind
        for kind in content_schemas()
    )
    monkeypatch.setattr(json_schema, "content_schemas", lambda: kinds)
    assert stale(content) == [content / SCHEMA_FOLDER / "parts.schema.json"]
    assert json_schema.main(["--check", str(content)]) == 1


def test_every_kind_of_content_file_has_a_schema() -> None:
    names = {kind.name for kind in content_schemas()}
    assert names == {
        *("chapter", "parts", "glossary", "onboarding", "redirects", "rules", "team"),
        "role_plays",
    }
    assert {path.name for path in (CONTENT / SCHEMA_FOLDER).iterdir()} == {
        f"{name}.schema.json" for name in names
    }


@pytest.mark.parametrize("kind", content_schemas(), ids=lambda kind: kind.name)
def test_schemas_are_draft_07(kind: ContentSchema) -> None:
    schema = committed(kind)
    assert schema["$schema"] == DRAFT_07
    assert list(later_keywords(schema)) == []
    text = json.dumps(schema)
    assert "#/$defs/" not in text
    # Every reference lands on a definition in the same file.
    definitions = schema.get("definitions", {})
    for reference in set(_references(schema)):
        assert reference.removeprefix("#/definitions/") in definitions, reference


def _references(node: object) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [ref for value in node.values() for ref in _references(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _references(item)]
    return []


def test_pydantic_writes_2020_12_that_the_conversion_removes() -> None:
    """Negative control: without the conversion the later keywords are found."""
    raw = Chapter.model_json_schema()
    found = list(later_keywords(raw))
    assert "#/$defs" in found
    assert any(path.endswith("/discriminator") for path in found)
    window = create_model("Fenster", value=(tuple[int, int], ...)).model_json_schema()
    assert any(path.endswith("/prefixItems") for path in later_keywords(window))
    converted = draft07(window, "Fenster")
    assert list(later_keywords(converted)) == []
    assert converted["properties"]["value"]["items"] == [{"type": "integer"}] * 2
    assert converted["properties"]["value"]["additionalItems"] is False


def test_every_content_file_names_its_schema_on_the_first_line() -> None:
    assert missing_schema_lines(CONTENT) == []
    assert schema_line(CONTENT, CONTENT / "chapters" / "drei-wege.yml") == (
        "# yaml-language-server: $schema=../schemas/chapter.schema.json"
    )
    assert schema_line(CONTENT, CONTENT / "parts.yml") == (
        "# yaml-language-server: $schema=schemas/parts.schema.json"
    )


def test_the_schema_line_reaches_the_schema_file() -> None:
    for file in content_files(CONTENT):
        line = schema_line(CONTENT, file)
        assert line is not None
        target = (file.parent / line.split("$schema=", 1)[1]).resolve()
        assert target.is_file(), f"{file}: {target}"


def test_a_content_file_without_its_schema_line_is_reported(tmp_path: Path) -> None:
    """Negative control: one file loses its first line, another kind of file has no schema."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    chapter = content / "chapters" / "drei-wege.yml"
    chapter.write_text(
        "\n".join(chapter.read_text(encoding="utf-8").splitlines()[1:]) + "\n", encoding="utf-8"
    )
    (content / "notizen.yml").write_text("a: b\n", encoding="utf-8")
    found = missing_schema_lines(content)
    assert len(found) == 2
    assert found[0].startswith("content/chapters/drei-wege.yml:1: die erste Zeile muss lauten")
    assert found[1] == "content/notizen.yml: kein Schema beschreibt diese Datei"


@pytest.mark.parametrize("file", content_files(CONTENT), ids=lambda file: file.name)
def test_the_real_content_is_valid_for_the_editor(file: Path) -> None:
    """What the build accepts, the editor accepts too (YAML 1.2 typing, as the editor reads)."""
    value = editor_yaml(file.read_text(encoding="utf-8"))
    if value is None:  # a file of comments only (team.yml without settings)
        return
    assert errors(value, committed(kind_of(file))) == []


PLANTED = [
    # (file, text replaced, replacement, what the editor must point at)
    ("chapters/drei-wege.yml", "\ntitle:", "\ntitel:", "#/titel: unknown key"),
    ("chapters/drei-wege.yml", "\norder: 6", "\norder: sechs", "#/order"),
    ("chapters/drei-wege.yml", "type: text", "type: fliesstext", "#/sections/0/blocks/0"),
    ("parts.yml", "id: gespraeche", "id: Gespräche", "#/parts/0/id"),
    ("rules.yml", "value: 70", "value: siebzig", "#/score/pursue_from/value"),
    ("rules.yml", "unit: punkte", "unit: zähler", "#/score/question_points/unit"),
    ("role_plays.yml", "    total: 30", "    total: dreißig", "#/scenarios/0/total"),
    ("role_plays.yml", "    debrief:", "    fragen:", "#/scenarios/0/fragen: unknown key"),
    ("chapters/drei-wege.yml", "\n  goal:", "\n  ziel:", "#/trainer: matches none"),
]


@pytest.mark.parametrize(("name", "old", "new", "where"), PLANTED)
def test_the_editor_flags_planted_mistakes(name: str, old: str, new: str, where: str) -> None:
    """Negative controls: each planted mistake is flagged where it was made."""
    file = CONTENT / name
    text = file.read_text(encoding="utf-8")
    assert old in text
    found = errors(editor_yaml(text.replace(old, new, 1)), committed(kind_of(file)))
    assert any(error.startswith(where) for error in found), found


def test_the_editor_flags_a_wrong_team_colour() -> None:
    schema = committed(next(kind for kind in content_schemas() if kind.name == "team"))
    assert errors({"name": "Vertrieb Nord", "colors": {"primary": "#1f6f5c"}}, schema) == []
    assert errors({"colors": {"primary": "rot"}}, schema)
    assert errors({"colors": {"accent": "grey"}}, schema)  # Material has no grey accent
    assert errors({"logo": "logo.gif"}, schema)


def test_a_rule_reference_may_stand_for_a_number() -> None:
    """A step's minutes may be ``[[regel:…|zahl]]``: the loader puts in the figure first."""
    schema = committed(next(kind for kind in content_schemas() if kind.name == "chapter"))
    chapter = editor_yaml((CONTENT / "chapters" / "drei-wege.yml").read_text(encoding="utf-8"))
    chapter["minutes"] = "[[regel:conversation.minutes|zahl]]"
    assert errors(chapter, schema) == []
    chapter["minutes"] = "[[regel:conversation.minutes]]"  # text with unit is no number
    assert errors(chapter, schema)


def test_the_validator_refuses_keywords_it_does_not_know() -> None:
    """So a schema cannot pass these tests because a keyword was silently ignored."""
    with pytest.raises(ValueError, match="unevaluatedProperties"):
        errors({}, {"type": "object", "unevaluatedProperties": False})


def test_editor_yaml_types_scalars_as_yaml_1_2() -> None:
    value = editor_yaml("a: 20\nb: NO\nc: 2025-11-11\nd: '20'\ne: true\nf: ~\ng: 1.5\n")
    assert value == {
        "a": 20,
        "b": "NO",
        "c": "2025-11-11",
        "d": "20",
        "e": True,
        "f": None,
        "g": 1.5,
    }
