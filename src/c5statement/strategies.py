"""Hypothesis strategies for every public class, to property-test code that uses them.

Every strategy generates valid objects only. Requires Hypothesis
(``pip install "c5statement[hypothesis]"``).

Example:
    >>> from hypothesis import given, settings
    >>> from c5statement import Meeting, from_json, to_json
    >>> from c5statement.strategies import meetings
    >>> @settings(max_examples=10)
    ... @given(meetings())
    ... def test_round_trip(meeting):
    ...     assert from_json(to_json(meeting), Meeting) == meeting
    >>> test_round_trip()
"""

from __future__ import annotations

import datetime
import functools
from typing import TYPE_CHECKING

import attrs

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a subprocess test
    msg = (
        "c5statement.strategies needs Hypothesis, which is not installed; "
        'install it with: pip install "c5statement[hypothesis]"'
    )
    raise ImportError(msg, name=error.name) from error

from ._chars import CONTROL_CHARACTERS
from ._check import PLACEHOLDER
from ._countries import COUNTRY_CODES
from ._model import (
    DECISION_KINDS,
    FORMATS,
    LANGUAGE_CODES,
    ROLES,
    Coding,
    ContextNote,
    Decision,
    Meeting,
    Participant,
    Point,
    Quote,
    Source,
    Topic,
)
from ._themes import THEMES, Theme

if TYPE_CHECKING:
    from ._compare import Lineage, Series
    from ._diff import FieldChange, PointChange, StatementDiff
    from ._edits import WordEdit

__all__ = [
    "codes",
    "codings",
    "context_notes",
    "decisions",
    "field_changes",
    "lineages",
    "meetings",
    "participants",
    "point_changes",
    "points",
    "quotes",
    "related_meetings",
    "series",
    "slugs",
    "sources",
    "statement_diffs",
    "texts",
    "theme_entries",
    "themes",
    "topics",
    "word_edits",
]

_WORDS = (
    "all",
    "parties",
    "will",
    "strengthen",
    "cooperation",
    "in",
    "trade",
    "energy",
    "and",
    "security",
    "support",
    "the",
    "development",
    "of",
    "Central",
    "Asia",
    "China",
    "regional",
    "peace",
    "stability",
    "connectivity",
    "agree",
    "to",
    "expand",
    "jointly",
    "oppose",
    "interference",
    "digital",
    "economy",
    "health",
    "exchanges",
    "<b>",
    "&amp;",
    "“quoted”",
    "Қазақстан",
    "中国",
    "O\u02bbzbekiston",
    "naïve",
    "—",
    "e\u0301",
)


@functools.cache
def texts(*, max_size: int = 200) -> st.SearchStrategy[str]:
    """Non-blank texts: arbitrary Unicode (no lone surrogates) or sentences of words.

    Example:
        >>> from hypothesis import find
        >>> from hypothesis import given
        >>> @given(texts())
        ... def test(text):
        ...     assert text.strip()
        >>> test()
    """
    arbitrary = st.text(
        st.characters(codec="utf-8", exclude_characters=CONTROL_CHARACTERS), min_size=1, max_size=max_size
    )
    sentences = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=max(1, max_size // 6)).map(
        lambda words: " ".join(words) + "."
    )
    return st.one_of(sentences, arbitrary).filter(lambda text: bool(text.strip()) and not text.startswith(PLACEHOLDER))


@functools.cache
def slugs() -> st.SearchStrategy[str]:
    """Lowercase slugs such as ``belt-and-road``.

    Example:
        >>> from hypothesis import find
        >>> find(slugs(), lambda slug: "-" in slug)
        '0-0'
    """
    part = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
    return st.lists(part, min_size=1, max_size=3).map("-".join)


@functools.cache
def themes() -> st.SearchStrategy[frozenset[str]]:
    """Sets of theme slugs, mostly from the packaged vocabulary, sometimes users' own.

    Example:
        >>> from hypothesis import find
        >>> isinstance(find(themes(), lambda found: True), frozenset)
        True
    """
    return st.frozensets(st.one_of(st.sampled_from(sorted(THEMES)), slugs()), max_size=4)


_dates = st.dates(min_value=datetime.date(1991, 1, 1), max_value=datetime.date(2100, 12, 31))


