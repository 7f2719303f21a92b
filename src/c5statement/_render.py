r"""Text, Markdown and HTML views of meetings, points, diffs and series.

Every piece of statement text is escaped for the target: ``html.escape`` in HTML,
HTML entities and backslashes in Markdown, and in terminal text every control
character but line feed and tab is shown as an escape (``\x1b``), so that a
hostile file cannot send escape sequences to the terminal. Terminal colour follows
https://no-color.org: it is used when asked for, or (by default) when standard
output is a terminal and ``NO_COLOR`` is unset or empty.
"""

from __future__ import annotations

import html
import json
import math
import re
import string
import unicodedata
from typing import TYPE_CHECKING, Any, NamedTuple

from ._compare import Series
from ._diff import StatementDiff
from ._display import mimebundle, register, use_color
from ._edits import word_edits
from ._json import thaw
from ._model import Meeting, Point
from ._paths import ORDER, segments

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from ._diff import FieldChange, PointChange
    from ._model import ContextNote, Participant, Quote, Source

__all__ = [
    "diff_to_html",
    "diff_to_markdown",
    "diff_to_text",
    "html_document",
    "meeting_to_html",
    "meeting_to_markdown",
    "meeting_to_text",
    "mimebundle",
    "point_to_html",
    "point_to_markdown",
    "point_to_text",
    "runs",
    "series_to_html",
    "series_to_markdown",
    "series_to_text",
    "use_color",
]

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
_MINUS = "\u2212"
_LABEL_WIDTH = 60
_SIGNS = {"unchanged": "=", "edited": "~", "moved": "^", "added": "+", "removed": "-"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")
_BLOCK_MARKER = re.compile(r"^([ \t]*(?:\d{1,9})?)([-+=.)])")
"""A list item, a setext underline or an ordered list's number at the start of a text."""
_BRIEF_WIDTH = 70
_EVIDENCE_SHOWN = 3
_EVIDENCE_NEAREST = 0.1
"""An added or removed point shows the evidence for its nearest candidate from this score up."""
"""How many pieces of evidence a view shows for a change (the data keeps them all)."""
_QUOTE_WIDTH = 50
_ELLIPSIS = "\u2026"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WHITESPACE = re.compile(r"\s+")
_ILLUSTRATIVE = "ILLUSTRATIVE RECORD \u2014 not an official text"
_SUMMARY = "Summary"

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


def _tty(text: object) -> str:
    r"""Text made safe for a terminal: each control character but line feed and tab shown as an escape.

    Example:
        >>> _tty("red\x1b[31m text\r")
        'red\\x1b[31m text\\x0d'
    """
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", str(text))


def _paint(text: str, style: str, color: bool) -> str:
    """*text*, made safe for a terminal, in the colour *style* if *color* is set."""
    text = _tty(text)
    if not color or not text:
        return text
    codes = ";".join(_ANSI[name] for name in style.split())
    return f"\x1b[{codes}m{text}\x1b[0m"


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


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
    escaped = html.escape(str(text), quote=False)
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


def _flat(text: object) -> str:
    r"""A one-line field kept on one line: each run of white space, line breaks included, one space.

    Example:
        >>> _flat("Nur-Sultan\n| Chair |  Fake  ")
        'Nur-Sultan | Chair | Fake'
    """
    return _WHITESPACE.sub(" ", str(text)).strip()


def _hanging(first: str, text: str, indent: str) -> list[str]:
    r"""The lines of *text* after *first*, each further line indented by *indent*, so that it stays within its item.

    Example:
        >>> _hanging("  - ", "one\n\ntwo", "    ")
        ['  - one', '', '    two']
    """
    head, *rest = text.split("\n")
    return [first + head, *(indent + line if line else "" for line in rest)]


def _code(text: object) -> str:
    """A Markdown code span (its content is literal, so only backticks need care)."""
    return "`" + str(text).replace("`", "'").replace("\r", " ").replace("\n", " ") + "`"


# --- meetings and points ---------------------------------------------------------------


def _facts(meeting: Meeting) -> list[tuple[str, str]]:
    """The one-line facts, each value on one line; the participants by name only (details have a section)."""
    rows = [
        ("Id", meeting.id),
        ("Level", meeting.level),
        ("Date", meeting.date.isoformat()),
        ("Format", meeting.format),
    ]
    if meeting.venue is not None:
        rows.append(("Venue", meeting.venue))
    chair = meeting.chair
    if chair is not None:
        rows.append(("Chair", f"{_flat(chair.person)} ({chair.country})"))
    if meeting.participants:
        rows.append(
            ("Participants", ", ".join(f"{_flat(person.person)} ({person.country})" for person in meeting.participants))
        )
    if meeting.illustrative:
        rows.append(("Illustrative", "yes: a made-up record, not an official text"))
    return [(name, _flat(value)) for name, value in rows]


def _noted(text: str, note: str | None) -> str:
    return f"{text} (note: {note})" if note else text


def _participant_line(participant: Participant) -> str:
    """A participant as reported: ``CN  Wang Yi — Foreign Minister (chair); also spelled: ...; note: ...``."""
    line = f"{_flat(participant.country)}  {_flat(participant.person)} \u2014 {_flat(participant.title)}"
    line += f" ({_flat(participant.role)})"
    if participant.aliases:
        line += "; also spelled: " + ", ".join(_flat(alias) for alias in participant.aliases)
    return f"{line}; note: {participant.note}" if participant.note else line


def _quote_line(quote: Quote) -> str:
    """A quote with who said it, where and when: ``“...” — Hua Chunying, spokesperson; a briefing; 2020-07-18``."""
    speaker = _flat(f"{quote.speaker}, {quote.speaker_title}" if quote.speaker_title else quote.speaker)
    when = quote.date and quote.date.isoformat()
    parts = [speaker, *(_flat(part) for part in (quote.occasion, when) if part)]
    return _noted(f"\u201c{quote.text}\u201d \u2014 {'; '.join(parts)}", quote.note)


def _context_line(note: ContextNote) -> str:
    return _noted(note.text if note.year is None else f"{note.text} ({note.year})", note.note)


def _source_line(source: Source, *, url: bool = True) -> str:
    """A source as cited: ``id: publisher, “title”, author, date, url``."""
    parts = [_flat(source.publisher), f"\u201c{_flat(source.title)}\u201d"]
    parts += [_flat(part) for part in (source.author, source.date and source.date.isoformat()) if part]
    if url and source.url:
        parts.append(_flat(source.url))
    return f"{_flat(source.id)}: {', '.join(parts)}"


def _lists_before(meeting: Meeting) -> list[tuple[str, list[str]]]:
    """The sections between the facts and the points: caveats first, then who took part."""
    return [
        ("Notes", list(meeting.notes)),
        ("Participants", [_participant_line(participant) for participant in meeting.participants]),
        (_SUMMARY, [meeting.summary] if meeting.summary else []),
        ("Topics", [topic.text for topic in meeting.topics]),
        ("Decisions", [_noted(decision.text, decision.note) for decision in meeting.decisions]),
    ]


def _lists_after(meeting: Meeting) -> list[tuple[str, list[str]]]:
    """The sections after the points: quotes, context and the sources cited."""
    return [
        ("Quotes", [_quote_line(quote) for quote in meeting.quotes]),
        ("Context", [_context_line(note) for note in meeting.context]),
        ("Sources", [_noted(_source_line(source), source.note) for source in meeting.sources]),
    ]


@register(Point, "text")
def point_to_text(point: Point, *, color: bool | None = None) -> str:
    """Render a point as one paragraph: number, text and themes.

    Example:
        >>> from c5statement import Point
        >>> point_to_text(Point(7, "all parties condemn terrorism.", frozenset({"security"})), color=False)
        '7. all parties condemn terrorism. [security]'

        A point that is the record's summary (``verbatim`` false) is marked:

        >>> point_to_text(Point(2, "the sides will trade more.", verbatim=False), color=False)
        '2. (summary) the sides will trade more.'
    """
    paint = use_color(color)
    themes = f" {_paint('[' + ', '.join(sorted(point.themes)) + ']', 'cyan', paint)}" if point.themes else ""
    mark = "" if point.verbatim else f"{_paint(_SUMMARY_MARK, 'yellow', paint)} "
    return f"{_paint(str(point.number) + '.', 'bold', paint)} {mark}{_tty(point.text)}{themes}"


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
    lines = [_paint(_ILLUSTRATIVE, "yellow bold", paint)] if meeting.illustrative else []
    lines += [_paint(_flat(meeting.title), "bold", paint), ""]
    width = max(len(name) for name, _ in _facts(meeting))
    lines += [f"{name + ':':<{width + 1}} {_tty(value)}" for name, value in _facts(meeting)]

    def section(heading: str, items: list[str]) -> None:
        if items:
            lines.extend(["", _paint(heading, "bold", paint)])
            bullet, indent = ("  ", "  ") if heading == _SUMMARY else ("  - ", "    ")
            for item in items:
                lines.extend(_hanging(bullet, _tty(item), indent))

    for heading, items in _lists_before(meeting):
        section(heading, items)
    if meeting.points:
        lines += ["", _paint(f"Points ({len(meeting.points)})", "bold", paint)]
        for point in meeting.points:
            lines += _hanging("  ", point_to_text(point, color=paint), " " * (len(str(point.number)) + 4))
    for heading, items in _lists_after(meeting):
        section(heading, items)
    return "\n".join(lines) + "\n"


@register(Meeting, "markdown")
def meeting_to_markdown(meeting: Meeting) -> str:
    """Render a meeting as Markdown, every text escaped; an illustrative record says so first.

    Example:
        >>> from c5statement import MEETING_2020
        >>> meeting_to_markdown(MEETING_2020).splitlines()[0]
        "# Inaugural China + Central Asia (C+C5) Foreign Ministers' Meeting"
    """
    lines = [f"> **{_md(_ILLUSTRATIVE)}**", ""] if meeting.illustrative else []
    lines += [f"# {_md(_flat(meeting.title))}", "", "| | |", "|---|---|"]
    lines += [f"| {name} | {_md(value)} |" for name, value in _facts(meeting)]

    def section(heading: str, items: list[str]) -> None:
        if items:
            lines.extend(["", f"## {heading}", ""])
            bullet = "" if heading == _SUMMARY else "- "
            lines.extend(f"{bullet}{_md(item)}" for item in items)

    for heading, items in _lists_before(meeting):
        section(heading, items)
    if meeting.points:
        lines += ["", "## Points", ""]
        lines += [point_to_markdown(point) for point in meeting.points]
    for heading, items in _lists_after(meeting):
        section(heading, items)
    return "\n".join(lines) + "\n"


_SUMMARY_MARK = "(summary)"
"""How views mark a point whose text is the record's summary, not the document's wording (``verbatim`` false)."""


def _summary_chip(point: Point) -> str:
    """The HTML mark of a summary point, with its meaning on hover; nothing for a verbatim point."""
    if point.verbatim:
        return ""
    title = "the record's summary in its own words, not the document's text"
    return f'<span class="c5-badge c5-summary" title="{title}">{_SUMMARY_MARK}</span> '


def _theme_chips(themes: Iterable[str], extra: str = "", prefix: str = "") -> str:
    chips = " ".join(f'<span class="c5-theme {extra}">{_esc(prefix + theme)}</span>' for theme in sorted(themes))
    return chips + " " if chips else ""


@register(Point, "markdown")
def point_to_markdown(point: Point) -> str:
    """Render a point as one Markdown list item: number, text and themes.

    Example:
        >>> from c5statement import Point
        >>> point_to_markdown(Point(7, "all parties agree.", frozenset({"security"})))
        '7. all parties agree. *security*'
    """
    themes = f" *{_md(', '.join(sorted(point.themes)))}*" if point.themes else ""
    mark = "" if point.verbatim else f"**{_md(_SUMMARY_MARK)}** "
    return f"{point.number}. {mark}{_md(point.text)}{themes}"


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
        f'<div class="c5 c5-point"><b>{point.number}.</b> {_summary_chip(point)}{_esc(point.text)} '
        f"{_theme_chips(point.themes)}</div>"
    )


