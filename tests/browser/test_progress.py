"""Checklist ticks and reading progress are remembered on this device, keyed by YAML ids."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser, BrowserContext, Dialog, Locator, Page, Request, expect

from benchmarks.static_server import free_port, serve
from content_model.loader import load_playbook
from content_model.progress_keys import progress_key, progress_scope, stage_chapters
from tests.site.conftest import ROOT, make_fixture_project

pytestmark = pytest.mark.browser

PREFIX = "klartext.progress."
CHAPTER = "gespraeche/gespraechsmappe/"
CHECKLIST = "checkliste-gespraechsmappe"
FIRST = f"{CHECKLIST}/mappe-beispiele-datiert"
WENN_DANN = f"{CHECKLIST}/mappe-wenn-dann"
UMFANG = f"{CHECKLIST}/mappe-umfang-zwei-seiten"
STORED_KEYS = "() => Object.keys(localStorage).sort()"


def item(page: Page, key: str) -> Locator:
    return page.locator(f'li[data-kx-item="{key}"]')


def box(page: Page, key: str) -> Locator:
    return item(page, key).locator('input[type="checkbox"]')


def tick(page: Page, key: str) -> None:
    """Click the checkbox of an item like a reader (Material hides the input under its icon)."""
    target = box(page, key)
    target.check(force=True)
    expect(target).to_be_checked()


def size(page: Page, checklist: str = CHECKLIST) -> int:
    """How many items of a checklist the page shows."""
    return page.locator(f'li[data-kx-item^="{checklist}/"]').count()


def stored(page: Page) -> list[str]:
    keys: list[str] = page.evaluate(STORED_KEYS)
    return keys


def ready(page: Page) -> None:
    """progress/progress.mjs has bound this page: its controls are no longer hidden."""
    expect(page.locator(".kx-checklist-tools, .kx-read, .kx-progress").first).to_be_visible()


def test_a_tick_survives_a_reload_and_is_keyed_by_ids(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{CHAPTER}")
    ready(page)
    assert stored(page) == []
    expect(box(page, WENN_DANN)).not_to_be_checked()
    tick(page, WENN_DANN)
    assert stored(page) == [f"{PREFIX}tick.{WENN_DANN}"]
    tools = page.locator(f'.kx-checklist-tools[data-kx-checklist="{CHECKLIST}"]')
    expect(tools.locator(".kx-checklist-count")).to_have_text(
        f"1 von {size(page)} Punkten abgehakt"
    )

    page.reload()
    ready(page)
    expect(box(page, WENN_DANN)).to_be_checked()
    expect(box(page, FIRST)).not_to_be_checked()
    expect(page.locator("li[data-kx-item] input:checked")).to_have_count(1)

    box(page, WENN_DANN).uncheck(force=True)
    assert stored(page) == []


def test_ticks_follow_instant_navigation_to_the_checklist_page_and_back(
    page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}{CHAPTER}")
    ready(page)
    tick(page, WENN_DANN)
    page.evaluate("() => { window.kxSameDocument = true; }")

    # Through the navigation like a reader: open "Werkzeugkasten", then "Alle Checklisten".
    sidebar = page.locator(".md-sidebar--primary")
    sidebar.locator("label.md-nav__link", has_text="Werkzeugkasten").click()
    sidebar.get_by_role("link", name="Alle Checklisten").click()
    # navigation.tracking may add the current section as a fragment
    expect(page).to_have_url(re.compile(re.escape(f"{site_url}checklisten/") + "(#.*)?$"))
    expect(page.locator(".md-content h1")).to_contain_text("Alle Checklisten")
    assert page.evaluate("() => window.kxSameDocument === true"), "not an instant navigation"
    expect(box(page, WENN_DANN)).to_be_checked()
    expect(page.locator("li[data-kx-item] input:checked")).to_have_count(1)
    expect(page.locator(".kx-progress-note")).to_be_visible()

    tick(page, UMFANG)  # ticked on the overview, shown in the chapter
    page.go_back()
    expect(page).to_have_url(re.compile(re.escape(f"{site_url}{CHAPTER}") + "(#.*)?$"))
    assert page.evaluate("() => window.kxSameDocument === true"), "not an instant navigation"
    expect(box(page, WENN_DANN)).to_be_checked()
    expect(box(page, UMFANG)).to_be_checked()
    expect(box(page, FIRST)).not_to_be_checked()


def test_the_checklist_reset_clears_only_that_checklist(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}checklisten/")
    ready(page)
    tick(page, FIRST)
    tick(page, WENN_DANN)
    other = page.locator("li[data-kx-item]:not([data-kx-item^='checkliste-gespraechsmappe/'])")
    other_key = other.first.get_attribute("data-kx-item")
    assert other_key
    tick(page, other_key)
    assert len(stored(page)) == 3

    tools = page.locator(f'.kx-checklist-tools[data-kx-checklist="{CHECKLIST}"]')
    expect(tools.locator(".kx-checklist-count")).to_have_text(
        f"2 von {size(page)} Punkten abgehakt"
    )
    tools.get_by_role("button", name="Häkchen zurücksetzen").click()
    expect(box(page, FIRST)).not_to_be_checked()
    expect(box(page, WENN_DANN)).not_to_be_checked()
    expect(tools.locator(".kx-checklist-count")).to_have_text(
        f"0 von {size(page)} Punkten abgehakt"
    )
    expect(box(page, other_key)).to_be_checked()
    assert stored(page) == [f"{PREFIX}tick.{other_key}"]

    page.reload()
    ready(page)
    expect(page.locator("li[data-kx-item] input:checked")).to_have_count(1)
    expect(box(page, other_key)).to_be_checked()


def test_onboarding_counts_a_chapter_marked_read(page: Page, site_url: str) -> None:
    playbook = load_playbook(ROOT / "content")
    stage = playbook.onboarding.stages[0]
    chapters = stage_chapters(stage, playbook)
    first = chapters[0]
    part = playbook.part_of(first)

    page.goto(f"{site_url}einstieg/")
    panel = page.locator(f'.kx-progress[data-kx-scope="{stage.id}"]')
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(f"0 von {len(chapters)} gelesen")
    mark = page.locator(f'[data-kx-read-mark="{first.id}"]')
    expect(mark).to_be_hidden()

    page.goto(f"{site_url}{part.id}/{first.id}/")
    button = page.get_by_role("button", name="Als gelesen markieren")
    expect(button).to_be_visible()
    button.click()
    expect(page.locator(".kx-read-state")).to_contain_text("als gelesen markiert")
    assert stored(page) == [f"{PREFIX}read.{first.id}"]

    page.goto(f"{site_url}einstieg/")
    expect(panel).to_contain_text(f"1 von {len(chapters)} gelesen")
    expect(mark).to_be_visible()
    expect(mark).to_have_text("(gelesen)")
    total = page.locator(".kx-progress-total")
    expect(total).to_contain_text(f"1 von {len(playbook.chapters)} gelesen")

    # Undo on the chapter page: the count drops again.
    page.goto(f"{site_url}{part.id}/{first.id}/")
    page.get_by_role("button", name="Markierung „gelesen“ aufheben").click()
    expect(page.get_by_role("button", name="Als gelesen markieren")).to_be_visible()
    page.goto(f"{site_url}einstieg/")
    expect(panel).to_contain_text(f"0 von {len(chapters)} gelesen")


def test_onboarding_counts_ticks_and_resets_everything(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{CHAPTER}")
    ready(page)
    tick(page, FIRST)
    tick(page, WENN_DANN)
    page.get_by_role("button", name="Als gelesen markieren").click()
    page.evaluate("() => localStorage.setItem('fremd.schluessel', 'bleibt')")

    page.goto(f"{site_url}einstieg/")
    total = page.locator(".kx-progress-total")
    expect(total.locator('[data-kx-count="items"]')).to_contain_text("2 von ")
    expect(total.locator('[data-kx-count="chapters"]')).to_contain_text("1 von ")

    answers: list[str] = []

    def accept(dialog: Dialog) -> None:
        answers.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    total.get_by_role("button", name="Fortschritt zurücksetzen").click()
    expect(total.locator('[data-kx-count="items"]')).to_contain_text("0 von ")
    expect(total.locator('[data-kx-count="chapters"]')).to_contain_text("0 von ")
    expect(total.locator(".kx-progress-done")).to_have_text("Ihr Fortschritt ist zurückgesetzt.")
    assert len(answers) == 1
    assert "zurücksetzen" in answers[0]
    # Only what progress/progress.mjs stored is gone.
    assert stored(page) == ["fremd.schluessel"]

    page.goto(f"{site_url}{CHAPTER}")
    ready(page)
    expect(page.locator("li[data-kx-item] input:checked")).to_have_count(0)
    expect(page.get_by_role("button", name="Als gelesen markieren")).to_be_visible()


def test_the_global_reset_asks_first_and_does_nothing_when_declined(
    page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}checklisten/")
    ready(page)
    tick(page, FIRST)
    page.goto(f"{site_url}einstieg/")
    questions: list[str] = []

    def decline(dialog: Dialog) -> None:
        questions.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", decline)
    page.get_by_role("button", name="Alle Häkchen zurücksetzen").click()
    expect(page.locator(".kx-progress-total [data-kx-count='items']")).to_contain_text("1 von ")
    assert questions == ["Alle Häkchen in allen Checklisten auf diesem Gerät zurücksetzen?"]
    assert stored(page) == [f"{PREFIX}tick.{FIRST}"]


def test_nothing_is_stored_or_sent_beyond_the_klartext_keys(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{CHAPTER}")
    ready(page)
    before = set(stored(page))
    sent: list[Request] = []

    def record(request: Request) -> None:  # a bound builtin cannot be a Playwright handler
        sent.append(request)

    page.on("request", record)
    tick(page, FIRST)
    tick(page, WENN_DANN)
    box(page, FIRST).uncheck(force=True)
    page.get_by_role("button", name="Als gelesen markieren").click()
    page.get_by_role("button", name="Häkchen zurücksetzen").click()
    tick(page, UMFANG)
    after = set(stored(page))
    # Requests may still load the calculator runtime in the background; none carries progress.
    for request in sent:
        assert request.method == "GET", request.url
        assert request.url.startswith((site_url, f"blob:{site_url}")), request.url
        assert "mappe-" not in request.url, request.url
        assert "progress." not in request.url, request.url
        assert request.post_data is None
    assert after - before == {f"{PREFIX}tick.{UMFANG}", f"{PREFIX}read.gespraechsmappe"}
    assert all(key.startswith(PREFIX) for key in after), after
    assert (
        page.evaluate("() => Object.keys(sessionStorage).filter(k => k.includes('klartext'))") == []
    )
    assert page.context.cookies() == []


def test_keys_are_ids_and_nothing_else() -> None:
    assert progress_key("checkliste-a", "punkt-1") == "checkliste-a/punkt-1"
    for bad in ('x" data-evil="1', "Punkt 1", "a/b", "<script>", ""):
        with pytest.raises(ValueError, match="not an id"):
            progress_key("checkliste-a", bad)


def test_onboarding_scopes_count_each_chapter_once() -> None:
    playbook = load_playbook(ROOT / "content")
    for stage in playbook.onboarding.stages:
        chapters = stage_chapters(stage, playbook)
        ids = [chapter.id for chapter in chapters]
        assert len(ids) == len(set(ids))
        refs = {stop.ref.partition("#")[0] for stop in stage.stops}
        assert set(ids) == refs & {chapter.id for chapter in playbook.chapters}
        scope = progress_scope(chapters)
        assert scope.chapters.split() == ids
        assert scope.item_count == len(scope.items.split())


# --- A content change: the same origin serves a rebuilt site with a new item inserted. ---


def _build(project: Path, site: Path, url: str) -> Path:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True, site_url=url)
    build(config)
    return site


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    """The real content and a copy with one item inserted at the top and two items swapped.

    Both sites are built for the same address, so they share one origin (one localStorage).
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    sites: list[Path] = []
    for name, change in (("vorher", False), ("nachher", True)):
        tmp = tmp_path_factory.mktemp(name)
        content = tmp / "content"
        shutil.copytree(ROOT / "content", content)
        if change:
            chapter = content / "chapters" / "gespraechsmappe.yml"
            text = chapter.read_text(encoding="utf-8")
            first = "          - {id: mappe-beispiele-datiert,"
            wenn_dann = "          - {id: mappe-wenn-dann, text: Zu jeder Option gibt es einen Wenn-dann-Satz mit messbarem Ziel.}\n"
            umfang = "          - {id: mappe-umfang-zwei-seiten, text: Die Mappe passt auf höchstens zwei Seiten.}\n"
            assert text.count(first) == 1
            assert text.count(wenn_dann + umfang) == 1
            text = text.replace(wenn_dann + umfang, umfang + wenn_dann)
            new = "          - {id: mappe-ansprechperson, text: Die Ansprechperson für Rückfragen steht auf der ersten Seite.}\n"
            text = text.replace(first, new + first)
            chapter.write_text(text, encoding="utf-8")
        project = make_fixture_project(tmp, content)
        sites.append(_build(project, tmp / "site", url))
    return url, sites[0], sites[1]


