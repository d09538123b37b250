"""The playbook's calculators: every number and rule of the playbook as plain Python.

Standard library only, no I/O, no clock, no randomness ("today" is always an input), so the
very same code runs in CPython under pytest and in the browser under Pyodide. The single
entry point for both is :mod:`calculators.boundary`.
"""
