"""Build (or reuse) the bytecode the browser runs: trimmed stdlib and compiled calculators.

Stock Pyodide compiles some 190 standard-library modules from source on every start, which
is most of its start-up time. ``trim_stdlib.mjs`` runs the shipped Pyodide under Node once,
lets the calculators answer every worked example, and compiles exactly the modules that were
loaded with Pyodide's own Python (see ``trim_stdlib.py``). That takes a few seconds, so the
result is kept in the build's cache folder (``bundler.cache``), keyed by everything it
depends on: the Pyodide package, the calculators' sources, the requests, the two scripts
and the folder the calculators are unpacked into.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bundler.calculator_archive import archive_members, build_archive
from calculators.registry import CALCULATORS
from calculators.rules import Rules, rules_as_data
from content_model.contract import CONTRACT

HERE = Path(__file__).resolve().parent
SCRIPTS = (HERE / "trim_stdlib.mjs", HERE / "trim_stdlib.py")
#: The files of the Pyodide package the bytecode depends on.
PYODIDE_INPUTS = ("package.json", "python_stdlib.zip", "pyodide.asm.wasm")
#: Where the calculators are unpacked inside Pyodide, as the browser's worker unpacks them;
#: their bytecode records this path, so it is part of the cache key.
EXTRACT_DIR = CONTRACT.runtime.extract_dir


class BytecodeError(RuntimeError):
    """Pyodide or Node.js is missing, or the Pyodide step failed; the message says what to do."""


@dataclass(frozen=True)
class RuntimeBytecode:
    """The two zips: the standard library for ``stdLibURL`` and the calculators' pycs."""

    stdlib: bytes
    calculators: bytes


def warm_up_requests(rules: Rules) -> list[str]:
    """Payloads that walk every calculator's paths: defaults, examples, a bad value each.

    They carry no rules: the calculators read the ``rules.json`` published with them, as they
    do in the browser, so that path is compiled too.
    """
    payloads: list[dict[str, object]] = [{"calculator": "unbekannt", "fields": {}}]
    for declaration in CALCULATORS.values():
        calculator = declaration.bind(rules)
        payloads.append({"calculator": calculator.id, "fields": calculator.defaults()})
        payloads.extend(
            {"calculator": calculator.id, "fields": dict(example.inputs)}
            for example in calculator.examples
        )
        for field in calculator.inputs:
            broken = {**calculator.defaults(), field.name: "x?"}
            payloads.append({"calculator": calculator.id, "fields": broken})
    return [json.dumps(payload, ensure_ascii=False, sort_keys=True) for payload in payloads]


def cache_key(pyodide_dir: Path, calculators_dir: Path, requests: list[str], rules: Rules) -> str:
    """A hash over every input of the Node step."""
    digest = hashlib.sha256()
    inputs = [pyodide_dir / name for name in PYODIDE_INPUTS]
    inputs += [*SCRIPTS, *archive_members(calculators_dir)]
    for path in inputs:
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(json.dumps(requests).encode())
    digest.update(json.dumps(rules_as_data(rules), sort_keys=True).encode())
    digest.update(EXTRACT_DIR.encode())
    return digest.hexdigest()[:20]


def _run_node(
    pyodide_dir: Path, calculators_dir: Path, requests: list[str], rules: Rules
) -> RuntimeBytecode:
    node = shutil.which("node")
    if node is None:
        raise BytecodeError("Node.js is needed to precompile the calculators; run `make setup`")
    with tempfile.TemporaryDirectory(prefix="klartext-bytecode-") as folder:
        work = Path(folder)
        archive = build_archive(calculators_dir, rules=rules_as_data(rules))
        (work / "calculators.zip").write_bytes(archive)
        command = [
            node,
            str(SCRIPTS[0]),
            str(pyodide_dir),
            EXTRACT_DIR,
            str(work / "calculators.zip"),
            str(work / "stdlib.zip"),
            str(work / "bytecode.zip"),
        ]
        completed = subprocess.run(
            command,
            input=json.dumps(requests),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if completed.returncode != 0:
            raise BytecodeError(f"precompiling in Pyodide failed:\n{completed.stderr[-2000:]}")
        return RuntimeBytecode(
            stdlib=(work / "stdlib.zip").read_bytes(),
            calculators=(work / "bytecode.zip").read_bytes(),
        )


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.replace(temporary, path)


def runtime_bytecode(
    pyodide_dir: Path, calculators_dir: Path, cache: Path, rules: Rules
) -> RuntimeBytecode:
    """The bytecode for these sources under ``rules``, from ``cache`` or freshly compiled."""
    requests = warm_up_requests(rules)
    key = cache_key(pyodide_dir, calculators_dir, requests, rules)
    stdlib_path, calculators_path = cache / f"stdlib-{key}.zip", cache / f"pyc-{key}.zip"
    if stdlib_path.is_file() and calculators_path.is_file():
        return RuntimeBytecode(stdlib_path.read_bytes(), calculators_path.read_bytes())
    fresh = _run_node(pyodide_dir, calculators_dir, requests, rules)
    _write_atomically(stdlib_path, fresh.stdlib)
    _write_atomically(calculators_path, fresh.calculators)
    return fresh
