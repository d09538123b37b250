"""Static checks of the built site: a policy on every page, nothing foreign, nothing inline."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from content_model.security_policy import policy_for, source_hash, with_policy

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]+)">')
#: Attributes through which a page loads something.
LOADING = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\ssrc=["'](?P<src>[^"']+)"""
    r"""|<link\b(?=[^>]*\srel=["'](?:stylesheet|preload|modulepreload|icon|manifest)["'])[^>]*\shref=["'](?P<href>[^"']+)"""
)
CSS_URL = re.compile(r"""url\(\s*["']?(?P<url>[^"')]+)""")
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def is_foreign(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme in ("http", "https") or url.startswith("//"))


def test_every_page_carries_a_strict_policy(real_site: Path) -> None:
    assert len(pages(real_site)) > 20
    for page in pages(real_site):
        match = META.search(page.read_text(encoding="utf-8"))
        assert match, page
        policy = match.group("policy")
        assert "'unsafe-inline'" not in policy
        assert "'unsafe-eval'" not in policy
        assert "script-src 'self' 'wasm-unsafe-eval'" in policy.replace("&#x27;", "'")
        assert "default-src 'none'" in policy


def test_nothing_loads_from_another_host(real_site: Path) -> None:
    foreign = []
    for page in pages(real_site):
        for match in LOADING.finditer(page.read_text(encoding="utf-8")):
            url = match.group("src") or match.group("href")
            if is_foreign(url):
                foreign.append(f"{page.relative_to(real_site)}: {url}")
    for sheet in sorted(real_site.rglob("*.css")):
        for match in CSS_URL.finditer(sheet.read_text(encoding="utf-8")):
            if is_foreign(match.group("url")):
                foreign.append(f"{sheet.relative_to(real_site)}: {match.group('url')}")
    assert foreign == []


def test_no_inline_event_handlers_or_javascript_urls(real_site: Path) -> None:
    for page in pages(real_site):
        text = page.read_text(encoding="utf-8")
        assert not EVENT_HANDLER.search(text), page
        assert "javascript:" not in text.lower(), page


@pytest.mark.parametrize(
    ("document", "expected", "absent"),
    [
        ("<head><script>run()</script></head>", source_hash("run()"), "'unsafe-inline'"),
        (
            '<head><script type="application/json">{"a": 1}</script></head>',
            "script-src 'self' 'wasm-unsafe-eval';",
            "sha256",
        ),
        (
            '<head><script src="a.js"></script></head>',
            "script-src 'self' 'wasm-unsafe-eval';",
            "sha256",
        ),
        (
            '<head><p style="text-align: right;">x</p></head>',
            f"'unsafe-hashes' {source_hash('text-align: right;')}",
            "'unsafe-inline'",
        ),
        (
            "<head><style>p{}</style></head>",
            f"style-src 'self' {source_hash('p{}')}",
            "unsafe-hashes",
        ),
    ],
)
def test_policy_allows_exactly_the_inline_code_of_the_page(
    document: str, expected: str, absent: str
) -> None:
    policy = policy_for(document)
    assert expected in policy
    assert absent not in policy


def test_policy_is_placed_before_every_script() -> None:
    document = '<html><head>\n<meta charset="utf-8"><script>x()</script></head></html>'
    placed = with_policy(document)
    assert placed.index("Content-Security-Policy") < placed.index("<script>")
    assert placed.index('<meta charset="utf-8">') < placed.index("Content-Security-Policy")


def test_without_wasm_the_policy_forbids_webassembly() -> None:
    assert "wasm-unsafe-eval" not in policy_for("<head></head>", wasm=False)
