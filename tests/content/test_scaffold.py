"""``make chapter ID=… PART=…`` writes a chapter skeleton that validates and builds."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bundler.new_chapter import ScaffoldError, main, next_order, write_chapter
from calculators.registry import field_names
from content_model.json_schema import SCHEMA_FOLDER, schema_line
from content_model.loader import load_playbook
from tests.content.draft07 import editor_yaml, errors
from tests.site.conftest import build_project, make_fixture_project

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"


@pytest.fixture
def real_content(tmp_path: Path) -> Path:
    """A writable copy of the real content."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def test_the_skeleton_has_every_required_field_and_the_next_order(real_content: Path) -> None:
    expected_order = next_order(real_content, "gespraeche")
    path, chapter = write_chapter(real_content, "mein-kapitel", "gespraeche")
    text = path.read_text(encoding="utf-8")
    assert path == real_content / "chapters" / "mein-kapitel.yml"
    assert text.splitlines()[0] == schema_line(real_content, path)
    assert chapter.order == expected_order
    assert expected_order > max(
        c.order for c in load_playbook(CONTENT).chapters if c.part == "gespraeche"
    )
    assert "Worum es in diesem Kapitel geht …" in text
    schema_file = real_content / SCHEMA_FOLDER / "chapter.schema.json"

    assert errors(editor_yaml(text), json.loads(schema_file.read_text(encoding="utf-8"))) == []
    playbook = load_playbook(real_content, calculators=field_names())
    new = playbook.chapter_by_id["mein-kapitel"]
    assert (new.part, new.order) == ("gespraeche", expected_order)
    assert new.sections[0].blocks[0].type == "text"


def test_an_empty_part_starts_at_one(real_content: Path) -> None:
    assert next_order(real_content, "noch-leer") == 1


@pytest.mark.parametrize(
    ("chapter_id", "part", "message"),
    [
        ("drei-wege", "gespraeche", "Das Kapitel „drei-wege“ gibt es schon"),
        ("mein-kapitel", "unbekannt", "Den Teil „unbekannt“ gibt es nicht. Vorhandene Teile: "),
        ("Mein_Kapitel", "gespraeche", "„Mein_Kapitel“ taugt nicht als Kapitel-ID"),
        ("x" * 52, "gespraeche", "höchstens 51\u00a0Zeichen"),
        ("glossar", "gespraeche", "„glossar“ ist schon der Name einer Seite"),
        ("gespraeche", "gespraeche", "„gespraeche“ ist schon der Name einer Seite"),
        ("", "gespraeche", "Bitte geben Sie Kapitel-ID und Teil an."),
        ("mein-kapitel", "", "Bitte geben Sie Kapitel-ID und Teil an."),
    ],
)
def test_refuses_with_a_german_message(
    real_content: Path, chapter_id: str, part: str, message: str
) -> None:
    before = sorted(path.name for path in (real_content / "chapters").iterdir())
    with pytest.raises(ScaffoldError, match=message):
        write_chapter(real_content, chapter_id, part)
    assert sorted(path.name for path in (real_content / "chapters").iterdir()) == before


def test_an_existing_chapter_is_never_overwritten(
    real_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = real_content / "chapters" / "drei-wege.yml"
    before = existing.read_bytes()
    assert main(["drei-wege", "gespraeche", str(real_content)]) == 1
    assert "gibt es schon" in capsys.readouterr().err
    assert existing.read_bytes() == before


def test_the_make_target_calls_the_scaffold() -> None:
    shown = subprocess.run(
        ["make", "-n", "chapter", "ID=mein-kapitel", "PART=gespraeche"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert '-m bundler.new_chapter "mein-kapitel" "gespraeche"' in shown


def test_the_skeleton_builds(real_content: Path, tmp_path: Path) -> None:
    write_chapter(real_content, "mein-kapitel", "kunden-aufgeben")
    project = make_fixture_project(tmp_path, real_content)
    site = build_project(project, tmp_path / "site")
    page = (site / "kunden-aufgeben" / "mein-kapitel" / "index.html").read_text(encoding="utf-8")
    assert "Titel des Kapitels" in page
    assert 'id="mein-kapitel-einstieg"' in page
    part = (site / "kunden-aufgeben" / "index.html").read_text(encoding="utf-8")
    assert "mein-kapitel/" in part
