"""The one JSON boundary that pytest, the build and the browser all call.

Strings in (exactly what a person typed), plain data out. ``run`` never raises for bad
input: problems come back as German messages keyed by field, so the page can show each one
next to its field.

A calculator decides by the playbook's rules. In the browser these are the rules published
with the calculators (``rules.json``, see ``calculators.rules.published_rules``), so a page
computes with exactly the figures the site shows; the build and the tests pass the rules
they loaded from ``content/rules.yml``, and a request may carry its own (``run_json``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from calculators.calculator import Templates
from calculators.hints import checked
from calculators.problems import FORM, FieldError, InputError
from calculators.registry import CALCULATORS
from calculators.result import Result
from calculators.result_html import result_html
from calculators.result_text import READER_DATE, reader_date, take_along
from calculators.rules import Rules, RulesError, published_rules, rules_from_data

# The row editor's and the CSV import's entries: the worker reaches every entry through this
# module, so importing it loads them (and ``csv``) before the runtime's snapshot is taken.
from calculators.table_import import import_json, rows_json  # noqa: F401
from calculators.template_text import fill_template

UNREADABLE = "Die Anfrage war unlesbar."
NO_RULES = "Die Regeln des Playbooks fehlen oder sind unlesbar."

#: The published rules, read once per process (a worker answers many requests).
_published: list[Rules] = []


def _published_rules() -> Rules:
    if not _published:
        _published.append(published_rules())
    return _published[0]


def run(
    calculator_id: str,
    fields: Mapping[str, str],
    templates: Templates | None = None,
    rules: Rules | None = None,
) -> dict[str, object]:
    """Compute one calculator: ``{"ok": True, "result": …}`` or ``{"ok": False, "errors": …}``.

    ``rules=None`` means the rules published with the calculators. Both answers carry
    ``hints`` (German, per field, ``calculators.hints``): likely slips in values that were
    read and used as typed; a field with an error gets no hint. A request that carries the
    reader's date (``READER_DATE``) gets ``take_along`` with the result: its plain text and
    print card (``calculators.result_text``).
    """
    declaration = CALCULATORS.get(calculator_id)
    if declaration is None:
        return {"ok": False, "errors": {FORM: f"Unbekannter Rechner „{calculator_id}“."}}
    if rules is None:
        try:
            rules = _published_rules()
        except (RulesError, ValueError):
            return {"ok": False, "calculator": calculator_id, "errors": {FORM: NO_RULES}}
    calculator = declaration.bind(rules)
    text_fields = {key: value for key, value in fields.items() if isinstance(value, str)}
    values, errors, hints = checked(calculator, text_fields)
    if not errors:
        try:
            result = calculator.compute(values, templates or {})
            for name, hint in result.hints.items():
                hints[name] = f"{hints[name]} {hint}" if name in hints else hint
        except InputError as problems:
            errors = problems.problems
        except FieldError as problem:
            errors = {problem.field: problem.message}
    hints = {name: hint for name, hint in hints.items() if name not in errors}
    if errors:
        return {"ok": False, "calculator": calculator_id, "errors": errors, "hints": hints}
    answer = answer_data(result)
    if READER_DATE in fields:
        answer["take_along"] = take_along(calculator, values, result, reader_date(fields))
    return {"ok": True, "calculator": calculator_id, "result": answer, "hints": hints}


def answer_data(result: Result) -> dict[str, object]:
    """The result as the browser and the tests read it: its data plus its HTML.

    The HTML is added here, at the boundary, so the result itself stays plain data.
    """
    return {**result.to_dict(), "html": result_html(result)}


def run_json(payload: str) -> str:
    """Browser entry: ``{"calculator", "fields", "templates", "rules"}`` as JSON in, JSON out.

    ``rules`` (plain data, section -> rule -> value) is optional: without it the published
    rules apply. Rules of the wrong shape are answered with a German form error.
    """
    try:
        request = json.loads(payload)
        calculator_id = str(request["calculator"])
        fields = request.get("fields", {})
        templates = request.get("templates") or {}
        if not isinstance(fields, dict) or not isinstance(templates, dict):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        return _dumped({"ok": False, "errors": {FORM: UNREADABLE}})
    rules: Rules | None = None
    if request.get("rules") is not None:
        try:
            rules = rules_from_data(request["rules"])
        except (RulesError, TypeError):
            return _dumped({"ok": False, "calculator": calculator_id, "errors": {FORM: NO_RULES}})
    return _dumped(run(calculator_id, fields, templates, rules))


def _dumped(answer: dict[str, object]) -> str:
    return json.dumps(answer, ensure_ascii=False, sort_keys=True)


def fill_json(payload: str) -> str:
    """Browser entry for a fillable template: ``{"template", "values"}`` in, the text out.

    Placeholders without a value stay visible in the text, so a copied draft shows what is
    still open; anything unreadable is answered, never raised.
    """
    try:
        request = json.loads(payload)
        template = request["template"]
        values = request.get("values", {})
        if not isinstance(template, dict) or not isinstance(values, dict):
            raise TypeError
        texts = {
            key: template[key] for key in ("subject", "body") if isinstance(template.get(key), str)
        }
        strings = {key: value for key, value in values.items() if isinstance(value, str)}
    except (ValueError, KeyError, TypeError):
        answer: dict[str, object] = {"ok": False, "errors": {FORM: UNREADABLE}}
    else:
        answer = {"ok": True, "text": fill_template(texts, strings, keep_missing=True)}
    return json.dumps(answer, ensure_ascii=False, sort_keys=True)