@functools.cache
def _optional_text() -> st.SearchStrategy[str | None]:
    return st.none() | texts(max_size=60)


def sources(source_id: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Source]:
    """Sources, with ids drawn from *source_id* (by default any slug).

    Example:
        >>> from hypothesis import find
        >>> isinstance(find(sources(), lambda found: True), Source)
        True
    """
    return st.builds(
        Source,
        id=source_id if source_id is not None else slugs(),
        publisher=texts(max_size=40),
        title=texts(max_size=80),
        url=st.none() | slugs().map(lambda slug: f"https://example.org/{slug}"),
        author=_optional_text(),
        date=st.none() | _dates,
        note=_optional_text(),
    )


@functools.cache
def _citations(source_ids: tuple[str, ...]) -> st.SearchStrategy[tuple[str, ...]]:
    if not source_ids:
        return st.just(())
    return st.lists(st.sampled_from(source_ids), unique=True, max_size=2).map(tuple)


def participants(
    country: st.SearchStrategy[str] | None = None, source_ids: tuple[str, ...] = ()
) -> st.SearchStrategy[Participant]:
    """Participants (never the chair), citing only *source_ids*.

    Example:
        >>> from hypothesis import find
        >>> len(find(participants(), lambda found: True).country)
        2
    """
    return st.builds(
        Participant,
        country=country if country is not None else st.sampled_from(sorted(COUNTRY_CODES)),
        person=texts(max_size=40),
        title=texts(max_size=40),
        role=st.sampled_from([role for role in ROLES if role != Meeting.CHAIR_ROLE]),
        aliases=st.lists(texts(max_size=40), max_size=2).map(tuple),
        sources=_citations(source_ids),
        note=_optional_text(),
        person_id=st.none() | slugs(),
        wikidata=st.none() | st.integers(min_value=1, max_value=10**9).map(lambda number: f"Q{number}"),
    )


@functools.cache
def topics(source_ids: tuple[str, ...] = ()) -> st.SearchStrategy[Topic]:
    """Agenda topics, citing only *source_ids*.

    Example:
        >>> from hypothesis import find
        >>> isinstance(find(topics(), lambda found: True), Topic)
        True
    """
    return st.builds(Topic, text=texts(max_size=80), themes=themes(), sources=_citations(source_ids))


@functools.cache
def decisions(source_ids: tuple[str, ...] = ()) -> st.SearchStrategy[Decision]:
    """Decisions, citing only *source_ids*.

    Example:
        >>> from hypothesis import find
        >>> isinstance(find(decisions(), lambda found: True), Decision)
        True
    """
    return st.builds(
        Decision,
        text=texts(max_size=120),
        sources=_citations(source_ids),
        note=_optional_text(),
        kind=st.sampled_from(DECISION_KINDS),
    )


@functools.cache
def codes() -> st.SearchStrategy[frozenset[str]]:
    """Sets of codes of a user's scheme: slugs, dotted (``19.1``) and underscored (``per103_1``) codes.

    Example:
        >>> from hypothesis import find
        >>> "." in next(iter(find(codes(), lambda found: any("." in code for code in found))))
        True
    """
    digits = st.integers(min_value=0, max_value=999).map(str)
    dotted = st.tuples(digits, digits).map(".".join)
    underscored = st.tuples(st.sampled_from(("per", "cap", "v")), digits, digits).map(lambda t: f"{t[0]}{t[1]}_{t[2]}")
    return st.frozensets(st.one_of(dotted, underscored, st.sampled_from(sorted(THEMES))), max_size=3)


@functools.cache
def codings() -> st.SearchStrategy[Coding]:
    """Codings of a point in a user's scheme or by a second coder.

    Example:
        >>> from hypothesis import find
        >>> find(codings(), lambda coding: coding.coder is not None).coder is not None
        True
    """
    coders = st.sampled_from(("reader-a", "reader-b", "Ana Pérez"))
    return st.one_of(
        st.builds(
            Coding,
            scheme=st.sampled_from(("cap", "manifesto")) | slugs().filter(lambda slug: slug != "themes"),
            codes=codes(),
            coder=st.none() | coders,
            suggested=st.booleans(),
        ),
        st.builds(Coding, scheme=st.just("themes"), codes=themes(), coder=coders, suggested=st.booleans()),
    )


