"""How well keyword suggestions reproduce hand-assigned themes.

Prints micro-averaged precision and recall, per set of points:

* ``2020``: the nine points of :data:`c5statement.MEETING_2020` and their themes.
  The packaged keywords were written with these texts in view, so this figure is
  in-sample.
* ``illustrative``: statements written for the tests (``tests/data/illustrative_*.txt``),
  whose themes were assigned by hand (``*.themes.txt``) before the keywords were tuned;
  the keywords were then tuned on this set, so after tuning it is in-sample too.
* ``held-out``: a statement written for the tests (``tests/data/heldout_*.txt``), its
  themes assigned by hand before tuning, never used for tuning: the honest figure.

Run it from the repository root: ``python benchmarks/theme_suggestions.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from c5statement import MEETING_2020
from c5statement._parse import parse_points
from c5statement._suggest import suggest_themes

if TYPE_CHECKING:
    from collections.abc import Iterable

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"

Labelled = tuple[str, frozenset[str]]


def read_themes(path: Path) -> dict[int, frozenset[str]]:
    """Read a ``*.themes.txt`` file: lines of a point number then its theme slugs."""
    themes = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            number, *slugs = line.split()
            themes[int(number)] = frozenset(slugs)
    return themes


def labelled_set(prefix: str) -> list[Labelled]:
    """The points of the statements ``tests/data/<prefix>_*.txt`` with their hand-assigned themes."""
    labelled = []
    for themes_path in sorted(DATA.glob(f"{prefix}_*.themes.txt")):
        text_path = themes_path.with_name(themes_path.name.replace(".themes.txt", ".txt"))
        gold = read_themes(themes_path)
        points = parse_points(text_path.read_text(encoding="utf-8"))
        if sorted(gold) != [point.number for point in points]:
            msg = f"{themes_path.name} does not label exactly the points of {text_path.name}"
            raise ValueError(msg)
        labelled += [(point.text, gold[point.number]) for point in points]
    return labelled


def set_2020() -> list[Labelled]:
    """The 2020 points with their hand-assigned themes."""
    return [(point.text, point.themes) for point in MEETING_2020.points]


def scores(labelled: Iterable[Labelled]) -> tuple[float, float, int, int, int]:
    """Return micro precision, micro recall, true positives, suggested and assigned counts."""
    hits = suggested = assigned = 0
    for text, gold in labelled:
        guess = suggest_themes(text)
        hits += len(guess & gold)
        suggested += len(guess)
        assigned += len(gold)
    precision = hits / suggested if suggested else 1.0
    recall = hits / assigned if assigned else 1.0
    return precision, recall, hits, suggested, assigned


def main() -> None:
    """Print the figures for each set, and the misses and false alarms point by point."""
    sets = {"2020": set_2020(), "illustrative": labelled_set("illustrative"), "held-out": labelled_set("heldout")}
    for name, labelled in sets.items():
        precision, recall, hits, suggested, assigned = scores(labelled)
        print(
            f"{name:<13} points={len(labelled):>2}  micro precision={precision:.3f} ({hits}/{suggested})"
            f"  micro recall={recall:.3f} ({hits}/{assigned})"
        )
    for name, labelled in sets.items():
        for text, gold in labelled:
            guess = suggest_themes(text)
            if guess != gold:
                missed = ", ".join(sorted(gold - guess)) or "-"
                extra = ", ".join(sorted(guess - gold)) or "-"
                print(f"  {name}: missed {missed}; extra {extra}: {text[:70]}...")


if __name__ == "__main__":
    main()