def _source_html(source: Source) -> str:
    """A source, its address a link when it is an http(s) URL; every text escaped."""
    url = source.url
    note = _esc(_noted("", source.note))
    if not (url and url.startswith(("https://", "http://"))):
        return _esc(_source_line(source)) + note
    link = f'<a href="{_esc(url)}" rel="noopener noreferrer">{_esc(url)}</a>'
    return f"{_esc(_source_line(source, url=False))}, {link}{note}"


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
        parts.append(f'<p class="c5-illustrative">{_esc(_ILLUSTRATIVE)}</p>')
    parts.append(f"<h3>{_esc(_flat(meeting.title))}</h3><table>")
    parts += [f"<tr><th>{_esc(name)}</th><td>{_esc(value)}</td></tr>" for name, value in _facts(meeting)]
    parts.append("</table>")
    for heading, items in _lists_before(meeting):
        if heading == _SUMMARY and items:
            parts.append(f"<h4>{heading}</h4><p>{_esc(items[0])}</p>")
        elif items:
            extra = ' class="c5-notes"' if heading == "Notes" else ""
            parts.append(f"<h4>{heading}</h4><ul{extra}>{''.join(f'<li>{_esc(item)}</li>' for item in items)}</ul>")
    if meeting.points:
        parts.append("<h4>Points</h4><ol>")
        parts += [
            f'<li value="{point.number}">{_summary_chip(point)}{_esc(point.text)} {_theme_chips(point.themes)}</li>'
            for point in meeting.points
        ]
        parts.append("</ol>")
    for heading, items in _lists_after(meeting):
        if heading == "Sources":
            items = [_source_html(source) for source in meeting.sources]  # noqa: PLW2901 - escaped, with links
        else:
            items = [_esc(item) for item in items]  # noqa: PLW2901 - escaped
        if items:
            parts.append(f"<h4>{heading}</h4><ul>{''.join(f'<li>{item}</li>' for item in items)}</ul>")
    parts.append("</div>")
    return _styled("".join(parts))


