"""The one-to-one assignment of scored pairs: the Hungarian method, and a greedy pass for very large parts.

The alignment (:mod:`c5statement._align`) scores the pairs of two statements,
splits the pairs left in doubt into connected parts, and asks this module for
the pairs of each part that together score most.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["EXACT_LIMIT", "components", "hungarian", "solve"]

EXACT_LIMIT = 400
"""Components larger than this are assigned greedily instead of by the Hungarian method."""


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


def components(edges: list[tuple[int, int, float]]) -> list[list[tuple[int, int, float]]]:
    """The connected parts of a bipartite graph of scored pairs (old position, new position, score).

    Example:
        >>> components([(0, 0, 0.9), (0, 1, 0.5), (2, 2, 0.7)])
        [[(0, 0, 0.9), (0, 1, 0.5)], [(2, 2, 0.7)]]
    """
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


def solve(component: list[tuple[int, int, float]], old_size: int, new_size: int) -> list[tuple[int, int, float]]:
    """The pairs of one component that together score most, each point in one pair at most.

    By the Hungarian method up to :data:`EXACT_LIMIT` points a side, greedily
    (the highest score first) beyond. Of two equal choices, the one keeping the
    points nearer their relative places is taken (*old_size* and *new_size*
    are the statements' lengths).

    Example:
        >>> solve([(0, 0, 0.9), (0, 1, 0.8), (1, 0, 0.85)], 2, 2)
        [(0, 1, 0.8), (1, 0, 0.85)]
    """
    rows = sorted({i for i, _, _ in component})
    columns = sorted({j for _, j, _ in component})

    # A tiny bonus for keeping relative positions breaks ties (duplicate points) without moves.
    def bonus(i: int, j: int) -> float:
        return 1e-6 * (1 - abs(i / max(old_size, 1) - j / max(new_size, 1)))

    if max(len(rows), len(columns)) > EXACT_LIMIT:
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
