"""Coding layers: agreement between codings, and codings that leave match scores alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from c5statement import (
    MEETING_2020,
    Coding,
    Meeting,
    Point,
    agreement,
    diff,
    krippendorff_alpha,
    similarity,
    themes_in_scores,
)

if TYPE_CHECKING:
    from pathlib import Path


def recoded(meeting: Meeting, codes: list[frozenset[str]]) -> Meeting:
    """The meeting with its points' themes replaced, one set per point."""
    points = tuple(attrs.evolve(point, themes=theme) for point, theme in zip(meeting.points, codes, strict=True))
    return attrs.evolve(meeting, points=points)


class TestKrippendorffAlpha:
    def test_binary_worked_example(self) -> None:
        """Krippendorff's two-coder binary example (ten units) gives 0.095."""
        a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
        b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
        assert krippendorff_alpha(zip(a, b, strict=True)) == pytest.approx(1 - 19 * 8 / (2 * 14 * 6))
        assert round(krippendorff_alpha(zip(a, b, strict=True)) or 0, 3) == 0.095

    def test_nominal_worked_example_with_missing_values(self) -> None:
        """Krippendorff's four-coder nominal example, with missing values, gives 0.743."""
        n = None
        rows = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
            [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
        ]
        assert round(krippendorff_alpha(zip(*rows, strict=True)) or 0, 3) == 0.743

    @given(st.lists(st.sampled_from("abc"), min_size=2))
    def test_perfect_agreement_is_one(self, values: list[str]) -> None:
        """Two coders who always agree have alpha 1 (or undefined, when there is no variation)."""
        found = krippendorff_alpha((value, value) for value in values)
        assert found == (None if len(set(values)) == 1 else 1.0)

    def test_undefined_without_pairable_values(self) -> None:
        """No unit with two values: alpha is undefined."""
        assert krippendorff_alpha([(1, None), (None, 2)]) is None


class TestAgreement:
    def test_two_coders_of_the_packaged_scheme(self) -> None:
        """A second coder's themes on the 2020 points: percent and alpha over the nine points."""
        other = [frozenset(point.themes) for point in MEETING_2020.points]
        other[0] = frozenset({"trade"})
        points = tuple(
            attrs.evolve(point, codings=(Coding("themes", codes, coder="second"),))
            for point, codes in zip(MEETING_2020.points, other, strict=True)
        )
        result = agreement(attrs.evolve(MEETING_2020, points=points), "themes", ("themes", "second"))
        assert (result.units, result.skipped, result.agreed) == (9, 0, 8)
        assert result.percent == pytest.approx(8 / 9)
        assert result.alpha is not None
        assert 0.5 < result.alpha < 1
        assert (result.first, result.second) == ("themes", "themes/second")

    def test_a_user_codebook_against_the_themes(self) -> None:
        """Codes like 19.1 are compared for one code at a time against another scheme."""
        points = [
            Point(1, "a.", frozenset({"security"}), codings=(Coding("cap", frozenset({"16.1"})),)),
            Point(2, "b.", frozenset({"trade"}), codings=(Coding("cap", frozenset({"19.1"})),)),
            Point(3, "c.", codings=(Coding("cap", frozenset({"19.1"})),)),
        ]
        both = agreement(points, "cap", ("cap", None), code="19.1")
        assert (both.units, both.agreed, both.percent) == (3, 3, 1.0)
        across = agreement(points, "themes", "cap")
        assert (across.units, across.skipped, across.agreed) == (2, 1, 0)

    def test_uncoded_points_are_skipped(self) -> None:
        """A point left uncoded by either coding counts neither way."""
        points = [Point(1, "a."), Point(2, "b.", coding="coded")]
        result = agreement(points, "themes", ("themes", "x"))
        assert (result.units, result.skipped, result.percent, result.alpha) == (0, 2, None, None)

    def test_anything_but_meetings_and_points_is_refused(self) -> None:
        """A clear TypeError names what was given."""
        with pytest.raises(TypeError, match="meetings or points, got str"):
            agreement(["text"])  # type: ignore[list-item]


