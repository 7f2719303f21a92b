"""The HTML views: fragments for notebooks and pages, and whole documents.

Every piece of data is escaped with ``html.escape``, after the characters
that must not reach a reader raw are shown as escapes (see
:mod:`c5statement._chars`); the look is written into
each tag's ``style`` attribute, since notebook hosts remove ``<style>`` elements
from untrusted output.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING, Any

from c5statement._chars import visible
from c5statement._collection import Meetings
from c5statement._compare import Series
from c5statement._diff import StatementDiff
from c5statement._display import register
from c5statement._json import thaw
from c5statement._meetings import MeetingTable, meeting_rows
from c5statement._model import Meeting, Point

from . import _layout as layout

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from c5statement._diff import PointChange
    from c5statement._model import Source

    from ._layout import Row, Run

__all__ = [
    "diff_to_html",
    "html_document",
    "meeting_to_html",
    "meetings_to_html",
    "point_to_html",
    "series_to_html",
    "table_to_html",
]


_BORDER = "var(--jp-border-color2, var(--vscode-editorWidget-border, rgba(128, 128, 128, .4)))"
"""Cell borders: the host's own border colour (JupyterLab and Notebook 7, VS Code), else a grey that reads on both."""

_LINK = "var(--jp-content-link-color, var(--vscode-textLink-foreground, inherit))"

# Tints, not fills: a translucent colour over whatever the host's background is,
# under the host's own text colour. Text keeps the contrast the host gave it, in
# a light theme and a dark one, and where a sanitiser drops these styles the
# text is simply the host's text.
_GREEN = "rgba(46, 160, 67, .16)"
_RED = "rgba(218, 54, 51, .14)"
_AMBER = "rgba(210, 153, 34, .18)"
_BLUE = "rgba(56, 139, 253, .12)"
_GREY = "rgba(128, 128, 128, .14)"
_EDGE = "rgba(128, 128, 128, .55)"

_INS = f"background: {_GREEN}; color: inherit; text-decoration: underline"

_DEL = f"background: {_RED}; color: inherit; text-decoration: line-through"

_CELL = (
    f"border: 1px solid {_BORDER}; padding: .25em .5em; text-align: left; vertical-align: top;"
    " overflow-wrap: break-word; color: inherit"
)

_STYLE = (
    "<style>"
    ".c5 {font-family: system-ui, sans-serif; line-height: 1.45; max-width: 60em; color: inherit}"
    f".c5 table {{border-collapse: collapse; margin: .5em 0}}"
    f".c5 th, .c5 td {{{_CELL}}}"
    f".c5 ins {{{_INS}}} .c5 del {{{_DEL}}}"
    f".c5 a {{color: {_LINK}; text-decoration: underline}}"
    "</style>"
)
"""The look for hosts that keep ``<style>`` elements; every rule is also written into the tags (see :func:`_styled`)."""

_TAG_STYLES = {
    "div": "font-family: system-ui, sans-serif; line-height: 1.45; text-align: left; max-width: 100%;"
    " overflow-wrap: break-word; color: inherit",
    "table": "border-collapse: collapse; margin: .5em 0; max-width: 100%; color: inherit",
    "th": _CELL + "; font-weight: bold",
    "td": _CELL,
    "ins": _INS,
    "del": _DEL,
    "a": f"color: {_LINK}; text-decoration: underline",
    "pre": "white-space: pre-wrap; font-size: .85em; margin: .25em 0; text-align: left; color: inherit;"
    " background: transparent",
    "code": "color: inherit; background: transparent; overflow-wrap: anywhere",
    "p": "text-align: left",
    "ul": "text-align: left",
    "ol": "text-align: left",
    "summary": "text-align: left; cursor: pointer",
}

