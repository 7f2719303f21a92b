"""Arguments that are a file or the id of a packaged meeting: what an unknown one is told."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from c5statement import MEETING_2020, MEETINGS, Meeting, dump, from_json, meeting
from c5statement._cli import main
from c5statement._data import close_ids

if TYPE_CHECKING:
    from pathlib import Path

LISTS_THEM = '("c5statement meetings" lists every id)'

TEXT = """\
ILLUSTRATIVE TEXT, written for the tests of c5statement.

First, all parties will deepen cooperation in trade and transport.

Second, all parties will jointly fight terrorism and keep the region stable.
"""


def error_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the command line in-process; it must fail with status 2 and one error line, which is returned."""
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    prefix = "c5statement: error: "
    assert line.startswith(prefix)
    return line.removeprefix(prefix)


@pytest.fixture
def text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A statement text, in a temporary folder that is also the working folder (where no id is a file)."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "statement.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


class TestCloseIds:
    def test_a_typo_names_the_one_id_meant(self) -> None:
        """A typo in an id names that id alone, whatever its case."""
        assert close_ids("cc5-fmm-2023x") == ("cc5-fmm-2023",)
        assert close_ids("CC5-FMM-2024") == ("cc5-fmm-2024",)
        assert close_ids("cc5-fm-2021") == ("cc5-fmm-2021",)

    def test_a_part_of_ids_names_the_ids_containing_it(self) -> None:
        """A year or a level names the meetings that have it, in date order, at most three."""
        assert close_ids("2023") == ("cc5-fmm-2023", "cc5-summit-2023")
        assert close_ids("summit") == ("cc5-summit-2022-video", "cc5-summit-2023", "cc5-summit-2025")
        assert close_ids("fmm", most=10) == tuple(m.id for m in MEETINGS if "fmm" in m.id)

    @pytest.mark.parametrize("name", ["nonexistent", "examples/data/statement.json", "2024.json", "", "ab"])
    def test_nothing_alike_names_nothing(self, name: str) -> None:
        """A name like no id names none."""
        assert close_ids(name) == ()

    def test_meeting_names_the_id_meant(self) -> None:
        """``meeting()`` with an unknown id names the ids it may mean, then every id."""
        with pytest.raises(
            KeyError, match=r"'2023'; did you mean cc5-fmm-2023 or cc5-summit-2023\? known: cc5-fmm-2020, "
        ):
            meeting("2023")
        with pytest.raises(KeyError, match=r"'nonexistent'; known: cc5-fmm-2020, "):
            meeting("nonexistent")
        with pytest.raises(KeyError, match=r"no packaged meeting has the id 5; known: "):
            meeting(5)  # type: ignore[arg-type]

    def test_only_packaged_ids(self) -> None:
        """Every id named is the id of a packaged meeting."""
        known = {m.id for m in MEETINGS}
        for name in ("cc5-fmm-2019", "cc5-summit-2024", "fmm-2022", "summit-2025-video"):
            assert set(close_ids(name)) <= known


class TestUnknownIds:
    @pytest.mark.usefixtures("text")
    def test_show_names_the_id_meant(self, capsys: pytest.CaptureFixture[str]) -> None:
        """show: neither a file nor an id, it says both, names the closest id and where all are listed."""
        assert error_of(["show", "cc5-fmm-2023x"], capsys) == (
            "cc5-fmm-2023x: no such file, and not the id of a packaged meeting: "
            f"did you mean cc5-fmm-2023? {LISTS_THEM}"
        )

    @pytest.mark.usefixtures("text")
    def test_show_without_a_close_id(self, capsys: pytest.CaptureFixture[str]) -> None:
        """show: a name like no id still says both and points to the list."""
        assert error_of(["show", "nonexistent"], capsys) == (
            f"nonexistent: no such file, and not the id of a packaged meeting {LISTS_THEM}"
        )

    @pytest.mark.parametrize("position", ["old", "new"])
    @pytest.mark.usefixtures("text")
    def test_diff_names_the_ids_meant(self, position: str, capsys: pytest.CaptureFixture[str]) -> None:
        """diff: an unknown OLD or NEW is named with the ids it may mean; the other side is read as usual."""
        argv = ["diff", "2023", "cc5-fmm-2020"] if position == "old" else ["diff", "cc5-fmm-2020", "2023"]
        assert error_of(argv, capsys) == (
            "2023: no such file, and not the id of a packaged meeting: "
            f"did you mean cc5-fmm-2023 or cc5-summit-2023? {LISTS_THEM}"
        )

    def test_parse_meeting_names_the_id_meant(self, text: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """parse --meeting: the same error, and nothing is written."""
        out = text.with_name("out.json")
        message = error_of(["parse", os.fspath(text), "--meeting", "cc5-summit-2025x", "-o", os.fspath(out)], capsys)
        assert message == (
            "cc5-summit-2025x: no such file, and not the id of a packaged meeting: "
            f"did you mean cc5-summit-2025? {LISTS_THEM}"
        )
        assert not out.exists()

    @pytest.mark.usefixtures("text")
    def test_validate_takes_files_and_says_only_that(self, capsys: pytest.CaptureFixture[str]) -> None:
        """validate checks files: a missing one is only a missing file."""
        assert error_of(["validate", "cc5-fmm-2023x"], capsys) == "cc5-fmm-2023x: no such file"

    def test_a_file_wins_over_an_id(self, text: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file named like an id is read as the file, as before."""
        dump(MEETING_2020, text.with_name("cc5-fmm-2024"))
        assert main(["show", "cc5-fmm-2024", "--format", "json"]) == 0
        assert from_json(capsys.readouterr().out, Meeting) == MEETING_2020

    def test_the_script_exits_2_and_names_the_id(self, tmp_path: Path) -> None:
        """``c5statement show cc5-fmm-2023x``, as a user types it: exit 2, the id meant named on stderr."""
        result = subprocess.run(
            [sys.executable, "-m", "c5statement", "show", "cc5-fmm-2023x"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=tmp_path,
            check=False,
            timeout=120,
        )
        assert result.returncode == 2
        assert result.stdout == ""
        assert "did you mean cc5-fmm-2023?" in result.stderr
        assert "c5statement meetings" in result.stderr


class TestParseMeetingFromAFile:
    def test_facts_from_a_statement_file(self, text: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """parse --meeting FILE takes every fact but the points from the statement in FILE."""
        record = text.with_name("2021.json")
        dump(MEETINGS[1], record)
        assert main(["parse", os.fspath(text), "--meeting", os.fspath(record)]) == 0
        parsed = from_json(capsys.readouterr().out, Meeting)
        assert (parsed.id, parsed.date, parsed.participants) == (
            MEETINGS[1].id,
            MEETINGS[1].date,
            MEETINGS[1].participants,
        )
        assert [point.number for point in parsed.points] == [1, 2]
        assert "transport" in parsed.points[0].text

    def test_both_from_standard_input_is_refused(self, capsys: pytest.CaptureFixture[str]) -> None:
        """TEXTFILE and --meeting cannot both be standard input."""
        assert "standard input can be read only once" in error_of(["parse", "-", "--meeting", "-"], capsys)

    def test_an_invalid_meeting_file_is_named(self, text: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A --meeting file that is not a statement is reported with its place."""
        bad = text.with_name("bad.json")
        bad.write_text("{}", encoding="utf-8")
        assert main(["parse", os.fspath(text), "--meeting", os.fspath(bad)]) == 2
        assert f"{bad}: $." in capsys.readouterr().err
