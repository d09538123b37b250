"""``make lighthouse``: Lighthouse (simulated mobile) on every page of the built site.

The site is built, served with its brotli copies the way a production host sends them
(``benchmarks.static_server``) and measured page by page with the pinned npm package
``lighthouse`` driving Debian's Chromium (``CHROME_PATH``, the project's flags). The pages
are the ones the build lists in ``sitemap.xml``: every page MkDocs writes, none of the
forwarding pages of moved addresses. The table it prints is what issue 20 asks for; the
test suite runs the same code on three pages (``tests/browser/test_lighthouse.py``).

Usage: python -m benchmarks.lighthouse [--site SITE] [--runs N] [--cpu-slowdown X] [PATH ...]
       (PATH like ``/`` or ``/rechner/``; default: every page in the sitemap)

Lighthouse simulates a mid-tier phone by multiplying the main-thread time it observes by a
CPU slowdown, 4 unless told otherwise. That factor is meant for a host of Lighthouse's
"high-end desktop" class (benchmark index 1500-2000, ``docs/throttling.md`` of Lighthouse):
on a faster host the same page scores higher, on a slower one lower. So that a table means
the same on the owner's laptop as on a CI machine, the table is calibrated: three short runs
read the host's benchmark index first (their median), and the slowdown is scaled so that the
host behaves like the middle of that class (``calibrated_slowdown``). ``--cpu-slowdown 4``
measures with Lighthouse's plain default instead.

Lighthouse's own guidance on variability is to run a page several times and keep the median;
``--runs N`` (``make lighthouse RUNS=3``) does that and reports, per page, the run with the
median performance score. On a machine with two cores a single run of the same page can vary
by 10 points in performance; the other three categories do not vary.

The last column counts the runs whose first frame Chromium showed late: the first content
appeared only after the load event, although the page had painted it long before. Headless
Chromium withholds the frames of a page for a second when the screen emulation Lighthouse
sets up changes the page's surface while the first frame waits for its style sheets
(``contributing/web-quality.md``, "The late first frame"). Such a run's performance score
says more about that stall than about the page: every task before the late frame then counts
towards the first and largest paint.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from benchmarks.chromium import CHROMIUM, CHROMIUM_FLAGS
from benchmarks.static_server import serve
from calculators.german_numbers import format_number

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
HEADERS = ("page", "performance", "accessibility", "best practices", "SEO", "late first frame")
SITEMAP_NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
#: Lighthouse's default CPU slowdown, and the benchmark index of the host it is meant for:
#: the middle of the "high-end desktop" class (1500-2000) in Lighthouse's docs/throttling.md.
DEFAULT_SLOWDOWN = 4.0
REFERENCE_INDEX = 1750.0


@dataclass(frozen=True)
class Report:
    """One page's four category scores (0-100) and the audits that cost it points."""

    path: str
    scores: dict[str, int]
    failing: dict[str, list[str]]
    #: Of the runs behind this report, how many showed the first frame late, and how many ran.
    late_runs: int = 0
    runs: int = 1

    def row(self) -> str:
        """The page's line of the Markdown table."""
        cells = [f"`{self.path}`", *(str(self.scores[name]) for name in CATEGORIES)]
        cells.append(f"{self.late_runs}/{self.runs}")
        return "| " + " | ".join(cells) + " |"


def first_frame_late(result: dict[str, Any]) -> bool:
    """Whether the run's first content was shown only after the load event.

    Every page of this site paints its first content before its deferred scripts have run,
    so before the load event; a run in which Chromium held the first frame back shows it
    after (143 runs measured for issue 20 fell cleanly into the two groups).
    """
    metrics = result["audits"]["metrics"]["details"]["items"][0]
    return float(metrics["observedFirstContentfulPaint"]) > float(metrics["observedLoad"])


def calibrated_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown that makes a host with ``benchmark_index`` count like the reference.

    Lighthouse's simulation scales observed main-thread time linearly, so the factor scales
    with the host's speed: a host twice as fast as the reference is slowed twice as much. It
    never goes below 1 (a slow host is measured as it is, not sped up).
    """
    if benchmark_index <= 0:
        raise ValueError(
            f"Lighthouse meldete keinen brauchbaren Benchmark-Index: {benchmark_index}"
        )
    return max(1.0, round(DEFAULT_SLOWDOWN * benchmark_index / REFERENCE_INDEX, 1))


def positive_number(text: str) -> float:
    """``--cpu-slowdown``: a factor above 0 (Lighthouse would silently measure nonsense)."""
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"die CPU-Drosselung muss größer als 0 sein, nicht {text}")
    return value


def slowdown_text(slowdown: float) -> str:
    """A slowdown as the table's German lines write it: ×7,5."""
    return "×" + format_number(Decimal(str(slowdown)), 1)


def calibration_line(index: float, slowdown: float) -> str:
    """The German line above a calibrated table: the host's index and the slowdown it gets."""
    figure = format_number(Decimal(str(index)), 0)
    reference = format_number(Decimal(str(REFERENCE_INDEX)), 0)
    return (
        f"Benchmark-Index dieses Rechners: {figure}; CPU-Drosselung {slowdown_text(slowdown)} "
        f"(Lighthouses Vorgabe ×{DEFAULT_SLOWDOWN:g} gilt für einen Index um {reference})"
    )


def pages(site: Path) -> list[str]:
    """The site-relative path of every page in the build's ``sitemap.xml``, in its order."""
    tree = ET.parse(site / "sitemap.xml")
    paths = []
    for location in tree.iter(f"{SITEMAP_NAMESPACE}loc"):
        paths.append(urlsplit((location.text or "").strip()).path or "/")
    return paths


