"""A series view over several statements: themes over time, point lineages, similarity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._align import DEFAULT_THRESHOLD
from ._check import Checker, Validated, real, rule
from ._convert import add_document_classes
from ._diff import Matching, StatementDiff, check_options, checked_lexicon, diff, fully_coded
from ._display import Views
from ._model import Meeting, Point

if TYPE_CHECKING:
    from ._lexicon import Lexicon

__all__ = ["MATRIX_LIMIT", "Lineage", "Series", "compare"]

MATRIX_LIMIT = 60
"""The most statements whose pairwise :attr:`Series.similarity` is computed (1,770 diffs)."""


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


def _coding_state(statement: Meeting) -> str:
    """``"coded"``, ``"partly coded"`` or ``"not coded"``: the state of a statement's points."""
    if fully_coded(statement):
        return "coded"
    return "partly coded" if any(point.coded for point in statement.points) else "not coded"


def _concept_label(lexicon: Lexicon, concept: str) -> str:
    try:
        return lexicon.concept(concept).label
    except KeyError:
        return concept


@attrs.frozen
class Lineage(Validated):
    """One point followed through a series of statements.

    Attributes:
        points: The point in each statement, or ``None`` where it is absent
            (not yet made, or dropped).
        kinds: How it came to be in each statement: ``None`` where it is
            absent, ``"baseline"`` in the first statement of the series,
            ``"added"`` where it first appears later, ``"returned"`` where it
            comes back after one or more statements without it, ``"split"``
            where it first appears as a point split from another lineage's
            point (see :attr:`parent`), ``"merged"`` where the point merged
            into a point that continues another lineage (the lineage ends
            there), otherwise the kind of its :class:`c5statement.PointChange`
            from the previous statement (``"unchanged"``, ``"edited"`` or
            ``"moved"``).
        similarities: Its match score with its previous appearance (the
            previous statement's point, or for a returned point the last
            statement that had it; for a split point, the score of the split
            from the point it split from);
            for an added point, its best score against the previous statement's
            points, under the threshold (0 if nothing there shares anything
            with it); ``None`` in the first statement and where it is absent.
        parent: For a lineage that starts with a split, the position (0-based,
            in :attr:`Series.lineages`) of the lineage it split from.

    A point that merges two earlier points (:attr:`PointChange.also`) stands in
    both lineages: as the continuation of the one, with kind ``"merged"`` in the
    other, which ends there, unless the merged point comes back later as a
    point of its own (kind ``"returned"``).

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
    parent: int | None = attrs.field(default=None, metadata=rule(Checker.natural))

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
        lineages: Each point followed through the series, in order of first
            appearance. A point matched to a point of the previous statement
            continues that point's lineage; the second links of a merge or a
            split (:attr:`PointChange.also`) are followed too (see
            :class:`Lineage`). A point without a match may continue a lineage
            that was dropped earlier (whose last point is in a statement before
            the previous one): it does when aligning the last points of the
            dropped lineages with the statement's unmatched points pairs the
            two, with the same similarity and threshold. With the built-in
            similarity, only the dropped lineages that share the most rare
            words with each unmatched point (six per point), or its very text,
            are aligned, so a step costs the same however many lineages were
            dropped before it. Its kind is then ``"returned"``.
        threshold: The threshold the diffs were made with.

    Only the diffs of consecutive statements are computed, so a series costs
    what its steps cost. :attr:`similarity`, which needs a diff of every pair,
    is computed the first time it is read, and only for series of at most
    :data:`MATRIX_LIMIT` statements.

    Every point of every statement is in exactly one lineage, but for merged
    points (in two). A series is a computed view, not a file format: building
    one checks the types of its fields and that the parts agree in size (one
    diff per pair of consecutive statements, of those statements; an entry
    per statement in every lineage, naming points those statements have), so
    that a series read from an inconsistent file is refused rather than shown.

    Example:
        >>> from c5statement import MEETING_2020, compare
        >>> series = compare([MEETING_2020, MEETING_2020])
        >>> series.theme_matrix["afghanistan"]
        (True, True)
    """

    statements: tuple[Meeting, ...] = attrs.field(metadata=rule(Checker.objects, Meeting))
    diffs: tuple[StatementDiff, ...] = attrs.field(metadata=rule(Checker.objects, StatementDiff))
    lineages: tuple[Lineage, ...] = attrs.field(metadata=rule(Checker.objects, Lineage))
    threshold: float = attrs.field(default=DEFAULT_THRESHOLD, converter=real, metadata=rule(Checker.fraction))
    _cache: dict[str, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False, hash=False)

    def _check(self, check: Checker) -> None:
        """The parts agree in size: a series read from a file whose parts do not is refused, not shown wrong."""
        if check.problems:
            return
        count = len(self.statements)
        if count == 0:
            check.invalid("$.statements", "must hold at least one statement")
            return
        if len(self.diffs) != count - 1:
            check.invalid("$.diffs", f"must hold {count - 1} diff(s), one per pair of consecutive statements")
        for index, step in enumerate(self.diffs[: count - 1]):
            if (step.old_id, step.new_id) != (self.statements[index].id, self.statements[index + 1].id):
                check.invalid(f"$.diffs[{index}]", f"must compare statements {index} and {index + 1} by their ids")
        numbers = [{point.number for point in statement.points} for statement in self.statements]
        for index, lineage in enumerate(self.lineages):
            _check_lineage(check, f"$.lineages[{index}]", lineage, numbers, len(self.lineages))

    @property
    def similarity(self) -> tuple[tuple[float, ...], ...]:
        """Pairwise similarity of the statements, a symmetric matrix with ones on the diagonal.

        Each value is the summed match score of the matched points of the two
        statements, relative to the number of points of both. Computed on first
        reading (a diff of every pair not yet diffed), then kept.

        Raises:
            ValueError: If the series has more than :data:`MATRIX_LIMIT` statements.

        Example:
            >>> from c5statement import MEETING_2020, compare
            >>> compare([MEETING_2020, MEETING_2020]).similarity
            ((1.0, 1.0), (1.0, 1.0))
        """
        found: tuple[tuple[float, ...], ...] | None = self._cache.get("similarity")
        if found is None:
            matching = self._cache.get("matching") or Matching(self.threshold, None, checked_lexicon(None))
            found = _similarity_matrix(self.statements, self.diffs, matching)
            self._cache["similarity"] = found
        return found

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
    def theme_matrix(self) -> dict[str, tuple[bool | None, ...]]:
        """For each theme, whether each statement has it: ``None`` where that is unknown.

        A theme is unknown, not absent, in a statement that does not have it
        and is not fully coded: some of its points are not coded, or its main
        document was read only in part (see :func:`~c5statement._diff.fully_coded`).

        Example:
            >>> import attrs
            >>> from c5statement import MEETING_2020, Point, compare
            >>> uncoded = attrs.evolve(MEETING_2020, points=(Point(1, "all parties agree."),))
            >>> compare([MEETING_2020, uncoded]).theme_matrix["trade"]
            (True, None)
        """
        known = [fully_coded(statement) for statement in self.statements]
        return {
            theme: tuple(
                True if theme in statement.themes else (False if complete else None)
                for statement, complete in zip(self.statements, known, strict=True)
            )
            for theme in self.themes
        }

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

    def theme_timeline(self) -> list[dict[str, Any]]:
        """Return the theme timeline as tidy records: one row per statement and theme.

        Each row has ``statement`` (its id), ``position`` (0-based), ``date``
        (ISO), ``theme``, ``label`` (the theme's label in
        :data:`c5statement.THEMES`, else the slug), ``present`` (``True``,
        ``False``, or ``None`` where unknown: see :attr:`theme_matrix`),
        ``points`` (how many of the statement's points carry the theme) and
        ``coding`` (``"coded"``, ``"partly coded"`` or ``"not coded"``: the
        statement's points; ``"partly coded"`` also where its main document
        was read only in part).

        Example:
            >>> from c5statement import MEETING_2020, compare
            >>> row = compare([MEETING_2020]).theme_timeline()[0]
            >>> row["theme"], row["label"], row["present"], row["points"], row["coding"]
            ('afghanistan', 'Afghanistan', True, 1, 'coded')
        """
        from ._themes import THEMES

        matrix = self.theme_matrix
        rows = []
        for position, statement in enumerate(self.statements):
            coding = _coding_state(statement)
            for theme in self.themes:
                entry = THEMES.get(theme)
                rows.append(
                    {
                        "statement": statement.id,
                        "position": position,
                        "date": statement.date.isoformat(),
                        "theme": theme,
                        "label": entry.label if entry is not None else theme,
                        "present": matrix[theme][position],
                        "points": sum(1 for point in statement.points if theme in point.themes),
                        "coding": coding,
                    }
                )
        return rows

    def concept_spans(self, lexicon: Lexicon | None = None) -> list[dict[str, Any]]:
        """Return each concept's first and last appearance in the series, one record per concept.

        A point's concepts are those its record names
        (:attr:`Point.concepts <c5statement.Point.concepts>`), or, for a point
        that names none, those *lexicon* (by default the packaged one) finds in
        its text. Each row has ``concept``, ``label``, ``first`` and ``last``
        (statement ids), ``first_date`` and ``last_date`` (ISO), ``statements``
        (in how many statements it appears) and ``points`` (in how many points),
        in order of first appearance, then of concept id.

        Example:
            >>> from c5statement import MEETING_2020, compare
            >>> spans = {row["concept"]: row for row in compare([MEETING_2020]).concept_spans()}
            >>> spans["health"]["first"], spans["health"]["points"]
            ('cc5-fmm-2020', 2)
        """
        from ._lexicon import default_lexicon

        lexicon = lexicon if lexicon is not None else default_lexicon()
        seen: dict[str, list[int]] = {}  # concept -> positions of the statements, once per point
        for position, statement in enumerate(self.statements):
            for point in statement.points:
                concepts = point.concepts or tuple(
                    feature[1:] for feature in lexicon.analyse(point.text).features if feature.startswith("@")
                )
                for concept in dict.fromkeys(concepts):
                    seen.setdefault(concept, []).append(position)
        rows = []
        for concept, positions in sorted(seen.items(), key=lambda item: (min(item[1]), item[0])):
            first, last = self.statements[min(positions)], self.statements[max(positions)]
            rows.append(
                {
                    "concept": concept,
                    "label": _concept_label(lexicon, concept),
                    "first": first.id,
                    "first_date": first.date.isoformat(),
                    "last": last.id,
                    "last_date": last.date.isoformat(),
                    "statements": len(set(positions)),
                    "points": len(positions),
                }
            )
        return rows

    def to_records(self) -> list[dict[str, Any]]:
        """Return one plain row per point per statement, for tables and data frames.

        Each row has ``lineage`` (1-based), ``statement`` (its id), ``position``
        (0-based place in the series), ``date`` (ISO), ``number``, ``text``,
        ``themes`` (sorted list), ``change`` (the lineage's kind there:
        ``"baseline"`` in the first statement, ``"added"`` where it first
        appears later, ``"returned"``, ``"split"``, ``"merged"``, else the kind
        of change from the previous statement), ``similarity`` (see
        :attr:`Lineage.similarities`), ``merged`` (the lineages, 1-based, whose
        point merged into this one here) and ``parent`` (for a lineage split
        from another, that lineage, 1-based). A merged point is one row, in the
        lineage it continues.

        Example:
            >>> from c5statement import MEETING_2020, compare
            >>> row = compare([MEETING_2020, MEETING_2020]).to_records()[1]
            >>> row["statement"], row["number"], row["change"]
            ('cc5-fmm-2020', 1, 'unchanged')
        """
        merged: dict[tuple[int, int], list[int]] = {}  # (position, number) -> lineages merged into that point
        for index, lineage in enumerate(self.lineages, 1):
            for position, kind in enumerate(lineage.kinds):
                point = lineage.points[position]
                if kind == "merged" and point is not None:
                    merged.setdefault((position, point.number), []).append(index)
        rows = []
        for index, lineage in enumerate(self.lineages, 1):
            for position, point in enumerate(lineage.points):
                if point is None or lineage.kinds[position] == "merged":
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
                        "merged": merged.get((position, point.number), []),
                        "parent": None if lineage.parent is None else lineage.parent + 1,
                    }
                )
        return rows

    def to_frame(self) -> Any:
        """Return :meth:`to_records` as a pandas ``DataFrame``, ready for tables and plots.

        Beyond the records, ``date`` is a real date (``datetime64``), ``label``
        is the statement's label in :attr:`labels`, and ``theme_labels`` names
        the themes in words (:data:`c5statement.THEMES`); ``themes`` keeps the slugs.

        Raises:
            ImportError: If pandas is not installed, with the command that installs it.

        Example:
            >>> from c5statement import MEETING_2020, compare
            >>> frame = compare([MEETING_2020]).to_frame()
            >>> frame.shape, str(frame["date"].dtype), frame["label"][0]
            ((9, 13), 'datetime64[ns]', 'cc5-fmm-2020')
            >>> frame["theme_labels"][0]
            ['Development paths and sovereignty', 'Regional peace and stability']
        """
        try:
            import pandas as pd
        except ImportError as error:
            raise ImportError(_PANDAS_HINT, name=error.name) from error
        from ._themes import THEMES

        frame = pd.DataFrame.from_records(
            self.to_records(),
            columns=[
                "lineage",
                "statement",
                "position",
                "date",
                "number",
                "text",
                "themes",
                "change",
                "similarity",
                "merged",
                "parent",
            ],
        )
        frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
        frame.insert(4, "label", [self.labels[position] for position in frame["position"]])
        frame.insert(
            8,
            "theme_labels",
            [[THEMES[slug].label if slug in THEMES else slug for slug in row] for row in frame["themes"]],
        )
        return frame

    def plot(self, ax: Any = None) -> Any:
        """Draw the themes over time on matplotlib: a row a theme, a column a statement, a dot sized by its points.

        Args:
            ax: The matplotlib ``Axes`` to draw on; by default a new figure's.

        Returns:
            The ``Axes`` drawn on.

        Raises:
            ImportError: If matplotlib is not installed, with the command that installs it.

        Example:
            >>> import matplotlib
            >>> matplotlib.use("Agg")
            >>> from c5statement import MEETING_2020, compare
            >>> ax = compare([MEETING_2020, MEETING_2020]).plot()
            >>> ax.get_title()
            'Themes over time (2 statements)'
        """
        from ._plot import plot_themes

        return plot_themes(self, ax)