# --- diffs ------------------------------------------------------------------------------


class Run(NamedTuple):
    """A piece of a reworded point.

    Attributes:
        kind: ``"equal"``, ``"delete"`` or ``"insert"``.
        text: The text of the run, exactly as in the point.
        cosmetic: Whether the run is part of a change only of case, quotes or space.

    Example:
        >>> Run("insert", " fast").kind
        'insert'
    """

    kind: str
    text: str
    cosmetic: bool = False


def runs(change: PointChange, ignore: frozenset[str] = frozenset()) -> list[Run]:
    """Split a matched point into equal, deleted and inserted runs that read back both ways.

    Joining the equal and deleted runs gives the old text exactly; joining the
    equal and inserted runs gives the new text. A deletion comes before the
    insertion that replaces it. A cosmetic edit whose classes are all in
    *ignore* is shown as its new text, as an equal run.

    Example:
        >>> from c5statement import Point, PointChange
        >>> change = PointChange("edited", Point(1, "all will set up a fund."), Point(1, "All will keep a fund."), 0.7)
        >>> [(run.kind, run.text) for run in runs(change)]
        [('delete', 'all'), ('insert', 'All'), ('equal', ' will '),
         ('delete', 'set up'), ('insert', 'keep'), ('equal', ' a fund.')]
        >>> "".join(run.text for run in runs(change, frozenset({"case"})) if run.kind != "delete")
        'All will keep a fund.'
    """
    old, new = change.old, change.new
    if new is None or old is None:
        point = new or old
        return [Run("insert" if new is not None else "delete", point.text if point is not None else "")]
    found: list[Run] = []
    cursor = 0
    for edit in change.edits:
        if edit.new_start > cursor:
            found.append(Run("equal", new.text[cursor : edit.new_start]))
        cosmetic = bool(edit.cosmetic)
        if cosmetic and edit.cosmetic <= ignore:
            found.append(Run("equal", edit.new_text))
        else:
            found += [
                Run(kind, text, cosmetic)
                for kind, text in (("delete", edit.old_text), ("insert", edit.new_text))
                if text
            ]
        cursor = edit.new_end
    if cursor < len(new.text):
        found.append(Run("equal", new.text[cursor:]))
    return found


