"""The built pages of objections and model dialogues, read as a reader gets them.

The time-box check compares what the dialogue page shows with what the chapter page it links
shows (the agenda's table, the steps' "Zeitbox" lines), so it holds whatever produced either
page; its negative controls plant a wrong or a missing time box in a copy of the page.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest

from content_model.loader import load_playbook
from content_model.schema import DialogueBlock, ObjectionsBlock
from tests.site.conftest import ROOT

DIALOGUE_PAGE = Path("gespraeche/beispielgespraech/index.html")
OBJECTIONS_PAGE = Path("einwaende/index.html")

_DIALOGUE = re.compile(r'<h3 id="(?P<id>[a-z0-9-]+)">')
_TIMING = re.compile(
    r"zusammen (\d+)&nbsp;Minuten, stammen aus dem Abschnitt „<a href=\"([^\"]+)\""
)
_PASSAGE = re.compile(
    r'<h4 id="(?P<id>[a-z0-9-]+)">.*?<p class="kx-passage-meta">(?P<meta>.*?)</p>', re.DOTALL
)
_BOX = re.compile(r"Zeitbox: (\d+)&nbsp;Minuten? \(([^)]*)\)")
_AGENDA_ROW = re.compile(
    r"<tr>\s*<td[^>]*>\d+</td>\s*<td>(?P<label>[^<]+)</td>\s*<td[^>]*>(?P<minutes>\d+)</td>"
)
_STEP = re.compile(
    r'<h3 id="[a-z0-9-]+">\d+\. (?P<heading>.*?)</h3>\s*'
    r"<p><em>Zeitbox: (?P<minutes>\d+)&nbsp;Minuten?</em></p>"
)
#: The heading's permalink: its text (¶) is not part of the step's name.
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>[^<]*</a>')
_TAG = re.compile(r"<[^>]+>")


def heading_name(heading: str) -> str:
    """A heading's name, from its markup (without permalink and copy control)."""
    return html.unescape(_TAG.sub("", _PERMALINK.sub("", heading))).strip()


