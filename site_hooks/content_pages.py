"""Generate the playbook's pages from ``content/`` at build time.

The logic lives in ``content_model``; this module only connects it to MkDocs. Content is
read inside the events (``mkdocs serve`` never reloads hook modules), and every content
problem becomes one ``PluginError`` listing file, line and column, so the author sees a
clean message instead of a traceback.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from calculators.registry import field_names
from content_model.loader import Playbook, load_playbook
from content_model.problems import ContentError
from content_model.redirects import redirect_pages
from content_model.render import glossary_abbreviations, render_pages
from content_model.security_policy import with_policy
from content_model.site_map import navigation

log = get_plugin_logger(__name__)

# The playbook of the build that is running: set by on_config, read by on_files.
_current: dict[str, Playbook] = {}


def project_root(config: MkDocsConfig) -> Path:
    """The folder that holds mkdocs.yml, content/ and templates/."""
    return Path(config.config_file_path).resolve().parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate the content, and derive the navigation from it."""
    root = project_root(config)
    try:
        playbook = load_playbook(root / "content", calculators=field_names())
    except ContentError as error:
        count = len(error.problems)
        raise PluginError(f"{count} problem(s) in the content:\n{error}") from None
    _current["playbook"] = playbook
    config.nav = navigation(playbook.pages)
    return config


# Run early so that other hooks and plugins (search, validation) see the generated pages.
@event_priority(50)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add one generated Markdown page per chapter, part and overview, and the redirects."""
    playbook = _current["playbook"]
    templates = project_root(config) / "templates"
    try:
        pages = render_pages(playbook, templates, config.site_url)
    except ContentError as error:
        # A worked example the team's rules contradict is found while the pages are made.
        raise PluginError(f"{len(error.problems)} problem(s) in the content:\n{error}") from None
    for page in pages:
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    # Old addresses declared in content/redirects.yml forward to where the content is now.
    for redirect in redirect_pages(playbook, templates):
        files.append(File.generated(config, redirect.dest_uri, content=with_policy(redirect.html)))
    log.debug("generated %d pages from the content", len(playbook.chapters))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Explain glossary terms where they occur (Material shows abbreviations as tooltips)."""
    return f"{markdown}\n\n{glossary_abbreviations(_current['playbook'])}\n"