_CLASS_STYLES = {
    "c5-theme": "display: inline-block; border-radius: .6em; padding: 0 .45em; margin: 0 .15em; font-size: .85em;"
    f" background: {_BLUE}; border: 1px solid rgba(56, 139, 253, .45); color: inherit; white-space: nowrap",
    "c5-gained": f"background: {_GREEN}; border-color: rgba(46, 160, 67, .6)",
    "c5-lost": f"background: {_RED}; border-color: rgba(218, 54, 51, .6); text-decoration: line-through",
    "c5-badge": "display: inline-block; font-size: .8em; padding: 0 .4em; border-radius: .3em;"
    f" background: {_GREY}; border: 1px solid {_EDGE}; color: inherit; white-space: nowrap",
    "c5-added": f"background: {_GREEN}",
    "c5-removed": f"background: {_RED}",
    "c5-edited": f"background: {_BLUE}",
    "c5-moved": f"background: {_AMBER}",
    "c5-ambiguous": f"background: {_AMBER}",
    "c5-cosmetic": "text-decoration-style: dotted",
    "c5-space": "text-decoration: none; background: transparent",
    "c5-apart": "margin-left: .2em",
    "c5-note": "font-size: .85em; font-style: italic; margin-top: .15em",
    "c5-legend": "font-size: .85em; font-style: italic; margin: .25em 0",
    "c5-illustrative": f"background: {_AMBER}; border-left: 4px solid rgba(210, 153, 34, .8); color: inherit;"
    " padding: .25em .5em; font-weight: bold",
    "c5-notes": f"background: {_GREY}; border-left: 3px solid {_EDGE}; color: inherit;"
    " padding: .35em .75em .35em 2.2em; margin: .5em 0",
    "c5-summary": "margin: .25em 0",
    "c5-small": "font-size: .85em",
    "c5-nowrap": "white-space: nowrap",
}

_ROW_STYLES = {
    "c5-added": "background: rgba(46, 160, 67, .07)",
    "c5-removed": "background: rgba(218, 54, 51, .07)",
    "c5-group": f"background: {_GREY}",
}

_OPENING_TAG = re.compile(r"<([a-z][a-z0-9]*)([^<>]*)>")

_CLASS = re.compile(r'class="([^"]*)"')


def _styled(fragment: str) -> str:
    """*fragment* with the look that matters written into each tag's ``style`` attribute.

    Notebook hosts remove ``<style>`` elements from untrusted output and apply
    their own table rules (right-aligned cells); inline styles survive both. The
    fragment is the renderer's own markup, every data text in it escaped, so
    each ``<`` starts one of its tags.

    Example:
        >>> styled = _styled('<td>a <span class="c5-gained">+energy</span></td>')
        >>> styled.count("text-align: left"), styled.count("background: rgba(46, 160, 67, .16)")
        (1, 1)
    """

    def style(found: re.Match[str]) -> str:
        tag, attributes = found.groups()
        classes = _CLASS.search(attributes)
        names = classes.group(1).split() if classes else []
        table = _ROW_STYLES if tag == "tr" else _CLASS_STYLES
        rules = [rule for rule in (_TAG_STYLES.get(tag, ""), *(table.get(name, "") for name in names)) if rule]
        if not rules or "style=" in attributes:
            return found.group()
        return f'<{tag}{attributes} style="{"; ".join(rules)}">'

    return _OPENING_TAG.sub(style, fragment)


def _esc(text: object) -> str:
    r"""*text* escaped for HTML, each character that must not reach a reader raw shown as an escape (``\u202e``)."""
    return html.escape(visible(text, keep="\t\n\r"), quote=True)


def _theme_chips(themes: Iterable[str], extra: str = "", prefix: str = "") -> str:
    chips = " ".join(f'<span class="c5-theme {extra}">{_esc(prefix + theme)}</span>' for theme in sorted(themes))
    return chips + " " if chips else ""


@register(Point, "html")
def point_to_html(point: Point) -> str:
    """Render a point as an HTML fragment.

    Example:
        >>> from c5statement import Point
        >>> html = point_to_html(Point(1, "<script>x</script>"))
        >>> "<script>" in html, "&lt;script&gt;x&lt;/script&gt;" in html
        (False, True)
    """
    return _styled(
        f'<div class="c5 c5-point"><b>{point.number}.</b> {layout.summary_marker(point)}{_esc(point.text)} '
        f"{_theme_chips(point.themes)}{_suggested(point)}</div>"
    )


def _suggested(point: Point) -> str:
    return " <small>(suggested)</small>" if point.coding == "suggested" and point.themes else ""


def _source_html(source: Source) -> str:
    """A source, its address a link when it is an http(s) URL; every text escaped."""
    url = source.url
    note = _esc(layout.noted("", source.note))
    if not (url and url.startswith(("https://", "http://"))):
        return _esc(layout.source_line(source)) + note
    link = f'<a href="{_esc(url)}" rel="noopener noreferrer">{_esc(url)}</a>'
    return f"{_esc(layout.source_line(source, url=False))}, {link}{note}"


