"""diff(): alignment of points, word edits, field changes, apply / invert / JSON laws."""

from __future__ import annotations

import datetime
import json
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import P, later
from c5statement import (
    DEFAULT_THRESHOLD,
    MEETING_2020,
    FieldChange,
    InvalidStatementError,
    InvalidTypeError,
    JsonObject,
    Meeting,
    Participant,
    Point,
    PointChange,
    StatementDiff,
    Topic,
    WordEdit,
    _align,
    diff,
    from_dict,
    from_json,
    similarity,
    themes_in_scores,
    to_dict,
    to_json,
)
from c5statement._align import align, stable_pairs
from c5statement._diff import LAST_EVIDENCE
from c5statement._json import thaw
from c5statement._lexicon import normalise_words
from c5statement._solver import hungarian
from c5statement.strategies import meetings, points, texts

if TYPE_CHECKING:
    import random
    from collections.abc import Iterator


@pytest.fixture
def themes_count() -> Iterator[None]:
    """Let themes count in match scores: the illustrative 2021 statement below was tagged for that."""
    with themes_in_scores():
        yield


def pairs(result: StatementDiff) -> set[tuple[int, int]]:
    return {
        (change.old.number, change.new.number)
        for change in result.points
        if change.old is not None and change.new is not None
    }


def of_kind(result: StatementDiff, kind: str) -> list[int]:
    return [
        (change.old or change.new).number  # type: ignore[union-attr]
        for change in result.points
        if change.kind == kind
    ]


MEETING_2021 = later(
    [
        Point(
            1,
            "all parties welcome the 30th anniversary of diplomatic relations between China and Central Asian "
            "countries next year and agree to hold commemorative events.",
            frozenset({"shared-future"}),
        ),
        attrs.evolve(
            P[1],
            text="the development, stability and prosperity of China and Central Asian countries serve the common "
            "interests of all parties. All parties respect each other\u2019s choice of development path in light of "
            "national conditions and will jointly safeguard regional peace, stability and prosperity.",
        ),
        attrs.evolve(
            P[2],
            text="all parties speak highly of the anti-epidemic cooperation between China and Central Asian countries, "
            "which embodies the vision of a community with a shared future, and will strengthen cooperation on "
            "vaccines, keep the “fast tracks” for personnel exchange and the “green passages” for goods open.",
        ),
        P[7],
        attrs.evolve(P[3], text=P[3].text.replace("further expand trade volumes", "expand trade and investment")),
        attrs.evolve(
            P[8],
            text="all parties support the peace and reconciliation process in Afghanistan, led and owned by the Afghan "
            "people, and stand ready to play a constructive role in promoting intra-Afghan talks and advancing "
            "economic reconstruction.",
            themes=frozenset({"afghanistan", "security"}),
        ),
        P[5],
        P[6],
        Point(
            9,
            "all parties will deepen cooperation in green energy, including oil and gas, renewable energy and power "
            "grids, and ensure the safe operation of power plants.",
            frozenset({"energy"}),
        ),
        P[9],
    ],
    date=datetime.date(2021, 5, 12),
    format="in-person",
    venue="Xi'an",
)

UNRELATED = later(
    [
        Point(
            1,
            "the ministers discussed reform of higher education, academic mobility and mutual recognition of diplomas.",
        ),
        Point(2, "the sides will prepare a roadmap on glacier monitoring and the protection of mountain ecosystems."),
        Point(3, "the meeting approved a programme of joint archaeological expeditions along the Syr Darya valley."),
        Point(4, "the ministers noted progress on a shared catalogue of medieval manuscripts in national libraries."),
        Point(5, "the participants proclaimed next year a year of youth film festivals and museum exchanges."),
    ],
    id="c5-demo-culture",
)


