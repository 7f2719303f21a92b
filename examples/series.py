"""Follow themes and points across three statements: 2020, 2021 and 2024.

MEETING_2020 is the canonical record; the 2021 and 2024 records in
``examples/data/`` are ILLUSTRATIVE (their points are written for these
examples, and each says so in its data). Run it as it is::

    python examples/series.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from c5statement import MEETING_2020, THEMES, Meeting, compare, load

DATA = Path(__file__).resolve().parent / "data"


def statements() -> list[Meeting]:
    """Return the 2020 record and the illustrative 2021 and 2024 records, in date order."""
    later: list[Meeting] = [load(DATA / "fmm-2021-illustrative.json"), load(DATA / "fmm-2024-illustrative.json")]
    return [MEETING_2020, *later]


def main() -> int:
    """Print the series view, then where each 2020 point can still be traced."""
    meetings = statements()
    for meeting in meetings:
        label = "illustrative" if meeting.illustrative else "canonical"
        print(f"{meeting.date}  {meeting.id}  ({label}, {len(meeting.points)} points)")
    print()
    series = compare(meetings)
    print(series.to_text(color=False))
    print()
    print("The 2020 points, traced through the series:")
    for point in MEETING_2020.points:
        numbers = series.lineage_of(0, point.number).numbers
        trail = " -> ".join("-" if number is None else str(number) for number in numbers)
        labels = ", ".join(THEMES[slug].label if slug in THEMES else slug for slug in sorted(point.themes))
        print(f"  {trail:14}  {labels}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
