"""Point alignment: similarity, calibration, assignment, merges, evidence and scale."""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import later
from c5statement import (
    MEETING_2020,
    InvalidStatementError,
    Point,
    PointChange,
    Series,
    StatementDiff,
    _align,
    compare,
    diff,
    from_json,
    themes_in_scores,
    to_json,
)
from c5statement._align import (
    AMBIGUITY_MARGIN,
    DEFAULT_THRESHOLD,
    RAW_FLOOR,
    Match,
    align,
    calibrate,
    evidence,
    similarity,
    stable_pairs,
)
from c5statement._cues import names_central_asia, records_meeting
from c5statement._languages import for_pair
from c5statement._lexicon import default_lexicon
from c5statement._views._layout import figure

if TYPE_CHECKING:
    import random

    from c5statement import Meeting
    from c5statement._align import Alignment

P2020 = MEETING_2020.points

# Later points in our own words, keeping what a real later text keeps.
PANDEMIC = Point(3, "The sides will keep up their joint fight against the pandemic and deepen medical cooperation.")
SECURITY_AFGHAN = Point(
    6,
    "All parties will work for regional security and stability, stand against terrorism and back a political "
    "settlement of the Afghan issue.",
)
EVIL_FORCES = Point(4, "The six countries will jointly combat the three evil forces and transnational drug crime.")
LOCAL = Point(5, "A cooperation mechanism between local governments and provinces will be set up.")
BESIDE = "split beside: next to its continuation"
ENDS = ("", ", first", ", soon")
ROADS = "The parties will further open new highways and railway lines across their borders"
NEXT_MEETING = Point(7, "China and Central Asia will hold the next meeting of foreign ministers in Astana.")
WORDS_2020 = tuple(word.strip(".,;") for point in P2020 for word in point.text.split())

UNRELATED = (
    Point(1, "Member universities will open their libraries to each other's doctoral students."),
    Point(2, "Arctic fishing quotas will be reviewed each spring by the scientific council."),
    Point(3, "The orchestra festival will rotate between the five member cities."),
)


class TestSimilarity:
    def test_identity(self) -> None:
        """A point is fully like itself."""
        assert similarity(P2020[0], P2020[0]) == 1.0

    def test_themes_on_one_side_do_not_lower(self) -> None:
        """Themes present on one side only leave the score as it is, even where themes count."""
        untagged = Point(2, P2020[1].text)
        tagged = Point(PANDEMIC.number, PANDEMIC.text, themes=frozenset({"health"}))
        with themes_in_scores():
            assert similarity(untagged, tagged) == similarity(untagged, PANDEMIC)
            assert similarity(P2020[1], PANDEMIC) == similarity(untagged, PANDEMIC)

    def test_themes_one_side_holds_count_fully(self) -> None:
        """Where themes count, a point tagged with one of the other's themes loses nothing to its extra themes."""
        tagged = Point(PANDEMIC.number, PANDEMIC.text, themes=frozenset({"health"}))
        with themes_in_scores():
            assert similarity(P2020[1], tagged) >= similarity(P2020[1], PANDEMIC)

    def test_synonyms_raise_the_score(self) -> None:
        """The pandemic paraphrase is closer to the COVID-19 point than to the agriculture point."""
        assert similarity(P2020[1], PANDEMIC) > 2 * similarity(P2020[4], PANDEMIC)

    def test_arguments_checked(self) -> None:
        """Anything but points is refused, naming the argument."""
        with pytest.raises(TypeError, match=r"\$\.new"):
            similarity(P2020[0], "text")  # type: ignore[arg-type]


class TestCalibration:
    @given(
        st.floats(RAW_FLOOR, 0.99),
        st.floats(RAW_FLOOR, 0.99),
        st.floats(-3, 10),
        st.sampled_from([0.0, 0.5, 1.0]),
        st.floats(-1, 1),
        st.floats(0, 1),
    )
    def test_monotone_in_the_raw_score(  # noqa: PLR0917 - one argument per drawn value
        self, low: float, high: float, standing: float, mutual: float, margin: float, related: float
    ) -> None:
        """A higher raw score never gives a lower match score, all else equal."""
        low, high = sorted((low, high))
        args = {"standing": standing, "mutual": mutual, "margin": margin, "relatedness": related}
        assert calibrate(low, **args) <= calibrate(high, **args)

    def test_floor_and_identity(self) -> None:
        """Below the floor nothing matches; identical texts always do."""
        args = {"standing": 9.0, "mutual": 1.0, "margin": 1.0, "relatedness": 1.0}
        assert calibrate(RAW_FLOOR / 2, **args) == RAW_FLOOR / 2
        assert calibrate(0.0, **args) == 0.0
        assert calibrate(1.0, **args) == 1.0


