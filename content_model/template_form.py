"""The fillable form that goes with each content template.

Built at build time from the template's declared placeholders; hidden until
text-templates/forms.mjs binds it, so without JavaScript the page shows the plain template text.
Filling itself happens in Python (``calculators.boundary.fill_json``) in the page's worker;
the preview starts with the text the worker gives for empty fields, written by the same
function here, so the reader sees it while the runtime is still starting.
"""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup

from calculators.template_text import fill_template
from content_model.calculator_embed import script_json
from content_model.schema import TemplateBlock

#: Placeholders whose answers usually run over several lines get a taller field.
LONG_ANSWER_ROWS = 4


def template_form(environment: Environment, block: TemplateBlock) -> Markup:
    """The form's HTML: one labelled field per placeholder, preview, copy and download."""
    declared = {placeholder.name: placeholder for placeholder in block.placeholders}
    fields = [declared[name] for name in block.used_placeholders() if name in declared]
    html = environment.get_template("text_templates/form.html.j2").render(
        block=block,
        fields=fields,
        long_rows=LONG_ANSWER_ROWS,
        source_json=script_json(block.texts()),
        preview=fill_template(block.texts(), {}, keep_missing=True),
    )
    return Markup(html)
