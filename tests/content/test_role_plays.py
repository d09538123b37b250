"""Role plays and trainer notes: located errors, timing that adds up, observer sheets that follow.

The tests work on a copy of the real content, since scenarios draw on the real chapters'
checklists. Each check that must find a defect is run against the unchanged copy first (it
loads, the sheet shows what the chapter says), then against a planted defect.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from content_model.loader import Playbook, load_playbook
from content_model.problems import ContentError
from content_model.render import render_pages
from content_model.role_plays import tick_lists
from content_model.templating import html_environment
from content_model.views.pages import SiteViews
from content_model.views.role_plays import RolePlaysView, TrainerView
from tests.site.conftest import ROOT

ROLE_PLAYS = "role_plays.yml"
PRICE_PRESSURE = "rollenspiel-preisdruck"
OPTIONS_CHECKLIST = "drei-wege#drei-wege-checkliste"
PLANTED_ITEM = "Für jede Option den nächsten Termin mit Uhrzeit genannt"
SITE_URL = "https://playbook.example/"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the real content folder that a test may break."""
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def edit(root: Path, file: str, old: str, new: str) -> None:
    """Replace the first ``old`` in ``file``; fails if the content no longer has it."""
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"content changed: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(root: Path) -> list[str]:
    """Every problem of the content at ``root``, as ``file:line:col: field: message``."""
    with pytest.raises(ContentError) as raised:
        load_playbook(root)
    return [str(problem).split(f"{root.name}/", 1)[-1] for problem in raised.value.problems]


def line_of(root: Path, file: str, needle: str) -> int:
    """The line number (1-based) where ``needle`` first occurs in ``file``."""
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def views(playbook: Playbook) -> SiteViews:
    """The views of one build of ``playbook``."""
    return SiteViews(playbook, html_environment(ROOT / "templates"), SITE_URL)


def role_plays_view_of(playbook: Playbook) -> RolePlaysView:
    """The role-play page's view."""
    site = views(playbook)
    page = next(page for page in playbook.pages if page.id == "rollenspiele")
    view = site.view(page)
    assert isinstance(view, RolePlaysView)
    return view


def test_the_real_role_plays_load_with_four_timed_scenarios(content: Path) -> None:
    """The kit covers the four situations the issue names, each timed to its total."""
    playbook = load_playbook(content)
    assert playbook.role_plays is not None
    scenarios = playbook.role_plays.scenarios
    assert len(scenarios) >= 3
    titles = " ".join(scenario.title for scenario in scenarios)
    for words in ("Freigaben", "später", "Preisdruck", "Ausstieg"):
        assert words in titles
    for scenario in scenarios:
        assert sum(phase.minutes for phase in scenario.phases) == scenario.total
        assert playbook.targets[f"rollenspiele#{scenario.id}"].uri.startswith("rollenspiele.md#")


def test_timing_that_does_not_add_up_is_located_at_the_total(content: Path) -> None:
    """A phase one minute longer than planned is reported at the scenario's ``total``."""
    load_playbook(content)  # control: as written, every scenario adds up
    edit(
        content,
        ROLE_PLAYS,
        "minutes: 15\n        note: Vom Nachlass",
        "minutes: 16\n        note: Vom Nachlass",
    )
    line = line_of(content, ROLE_PLAYS, "total: 35")
    assert problems_of(content) == [
        f"role_plays.yml:{line}:12: scenarios.2.total: "
        "die Phasen ergeben 36\u00a0Minuten, geplant sind 35\u00a0Minuten"
    ]


def test_an_observed_list_that_is_no_checklist_is_located(content: Path) -> None:
    """A scenario practising a chapter (not one of its checklists) names the place and the fix."""
    edit(content, ROLE_PLAYS, f"- {OPTIONS_CHECKLIST}\n", "- drei-wege\n")
    found = problems_of(content)
    assert len(found) == 1, found
    assert re.fullmatch(
        r"role_plays\.yml:\d+:9: scenarios\.2\.practises\.1: 'drei-wege' ist keine Checkliste "
        r"eines Kapitels \(bekannt: .*drei-wege#drei-wege-checkliste.*\)",
        found[0],
    ), found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "    customer:\n      role: Jana Krüger",
            "    customer:\n      rolle: Jana Krüger",
            [
                r"role_plays\.yml:\d+:7: scenarios\.0\.customer\.role: field required",
                r"role_plays\.yml:{line}:7: scenarios\.0\.customer\.rolle: unknown key",
            ],
            id="unknown-key-in-a-role-card",
        ),
        pytest.param(
            "  - id: rollenspiel-ausstieg\n",
            "  - id: option-c-ausstieg\n",
            [
                # The trainer notes that linked the old id now point nowhere, also located.
                r"chapters/schwierige-bestandskunden\.yml:\d+:\d+: trainer\.exercise: reference "
                r"'rollenspiele#rollenspiel-ausstieg' points nowhere",
                r"role_plays\.yml:{line}:9: scenarios\.3\.id: duplicate id 'option-c-ausstieg' "
                r"\(already used in .*chapters/drei-wege\.yml:\d+\)",
            ],
            id="duplicate-anchor",
        ),
    ],
)
def test_role_play_errors_are_located(
    content: Path, old: str, new: str, expected: list[str]
) -> None:
    """Unknown keys and anchors that clash come back with file, line, column and field."""
    load_playbook(content)  # control
    edit(content, ROLE_PLAYS, old, new)
    line = line_of(content, ROLE_PLAYS, new.splitlines()[-1].strip())
    found = sorted(problems_of(content))
    assert len(found) == len(expected), found
    for problem, pattern in zip(found, expected, strict=True):
        assert re.fullmatch(pattern.format(line=line), problem), (problem, pattern)


