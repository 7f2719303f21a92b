"""The packaged meetings as a collection: citable as a whole, and as tidy tables.

:data:`c5statement.MEETINGS` is a :class:`Meetings`: a tuple of
:class:`~c5statement.Meeting` in date order, with a fingerprint and a dataset
version of the whole, and tidy records (one row per observation) of the
meetings and of their delegations, for pandas or any table tool.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._model import Meeting, Point

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["DELEGATION_COLUMNS", "MEETING_COLUMNS", "Meetings"]

MEETING_COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "year",
    "level",
    "format",
    "city",
    "host_country",
    "venue",
    "title",
    "chair",
    "chair_id",
    "host",
    "host_id",
    "parties",
    "documents",
    "decisions",
    "points",
    "points_complete",
    "points_total",
    "coding",
    "illustrative",
)
"""The columns of :meth:`Meetings.to_records`, in order."""

_SHOWN_IDS = 4
"""Up to this many ids, a repr of the meetings lists them all."""

DELEGATION_COLUMNS: tuple[str, ...] = (
    "meeting",
    "date",
    "level",
    "country",
    "person",
    "person_id",
    "wikidata",
    "title",
    "role",
    "aliases",
)
"""The columns of :meth:`Meetings.delegations`, in order."""

_PANDAS_HINT = 'this needs pandas, which is not installed; install it with: pip install "c5statement[pandas]"'


def _coding(meeting: Meeting) -> str:
    coded = [point.coded for point in meeting.points]
    if coded and all(coded):
        return "coded" if meeting.points_complete else "partly coded"
    return "partly coded" if any(coded) else "not coded"


def _meeting_row(meeting: Meeting) -> dict[str, Any]:
    chair = meeting.chair
    host = next((p for p in meeting.participants if p.role == "host"), None)
    return {
        "id": meeting.id,
        "date": meeting.date.isoformat(),
        "year": meeting.date.year,
        "level": meeting.level,
        "format": meeting.format,
        "city": meeting.city,
        "host_country": meeting.host_country,
        "venue": meeting.venue,
        "title": meeting.title,
        "chair": None if chair is None else chair.person,
        "chair_id": None if chair is None else chair.person_id,
        "host": None if host is None else host.person,
        "host_id": None if host is None else host.person_id,
        "parties": len(meeting.participants),
        "documents": sum(1 for decision in meeting.decisions if decision.kind == "document"),
        "decisions": sum(1 for decision in meeting.decisions if decision.kind == "decision"),
        "points": len(meeting.points),
        "points_complete": meeting.points_complete,
        "points_total": meeting.points_total,
        "coding": _coding(meeting),
        "illustrative": meeting.illustrative,
    }


def _frame(records: list[dict[str, Any]], columns: tuple[str, ...]) -> Any:
    try:
        import pandas as pd
    except ImportError as error:
        raise ImportError(_PANDAS_HINT, name=error.name) from error
    return pd.DataFrame.from_records(records, columns=list(columns))


class Meetings(tuple[Meeting, ...]):
    """A tuple of meetings, citable as a whole, readable as tidy tables, shown as a table in notebooks.

    It is a plain tuple in every other respect: indexing, iteration, equality
    with other tuples. Slicing gives a plain tuple; ``Meetings(...)`` makes one
    of any meetings.

    Example:
        >>> from c5statement import MEETINGS, MEETING_2020
        >>> isinstance(MEETINGS, tuple), MEETINGS[0] == MEETING_2020
        (True, True)
        >>> MEETINGS
        <9 meetings, 2020-07-16 to 2025-06-17: cc5-fmm-2020, cc5-fmm-2021, ... cc5-summit-2025>
        >>> "<table" in MEETINGS._repr_html_()
        True
        >>> mine = Meetings([MEETING_2020])
        >>> mine.to_records()[0]["city"], mine.to_records()[0]["coding"]
        (None, 'coded')
    """

    __slots__ = ()

    def __new__(cls, meetings: Any = ()) -> Meetings:  # noqa: PYI034 - typing.Self needs Python 3.11
        items = tuple(meetings)
        for index, item in enumerate(items):
            if not isinstance(item, Meeting):
                msg = f"Meetings holds meetings only; item {index} is a {type(item).__name__}"
                raise TypeError(msg)
        return super().__new__(cls, items)

    def __repr__(self) -> str:
        if not self:
            return "<no meetings>"
        ids = [found.id for found in self]
        shown = ", ".join(ids) if len(ids) <= _SHOWN_IDS else f"{', '.join(ids[:2])}, ... {ids[-1]}"
        word = "meeting" if len(self) == 1 else "meetings"
        return f"<{len(self)} {word}, {self[0].date} to {self[-1].date}: {shown}>"

    def _repr_html_(self) -> str:
        from ._display import render

        return render(self, "html")  # the table of the meetings, drawn by the views

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        from ._display import mimebundle

        return mimebundle(repr(self), self._repr_html_(), include, exclude)

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the collection: see :func:`c5statement.fingerprint`.

        Example:
            >>> from c5statement import MEETINGS, fingerprint
            >>> MEETINGS.fingerprint == fingerprint(MEETINGS)
            True
        """
        from ._convert import fingerprint

        return fingerprint(self)

    @property
    def version(self) -> str:
        """The dataset version: the first twelve hex digits of :attr:`fingerprint`.

        It changes whenever any record changes (a corrected name, a new point,
        a new source), or a record is added, removed or reordered; cite it with
        the package version.

        Example:
            >>> from c5statement import MEETINGS
            >>> len(MEETINGS.version), MEETINGS.fingerprint.startswith(MEETINGS.version)
            (12, True)
        """
        return self.fingerprint[:12]

    def point(self, reference: str) -> Point:
        """Return the point named by *reference*, ``"meeting-id#number"`` (the form of :attr:`Point.continues`).

        Raises:
            KeyError: If no meeting of the collection has that id, or it has no such point.

        Example:
            >>> from c5statement import MEETINGS
            >>> sorted(MEETINGS.point("cc5-fmm-2020#8").themes)
            ['afghanistan', 'peace-and-stability']
        """
        meeting_id, _, number = reference.partition("#")
        found = next((meeting for meeting in self if meeting.id == meeting_id), None)
        if found is None or not number.isdigit():
            raise KeyError(reference)
        return found.point(int(number))

    def continuations(self, reference: str) -> list[tuple[str, Point]]:
        """Follow a point forward through the collection by the records' :attr:`Point.continues` links.

        Returns every point that continues the point named by *reference*
        (``"meeting-id#number"``), directly or through other points, as
        ``(meeting id, point)`` pairs in the collection's order. Only meetings
        whose points were read can continue a point: a meeting read in part
        (``points_complete`` false) may continue it in points not carried.

        Example:
            >>> import attrs
            >>> from c5statement import MEETING_2020, Point
            >>> later = attrs.evolve(MEETING_2020, id="later", points=(
            ...     Point(1, "a summary.", verbatim=False, continues=("cc5-fmm-2020#8",)),))
            >>> Meetings([MEETING_2020, later]).continuations("cc5-fmm-2020#8")
            [('later', Point(number=1, text='a summary.', ...))]
        """
        reached = {reference}
        found: list[tuple[str, Point]] = []
        for meeting in self:
            for point in meeting.points:
                if reached.intersection(point.continues):
                    reached.add(f"{meeting.id}#{point.number}")
                    found.append((meeting.id, point))
        return found

    def to_records(self) -> list[dict[str, Any]]:
        """Return one tidy row per meeting, keyed by :data:`MEETING_COLUMNS`.

        ``chair`` and ``host`` are the people in those roles (``chair_id`` and
        ``host_id`` their person keys); ``documents`` and ``decisions`` count
        the meeting's decisions of each kind; ``coding`` is ``"coded"``,
        ``"partly coded"`` (some points not coded by a person, or the main
        document read only in part) or ``"not coded"``.

        Example:
            >>> from c5statement import MEETINGS
            >>> row = MEETINGS.to_records()[1]
            >>> row["id"], row["city"], row["host_country"], row["chair_id"]
            ('cc5-fmm-2021', "Xi'an", 'CN', 'wang-yi')
        """
        return [_meeting_row(meeting) for meeting in self]

    def delegations(self) -> list[dict[str, Any]]:
        """Return one tidy row per meeting and head of delegation, keyed by :data:`DELEGATION_COLUMNS`.

        ``person`` is the one spelling used for that person in every record and
        ``person_id`` the key that joins them across meetings; ``aliases`` lists
        the other spellings the meeting's sources give.

        Example:
            >>> from c5statement import MEETINGS
            >>> rows = [row for row in MEETINGS.delegations() if row["country"] == "KG"]
            >>> sorted({row["person"] for row in rows if row["level"] == "heads-of-state"})
            ['Sadyr Japarov']
        """
        return [
            {
                "meeting": meeting.id,
                "date": meeting.date.isoformat(),
                "level": meeting.level,
                "country": participant.country,
                "person": participant.person,
                "person_id": participant.person_id,
                "wikidata": participant.wikidata,
                "title": participant.title,
                "role": participant.role,
                "aliases": list(participant.aliases),
            }
            for meeting in self
            for participant in meeting.participants
        ]

    def to_frame(self) -> Any:
        """Return :meth:`to_records` as a pandas ``DataFrame``, one row per meeting.

        Raises:
            ImportError: If pandas is not installed, with the command that installs it.

        Example:
            >>> from c5statement import MEETINGS
            >>> MEETINGS.to_frame().shape
            (9, 21)
        """
        return _frame(self.to_records(), MEETING_COLUMNS)

    def delegations_frame(self) -> Any:
        """Return :meth:`delegations` as a pandas ``DataFrame``, one row per meeting and delegation head.

        Raises:
            ImportError: If pandas is not installed, with the command that installs it.

        Example:
            >>> from c5statement import MEETINGS
            >>> frame = MEETINGS.delegations_frame()
            >>> int(frame.groupby("person_id")["meeting"].count()["sirojiddin-muhriddin"])
            5
        """
        return _frame(self.delegations(), DELEGATION_COLUMNS)