class TestCodingLeavesScoresAlone:
    def test_recoding_themes_changes_no_match_score(self) -> None:
        """Giving every point of the later statement other themes leaves every match score as it was."""
        later = attrs.evolve(MEETING_2020, id="later")
        codes = [frozenset({"digital"}) for _ in later.points]
        plain = [change.similarity for change in diff(MEETING_2020, later).points]
        recoded_scores = [change.similarity for change in diff(MEETING_2020, recoded(later, codes)).points]
        assert recoded_scores == plain

    def test_a_user_codebook_changes_no_match_score(self) -> None:
        """Adding CAP codes (19.1) to every point changes no similarity."""
        codings = (Coding("cap", frozenset({"19.1", "per103_1"})),)
        coded = attrs.evolve(MEETING_2020, points=tuple(attrs.evolve(p, codings=codings) for p in MEETING_2020.points))
        for old, new in zip(MEETING_2020.points, coded.points, strict=True):
            assert similarity(MEETING_2020.points[0], new) == similarity(MEETING_2020.points[0], old)

    def test_themes_count_when_asked(self) -> None:
        """Inside themes_in_scores(), two points sharing themes score higher than without."""
        a, b = MEETING_2020.point(7), attrs.evolve(MEETING_2020.point(3), themes=MEETING_2020.point(7).themes)
        outside = similarity(a, b)
        with themes_in_scores():
            inside = similarity(a, b)
        assert inside > outside
        assert similarity(a, b) == outside


def uncoded_copy(meeting: Meeting) -> Meeting:
    """The meeting with its points as parse() writes them: same texts, no themes, not coded."""
    return attrs.evolve(meeting, id="parsed", points=tuple(Point(p.number, p.text) for p in meeting.points))


class TestUncodedIsNotAbsent:
    def test_a_diff_to_an_uncoded_copy_loses_no_theme(self) -> None:
        """Against an uncoded copy of the 2020 statement, no theme is lost; the diff says the new side is uncoded."""
        result = diff(MEETING_2020, uncoded_copy(MEETING_2020))
        assert result.themes_lost == frozenset()
        assert all(change.themes_lost == frozenset() for change in result.points)
        assert result.uncoded == ("new",)

    def test_a_diff_from_an_uncoded_copy_gains_no_theme(self) -> None:
        """From an uncoded copy, no theme is gained either."""
        result = diff(uncoded_copy(MEETING_2020), MEETING_2020)
        assert result.themes_gained == frozenset()
        assert all(change.themes_gained == frozenset() for change in result.points)
        assert result.uncoded == ("old",)

    def test_coded_with_no_theme_does_lose_themes(self) -> None:
        """Points coded as having no theme are coded: their themes are lost."""
        coded = attrs.evolve(
            MEETING_2020, points=tuple(Point(p.number, p.text, coding="coded") for p in MEETING_2020.points)
        )
        result = diff(MEETING_2020, coded)
        assert "trade" in result.themes_lost
        assert result.uncoded == ()

    def test_a_partly_read_statement_loses_no_theme(self) -> None:
        """A statement whose main document was read in part cannot lose a theme it may have further on."""
        partial = attrs.evolve(MEETING_2020, points=MEETING_2020.points[:3], points_complete=False)
        assert diff(MEETING_2020, partial).themes_lost == frozenset()
        assert diff(MEETING_2020, attrs.evolve(partial, points_complete=True)).themes_lost

    def test_a_record_without_points_loses_no_theme(self) -> None:
        """A record of facts only says nothing of its statement's themes."""
        facts_only = attrs.evolve(MEETING_2020, id="facts", points=(), topics=())
        assert diff(MEETING_2020, facts_only).themes_lost == frozenset()

    def test_the_series_says_unknown(self) -> None:
        """In a series, a theme of an uncoded statement is unknown (None), not absent."""
        from c5statement import compare

        series = compare([MEETING_2020, uncoded_copy(MEETING_2020)])
        assert series.theme_matrix["trade"] == (True, None)
        rows = [row for row in series.theme_timeline() if row["theme"] == "trade"]
        assert [(row["present"], row["coding"]) for row in rows] == [(True, "coded"), (None, "not coded")]


