"""The site's own style sheets reach a page as one file, in the order mkdocs.yml lists them."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from content_model.stylesheets import FEATURE_FOLDER, SITE_STYLESHEET_URI, joined, plan
from content_model.team import TEAM_STYLESHEET_URI
from tests.site.conftest import ROOT

DOCS = ROOT / "docs"
STYLESHEET_LINK = re.compile(r'<link rel="stylesheet"[^>]* href="([^"]+)">')


def listed_stylesheets() -> list[str]:
    """``extra_css`` as mkdocs.yml lists it."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return list(config["extra_css"])


def test_feature_sheets_are_replaced_by_one_joined_sheet_in_their_place() -> None:
    listed = listed_stylesheets()
    bundle = plan([*listed, TEAM_STYLESHEET_URI], DOCS)
    assert bundle.sources == tuple(listed)
    # The team's generated colours are not in docs/: linked after the joined sheet.
    assert bundle.extra_css == (SITE_STYLESHEET_URI, TEAM_STYLESHEET_URI)
    # A second run over the planned list changes nothing.
    assert plan(bundle.extra_css, DOCS).extra_css == bundle.extra_css


def test_a_sheet_from_elsewhere_keeps_its_own_link_and_place(tmp_path: Path) -> None:
    (tmp_path / FEATURE_FOLDER / "a").mkdir(parents=True)
    (tmp_path / FEATURE_FOLDER / "a" / "a.css").write_text(".a { color: red }", encoding="utf-8")
    (tmp_path / "extra.css").write_text(".x {}", encoding="utf-8")
    bundle = plan(["extra.css", f"{FEATURE_FOLDER}a/a.css"], tmp_path)
    assert bundle.extra_css == ("extra.css", SITE_STYLESHEET_URI)
    assert bundle.sources == (f"{FEATURE_FOLDER}a/a.css",)


def test_joined_text_keeps_the_cascade_order(tmp_path: Path) -> None:
    for name, rule in (("first", ".x { color: red }"), ("second", ".x { color: blue }")):
        (tmp_path / FEATURE_FOLDER / name).mkdir(parents=True)
        (tmp_path / FEATURE_FOLDER / name / f"{name}.css").write_text(rule, encoding="utf-8")
    text = joined(
        tmp_path, [f"{FEATURE_FOLDER}second/second.css", f"{FEATURE_FOLDER}first/first.css"]
    )
    assert text.index("color: blue") < text.index("color: red")
    assert "/* second/second.css */" in text


def test_every_page_links_one_stylesheet_of_ours_holding_every_feature_rule(
    real_site: Path,
) -> None:
    joined_sheet = (real_site / SITE_STYLESHEET_URI).read_text(encoding="utf-8")
    for uri in listed_stylesheets():
        assert (DOCS / uri).read_text(encoding="utf-8").strip() in joined_sheet, uri
        assert not (real_site / uri).exists(), f"{uri} is published on its own as well"
    for page in (real_site / "index.html", real_site / "rechner" / "index.html"):
        ours = [
            href
            for href in STYLESHEET_LINK.findall(page.read_text(encoding="utf-8"))
            if FEATURE_FOLDER in href
        ]
        assert len(ours) == 1, (page, ours)
        assert ours[0].endswith(SITE_STYLESHEET_URI), (page, ours)