class TestAlign:
    def test_reworded_points_align(self) -> None:
        """Rewordings find their 2020 points: the pandemic, the three evil forces, the Afghan issue."""
        result = align(P2020, [PANDEMIC, EVIL_FORCES, SECURITY_AFGHAN, LOCAL])
        pairs = {(match.old + 1, match.new + 1) for match in result.matches}
        assert pairs == {(2, 1), (7, 2), (8, 3)}

    def test_merge_records_the_second_link(self) -> None:
        """A point continuing the Afghanistan and the terrorism points links both."""
        result = align(P2020, [PANDEMIC, SECURITY_AFGHAN, LOCAL])
        (afghan,) = [match for match in result.matches if match.new == 1]
        assert afghan.old == 7
        assert afghan.also == (6,)

    def test_summary_aligns_with_its_long_paragraph(self) -> None:
        """A short summary point meets the long paragraph it summarises (containment)."""
        long = Point(
            1,
            "The parties noted with satisfaction how much their trade has grown. They will keep aligning the "
            "Belt and Road Initiative with the national development strategies of the Central Asian states, "
            "open more routes for goods, and explore a digital Silk Road and a Silk Road of health. The parties "
            "welcome more investment in industrial parks and in logistics centres along the way.",
        )
        other = Point(2, "The parties condemn terrorism, separatism and extremism in all their forms.")
        result = align([long, other], [P2020[2], P2020[6]])
        assert [(match.old, match.new) for match in result.matches] == [(0, 0), (1, 1)]

    def test_unrelated_statements_match_nothing(self) -> None:
        """Statements on other subjects give no match at all."""
        assert align(P2020, UNRELATED).matches == ()
        assert align(UNRELATED, P2020).matches == ()

    def test_every_match_clears_the_threshold(self) -> None:
        """Matches have scores at or above the threshold, from 0 to 1."""
        result = align(P2020, [PANDEMIC, EVIL_FORCES, SECURITY_AFGHAN, LOCAL])
        assert all(DEFAULT_THRESHOLD <= match.similarity <= 1 for match in result.matches)

    def test_threshold_is_a_knob(self) -> None:
        """A threshold of 1 keeps only identical points; 0.01 keeps more."""
        strict = align(P2020, [*P2020[:2], PANDEMIC], threshold=1.0)
        assert [(match.old, match.new) for match in strict.matches] == [(0, 0), (1, 1)]

    def test_custom_similarity_must_return_a_fraction(self) -> None:
        """A custom function returning something outside 0..1 is named in the error."""
        with pytest.raises(ValueError, match="from 0 to 1"):
            align(P2020[:1], P2020[:1], similarity=lambda _a, _b: 2.0)

    def test_custom_similarity_used_as_is(self) -> None:
        """A custom similarity's scores are compared to the threshold directly."""
        result = align(P2020[:2], P2020[:2], similarity=lambda a, b: 0.6 if a.number == b.number else 0.1)
        assert [(match.old, match.new, match.similarity) for match in result.matches] == [(0, 0, 0.6), (1, 1, 0.6)]

    @given(st.permutations(range(9)))
    def test_any_order_of_the_2020_points(self, order: list[int]) -> None:
        """Every 2020 point finds itself wherever it moved."""
        shuffled = [P2020[index] for index in order]
        result = align(P2020, shuffled)
        assert sorted((match.old, order[match.new]) for match in result.matches) == [(i, i) for i in range(9)]


class TestScale:
    def test_disjoint_statements_are_not_scored_all_against_all(self) -> None:
        """Large statements sharing no rare word score far fewer pairs than the product of their sizes."""
        old = [Point(index, f"alpha{index} beta{index} gamma{index}.") for index in range(1, 401)]
        new = [Point(index, f"delta{index} epsilon{index} zeta{index}.") for index in range(1, 401)]
        result = align(old, new)
        assert result.matches == ()
        assert result.compared <= 5000  # the sample for the calibration, not 160,000 pairs

    def test_repeated_text_pairs_by_hashing(self) -> None:
        """Points with the same text on both sides pair in order, without scoring every pair."""
        old = [Point(index, "All parties agree.") for index in range(1, 1001)]
        result = align(old, old)
        assert [(match.old, match.new) for match in result.matches] == [(i, i) for i in range(1000)]
        assert result.compared < 20_000


class TestEvidence:
    def test_names_concepts_with_both_wordings(self) -> None:
        """A concept named differently on each side is shown with both words."""
        first = evidence(P2020[1], PANDEMIC)[0]
        assert (first.label, first.old, first.new) == ("health", "anti-epidemic", "pandemic")
        assert str(first) == "health: anti-epidemic \u2248 pandemic"

    def test_strongest_first(self) -> None:
        """Evidence is sorted by weight."""
        weights = [item.weight for item in evidence(P2020[7], SECURITY_AFGHAN)]
        assert weights == sorted(weights, reverse=True)
        assert weights

    @given(st.sampled_from(P2020), st.sampled_from([PANDEMIC, EVIL_FORCES, SECURITY_AFGHAN, LOCAL, *P2020]))
    def test_names_only_terms_both_contain(self, old: Point, new: Point) -> None:
        """Each piece of evidence quotes words that stand in the old and in the new text."""
        for item in evidence(old, new):
            assert item.old in old.text
            assert item.new in new.text


def test_stable_pairs_longest_run() -> None:
    """The longest run kept in order is found; the rest moved."""
    matches = [Match(0, 2, 1.0, 1.0), Match(1, 0, 1.0, 1.0), Match(2, 1, 1.0, 1.0), Match(3, 3, 1.0, 1.0)]
    assert sorted(stable_pairs(matches)) == [1, 2, 3]
    assert math.isclose(len(stable_pairs([])), 0)


MERGED = later([PANDEMIC, SECURITY_AFGHAN, LOCAL], id="later")


