"""The playbook's rules for tests in CPython, read once per session as the build reads them.

``PLAYBOOK_RULES`` is ``content/rules.yml`` validated by ``content_model`` (the build's own
reader), so a test computes with the figures the site publishes. ``ARTICLE_VALUES`` are the
articles' figures written out once more, on purpose: ``test_playbook_rules.py`` proves that the
YAML still holds them, which is what "default rules give today's answers" rests on.
``altered`` makes a variant for tests that show a calculator deciding by other rules.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from calculators.rules import Rules, rules_from_data
from content_model.rules import load_rules

RULES_FILE = Path(__file__).resolve().parents[2] / "content" / "rules.yml"

#: The figures of the two source articles (content-facts A2, A7, A9, A10, B2-B5, B7).
ARTICLE_VALUES: dict[str, dict[str, object]] = {
    "score": {
        "question_points": 20,
        "step": 5,
        "pursue_from": 70,
        "nurture_from": 55,
        "days_without_next_step": 30,
        "warning_signals": 2,
        "unanswered_attempts": 3,
    },
    "value": {"clearly_below_median": 80},
    "escalation": {"missed_deadlines": 3, "window_weeks": 6, "delayed_decisions": 2},
    "commitment": {
        "kept_share": 90,
        "within_days": 30,
        "review_after_weeks": 2,
        "protocol_within_hours": 24,
    },
    "approval": {"window_hours": 48},
    "remediation": {
        "weeks": [6, 8],
        "reviews_before_exit": 2,
        "frequent_changes_per_month": 3,
        "delays_for_yellow": 2,
    },
    "follow_up": {"days": [60, 90]},
    "conversation": {"minutes": 30},
    "exit_call": {
        "preparation_minutes": 3,
        "approach_minutes": 2,
        "message_minutes": 3,
        "documentation_minutes": 2,
    },
}

ARTICLE_RULES = rules_from_data(ARTICLE_VALUES)


PLAYBOOK_RULES = load_rules(RULES_FILE)


def altered(rules: Rules, **changes: object) -> Rules:
    """``rules`` with some rules changed, named ``section__rule``: ``score__pursue_from=75``."""
    sections: dict[str, dict[str, object]] = {}
    for name, value in changes.items():
        section, rule = name.split("__")
        sections.setdefault(section, {})[rule] = value
    return replace(
        rules,
        **{
            section: replace(getattr(rules, section), **values)
            for section, values in sections.items()
        },
    )


#: A team's own rules, every one changed (the issue's example: bands 75/60, follow-up 30–60
#: days, "clearly below" at 70 %, four weeks instead of six), each inside its allowed range.
TEAM_VALUES: dict[str, dict[str, object]] = {
    "score": {
        "question_points": 20,
        "step": 5,
        "pursue_from": 75,
        "nurture_from": 60,
        "days_without_next_step": 21,
        "warning_signals": 3,
        "unanswered_attempts": 4,
    },
    "value": {"clearly_below_median": 70},
    "escalation": {"missed_deadlines": 4, "window_weeks": 4, "delayed_decisions": 3},
    "commitment": {
        "kept_share": 80,
        "within_days": 20,
        "review_after_weeks": 3,
        "protocol_within_hours": 48,
    },
    "approval": {"window_hours": 24},
    "remediation": {
        "weeks": [4, 6],
        "reviews_before_exit": 3,
        "frequent_changes_per_month": 4,
        "delays_for_yellow": 3,
    },
    "follow_up": {"days": [30, 60]},
    "conversation": {"minutes": 45},
    "exit_call": {
        "preparation_minutes": 5,
        "approach_minutes": 3,
        "message_minutes": 4,
        "documentation_minutes": 3,
    },
}

TEAM_RULES = rules_from_data(TEAM_VALUES)


def rules_yaml(values: dict[str, dict[str, object]], text: str | None = None) -> str:
    """``content/rules.yml`` with each rule's ``value`` replaced by ``values`` (all else kept).

    ``values`` may name only some rules; the others keep the value the file has.

    For tests that load or build with other rules exactly as an author would write them.
    """
    lines = (RULES_FILE.read_text(encoding="utf-8") if text is None else text).splitlines()
    section = rule = ""
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if stripped.endswith(":") and not stripped.startswith("#") and indent == 0:
            section = stripped[:-1]
        elif stripped.endswith(":") and not stripped.startswith("#") and indent == 2:
            rule = stripped[:-1]
        elif indent == 4 and stripped.startswith("value:"):
            value = values.get(section, {}).get(rule)
            if value is None:
                out.append(line)
                continue
            shown = f"[{value[0]}, {value[1]}]" if isinstance(value, list | tuple) else str(value)
            out.append(f"    value: {shown}")
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def without_worked_example_outcomes(content: Path) -> None:
    """Drop every preset's declared ``outcome`` from the chapters of a content copy.

    For tests that build the site with other rules on purpose (every rule changed, a team's
    rules): the build refuses chapters whose declared worked example the new rules contradict,
    which is right for a team and beside the point of those tests.
    """
    for chapter in (content / "chapters").glob("*.yml"):
        lines = chapter.read_text(encoding="utf-8").splitlines(keepends=True)
        kept: list[str] = []
        skip_deeper_than: int | None = None
        for line in lines:
            indent = len(line) - len(line.lstrip(" "))
            if skip_deeper_than is not None and (not line.strip() or indent > skip_deeper_than):
                continue
            skip_deeper_than = None
            if line.strip() == "outcome:":
                skip_deeper_than = indent
                continue
            kept.append(line)
        chapter.write_text("".join(kept), encoding="utf-8")
