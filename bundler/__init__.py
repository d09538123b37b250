"""Build steps that need no MkDocs event: runtime, bytecode, precompression, cache, safe build."""
