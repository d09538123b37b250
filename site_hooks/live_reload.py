"""Show an edit under ``mkdocs serve`` sooner; ``mkdocs build`` is left as it is.

Two things shorten the wait from saving a file to the new page in the browser
(``benchmarks/serve_reload.py`` measures it):

* the theme keeps its compiled templates between rebuilds, as the content templates do
  (``content_model/template_bytecode.py``): public Jinja2, always on while serving;
* the operating system's file events replace MkDocs' half-second polling
  (``site_hooks/native_file_events.py``). That relies on MkDocs internals, so it is a
  setting: ``extra: klartext: native_file_events: true`` in mkdocs.yml turns it on,
  ``false`` or no entry keeps MkDocs' own watcher.
"""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files

from content_model.template_bytecode import TEMPLATE_BYTECODE
from site_hooks.build_state import serving
from site_hooks.native_file_events import switch_to_native_events

#: The setting, under ``extra: klartext:`` in mkdocs.yml.
SETTING = "native_file_events"


def wants_native_file_events(config: MkDocsConfig) -> bool:
    """The setting's value; anything but true, false or no entry stops with a clear message."""
    settings = config.extra.get("klartext") or {}
    value = settings.get(SETTING, False) if isinstance(settings, dict) else None
    if not isinstance(value, bool):
        raise PluginError(
            f"mkdocs.yml: extra.klartext.{SETTING} must be true or false, not {value!r}"
        )
    return value


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the setting before the first build, so a typo stops at once."""
    wants_native_file_events(config)
    return config


def on_serve(
    server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]
) -> LiveReloadServer:
    """Watch with file events instead of polling when the setting asks for it."""
    if wants_native_file_events(config):
        switch_to_native_events(server)
    return server


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Keep the theme's compiled templates between rebuilds while serving."""
    if serving():
        env.bytecode_cache = TEMPLATE_BYTECODE.for_environment("theme")
    return env
