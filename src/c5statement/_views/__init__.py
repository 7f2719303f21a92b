"""The views of every object, one module per output format, over one layout.

:mod:`._layout` decides what each object shows (its facts, sections, rows,
labels and counts); each format module only writes it, escaping every text for
its target, and registers one function per class and view with
:func:`c5statement._display.register`. The package loads this module on the
first view asked for.

A new format is one new module here, imported below, and its registration
below: the name ``--format`` takes on the command line, the view it draws, and
whether it is text for a terminal or a document. The command line offers a
format for every class that has its view.
"""

from __future__ import annotations

from c5statement._display import register_format

from . import _csv, _html, _json, _latex, _markdown, _text  # noqa: F401 - imported to register their views

__all__: list[str] = []

# The order here is the order in which the command line lists the formats.
register_format("text", terminal=True)
register_format("markdown")
register_format("json")
register_format("html", "html-document")
register_format("csv")
register_format("latex")
