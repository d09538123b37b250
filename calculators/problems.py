"""Input problems, collected per field so that a form can show every one at once."""

from __future__ import annotations

FORM = "_form"
"""Key for problems that concern the combination of fields rather than one field."""


class FieldError(Exception):
    """One field's value cannot be used; ``message`` is German and shown next to the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class InputError(Exception):
    """All problems found in one submission, keyed by field name."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in problems.items()))
        self.problems = problems
