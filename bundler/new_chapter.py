"""Write the skeleton of a new chapter: ``make chapter ID=mein-kapitel PART=gespraeche``.

An author who starts from an empty file has to know every required field before the build
says anything useful. The skeleton has them all, one section with a text block, German
placeholder text to overwrite, the schema line for the editor and the next free ``order`` in
its part, so it builds as it is and shows up at the end of that part.

Only the raw YAML of the other files is read (not the validated playbook): a chapter can be
added while another one is still broken.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from content_model.json_schema import schema_line
from content_model.problems import ContentError
from content_model.schema import ID_PATTERN
from content_model.site_map import SPECIAL_PAGE_BY_ID
from content_model.strict_yaml import parse_yaml

#: The section's anchor is the chapter id plus this; anchors are at most 60 characters.
SECTION_SUFFIX = "-einstieg"
MAX_ID_LENGTH = 60 - len(SECTION_SUFFIX)
MAX_ORDER = 999
USAGE = "Aufruf: make chapter ID=mein-kapitel PART=<Teil-ID>"

SKELETON = """\
{schema_line}
# Ein neues Kapitel: Ersetzen Sie Titel, Zusammenfassung und Text; `make serve` zeigt es an.
# Bausteine neben `text` (Liste, Schritte, Checkliste, Vorlage, Rechner …) zeigt
# tests/content/fixtures/valid/chapters/alle-bausteine.yml. Im Text verweisen Sie mit
# [[kapitel-id]] auf ein anderes Kapitel und mit [[regel:abschnitt.regel]] auf eine Regel
# aus content/rules.yml.
id: {id}
part: {part}
order: {order}
title: Titel des Kapitels
summary: Worum es in diesem Kapitel geht, in einem Satz für die Übersicht des Teils.
sections:
  - id: {id}{suffix}
    title: Worum es geht
    blocks:
      - type: text
        text: |
          Worum es in diesem Kapitel geht …

          Absätze trennt eine Leerzeile.
"""


class ScaffoldError(Exception):
    """The chapter cannot be written; the message says why, in German, for the author."""


@dataclass(frozen=True)
class NewChapter:
    """What the skeleton needs to know about the chapter and its place."""

    id: str
    part: str
    order: int


def _data(path: Path) -> object:
    try:
        return parse_yaml(path.read_text(encoding="utf-8"), str(path)).data
    except (OSError, ContentError):
        return None


def part_ids(content: Path) -> list[str]:
    """The ids in ``parts.yml``, as written (the file need not be valid otherwise)."""
    data = _data(content / "parts.yml")
    parts = data.get("parts") if isinstance(data, dict) else None
    if not isinstance(parts, list):
        raise ScaffoldError(
            f"{content / 'parts.yml'} lässt sich nicht lesen; prüfen Sie die Datei."
        )
    return [
        part["id"] for part in parts if isinstance(part, dict) and isinstance(part.get("id"), str)
    ]


def next_order(content: Path, part: str) -> int:
    """One more than the highest ``order`` of the part's chapters (1 for an empty part)."""
    orders = [0]
    for path in (content / "chapters").glob("*.yml"):
        data = _data(path)
        if isinstance(data, dict) and data.get("part") == part:
            order = data.get("order")
            if isinstance(order, str) and order.isdigit():
                orders.append(int(order))
    return max(orders) + 1


def plan(content: Path, chapter_id: str, part: str) -> NewChapter:
    """Check the request and find the order; raise ScaffoldError with the reason."""
    if not chapter_id or not part:
        raise ScaffoldError(f"Bitte geben Sie Kapitel-ID und Teil an. {USAGE}")
    if not re.fullmatch(ID_PATTERN, chapter_id) or len(chapter_id) > MAX_ID_LENGTH:
        raise ScaffoldError(
            f"„{chapter_id}“ taugt nicht als Kapitel-ID: erlaubt sind Kleinbuchstaben, Ziffern "
            "und einzelne Bindestriche (Umlaute als ae, oe, ue, ss), "
            f"höchstens {MAX_ID_LENGTH}\u00a0Zeichen."
        )
    target = content / "chapters" / f"{chapter_id}.yml"
    if target.exists():
        raise ScaffoldError(f"Das Kapitel „{chapter_id}“ gibt es schon: {target}")
    known = part_ids(content)
    if chapter_id in SPECIAL_PAGE_BY_ID or chapter_id in known:
        raise ScaffoldError(
            f"„{chapter_id}“ ist schon der Name einer Seite des Playbooks; "
            "wählen Sie eine andere ID."
        )
    if part not in known:
        raise ScaffoldError(
            f"Den Teil „{part}“ gibt es nicht. Vorhandene Teile: {', '.join(known)}"
        )
    order = next_order(content, part)
    if order > MAX_ORDER:
        raise ScaffoldError(
            f"Der Teil „{part}“ hat keine freie Position mehr (höchstens {MAX_ORDER})."
        )
    return NewChapter(chapter_id, part, order)


def skeleton(content: Path, chapter: NewChapter) -> str:
    """The text of the new chapter file."""
    path = content / "chapters" / f"{chapter.id}.yml"
    line = schema_line(content, path)
    assert line is not None  # every chapter file has a schema
    return SKELETON.format(
        schema_line=line,
        id=chapter.id,
        part=chapter.part,
        order=chapter.order,
        suffix=SECTION_SUFFIX,
    )


def write_chapter(content: Path, chapter_id: str, part: str) -> tuple[Path, NewChapter]:
    """Write the skeleton of a new chapter; return its path and what was planned."""
    chapter = plan(content, chapter_id, part)
    path = content / "chapters" / f"{chapter.id}.yml"
    with path.open("x", encoding="utf-8") as file:  # never overwrite, even in a race
        file.write(skeleton(content, chapter))
    return path, chapter


def main(argv: list[str]) -> int:
    """``python -m bundler.new_chapter ID PART [CONTENT]``: German message and exit code."""
    chapter_id, part, *rest = [*argv, "", ""][: max(len(argv), 2)]
    content = Path(rest[0]) if rest else Path("content")
    try:
        path, chapter = write_chapter(content, chapter_id.strip(), part.strip())
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Neues Kapitel: {path} (Position {chapter.order} im Teil „{chapter.part}“).")
    print("Ersetzen Sie Titel, Zusammenfassung und Text; `make serve` zeigt es sofort an.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