def _check_lineage(check: Checker, path: str, lineage: Lineage, numbers: list[set[int]], lineages: int) -> None:
    """A lineage has a point, kind and similarity per statement, points of those statements, a parent in range."""
    for name in ("points", "kinds", "similarities"):
        if len(getattr(lineage, name)) != len(numbers):
            check.invalid(f"{path}.{name}", f"must hold {len(numbers)} entries, one per statement")
            return
    for position, point in enumerate(lineage.points):
        if point is not None and point.number not in numbers[position]:
            check.invalid(f"{path}.points[{position}]", f"statement {position} has no point {point.number}")
    if lineage.parent is not None and not 0 <= lineage.parent < lineages:
        check.invalid(f"{path}.parent", f"must be the position of a lineage, below {lineages}")


# Written and read for convenience; not a file format (see docs/format.md).
add_document_classes(Lineage, Series)


class _Dropped:
    """The lineages dropped before the previous statement, their last points indexed by feature.

    A lineage joins when a statement does not continue it (or merges it into
    another point: it may come back as itself), and leaves when it
    returns, so no step looks at every lineage. With the built-in similarity,
    the new points of a statement are aligned only with the dropped lineages
    that share the most of their rarest features (:data:`_POOL_CANDIDATES`
    each, reading at most :data:`_POOL_READS` entries of the index, the most
    recently dropped first), and those of the same text: the work of a step grows with its new points, not
    with the number of statements before it. With a custom similarity, every
    dropped lineage is aligned, as that function alone can tell what matches.
    """

    def __init__(self, lexicon: Lexicon | None) -> None:
        self.last: dict[int, Point] = {}  # the chain, its last point of its own (not one it merged into)
        self.lexicon = lexicon  # None: a custom similarity, every dropped lineage aligned
        self.indexed = lexicon is not None
        self.lists: dict[str, list[int]] = {}
        self.texts: dict[str, list[int]] = {}

    def add(self, chain: int, point: Point) -> None:
        self.last[chain] = point
        if self.indexed:
            self.texts.setdefault(point.text, []).append(chain)
            for feature in self._features(point.text):
                self.lists.setdefault(feature, []).append(chain)

    def _features(self, text: str) -> Iterable[str]:
        return self.lexicon.weights(text).keys() if self.lexicon is not None else ()

    def remove(self, chain: int) -> None:
        del self.last[chain]  # its entries in the lists are skipped when read

    def pool(self, fresh: Sequence[Point]) -> list[int]:
        """The dropped lineages to align with the *fresh* points, in the order they were dropped."""
        if not self.indexed:
            return list(self.last)
        chosen: set[int] = set()
        for point in fresh:
            features = sorted(
                (f for f in self._features(point.text) if f in self.lists), key=lambda f: len(self.lists[f])
            )
            hits: Counter[int] = Counter()
            budget = _POOL_READS
            for feature in features:
                found = self.lists[feature][-budget:]  # the most recently dropped
                hits.update(chain for chain in reversed(found) if chain in self.last)
                budget -= len(found)
                if budget <= 0:
                    break
            chosen.update(chain for chain, _ in hits.most_common(_POOL_CANDIDATES))
            same = [chain for chain in self.texts.get(point.text, ()) if chain in self.last]
            chosen.update(same[-_POOL_CANDIDATES:])  # the same text, even one without features (``all.``)
        return sorted(chosen)


