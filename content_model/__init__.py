"""The playbook's content model: strict YAML in, validated models out, Markdown pages rendered.

Nothing here imports MkDocs, so the model outlives the site generator (MkDocs 2.0 drops the
plugin system); ``site_hooks`` only connects these functions to MkDocs events.
"""
