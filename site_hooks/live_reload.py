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
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
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
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]


class FolderChangesAsFileChanges(FileSystemEventHandler):
    """Passes events on, a folder added, removed or moved as a change of that path.

    MkDocs' handler ignores folder events. A native observer reports a folder moved out of
    the docs (or into the trash) only as that folder's event, so without this its pages
    would stay served.
    """

    def __init__(self, handler: FileSystemEventHandler) -> None:
        self.handler = handler

    def dispatch(self, event: FileSystemEvent) -> None:
        """Hand ``event`` to the wrapped handler, folder changes as file changes."""
        if event.is_directory:
            event = FileModifiedEvent(event.src_path)
        self.handler.dispatch(event)


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
            FolderChangesAsFileChanges(event_handler),
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

    MkDocs registers the docs folder, mkdocs.yml and, with ``--watch-theme``, the theme's
    folders before this event, and the ``watch`` folders after it. Every path registered so
    far moves to the new observer, as often as it was registered.
    """
    if not hasattr(server, "_watched_paths"):
        log.info("keeping MkDocs' polling watcher (unknown LiveReloadServer)")
        return server
    registered: dict[str, int] = dict(server._watched_paths)
    for path, count in registered.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = ChangeObserver()
    for path, count in registered.items():
        for _ in range(count):
            server.watch(path)
    log.debug("watching with %s", type(server.observer).__name__)
    return server


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Keep the theme's compiled templates between rebuilds while serving."""
    if _command.get("name") == "serve":
        env.bytecode_cache = TEMPLATE_BYTECODE.for_environment("theme")
    return env
