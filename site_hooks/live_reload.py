"""Show an edit under ``mkdocs serve`` sooner; ``mkdocs build`` is left as it is.

MkDocs' development server notices changed files by polling the watched folders every half
second, and every rebuild compiles the theme's templates afresh. While serving, this hook
swaps the poller for the operating system's file events (watchdog's native observer:
inotify on Linux, FSEvents on macOS, which MkDocs already installs) and lets the theme keep
its compiled templates between rebuilds, as the content templates do
(``content_model/template_bytecode.py``). ``benchmarks/serve_reload.py`` measures the wait
from saving a YAML file to the new text in the browser.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

from content_model.template_bytecode import TEMPLATE_BYTECODE

log = logging.getLogger("mkdocs.hooks.live_reload")
_command: dict[str, str] = {}

#: What counts as an edit. Native observers also report files being opened and read, and
#: every build reads the docs folder: reacting to those would rebuild forever.
CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileClosedEvent,
]


class ChangeObserver(Observer):  # type: ignore[misc,valid-type]
    """The platform's native file observer, told only about changed files."""

    def schedule(
        self,
        event_handler: FileSystemEventHandler,
        path: str,
        *,
        recursive: bool = False,
        event_filter: list[type[FileSystemEvent]] | None = None,
        follow_symlink: bool = False,
    ) -> ObservedWatch:
        """Watch ``path`` for changes only, unless a caller asks for other events."""
        watch: ObservedWatch = super().schedule(
            event_handler,
            path,
            recursive=recursive,
            event_filter=event_filter or CHANGES,
            follow_symlink=follow_symlink,
        )
        return watch


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Remember whether this process serves or builds."""
    _command["name"] = command


def on_serve(
    server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]
) -> LiveReloadServer:
    """Watch with file events instead of polling (the observer has not started yet).

    MkDocs registers the docs folder and mkdocs.yml before this event and the ``watch``
    folders after it; the first two move to the new observer here.
    """
    watched = [path for path in (config.docs_dir, config.config_file_path) if path]
    moved = []
    for path in watched:
        try:
            server.unwatch(path)
        except KeyError:
            continue  # not watched in this MkDocs version: nothing to move
        moved.append(path)
    server.observer = ChangeObserver()
    for path in moved:
        server.watch(path)
    log.debug("watching with %s", type(server.observer).__name__)
    return server


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Keep the theme's compiled templates between rebuilds while serving."""
    if _command.get("name") == "serve":
        env.bytecode_cache = TEMPLATE_BYTECODE.for_environment("theme")
    return env