_CITIES = st.sampled_from((None, "Xi'an", "Astana", "Almaty", "Chengdu", "Samarkand", "Қарағанды", "O\u02bbsh"))

_CONCEPT_IDS = ("health", "security", "counter-terrorism", "trade", "connectivity", "my-concept")

# Four-part meeting ids, which slugs() (at most three parts) never draws as a meeting's own id.
_POINT_REFS = st.tuples(slugs(), st.integers(min_value=1, max_value=40)).map(
    lambda ref: f"earlier-meeting-{ref[0].replace('-', '')}-x#{ref[1]}"
)


def points(
    number: st.SearchStrategy[int] | None = None, source_ids: tuple[str, ...] = (), *, max_text: int = 300
) -> st.SearchStrategy[Point]:
    """Consensus points, citing only *source_ids*.

    Example:
        >>> from hypothesis import find
        >>> find(points(), lambda point: point.number > 5).number
        6
    """
    return st.builds(
        Point,
        number=number if number is not None else st.integers(min_value=1, max_value=10_000),
        text=texts(max_size=max_text),
        themes=themes(),
        sources=_citations(source_ids),
        verbatim=st.booleans(),
        concepts=st.just(()) | st.lists(st.sampled_from(_CONCEPT_IDS), unique=True, max_size=3).map(tuple),
        continues=st.just(()) | st.lists(_POINT_REFS, unique=True, min_size=1, max_size=2).map(tuple),
        coding=st.sampled_from((None, "coded", "suggested")),
        codings=st.just(()) | st.tuples(codings()),
    )


@functools.cache
def quotes(source_ids: tuple[str, ...] = ()) -> st.SearchStrategy[Quote]:
    """Quotes, citing only *source_ids*.

    Example:
        >>> from hypothesis import find
        >>> isinstance(find(quotes(), lambda found: True), Quote)
        True
    """
    return st.builds(
        Quote,
        speaker=texts(max_size=40),
        text=texts(max_size=200),
        speaker_title=_optional_text(),
        occasion=_optional_text(),
        date=st.none() | _dates,
        sources=_citations(source_ids),
        note=_optional_text(),
    )


@functools.cache
def context_notes(source_ids: tuple[str, ...] = ()) -> st.SearchStrategy[ContextNote]:
    """Context notes, citing only *source_ids*.

    Example:
        >>> from hypothesis import find
        >>> isinstance(find(context_notes(), lambda found: True), ContextNote)
        True
    """
    return st.builds(
        ContextNote,
        text=texts(max_size=200),
        year=st.none() | st.integers(min_value=-3000, max_value=2100),
        sources=_citations(source_ids),
        note=_optional_text(),
    )


@functools.cache
def _any_points(source_ids: tuple[str, ...], max_text: int) -> st.SearchStrategy[Point]:
    return points(None, source_ids, max_text=max_text)


@functools.cache
def _any_participants(source_ids: tuple[str, ...]) -> st.SearchStrategy[Participant]:
    return participants(None, source_ids)


_SOURCE_LISTS = st.lists(sources(), max_size=3, unique_by=lambda source: source.id)


@st.composite
def _point_tuples(draw: st.DrawFn, source_ids: tuple[str, ...], max_points: int, max_text: int) -> tuple[Point, ...]:
    drawn = draw(st.lists(_any_points(source_ids, max_text), max_size=max_points))
    gaps = draw(st.lists(st.integers(min_value=1, max_value=3), min_size=len(drawn), max_size=len(drawn)))
    numbered, current = [], 0
    for point, gap in zip(drawn, gaps, strict=True):
        current += gap
        numbered.append(attrs.evolve(point, number=current))
    return tuple(numbered)


