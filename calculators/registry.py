"""Every calculator of the playbook, registered in this one place.

A calculator is a module of this package with a module-level ``CALCULATOR``. It exists for
the rest of the project once it is listed here: imported below and added to ``REGISTERED``
(see contributing/add-a-calculator.md). Everything else reads ``CALCULATORS``, binding a
declaration to the playbook's rules where it shows or computes something
(``CALCULATORS[id].bind(rules)``): the content
check (a ``calculator`` block must name a registered id), the form and worked examples on
the page, the calculators overview page, the browser's archive and the warm-up that trims
Pyodide's standard library, and the test suites.
"""

from __future__ import annotations

from collections.abc import Iterable

from calculators import (
    collaboration_check,
    commitment_tracker,
    customer_health,
    exit_planner,
    qualification_score,
    value_per_hour,
)
from calculators.calculator import Calculator

#: In the order the playbook introduces them; the calculators overview page follows it.
REGISTERED: tuple[Calculator, ...] = (
    collaboration_check.CALCULATOR,
    commitment_tracker.CALCULATOR,
    qualification_score.CALCULATOR,
    value_per_hour.CALCULATOR,
    customer_health.CALCULATOR,
    exit_planner.CALCULATOR,
)


def by_id(calculators: Iterable[Calculator]) -> dict[str, Calculator]:
    """The calculators keyed by id, in the given order.

    Two calculators with one id would silently hide one of them (a copied module whose id
    was not changed), so that stops the import with the id named.
    """
    found: dict[str, Calculator] = {}
    for calculator in calculators:
        if calculator.id in found:
            raise ValueError(f"two calculators are registered with the id {calculator.id!r}")
        found[calculator.id] = calculator
    return found


CALCULATORS: dict[str, Calculator] = by_id(REGISTERED)


def field_names() -> dict[str, list[str]]:
    """Each calculator's input names, for checking presets in the content.

    Names do not depend on the rules, so the content check can ask before it reads them.
    """
    return {key: list(calc.field_names) for key, calc in CALCULATORS.items()}
