"""The W3C Nu HTML Checker over a built site: every error with its page and line.

The checker is the npm package ``vnu-jar`` (pinned in package.json), a Java program: Debian's
``default-jre-headless`` runs it (``make java``). It reads the files straight from the build
folder, so no server is needed, and ``--skip-non-html`` leaves the scripts, styles and
compressed copies alone.

Usage: python -m benchmarks.html_check [SITE]   (builds the site first when SITE is omitted)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class HtmlError:
    """One error the checker reports: the page (relative to the site), its line and text."""

    page: str
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        """``page:line: message | extract``, the way a reader finds the spot."""
        return f"{self.page}:{self.line}: {self.message} | {self.extract.strip()}"


def java() -> str:
    """The Java runtime, or a German hint on how to install it."""
    found = shutil.which("java")
    if found is None:
        raise RuntimeError("Java fehlt: `make java` installiert Debians default-jre-headless")
    if not VNU_JAR.is_file():
        raise RuntimeError("vnu.jar fehlt: `make setup` installiert die npm-Pakete")
    return found


def check(site: Path) -> list[HtmlError]:
    """Every error the Nu HTML Checker finds in the HTML files under ``site``."""
    command = [java(), "-jar", str(VNU_JAR), "--format", "json", "--errors-only"]
    command += ["--skip-non-html", str(site)]
    # The checker exits 1 when it finds errors; its JSON report goes to stderr either way.
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        report = json.loads(finished.stderr or finished.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"vnu.jar lieferte keinen Bericht:\n{finished.stderr}") from None
    base = site.resolve().as_uri()
    errors = []
    for message in report.get("messages", []):
        if message.get("type") != "error":
            continue
        url = str(message.get("url", ""))
        page = url.removeprefix(base).removeprefix("file:" + str(site.resolve()))
        errors.append(
            HtmlError(
                page=page.lstrip("/"),
                line=int(message.get("lastLine", 0)),
                message=str(message.get("message", "")),
                extract=str(message.get("extract", "")),
            )
        )
    return errors


def main(argv: list[str]) -> int:
    """Check ``argv[0]`` (or a fresh build) and print every error; exit 1 if there are any."""
    from bundler.safe_build import safe_build  # noqa: PLC0415 - only when building here

    with tempfile.TemporaryDirectory(prefix="klartext-html-") as scratch:
        site = Path(argv[0]) if argv else Path(scratch) / "site"
        if not argv:
            safe_build(ROOT / "mkdocs.yml", site)
        errors = check(site)
    for error in errors:
        print(error)
    print(f"{len(errors)} Fehler im HTML")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
