r"""The Markdown views: meetings, points, diffs, series and the table of the meetings.

Every piece of data is escaped for Markdown by one function, :func:`_md`: the
characters that must not reach a reader raw are shown as escapes (see
:mod:`c5statement._chars`), HTML becomes entities, Markdown punctuation is
escaped and line breaks become spaces, so that a text stays text wherever it is
put, in a table cell too.
"""

from __future__ import annotations

import html
import re
import string
import unicodedata
from typing import TYPE_CHECKING

from c5statement._chars import visible
from c5statement._compare import Series
from c5statement._diff import StatementDiff
from c5statement._display import register
from c5statement._meetings import MeetingTable
from c5statement._model import Meeting, Point

from . import _layout as layout

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from c5statement._diff import PointChange

    from ._layout import Row, Run

__all__ = ["diff_to_markdown", "meeting_to_markdown", "point_to_markdown", "series_to_markdown", "table_to_markdown"]


_LAYOUT = "\t\n\r"
"""What Markdown lays out itself (the escaping turns line breaks into spaces): kept raw."""

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")

_BLOCK_MARKER = re.compile(r"^([ \t]*(?:\d{1,9})?)([-+=.)])")
"""A list item, a setext underline or an ordered list's number at the start of a text."""


def _md(text: object) -> str:
    r"""Neutralise text for Markdown, so that it stays text wherever it is put, at a line's start too.

    HTML becomes entities; Markdown punctuation (emphasis, code, links, table
    pipes, headings) is escaped; line breaks become spaces; a list marker or a
    setext underline at the start is escaped, and leading indentation that
    would start a code block becomes character references.

    Example:
        >>> _md("# 1. <b>a</b> | b\r\nc")
        '\\# 1. &lt;b&gt;a&lt;/b&gt; \\| b  c'
        >>> _md("    - item")
        '&#32;&#32;&#32;&#32;\\- item'
    """
    escaped = html.escape(visible(text, keep=_LAYOUT), quote=False)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", escaped).replace("\r", " ").replace("\n", " ")
    marker = _BLOCK_MARKER.match(escaped)
    rest = escaped[marker.end() : marker.end() + 1] if marker else ""
    number = marker is not None and bool(marker.group(1).strip())
    if marker and (marker.group(2) in ".)" and not rest.strip() if number else marker.group(2) in "-+="):
        escaped = f"{marker.group(1)}\\{escaped[marker.end(1) :]}"
    indent = len(escaped) - len(escaped.lstrip(" \t"))
    if indent > 1 or escaped[:indent].count("\t"):
        escaped = "&#32;" * indent + escaped[indent:]
    return escaped


def _code(text: object) -> str:
    """A Markdown code span (its content is literal, so only backticks need care)."""
    return "`" + visible(text, keep=_LAYOUT).replace("`", "'").replace("\r", " ").replace("\n", " ") + "`"


@register(Meeting, "markdown")
def meeting_to_markdown(meeting: Meeting) -> str:
    """Render a meeting as Markdown, every text escaped; an illustrative record says so first.

    Example:
        >>> from c5statement import MEETING_2020
        >>> meeting_to_markdown(MEETING_2020).splitlines()[0]
        "# Inaugural China + Central Asia (C+C5) Foreign Ministers' Meeting"
    """
    lines = [f"> **{_md(layout.ILLUSTRATIVE)}**", ""] if meeting.illustrative else []
    lines += [f"# {_md(layout.flat(meeting.title))}", "", "| | |", "|---|---|"]
    lines += [f"| {name} | {_md(value)} |" for name, value in layout.facts(meeting)]

    def section(heading: str, items: list[str]) -> None:
        if items:
            lines.extend(["", f"## {heading}", ""])
            bullet = "" if heading == layout.SUMMARY else "- "
            lines.extend(f"{bullet}{_md(item)}" for item in items)

    for heading, items in layout.lists_before(meeting):
        section(heading, items)
    if meeting.points:
        lines += ["", "## Points", ""]
        lines += [point_to_markdown(point) for point in meeting.points]
        if layout.reading_note(meeting):
            lines += ["", f"*{_md(layout.reading_note(meeting))}*"]
    for heading, items in layout.lists_after(meeting):
        section(heading, items)
    return "\n".join(lines) + "\n"


