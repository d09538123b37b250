"""The page loads one module of ours: the build bundles the entry module with all it imports;
Material's bundle is marked for eager compilation."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
import yaml
from mkdocs.exceptions import PluginError

from bundler.compile_hints import EAGER_COMPILE_COMMENT, is_marked
from site_hooks import compile_hints
from tests.site.conftest import ROOT

#: A static or dynamic import of another file by a relative address.
RELATIVE_IMPORT = re.compile(r"""(?:\bfrom|\bimport)\s*\(?\s*["']\.{1,2}/""")


def module_entries() -> list[str]:
    """The ``.mjs`` entries of ``extra_javascript``."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return [uri for uri in config["extra_javascript"] if uri.endswith(".mjs")]


def test_the_unbundled_entry_imports_others_so_the_check_can_fail() -> None:
    """The control: the entry's source imports its features by relative address."""
    for uri in module_entries():
        assert RELATIVE_IMPORT.search((ROOT / "docs" / uri).read_text(encoding="utf-8")), uri


def test_published_entry_modules_import_nothing_more(real_site: Path) -> None:
    for uri in module_entries():
        text = (real_site / uri).read_text(encoding="utf-8")
        assert not RELATIVE_IMPORT.search(text), f"{uri} still imports other modules"
    bundled = (real_site / module_entries()[0]).read_text(encoding="utf-8")
    # Text from the first level of the graph (offline copy) and from its deepest (the
    # calculators' table import, three imports down) made it in.
    for feature in ("Neue Version verfügbar.", "So werden die Spalten gelesen"):
        assert feature in bundled, feature


#: Material's bundle as its base template writes it, and what follows its address.
MATERIAL_BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.\w+\.min\.js"([^>]*)>')


def test_material_bundle_does_not_hold_up_the_first_paint(real_site: Path) -> None:
    """templates/theme/main.html defers it by a string replacement: this notices when an
    upgrade of Material writes the tag differently and the replacement no longer applies."""
    for page in (real_site / "index.html", real_site / "gespraeche" / "drei-wege" / "index.html"):
        assert MATERIAL_BUNDLE.findall(page.read_text(encoding="utf-8")) == [" defer"], page


def test_material_bundle_is_compiled_while_it_downloads(real_site: Path) -> None:
    """site_hooks/compile_hints.py: the published bundle is Material's, with V8's eager-compile
    comment in front, and its source map moved down by that one line."""
    theme_scripts = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    (original,) = theme_scripts.glob("bundle.*.min.js")
    published = real_site / "assets" / "javascripts" / original.name
    assert not is_marked(original.read_text(encoding="utf-8")), "the control: Material's own file"
    text = published.read_text(encoding="utf-8")
    assert text == f"{EAGER_COMPILE_COMMENT}\n" + original.read_text(encoding="utf-8")
    theme_map = json.loads(Path(f"{original}.map").read_text(encoding="utf-8"))
    published_map = json.loads(Path(f"{published}.map").read_text(encoding="utf-8"))
    assert published_map["mappings"] == ";" + theme_map["mappings"]
    assert {**published_map, "mappings": ""} == {**theme_map, "mappings": ""}


def test_no_bundle_or_two_bundles_stop_the_build(tmp_path: Path) -> None:
    """Should an upgrade of Material move its bundle, or a build leave an old one beside the
    new, the build names what it found instead of shipping a bundle unmarked."""
    config = SimpleNamespace(site_dir=str(tmp_path))
    with pytest.raises(PluginError, match=r"bundle\.\*\.min\.js .*gefunden: keine"):
        compile_hints.on_post_build(config=config)  # type: ignore[arg-type]
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    bundle = scripts / "bundle.0123abcd.min.js"
    bundle.write_text("f();\n", encoding="utf-8")
    compile_hints.on_post_build(config=config)  # type: ignore[arg-type]
    assert is_marked(bundle.read_text(encoding="utf-8"))
    (scripts / "bundle.4567cdef.min.js").write_text("g();\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"bundle\.0123abcd\.min\.js, .*bundle\.4567cdef"):
        compile_hints.on_post_build(config=config)  # type: ignore[arg-type]
