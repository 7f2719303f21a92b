"""Builders shared by the test modules: later statements made from the 2020 record.

The tests folder is on the import path (``pythonpath`` in pyproject.toml), so a
test module imports these with ``from builders import later``.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import attrs

from c5statement import MEETING_2020, Meeting, Point

if TYPE_CHECKING:
    from collections.abc import Sequence

DAY = datetime.date(2021, 5, 12)
"""The date of the made-up meetings of the model tests."""


def make_meeting(**changes: object) -> Meeting:
    """A minimal illustrative meeting, with *changes* to its fields."""
    fields: dict[str, object] = {
        "id": "demo",
        "title": "Demo meeting",
        "level": "foreign-ministers",
        "date": DAY,
        "format": "in-person",
        "illustrative": True,
        **changes,
    }
    return Meeting(**fields)  # type: ignore[arg-type]


P = {point.number: point for point in MEETING_2020.points}
"""The 2020 points by number."""


def renumbered(points: Sequence[Point]) -> tuple[Point, ...]:
    """*points* numbered 1, 2, 3, ... in the order given."""
    return tuple(attrs.evolve(point, number=number) for number, point in enumerate(points, 1))


def later(points: Sequence[Point], **changes: object) -> Meeting:
    """An illustrative later statement with the 2020 facts and *points*, renumbered."""
    fields: dict[str, object] = {"id": "cc5-fmm-2021", "illustrative": True, **changes}
    return attrs.evolve(MEETING_2020, points=renumbered(points), **fields)  # type: ignore[arg-type]


def statement(identifier: str, year: int, points: Sequence[Point]) -> Meeting:
    """A made-up statement of *year* with the 2020 facts and *points*, renumbered."""
    return later(points, id=identifier, date=datetime.date(year, 5, 12))
