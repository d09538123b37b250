"""Pack ``calculators/`` into a zip that Pyodide unpacks with ``pyodide.unpackArchive``.

The archive is deterministic: files in sorted order, a fixed timestamp and fixed
permissions, so two builds of the same sources are byte-identical (and a service worker's
cache key changes only when the code does). The ``.py`` sources go in, or, for the site,
bytecode compiled by Pyodide's own Python in their place (never the host's, which would not
match the Python inside Pyodide). The playbook's rules go in as
``calculators/rules.json`` (``calculators.rules.published_rules`` reads it), so the browser
computes with exactly the rules the site was built with.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path

from calculators.rules import PUBLISHED_FILE

FIXED_TIME = (2020, 1, 1, 0, 0, 0)
PACKAGE = "calculators"


def archive_members(package_dir: Path) -> list[Path]:
    """The source files that go into the archive, in archive order."""
    return sorted(path for path in package_dir.rglob("*.py") if "__pycache__" not in path.parts)


def rules_member(rules: Mapping[str, object]) -> tuple[str, bytes]:
    """The archive member holding the rules' plain data (sorted, so builds are identical)."""
    text = json.dumps(rules, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"{PACKAGE}/{PUBLISHED_FILE}", text.encode("utf-8")


def build_archive(
    package_dir: Path, bytecode: bytes | None = None, rules: Mapping[str, object] | None = None
) -> bytes:
    """The zip bytes of ``package_dir`` under the folder name ``calculators/``.

    ``bytecode`` is a zip of sourceless ``calculators/*.pyc`` members compiled by Pyodide
    itself (see ``bundler.runtime_bytecode``); each replaces its module's source, so the
    browser imports without compiling and downloads each module once. A module without
    bytecode (never loaded while compiling) keeps its source. ``rules`` (section -> rule ->
    value) is published beside them.
    """
    members = [
        (f"{PACKAGE}/{path.relative_to(package_dir).as_posix()}", path.read_bytes())
        for path in archive_members(package_dir)
    ]
    if bytecode is not None:
        with zipfile.ZipFile(io.BytesIO(bytecode)) as compiled:
            pycs = [(name, compiled.read(name)) for name in compiled.namelist()]
        replaced = {name.removesuffix("c") for name, _ in pycs}
        members = [(name, data) for name, data in members if name not in replaced] + pycs
    if rules is not None:
        members.append(rules_member(rules))
    # Stored, not deflated: the host sends the build's brotli copy, which compresses across
    # members and ends up 40 % smaller than a deflated zip.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in sorted(members):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data)
    return buffer.getvalue()
