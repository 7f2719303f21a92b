"""The packaged canonical records, read through the public converter on first use."""

from __future__ import annotations

import functools
import pkgutil

from ._convert import from_json
from ._model import Meeting

__all__ = ["meeting_2020"]


@functools.cache
def meeting_2020() -> Meeting:
    """Load and cache the canonical record of the 16 July 2020 meeting."""
    data = pkgutil.get_data("c5statement", "data/meeting_2020.json")
    if data is None:  # pragma: no cover - only a broken installation lacks it
        msg = "c5statement/data/meeting_2020.json is missing from the installation"
        raise FileNotFoundError(msg)
    return from_json(data, Meeting)