@register(Point, "markdown")
def point_to_markdown(point: Point) -> str:
    """Render a point as one Markdown list item: number, text and themes.

    Example:
        >>> from c5statement import Point
        >>> point_to_markdown(Point(7, "all parties agree.", frozenset({"security"})))
        '7. all parties agree. *security*'
    """
    themes = f" *{_md(layout.themes_label(point))}*" if point.themes else ""
    return f"{point.number}. {layout.summary_marker(point)}{_md(point.text)}{themes}"


def _md_row(row: Row) -> str:
    if row.kind == "removed":
        return f"*removed* {_md(row.old)}"
    if row.kind == "added":
        return f"*added* {_md(row.new)}"
    return f"{_md(row.label)}: {_md_value(row)}"


def _md_value(row: Row) -> str:
    return _md_runs(row.runs) if row.runs else f"{_md(row.old)} → {_md(row.new)}"


def _fields_markdown(result: StatementDiff) -> list[str]:
    lines = ["", f"### Fields ({layout.changes_word(len(result.fields))})", ""]
    for top, rows in layout.field_groups(result.fields):
        if layout.grouped(rows):
            lines.append(f"- **{_md(top)}** ({layout.changes_word(len(rows))})")
            lines += [f"  - {_md_row(row)}" for row in rows]
        else:
            row = rows[0]
            lines.append(f"- **{_md(row.label)}:** {_md_value(row)}")
    return lines


def _punctuation(char: str) -> bool:
    return char in string.punctuation or unicodedata.category(char)[0] in {"P", "S"}


def _flanking(before: str, after: str) -> bool:
    """Whether a run of emphasis delimiters between *before* and *after* opens (CommonMark's left-flanking rule)."""
    return not after.isspace() and (not _punctuation(after) or before.isspace() or _punctuation(before))


_MD_MARKS = {"delete": ("~~", "del"), "insert": ("**", "ins")}


def _md_runs(found: Sequence[Run]) -> str:
    """Runs as Markdown: ``~~deleted~~`` and ``**inserted**``, or ``<del>``/``<ins>`` where delimiters would not hold.

    A run that delimiters cannot mark exactly (white space at its edges, or
    punctuation against a word) is written with the HTML tag, so that every run
    stays marked and both texts read back.
    """
    out = ""
    for index, run in enumerate(found):
        text = _md(run.text)
        if run.kind == "equal":
            out += text
            continue
        following = found[index + 1].text if index + 1 < len(found) else " "
        after = "~" if index + 1 < len(found) and found[index + 1].kind != "equal" else _md(following)[:1] or " "
        before = out[-1:] or " "
        marks, tag = _MD_MARKS[run.kind]
        if text and text == text.strip() and _flanking(before, text[0]) and _flanking(after, text[-1]):
            out += f"{marks}{text}{marks}"
        else:
            out += f"<{tag}>{text}</{tag}>"
    return out


