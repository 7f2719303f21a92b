"""Parse the points of a statement from its text, then write a skeleton to fill in.

The text in ``examples/data/fmm-2024-illustrative.txt`` is ILLUSTRATIVE: written
for these examples, not an official statement. Run it as it is::

    python examples/parse_text.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from c5statement import InvalidStatementError, from_dict, parse_points, skeleton

TEXT = Path(__file__).resolve().parent / "data" / "fmm-2024-illustrative.txt"


def main() -> int:
    """Print the parsed points, then show that the skeleton is rejected until filled in."""
    text = TEXT.read_text(encoding="utf-8")
    for point in parse_points(text):
        print(f"{point.number}. {point.text}")
    print()
    document = skeleton(text, source_title="Illustrative statement text")
    try:
        from_dict(document)
    except InvalidStatementError as error:
        print(f"The skeleton still has {len(error.errors)} places to fill in, for example:")
        for path, reason in error.errors[:3]:
            print(f"  {path}: {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
