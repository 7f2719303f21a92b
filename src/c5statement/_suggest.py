"""Theme suggestions from keyword rules kept beside the vocabulary.

Each :class:`~c5statement.Theme` lists lowercase keywords: a word or phrase matches
at word boundaries, in any case, across any whitespace between its words; a
trailing ``*`` matches any ending (``agricultur*`` matches "agriculture" and
"agricultural"). Curly apostrophes count as straight ones. A theme is suggested
when any of its keywords occurs. Suggestions are only that: nothing here changes
a theme a person has set.

Arguments of the wrong type (``None`` or bytes for a text, a single string
for points) raise :class:`~c5statement.InvalidTypeError`, naming what was
expected.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import overload

import attrs

from ._check import type_name
from ._errors import InvalidTypeError
from ._model import Meeting, Point
from ._themes import THEMES, Theme

__all__ = ["suggest_themes", "with_suggested_themes"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@functools.lru_cache(maxsize=512)
def _pattern(keywords: tuple[str, ...]) -> re.Pattern[str] | None:
    """Compile the keywords of one theme into one case-insensitive pattern."""
    alternatives = []
    for keyword in keywords:
        stem = keyword.translate(_APOSTROPHES).removesuffix("*")
        words = stem.split()
        if not words:
            continue
        body = r"\s+".join(re.escape(word) for word in words)
        alternatives.append(body + r"\w*" if keyword.endswith("*") else body)
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _check_vocabulary(vocabulary: object) -> None:
    if not isinstance(vocabulary, Mapping):
        reason = f"expected the vocabulary as a mapping of slugs to Theme, got {type(vocabulary).__name__}"
        raise InvalidTypeError([("$", reason)])
    for slug, theme in vocabulary.items():
        if not isinstance(theme, Theme):
            reason = f"expected the vocabulary entry {slug!r} to be a Theme, got {type(theme).__name__}"
            raise InvalidTypeError([("$", reason)])


def suggest_themes(text: str, *, vocabulary: Mapping[str, Theme] = THEMES) -> frozenset[str]:
    """Propose theme slugs for *text* from the keyword rules of *vocabulary*.

    Args:
        text: A point's text (or any text).
        vocabulary: The themes to choose from, keyed by slug; by default the
            packaged :data:`c5statement.THEMES`.

    Returns:
        The slugs of the themes at least one of whose keywords occurs in *text*.

    Raises:
        InvalidTypeError: If *text* is not a string (for a point, pass
            ``point.text``), or *vocabulary* is not a mapping of themes.

    Example:
        >>> sorted(suggest_themes("all parties will strengthen agricultural cooperation to ensure food security."))
        ['agriculture']
    """
    if not isinstance(text, str):
        hint = ": pass point.text" if isinstance(text, Point) else ""
        raise InvalidTypeError([("$", f"expected the text as a str, got {type(text).__name__}{hint}")])
    _check_vocabulary(vocabulary)
    normalized = text.translate(_APOSTROPHES)
    found = set()
    for slug, theme in vocabulary.items():
        pattern = _pattern(tuple(theme.keywords))
        if pattern is not None and pattern.search(normalized):
            found.add(slug)
    return frozenset(found)


@overload
def with_suggested_themes(points: Meeting, *, vocabulary: Mapping[str, Theme] = ...) -> Meeting: ...


@overload
def with_suggested_themes(points: Iterable[Point], *, vocabulary: Mapping[str, Theme] = ...) -> tuple[Point, ...]: ...


def with_suggested_themes(
    points: Meeting | Iterable[Point], *, vocabulary: Mapping[str, Theme] = THEMES
) -> Meeting | tuple[Point, ...]:
    """Return *points* with suggested themes on those that have none.

    A point that already has themes, or is coded as having none, is returned
    unchanged: suggestions never overwrite, extend or remove a person's
    coding. The points given suggestions are marked so (their
    :attr:`~c5statement.Point.coding` is ``"suggested"``), and views, diffs and
    series treat them as not coded by a person.

    Given a :class:`~c5statement.Meeting` instead of points, return the meeting
    with its points so completed (``attrs.evolve``); everything else in it,
    the themes of its topics included, is kept as it is.

    Args:
        points: The points, for example from :func:`c5statement.parse_points`;
            or a meeting.
        vocabulary: As for :func:`suggest_themes`.

    Returns:
        The points, in the same order, as a tuple; or, for a meeting, the
        meeting with those points.

    Raises:
        InvalidTypeError: If *points* is neither a meeting nor an iterable of
            :class:`~c5statement.Point` (a string, a single point), or
            *vocabulary* is not a mapping of themes.

    Example:
        >>> from c5statement import Point
        >>> kept, filled = with_suggested_themes([
        ...     Point(1, "all parties condemn terrorism.", themes=frozenset({"my-theme"})),
        ...     Point(2, "all parties condemn terrorism."),
        ... ])
        >>> sorted(kept.themes), sorted(filled.themes), filled.coding
        (['my-theme'], ['security'], 'suggested')
    """
    if isinstance(points, Meeting):
        return attrs.evolve(points, points=with_suggested_themes(points.points, vocabulary=vocabulary))
    _check_vocabulary(vocabulary)
    if isinstance(points, (str, bytes, bytearray, Point)) or not isinstance(points, Iterable):
        hint = ": pass [point]" if isinstance(points, Point) else ""
        reason = f"expected points (an iterable of Point) or a Meeting, got {type(points).__name__}{hint}"
        raise InvalidTypeError([("$", reason)])
    completed = []
    for index, point in enumerate(points):
        if not isinstance(point, Point):
            raise InvalidTypeError([(f"$[{index}]", f"must be a Point, got {type_name(point)}")])
        if point.themes or point.coded:
            completed.append(point)
        else:
            themes = suggest_themes(point.text, vocabulary=vocabulary)
            completed.append(attrs.evolve(point, themes=themes, coding="suggested"))
    return tuple(completed)
