"""The data model: frozen, slotted attrs classes that validate themselves.

Every collection is a ``tuple`` or a ``frozenset``, so nothing reachable from an
instance can change. All checks run at construction and every problem found is
reported at once in one :class:`InvalidStatementError`, with paths relative to
the object being built (``$.points[2].text``).
"""

from __future__ import annotations

import datetime
from typing import Any, ClassVar, TypeVar

import attrs

from ._chars import TEXT_CONTROLS
from ._check import URL_PATTERN, Checker, Validated, rule
from ._countries import COUNTRY_CODES
from ._display import Views
from ._json import MAX_INTEGER
from ._ordinals import ordinal_word
from ._slugs import SLUG_PATTERN

T = TypeVar("T")

__all__ = [
    "FORMATS",
    "ContextNote",
    "Decision",
    "Meeting",
    "Participant",
    "Point",
    "Quote",
    "Source",
    "Topic",
]

FORMATS: frozenset[str] = frozenset({"in-person", "video", "hybrid"})
"""The allowed values of :attr:`Meeting.format`."""

# Each field's rule, named once: the check run on construction and the JSON Schema
# constraints that say the same to other languages (read by ``_schema.py``).
_TEXT_PATTERN = rf"^(?=[\s\S]*\S)[^{TEXT_CONTROLS}]*(?![\s\S])"
_TEXT = rule(Checker.text, schema={"minLength": 1, "pattern": _TEXT_PATTERN})
_SLUG = rule(Checker.slug, schema={"pattern": SLUG_PATTERN})
_POSITIVE = rule(Checker.positive, schema={"minimum": 1, "maximum": MAX_INTEGER})
_YEAR = rule(Checker.integer, schema={"minimum": -MAX_INTEGER, "maximum": MAX_INTEGER})
_COUNTRY = rule(Checker.country, schema={"enum": sorted(COUNTRY_CODES)})
_URL = rule(Checker.url, schema={"pattern": URL_PATTERN})
_FORMAT = rule(Checker.one_of, FORMATS, schema={"enum": sorted(FORMATS)})
_SOURCE_IDS = rule(Checker.source_ids, schema={"items": {"pattern": SLUG_PATTERN}, "uniqueItems": True})
_THEMES = rule(Checker.themes, schema={"items": {"pattern": SLUG_PATTERN}, "uniqueItems": True})
_TEXTS = rule(Checker.texts, schema={"items": {"minLength": 1, "pattern": _TEXT_PATTERN}})
_DATE = rule(Checker.date)
_BOOLEAN = rule(Checker.boolean)


def _objects(cls: type) -> dict[str, Any]:
    return rule(Checker.objects, cls)


def _find(items: tuple[T, ...], key: str, value: object) -> T:
    """The first of *items* whose attribute *key* is *value*; :class:`KeyError` if none is."""
    found = next((item for item in items if getattr(item, key) == value), None)
    if found is None:
        raise KeyError(value)
    return found


def _typed(path: str, items: object, cls: type[T]) -> list[tuple[str, T]]:
    """The items of a tuple that have the type *cls*, with their paths (the fields' rules report the others)."""
    if not isinstance(items, tuple):
        return []
    return [(f"{path}[{index}]", item) for index, item in enumerate(items) if isinstance(item, cls)]


@attrs.frozen
class Source(Validated):
    """A publication that facts are taken from; other objects cite it by :attr:`id`.

    Attributes:
        id: A slug that citations use, unique within a meeting.
        publisher: Who published it (a ministry, a news agency).
        title: The publication's title.
        url: Where it can be read.
        author: The author, if named.
        date: The publication date.
        note: Caveats about what the source says or how it is used.

    Example:
        >>> import datetime
        >>> Source(id="mfa", publisher="Ministry of Foreign Affairs", title="Press release",
        ...        date=datetime.date(2020, 7, 17)).id
        'mfa'
    """

    id: str = attrs.field(metadata=_SLUG)
    publisher: str = attrs.field(metadata=_TEXT)
    title: str = attrs.field(metadata=_TEXT)
    url: str | None = attrs.field(default=None, metadata=_URL)
    author: str | None = attrs.field(default=None, metadata=_TEXT)
    date: datetime.date | None = attrs.field(default=None, metadata=_DATE)
    note: str | None = attrs.field(default=None, metadata=_TEXT)


