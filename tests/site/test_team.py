"""``content/team.yml``: the team's name, logo, colours and template examples reach the site.

The site builds with none of them set; a full file changes the title, the header's logo, the
favicon, the colours and the examples in the text templates; a broken one stops the build
with file, line and column.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from content_model.problems import ContentError
from content_model.schema import Chapter
from content_model.strict_yaml import parse_yaml
from content_model.team import (
    TEAM_STYLESHEET_URI,
    Team,
    apply_placeholders,
    load_team,
    with_team_defaults,
)
from content_model.team_colors import TEXT_CONTRAST, WHITE, _rgb, contrast, readable_on_white
from tests.site.conftest import ROOT, build_project

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>'
)
FULL_TEAM = """\
# yaml-language-server: $schema=schemas/team.schema.json
name: Vertrieb Nord
company: Nordlicht Logistik GmbH
logo: team-logo.svg
colors:
  primary: "#f5d90a"
  accent: deep-orange
placeholders:
  kunde: Hafenkontor Weber KG
"""


def fixture_chapters() -> list[Chapter]:
    """The fixture's chapter, validated on its own (no other file needed)."""
    path = ROOT / "tests" / "content" / "fixtures" / "valid" / "chapters" / "alle-bausteine.yml"
    return [Chapter.model_validate(parse_yaml(path.read_text(encoding="utf-8"), str(path)).data)]


def chapter_html(site: Path) -> str:
    return (site / "teil-eins" / "alle-bausteine" / "index.html").read_text(encoding="utf-8")


def body_colors(page: str) -> tuple[str, str]:
    match = re.search(
        r'<body[^>]*data-md-color-primary="([^"]+)"[^>]*data-md-color-accent="([^"]+)"', page
    )
    assert match, "no palette on <body>"
    return match.group(1), match.group(2)


def test_without_a_team_the_site_is_plain_klartext(fixture_project: Path, tmp_path: Path) -> None:
    assert not (fixture_project / "content" / "team.yml").exists()
    site = build_project(fixture_project, tmp_path / "site")
    page = chapter_html(site)
    assert re.search(r"<title>[^<]*- Klartext</title>", page)
    assert " – " not in re.search(r"<title>([^<]*)</title>", page).group(1)
    assert 'alt="logo"' not in page
    assert body_colors(page) == ("indigo", "indigo")
    assert TEAM_STYLESHEET_URI not in page
    assert not (site / TEAM_STYLESHEET_URI).exists()
    assert "Herausgegeben von" not in page
    assert "z. B. Muster GmbH" in page


def test_a_team_file_of_comments_only_changes_nothing(
    fixture_project: Path, tmp_path: Path
) -> None:
    real = (ROOT / "content" / "team.yml").read_text(encoding="utf-8")
    (fixture_project / "content" / "team.yml").write_text(real, encoding="utf-8")
    site = build_project(fixture_project, tmp_path / "site")
    page = chapter_html(site)
    assert re.search(r"<title>[^<]*- Klartext</title>", page)
    assert body_colors(page) == ("indigo", "indigo")


def test_a_full_team_file_reaches_every_page(fixture_project: Path, tmp_path: Path) -> None:
    (fixture_project / "content" / "team.yml").write_text(FULL_TEAM, encoding="utf-8")
    (fixture_project / "docs" / "team-logo.svg").write_text(LOGO, encoding="utf-8")
    site = build_project(fixture_project, tmp_path / "site")
    page = chapter_html(site)
    assert re.search(r"<title>[^<]*- Klartext – Vertrieb Nord</title>", page)
    assert '<img src="../../team-logo.svg" alt="logo">' in page
    assert '<link rel="icon" href="../../team-logo.svg">' in page
    assert (site / "team-logo.svg").is_file()
    assert "Herausgegeben von Nordlicht Logistik GmbH" in page
    # A hex colour is Material's custom palette, with the variables in the team style sheet.
    assert body_colors(page) == ("custom", "deep-orange")
    assert f'href="../../{TEAM_STYLESHEET_URI}"' in page
    stylesheet = (site / TEAM_STYLESHEET_URI).read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #f5d90a;" in stylesheet
    # Yellow is light: the header's text turns dark, and links are darkened until readable.
    assert "--md-primary-bg-color: #000000de;" in stylesheet
    link = re.search(r"--md-typeset-a-color: (#[0-9a-f]{6});", stylesheet).group(1)
    assert contrast(_rgb(link), WHITE) >= TEXT_CONTRAST
    # The template's example is the team's own.
    assert "z. B. Hafenkontor Weber KG" in page
    assert "Muster GmbH" not in page
    # Pages without the team's chapter carry it too.
    start = (site / "index.html").read_text(encoding="utf-8")
    assert "Klartext – Vertrieb Nord" in start
    assert 'alt="logo"' in start


