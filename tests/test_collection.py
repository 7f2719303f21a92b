"""MEETINGS as a collection: fingerprint, dataset version, tidy records and frames."""

from __future__ import annotations

import hashlib

import attrs
import pytest

from c5statement import MEETING_2020, MEETINGS, InvalidTypeError, Meetings, fingerprint, meeting, to_json
from c5statement._collection import DELEGATION_COLUMNS, MEETING_COLUMNS


class TestCitable:
    def test_fingerprint_of_the_collection(self) -> None:
        """fingerprint(MEETINGS) is the digest of the records' fingerprints, one per line, in order."""
        lines = "".join(hashlib.sha256(to_json(m).encode("utf-8")).hexdigest() + "\n" for m in MEETINGS)
        assert fingerprint(MEETINGS) == hashlib.sha256(lines.encode("ascii")).hexdigest()
        assert MEETINGS.fingerprint == fingerprint(MEETINGS) == fingerprint(list(MEETINGS))

    def test_any_record_change_changes_the_version(self) -> None:
        """Changing one fact of one record, or the order, gives another dataset version."""
        changed = list(MEETINGS)
        changed[4] = attrs.evolve(changed[4], city="Xian")
        assert Meetings(changed).version != MEETINGS.version
        assert Meetings(reversed(MEETINGS)).version != MEETINGS.version
        assert Meetings(list(MEETINGS)).version == MEETINGS.version

    def test_only_meetings_have_a_collection_fingerprint(self) -> None:
        """Anything else in the sequence is a clear error naming its place."""
        with pytest.raises(InvalidTypeError, match=r"\$\[1\]"):
            fingerprint([MEETING_2020, "x"])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="item 0 is a str"):
            Meetings(["x"])

    def test_still_a_tuple_of_meetings(self) -> None:
        """MEETINGS stays a tuple whose first item is MEETING_2020."""
        assert isinstance(MEETINGS, tuple)
        assert MEETINGS[0] == MEETING_2020
        assert len(MEETINGS) == 9


class TestTables:
    def test_one_row_per_meeting(self) -> None:
        """Every meeting is a row with every column; cities and hosts are filled for in-person meetings."""
        rows = MEETINGS.to_records()
        assert [row["id"] for row in rows] == [m.id for m in MEETINGS]
        assert all(tuple(row) == MEETING_COLUMNS for row in rows)
        summit = rows[[m.id for m in MEETINGS].index("cc5-summit-2025")]
        assert (summit["city"], summit["host_country"], summit["chair_id"]) == ("Astana", "KZ", "kassym-jomart-tokayev")
        assert summit["documents"] == 3

    def test_one_row_per_meeting_and_delegation_head(self) -> None:
        """Delegation rows join people across meetings by key."""
        rows = MEETINGS.delegations()
        assert len(rows) == sum(len(m.participants) for m in MEETINGS)
        assert all(tuple(row) == DELEGATION_COLUMNS for row in rows)
        kulubaev = [row for row in rows if row["person_id"] == "jeenbek-kulubaev"]
        assert [row["meeting"] for row in kulubaev] == ["cc5-fmm-2022", "cc5-fmm-2023", "cc5-fmm-2024", "cc5-fmm-2025"]
        assert {row["person"] for row in kulubaev} == {"Jeenbek Kulubaev"}

    def test_frames(self) -> None:
        """The frames have the records' shape and columns."""
        pytest.importorskip("pandas")
        assert MEETINGS.to_frame().shape == (9, len(MEETING_COLUMNS))
        frame = MEETINGS.delegations_frame()
        assert list(frame.columns) == list(DELEGATION_COLUMNS)
        assert frame.groupby("person_id")["meeting"].nunique()["wang-yi"] == 5

    def test_a_video_meeting_row(self) -> None:
        """A video meeting has no city; the 2020 record is coded."""
        row = Meetings([meeting("cc5-summit-2022-video")]).to_records()[0]
        assert (row["city"], row["format"]) == (None, "video")
        assert Meetings([MEETING_2020]).to_records()[0]["coding"] == "coded"


class TestLineageByLinks:
    def test_continuations_follow_links_through_meetings(self) -> None:
        """A point continued in one meeting and again in the next is followed through both."""
        from c5statement import Point

        second = attrs.evolve(
            MEETING_2020, id="second", points=(Point(1, "a summary.", verbatim=False, continues=("cc5-fmm-2020#8",)),)
        )
        third = attrs.evolve(
            MEETING_2020,
            id="third",
            points=(Point(1, "another.", verbatim=False, continues=("second#1",)), Point(2, "unrelated.")),
        )
        found = Meetings([MEETING_2020, second, third]).continuations("cc5-fmm-2020#8")
        assert [(meeting_id, point.number) for meeting_id, point in found] == [("second", 1), ("third", 1)]
        assert Meetings([MEETING_2020, second, third]).continuations("cc5-fmm-2020#1") == []

    def test_unknown_references(self) -> None:
        """A reference to no meeting or no point is a KeyError."""
        for reference in ("cc5-fmm-1999#1", "cc5-fmm-2020#99", "cc5-fmm-2020"):
            with pytest.raises(KeyError):
                MEETINGS.point(reference)

    def test_every_packaged_link_resolves_to_an_earlier_meeting(self) -> None:
        """Each link of a packaged point names a point carried by an earlier packaged meeting."""
        order = {m.id: index for index, m in enumerate(MEETINGS)}
        for index, found in enumerate(MEETINGS):
            for point in found.points:
                for reference in point.continues:
                    assert order[reference.split("#")[0]] < index, reference
                    assert MEETINGS.point(reference) is not None

    def test_every_packaged_summary_is_marked_and_sourced(self) -> None:
        """Points of the later records are summaries, each citing a source."""
        for found in MEETINGS[1:]:
            for point in found.points:
                assert point.verbatim is False
                assert point.sources
