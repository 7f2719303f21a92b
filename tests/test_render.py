"""Views: text (with colour rules), Markdown and HTML of meetings, points, diffs and series."""

from __future__ import annotations

import io
import re
from copy import copy as copy_of
from typing import TYPE_CHECKING, TypeVar

import attrs
from hypothesis import given

from c5statement import (
    MEETING_2020,
    ContextNote,
    Meeting,
    Point,
    Quote,
    Source,
    StatementDiff,
    Topic,
    compare,
    diff,
    from_json,
    to_dict,
    to_json,
)
from c5statement._display import mimebundle, use_color
from c5statement._views._html import meeting_to_html
from c5statement._views._layout import figure, inline
from c5statement._views._layout import lineage_label as _lineage_label
from c5statement._views._markdown import meeting_to_markdown
from c5statement._views._text import meeting_to_text
from c5statement.strategies import meetings

if TYPE_CHECKING:
    import pytest

T = TypeVar("T")

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def hostile_meeting() -> Meeting:
    """A made-up meeting whose every text field carries markup."""
    return attrs.evolve(
        MEETING_2020,
        id="hostile-demo",
        title=f"Title {HOSTILE}",
        venue=HOSTILE,
        topics=(Topic(text=HOSTILE),),
        points=(
            Point(1, f"all parties {HOSTILE} agree.", frozenset({"security"})),
            Point(2, "all parties condemn terrorism."),
        ),
        illustrative=True,
    )


def edited_later() -> Meeting:
    """A made-up later statement: the 2020 points with edits, a move, a drop and an addition."""
    points = list(MEETING_2020.points[:8])
    points[2] = attrs.evolve(points[2], text=points[2].text.replace("trade volumes", "trade and investment"))
    points[6], points[7] = points[7], points[6]
    points.append(Point(1, f"all parties welcome {HOSTILE} the new secretariat.", frozenset({"mechanism"})))
    numbered = tuple(attrs.evolve(point, number=number) for number, point in enumerate(points, 1))
    return attrs.evolve(MEETING_2020, id="later-demo", points=numbered, venue="Xi'an", illustrative=True)


LONG_VENUE = "the Grand Hall of the Ministry of Foreign Affairs of the People's Republic of China in Xi'an"


def reshaped() -> Meeting:
    """A made-up later record: one delegation left, a hostile topic, quote and source, a long venue."""
    source = Source(id="demo-2021", publisher="Demo", title=f"Report {HOSTILE}")
    return attrs.evolve(
        MEETING_2020,
        id="reshaped-demo",
        venue=LONG_VENUE,
        participants=MEETING_2020.participants[:1],
        topics=(*MEETING_2020.topics, Topic(text=HOSTILE)),
        quotes=(*MEETING_2020.quotes, Quote(speaker="Demo Speaker", text=f"{HOSTILE} and a long quote follows.")),
        sources=(*MEETING_2020.sources, source),
        illustrative=True,
    )


def fields_section(text: str) -> list[str]:
    """The lines of the Fields section of a text or Markdown diff."""
    lines = text.splitlines()
    start = next(index for index, line in enumerate(lines) if "Fields (" in line)
    return lines[start + 1 :]


def bare(html: str) -> str:
    """The HTML without its inline styles, and its del and ins runs without attributes, to compare markup."""
    return re.sub(r"<(del|ins)\b[^>]*>", r"<\1>", re.sub(r' style="[^"]*"', "", html))


def assert_no_raw_markup(html: str) -> None:
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


