"""Shared fixtures and Hypothesis profiles.

Profiles, chosen by the environment variable ``HYPOTHESIS_PROFILE``:

* ``dev`` (the default): few examples per property, so that the whole suite runs
  in about a minute while working;
* ``ci``: many examples, derandomised so that a run is reproducible; ``.ci/run``
  selects it on the newest Python;
* ``matrix``: the examples of ``dev``, derandomised; ``.ci/run`` selects it on the
  older Pythons, which check that the package works there, not the laws in depth.

Test files do not set their own example counts; a test that needs more than
others asks for a multiple of the profile's count, and says why.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

_SLOW_IS_FINE = [HealthCheck.too_slow]
settings.register_profile("dev", max_examples=20, deadline=None, suppress_health_check=_SLOW_IS_FINE)
settings.register_profile(
    "matrix", max_examples=20, deadline=None, derandomize=True, suppress_health_check=_SLOW_IS_FINE
)
settings.register_profile("ci", max_examples=300, deadline=None, derandomize=True, suppress_health_check=_SLOW_IS_FINE)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def seed_article() -> str:
    """The seed article, exactly as published."""
    return (DATA / "seed_article.txt").read_text(encoding="utf-8")
