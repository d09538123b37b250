"""Bundle the site's entry modules after the build (``bundler.script_bundle``).

Every ``.mjs`` entry of ``extra_javascript`` is bundled in place, before the service worker
hashes the site and before the compressed copies are written (listed before ``offline.py``).
Under ``mkdocs serve`` the modules stay as they are, so an edited one shows at once.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bundler.script_bundle import BundleError, bundle_in_place
from site_hooks.build_state import serving


def on_post_build(*, config: MkDocsConfig) -> None:
    """Bundle each module entry point of the finished site."""
    if serving():
        return
    project = Path(config.config_file_path).resolve().parent
    for entry in config.extra_javascript:
        uri = str(entry)
        if not uri.endswith(".mjs"):
            continue
        try:
            bundle_in_place(Path(config.site_dir), uri, project)
        except BundleError as error:
            raise PluginError(str(error)) from None
