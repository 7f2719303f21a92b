"""Tests for skeleton and skeleton_json: statement text to a document a person completes."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from c5statement import (
    MEETING_2020,
    InvalidStatementError,
    InvalidTypeError,
    Meeting,
    NoPointsFoundError,
    NumberingGapWarning,
    Point,
    Source,
    diff,
    from_dict,
    from_json,
    numbering_gaps,
    parse_points,
    skeleton,
    skeleton_json,
    to_dict,
    to_json,
)
from c5statement._check import PLACEHOLDER
from c5statement._parse import SKELETON_NOTE, SKELETON_SOURCE_ID

DATA = Path(__file__).parent / "data"
SEED = (DATA / "seed_article.txt").read_text(encoding="utf-8")

FILLED: dict[str, Any] = {
    "$.id": "cc5-fmm-2020",
    "$.title": "Inaugural China + Central Asia (C+C5) Foreign Ministers' Meeting",
    "$.level": "foreign-ministers",
    "$.date": "2020-07-16",
    "$.format": "video",
    "$.venue": None,
    "$.notes[0]": "Points parsed from the nCa article of 20 July 2020 and checked against it.",
    "$.sources[0].publisher": "nCa (newscentralasia.net)",
    "$.sources[0].title": "Report on the first China + Central Asia foreign ministers' meeting",
    "$.sources[0].url": None,
    "$.sources[0].date": "2020-07-20",
}


def placeholders(value: Any, path: str = "$") -> dict[str, str]:
    """Every placeholder string in a document, by path."""
    found: dict[str, str] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            found.update(placeholders(item, f"{path}.{key}"))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.update(placeholders(item, f"{path}[{index}]"))
    elif isinstance(value, str) and value.startswith(PLACEHOLDER):
        found[path] = value
    return found


def fill(value: Any, answers: dict[str, Any], path: str = "$") -> Any:
    """Replace each placeholder by the answer for its path, as a person would."""
    if isinstance(value, dict):
        return {key: fill(item, answers, f"{path}.{key}") for key, item in value.items()}
    if isinstance(value, list):
        return [fill(item, answers, f"{path}[{index}]") for index, item in enumerate(value)]
    if isinstance(value, str) and value.startswith(PLACEHOLDER):
        return answers[path]
    return value


class TestSkeleton:
    def test_has_exactly_the_keys_of_a_meeting_document(self) -> None:
        """The keys and their order are those of to_dict(Meeting), format_version first."""
        document = skeleton(SEED)
        assert list(document) == list(to_dict(MEETING_2020))
        assert next(iter(document)) == "format_version"
        assert document["format_version"] == 1
        assert list(document["sources"][0]) == list(to_dict(MEETING_2020.sources[0]))[1:]

    def test_holds_the_parsed_points_citing_the_text(self) -> None:
        """The points are the parsed ones, each citing the text's source."""
        document = skeleton(SEED)
        expected = [to_dict(attrs.evolve(point, sources=(SKELETON_SOURCE_ID,))) for point in parse_points(SEED)]
        assert [{"format_version": 1, **point} for point in document["points"]] == expected
        assert document["fact_sources"] == [SKELETON_SOURCE_ID]
        assert document["sources"][0]["id"] == SKELETON_SOURCE_ID

    def test_every_fact_to_supply_is_a_placeholder(self) -> None:
        """The facts a person must supply, and the marking note, are placeholders."""
        assert set(placeholders(skeleton(SEED))) == set(FILLED)

    def test_is_marked_as_a_skeleton(self) -> None:
        """The one note says it is a skeleton; the record is not illustrative."""
        document = skeleton(SEED)
        assert document["notes"] == [SKELETON_NOTE]
        assert "skeleton" in SKELETON_NOTE
        assert document["illustrative"] is False

    def test_cannot_be_loaded_before_it_is_filled_in(self) -> None:
        """Loading a skeleton reports every unfilled placeholder with its path."""
        document = skeleton(SEED)
        with pytest.raises(InvalidStatementError) as caught:
            from_dict(document, Meeting)
        assert dict(caught.value.errors) == {
            path: f"placeholder not filled in: {value}" for path, value in placeholders(document).items()
        }

    def test_one_placeholder_left_is_still_reported(self) -> None:
        """Filling all but one placeholder still fails, naming that one."""
        answers = {**FILLED, "$.date": f"{PLACEHOLDER}: date as YYYY-MM-DD>"}
        with pytest.raises(InvalidStatementError) as caught:
            from_dict(fill(skeleton(SEED), answers), Meeting)
        assert [path for path, _ in caught.value.errors] == ["$.date"]

    def test_round_trip_parse_fill_validate(self) -> None:
        """Parse, fill in, load: the meeting holds the nine points of MEETING_2020."""
        meeting = from_dict(fill(skeleton(SEED), FILLED), Meeting)
        assert meeting.date == dt.date(2020, 7, 16)
        assert meeting.illustrative is False
        assert [(point.number, point.text) for point in meeting.points] == [
            (point.number, point.text) for point in MEETING_2020.points
        ]
        assert all(point.sources == (SKELETON_SOURCE_ID,) for point in meeting.points)
        assert from_json(to_json(meeting), Meeting) == meeting

    def test_round_trip_through_json_text(self) -> None:
        """skeleton_json, filled in and loaded with from_json, gives the same meeting."""
        document = fill(json.loads(skeleton_json(SEED)), FILLED)
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        assert from_json(text, Meeting) == from_dict(fill(skeleton(SEED), FILLED), Meeting)

    def test_filled_with_values_instead_of_nulls(self) -> None:
        """Optional facts may be filled with values as well as null."""
        answers = {
            **FILLED,
            "$.venue": "Xi'an",
            "$.format": "in-person",
            "$.sources[0].url": "https://example.org/statement",
        }
        meeting = from_dict(fill(skeleton(SEED), answers), Meeting)
        assert meeting.venue == "Xi'an"
        assert meeting.sources[0].url == "https://example.org/statement"

    def test_source_title_is_used(self) -> None:
        """A given source title is written as is, not as a placeholder."""
        document = skeleton(SEED, source_title="Joint statement, 2021")
        assert document["sources"][0]["title"] == "Joint statement, 2021"
        assert "$.sources[0].title" not in placeholders(document)

    def test_blank_source_title_is_rejected(self) -> None:
        """A blank source title is an error, not a silent placeholder."""
        with pytest.raises(InvalidStatementError, match="title"):
            skeleton(SEED, source_title="  ")

    def test_text_without_points_raises(self) -> None:
        """Text without enumerated points raises NoPointsFoundError."""
        with pytest.raises(NoPointsFoundError):
            skeleton("Only prose here.")

    def test_returns_a_fresh_document(self) -> None:
        """Changing one skeleton does not change the next."""
        first = skeleton(SEED)
        kept = copy.deepcopy(first)
        first["sources"][0]["publisher"] = "changed"
        first["points"].clear()
        assert skeleton(SEED) == kept

    @given(
        st.lists(
            st.sampled_from(["trade", "energy", "transit", "health", "Қазақстан", "中国", "“quoted”"]),
            min_size=1,
            max_size=8,
        ),
        st.integers(min_value=2, max_value=9),
        st.sampled_from(["{}.", "{})", "({})"]),
    )
    def test_round_trip_for_generated_statements(self, words: list[str], count: int, style: str) -> None:
        """Any parsed list of points survives skeleton, filling in and loading."""
        texts = [f"all parties agree on {' '.join(words)} {number}." for number in range(1, count + 1)]
        text = "Preamble.\n\n" + "\n".join(f"{style.format(n)} {t}" for n, t in enumerate(texts, start=1))
        meeting = from_dict(fill(skeleton(text), FILLED), Meeting)
        assert meeting.points == tuple(
            Point(number=number, text=point_text, sources=(SKELETON_SOURCE_ID,))
            for number, point_text in enumerate(texts, start=1)
        )


