"""Operating-system file events for ``mkdocs serve`` instead of polling; MkDocs internals, isolated.

Not a hook: ``site_hooks/live_reload.py`` calls ``switch_to_native_events`` when
mkdocs.yml asks for it (``extra: klartext: native_file_events: true``).

MkDocs' development server notices changed files by polling the watched folders every half
second. watchdog, which MkDocs already installs, also has a native observer (inotify on
Linux, FSEvents on macOS) that reports a change at once. MkDocs offers no public way to
choose it: this module replaces the server's ``observer`` and re-registers what MkDocs had
registered, which it reads from the private ``LiveReloadServer._watched_paths``. That is
the one place this project leans on MkDocs internals. ``upstream_shape_problems`` says
what no longer fits; the switch then keeps MkDocs' poller and warns, and
``tests/site/test_live_reload.py`` fails on the installed MkDocs, so an upgrade that
changes the shape is noticed at once instead of silently slowing ``make serve`` down.
"""

from __future__ import annotations

import logging
from typing import Any

from mkdocs.livereload import LiveReloadServer
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

log = logging.getLogger("mkdocs.hooks.live_reload")

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


def upstream_shape_problems(server: Any) -> list[str]:
    """What of MkDocs' server no longer looks as ``switch_to_native_events`` expects.

    Expected (mkdocs 1.6): public ``watch``/``unwatch``, a not yet started ``observer``
    that ``watch`` schedules on, and ``_watched_paths`` counting registrations per path.
    """
    problems = [
        f"LiveReloadServer.{name} is not a method"
        for name in ("watch", "unwatch")
        if not callable(getattr(server, name, None))
    ]
    watched = getattr(server, "_watched_paths", None)
    if not isinstance(watched, dict) or not all(
        isinstance(path, str) and isinstance(count, int) for path, count in watched.items()
    ):
        problems.append("LiveReloadServer._watched_paths is no longer a dict of path -> count")
    observer = getattr(server, "observer", None)
    if not all(
        callable(getattr(observer, name, None)) for name in ("schedule", "unschedule", "is_alive")
    ):
        problems.append("LiveReloadServer.observer is no longer a watchdog observer")
    elif observer is not None and observer.is_alive():
        problems.append("LiveReloadServer.observer is already running at on_serve")
    return problems


def switch_to_native_events(server: LiveReloadServer) -> bool:
    """Move every path MkDocs registered so far to a ``ChangeObserver``; True if switched.

    MkDocs registers the docs folder, mkdocs.yml and, with ``--watch-theme``, the theme's
    folders before ``on_serve``, and the ``watch`` folders after it (those go to the new
    observer through the public ``watch``). Every path moves as often as it was registered,
    so a later ``unwatch`` still balances.
    """
    problems = upstream_shape_problems(server)
    if problems:
        log.warning(
            "MkDocs' live-reload server has changed (%s); keeping its polling watcher. "
            "Set extra.klartext.native_file_events: false in mkdocs.yml to silence this.",
            "; ".join(problems),
        )
        return False
    registered: dict[str, int] = dict(server._watched_paths)
    for path, count in registered.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = ChangeObserver()
    for path, count in registered.items():
        for _ in range(count):
            server.watch(path)
    log.debug("watching with %s", type(server.observer).__name__)
    return True
