"""Tabbed blocks switch by their radio buttons and the style sheet alone.

``pymdownx.tabbed`` marks each tab set ``data-tabs="<set>:<tabs>"``, and Material's script
starts a tab component for every element so marked when a page starts. The component draws
the sliding line under the chosen tab: for each set it measures the chosen label and the
set's scroll position, then writes the line's place into the set's style, so each next set
is measured from a page whose style just changed. On a phone that was a third of the long
task in which Material starts on a chapter with five sets of "So formulieren Sie" /
"Besser nicht" (issue 20). The tabs themselves need no script: each is a radio button, and
Material's style sheet shows the block of the chosen one.

So the build drops the mark and Material starts no component; ``tab-sets.css`` underlines
the chosen tab instead of the sliding line. What readers lose: the line no longer slides,
and choosing a tab no longer chooses the tab of the same name in the page's other sets
(Material's ``content.tabs.link``, off in ``mkdocs.yml``).

Plain functions of a string, like the page's other finishing steps.
"""

from __future__ import annotations

import re

#: The opening tag of a tab set as ``pymdownx.tabbed`` writes it (alternate style).
MARKED_SET = re.compile(r'<div class="(?P<classes>tabbed-set[^"]*)" data-tabs="\d+:\d+">')


def without_tab_component(html: str) -> str:
    """``html`` with each tab set's ``data-tabs`` mark dropped."""
    return MARKED_SET.sub(lambda match: f'<div class="{match.group("classes")}">', html)