@attrs.frozen
class Participant(Validated):
    """A party to a meeting, represented by the head of its delegation.

    Attributes:
        country: ISO 3166-1 alpha-2 code (``"KZ"``); ``"EU"`` is accepted for the
            European Union.
        person: The head of delegation's name, as the cited source spells it.
        title: Their title as reported.
        role: ``"chair"`` for the chair of the meeting, otherwise a free
            description (default ``"head of delegation"``).
        aliases: Other spellings of :attr:`person` found in other sources.
        sources: Ids of the sources this comes from.
        note: Caveats.

    Example:
        >>> Participant(country="KZ", person="Mukhtar Tleuberdi", title="Foreign Minister").role
        'head of delegation'
    """

    country: str = attrs.field(metadata=_COUNTRY)
    person: str = attrs.field(metadata=_TEXT)
    title: str = attrs.field(metadata=_TEXT)
    role: str = attrs.field(default="head of delegation", metadata=_TEXT)
    aliases: tuple[str, ...] = attrs.field(default=(), metadata=_TEXTS)
    sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)
    note: str | None = attrs.field(default=None, metadata=_TEXT)


@attrs.frozen
class Topic(Validated):
    """An agenda topic of a meeting.

    Example:
        >>> Topic(text="maintaining regional security", themes=frozenset({"security"})).text
        'maintaining regional security'
    """

    text: str = attrs.field(metadata=_TEXT)
    themes: frozenset[str] = attrs.field(default=frozenset(), metadata=_THEMES)
    sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)


@attrs.frozen
class Decision(Validated):
    """Something the meeting decided or adopted, worded as the source words it.

    Example:
        >>> Decision(text="adopted a joint statement").text
        'adopted a joint statement'
    """

    text: str = attrs.field(metadata=_TEXT)
    sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)
    note: str | None = attrs.field(default=None, metadata=_TEXT)


@attrs.frozen
class Point(Validated, Views):
    """A numbered consensus point.

    Attributes:
        number: The point's number in its statement (positive).
        text: The text without its enumerator: ``"the development, ..."``, not
            ``"First, the development, ..."``.
        themes: Theme slugs (see :data:`c5statement.THEMES`; other slugs are allowed).
        sources: Ids of the sources this comes from.

    Example:
        >>> point = Point(number=1, text="all parties condemn terrorism.")
        >>> point.themes
        frozenset()
        >>> point.paragraph()
        'First, all parties condemn terrorism.'
    """

    number: int = attrs.field(metadata=_POSITIVE)
    text: str = attrs.field(metadata=_TEXT)
    themes: frozenset[str] = attrs.field(default=frozenset(), metadata=_THEMES)
    sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)

    def paragraph(self) -> str:
        """Return the point as an enumerated paragraph: ``"First, " + text``.

        Raises:
            ValueError: If :attr:`number` is above 30, which has no ordinal word here.

        Example:
            >>> Point(number=2, text="all parties agree.").paragraph()
            'Second, all parties agree.'
        """
        return f"{ordinal_word(self.number)}, {self.text}"


@attrs.frozen
class Quote(Validated):
    """Words attributed to a person.

    Attributes:
        speaker: Who said it.
        text: The words, without quotation marks.
        speaker_title: The speaker's function as the source gives it.
        occasion: Where or when it was said, as reported.
        date: The date it was said, if known.
        sources: Ids of the sources this comes from.
        note: Caveats (for example an unconfirmed date).

    Example:
        >>> Quote(speaker="Hua Chunying", text="It does not target any third party.").speaker
        'Hua Chunying'
    """

    speaker: str = attrs.field(metadata=_TEXT)
    text: str = attrs.field(metadata=_TEXT)
    speaker_title: str | None = attrs.field(default=None, metadata=_TEXT)
    occasion: str | None = attrs.field(default=None, metadata=_TEXT)
    date: datetime.date | None = attrs.field(default=None, metadata=_DATE)
    sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)
    note: str | None = attrs.field(default=None, metadata=_TEXT)