class TestDiffLinks:
    def test_merge_is_recorded_on_the_change(self) -> None:
        """The diff records the second old point a merged point continues, with the evidence of the match."""
        result = diff(MEETING_2020, MERGED)
        (afghan,) = [change for change in result.points if change.new is not None and change.new.number == 2]
        assert afghan.old == P2020[7]
        assert afghan.also == (7,)
        assert any(item.label == "Afghanistan" for item in afghan.evidence)

    def test_links_survive_inversion_json_and_apply(self) -> None:
        """apply, inverted and the JSON round trip all keep working with merge links."""
        result = diff(MEETING_2020, MERGED)
        assert result.apply(MEETING_2020) == MERGED
        back = result.inverted()
        assert back.apply(MERGED) == MEETING_2020
        assert back.inverted() == result
        (split,) = [change for change in back.points if change.also]
        assert (split.kind, split.new.number, split.also) == ("added", 7, (2,))  # type: ignore[union-attr]
        assert from_json(to_json(result), StatementDiff) == result

    def test_a_merged_point_carries_the_score_of_its_merge_both_ways(self) -> None:
        """The point merged into new 2 shows the merge's score: inverted, the split it becomes clears the threshold."""
        result = diff(MEETING_2020, MERGED)
        (merged,) = [change for change in result.points if change.old is not None and change.old.number == 7]
        assert (merged.kind, merged.nearest) == ("removed", 2)
        assert merged.similarity >= result.threshold
        assert merged.margin == pytest.approx(merged.similarity - result.threshold)
        (split,) = [change for change in result.inverted().points if change.also]
        assert (split.similarity, split.margin, split.nearest) == (merged.similarity, merged.margin, 2)
        assert f"nearest old 2: match {figure(merged.similarity)}" in result.inverted().to_text(color=False)
        check_links(result, result.threshold)
        check_links(result.inverted(), result.threshold)

    def test_every_view_names_the_merge_and_the_split(self) -> None:
        """The removed point 7 says it merged into new 2, in every view; inverted, the split says where it came from."""
        from c5statement._views._latex import diff_to_latex

        result = diff(MEETING_2020, MERGED)
        for view in (result.to_text(color=False), result.to_markdown(), result.to_html(), diff_to_latex(result)):
            assert view.count("merged into new 2") == 1
            assert "also continues old 7" in view
        (merged,) = [change for change in result.points if change.old is not None and change.old.number == 7]
        assert f"7 &  & removed (merged into new 2) & {figure(merged.similarity)} &" in diff_to_latex(result)
        back = result.inverted()
        assert " & 7 & added (split from old 2) & " in diff_to_latex(back)
        assert "merged into" not in back.to_text(color=False)

    def test_unmatched_points_keep_evidence_for_their_nearest(self) -> None:
        """An added point carries the evidence for its nearest old point."""
        result = diff(MEETING_2020, MERGED)
        (local,) = [change for change in result.points if change.kind == "added"]
        assert local.nearest is not None
        nearest = P2020[local.nearest - 1]
        assert all(item.old in nearest.text and item.new in LOCAL.text for item in local.evidence)

    @given(st.lists(st.sampled_from(range(9)), min_size=2, max_size=6, unique=True), st.data())
    def test_laws_hold_with_merges(self, chosen: list[int], data: st.DataObject) -> None:
        """Joining pairs of 2020 points into one: apply, inverted and JSON still reproduce the statements."""
        cut = data.draw(st.integers(1, len(chosen) - 1))
        joined = Point(1, " ".join(P2020[index].text for index in chosen[:cut]))
        following = later([joined, *(P2020[index] for index in chosen[cut:])], id="later")
        result = diff(MEETING_2020, following)
        assert result.apply(MEETING_2020) == following
        assert result.inverted().apply(following) == MEETING_2020
        assert result.inverted().inverted() == result
        assert from_json(to_json(result), StatementDiff) == result
        assert not diff(following, following)


class TestPointChangeLinks:
    def test_removed_points_hold_no_links(self) -> None:
        """Links belong to the change of the new point; a removed point refuses them."""
        with pytest.raises(InvalidStatementError, match=r"\$\.also"):
            PointChange("removed", P2020[0], None, 0.1, also=(2,))

    def test_links_are_sorted_and_unique(self) -> None:
        """Links list each old point once, in ascending order."""
        with pytest.raises(InvalidStatementError, match=r"\$\.also"):
            PointChange("added", None, PANDEMIC, 0.1, also=(3, 2))
        with pytest.raises(InvalidStatementError, match=r"\$\.also"):
            PointChange("edited", P2020[1], PANDEMIC, 0.9, also=(2,))

    def test_links_must_name_old_points(self) -> None:
        """A diff whose link names no old point fails to load, naming the place."""
        document = json.loads(to_json(diff(MEETING_2020, MERGED)))
        position = next(index for index, change in enumerate(document["points"]) if change["also"])
        document["points"][position]["also"] = [42]
        with pytest.raises(InvalidStatementError, match=rf"\$\.points\[{position}\]\.also"):
            from_json(json.dumps(document), StatementDiff)


def test_the_pass_over_all_pairs_calibrates_as_calibrate_does() -> None:
    """The scores computed for all pairs at once equal calibrate() applied to each pair."""
    from c5statement._align import _Calibrated, _Scorer
    from c5statement._lexicon import default_lexicon

    new = MERGED.points
    scorer = _Scorer(P2020, new, default_lexicon())
    pairs = [(i, j) for i in range(len(P2020)) for j in range(len(new))]
    found = _Calibrated(scorer, {pair: scorer.score(*pair) for pair in pairs}, ())
    for (i, j), score in found.raw.items():
        mutual = 0.5 * (found.best_old.partner[i] == j) + 0.5 * (found.best_new.partner[j] == i)
        margin = score - max(found.best_old.runner_up(i, j), found.best_new.runner_up(j, i))
        expected = calibrate(
            score,
            standing=(score - found.mean) / found.spread,
            mutual=mutual,
            margin=margin,
            relatedness=found.relatedness,
        )
        assert math.isclose(found.scores[i, j], expected, rel_tol=1e-12, abs_tol=1e-12)