def test_missing_debrief_and_an_empty_role_card_list_are_located(content: Path) -> None:
    """Removing what a scenario needs is reported where it is missing."""
    edit(
        content,
        ROLE_PLAYS,
        "      changes_mind:\n        - Lena nennt Absicht",
        "      changes_mind: []\n      unused:\n        - Lena nennt Absicht",
    )
    found = problems_of(content)
    assert any(
        re.fullmatch(r"role_plays\.yml:\d+:\d+: scenarios\.0\.customer\.changes_mind: .*", p)
        for p in found
    ), found
    assert any(p.endswith("scenarios.0.customer.unused: unknown key") for p in found), found


def test_trainer_notes_errors_are_located(content: Path) -> None:
    """A chapter's trainer notes are validated like every field: unknown key, missing field."""
    chapter = "chapters/drei-wege.yml"
    load_playbook(content)  # control
    edit(content, chapter, "trainer:\n  goal:", "trainer:\n  ziel:")
    line = line_of(content, chapter, "  ziel:")
    assert sorted(problems_of(content)) == [
        f"chapters/drei-wege.yml:{line}:3: trainer.goal: field required",
        f"chapters/drei-wege.yml:{line}:3: trainer.ziel: unknown key",
    ]


def test_every_chapter_has_trainer_notes_with_a_time(content: Path) -> None:
    """Trainers find notes for every chapter, each with goal, time, exercise and mistakes."""
    playbook = load_playbook(content)
    for chapter in playbook.chapters:
        assert chapter.trainer is not None, chapter.id
        assert chapter.trainer.minutes > 0
        assert chapter.trainer.mistakes


def test_the_observer_sheet_follows_a_changed_checklist(content: Path) -> None:
    """A new item in a chapter's checklist appears on the sheet; a removed one disappears."""
    before = role_plays_view_of(load_playbook(content))
    sheet = next(s for s in before.scenarios if s.anchor == PRICE_PRESSURE).observed
    assert all(PLANTED_ITEM not in item for observed in sheet for item in observed.items)
    removed = "Für Option A höchstens zwei Entscheider vorgesehen"
    assert any(removed in item for observed in sheet for item in observed.items)

    edit(
        content,
        "chapters/drei-wege.yml",
        "          - id: drei-wege-entscheider\n            text: " + removed + "\n",
        f"          - id: drei-wege-termin\n            text: {PLANTED_ITEM}\n",
    )
    playbook = load_playbook(content)
    after = next(s for s in role_plays_view_of(playbook).scenarios if s.anchor == PRICE_PRESSURE)
    items = [item for observed in after.observed for item in observed.items]
    assert any(PLANTED_ITEM in item for item in items)
    assert not any(removed in item for item in items)
    # The sheet lists exactly the chapter's items, in the chapter's order.
    expected = [text for _, text in tick_lists(playbook.chapters)[OPTIONS_CHECKLIST].ticks.entries]
    options = next(observed for observed in after.observed if "drei-wege" in observed.source)
    assert [str(item) for item in options.items] == expected


def test_pages_show_scenarios_cards_and_trainer_notes_but_chapters_do_not(content: Path) -> None:
    """The role-play page has four cards per scenario, the trainer page every chapter's notes,
    the workshop page a QR code per scenario and the notes; no chapter page shows notes."""
    playbook = load_playbook(content)
    pages = {
        page.src_uri: page.markdown for page in render_pages(playbook, ROOT / "templates", SITE_URL)
    }
    role_plays = pages["rollenspiele.md"]
    assert playbook.role_plays is not None
    for scenario in playbook.role_plays.scenarios:
        for anchor in (
            scenario.id,
            f"{scenario.id}-kunde",
            f"{scenario.id}-vertrieb",
            f"{scenario.id}-beobachtung",
        ):
            assert f"{{#{anchor}}}" in role_plays, anchor
    assert role_plays.count('<section class="kx-role-card') == 4 * len(
        playbook.role_plays.scenarios
    )

    workshop = pages["workshop.md"]
    for scenario in playbook.role_plays.scenarios:
        address = f"{SITE_URL}rollenspiele/#{scenario.id}"
        assert address in workshop
        card = workshop.split(address)[0].rsplit('<figure class="kx-qr">', 1)[-1]
        assert "<svg" in card, scenario.id
    assert workshop.count('??? note "Hinweise für Trainer"') == len(playbook.chapters)

    trainer = pages["fuer-trainer.md"]
    for chapter in playbook.chapters:
        assert chapter.trainer is not None
        assert f"{{#{chapter.id}}}" in trainer
        assert chapter.trainer.mistakes[0].split("[[")[0][:30] in trainer
    for chapter in playbook.chapters:
        uri = f"{chapter.part}/{chapter.id}.md"
        assert "Lernziel" not in pages[uri], uri
        assert "Anfängerfehler" not in pages[uri], uri


def test_a_trainer_view_without_role_plays_still_renders(content: Path) -> None:
    """Without ``role_plays.yml`` the page says so and the trainer page drops the link."""
    (content / ROLE_PLAYS).unlink()
    for chapter in (content / "chapters").glob("*.yml"):
        text = chapter.read_text(encoding="utf-8")
        chapter.write_text(
            re.sub(r"\[\[rollenspiele#[a-z-]+\|([^\]]*)\]\]", r"\1", text), encoding="utf-8"
        )
    playbook = load_playbook(content)
    assert playbook.role_plays is None
    site = views(playbook)
    trainer = site.view(next(page for page in playbook.pages if page.id == "fuer-trainer"))
    assert isinstance(trainer, TrainerView)
    assert trainer.scenarios == 0
    assert role_plays_view_of(playbook).scenarios == []
