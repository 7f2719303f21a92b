"""Sphinx configuration of the c5statement documentation.

Build with warnings as errors, then run every example::

    python -m sphinx -W -b html docs docs/_build/html
    python -m sphinx -W -b doctest docs docs/_build/doctest
"""

from __future__ import annotations

import doctest
import sys
from importlib.metadata import version as _version
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_ext"))

project = "c5statement"
author = "The c5statement developers"
copyright = "2026, The c5statement developers"
release = _version("c5statement")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "shell_session",
    "meetings_table",
    "pictures",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
nitpicky = False

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"c5statement {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

# Exceptions are compared in full, their messages included (Sphinx ignores the
# details by default), as ``pytest --doctest-modules`` compares them.
doctest_default_flags = doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1

# Every page's examples run in a fresh, empty working folder, with the package's
# public names imported, so that a page reads like a session a reader can repeat.
# `shell(...)` runs a command line with the `c5statement` of this Python's
# environment; the `{shell}` directive (docs/_ext/shell_session.py) writes those calls.
doctest_global_setup = f"""
import os as _os
import shutil as _shutil
import tempfile as _tempfile
from pathlib import Path
from c5statement import *
from shell_session import shell
from hypothesis import HealthCheck as _HealthCheck, settings as _settings
# As in the tests (tests/conftest.py): slow generation on a busy machine is no failure of an example.
_settings.register_profile("docs", deadline=None, suppress_health_check=[_HealthCheck.too_slow])
_settings.load_profile("docs")
EXAMPLES = Path({str(DOCS.parent / "examples")!r})
try:  # as in the tests: generating examples slowly on a busy machine is not a failure of the docs
    from hypothesis import HealthCheck as _HealthCheck, settings as _settings
    _settings.register_profile("docs", suppress_health_check=[_HealthCheck.too_slow])
    _settings.load_profile("docs")
except ImportError:
    pass
_previous_folder = _os.getcwd()
_page_folder = _tempfile.mkdtemp(prefix="c5statement-docs-")
_os.chdir(_page_folder)
"""
doctest_global_cleanup = """
_os.chdir(_previous_folder)
_shutil.rmtree(_page_folder, ignore_errors=True)
"""
