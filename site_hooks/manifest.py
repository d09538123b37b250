"""Publish the web app manifest and its icons, and tell the page head the theme colour.

The logic is ``content_model.manifest``; this hook reads what it needs from MkDocs' settings
after the team hook has set them (site name and Material's primary colour, listed after
``team.py`` in mkdocs.yml) and adds the generated files to the build, where the offline copy
precaches them like every other published file. The head's links come from
``templates/theme/main.html``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from content_model.contract import CONTRACT
from content_model.manifest import AppIdentity, ManifestError, manifest_files, primary_hex
from content_model.problems import ContentError
from content_model.team import load_team

#: Material's own favicon, which the site's icon replaces unless the team set a logo.
MATERIAL_FAVICON = "assets/images/favicon.png"
#: Where the head template finds the theme colour (``config.extra``).
EXTRA_KEY = "klartext_manifest"
# The identity of the build that is running: set by on_config, read by on_files.
_current: dict[str, AppIdentity] = {}


def _palette_css(config: MkDocsConfig) -> str:
    """Material's palette style sheet, which states the hex value of each named colour."""
    for folder in config.theme.dirs:
        for sheet in sorted(Path(folder).glob("assets/stylesheets/palette.*.min.css")):
            return sheet.read_text(encoding="utf-8")
    raise PluginError("manifest: Material's palette style sheet was not found")


def _primary(config: MkDocsConfig) -> str:
    """The header's colour as the team hook left it: a palette name, or ``custom`` (hex)."""
    palette: Any = config.theme.get("palette") or {}
    first = palette[0] if isinstance(palette, list) and palette else palette
    name = str(first.get("primary", "indigo")) if isinstance(first, dict) else "indigo"
    if name != "custom":
        return name
    root = Path(config.config_file_path).resolve().parent
    try:
        team = load_team(root / "content", Path(config.docs_dir))
    except ContentError as error:
        raise PluginError(str(error)) from None
    return team.colors.primary or "indigo"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Work out name and colour once, and hand the colour to the head template."""
    try:
        theme_color = primary_hex(_primary(config), _palette_css(config))
    except ManifestError as error:
        raise PluginError(f"manifest: {error}") from None
    identity = AppIdentity(config.site_name, config.site_description or "", theme_color)
    _current["identity"] = identity
    config.extra[EXTRA_KEY] = {"theme_color": theme_color}
    if config.theme.get("favicon") == MATERIAL_FAVICON:
        # The tab shows the same icon as the home screen, and no second icon is downloaded.
        # A team logo (team.py) stays the favicon.
        config.theme["favicon"] = CONTRACT.manifest.icon_svg_uri
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the manifest and the icons drawn from the one SVG."""
    templates = Path(config.config_file_path).resolve().parent / "templates"
    for uri, content in manifest_files(_current["identity"], templates).items():
        files.append(File.generated(config, uri, content=content))
    return files
