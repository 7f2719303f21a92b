"""compare(): theme matrix, point lineages, pairwise similarity, records and data frames."""

from __future__ import annotations

import json
import sys
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from builders import P, statement
from c5statement import (
    MEETING_2020,
    InvalidTypeError,
    Lineage,
    Meeting,
    Point,
    Series,
    compare,
    from_json,
    to_json,
)
from c5statement._lexicon import normalise_words
from c5statement.strategies import meetings

ENERGY = Point(
    1,
    "all parties will deepen cooperation in oil and gas, renewable energy and power grids.",
    frozenset({"energy"}),
)
SUMMIT = Point(1, "all parties welcome the first summit of heads of state in Xi'an.", frozenset({"mechanism"}))

S2021 = statement(
    "cc5-fmm-2021",
    2021,
    [P[1], P[2], P[3], P[5], P[7], P[8], P[9], ENERGY],
)
S2022 = statement(
    "cc5-fmm-2022",
    2022,
    [
        SUMMIT,
        attrs.evolve(P[8], text=P[8].text.replace("unanimously support", "support")),
        P[1],
        ENERGY,
    ],
)


class TestCompare:
    def test_lineage_through_the_series(self) -> None:
        """2020 point 8 continues as 2021 point 6, then as 2022 point 2."""
        series = compare([MEETING_2020, S2021, S2022])
        lineage = series.lineage_of(0, 8)
        assert lineage.numbers == (8, 6, 2)
        assert lineage.kinds == ("baseline", "unchanged", "edited")
        assert lineage.similarities[0] is None
        assert lineage.similarities[1] == 1.0
        assert 0.5 < lineage.similarities[2] < 1.0  # type: ignore[operator]

    def test_dropped_and_new_points(self) -> None:
        """A dropped point ends its lineage; a new point starts one."""
        series = compare([MEETING_2020, S2021, S2022])
        assert series.lineage_of(0, 4).numbers == (4, None, None)
        assert series.lineage_of(1, 8).numbers == (None, 8, 4)
        assert series.lineage_of(2, 1).numbers == (None, None, 1)
        with pytest.raises(KeyError):
            series.lineage_of(2, 99)

    def test_every_point_in_exactly_one_lineage(self) -> None:
        """Each point of each statement belongs to one lineage."""
        statements = [MEETING_2020, S2021, S2022]
        series = compare(statements)
        for position, meeting in enumerate(statements):
            found = sorted(n for lineage in series.lineages if (n := lineage.numbers[position]) is not None)
            assert found == [point.number for point in meeting.points]

    def test_theme_matrix(self) -> None:
        """The matrix says which statement has which theme."""
        matrix = compare([MEETING_2020, S2021, S2022]).theme_matrix
        assert matrix["energy"] == (False, True, True)
        assert matrix["mechanism"] == (False, False, True)
        assert matrix["connectivity"] == (True, True, False)
        assert matrix["non-interference"] == (True, True, False)
        assert matrix["afghanistan"] == (True, True, True)

    def test_pairwise_similarity(self) -> None:
        """Similarity is symmetric, one on the diagonal and lower for more distant statements."""
        similarity = compare([MEETING_2020, S2021, S2022]).similarity
        assert all(similarity[index][index] == 1.0 for index in range(3))
        assert all(similarity[i][j] == similarity[j][i] for i in range(3) for j in range(3))
        assert similarity[0][1] > similarity[0][2]
        assert all(0 <= value <= 1 for row in similarity for value in row)

    def test_consecutive_diffs(self) -> None:
        """The series keeps the diff of each statement to the next."""
        series = compare([MEETING_2020, S2021, S2022])
        assert [(result.old_id, result.new_id) for result in series.diffs] == [
            ("cc5-fmm-2020", "cc5-fmm-2021"),
            ("cc5-fmm-2021", "cc5-fmm-2022"),
        ]
        assert series.diffs[0].apply(MEETING_2020) == S2021

    def test_to_records(self) -> None:
        """Records are plain rows, one per point per statement."""
        records = compare([MEETING_2020, S2021, S2022]).to_records()
        assert len(records) == 9 + 8 + 4
        row = next(row for row in records if row["statement"] == "cc5-fmm-2022" and row["number"] == 2)
        assert row["change"] == "edited"
        assert row["date"] == "2022-05-12"
        assert row["themes"] == ["afghanistan", "peace-and-stability"]
        assert {type(value) for value in row.values()} <= {int, str, list, float, type(None)}

    def test_to_frame(self) -> None:
        """to_frame gives a pandas DataFrame of the records."""
        pytest.importorskip("pandas")
        frame = compare([MEETING_2020, S2021]).to_frame()
        assert list(frame.columns)[:3] == ["lineage", "statement", "position"]
        assert len(frame) == 9 + 8

    def test_to_frame_without_pandas(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas, to_frame raises ImportError with the install command."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(ImportError, match=r'pip install "c5statement\[pandas\]"'):
            compare([MEETING_2020]).to_frame()

    def test_single_statement(self) -> None:
        """One statement is a series of one, with one lineage per point."""
        series = compare([MEETING_2020])
        assert isinstance(series, Series)
        assert series.diffs == ()
        assert len(series.lineages) == 9
        assert series.similarity == ((1.0,),)

    def test_threshold_and_similarity_are_passed_on(self) -> None:
        """A strict threshold breaks the lineage of an edited point."""
        series = compare([S2021, S2022], threshold=1.0)
        assert series.lineage_of(0, 6).numbers == (6, None)

    @pytest.mark.parametrize("bad", [[], "cc5", MEETING_2020, [MEETING_2020, "x"], None])
    def test_rejects_bad_input(self, bad: object) -> None:
        """An empty list or anything but a sequence of meetings is rejected clearly."""
        with pytest.raises((TypeError, ValueError), match=r"compare\(\)"):
            compare(bad)  # type: ignore[arg-type]

    def test_rejects_bad_threshold(self) -> None:
        """A threshold outside 0 to 1 is rejected, even for one statement."""
        with pytest.raises(ValueError, match="threshold"):
            compare([MEETING_2020], threshold=2.0)


WITHOUT_8 = statement("cc5-fmm-2021", 2021, [point for point in MEETING_2020.points if point.number != 8])


class TestReconnection:
    def test_a_returning_point_rejoins_its_lineage(self) -> None:
        """A point dropped by one statement and identical in the next continues its lineage."""
        series = compare([MEETING_2020, WITHOUT_8, MEETING_2020])
        lineage = series.lineage_of(0, 8)
        assert lineage.numbers == (8, None, 8)
        assert lineage.kinds == ("baseline", None, "returned")
        assert lineage.similarities == (None, None, 1.0)
        assert series.lineage_of(2, 8) is lineage
        assert len(series.lineages) == 9

    def test_records_say_returned(self) -> None:
        """The records of a returning point say so, with its similarity to its last appearance."""
        records = compare([MEETING_2020, WITHOUT_8, MEETING_2020]).to_records()
        row = next(row for row in records if row["position"] == 2 and row["number"] == 8)
        assert row["change"] == "returned"
        assert row["similarity"] == 1.0
        assert row["lineage"] == 8

    def test_reconnects_after_a_longer_gap(self) -> None:
        """A point missing from two statements in a row still rejoins its lineage, reworded."""
        reworded = attrs.evolve(P[8], text=P[8].text.replace("unanimously support", "support"))
        back = statement("cc5-fmm-2023", 2023, [*MEETING_2020.points[:7], reworded, P[9]])
        series = compare([MEETING_2020, WITHOUT_8, attrs.evolve(WITHOUT_8, id="cc5-fmm-2022"), back])
        lineage = series.lineage_of(0, 8)
        assert lineage.numbers == (8, None, None, 8)
        assert lineage.kinds[3] == "returned"
        assert 0.5 < lineage.similarities[3] < 1.0  # type: ignore[operator]

    def test_threshold_applies_to_returning_points(self) -> None:
        """A reworded point under the threshold does not rejoin: it starts a new lineage."""
        reworded = attrs.evolve(P[8], text=P[8].text.replace("unanimously support", "support"))
        back = statement("cc5-fmm-2022", 2022, [*MEETING_2020.points[:7], reworded, P[9]])
        series = compare([MEETING_2020, WITHOUT_8, back], threshold=1.0)
        assert series.lineage_of(0, 8).numbers == (8, None, None)
        assert series.lineage_of(2, 8).numbers == (None, None, 8)
        assert series.lineage_of(2, 8).kinds == (None, None, "added")

    def test_round_trips_through_json(self) -> None:
        """A series with a returning point survives to_json / from_json and renders."""
        series = compare([MEETING_2020, WITHOUT_8, MEETING_2020])
        assert from_json(to_json(series), Series) == series
        assert "  8 →   — →  8^" in series.to_text(color=False)


def series_document() -> dict[str, Any]:
    """The JSON document of a valid series of three statements."""
    return json.loads(to_json(compare([MEETING_2020, S2021, S2022])))  # type: ignore[no-any-return]


class TestSeriesTypes:
    def test_valid_document_loads(self) -> None:
        """A series written as JSON loads back equal."""
        assert from_json(json.dumps(series_document()), Series) == compare([MEETING_2020, S2021, S2022])

    def test_a_series_is_not_cross_checked(self) -> None:
        """A series is a computed view: parts that do not agree are not searched for (only types are checked)."""
        series = compare([MEETING_2020, S2021])
        assert attrs.evolve(series, lineages=series.lineages[1:]).lineages == series.lineages[1:]

    @pytest.mark.parametrize(
        ("values", "where"),
        [
            ({"statements": [MEETING_2020, MEETING_2020]}, r"\$\.statements"),
            ({"statements": None}, r"\$\.statements"),
            ({"diffs": [None]}, r"\$\.diffs"),
            ({"lineages": ({},)}, r"\$\.lineages\[0\]"),
            ({"threshold": "0.5"}, r"\$\.threshold"),
        ],
    )
    def test_series_fields_of_the_wrong_type(self, values: dict[str, object], where: str) -> None:
        """Each field of a series given a wrong type is a TypeError naming its path."""
        with pytest.raises(InvalidTypeError, match=where):
            attrs.evolve(compare([MEETING_2020, MEETING_2020]), **values)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("values", "where"),
        [
            ({"points": [P[1]]}, r"\$\.points"),
            ({"kinds": None}, r"\$\.kinds"),
            ({"similarities": [None]}, r"\$\.similarities"),
        ],
    )
    def test_lineage_fields_of_the_wrong_type(self, values: dict[str, object], where: str) -> None:
        """Each field of a lineage given a wrong type is a TypeError naming its path."""
        with pytest.raises(InvalidTypeError, match=where):
            attrs.evolve(Lineage((P[1],), ("added",), (None,)), **values)  # type: ignore[arg-type]

    def test_similarities_are_plain_floats(self) -> None:
        """Integer similarities are stored as floats, so equal series write equal JSON."""
        series = compare([MEETING_2020])
        assert attrs.evolve(series, threshold=1).threshold == 1.0
        assert series.similarity == ((1.0,),)
        assert Lineage((P[1], None, P[1]), ("added", None, "returned"), (None, None, 1)).similarities[2] == 1.0


