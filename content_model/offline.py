"""The offline precache: which files of a built site to cache, and under which version.

Kept apart from MkDocs so the benchmark and tests can compute it for any built folder.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from content_model.contract import CONTRACT

#: Files a reader never needs offline (the service worker is fetched by the browser itself).
SKIPPED = frozenset({CONTRACT.offline.service_worker_uri, "sitemap.xml", "sitemap.xml.gz"})
#: Compressed copies for the host (bundler.precompress); the browser gets them transparently.
PRECOMPRESSED = frozenset({".br", ".gz"})
#: Source maps (Material's bundle and search worker, about 0.2 MB as served): only developer
#: tools fetch them, never a reader, so the first visit does not download them.
DEVELOPER_ONLY = frozenset({".map"})


def precache_urls(site: Path) -> list[str]:
    """Every published file as a URL relative to the site root; pages by their folder URL."""
    urls: list[str] = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if (
            not path.is_file()
            or relative in SKIPPED
            or relative.startswith(".")
            or path.suffix in PRECOMPRESSED
            or path.suffix in DEVELOPER_ONLY
        ):
            continue
        if relative == "index.html":
            urls.append("./")
        elif relative.endswith("/index.html"):
            urls.append(relative.removesuffix("index.html"))
        else:
            urls.append(relative)
    return urls


def file_of(url: str) -> str:
    """The file behind a precache URL (folder URLs serve their index.html)."""
    if url == "./":
        return "index.html"
    return f"{url}index.html" if url.endswith("/") else url


def content_version(site: Path, urls: list[str]) -> str:
    """A short hash over the names and bytes of every precached file."""
    digest = hashlib.sha256()
    for url in urls:
        path = site / file_of(url)
        digest.update(url.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def service_worker_source(site: Path, templates: Path) -> str:
    """The service worker script for a built site; shared names come from the contract."""
    urls = precache_urls(site)
    environment = Environment(
        loader=FileSystemLoader(templates), undefined=StrictUndefined, autoescape=False
    )
    template = environment.get_template("offline/service-worker.js.j2")
    return template.render(
        version=content_version(site, urls),
        urls_json=json.dumps(urls, indent=1),
        contract=CONTRACT,
    )


def write_service_worker(site: Path, templates: Path) -> Path:
    """Write the service worker into a built site, at the contract's address; returns its path."""
    target = site / CONTRACT.offline.service_worker_uri
    target.write_text(service_worker_source(site, templates), encoding="utf-8")
    return target
