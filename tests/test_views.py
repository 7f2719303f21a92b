"""The views package: one module per format over one layout, and the registry of output formats."""

from __future__ import annotations

import ast
import csv
import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import attrs

import c5statement
from c5statement import MEETING_2020, Meeting, Point, PointChange, StatementDiff, compare, diff, key_terms, to_json
from c5statement._align import evidence
from c5statement._cli import build_parser, main
from c5statement._diff import DIFF_COLUMNS, wording
from c5statement._display import formats_of, output_format, render
from c5statement._meetings import TABLE_FORMATS, MeetingTable, meeting_rows, rows_to_markdown
from c5statement._views._latex import latex_escape
from c5statement._views._layout import figure, reasons

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
        assert formats_of(StatementDiff) == ("text", "markdown", "json", "html", "csv", "latex")

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


def reworded() -> tuple[Meeting, Meeting]:
    """Two made-up statements: point 1 kept, point 2 said again in other words, point 3 dropped, point 4 new."""
    old = attrs.evolve(
        MEETING_2020,
        id="old-demo",
        date=MEETING_2020.date.replace(year=2020, month=9),
        points=(
            Point(1, "all parties will deepen trade and investment along the Belt and Road Initiative."),
            Point(2, "all parties condemn terrorism and support a political settlement of the Afghan issue."),
            Point(3, "all parties will open fast tracks for travellers to fight COVID-19."),
        ),
    )
    new = attrs.evolve(
        MEETING_2020,
        id="new-demo",
        date=MEETING_2020.date.replace(year=2021),
        points=(
            Point(1, "all parties will deepen trade and investment along the belt-and-road."),
            Point(2, "the sides stand against terror and back a stable Afghanistan."),
            Point(3, "all parties welcome the Global Security Initiative."),
        ),
    )
    return old, new


class TestTwoFigures:
    def test_a_rewritten_point_has_a_high_match_and_a_low_wording(self) -> None:
        """Said again in other words: surely the same commitment, little of the wording kept."""
        result = diff(*reworded())
        change = next(change for change in result.points if change.old is not None and change.old.number == 2)
        assert change.new is not None
        assert change.wording is not None
        assert change.wording < 0.4
        figures = f"match {figure(change.similarity)}, wording {figure(change.wording)}"
        assert figures in result.to_text(color=False)
        for view in (result.to_text(color=False), result.to_markdown(), result.to_html()):
            assert "similarity 1.00" not in view
            assert "similarity" not in view.lower().replace("similarity of the statements", "")

    def test_wording_counts_the_old_words_kept(self) -> None:
        assert wording("all parties agree.", "All parties agree.") == 1.0
        assert wording("trade will grow fast.", "trade will grow.") == 0.75
        assert wording("trade will grow.", "investment rose.") == 0.0

    def test_a_removed_point_is_labelled_with_its_nearest_candidate(self) -> None:
        result = diff(*reworded())
        removed = next(change for change in result.points if change.kind == "removed")
        assert removed.wording is None
        assert removed.nearest is not None
        label = f"nearest new {removed.nearest}: match {figure(removed.similarity)}"
        assert label in result.to_text(color=False)
        assert label in result.to_markdown()
        assert re.search(
            rf">{figure(removed.similarity)}<div [^>]*>with nearest new {removed.nearest}</div>", result.to_html()
        )

    def test_the_diff_and_the_series_show_the_same_figure(self) -> None:
        """The same pair reads the same in both: every figure is rounded down to two decimals."""
        old, new = reworded()
        result = diff(old, new)
        series = compare([old, new])
        for change in result.points:
            if change.old is None or change.new is None or change.similarity >= 1:
                continue
            shown = figure(change.similarity)
            assert f"match {shown}" in result.to_text(color=False)
            assert f"{change.new.number} ({shown})" in series.to_text(color=False)

    def test_figures_never_round_up_to_one(self) -> None:
        assert figure(0.999) == "0.99"
        assert figure(1.0) == "1.00"
        assert figure(0.07) == "0.07"