def inline(change: PointChange) -> list[tuple[str, str]]:
    """The runs of :func:`runs` as ``(kind, text)`` pairs.

    Example:
        >>> from c5statement import Point, PointChange
        >>> inline(PointChange("edited", Point(1, "trade will grow."), Point(1, "trade will grow fast."), 0.9))
        [('equal', 'trade will grow'), ('insert', ' fast'), ('equal', '.')]
    """
    return [(run.kind, run.text) for run in runs(change)]


def _number_label(change: PointChange) -> str:
    if change.old is not None and change.new is not None:
        if change.old.number == change.new.number:
            return str(change.new.number)
        return f"{change.old.number} → {change.new.number}"
    point = change.new or change.old
    return str(point.number) if point is not None else ""


def _change_text(change: PointChange) -> str:
    point = change.new or change.old
    return point.text if point is not None else ""


def _kind(change: PointChange, result: StatementDiff) -> str:
    """The kind as shown: a point whose only changes are hidden cosmetic ones reads as unchanged."""
    return "unchanged" if result.hidden(change) else change.kind


def _flags(change: PointChange) -> list[str]:
    flags = []
    if change.cosmetic:
        flags.append("cosmetic: " + ", ".join(sorted(change.cosmetic)))
    if change.moved and change.kind != "moved":
        flags.append("moved")
    if change.ambiguous:
        flags.append("ambiguous")
    return flags


def _nearest(change: PointChange) -> str:
    """Name the closest point of the other statement, for an added or removed point; empty for a matched point."""
    if change.kind not in {"added", "removed"}:
        return ""
    side = "old" if change.kind == "added" else "new"
    if change.nearest is None:
        return f"no similar point in the {side} statement"
    return f"nearest {side} {change.nearest}"


def _score(change: PointChange) -> str:
    """The similarity in words: ``similarity 0.74``, or ``nearest old 3, similarity 0.27``."""
    nearest = _nearest(change)
    if change.nearest is None:
        return nearest or f"similarity {change.similarity:.2f}"
    return f"{nearest}, similarity {change.similarity:.2f}"


def _why(change: PointChange) -> str:
    """The evidence of a match in words, strongest first: ``shared: health: epidemic ≈ pandemic; Belt and Road``.

    Unchanged points need no reason; added and removed points show the reason of their nearest candidate.
    """
    if change.kind == "unchanged" or not change.evidence:
        return ""
    if (change.old is None or change.new is None) and change.similarity < _EVIDENCE_NEAREST:
        return ""  # a nearest candidate this far off has no reason worth reading
    return "shared: " + "; ".join(str(item) for item in change.evidence[:_EVIDENCE_SHOWN])


def _links(change: PointChange) -> str:
    """The second links of a change: the old points it also continues, or was split from."""
    if not change.also:
        return ""
    numbers = ", ".join(str(number) for number in change.also)
    return f"split from old {numbers}" if change.old is None else f"also continues old {numbers}"


def _summary(result: StatementDiff) -> str:
    """The counts in words; points whose only changes are cosmetic are counted on their own, as hidden if they are."""
    counts = result.counts()
    cosmetic = sum(bool(change.cosmetic) for change in result.points)
    hidden = sum(result.hidden(change) for change in result.points)
    counts["edited"] -= cosmetic
    parts = [f"{counts[kind]} {kind}" for kind in ("added", "removed", "edited") if counts[kind]]
    if cosmetic:
        parts.append(f"{cosmetic} cosmetic only" + (f" ({hidden} hidden)" if hidden else ""))
    parts += [f"{counts[kind]} {kind}" for kind in ("moved", "unchanged") if counts[kind]]
    if result.fields:
        parts.append(f"{len(result.fields)} field change{'s' if len(result.fields) != 1 else ''}")
    return ", ".join(parts) if parts else "no points"


def _terms_line(gained: Iterable[str], lost: Iterable[str], kept: Iterable[str], minus: str = _MINUS) -> str:
    """Key terms in words: ``terms gained: +Global Security Initiative; lost: -Afghanistan; kept: peace``."""
    parts = [
        f"{name}: {', '.join(sign + term for term in sorted(terms))}"
        for name, sign, terms in (("gained", "+", gained), ("lost", minus, lost), ("kept", "", kept))
        if terms
    ]
    return "terms " + "; ".join(parts) if parts else ""


def _change_terms(change: PointChange, minus: str = _MINUS) -> str:
    """The key terms a matched point gained and lost (kept terms are the diff's business), or an empty string."""
    if change.old is None or change.new is None:
        return ""
    return _terms_line(change.terms_gained, change.terms_lost, (), minus)


def _diff_terms(result: StatementDiff, minus: str = _MINUS) -> str:
    return _terms_line(result.terms_gained, result.terms_lost, result.terms_kept, minus)


def _json(value: Any) -> str:
    return json.dumps(thaw(value), ensure_ascii=False)


# --- field changes, shortened for reading ---------------------------------------------------


