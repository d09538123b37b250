"""The list of calculators, in the order the playbook introduces them."""

from __future__ import annotations

from calculators import (
    collaboration_check,
    commitment_tracker,
    customer_health,
    exit_planner,
    qualification_score,
    value_per_hour,
)
from calculators.calculator import Calculator

CALCULATORS: dict[str, Calculator] = {
    calculator.id: calculator
    for calculator in (
        collaboration_check.CALCULATOR,
        commitment_tracker.CALCULATOR,
        qualification_score.CALCULATOR,
        value_per_hour.CALCULATOR,
        customer_health.CALCULATOR,
        exit_planner.CALCULATOR,
    )
}


def field_names() -> dict[str, list[str]]:
    """Each calculator's input names, for checking presets in the content."""
    return {key: [field.name for field in calc.inputs] for key, calc in CALCULATORS.items()}
