"""Alignment of consensus points: similarity, candidate pruning and optimal assignment.

The default similarity is a weighted Dice coefficient of the two points' word sets,
where a word weighs more the fewer points of either statement use it (``log(1 + N /
df)``), blended with the Jaccard index of their themes.

Small statements are scored pair by pair. For large ones, candidates come from an
inverted index of rare words (used by few points of either statement): each old
point is scored against the few new points with which it shares the most rare
weight. A point left without any candidate above the threshold, old or new, is then
scored against every point of the other side, so that a reworded point whose rare
words all changed is still found. The work, and the memory, grow with the pairs
actually scored, not with the product of the sizes.

Pairs that are clear (each the other's best, by :data:`AMBIGUITY_MARGIN`) are fixed
greedily; the rest fall into connected components, each solved exactly by a
Hungarian assignment (greedily above :data:`_EXACT_LIMIT` points).
"""

from __future__ import annotations

import heapq
import math
import numbers
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import chain

import attrs

from ._errors import InvalidTypeError
from ._model import Point

__all__ = [
    "AMBIGUITY_MARGIN",
    "DEFAULT_THRESHOLD",
    "Alignment",
    "Match",
    "align",
    "similarity",
    "tokens",
    "words",
]

DEFAULT_THRESHOLD = 0.5
"""Pairs less similar than this count as a removed and an added point."""

AMBIGUITY_MARGIN = 0.1
"""A match whose similarity beats the runner-up by less than this is flagged ambiguous."""

THEME_WEIGHT = 0.2
"""The share of the theme overlap in the default similarity, when either point has themes."""

_EXACT_LIMIT = 400
"""Components larger than this are assigned greedily instead of by the Hungarian method."""

_DENSE_LIMIT = 1600
"""Up to this many pairs, every pair is scored: cheaper than building an index."""

_CANDIDATES = 6
"""How many candidates, those sharing the most rare weight, each point is scored against."""

_RARE_MIN = 8
"""A word used by at most this many points (or the square root of the count) is rare."""

_TOKEN = re.compile(r"\w+(?:['\u2019\-]\w+)*|[^\w\s]", re.UNICODE)
# ASCII punctuation plus typographic quotes, dashes and CJK marks, written as escapes.
_PUNCTUATION = string.punctuation + (
    "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2013\u2014\u2015\u2026"
    "\u00b7\u2022\u00a1\u00bf\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\uff08\uff09\u300c\u300d"
    "\u300e\u300f\u3010\u3011\u300a\u300b\u3008\u3009"
)
_MIN_STEM = 4