@pytest.mark.usefixtures("themes_count")
class TestDiff:
    def test_realistic_later_statement(self) -> None:
        """A later statement that reorders, rewords, drops and adds points is aligned right."""
        result = diff(MEETING_2020, MEETING_2021)
        assert pairs(result) == {(1, 2), (2, 3), (7, 4), (3, 5), (8, 6), (5, 7), (6, 8), (9, 10)}
        assert of_kind(result, "removed") == [4]
        assert of_kind(result, "added") == [1, 9]
        assert sorted(change.old.number for change in result.points if change.moved) == [7, 8]  # type: ignore[union-attr]
        assert result.apply(MEETING_2020) == MEETING_2021

    def test_points_left_over_pair_last(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Trans-border routes (2020 point 4) and a new energy point on cross-border pipelines, both left over, pair.

        The calibration leaves both unmatched; as the last step, a new point left over takes the most
        similar old point left over, between statements on Central Asia.
        """
        energy = MEETING_2021.points[8]
        pipelines = attrs.evolve(energy, text=energy.text.replace("power plants", "cross-border pipelines"))
        following = attrs.evolve(MEETING_2021, points=(*MEETING_2021.points[:8], pipelines, MEETING_2021.points[9]))
        result = diff(MEETING_2020, following)
        assert (4, 9) in pairs(result)
        (change,) = [change for change in result.points if change.new == pipelines]
        assert [str(item) for item in change.evidence if item.label == LAST_EVIDENCE] == ["paired last: both left over"]
        assert "paired last: both left over" in result.to_text()
        others = [change for change in result.points if change.new != pipelines]
        assert not any(item.label == LAST_EVIDENCE for change in others for item in change.evidence)
        assert of_kind(result, "removed") == []
        assert of_kind(result, "added") == [1]
        assert result.apply(MEETING_2020) == following
        assert result.inverted().apply(following) == MEETING_2020
        assert from_json(to_json(result), StatementDiff) == result
        monkeypatch.setattr(_align, "REMAINDER_RAW", math.inf)
        result = diff(MEETING_2020, following)
        assert (of_kind(result, "removed"), of_kind(result, "added")) == ([4], [1, 9])

    def test_moved_and_edited_shows_both(self) -> None:
        """A point both moved and reworded is edited, flagged as moved, with word edits."""
        change = next(change for change in diff(MEETING_2020, MEETING_2021).points if change.old == P[8])
        assert change.kind == "edited"
        assert change.moved
        assert change.edits
        assert change.themes_gained == {"security"}
        assert change.themes_lost == {"peace-and-stability"}

    def test_reverse_order(self) -> None:
        """The same points in reverse order all pair right, with the fewest moves (8 of 9)."""
        reversed_points = later(MEETING_2020.points[::-1])
        result = diff(MEETING_2020, reversed_points)
        assert pairs(result) == {(number, 10 - number) for number in range(1, 10)}
        assert sum(change.moved for change in result.points) == 8
        assert {change.kind for change in result.points} == {"moved", "unchanged"}

    def test_light_edits_of_every_point(self) -> None:
        """Every point lightly edited in place: all pair right, all edited, none moved."""
        edited = later(
            [
                attrs.evolve(point, text=point.text.replace("all parties", "the parties", 1).rstrip(".") + " as well.")
                for point in MEETING_2020.points
            ]
        )
        result = diff(MEETING_2020, edited)
        assert pairs(result) == {(number, number) for number in range(1, 10)}
        assert of_kind(result, "edited") == list(range(1, 10))
        assert not any(change.moved for change in result.points)
        assert all(change.similarity > 0.8 for change in result.points)

    def test_unrelated_statement_matches_nothing(self) -> None:
        """An unrelated statement shares no point: every point is removed or added."""
        result = diff(MEETING_2020, UNRELATED)
        assert pairs(result) == set()
        assert len(of_kind(result, "removed")) == 9
        assert len(of_kind(result, "added")) == 5
        assert all(change.similarity < DEFAULT_THRESHOLD for change in result.points)

    def test_renumbered_point_has_not_moved(self) -> None:
        """Dropping the first point renumbers the rest, which are unchanged, not moved."""
        result = diff(MEETING_2020, later(MEETING_2020.points[1:]))
        assert of_kind(result, "removed") == [1]
        assert of_kind(result, "unchanged") == list(range(2, 10))
        assert all(change.renumbered for change in result.points if change.kind == "unchanged")
        assert not any(change.moved for change in result.points)

    def test_reading_order(self) -> None:
        """Points come in the new order, each removed one after its old predecessor."""
        result = diff(MEETING_2020, MEETING_2021)
        kinds = [(change.kind, (change.old or change.new).number) for change in result.points]  # type: ignore[union-attr]
        assert kinds[:2] == [("added", 1), ("edited", 1)]
        assert ("removed", 4) in kinds
        removed_at = kinds.index(("removed", 4))
        assert result.points[removed_at - 1].old == P[3]

    def test_one_change_per_point_of_either_statement(self) -> None:
        """Every old and every new point appears in exactly one change."""
        result = diff(MEETING_2020, MEETING_2021)
        assert sorted(change.old.number for change in result.points if change.old) == list(range(1, 10))
        assert sorted(change.new.number for change in result.points if change.new) == list(range(1, 11))

    def test_identical_statements_give_an_empty_diff(self) -> None:
        """diff(x, x) is falsy, with every point unchanged and no field change."""
        result = diff(MEETING_2020, MEETING_2020)
        assert not result
        assert of_kind(result, "unchanged") == list(range(1, 10))
        assert result.fields == ()
        assert all(change.similarity == 1.0 for change in result.points)

    def test_renumbering_alone_is_a_difference(self) -> None:
        """Points renumbered with gaps make the diff truthy though nothing else changed."""
        gapped = attrs.evolve(MEETING_2020, points=tuple(attrs.evolve(p, number=p.number * 2) for p in P.values()))
        result = diff(MEETING_2020, gapped)
        assert result
        assert of_kind(result, "unchanged") == list(range(1, 10))
        assert result.apply(MEETING_2020) == gapped

    def test_word_edits_are_punctuation_aware(self) -> None:
        """Changing only a full stop into a semicolon is one replace of the mark."""
        old = attrs.evolve(MEETING_2020, points=(Point(1, "all parties condemn terrorism."),))
        new = attrs.evolve(MEETING_2020, points=(Point(1, "all parties condemn terrorism;"),))
        (change,) = diff(old, new).points
        assert [(edit.op, edit.old_text, edit.new_text) for edit in change.edits] == [("replace", ".", ";")]

    def test_word_edit_offsets(self) -> None:
        """Edit offsets index the old and new texts."""
        change = next(change for change in diff(MEETING_2020, MEETING_2021).points if change.old == P[3])
        assert change.edits
        for edit in change.edits:
            assert change.old is not None
            assert change.new is not None
            assert change.old.text[edit.old_start : edit.old_end] == edit.old_text
            assert change.new.text[edit.new_start : edit.new_end] == edit.new_text
            assert edit.op in {"insert", "delete", "replace"}

    def test_themes_gained_and_lost_overall(self) -> None:
        """The diff reports the meeting's themes gained and lost."""
        result = diff(MEETING_2020, MEETING_2021)
        assert result.themes_gained == {"energy"}
        assert result.themes_lost == frozenset()
        removed = diff(MEETING_2020, later(MEETING_2020.points[:7]))
        assert removed.themes_lost == {"afghanistan", "non-interference"}

    def test_field_changes(self) -> None:
        """Facts outside the points are compared field by field, with JSON values."""
        result = diff(MEETING_2020, MEETING_2021)
        changes = {change.path: (change.old, change.new) for change in result.fields}
        assert changes["$.date"] == ("2020-07-16", "2021-05-12")
        assert changes["$.format"] == ("video", "in-person")
        assert changes["$.venue"] == (None, "Xi'an")
        assert changes["$.illustrative"] == (False, True)

    def test_participants_matched_by_country(self) -> None:
        """Reordered participants are matched by country; a changed person is one change."""
        people = list(MEETING_2020.participants[::-1])
        people[0] = attrs.evolve(people[0], person="Bakhtiyor Saidov", aliases=())
        people.append(Participant(country="AF", person="Demo Envoy", title="Special Envoy", role="guest"))
        new = attrs.evolve(MEETING_2020, participants=tuple(people))
        result = diff(MEETING_2020, new)
        paths = [change.path for change in result.fields]
        assert "$.participants[UZ].person" in paths
        assert "$.participants[AF]" in paths
        assert "$.participants.order" in paths
        assert not any(path.startswith("$.participants[KZ]") for path in paths)
        assert result.apply(MEETING_2020) == new
        assert result.inverted().apply(new) == MEETING_2020

    def test_nested_records_recurse(self) -> None:
        """Topics, sources and quotes are compared inside, down to the field."""
        topics = (attrs.evolve(MEETING_2020.topics[0], text="fighting COVID-19 together"), *MEETING_2020.topics[1:])
        sources = tuple(
            attrs.evolve(source, title="A new title") if source.id == "mfa-2020-07-17" else source
            for source in MEETING_2020.sources
        )
        quotes = (attrs.evolve(MEETING_2020.quotes[0], date=None),)
        new = attrs.evolve(MEETING_2020, topics=topics, sources=sources, quotes=quotes)
        result = diff(MEETING_2020, new)
        changes = {change.path: (change.old, change.new) for change in result.fields}
        assert changes["$.topics[0].text"] == (
            "strengthening cooperation against COVID-19",
            "fighting COVID-19 together",
        )
        assert changes["$.sources[mfa-2020-07-17].title"][1] == "A new title"
        assert changes["$.quotes[0].date"] == ("2020-07-18", None)
        assert changes["$.quotes[1]"][1] is None
        assert result.apply(MEETING_2020) == new

    def test_threshold_can_be_tuned(self) -> None:
        """A threshold of 1 pairs only identical points; rewordings become removed and added."""
        result = diff(MEETING_2020, MEETING_2021, threshold=1.0)
        assert of_kind(result, "edited") == []
        assert sorted(of_kind(result, "removed")) == [1, 2, 3, 4, 8]
        assert result.apply(MEETING_2020) == MEETING_2021

    def test_custom_similarity(self) -> None:
        """A plugged-in similarity function decides the pairing."""

        def by_first_theme(old: Point, new: Point) -> float:
            return 1.0 if sorted(old.themes)[:1] == sorted(new.themes)[:1] else 0.0

        result = diff(MEETING_2020, MEETING_2021, similarity=by_first_theme)
        assert (8, 6) in pairs(result)
        assert result.apply(MEETING_2020) == MEETING_2021

    def test_ambiguous_pairing_is_flagged(self) -> None:
        """Two near-identical candidates make a pairing ambiguous; a clear one is not."""
        old = later([Point(1, "all parties will strengthen cooperation in trade and energy.")])
        new = later(
            [
                Point(1, "all parties will strengthen cooperation in trade and energy today."),
                Point(2, "all parties will strengthen cooperation in trade and energy now."),
            ]
        )
        (matched,) = [change for change in diff(old, new).points if change.old and change.new]
        assert matched.ambiguous
        assert matched.margin < 0.1
        assert not any(
            change.ambiguous for change in diff(MEETING_2020, MEETING_2021).points if change.kind == "unchanged"
        )

    def test_diff_round_trips_through_json(self) -> None:
        """A diff survives to_json / from_json unchanged."""
        result = diff(MEETING_2020, MEETING_2021)
        assert from_json(to_json(result), StatementDiff) == result

    def test_inverted(self) -> None:
        """The inverted diff turns the new statement back into the old, and inverts back."""
        result = diff(MEETING_2020, MEETING_2021)
        back = result.inverted()
        assert back.apply(MEETING_2021) == MEETING_2020
        assert back.inverted() == result
        assert back.themes_lost == result.themes_gained
        assert sorted(of_kind(back, "added")) == [4]

    def test_apply_to_another_meeting_fails(self) -> None:
        """Applying a diff to a meeting it was not made from names the place that differs."""
        result = diff(MEETING_2020, MEETING_2021)
        with pytest.raises(InvalidStatementError, match=r"\$\.points"):
            result.apply(MEETING_2021)
        facts_only = diff(MEETING_2020, attrs.evolve(MEETING_2020, venue="Bishkek"))
        with pytest.raises(InvalidStatementError, match=r"\$\.venue"):
            facts_only.apply(attrs.evolve(MEETING_2020, venue="Astana"))
        with pytest.raises(TypeError, match="Meeting"):
            result.apply("not a meeting")  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", [None, "meeting", MEETING_2020.points[0]])
    def test_rejects_non_meetings(self, bad: object) -> None:
        """Anything but a Meeting is a TypeError that says so."""
        with pytest.raises(TypeError, match="Meeting"):
            diff(bad, MEETING_2020)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="Meeting"):
            diff(MEETING_2020, bad)  # type: ignore[arg-type]

    @pytest.mark.parametrize("threshold", [-0.1, 1.5, float("nan"), float("inf")])
    def test_rejects_threshold_outside_0_1(self, threshold: float) -> None:
        """A threshold outside 0 to 1 is a ValueError."""
        with pytest.raises(ValueError, match="threshold"):
            diff(MEETING_2020, MEETING_2020, threshold=threshold)

    @pytest.mark.parametrize("threshold", ["0.5", True, None])
    def test_rejects_threshold_of_wrong_type(self, threshold: object) -> None:
        """A threshold that is not a number is a TypeError."""
        with pytest.raises(TypeError, match="threshold"):
            diff(MEETING_2020, MEETING_2020, threshold=threshold)  # type: ignore[arg-type]

    def test_rejects_bad_similarity_results(self) -> None:
        """A similarity function returning something outside 0 to 1 is a clear ValueError."""
        with pytest.raises(ValueError, match="similarity function"):
            diff(MEETING_2020, MEETING_2021, similarity=lambda _old, _new: 2.0)
        with pytest.raises(TypeError, match="similarity"):
            diff(MEETING_2020, MEETING_2021, similarity="cosine")  # type: ignore[arg-type]

    def test_empty_statements(self) -> None:
        """Statements without points diff cleanly."""
        empty = attrs.evolve(MEETING_2020, points=())
        result = diff(empty, MEETING_2020)
        assert of_kind(result, "added") == list(range(1, 10))
        assert result.apply(empty) == MEETING_2020
        assert not diff(empty, empty)


