"""The CSV views: comma-separated values with a header line, quoted where needed, one record a line."""

from __future__ import annotations

import csv
import io

from c5statement._diff import DIFF_COLUMNS, StatementDiff
from c5statement._display import register
from c5statement._meetings import CSV_COLUMNS, MeetingTable

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
    """Render a diff as CSV: a header line, then one record a point change (the rows of ``to_records()``).

    Every text is written whole, as data (line breaks inside a quoted field);
    an absent value is an empty field.

    Example:
        >>> import csv, io
        >>> from c5statement import MEETING_2020, diff
        >>> rows = list(csv.DictReader(io.StringIO(diff_to_csv(diff(MEETING_2020, MEETING_2020)))))
        >>> len(rows), rows[8]["change"], rows[8]["new_number"]
        (9, 'unchanged', '9')
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=DIFF_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(result.to_records())
    return out.getvalue()