GAPPED = "1. all parties agree.\n2. all parties act.\n4. all parties meet again.\n8. all parties close."

SOURCE_FILLED = {"publisher": "The c5statement tests", "url": None, "date": None}


def fill_new_source(document: dict[str, Any]) -> dict[str, Any]:
    """Fill in the placeholders of the text's source, the last one."""
    answers = {f"$.sources[{len(document['sources']) - 1}].{key}": value for key, value in SOURCE_FILLED.items()}
    answers[f"$.sources[{len(document['sources']) - 1}].title"] = "The statement as pasted"
    filled: dict[str, Any] = fill(document, answers)
    return filled


class TestNumberingGaps:
    def test_gaps_are_named(self) -> None:
        """numbering_gaps gives the pairs of numbers with numbers missing between them."""
        assert numbering_gaps(parse_points(GAPPED)) == ((2, 4), (4, 8))
        assert numbering_gaps(parse_points(SEED)) == ()

    def test_skeleton_warns_and_notes_the_gap(self) -> None:
        """A skeleton of points with a gap warns, and a note names the gap; the numbers are kept."""
        with pytest.warns(NumberingGapWarning, match="2 then 4 \\(no point 3\\); 4 then 8 \\(no points 5 to 7\\)"):
            document = skeleton(GAPPED)
        assert [point["number"] for point in document["points"]] == [1, 2, 4, 8]
        assert document["notes"][0] == SKELETON_NOTE
        assert document["notes"][1] == (
            "Numbering gap: the points are numbered 2 then 4 (no point 3); 4 then 8 (no points 5 to 7): "
            "check that no point was missed."
        )

    def test_skeleton_json_warns_too(self) -> None:
        """skeleton_json issues the same warning."""
        with pytest.warns(NumberingGapWarning):
            skeleton_json(GAPPED)

    def test_is_a_user_warning(self) -> None:
        """The warning class is a UserWarning, so default filters show it."""
        assert issubclass(NumberingGapWarning, UserWarning)


