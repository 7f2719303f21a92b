"""The CSV views: comma-separated values with a header line, quoted where needed, one record a line."""

from __future__ import annotations

import csv
import io

from c5statement._display import register
from c5statement._meetings import CSV_COLUMNS, MeetingTable

__all__ = ["table_to_csv"]


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
