"""Theme suggestions from keyword rules kept beside the vocabulary.

Each :class:`~c5statement.Theme` lists lowercase keywords: a word or phrase matches
at word boundaries, in any case, across any whitespace between its words; a
trailing ``*`` matches any ending (``agricultur*`` matches "agriculture" and
"agricultural"). Curly apostrophes count as straight ones. A theme is suggested
when any of its keywords occurs. Suggestions are only that: nothing here changes
a theme a person has set.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import attrs

from ._themes import THEMES, Theme

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ._model import Point

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


def suggest_themes(text: str, *, vocabulary: Mapping[str, Theme] = THEMES) -> frozenset[str]:
    """Propose theme slugs for *text* from the keyword rules of *vocabulary*.

    Args:
        text: A point's text (or any text).
        vocabulary: The themes to choose from, keyed by slug; by default the
            packaged :data:`c5statement.THEMES`.

    Returns:
        The slugs of the themes at least one of whose keywords occurs in *text*.

    Example:
        >>> sorted(suggest_themes("all parties will strengthen agricultural cooperation to ensure food security."))
        ['agriculture']
    """
    normalized = text.translate(_APOSTROPHES)
    found = set()
    for slug, theme in vocabulary.items():
        pattern = _pattern(tuple(theme.keywords))
        if pattern is not None and pattern.search(normalized):
            found.add(slug)
    return frozenset(found)


def with_suggested_themes(points: Iterable[Point], *, vocabulary: Mapping[str, Theme] = THEMES) -> tuple[Point, ...]:
    """Return *points* with suggested themes on those that have none.

    A point that already has themes is returned unchanged: suggestions never
    overwrite, extend or remove themes a person has set.

    Args:
        points: The points, for example from :func:`c5statement.parse_points`.
        vocabulary: As for :func:`suggest_themes`.

    Returns:
        The points, in the same order.

    Example:
        >>> from c5statement import Point
        >>> kept, filled = with_suggested_themes([
        ...     Point(1, "all parties condemn terrorism.", themes=frozenset({"my-theme"})),
        ...     Point(2, "all parties condemn terrorism."),
        ... ])
        >>> sorted(kept.themes), sorted(filled.themes)
        (['my-theme'], ['security'])
    """
    return tuple(
        point if point.themes else attrs.evolve(point, themes=suggest_themes(point.text, vocabulary=vocabulary))
        for point in points
    )