def unmatched(result: StatementDiff) -> dict[tuple[str, int], int | None]:
    """The nearest point of each added or removed point, keyed by kind and number."""
    return {
        (change.kind, (change.old or change.new).number): change.nearest  # type: ignore[union-attr]
        for change in result.points
        if change.kind in {"added", "removed"}
    }


@pytest.mark.usefixtures("themes_count")
class TestNearest:
    def test_added_and_removed_points_name_their_nearest(self) -> None:
        """Each added or removed point names the closest point of the other statement; matched ones name none."""
        result = diff(MEETING_2020, MEETING_2021)
        assert unmatched(result) == {("added", 1): 2, ("removed", 4): 3, ("added", 9): 5}
        assert all(change.nearest is None for change in result.points if change.kind not in {"added", "removed"})

    def test_nearest_is_the_best_scoring_point(self) -> None:
        """The nearest point is the one with the highest similarity, which is the similarity reported."""
        result = diff(MEETING_2020, UNRELATED, similarity=similarity, threshold=1.0)
        for change in result.points:
            point = change.old or change.new
            assert point is not None
            others = UNRELATED.points if change.old is not None else MEETING_2020.points
            scores = {other.number: similarity(point, other) for other in others}
            best = max(scores.values())
            assert change.similarity == pytest.approx(best)
            if best > 0:
                assert change.nearest == min(number for number, score in scores.items() if score == best)
            else:
                assert change.nearest is None

    def test_nearest_of_a_near_miss(self) -> None:
        """A reworded point under the threshold is added, naming the old point it nearly matched."""
        reworded = later([Point(1, "all parties will pursue Belt and Road cooperation in trade and investment.")])
        before = attrs.evolve(MEETING_2020, points=(P[3],))
        changes = {change.kind: change for change in diff(before, reworded, threshold=0.999).points}
        assert sorted(changes) == ["added", "removed"]
        assert changes["added"].nearest == 3
        assert changes["removed"].nearest == 1
        assert 0 < changes["added"].similarity < 0.999
        assert [change.kind for change in diff(before, reworded).points] == ["edited"]

    def test_none_when_the_other_statement_has_no_points(self) -> None:
        """Against a statement without points, no point has a nearest one, and similarity 0."""
        empty = attrs.evolve(MEETING_2020, points=())
        for result in (diff(empty, MEETING_2020), diff(MEETING_2020, empty)):
            assert len(result.points) == 9
            assert all(change.nearest is None and change.similarity == 0 for change in result.points)

    def test_none_when_nothing_is_shared(self) -> None:
        """A point sharing no word or theme with any point of the other statement has no nearest point."""
        old = later([Point(1, "alpha beta gamma.")])
        new = later([Point(1, "delta epsilon zeta.")])
        assert unmatched(diff(old, new)) == {("removed", 1): None, ("added", 1): None}

    def test_inverted_keeps_the_nearest_point(self) -> None:
        """Inverting turns an added point into a removed one that names the same point, now on the new side."""
        result = diff(MEETING_2020, MEETING_2021)
        back = result.inverted()
        assert unmatched(back) == {("removed", 1): 2, ("added", 4): 3, ("removed", 9): 5}
        new_numbers = {change.new.number for change in back.points if change.new is not None}
        assert all(change.nearest in new_numbers for change in back.points if change.kind == "removed")
        assert unmatched(back) == unmatched(diff(MEETING_2021, MEETING_2020))
        assert back.inverted() == result

    def test_json_keeps_the_nearest_point(self) -> None:
        """The nearest point is written to JSON and read back."""
        result = diff(MEETING_2020, MEETING_2021)
        document = json.loads(to_json(result))
        assert [change["nearest"] for change in document["points"] if change["kind"] == "added"] == [2, 5]
        assert from_json(to_json(result), StatementDiff) == result

    def test_older_json_without_nearest_loads(self) -> None:
        """A diff written without the nearest points (the key is optional) loads, with no nearest point."""
        result = diff(MEETING_2020, MEETING_2021)
        document = json.loads(to_json(result))
        for change in document["points"]:
            del change["nearest"]
        loaded = from_json(json.dumps(document), StatementDiff)
        assert all(change.nearest is None for change in loaded.points)
        assert loaded == attrs.evolve(
            result, points=tuple(attrs.evolve(change, nearest=None) for change in result.points)
        )

    def test_nearest_must_be_a_point_number(self) -> None:
        """A nearest point that is not a positive integer is rejected, naming the field."""
        with pytest.raises(InvalidTypeError, match=r"\$\.nearest"):
            PointChange("added", None, P[1], 0.3, nearest=True)
        with pytest.raises(InvalidStatementError, match=r"\$\.nearest") as caught:
            PointChange("added", None, P[1], 0.3, nearest=0)
        # A number out of range is a bad value, not a bad type: the error is not a TypeError.
        assert not isinstance(caught.value, TypeError)
        assert caught.value.errors == (("$.nearest", "must be a positive integer, got 0"),)

    def test_kind_of_error_follows_the_check_not_the_message(self) -> None:
        """Range errors are plain InvalidStatementErrors; type errors are also TypeErrors, in every class."""
        for build in (
            lambda: PointChange("unchanged", P[1], P[1], 1.5),
            lambda: StatementDiff("a", "b", threshold=2.0),
            lambda: WordEdit("insert", -1, 0, 0, 1, "", "a"),
        ):
            with pytest.raises(InvalidStatementError) as caught:
                build()
            assert not isinstance(caught.value, TypeError)
        with pytest.raises(InvalidTypeError):
            WordEdit("insert", "0", 0, 0, 1, "", "a")  # type: ignore[arg-type]

    def test_matched_points_have_no_nearest(self) -> None:
        """A matched change with a nearest point is rejected."""
        with pytest.raises(InvalidStatementError, match=r"\$\.nearest"):
            PointChange("unchanged", P[1], P[1], 1.0, nearest=1)

    def test_nearest_must_name_a_point_of_the_other_statement(self) -> None:
        """A diff whose nearest point is missing from the other statement fails to load, naming the place."""
        document = json.loads(to_json(diff(MEETING_2020, MEETING_2021)))
        position = next(index for index, change in enumerate(document["points"]) if change["kind"] == "removed")
        document["points"][position]["nearest"] = 99
        with pytest.raises(InvalidStatementError, match=rf"\$\.points\[{position}\]\.nearest"):
            from_json(json.dumps(document), StatementDiff)

    def test_pruned_alignment_names_nearest_too(self) -> None:
        """On a large statement (pruned candidates), a dropped point still names a point of the new statement."""
        points = [
            Point(number, f"all parties will open the {name} corridor between towns {number} and {number + 1}.")
            for number, name in enumerate(("Khorgos", "Torugart", "Irkeshtam", "Dostyk", "Naryn") * 20, 1)
        ]
        old = later(points)
        new = later(points[:40] + points[41:])
        (change,) = [change for change in diff(old, new).points if change.kind == "removed"]
        assert change.old == old.points[40]
        assert change.nearest is not None
        nearest = new.points[change.nearest - 1]
        formula = set(normalise_words("all parties will open the corridor between towns and."))
        assert (set(normalise_words(change.old.text)) & set(normalise_words(nearest.text))) - formula