HAND_BUILT = Meeting(
    id="hand-built",
    title="A meeting built by hand",
    level="foreign-ministers",
    date=dt.date(2024, 5, 1),
    format="in-person",
    venue="Astana",
    points=(Point(1, "an old point.", sources=("statement-text",)),),
    notes=("Made for the tests.",),
    sources=(Source(id="statement-text", publisher="Tests", title="A source with the skeleton's id"),),
    fact_sources=("statement-text",),
    illustrative=True,
)


class TestSkeletonForAMeeting:
    def test_facts_come_from_the_record(self) -> None:
        """Every field but the points, sources and notes is the record's."""
        document = skeleton(SEED, meeting=MEETING_2020)
        record = to_dict(MEETING_2020)
        for key in record:
            if key not in {"points", "sources", "notes"}:
                assert document[key] == record[key], key
        assert document["sources"][:-1] == record["sources"]
        assert document["notes"][:-1] == record["notes"]

    def test_no_placeholders_left(self) -> None:
        """With a record, nothing is left to fill in: the text's unknown origin is said, not a placeholder."""
        document = skeleton(SEED, meeting=MEETING_2020)
        assert placeholders(document) == {}
        source = document["sources"][-1]
        assert (source["publisher"], source["title"], source["url"], source["date"]) == (
            "not given",
            "not given",
            None,
            None,
        )
        assert "was not given" in source["note"]
        titled = skeleton(SEED, meeting=MEETING_2020, source_title="My text")
        assert titled["sources"][-1]["title"] == "My text"

    def test_loads_at_once_and_diffs(self) -> None:
        """The document loads as it is, so it can be diffed against the record straight away."""
        meeting = from_dict(skeleton(SEED, meeting="cc5-fmm-2020"), Meeting)
        assert meeting.participants == MEETING_2020.participants
        assert [change.kind for change in diff(MEETING_2020, meeting).points] == ["edited"] * 9

    def test_unknown_meeting_id(self) -> None:
        """An id that names no packaged meeting is an error listing the known ids."""
        with pytest.raises(InvalidStatementError, match=r"\$\.meeting: 'cc5-fmm-1999' is not .*cc5-fmm-2024"):
            skeleton(SEED, meeting="cc5-fmm-1999")

    def test_validates_once_the_source_is_filled_in(self) -> None:
        """Filled in, the document loads as the record with the text's points."""
        meeting = from_dict(fill_new_source(skeleton(SEED, meeting=MEETING_2020)), Meeting)
        assert meeting.title == MEETING_2020.title
        assert meeting.participants == MEETING_2020.participants
        assert [(p.number, p.text) for p in meeting.points] == [(p.number, p.text) for p in MEETING_2020.points]
        assert all(point.sources == (SKELETON_SOURCE_ID,) for point in meeting.points)
        assert meeting.sources[-1].id == SKELETON_SOURCE_ID
        assert "statement-text" in meeting.notes[-1]

    def test_hand_built_meeting_with_a_taken_source_id(self) -> None:
        """When the record already has a source statement-text, the text's source is statement-text-2."""
        document = skeleton("1. one new point.\n2. another new point.", meeting=HAND_BUILT, source_title="T")
        meeting = from_dict(fill_new_source(document), Meeting)
        assert [source.id for source in meeting.sources] == ["statement-text", "statement-text-2"]
        assert all(point.sources == ("statement-text-2",) for point in meeting.points)
        assert meeting.venue == "Astana"
        assert meeting.illustrative is True
        assert meeting.notes[0] == "Made for the tests."
        assert "replace the 1 points of record hand-built" in meeting.notes[1]

    def test_meeting_must_be_a_meeting(self) -> None:
        """Anything but a Meeting is a type error naming what was expected."""
        with pytest.raises(
            InvalidTypeError, match=r"\$\.meeting: must be a Meeting or the id of a packaged meeting, got dict"
        ):
            skeleton(SEED, meeting=to_dict(MEETING_2020))  # type: ignore[arg-type]


