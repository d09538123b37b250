"""Discount check (toy): whether a customer may get the discount they ask for.

The worked example of contributing/add-a-calculator.md, copied verbatim into a copy of the
project by tests/toy_calculator: new customers get at most 10 %, existing customers at most
15 %; competitors' offers, if given, are compared by their median.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from statistics import median

from calculators.calculator import Calculator, Example, Templates
from calculators.fields import Field, Value, as_decimal, as_rows
from calculators.german_numbers import format_money, format_percent, round_money
from calculators.result import Result, Tone
from calculators.rules import Rules

#: Customer type -> the largest discount in percent.
LIMITS: dict[str, Decimal] = {"neu": Decimal(10), "bestand": Decimal(15)}

INPUTS: tuple[Field, ...] = (
    Field(
        name="listenpreis",
        label="Listenpreis",
        kind="money",
        unit="EUR",
        minimum=Decimal(0),
        minimum_exclusive=True,
        default="10.000",
        help="Preis laut Preisliste, z. B. 10.000.",
    ),
    Field(
        name="rabatt",
        label="Gewünschter Rabatt",
        kind="percent",
        unit="%",
        minimum=Decimal(0),
        maximum=Decimal(100),
        default="12 %",
    ),
    Field(
        name="kundentyp",
        label="Kundentyp",
        kind="choice",
        choices=(("neu", "Neukunde"), ("bestand", "Bestandskunde")),
        default="bestand",
    ),
    Field(
        name="wettbewerb",
        label="Angebote der Wettbewerber",
        kind="lines",
        required=False,
        help="Eine Zeile pro Angebot.",
        row=(
            Field(name="anbieter", label="Anbieter", kind="text"),
            Field(name="preis", label="Preis", kind="money", unit="EUR"),
        ),
        default="Nordwerk; 9.200\nSüdhaus; 8.900\nOstpunkt; 9.600",
    ),
)


def compute(values: Mapping[str, Value], _templates: Templates, _rules: Rules) -> Result:
    """Compare the discount with the customer type's limit and the competitors' median."""
    list_price = as_decimal(values["listenpreis"])
    discount = as_decimal(values["rabatt"])
    limit = LIMITS[str(values["kundentyp"])]
    net = round_money(list_price * (100 - discount) / 100)
    offers = [as_decimal(row["preis"]) for row in as_rows(values["wettbewerb"] or [])]
    explanation = [
        f"Nach {format_percent(discount)} Rabatt kostet das Angebot {format_money(net)}."
    ]
    what_if: list[str] = []
    if offers:
        market = round_money(median(offers))
        explanation.append(f"Median der {len(offers)} Wettbewerbsangebote: {format_money(market)}.")
        if net > market:
            what_if.append(f"Ihr Preis liegt {format_money(net - market)} über diesem Median.")
    tone: Tone
    if discount <= limit:
        verdict, tone, status = "Rabatt vertretbar", "good", "vertretbar"
    else:
        verdict, tone, status = (
            f"Rabatt zu hoch: höchstens {format_percent(limit)}",
            "bad",
            "zu-hoch",
        )
        at_limit = round_money(list_price * (100 - limit) / 100)
        what_if.append(
            f"Mit {format_percent(limit)} Rabatt kostet das Angebot {format_money(at_limit)}."
        )
    return Result(
        verdict=verdict,
        tone=tone,
        status=status,
        explanation=tuple(explanation),
        what_if=tuple(what_if),
        values={"nettopreis": str(net), "grenze": str(limit)},
    )


CALCULATOR = Calculator(
    id="discount-check",
    title="Rabatt-Check",
    summary="Prüft, ob ein gewünschter Rabatt zum Kundentyp passt.",
    facts=(),
    formula=(
        "Preis nach Rabatt = Listenpreis × (100 − Rabatt) ÷ 100. Vertretbar sind bei "
        "Neukunden höchstens 10 %, bei Bestandskunden höchstens 15 %."
    ),
    inputs=INPUTS,
    compute=compute,
    examples=(
        Example(
            "Neukunde mit 12 % Rabatt",
            {"listenpreis": "10.000", "rabatt": "12 %", "kundentyp": "neu", "wettbewerb": ""},
        ),
    ),
)
