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
from ._check import CODE_PATTERN, POINT_REF_PATTERN, URL_PATTERN, WIKIDATA_PATTERN, Checker, Validated, rule
from ._countries import COUNTRY_CODES
from ._display import Views
from ._json import MAX_INTEGER
from ._ordinals import ordinal_word
from ._slugs import SLUG_PATTERN

T = TypeVar("T")

__all__ = [
    "DECISION_KINDS",
    "FORMATS",
    "ROLES",
    "Coding",
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

ROLES: tuple[str, ...] = ("chair", "co-chair", "host", "head of delegation", "guest")
"""The allowed values of :attr:`Participant.role`, a small vocabulary.

``"chair"`` chairs the meeting (at most one per meeting), ``"co-chair"`` shares
the chair, ``"host"`` hosts a meeting whose chair no source names, ``"head of
delegation"`` heads a party's delegation, and ``"guest"`` attends without being
a party.
"""

DECISION_KINDS: tuple[str, ...] = ("document", "decision")
"""The allowed values of :attr:`Decision.kind`: a document adopted or signed, or a decision taken."""

THEME_CODINGS: tuple[str, ...] = ("coded", "suggested")
"""The explicit values of :attr:`Point.coding`; ``None`` leaves the state to :attr:`Point.themes`."""

THEMES_SCHEME = "themes"
"""The name of the packaged coding scheme (the :data:`~c5statement.THEMES` slugs of :attr:`Point.themes`)."""

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
LANGUAGE_CODES = ("en", "ru", "zh")
"""The languages a record may say its texts are in (:attr:`Meeting.language`): English, Russian, Chinese."""
_LANGUAGE = rule(Checker.one_of, LANGUAGE_CODES, schema={"enum": list(LANGUAGE_CODES)})
_ROLE = rule(Checker.one_of, ROLES, schema={"enum": list(ROLES)})
_DECISION_KIND = rule(Checker.one_of, DECISION_KINDS, schema={"enum": list(DECISION_KINDS)})
_THEME_CODING = rule(Checker.one_of, THEME_CODINGS, schema={"enum": list(THEME_CODINGS)})
_CONCEPTS = rule(Checker.slugs, schema={"items": {"pattern": SLUG_PATTERN}, "uniqueItems": True})
_CONTINUES = rule(Checker.point_refs, schema={"items": {"pattern": POINT_REF_PATTERN}, "uniqueItems": True})
_CODES = rule(Checker.codes, schema={"items": {"pattern": CODE_PATTERN}, "uniqueItems": True})
_WIKIDATA = rule(Checker.wikidata, schema={"pattern": WIKIDATA_PATTERN})
_COUNT = rule(Checker.positive, schema={"minimum": 1, "maximum": MAX_INTEGER})


def _objects(cls: type) -> dict[str, Any]:
    return rule(Checker.objects, cls)


_LISTED = 20
"""How many keys a failed lookup's message lists."""


def _find(items: tuple[T, ...], key: str, value: object, what: str) -> T:
    """The first of *items* whose attribute *key* is *value*.

    Raises:
        KeyError: If none is; its message names *what* was looked for and the values there are.
    """
    found = next((item for item in items if getattr(item, key) == value), None)
    if found is None:
        there = [repr(getattr(item, key)) for item in items]
        listed = ", ".join(there[:_LISTED]) + (f" and {len(there) - _LISTED} more" if len(there) > _LISTED else "")
        msg = f"no {what} {value!r} in this meeting (it has {listed or 'none'})"
        raise KeyError(msg)
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
        person: The head of delegation's name, in one canonical spelling used
            for the same person in every record.
        title: Their title as reported.
        role: One of :data:`ROLES`: ``"chair"`` for the chair of the meeting,
            ``"host"`` for a host whose chairing no source states, and so on
            (default ``"head of delegation"``).
        aliases: Other spellings of :attr:`person` found in the sources.
        sources: Ids of the sources this comes from.
        note: Caveats.
        person_id: A stable key for the person across records: a slug of the
            canonical name (``"mukhtar-tleuberdi"``), the same in every meeting,
            different for different people of the same surname; ``None`` if not
            given.
        wikidata: The person's Wikidata item id (``"Q123"``), only where a cited
            source shows it; ``None`` when unknown.

    Example:
        >>> Participant(country="KZ", person="Mukhtar Tleuberdi", title="Foreign Minister").role
        'head of delegation'
        >>> Participant(country="KZ", person="Mukhtar Tleuberdi", title="Foreign Minister",
        ...             person_id="mukhtar-tleuberdi").person_id
        'mukhtar-tleuberdi'
    """

    country: str = attrs.field(metadata=_COUNTRY)
    person: str = attrs.field(metadata=_TEXT)
    title: str = attrs.field(metadata=_TEXT)
    role: str = attrs.field(default="head of delegation", metadata=_ROLE)
    aliases: tuple[str, ...] = attrs.field(default=(), metadata=_TEXTS)
    sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)
    note: str | None = attrs.field(default=None, metadata=_TEXT)
    person_id: str | None = attrs.field(default=None, metadata=_SLUG)
    wikidata: str | None = attrs.field(default=None, metadata=_WIKIDATA)


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

    Attributes:
        text: The decision, or the document's title.
        sources: Ids of the sources this comes from.
        note: Caveats.
        kind: One of :data:`DECISION_KINDS`: ``"document"`` for a document
            adopted or signed (a joint statement, a declaration, a treaty),
            ``"decision"`` (the default) for anything else decided.

    Example:
        >>> Decision(text="adopted a joint statement").kind
        'decision'
        >>> Decision(text="Xi'an Declaration", kind="document").kind
        'document'
    """

    text: str = attrs.field(metadata=_TEXT)
    sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)
    note: str | None = attrs.field(default=None, metadata=_TEXT)
    kind: str = attrs.field(default="decision", metadata=_DECISION_KIND)