class TestPointChange:
    def test_kind_must_fit_the_points(self) -> None:
        """An added change with an old point is invalid."""
        with pytest.raises(InvalidStatementError, match="added"):
            PointChange("added", P[1], P[1], 0.0)

    def test_kind_must_be_known(self) -> None:
        """An unknown kind is rejected with its path."""
        with pytest.raises(InvalidStatementError, match=r"\$\.kind"):
            PointChange("renamed", P[1], P[1], 1.0)

    def test_similarity_in_0_1(self) -> None:
        """A similarity above 1 is rejected."""
        with pytest.raises(InvalidStatementError, match=r"\$\.similarity"):
            PointChange("unchanged", P[1], P[1], 1.5)

    def test_edited_kind_must_match_content(self) -> None:
        """Calling identical points edited is rejected."""
        with pytest.raises(InvalidStatementError, match="edited"):
            PointChange("edited", P[1], P[1], 1.0)

    def test_inverted(self) -> None:
        """Inverting swaps the points and turns removed into added, keeping the nearest point."""
        change = PointChange("removed", P[1], None, 0.1, nearest=2)
        assert change.inverted() == PointChange("added", None, P[1], 0.1, nearest=2)
        assert change.inverted().inverted() == change

    def test_bad_json_names_the_place(self) -> None:
        """A diff document with a bad kind fails to load, naming the path."""
        text = to_json(diff(MEETING_2020, MEETING_2021)).replace('"kind": "moved"', '"kind": "shifted"')
        with pytest.raises(InvalidStatementError, match=r"\$\.points\[\d+\]\.kind"):
            from_json(text, StatementDiff)


