"""MkDocs hooks: one thin adapter per feature from MkDocs events to the plain modules.

The hooks are the files listed under ``hooks:`` in mkdocs.yml; no hook imports another
(MkDocs loads each hook file as a module of its own). What they share is in the modules
not listed there: ``build_state`` (is this ``mkdocs serve``?) and ``native_file_events``
(the one use of MkDocs internals). ``tests/site/test_hooks.py`` keeps it that way.
"""