def _cut(text: str, width: int = _BRIEF_WIDTH) -> str:
    """*text* on one line, cut to *width* characters with an ellipsis if longer.

    Example:
        >>> _cut("all parties will deepen cooperation", 20)
        'all parties will de…'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + _ELLIPSIS


def _item_brief(item: dict[str, Any]) -> str:
    """Summarise a record by its key fields: a participant, quote, source, or anything with a text."""
    if "country" in item and "person" in item:
        title = f" ({item['title']})" if item.get("title") else ""
        return _cut(f"{item['country']} {item['person']}{title}")
    if "speaker" in item and "text" in item:
        return f"{_cut(str(item['speaker']), 30)}: “{_cut(str(item['text']), _QUOTE_WIDTH)}”"
    if "id" in item and "title" in item:
        return f"{item['id']} “{_cut(str(item['title']), _QUOTE_WIDTH)}”"
    if isinstance(item.get("text"), str):
        year = f" ({item['year']})" if isinstance(item.get("year"), int) else ""
        return _cut(item["text"]) + year
    return _cut(_json(item))


def _brief(value: Any) -> str:
    """A JSON value shortened for reading: long strings cut, records summarised, long lists counted.

    Example:
        >>> _brief({"country": "KZ", "person": "Mukhtar Tleuberdi", "title": "Foreign Minister"})
        'KZ Mukhtar Tleuberdi (Foreign Minister)'
        >>> _brief(["a" * 80, "b"])
        '["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…", +1 more]'
    """
    value = thaw(value)
    if isinstance(value, dict):
        return _item_brief(value)
    if isinstance(value, list):
        whole = "[" + ", ".join(_brief(item) for item in value) + "]"
        if len(value) <= 1 or len(whole) <= _BRIEF_WIDTH + 2:
            return whole
        return f"[{_brief(value[0])}, +{len(value) - 1} more]"
    if isinstance(value, str):
        return _json(_cut(value))
    return _json(value)


class _Row(NamedTuple):
    """One field change as read: ``value`` (old → new), ``order``, or an item ``added`` / ``removed``."""

    kind: str
    label: str
    old: str
    new: str
    field: FieldChange
    runs: tuple[Run, ...] = ()


def _label(segment: str) -> str:
    """A keyed item (``[KZ]``) by its key; an indexed one (``[0]``) and a field name as they are."""
    inner = segment[1:-1] if segment.startswith("[") else ""
    return inner if inner and not inner.isdigit() else segment


def _field_row(field: FieldChange, top: str) -> _Row:
    rest = segments(field.path)[1:]
    label = " ".join(_label(segment) for segment in rest) or top
    last = rest[-1] if rest else ""
    if last == ORDER and isinstance(field.old, (list, tuple)) and isinstance(field.new, (list, tuple)):
        return _Row("order", label, " ".join(map(str, field.old)), " ".join(map(str, field.new)), field)
    if last.startswith("[") and (field.old is None) != (field.new is None):
        kind, value = ("added", field.new) if field.old is None else ("removed", field.old)
        brief = _brief(value)
        name = last[1:-1]
        if name.isdigit():
            brief = f"{last} {brief}"
        elif not brief.startswith(name + " "):
            brief = f"{name} {brief}"
        return _Row(kind, label, brief if kind == "removed" else "", brief if kind == "added" else "", field)
    return _Row("value", label, _brief(field.old), _brief(field.new), field, _value_runs(field.old, field.new))


_CONTEXT = 30
"""How many characters of unchanged text a field change shows on each side of a changed word."""


def _texts(value: Any) -> str | None:
    """A string, or a list of strings joined by ``"; "``: the text whose words a field change compares."""
    value = thaw(value)
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return "; ".join(value)
    return None


def _value_runs(old: Any, new: Any) -> tuple[Run, ...]:
    """For long texts, the word edits between them with the unchanged text around them shortened; else nothing.

    Example:
        >>> notes = "a made-up record " * 6
        >>> found = _value_runs([notes + "with the date."], [notes + "with no date."])
        >>> [(run.kind, run.text) for run in found]
        [('equal', '… record a made-up record with '), ('delete', 'the'), ('insert', 'no'), ('equal', ' date.')]
    """
    before, after = _texts(old), _texts(new)
    if isinstance(old, tuple) and isinstance(new, tuple) and len(old) != len(new):
        return ()  # items added or removed: the lists are read as lists
    if before is None or after is None or max(len(before), len(after)) <= _BRIEF_WIDTH:
        return ()
    found: list[Run] = []
    cursor = 0
    for edit in word_edits(before, after):
        found.append(Run("equal", after[cursor : edit.new_start]))
        found += [Run(kind, text) for kind, text in (("delete", edit.old_text), ("insert", edit.new_text)) if text]
        cursor = edit.new_end
    found.append(Run("equal", after[cursor:]))
    last = len(found) - 1
    shortened = []
    for index, run in enumerate(found):
        text = run.text
        if run.kind == "equal" and len(text) > 2 * _CONTEXT + 1:
            head = text[:_CONTEXT] if index > 0 else ""
            tail = text[-_CONTEXT:] if index < last else ""
            text = head + _ELLIPSIS + tail
        if text:
            shortened.append(Run(run.kind, text.replace("\r", " ").replace("\n", " ")))
    return tuple(shortened)


def _field_groups(fields: Sequence[FieldChange]) -> list[tuple[str, list[_Row]]]:
    """Field changes grouped by top-level field, in order; a group of one top-level value has no sub-path."""
    groups: dict[str, list[FieldChange]] = {}
    for field in fields:
        parts = segments(field.path)
        groups.setdefault(parts[0] if parts else "$", []).append(field)
    return [(top, [_field_row(field, top) for field in changes]) for top, changes in groups.items()]


def _grouped(rows: list[_Row]) -> bool:
    """Whether a group needs a heading: more than one change, or a change inside the field."""
    return len(rows) > 1 or len(segments(rows[0].field.path)) > 1


def _changes(count: int) -> str:
    return f"{count} change{'s' if count != 1 else ''}"


def _text_row(row: _Row, paint: bool) -> str:
    if row.kind == "removed":
        return _paint(f"- {row.old}", "red", paint)
    if row.kind == "added":
        return _paint(f"+ {row.new}", "green", paint)
    if row.runs:
        return f"{_tty(row.label)}: {_text_line(row.runs, paint)}"
    return f"{_tty(row.label)}: {_paint(row.old, 'red', paint)} → {_paint(row.new, 'green', paint)}"


def _fields_text(result: StatementDiff, paint: bool) -> list[str]:
    lines = ["", _paint(f"Fields ({_changes(len(result.fields))})", "bold", paint)]
    for top, rows in _field_groups(result.fields):
        if _grouped(rows):
            lines.append("  " + _paint(f"{top} ({_changes(len(rows))})", "bold", paint))
            lines += [f"    {_text_row(row, paint)}" for row in rows]
        else:
            lines.append(f"  {_text_row(rows[0], paint)}")
    return lines


def _md_row(row: _Row) -> str:
    if row.kind == "removed":
        return f"*removed* {_md(row.old)}"
    if row.kind == "added":
        return f"*added* {_md(row.new)}"
    return f"{_md(row.label)}: {_md_value(row)}"


def _md_value(row: _Row) -> str:
    return _md_runs(row.runs) if row.runs else f"{_md(row.old)} → {_md(row.new)}"


def _fields_markdown(result: StatementDiff) -> list[str]:
    lines = ["", f"### Fields ({_changes(len(result.fields))})", ""]
    for top, rows in _field_groups(result.fields):
        if _grouped(rows):
            lines.append(f"- **{_md(top)}** ({_changes(len(rows))})")
            lines += [f"  - {_md_row(row)}" for row in rows]
        else:
            row = rows[0]
            lines.append(f"- **{_md(row.label)}:** {_md_value(row)}")
    return lines


def _html_value(brief: str, value: Any, tag: str) -> str:
    """A shortened value, with the full JSON behind a disclosure when the two differ."""
    if not brief:
        return ""
    full = _json(value)
    if full == brief:
        return f"<{tag}>{_esc(brief)}</{tag}>"
    pretty = value if isinstance(value, str) else json.dumps(thaw(value), ensure_ascii=False, indent=2)
    return f"<details><summary><{tag}>{_esc(brief)}</{tag}></summary><pre>{_esc(pretty)}</pre></details>"


def _html_row(row: _Row) -> str:
    field = row.field
    label = f'<code title="{_esc(field.path)}">{_esc(row.label)}</code>'
    if row.kind in {"added", "removed"}:
        label += f' <span class="c5-badge c5-{row.kind}">{row.kind}</span>'
    if row.kind == "order":  # the keys in order say it all
        old, new = f"<del>{_esc(row.old)}</del>", f"<ins>{_esc(row.new)}</ins>"
    elif row.kind in {"added", "removed"}:  # the label names the item already
        old = _html_value(row.old and _brief(field.old), field.old, "del")
        new = _html_value(row.new and _brief(field.new), field.new, "ins")
    elif row.runs:  # each side with its changed words marked
        old = _html_runs([run for run in row.runs if run.kind != "insert"])
        new = _html_runs([run for run in row.runs if run.kind != "delete"])
    else:
        old = _html_value(row.old, field.old, "del")
        new = _html_value(row.new, field.new, "ins")
    return f"<tr><td>{label}</td><td>{old}</td><td>{new}</td></tr>"


def _fields_html(result: StatementDiff) -> str:
    parts = [f"<h4>Fields ({_changes(len(result.fields))})</h4><table><tr><th>Field</th><th>Old</th><th>New</th></tr>"]
    for top, rows in _field_groups(result.fields):
        if _grouped(rows):
            parts.append(f'<tr class="c5-group"><th colspan="3">{_esc(top)} ({_changes(len(rows))})</th></tr>')
        parts += [_html_row(row) for row in rows]
    parts.append("</table>")
    return "".join(parts)


_STYLES = {"added": "green", "removed": "red", "edited": "yellow", "moved": "yellow", "unchanged": "dim"}


_RUN_STYLES = {"delete": "red strike", "insert": "green underline"}
_MARKERS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def _text_runs(change: PointChange, result: StatementDiff, paint: bool) -> str:
    """A reworded point with wdiff markers, ``[-deleted-]{+inserted+}``; colour is added to the markers."""
    return _text_line(runs(change, result.ignore), paint)


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


def _change_lines(change: PointChange, paint: bool, result: StatementDiff) -> list[str]:
    kind = _kind(change, result)
    flags = _flags(change)
    extra = f" [{', '.join(flags)}]" if flags else ""
    head = f"{_SIGNS[kind]} {_number_label(change)}  {kind}{extra} ({_score(change)})"
    lines = [_paint(head, _STYLES[kind], paint)]
    if kind == "edited" and change.edits:
        lines += _hanging("    ", _text_runs(change, result, paint), "    ")
    elif kind != "unchanged":
        lines += _hanging("    ", _tty(_change_text(change)), "    ")
    if change.themes_gained or change.themes_lost:
        themes = [_paint("+" + theme, "green", paint) for theme in sorted(change.themes_gained)]
        themes += [_paint("-" + theme, "red", paint) for theme in sorted(change.themes_lost)]
        lines.append("    themes: " + " ".join(themes))
    notes = (_change_terms(change, "-"), _links(change), _why(change))
    lines += ["    " + _tty(note) for note in notes if note]
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
    lines = [_paint(f"diff {result.old_id} → {result.new_id}: {_summary(result)}", "bold", paint)]
    if result.themes_gained or result.themes_lost:
        gained = " ".join(_paint("+" + theme, "green", paint) for theme in sorted(result.themes_gained))
        lost = " ".join(_paint("-" + theme, "red", paint) for theme in sorted(result.themes_lost))
        lines.append(f"themes: {' '.join(part for part in (gained, lost) if part)}")
    if _diff_terms(result):
        lines.append(_tty(_diff_terms(result, "-")))
    if result.points:
        lines += ["", _paint("Points", "bold", paint)]
    for change in result.points:
        lines += _change_lines(change, paint, result)
    if result.fields:
        lines += _fields_text(result, paint)
    return "\n".join(lines) + "\n"


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


def _inline(
    change: PointChange, result: StatementDiff, escape: Callable[[str], str], marked: Callable[[Sequence[Run]], str]
) -> str:
    """A change's text for a document: its edit runs marked where it was edited, else the text escaped."""
    if _kind(change, result) != "edited" or not change.edits:
        return escape(_change_text(change))
    return marked(runs(change, result.ignore))


