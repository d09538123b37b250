"""Build cost of generating the site from YAML, against a plain MkDocs build of the same pages.

The baseline is the very Markdown our hooks generate, written to disk and built by MkDocs
with every other hook of the site (runtime, calculators, offline, CSP) but without the
content hook: the ratio is what reading, validating and rendering the YAML costs. Neither
side writes the ``.br``/``.gz`` copies, a publishing step whose cost grows with the bytes,
not with the YAML. The content is repeated 1x, 10x and 50x (each copy with its own ids) to
show that the cost grows linearly with the content.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from calculators.registry import field_names
from content_model.loader import Playbook, load_playbook, walk
from content_model.render import glossary_abbreviations, render_pages
from content_model.site_map import navigation
from content_model.template_bytecode import TEMPLATE_BYTECODE
from content_model.workshop import qr_svg

ROOT = Path(__file__).resolve().parents[1]
#: A chapter's position (1-9); copy n puts it at 10·n + the original, unique within the part.
ORDER = re.compile(r"^order: 0*(\d)$", re.MULTILINE)


def _anchor_ids(playbook: Playbook) -> set[str]:
    """Every chapter and anchor id of the chapters (glossary ids stay shared)."""
    ids = {chapter.id for chapter in playbook.chapters}
    for chapter in playbook.chapters:
        for path, node in walk(chapter):
            if path and path[-1] == "id" and isinstance(node, str):
                ids.add(node)
    return ids


def repeated_content(target: Path, copies: int) -> None:
    """Write ``copies`` renamed copies of every chapter into ``target`` (a content folder)."""
    source = ROOT / "content"
    shutil.copytree(source, target)
    if copies == 1:
        return
    playbook = load_playbook(source, calculators=field_names())
    alternatives = "|".join(sorted(map(re.escape, _anchor_ids(playbook)), key=len, reverse=True))
    ids = re.compile(rf"(?<![a-z0-9-])({alternatives})(?![a-z0-9-])")
    for path in sorted((source / "chapters").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        for copy in range(2, copies + 1):
            renamed = ORDER.sub(f"order: {copy}\\g<1>", ids.sub(rf"\g<1>-k{copy}", text))
            (target / "chapters" / f"{path.stem}-k{copy}.yml").write_text(renamed, encoding="utf-8")


SHARED = ("site_hooks", "templates", "calculators", "node_modules", "bundler")
#: Hooks neither side runs (see the module docstring).
PUBLISHING_HOOKS = ("site_hooks/precompress.py",)
CONTENT_HOOK = "site_hooks/content_pages.py"


def _config(without: tuple[str, ...]) -> dict[str, object]:
    config: dict[str, object] = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    hooks = config.get("hooks", [])
    assert isinstance(hooks, list)
    config["hooks"] = [hook for hook in hooks if hook not in without]
    config.pop("watch", None)
    return config


def _write(project: Path, config: dict[str, object]) -> None:
    for shared in SHARED:
        (project / shared).symlink_to(ROOT / shared)
    (project / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True), encoding="utf-8"
    )


def _project(workdir: Path, content: Path) -> Path:
    project = workdir / "project"
    project.mkdir()
    _write(project, _config(PUBLISHING_HOOKS))
    (project / "content").symlink_to(content)
    shutil.copytree(ROOT / "docs", project / "docs", symlinks=True)
    return project


def plain_project(workdir: Path, content: Path) -> Path:
    """The same pages as plain Markdown, with the same theme, extensions and other hooks."""
    project = workdir / "plain"
    project.mkdir()
    playbook = load_playbook(content, calculators=field_names())
    shutil.copytree(ROOT / "docs", project / "docs")
    # Written by hand, each page would carry the glossary's abbreviations as well.
    abbreviations = glossary_abbreviations(playbook)
    config = _config((*PUBLISHING_HOOKS, CONTENT_HOOK))
    # The workshop page's QR codes, as a hand-written page would carry them.
    site_url = config.get("site_url")
    assert isinstance(site_url, str)
    for page in render_pages(playbook, ROOT / "templates", site_url):
        path = project / "docs" / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{page.markdown}\n\n{abbreviations}\n", encoding="utf-8")
    config["nav"] = navigation(playbook.pages)
    _write(project, config)
    # The rules and the team file are settings, not pages: the runtime and the manifest read them.
    (project / "content").symlink_to(content)
    return project


def timed_build(project: Path, site: Path) -> float:
    """Seconds for one strict build of ``project``."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=False)
    # Every build draws its QR codes and compiles its templates afresh, as a first build does:
    # the per-process caches only help `mkdocs serve`, and would flatter the repeats here.
    qr_svg.cache_clear()
    TEMPLATE_BYTECODE.clear()
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start


def measure(copies: int, repeats: int = 3) -> tuple[int, float, float]:
    """(chapters, our median seconds, plain Markdown median seconds)."""
    with tempfile.TemporaryDirectory(prefix="klartext-bench-") as tmp:
        workdir = Path(tmp)
        content = workdir / "content"
        repeated_content(content, copies)
        ours_project = _project(workdir, content)
        markdown_project = plain_project(workdir, content)
        chapters = len(list((content / "chapters").glob("*.yml")))
        ours = sorted(timed_build(ours_project, workdir / f"site-ours-{n}") for n in range(repeats))
        plain = sorted(
            timed_build(markdown_project, workdir / f"site-plain-{n}") for n in range(repeats)
        )
        return chapters, ours[len(ours) // 2], plain[len(plain) // 2]
