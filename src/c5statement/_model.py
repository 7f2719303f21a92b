"""The data model: frozen, slotted attrs classes that validate themselves.

Every collection is a ``tuple`` or a ``frozenset``, so nothing reachable from an
instance can change. All checks run at construction and every problem found is
reported at once in one :class:`InvalidStatementError`, with paths relative to
the object being built (``$.points[2].text``).
"""

from __future__ import annotations

import datetime
import re
import typing
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from ._countries import COUNTRY_CODES
from ._display import Views
from ._errors import InvalidStatementError, InvalidTypeError
from ._ordinals import ordinal_word
from ._slugs import SLUG_PATTERN, is_slug

if TYPE_CHECKING:
    from collections.abc import Iterator

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

PLACEHOLDER = "<FILL IN"
"""Texts that begin so are placeholders of a skeleton, left for a person to fill in."""

FORMATS: frozenset[str] = frozenset({"in-person", "video", "hybrid"})
"""The allowed values of :attr:`Meeting.format`."""

MAX_INTEGER = 2**53 - 1
"""The largest integer accepted: beyond it, JSON numbers lose precision in many languages."""

Problem = tuple[str, str]

# Control characters (C0 and C1) other than tab, line feed and carriage return: they
# carry no text, and in a terminal they can move the cursor or rewrite the screen.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CONTROL_CHARACTERS = "".join(chr(code) for code in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)))
_URL_PATTERN = r"^https?://[^\s\u0000-\u001F\u007F-\u009F]+(?![\s\S])"

# Field metadata read by the JSON Schema generator (``_schema.py``).
_TEXT_PATTERN = r"^(?=[\s\S]*\S)[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*(?![\s\S])"
_TEXT = {"schema": {"minLength": 1, "pattern": _TEXT_PATTERN}}
_SLUG = {"schema": {"pattern": SLUG_PATTERN}}
_POSITIVE = {"schema": {"minimum": 1, "maximum": MAX_INTEGER}}
_YEAR = {"schema": {"minimum": -MAX_INTEGER, "maximum": MAX_INTEGER}}
_COUNTRY = {"schema": {"enum": sorted(COUNTRY_CODES)}}
_URL = {"schema": {"pattern": _URL_PATTERN}}
_FORMAT = {"schema": {"enum": sorted(FORMATS)}}
_SOURCE_IDS = {"schema": {"items": {"pattern": SLUG_PATTERN}, "uniqueItems": True}}
_THEMES = {"schema": {"items": {"pattern": SLUG_PATTERN}, "uniqueItems": True}}
_TEXTS = {"schema": {"items": {"minLength": 1, "pattern": _TEXT_PATTERN}}}


# Stand-ins for required fields that failed to load (see check_partial): valid values,
# so that the rules over the other fields run as they would.
_NEUTRAL: dict[Any, Any] = {str: "x", int: 1, bool: False, datetime.date: datetime.date(2000, 1, 1), tuple: ()}


def _kind(value: object) -> str:
    return type(value).__name__