@pytest.fixture
def no_worker_context(browser: Browser) -> Iterator[BrowserContext]:
    """No service worker: it would keep serving the cached first build after the change."""
    context = browser.new_context(locale="de-DE", service_workers="block")
    yield context
    context.close()


def test_saved_ticks_stay_on_their_items_when_the_checklist_changes(
    before_and_after: tuple[str, Path, Path], no_worker_context: BrowserContext
) -> None:
    url, before, after = before_and_after
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    page = no_worker_context.new_page()
    # The HTTP cache could still hand out the first build's page (the host sends only
    # Last-Modified, which allows heuristic freshness); this test is about stored ticks.
    session = no_worker_context.new_cdp_session(page)
    session.send("Network.enable")  # the cache switch below applies once the domain is on
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})

    with serve(before, port=port):
        page.goto(f"{url}{CHAPTER}")
        ready(page)
        keys = page.locator("li[data-kx-item]").evaluate_all(
            "(items) => items.map((item) => item.dataset.kxItem)"
        )
        assert keys[0] == FIRST
        assert keys.index(WENN_DANN) < keys.index(UMFANG)
        tick(page, FIRST)
        tick(page, WENN_DANN)
        positions = [keys.index(FIRST), keys.index(WENN_DANN)]

    with serve(after, port=port):
        page.goto(f"{url}{CHAPTER}")
        ready(page)
        changed = page.locator("li[data-kx-item]").evaluate_all(
            "(items) => items.map((item) => item.dataset.kxItem)"
        )
        assert changed[0] == f"{CHECKLIST}/mappe-ansprechperson"
        assert changed.index(UMFANG) < changed.index(WENN_DANN)
        assert len(changed) == len(keys) + 1
        # The ticks stayed with their items, not with their old positions.
        expect(box(page, FIRST)).to_be_checked()
        expect(box(page, WENN_DANN)).to_be_checked()
        expect(page.locator("li[data-kx-item] input:checked")).to_have_count(2)
        for position in positions:
            expect(page.locator("li[data-kx-item]").nth(position).locator("input")).to_be_checked(
                checked=changed[position] in (FIRST, WENN_DANN)
            )
        expect(box(page, f"{CHECKLIST}/mappe-ansprechperson")).not_to_be_checked()
        expect(box(page, UMFANG)).not_to_be_checked()
        tools = page.locator(f'.kx-checklist-tools[data-kx-checklist="{CHECKLIST}"]')
        expect(tools.locator(".kx-checklist-count")).to_have_text(
            f"2 von {len(keys) + 1} Punkten abgehakt"
        )


def test_the_dos_of_a_chapter_are_tickable_and_remembered(page: Page, site_url: str) -> None:
    """„Das hilft“ lists tick like checklists, keyed by block id and entry text."""
    page.goto(f"{site_url}kunden-aufgeben/ausstiegsleitfaden/")
    ready(page)
    dos = page.locator('li[data-kx-item^="ausstiegsleitfaden-was-hilft/"]')
    expect(dos).to_have_count(4)
    key = dos.first.get_attribute("data-kx-item")
    assert key is not None
    assert key.startswith("ausstiegsleitfaden-was-hilft/kurz-sachlich-und-freundlich-bleiben-")
    expect(dos.first.locator("input")).to_have_accessible_name(
        "Kurz, sachlich und freundlich bleiben"
    )
    tick(page, key)
    page.reload()
    ready(page)
    expect(box(page, key)).to_be_checked()
    assert stored(page) == [f"{PREFIX}tick.{key}"]
