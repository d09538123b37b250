"""``make bench``: build the site, then measure it beside its baselines in the same run.

Usage: python -m benchmarks [--runs N] [--keystrokes N] [--scaling 1,10,50] [--serve-edits N]
                            [--skip-browser]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks import browser as bench
from benchmarks import serve_reload
from benchmarks.build_scaling import measure
from benchmarks.static_server import free_port, serve
from bundler.safe_build import safe_build

ROOT = Path(__file__).resolve().parents[1]


def ratio(ours: float, baseline: float) -> str:
    """``0.42 x`` (ours divided by the baseline)."""
    return f"{ours / baseline:5.2f} x" if baseline else "   – "


def row(label: str, *cells: str) -> None:
    """One table line: a label column and right-aligned figures."""
    print(f"{label:42}" + "".join(f"{cell:>30}" for cell in cells), flush=True)


def latency(values: list[float]) -> str:
    """Median and 95th percentile in milliseconds."""
    return (
        f"Median {statistics.median(values):6.2f} ms  p95 {bench.percentile(values, 0.95):6.2f} ms"
    )


def browser_figures(site: Path, port: int, runs: int, keystroke_count: int) -> None:
    """Print first-result times, keystroke latency and bytes."""
    root, holder = bench.prepare_site(site)
    with holder, serve(root, port=port) as base, sync_playwright() as playwright:
        print(f"\nErstes Python-Ergebnis ab Navigation (Median und Spanne, {runs} Profile)")
        row("Variante", "kalt (frisches Profil)", "warm (zweiter Besuch)")
        medians = {}
        paints: list[float] = []
        for variant in bench.VARIANTS:
            ours = variant is bench.VARIANTS[0]
            cold, warm = bench.cold_and_warm(
                playwright, base, variant, runs, paints=paints if ours else None
            )
            medians[variant.name] = (statistics.median(cold), statistics.median(warm))
            row(variant.name, bench.median_and_spread(cold), bench.median_and_spread(warm))
        (ours_cold, ours_warm), (stock_cold, stock_warm) = (
            medians[bench.VARIANTS[0].name],
            medians[bench.VARIANTS[1].name],
        )
        row(
            "Verhältnis Klartext / Standard",
            ratio(ours_cold, stock_cold),
            ratio(ours_warm, stock_warm),
        )

        print("\nBeispielergebnis aus dem Build sichtbar (erster Paint, kalt)")
        row("Klartext", bench.median_and_spread(paints))

        print("\nKalt über emulierte 20 Mbit/s und 40 ms Latenz")
        throttled = []
        for variant in bench.VARIANTS[:2]:
            cold, _ = bench.cold_and_warm(
                playwright, base, variant, max(1, runs // 2), throttle=True
            )
            throttled.append(statistics.median(cold))
            row(variant.name, bench.median_and_spread(cold))
        row("Verhältnis Klartext / Standard", ratio(throttled[0], throttled[1]))

        hops = bench.instant_navigation(playwright, base, runs)
        print("\nSofortnavigation zu einem anderen Rechner (Laufzeit läuft schon)")
        row("Klick bis Ergebnis", bench.median_and_spread(hops))

        typed = bench.keystrokes(playwright, base, keystroke_count)
        print(f"\nTastendruck bis Ergebnis ({keystroke_count} Eingaben)")
        row("Klartext: Ergebnis im DOM (Worker-Rundreise)", latency(typed.updated))
        in_next = sum(1 for count in typed.frames if count == 1) / len(typed.frames)
        row(
            "Klartext: im nächsten Frame sichtbar",
            f"{in_next:.0%} der Eingaben, "
            f"p95 {bench.percentile([float(n) for n in typed.frames], 0.95):.0f} Frame(s)",
        )
        row("Standard, direkter Aufruf (ohne DOM)", latency(typed.direct))

        print("\nÜbertragene Bytes, wie ausgeliefert (brotli; ohne Antworten des Service Workers)")
        row("Variante", "erster Besuch", "zweiter Besuch")
        for variant in bench.VARIANTS[:2]:
            first, second = bench.transferred_bytes(playwright, base, variant.path)
            row(variant.name, f"{first / 1e6:.2f} MB", f"{second / 1e6:.2f} MB")


def serve_figures(edits: int) -> None:
    """Print the wait from saving a YAML file to the new text in the browser (make serve)."""
    with sync_playwright() as playwright:
        figures = serve_reload.measure(playwright, edits)
    print(f"\n`make serve`: Datei gespeichert bis neuer Text im Browser ({edits} Änderungen)")
    row("Klartext (YAML-Datei)", bench.median_and_spread([1000 * s for s in figures.ours]))
    row(
        "Klartext, MkDocs fragt alle 0,5 s ab",
        bench.median_and_spread([1000 * s for s in figures.ours_polling]),
    )
    row("nur Markdown (Markdown-Datei)", bench.median_and_spread([1000 * s for s in figures.plain]))
    row("Verhältnis", ratio(statistics.median(figures.ours), statistics.median(figures.plain)))


def build_figures(copies: list[int]) -> None:
    """Print build time against plain Markdown for repeated content."""
    print("\nBuild: YAML → Website gegen MkDocs mit denselben Seiten als Markdown (Median aus 3)")
    row("Inhalt", "Kapitel", "Klartext", "nur Markdown", "Verhältnis", "s je Kapitel")
    for count in copies:
        chapters, ours, plain = measure(count)
        row(
            f"{count}x",
            str(chapters),
            f"{ours:.2f} s",
            f"{plain:.2f} s",
            ratio(ours, plain),
            f"{ours / chapters:.3f} s",
        )


def main(argv: list[str]) -> int:
    """Run every benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keystrokes", type=int, default=100)
    parser.add_argument("--scaling", default="1,10,50", help="content repetitions, e.g. 1,10")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--serve-edits", type=int, default=5, help="0 skips the make serve figure")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="klartext-bench-build-") as tmp:
        site = Path(tmp) / "site"
        port = free_port()
        safe_build(ROOT / "mkdocs.yml", site, site_url=f"http://127.0.0.1:{port}/")
        if not args.skip_browser:
            browser_figures(site, port, args.runs, args.keystrokes)
    if args.serve_edits and not args.skip_browser:
        serve_figures(args.serve_edits)
    if args.scaling:
        build_figures([int(part) for part in args.scaling.split(",")])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