@attrs.frozen
class ContextNote(Validated):
    """A piece of historical or political context given with the statement.

    Attributes:
        text: The context as the source words it.
        year: The year it refers to, where one can be derived (negative for BCE).
        sources: Ids of the sources this comes from.
        note: How :attr:`year` was derived, or other caveats.

    Example:
        >>> ContextNote(text="Relations were established in 1992.", year=1992).year
        1992
    """

    text: str = attrs.field(metadata=_TEXT)
    year: int | None = attrs.field(default=None, metadata=_YEAR)
    sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)
    note: str | None = attrs.field(default=None, metadata=_TEXT)


@attrs.frozen
class Meeting(Validated, Views):
    """A meeting and the statement it produced.

    Attributes:
        id: A slug naming the meeting (``"cc5-fmm-2020"``).
        title: The meeting's title.
        level: A slug for its level: ``"foreign-ministers"``, ``"summit"``, ...
        date: The (first) day of the meeting.
        format: ``"in-person"``, ``"video"`` or ``"hybrid"``.
        venue: Where it took place (``None`` for a video meeting with no host city).
        participants: One per party, unique by country; at most one has
            ``role == "chair"``.
        topics: The agenda topics.
        decisions: What the meeting decided or adopted.
        points: The numbered consensus points, numbers unique and ascending.
        quotes: Quotes reported with the statement.
        context: Historical or political context.
        summary: A one-paragraph summary, as the cited source words it.
        summary_sources: Ids of the sources of :attr:`summary`.
        notes: Caveats about the record as a whole.
        sources: Every source cited anywhere in the record.
        fact_sources: Ids of the sources for the meeting's own facts (title,
            level, date, format, venue).
        illustrative: ``True`` for a made-up record (examples, tests), which must
            not be mistaken for an official text.

    Every source id cited anywhere in the record must be one of :attr:`sources`.

    Example:
        >>> import datetime
        >>> meeting = Meeting(id="demo", title="Demo", level="foreign-ministers",
        ...                   date=datetime.date(2021, 5, 12), format="in-person",
        ...                   points=(Point(1, "all parties agree."),), illustrative=True)
        >>> len(meeting.points), meeting.chair
        (1, None)
    """

    id: str = attrs.field(metadata=_SLUG)
    title: str = attrs.field(metadata=_TEXT)
    level: str = attrs.field(metadata=_SLUG)
    date: datetime.date = attrs.field(metadata=_DATE)
    format: str = attrs.field(metadata=_FORMAT)
    venue: str | None = attrs.field(default=None, metadata=_TEXT)
    participants: tuple[Participant, ...] = attrs.field(default=(), metadata=_objects(Participant))
    topics: tuple[Topic, ...] = attrs.field(default=(), metadata=_objects(Topic))
    decisions: tuple[Decision, ...] = attrs.field(default=(), metadata=_objects(Decision))
    points: tuple[Point, ...] = attrs.field(default=(), metadata=_objects(Point))
    quotes: tuple[Quote, ...] = attrs.field(default=(), metadata=_objects(Quote))
    context: tuple[ContextNote, ...] = attrs.field(default=(), metadata=_objects(ContextNote))
    summary: str | None = attrs.field(default=None, metadata=_TEXT)
    summary_sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)
    notes: tuple[str, ...] = attrs.field(default=(), metadata=_TEXTS)
    sources: tuple[Source, ...] = attrs.field(default=(), metadata=_objects(Source))
    fact_sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)
    illustrative: bool = attrs.field(default=False, metadata=_BOOLEAN)

    CHAIR_ROLE: ClassVar[str] = "chair"

    def _check(self, check: Checker) -> None:
        """The rules across fields and items: unique countries, one chair, ascending numbers, citations that resolve."""
        participants = _typed("$.participants", self.participants, Participant)
        seen_countries: dict[str, str] = {}
        chairs = []
        for path, participant in participants:
            if participant.country in seen_countries:
                where = seen_countries[participant.country]
                check.invalid(f"{path}.country", f"{participant.country} already appears at {where}")
            seen_countries.setdefault(participant.country, path)
            if participant.role == self.CHAIR_ROLE:
                chairs.append(path)
        if len(chairs) > 1:
            check.invalid("$.participants", f"more than one chair: {', '.join(chairs)}")

        points = _typed("$.points", self.points, Point)
        previous = 0
        for path, point in points:
            if point.number <= previous:
                reason = f"point numbers must be unique and ascending: {point.number} follows {previous}"
                check.invalid(f"{path}.number", reason)
            previous = point.number

        known: dict[str, str] = {}
        for path, source in _typed("$.sources", self.sources, Source):
            if source.id in known:
                check.invalid(f"{path}.id", f"source id {source.id!r} already used at {known[source.id]}")
            known.setdefault(source.id, path)
        if check.cross_field:
            self._check_citations(check, known, participants, points)

    def _check_citations(
        self, check: Checker, known: dict[str, str], participants: list[tuple[str, Any]], points: list[tuple[str, Any]]
    ) -> None:
        """Every source id cited anywhere is one of the meeting's sources."""
        # (path of the citing object, name of its field of source ids, the object)
        cited: list[tuple[str, str, Any]] = [("$", "fact_sources", self), ("$", "summary_sources", self)]
        cited += [(path, "sources", item) for path, item in _typed("$.topics", self.topics, Topic)]
        cited += [(path, "sources", item) for path, item in _typed("$.decisions", self.decisions, Decision)]
        cited += [(path, "sources", item) for path, item in points]
        cited += [(path, "sources", item) for path, item in _typed("$.quotes", self.quotes, Quote)]
        cited += [(path, "sources", item) for path, item in _typed("$.context", self.context, ContextNote)]
        cited += [(path, "sources", item) for path, item in participants]
        choices = ", ".join(sorted(known)) or "none are defined"
        for path, field, item in cited:
            for index, source_id in enumerate(getattr(item, field)):
                if source_id not in known:
                    reason = f"refers to unknown source {source_id!r} (known: {choices})"
                    check.invalid(f"{path}.{field}[{index}]", reason)

    @property
    def chair(self) -> Participant | None:
        """The participant whose role is ``"chair"``, or ``None``.

        Example:
            >>> from c5statement import MEETING_2020
            >>> MEETING_2020.chair.person
            'Wang Yi'
        """
        for participant in self.participants:
            if participant.role == self.CHAIR_ROLE:
                return participant
        return None

    @property
    def themes(self) -> frozenset[str]:
        """All theme slugs of the points and topics.

        Example:
            >>> from c5statement import MEETING_2020
            >>> "afghanistan" in MEETING_2020.themes
            True
        """
        found: set[str] = set()
        tagged: tuple[Point | Topic, ...] = (*self.points, *self.topics)
        for item in tagged:
            found |= item.themes
        return frozenset(found)

    def source(self, source_id: str) -> Source:
        """Return the source with the id *source_id*.

        Raises:
            KeyError: If there is none.

        Example:
            >>> from c5statement import MEETING_2020
            >>> MEETING_2020.source("nca-2020-07-20").author
            'Elvira Kadyrova'
        """
        return _find(self.sources, "id", source_id)

    def point(self, number: int) -> Point:
        """Return the point numbered *number*.

        Raises:
            KeyError: If there is none.

        Example:
            >>> from c5statement import MEETING_2020
            >>> sorted(MEETING_2020.point(7).themes)
            ['security']
        """
        return _find(self.points, "number", number)