class _Checker:
    """Collects problems; raises them together."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.type_problem = False

    def wrong_type(self, path: str, expected: str, value: object) -> None:
        self.type_problem = True
        self.problems.append((path, f"must be {expected}, got {_kind(value)}"))

    def text(self, path: str, value: object, *, optional: bool = False) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str):
            self.wrong_type(path, "a string", value)
        elif not value.strip():
            self.problems.append((path, "must not be blank"))
        elif value.startswith(PLACEHOLDER):
            self.problems.append((path, f"placeholder not filled in: {value}"))
        elif found := _CONTROL.search(value):
            code = f"U+{ord(found.group()):04X}"
            self.problems.append((path, f"contains the control character {code} at offset {found.start()}"))
        else:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                self.problems.append((path, "contains a lone surrogate, which is not valid Unicode"))

    def integer(self, path: str, value: object, *, positive: bool = False, optional: bool = False) -> None:
        if value is None and optional:
            return
        if not isinstance(value, int) or isinstance(value, bool):
            self.wrong_type(path, "an integer", value)
        elif positive and value < 1:
            self.problems.append((path, f"must be a positive integer, got {value}"))
        elif abs(value) > MAX_INTEGER:
            self.problems.append((path, f"must be at most {MAX_INTEGER} in size (2**53 - 1)"))

    def boolean(self, path: str, value: object) -> None:
        if not isinstance(value, bool):
            self.wrong_type(path, "a boolean", value)

    def date(self, path: str, value: object, *, optional: bool = False) -> None:
        if value is None and optional:
            return
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            self.wrong_type(path, "a datetime.date", value)

    def slug(self, path: str, value: object) -> None:
        if not isinstance(value, str):
            self.wrong_type(path, "a string", value)
        elif not is_slug(value):
            self.problems.append(
                (path, f"{value!r} is not a lowercase slug (letters, digits and single hyphens, like 'belt-and-road')")
            )

    def url(self, path: str, value: object) -> None:
        if value is None:
            return
        if not isinstance(value, str):
            self.wrong_type(path, "a string", value)
        elif value.startswith(PLACEHOLDER):
            self.problems.append((path, f"placeholder not filled in: {value}"))
        elif not re.fullmatch(_URL_PATTERN, value):
            self.problems.append((path, f"{value!r} is not an http(s) URL (no spaces or control characters)"))

    def items(self, path: str, value: object, kind: type) -> Iterator[tuple[str, Any]]:
        """Yield ``(path, item)`` for a tuple (or frozenset, if *kind* is frozenset)."""
        if not isinstance(value, kind):
            self.wrong_type(path, f"a {kind.__name__}", value)
            return
        collection: Any = value
        elements = sorted(collection, key=repr) if kind is frozenset else collection
        for index, item in enumerate(elements):
            yield (f"{path}[{index}]", item)

    def texts(self, path: str, value: object) -> None:
        for item_path, item in self.items(path, value, tuple):
            self.text(item_path, item)

    def themes(self, path: str, value: object) -> None:
        # A set has no order of its own, so a bad theme is named by value, not by index.
        for _, item in self.items(path, value, frozenset):
            self.slug(path, item)

    def source_ids(self, path: str, value: object) -> None:
        for item_path, item in self.items(path, value, tuple):
            self.slug(item_path, item)
        if isinstance(value, tuple) and len(set(value)) != len(value):
            self.problems.append((path, "lists a source more than once"))

    def objects(self, path: str, value: object, cls: type) -> list[tuple[str, Any]]:
        found = []
        for item_path, item in self.items(path, value, tuple):
            if isinstance(item, cls):
                found.append((item_path, item))
            else:
                self.wrong_type(item_path, f"a {cls.__name__}", item)
        return found

    def done(self) -> None:
        if self.problems:
            error = InvalidTypeError if self.type_problem else InvalidStatementError
            raise error(self.problems)


def check_partial(cls: type, values: dict[str, Any], failed: set[str]) -> list[Problem]:
    """Problems of the fields of *cls* that did not fail to load, when others did.

    Loading stops building an object as soon as one of its fields fails; this runs
    the object's own rules over the fields that did load (*values*), so that one
    error does not hide another. Problems on the *failed* fields are left out:
    loading reports those.
    """
    check = getattr(cls, "_check", None)
    if check is None:
        return []
    stand_in: Any = object.__new__(cls)
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        if field.name in values:
            value = values[field.name]
        elif field.default is not attrs.NOTHING:
            value = field.default
        else:
            value = _NEUTRAL.get(typing.get_origin(hints[field.name]) or hints[field.name])
        object.__setattr__(stand_in, field.name, value)
    checker = _Checker()
    # Rules across fields (citations resolving) wait until every field has loaded.
    checker.type_problem = True
    check(stand_in, checker)
    prefixes = tuple(f"$.{name}{tail}" for name in failed for tail in (".", "["))
    return [
        (path, reason)
        for path, reason in checker.problems
        if path not in {f"$.{name}" for name in failed} and not path.startswith(prefixes)
    ]


class _Validated:
    """Mixin: ``__attrs_post_init__`` runs ``_check`` and raises all problems."""

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        checker = _Checker()
        self._check(checker)
        checker.done()

    def _check(self, check: _Checker) -> None:
        raise NotImplementedError


@attrs.frozen
class Source(_Validated):
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
    date: datetime.date | None = None
    note: str | None = attrs.field(default=None, metadata=_TEXT)

    def _check(self, check: _Checker) -> None:
        check.slug("$.id", self.id)
        check.text("$.publisher", self.publisher)
        check.text("$.title", self.title)
        check.url("$.url", self.url)
        check.text("$.author", self.author, optional=True)
        check.date("$.date", self.date, optional=True)
        check.text("$.note", self.note, optional=True)


@attrs.frozen
class Participant(_Validated):
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

    def _check(self, check: _Checker) -> None:
        if not isinstance(self.country, str):
            check.wrong_type("$.country", "a string", self.country)
        elif self.country not in COUNTRY_CODES:
            check.problems.append(("$.country", f"{self.country!r} is not an ISO 3166-1 alpha-2 country code"))
        check.text("$.person", self.person)
        check.text("$.title", self.title)
        check.text("$.role", self.role)
        check.texts("$.aliases", self.aliases)
        check.source_ids("$.sources", self.sources)
        check.text("$.note", self.note, optional=True)


@attrs.frozen
class Topic(_Validated):
    """An agenda topic of a meeting.

    Example:
        >>> Topic(text="maintaining regional security", themes=frozenset({"security"})).text
        'maintaining regional security'
    """

    text: str = attrs.field(metadata=_TEXT)
    themes: frozenset[str] = attrs.field(default=frozenset(), metadata=_THEMES)
    sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)

    def _check(self, check: _Checker) -> None:
        check.text("$.text", self.text)
        check.themes("$.themes", self.themes)
        check.source_ids("$.sources", self.sources)


@attrs.frozen
class Decision(_Validated):
    """Something the meeting decided or adopted, worded as the source words it.

    Example:
        >>> Decision(text="adopted a joint statement").text
        'adopted a joint statement'
    """

    text: str = attrs.field(metadata=_TEXT)
    sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)
    note: str | None = attrs.field(default=None, metadata=_TEXT)

    def _check(self, check: _Checker) -> None:
        check.text("$.text", self.text)
        check.source_ids("$.sources", self.sources)
        check.text("$.note", self.note, optional=True)


@attrs.frozen
class Point(_Validated, Views):
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

    def _check(self, check: _Checker) -> None:
        check.integer("$.number", self.number, positive=True)
        check.text("$.text", self.text)
        check.themes("$.themes", self.themes)
        check.source_ids("$.sources", self.sources)

    def paragraph(self) -> str:
        """Return the point as an enumerated paragraph: ``"First, " + text``.

        Raises:
            ValueError: If :attr:`number` is above 30, which has no ordinal word here.

        Example:
            >>> Point(number=2, text="all parties agree.").paragraph()
            'Second, all parties agree.'
        """
        return f"{ordinal_word(self.number)}, {self.text}"

    def to_text(self, *, color: bool | None = None) -> str:
        """Render the point for a terminal: its number, text and themes.

        Args:
            color: Colour the output; ``None`` (the default) colours only when
                standard output is a terminal and ``NO_COLOR`` is not set.

        Example:
            >>> print(Point(1, "all parties agree.", themes=frozenset({"trade"})).to_text(color=False))
            1. all parties agree. [trade]
        """
        from ._render import point_to_text

        return point_to_text(self, color=color)

    def to_html(self) -> str:
        """Render the point as an HTML fragment, its text escaped (the notebook view).

        Example:
            >>> Point(1, "all parties <agree>.").to_html().count("&lt;agree&gt;")
            1
        """
        from ._render import point_to_html

        return point_to_html(self)


@attrs.frozen
class Quote(_Validated):
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
    date: datetime.date | None = None
    sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)
    note: str | None = attrs.field(default=None, metadata=_TEXT)

    def _check(self, check: _Checker) -> None:
        check.text("$.speaker", self.speaker)
        check.text("$.text", self.text)
        check.text("$.speaker_title", self.speaker_title, optional=True)
        check.text("$.occasion", self.occasion, optional=True)
        check.date("$.date", self.date, optional=True)
        check.source_ids("$.sources", self.sources)
        check.text("$.note", self.note, optional=True)


@attrs.frozen
class ContextNote(_Validated):
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

    def _check(self, check: _Checker) -> None:
        check.text("$.text", self.text)
        check.integer("$.year", self.year, optional=True)
        check.source_ids("$.sources", self.sources)
        check.text("$.note", self.note, optional=True)


@attrs.frozen
class Meeting(_Validated, Views):
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
    date: datetime.date
    format: str = attrs.field(metadata=_FORMAT)
    venue: str | None = attrs.field(default=None, metadata=_TEXT)
    participants: tuple[Participant, ...] = ()
    topics: tuple[Topic, ...] = ()
    decisions: tuple[Decision, ...] = ()
    points: tuple[Point, ...] = ()
    quotes: tuple[Quote, ...] = ()
    context: tuple[ContextNote, ...] = ()
    summary: str | None = attrs.field(default=None, metadata=_TEXT)
    summary_sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)
    notes: tuple[str, ...] = attrs.field(default=(), metadata=_TEXTS)
    sources: tuple[Source, ...] = ()
    fact_sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)
    illustrative: bool = False

    CHAIR_ROLE: ClassVar[str] = "chair"

    def _check(self, check: _Checker) -> None:  # noqa: C901, PLR0912 - one pass over every field
        check.slug("$.id", self.id)
        check.text("$.title", self.title)
        check.slug("$.level", self.level)
        check.date("$.date", self.date)
        if not isinstance(self.format, str):
            check.wrong_type("$.format", "a string", self.format)
        elif self.format not in FORMATS:
            check.problems.append(("$.format", f"{self.format!r} is not one of {', '.join(sorted(FORMATS))}"))
        check.text("$.venue", self.venue, optional=True)
        check.text("$.summary", self.summary, optional=True)
        check.source_ids("$.summary_sources", self.summary_sources)
        check.texts("$.notes", self.notes)
        check.source_ids("$.fact_sources", self.fact_sources)
        check.boolean("$.illustrative", self.illustrative)

        participants = check.objects("$.participants", self.participants, Participant)
        seen_countries: dict[str, str] = {}
        chairs = []
        for path, participant in participants:
            if participant.country in seen_countries:
                check.problems.append(
                    (
                        f"{path}.country",
                        f"{participant.country} already appears at {seen_countries[participant.country]}",
                    )
                )
            seen_countries.setdefault(participant.country, path)
            if participant.role == self.CHAIR_ROLE:
                chairs.append(path)
        if len(chairs) > 1:
            check.problems.append(("$.participants", f"more than one chair: {', '.join(chairs)}"))

        points = check.objects("$.points", self.points, Point)
        previous = 0
        for path, point in points:
            if point.number <= previous:
                check.problems.append(
                    (f"{path}.number", f"point numbers must be unique and ascending: {point.number} follows {previous}")
                )
            previous = point.number

        # (path of the citing object, name of its field of source ids, the object)
        cited: list[tuple[str, str, Any]] = [("$", "fact_sources", self), ("$", "summary_sources", self)]
        cited += [(path, "sources", item) for path, item in check.objects("$.topics", self.topics, Topic)]
        cited += [(path, "sources", item) for path, item in check.objects("$.decisions", self.decisions, Decision)]
        cited += [(path, "sources", item) for path, item in points]
        cited += [(path, "sources", item) for path, item in check.objects("$.quotes", self.quotes, Quote)]
        cited += [(path, "sources", item) for path, item in check.objects("$.context", self.context, ContextNote)]
        cited += [(path, "sources", item) for path, item in participants]
        sources = check.objects("$.sources", self.sources, Source)
        known: dict[str, str] = {}
        for path, source in sources:
            if source.id in known:
                check.problems.append((f"{path}.id", f"source id {source.id!r} already used at {known[source.id]}"))
            known.setdefault(source.id, path)
        if check.type_problem:
            return
        for path, field, item in cited:
            for index, source_id in enumerate(getattr(item, field)):
                if source_id not in known:
                    choices = ", ".join(sorted(known)) or "none are defined"
                    check.problems.append(
                        (f"{path}.{field}[{index}]", f"refers to unknown source {source_id!r} (known: {choices})")
                    )

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
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    def point(self, number: int) -> Point:
        """Return the point numbered *number*.

        Raises:
            KeyError: If there is none.

        Example:
            >>> from c5statement import MEETING_2020
            >>> sorted(MEETING_2020.point(7).themes)
            ['security']
        """
        for point in self.points:
            if point.number == number:
                return point
        raise KeyError(number)

    def to_text(self, *, color: bool | None = None) -> str:
        """Render the meeting for a terminal: facts, topics, decisions and numbered points.

        Args:
            color: Use ANSI colours; ``None`` (the default) colours only when
                standard output is a terminal and ``NO_COLOR`` is not set.

        Example:
            >>> from c5statement import MEETING_2020
            >>> "9. all parties should" in MEETING_2020.to_text(color=False)
            True
        """
        from ._render import meeting_to_text

        return meeting_to_text(self, color=color)

    def to_markdown(self) -> str:
        """Render the meeting as Markdown.

        Example:
            >>> from c5statement import MEETING_2020
            >>> "## Points" in MEETING_2020.to_markdown()
            True
        """
        from ._render import meeting_to_markdown

        return meeting_to_markdown(self)

    def to_html(self) -> str:
        """Render the meeting as an HTML fragment, every text escaped.

        Example:
            >>> from c5statement import MEETING_2020
            >>> MEETING_2020.to_html().startswith('<div class="c5 c5-meeting">')
            True
        """
        from ._render import meeting_to_html

        return meeting_to_html(self)
