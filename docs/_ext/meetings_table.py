"""A ``{meetings-table}`` directive: the table of the packaged meetings, built from the data.

The table is made at build time from ``c5statement.MEETINGS`` through the same
rows the ``meetings`` command prints, so the page can never fall behind the
data::

    ```{meetings-table}
    ```

Each row gives the date, the id, the level and format, the venue, the chair (or
the host, where no source names a chair), the heads of delegation and the
documents adopted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive

if TYPE_CHECKING:
    from sphinx.application import Sphinx

HEADER = ("Date", "Meeting", "Venue", "Chair or host", "Heads of delegation", "Documents and decisions")
WIDTHS = (10, 16, 14, 14, 28, 28)


def _paragraphs(texts: list[str]) -> list[nodes.Node]:
    return [nodes.paragraph(text=text) for text in texts] or [nodes.paragraph(text="")]


def _entry(texts: list[str]) -> nodes.entry:
    entry = nodes.entry()
    entry.extend(_paragraphs(texts))
    return entry


class MeetingsTable(Directive):
    """Insert the table of every packaged meeting."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        """Build the table from the package's data."""
        from c5statement._meetings import meeting_rows

        table = nodes.table(classes=["c5-meetings"])
        group = nodes.tgroup(cols=len(HEADER))
        table += group
        group.extend(nodes.colspec(colwidth=width) for width in WIDTHS)
        head = nodes.thead()
        head += nodes.row("", *(_entry([title]) for title in HEADER))
        group += head
        body = nodes.tbody()
        for row in meeting_rows():
            if row.chair:
                chair = [f"{row.chair}, chair"]
            elif row.host:
                chair = [f"{row.host}, host (no chair named in the sources)"]
            else:
                chair = []
            cells = [
                [row.date.isoformat()],
                [row.id, f"{row.level}, {row.format}"],
                [row.venue or f"none ({row.format})"],
                chair,
                [str(head) for head in row.heads],
                list(row.documents),
            ]
            body += nodes.row("", *(_entry(texts) for texts in cells))
        group += body
        return [table]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``meetings-table`` directive."""
    app.add_directive("meetings-table", MeetingsTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
