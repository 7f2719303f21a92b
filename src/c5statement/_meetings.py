"""The meetings of the mechanism as a table: one row a meeting, as text, Markdown, JSON or CSV.

A row holds the facts a reader scans for first: the date, the id, the level and
format, the venue, who chaired or hosted, the head of every delegation with the
title the record gives, and the documents adopted (the record's decisions). The
views take rows, so any selection of meetings can be shown, and default to
every packaged meeting (:data:`c5statement.MEETINGS`). The table is drawn like
every other object, by the views registered for :class:`MeetingTable` (see
``_views``); this module decides only what a row holds.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

import attrs

from ._display import render

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ._model import Meeting, Participant

__all__ = [
    "TABLE_FORMATS",
    "Head",
    "MeetingRow",
    "MeetingTable",
    "meeting_rows",
    "render_meetings",
    "rows_to_csv",
    "rows_to_json",
    "rows_to_markdown",
    "rows_to_text",
]

TABLE_FORMATS: tuple[str, ...] = ("text", "markdown", "json", "csv", "latex")
"""The formats :func:`render_meetings` knows: those whose view is registered for :class:`MeetingTable`."""

HOST_ROLE = "host"
"""The role of a participant who hosted a meeting that no source says they chaired."""

CSV_COLUMNS: tuple[str, ...] = ("date", "id", "level", "format", "venue", "chair", "host", "heads", "documents")
"""The columns of the CSV table, in order."""


@attrs.frozen
class Head:
    """The head of one delegation, as a row of the table lists it.

    Example:
        >>> str(Head(country="KZ", person="Murat Nurtleu", title="Minister of Foreign Affairs"))
        'KZ: Murat Nurtleu, Minister of Foreign Affairs'
    """

    country: str
    person: str
    title: str
    role: str = "head of delegation"

    def __str__(self) -> str:
        marker = "" if self.role == "head of delegation" else f" ({self.role})"
        return f"{self.country}: {self.person}, {self.title}{marker}"

    def to_dict(self) -> dict[str, str]:
        """Return the head as a JSON-ready dict.

        Example:
            >>> Head("CN", "Wang Yi", "Foreign Minister", "chair").to_dict()["role"]
            'chair'
        """
        return {"country": self.country, "person": self.person, "title": self.title, "role": self.role}


def _named(participant: Participant | None) -> str | None:
    return None if participant is None else f"{participant.person} ({participant.country})"


@attrs.frozen
class MeetingRow:
    """One meeting as a row of the table.

    Attributes:
        id: The meeting's id.
        date: The day of the meeting (for a meeting of several days, the day the
            record gives; its notes give the span).
        level: ``"foreign-ministers"`` or ``"heads-of-state"``.
        format: ``"in-person"``, ``"video"`` or ``"hybrid"``.
        venue: The venue, or ``None`` for a video meeting.
        chair: ``"Person (CC)"`` of the participant whose role is ``"chair"``, if any.
        host: ``"Person (CC)"`` of a participant whose role is ``"host"``: the host of
            a meeting whose chair the sources do not name.
        heads: The head of every delegation, in the record's order.
        documents: The texts of the record's decisions: the documents adopted and
            what was decided.

    Example:
        >>> from c5statement import MEETING_2020
        >>> row = MeetingRow.from_meeting(MEETING_2020)
        >>> row.chair, len(row.heads), row.venue
        ('Wang Yi (CN)', 6, None)
    """

    id: str
    date: datetime.date
    level: str
    format: str
    venue: str | None
    chair: str | None
    host: str | None
    heads: tuple[Head, ...]
    documents: tuple[str, ...]

    @classmethod
    def from_meeting(cls, meeting: Meeting) -> MeetingRow:
        """Build the row of *meeting*.

        Example:
            >>> from c5statement import MEETING_2020
            >>> MeetingRow.from_meeting(MEETING_2020).documents[0]
            'adopted a joint statement'
        """
        host = next((p for p in meeting.participants if p.role == HOST_ROLE), None)
        return cls(
            id=meeting.id,
            date=meeting.date,
            level=meeting.level,
            format=meeting.format,
            venue=meeting.venue,
            chair=_named(meeting.chair),
            host=_named(host),
            heads=tuple(Head(p.country, p.person, p.title, p.role) for p in meeting.participants),
            documents=tuple(decision.text for decision in meeting.decisions),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the row as a JSON-ready dict (the date in ISO form).

        Example:
            >>> from c5statement import MEETING_2020
            >>> MeetingRow.from_meeting(MEETING_2020).to_dict()["date"]
            '2020-07-16'
        """
        return {
            "date": self.date.isoformat(),
            "id": self.id,
            "level": self.level,
            "format": self.format,
            "venue": self.venue,
            "chair": self.chair,
            "host": self.host,
            "heads": [head.to_dict() for head in self.heads],
            "documents": list(self.documents),
        }

    def cells(self) -> dict[str, str]:
        """Return the row as flat text cells, keyed by :data:`CSV_COLUMNS`.

        Heads and documents are joined with ``"; "``; an absent value is empty.

        Example:
            >>> from c5statement import MEETING_2020
            >>> MeetingRow.from_meeting(MEETING_2020).cells()["heads"].split("; ")[1]
            'KZ: Mukhtar Tleuberdi, Foreign Minister'
        """
        return {
            "date": self.date.isoformat(),
            "id": self.id,
            "level": self.level,
            "format": self.format,
            "venue": self.venue or "",
            "chair": self.chair or "",
            "host": self.host or "",
            "heads": "; ".join(str(head) for head in self.heads),
            "documents": "; ".join(self.documents),
        }