@register(Meeting, "html")
def meeting_to_html(meeting: Meeting) -> str:
    """Render a meeting as an HTML fragment: facts, notes, summary, topics, decisions, points, quotes, context, sources.

    Every text is escaped; an illustrative record says so at the top.

    Example:
        >>> from c5statement import MEETING_2020
        >>> "<ol style=" in meeting_to_html(MEETING_2020)
        True
    """
    parts = [f'<div class="c5 c5-meeting">{_STYLE}']
    if meeting.illustrative:
        parts.append(f'<p class="c5-illustrative">{_esc(layout.ILLUSTRATIVE)}</p>')
    parts.append(f"<h3>{_esc(layout.flat(meeting.title))}</h3><table>")
    parts += [f"<tr><th>{_esc(name)}</th><td>{_esc(value)}</td></tr>" for name, value in layout.facts(meeting)]
    parts.append("</table>")
    for heading, items in layout.lists_before(meeting):
        if heading == layout.SUMMARY and items:
            parts.append(f"<h4>{heading}</h4><p>{_esc(items[0])}</p>")
        elif heading == "Participants" and items:  # the facts name them; the details fold
            parts.append(_folded(f"{heading} ({len(items)})", _list(items)))
        elif items:
            extra = ' class="c5-notes"' if heading == "Notes" else ""
            parts.append(f"<h4>{heading}</h4><ul{extra}>{''.join(f'<li>{_esc(item)}</li>' for item in items)}</ul>")
    parts.append(_points_html(meeting))
    for heading, items in layout.lists_after(meeting):
        if heading == "Sources":
            items = [_source_html(source) for source in meeting.sources]  # noqa: PLW2901 - escaped, with links
        else:
            items = [_esc(item) for item in items]  # noqa: PLW2901 - escaped
        if items:
            parts.append(
                _folded(f"{heading} ({len(items)})", f"<ul>{''.join(f'<li>{item}</li>' for item in items)}</ul>")
            )
    parts.append("</div>")
    return _styled("".join(parts))


def _points_html(meeting: Meeting) -> str:
    """The numbered points of a meeting, each marked where it is a summary, and how much was read; empty if none."""
    if not meeting.points:
        return ""
    items = "".join(
        f'<li value="{point.number}">{layout.summary_marker(point)}{_esc(point.text)} '
        f"{_theme_chips(point.themes)}{_suggested(point)}</li>"
        for point in meeting.points
    )
    note = layout.reading_note(meeting)
    return f"<h4>Points</h4><ol>{items}</ol>" + (f"<p><i>{_esc(note)}</i></p>" if note else "")


def _list(items: Iterable[str]) -> str:
    return f"<ul>{''.join(f'<li>{_esc(item)}</li>' for item in items)}</ul>"


def _folded(heading: str, body: str, *, open: bool = False) -> str:
    """*body* behind a disclosure headed *heading* (escaped): a long view leads with its summary and folds the rest.

    ``<details>`` survives the sanitiser of untrusted notebooks, and a closed one
    keeps a notebook's scroll box short.

    Example:
        >>> _folded("Sources (2)", "<ul><li>a</li></ul>")
        '<details><summary><b>Sources (2)</b></summary><ul><li>a</li></ul></details>'
    """
    return f"<details{' open' if open else ''}><summary><b>{_esc(heading)}</b></summary>{body}</details>"


def _html_value(brief: str, value: Any, tag: str) -> str:
    """A shortened value, with the full JSON behind a disclosure when the two differ."""
    if not brief:
        return ""
    full = layout.json_text(value)
    if full == brief:
        return f"<{tag}>{_esc(brief)}</{tag}>"
    pretty = value if isinstance(value, str) else json.dumps(thaw(value), ensure_ascii=False, indent=2)
    return f"<details><summary><{tag}>{_esc(brief)}</{tag}></summary><pre>{_esc(pretty)}</pre></details>"


