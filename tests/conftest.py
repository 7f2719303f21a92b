"""Shared fixtures and Hypothesis profiles.

Profiles: ``default`` for local runs, ``ci`` (chosen when ``CI`` is set) derandomised
so that a run is reproducible. Tests of laws ask for their own, larger example counts.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "default"))

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def seed_article() -> str:
    """The seed article, exactly as published."""
    return (DATA / "seed_article.txt").read_text(encoding="utf-8")