def meeting_rows(meetings: Iterable[Meeting] | None = None) -> tuple[MeetingRow, ...]:
    """Return the rows of *meetings*, by default of every packaged meeting.

    Example:
        >>> rows = meeting_rows()
        >>> rows[0].id, rows[0].date.year
        ('cc5-fmm-2020', 2020)
    """
    if meetings is None:
        from ._data import meetings as packaged

        meetings = packaged()
    return tuple(MeetingRow.from_meeting(meeting) for meeting in meetings)


@attrs.frozen
class MeetingTable:
    """The table of some meetings: the object the views draw (text, Markdown, JSON, CSV).

    Attributes:
        rows: The rows, one a meeting, in the order given.

    Example:
        >>> from c5statement._display import render
        >>> table = MeetingTable(meeting_rows()[:2])
        >>> render(table, "csv").splitlines()[2].split(",")[1]
        'cc5-fmm-2021'
    """

    rows: tuple[MeetingRow, ...]


def _table(rows: Iterable[MeetingRow], view: str) -> str:
    return render(MeetingTable(tuple(rows)), view)


def rows_to_text(rows: Iterable[MeetingRow]) -> str:
    """Render rows for a terminal: a block a meeting, separated by blank lines.

    Example:
        >>> lines = rows_to_text(meeting_rows()[:1]).splitlines()
        >>> for line in lines[:11]:
        ...     print(line)
        2020-07-16  cc5-fmm-2020  foreign-ministers, video
          venue: none (video)
          chair: Wang Yi (CN)
          heads of delegation:
            CN: Wang Yi, State Councilor and Foreign Minister (chair)
            KZ: Mukhtar Tleuberdi, Foreign Minister
            KG: Chingiz Aidarbekov, Foreign Minister
            TJ: Sirojiddin Muhriddin, Foreign Minister
            TM: Rashid Meredov, Deputy Prime Minister and Foreign Minister
            UZ: Abdulaziz Kamilov, Foreign Minister
          documents and decisions:
        >>> lines[11]
        '    - adopted a joint statement'
    """
    return _table(rows, "text")


def rows_to_markdown(rows: Iterable[MeetingRow]) -> str:
    """Render rows as a Markdown (GitHub-flavoured) table.

    Every cell is escaped as in the other Markdown views (pipes, backslashes,
    HTML and emphasis), and line breaks flattened, so that no text can break
    the table.

    Example:
        >>> table = rows_to_markdown(meeting_rows()[:1])
        >>> print(table.splitlines()[0])
        | Date | Id | Level | Format | Venue | Chair or host | Heads of delegation | Documents |
        >>> len(table.splitlines())
        3
    """
    return _table(rows, "markdown")


def rows_to_json(rows: Iterable[MeetingRow]) -> str:
    """Render rows as a JSON array of objects (two-space indent, ending in a newline).

    Example:
        >>> import json
        >>> json.loads(rows_to_json(meeting_rows()[:1]))[0]["heads"][0]["person"]
        'Wang Yi'
    """
    return _table(rows, "json")


def rows_to_csv(rows: Iterable[MeetingRow]) -> str:
    """Render rows as CSV with a header line (:data:`CSV_COLUMNS`), quoted where needed.

    Example:
        >>> import csv, io
        >>> parsed = list(csv.DictReader(io.StringIO(rows_to_csv(meeting_rows()[:1]))))
        >>> parsed[0]["chair"]
        'Wang Yi (CN)'
    """
    return _table(rows, "csv")


def render_meetings(meetings: Iterable[Meeting] | None = None, format: str = "text") -> str:
    """Render the table of *meetings* (by default every packaged one) in *format*.

    Args:
        meetings: The meetings to show, in the order given; ``None`` for
            :data:`c5statement.MEETINGS`.
        format: One of :data:`TABLE_FORMATS`.

    Raises:
        ValueError: If *format* is not one of :data:`TABLE_FORMATS`.

    Example:
        >>> render_meetings(format="csv").splitlines()[0]
        'date,id,level,format,venue,chair,host,heads,documents'
        >>> render_meetings(format="yaml")
        Traceback (most recent call last):
        ...
        ValueError: unknown table format 'yaml'; choose one of text, markdown, json, csv, latex
    """
    if format not in TABLE_FORMATS:
        msg = f"unknown table format {format!r}; choose one of {', '.join(TABLE_FORMATS)}"
        raise ValueError(msg)
    return _table(meeting_rows(meetings), format)
