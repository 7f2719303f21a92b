"""The later meetings' content: summaries of their main documents, their coding and their lineage links."""

from __future__ import annotations

import re

import pytest

from c5statement import MEETING_2020, MEETINGS, THEMES, Meeting, Point, compare, default_lexicon, meeting

LATER = MEETINGS[1:]
REFERENCE = re.compile(r"^(?P<meeting>[a-z0-9-]+)#(?P<number>[1-9][0-9]*)$")
UNREAD = "cc5-summit-2022-video"  # no copy of its joint statement could be found


def _target(reference: str) -> tuple[Meeting, Point]:
    """The meeting and point a ``"meeting-id#number"`` reference names."""
    match = REFERENCE.match(reference)
    assert match, reference
    return meeting(match["meeting"]), meeting(match["meeting"]).point(int(match["number"]))


def _descendants(start: str) -> set[str]:
    """Every later point that continues *start*, directly or through other points."""
    children: dict[str, set[str]] = {}
    for found in MEETINGS:
        for point in found.points:
            for reference in point.continues:
                children.setdefault(reference, set()).add(f"{found.id}#{point.number}")
    seen: set[str] = set()
    todo = [start]
    while todo:
        for child in children.get(todo.pop(), set()) - seen:
            seen.add(child)
            todo.append(child)
    return seen


@pytest.mark.parametrize("found", LATER, ids=lambda m: m.id)
def test_every_later_meeting_has_content(found: Meeting) -> None:
    """Points where any of the main document was read; the one unread statement has topics and says why."""
    if found.id == UNREAD:
        assert found.points == ()
        assert found.topics
        assert found.points_note is not None
        assert "could not be found" in found.points_note
    else:
        assert found.points
    assert found.themes


@pytest.mark.parametrize("found", LATER, ids=lambda m: m.id)
def test_reading_state_is_stated(found: Meeting) -> None:
    """How much was read is said; a partial reading is never called complete."""
    assert found.points_note
    numbers = [point.number for point in found.points]
    assert numbers == list(range(1, len(numbers) + 1))  # read from the top, none skipped
    if found.points_complete:
        assert found.points_total == len(found.points)
    else:
        assert found.points_total is None or found.points_total > len(found.points)


def test_complete_and_partial_readings() -> None:
    """Only the 2021 consensus was read whole; the 2022 ten points are known to be ten."""
    complete = {m.id for m in LATER if m.points_complete}
    assert complete == {"cc5-fmm-2021"}
    assert meeting("cc5-fmm-2021").points_total == 8
    assert meeting("cc5-fmm-2022").points_total == 10


@pytest.mark.parametrize("found", LATER, ids=lambda m: m.id)
def test_later_points_are_summaries(found: Meeting) -> None:
    """Every later point is the record's summary; the 2020 points are the published text."""
    assert all(not point.verbatim for point in found.points)
    assert all(point.verbatim for point in MEETING_2020.points)


@pytest.mark.parametrize("found", LATER, ids=lambda m: m.id)
def test_points_are_coded_in_the_vocabularies(found: Meeting) -> None:
    """Each point has themes of the packaged vocabulary and concepts of the default lexicon."""
    lexicon = default_lexicon()
    for point in found.points:
        assert point.coded
        assert point.themes <= set(THEMES)
        assert point.concepts
        for concept in point.concepts:
            lexicon.concept(concept)  # raises if unknown


@pytest.mark.parametrize("found", LATER, ids=lambda m: m.id)
def test_continues_resolve_to_earlier_points(found: Meeting) -> None:
    """Every link names an existing point of a meeting held before this one."""
    for point in found.points:
        for reference in point.continues:
            earlier, target = _target(reference)
            assert earlier.date < found.date, reference
            assert target.number == int(reference.rsplit("#", 1)[1])


@pytest.mark.parametrize("found", LATER, ids=lambda m: m.id)
def test_point_sources_resolve(found: Meeting) -> None:
    """Each point cites at least one source of its record, with an address."""
    for point in found.points:
        assert point.sources
        for source_id in point.sources:
            assert found.source(source_id).url


@pytest.mark.parametrize("number", range(1, 10))
def test_each_2020_point_has_a_lineage(number: int) -> None:
    """Every one of the nine 2020 points is carried on by at least one later point."""
    assert _descendants(f"cc5-fmm-2020#{number}")


@pytest.mark.parametrize("number", range(1, 10))
def test_the_package_follows_each_2020_point(number: int) -> None:
    """MEETINGS.continuations() finds, from the package alone, the same lineage as the links read here."""
    reference = f"cc5-fmm-2020#{number}"
    found = {f"{meeting_id}#{point.number}" for meeting_id, point in MEETINGS.continuations(reference)}
    assert found == _descendants(reference)
    assert all(MEETINGS.point(ref) is not None for ref in found)


def test_the_first_point_reaches_the_xian_declaration() -> None:
    """Respect for chosen development paths runs from 2020 through 2021, 2022 and 2023 to the Xi'an Declaration."""
    lineage = _descendants("cc5-fmm-2020#1")
    assert {"cc5-fmm-2021#1", "cc5-fmm-2022#1", "cc5-fmm-2023#2", "cc5-summit-2023#3"} <= lineage


def test_the_mechanism_thread_runs_to_astana() -> None:
    """The 2021 point on the ministers' mechanism leads to the summits and to the 2025 declaration."""
    lineage = _descendants("cc5-fmm-2021#8")
    assert {"cc5-summit-2023#2", "cc5-fmm-2024#2", "cc5-fmm-2025#2"} <= lineage
    assert "cc5-summit-2025#1" in _descendants("cc5-fmm-2024#1")


def test_agriculture_and_high_tech_return_in_2023() -> None:
    """The 2020 points on farming and on high tech are taken up again by Qin Gang's third point."""
    assert _descendants("cc5-fmm-2020#5") == {"cc5-fmm-2023#3"}
    assert _descendants("cc5-fmm-2020#6") == {"cc5-fmm-2023#3"}


def test_compare_gives_every_meeting_themes() -> None:
    """The theme timeline of all nine meetings has at least one theme in every column."""
    matrix = compare(MEETINGS).theme_matrix
    for column in range(len(MEETINGS)):
        assert any(present[column] for present in matrix.values()), MEETINGS[column].id


@pytest.mark.parametrize("found", [m for m in LATER if m.points], ids=lambda m: m.id)
def test_views_label_summaries(found: Meeting) -> None:
    """Text, Markdown and HTML mark every summary point; the verbatim 2020 points carry no mark."""
    text = found.to_text(color=False)
    markdown = found.to_markdown()
    html = found.to_html()
    for point in found.points:
        assert f"{point.number}. (summary) " in text
        assert f"{point.number}. (summary) " in markdown
        assert f'<li value="{point.number}">(summary) ' in html
        assert "(summary)" in point.to_text(color=False)
        assert "(summary)" in point.to_html()
    for view in (MEETING_2020.to_text(color=False), MEETING_2020.to_markdown(), MEETING_2020.to_html()):
        assert "(summary)" not in view
