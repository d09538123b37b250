"""Changes to the markup Material writes on every page, applied to the finished HTML.

Material's ``base.html`` writes its drawer and search toggles as checkboxes with
``autocomplete="off"``, an attribute HTML allows on text-like inputs only (the Nu HTML
Checker reports it on every page); and its search partial gives the ``role="dialog"``
container no accessible name (Lighthouse's ``aria-dialog-name``). Neither sits inside a
template block we could override, and copying ``base.html`` or ``partials/search.html``
would fork about 300 lines of Material for two attributes. So the exact strings are
replaced here, and a page that no longer contains them is an error: after an upgrade of
Material the build says which repair no longer applies instead of silently shipping the
old defect again.

One more change marks the head's style sheet links ``blocking="render"`` (Material's two
and each ``extra_css`` entry, which no template block covers). They block the first paint
anyway, being in the head; the mark keeps them blocking once the early head script
(``templates/theme/partials/early-head-script.html``) gives them absolute addresses, and
that script leaves any link without the mark alone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Repair:
    """One exact replacement in Material's markup, and why it is needed."""

    find: str
    replace: str
    reason: str


#: The accessible name of Material's search dialog; the same word Material's German
#: translation uses for the search field and its button.
SEARCH_DIALOG_NAME = "Suche"

REPAIRS: tuple[Repair, ...] = (
    Repair(
        find='type="checkbox" id="__drawer" autocomplete="off">',
        replace='type="checkbox" id="__drawer">',
        reason="autocomplete is not allowed on a checkbox (drawer toggle)",
    ),
    Repair(
        find='type="checkbox" id="__search" autocomplete="off">',
        replace='type="checkbox" id="__search">',
        reason="autocomplete is not allowed on a checkbox (search toggle)",
    ),
    Repair(
        find='<div class="md-search" data-md-component="search" role="dialog">',
        replace=(
            '<div class="md-search" data-md-component="search" role="dialog" '
            f'aria-label="{SEARCH_DIALOG_NAME}">'
        ),
        reason="the search dialog needs an accessible name",
    ),
)


#: A style sheet link as Material's base template writes it, and the same link marked.
STYLESHEET_LINK = '<link rel="stylesheet" href='
RENDER_BLOCKING_STYLESHEET_LINK = '<link rel="stylesheet" blocking="render" href='


class MarkupChangedError(ValueError):
    """Material's markup no longer contains a string a repair expects."""


def repaired(document: str) -> str:
    """``document`` with every repair applied; each must match exactly once."""
    for repair in REPAIRS:
        count = document.count(repair.find)
        if count != 1:
            raise MarkupChangedError(
                f"Material's markup changed: expected {repair.find!r} once, found it "
                f"{count} time(s) ({repair.reason}); check content_model/theme_markup.py"
            )
        document = document.replace(repair.find, repair.replace)
    return with_render_blocking_stylesheets(document)


def with_render_blocking_stylesheets(document: str) -> str:
    """``document`` with every style sheet link of its head marked ``blocking="render"``."""
    head, separator, body = document.partition("</head>")
    if not separator or STYLESHEET_LINK not in head:
        raise MarkupChangedError(
            f"Material's markup changed: no {STYLESHEET_LINK!r} in the head (style sheet "
            "links marked render-blocking); check content_model/theme_markup.py"
        )
    return head.replace(STYLESHEET_LINK, RENDER_BLOCKING_STYLESHEET_LINK) + separator + body