_POOL_READS = 256
"""At most this many index entries are read per new point to find the dropped lineages it may continue."""

_POOL_CANDIDATES = 6
"""How many dropped lineages, those sharing the most rare features, each new point is aligned with."""


def _returning(fresh: dict[int, Point], dropped: _Dropped, matching: Matching) -> list[tuple[int, Point, float]]:
    """Pair points new to a statement with lineages dropped before the previous statement.

    The last points of the dropped lineages (those :class:`_Dropped` picks) are
    aligned with the new points, one alignment for the step.
    """
    if not dropped.last or not fresh:
        return []
    candidates = sorted(fresh.values(), key=lambda point: point.number)
    chains = dropped.pool(candidates)
    if not chains:
        return []
    result = matching.align([dropped.last[chain] for chain in chains], candidates)
    return [(chains[match.old], candidates[match.new], match.similarity) for match in result.matches]


# Each chain: the point, kind and similarity at each position, and its parent lineage.
_Chain = tuple[list[Point | None], list[str | None], list[float | None], list[int | None]]


def _chain(count: int) -> _Chain:
    return ([None] * count, [None] * count, [None] * count, [None])


def _lineages(statements: Sequence[Meeting], diffs: Sequence[StatementDiff], matching: Matching) -> tuple[Lineage, ...]:
    count = len(statements)
    chains: list[_Chain] = []
    open_by_number: dict[int, int] = {}
    for point in statements[0].points:
        open_by_number[point.number] = len(chains)
        chains.append(_chain(count))
        chains[-1][0][0], chains[-1][1][0] = point, "baseline"
    dropped = _Dropped(matching.lexicon if matching.similarity is None else None)
    ended: list[int] = []  # the lineages the previous statement did not continue, or merged into another point
    for position in range(1, count):
        for chain in ended:  # dropped before the previous statement now: they may return here
            dropped.add(chain, _last(chains[chain], position - 2))
        best: dict[int, float] = {}
        fresh, splits, following = _follow(chains, open_by_number, diffs[position - 1], position, best)
        for chain, point, score in _returning(fresh, dropped, matching):
            _step(chains[chain], position, point, "returned", score)
            following[point.number] = chain
            dropped.remove(chain)
            del fresh[point.number]
        continuing = set(following.values())
        ended = [chain for chain in open_by_number.values() if chain not in continuing]
        for point in sorted(fresh.values(), key=lambda point: point.number):
            chains.append(_chain(count))
            parent, score = splits.get(point.number, (None, best[point.number]))
            _step(chains[-1], position, point, "added" if parent is None else "split", score)
            chains[-1][3][0] = parent
            following[point.number] = len(chains) - 1
        open_by_number = following
    return tuple(
        Lineage(tuple(points), tuple(kinds), tuple(scores), parent[0]) for points, kinds, scores, parent in chains
    )


