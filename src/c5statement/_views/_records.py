"""A diff as plain rows, one a point change: the table behind ``to_records``, ``to_frame``, CSV and LaTeX."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _layout as layout

if TYPE_CHECKING:
    from c5statement._diff import PointChange, StatementDiff

__all__ = ["DIFF_COLUMNS", "diff_records"]

DIFF_COLUMNS: tuple[str, ...] = (
    "old_id",
    "new_id",
    "kind",
    "old_number",
    "new_number",
    "match",
    "wording",
    "nearest",
    "also",
    "moved",
    "ambiguous",
    "cosmetic",
    "old_text",
    "new_text",
    "themes_gained",
    "themes_lost",
    "terms_gained",
    "terms_lost",
    "terms_kept",
    "evidence",
)
"""The columns of a diff's rows, in order (see :meth:`c5statement.StatementDiff.to_records`)."""


def _joined(values: Any) -> str:
    return "; ".join(sorted((str(value) for value in values), key=str.casefold))


def _row(change: PointChange, result: StatementDiff) -> dict[str, Any]:
    return {
        "old_id": result.old_id,
        "new_id": result.new_id,
        "kind": layout.shown_kind(change, result),
        "old_number": None if change.old is None else change.old.number,
        "new_number": None if change.new is None else change.new.number,
        "match": change.similarity,
        "wording": change.wording,
        "nearest": change.nearest,
        "also": "; ".join(str(number) for number in change.also),
        "moved": change.moved,
        "ambiguous": change.ambiguous,
        "cosmetic": _joined(change.cosmetic),
        "old_text": None if change.old is None else change.old.text,
        "new_text": None if change.new is None else change.new.text,
        "themes_gained": _joined(change.themes_gained),
        "themes_lost": _joined(change.themes_lost),
        "terms_gained": _joined(change.terms_gained),
        "terms_lost": _joined(change.terms_lost),
        "terms_kept": _joined(change.terms_kept),
        "evidence": "; ".join(layout.reasons(change)),
    }


def diff_records(result: StatementDiff) -> list[dict[str, Any]]:
    """One row per point change of *result*, in the diff's reading order, with the columns of :data:`DIFF_COLUMNS`.

    Example:
        >>> from c5statement import MEETING_2020, diff
        >>> row = diff_records(diff(MEETING_2020, MEETING_2020))[0]
        >>> row["kind"], row["old_number"], row["new_number"], row["match"], row["wording"]
        ('unchanged', 1, 1, 1.0, 1.0)
    """
    return [_row(change, result) for change in result.points]
