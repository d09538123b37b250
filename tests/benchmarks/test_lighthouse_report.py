"""How ``make lighthouse`` reads a run: the late first frame and the median of several runs.

The observed timings below are from real runs of ``/gespraeche/verbindlichkeit/`` on this
machine (issue 20): one with the first frame held back by Chromium, one without.
"""

from __future__ import annotations

from typing import Any

from benchmarks.lighthouse import Report, first_frame_late, median_run


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