@register(StatementDiff, "markdown")
def diff_to_markdown(result: StatementDiff) -> str:
    """Render a diff as Markdown: ``~~deleted~~`` and ``**inserted**`` words in a table.

    Example:
        >>> from c5statement import MEETING_2020, diff
        >>> print(diff_to_markdown(diff(MEETING_2020, MEETING_2020)).splitlines()[0])
        ## Diff: `cc5-fmm-2020` → `cc5-fmm-2020`
    """
    lines = [f"## Diff: {_code(result.old_id)} → {_code(result.new_id)}", "", f"**Summary:** {_summary(result)}"]
    if result.themes_gained or result.themes_lost:
        gained = _md(", ".join(sorted(result.themes_gained))) or "none"
        lost = _md(", ".join(sorted(result.themes_lost))) or "none"
        lines += ["", f"**Themes gained:** {gained}; **lost:** {lost}"]
    if _diff_terms(result):
        lines += ["", f"**Key terms:** {_md(_diff_terms(result).removeprefix('terms '))}"]
    if result.points:
        lines += ["", "| | Point | Change | Similarity | Text | Themes |", "|---|---|---|---|---|---|"]
        for change in result.points:
            kind = ", ".join([_kind(change, result), *_flags(change)])
            themes = " ".join(
                [f"+{_md(theme)}" for theme in sorted(change.themes_gained)]
                + [f"{_MINUS}{_md(theme)}" for theme in sorted(change.themes_lost)]
            )
            lines.append(
                f"| {_md(_SIGNS[_kind(change, result)])} | {_number_label(change)} | {kind} | {_md_score(change)} "
                f"| {_inline(change, result, _md, _md_runs)} | {themes} |"
            )
    if result.fields:
        lines += _fields_markdown(result)
    return "\n".join(lines) + "\n"


