"""The result markup written by Python for the build's example and for the browser alike."""

from __future__ import annotations

from calculators.boundary import run
from calculators.result import Document, Result, Table
from calculators.result_html import TABLE_LABEL, WHAT_IF_TITLE, result_html
from tests.calculators.playbook_rules import PLAYBOOK_RULES


def test_every_part_appears_in_reading_order() -> None:
    result = Result(
        verdict="Weiter betreuen",
        tone="good",
        status="keep",
        explanation=("Grund eins",),
        what_if=("Wenn weniger Zeit",),
        table=Table(columns=("Kontakt", "Wert"), rows=(("Nordbau", "120 EUR/h"),)),
        documents=(Document(title="E-Mail", text="Zeile 1\n  Zeile 2"),),
    )
    html = result_html(result)
    order = [
        '<p class="kx-verdict kx-tone-good"><strong>Weiter betreuen</strong></p>',
        '<ul class="kx-explanation"><li>Grund eins</li></ul>',
        f'<p class="kx-what-if-title">{WHAT_IF_TITLE}</p>',
        '<ul class="kx-what-if"><li>Wenn weniger Zeit</li></ul>',
        f'role="region" tabindex="0" aria-label="{TABLE_LABEL}"',
        '<th scope="col">Kontakt</th><th scope="col">Wert</th>',
        # Each cell names its column, for the stacked rows of a narrow result column.
        '<tr><td data-label="Kontakt">Nordbau</td><td data-label="Wert">120 EUR/h</td></tr>',
        '<pre class="kx-document-text">Zeile 1\n  Zeile 2</pre>',
    ]
    positions = [html.index(part) for part in order]
    assert positions == sorted(positions)


def test_empty_parts_leave_no_markup() -> None:
    html = result_html(Result(verdict="Offen", tone="neutral", status="open"))
    assert html == '<p class="kx-verdict kx-tone-neutral"><strong>Offen</strong></p>'


def test_typed_text_stays_text() -> None:
    name = '<img src=x onerror=alert(1)> & "Müller\'s"'
    fields = {"kontakte": f"{name}; 30 %; 6.000; 6", "team_median": "250"}
    answer = run("value-per-hour", fields, rules=PLAYBOOK_RULES)
    assert answer["ok"] is True, answer
    result = answer["result"]
    assert isinstance(result, dict)
    html = str(result["html"])
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Müller&#x27;s&quot;" in html