def _html_row(row: Row) -> str:
    field = row.field
    label = f'<code title="{_esc(field.path)}">{_esc(row.label)}</code>'
    if row.kind in {"added", "removed"}:
        label += f' <span class="c5-badge c5-{row.kind}">{row.kind}</span>'
    if row.kind == "order":  # the keys in order say it all
        old, new = f"<del>{_esc(row.old)}</del>", f"<ins>{_esc(row.new)}</ins>"
    elif row.kind in {"added", "removed"}:  # the label names the item already
        old = _html_value(row.old and layout.brief(field.old), field.old, "del")
        new = _html_value(row.new and layout.brief(field.new), field.new, "ins")
    elif row.runs:  # each side with its changed words marked
        old = _html_runs([run for run in row.runs if run.kind != "insert"])
        new = _html_runs([run for run in row.runs if run.kind != "delete"])
    else:
        old = _html_value(row.old, field.old, "del")
        new = _html_value(row.new, field.new, "ins")
    return f"<tr><td>{label}</td><td>{old}</td><td>{new}</td></tr>"


def _fields_html(result: StatementDiff) -> str:
    parts = ["<table><tr><th>Field</th><th>Old</th><th>New</th></tr>"]
    for top, rows in layout.field_groups(result.fields):
        if layout.grouped(rows):
            parts.append(
                f'<tr class="c5-group"><th colspan="3">{_esc(top)} ({layout.changes_word(len(rows))})</th></tr>'
            )
        parts += [_html_row(row) for row in rows]
    parts.append("</table>")
    heading = f"Fields ({layout.changes_word(len(result.fields))})"
    return _folded(heading, "".join(parts), open=len(result.fields) <= _FIELDS_OPEN)


_FIELDS_OPEN = 8
"""Up to this many field changes show open; more fold behind their heading, after the points."""


def _html_runs(found: Sequence[Run]) -> str:
    """Runs as ``<del>`` and ``<ins>``, each holding its text exactly; an insertion after a deletion stands apart.

    The space around a run's words is a mark of its own, without underline or
    tint, so that no space is underlined or struck out; removing every
    ``<ins>`` still gives the old text exactly, and every ``<del>`` the new one.

    Example:
        >>> from c5statement._views._layout import Run
        >>> _html_runs([Run("equal", "trade"), Run("insert", " fast")])
        'trade<ins class="c5-run c5-space"> </ins><ins class="c5-run">fast</ins>'
    """
    tags = {"delete": "del", "insert": "ins"}
    parts = []
    previous = "equal"
    for run in found:
        if run.kind == "equal":
            parts.append(_esc(run.text))
        else:
            classes = " c5-cosmetic" if run.cosmetic else ""
            apart = " c5-apart" if previous == "delete" else ""
            title = ' title="cosmetic change"' if run.cosmetic else ""
            tag = tags[run.kind]
            text = run.text.strip()
            if not text:  # a run of white space only is marked as it is
                parts.append(f'<{tag} class="c5-run{classes}{apart}"{title}>{_esc(run.text)}</{tag}>')
            else:  # the space around the words is marked apart, without underline or tint
                before, after = run.text[: len(run.text) - len(run.text.lstrip())], run.text[len(run.text.rstrip()) :]
                space = f'<{tag} class="c5-run c5-space">{{}}</{tag}>'
                marked = f'<{tag} class="c5-run{classes}{"" if before else apart}"{title}>{_esc(text)}</{tag}>'
                parts.append(
                    (space.format(_esc(before)) if before else "")
                    + marked
                    + (space.format(_esc(after)) if after else "")
                )
        previous = run.kind
    return "".join(parts)


@register(StatementDiff, "html")
def diff_to_html(result: StatementDiff) -> str:
    """Render a diff as an HTML fragment: its summary first, then a table of the changed points, every text escaped.

    The summary (counts, themes, key terms) leads; unchanged points and a long
    list of field changes fold behind a disclosure.

    Example:
        >>> from c5statement import MEETING_2020, diff
        >>> html = diff_to_html(diff(MEETING_2020, MEETING_2020))
        >>> "c5-diff" in html, "9 unchanged points</b></summary>" in html
        (True, True)
    """
    heading = f"Diff: <code>{_esc(result.old_id)}</code> → <code>{_esc(result.new_id)}</code>"
    parts = [f'<div class="c5 c5-diff">{_STYLE}<h3>{heading}</h3>']
    parts.append(f'<p class="c5-summary"><b>{_esc(layout.counts_line(result))}</b></p>')
    if result.themes_gained or result.themes_lost:
        parts.append(
            '<p class="c5-summary">Themes: '
            + _theme_chips(result.themes_gained, "c5-gained", "+")
            + _theme_chips(result.themes_lost, "c5-lost", layout.MINUS)
            + "</p>"
        )
    if layout.uncoded_note(result):
        parts.append(f"<p><i>{_esc(layout.uncoded_note(result))}</i></p>")
    parts += [
        f'<p class="c5-summary">Key terms {_esc(name)}: {_esc(terms)}</p>' for name, terms in layout.diff_terms(result)
    ]
    shown = [change for change in result.points if layout.shown_kind(change, result) != "unchanged"]
    quiet = [change for change in result.points if layout.shown_kind(change, result) == "unchanged"]
    if shown:
        parts.append(_points_table(shown, result))
    if quiet:
        word = "point" if len(quiet) == 1 else "points"
        parts.append(_folded(f"{len(quiet)} unchanged {word}", _points_table(quiet, result)))
    if result.fields:
        parts.append(_fields_html(result))
    parts.append("</div>")
    return _styled("".join(parts))


