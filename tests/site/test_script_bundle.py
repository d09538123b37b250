"""The page loads one module of ours: the build bundles the entry module with all it imports."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

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
