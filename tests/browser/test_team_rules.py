"""A team's own rules reach the calculators in the page: they decide by the published rules.

A copy of the project gets a ``content/rules.yml`` with every rule changed (bands 75/60,
follow-up after 30–60 days, ...), is built, and is driven in Chromium. The page computes with
the ``rules.json`` the build put beside the calculators, so a deal of 70 points that the
articles' rules would pursue is only nurtured, and the exit planner's follow-up default and
its allowed window follow the team's 30–60 days. The expected answers come from the same
boundary in CPython under the team's rules, and each differs from the playbook's answer, so
a page that still computed with the old rules fails.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from benchmarks.static_server import free_port, serve
from calculators.boundary import run
from calculators.registry import CALCULATORS
from calculators.rules import Rules
from tests.browser.helpers import READY_TIMEOUT_MS, calculator, fill_and_wait
from tests.calculators.cases import score
from tests.calculators.playbook_rules import (
    PLAYBOOK_RULES,
    TEAM_RULES,
    TEAM_VALUES,
    rules_yaml,
    without_worked_example_outcomes,
)
from tests.toy_calculator import project

pytestmark = pytest.mark.browser

SCORE_PAGE = "kunden-aufgeben/qualifizierungs-score/"
EXIT_PAGE = "kunden-aufgeben/ausstiegsleitfaden/"


@pytest.fixture(scope="module")
def team_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The project with the team's rules, built for and served on a free local port."""
    folder = tmp_path_factory.mktemp("team-rules")
    copy = project.copy_project(folder / "project")
    (copy / "content" / "rules.yml").write_text(rules_yaml(TEAM_VALUES), encoding="utf-8")
    without_worked_example_outcomes(copy / "content")
    port = free_port()
    site = project.build(copy, folder / "site", f"http://127.0.0.1:{port}/")
    with serve(site, port=port) as url:
        yield url


def verdict(calculator_id: str, fields: dict[str, str], rules: Rules) -> str:
    """The verdict the boundary gives in CPython under ``rules``."""
    answer = run(calculator_id, fields, rules=rules)
    assert answer["ok"] is True, answer
    result = answer["result"]
    assert isinstance(result, dict)
    return str(result["verdict"])


def test_the_score_bands_are_the_teams(team_site: str, page: Page) -> None:
    fields = score(70)
    team, playbook = (
        verdict("qualification-score", fields, TEAM_RULES),
        verdict("qualification-score", fields, PLAYBOOK_RULES),
    )
    assert team != playbook  # 70 points: pursued by the articles' bands, nurtured by 75/60
    page.goto(f"{team_site}{SCORE_PAGE}")
    container = calculator(page, "qualification-score")
    fill_and_wait(container, fields)
    expect(container).to_contain_text(team, timeout=READY_TIMEOUT_MS)
    expect(container).not_to_contain_text(playbook)


def test_the_follow_up_window_is_the_teams(team_site: str, page: Page) -> None:
    defaults = CALCULATORS["exit-planner"].bind(TEAM_RULES).defaults()
    team = verdict("exit-planner", defaults, TEAM_RULES)
    page.goto(f"{team_site}{EXIT_PAGE}")
    container = calculator(page, "exit-planner")
    # The form starts inside the team's window, and the worker computes the team's date.
    fill_and_wait(container, {"abstand_tage": defaults["abstand_tage"]})
    expect(container).to_contain_text(team, timeout=READY_TIMEOUT_MS)
    # 61 days lie inside the articles' 60–90 but outside the team's 30–60: refused.
    fill_and_wait(container, {"abstand_tage": "61"})
    expect(container.locator(".kx-error:not([hidden])")).to_have_count(1)