def _failing(result: dict[str, Any], category: str) -> list[str]:
    """The ids of the audits that keep ``category`` below 100, with their value if shown."""
    audits = result["audits"]
    failing = []
    for reference in result["categories"][category]["auditRefs"]:
        if not reference.get("weight"):
            continue
        audit = audits[reference["id"]]
        score = audit.get("score")
        if score is not None and score < 1:
            shown = audit.get("displayValue") or ""
            failing.append(f"{audit['id']} {shown}".strip())
    return failing


def lighthouse_command(url: str, selection: str, slowdown: float | None = None) -> list[str]:
    """The command line for one Lighthouse run of ``url`` with this project's Chromium flags.

    ``selection`` is Lighthouse's ``--only-categories=…`` or ``--only-audits=…`` option;
    ``slowdown`` None keeps Lighthouse's own CPU slowdown.
    """
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        selection,
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
    ]
    if slowdown is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={slowdown:g}")
    return command


def lighthouse_result(command: list[str], path: str) -> dict[str, Any]:
    """Run one Lighthouse command and return its JSON result; a failed run stops the table."""
    if not LIGHTHOUSE.is_file():
        raise RuntimeError("lighthouse fehlt: `make setup` installiert die npm-Pakete")
    if not CHROMIUM.is_file():
        raise RuntimeError("Chromium fehlt: `make chromium` installiert Debians Paket")
    environment = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    finished = subprocess.run(
        command, capture_output=True, text=True, check=False, env=environment, timeout=300
    )
    if finished.returncode != 0:
        raise RuntimeError(f"Lighthouse scheiterte an {path}:\n{finished.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(finished.stdout)
    if result.get("runtimeError"):
        raise RuntimeError(f"Lighthouse scheiterte an {path}: {result['runtimeError']}")
    return result


#: Short runs that read the host's benchmark index; their median calibrates the table (one
#: reading moved by about 5 % between runs on the same idle machine).
INDEX_READINGS = 3


def benchmark_index(url: str, readings: int = INDEX_READINGS) -> float:
    """The host's CPU benchmark index: the median of Lighthouse's readings before ``url``.

    One audit per run is enough: Lighthouse runs its benchmark before every page load.
    """
    command = lighthouse_command(url, "--only-audits=first-contentful-paint")
    values = [
        float(lighthouse_result(command, url)["environment"]["benchmarkIndex"])
        for _ in range(readings)
    ]
    return statistics.median(values)


def run(url: str, path: str, slowdown: float | None = None) -> Report:
    """Lighthouse's four categories for one page, with Chromium and flags of this project."""
    command = lighthouse_command(url, f"--only-categories={','.join(CATEGORIES)}", slowdown)
    result = lighthouse_result(command, path)
    scores = {
        name: round(100 * float(result["categories"][name]["score"] or 0)) for name in CATEGORIES
    }
    failing = {name: _failing(result, name) for name in CATEGORIES if scores[name] < 100}
    late = int(first_frame_late(result))
    return Report(path=path, scores=scores, failing=failing, late_runs=late)


def median_run(reports: list[Report]) -> Report:
    """Of several runs of one page, the one with the median performance score.

    It carries how many of all the runs showed the first frame late.
    """
    ordered = sorted(reports, key=lambda report: report.scores["performance"])
    late = sum(report.late_runs for report in reports)
    return replace(ordered[(len(ordered) - 1) // 2], late_runs=late, runs=len(reports))


def measure(
    site: Path, paths: Iterable[str], runs: int = 1, slowdown: float | None = None
) -> list[Report]:
    """Serve ``site`` and measure each path ``runs`` times, one run after another.

    The runs share the CPU, so they never overlap; each page is reported by its median run.
    ``slowdown`` is the CPU slowdown for every run (None: Lighthouse's default).
    """
    reports = []
    with serve(site) as base:
        for path in paths:
            url = base.rstrip("/") + path
            report = median_run([run(url, path, slowdown) for _ in range(runs)])
            print(report.row(), flush=True)
            reports.append(report)
    return reports


def main(argv: list[str]) -> int:
    """Build (unless ``--site`` is given), measure and print the table and what costs points."""
    from bundler.safe_build import safe_build  # noqa: PLC0415 - only when building here

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--site", type=Path, help="an already built site")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is kept")
    parser.add_argument(
        "--cpu-slowdown",
        type=positive_number,
        help="CPU slowdown for every run (default: calibrated to this host; 4 is Lighthouse's own)",
    )
    parser.add_argument("paths", nargs="*", help="pages to measure (default: all)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="klartext-lighthouse-") as scratch:
        site = args.site or Path(scratch) / "site"
        if args.site is None:
            safe_build(ROOT / "mkdocs.yml", site)
        paths = args.paths or pages(site)
        slowdown = args.cpu_slowdown
        if slowdown is None:
            with serve(site) as base:
                index = benchmark_index(base.rstrip("/") + paths[0])
            slowdown = calibrated_slowdown(index)
            print(calibration_line(index, slowdown) + "\n")
        else:
            print(f"CPU-Drosselung {slowdown_text(slowdown)}, wie angegeben\n")
        print("| " + " | ".join(HEADERS) + " |")
        print("| " + " | ".join("---" for _ in HEADERS) + " |", flush=True)
        reports = measure(site, paths, max(1, args.runs), slowdown)
    for report in reports:
        for category, audits in report.failing.items():
            print(f"{report.path} {category}: {', '.join(audits)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
