"""The playbook's content model: strict YAML in, validated models out, Markdown pages rendered.

The flow: ``loader`` (YAML -> validated ``Playbook``, every problem located) -> ``site_map``
(which pages exist) -> ``views`` (what each page shows, prepared) -> ``render`` (templates lay
the views out). Nothing here imports MkDocs, so the model outlives the site generator
(MkDocs 2.0 drops the plugin system); ``site_hooks`` only connects these functions to MkDocs
events.
"""