Similarity = Callable[[Point, Point], float]


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Split *text* into words and punctuation marks, with their character spans.

    Example:
        >>> [token for token, _, _ in tokens("peace, stability and prosperity.")]
        ['peace', ',', 'stability', 'and', 'prosperity', '.']
    """
    return [(match.group(), match.start(), match.end()) for match in _TOKEN.finditer(text)]


def words(text: str) -> frozenset[str]:
    """Return the normalised words of *text*: case-folded, NFKC, plural ``s`` removed.

    Words are the text's whitespace-separated chunks with punctuation stripped from
    their ends, so ``anti-epidemic`` and ``COVID-19`` stay whole. Texts without any
    such word fall back to their non-space characters, so that every text has
    features to compare.

    Example:
        >>> sorted(words("Parties support the Parties' “routes”."))
        ['partie', 'route', 'support', 'the']
    """
    normal = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    raw = {word.strip(_PUNCTUATION) for word in normal.split()}
    raw.discard("")
    if raw:
        return frozenset(
            word[:-1] if len(word) > _MIN_STEM and word[-1] == "s" and word[-2] != "s" else word for word in raw
        )
    return frozenset(char for char in normal if not char.isspace())


def _themes_overlap(old: Point, new: Point) -> float | None:
    if not old.themes and not new.themes:
        return None
    return len(old.themes & new.themes) / len(old.themes | new.themes)


def _blend(word_score: float, theme_score: float | None) -> float:
    if theme_score is None:
        return word_score
    return (1 - THEME_WEIGHT) * word_score + THEME_WEIGHT * theme_score


def similarity(old: Point, new: Point) -> float:
    """Return how alike two points are, from 0 (nothing shared) to 1 (same words and themes).

    This is the Dice coefficient of their word sets, blended with the overlap of
    their themes. Within :func:`c5statement.diff`, words are also weighted by
    rarity across both statements, so that formulas such as "all parties will"
    count for little.

    Example:
        >>> a = Point(1, "all parties will strengthen agricultural cooperation.")
        >>> b = Point(4, "all parties will deepen agricultural cooperation.")
        >>> round(similarity(a, b), 3)
        0.833
        >>> similarity(a, a)
        1.0
    """
    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Point):
            raise InvalidTypeError([(f"$.{name}", f"expected a Point, got {type(value).__name__}")])
    first, second = words(old.text), words(new.text)
    word_score = 2 * len(first & second) / (len(first) + len(second))
    return _blend(word_score, _themes_overlap(old, new))


@attrs.frozen
class Match:
    """A pair of aligned points, by their positions in the old and new statements.

    Attributes:
        old: The old point's position (0-based).
        new: The new point's position (0-based).
        similarity: How alike they are, from 0 to 1.
        margin: How much the pair beats the runner-up candidate of either point.

    Example:
        >>> Match(old=0, new=2, similarity=0.9, margin=0.5).new
        2
    """

    old: int
    new: int
    similarity: float
    margin: float


@attrs.frozen
class Alignment:
    """The result of :func:`align`.

    Attributes:
        matches: The matched pairs, in the order of the old statement.
        best_old: For each old point, the highest similarity to any new point
            that was computed (0 if none was).
        best_new: The same for each new point.
        compared: How many pairs had their similarity computed.
        nearest_old: For each old point, the position of the new point that
            gave its best similarity (``None`` if no pair scored above 0).
        nearest_new: For each new point, the position of the old point that
            gave its best similarity (``None`` if none did).

    Example:
        >>> result = align([Point(1, "trade grows.")], [Point(1, "trade grows fast.")])
        >>> len(result.matches), result.compared, result.nearest_new
        (1, 1, (0,))
    """

    matches: tuple[Match, ...]
    best_old: tuple[float, ...]
    best_new: tuple[float, ...]
    compared: int
    nearest_old: tuple[int | None, ...] = ()
    nearest_new: tuple[int | None, ...] = ()


class _Best:
    """Tracks the best and second-best score, with the best's partner, per row."""

    __slots__ = ("first", "partner", "second")

    def __init__(self, size: int) -> None:
        self.first = [0.0] * size
        self.second = [0.0] * size
        self.partner = [-1] * size

    def add(self, index: int, score: float, partner: int) -> None:
        if score > self.first[index]:
            self.second[index] = self.first[index]
            self.first[index] = score
            self.partner[index] = partner
        elif score > self.second[index]:
            self.second[index] = score

    def runner_up(self, index: int, partner: int) -> float:
        return self.second[index] if self.partner[index] == partner else self.first[index]

    def nearest(self) -> tuple[int | None, ...]:
        """The best partner of every row, ``None`` where no score was above 0."""
        return tuple(None if partner < 0 else partner for partner in self.partner)


def _weighted_scores(  # noqa: C901, PLR0912, PLR0915 - one pass that prunes, scores and tracks the best
    old: Sequence[Point], new: Sequence[Point], threshold: float
) -> tuple[list[tuple[int, int, float]], int, _Best, _Best]:
    known: dict[str, frozenset[str]] = {}
    for point in (*old, *new):
        if point.text not in known:
            known[point.text] = words(point.text)
    old_words = [known[point.text] for point in old]
    new_words = [known[point.text] for point in new]
    old_df = Counter(chain.from_iterable(old_words))
    new_df = Counter(chain.from_iterable(new_words))
    total = max(len(old), len(new))
    log1p = math.log1p
    fsum = math.fsum  # exact, so a score does not depend on the (hash-seeded) order of a set
    # A word weighs by the number of points of the statement that uses it more.
    most = dict(new_df)
    for word, count in old_df.items():
        if count > most.get(word, 0):
            most[word] = count
    logs = [0.0] + [log1p(total / count) for count in range(1, total + 1)]
    weight = {word: logs[count] for word, count in most.items()}
    lookup = weight.__getitem__
    old_weight = [fsum(map(lookup, found)) for found in old_words]
    new_weight = [fsum(map(lookup, found)) for found in new_words]
    edges: list[tuple[int, int, float]] = []
    best_old, best_new = _Best(len(old)), _Best(len(new))
    compared = 0

    def score(i: int, j: int) -> None:
        first, second = old[i], new[j]
        if first.text == second.text and first.themes == second.themes:
            value = 1.0
        else:
            value = 2 * fsum(map(lookup, old_words[i] & new_words[j])) / (old_weight[i] + new_weight[j])
            if first.themes or second.themes:
                overlap = len(first.themes & second.themes) / len(first.themes | second.themes)
                value = (1 - THEME_WEIGHT) * value + THEME_WEIGHT * overlap
            value = min(value, 1.0)
            if value <= 0:
                return
        best_old.add(i, value, j)
        best_new.add(j, value, i)
        if value >= threshold:
            edges.append((i, j, value))

    if len(old) * len(new) <= _DENSE_LIMIT:
        for i in range(len(old)):
            for j in range(len(new)):
                score(i, j)
        return edges, len(old) * len(new), best_old, best_new
    # Candidates share a rare word: one that few points of either statement use.
    rare_limit = max(_RARE_MIN, math.isqrt(total))
    index: dict[str, list[int]] = {}
    for j, found in enumerate(new_words):
        for word in found:
            if new_df[word] <= rare_limit and old_df.get(word, 0) <= rare_limit:
                index.setdefault(word, []).append(j)
    visited: list[set[int]] = []
    for i, found in enumerate(old_words):
        shared: dict[int, float] = {}
        for word in sorted(found):  # a fixed order: equal inputs give equal candidates, whatever the hash seed
            postings = index.get(word)
            if postings is not None:
                word_weight = weight[word]
                for j in postings:
                    shared[j] = shared.get(j, 0.0) + word_weight
        if len(shared) > _CANDIDATES:
            candidates = set(heapq.nlargest(_CANDIDATES, shared, key=lambda j: (shared[j], -j)))
        else:
            candidates = set(shared)
        visited.append(candidates)
        for j in candidates:
            score(i, j)
        compared += len(candidates)
    # A point that found no match that way is compared with every point of the other side.
    unmatched_new = [j for j in range(len(new)) if best_new.first[j] < threshold]
    for i in range(len(old)):
        if best_old.first[i] < threshold:
            for j in range(len(new)):
                if j not in visited[i]:
                    visited[i].add(j)
                    score(i, j)
                    compared += 1
    for j in unmatched_new:
        for i in range(len(old)):
            if j not in visited[i]:
                score(i, j)
                compared += 1
    return edges, compared, best_old, best_new