def _md_score(change: PointChange) -> str:
    nearest = _nearest(change)
    score = f"{change.similarity:.2f} ({nearest})" if nearest else f"{change.similarity:.2f}"
    notes = [_md(note) for note in (_change_terms(change), _links(change), _why(change)) if note]
    return "; ".join([score, *notes])


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
    parts = [f'<div class="c5 c5-diff">{_STYLE}<h3>{heading}</h3><p>{_esc(_summary(result))}</p>']
    if result.themes_gained or result.themes_lost:
        parts.append(
            "<p>Themes: "
            + _theme_chips(result.themes_gained, "c5-gained", "+")
            + _theme_chips(result.themes_lost, "c5-lost", _MINUS)
            + "</p>"
        )
    if _diff_terms(result):
        parts.append(f"<p>Key {_esc(_diff_terms(result))}</p>")
    if result.points:
        parts.append(
            "<table><tr><th></th><th>Point</th><th>Change</th><th>Similarity</th><th>Text</th><th>Themes</th></tr>"
        )
        for change in result.points:
            kind = _kind(change, result)
            badges = "".join(
                f' <span class="c5-badge c5-{flag.split(":")[0]}">{_esc(flag)}</span>' for flag in _flags(change)
            )
            badge = f'<span class="c5-badge c5-{kind}">{kind}</span>{badges}'
            title = f' title="margin {change.margin:.2f}"'
            note = "".join(
                f' <span class="c5-note">{_esc(text)}</span>'
                for text in (_nearest(change), _change_terms(change), _links(change), _why(change))
                if text
            )
            parts.append(
                f'<tr class="c5-{kind}"><td>{_esc(_SIGNS[kind])}</td>'
                f"<td>{_esc(_number_label(change))}</td><td>{badge}</td><td{title}>{change.similarity:.2f}{note}</td>"
                f"<td>{_inline(change, result, _esc, _html_runs)}</td>"
                f"<td>{_theme_chips(change.themes_gained, 'c5-gained', '+')}"
                f"{_theme_chips(change.themes_lost, 'c5-lost', _MINUS)}</td></tr>"
            )
        parts.append("</table>")
    if result.fields:
        parts.append(_fields_html(result))
    parts.append("</div>")
    return _styled("".join(parts))


# --- series -----------------------------------------------------------------------------


def _lineage_cells(series: Series) -> list[list[str]]:
    rows = []
    for lineage in series.lineages:
        cells = []
        for position, point in enumerate(lineage.points):
            if point is None:
                cells.append("—")
            else:
                score = lineage.similarities[position]
                mark = _LINK_MARKS.get(lineage.kinds[position] or "", "")
                cells.append(
                    f"{point.number}{mark}"
                    if score is None or score >= 1
                    else f"{point.number}{mark} ({_below_one(score)})"
                )
        rows.append(cells)
    return rows