class TestReconnectionLaw:
    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(meetings(max_points=6, max_text=60), st.data())
    def test_dropped_points_that_return_keep_their_lineage(self, meeting: Meeting, data: st.DataObject) -> None:
        """Whatever the middle statement drops, every point of the first statement is followed to the third."""
        assume(len({frozenset(normalise_words(point.text)) for point in meeting.points}) == len(meeting.points))
        kept = data.draw(st.lists(st.sampled_from(meeting.points), unique=True)) if meeting.points else []
        middle = attrs.evolve(meeting, points=tuple(sorted(kept, key=lambda point: point.number)))
        series = compare([meeting, middle, meeting])
        for point in meeting.points:
            lineage = series.lineage_of(0, point.number)
            assert lineage.numbers[2] == point.number
            assert lineage.kinds[2] == ("unchanged" if point in kept else "returned")
        assert len(series.lineages) == len(meeting.points)


class TestSeriesCost:
    def test_only_consecutive_statements_are_diffed(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A series of n statements makes n - 1 diffs; the matrix makes the rest when read."""
        import c5statement._compare as compare_module
        from c5statement import diff

        calls: list[tuple[str, str]] = []
        real = diff

        def counting(old: Meeting, new: Meeting, **options: Any) -> Any:
            calls.append((old.id, new.id))
            return real(old, new, **options)

        monkeypatch.setattr(compare_module, "diff", counting)
        statements = [attrs.evolve(MEETING_2020, id=f"step-{index}") for index in range(6)]
        series = compare(statements)
        assert len(calls) == 5
        assert len(series.similarity) == 6
        assert len(calls) == 15
        assert series.similarity[0][5] == 1.0
        assert len(calls) == 15  # read once, kept

    def test_matrix_is_bounded(self) -> None:
        """Past MATRIX_LIMIT statements the matrix is refused with a reason, the series itself is fine."""
        from c5statement._compare import MATRIX_LIMIT

        small = attrs.evolve(MEETING_2020, points=MEETING_2020.points[:1])
        series = compare([small] * (MATRIX_LIMIT + 1))
        assert len(series.diffs) == MATRIX_LIMIT
        with pytest.raises(ValueError, match="at most"):
            _ = series.similarity


MERGING = attrs.evolve(
    MEETING_2020,
    id="merging",
    illustrative=True,
    points=(
        Point(1, "The sides will keep up their joint fight against the pandemic and deepen medical cooperation."),
        Point(
            2,
            "All parties will work for regional security and stability, stand against terrorism and back a political "
            "settlement of the Afghan issue.",
        ),
    ),
)


class TestLineageLinks:
    def test_merged_lineage_ends_in_the_merged_point(self) -> None:
        """The terrorism point's lineage ends, kind merged, in the point that continues the Afghanistan point."""
        series = compare([MEETING_2020, MERGING])
        afghan = series.lineage_of(0, 8)
        terrorism = series.lineage_of(0, 7)
        assert afghan.numbers == (8, 2)
        assert terrorism.kinds == ("baseline", "merged")
        assert terrorism.points[1] == afghan.points[1]

    def test_split_lineage_names_its_parent(self) -> None:
        """Read backwards, the merge is a split: the new lineage starts with kind split and names its parent."""
        series = compare([MERGING, MEETING_2020])
        (split,) = [lineage for lineage in series.lineages if "split" in lineage.kinds]
        assert split.numbers == (None, 7)
        assert split.parent is not None
        assert series.lineages[split.parent].numbers == (2, 8)
        assert split.similarities[1] is not None


class TestBaselineAndScores:
    def test_first_statement_is_the_baseline(self) -> None:
        """The first statement's points are the baseline, not added, in lineages, records and frames."""
        series = compare([MEETING_2020, MERGING])
        rows = series.to_records()
        assert {row["change"] for row in rows if row["position"] == 0} == {"baseline"}
        assert set(series.to_frame()["change"]) >= {"baseline", "edited"}

    def test_added_points_carry_their_best_score(self) -> None:
        """An added point shows its real best score against the previous statement, under the threshold."""
        new_point = Point(1, "The parties will open a joint archive of medieval manuscripts.")
        later = attrs.evolve(MEETING_2020, id="later", points=(new_point,))
        series = compare([MEETING_2020, later])
        (lineage,) = [lineage for lineage in series.lineages if lineage.kinds[1] == "added"]
        (change,) = [change for change in series.diffs[0].points if change.kind == "added"]
        assert lineage.similarities[1] == change.similarity
        assert 0 < change.similarity < series.threshold

    def test_records_list_a_merged_point_once(self) -> None:
        """A merged point is one row, in the lineage it continues, naming the lineage merged into it."""
        series = compare([MEETING_2020, MERGING])
        rows = series.to_records()
        assert len(rows) == len(MEETING_2020.points) + len(MERGING.points)
        (afghan,) = [row for row in rows if row["position"] == 1 and row["number"] == 2]
        terrorism = series.lineages.index(series.lineage_of(0, 7)) + 1
        assert afghan["merged"] == [terrorism]


def test_views_of_a_long_series_leave_out_the_matrix() -> None:
    """Past MATRIX_LIMIT statements every view still renders, without the similarity matrix."""
    from c5statement._compare import MATRIX_LIMIT

    small = attrs.evolve(MEETING_2020, points=MEETING_2020.points[:1])
    series = compare([small] * (MATRIX_LIMIT + 1))
    assert "Similarity" in series.to_text(color=False)
    assert series.to_text(color=False).rstrip().endswith("Similarity")
    assert "Similarity of the statements" not in series.to_html()
    assert series.to_markdown()
