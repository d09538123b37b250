"""How ``make lighthouse`` reads a run: the late first frame, the median of several runs and
the CPU slowdown calibrated to the host.

The observed timings below are from real runs of ``/gespraeche/verbindlichkeit/`` on this
machine (issue 20): one with the first frame held back by Chromium, one without.
"""

from __future__ import annotations

import argparse
from typing import Any

import pytest

from benchmarks.lighthouse import (
    DEFAULT_SLOWDOWN,
    REFERENCE_INDEX,
    Report,
    calibrated_slowdown,
    calibration_line,
    first_frame_late,
    lighthouse_command,
    median_run,
    positive_number,
)


def result_with(first_contentful_paint: float, load: float) -> dict[str, Any]:
    """The part of a Lighthouse result that the check reads."""
    metrics = {"observedFirstContentfulPaint": first_contentful_paint, "observedLoad": load}
    return {"audits": {"metrics": {"details": {"items": [metrics]}}}}


def report(performance: int, *, late: bool) -> Report:
    scores = {"performance": performance, "accessibility": 100, "best-practices": 100, "seo": 100}
    return Report(path="/p/", scores=scores, failing={}, late_runs=int(late))


def test_a_first_frame_shown_after_the_load_event_is_late() -> None:
    assert first_frame_late(result_with(first_contentful_paint=1243, load=1104))


def test_negative_control_a_first_frame_before_the_load_event_is_not_late() -> None:
    assert not first_frame_late(result_with(first_contentful_paint=402, load=612))


def test_the_median_run_is_reported_with_the_late_frames_of_all_runs() -> None:
    runs = [report(76, late=True), report(88, late=False), report(81, late=True)]
    median = median_run(runs)
    assert median.scores["performance"] == 81
    assert (median.late_runs, median.runs) == (2, 3)
    assert median.row() == "| `/p/` | 81 | 100 | 100 | 100 | 2/3 |"


def test_a_host_of_the_reference_class_keeps_lighthouses_slowdown() -> None:
    assert calibrated_slowdown(REFERENCE_INDEX) == DEFAULT_SLOWDOWN


def test_a_faster_host_is_slowed_down_more_and_a_slower_one_less() -> None:
    # 3161 is what Lighthouse measured on this project's CI machine in December 2026.
    assert calibrated_slowdown(3161) == 7.2
    assert calibrated_slowdown(875) == 2.0


def test_a_very_slow_host_is_measured_as_it_is_never_sped_up() -> None:
    assert calibrated_slowdown(200) == 1.0


def test_a_missing_benchmark_index_stops_the_table() -> None:
    with pytest.raises(ValueError, match="Benchmark-Index"):
        calibrated_slowdown(0)


def test_the_slowdown_reaches_lighthouses_command_line_only_when_set() -> None:
    calibrated = lighthouse_command("http://127.0.0.1:1/", "--only-categories=seo", 7.2)
    assert "--throttling.cpuSlowdownMultiplier=7.2" in calibrated
    plain = lighthouse_command("http://127.0.0.1:1/", "--only-categories=seo")
    assert not any(part.startswith("--throttling.") for part in plain)


def test_a_slowdown_of_zero_or_less_is_refused() -> None:
    assert positive_number("7.5") == 7.5
    for text in ("0", "-4"):
        with pytest.raises(argparse.ArgumentTypeError, match="größer als 0"):
            positive_number(text)


def test_the_calibration_line_writes_german_figures() -> None:
    assert calibration_line(3303, 7.5) == (
        "Benchmark-Index dieses Rechners: 3.303; CPU-Drosselung ×7,5 "
        "(Lighthouses Vorgabe ×4 gilt für einen Index um 1.750)"
    )
