"""What makes ``mkdocs serve`` show an edit sooner: file events and kept template bytecode.

The file events rewire MkDocs internals; the upstream-shape test below fails on an MkDocs
that no longer looks as ``site_hooks/native_file_events.py`` expects.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from jinja2 import DictLoader, Environment, FileSystemLoader
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from content_model.template_bytecode import ProcessBytecodeCache, TemplateBytecode
from site_hooks.live_reload import on_serve, wants_native_file_events
from site_hooks.native_file_events import (
    ChangeObserver,
    switch_to_native_events,
    upstream_shape_problems,
)

ROOT = Path(__file__).resolve().parents[2]
EVENT_WAIT_S = 5.0
QUIET_S = 0.5


class Recorder(FileSystemEventHandler):
    """Collects the file events the observer reports, ignoring folders as MkDocs does."""

    def __init__(self) -> None:
        self.events: queue.Queue[FileSystemEvent] = queue.Queue()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.events.put(event)


def drain(events: queue.Queue[FileSystemEvent], wait: float) -> list[FileSystemEvent]:
    """Everything reported within ``wait`` seconds after the first event (or none)."""
    found: list[FileSystemEvent] = []
    try:
        found.append(events.get(timeout=wait))
        while True:
            found.append(events.get(timeout=0.2))
    except queue.Empty:
        return found


def test_reading_a_file_is_no_change_but_writing_one_is(tmp_path: Path) -> None:
    page = tmp_path / "kapitel.yml"
    page.write_text("title: Alt\n", encoding="utf-8")
    recorder = Recorder()
    observer = ChangeObserver()
    observer.schedule(recorder, str(tmp_path), recursive=True)
    observer.start()
    try:
        # A build reads every watched file; that must not look like an edit (or it would
        # rebuild forever).
        assert page.read_text(encoding="utf-8") == "title: Alt\n"
        assert drain(recorder.events, QUIET_S) == []
        page.write_text("title: Neu\n", encoding="utf-8")
        changes = drain(recorder.events, EVENT_WAIT_S)
        assert changes, "the edit was not reported"
        assert {Path(str(event.src_path)).name for event in changes} == {"kapitel.yml"}
    finally:
        observer.stop()
        observer.join()


def test_a_kept_template_is_not_compiled_again_but_an_edited_one_is(tmp_path: Path) -> None:
    (tmp_path / "seite.md.j2").write_text("Hallo {{ name }}", encoding="utf-8")
    cache = ProcessBytecodeCache()
    compiled: list[str] = []

    def environment() -> Environment:
        env = Environment(loader=FileSystemLoader(tmp_path), bytecode_cache=cache)
        original = env.compile

        def counting(source: str, name: str | None = None, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            compiled.append(str(name))
            return original(source, name, *args, **kwargs)  # type: ignore[arg-type]

        env.compile = counting  # type: ignore[method-assign]
        return env

    assert environment().get_template("seite.md.j2").render(name="Team") == "Hallo Team"
    assert environment().get_template("seite.md.j2").render(name="Team") == "Hallo Team"
    assert compiled == ["seite.md.j2"]  # the second environment used the kept bytecode

    (tmp_path / "seite.md.j2").write_text("Guten Tag {{ name }}", encoding="utf-8")
    assert environment().get_template("seite.md.j2").render(name="Team") == "Guten Tag Team"
    assert compiled == ["seite.md.j2", "seite.md.j2"]


def test_environments_set_up_differently_never_share_bytecode() -> None:
    caches = TemplateBytecode()
    source = {"t.j2": "{{ wert }}"}
    plain = Environment(loader=DictLoader(source), bytecode_cache=caches.for_environment("a"))
    shouted = Environment(
        loader=DictLoader(source),
        bytecode_cache=caches.for_environment("b"),
        finalize=lambda value: str(value).upper(),
    )
    assert plain.get_template("t.j2").render(wert="ja") == "ja"
    assert shouted.get_template("t.j2").render(wert="ja") == "JA"
    assert caches.for_environment("a") is not caches.for_environment("b")
    caches.clear()
    assert caches.for_environment("a") is not plain.bytecode_cache


def test_a_folder_moved_away_counts_as_a_change(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "kapitel").mkdir(parents=True)
    (docs / "kapitel" / "seite.md").write_text("# Seite\n", encoding="utf-8")
    recorder = Recorder()
    observer = ChangeObserver()
    observer.schedule(recorder, str(docs), recursive=True)
    observer.start()
    try:
        (docs / "kapitel").rename(tmp_path / "papierkorb")
        changes = drain(recorder.events, EVENT_WAIT_S)
        assert changes, "moving a folder out of the docs went unnoticed"
    finally:
        observer.stop()
        observer.join()


def settings(value: object) -> Any:
    """A stand-in for MkDocs' config with ``extra.klartext.native_file_events`` = ``value``."""
    return SimpleNamespace(extra={"klartext": {"native_file_events": value}})


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveReloadServer]:
    """MkDocs' own development server, not started."""
    served = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    yield served
    served.server_close()