_POINTS_HEAD = (
    "<tr><th></th><th>Point</th><th>Change</th>"
    '<th title="how sure that the new point continues the old one (a calibrated probability)">Match</th>'
    '<th title="the share of the old point\'s words the new one keeps">Wording</th>'
    "<th>Text</th><th>Themes</th></tr>"
)


def _points_table(changes: Sequence[PointChange], result: StatementDiff) -> str:
    """The rows of *changes*: sign, number, kind, the two figures, the text with its notes under it, the themes."""
    parts = [f"<table>{_POINTS_HEAD}"]
    merged = layout.merge_targets(result)
    for change in changes:
        kind = layout.shown_kind(change, result)
        badges = "".join(
            f' <span class="c5-badge c5-{flag.split(":")[0]}">{_esc(flag)}</span>' for flag in layout.flags(change)
        )
        badge = f'<span class="c5-badge c5-{kind}">{kind}</span>{badges}'
        notes = [f"terms {name}: {terms}" for name, terms in layout.change_terms(change)]
        notes += [note for note in (layout.links(change, merged), layout.why(change)) if note]
        below = "".join(f'<div class="c5-note">{_esc(note)}</div>' for note in notes)
        wording = layout.wording_note(change).removeprefix("wording ")
        match = _esc(layout.figure(change.similarity))
        if change.old is None or change.new is None:  # the figure is its nearest candidate's
            nearest = layout.nearest_note(change)
            match = (
                f'{match}<div class="c5-note">with {_esc(nearest)}</div>'
                if change.nearest is not None
                else f'<div class="c5-note">{_esc(nearest)}</div>'
            )
        parts.append(
            f'<tr class="c5-{kind}"><td>{_esc(layout.SIGNS[kind])}</td>'
            f"<td>{_esc(layout.number_label(change))}</td><td>{badge}</td>"
            f'<td title="margin {change.margin:.2f}">{match}</td><td>{_esc(wording)}</td>'
            f"<td>{layout.marked_text(change, result, _esc, _html_runs)}{below}</td>"
            f"<td>{_theme_chips(change.themes_gained, 'c5-gained', '+')}"
            f"{_theme_chips(change.themes_lost, 'c5-lost', layout.MINUS)}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)


@register(Series, "html")
def series_to_html(series: Series) -> str:
    """Render a series as an HTML fragment, every statement text escaped: themes, lineages with their key, similarity.

    Example:
        >>> from c5statement import MEETING_2020, compare
        >>> html = series_to_html(compare([MEETING_2020]))
        >>> html.startswith('<div class="c5 c5-series" style="'), "c5-legend" in html
        (True, True)
    """
    head = "".join(f"<th>{_esc(label)}</th>" for label in series.labels)
    parts = [f'<div class="c5 c5-series">{_STYLE}<h3>Series of {len(series.labels)} statements</h3>']
    parts.append(f"<h4>Themes</h4><table><tr><th>Theme</th>{head}</tr>")
    for theme, present in series.theme_matrix.items():
        cells = "".join(f"<td>{layout.theme_mark(flag)}</td>" for flag in present)
        parts.append(f"<tr><td>{_theme_chips([theme])}</td>{cells}</tr>")
    parts.append(f"</table><h4>Lineages</h4><table><tr><th>Point</th>{head}</tr>")
    for lineage, numbers in zip(series.lineages, layout.lineage_cells(series), strict=True):
        label = _esc(layout.lineage_label(lineage.points))
        full = layout.lineage_text(lineage.points)
        if label != _esc(full):  # the whole text behind a disclosure, and as a tooltip
            label = f'<details title="{_esc(full)}"><summary>{label}</summary>{_esc(full)}</details>'
        parts.append(f"<tr><td>{label}</td>{''.join(f'<td>{_esc(cell)}</td>' for cell in numbers)}</tr>")
    parts.append(f'</table><p class="c5-legend">{_esc(layout.LINEAGE_LEGEND)}</p>')
    matrix = layout.matrix(series)
    if matrix:
        rows = [f"<table><tr><th></th>{head}</tr>"]
        for index, row in enumerate(matrix):
            cells = "".join(f"<td>{value:.2f}</td>" for value in row)
            rows.append(f"<tr><th>{_esc(series.labels[index])}</th>{cells}</tr>")
        rows.append("</table>")
        parts.append(_folded("Similarity of the statements", "".join(rows)))
    parts.append("</div>")
    return _styled("".join(parts))


_TABLE_HEAD = ("Date", "Meeting", "Venue", "Chair or host", "Heads of delegation", "Documents")


@register(Meetings, "html")
def meetings_to_html(meetings: Meetings) -> str:
    """Render the packaged meetings (:data:`c5statement.MEETINGS`, or a selection) as the table of the meetings.

    Example:
        >>> from c5statement._data import meetings
        >>> meetings_to_html(meetings()).count("<tr")
        10
    """
    return table_to_html(MeetingTable(meeting_rows(meetings)))


@register(MeetingTable, "html")
def table_to_html(table: MeetingTable) -> str:
    """Render the table of the meetings as an HTML table, a row a meeting, every text escaped.

    Example:
        >>> from c5statement._meetings import MeetingTable, meeting_rows
        >>> html = table_to_html(MeetingTable(meeting_rows()[:2]))
        >>> html.count("<tr"), "cc5-fmm-2021" in html
        (3, True)
    """
    parts = [f'<div class="c5 c5-meetings">{_STYLE}<table class="c5-small"><tr>']
    parts += [f"<th>{name}</th>" for name in _TABLE_HEAD]
    parts.append("</tr>")
    for row in table.rows:
        chair = row.chair or (f"{row.host}, host" if row.host else "")
        heads = ", ".join(  # the name a line; the title on hover (and in every other view of the table)
            f'<span title="{_esc(head.title)}">{_esc(head.country)} {_esc(head.person)}'
            f"{'' if head.role == 'head of delegation' else ' (' + _esc(head.role) + ')'}</span>"
            for head in row.heads
        )
        documents = "".join(f"<div>\u2022 {_esc(document)}</div>" for document in row.documents)
        meeting = f"<code>{_esc(row.id)}</code><br>{_esc(row.level)}, {_esc(row.format)}"
        parts.append(f'<tr><td class="c5-nowrap">{_esc(row.date.isoformat())}</td><td>{meeting}</td>')
        parts.append(f"<td>{_esc(row.venue or '')}</td><td>{_esc(chair)}</td><td>{heads}</td><td>{documents}</td></tr>")
    parts.append("</table></div>")
    return _styled("".join(parts))


_PAGE_STYLE = (
    "<style>:root {color-scheme: light dark}"
    " body {margin: 1.5em auto; max-width: 72em; padding: 0 1em; color: #111; background: #fff}"
    " a {color: #0b57d0}"
    " @media (prefers-color-scheme: dark) {body {color: #eee; background: #121212} a {color: #8ab4f8}}</style>"
)
"""A page's colours: the reader's light or dark preference, the views' tints reading on both."""


def html_document(obj: Meeting | Point | StatementDiff | Series) -> str:
    """A whole HTML page around the fragment of ``obj.to_html()``: doctype, UTF-8 charset, title and styles.

    Example:
        >>> from c5statement import MEETING_2020
        >>> page = html_document(MEETING_2020)
        >>> page.splitlines()[0], "<title>Inaugural" in page, page.rstrip().endswith("</html>")
        ('<!DOCTYPE html>', True, True)
    """
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(layout.page_title(obj))}</title>\n{_PAGE_STYLE}\n</head>\n<body>\n{obj.to_html()}\n</body>\n</html>\n"
    )


for _cls in (Meeting, Point, StatementDiff, Series):
    register(_cls, "html-document")(html_document)