def _custom_scores(
    old: Sequence[Point], new: Sequence[Point], threshold: float, function: Similarity
) -> tuple[list[tuple[int, int, float]], int, _Best, _Best]:
    edges: list[tuple[int, int, float]] = []
    best_old, best_new = _Best(len(old)), _Best(len(new))
    for i, first in enumerate(old):
        for j, second in enumerate(new):
            score = function(first, second)
            if isinstance(score, bool) or not isinstance(score, numbers.Real) or not 0 <= score <= 1:
                msg = (
                    f"the similarity function must return a number from 0 to 1; it returned {score!r} "
                    f"for old point {first.number} and new point {second.number}"
                )
                raise ValueError(msg)
            score = float(score)
            if score <= 0:
                continue
            best_old.add(i, score, j)
            best_new.add(j, score, i)
            if score >= threshold:
                edges.append((i, j, score))
    return edges, len(old) * len(new), best_old, best_new


def hungarian(cost: Sequence[Sequence[float]]) -> list[int]:  # noqa: C901, PLR0912 - the textbook algorithm, kept whole
    """Solve the square assignment problem: the column for each row, minimising total cost.

    The shortest-augmenting-path form of the Hungarian method (Jonker-Volgenant
    style), ``O(n³)``.

    Example:
        >>> hungarian([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
        [1, 0, 2]
    """
    size = len(cost)
    infinity = math.inf
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    owner = [0] * (size + 1)
    way = [0] * (size + 1)
    for row in range(1, size + 1):
        owner[0] = row
        column = 0
        low = [infinity] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[column] = True
            current = owner[column]
            delta = infinity
            next_column = 0
            row_cost = cost[current - 1]
            u_current = u[current]
            for j in range(1, size + 1):
                if not used[j]:
                    reduced = row_cost[j - 1] - u_current - v[j]
                    if reduced < low[j]:
                        low[j] = reduced
                        way[j] = column
                    if low[j] < delta:
                        delta = low[j]
                        next_column = j
            for j in range(size + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    low[j] -= delta
            column = next_column
            if owner[column] == 0:
                break
        while column:
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    result = [0] * size
    for j in range(1, size + 1):
        if owner[j]:
            result[owner[j] - 1] = j - 1
    return result


def _components(edges: list[tuple[int, int, float]]) -> list[list[tuple[int, int, float]]]:
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(node: tuple[int, int]) -> tuple[int, int]:
        root = node
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[node] != root:
            parent[node], node = root, parent[node]
        return root

    for i, j, _ in edges:
        parent[find((0, i))] = find((1, j))
    groups: dict[tuple[int, int], list[tuple[int, int, float]]] = {}
    for edge in edges:
        groups.setdefault(find((0, edge[0])), []).append(edge)
    return list(groups.values())


def _solve(component: list[tuple[int, int, float]], old_size: int, new_size: int) -> list[tuple[int, int, float]]:
    rows = sorted({i for i, _, _ in component})
    columns = sorted({j for _, j, _ in component})

    # A tiny bonus for keeping relative positions breaks ties (duplicate points) without moves.
    def bonus(i: int, j: int) -> float:
        return 1e-6 * (1 - abs(i / max(old_size, 1) - j / max(new_size, 1)))

    if max(len(rows), len(columns)) > _EXACT_LIMIT:
        chosen: list[tuple[int, int, float]] = []
        taken_old: set[int] = set()
        taken_new: set[int] = set()
        for i, j, score in sorted(component, key=lambda edge: (-edge[2] - bonus(edge[0], edge[1]), edge[0], edge[1])):
            if i not in taken_old and j not in taken_new:
                taken_old.add(i)
                taken_new.add(j)
                chosen.append((i, j, score))
        return chosen
    size = max(len(rows), len(columns))
    row_at = {i: position for position, i in enumerate(rows)}
    column_at = {j: position for position, j in enumerate(columns)}
    cost = [[2.0] * size for _ in range(size)]
    scores: dict[tuple[int, int], float] = {}
    for i, j, score in component:
        cost[row_at[i]][column_at[j]] = 1 - score - bonus(i, j)
        scores[i, j] = score
    chosen = []
    for row, column in enumerate(hungarian(cost)):
        if row < len(rows) and column < len(columns) and (rows[row], columns[column]) in scores:
            i, j = rows[row], columns[column]
            chosen.append((i, j, scores[i, j]))
    return chosen


def align(
    old: Sequence[Point],
    new: Sequence[Point],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    similarity: Similarity | None = None,
) -> Alignment:
    """Match the points of two statements one to one by content.

    Args:
        old: The points of the earlier statement.
        new: The points of the later statement.
        threshold: The least similarity for a match.
        similarity: A function scoring two points from 0 to 1; by default the
            rarity-weighted word and theme overlap. A custom function is called for
            every pair.

    Returns:
        The matches, with each point's best computed similarity.

    Example:
        >>> old = [Point(1, "all parties condemn terrorism."), Point(2, "trade will grow.")]
        >>> new = [Point(1, "trade will grow fast."), Point(2, "all parties condemn terrorism.")]
        >>> [(match.old, match.new) for match in align(old, new).matches]
        [(0, 1), (1, 0)]
    """
    if similarity is None:
        edges, compared, best_old, best_new = _weighted_scores(old, new, threshold)
    else:
        edges, compared, best_old, best_new = _custom_scores(old, new, threshold, similarity)
    chosen: list[tuple[int, int, float]] = []
    ambiguous: list[tuple[int, int, float]] = []
    for edge in edges:
        i, j, score = edge
        clear = (
            best_old.partner[i] == j
            and best_new.partner[j] == i
            and score - best_old.second[i] >= AMBIGUITY_MARGIN
            and score - best_new.second[j] >= AMBIGUITY_MARGIN
        )
        (chosen if clear else ambiguous).append(edge)
    fixed_old = {i for i, _, _ in chosen}
    fixed_new = {j for _, j, _ in chosen}
    ambiguous = [edge for edge in ambiguous if edge[0] not in fixed_old and edge[1] not in fixed_new]
    for component in _components(ambiguous):
        chosen.extend(_solve(component, len(old), len(new)))
    matches = tuple(
        Match(i, j, score, max(0.0, score - max(best_old.runner_up(i, j), best_new.runner_up(j, i))))
        for i, j, score in sorted(chosen)
    )
    return Alignment(
        matches, tuple(best_old.first), tuple(best_new.first), compared, best_old.nearest(), best_new.nearest()
    )


def stable_pairs(matches: Sequence[Match]) -> set[int]:
    """Return the positions in *matches* (sorted by old index) of a longest run kept in order.

    The matches outside it are the fewest that must have moved to explain the new
    order.

    Example:
        >>> matches = [Match(0, 2, 1.0, 1.0), Match(1, 0, 1.0, 1.0), Match(2, 1, 1.0, 1.0)]
        >>> sorted(stable_pairs(matches))
        [1, 2]
    """
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(matches)
    for position, match in enumerate(matches):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if tails[middle] < match.new:
                low = middle + 1
            else:
                high = middle
        if low:
            previous[position] = tail_at[low - 1]
        if low == len(tails):
            tails.append(match.new)
            tail_at.append(position)
        else:
            tails[low] = match.new
            tail_at[low] = position
    kept: set[int] = set()
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        kept.add(position)
        position = previous[position]
    return kept
