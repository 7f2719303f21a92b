"""Hostile inputs on the command line: nothing raw reaches the terminal, writes cannot lie, odd files refused.

Each test here failed before the defect it names was fixed (issue 10).
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import pytest

from c5statement import MEETING_2020, to_json
from c5statement._cli import main
from c5statement._errors import MAX_PROBLEMS, MAX_REASON

MODULE = (sys.executable, "-m", "c5statement")
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
HOSTILE = "\x1b]0;pwned\x07\r\x1b[2KOK good.json\nc5statement: OK\u202eevil\u2028\u0085\u2066"


def environment(*, unbuffered: bool) -> dict[str, str]:
    """The environment of a shell, with Python buffered or not, whatever this test run uses."""
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHONUNBUFFERED", "NO_COLOR"}}
    env["PYTHONIOENCODING"] = "utf-8"
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    return env


def document(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(to_json(MEETING_2020))
    data.update(changes)
    return data


def big_record(tmp_path: Path) -> Path:
    """A valid record of a few hundred kilobytes: the 2020 points, repeated."""
    data = document()
    points = data["points"]
    data["points"] = [dict(points[index % len(points)], number=index + 1) for index in range(1500)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert path.stat().st_size > 256 * 1024
    return path


def assert_safe_lines(stderr: str) -> list[str]:
    """Every line of *stderr* is one whole c5statement line, with nothing raw for the terminal."""
    assert stderr.endswith("\n")
    lines = stderr[:-1].split("\n")
    assert all(line.startswith("c5statement: error: ") for line in lines), lines
    assert not UNSAFE.search(stderr), stderr
    return lines


class TestNothingRawReachesTheTerminal:
    """Defect 4: keys, values and file names were echoed with their control and bidi characters."""

    def test_hostile_keys_and_values(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        data = document(**{HOSTILE: 1})
        data["title"] = "<FILL IN" + HOSTILE
        data["points"][0]["themes"] = [HOSTILE]
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert main(["validate", os.fspath(path)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        lines = assert_safe_lines(captured.err)
        assert len(lines) == 3  # one line per problem, however many line breaks the problem holds
        assert any(
            "\\x1b]0;pwned\\x07\\x0d\\x1b[2KOK good.json\\x0ac5statement: OK\\u202eevil" in line for line in lines
        )

    @pytest.mark.skipif(sys.platform == "win32", reason="such file names are not allowed")
    def test_hostile_file_names(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        name = "a\x1b[2K\rb\u202e.json"
        good = tmp_path / name
        good.write_text(to_json(MEETING_2020), encoding="utf-8")
        missing = tmp_path / ("missing" + name)
        assert main(["validate", os.fspath(good), os.fspath(missing)]) == 2
        captured = capsys.readouterr()
        assert captured.out == f"OK {tmp_path}/a\\x1b[2K\\x0db\\u202e.json\n"
        (line,) = assert_safe_lines(captured.err)
        assert line.endswith("missinga\\x1b[2K\\x0db\\u202e.json: no such file")

    def test_usage_errors_quote_arguments_escaped(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["show", "--format", "\x1b[31mred\u202e"]) == 2
        err = capsys.readouterr().err
        assert not UNSAFE.search(err)
        assert "\\x1b[31mred\\u202e" in err

    def test_a_packaged_id_that_is_not_one(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["parse", "-", "--meeting", "cc5\x1b[2K\u2066"]) == 2
        assert_safe_lines(capsys.readouterr().err)


class TestBoundedOutput:
    """Defect 2: the command line printed one line per problem, 200,000 of them, some megabytes long."""

    def test_at_most_max_problems_lines(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document(quotes=[{}] * 5000)), encoding="utf-8")
        assert main(["validate", os.fspath(path)]) == 2
        lines = assert_safe_lines(capsys.readouterr().err)
        assert len(lines) == MAX_PROBLEMS + 1
        assert re.fullmatch(
            rf"c5statement: error: .*bad\.json: \.\.\. and \d+ more problems"
            rf" \(only the first {MAX_PROBLEMS} are listed\)",
            lines[-1],
        )

    def test_huge_key_gives_a_short_line(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document(**{"k" * 4_000_000: 1})), encoding="utf-8")
        assert main(["validate", os.fspath(path)]) == 2
        (line,) = assert_safe_lines(capsys.readouterr().err)
        assert len(line) < 2 * MAX_REASON + len(os.fspath(path)) + 40


class TestSurrogatesOnTheCommandLine:
    """Defect 5: ``validate`` said OK to a lone surrogate in a URL; ``diff`` called it a bug."""

    @pytest.mark.parametrize("command", [["validate"], ["diff", "cc5-fmm-2020"], ["show", "--format", "json"]])
    def test_refused_at_its_place(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
        data = document()
        data["sources"][0]["url"] = "https://example.org/\ud800"
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert main([*command, os.fspath(path)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        (line,) = assert_safe_lines(captured.err)
        assert line == (
            f"c5statement: error: {path}: $.sources[0].url: contains a lone surrogate, which is not valid Unicode"
        )


class _ShortRaw(io.RawIOBase):
    """A raw output that takes at most *step* bytes per write, then fails as a full disk once *room* is used."""

    def __init__(self, room: int, step: int = 4096) -> None:
        self.room = room
        self.step = step
        self.taken = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if len(self.taken) >= self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        chunk = bytes(data[: min(self.step, self.room - len(self.taken))])
        self.taken += chunk
        return len(chunk)


class TestWritesCannotLie:
    """Defect 6: a short write of an unbuffered standard output passed for success."""

    @pytest.mark.parametrize("form", ["json", "text"])
    def test_short_writes_are_finished_or_reported(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], form: str
    ) -> None:
        raw = _ShortRaw(room=10**9)
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(cast("Any", raw), encoding="utf-8", write_through=True))
        assert main(["show", "--format", form, "--color", "never"]) == 0
        expected = to_json(MEETING_2020) if form == "json" else MEETING_2020.to_text(color=False).rstrip("\n") + "\n"
        assert raw.taken.decode("utf-8") == expected
        monkeypatch.setattr(sys, "stdout", sys.__stdout__)
        capsys.readouterr()

    @pytest.mark.parametrize("form", ["json", "text"])
    def test_full_disk_after_a_short_write(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], form: str
    ) -> None:
        raw = _ShortRaw(room=5000)
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(cast("Any", raw), encoding="utf-8", write_through=True))
        status = main(["show", "--format", form, "--color", "never"])
        monkeypatch.setattr(sys, "stdout", sys.__stdout__)
        assert status == 2
        assert (
            capsys.readouterr().err == "c5statement: error: cannot write to standard output: No space left on device\n"
        )

    def test_output_that_takes_nothing(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        raw = _ShortRaw(room=10**9, step=0)
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(cast("Any", raw), encoding="utf-8", write_through=True))
        status = main(["show", "--format", "json"])
        monkeypatch.setattr(sys, "stdout", sys.__stdout__)
        assert status == 2
        assert "cannot write to standard output: the output took no more bytes" in capsys.readouterr().err

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
    @pytest.mark.parametrize("unbuffered", [False, True])
    def test_full_disk(self, tmp_path: Path, unbuffered: bool) -> None:
        with Path("/dev/full").open("wb") as full:
            result = subprocess.run(
                [*MODULE, "show", "--format", "json", big_record(tmp_path)],
                stdout=full,
                stderr=subprocess.PIPE,
                env=environment(unbuffered=unbuffered),
                check=False,
                timeout=120,
            )
        assert result.returncode == 2
        assert result.stderr == b"c5statement: error: cannot write to standard output: No space left on device\n"

    @pytest.mark.skipif(sys.platform == "win32", reason="no SIGPIPE status on Windows")
    @pytest.mark.parametrize("unbuffered", [False, True])
    @pytest.mark.parametrize("form", ["json", "text"])
    def test_broken_pipe_is_141(self, tmp_path: Path, unbuffered: bool, form: str) -> None:
        """``show | head -c 100``: the reader leaves after 100 bytes, in the middle of a large write."""
        with subprocess.Popen(
            [*MODULE, "show", "--format", form, "--color", "never", big_record(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment(unbuffered=unbuffered),
        ) as process:
            assert process.stdout is not None
            assert process.stderr is not None
            assert len(process.stdout.read(100)) == 100
            process.stdout.close()
            stderr = process.stderr.read()
            assert process.wait(timeout=120) == 141
        assert stderr == b""


class TestOddFiles:
    """Defects 9 and 10: an empty name was "a directory"; a FIFO without a writer blocked forever."""

    def test_empty_name(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["validate", ""]) == 2
        assert capsys.readouterr().err == 'c5statement: error: "": the file name is empty\n'

    def test_empty_output_name(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        text = tmp_path / "statement.txt"
        text.write_text("1. all parties agree.\n2. all parties act.\n", encoding="utf-8")
        assert main(["parse", os.fspath(text), "-o", ""]) == 2
        assert capsys.readouterr().err == 'c5statement: error: "": the file name is empty\n'

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
    def test_fifo_refused_at_once(self, tmp_path: Path) -> None:
        fifo = tmp_path / "fifo.json"
        os.mkfifo(fifo)
        result = subprocess.run(
            [*MODULE, "validate", fifo],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=environment(unbuffered=False),
            check=False,
            timeout=60,  # it used to wait for a writer forever
        )
        assert result.returncode == 2
        assert result.stderr == (
            f"c5statement: error: {fifo}: not a regular file (a FIFO): "
            "c5statement reads only regular files and standard input\n"
        )


class TestTextViewOnTheTerminal:
    """Defect 4, in views: a text could carry carriage returns and bidi controls to the terminal."""

    @pytest.mark.parametrize("color", ["never", "always"])
    def test_show_escapes_what_the_text_holds(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], color: str
    ) -> None:
        data = document()
        data["points"][0]["text"] = "All parties agree\rforged\u202e line\u2028two."
        path = tmp_path / "odd.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert main(["show", "--color", color, os.fspath(path)]) == 0
        out = capsys.readouterr().out
        assert "All parties agree\\x0dforged\\u202e line\\u2028two." in re.sub("\x1b\\[[0-9;]*m", "", out)
        without_colour = re.sub("\x1b\\[[0-9;]*m", "", out)
        assert not UNSAFE.search(without_colour.replace("\t", " "))