def test_mkdocs_live_reload_server_still_has_the_shape_we_rewire(
    server: LiveReloadServer, tmp_path: Path
) -> None:
    """Fails on an MkDocs upgrade that changes what native_file_events.py relies on."""
    assert upstream_shape_problems(server) == []
    server.watch(str(tmp_path))
    server.watch(str(tmp_path))
    assert server._watched_paths == {str(tmp_path): 2}
    assert {emitter.watch.path for emitter in server.observer.emitters} == {str(tmp_path)}
    assert not server.observer.is_alive()  # on_serve runs before MkDocs starts it


@pytest.mark.parametrize(
    ("changed", "problem"),
    [
        ({"_watched_paths": None}, "_watched_paths"),
        ({"_watched_paths": {"docs": "1"}}, "_watched_paths"),
        ({"observer": object()}, "observer"),
        ({"unwatch": None}, "unwatch"),
    ],
)
def test_a_changed_upstream_shape_is_named_and_keeps_polling(
    server: LiveReloadServer,
    caplog: pytest.LogCaptureFixture,
    changed: dict[str, object],
    problem: str,
) -> None:
    """Negative control for the shape test: each planted change is found and named."""
    for name, value in changed.items():
        setattr(server, name, value)
    problems = upstream_shape_problems(server)
    assert problems
    assert problem in problems[0]
    before = server.observer
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        assert switch_to_native_events(server) is False
    assert server.observer is before
    assert "native_file_events: false" in caplog.text


def test_the_setting_turns_file_events_on_and_off(server: LiveReloadServer) -> None:
    assert wants_native_file_events(SimpleNamespace(extra={})) is False  # type: ignore[arg-type]
    assert wants_native_file_events(settings(True)) is True
    assert on_serve(server, config=settings(False), builder=lambda: None) is server
    assert isinstance(server.observer, PollingObserver)
    with pytest.raises(PluginError, match="native_file_events must be true or false"):
        wants_native_file_events(settings("ja"))


def test_the_project_turns_file_events_on() -> None:
    """mkdocs.yml states the setting; the serve benchmark measures it on and off."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert wants_native_file_events(SimpleNamespace(extra=config["extra"])) is True  # type: ignore[arg-type]


def test_serve_moves_every_watched_path_to_file_events(
    server: LiveReloadServer, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    theme = tmp_path / "theme"
    docs.mkdir()
    theme.mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: Probe\n", encoding="utf-8")
    # What `mkdocs serve --watch-theme` watches before the on_serve event; the theme twice.
    for path in (docs, config_file, theme, theme):
        server.watch(str(path))
    served = on_serve(server, config=settings(True), builder=lambda: None)
    assert served is server
    assert isinstance(server.observer, ChangeObserver)
    # watchdog watches a single file through its folder and reports only that file.
    watched = {Path(emitter.watch.path) for emitter in server.observer.emitters}
    assert watched == {docs, theme, config_file.parent}
    # Registered twice, the theme still needs two unwatch calls before it is dropped.
    server.unwatch(str(theme))
    assert theme in {Path(emitter.watch.path) for emitter in server.observer.emitters}
    server.unwatch(str(theme))
    assert theme not in {Path(emitter.watch.path) for emitter in server.observer.emitters}
