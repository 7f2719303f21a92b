"""Coding layers: agreement between two codings, and whether themes count in match scores.

A point's codes are kept per scheme and coder (:class:`~c5statement.Coding`);
the packaged themes are one scheme, ``"themes"``, whose record coding is
:attr:`Point.themes <c5statement.Point.themes>`. This module measures how far
two codings agree over the points both coded: the share of points given the
same codes (percent agreement) and Krippendorff's alpha for nominal data, which
corrects that share for the agreement expected by chance.

Coding never changes which points match: the alignment reads the texts, and
themes count in its scores only inside :func:`themes_in_scores`.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections import defaultdict
from typing import TYPE_CHECKING

import attrs

from ._model import THEMES_SCHEME, Meeting, Point

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable, Iterator, Sequence

__all__ = ["Agreement", "agreement", "krippendorff_alpha", "scores_use_themes", "themes_in_scores"]

_THEMES_IN_SCORES: contextvars.ContextVar[bool] = contextvars.ContextVar("themes_in_scores", default=False)


def scores_use_themes() -> bool:
    """Whether match scores count the points' themes here (only inside :func:`themes_in_scores`).

    Example:
        >>> scores_use_themes()
        False
    """
    return _THEMES_IN_SCORES.get()


@contextlib.contextmanager
def themes_in_scores() -> Iterator[None]:
    """Let the points' themes count in match scores, within the ``with`` block.

    By default a point's coding changes no match score: recoding a point leaves
    every diff's matches as they were. Inside this block, two points that both
    have themes score higher the more themes they share (the weight of
    :data:`c5statement._align.THEME_WEIGHT`), as in version 0.1.

    Example:
        >>> from c5statement import Point, similarity
        >>> a = Point(1, "all parties will deepen trade.", frozenset({"trade"}))
        >>> b = Point(2, "all parties will fight terrorism.", frozenset({"trade"}))
        >>> plain = similarity(a, b)
        >>> with themes_in_scores():
        ...     themed = similarity(a, b)
        >>> themed > plain
        True
    """
    token = _THEMES_IN_SCORES.set(True)
    try:
        yield
    finally:
        _THEMES_IN_SCORES.reset(token)


def krippendorff_alpha(units: Iterable[Sequence[Hashable | None]]) -> float | None:
    """Return Krippendorff's alpha for nominal data.

    Args:
        units: One sequence per unit of analysis, holding each coder's value
            (any hashable value; ``None`` where a coder gave none). Units with
            fewer than two values are not pairable and are left out.

    Returns:
        Alpha: 1 for perfect agreement, 0 for agreement at chance level,
        below 0 for systematic disagreement; ``None`` when it is undefined
        (fewer than two pairable values, or every value the same).

    Example:
        Krippendorff's worked example for two coders and binary data gives 0.095:

        >>> a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
        >>> b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
        >>> round(krippendorff_alpha(zip(a, b)), 3)
        0.095
    """
    coincidences: defaultdict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for unit in units:
        values = [value for value in unit if value is not None]
        pairable = len(values) - 1
        if pairable < 1:
            continue
        for first_index, first in enumerate(values):
            for second_index, second in enumerate(values):
                if first_index != second_index:
                    coincidences[first, second] += 1 / pairable
    totals: defaultdict[Hashable, float] = defaultdict(float)
    for (value, _), count in coincidences.items():
        totals[value] += count
    pairs = sum(totals.values())
    observed = sum(count for (first, second), count in coincidences.items() if first != second)
    expected = sum(totals[first] * totals[second] for first in totals for second in totals if first != second)
    if pairs < 2 or expected == 0:  # noqa: PLR2004 - alpha needs two values
        return None
    return 1 - (pairs - 1) * observed / expected


@attrs.frozen
class Agreement:
    """How far two codings agree; see :func:`agreement`.

    Attributes:
        first: The first coding, as ``"scheme"`` or ``"scheme/coder"``.
        second: The second coding, likewise.
        units: The points coded in both, over which agreement is measured.
        skipped: The points coded in one of the two only, or in neither.
        agreed: The points given the same codes (or, for one code, both giving
            it or both not).
        percent: ``agreed / units`` (``None`` if no point was coded in both).
        alpha: Krippendorff's alpha, nominal (``None`` where undefined).

    Example:
        >>> Agreement("themes", "themes/b", 4, 0, 3, 0.75, 0.5).percent
        0.75
    """

    first: str
    second: str
    units: int
    skipped: int
    agreed: int
    percent: float | None
    alpha: float | None


def _label(coding: str | tuple[str, str | None]) -> tuple[str, str | None, str]:
    scheme, coder = (coding, None) if isinstance(coding, str) else coding
    return scheme, coder, scheme if coder is None else f"{scheme}/{coder}"


def _points(items: Meeting | Point | Iterable[Meeting | Point]) -> list[Point]:
    found: list[Point] = []
    for item in (items,) if isinstance(items, (Meeting, Point)) else items:
        if isinstance(item, Meeting):
            found.extend(item.points)
        elif isinstance(item, Point):
            found.append(item)
        else:
            msg = f"agreement() reads meetings or points, got {type(item).__name__}"
            raise TypeError(msg)
    return found


def agreement(
    items: Meeting | Point | Iterable[Meeting | Point],
    first: str | tuple[str, str | None] = THEMES_SCHEME,
    second: str | tuple[str, str | None] = THEMES_SCHEME,
    *,
    code: str | None = None,
) -> Agreement:
    """Measure the agreement of two codings of the same points: two schemes, or two coders of one.

    Args:
        items: A meeting, a point, or several of either: every point is a unit.
        first: The first coding: a scheme (``"themes"``, ``"cap"``), or a pair
            ``(scheme, coder)`` for one coder's codes. ``"themes"`` alone is the
            record's own :attr:`Point.themes <c5statement.Point.themes>`.
        second: The second coding, likewise.
        code: If given, compare only whether each coding gives this code
            (binary); otherwise each point's whole set of codes is one nominal
            value, agreeing only if the sets are equal.

    Returns:
        Percent agreement and Krippendorff's alpha (nominal) over the points
        coded in both; points that either leaves uncoded are counted as
        skipped, never as agreement or disagreement.

    Example:
        >>> from c5statement import Coding, Point
        >>> def coded(number, mine, theirs):
        ...     other = Coding("themes", frozenset(theirs), coder="b")
        ...     return Point(number, "all parties agree.", frozenset(mine), codings=(other,))
        >>> points = [coded(1, {"trade"}, {"trade"}), coded(2, {"energy"}, {"trade"}),
        ...           coded(3, {"energy"}, {"energy"}), coded(4, {"health"}, {"health"})]
        >>> result = agreement(points, "themes", ("themes", "b"))
        >>> result.units, result.agreed, result.percent, round(result.alpha, 3)
        (4, 3, 0.75, 0.667)
    """
    first_scheme, first_coder, first_label = _label(first)
    second_scheme, second_coder, second_label = _label(second)
    units: list[tuple[Hashable, Hashable]] = []
    skipped = 0
    for point in _points(items):
        one, two = point.codes(first_scheme, first_coder), point.codes(second_scheme, second_coder)
        if one is None or two is None:
            skipped += 1
        elif code is None:
            units.append((one, two))
        else:
            units.append((code in one, code in two))
    agreed = sum(1 for one, two in units if one == two)
    return Agreement(
        first=first_label,
        second=second_label,
        units=len(units),
        skipped=skipped,
        agreed=agreed,
        percent=agreed / len(units) if units else None,
        alpha=krippendorff_alpha(units),
    )
