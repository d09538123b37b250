"""Addresses inside a page that lead to a calculator: its heading and links that fill it.

A calculator's heading has the id ``<link prefix><calculator id>``; a link to
``#<link prefix><calculator id>:<query>`` opens it with the query's values filled in, which
is how trainers share a worked example. The prefix is the contract's, so the page script reads
the same one.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from calculators.registry import CALCULATORS
from calculators.rules import Rules
from content_model.contract import CONTRACT


def calculator_anchor(calculator_id: str) -> str:
    """The id of a calculator's heading."""
    return f"{CONTRACT.calculator.link_prefix}{calculator_id}"


def preset_query(calculator_id: str, values: Mapping[str, str], rules: Rules) -> str:
    """Form values as a query, the part of a filling link after the colon.

    The calculator's defaults (under the playbook's ``rules``, which some defaults follow)
    come first, so the link fills every field, not just the ones the preset names.
    """
    defaults = CALCULATORS[calculator_id].bind(rules).defaults()
    return urlencode({**defaults, **values})


def preset_fragment(calculator_id: str, values: Mapping[str, str], rules: Rules) -> str:
    """The fragment that opens a calculator with ``values`` filled in."""
    return f"{calculator_anchor(calculator_id)}:{preset_query(calculator_id, values, rules)}"