@attrs.frozen
class Coding(Validated):
    """A point's codes in one coding scheme, by one coder: a layer of coding beside :attr:`Point.themes`.

    A point coded in a scheme has a :class:`Coding` for it, even with no codes
    (coded, and no code applies); a point without one is *not coded* in that
    scheme, which is not the same as having no codes.

    Attributes:
        scheme: A slug naming the scheme (``"cap"``, ``"manifesto"``). The name
            ``"themes"`` is the packaged scheme, whose record coding is
            :attr:`Point.themes`; a coding of it here needs a :attr:`coder`.
        codes: The codes given: letters and digits, with single dots, hyphens
            or underscores between (``"19.1"``, ``"per103_1"``, ``"trade"``).
        coder: Who coded, for agreement between coders; ``None`` for the
            record's own coding.
        suggested: ``True`` if the codes were suggested by a program, not given
            by a person.

    Example:
        >>> Coding(scheme="cap", codes=frozenset({"19.1"}), coder="reader-a").codes
        frozenset({'19.1'})
    """

    scheme: str = attrs.field(metadata=_SLUG)
    codes: frozenset[str] = attrs.field(default=frozenset(), metadata=_CODES)
    coder: str | None = attrs.field(default=None, metadata=_TEXT)
    suggested: bool = attrs.field(default=False, metadata=_BOOLEAN)

    def _check(self, check: Checker) -> None:
        """The packaged scheme's record coding is :attr:`Point.themes`, so a coding of it names its coder."""
        if self.scheme == THEMES_SCHEME and self.coder is None:
            check.invalid("$.coder", "a coding of the 'themes' scheme needs a coder (the record's own is Point.themes)")


