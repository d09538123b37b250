"""The playbook's rules as the calculators read them: one typed value per rule.

The values are a team's decision, not code: they live in ``content/rules.yml`` with their
unit, allowed range, source fact and description, and are validated there with located
errors (``content_model``). The build hands the calculators the plain values (section ->
rule -> value) as JSON; in the browser the calculators read the copy published with them
(``rules.json`` inside the calculators' archive), so a page computes with exactly the rules
the site shows. Nothing here holds a default: the only place a figure is written is the YAML.

A window (``follow_up.days``) is a pair ``(first, last)``; a share (``commitment.kept_share``)
is a percentage (``90`` means 90 %).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, TypeVar, get_type_hints

Window = tuple[int, int]


@dataclass(frozen=True)
class ScoreRules:
    """Qualification score (B3, B2)."""

    question_points: int
    step: int
    pursue_from: int
    nurture_from: int
    days_without_next_step: int
    warning_signals: int
    unanswered_attempts: int


@dataclass(frozen=True)
class ValueRules:
    """Value per hour (B4)."""

    clearly_below_median: int


@dataclass(frozen=True)
class EscalationRules:
    """When a structured conversation is due (A2)."""

    missed_deadlines: int
    window_weeks: int
    delayed_decisions: int


@dataclass(frozen=True)
class CommitmentRules:
    """What makes a commitment kept, and when to look again (A10)."""

    kept_share: int
    within_days: int
    review_after_weeks: int
    protocol_within_hours: int


@dataclass(frozen=True)
class ApprovalRules:
    """Approval windows of the binding implementation plan (A9)."""

    window_hours: int


@dataclass(frozen=True)
class RemediationRules:
    """Difficult existing customers: traffic light and remediation phase (B5)."""

    weeks: Window
    reviews_before_exit: int
    frequent_changes_per_month: int
    delays_for_yellow: int


@dataclass(frozen=True)
class FollowUpRules:
    """When to get back to a customer one has let go (B7)."""

    days: Window


@dataclass(frozen=True)
class ConversationRules:
    """The difficult conversation (A7)."""

    minutes: int


@dataclass(frozen=True)
class ExitCallRules:
    """The exit guide's time boxes (B7)."""

    preparation_minutes: int
    approach_minutes: int
    message_minutes: int
    documentation_minutes: int


@dataclass(frozen=True)
class Rules:
    """Every rule of the playbook, by section."""

    score: ScoreRules
    value: ValueRules
    escalation: EscalationRules
    commitment: CommitmentRules
    approval: ApprovalRules
    remediation: RemediationRules
    follow_up: FollowUpRules
    conversation: ConversationRules
    exit_call: ExitCallRules


class RulesError(ValueError):
    """The rules data does not have the shape of ``Rules`` (a defect of the build, not input)."""


T = TypeVar("T")


def _build(kind: type[T], data: object, path: str) -> T:
    if not isinstance(data, Mapping):
        raise RulesError(f"{path or 'rules'}: expected a mapping")
    hints = get_type_hints(kind)
    names = [item.name for item in fields(kind)]  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(names))
    missing = [name for name in names if name not in data]
    if unknown or missing:
        raise RulesError(f"{path or 'rules'}: unknown {unknown}, missing {missing}")
    values: dict[str, Any] = {}
    for name in names:
        hint, value, where = hints[name], data[name], f"{path}{name}"
        if is_dataclass(hint):
            values[name] = _build(hint, value, f"{where}.")  # type: ignore[arg-type]
        elif hint == Window:
            if not (
                isinstance(value, list | tuple)
                and len(value) == 2
                and all(type(item) is int for item in value)
            ):
                raise RulesError(f"{where}: expected two whole numbers")
            values[name] = (value[0], value[1])
        elif type(value) is not int:
            raise RulesError(f"{where}: expected a whole number")
        else:
            values[name] = value
    return kind(**values)


def rules_from_data(data: Mapping[str, object]) -> Rules:
    """``Rules`` from plain data (section -> rule -> value), as the build publishes it."""
    return _build(Rules, data, "")


def rules_as_data(rules: Rules) -> dict[str, dict[str, object]]:
    """The plain data of ``rules`` (windows as lists), the inverse of ``rules_from_data``."""
    return {
        section.name: {
            item.name: list(value) if isinstance(value, tuple) else value
            for item in fields(getattr(rules, section.name))
            for value in [getattr(getattr(rules, section.name), item.name)]
        }
        for section in fields(rules)
    }


#: The file the build writes next to this module in the calculators' archive.
PUBLISHED_FILE = "rules.json"


def published_rules() -> Rules:
    """The rules published with the calculators (``rules.json`` in the archive).

    Raises ``RulesError`` where there is none: in a source checkout the caller passes the
    rules it loaded from ``content/rules.yml``.
    """
    # A plain file read: importlib.resources would add modules to the browser's start-up.
    path = os.path.join(os.path.dirname(__file__), PUBLISHED_FILE)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError:
        raise RulesError(f"no {PUBLISHED_FILE} beside the calculators") from None
    return rules_from_data(json.loads(text))