class TestSuggestedThemes:
    def test_points_get_suggested_themes_and_a_note(self) -> None:
        """With suggest_themes, points carry suggested themes and a note says which are suggestions."""
        text = "1. all parties condemn terrorism.\n2. all parties agree.\n3. all parties expand agricultural trade."
        document = skeleton(text, suggest_themes=True)
        themes = [point["themes"] for point in document["points"]]
        assert themes[0] == ["security"]
        assert themes[1] == []
        assert "agriculture" in themes[2]
        assert document["notes"][-1] == (
            "The themes of points 1, 3 are suggestions from the theme vocabulary's keywords: check them."
        )

    def test_off_by_default(self) -> None:
        """Without suggest_themes, points have no themes and no note is added."""
        document = skeleton(SEED)
        assert all(point["themes"] == [] for point in document["points"])
        assert document["notes"] == [SKELETON_NOTE]

    def test_with_a_meeting_it_validates(self) -> None:
        """Suggested themes come from the vocabulary, so the document loads."""
        document = fill_new_source(skeleton(SEED, meeting=MEETING_2020, suggest_themes=True))
        meeting = from_dict(document, Meeting)
        assert any(point.themes for point in meeting.points)
        assert "suggestions" in meeting.notes[-1]


class TestSkeletonJson:
    def test_is_the_skeleton_in_to_json_formatting(self) -> None:
        """The text is json.dumps(skeleton, ensure_ascii=False, indent=2) and a newline."""
        expected = json.dumps(skeleton(SEED), ensure_ascii=False, indent=2) + "\n"
        assert skeleton_json(SEED) == expected

    def test_formatting_matches_to_json_of_the_completed_record(self) -> None:
        """Once filled in, the document is byte for byte the canonical JSON of its meeting."""
        document = fill(json.loads(skeleton_json(SEED)), FILLED)
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        assert to_json(from_json(text, Meeting)) == text

    def test_keeps_non_ascii_text(self) -> None:
        """Curly quotes and other non-ASCII text are written as is."""
        assert "each other’s choice" in skeleton_json(SEED)  # noqa: RUF001 - the seed's apostrophe

    def test_passes_the_source_title_on(self) -> None:
        """source_title reaches the JSON text."""
        assert '"title": "My title"' in skeleton_json(SEED, source_title="My title")
