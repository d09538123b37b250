"""Building a small fixture site: generated pages appear, broken content stops the build cleanly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from bundler.safe_build import safe_build
from tests.site.conftest import build_project


def test_generated_pages_are_built(fixture_project: Path, tmp_path: Path) -> None:
    """Every generated page exists, with the YAML ids as heading anchors."""
    site = build_project(fixture_project, tmp_path / "site")
    chapter = (site / "teil-eins" / "alle-bausteine" / "index.html").read_text(encoding="utf-8")
    for anchor in (
        "einleitung",
        "schritte",
        "schritt-vorbereiten",
        "mappe-pruefen",
        "option-umfang",
        "vorlage-mail",
        "kpi-termintreue",
    ):
        assert f'id="{anchor}"' in chapter
    for page in ("einstieg", "checklisten", "vorlagen", "glossar", "teil-eins"):
        assert (site / page / "index.html").is_file()
    assert not (fixture_project / "docs" / "teil-eins").exists(), "nothing is written into docs/"


def test_yaml_script_is_shown_as_text(fixture_project: Path, tmp_path: Path) -> None:
    """A <script> in YAML text appears as text, never as an element."""
    site = build_project(fixture_project, tmp_path / "site")
    chapter = (site / "teil-eins" / "alle-bausteine" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in chapter
    assert "<script>alert(1)" not in chapter


def test_broken_content_aborts_with_located_message(
    fixture_project: Path, tmp_path: Path, mkdocs_log: pytest.LogCaptureFixture
) -> None:
    """A content error stops the build as a clean Abort whose log names file, line and field."""
    chapter = fixture_project / "content" / "chapters" / "alle-bausteine.yml"
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace(
            "title: Alle Bausteine", "titel: Alle Bausteine"
        ),
        encoding="utf-8",
    )
    with pytest.raises(Abort):
        build_project(fixture_project, tmp_path / "site")
    log = mkdocs_log.text
    assert "content/chapters/alle-bausteine.yml:5:1: titel: unknown key" in log
    assert "Traceback" not in log


def test_failed_build_keeps_previous_site(fixture_project: Path, tmp_path: Path) -> None:
    """safe_build swaps a new site in only after success; a failure leaves the old one whole."""
    target = tmp_path / "published"
    safe_build(fixture_project / "mkdocs.yml", target)
    before = sorted(str(p.relative_to(target)) for p in target.rglob("*"))
    marker = (target / "index.html").read_text(encoding="utf-8")
    chapter = fixture_project / "content" / "chapters" / "alle-bausteine.yml"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nsections: []\n", encoding="utf-8")
    with pytest.raises(Abort):
        safe_build(fixture_project / "mkdocs.yml", target)
    assert sorted(str(p.relative_to(target)) for p in target.rglob("*")) == before
    assert (target / "index.html").read_text(encoding="utf-8") == marker
    leftovers = [p.name for p in tmp_path.iterdir() if re.match(r"\.published\.", p.name)]
    assert leftovers == []
