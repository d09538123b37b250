"""The Content-Security-Policy of a finished page: nothing but its own origin.

The policy is computed from the page's HTML: the theme's few inline scripts and inline
styles are allowed by their SHA-256 hashes, so neither ``'unsafe-inline'`` nor
``'unsafe-eval'`` is needed. Pyodide compiles WebAssembly, which is what
``'wasm-unsafe-eval'`` permits and nothing more. Hosts that can send headers may send the
same policy as a header (see the README).

Plain functions of a string, so every producer of HTML can use them: the security-policy
hook for MkDocs' pages, the content hook for the forwarding pages it writes itself.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
STYLE_ELEMENT = re.compile(r"<style[^>]*>(?P<body>.*?)</style>", re.DOTALL)
STYLE_ATTRIBUTE = re.compile(r"""\sstyle=(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""")
NOT_EXECUTED = re.compile(
    r"""\btype=["']?(?:application/json|application/ld\+json|text/template)"""
)
#: The policy goes right after the charset declaration (which must stay in the first 1024
#: bytes) and before any script, so it governs all of them.
HEAD = re.compile(r"<head[^>]*>\s*(?:<meta charset=[^>]*>)?")


def source_hash(text: str) -> str:
    """The CSP source expression for an inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy_for(document: str, *, wasm: bool = True) -> str:
    """The policy that allows exactly the inline code of ``document`` and nothing foreign."""
    scripts = sorted(
        {
            source_hash(match.group("body"))
            for match in SCRIPT.finditer(document)
            if "src=" not in match.group("attributes")
            and not NOT_EXECUTED.search(match.group("attributes"))
        }
    )
    styles = sorted(
        {source_hash(match.group("body")) for match in STYLE_ELEMENT.finditer(document)}
    )
    attributes = sorted(
        {
            source_hash(html.unescape(match.group("double") or match.group("single") or ""))
            for match in STYLE_ATTRIBUTE.finditer(document)
        }
    )
    script_src = ["'self'", *(["'wasm-unsafe-eval'"] if wasm else []), *scripts]
    style_src = ["'self'", *styles, *(["'unsafe-hashes'", *attributes] if attributes else [])]
    directives = {
        "default-src": ["'none'"],
        "script-src": script_src,
        "style-src": style_src,
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # blob: only for the one-line bootstrap that makes the calculator worker inherit
        # this policy; everything it imports must still be 'self'.
        "worker-src": ["'self'", "blob:"],
        "manifest-src": ["'self'"],
        "base-uri": ["'self'"],
        "form-action": ["'none'"],
        "object-src": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_policy(document: str, *, wasm: bool = True) -> str:
    """``document`` with the policy at the top of its head."""
    policy = html.escape(policy_for(document, wasm=wasm), quote=False).replace('"', "&quot;")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return HEAD.sub(lambda match: match.group(0) + meta, document, count=1)
