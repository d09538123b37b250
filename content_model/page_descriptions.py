"""Each page's ``<meta name="description">``: what a search result or a shared link shows.

Chapters and parts describe themselves with the ``summary`` their YAML already has; the
special pages (site map) have one short sentence each here. Material prints
``page.meta.description`` (``SiteViews.meta`` puts it there); a page without one would fall
back to the site's description, identical on every page. Search engines show about 160
characters, so a longer summary is cut after its last whole sentence that fits (if
that leaves enough to say something), or else after its last whole word, with an ellipsis.
"""

from __future__ import annotations

import re

from content_model.loader import Playbook
from content_model.markdown_text import collapse_spaces
from content_model.site_map import SitePage

#: What search engines show of a description.
MAX_LENGTH = 160
#: Whole sentences shorter than this say too little: the words that fit are kept instead.
MIN_SENTENCES = 100

#: The special pages of the site map, by id: one sentence on what the page offers.
SPECIAL: dict[str, str] = {
    "start": (
        "Klartext, das Vertriebs-Playbook: heikle Kundengespräche führen und fair entscheiden, "
        "wann sich ein Kunde nicht mehr lohnt – mit Einstiegspfad, Rechnern und Workshop."
    ),
    "einstieg": (
        "Der Einstieg für neue Kolleginnen und Kollegen: welche Kapitel Sie in welcher "
        "Reihenfolge lesen und wie Sie Ihren Fortschritt auf diesem Gerät sehen."
    ),
    "checklisten": (
        "Alle Checklisten des Playbooks auf einer Seite, zum Abhaken vor und nach dem "
        "Gespräch; die Häkchen bleiben nur auf Ihrem Gerät."
    ),
    "einwaende": (
        "Einwände, die Kunden im Gespräch vorbringen, an einem Ort gesammelt und nach "
        "Gesprächsschritt geordnet, jeweils mit dem Kapitel, aus dem sie stammen."
    ),
    "vorlagen": (
        "Alle Vorlagen zum Ausfüllen, vom Ergebnisprotokoll bis zur Abschiedsmail: Der Text "
        "wächst mit Ihren Angaben und lässt sich kopieren oder speichern."
    ),
    "rechner": (
        "Alle Rechner des Playbooks: Sie rechnen vollständig im Browser, Ihre Zahlen "
        "verlassen das Gerät nicht, auch ohne Netz."
    ),
    "glossar": (
        "Die Fachbegriffe des Playbooks, jeweils kurz erklärt und mit den Kapiteln "
        "verlinkt, die mehr dazu sagen."
    ),
    "workshop": (
        "Links und QR-Codes zu jedem Kapitel für den Workshop, dazu Karten zum Ausdrucken "
        "für die Übungen in der Gruppe."
    ),
    "rollenspiele": (
        "Rollenspiele aus den Fällen Hansen Großhandel und Berger Logistik: Rollenkarten für "
        "Kunde und Vertrieb und ein Beobachtungsbogen zum Üben zu dritt."
    ),
    "fuer-trainer": (
        "Für alle, die mit dem Playbook einarbeiten und Workshops leiten: Lernziel, "
        "Zeitbedarf, Übung und typische Fehler zu jedem Kapitel."
    ),
    "gespraech-auf-einen-blick": (
        "Das heikle Kundengespräch auf einer Seite: Agenda mit Zeitboxen, Kernsätze, die drei "
        "Optionen mit Wenn-dann-Aussage und die Erfolgskennzahl, zum Ausdrucken."
    ),
    "ausstieg-auf-einen-blick": (
        "Der respektvolle Ausstieg auf einer Seite: die 3-S-Formel, die Zeitboxen, was in die "
        "CRM-Notiz gehört und wann Sie sich wieder melden, zum Ausdrucken."
    ),
}

LABELLED_REFERENCE = re.compile(r"\[\[[^\]|]+\|([^\]]+)\]\]")
REFERENCE = re.compile(r"\[\[([^\]|]+)\]\]")
MARKUP = re.compile(r"[*_`]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def plain(text: str, playbook: Playbook) -> str:
    """``text`` without references and emphasis: a reference reads as its link text."""
    text = LABELLED_REFERENCE.sub(lambda match: match.group(1), text)

    def title(match: re.Match[str]) -> str:
        target = playbook.targets.get(match.group(1))
        return target.title if target else match.group(1)

    return collapse_spaces(MARKUP.sub("", REFERENCE.sub(title, text))).strip()


def shortened(text: str, limit: int = MAX_LENGTH) -> str:
    """``text`` if it fits; else its whole sentences that fit, or its whole words and "…"."""
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in SENTENCE_END.split(text):
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > limit:
            break
        kept = candidate
    if len(kept) >= MIN_SENTENCES:
        return kept
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ") + "…"


def page_description(playbook: Playbook, page: SitePage) -> str | None:
    """The description of one page of the site map; ``None`` for a special page without one.

    A new special page without an entry in ``SPECIAL`` still builds (Material then prints the
    site's description); ``tests/site/test_manifest.py`` reports it.
    """
    if page.kind == "chapter":
        summary = playbook.chapter_by_id[page.id].summary
    elif page.kind == "part":
        summary = next(part.summary for part in playbook.parts if part.id == page.id)
    elif page.id in SPECIAL:
        summary = SPECIAL[page.id]
    else:
        return None
    return shortened(plain(summary, playbook))
