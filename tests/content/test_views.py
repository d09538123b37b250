"""Views are prepared before templates run: links fit their page, calculators compute once,
the templates stay compiled between builds, and plain strings stay escaped."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from markupsafe import Markup

from calculators.registry import CALCULATORS, field_names
from content_model import calculator_embed
from content_model.calculator_embed import CalculatorEmbeds
from content_model.contract import CONTRACT
from content_model.loader import Playbook, load_playbook
from content_model.render import render_pages
from content_model.schema import ChecklistBlock
from content_model.templating import html_environment, markdown_environment
from content_model.views.blocks import BlockContext, block_view
from content_model.views.prose import Prose

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"


@pytest.fixture(scope="module")
def real_playbook() -> Playbook:
    return load_playbook(ROOT / "content", calculators=field_names())


def test_a_reference_is_relative_to_the_page_that_shows_it(content: Path) -> None:
    """The same checklist on its chapter page and on the overview links from where it stands."""
    playbook = load_playbook(content)
    block = ChecklistBlock.model_validate(
        {
            "type": "checklist",
            "id": "liste",
            "title": "Liste",
            "items": [{"id": "eins", "text": "Siehe [[glossar#kpi]]"}],
        }
    )
    forms = html_environment(TEMPLATES)
    embeds = CalculatorEmbeds(playbook, forms)

    def tick_text(page_uri: str) -> str:
        context = BlockContext(Prose(page_uri, playbook.targets), embeds, forms)
        return str(block_view(block, context).ticks[0].text)

    assert tick_text("teil-eins/alle-bausteine.md") == "Siehe [KPI](../glossar.md#kpi)"
    assert tick_text("checklisten.md") == "Siehe [KPI](glossar.md#kpi)"


def test_each_calculator_is_computed_once_per_build(
    real_playbook: Playbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chapters and the overview page share one computation per calculator."""
    computed: Counter[str] = Counter()
    original = calculator_embed.compute

    def counting(playbook: Playbook, calculator_id: str) -> calculator_embed.Computed:
        computed[calculator_id] += 1
        return original(playbook, calculator_id)

    monkeypatch.setattr(calculator_embed, "compute", counting)
    render_pages(real_playbook, TEMPLATES)
    assert set(computed) == set(CALCULATORS)
    assert set(computed.values()) == {1}
    # Negative control: a second build computes again (nothing outlives a build).
    render_pages(real_playbook, TEMPLATES)
    assert set(computed.values()) == {2}


def test_a_page_with_a_calculator_carries_the_page_flag(content: Path) -> None:
    playbook = load_playbook(content, calculators=field_names())
    pages = {page.src_uri: page for page in render_pages(playbook, TEMPLATES)}
    flag = CONTRACT.runtime.page_flag
    # The overview of calculators shows cards, no forms: it starts no runtime (issue 20).
    assert flag not in pages["rechner.md"].meta
    for uri in ("teil-eins/alle-bausteine.md",):
        assert pages[uri].meta[flag] is True
        assert pages[uri].markdown.startswith("---\ndescription: ")
        assert f"\n{flag}: true\n---\n\n# " in pages[uri].markdown
    assert flag not in pages["teil-eins/index.md"].meta
    assert pages["teil-eins/index.md"].markdown.startswith("---\ndescription: ")
    assert "---\n\n# Teil eins" in pages["teil-eins/index.md"].markdown


def test_templates_stay_compiled_and_an_edit_is_picked_up(content: Path, tmp_path: Path) -> None:
    """One environment per process; ``mkdocs serve`` rebuilds see an edited template."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    playbook = load_playbook(content, calculators=field_names())
    before = {page.src_uri: page.markdown for page in render_pages(playbook, templates)}
    environment = markdown_environment(templates)
    glossary = templates / "pages" / "glossary.md.j2"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "Geändert.\n", encoding="utf-8")
    stat = glossary.stat()
    os.utime(glossary, (stat.st_atime, stat.st_mtime + 10))
    after = {page.src_uri: page.markdown for page in render_pages(playbook, templates)}
    assert markdown_environment(templates) is environment
    assert after["glossar.md"] == before["glossar.md"] + "Geändert.\n"
    assert {uri for uri in before if after[uri] != before[uri]} == {"glossar.md"}


def test_a_plain_string_is_escaped_for_markdown_and_markup_is_not() -> None:
    template = markdown_environment(TEMPLATES).from_string("{{ plain }} | {{ made }}")
    made = Markup("[ja](ziel.md)")
    assert template.render(plain="[nein](x) <b>", made=made) == (
        "\\[nein\\](x) &lt;b&gt; | [ja](ziel.md)"
    )