def chapter_time_boxes(site: Path, page: Path, href: str) -> dict[str, int]:
    """The time boxes of the section ``href`` (relative to ``page``) as its page shows them."""
    target = urljoin(f"/{page.as_posix()}", href)
    path, _, anchor = target.partition("#")
    text = (site / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
    start = text.index(f'id="{anchor}"')
    end = text.find("<h2 ", start)
    section = text[start : end if end > 0 else len(text)]
    boxes = {html.unescape(m["label"]): int(m["minutes"]) for m in _AGENDA_ROW.finditer(section)}
    boxes.update({heading_name(m["heading"]): int(m["minutes"]) for m in _STEP.finditer(section)})
    return boxes


def timebox_disagreements(site: Path, page: Path = DIALOGUE_PAGE) -> list[str]:
    """Every way the dialogue page's time boxes differ from the chapter section it names."""
    text = (site / page).read_text(encoding="utf-8")
    starts = [match.start() for match in _DIALOGUE.finditer(text)]
    found: list[str] = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        dialogue = text[start:end]
        timing = _TIMING.search(dialogue)
        if timing is None:
            continue
        name = _DIALOGUE.match(dialogue)["id"]  # type: ignore[index]
        chapter = chapter_time_boxes(site, page, timing[2])
        shown: list[str] = []
        for passage in _PASSAGE.finditer(dialogue):
            box = _BOX.search(passage["meta"])
            if box is None:
                continue
            labels = html.unescape(box[2]).split(", ")
            shown += labels
            expected = sum(chapter.get(label, 0) for label in labels)
            if int(box[1]) != expected or any(label not in chapter for label in labels):
                found.append(
                    f"{passage['id']}: {box[1]} Minuten für {labels}, "
                    f"das Kapitel sagt {expected} ({chapter})"
                )
        if shown != list(chapter):
            found.append(f"{name}: Passagen zeigen {shown}, das Kapitel setzt {list(chapter)}")
        if int(timing[1]) != sum(chapter.values()):
            found.append(f"{name}: zusammen {timing[1]}, das Kapitel {sum(chapter.values())}")
    return found


def test_the_dialogues_time_boxes_are_the_chapters(real_site: Path) -> None:
    text = (real_site / DIALOGUE_PAGE).read_text(encoding="utf-8")
    assert len(_BOX.findall(text)) == 8
    assert timebox_disagreements(real_site) == []


@pytest.mark.parametrize(
    ("old", "new", "finding"),
    [
        (
            "Zeitbox: 4&nbsp;Minuten (Start, Ihre Sicht)",
            "Zeitbox: 5&nbsp;Minuten (Start, Ihre Sicht)",
            "beispiel-hansen-eroeffnen: 5 Minuten",
        ),
        (" (Nächste Schritte)", " (Schluss)", "beispiel-hansen-verbindlichkeit: "),
        ("zusammen 10&nbsp;Minuten", "zusammen 12&nbsp;Minuten", "beispiel-berger: zusammen 12"),
    ],
)
def test_a_planted_wrong_time_box_is_found(
    real_site: Path, tmp_path: Path, old: str, new: str, finding: str
) -> None:
    """Negative controls: a copy of the site whose dialogue page disagrees with its chapters."""
    site = tmp_path / "site"
    for part in ("gespraeche", "kunden-aufgeben"):
        shutil.copytree(real_site / part, site / part)
    page = site / DIALOGUE_PAGE
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    findings = timebox_disagreements(site)
    assert any(item.startswith(finding) for item in findings), findings


def test_turns_show_bold_names_and_their_side(real_site: Path) -> None:
    text = (real_site / DIALOGUE_PAGE).read_text(encoding="utf-8")
    turns = re.findall(
        r'<p class="kx-turn kx-turn-(ours|customer)"><strong>([^<]+):</strong> ', text
    )
    sides = {name: side for side, name in turns}
    assert sides == {
        "Lena Hoffmann": "ours",
        "Tobias Brandt": "ours",
        "Jana Krüger": "customer",
        "Murat Yilmaz": "customer",
        "Jonas Keller": "ours",
        "Frau Berger": "customer",
    }
    assert len(turns) == text.count('class="kx-turn ')
    # The side is also said in words, in the list of who speaks.
    assert "<strong>Jana Krüger</strong>, Marketingleitung, Hansen Großhandel (Kundenseite)" in text


def test_every_passage_links_the_step_it_shows(real_site: Path) -> None:
    playbook = load_playbook(ROOT / "content")
    chapter = playbook.chapter_by_id["beispielgespraech"]
    text = (real_site / DIALOGUE_PAGE).read_text(encoding="utf-8")
    passages = {m["id"]: m["meta"] for m in _PASSAGE.finditer(text)}
    dialogues = [b for s in chapter.sections for b in s.blocks if isinstance(b, DialogueBlock)]
    ids = [passage.id for block in dialogues for passage in block.passages]
    assert list(passages) == ids
    for passage_id, meta in passages.items():
        link = re.match(r'Zeigt <a href="([^"]+)">', meta)
        assert link is not None, passage_id
        target = urljoin(f"/{DIALOGUE_PAGE.as_posix()}", link[1]).partition("#")[0]
        assert (real_site / target.lstrip("/") / "index.html").exists(), target


def _objection_ids() -> dict[str, list[str]]:
    playbook = load_playbook(ROOT / "content")
    return {
        chapter.id: [
            objection.id
            for section in chapter.sections
            for block in section.blocks
            if isinstance(block, ObjectionsBlock)
            for objection in block.items
        ]
        for chapter in playbook.chapters
    }


def test_objections_render_as_linkable_headings_with_answer_and_avoid(real_site: Path) -> None:
    text = (real_site / "gespraeche/drei-wege/index.html").read_text(encoding="utf-8")
    heading = re.search(r'<h3 id="einwand-nachlass">(.*?)</h3>', text)
    assert heading is not None
    assert (
        heading_name(heading[1]) == "Einwand: „Für die Verzögerungen erwarten wir einen Nachlass.“"
    )
    after = text[heading.end() : text.index('<h3 id="einwand-kuendigen"')]
    assert "So antworten Sie" in after
    assert "Besser nicht" in after
    assert "<strong>Warum:</strong>" in after


def test_the_objections_page_gathers_every_objection_with_a_link_back(real_site: Path) -> None:
    text = (real_site / OBJECTIONS_PAGE).read_text(encoding="utf-8")
    by_chapter = {chapter: ids for chapter, ids in _objection_ids().items() if ids}
    assert sum(len(ids) for ids in by_chapter.values()) >= 10
    shown = re.findall(r'<h3 id="(einwand-[a-z0-9-]+)">', text)
    assert shown == [i for ids in by_chapter.values() for i in ids]
    for chapter in by_chapter:
        group = text[text.index(f'<h2 id="{chapter}">') :]
        assert re.search(rf'Aus: <a href="\.\./[a-z-]+/{chapter}/">', group[:2000]), chapter
