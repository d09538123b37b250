"""The strict YAML reader keeps authors' text as written and locates every problem."""

from __future__ import annotations

import pytest

from content_model.problems import ContentError
from content_model.strict_yaml import parse_yaml


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("answer: NO\n", {"answer": "NO"}),
        ("zip: 01067\n", {"zip": "01067"}),
        ("date: 2025-11-11\n", {"date": "2025-11-11"}),
        ("share: 0.30\n", {"share": "0.30"}),
        ("empty:\n", {"empty": None}),
        ("list: [a, 'b: c']\n", {"list": ["a", "b: c"]}),
    ],
)
def test_scalars_stay_text(source: str, expected: dict[str, object]) -> None:
    """YAML 1.1 coercions (NO -> False, 01067 -> 567, dates) never happen."""
    assert parse_yaml(source, "f.yml").data == expected


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("a: 1\nb: 2\na: 3\n", "f.yml:3:1: a: duplicate key 'a' (first defined on line 1)"),
        ("a: &x 1\nb: *x\n", "f.yml:1:4: b: aliases (*name) are not allowed; write the value out"),
        (
            "a: !!python/name:os.system x\n",
            "f.yml:1:4: a: tag 'tag:yaml.org,2002:python/name:os.system' is not allowed",
        ),
        (
            "a: [1, 2\n",
            "f.yml:2:1: invalid YAML: while parsing a flow sequence expected ',' or ']', but got '<stream end>'",
        ),
        ("", "f.yml:1:1: the file is empty"),
        ("? [a, b]\n: c\n", "f.yml:1:3: keys must be plain text (no merge keys)"),
    ],
)
def test_problems_are_located(source: str, message: str) -> None:
    """Every rejected construct is reported as path:line:col: field: message."""
    with pytest.raises(ContentError) as raised:
        parse_yaml(source, "f.yml")
    assert str(raised.value) == message


def test_all_duplicates_are_reported_together() -> None:
    """Two duplicate keys in one file give two problems, not just the first."""
    with pytest.raises(ContentError) as raised:
        parse_yaml("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n", "f.yml")
    assert [str(p) for p in raised.value.problems] == [
        "f.yml:2:1: a: duplicate key 'a' (first defined on line 1)",
        "f.yml:5:3: b.c: duplicate key 'c' (first defined on line 4)",
    ]


def test_positions_are_recorded_for_nested_values() -> None:
    """Line and column of nested values are known for later validation messages."""
    document = parse_yaml("a:\n  - x\n  - y: z\n", "f.yml")
    position = document.position_of(("a", 1, "y"))
    assert (position.line, position.column) == (3, 8)
