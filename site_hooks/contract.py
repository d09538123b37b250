"""Publish the shared names (``content_model.contract``) to the scripts and the theme.

Every build and every rebuild under ``mkdocs serve`` writes ``contract.mjs``, the module the
browser scripts import the names from, and gives the theme's templates the same contract as
the Jinja2 global ``contract``, so neither spells a shared name itself.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from content_model.contract import CONTRACT, CONTRACT_MODULE_URI, contract_module


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the generated ``contract.mjs``."""
    files.append(File.generated(config, CONTRACT_MODULE_URI, content=contract_module()))
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Let the theme's templates read the contract."""
    env.globals["contract"] = CONTRACT
    return env
