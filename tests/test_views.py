"""The views package: one module per format over one layout, and the registry of output formats."""

from __future__ import annotations

import ast
import csv
import io
from contextlib import redirect_stdout
from pathlib import Path

import attrs

import c5statement
from c5statement import MEETING_2020, Meeting, Point, StatementDiff, diff
from c5statement._cli import build_parser, main
from c5statement._display import formats_of, output_format, render
from c5statement._meetings import TABLE_FORMATS, MeetingTable, meeting_rows, rows_to_markdown
from c5statement._views._layout import DIFF_COLUMNS, diff_records

VIEWS = Path(c5statement.__file__).with_name("_views")


def choices(command: str) -> tuple[str, ...]:
    parser = build_parser()
    subparsers = next(action for action in parser._actions if action.dest == "command")
    sub = subparsers.choices[command]  # type: ignore[index]
    option = next(action for action in sub._actions if action.dest == "format")
    return tuple(option.choices)


class TestRegistry:
    def test_each_class_has_its_formats(self) -> None:
        """Each object is offered the formats that have its view, in the order of registration."""
        assert formats_of(Meeting) == ("text", "markdown", "json", "html")
        assert formats_of(MeetingTable) == TABLE_FORMATS
        assert formats_of(StatementDiff) == ("text", "markdown", "json", "html", "csv")

    def test_cli_offers_the_registered_formats(self) -> None:
        """The command line's --format choices come from the registry, not a list of its own."""
        assert choices("show") == formats_of(Meeting)
        assert choices("diff") == formats_of(StatementDiff)
        assert choices("meetings") == formats_of(MeetingTable)

    def test_html_format_is_the_whole_page(self) -> None:
        """--format html writes the whole page, a document; text is the one terminal format."""
        assert output_format("html").view == "html-document"
        assert [name for name in ("text", "markdown", "json", "html", "csv") if output_format(name).terminal] == [
            "text"
        ]

    def test_cli_writes_what_the_view_draws(self) -> None:
        """Every format the CLI offers for a meeting writes the registered view, ended by a newline."""
        for name in formats_of(Meeting):
            out = io.StringIO()
            with redirect_stdout(out):
                assert main(["show", "--format", name, "--color", "never"]) == 0
            drawn = render(MEETING_2020, output_format(name).view, **({"color": False} if name == "text" else {}))
            assert out.getvalue() == (drawn if drawn.endswith("\n") else drawn + "\n")


class TestOneEscaping:
    def test_table_cells_escaped_as_every_markdown_view(self) -> None:
        """The meetings table escapes a cell with the same rule as the meeting's own Markdown view."""
        tricky = attrs.evolve(MEETING_2020, venue="*Hall* <b>A</b> _x_ [y](z) `c`")
        row = rows_to_markdown(meeting_rows([tricky])).splitlines()[2]
        facts = tricky.to_markdown()
        cell = next(line for line in facts.splitlines() if line.startswith("| Venue |")).split(" | ")[1]
        assert cell in row
        assert "<b>" not in row
        assert "\\*Hall\\*" in row

    def test_no_format_module_escapes_markdown_itself(self) -> None:
        """Only the Markdown module defines Markdown escaping; the table module has none."""
        meetings = Path(c5statement.__file__).with_name("_meetings.py").read_text(encoding="utf-8")
        assert "_markdown_cell" not in meetings
        assert 'replace("|"' not in meetings


class TestLayout:
    def test_format_modules_draw_no_class_the_layout_does_not_know(self) -> None:
        """Every format module imports the shared layout or writes only tables, and defines no view twice."""
        registered: dict[tuple[str, str], str] = {}
        for path in sorted(VIEWS.glob("_*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.FunctionDef):
                    for decorator in node.decorator_list:
                        if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "register":
                            cls, view = (ast.unparse(argument) for argument in decorator.args)
                            assert (cls, view) not in registered, f"{cls} {view}: {path.name} and {registered}"
                            registered[cls, view] = path.name
        assert registered[("Meeting", "'text'")] == "_text.py"
        assert registered[("MeetingTable", "'markdown'")] == "_markdown.py"

    def test_diff_views_agree_on_the_summary(self) -> None:
        """The counts of a diff are decided once: each format shows the same words."""
        result = diff(MEETING_2020, attrs.evolve(MEETING_2020, points=MEETING_2020.points[1:]))
        summary = result.to_text(color=False).splitlines()[0].split(": ", 1)[1]
        assert summary in result.to_markdown()
        assert summary in result.to_html()


class TestDiffCsv:
    """The CSV export of a diff: one record a point change, for spreadsheets and data frames."""

    def changed(self) -> StatementDiff:
        points = list(MEETING_2020.points[1:6])
        points[0] = attrs.evolve(points[0], text=points[0].text.replace("all parties", 'the sides, "all",\nsix'))
        points.append(Point(9, "all parties welcome the new secretariat in Xi'an."))
        later = attrs.evolve(MEETING_2020, id="later", points=tuple(points))
        return diff(MEETING_2020, later)

    def test_rows_read_back(self) -> None:
        """Each point change is one record; texts with commas, quotes and line breaks read back whole."""
        result = self.changed()
        rows = list(csv.DictReader(io.StringIO(render(result, "csv"))))
        assert len(rows) == len(result.points)
        assert tuple(rows[0]) == DIFF_COLUMNS
        for row, change in zip(rows, result.points, strict=True):
            assert row["new_text"] == (change.new.text if change.new else "")
            assert row["old_text"] == (change.old.text if change.old else "")
            assert float(row["similarity"]) == change.similarity
        assert {row["change"] for row in rows} >= {"removed", "added", "edited"}
        assert rows == [
            {key: "" if value is None else str(value) for key, value in record.items()}
            for record in diff_records(result)
        ]

    def test_terms_and_evidence_are_the_diffs(self) -> None:
        result = self.changed()
        rows = list(csv.DictReader(io.StringIO(render(result, "csv"))))
        for row, change in zip(rows, result.points, strict=True):
            assert (row["terms_gained"].split("; ") if row["terms_gained"] else []) == sorted(change.terms_gained)
            assert row["evidence"] == "; ".join(str(item) for item in change.evidence)

    def test_cli_writes_it(self, tmp_path: Path) -> None:
        """``c5statement diff --format csv`` writes the records, exit 1 as for any difference."""
        from c5statement import dump

        result = self.changed()
        later = result.apply(MEETING_2020)
        dump(later, tmp_path / "later.json")
        out = io.StringIO()
        with redirect_stdout(out):
            status = main(["diff", "cc5-fmm-2020", str(tmp_path / "later.json"), "--format", "csv"])
        assert status == 1
        assert out.getvalue() == render(diff(MEETING_2020, later), "csv")
