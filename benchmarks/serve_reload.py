"""Edit to browser under ``mkdocs serve``: how long an author waits to see a YAML change.

A copy of the project is served by ``mkdocs serve`` exactly as ``make serve`` runs it. Real
Chromium shows a chapter; the benchmark then rewrites that chapter's YAML file and measures
from the write until the browser shows the new text. That span holds everything an author
waits for: MkDocs noticing the change, the whole rebuild, the live-reload message and the
browser loading and drawing the page again. The baseline is the same pages written as
Markdown (see ``build_scaling``), served the same way, with the chapter's Markdown edited.
Our project is measured twice: with the operating system's file events and with MkDocs' own
polling (the setting ``extra.klartext.native_file_events``, see ``site_hooks/live_reload.py``),
so the figures show whether rewiring MkDocs' internals still pays.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Playwright

from benchmarks.build_scaling import plain_project, repeated_content
from benchmarks.chromium import fresh_profile
from benchmarks.static_server import free_port
from calculators.registry import field_names
from content_model.loader import load_playbook

ROOT = Path(__file__).resolve().parents[1]
#: The chapter whose summary is edited, and where its page is served.
CHAPTER_ID = "gespraechsmappe"
CHAPTER_FILE = Path(f"content/chapters/{CHAPTER_ID}.yml")
CHAPTER_PATH = "gespraeche/gespraechsmappe/"
#: Large or machine-made folders the copy links to instead of copying.
LINKED = ("node_modules", ".venv")
SKIPPED = (".git", "site", ".mypy_cache", ".ruff_cache", ".pytest_cache", "__pycache__")
START_TIMEOUT_S = 120
RELOAD_TIMEOUT_MS = 60_000
#: The file-events setting in mkdocs.yml (``extra: klartext: native_file_events:``).
NATIVE_FILE_EVENTS = re.compile(r"^(\s*native_file_events:)[ \t]*\S+", re.MULTILINE)


def _copy_project(target: Path) -> None:
    """The working tree without caches and build output, the big dependency folders linked."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*SKIPPED, *LINKED), symlinks=True)
    for name in LINKED:
        if (ROOT / name).exists():
            (target / name).symlink_to(ROOT / name)


@contextmanager
def _serving(project: Path) -> Iterator[str]:
    """``mkdocs serve`` on a free port of 127.0.0.1; yields the site's address."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    serving = threading.Event()
    log: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            log.append(line)
            if "Serving on" in line:
                serving.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not serving.wait(START_TIMEOUT_S):
            raise RuntimeError("mkdocs serve did not start:\n" + "".join(log[-20:]))
        yield f"http://127.0.0.1:{port}/"
    finally:
        # Ctrl+C, as a person stops it: MkDocs then deletes its temporary site folder.
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass(frozen=True)
class Edit:
    """A project to serve, the file an author edits in it, and the line that gets changed."""

    project: Path
    file: Path
    line: re.Pattern[str]


def _set_native_file_events(config_file: Path, enabled: bool) -> None:
    """Switch the file-events setting in a copied mkdocs.yml."""
    text, count = NATIVE_FILE_EVENTS.subn(
        rf"\g<1> {'true' if enabled else 'false'}", config_file.read_text(encoding="utf-8")
    )
    if count != 1:
        raise RuntimeError(f"{config_file}: no single native_file_events setting to switch")
    config_file.write_text(text, encoding="utf-8")


def ours(workdir: Path, *, native_file_events: bool = True) -> Edit:
    """The project: the chapter's YAML file, its ``summary:`` line; file events or polling."""
    project = workdir / ("project" if native_file_events else "project-polling")
    _copy_project(project)
    _set_native_file_events(project / "mkdocs.yml", native_file_events)
    return Edit(project, project / CHAPTER_FILE, re.compile(r"^summary: .*$", re.MULTILINE))


def plain_markdown(workdir: Path) -> Edit:
    """The same pages written as Markdown (see build_scaling): the chapter page's lead line."""
    content = workdir / "content"
    repeated_content(content, 1)
    project = plain_project(workdir, content)
    summary = load_playbook(content, calculators=field_names()).chapter_by_id[CHAPTER_ID].summary
    page = project / "docs" / f"{CHAPTER_PATH.rstrip('/')}.md"
    first_words = re.escape(" ".join(summary.split()[:4]))
    return Edit(project, page, re.compile(rf"^.*{first_words}.*$", re.MULTILINE))


def edit_to_browser(playwright: Playwright, edit: Edit, edits: int) -> list[float]:
    """Seconds from writing the file to the new text on screen, once per edit."""
    times: list[float] = []
    original = edit.file.read_text(encoding="utf-8")
    with _serving(edit.project) as base, fresh_profile(playwright) as context:
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(base + CHAPTER_PATH)
        for number in range(1, edits + 1):
            marker = f"Fassung {number} zum Messen."
            found = edit.line.search(original)
            assert found is not None
            changed = f"{original[: found.end()]} {marker}{original[found.end() :]}"
            page.wait_for_timeout(500)  # the watcher has settled after the last rebuild
            start = time.perf_counter()
            edit.file.write_text(changed, encoding="utf-8")
            page.wait_for_function(
                "(marker) => document.body && document.body.innerText.includes(marker)",
                arg=marker,
                timeout=RELOAD_TIMEOUT_MS,
            )
            times.append(time.perf_counter() - start)
    return times


@dataclass(frozen=True)
class ServeFigures:
    """Edit-to-browser seconds, one per edit."""

    #: Our project with the operating system's file events (as mkdocs.yml ships it).
    ours: list[float]
    #: Our project with MkDocs' own polling watcher.
    ours_polling: list[float]
    #: The same pages as plain Markdown.
    plain: list[float]


def measure(playwright: Playwright, edits: int) -> ServeFigures:
    """Edit-to-browser seconds for this project, with and without file events, and Markdown."""
    with tempfile.TemporaryDirectory(prefix="klartext-serve-") as tmp:
        workdir = Path(tmp)
        return ServeFigures(
            ours=edit_to_browser(playwright, ours(workdir), edits),
            ours_polling=edit_to_browser(
                playwright, ours(workdir, native_file_events=False), edits
            ),
            plain=edit_to_browser(playwright, plain_markdown(workdir), edits),
        )