class TestSummaries:
    def test_no_word_edits_between_a_summary_and_a_text(self) -> None:
        """A summary point matched to the document's text gets no word edits."""
        from c5statement import PointChange

        text = MEETING_2020.point(3)
        summary = Point(3, "trade, investment and Belt and Road projects are to grow.", verbatim=False)
        assert PointChange("edited", text, summary, 0.8).edits == ()
        assert PointChange("edited", text, attrs.evolve(summary, verbatim=True), 0.8).edits != ()


class TestParseWithMeeting:
    def seed_text(self) -> str:
        from pathlib import Path

        return (Path(__file__).parent / "data" / "seed_article.txt").read_text(encoding="utf-8")

    def test_parse_meeting_suggests_themes_marked_as_suggested(self, tmp_path: Path) -> None:
        """``parse --meeting`` tags the points with suggested themes, marked so; ``--no-suggest-themes`` does not."""
        from c5statement import load
        from c5statement._cli import main

        text = tmp_path / "seed.txt"
        text.write_text(self.seed_text(), encoding="utf-8")
        assert main(["parse", str(text), "--meeting", "cc5-fmm-2020", "-o", str(tmp_path / "a.json")]) == 0
        suggested = load(tmp_path / "a.json")
        assert all(point.coding == "suggested" for point in suggested.points)
        assert suggested.point(7).themes
        assert diff(MEETING_2020, suggested).themes_lost == frozenset()
        bare = ["parse", str(text), "--meeting", "cc5-fmm-2020", "--no-suggest-themes", "-o", str(tmp_path / "b.json")]
        assert main(bare) == 0
        assert all(not point.themes and not point.coded for point in load(tmp_path / "b.json").points)

    def test_the_text_replaces_summaries_and_keeps_their_links(self) -> None:
        """Parsed verbatim points replace a record's summaries, keep their links, and the record reads as complete."""
        from c5statement import skeleton

        summaries = tuple(
            Point(p.number, "a summary.", verbatim=False, continues=("cc5-fmm-2019#1",)) for p in MEETING_2020.points
        )
        record = attrs.evolve(MEETING_2020, points=summaries[:3], points_complete=False, points_total=9)
        document = skeleton(self.seed_text(), meeting=record)
        assert [point["verbatim"] for point in document["points"]] == [True] * 9
        assert [point["continues"] for point in document["points"][:4]] == [["cc5-fmm-2019#1"]] * 3 + [[]]
        assert (document["points_complete"], document["points_total"]) == (True, None)


class TestViews:
    def test_summaries_and_suggestions_are_labelled(self) -> None:
        """Views mark a summary point and suggested themes as such, in every format."""
        point = Point(2, "the sides back trade.", frozenset({"trade"}), verbatim=False, coding="suggested")
        assert point.to_text(color=False) == "2. (summary) the sides back trade. [suggested: trade]"
        assert "(summary)" in point.to_markdown()
        assert "suggested" in point.to_markdown()
        html = point.to_html()
        assert "(summary)" in html
        assert "(suggested)" in html

    def test_a_partly_read_record_says_what_is_unknown(self) -> None:
        """A record read in part says how many points were read and that the rest is unknown."""
        partial = attrs.evolve(MEETING_2020, points=MEETING_2020.points[:3], points_complete=False, points_total=9)
        for view in (partial.to_text(color=False), partial.to_markdown(), partial.to_html()):
            assert "3 of 9 points read; what follows is unknown, not absent." in view

    def test_diff_and_series_views_say_uncoded(self) -> None:
        """A diff to an uncoded copy says the themes were not compared; a series shows '?'."""
        from c5statement import compare

        result = diff(MEETING_2020, uncoded_copy(MEETING_2020))
        for view in (result.to_text(color=False), result.to_markdown(), result.to_html()):
            assert "Themes not compared where points are uncoded" in view
        table = compare([MEETING_2020, uncoded_copy(MEETING_2020)]).to_markdown()
        assert "| trade | ● | ? |" in table

    def test_city_and_reading_state_are_shown(self) -> None:
        """The facts show the city and host country, and a record read in part says so."""
        from c5statement import meeting

        assert "Xi'an, CN" in meeting("cc5-fmm-2021").to_text(color=False)
        partial = attrs.evolve(MEETING_2020, points=MEETING_2020.points[:2], points_complete=False, points_note="Seen.")
        assert "2 points read; what follows is unknown, not absent. Seen." in partial.to_markdown()
