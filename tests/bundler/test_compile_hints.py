"""A script marked for eager compilation starts with V8's comment, and its source map follows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bundler.compile_hints import (
    EAGER_COMPILE_COMMENT,
    CompileHintError,
    is_marked,
    mark_for_eager_compile,
)

SCRIPT = '"use strict";(()=>{var a=1;})();\nconsole.log(2);\n//# sourceMappingURL=app.min.js.map\n'
#: One group of segments per generated line, as source maps write them.
MAPPINGS = "AAAA,aAAa;AACA;"


def write_script(folder: Path, text: str = SCRIPT) -> Path:
    script = folder / "app.min.js"
    script.write_text(text, encoding="utf-8")
    source_map = {"version": 3, "sources": ["app.ts"], "names": [], "mappings": MAPPINGS}
    (folder / "app.min.js.map").write_text(json.dumps(source_map), encoding="utf-8")
    return script


def test_the_comment_comes_first_and_the_code_follows_unchanged(tmp_path: Path) -> None:
    script = write_script(tmp_path)
    assert not is_marked(SCRIPT)
    assert mark_for_eager_compile(script)
    lines = script.read_text(encoding="utf-8").splitlines()
    assert lines[0] == EAGER_COMPILE_COMMENT
    assert lines[1:] == SCRIPT.splitlines()


def test_each_mapping_stays_on_the_line_it_described(tmp_path: Path) -> None:
    script = write_script(tmp_path)
    before = dict(enumerate(MAPPINGS.split(";")))
    old_lines = SCRIPT.splitlines()
    mark_for_eager_compile(script)
    new_lines = script.read_text(encoding="utf-8").splitlines()
    after = json.loads((tmp_path / "app.min.js.map").read_text(encoding="utf-8"))["mappings"]
    groups = after.split(";")
    assert groups[0] == "", "the comment's line maps to nothing"
    for line, segments in before.items():
        # The code of old line n is now on line n + 1, and so are its mappings.
        assert new_lines[line + 1] == old_lines[line]
        assert groups[line + 1] == segments


def test_marking_twice_changes_nothing(tmp_path: Path) -> None:
    script = write_script(tmp_path)
    mark_for_eager_compile(script)
    marked = script.read_bytes()
    mapped = (tmp_path / "app.min.js.map").read_bytes()
    assert not mark_for_eager_compile(script)
    assert script.read_bytes() == marked
    assert (tmp_path / "app.min.js.map").read_bytes() == mapped


def test_a_script_without_a_map_beside_it_is_marked_alone(tmp_path: Path) -> None:
    script = tmp_path / "app.min.js"
    script.write_text("f();\n//# sourceMappingURL=https://example.org/app.min.js.map\n", "utf-8")
    assert mark_for_eager_compile(script)
    assert is_marked(script.read_text(encoding="utf-8"))
    assert list(tmp_path.iterdir()) == [script]


def test_an_unreadable_map_stops_before_the_script_is_marked(tmp_path: Path) -> None:
    """The map is written first, so a failure never leaves a marked script with a stale map."""
    script = write_script(tmp_path)
    (tmp_path / "app.min.js.map").write_text('{"version": 3}', encoding="utf-8")
    with pytest.raises(CompileHintError, match=r"app\.min\.js\.map"):
        mark_for_eager_compile(script)
    assert script.read_text(encoding="utf-8") == SCRIPT


def test_line_endings_and_other_characters_are_kept(tmp_path: Path) -> None:
    script = write_script(tmp_path, SCRIPT.replace("\n", "\r\n"))
    source_map = json.loads((tmp_path / "app.min.js.map").read_text(encoding="utf-8"))
    source_map["sourcesContent"] = ["const gruß = „Grüße“;"]
    (tmp_path / "app.min.js.map").write_text(json.dumps(source_map), encoding="utf-8")
    mark_for_eager_compile(script)
    assert script.read_bytes().endswith(
        b"console.log(2);\r\n//# sourceMappingURL=app.min.js.map\r\n"
    )
    shifted = (tmp_path / "app.min.js.map").read_text(encoding="utf-8")
    assert "„Grüße“" in shifted
    assert json.loads(shifted)["sourcesContent"] == source_map["sourcesContent"]
