"""MkDocs hooks: thin adapters from MkDocs events to the plain modules that do the work."""
