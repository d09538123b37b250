"""Redirects declared in content/redirects.yml: checked like every other reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from content_model.contract import CONTRACT
from content_model.loader import load_playbook
from content_model.problems import ContentError
from content_model.redirects import redirect_pages

ROOT = Path(__file__).resolve().parents[2]


def declare(content: Path, body: str) -> None:
    (content / "redirects.yml").write_text(f"redirects:\n{body}", encoding="utf-8")


def problems_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_playbook(content)
    return [str(problem).split("/content/", 1)[-1] for problem in raised.value.problems]


def test_without_the_file_there_are_no_redirects(content: Path) -> None:
    assert not (content / "redirects.yml").exists()
    assert load_playbook(content).redirects == []


def test_an_old_address_forwards_to_the_step_it_names(content: Path) -> None:
    declare(content, "  - old: alt/senden/\n    ref: alle-bausteine#schritt-senden\n")
    [page] = redirect_pages(load_playbook(content), ROOT / "templates")
    assert page.dest_uri == "alt/senden/index.html"
    assert (
        '<meta http-equiv="refresh" content="0; url=../../teil-eins/alle-bausteine/#schritt-senden">'
        in page.html
    )
    assert '<a href="../../teil-eins/alle-bausteine/#schritt-senden">Senden</a>' in page.html
    # No inline code: the only script is the file that keeps a deep link's fragment.
    assert re.findall(r"<script[^>]*>[^<]*", page.html) == [
        f'<script src="../../{CONTRACT.redirect.fragment_keeper_uri}">'
    ]


def test_the_fragment_keeper_lives_where_the_contract_says() -> None:
    """The script every forwarding page loads is a file in docs/ at the contract's address."""
    keeper = ROOT / "docs" / CONTRACT.redirect.fragment_keeper_uri
    assert keeper.is_file()
    assert "http-equiv" in keeper.read_text(encoding="utf-8")  # the forwarding script itself


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "  - old: alt/\n    ref: gibt-es-nicht\n",
            [
                "content/redirects.yml:3:10: redirects.0.ref: reference 'gibt-es-nicht' points nowhere"
            ],
            id="target-missing",
        ),
        pytest.param(
            "  - old: teil-eins/alle-bausteine/\n    ref: glossar\n",
            [
                "content/redirects.yml:2:10: redirects.0.old: 'teil-eins/alle-bausteine/' "
                "is the address of a current page, not an old one"
            ],
            id="old-is-a-current-page",
        ),
        pytest.param(
            "  - old: alt/\n    ref: glossar\n  - old: alt/\n    ref: einstieg\n",
            ["content/redirects.yml:4:10: redirects.1.old: 'alt/' is declared twice"],
            id="declared-twice",
        ),
        pytest.param(
            "  - old: /alt\n    ref: glossar\n",
            [
                "content/redirects.yml:2:10: redirects.0.old: String should match pattern "
                "'^(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+$'"
            ],
            id="not-a-site-path",
        ),
    ],
)
def test_a_broken_redirect_is_located(content: Path, body: str, expected: list[str]) -> None:
    declare(content, body)
    assert problems_of(content) == expected
