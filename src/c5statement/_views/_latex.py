r"""The LaTeX views, for papers: a diff's point changes and the table of the meetings as ``booktabs`` tables.

Every text is escaped for LaTeX by one function, :func:`latex_escape`; the
tables need the ``booktabs`` package (``\usepackage{booktabs}``).
"""

from __future__ import annotations

import re

from c5statement._diff import StatementDiff
from c5statement._display import register
from c5statement._meetings import MeetingTable

from . import _layout as layout

__all__ = ["diff_to_latex", "latex_escape", "table_to_latex"]

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\u2212": "--",
}

_SPECIALS = re.compile("|".join(re.escape(character) for character in _SPECIAL))


def latex_escape(text: object) -> str:
    r"""Escape *text* for LaTeX: its special characters written as commands, each line break a space.

    Example:
        >>> print(latex_escape("50% of {trade} & 3_000 $ #1 ~ ^ \\"))
        50\% of \{trade\} \& 3\_000 \$ \#1 \textasciitilde{} \textasciicircum{} \textbackslash{}
    """
    flat = " ".join(str(text).split())
    return _SPECIALS.sub(lambda found: _SPECIAL[found.group()], flat)


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


@register(StatementDiff, "latex")
def diff_to_latex(result: StatementDiff) -> str:
    r"""Render a diff's point changes as a LaTeX ``tabular`` (``booktabs``): numbers, kind, match, wording, text.

    The text is the new point's (the old one's for a removed point); the
    figures have two decimals, rounded down as in every view.

    Example:
        >>> from c5statement import MEETING_2020, diff
        >>> lines = diff_to_latex(diff(MEETING_2020, MEETING_2020)).splitlines()
        >>> lines[1], lines[4]
        ('\\begin{tabular}{rrlrrp{0.55\\linewidth}}', 'Old & New & Change & Match & Wording & Text \\\\')
    """
    lines = [
        f"% diff {latex_escape(result.old_id)} -> {latex_escape(result.new_id)}: "
        + latex_escape(layout.counts_line(result)),
        r"\begin{tabular}{rrlrrp{0.55\linewidth}}",
        r"\toprule",
        "% match: how sure the new point continues the old (calibrated); wording: share of the old words kept",
        r"Old & New & Change & Match & Wording & Text \\",
        r"\midrule",
    ]
    merged = layout.merge_targets(result)
    for change in result.points:
        kept = change.wording
        link = layout.links(change, merged)
        cells = (
            _number(change.old.number if change.old is not None else None),
            _number(change.new.number if change.new is not None else None),
            layout.shown_kind(change, result) + (f" ({link})" if link else ""),
            layout.figure(change.similarity),
            "" if kept is None else layout.figure(kept),
            latex_escape(layout.change_text(change)),
        )
        lines.append(" & ".join(cells) + r" \\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines) + "\n"


@register(MeetingTable, "latex")
def table_to_latex(table: MeetingTable) -> str:
    r"""Render the table of the meetings as a LaTeX ``tabular`` (``booktabs``): date, id, level, format, venue, chair.

    Example:
        >>> from c5statement._meetings import MeetingTable, meeting_rows
        >>> table_to_latex(MeetingTable(meeting_rows()[:1])).splitlines()[4]
        '2020-07-16 & cc5-fmm-2020 & foreign-ministers & video &  & Wang Yi (CN) \\\\'
    """
    lines = [
        r"\begin{tabular}{llllll}",
        r"\toprule",
        r"Date & Id & Level & Format & Venue & Chair or host \\",
        r"\midrule",
    ]
    for row in table.rows:
        chair = row.chair or (f"{row.host}, host" if row.host else "")
        cells = (row.date.isoformat(), row.id, row.level, row.format, row.venue or "", chair)
        lines.append(" & ".join(latex_escape(cell) for cell in cells) + r" \\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines) + "\n"
