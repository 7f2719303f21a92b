"""The JSON views: a statement or a diff as its canonical document, the table of the meetings as an array."""

from __future__ import annotations

import json

from c5statement._convert import to_json
from c5statement._diff import StatementDiff
from c5statement._display import register
from c5statement._meetings import MeetingTable
from c5statement._model import Meeting

__all__ = ["document_to_json", "table_to_json"]


@register(Meeting, "json")
@register(StatementDiff, "json")
def document_to_json(document: Meeting | StatementDiff) -> str:
    """Return the canonical JSON of a statement or a diff: the bytes its fingerprint is taken of.

    Example:
        >>> from c5statement import MEETING_2020, fingerprint
        >>> import hashlib
        >>> hashlib.sha256(document_to_json(MEETING_2020).encode()).hexdigest() == fingerprint(MEETING_2020)
        True
    """
    return to_json(document)


@register(MeetingTable, "json")
def table_to_json(table: MeetingTable) -> str:
    """Render the table of the meetings as a JSON array of objects (two-space indent, ending in a newline).

    Example:
        >>> from c5statement import MEETINGS
        >>> from c5statement._meetings import MeetingTable, meeting_rows
        >>> rows = json.loads(table_to_json(MeetingTable(meeting_rows(MEETINGS[:2]))))
        >>> [row["id"] for row in rows], rows[0]["venue"]
        (['cc5-fmm-2020', 'cc5-fmm-2021'], None)
    """
    return json.dumps([row.to_dict() for row in table.rows], ensure_ascii=False, indent=2) + "\n"