@st.composite
def meetings(draw: st.DrawFn, *, max_points: int = 12, max_text: int = 300) -> Meeting:
    """Complete, valid meetings whose citations all resolve.

    Args:
        draw: Supplied by Hypothesis.
        max_points: The most consensus points a meeting gets.
        max_text: The longest point text.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=5)
        ... @given(meetings(max_points=3))
        ... def test(meeting):
        ...     assert len(meeting.points) <= 3
        >>> test()
    """
    source_list = draw(_SOURCE_LISTS)
    source_ids = tuple(source.id for source in source_list)
    people = draw(
        st.lists(
            _any_participants(source_ids),
            max_size=6,
            unique_by=(lambda person: person.country, lambda person: person.person_id or f"#{person.country}"),
        )
    )
    with_chair = draw(st.booleans())
    if people and with_chair:
        chair_at = draw(st.integers(min_value=0, max_value=len(people) - 1))
        people[chair_at] = attrs.evolve(people[chair_at], role="chair")
    meeting_id = draw(slugs())
    point_tuple = draw(_point_tuples(source_ids, max_points, max_text))
    point_tuple = tuple(
        attrs.evolve(point, continues=tuple(ref for ref in point.continues if ref.split("#")[0] != meeting_id))
        for point in point_tuple
    )
    meeting_format = draw(st.sampled_from(sorted(FORMATS)))
    complete = draw(st.booleans())
    highest = point_tuple[-1].number if point_tuple else 0
    total = draw(st.none() | st.integers(min_value=max(highest, 1), max_value=highest + 20))
    return Meeting(
        id=meeting_id,
        title=draw(texts(max_size=80)),
        level=draw(st.sampled_from(("foreign-ministers", "summit", "deputy-ministers")) | slugs()),
        date=draw(_dates),
        format=meeting_format,
        venue=draw(_optional_text()),
        city=None if meeting_format == "video" else draw(_CITIES),
        host_country=draw(st.none() | st.sampled_from(("CN", "KZ", "KG", "TJ", "TM", "UZ", "US"))),
        points_complete=complete,
        points_total=total,
        points_note=None if complete else draw(_optional_text()),
        participants=tuple(people),
        topics=tuple(draw(st.lists(topics(source_ids), max_size=4))),
        decisions=tuple(draw(st.lists(decisions(source_ids), max_size=3))),
        points=point_tuple,
        quotes=tuple(draw(st.lists(quotes(source_ids), max_size=2))),
        context=tuple(draw(st.lists(context_notes(source_ids), max_size=2))),
        summary=draw(_optional_text()),
        summary_sources=draw(_citations(source_ids)),
        notes=tuple(draw(st.lists(texts(max_size=80), max_size=2))),
        sources=tuple(source_list),
        fact_sources=draw(_citations(source_ids)),
        illustrative=draw(st.booleans()),
        language=draw(st.none() | st.sampled_from(LANGUAGE_CODES)),
    )


@st.composite
def related_meetings(draw: st.DrawFn, *, max_points: int = 8) -> tuple[Meeting, Meeting]:
    """Pairs of meetings where the second is a later version of the first.

    Points of the first are kept, dropped, reordered and reworded, new points are
    added, and a few facts change: the kind of pair that :func:`c5statement.diff`
    is made for.

    Args:
        draw: Supplied by Hypothesis.
        max_points: The most consensus points each meeting gets.

    Example:
        >>> from hypothesis import given, settings
        >>> from c5statement import diff
        >>> @settings(max_examples=5)
        ... @given(related_meetings())
        ... def test_apply(pair):
        ...     old, new = pair
        ...     assert diff(old, new).apply(old) == new
        >>> test_apply()
    """
    old = draw(meetings(max_points=max_points, max_text=120))
    kept = draw(st.lists(st.sampled_from(old.points), unique=True, max_size=len(old.points))) if old.points else []
    texts_of = texts(max_size=120)
    changed: list[Point] = []
    for point in kept:
        if draw(st.integers(min_value=0, max_value=3)) == 0:
            point = attrs.evolve(point, text=f"{point.text} {draw(texts_of)}")  # noqa: PLW2901 - reworded copy
        changed.append(point)
    added = draw(st.lists(_any_points(tuple(s.id for s in old.sources), 120), max_size=3))
    changed += [
        attrs.evolve(point, continues=tuple(ref for ref in point.continues if ref.split("#")[0] != old.id))
        for point in added
    ]
    renumbered = tuple(attrs.evolve(point, number=number) for number, point in enumerate(changed, start=1))
    new = attrs.evolve(
        old,
        points=renumbered,
        points_total=draw(st.one_of(st.none(), st.just(len(renumbered) or None))),
        date=draw(st.one_of(st.just(old.date), _dates)),
        venue=draw(st.one_of(st.just(old.venue), _optional_text())),
        participants=old.participants[: draw(st.integers(min_value=0, max_value=len(old.participants)))],
    )
    return old, new


