"""A series view over several statements: themes over time, point lineages, similarity."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from ._align import DEFAULT_THRESHOLD
from ._check import Checker, Validated, real, rule
from ._convert import add_document_classes
from ._diff import StatementDiff, check_options, diff
from ._display import Views
from ._model import Meeting, Point

__all__ = ["Lineage", "Series", "compare"]


def _scores(values: tuple[float | None, ...]) -> tuple[float | None, ...]:
    """Normalise similarities to plain floats (``None`` kept); other values are left for validation."""
    if not isinstance(values, tuple):
        return values
    return tuple(value if value is None else real(value) for value in values)


def _matrix(rows: tuple[tuple[float, ...], ...]) -> tuple[tuple[float, ...], ...]:
    """Normalise a similarity matrix to plain floats; other values are left for validation."""
    if not isinstance(rows, tuple) or not all(isinstance(row, tuple) for row in rows):
        return rows
    return tuple(tuple(real(value) for value in row) for row in rows)


_TUPLE = rule(Checker.instance, tuple)

_PANDAS_HINT = 'to_frame() needs pandas, which is not installed; install it with: pip install "c5statement[pandas]"'


@attrs.frozen
class Lineage(Validated):
    """One point followed through a series of statements.

    Attributes:
        points: The point in each statement, or ``None`` where it is absent
            (not yet made, or dropped).
        kinds: How it came to be in each statement: ``None`` where it is
            absent, ``"added"`` where it first appears, ``"returned"`` where it
            comes back after one or more statements without it, otherwise the
            kind of its :class:`c5statement.PointChange` from the previous
            statement (``"unchanged"``, ``"edited"`` or ``"moved"``).
        similarities: Its similarity to its previous appearance (the previous
            statement's point, or for a returned point the last statement that
            had it), where there is one; ``None`` elsewhere.

    A lineage is computed by :func:`c5statement.compare`, not read from a
    file: building one checks only that each field is a tuple.

    Example:
        >>> from c5statement import MEETING_2020, compare
        >>> compare([MEETING_2020, MEETING_2020]).lineages[7].numbers
        (8, 8)
    """

    points: tuple[Point | None, ...] = attrs.field(metadata=_TUPLE)
    kinds: tuple[str | None, ...] = attrs.field(metadata=_TUPLE)
    similarities: tuple[float | None, ...] = attrs.field(converter=_scores, metadata=_TUPLE)

    @property
    def numbers(self) -> tuple[int | None, ...]:
        """The point's number in each statement, ``None`` where absent.

        Example:
            >>> Lineage((None, Point(2, "a.")), (None, "added"), (None, None)).numbers
            (None, 2)
        """
        return tuple(None if point is None else point.number for point in self.points)


def _statement_similarity(result: StatementDiff, old_size: int, new_size: int) -> float:
    if old_size + new_size == 0:
        return 1.0
    matched = sum(change.similarity for change in result.points if change.old is not None and change.new is not None)
    return min(1.0, 2 * matched / (old_size + new_size))


@attrs.frozen
class Series(Validated, Views):
    """Several statements compared in order; see :func:`compare`.

    Attributes:
        statements: The meetings, in the order given.
        diffs: The diff of each statement to the next.
        similarity: Pairwise similarity of the statements (a symmetric matrix
            with ones on the diagonal): the summed similarity of matched points,
            relative to the number of points of both.
        lineages: Each point followed through the series, in order of first
            appearance. A point matched to a point of the previous statement
            continues that point's lineage. A point without one may continue a
            lineage that was dropped earlier (whose last point is in a statement
            before the previous one): it does when the alignment of that last
            statement with this one pairs the two points, with the same
            similarity and threshold; if several dropped lineages qualify, the
            most similar wins (on a tie, the one seen most recently). Its kind
            is then ``"returned"``.

    Every point of every statement is in exactly one lineage. A series is a
    computed view, not a file format: building one checks only the types of its
    fields (tuples of meetings, diffs and lineages), not that the parts agree.

    Example:
        >>> from c5statement import MEETING_2020, compare
        >>> series = compare([MEETING_2020, MEETING_2020])
        >>> series.theme_matrix["afghanistan"]
        (True, True)
    """

    statements: tuple[Meeting, ...] = attrs.field(metadata=rule(Checker.objects, Meeting))
    diffs: tuple[StatementDiff, ...] = attrs.field(metadata=rule(Checker.objects, StatementDiff))
    similarity: tuple[tuple[float, ...], ...] = attrs.field(converter=_matrix, metadata=_TUPLE)
    lineages: tuple[Lineage, ...] = attrs.field(metadata=rule(Checker.objects, Lineage))

    @property
    def labels(self) -> tuple[str, ...]:
        """The statements' ids, which label rows and columns.

        Example:
            >>> from c5statement import MEETING_2020, compare
            >>> compare([MEETING_2020]).labels
            ('cc5-fmm-2020',)
        """
        return tuple(statement.id for statement in self.statements)

    @property
    def themes(self) -> tuple[str, ...]:
        """Every theme of any statement (points and topics), sorted.

        Example:
            >>> from c5statement import MEETING_2020, compare
            >>> compare([MEETING_2020]).themes[:2]
            ('afghanistan', 'agriculture')
        """
        found: set[str] = set()
        for statement in self.statements:
            found |= statement.themes
        return tuple(sorted(found))

    @property
    def theme_matrix(self) -> dict[str, tuple[bool, ...]]:
        """For each theme, whether each statement has it.

        Example:
            >>> from c5statement import MEETING_2020, compare
            >>> compare([MEETING_2020]).theme_matrix["security"]
            (True,)
        """
        return {theme: tuple(theme in statement.themes for statement in self.statements) for theme in self.themes}

    def lineage_of(self, statement: int, number: int) -> Lineage:
        """Return the lineage holding point *number* of the statement at position *statement*.

        Raises:
            KeyError: If that statement has no such point.

        Example:
            >>> from c5statement import MEETING_2020, compare
            >>> compare([MEETING_2020, MEETING_2020]).lineage_of(0, 8).numbers
            (8, 8)
        """
        for lineage in self.lineages:
            if lineage.numbers[statement] == number:
                return lineage
        raise KeyError(number)

    def to_records(self) -> list[dict[str, Any]]:
        """Return one plain row per point per statement, for tables and data frames.

        Each row has ``lineage`` (1-based), ``statement`` (its id), ``position``
        (0-based place in the series), ``date`` (ISO), ``number``, ``text``,
        ``themes`` (sorted list), ``change`` (``"added"`` where it first appears,
        ``"returned"`` where it comes back after a gap, else the kind of change
        from the previous statement) and ``similarity`` (to its previous
        appearance, or ``None``).

        Example:
            >>> from c5statement import MEETING_2020, compare
            >>> row = compare([MEETING_2020, MEETING_2020]).to_records()[1]
            >>> row["statement"], row["number"], row["change"]
            ('cc5-fmm-2020', 1, 'unchanged')
        """
        rows = []
        for index, lineage in enumerate(self.lineages, 1):
            for position, point in enumerate(lineage.points):
                if point is None:
                    continue
                statement = self.statements[position]
                rows.append(
                    {
                        "lineage": index,
                        "statement": statement.id,
                        "position": position,
                        "date": statement.date.isoformat(),
                        "number": point.number,
                        "text": point.text,
                        "themes": sorted(point.themes),
                        "change": lineage.kinds[position],
                        "similarity": lineage.similarities[position],
                    }
                )
        return rows

    def to_frame(self) -> Any:
        """Return :meth:`to_records` as a pandas ``DataFrame``.

        Raises:
            ImportError: If pandas is not installed, with the command that installs it.

        Example:
            >>> from c5statement import MEETING_2020, compare
            >>> compare([MEETING_2020]).to_frame().shape
            (9, 9)
        """
        try:
            import pandas as pd
        except ImportError as error:
            raise ImportError(_PANDAS_HINT, name=error.name) from error
        return pd.DataFrame.from_records(
            self.to_records(),
            columns=["lineage", "statement", "position", "date", "number", "text", "themes", "change", "similarity"],
        )


# Written and read for convenience; not a file format (see docs/format.md).
add_document_classes(Lineage, Series)


Chain = tuple[list[Point | None], list[str | None], list[float | None]]


def _returning(
    position: int, fresh: dict[int, Point], chains: list[Chain], pairwise: dict[tuple[int, int], StatementDiff]
) -> list[tuple[int, Point, float]]:
    """Pair points new to the statement at *position* with lineages dropped before the previous statement.

    A dropped lineage and a point qualify when the diff of the lineage's last
    statement to this one pairs them; the most similar pairs win, then the most
    recent lineage, then the earliest.
    """
    candidates: list[tuple[float, int, int, Point]] = []
    for chain, (points, _, _) in enumerate(chains):
        last = max((index for index in range(position) if points[index] is not None), default=None)
        if last is None or last >= position - 1:
            continue
        before = points[last]
        for change in pairwise[last, position].points:
            if change.old == before and change.new is not None and change.new.number in fresh:
                candidates.append((change.similarity, last, chain, change.new))
                break
    candidates.sort(key=lambda candidate: (-candidate[0], -candidate[1], candidate[2]))
    taken_chains: set[int] = set()
    taken_points: set[int] = set()
    chosen = []
    for score, _, chain, point in candidates:
        if chain not in taken_chains and point.number not in taken_points:
            taken_chains.add(chain)
            taken_points.add(point.number)
            chosen.append((chain, point, score))
    return chosen


def _lineages(statements: Sequence[Meeting], pairwise: dict[tuple[int, int], StatementDiff]) -> tuple[Lineage, ...]:
    count = len(statements)
    chains: list[Chain] = []
    open_by_number: dict[int, int] = {}
    if statements:
        for point in statements[0].points:
            open_by_number[point.number] = len(chains)
            chains.append(([point] + [None] * (count - 1), ["added"] + [None] * (count - 1), [None] * count))
    for position in range(1, count):
        following: dict[int, int] = {}
        fresh: dict[int, Point] = {}
        for change in pairwise[position - 1, position].points:
            if change.new is None:
                continue
            if change.old is not None and change.old.number in open_by_number:
                chain = open_by_number[change.old.number]
                chains[chain][1][position] = change.kind
                chains[chain][2][position] = change.similarity
                chains[chain][0][position] = change.new
                following[change.new.number] = chain
            else:
                fresh[change.new.number] = change.new
        for chain, point, score in _returning(position, fresh, chains, pairwise):
            chains[chain][0][position] = point
            chains[chain][1][position] = "returned"
            chains[chain][2][position] = score
            following[point.number] = chain
            del fresh[point.number]
        for point in sorted(fresh.values(), key=lambda point: point.number):
            chain = len(chains)
            chains.append(([None] * count, [None] * count, [None] * count))
            chains[chain][0][position] = point
            chains[chain][1][position] = "added"
            following[point.number] = chain
        open_by_number = following
    return tuple(Lineage(tuple(points), tuple(kinds), tuple(scores)) for points, kinds, scores in chains)


def compare(
    statements: Sequence[Meeting],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    similarity: Callable[[Point, Point], float] | None = None,
) -> Series:
    """Compare a series of statements, in the order given (usually by date).

    Args:
        statements: The meetings (at least one).
        threshold: As for :func:`c5statement.diff`.
        similarity: As for :func:`c5statement.diff`.

    Returns:
        The series: theme presence, point lineages, pairwise similarity and the
        diff of each statement to the next. A point that a statement drops and a
        later one brings back stays in one lineage (kind ``"returned"``) when
        the two statements' alignment pairs it; see :class:`Series`.

    Raises:
        TypeError: If *statements* is not a sequence of :class:`Meeting`.
        ValueError: If it is empty, or *threshold* is outside 0 to 1.

    Example:
        >>> import attrs
        >>> from c5statement import MEETING_2020
        >>> later = attrs.evolve(MEETING_2020, id="later", points=MEETING_2020.points[5:])
        >>> series = compare([MEETING_2020, later])
        >>> series.lineage_of(0, 8).numbers
        (8, 8)
        >>> [round(value, 2) for value in series.similarity[0]]
        [1.0, 0.62]
    """
    if isinstance(statements, (str, bytes, Meeting)) or not isinstance(statements, Sequence):
        msg = f"compare() takes a sequence of Meeting objects, got {type(statements).__name__}"
        raise TypeError(msg)
    for index, statement in enumerate(statements):
        if not isinstance(statement, Meeting):
            msg = f"compare() takes Meeting objects; item {index} is a {type(statement).__name__}"
            raise TypeError(msg)
    if not statements:
        msg = "compare() needs at least one statement"
        raise ValueError(msg)
    check_options(threshold, similarity)
    meetings = tuple(statements)
    count = len(meetings)
    matrix = [[1.0] * count for _ in range(count)]
    pairwise: dict[tuple[int, int], StatementDiff] = {}
    for first in range(count):
        for second in range(first + 1, count):
            result = diff(meetings[first], meetings[second], threshold=threshold, similarity=similarity)
            pairwise[first, second] = result
            value = _statement_similarity(result, len(meetings[first].points), len(meetings[second].points))
            matrix[first][second] = matrix[second][first] = value
    diffs = tuple(pairwise[index, index + 1] for index in range(count - 1))
    return Series(meetings, diffs, tuple(tuple(row) for row in matrix), _lineages(meetings, pairwise))
