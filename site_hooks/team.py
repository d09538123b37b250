"""Put the team's name, logo and colours (``content/team.yml``) into Material's settings.

The logic is ``content_model.team`` and ``content_model.team_colors``; this hook only hands
the result to MkDocs. The file is read inside the events (``mkdocs serve`` never reloads hook
modules), and a problem in it becomes one ``PluginError`` with file, line and column.
The placeholder examples reach the text templates through the content loader, not this hook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from content_model.problems import ContentError
from content_model.team import TEAM_STYLESHEET_URI, Team, load_team
from content_model.team_colors import color_stylesheet, palette_name

# The team of the build that is running: set by on_config, read by on_files.
_current: dict[str, Team] = {}


def _palettes(config: MkDocsConfig) -> list[dict[str, Any]]:
    """Material's palette settings: one mapping, or a list of them (light and dark toggle)."""
    palette = config.theme.get("palette")
    if isinstance(palette, dict):
        return [palette]
    if isinstance(palette, list):
        return [entry for entry in palette if isinstance(entry, dict)]
    config.theme["palette"] = {}
    return [config.theme["palette"]]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Name, footer, logo, favicon and colours from the team file."""
    root = Path(config.config_file_path).resolve().parent
    try:
        team = load_team(root / "content", Path(config.docs_dir))
    except ContentError as error:
        count = len(error.problems)
        raise PluginError(f"{count} problem(s) in the content:\n{error}") from None
    _current["team"] = team
    config.site_name = team.site_name(config.site_name)
    if team.footer():
        config.copyright = team.footer()
    if team.logo:
        config.theme["logo"] = team.logo
        config.theme["favicon"] = team.logo
    for palette in _palettes(config):
        palette["primary"] = palette_name(team.colors.primary, palette.get("primary", "indigo"))
        palette["accent"] = palette_name(team.colors.accent, palette.get("accent", "indigo"))
    if color_stylesheet(team) is not None:
        config.extra_css.append(TEAM_STYLESHEET_URI)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the style sheet for hex colours (Material's ``custom`` palette), if there is one."""
    stylesheet = color_stylesheet(_current["team"])
    if stylesheet is not None:
        files.append(File.generated(config, TEAM_STYLESHEET_URI, content=stylesheet))
    return files