def statement_diffs(*, max_points: int = 8) -> st.SearchStrategy[StatementDiff]:
    """Diffs of related meetings, of unrelated ones and of a meeting with itself.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=5)
        ... @given(statement_diffs())
        ... def test_points_in_bounds(changes):
        ...     assert all(0 <= change.similarity <= 1 for change in changes.points)
        >>> test_points_in_bounds()
    """
    from ._diff import diff

    some = meetings(max_points=max_points, max_text=120)
    return st.one_of(
        related_meetings(max_points=max_points).map(lambda pair: diff(*pair)),
        st.builds(diff, some, some),
        some.map(lambda meeting: diff(meeting, meeting)),
    )


def point_changes(*, max_points: int = 8) -> st.SearchStrategy[PointChange]:
    """The point changes of generated diffs.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=5)
        ... @given(point_changes())
        ... def test_sides(change):
        ...     assert change.old is not None or change.new is not None
        >>> test_sides()
    """
    return (
        statement_diffs(max_points=max_points)
        .filter(lambda found: bool(found.points))
        .flatmap(lambda found: st.sampled_from(found.points))
    )


def field_changes(*, max_points: int = 4) -> st.SearchStrategy[FieldChange]:
    """The field changes of diffs between related meetings.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=5)
        ... @given(field_changes())
        ... def test_path(change):
        ...     assert change.path.startswith("$")
        >>> test_path()
    """
    from ._diff import diff

    pairs = meetings(max_points=max_points, max_text=60)
    return (
        st.builds(diff, pairs, pairs)
        .filter(lambda found: bool(found.fields))
        .flatmap(lambda found: st.sampled_from(found.fields))
    )


def word_edits() -> st.SearchStrategy[WordEdit]:
    """Word-level edits between two generated texts of one point.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=5)
        ... @given(word_edits())
        ... def test_op(edit):
        ...     assert edit.op in {"insert", "delete", "replace"}
        >>> test_op()
    """
    from ._diff import PointChange

    def edits_of(before: str, after: str) -> tuple[WordEdit, ...]:
        kind = "unchanged" if before == after else "edited"
        return PointChange(kind, Point(number=1, text=before), Point(number=1, text=after), 0.5).edits

    return st.builds(edits_of, texts(max_size=80), texts(max_size=80)).filter(bool).flatmap(st.sampled_from)


def series(*, max_statements: int = 3, max_points: int = 5) -> st.SearchStrategy[Series]:
    """Series views over lists of generated meetings.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(series())
        ... def test_square(found):
        ...     assert len(found.similarity) == len(found.statements)
        >>> test_square()
    """
    from ._compare import compare

    return st.lists(meetings(max_points=max_points, max_text=80), min_size=1, max_size=max_statements).map(compare)


def lineages(*, max_statements: int = 3, max_points: int = 5) -> st.SearchStrategy[Lineage]:
    """The point lineages of generated series.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(lineages())
        ... def test_some_point(lineage):
        ...     assert any(point is not None for point in lineage.points)
        >>> test_some_point()
    """
    return (
        series(max_statements=max_statements, max_points=max_points)
        .filter(lambda found: bool(found.lineages))
        .flatmap(lambda found: st.sampled_from(found.lineages))
    )


def theme_entries() -> st.SearchStrategy[Theme]:
    """Vocabulary entries, as a user would add for their own slugs.

    Example:
        >>> from hypothesis import find
        >>> from c5statement._slugs import is_slug
        >>> is_slug(find(theme_entries(), lambda found: True).slug)
        True
    """
    return st.builds(
        Theme,
        slug=slugs(),
        label=texts(max_size=40),
        description=texts(max_size=120),
        keywords=st.lists(slugs().map(lambda slug: slug.replace("-", " ")), max_size=4).map(tuple),
    )