@attrs.frozen
class Point(Validated, Views):
    """A numbered consensus point.

    Attributes:
        number: The point's number in its statement (positive).
        text: The text without its enumerator: ``"the development, ..."``, not
            ``"First, the development, ..."``.
        themes: Theme slugs (see :data:`c5statement.THEMES`; other slugs are allowed).
        sources: Ids of the sources this comes from.
        verbatim: ``True`` (the default) if :attr:`text` is the document's own
            wording; ``False`` if it is the record's summary of the point in its
            own words, which views label and diffs never compare word by word.
        concepts: Ids of the lexicon's concepts (see
            :func:`c5statement.default_lexicon`) that the point is about.
        continues: References ``"meeting-id#number"`` (``"cc5-fmm-2020#3"``) to
            points of earlier meetings that this point continues.
        coding: The state of :attr:`themes`: ``None`` (the default) when it
            follows from them (coded if there are any, *not coded* if there are
            none); ``"coded"`` for a point coded by a person, even with no
            theme; ``"suggested"`` for themes a program suggested.
        codings: The point's codes in other schemes, or by other coders (see
            :class:`Coding`), each ``(scheme, coder)`` once.

    A point with no themes and no explicit :attr:`coding` is *not coded*: diffs
    and series never read it as having lost its themes.

    Example:
        >>> point = Point(number=1, text="all parties condemn terrorism.")
        >>> point.themes, point.coded
        (frozenset(), False)
        >>> point.paragraph()
        'First, all parties condemn terrorism.'
        >>> Point(number=1, text="all parties condemn terrorism.", coding="coded").coded
        True
    """

    number: int = attrs.field(metadata=_POSITIVE)
    text: str = attrs.field(metadata=_TEXT)
    themes: frozenset[str] = attrs.field(default=frozenset(), metadata=_THEMES)
    sources: tuple[str, ...] = attrs.field(default=(), metadata=_SOURCE_IDS)
    verbatim: bool = attrs.field(default=True, metadata=_BOOLEAN)
    concepts: tuple[str, ...] = attrs.field(default=(), metadata=_CONCEPTS)
    continues: tuple[str, ...] = attrs.field(default=(), metadata=_CONTINUES)
    coding: str | None = attrs.field(default=None, metadata=_THEME_CODING)
    codings: tuple[Coding, ...] = attrs.field(default=(), metadata=_objects(Coding))

    def _check(self, check: Checker) -> None:
        """Each scheme and coder is coded once."""
        seen: dict[tuple[str, str | None], str] = {}
        for path, coding in _typed("$.codings", self.codings, Coding):
            key = (coding.scheme, coding.coder)
            if key in seen:
                check.invalid(
                    path, f"scheme {coding.scheme!r} by coder {coding.coder!r} is already coded at {seen[key]}"
                )
            seen.setdefault(key, path)

    @property
    def coded(self) -> bool:
        """Whether the point is coded in the packaged scheme by a person: see :attr:`coding`.

        Suggested themes are shown, marked as suggestions, but a point that has
        only those is not coded: diffs and series never read a theme missing
        from a suggestion as absent.

        Example:
            >>> Point(1, "all parties agree.", themes=frozenset({"trade"})).coded
            True
            >>> Point(1, "all parties agree.", themes=frozenset({"trade"}), coding="suggested").coded
            False
        """
        return self.coding == "coded" or (self.coding is None and bool(self.themes))

    def codes(self, scheme: str = THEMES_SCHEME, coder: str | None = None) -> frozenset[str] | None:
        """Return the point's codes in *scheme* by *coder*, or ``None`` if it is not coded there.

        ``codes()`` gives :attr:`themes` if the point is coded (or has suggested
        themes), else ``None``.

        Example:
            >>> point = Point(1, "all parties agree.", codings=(Coding("cap", frozenset({"19.1"})),))
            >>> point.codes("cap"), point.codes(), point.codes("manifesto")
            (frozenset({'19.1'}), None, None)
        """
        if scheme == THEMES_SCHEME and coder is None:
            return self.themes if self.coded or self.coding is not None else None
        for coding in self.codings:
            if coding.scheme == scheme and coding.coder == coder:
                return coding.codes
        return None

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
        venue: Where it took place, as free text (``None`` for a video meeting
            with no host city).
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
        language: The language of the record's texts (``"en"``, ``"zh"`` or
            ``"ru"``), where the user says so; ``None`` (the default) lets
            :func:`c5statement.diff` detect it from the texts.
        city: The city it took place in (``"Xi'an"``); ``None`` for a video
            meeting, or where unknown.
        host_country: ISO 3166-1 alpha-2 code of the host country; ``None`` if
            unknown or none.
        points_complete: ``True`` (the default) if :attr:`points` holds every
            point of the main document; ``False`` if only part of it could be
            read, so that what follows the last point carried is *unknown*, not
            absent.
        points_total: How many points the main document has, where a source
            shows it; ``None`` if unknown.
        points_note: How much of the main document was read, and where.

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
    language: str | None = attrs.field(default=None, metadata=_LANGUAGE)
    city: str | None = attrs.field(default=None, metadata=_TEXT)
    host_country: str | None = attrs.field(default=None, metadata=_COUNTRY)
    points_complete: bool = attrs.field(default=True, metadata=_BOOLEAN)
    points_total: int | None = attrs.field(default=None, metadata=_COUNT)
    points_note: str | None = attrs.field(default=None, metadata=_TEXT)

    CHAIR_ROLE: ClassVar[str] = "chair"

    def _check(self, check: Checker) -> None:
        """The rules across fields and items: unique countries, one chair, ascending numbers, citations that resolve."""
        participants = _typed("$.participants", self.participants, Participant)
        self._check_participants(check, participants)
        if self.format == "video" and self.city is not None:
            check.invalid("$.city", "a video meeting has no city (the venue's text can say where the chair sat)")
        points = _typed("$.points", self.points, Point)
        self._check_points(check, points)

        known: dict[str, str] = {}
        for path, source in _typed("$.sources", self.sources, Source):
            if source.id in known:
                check.invalid(f"{path}.id", f"source id {source.id!r} already used at {known[source.id]}")
            known.setdefault(source.id, path)
        if check.cross_field:
            self._check_citations(check, known, participants, points)

    def _check_participants(self, check: Checker, participants: list[tuple[str, Participant]]) -> None:
        """Unique countries, unique person keys, at most one chair."""
        seen: dict[tuple[str, object], str] = {}
        chairs = []
        for path, participant in participants:
            for field, value in (("country", participant.country), ("person_id", participant.person_id)):
                if value is None or not isinstance(value, str):
                    continue
                if (field, value) in seen:
                    shown_value = value if field == "country" else repr(value)
                    check.invalid(f"{path}.{field}", f"{shown_value} already appears at {seen[field, value]}")
                seen.setdefault((field, value), path)
            if participant.role == self.CHAIR_ROLE:
                chairs.append(path)
        if len(chairs) > 1:
            check.invalid("$.participants", f"more than one chair: {', '.join(chairs)}")

    def _check_points(self, check: Checker, points: list[tuple[str, Point]]) -> None:
        """Ascending numbers, no link to the meeting's own points, a total no lower than the numbers."""
        previous = 0
        for path, point in points:
            if point.number <= previous:
                reason = f"point numbers must be unique and ascending: {point.number} follows {previous}"
                check.invalid(f"{path}.number", reason)
            previous = point.number
            for index, reference in enumerate(point.continues if isinstance(point.continues, tuple) else ()):
                if isinstance(reference, str) and reference.split("#", 1)[0] == self.id:
                    check.invalid(f"{path}.continues[{index}]", f"{reference!r} refers to this meeting's own point")
        self._check_counts(check, previous)

    def _check_counts(self, check: Checker, highest: int) -> None:
        """A known total of points is at least the highest number carried."""
        total = self.points_total
        if isinstance(total, int) and not isinstance(total, bool) and total < highest:
            check.invalid("$.points_total", f"is {total}, but a point numbered {highest} is carried")

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
        return _find(self.sources, "id", source_id, "source with the id")

    def participant(self, country: str) -> Participant:
        """Return the participant for *country*, an ISO 3166-1 alpha-2 code (``"EU"`` for the European Union).

        A meeting has one participant per country (its rules refuse a second), so
        the answer is the delegation, with its head's name, title and role.

        Raises:
            KeyError: If no participant has that country.

        Example:
            >>> from c5statement import MEETING_2020
            >>> MEETING_2020.participant("KZ").person_id
            'mukhtar-tleuberdi'
            >>> MEETING_2020.participant("RU")
            Traceback (most recent call last):
            ...
            KeyError: "no participant for the country 'RU' in this meeting (it has 'CN', 'KZ', 'KG', 'TJ', 'TM', 'UZ')"
        """
        return _find(self.participants, "country", country, "participant for the country")

    def point(self, number: int) -> Point:
        """Return the point numbered *number*.

        Raises:
            KeyError: If there is none.

        Example:
            >>> from c5statement import MEETING_2020
            >>> sorted(MEETING_2020.point(7).themes)
            ['security']
        """
        return _find(self.points, "number", number, "point numbered")