class TestWordEdit:
    def test_inverted(self) -> None:
        """Inverting an insertion gives a deletion with swapped offsets."""
        edit = WordEdit("insert", 5, 5, 5, 11, "", "green ")
        assert edit.inverted() == WordEdit("delete", 5, 11, 5, 5, "green ", "")

    def test_rejects_unknown_op(self) -> None:
        """An unknown operation is rejected."""
        with pytest.raises(InvalidStatementError, match=r"\$\.op"):
            WordEdit("swap", 0, 1, 0, 1, "a", "b")

    def test_rejects_negative_offsets(self) -> None:
        """Offsets must not be negative."""
        with pytest.raises(InvalidStatementError, match=r"\$\.old_start"):
            WordEdit("replace", -1, 1, 0, 1, "a", "b")


class TestFieldChange:
    def test_rejects_malformed_path(self) -> None:
        """A path must look like $.field[key].field."""
        with pytest.raises(InvalidStatementError, match=r"\$\.path"):
            FieldChange("date", "a", "b")

    def test_inverted(self) -> None:
        """Inverting swaps old and new."""
        assert FieldChange("$.venue", None, "Xi'an").inverted() == FieldChange("$.venue", "Xi'an", None)


class TestAlign:
    def test_similarity_bounds(self) -> None:
        """Identical points score 1; points with nothing in common score 0."""
        assert similarity(P[1], P[1]) == 1.0
        assert similarity(Point(1, "alpha beta."), Point(1, "gamma delta.")) == 0.0

    def test_nearest_positions(self) -> None:
        """The alignment records each point's best partner by position, None without any."""
        result = align(MEETING_2020.points, MEETING_2020.points[::-1])
        assert result.nearest_old == tuple(range(8, -1, -1))
        assert result.nearest_new == tuple(range(8, -1, -1))
        assert align((), MEETING_2020.points).nearest_new == (None,) * 9

    def test_hungarian_matches_brute_force(self) -> None:
        """The assignment is optimal on a small matrix."""
        cost = [[9, 2, 7, 8], [6, 4, 3, 7], [5, 8, 1, 8], [7, 6, 9, 4]]
        assignment = hungarian(cost)
        assert sum(cost[row][column] for row, column in enumerate(assignment)) == 13

    def test_stable_pairs_is_a_longest_increasing_subsequence(self) -> None:
        """The kept pairs are a longest run of the new order."""
        matches = align(MEETING_2020.points, MEETING_2020.points[::-1]).matches
        assert len(stable_pairs(matches)) == 1
        same = align(MEETING_2020.points, MEETING_2020.points).matches
        assert len(stable_pairs(same)) == 9

    def test_large_ambiguous_components_fall_back_to_greedy(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Above the size limit for exact assignment, duplicates still pair in order, without moves."""
        monkeypatch.setattr("c5statement._solver.EXACT_LIMIT", 2)
        same = later([Point(1, "all parties agree.")] * 6)
        result = diff(same, same)
        assert pairs(result) == {(number, number) for number in range(1, 7)}
        assert not result
        assert all(change.ambiguous for change in result.points)

    def test_pruning_keeps_every_match(self) -> None:
        """On a large statement, pruned candidates still find every identical point."""
        points = [
            Point(number, f"all parties will open the {name} corridor between towns {number} and {number + 1}.")
            for number, name in enumerate(("Khorgos", "Torugart", "Irkeshtam", "Dostyk", "Naryn") * 20, 1)
        ]
        result = align(points, points[::-1])
        assert len(result.matches) == len(points)
        assert all(match.old == len(points) - 1 - match.new for match in result.matches)
        assert result.compared < len(points) ** 2 / 2


# --- laws ----------------------------------------------------------------------------------------


def mutated_points(draw: st.DrawFn, old: Meeting) -> tuple[Point, ...]:
    """Drop, shuffle, reword and add points, then renumber them with gaps."""
    items = [point for point in old.points if draw(st.integers(0, 3))]
    if len(items) > 1 and draw(st.booleans()):
        items = draw(st.permutations(items))
    items = [
        attrs.evolve(point, text=draw(st.sampled_from([point.text + " further", "the " + point.text])))
        if draw(st.integers(0, 3)) == 0
        else point
        for point in items
    ]
    for _ in range(draw(st.integers(0, 3))):
        items.insert(draw(st.integers(0, len(items))), draw(points(st.just(1), max_text=80)))
    gaps = draw(st.lists(st.integers(1, 3), min_size=len(items), max_size=len(items)))
    return tuple(attrs.evolve(point, number=sum(gaps[: index + 1])) for index, point in enumerate(items))


def mutated_people(draw: st.DrawFn, old: Meeting) -> tuple[Participant, ...]:
    """Drop, reorder, add and rename participants."""
    people = [person for person in old.participants if draw(st.integers(0, 3))]
    if len(people) > 1 and draw(st.booleans()):
        people = draw(st.permutations(people))
    country = draw(st.sampled_from(["AF", "AZ", "EU", "IN", "JP", "KR", "MN", "RU", "TR", "US"]))
    if draw(st.booleans()) and country not in {person.country for person in people}:
        people.append(Participant(country=country, person="Demo Envoy", title="Special Envoy", role="guest"))
    if draw(st.booleans()) and people:
        people[0] = attrs.evolve(people[0], person=draw(texts(max_size=20)))
    return tuple(people)


def mutated_fields(draw: st.DrawFn, old: Meeting) -> dict[str, object]:
    """Change some facts, lists of records and sources of *old*."""
    options: dict[str, st.SearchStrategy[object]] = {
        "title": texts(max_size=30),
        "date": st.integers(1, 900).map(lambda days: old.date + datetime.timedelta(days=days)),
        "venue": st.none() | texts(max_size=20),
        "format": st.sampled_from(["video", "in-person", "hybrid"]),
        "illustrative": st.just(not old.illustrative),
        "notes": st.just(old.notes[1:]),
        "topics": texts(max_size=30).map(lambda text: (*old.topics[:2], Topic(text=text))),
        "decisions": st.just(old.decisions[:-1]),
    }
    changes = {name: draw(strategy) for name, strategy in options.items() if draw(st.booleans())}
    if changes.get("format") == "video":
        changes["city"] = None
    if draw(st.booleans()) and old.quotes:
        first = old.quotes[0]
        changes["quotes"] = (attrs.evolve(first, date=None, text=first.text + "!"), *old.quotes[1:])
    if draw(st.booleans()) and old.sources:
        changes["sources"] = (*old.sources[1:], attrs.evolve(old.sources[0], title=draw(texts(max_size=30))))
    return changes


@st.composite
def related_pairs(draw: st.DrawFn) -> tuple[Meeting, Meeting]:
    """A meeting and a later one made from it by mutations of points and fields."""
    old = draw(meetings(max_points=8, max_text=80))
    changes = mutated_fields(draw, old)
    changes["points"] = mutated_points(draw, old)
    highest = max((point.number for point in changes["points"]), default=0)  # type: ignore[attr-defined]
    if old.points_total is not None and old.points_total < highest:
        changes["points_total"] = highest
    changes["participants"] = mutated_people(draw, old)
    return old, attrs.evolve(old, **changes)  # type: ignore[arg-type]


# The laws of a diff (apply, invert, round-trip) are the heart of the package: twice the profile's examples.
LAWS = settings(max_examples=2 * settings().max_examples)


class TestStatementDiffLaws:
    @LAWS
    @given(related_pairs())
    def test_laws(self, pair: tuple[Meeting, Meeting]) -> None:
        """diff(x, x) is empty; apply gives b; the inverse gives a back; JSON round-trips."""
        old, new = pair
        assert not diff(old, old)
        assert not diff(new, new)
        result = diff(old, new)
        assert result.apply(old) == new
        back = result.inverted()
        assert back.apply(new) == old
        assert back.inverted() == result
        assert from_json(to_json(result), StatementDiff) == result
        assert bool(result) == (old != new)

    @given(related_pairs(), st.floats(0, 1))
    def test_every_point_once_and_in_bounds(self, pair: tuple[Meeting, Meeting], threshold: float) -> None:
        """Each point of either side appears once; similarities and margins lie in 0 to 1."""
        old, new = pair
        result = diff(old, new, threshold=threshold)
        assert sorted(c.old.number for c in result.points if c.old) == [p.number for p in old.points]
        assert sorted(c.new.number for c in result.points if c.new) == [p.number for p in new.points]
        assert all(0 <= change.similarity <= 1 and 0 <= change.margin <= 1 for change in result.points)
        for change in result.points:
            if change.kind in {"added", "removed"}:
                assert (change.nearest is None) == (change.similarity == 0)
        assert result.apply(old) == new

    @LAWS
    @given(st.lists(texts(max_size=60), min_size=0, max_size=12), st.randoms(use_true_random=False))
    def test_laws_for_points_only(self, point_texts: list[str], rng: random.Random) -> None:
        """For shuffled, dropped, reworded and added points alone, apply and its inverse reproduce both sides."""
        old = later([Point(1, text) for text in point_texts])
        items = [point for point in old.points if rng.random() < 0.8]
        rng.shuffle(items)
        items = [attrs.evolve(point, text=point.text + " anew") if rng.random() < 0.3 else point for point in items]
        items.insert(rng.randrange(len(items) + 1), Point(1, "all parties welcome the new secretariat."))
        new = later(items)
        result = diff(old, new)
        assert not diff(old, old)
        assert result.apply(old) == new
        assert result.inverted().apply(new) == old
        assert from_json(to_json(result), StatementDiff) == result


class TestDeterminism:
    def test_diff_json_does_not_depend_on_the_hash_seed(self) -> None:
        """Equal inputs give byte-equal diff JSON in interpreters with different hash seeds."""
        import os
        import subprocess
        import sys

        code = (
            "import sys; from c5statement import load, diff, to_json; "
            "sys.stdout.write(to_json(diff(load(sys.argv[1]), load(sys.argv[2]))))"
        )
        data = Path(__file__).parent.parent / "examples" / "data"
        outputs = {
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    code,
                    str(data / "fmm-2021-illustrative.json"),
                    str(data / "fmm-2024-illustrative.json"),
                ],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONHASHSEED": seed},
            ).stdout
            for seed in ("1", "2", "3")
        }
        assert len(outputs) == 1
        assert '"similarity"' in outputs.pop()


# --- frozen, validated values --------------------------------------------------------------------


def reshaped_people() -> Meeting:
    """An illustrative later record without the first delegation, and with a new venue."""
    return attrs.evolve(MEETING_2020, participants=MEETING_2020.participants[1:], venue="Xi'an", illustrative=True)


def hostile(change: dict[str, object]) -> str:
    """The JSON of a valid diff with one field change replaced by *change*."""
    document = json.loads(to_json(diff(MEETING_2020, reshaped_people())))
    document["fields"] = [change]
    return json.dumps(document)


class TestFrozenDiff:
    def test_diff_is_hashable(self) -> None:
        """A diff with whole records among its field changes can be hashed, consistently with equality."""
        result = diff(MEETING_2020, reshaped_people())
        again = diff(MEETING_2020, reshaped_people())
        assert hash(result) == hash(again)
        assert len({result, again}) == 1

    def test_values_cannot_be_changed(self) -> None:
        """The JSON values of a field change are read-only: objects are mappings, arrays tuples."""
        result = diff(MEETING_2020, reshaped_people())
        removed = next(change for change in result.fields if change.path == "$.participants[CN]")
        assert isinstance(removed.old, JsonObject)
        with pytest.raises(TypeError):
            removed.old["person"] = "x"  # type: ignore[index]
        assert removed.old["aliases"] == ()
        order = next(change for change in result.fields if change.path == "$.participants.order")
        assert order.new == ("KZ", "KG", "TJ", "TM", "UZ")

    def test_json_is_plain_and_unchanged(self) -> None:
        """Frozen values are written as plain JSON objects and arrays, keys sorted, and round-trip."""
        result = diff(MEETING_2020, reshaped_people())
        document = json.loads(to_json(result))
        removed = next(change for change in document["fields"] if change["path"] == "$.participants[CN]")
        assert list(removed["old"]) == [
            "aliases",
            "country",
            "note",
            "person",
            "person_id",
            "role",
            "sources",
            "title",
            "wikidata",
        ]
        assert removed["old"]["sources"] == ["mfa-2020-07-17"]
        plain = next(change for change in to_dict(result)["fields"] if change["path"] == "$.participants[CN]")
        assert type(plain["old"]) is dict
        assert type(plain["old"]["sources"]) is list
        assert from_json(to_json(result), StatementDiff) == result
        assert to_json(from_json(to_json(result), StatementDiff)) == to_json(result)

    def test_json_object_equality_ignores_key_order(self) -> None:
        """A frozen object equals any mapping with the same items and keeps its own key order."""
        value = JsonObject({"b": 1, "a": (2,)})
        assert value == JsonObject({"a": (2,), "b": 1})
        assert value == {"a": (2,), "b": 1}
        assert hash(value) == hash(JsonObject({"a": (2,), "b": 1}))
        assert list(value) == ["b", "a"]
        assert thaw(value) == {"b": 1, "a": [2]}

    def test_equal_changes_write_equal_json(self) -> None:
        """Values of different JSON types are different changes, and -0.0 is written as 0.0."""
        assert FieldChange("$.venue", 1, None) != FieldChange("$.venue", 1.0, None)
        assert FieldChange("$.venue", old=True, new=None) != FieldChange("$.venue", 1, None)
        assert FieldChange("$.venue", -0.0, None) == FieldChange("$.venue", 0.0, None)
        assert to_json(FieldChange("$.venue", -0.0, None)) == to_json(FieldChange("$.venue", 0.0, None))

    def test_apply_and_invert_read_frozen_values(self) -> None:
        """A diff of whole records, orders and plain values applies and inverts after a JSON round trip."""
        later_people = reshaped_people()
        loaded = from_json(to_json(diff(MEETING_2020, later_people)), StatementDiff)
        assert loaded.apply(MEETING_2020) == later_people
        assert loaded.inverted().apply(later_people) == MEETING_2020


def nested(depth: int) -> list[object]:
    """A list nested *depth* levels deep, built without recursion."""
    outer: list[object] = []
    inner = outer
    for _ in range(depth - 1):
        deeper: list[object] = []
        inner.append(deeper)
        inner = deeper
    return outer


class TestFieldChangeValues:
    @pytest.mark.parametrize(
        ("old", "where"),
        [
            ({1, 2}, r"\$\.old"),
            (float("nan"), r"\$\.old"),
            (["a", "b", float("inf")], r"\$\.old\[2\]"),
            ([0, 2**53], r"\$\.old\[1\]"),
            ({"x": {"y": b"bytes"}}, r"\$\.old\.x\.y"),
            ({1: "a"}, r"\$\.old"),
            ("\ud800", r"\$\.old"),
        ],
    )
    def test_rejects_non_json_values(self, old: object, where: str) -> None:
        """Only JSON values are accepted, each problem named by its place."""
        with pytest.raises(InvalidStatementError, match=where):
            FieldChange("$.venue", old, None)

    def test_accepts_the_largest_integers(self) -> None:
        """Integers up to 2**53 - 1 in size are accepted, in both directions."""
        assert FieldChange("$.venue", 2**53 - 1, -(2**53) + 1).new == -(2**53) + 1

    def test_from_dict_rejects_what_to_json_could_not_write(self) -> None:
        """A set or NaN is rejected on loading, not later by to_json."""
        with pytest.raises(InvalidStatementError, match=r"\$\.old") as error:
            from_dict({"path": "$.venue", "old": {1, 2}, "new": float("nan")}, FieldChange)
        assert not isinstance(error.value.__cause__, TypeError)
        with pytest.raises(InvalidStatementError, match=r"\$\.new"):
            from_dict({"path": "$.venue", "old": None, "new": float("nan")}, FieldChange)

    def test_deep_nesting_is_rejected_without_recursion_error(self) -> None:
        """A list 100000 levels deep is rejected as too deeply nested; 32 levels are accepted."""
        with pytest.raises(InvalidStatementError, match="nested more than 32 levels"):
            FieldChange("$.venue", nested(100_000), None)
        with pytest.raises(InvalidStatementError, match="nested more than 32 levels"):
            from_dict({"path": "$.venue", "old": nested(100_000), "new": None}, FieldChange)
        assert FieldChange("$.venue", nested(32), None).old is not None

    @pytest.mark.parametrize(
        "path",
        [
            "$",
            "venue",
            "$.topics[\u00b2]",
            "$.topics[01]",
            "$.topics[99999999999999999999]",
            "$.nowhere",
            "$.points",
            "$.venue.name",
            "$.participants.order.more",
            "$.topics.order",
            "$.notes[0]",
            "$.participants[ KZ]",
        ],
    )
    def test_rejects_paths_that_name_no_place(self, path: str) -> None:
        """A path must name a field, an item or a keyed order of a meeting."""
        with pytest.raises(InvalidStatementError, match=r"\$\.path"):
            FieldChange(path, None, "x")

    @pytest.mark.parametrize(
        ("path", "old", "new"),
        [
            ("$.participants.order", [["CN"]], [["CN"]]),
            ("$.participants.order", ["CN", "CN"], ["CN"]),
            ("$.participants[XX]", None, "a string"),
            ("$.participants[XX]", None, {"country": "KZ", "person": "A", "title": "B"}),
            ("$.topics[0]", None, None),
            ("$.topics[0]", [1], None),
        ],
    )
    def test_values_must_fit_the_place(self, path: str, old: object, new: object) -> None:
        """An order lists distinct keys; an item is an object, with the key of its path."""
        with pytest.raises(InvalidStatementError):
            FieldChange(path, old, new)

    def test_a_diff_changes_a_place_once(self) -> None:
        """Two changes to the same path are rejected, naming the second."""
        change = FieldChange("$.venue", None, "Xi'an")
        with pytest.raises(InvalidStatementError, match=r"\$\.fields\[1\]\.path"):
            StatementDiff("a", "b", fields=(change, change))


class TestHostileDiffs:
    @pytest.mark.parametrize(
        ("change", "where"),
        [
            ({"path": "$.topics[\u00b2]", "old": None, "new": {"text": "x"}}, r"\$\.fields\[0\]\.path"),
            ({"path": "$", "old": None, "new": 1}, r"\$\.fields\[0\]\.path"),
            ({"path": "$.participants.order", "old": [["CN"]], "new": [["CN"]]}, r"\$\.fields\[0\]\.old"),
            ({"path": "$.participants[XX]", "old": None, "new": "x"}, r"\$\.fields\[0\]\.new"),
            ({"path": "$.topics[99999999999999999999]", "old": None, "new": {"text": "x"}}, r"\$\.fields\[0\]"),
        ],
    )
    def test_rejected_on_loading(self, change: dict[str, object], where: str) -> None:
        """A diff whose field change could not apply cleanly fails to load, naming the place."""
        with pytest.raises(InvalidStatementError, match=where):
            from_json(hostile(change), StatementDiff)

    @pytest.mark.parametrize(
        "change",
        [
            {"path": "$.topics[7]", "old": None, "new": {"text": "a new topic"}},
            {"path": "$.topics[2]", "old": None, "new": {"text": "a new topic"}},
            {"path": "$.topics[9].text", "old": "a", "new": "b"},
            {"path": "$.participants[KZ]", "old": None, "new": {"country": "KZ", "person": "A", "title": "B"}},
            {"path": "$.participants.order", "old": ["CN"], "new": ["CN"]},
            {"path": "$.venue", "old": None, "new": {"text": "a record where a string belongs"}},
            {"path": "$.quotes[0].date", "old": "2020-07-18", "new": 20200718},
            {"path": "$.illustrative", "old": 0, "new": 1},
        ],
    )
    def test_rejected_on_applying(self, change: dict[str, object]) -> None:
        """A well-formed change that does not fit the meeting fails to apply, naming its path."""
        loaded = from_json(hostile(change), StatementDiff)
        path = str(change["path"])
        with pytest.raises(InvalidStatementError, match=re.escape(path)):
            loaded.apply(MEETING_2020)

    def test_addition_at_the_end_still_applies(self) -> None:
        """Adding a topic at the end, the one place an addition can go, applies."""
        topic = {"text": "a new topic", "themes": [], "sources": []}
        loaded = from_json(hostile({"path": "$.topics[4]", "old": None, "new": topic}), StatementDiff)
        assert loaded.apply(MEETING_2020).topics[-1] == Topic(text="a new topic")


class TestCanonicalNumbers:
    def test_threshold_zero_has_one_spelling(self) -> None:
        """Thresholds 0.0 and -0.0 give equal diffs with equal JSON."""
        assert to_json(diff(MEETING_2020, MEETING_2020, threshold=-0.0)) == to_json(
            diff(MEETING_2020, MEETING_2020, threshold=0.0)
        )
        assert '"threshold": 0.0' in to_json(diff(MEETING_2020, MEETING_2020, threshold=-0.0))

    def test_integer_similarity_is_a_float(self) -> None:
        """A similarity given as 1 is stored and written as 1.0."""
        point = P[1]
        assert to_json(PointChange("unchanged", point, point, 1)) == to_json(
            PointChange("unchanged", point, point, 1.0)
        )
        assert isinstance(PointChange("unchanged", point, point, 1, margin=0).margin, float)
        assert StatementDiff("a", "b", threshold=1).threshold == 1.0

    @pytest.mark.parametrize("value", [True, "0.5", None])
    def test_rejects_non_numbers(self, value: object) -> None:
        """A boolean, string or None where a number belongs is rejected at construction."""
        with pytest.raises(InvalidStatementError, match=r"\$\.similarity"):
            PointChange("unchanged", P[1], P[1], value)  # type: ignore[arg-type]
        with pytest.raises(InvalidStatementError, match=r"\$\.threshold"):
            StatementDiff("a", "b", threshold=value)  # type: ignore[arg-type]


class TestSimilarityArguments:
    def test_similarity_checks_its_arguments(self) -> None:
        """The public similarity function names a wrong argument instead of failing inside."""
        from c5statement import InvalidStatementError, similarity

        with pytest.raises(InvalidStatementError, match=r"\$\.old: expected a Point, got int"):
            similarity(1, MEETING_2020.points[0])  # type: ignore[arg-type]


class TestCanonicalValues:
    def test_equal_field_changes_write_equal_bytes(self) -> None:
        """Objects equal whatever their key order are written the same, so equal diffs fingerprint alike."""
        from c5statement import FieldChange, fingerprint

        first = FieldChange("$.participants[XX]", None, {"country": "XX", "person": "A", "title": "T"})
        second = FieldChange("$.participants[XX]", None, {"title": "T", "person": "A", "country": "XX"})
        assert first == second
        assert to_json(first) == to_json(second)
        assert fingerprint(first) == fingerprint(second)
