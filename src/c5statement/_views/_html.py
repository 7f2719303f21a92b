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
from c5statement._compare import Series
from c5statement._diff import StatementDiff
from c5statement._display import register
from c5statement._json import thaw
from c5statement._model import Meeting, Point

from . import _layout as layout

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from c5statement._model import Source

    from ._layout import Row, Run

__all__ = ["diff_to_html", "html_document", "meeting_to_html", "point_to_html", "series_to_html"]


_STYLE = (
    "<style>"
    ".c5 {font-family: system-ui, sans-serif; line-height: 1.45; max-width: 60em}"
    ".c5 table {border-collapse: collapse; margin: .5em 0}"
    ".c5 th, .c5 td {border: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top}"
    ".c5 ins {background: #d4f8d4; color: #05400a; text-decoration: none}"
    ".c5 del {background: #fbd3d3; color: #6a0a0a}"
    ".c5 .c5-theme {display: inline-block; border-radius: .6em; padding: 0 .45em; margin: 0 .15em;"
    " font-size: .85em; background: #e8eef7; color: #1d3557}"
    ".c5 .c5-gained {background: #d4f8d4; color: #05400a}"
    ".c5 .c5-lost {background: #fbd3d3; color: #6a0a0a; text-decoration: line-through}"
    ".c5 .c5-badge {font-size: .8em; padding: 0 .4em; border-radius: .3em; background: #eee}"
    ".c5 .c5-moved {background: #fff1c2; color: #5c4400}"
    ".c5 .c5-ambiguous {background: #ffe0b3; color: #6b3a00}"
    ".c5 tr.c5-added td {background: #f1fcf1} .c5 tr.c5-removed td {background: #fdf1f1}"
    ".c5 tr.c5-group th {background: #f4f4f4} .c5 .c5-note {font-size: .85em; color: #555}"
    ".c5 details pre {white-space: pre-wrap; font-size: .85em; margin: .25em 0}"
    ".c5 .c5-illustrative {background: #fff1c2; color: #5c4400; padding: .25em .5em; font-weight: bold}"
    ".c5 .c5-notes {background: #f7f7f7; border-left: 3px solid #999; padding: .25em .75em}"
    "</style>"
)

_INS = "background: #d4f8d4; color: #05400a; text-decoration: underline"

_DEL = "background: #fbd3d3; color: #6a0a0a; text-decoration: line-through"

_CELL = "border: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; overflow-wrap: break-word"

_TAG_STYLES = {
    "div": "font-family: system-ui, sans-serif; line-height: 1.45; text-align: left; max-width: 100%;"
    " overflow-wrap: break-word",
    "table": "border-collapse: collapse; margin: .5em 0; max-width: 100%",
    "th": _CELL + "; font-weight: bold",
    "td": _CELL,
    "ins": _INS,
    "del": _DEL,
    "pre": "white-space: pre-wrap; font-size: .85em; margin: .25em 0; text-align: left",
    "p": "text-align: left",
    "ul": "text-align: left",
    "ol": "text-align: left",
    "summary": "text-align: left",
}

_CLASS_STYLES = {
    "c5-theme": "display: inline-block; border-radius: .6em; padding: 0 .45em; margin: 0 .15em; font-size: .85em;"
    " background: #e8eef7; color: #1d3557; white-space: nowrap",
    "c5-gained": "background: #d4f8d4; color: #05400a",
    "c5-lost": "background: #fbd3d3; color: #6a0a0a; text-decoration: line-through",
    "c5-badge": "display: inline-block; font-size: .8em; padding: 0 .4em; border-radius: .3em; background: #eee;"
    " white-space: nowrap",
    "c5-moved": "background: #fff1c2; color: #5c4400",
    "c5-ambiguous": "background: #ffe0b3; color: #6b3a00",
    "c5-cosmetic": "opacity: .6",
    "c5-apart": "margin-left: .2em",
    "c5-note": "font-size: .85em; color: #555",
    "c5-illustrative": "background: #fff1c2; color: #5c4400; padding: .25em .5em; font-weight: bold",
    "c5-notes": "background: #f7f7f7; border-left: 3px solid #999; padding: .25em .75em",
}