def _follow(
    chains: list[_Chain], open_by_number: dict[int, int], step: StatementDiff, position: int, best: dict[int, float]
) -> tuple[dict[int, Point], dict[int, tuple[int, float]], dict[int, int]]:
    """Continue the open lineages along one diff; return the unmatched new points, the splits and the open lineages."""
    following: dict[int, int] = {}
    fresh: dict[int, Point] = {}
    splits: dict[int, tuple[int, float]] = {}
    for change in step.points:
        if change.new is None:
            continue
        if change.old is not None and change.old.number in open_by_number:
            chain = open_by_number[change.old.number]
            _step(chains[chain], position, change.new, change.kind, change.similarity)
            following[change.new.number] = chain
            for number in change.also:  # the merged old points end in this point
                if number in open_by_number:
                    _step(chains[open_by_number[number]], position, change.new, "merged", change.similarity)
        else:
            fresh[change.new.number] = change.new
            best[change.new.number] = change.similarity
            if change.also and change.also[0] in open_by_number:
                splits[change.new.number] = (open_by_number[change.also[0]], change.similarity)
    return fresh, splits, following


def _last(chain: _Chain, position: int) -> Point:
    point = chain[0][position]
    if point is None:  # pragma: no cover - a lineage open at a statement has a point there
        msg = "an open lineage has no point"
        raise AssertionError(msg)
    return point


