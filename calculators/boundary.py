"""The one JSON boundary that pytest, the build and the browser all call.

Strings in (exactly what a person typed), plain data out. ``run`` never raises for bad
input: problems come back as German messages keyed by field, so the page can show each one
next to its field.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from calculators.calculator import Templates
from calculators.problems import FORM, FieldError, InputError
from calculators.registry import CALCULATORS
from calculators.result import Result
from calculators.result_html import result_html
from calculators.template_text import fill_template


def run(
    calculator_id: str, fields: Mapping[str, str], templates: Templates | None = None
) -> dict[str, object]:
    """Compute one calculator: ``{"ok": True, "result": …}`` or ``{"ok": False, "errors": …}``."""
    calculator = CALCULATORS.get(calculator_id)
    if calculator is None:
        return {"ok": False, "errors": {FORM: f"Unbekannter Rechner „{calculator_id}“."}}
    text_fields = {key: value for key, value in fields.items() if isinstance(value, str)}
    try:
        result = calculator.run(text_fields, templates or {})
    except InputError as problems:
        return {"ok": False, "calculator": calculator_id, "errors": problems.problems}
    except FieldError as problem:
        return {
            "ok": False,
            "calculator": calculator_id,
            "errors": {problem.field: problem.message},
        }
    return {"ok": True, "calculator": calculator_id, "result": answer_data(result)}


def answer_data(result: Result) -> dict[str, object]:
    """The result as the browser and the tests read it: its data plus its HTML.

    The HTML is added here, at the boundary, so the result itself stays plain data.
    """
    return {**result.to_dict(), "html": result_html(result)}


def run_json(payload: str) -> str:
    """Browser entry: ``{"calculator", "fields", "templates"}`` as JSON in, JSON out."""
    try:
        request = json.loads(payload)
        calculator_id = str(request["calculator"])
        fields = request.get("fields", {})
        templates = request.get("templates") or {}
        if not isinstance(fields, dict) or not isinstance(templates, dict):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        answer: dict[str, object] = {"ok": False, "errors": {FORM: "Die Anfrage war unlesbar."}}
    else:
        answer = run(calculator_id, fields, templates)
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
        answer: dict[str, object] = {"ok": False, "errors": {FORM: "Die Anfrage war unlesbar."}}
    else:
        answer = {"ok": True, "text": fill_template(texts, strings, keep_missing=True)}
    return json.dumps(answer, ensure_ascii=False, sort_keys=True)