class TestTermsAndReasons:
    def test_a_diff_of_a_statement_with_itself_lists_each_key_term_once(self) -> None:
        for meeting in (*reworded(), MEETING_2020):
            kept = diff(meeting, meeting).terms_kept
            keys = [" ".join(term.casefold().replace("-", " ").split()) for term in kept]
            assert len(keys) == len(set(keys))
            assert not diff(meeting, meeting).terms_gained
            assert not diff(meeting, meeting).terms_lost

    def test_one_concept_however_written(self) -> None:
        assert key_terms("COVID-19 and covid") == {"COVID-19", "health"}
        assert key_terms("the Belt and Road Initiative and belt-and-road projects") == {"Belt and Road"}
        assert key_terms("the peoples of Central Asia and the Central Asian states") == {"Central Asia"}
        assert key_terms("the Afghan issue and Afghanistan") == {"Afghanistan"}
        assert "Shanghai Cooperation Organisation" in key_terms("within the Shanghai Cooperation Organisation")

    def test_a_renamed_term_is_neither_gained_nor_lost(self) -> None:
        result = diff(*reworded())
        assert not {"Afghan", "afghanistan", "belt-and-road", "Belt and Road Initiative"} & (
            result.terms_gained | result.terms_lost | result.terms_kept
        )
        assert "Belt and Road" in result.terms_kept
        assert "Afghanistan" in result.terms_kept

    def test_evidence_names_no_generic_stem_and_keeps_hyphenated_words_whole(self) -> None:
        old = Point(1, "all will keep green passages for goods, highly efficient, against COVID-19.")
        new = Point(1, "all want good and high quality work against covid-19 with green passages.")
        change = PointChange("edited", old, new, 0.9, evidence=evidence(old, new))
        assert any(str(item).startswith("good") for item in change.evidence)  # the data keeps it
        shown = reasons(change)
        assert not any(reason.startswith(("good", "high")) for reason in shown)
        assert any("COVID-19" in reason or "covid-19" in reason for reason in shown)
        assert not any(reason in {"19", "COVID", "covid"} for reason in shown)


class TestReading:
    def test_the_series_has_a_key_to_its_lineages(self) -> None:
        series = compare(list(reworded()))
        for view in (series.to_text(color=False), series.to_markdown(), series.to_html()):
            assert "+ merged" in view.replace("&#43;", "+").replace("\\+", "+")
            assert "previous statement" in view

    def test_a_long_diff_leads_with_its_summary_and_folds_the_rest(self) -> None:
        html = diff(MEETING_2020, MEETING_2020).to_html()
        assert html.index("9 unchanged") < html.index("<details")
        assert "Key terms kept" in html[: html.index("<details")]

    def test_no_inserted_or_deleted_word_carries_its_space_marked(self) -> None:
        change = PointChange("edited", Point(1, "trade will grow."), Point(1, "trade will grow fast, surely."), 0.9)
        html = StatementDiff("a", "b", (change,)).to_html()
        marked = re.findall(r'<ins class="c5-run( c5-space)?"[^>]*>(.*?)</ins>', html)
        assert marked
        for space, text in marked:
            assert space or text == text.strip()
        assert "".join(text for _, text in marked) == " fast, surely"

    def test_the_notes_box_keeps_its_bullets_inside(self) -> None:
        html = MEETING_2020.to_html()
        box = re.search(r'<ul class="c5-notes" style="([^"]*)"', html)
        assert box
        assert "padding: .35em .75em .35em 2.2em" in box.group(1)


class TestMeetingsDisplay:
    def test_a_short_repr_and_a_table(self) -> None:
        from c5statement import MEETINGS

        assert MEETINGS[0] == MEETING_2020
        assert isinstance(MEETINGS, tuple)
        assert all(isinstance(found, Meeting) for found in MEETINGS)
        assert len(repr(MEETINGS)) < 120
        assert repr(MEETINGS).startswith(f"<{len(MEETINGS)} meetings")
        bundle = MEETINGS._repr_mimebundle_()
        assert bundle["text/plain"] == repr(MEETINGS)
        assert bundle["text/html"].count("<tr") == len(MEETINGS) + 1
        assert all(found.id in bundle["text/html"] for found in MEETINGS)