def test_a_broken_team_file_stops_the_build_with_its_place(
    fixture_project: Path, tmp_path: Path, mkdocs_log: pytest.LogCaptureFixture
) -> None:
    (fixture_project / "content" / "team.yml").write_text(
        "name: Vertrieb Nord\ncolors:\n  primary: dunkelgrün\nlogo: fehlt.svg\n", encoding="utf-8"
    )
    with pytest.raises(Abort):
        build_project(fixture_project, tmp_path / "site")
    log = mkdocs_log.text
    assert "content/team.yml:3:12: colors.primary: „dunkelgrün“ ist keine Farbe von Material" in log
    assert "Traceback" not in log


def write_team(tmp_path: Path, text: str) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    (content / "team.yml").write_text(text, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    return content


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("logo: fehlt.svg\n", "content/team.yml:1:7: logo: Das Logo „fehlt.svg“ fehlt"),
        ("logo: bild.gif\n", "content/team.yml:1:7: logo: „bild.gif“ ist kein Logo-Pfad"),
        ("colors:\n  accent: grey\n", "content/team.yml:2:11: colors.accent: „grey“ ist keine"),
        ("teamname: Nord\n", "content/team.yml:1:1: teamname: unbekannter Schlüssel"),
        ("name: [Nord]\n", "content/team.yml:1:7: name:"),
    ],
)
def test_team_problems_are_located(tmp_path: Path, text: str, expected: str) -> None:
    content = write_team(tmp_path, text)
    with pytest.raises(ContentError) as caught:
        load_team(content, tmp_path / "docs")
    assert str(caught.value).startswith(expected), str(caught.value)


def test_missing_or_empty_team_file_is_an_empty_team(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "content").mkdir()
    assert load_team(tmp_path / "content", tmp_path / "docs") == Team()
    (tmp_path / "content" / "team.yml").write_text("# nichts gesetzt\n", encoding="utf-8")
    assert load_team(tmp_path / "content", tmp_path / "docs") == Team()
    assert Team().site_name() == "Klartext"
    assert Team(company="Nordlicht GmbH").site_name() == "Klartext – Nordlicht GmbH"


def test_an_unknown_placeholder_default_is_a_located_problem(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "team.yml").write_text("placeholders:\n  absendr: Lena\n", encoding="utf-8")
    _, problems = with_team_defaults(content, fixture_chapters())
    assert [str(problem) for problem in problems] == [
        "content/team.yml:2:12: placeholders.absendr: Keine Vorlage hat den Platzhalter {absendr} "
        "(vorhanden: ansprechpartner, kunde)"
    ]


def test_placeholder_examples_replace_only_the_named_ones() -> None:
    changed = apply_placeholders(
        fixture_chapters(), Team(placeholders={"kunde": "Hafenkontor Weber KG"})
    )
    examples = {
        placeholder.name: placeholder.example
        for chapter in changed
        for section in chapter.sections
        for block in section.blocks
        if block.type == "template"
        for placeholder in block.placeholders
    }
    assert examples == {"kunde": "Hafenkontor Weber KG", "ansprechpartner": "Frau Beispiel"}


@pytest.mark.parametrize("color", ["#f5d90a", "#ffffff", "#1f6f5c", "#000000", "#ff0000"])
def test_links_in_a_team_colour_are_readable_on_white(color: str) -> None:
    assert contrast(_rgb(readable_on_white(color)), WHITE) >= TEXT_CONTRAST