@given(st.data())
def test_the_pass_over_all_pairs_scores_as_each_pair_alone(data: st.DataObject) -> None:
    """Small statements are scored feature by feature; every score equals the pair scored on its own."""
    from c5statement._align import _Scorer
    from c5statement._lexicon import default_lexicon
    from c5statement.strategies import related_meetings

    old, new = data.draw(related_meetings())
    scorer = _Scorer(old.points, new.points, default_lexicon())
    together = scorer.every_pair()
    assert set(together) == {(i, j) for i in range(len(old.points)) for j in range(len(new.points))}
    for (i, j), score in together.items():
        assert math.isclose(score, scorer.score(i, j), rel_tol=1e-12, abs_tol=1e-12)


def check_links(changes: StatementDiff, threshold: float) -> None:
    """A split or a merged point carries its link's score, at the threshold, and names the other point as nearest."""
    merged_into = {number: change.new.number for change in changes.points if change.new for number in change.also}
    for change in changes.points:
        if change.kind == "added" and change.also:
            linked = change.also[0]
        elif change.kind == "removed" and change.old.number in merged_into:  # type: ignore[union-attr]
            linked = merged_into[change.old.number]  # type: ignore[union-attr]
        else:
            continue
        assert change.similarity >= threshold
        assert change.nearest == linked
        assert change.margin == pytest.approx(change.similarity - threshold)
        assert change.ambiguous == (change.margin < AMBIGUITY_MARGIN)


def check_splits(result: Alignment, changes: StatementDiff, series: Series, threshold: float) -> None:
    """A split is a decision: its score is the rule's, at the threshold; its nearest is its source; lineages agree."""
    assert len(result.split_scores) == len(result.splits)
    assert all(score > 0 and score >= threshold for score in result.split_scores)
    assert all(score > 0 and score >= threshold for _, score in result.merge_scores)
    assert sorted(k for k, _ in result.merge_scores) == sorted(k for match in result.matches for k in match.also)
    check_links(changes, threshold)
    check_links(changes.inverted(), threshold)  # a merge inverted is a split, and a split a merge
    lineage_of = {
        lineage.points[0].number: position for position, lineage in enumerate(series.lineages) if lineage.points[0]
    }
    for change in changes.points:
        if change.kind == "added" and change.also:
            (lineage,) = [item for item in series.lineages if item.points[1] == change.new and item.kinds[1] == "split"]
            assert lineage.parent == lineage_of[change.also[0]]
            assert lineage.similarities[1] == change.similarity


def check_last_steps(result: Alignment, first: Meeting, second: Meeting) -> None:
    """What the last steps made is a match or a split of the kind each step makes."""
    made = {(match.old, match.new) for match in result.matches} | {(i, j) for j, i in result.splits}
    assert set(result.last) <= made  # what the last step made is a match or a split
    assert {(i, j) for i, j in result.beside} <= {(i, j) for j, i in result.splits}  # a split beside is a split
    assert not set(result.beside) & set(result.last)
    assert set(result.records) <= made  # a pair of meeting records is a match or a split
    assert all(records_meeting(second.points[j].text) for _, j in result.records)
    recorded = [i for i, point in enumerate(first.points) if records_meeting(point.text)]
    assert {i for i, _ in result.records} <= set(recorded[:1])  # all with the old statement's first record
    assert len(set(result.records) & {(match.old, match.new) for match in result.matches}) <= 1  # matched once
    for i, j in result.beside:  # next to a new point that holds the same old point
        holders = {match.new for match in result.matches if match.old == i} | {k for k, o in result.splits if o == i}
        assert holders & {j - 1, j + 1}