def _step(chain: _Chain, position: int, point: Point, kind: str, score: float | None) -> None:
    chain[0][position], chain[1][position], chain[2][position] = point, kind, score


def _similarity_matrix(
    statements: Sequence[Meeting], diffs: Sequence[StatementDiff], matching: Matching
) -> tuple[tuple[float, ...], ...]:
    count = len(statements)
    if count > MATRIX_LIMIT:
        msg = (
            f"the similarity matrix of {count} statements would need {count * (count - 1) // 2} diffs; "
            f"it is computed for at most {MATRIX_LIMIT} statements (compare a selection)"
        )
        raise ValueError(msg)
    matrix = [[1.0] * count for _ in range(count)]
    for first in range(count):
        for second in range(first + 1, count):
            result = (
                diffs[first]
                if second == first + 1
                else diff(statements[first], statements[second], **matching._asdict())
            )
            value = _statement_similarity(result, len(statements[first].points), len(statements[second].points))
            matrix[first][second] = matrix[second][first] = value
    return tuple(tuple(row) for row in matrix)


def compare(
    statements: Sequence[Meeting],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    similarity: Callable[[Point, Point], float] | None = None,
    lexicon: Lexicon | None = None,
) -> Series:
    """Compare a series of statements, in the order given (usually by date).

    Args:
        statements: The meetings (at least one).
        threshold: As for :func:`c5statement.diff`.
        similarity: As for :func:`c5statement.diff`.
        lexicon: As for :func:`c5statement.diff`: the lexicon of every step (the
            diffs, the returning points, the similarity matrix), so that their
            evidence and key terms come from it.

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
    matching = Matching(float(threshold), similarity, checked_lexicon(lexicon))
    meetings = tuple(statements)
    diffs = tuple(
        diff(meetings[index], meetings[index + 1], **matching._asdict()) for index in range(len(meetings) - 1)
    )
    lineages = _lineages(meetings, diffs, matching)
    series = Series(meetings, diffs, lineages, float(threshold))
    series._cache["matching"] = matching  # noqa: SLF001 - the options the matrix is computed with, never written
    return series
