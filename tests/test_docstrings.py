"""Every example in the package's docstrings runs and shows what it says."""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil

import pytest
from hypothesis import settings

import c5statement

MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(c5statement.__path__, prefix="c5statement.")
    if name != "c5statement.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    """The module's doctests pass."""
    module = importlib.import_module(name)
    # The strategies' examples show how to draw and test; they run with the default profile's
    # few examples under any profile (the laws themselves are tested in depth elsewhere).
    settings.load_profile("dev")
    try:
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    finally:
        settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def test_public_names_have_examples() -> None:
    """Every public function and class has a docstring with an example."""
    missing = []
    for name in c5statement.__all__:
        value = getattr(c5statement, name)
        if callable(value) and not isinstance(value, type(c5statement.MEETING_2020)):
            doc = getattr(value, "__doc__", None) or ""
            if ">>>" not in doc:
                missing.append(name)
    assert missing == []
