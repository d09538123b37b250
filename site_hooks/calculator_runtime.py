"""Publish the calculator runtime: self-hosted Pyodide, trimmed stdlib, settings, calculators.

What goes out and why is ``bundler.calculator_runtime``; it compiles the runtime's bytecode
once per build and derives every file from it. This hook adds those files to the site and
turns a missing Pyodide or Node.js into a clean build error.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from bundler.calculator_runtime import runtime_files
from bundler.runtime_bytecode import BytecodeError


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add every file of the runtime, generated or copied from the npm package."""
    try:
        published = runtime_files(Path(config.config_file_path).resolve().parent)
    except BytecodeError as error:
        raise PluginError(str(error)) from None
    for uri, source in published.items():
        if isinstance(source, Path):
            files.append(File.generated(config, uri, abs_src_path=str(source)))
        else:
            files.append(File.generated(config, uri, content=source))
    return files