_ROW_STYLES = {
    "c5-added": "background: #f1fcf1",
    "c5-removed": "background: #fdf1f1",
    "c5-group": "background: #f4f4f4",
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
        >>> styled.count("text-align: left"), styled.count("background: #d4f8d4")
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
        elif items:
            extra = ' class="c5-notes"' if heading == "Notes" else ""
            parts.append(f"<h4>{heading}</h4><ul{extra}>{''.join(f'<li>{_esc(item)}</li>' for item in items)}</ul>")
    if meeting.points:
        parts.append("<h4>Points</h4><ol>")
        parts += [
            f'<li value="{point.number}">{layout.summary_marker(point)}{_esc(point.text)} '
            f"{_theme_chips(point.themes)}{_suggested(point)}</li>"
            for point in meeting.points
        ]
        parts.append("</ol>")
        if layout.reading_note(meeting):
            parts.append(f"<p><i>{_esc(layout.reading_note(meeting))}</i></p>")
    for heading, items in layout.lists_after(meeting):
        if heading == "Sources":
            items = [_source_html(source) for source in meeting.sources]  # noqa: PLW2901 - escaped, with links
        else:
            items = [_esc(item) for item in items]  # noqa: PLW2901 - escaped
        if items:
            parts.append(f"<h4>{heading}</h4><ul>{''.join(f'<li>{item}</li>' for item in items)}</ul>")
    parts.append("</div>")
    return _styled("".join(parts))


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
    heading = f"<h4>Fields ({layout.changes_word(len(result.fields))})</h4>"
    parts = [f"{heading}<table><tr><th>Field</th><th>Old</th><th>New</th></tr>"]
    for top, rows in layout.field_groups(result.fields):
        if layout.grouped(rows):
            parts.append(
                f'<tr class="c5-group"><th colspan="3">{_esc(top)} ({layout.changes_word(len(rows))})</th></tr>'
            )
        parts += [_html_row(row) for row in rows]
    parts.append("</table>")
    return "".join(parts)


def _html_runs(found: Sequence[Run]) -> str:
    """Runs as ``<del>`` and ``<ins>``, each holding its text exactly; an insertion after a deletion stands apart."""
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
            parts.append(f'<{tag} class="c5-run{classes}{apart}"{title}>{_esc(run.text)}</{tag}>')
        previous = run.kind
    return "".join(parts)


@register(StatementDiff, "html")
def diff_to_html(result: StatementDiff) -> str:
    """Render a diff as an HTML fragment (a table), every statement text escaped.

    Example:
        >>> from c5statement import MEETING_2020, diff
        >>> "c5-diff" in diff_to_html(diff(MEETING_2020, MEETING_2020))
        True
    """
    heading = f"Diff: <code>{_esc(result.old_id)}</code> → <code>{_esc(result.new_id)}</code>"
    parts = [f'<div class="c5 c5-diff">{_STYLE}<h3>{heading}</h3><p>{_esc(layout.counts_line(result))}</p>']
    if result.themes_gained or result.themes_lost:
        parts.append(
            "<p>Themes: "
            + _theme_chips(result.themes_gained, "c5-gained", "+")
            + _theme_chips(result.themes_lost, "c5-lost", layout.MINUS)
            + "</p>"
        )
    if layout.uncoded_note(result):
        parts.append(f"<p><i>{_esc(layout.uncoded_note(result))}</i></p>")
    if layout.diff_terms(result):
        parts.append(f"<p>Key {_esc(layout.diff_terms(result))}</p>")
    if result.points:
        parts.append(
            "<table><tr><th></th><th>Point</th><th>Change</th><th>Similarity</th><th>Text</th><th>Themes</th></tr>"
        )
        for change in result.points:
            kind = layout.shown_kind(change, result)
            badges = "".join(
                f' <span class="c5-badge c5-{flag.split(":")[0]}">{_esc(flag)}</span>' for flag in layout.flags(change)
            )
            badge = f'<span class="c5-badge c5-{kind}">{kind}</span>{badges}'
            title = f' title="margin {change.margin:.2f}"'
            note = "".join(
                f' <span class="c5-note">{_esc(text)}</span>'
                for text in (
                    layout.nearest_note(change),
                    layout.change_terms(change),
                    layout.links(change),
                    layout.why(change),
                )
                if text
            )
            parts.append(
                f'<tr class="c5-{kind}"><td>{_esc(layout.SIGNS[kind])}</td>'
                f"<td>{_esc(layout.number_label(change))}</td><td>{badge}</td><td{title}>{change.similarity:.2f}{note}</td>"
                f"<td>{layout.marked_text(change, result, _esc, _html_runs)}</td>"
                f"<td>{_theme_chips(change.themes_gained, 'c5-gained', '+')}"
                f"{_theme_chips(change.themes_lost, 'c5-lost', layout.MINUS)}</td></tr>"
            )
        parts.append("</table>")
    if result.fields:
        parts.append(_fields_html(result))
    parts.append("</div>")
    return _styled("".join(parts))


@register(Series, "html")
def series_to_html(series: Series) -> str:
    """Render a series as an HTML fragment, every statement text escaped.

    Example:
        >>> from c5statement import MEETING_2020, compare
        >>> series_to_html(compare([MEETING_2020])).startswith('<div class="c5 c5-series" style="')
        True
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
    parts.append(f"</table><h4>Similarity</h4><table><tr><th></th>{head}</tr>")
    for index, row in enumerate(layout.matrix(series)):
        cells = "".join(f"<td>{value:.2f}</td>" for value in row)
        parts.append(f"<tr><th>{_esc(series.labels[index])}</th>{cells}</tr>")
    parts.append("</table></div>")
    return _styled("".join(parts))


_PAGE_STYLE = "<style>body {margin: 1.5em auto; max-width: 72em; padding: 0 1em; color: #111; background: #fff}</style>"


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