_LINK_MARKS = {"merged": "+", "split": "<", "returned": "^"}
"""Marks after a lineage's point number: merged into another lineage's point, split from one, returned."""


def _matrix(series: Series) -> tuple[tuple[float, ...], ...]:
    """The series' similarity matrix, or none past the number of statements it is computed for."""
    from ._compare import MATRIX_LIMIT

    return series.similarity if len(series.statements) <= MATRIX_LIMIT else ()


def _below_one(score: float) -> str:
    """A score under 1 with two decimals, rounded down, so that it never reads as a perfect 1.00.

    Example:
        >>> _below_one(0.996), _below_one(0.5)
        ('0.99', '0.50')
    """
    return f"{math.floor(score * 100) / 100:.2f}"


def _lineage_text(points: Sequence[Point | None]) -> str:
    first = next((point for point in points if point is not None), None)
    return first.text if first is not None else ""  # a valid lineage has a point; a broken one still renders


def _lineage_label(points: Sequence[Point | None]) -> str:
    """The lineage's first text, cut at a word with an ellipsis if longer than the label width.

    Example:
        >>> from c5statement import Point
        >>> _lineage_label([None, Point(2, "all parties will strengthen cooperation in trade, energy and transport.")])
        'all parties will strengthen cooperation in trade, energy…'
    """
    text = _flat(_lineage_text(points))
    if len(text) <= _LABEL_WIDTH:
        return text
    cut = text[: _LABEL_WIDTH - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + _ELLIPSIS


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
        marks = "  ".join(f"{_paint('  ●', 'green', paint) if flag else '  ·'}" for flag in present)
        lines.append(f"  {_tty(theme):<{width}}  {marks}")
    lines += ["", _paint("Lineages (point number per statement; + merged, < split, ^ returned)", "bold", paint)]
    rows = _lineage_cells(series)
    widths = [max((len(row[column]) for row in rows), default=3) for column in range(len(labels))]
    widths = [max(width, 3) for width in widths]
    for lineage, cells in zip(series.lineages, rows, strict=True):
        numbers = " → ".join(f"{cell:>{width}}" for cell, width in zip(cells, widths, strict=False))
        lines.append(f"  {numbers}   {_tty(_lineage_label(lineage.points))}")
    lines += ["", _paint("Similarity", "bold", paint)]
    for index, row in enumerate(_matrix(series)):
        lines.append(f"  {index + 1:>3} " + " ".join(f"{value:5.2f}" for value in row) + f"  {_tty(labels[index])}")
    return "\n".join(lines) + "\n"


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
        lines.append(f"| {_md(theme)} | " + " | ".join("●" if flag else "" for flag in present) + " |")
    lines += ["", "## Lineages", "", "| Point " + header, rule]
    for lineage, cells in zip(series.lineages, _lineage_cells(series), strict=True):
        lines.append(f"| {_md(_lineage_label(lineage.points))} | " + " | ".join(cells) + " |")
    lines += ["", "## Similarity", "", "| " + header, rule]
    for index, row in enumerate(_matrix(series)):
        lines.append(f"| {labels[index]} | " + " | ".join(f"{value:.2f}" for value in row) + " |")
    return "\n".join(lines) + "\n"


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
        cells = "".join(f"<td>{'●' if flag else ''}</td>" for flag in present)
        parts.append(f"<tr><td>{_theme_chips([theme])}</td>{cells}</tr>")
    parts.append(f"</table><h4>Lineages</h4><table><tr><th>Point</th>{head}</tr>")
    for lineage, numbers in zip(series.lineages, _lineage_cells(series), strict=True):
        label = _esc(_lineage_label(lineage.points))
        full = _lineage_text(lineage.points)
        if label != _esc(full):  # the whole text behind a disclosure, and as a tooltip
            label = f'<details title="{_esc(full)}"><summary>{label}</summary>{_esc(full)}</details>'
        parts.append(f"<tr><td>{label}</td>{''.join(f'<td>{_esc(cell)}</td>' for cell in numbers)}</tr>")
    parts.append(f"</table><h4>Similarity</h4><table><tr><th></th>{head}</tr>")
    for index, row in enumerate(_matrix(series)):
        cells = "".join(f"<td>{value:.2f}</td>" for value in row)
        parts.append(f"<tr><th>{_esc(series.labels[index])}</th>{cells}</tr>")
    parts.append("</table></div>")
    return _styled("".join(parts))


# --- whole documents ----------------------------------------------------------------------

_PAGE_STYLE = "<style>body {margin: 1.5em auto; max-width: 72em; padding: 0 1em; color: #111; background: #fff}</style>"


def html_document(obj: Meeting | Point | StatementDiff | Series) -> str:
    """A whole HTML page around the fragment of ``obj.to_html()``: doctype, UTF-8 charset, title and styles.

    Example:
        >>> from c5statement import MEETING_2020
        >>> page = html_document(MEETING_2020)
        >>> page.splitlines()[0], "<title>Inaugural" in page, page.rstrip().endswith("</html>")
        ('<!DOCTYPE html>', True, True)
    """
    if isinstance(obj, Meeting):
        title = _flat(obj.title)
    elif isinstance(obj, StatementDiff):
        title = f"Diff: {obj.old_id} \u2192 {obj.new_id}"
    elif isinstance(obj, Series):
        title = f"Series of {len(obj.labels)} statements"
    else:
        title = f"Point {obj.number}"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n{_PAGE_STYLE}\n</head>\n<body>\n{obj.to_html()}\n</body>\n</html>\n"
    )


for _cls in (Meeting, Point, StatementDiff, Series):
    register(_cls, "html-document")(html_document)