@register(StatementDiff, "markdown")
def diff_to_markdown(result: StatementDiff) -> str:
    """Render a diff as Markdown: ``~~deleted~~`` and ``**inserted**`` words in a table.

    Example:
        >>> from c5statement import MEETING_2020, diff
        >>> print(diff_to_markdown(diff(MEETING_2020, MEETING_2020)).splitlines()[0])
        ## Diff: `cc5-fmm-2020` → `cc5-fmm-2020`
    """
    lines = [
        f"## Diff: {_code(result.old_id)} → {_code(result.new_id)}",
        "",
        f"**Summary:** {layout.counts_line(result)}",
    ]
    if result.themes_gained or result.themes_lost:
        gained = _md(", ".join(sorted(result.themes_gained))) or "none"
        lost = _md(", ".join(sorted(result.themes_lost))) or "none"
        lines += ["", f"**Themes gained:** {gained}; **lost:** {lost}"]
    if layout.uncoded_note(result):
        lines += ["", f"*{layout.uncoded_note(result)}*"]
    terms = layout.diff_terms(result)
    if terms:
        lines += ["", *(f"- **Key terms {name}:** {_md(found)}" for name, found in terms)]
    if result.points:
        lines += ["", "| | Point | Change | Match | Wording | Text | Themes |", "|---|---|---|---|---|---|---|"]
        merged = layout.merge_targets(result)
        for change in result.points:
            shown = layout.shown_kind(change, result)
            kind = ", ".join([shown, *layout.flags(change)])
            themes = " ".join(
                [f"+{_md(theme)}" for theme in sorted(change.themes_gained)]
                + [f"{layout.MINUS}{_md(theme)}" for theme in sorted(change.themes_lost)]
            )
            lines.append(
                f"| {_md(layout.SIGNS[shown])} | {layout.number_label(change)} | {kind} "
                f"| {_md(layout.match_note(change).removeprefix('match '))} "
                f"| {layout.wording_note(change).removeprefix('wording ')} "
                f"| {'<br>'.join([layout.marked_text(change, result, _md, _md_runs), *_md_notes(change, merged)])} "
                f"| {themes} |"
            )
    if result.fields:
        lines += _fields_markdown(result)
    return "\n".join(lines) + "\n"


def _md_notes(change: PointChange, merged: Mapping[int, int]) -> list[str]:
    """The notes under a change's text: its terms gained and lost, its links and its reasons, a line each."""
    notes = [f"terms {name}: {found}" for name, found in layout.change_terms(change)]
    return [_md(note) for note in (*notes, layout.links(change, merged), layout.why(change)) if note]


@register(Series, "markdown")
def series_to_markdown(series: Series) -> str:
    """Render a series as Markdown tables.

    Example:
        >>> from c5statement import MEETING_2020, compare
        >>> "## Themes" in series_to_markdown(compare([MEETING_2020, MEETING_2020]))
        True
    """
    labels = [_md(label) for label in series.labels]
    header = "| " + " | ".join(labels) + " |"
    rule = "|---" * (len(labels) + 1) + "|"
    lines = [f"# Series of {len(labels)} statements", "", "## Themes", "", "| Theme " + header, rule]
    for theme, present in series.theme_matrix.items():
        lines.append(f"| {_md(theme)} | " + " | ".join(layout.theme_mark(flag) for flag in present) + " |")
    lines += ["", "## Lineages", "", "| Point " + header, rule]
    for lineage, cells in zip(series.lineages, layout.lineage_cells(series), strict=True):
        lines.append(f"| {_md(layout.lineage_label(lineage.points))} | " + " | ".join(cells) + " |")
    lines += ["", _md(layout.LINEAGE_LEGEND)]
    lines += ["", "## Similarity", "", "| " + header, rule]
    for index, row in enumerate(layout.matrix(series)):
        lines.append(f"| {labels[index]} | " + " | ".join(f"{value:.2f}" for value in row) + " |")
    return "\n".join(lines) + "\n"


_TABLE_HEADER = ("Date", "Id", "Level", "Format", "Venue", "Chair or host", "Heads of delegation", "Documents")


@register(MeetingTable, "markdown")
def table_to_markdown(table: MeetingTable) -> str:
    """Render the table of the meetings as a Markdown (GitHub-flavoured) table, every cell escaped and on one line.

    Example:
        >>> from c5statement._meetings import MeetingTable, meeting_rows
        >>> table_to_markdown(MeetingTable(meeting_rows()[:1])).splitlines()[2].split(" | ")[:2]
        ['| 2020-07-16', 'cc5-fmm-2020']
    """
    lines = ["| " + " | ".join(_TABLE_HEADER) + " |", "|" + " --- |" * len(_TABLE_HEADER)]
    for row in table.rows:
        cells = row.cells()
        chair = cells["chair"] or (f"{cells['host']}, host" if cells["host"] else "")
        values = (
            cells["date"],
            cells["id"],
            cells["level"],
            cells["format"],
            cells["venue"],
            chair,
            cells["heads"],
            cells["documents"],
        )
        lines.append("| " + " | ".join(_md(layout.flat(value)) for value in values) + " |")
    return "\n".join(lines) + "\n"
