"""What makes ``mkdocs serve`` show an edit sooner: file events and kept template bytecode."""

from __future__ import annotations

import queue
from pathlib import Path
from types import SimpleNamespace

from jinja2 import DictLoader, Environment, FileSystemLoader
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from content_model.template_bytecode import ProcessBytecodeCache, TemplateBytecode
from site_hooks.live_reload import ChangeObserver, on_serve

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


def test_serve_moves_every_watched_path_to_file_events(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    theme = tmp_path / "theme"
    docs.mkdir()
    theme.mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: Probe\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    # What `mkdocs serve --watch-theme` watches before the on_serve event; the theme twice.
    for path in (docs, config_file, theme, theme):
        server.watch(str(path))
    config = SimpleNamespace(docs_dir=str(docs), config_file_path=str(config_file))
    served = on_serve(server, config=config, builder=lambda: None)  # type: ignore[arg-type]
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
    server.server_close()