class TestRealTextRules:
    """The rules drawn from real published pairs (texts here in our own words)."""

    def test_a_shared_phrase_counts_at_full_weight(self) -> None:
        """A long paragraph and a point sharing an exact phrase score more than with the same words scattered."""
        paragraph = Point(
            1,
            "The sides will expand trade in agricultural goods, open new markets, improve logistics hubs, attract "
            "investment in processing, and raise the share of settlements in national currencies between their banks.",
        )
        tail = ", alongside new tourism routes, student exchanges, film festivals and sports events."
        phrase = Point(2, "Settlements in national currencies will grow" + tail)
        scattered = Point(2, "Each nation will grow its settlements and currencies" + tail)
        assert similarity(paragraph, phrase) > similarity(paragraph, scattered) + 0.04

    def test_formulas_are_no_phrase(self) -> None:
        """Formulaic runs of words (sovereignty and territorial integrity) do not count as a shared phrase."""
        first = Point(1, "All sides honour one another's independence, sovereignty and territorial integrity.")
        second = Point(
            2, "Trade ministers discussed the independence, sovereignty and territorial integrity of states."
        )
        paraphrase = Point(
            2, "Trade ministers discussed the territorial integrity, independence and sovereignty of states."
        )
        assert similarity(first, second) == pytest.approx(similarity(first, paraphrase))
        lexicon = default_lexicon()
        assert not _align._phrases(first.text, lexicon) & _align._phrases(second.text, lexicon)

    def test_evident_pairs_survive_a_harsh_calibration(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Each other's best by a clear margin, on a specific concept: matched whatever the calibration says."""
        monkeypatch.setattr(_align, "_BIAS", -40.0)
        result = align(P2020, [PANDEMIC, EVIL_FORCES, SECURITY_AFGHAN, LOCAL])
        assert {(match.old + 1, match.new + 1) for match in result.matches} == {(2, 1), (7, 2), (8, 3)}
        assert all(0.5 < match.similarity <= _align.EVIDENT_SCORE for match in result.matches)
        monkeypatch.setattr(_align, "EVIDENT_MARGIN", math.inf)
        monkeypatch.setattr(_align, "LEFTOVER_RAW", math.inf)
        assert align(P2020, [PANDEMIC, EVIL_FORCES, SECURITY_AFGHAN, LOCAL]).matches == ()

    def test_points_left_over_pair_on_their_best(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Two points the assignment leaves unmatched pair when one is the other's clear best, on specific evidence.

        With the calibration made harsh and the evident rule off, only this rule pairs them.
        """
        monkeypatch.setattr(_align, "_BIAS", -40.0)
        monkeypatch.setattr(_align, "EVIDENT_MARGIN", math.inf)
        result = align(P2020, [PANDEMIC, EVIL_FORCES, SECURITY_AFGHAN, LOCAL])
        assert {(match.old + 1, match.new + 1) for match in result.matches} == {(2, 1), (7, 2), (8, 3)}
        assert all(0.5 <= match.similarity <= _align.EVIDENT_SCORE for match in result.matches)
        assert not align(P2020, [PANDEMIC, EVIL_FORCES], threshold=0.95).matches
        monkeypatch.setattr(_align, "LEFTOVER_RELATED", math.inf)
        assert align(P2020, [PANDEMIC, EVIL_FORCES, SECURITY_AFGHAN, LOCAL]).matches == ()

    def test_points_still_left_over_pair_last(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Between statements on Central Asia, a new point left over takes the most similar old point left over.

        With the calibration made harsh and the other rules off, only this rule pairs them.
        """
        monkeypatch.setattr(_align, "_BIAS", -40.0)
        monkeypatch.setattr(_align, "EVIDENT_MARGIN", math.inf)
        monkeypatch.setattr(_align, "LEFTOVER_RELATED", math.inf)
        points = [PANDEMIC, EVIL_FORCES, SECURITY_AFGHAN, LOCAL]
        assert align(P2020, points).matches == ()  # the new side names neither Central Asia nor two of its states
        result = align(P2020, [*points, NEXT_MEETING])
        assert {(match.old + 1, match.new + 1) for match in result.matches} == {(2, 1), (7, 2), (8, 3)}
        assert all(0.5 <= match.similarity <= _align.EVIDENT_SCORE for match in result.matches)
        # The local governments point wants 2020 point 2 too, less closely than the pandemic point: a split.
        assert result.splits == ((3, 1),)
        assert result.last == ((1, 0), (1, 3), (6, 1), (7, 2))  # every pair and split the last step made
        # The next meeting shares too little (a raw score under 0.2) with any point left over: still new.
        assert 4 not in {match.new for match in result.matches} | {j for j, _ in result.splits}
        assert not align(P2020, [*points, NEXT_MEETING], threshold=0.95).matches
        monkeypatch.setattr(_align, "REMAINDER_RAW", math.inf)
        assert align(P2020, [*points, NEXT_MEETING]).matches == ()

    def test_a_point_left_over_beside_a_continuation_splits_from_it(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A new point on more cross-border routes, right after the one continuing the 2020 connectivity point,
        splits from that point; placed at the end of the statement, away from it, it stays added."""
        roads = "The parties will further open new highways and railway lines across their borders."
        beside = later([*P2020[:4], Point(5, roads), *P2020[4:]])
        result = align(P2020, beside.points)
        assert result.beside == ((3, 4),)
        assert (4, 3) in result.splits
        changes = diff(MEETING_2020, beside)
        (change,) = [change for change in changes.points if change.new is not None and change.new.text == roads]
        assert (change.kind, change.also, change.nearest) == ("added", (4,), 4)
        assert str(change.evidence[-1]) == "split beside: next to its continuation"
        assert "split beside: next to its continuation" in changes.to_text()
        assert from_json(to_json(changes), StatementDiff) == changes
        assert changes.apply(MEETING_2020) == beside
        assert changes.inverted().apply(beside) == MEETING_2020
        away = later([*P2020, Point(10, roads)])
        assert align(P2020, away.points).beside == ()
        assert not align(P2020, beside.points, threshold=0.95).beside
        monkeypatch.setattr(_align, "BESIDE_RAW", math.inf)
        assert align(P2020, beside.points).beside == ()

    @pytest.mark.parametrize(
        ("kept", "leaning"),
        [
            # shares three concepts with the point it continues: the views named those three and stopped
            (
                "Central Asia and China will expand cooperation in trade, energy, transport, health and agriculture.",
                ["The parties will sell more oil and gas, move more freight by rail and road, and fight epidemics"],
            ),
            # near-copies, nearer each other than to that point: match scores near 0, whose reasons were hidden
            (
                "The five states of Central Asia and China will build new railways, highways and border crossings.",
                [f"{ROADS}{end}." for end in ENDS],
            ),
        ],
        ids=["three concepts first", "match near 0"],
    )
    def test_every_view_names_a_split_beside(self, kept: str, leaning: list[str]) -> None:
        """The marker of a split beside is shown by the text, Markdown and HTML views, whatever comes before it."""
        old = later([Point(1, kept), Point(2, "Both sides praised the cultural festival held in Xi'an."), NEXT_MEETING])
        changes = diff(old, later([*(Point(1, text) for text in leaning), Point(1, kept)]))
        marked = [change for change in changes.points if BESIDE in [str(item) for item in change.evidence]]
        assert marked
        for view in (changes.to_text(), changes.to_markdown(), changes.to_html()):
            assert view.count(BESIDE) == len(marked)
        back = changes.inverted()  # seen back, each split is a merge, and says so
        assert back.inverted() == changes
        for view in (back.to_text(), back.to_markdown(), back.to_html()):
            assert BESIDE not in view
            assert view.count("merged beside: next to its continuation") == len(marked)
            assert view.count("merged into new") >= len(marked)

    def test_no_split_beside_between_statements_on_other_subjects(self) -> None:
        """The step has the gate of the last one: a split beside needs both statements to name Central Asia."""
        terminal = "The two cities will open more bus routes and build a shared bus terminal."
        old = [Point(1, "Museums on both sides will swap exhibitions every year."), Point(2, terminal)]
        new = [
            Point(1, terminal.replace("open", "soon open")),
            Point(2, "A shared bus terminal will have shops and a hotel."),
        ]
        assert align(old, new).beside == ()
        region = Point(3, "Both cities lie in Central Asia.")
        assert align([*old, region], [*new, region]).beside == ((1, 1),)

    def test_a_second_paragraph_recording_the_meeting_splits_from_the_old_record(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Two new paragraphs record the meeting: one pairs with the old record, the other, left over, splits from it
        (its nearest) with the evidence item that says why; without the step it stays added."""
        record = Point(1, "The foreign ministers met by video link on 16 July 2020, chaired by the Chinese minister.")
        took_place = Point(4, "The meeting took place in Astana on 26 April 2025, chaired by the Kazakh minister.")
        headed = Point(5, "The delegations were headed by the foreign ministers.")
        old = later([record, *P2020], id="old")
        new = later([*P2020[:3], took_place, headed, *P2020[3:5]], id="new")
        result = align(old.points, new.points)
        assert result.records == ((0, 3),)
        assert (3, 0) in result.splits
        changes = diff(old, new)
        (change,) = [change for change in changes.points if change.new is not None and change.new == took_place]
        assert (change.kind, change.also, change.nearest) == ("added", (1,), 1)
        assert str(change.evidence[-1]) == "meeting record: both record a meeting"
        for view in (changes.to_text(), changes.to_markdown(), changes.to_html()):
            assert view.count("meeting record: both record a meeting") == 1
        assert from_json(to_json(changes), StatementDiff) == changes
        assert changes.apply(old) == new
        assert changes.inverted().apply(new) == old
        assert not align(old.points, new.points, threshold=0.95).records
        monkeypatch.setattr(_align, "RECORD_RAW", math.inf)
        assert align(old.points, new.points).records == ()
        assert (3, 0) not in align(old.points, new.points).splits

    def test_the_meeting_record_needs_statements_on_central_asia(self) -> None:
        """The step has the last one's gate: two mayors' statements pair their records once they name the region."""
        old = [
            Point(1, "The mayors met by video link on 16 July, chaired by the host mayor."),
            Point(2, "The two cities will expand their museum exchanges."),
        ]
        new = [
            Point(1, "The two cities will expand their museum exchanges and concerts."),
            Point(2, "The meeting took place in Lyon on 26 April, chaired by the visiting mayor."),
        ]

        def record(old: list[Point], new: list[Point]) -> tuple[int, float] | None:
            scorer = _align._Scorer(old, new, default_lexicon())
            return _align._Calibrated(scorer, scorer.every_pair(), ()).record(1)

        assert record(old, new) is None
        region = Point(3, "Both cities lie in Central Asia.")
        found = record([*old, region], [*new, region])
        assert found is not None
        assert found[0] == 0
        assert 0.5 <= found[1] <= _align.EVIDENT_SCORE

    @pytest.mark.parametrize(
        ("text", "recorded"),
        [
            ("The meeting was held in Astana and chaired by the minister.", True),
            ("The Dialogue was chaired by the Deputy Secretary-General.", True),
            ("Встреча состоялась в Астане под председательством министра.", True),
            ("会议在阿斯塔纳举行并由外长主持。", True),
            ("The next meeting will be held in Tashkent.", False),
            ("Следующая встреча состоится в Ташкенте.", False),
            ("下次会议将在塔什干举行。", False),
            ("Trade between the six countries will grow.", False),
            ("The ministers met in Astana on 26 April and held talks.", True),
            ("Переговоры министров прошли в Астане.", True),
            ("双方外长在阿斯塔纳举行会谈。", True),
            # A meeting still to come is no record, whether or not it is called the next one.
            ("The fourth meeting of the ministers will be held in China in 2026.", False),
            ("The summit is to be held in Xi'an, chaired by the Chinese president.", False),
            ("Kazakhstan will take part in the trade fair in Shanghai.", False),
            ("第四次外长会晤将于2026年在中国举行。", False),
            ("Четвертое заседание будет проведено в режиме видеоконференции.", False),
            # A record may go on to a meeting to come: the cue before it still counts.
            ("The ministers met in Xi'an; they said the summit will be held there in May.", True),
            ("外长们在西安举行会晤\uff0c并宣布元首们将于五月在西安会晤。", True),
            ("The second dialogue was held online.", True),
            ("The ministers agreed that the summit would be held in Xi'an.", False),
            ("They welcomed the forum to be held in Tianjin.", False),
            ("The ministers held talks in Astana.", True),
            ("各方在国际事务中主持公道。", False),
            # "The following", "next steps" name no meeting to come.
            ("Встреча состоялась в Астане, стороны подписали следующие документы.", True),
            ("会议在阿斯塔纳举行\uff0c外长们就下一步合作交换意见。", True),
            ("The ministers met in Astana and discussed the next steps of their cooperation.", True),
            ("The ministers met in Astana; the next summit is due in Xi'an.", False),
            # A cue is a whole word: "last year", "met increased" record nothing.
            ("Товарооборот в прошлом году вырос на треть.", False),
            ("Exports met increased demand in the region.", False),
        ],
    )
    def test_a_meeting_record_is_read_in_three_languages(self, text: str, recorded: bool) -> None:
        assert records_meeting(text) is recorded

    def test_records_left_over_pair_with_the_old_record_once(self) -> None:
        """New points 1 and 2 record the meeting: 1 takes old point 1, free; 2 splits from it, its nearest; 3, whose
        nearest is old point 0, stays added."""
        scores = {(0, 0): 0.95, (1, 1): 0.3, (1, 2): 0.4, (0, 3): 0.4, (1, 3): 0.2}
        assignment = _align._Assignment(scores, 2, 4, 0.6)

        def no_link(i: int, j: int, *, old_unmatched: bool, primary: float) -> float:  # noqa: ARG001
            return 0.0

        def record(j: int) -> tuple[int, float] | None:
            return (1, 0.7) if j else None

        result = assignment.result(no_link, lambda i, j: scores.get((i, j), 0.0), 8, record=record)
        assert [(match.old, match.new) for match in result.matches] == [(0, 0), (1, 1)]
        assert result.splits == ((2, 1),)
        assert result.records == ((1, 1), (1, 2))

    def test_splits_beside_follow_a_chain_of_neighbours(self) -> None:
        """New points 1 and 2 both lean on old point 0, matched to new point 0: each splits, the second because
        the first did; new point 4, far from them, does not."""
        scores = {(0, 0): 0.95, (0, 1): 0.3, (0, 2): 0.3, (0, 4): 0.3, (1, 3): 0.9}
        assignment = _align._Assignment(scores, 2, 5, DEFAULT_THRESHOLD)

        def no_link(i: int, j: int, *, old_unmatched: bool, primary: float) -> float:  # noqa: ARG001
            return 0.0

        def beside(i: int, j: int) -> float:  # noqa: ARG001
            return 0.6

        result = assignment.result(no_link, lambda i, j: scores.get((i, j), 0.0), 5, beside=beside)
        assert result.beside == ((0, 1), (0, 2))
        assert result.splits == ((1, 0), (2, 0))

    @given(st.randoms(use_true_random=False), st.sampled_from([0.0, 0.3, 0.5, 0.6, 0.95]), st.booleans())
    def test_laws_hold_when_points_left_over_pair_last(self, rng: random.Random, threshold: float, harsh: bool) -> None:
        """2020 points dropped, cut down, repeated, joined and added, both sides on Central Asia: the last step
        pairs and splits, and the alignment stays one to one, the diff applies both ways and round-trips, lineages
        follow.

        Made harsh (as above), the calibration leaves nearly every pair to the last step.
        """
        old = [P2020[0], *(point for point in P2020[1:] if rng.random() < 0.8)]
        new = [NEXT_MEETING]
        if rng.random() < 0.5:  # the meetings' records, one or two on the new side
            old.append(Point(1, "The foreign ministers met by video link, chaired by the Chinese minister."))
            new += [Point(1, "The meeting took place in Astana, chaired by the Kazakh minister.")] * rng.randrange(1, 3)
        for point in old:
            if rng.random() < 0.2:
                continue
            words = [word for word in point.text.split() if rng.random() < 0.5]
            new.append(Point(1, " ".join(words) + ".") if words and rng.random() < 0.7 else point)
        new += [Point(1, " ".join(rng.choices(WORDS_2020, k=12)) + ".") for _ in range(rng.randrange(3))]
        if rng.random() < 0.5:  # two points joined (a merge), and a few words of the second again
            joined, again = rng.sample(old, 2)
            new += [Point(1, f"{joined.text} {again.text}"), Point(1, " ".join(again.text.split()[::3]) + ".")]
        for side in (old, new):
            if rng.random() < 0.3:
                side.append(rng.choice(side))  # a repeated text
            rng.shuffle(side)
        first, second = later(old, id="first"), later(new, id="second")
        with pytest.MonkeyPatch.context() as patch:
            if harsh:
                patch.setattr(_align, "_BIAS", -40.0)
                patch.setattr(_align, "EVIDENT_MARGIN", math.inf)
                patch.setattr(_align, "LEFTOVER_RELATED", math.inf)
            result = align(first.points, second.points, threshold=threshold)
            changes = diff(first, second, threshold=threshold)
            series = compare([first, second], threshold=threshold)
        matched_old, matched_new = [match.old for match in result.matches], [match.new for match in result.matches]
        merged = [k for match in result.matches for k in match.also]
        split = [j for j, _ in result.splits]
        once = [*matched_old, *merged]  # an old point is matched or merged, once
        assert len(set(once)) == len(once)
        once = [*matched_new, *split]  # a new point is matched or split, once
        assert len(set(once)) == len(once)
        assert {i for _, i in result.splits} <= set(matched_old)  # a split's old point is matched
        assert all(result.nearest_new[j] == i for j, i in result.splits)  # and the split point's nearest
        check_last_steps(result, first, second)
        assert changes.apply(first) == second
        assert changes.inverted().apply(second) == first
        assert changes.inverted().inverted() == changes
        assert from_json(to_json(changes), StatementDiff) == changes
        assert from_json(to_json(series), Series) == series
        check_splits(result, changes, series, threshold)

    @pytest.mark.parametrize(("nearest_score", "splits"), [(0.4, ()), (0.05, ((2, 1),))])
    def test_a_point_left_over_splits_only_from_its_nearest(
        self, nearest_score: float, splits: tuple[tuple[int, int], ...]
    ) -> None:
        """New points 1 and 2 both want old point 1, left over; point 1 takes it first.

        New point 2 splits from it only if old point 1 is its nearest candidate; if old point 0
        (matched elsewhere) is nearer, it stays added, so a view never says "nearest old 0" of a
        point that splits from old 1.
        """
        scores = {(0, 0): 0.95, (0, 2): nearest_score, (1, 1): 0.3, (1, 2): 0.2}
        assignment = _align._Assignment(scores, 2, 3, DEFAULT_THRESHOLD)

        def remainders(free_old: set[int], free_new: set[int]) -> list[tuple[tuple[int, ...], int, float]]:
            assert (free_old, free_new) == ({1}, {1, 2})
            return [((1,), 1, 0.6), ((1,), 2, 0.55)]

        def no_link(i: int, j: int, *, old_unmatched: bool, primary: float) -> float:  # noqa: ARG001
            return 0.0

        result = assignment.result(no_link, lambda i, j: scores.get((i, j), 0.0), 4, remainders=remainders)
        assert [(match.old, match.new) for match in result.matches] == [(0, 0), (1, 1)]
        assert result.splits == splits
        assert all(result.nearest_new[j] == i for j, i in result.splits)

    def test_repeated_points_left_over_pair_in_order(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Two equal points left over on each side pair in order, as repeated texts do: none splits off a twin."""
        hubs = Point(6, "all parties will build new logistics hubs and warehouses along the railway corridors.")
        ports = Point(6, "the sides will open customs posts and dry ports near the sea.")
        old, new = [*P2020[:5], hubs, hubs], [*P2020[:5], ports, ports]
        result = align(old, new)
        assert [(match.old, match.new) for match in result.matches if match.old >= 5] == [(5, 5), (6, 6)]
        assert result.splits == ()
        monkeypatch.setattr(_align, "REMAINDER_RAW", math.inf)  # the last step made both pairs
        assert [match.old for match in align(old, new).matches] == [0, 1, 2, 3, 4]

    @pytest.mark.parametrize(
        ("text", "names"),
        [
            ("The sides will meet again next year in Central Asia.", True),
            ("Kazakhstan and Uzbekistan will host the next two meetings.", True),
            ("Kazakhstan will host the next meeting.", False),
            ("China will host the next meeting.", False),
            ("中国同中亚国家将于明年再次举行会晤。", True),
            ("中國同中亞國家將於明年再次舉行會晤。", True),
            ("Стороны встретятся в Центральной Азии в следующем году.", True),
            ("Казахстан и Узбекистан примут следующие две встречи.", True),
            ("Китай примет следующую встречу.", False),
            ("Стороны расширят связи центральноазиатских государств и Китая.", True),
            ("Центрально-Азиатский регион примет следующую встречу.", True),
            ("The Central-Asian states will host the next meeting.", True),
            ("Центральноевропейский форум пройдёт в Китае.", False),
        ],
    )
    def test_what_names_central_asia(self, text: str, names: bool) -> None:
        """The region's name in any of the three languages, or two of its five states, open the last rule."""
        lexicon = for_pair(default_lexicon(), [point.text for point in P2020], [text])
        assert _align._Scorer(P2020, [Point(1, text)], lexicon).central_asian is names

    @pytest.mark.parametrize(
        ("inside", "starting"),
        [
            ("Noncentral Asian routes.", "Central Asian routes."),
            ("Субцентральной Азии нет.", "Центральной Азии нет."),
            ("под" + "центральн" * 50 + " Азия", "центральн" * 50 + " Азия"),
        ],
    )
    def test_a_name_of_the_region_starts_a_word(self, inside: str, starting: str) -> None:
        """Read only from a word's start, a text of one long word is read once (``scaling.py``: one long word).

        Read from each of its letters, a point of one long word of 1 MB took minutes: time squared in its length.
        """
        assert not names_central_asia(inside)
        assert names_central_asia(starting)

    def test_unrelated_statements_naming_china_still_match_nothing(self) -> None:
        """Naming China in every point does not make statements on other subjects one relationship."""
        naming = [Point(point.number, point.text.rstrip(".") + " in China.") for point in UNRELATED]
        assert align(P2020, naming).matches == ()
        assert diff(MEETING_2020, later(naming, id="other")).counts()["unchanged"] == 0

    def test_a_point_joining_two_subjects_links_both(self) -> None:
        """A new point on the Belt and Road and on transport continues 2020 points 3 and 4."""
        joined = Point(
            1,
            "Model projects of the Belt and Road in trade, energy and investment will go ahead, and a land bridge "
            "across Eurasia will make Central Asia a hub of transport.",
        )
        following = later([joined, P2020[6]], id="later")
        result = diff(MEETING_2020, following)
        (change,) = [change for change in result.points if change.new == joined]
        assert (change.old.number, change.also) == (3, (4,))  # type: ignore[union-attr]
        assert result.apply(MEETING_2020) == following
        assert result.inverted().apply(following) == MEETING_2020
        assert from_json(to_json(result), StatementDiff) == result

    def test_a_point_split_in_two_links_the_second_part(self) -> None:
        """Transport continued as railways and customs, then as flights: the flights point splits from it."""
        old = later(
            [
                Point(
                    1,
                    "All parties will build transport corridors: freight railways through Central Asia, faster "
                    "customs clearance and more passenger flights between their cities.",
                ),
                Point(2, "All parties condemn terrorism, separatism and extremism and will fight drug trafficking."),
                Point(3, "All parties will expand agricultural trade and ensure food security."),
            ],
            id="old",
        )
        new = later(
            [
                Point(
                    1, "Freight railways across Central Asia will carry more goods, and customs will clear them faster."
                ),
                Point(2, "Passenger flights between the cities of the six countries will be increased."),
                Point(3, "The sides will jointly combat the three evil forces and drug crime."),
            ],
            id="new",
        )
        result = diff(old, new)
        kinds = {change.new.number: (change.kind, change.also) for change in result.points if change.new is not None}
        assert kinds[2] == ("added", (1,))
        assert result.apply(old) == new
        back = result.inverted()
        assert back.apply(new) == old
        assert back.inverted() == result
        assert from_json(to_json(result), StatementDiff) == result
        series = compare([old, new])
        assert [lineage.kinds for lineage in series.lineages if "split" in lineage.kinds] == [(None, "split")]
