"""compare(): theme matrix, point lineages, pairwise similarity, records and data frames."""

from __future__ import annotations

import datetime
import sys
from typing import TYPE_CHECKING

import attrs
import pytest

from c5statement import MEETING_2020, Meeting, Point, Series, compare

if TYPE_CHECKING:
    from collections.abc import Sequence

P = {point.number: point for point in MEETING_2020.points}


def statement(identifier: str, year: int, points: Sequence[Point]) -> Meeting:
    """A made-up statement with the 2020 facts and *points*, renumbered."""
    numbered = tuple(attrs.evolve(point, number=number) for number, point in enumerate(points, 1))
    return attrs.evolve(
        MEETING_2020, id=identifier, date=datetime.date(year, 5, 12), points=numbered, illustrative=True
    )


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
        assert lineage.kinds == ("added", "unchanged", "edited")
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