class TestTables:
    def test_a_diff_as_records_and_a_frame(self) -> None:
        result = diff(*reworded())
        rows = result.to_records()
        assert len(rows) == len(result.points)
        assert all(set(row) == set(DIFF_COLUMNS) for row in rows)
        for row, change in zip(rows, result.points, strict=True):
            assert row["match"] == change.similarity
            assert row["wording"] == change.wording
            assert row["old_number"] == (change.old.number if change.old is not None else None)
            assert row["terms_gained"] == "; ".join(sorted(change.terms_gained))
        frame = result.to_frame()
        assert list(frame.columns) == list(DIFF_COLUMNS)
        assert len(frame) == len(result.points)
        assert str(frame["old_number"].dtype) == "Int64"

    def test_csv_and_latex_on_the_command_line(self, tmp_path: Path) -> None:
        old, new = reworded()
        paths = []
        for meeting in (old, new):
            path = tmp_path / f"{meeting.id}.json"
            path.write_text(to_json(meeting), encoding="utf-8")
            paths.append(str(path))
        out = io.StringIO()
        with redirect_stdout(out):
            main(["diff", *paths, "--format", "csv"])
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert [row["change"] for row in rows] == [change.kind for change in diff(old, new).points]
        out = io.StringIO()
        with redirect_stdout(out):
            main(["diff", *paths, "--format", "latex"])
        latex = out.getvalue()
        assert "\\begin{tabular}" in latex
        assert "\\toprule" in latex
        assert "Match & Wording" in latex
        assert latex_escape("50% & $1_000") == "50\\% \\& \\$1\\_000"

    def test_a_series_frame_has_dates_and_labels(self) -> None:
        frame = compare(list(reworded())).to_frame()
        assert str(frame["date"].dtype).startswith("datetime64")
        assert set(frame["label"]) == {"old-demo", "new-demo"}

    def test_plot_draws_the_themes_over_time(self) -> None:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        series = compare([MEETING_2020, *list(reworded())])
        ax = series.plot()
        labels = [label.get_text() for label in ax.get_yticklabels()]
        assert "Trade and investment" in labels or any("rade" in label for label in labels)
        assert [label.get_text() for label in ax.get_xticklabels()] == list(series.labels)
        assert 0 < len(ax.get_yticklabels()) <= len(series.themes)
        assert 0 < len(ax.collections) <= len(series.themes)
        plt.close(ax.figure)


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
            assert float(row["match"]) == change.similarity
        assert {row["change"] for row in rows} >= {"removed", "added", "edited"}
        assert rows == [
            {key: "" if value is None else str(value) for key, value in record.items()}
            for record in result.to_records()
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


class TestSummaryCountsEachPointOnce:
    """The summary's counts add up to the points: an edited point that moved is edited, "also moved"."""

    def test_an_edited_point_that_moved_is_counted_once(self) -> None:
        first, second = MEETING_2020.points[0], MEETING_2020.points[1]
        old = attrs.evolve(MEETING_2020, points=(first, second))
        reworded = attrs.evolve(first, number=2, text=first.text.rstrip(".") + " together.")
        new = attrs.evolve(MEETING_2020, points=(attrs.evolve(second, number=1), reworded))
        result = diff(old, new)
        assert sorted((change.kind, change.moved) for change in result.points) == [
            ("edited", True),
            ("unchanged", False),
        ]
        summary = "1 edited (1 also moved), 1 unchanged"
        assert summary in result.to_text()
        assert summary in result.to_markdown()
        assert summary in result.to_html()
        assert result.counts()["moved"] == 1  # counts() still says how many moved, as documented

    def test_points_that_only_moved_are_counted_as_moved(self) -> None:
        points = MEETING_2020.points
        order = (points[1], points[0], *points[2:])
        reordered = tuple(attrs.evolve(point, number=number) for number, point in enumerate(order, 1))
        result = diff(MEETING_2020, attrs.evolve(MEETING_2020, points=reordered))
        line = result.to_text().splitlines()[0]
        kinds = [change.kind for change in result.points]
        assert kinds.count("moved") == 1
        assert line.endswith(": 1 moved, 8 unchanged")


def test_a_formats_name_joined_by_a_plus_is_no_pair_of_key_terms() -> None:
    """``C+C5`` gave the key terms ``C`` and ``C5``; the format is the mechanism's concept, found in the whole."""
    terms = key_terms("The C+C5 meeting mechanism is to be strengthened, and the C5+1 too.")
    assert not terms & {"C", "C5", "1"}
    assert "the mechanism of the format" in terms
    assert key_terms("Talks with Japan and Korea.") >= {"Japan", "Korea"}  # names apart from a plus stay


def test_the_mechanism_concept_names_no_format_on_another_formats_pair() -> None:
    """Two EU-Central Asia summits share the concept of a format's own meetings: its label must not say China."""
    old = Point(1, "The first EU-Central Asia summit in Samarkand set up a secretariat for the dialogue.")
    new = Point(1, "Leaders agreed to hold the second EU-Central Asia summit and to keep the secretariat.")
    labels = [item.label for item in evidence(old, new)]
    assert "the mechanism of the format" in labels
    assert not any("China" in label for label in labels)
    assert not any("China" in term for term in key_terms(new.text))
    shown = diff(attrs.evolve(MEETING_2020, points=(old,)), attrs.evolve(MEETING_2020, points=(new,)))
    assert "the mechanism of the format" in shown.to_text()
    assert "China" not in shown.to_text()
