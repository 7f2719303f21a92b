"""The CSV views: comma-separated values with a header line, quoted where needed, one record a line."""

from __future__ import annotations

import csv
import io

from c5statement._diff import StatementDiff
from c5statement._display import register
from c5statement._meetings import CSV_COLUMNS, MeetingTable

from ._records import DIFF_COLUMNS, diff_records

__all__ = ["diff_to_csv", "table_to_csv"]


@register(MeetingTable, "csv")
def table_to_csv(table: MeetingTable) -> str:
    """Render the table of the meetings as CSV, one meeting a line, the columns of :data:`CSV_COLUMNS`.

    Example:
        >>> from c5statement._meetings import MeetingTable, meeting_rows
        >>> table_to_csv(MeetingTable(meeting_rows()[:1])).splitlines()[0]
        'date,id,level,format,venue,chair,host,heads,documents'
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in table.rows:
        writer.writerow(row.cells())
    return out.getvalue()


@register(StatementDiff, "csv")
def diff_to_csv(result: StatementDiff) -> str:
    """Render a diff as CSV, one point change a line, the columns of :data:`~._records.DIFF_COLUMNS`.

    The figures are written in full (``match`` and ``wording``, from 0 to 1); a
    missing value (the new number of a removed point) is an empty field.

    Example:
        >>> from c5statement import MEETING_2020, diff
        >>> lines = diff_to_csv(diff(MEETING_2020, MEETING_2020)).splitlines()
        >>> lines[0].split(",")[:7], len(lines)
        (['old_id', 'new_id', 'kind', 'old_number', 'new_number', 'match', 'wording'], 10)
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=DIFF_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in diff_records(result):
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return out.getvalue()
