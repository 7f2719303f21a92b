r"""The text views, for a terminal: meetings, points, diffs, series and the table of the meetings.

Every character of the data that must not reach a reader raw (the one rule
of :mod:`c5statement._chars`: controls, bidirectional controls, invisible
characters) but line feed and tab is shown as an escape (``\x1b``,
``\u200b``), so that a hostile file cannot send escape sequences to the
terminal, reorder a line or hide an edit. Terminal colour follows https://no-color.org: it is used when asked
for, or (by default) when standard output is a terminal and ``NO_COLOR`` is
unset or empty (see :func:`c5statement._display.use_color`).
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from c5statement._chars import visible
from c5statement._compare import Series
from c5statement._diff import StatementDiff
from c5statement._display import register, use_color
from c5statement._meetings import MeetingTable
from c5statement._model import Meeting, Point

from . import _layout as layout

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from c5statement._diff import PointChange

    from ._layout import Row, Run

__all__ = ["diff_to_text", "meeting_to_text", "point_to_text", "series_to_text", "table_to_text"]


_ANSI = {
    "red": "31",
    "green": "32",
    "yellow": "33",
    "cyan": "36",
    "bold": "1",
    "dim": "2",
    "underline": "4",
    "strike": "9",
}


def _tty(text: object) -> str:
    r"""Text made safe for a terminal: each character that must not reach a reader raw, but line feed and tab, escaped.

    Example:
        >>> _tty("red\x1b[31m text\r")
        'red\\x1b[31m text\\x0d'
    """
    return visible(text, keep="\n\t")


def _paint(text: str, style: str, color: bool) -> str:
    """*text*, made safe for a terminal, in the colour *style* if *color* is set."""
    text = _tty(text)
    if not color or not text:
        return text
    codes = ";".join(_ANSI[name] for name in style.split())
    return f"\x1b[{codes}m{text}\x1b[0m"


def _hanging(first: str, text: str, indent: str) -> list[str]:
    r"""The lines of *text* after *first*, each further line indented by *indent*, so that it stays within its item.

    Example:
        >>> _hanging("  - ", "one\n\ntwo", "    ")
        ['  - one', '', '    two']
    """
    head, *rest = text.split("\n")
    return [first + head, *(indent + line if line else "" for line in rest)]


@register(Point, "text")
def point_to_text(point: Point, *, color: bool | None = None) -> str:
    """Render a point as one paragraph: number, text and themes.

    Example:
        >>> from c5statement import Point
        >>> point_to_text(Point(7, "all parties condemn terrorism.", frozenset({"security"})), color=False)
        '7. all parties condemn terrorism. [security]'
    """
    paint = use_color(color)
    themes = f" {_paint('[' + layout.themes_label(point) + ']', 'cyan', paint)}" if point.themes else ""
    return f"{_paint(str(point.number) + '.', 'bold', paint)} {layout.summary_marker(point)}{_tty(point.text)}{themes}"


@register(Meeting, "text")
def meeting_to_text(meeting: Meeting, *, color: bool | None = None) -> str:
    r"""Render a meeting for a terminal: facts, notes, summary, topics, decisions, points, quotes, context, sources.

    An illustrative record says so on its first line. Control characters in the
    record are shown as escapes (``\x1b``), never sent to the terminal.

    Example:
        >>> from c5statement import MEETING_2020
        >>> print(meeting_to_text(MEETING_2020, color=False).splitlines()[0])
        Inaugural China + Central Asia (C+C5) Foreign Ministers' Meeting
    """
    paint = use_color(color)
    lines = [_paint(layout.ILLUSTRATIVE, "yellow bold", paint)] if meeting.illustrative else []
    lines += [_paint(layout.flat(meeting.title), "bold", paint), ""]
    width = max(len(name) for name, _ in layout.facts(meeting))
    lines += [f"{name + ':':<{width + 1}} {_tty(value)}" for name, value in layout.facts(meeting)]

    def section(heading: str, items: list[str]) -> None:
        if items:
            lines.extend(["", _paint(heading, "bold", paint)])
            bullet, indent = ("  ", "  ") if heading == layout.SUMMARY else ("  - ", "    ")
            for item in items:
                lines.extend(_hanging(bullet, _tty(item), indent))

    for heading, items in layout.lists_before(meeting):
        section(heading, items)
    if meeting.points:
        lines += ["", _paint(f"Points ({len(meeting.points)})", "bold", paint)]
        for point in meeting.points:
            lines += _hanging("  ", point_to_text(point, color=paint), " " * (len(str(point.number)) + 4))
        if layout.reading_note(meeting):
            lines.append(f"  {layout.reading_note(meeting)}")
    elif layout.reading_note(meeting):
        lines += ["", _paint("Points", "bold", paint), f"  {layout.reading_note(meeting)}"]
    for heading, items in layout.lists_after(meeting):
        section(heading, items)
    return "\n".join(lines) + "\n"


def _text_row(row: Row, paint: bool) -> str:
    if row.kind == "removed":
        return _paint(f"- {row.old}", "red", paint)
    if row.kind == "added":
        return _paint(f"+ {row.new}", "green", paint)
    if row.runs:
        return f"{_tty(row.label)}: {_text_line(row.runs, paint)}"
    return f"{_tty(row.label)}: {_paint(row.old, 'red', paint)} → {_paint(row.new, 'green', paint)}"


def _fields_text(result: StatementDiff, paint: bool) -> list[str]:
    lines = ["", _paint(f"Fields ({layout.changes_word(len(result.fields))})", "bold", paint)]
    for top, rows in layout.field_groups(result.fields):
        if layout.grouped(rows):
            lines.append("  " + _paint(f"{top} ({layout.changes_word(len(rows))})", "bold", paint))
            lines += [f"    {_text_row(row, paint)}" for row in rows]
        else:
            lines.append(f"  {_text_row(rows[0], paint)}")
    return lines


_STYLES = {"added": "green", "removed": "red", "edited": "yellow", "moved": "yellow", "unchanged": "dim"}

_RUN_STYLES = {"delete": "red strike", "insert": "green underline"}

_MARKERS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def _text_runs(change: PointChange, result: StatementDiff, paint: bool) -> str:
    """A reworded point with wdiff markers, ``[-deleted-]{+inserted+}``; colour is added to the markers."""
    return _text_line(layout.runs(change, result.ignore), paint)


def _text_line(found: Iterable[Run], paint: bool) -> str:
    pieces = []
    for run in found:
        if run.kind == "equal":
            pieces.append(_tty(run.text))
        else:
            start, end = _MARKERS[run.kind]
            style = "dim" if run.cosmetic else _RUN_STYLES[run.kind]
            pieces.append(_paint(start + run.text + end, style, paint))
    return "".join(pieces)


def _change_lines(change: PointChange, paint: bool, result: StatementDiff, merged: Mapping[int, int]) -> list[str]:
    kind = layout.shown_kind(change, result)
    flags = layout.flags(change)
    extra = f" [{', '.join(flags)}]" if flags else ""
    head = f"{layout.SIGNS[kind]} {layout.number_label(change)}  {kind}{extra} ({layout.score_note(change)})"
    lines = [_paint(head, _STYLES[kind], paint)]
    if kind == "edited" and change.edits:
        lines += _hanging("    ", _text_runs(change, result, paint), "    ")
    elif kind != "unchanged":
        lines += _hanging("    ", _tty(layout.change_text(change)), "    ")
    if change.themes_gained or change.themes_lost:
        themes = [_paint("+" + theme, "green", paint) for theme in sorted(change.themes_gained)]
        themes += [_paint("-" + theme, "red", paint) for theme in sorted(change.themes_lost)]
        lines.append("    themes: " + " ".join(themes))
    lines += [f"    terms {name}: {_tty(terms)}" for name, terms in layout.change_terms(change, "-")]
    lines += ["    " + _tty(note) for note in (layout.links(change, merged), layout.why(change)) if note]
    return lines


@register(StatementDiff, "text")
def diff_to_text(result: StatementDiff, *, color: bool | None = None) -> str:
    """Render a diff for a terminal: ``[-deleted-]`` and ``{+inserted+}`` words, or colour.

    Example:
        >>> from c5statement import MEETING_2020, diff
        >>> print(diff_to_text(diff(MEETING_2020, MEETING_2020), color=False).splitlines()[0])
        diff cc5-fmm-2020 → cc5-fmm-2020: 9 unchanged
    """
    paint = use_color(color)
    lines = [_paint(f"diff {result.old_id} → {result.new_id}: {layout.counts_line(result)}", "bold", paint)]
    if result.themes_gained or result.themes_lost:
        gained = " ".join(_paint("+" + theme, "green", paint) for theme in sorted(result.themes_gained))
        lost = " ".join(_paint("-" + theme, "red", paint) for theme in sorted(result.themes_lost))
        lines.append(f"themes: {' '.join(part for part in (gained, lost) if part)}")
    if layout.uncoded_note(result):
        lines.append(layout.uncoded_note(result))
    lines += [f"terms {name}: {_tty(terms)}" for name, terms in layout.diff_terms(result, "-")]
    if result.points:
        lines += ["", _paint("Points", "bold", paint)]
    merged = layout.merge_targets(result)
    for change in result.points:
        lines += _change_lines(change, paint, result, merged)
    if result.fields:
        lines += _fields_text(result, paint)
    return "\n".join(lines) + "\n"


@register(Series, "text")
def series_to_text(series: Series, *, color: bool | None = None) -> str:
    """Render a series for a terminal: theme presence, lineages and pairwise similarity.

    Example:
        >>> from c5statement import MEETING_2020, compare
        >>> print(series_to_text(compare([MEETING_2020, MEETING_2020]), color=False).splitlines()[0])
        Series of 2 statements: cc5-fmm-2020, cc5-fmm-2020
    """
    paint = use_color(color)
    labels = series.labels
    lines = [_paint(f"Series of {len(labels)} statements: {', '.join(labels)}", "bold", paint), ""]
    width = max((len(theme) for theme in series.themes), default=5)
    lines.append(_paint("Themes", "bold", paint))
    lines.append(f"  {'':<{width}}  " + "  ".join(f"{index + 1:>3}" for index in range(len(labels))))
    for theme, present in series.theme_matrix.items():
        marks = "  ".join(
            f"{_paint('  ●', 'green', paint) if flag else '  ?' if flag is None else '  ·'}" for flag in present
        )
        lines.append(f"  {_tty(theme):<{width}}  {marks}")
    lines += ["", _paint("Lineages", "bold", paint)]
    rows = layout.lineage_cells(series)
    widths = [max((len(row[column]) for row in rows), default=3) for column in range(len(labels))]
    widths = [max(width, 3) for width in widths]
    for lineage, cells in zip(series.lineages, rows, strict=True):
        numbers = " → ".join(f"{cell:>{width}}" for cell, width in zip(cells, widths, strict=False))
        lines.append(f"  {numbers}   {_tty(layout.lineage_label(lineage.points))}")
    lines += ["", *(f"  {line}" for line in textwrap.wrap(layout.LINEAGE_LEGEND, 76))]
    lines += ["", _paint("Similarity", "bold", paint)]
    for index, row in enumerate(layout.matrix(series)):
        lines.append(f"  {index + 1:>3} " + " ".join(f"{value:5.2f}" for value in row) + f"  {_tty(labels[index])}")
    return "\n".join(lines) + "\n"


@register(MeetingTable, "text")
def table_to_text(table: MeetingTable, *, color: bool | None = None) -> str:  # noqa: ARG001 - the table has no colour
    """Render the table of the meetings for a terminal: a block a meeting, separated by blank lines.

    Example:
        >>> from c5statement._meetings import MeetingTable, meeting_rows
        >>> print(table_to_text(MeetingTable(meeting_rows()[:1])).splitlines()[2])
          chair: Wang Yi (CN)
    """
    blocks = []
    for row in table.rows:
        lines = [f"{row.date.isoformat()}  {row.id}  {row.level}, {row.format}"]
        lines.append(f"  venue: {row.venue or 'none (' + row.format + ')'}")
        if row.chair:
            lines.append(f"  chair: {row.chair}")
        if row.host:
            lines.append(f"  host: {row.host} (no chair named in the sources)")
        lines.append("  heads of delegation:")
        lines += [f"    {head}" for head in row.heads]
        if row.documents:
            lines.append("  documents and decisions:")
            lines += [f"    - {document}" for document in row.documents]
        blocks.append("\n".join(lines) + "\n")
    return _tty("\n".join(blocks))