class TestColor:
    def test_forced(self) -> None:
        """An explicit True or False wins over the environment."""
        assert use_color(color=True)
        assert not use_color(color=False)

    def test_no_color_disables(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """NO_COLOR turns automatic colour off even on a terminal."""
        terminal = io.StringIO()
        terminal.isatty = lambda: True  # type: ignore[method-assign]
        monkeypatch.setattr("sys.stdout", terminal)
        monkeypatch.delenv("NO_COLOR", raising=False)
        assert use_color(None)
        monkeypatch.setenv("NO_COLOR", "1")
        assert not use_color(None)

    def test_not_a_terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Automatic colour is off when output is not a terminal."""
        monkeypatch.setattr("sys.stdout", io.StringIO())
        monkeypatch.delenv("NO_COLOR", raising=False)
        assert not use_color(None)
        assert not ANSI.search(diff(MEETING_2020, edited_later()).to_text())

    def test_colored_text_has_ansi_codes(self) -> None:
        """Coloured output carries ANSI codes; stripped of them, it shows the same words."""
        result = diff(MEETING_2020, edited_later())
        colored = result.to_text(color=True)
        assert ANSI.search(colored)
        assert "and investment" in ANSI.sub("", colored)


class TestMeetingViews:
    def test_text_lists_facts_and_numbered_points(self) -> None:
        """The text view shows the date, the chair and each point with its number and themes."""
        text = meeting_to_text(MEETING_2020, color=False)
        assert "Date:         2020-07-16" in text
        assert "Chair:        Wang Yi (CN)" in text
        assert "  8. all parties unanimously support" in text
        assert "[afghanistan, peace-and-stability]" in text

    def test_markdown(self) -> None:
        """The Markdown view has a heading, a facts table and a numbered list."""
        markdown = meeting_to_markdown(MEETING_2020)
        assert markdown.startswith("# Inaugural")
        assert "| Date | 2020-07-16 |" in markdown
        assert "\n9. all parties should" in markdown

    def test_html_escapes_everything(self) -> None:
        """Every text of a hostile meeting is escaped in HTML and in the notebook bundle."""
        meeting = hostile_meeting()
        assert_no_raw_markup(meeting_to_html(meeting))
        assert_no_raw_markup(meeting._repr_html_())
        assert_no_raw_markup(meeting._repr_mimebundle_()["text/html"])

    def test_markdown_escapes_markup(self) -> None:
        """Markup in Markdown is written as entities, so rendering it shows the text."""
        markdown = meeting_to_markdown(hostile_meeting())
        assert "<script>" not in markdown
        assert "&lt;script&gt;" in markdown

    def test_model_methods_delegate(self) -> None:
        """Meeting.to_text / to_markdown / to_html are the render functions."""
        assert MEETING_2020.to_text(color=False) == meeting_to_text(MEETING_2020, color=False)
        assert MEETING_2020.to_markdown() == meeting_to_markdown(MEETING_2020)
        assert MEETING_2020.to_html() == meeting_to_html(MEETING_2020)

    def test_html_numbers_points(self) -> None:
        """The HTML list keeps each point's own number."""
        assert '<li value="7">' in MEETING_2020.to_html()


class TestPointViews:
    def test_mimebundle(self) -> None:
        """A point offers plain text and escaped HTML."""
        bundle = Point(3, HOSTILE, frozenset({"energy"}))._repr_mimebundle_()
        assert bundle["text/plain"].startswith("3. <script>")
        assert_no_raw_markup(bundle["text/html"])
        assert "energy" in bundle["text/html"]

    def test_include_and_exclude(self) -> None:
        """A bundle honours include and exclude."""
        assert list(mimebundle("a", "b", include=["text/plain"])) == ["text/plain"]
        assert list(mimebundle("a", "b", exclude=["text/plain"])) == ["text/html"]


class TestDiffViews:
    def test_text_shows_changes_at_a_glance(self) -> None:
        """Without colour, deletions and insertions are bracketed, and moves and themes are named."""
        text = diff(MEETING_2020, edited_later()).to_text(color=False)
        assert "[-volumes-]" in text
        assert "{+and investment+}" in text
        assert "moved" in text
        assert "- 9  removed" in text
        assert "themes: +mechanism" in text
        assert '  venue: null → "Xi\'an"' in text

    def test_markdown(self) -> None:
        """Markdown marks deletions with strike-through and insertions in bold."""
        markdown = diff(MEETING_2020, edited_later()).to_markdown()
        assert "~~volumes~~" in markdown
        assert "**and investment**" in markdown
        assert '- **venue:** null → "Xi\'an"' in markdown
        assert "<script>" not in markdown

    def test_html(self) -> None:
        """HTML uses del and ins, badges for moves, chips for themes, and escapes all text."""
        html = bare(diff(MEETING_2020, edited_later()).to_html())
        assert "<del>volumes</del>" in html
        assert "<ins>and investment</ins>" in html
        assert "c5-badge c5-moved" in html
        assert "c5-gained" in html
        assert_no_raw_markup(html)

    def test_hostile_edits_are_escaped(self) -> None:
        """Markup inserted into an edited point is escaped in every HTML view."""
        old = hostile_meeting()
        new = attrs.evolve(
            old, points=(attrs.evolve(old.points[0], text=old.points[0].text + " <script>more</script>"),)
        )
        result = diff(old, new)
        for html in (result.to_html(), result._repr_html_(), result._repr_mimebundle_()["text/html"]):
            assert_no_raw_markup(html)
            assert "<script>more" not in html

    def test_notebook_bundle(self) -> None:
        """A diff offers plain text without colour and HTML."""
        bundle = diff(MEETING_2020, edited_later())._repr_mimebundle_()
        assert not ANSI.search(bundle["text/plain"])
        assert bundle["text/html"].startswith("<div")

    def test_inline_runs_rebuild_the_new_text(self) -> None:
        """The equal and inserted runs of an edited point spell out its new text."""
        result = diff(MEETING_2020, edited_later())
        for change in result.points:
            if change.kind == "edited":
                assert change.new is not None
                rebuilt = "".join(text for kind, text in inline(change) if kind != "delete")
                assert rebuilt.split() == change.new.text.split()

    def test_empty_diff_renders(self) -> None:
        """An empty diff renders in every format."""
        result = diff(MEETING_2020, MEETING_2020)
        assert "9 unchanged" in result.to_text(color=False)
        assert "9 unchanged" in result.to_markdown()
        assert "9 unchanged" in result.to_html()


def _nearest_figures(result: StatementDiff) -> tuple[str, str]:
    """The similarity, as the views print it, of the removed point 9 and of the added point 9."""
    removed = next(change for change in result.points if change.new is None)
    added = next(change for change in result.points if change.old is None)
    return figure(removed.similarity), figure(added.similarity)


class TestNearestInViews:
    def test_text_names_the_nearest_point(self) -> None:
        """An added or removed point names the closest point of the other statement and its similarity."""
        result = diff(MEETING_2020, edited_later())
        removed, added = _nearest_figures(result)
        text = result.to_text(color=False)
        assert f"- 9  removed (nearest new 5: match {removed})" in text
        assert f"+ 9  added (nearest old 5: match {added})" in text
        assert "~ 3  edited (match " in text

    def test_text_when_nothing_is_near(self) -> None:
        """Against a statement without points, the view says that nothing is similar."""
        text = diff(attrs.evolve(MEETING_2020, points=()), MEETING_2020).to_text(color=False)
        assert "+ 1  added (no similar point in the old statement)" in text
        assert "nearest" not in text

    def test_inverted_text_names_the_same_point(self) -> None:
        """Inverted, the added point is removed and names the same old point, now on the new side."""
        result = diff(MEETING_2020, edited_later())
        removed, added = _nearest_figures(result)
        text = result.inverted().to_text(color=False)
        assert f"- 9  removed (nearest new 5: match {added})" in text
        assert f"+ 9  added (nearest old 5: match {removed})" in text

    def test_markdown_and_html_name_the_nearest_point(self) -> None:
        """Markdown and HTML label the match of an added or removed point as its nearest candidate's."""
        result = diff(MEETING_2020, edited_later())
        removed, added = _nearest_figures(result)
        assert f"| nearest new 5: match {removed} |" in result.to_markdown()
        assert f"| nearest old 5: match {added} |" in result.to_markdown()
        html = bare(result.to_html())
        assert f'>{removed}<div class="c5-note">with nearest new 5</div></td>' in html
        assert f'>{added}<div class="c5-note">with nearest old 5</div></td>' in html


class TestFieldViews:
    def test_text_groups_and_summarises(self) -> None:
        """Fields are grouped by top-level field with a count; whole records are summarised by their key fields."""
        text = diff(MEETING_2020, reshaped()).to_text(color=False)
        section = fields_section(text)
        assert "  participants (6 changes)" in section
        assert "    - KZ Mukhtar Tleuberdi (Foreign Minister)" in section
        assert "    - TM Rashid Meredov (Deputy Prime Minister and Foreign Minister)" in section
        assert "    order: CN KZ KG TJ TM UZ → CN" in section
        assert f"    + [4] {HOSTILE}" in section
        assert "  topics (1 change)" in section
        assert any(line.startswith("    + [2] Demo Speaker: “<script>") for line in section)
        assert '    + demo-2021 “Report <script>alert("x")</script> & <img src=x o…”' in section
        assert '"aliases"' not in text
        assert "{" not in "".join(section)

    def test_text_cuts_long_strings(self) -> None:
        """A string over 70 characters is cut with an ellipsis; short ones are shown whole."""
        section = fields_section(diff(MEETING_2020, reshaped()).to_text(color=False))
        (venue,) = [line for line in section if line.startswith("  venue:")]
        assert venue == '  venue: null → "' + LONG_VENUE[:69] + '…"'
        assert len(LONG_VENUE) > 70
        assert all(len(line) < 200 for line in section)

    def test_later_statement_summary(self) -> None:
        """Removed topics, quotes, context notes and sources read as one short line each."""
        later = attrs.evolve(MEETING_2020, topics=(), quotes=(), context=(), sources=MEETING_2020.sources[:-1])
        later = attrs.evolve(later, notes=("A single new note.",))
        section = fields_section(diff(MEETING_2020, later).to_text(color=False))
        assert "    - [0] strengthening cooperation against COVID-19" in section
        assert "    - [1] Hua Chunying: “Cooperation between China and Central Asia is bas…”" in section
        assert "    - [2] Twenty-eight years ago, China was among the first to establish diplom… (1992)" in section
        assert "    - nca-2020-07-22 “Joint Statement of Ministers of Foreign Affairs:…”" in section
        (notes,) = [line for line in section if line.startswith("  notes:")]
        assert notes.endswith('+3 more] → ["A single new note."]')

    def test_data_stays_whole(self) -> None:
        """Shortening is only a view: the field changes and their JSON keep the full values."""
        result = diff(MEETING_2020, reshaped())
        changes = {change.path: change for change in result.fields}
        assert changes["$.venue"].new == LONG_VENUE
        assert changes["$.participants[KZ]"].old["aliases"] == ("Mukhtar Tileuberdi",)
        assert LONG_VENUE in to_json(result)
        assert from_json(to_json(result), type(result)) == result

    def test_markdown_groups_summarises_and_escapes(self) -> None:
        """Markdown lists the fields by group, with summaries and cut strings, and escapes markup."""
        markdown = diff(MEETING_2020, reshaped()).to_markdown()
        section = fields_section(markdown)
        assert "- **participants** (6 changes)" in section
        assert "  - *removed* KZ Mukhtar Tleuberdi (Foreign Minister)" in section
        assert "  - order: CN KZ KG TJ TM UZ → CN" in section
        assert "…" in "".join(line for line in section if "venue" in line)
        assert "<script>" not in markdown
        assert "&lt;script&gt;" in markdown
        assert '"aliases"' not in markdown

    def test_html_keeps_full_values_escaped(self) -> None:
        """HTML shows the summary, with the full value behind a disclosure, every text escaped."""
        html = bare(diff(MEETING_2020, reshaped()).to_html())
        assert '<tr class="c5-group"><th colspan="3">participants (6 changes)</th></tr>' in html
        assert "<details><summary><del>KZ Mukhtar Tleuberdi (Foreign Minister)</del></summary>" in html
        assert "Mukhtar Tileuberdi" in html
        assert _escaped(LONG_VENUE) in html
        assert '<code title="$.participants[KZ]">KZ</code>' in html
        assert_no_raw_markup(html)
        assert (
            "&lt;script&gt;alert(\\&quot;x\\&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; and a"
            in html
        )

    def test_colour_marks_removed_and_added_items(self) -> None:
        """With colour, removed items are red, added ones green and group headings bold; without, no codes."""
        result = diff(MEETING_2020, reshaped())
        colored = result.to_text(color=True)
        assert "\x1b[31m- KZ Mukhtar Tleuberdi (Foreign Minister)\x1b[0m" in colored
        assert "\x1b[32m+ [4] " in colored
        assert "\x1b[1mparticipants (6 changes)\x1b[0m" in colored
        assert not ANSI.search(result.to_text(color=False))

    def test_no_color_on_a_terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """NO_COLOR keeps the field view plain even on a terminal."""
        terminal = io.StringIO()
        terminal.isatty = lambda: True  # type: ignore[method-assign]
        monkeypatch.setattr("sys.stdout", terminal)
        monkeypatch.setenv("NO_COLOR", "1")
        assert not ANSI.search(diff(MEETING_2020, reshaped()).to_text())
        monkeypatch.delenv("NO_COLOR")
        assert ANSI.search(diff(MEETING_2020, reshaped()).to_text())

    @given(meetings(max_points=4, max_text=120), meetings(max_points=4, max_text=120))
    def test_any_diff_renders(self, old: Meeting, new: Meeting) -> None:
        """Any two meetings give a diff whose views render, count every field change and keep one line each."""
        result = diff(old, new)
        text = result.to_text(color=False)
        markdown = result.to_markdown()
        html = result.to_html()
        if result.fields:
            heading = f"Fields ({len(result.fields)} change{'s' if len(result.fields) != 1 else ''})"
            assert heading in text
            assert heading in markdown
            assert heading in html
            section = fields_section(text)
            assert len(section) >= len(result.fields)
            # A rewritten text shows its old and new words whole (the word edits); nothing else runs long.
            assert all(len(line) < 400 + 2 * longest_text(old, new) for line in section)
        else:
            assert "Fields" not in text


def _escaped(text: str) -> str:
    return text.replace("'", "&#x27;")


class TestSeriesViews:
    def test_all_views_render_and_escape(self) -> None:
        """Text, Markdown and HTML views of a series render; HTML escapes hostile text."""
        series = compare([MEETING_2020, edited_later(), hostile_meeting()])
        assert "Lineages" in series.to_text(color=False)
        assert "## Lineages" in series.to_markdown()
        for html in (series.to_html(), series._repr_html_(), series._repr_mimebundle_()["text/html"]):
            assert_no_raw_markup(html)
        assert "<script>" not in series.to_markdown()


def forced(obj: T, **values: object) -> T:
    """A copy of *obj* with *values* set past validation, as a hostile or older file might give."""
    copy = copy_of(obj)
    for name, value in values.items():
        object.__setattr__(copy, name, value)
    return copy


def annotated() -> Meeting:
    """A made-up illustrative record whose caveats, quotes, context and sources carry markup."""
    return attrs.evolve(
        MEETING_2020,
        id="annotated-demo",
        summary=f"A summary {HOSTILE}.",
        notes=(f"A caveat {HOSTILE}.", *MEETING_2020.notes),
        quotes=(Quote(speaker=f"Speaker {HOSTILE}", text=f"Words {HOSTILE}", occasion="a briefing"),),
        context=(ContextNote(text=f"Context {HOSTILE}", year=1992),),
        sources=(*MEETING_2020.sources, Source(id="demo-source", publisher=f"Pub {HOSTILE}", title="T")),
        illustrative=True,
    )


class TestMeetingRecordViews:
    def test_text_shows_caveats_and_citations(self) -> None:
        """The text view shows the notes right after the facts, then participants, summary, quotes, context, sources."""
        text = meeting_to_text(MEETING_2020, color=False)
        headings = [line for line in text.splitlines() if line and not line.startswith(" ") and ":" not in line]
        names = [
            "Notes",
            "Participants",
            "Summary",
            "Topics",
            "Decisions",
            "Points (9)",
            "Quotes",
            "Context",
            "Sources",
        ]
        assert headings[1:] == names
        assert f"  - {MEETING_2020.notes[0]}" in text
        assert f"  {MEETING_2020.summary}" in text
        quote = MEETING_2020.quotes[0]
        assert f"— Hua Chunying, {quote.speaker_title}; the press briefing on Saturday; 2020-07-18" in text
        assert "2,100 years ago" in text
        assert "(1992)" in text
        source = MEETING_2020.source("mfa-2020-07-17")
        assert f"  - mfa-2020-07-17: {source.publisher}, “{source.title}”, 2020-07-17, {source.url}" in text
        assert "unconfirmed" in text

    def test_markdown_and_html_show_caveats_and_citations(self) -> None:
        """Markdown and HTML have the same sections, the notes first, with source links in HTML."""
        markdown = meeting_to_markdown(MEETING_2020)
        sections = [line for line in markdown.splitlines() if line.startswith("## ")]
        names = ("Notes", "Participants", "Summary", "Topics", "Decisions", "Points", "Quotes", "Context", "Sources")
        assert sections == [f"## {name}" for name in names]
        assert "Hua Chunying" in markdown
        html = meeting_to_html(MEETING_2020)
        assert html.index("<h4>Notes</h4>") < html.index(">Participants (") < html.index("<h4>Summary</h4>")
        assert html.index("<h4>Summary</h4>") < html.index("<h4>Points</h4>")
        assert html.index("<h4>Points</h4>") < html.index(">Quotes (") < html.index(">Sources (")
        assert '<a href="http://en.people.cn/n3/2020/0717/c90000-9711681.html"' in html
        assert "Elvira Kadyrova" in html

    def test_illustrative_record_says_so_first(self) -> None:
        """An illustrative record is marked at the top of every view; the real record is not."""
        meeting = annotated()
        assert meeting_to_text(meeting, color=False).startswith("ILLUSTRATIVE RECORD — not an official text\n")
        assert meeting_to_markdown(meeting).startswith("> **ILLUSTRATIVE RECORD — not an official text**\n")
        assert meeting_to_html(meeting).index("ILLUSTRATIVE RECORD") < meeting_to_html(meeting).index("<h3>")
        for view in (meeting_to_text(MEETING_2020, color=False), meeting_to_markdown(MEETING_2020)):
            assert "ILLUSTRATIVE" not in view
        assert "ILLUSTRATIVE" not in meeting_to_html(MEETING_2020)

    def test_new_sections_are_escaped(self) -> None:
        """Markup in notes, summary, quotes, context and sources is escaped in HTML and Markdown."""
        meeting = annotated()
        html = meeting_to_html(meeting)
        assert_no_raw_markup(html)
        assert html.count("&lt;script&gt;") == 6
        markdown = meeting_to_markdown(meeting)
        assert "<script>" not in markdown
        assert markdown.count("&lt;script&gt;") == 6

    def test_only_http_addresses_become_links(self) -> None:
        """A source address that is not http(s) is shown as text, never as a link."""
        source = forced(Source(id="demo", publisher="P", title="T"), url='javascript:alert(1)" x="')
        meeting = forced(annotated(), sources=(source,))
        html = meeting_to_html(meeting)
        assert "<a " not in html
        assert "javascript:alert(1)&quot; x=&quot;" in html


class TestControlCharacters:
    def test_meeting_text_escapes_control_characters(self) -> None:
        """Escape sequences in a record are shown as escapes, in every section, coloured or not."""
        escape = "\x1b]0;owned\x07\x1b[2J\r\x9b"
        point = forced(Point(1, "all parties agree."), text=f"all parties {escape} agree.")
        meeting = forced(annotated(), title=f"T{escape}", notes=(f"N{escape}",), points=(point,))
        for color in (False, True):
            text = meeting_to_text(meeting, color=color)
            assert "\x07" not in text
            assert "\r" not in text
            assert "\x9b" not in text
            assert "\x1b]" not in text
            assert "\x1b[2J" not in text
            assert "\\x1b]0;owned\\x07\\x1b[2J\\x0d\\x9b" in text
        assert "\x1b[1m" in meeting_to_text(meeting, color=True)
        assert "\x1b" not in meeting_to_text(meeting, color=False)

    def test_lines_and_tabs_are_kept(self) -> None:
        """Line feeds and tabs in a multi-line text stay, the next line indented like the first."""
        meeting = forced(annotated(), summary="one\tcolumn\nnext line")
        assert "\n  one\tcolumn\n  next line\n" in meeting_to_text(meeting, color=False)

    def test_diff_and_series_text_escape_control_characters(self) -> None:
        """Diff and series text views show control characters in point texts as escapes."""
        old = attrs.evolve(MEETING_2020, points=MEETING_2020.points[:2])
        point = forced(MEETING_2020.points[1], text=MEETING_2020.points[1].text + " \x1b[2J now")
        new = forced(old, points=(old.points[0], point, forced(Point(3, "x."), text="\x1b[31mred\x1b[0m.")))
        result = diff(old, new)
        for color in (False, True):
            text = result.to_text(color=color)
            assert "\x1b[2J" not in text
            assert "\x1b[31mred" not in text
            assert "\\x1b[31mred" in text
        series_text = compare([old, new]).to_text(color=False)
        assert "\x1b" not in series_text
        assert "\\x1b[31mred" in series_text


class TestEdgeCases:
    def test_lineage_label_of_an_empty_lineage(self) -> None:
        """The label of a lineage without points is empty, not an error."""
        assert _lineage_label((None, None)) == ""


FORGED_VENUE = "Nur-Sultan\n| Chair | Fake Person |\n\n# Heading"
FORGED_ITEM = "all parties agree.\n\nSources\n  - fake-source: Forged\n# Heading"

FORGED_PARTICIPANT = (
    "  - KZ  Mukhtar Tleuberdi — Foreign Minister (head of delegation); also spelled: Mukhtar Tileuberdi;"
    " note: all parties agree."
)


def longest_text(*meetings: Meeting) -> int:
    """The length of the longest text anywhere in *meetings*."""
    found = 0
    stack: list[object] = [to_dict(meeting) for meeting in meetings]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            found = max(found, len(value))
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found


def hostile_participants() -> Meeting:
    """A made-up record whose second participant carries markup in every text field."""
    first, second, *rest = MEETING_2020.participants
    hostile = attrs.evolve(
        second,
        person=f"Person {HOSTILE}",
        title=f"Title {HOSTILE}",
        aliases=(f"Alias {HOSTILE}",),
        note=f"Note {HOSTILE}",
    )
    return attrs.evolve(MEETING_2020, id="participants-demo", participants=(first, hostile, *rest), illustrative=True)


def forged() -> Meeting:
    """A made-up record whose one-line fields hold line breaks and whose multi-line texts imitate sections."""
    first, second, *rest = MEETING_2020.participants
    broken = attrs.evolve(second, person="Mukhtar\nTleuberdi", title="Foreign\n\nMinister\t ", note=FORGED_ITEM)
    source = Source(id="demo-source", publisher="Demo", title="Report\n# Heading")
    return attrs.evolve(
        MEETING_2020,
        id="forged-demo",
        title="A title\n\nVenue: Fake",
        venue=FORGED_VENUE,
        participants=(first, broken, *rest),
        notes=(FORGED_ITEM,),
        summary=FORGED_ITEM,
        points=(Point(1, FORGED_ITEM), Point(12, FORGED_ITEM)),
        sources=(*MEETING_2020.sources, source),
        illustrative=True,
    )


class TestParticipantsSection:
    def test_text_lists_title_role_aliases_and_note(self) -> None:
        """The text view has a Participants section with each title, role, other spellings and note."""
        text = meeting_to_text(MEETING_2020, color=False)
        chair = MEETING_2020.participants[0]
        assert f"  - CN  Wang Yi — State Councilor and Foreign Minister (chair); note: {chair.note}\n" in text
        kz = "  - KZ  Mukhtar Tleuberdi — Foreign Minister (head of delegation); also spelled: Mukhtar Tileuberdi\n"
        assert kz in text
        assert "  - UZ  Abdulaziz Kamilov — Foreign Minister (head of delegation)\n" in text

    def test_facts_stay_short(self) -> None:
        """The facts row names the participants only; titles and notes are left to the section."""
        text = meeting_to_text(MEETING_2020, color=False)
        row = next(line for line in text.splitlines() if line.startswith("Participants:"))
        assert row == (
            "Participants: Wang Yi (CN), Mukhtar Tleuberdi (KZ), Chingiz Aidarbekov (KG), "
            "Sirojiddin Muhriddin (TJ), Rashid Meredov (TM), Abdulaziz Kamilov (UZ)"
        )

    def test_markdown_and_html_list_participants(self) -> None:
        """Markdown and HTML have the same Participants section as the text view."""
        markdown = meeting_to_markdown(MEETING_2020)
        assert "\n## Participants\n\n- CN  Wang Yi — State Councilor and Foreign Minister (chair); note: " in markdown
        assert "\n- TM  Rashid Meredov — Deputy Prime Minister and Foreign Minister" in markdown
        assert "(head of delegation); also spelled: Rashid Meledov; note: nCa's translation" in markdown
        html = meeting_to_html(MEETING_2020)
        section = html[html.index(">Participants (") : html.index("<h4>Summary</h4>")]
        assert section.count("<li>") == len(MEETING_2020.participants)
        assert (
            "<li>KG  Chingiz Aidarbekov — Foreign Minister (head of delegation); also spelled: Chingiz Aydarbekov"
            in section
        )
        assert "“Member of the State Council”" in section

    def test_participant_fields_are_escaped(self) -> None:
        """Markup in a participant's name, title, aliases and note is escaped in HTML and Markdown.

        (A role is one of a small vocabulary, so it cannot carry markup.)
        """
        meeting = hostile_participants()
        html = meeting_to_html(meeting)
        assert_no_raw_markup(html)
        section = html[html.index(">Participants (") : html.index("<h4>Summary</h4>")]
        assert section.count("&lt;script&gt;") == 4
        markdown = meeting_to_markdown(meeting)
        assert "<script>" not in markdown
        assert "<img" not in markdown
        assert markdown.count("&lt;script&gt;") == 5  # the four fields, and the name in the facts table


class TestLineBreaks:
    def test_one_line_fields_cannot_forge_text_rows(self) -> None:
        """Line breaks in the title, venue, a name, a title or a source title do not start lines of the text view."""
        lines = meeting_to_text(forged(), color=False).splitlines()
        assert lines[1] == "A title Venue: Fake"
        assert "Venue:        Nur-Sultan | Chair | Fake Person | # Heading" in lines
        assert "Participants: Wang Yi (CN), Mukhtar Tleuberdi (KZ)," in "\n".join(lines)
        assert FORGED_PARTICIPANT in lines
        assert "  - demo-source: Demo, “Report # Heading”" in lines
        assert not [line for line in lines if line.startswith(("|", "#", "Venue: Fake"))]

    def test_multi_line_texts_stay_within_their_item(self) -> None:
        """Lines after the first of a note, summary, point or participant note are indented under their item."""
        lines = meeting_to_text(forged(), color=False).splitlines()
        headings = [line for line in lines if line and not line.startswith(" ") and ":" not in line]
        names = [
            "Notes",
            "Participants",
            "Summary",
            "Topics",
            "Decisions",
            "Points (2)",
            "Quotes",
            "Context",
            "Sources",
        ]
        assert headings[1:] == names
        assert "  - fake-source: Forged" not in lines
        items = (("  - all parties agree.", "    "), (FORGED_PARTICIPANT, "    "), ("  1. all parties agree.", "     "))
        for first, indent in items:
            start = lines.index(first)
            assert lines[start + 1 : start + 5] == [
                "",
                f"{indent}Sources",
                f"{indent}  - fake-source: Forged",
                f"{indent}# Heading",
            ]
        start = lines.index("  12. all parties agree.")
        assert lines[start + 2 : start + 5] == ["      Sources", "        - fake-source: Forged", "      # Heading"]
        start = lines.index("Summary")
        assert lines[start + 1 : start + 6] == [
            "  all parties agree.",
            "",
            "  Sources",
            "    - fake-source: Forged",
            "  # Heading",
        ]

    def test_colored_points_stay_within_their_item(self) -> None:
        """Colour does not change where a point's further lines start."""
        text = ANSI.sub("", meeting_to_text(forged(), color=True))
        assert "\n  12. all parties agree.\n\n      Sources\n" in text

    def test_one_line_fields_are_one_line_in_markdown(self) -> None:
        """In Markdown, each run of white space in a one-line field is one space, so no row or heading is forged."""
        markdown = meeting_to_markdown(forged())
        lines = markdown.splitlines()
        assert "# A title Venue: Fake" in lines
        assert "| Venue | Nur-Sultan \\| Chair \\| Fake Person \\| \\# Heading |" in lines
        assert "- KZ  Mukhtar Tleuberdi — Foreign Minister (head of delegation); also spelled:" in markdown
        assert "- demo-source: Demo, “Report \\# Heading”" in lines
        assert [line for line in lines if line.startswith("#")] == [
            "# A title Venue: Fake",
            *(f"## {name}" for name in ("Notes", "Participants", "Summary", "Topics", "Decisions", "Points")),
            *(f"## {name}" for name in ("Quotes", "Context", "Sources")),
        ]

    def test_html_keeps_one_line_fields_on_one_line(self) -> None:
        """The HTML heading and facts show one-line fields with single spaces too."""
        html = bare(meeting_to_html(forged()))
        assert "<h3>A title Venue: Fake</h3>" in html
        assert "<td>Nur-Sultan | Chair | Fake Person | # Heading</td>" in html
