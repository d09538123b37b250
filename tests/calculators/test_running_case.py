"""The Part A calculators tell the playbook's running case (issue 17).

Part A follows one project: the webshop relaunch of Hansen Großhandel, the conversation on
17.03.2026 and the measures of option A. A calculator whose defaults tell another story on the
same page confuses the reader, so its defaults are checked against the case's dates and people.
"""

from __future__ import annotations

import pytest

from calculators.registry import CALCULATORS
from tests.calculators.playbook_rules import PLAYBOOK_RULES

CONVERSATION = "17.03.2026"
#: The incidents of the case (lage-klaeren, Vorfallsliste) with their kind.
INCIDENTS = {
    "03.02.2026": "termin",
    "09.02.2026": "freigabe",
    "24.02.2026": "termin",
    "26.02.2026": "anforderung",
    "02.03.2026": "ansprechperson",
    "10.03.2026": "termin",
}
#: Who owns a measure in the case: the customer's two deciders and our side.
OWNERS = {"J. Krüger", "M. Yilmaz", "L. Hoffmann", "T. Brandt"}


def defaults(calculator: str) -> dict[str, str]:
    return CALCULATORS[calculator].bind(PLAYBOOK_RULES).defaults()


def incidents_off_the_case(log: str) -> list[str]:
    """Lines of an incident log that are not incidents of the running case."""
    found = []
    for line in log.splitlines():
        day, kind = (cell.strip() for cell in line.split(";")[:2])
        if INCIDENTS.get(day) != kind:
            found.append(line)
    return found


def owners_off_the_case(measures: str) -> list[str]:
    """Owners in a list of measures who are not people of the running case."""
    return [
        owner
        for line in measures.splitlines()
        if (owner := line.split(";")[1].strip()) not in OWNERS
    ]


def test_the_collaboration_check_logs_the_cases_incidents_on_the_conversation_day() -> None:
    values = defaults("collaboration-check")
    assert values["heute"] == CONVERSATION
    assert incidents_off_the_case(values["vorfaelle"]) == []
    assert len(values["vorfaelle"].splitlines()) == len(INCIDENTS)


def test_the_commitment_tracker_tracks_the_measures_agreed_in_the_conversation() -> None:
    values = defaults("commitment-tracker")
    assert values["vereinbart_am"] == CONVERSATION
    assert owners_off_the_case(values["massnahmen"]) == []


@pytest.mark.parametrize("calculator", ["collaboration-check", "commitment-tracker"])
def test_the_worked_examples_are_the_defaults(calculator: str) -> None:
    declaration = CALCULATORS[calculator].bind(PLAYBOOK_RULES)
    for example in declaration.examples:
        assert {**defaults(calculator), **example.inputs} == defaults(calculator)


# --- negative controls: the old stories are found ---


def test_an_incident_of_another_story_is_found() -> None:
    planted = "03.02.2026; termin; ok\n04.03.2026; termin; Schulung abgesagt"
    assert incidents_off_the_case(planted) == ["04.03.2026; termin; Schulung abgesagt"]


def test_an_owner_of_another_story_is_found() -> None:
    planted = (
        "Freigabefenster festlegen; Frau Kaya; 04.03.2026; ja\nPlan; J. Krüger; 19.03.2026; ja"
    )
    assert owners_off_the_case(planted) == ["Frau Kaya"]
