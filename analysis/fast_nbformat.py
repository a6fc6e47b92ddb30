"""Keeps ``import nbformat`` fast where JupyterLab is installed; a pytest plugin as well.

``nbformat`` (so papermill, nbconvert and nbval) imports ``jsonschema``, whose format module
imports ``rfc3987_syntax`` whenever it is installed; jupyter-events requires
``jsonschema[format-nongpl]``, so it is whenever JupyterLab is, and that package compiles an Earley
grammar at import time (1–2 s).
Notebook validation never checks the "iri" formats it serves. Importing this module first marks it
unavailable in this process only: the report runner does, and ``pytest -p analysis.fast_nbformat``
(in pyproject's addopts: nbval imports nbformat before any conftest) does for the tests. JupyterLab
itself is untouched.
"""

import sys


def skip_slow_iri_checker() -> None:
    """Mark ``rfc3987_syntax`` unavailable unless ``jsonschema`` is already imported."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)


skip_slow_iri_checker()
