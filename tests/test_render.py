"""Views: text (with colour rules), Markdown and HTML of meetings, points, diffs and series."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

import attrs

from c5statement import MEETING_2020, Meeting, Point, Topic, compare, diff
from c5statement._render import (
    inline,
    meeting_to_html,
    meeting_to_markdown,
    meeting_to_text,
    mimebundle,
    use_color,
)

if TYPE_CHECKING:
    import pytest

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
        assert '$.venue: null → "Xi\'an"' in text

    def test_markdown(self) -> None:
        """Markdown marks deletions with strike-through and insertions in bold."""
        markdown = diff(MEETING_2020, edited_later()).to_markdown()
        assert "~~volumes~~" in markdown
        assert "**and investment**" in markdown
        assert "| `$.venue` |" in markdown
        assert "<script>" not in markdown

    def test_html(self) -> None:
        """HTML uses del and ins, badges for moves, chips for themes, and escapes all text."""
        html = diff(MEETING_2020, edited_later()).to_html()
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


class TestSeriesViews:
    def test_all_views_render_and_escape(self) -> None:
        """Text, Markdown and HTML views of a series render; HTML escapes hostile text."""
        series = compare([MEETING_2020, edited_later(), hostile_meeting()])
        assert "Lineages" in series.to_text(color=False)
        assert "## Lineages" in series.to_markdown()
        for html in (series.to_html(), series._repr_html_(), series._repr_mimebundle_()["text/html"]):
            assert_no_raw_markup(html)
        assert "<script>" not in series.to_markdown()
