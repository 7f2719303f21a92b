"""The command line, called the way a user calls it: in a subprocess."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from c5statement import MEETING_2020, Meeting, dump, fingerprint, from_json, to_json
from c5statement._cli import main
from c5statement._display import use_color

MODULE = (sys.executable, "-m", "c5statement")
SCRIPT = Path(sys.executable).with_name("c5statement")
COMMANDS = ("show", "diff", "validate", "parse", "meetings", "schema")
ESCAPE = "\x1b["

STATEMENT_TEXT = """\
ILLUSTRATIVE TEXT, written for the tests of c5statement.

The ministers reached the following consensus.

First, all parties will strengthen cooperation in trade and energy.

Second, all parties condemn terrorism and will jointly safeguard regional security.

Third, all parties support the United Nations and oppose interference in internal affairs.
"""


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a user's shell, without colour settings, plus *extra*."""
    env = {key: value for key, value in os.environ.items() if key not in {"NO_COLOR", "FORCE_COLOR"}}
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def run(
    *args: str | os.PathLike[str],
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m c5statement ARGS`` and capture its output."""
    return subprocess.run(
        [*MODULE, *(os.fspath(arg) for arg in args)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=clean_env() if env is None else env,
        cwd=cwd,
        check=False,
        timeout=120,
    )


def later_meeting() -> Meeting:
    """An illustrative later statement: the 2020 one without its last point, with one point reworded."""
    points = list(MEETING_2020.points[:-1])
    points[6] = attrs.evolve(points[6], text="all parties condemn terrorism in all its forms.")
    return attrs.evolve(
        MEETING_2020, id="cc5-later-illustrative", points=tuple(points), illustrative=True, venue="Xi'an, China"
    )


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """Statement files in a temporary folder: ``old`` (2020), ``new`` (illustrative), and a text."""
    old = tmp_path / "2020.json"
    new = tmp_path / "later.json"
    text = tmp_path / "statement.txt"
    dump(MEETING_2020, old)
    dump(later_meeting(), new)
    text.write_text(STATEMENT_TEXT, encoding="utf-8")
    return {"old": old, "new": new, "text": text}


def rounded(document: object) -> object:
    """*document* with every float rounded to 9 places: similarities may differ in the last bits between runs."""
    if isinstance(document, float):
        return round(document, 9)
    if isinstance(document, dict):
        return {key: rounded(value) for key, value in document.items()}
    if isinstance(document, list):
        return [rounded(value) for value in document]
    return document


def write_broken(tmp_path: Path) -> Path:
    """A statement file whose fourth point has a blank text."""
    document = json.loads(to_json(MEETING_2020))
    document["points"][3]["text"] = "   "
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def assert_clean_failure(result: subprocess.CompletedProcess[str]) -> None:
    """Exit status 2, nothing on stdout, only ``c5statement: error:`` lines on stderr."""
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines
    assert all(line.startswith("c5statement: error: ") for line in lines), result.stderr


class TestEntryPoints:
    def test_module_runs(self) -> None:
        """``python -m c5statement --help`` prints the help and exits 0."""
        result = run("--help")
        assert result.returncode == 0
        assert result.stdout.startswith("usage: c5statement ")
        for command in COMMANDS:
            assert command in result.stdout

    @pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed next to this Python")
    def test_installed_script_runs(self, files: dict[str, Path]) -> None:
        """The installed ``c5statement`` script behaves like ``python -m c5statement``, exit status included."""
        script = subprocess.run(
            [os.fspath(SCRIPT), "diff", os.fspath(files["old"]), os.fspath(files["new"])],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=clean_env(),
            check=False,
        )
        module = run("diff", files["old"], files["new"])
        assert script.returncode == module.returncode == 1
        assert script.stdout == module.stdout
        assert script.stderr == ""

    def test_script_is_declared(self) -> None:
        """The installed script's entry point is the one ``main`` tested here."""
        if shutil.which("c5statement", path=os.fspath(SCRIPT.parent)) is None:
            pytest.skip("the console script is not installed next to this Python")
        assert "c5statement._cli" in SCRIPT.read_text(encoding="utf-8")

    def test_version(self) -> None:
        """``--version`` prints the installed version."""
        from importlib.metadata import version

        result = run("--version")
        assert result.returncode == 0
        assert result.stdout == f"c5statement {version('c5statement')}\n"

    def test_no_command(self) -> None:
        """Without a command: usage and a reason on stderr, exit 2."""
        result = run()
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.startswith("usage: c5statement")
        assert "c5statement: error: a command is required" in result.stderr

    def test_unknown_command(self) -> None:
        """An unknown command is a usage error, exit 2."""
        result = run("frobnicate")
        assert result.returncode == 2
        assert "invalid choice: 'frobnicate'" in result.stderr
        assert "Traceback" not in result.stderr

    @pytest.mark.parametrize("command", COMMANDS)
    def test_help_has_an_example(self, command: str) -> None:
        """Every command's ``--help`` shows at least one example invocation."""
        result = run(command, "--help")
        assert result.returncode == 0
        assert "example" in result.stdout
        assert f"\n  c5statement {command}" in result.stdout

    def test_unexpected_error(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        """A bug ends with one error line and status 2, not a traceback; ``C5STATEMENT_DEBUG`` shows it."""
        import c5statement._cli as cli

        def broken(*_: object) -> int:
            raise RuntimeError("boom")

        monkeypatch.setattr(cli, "_show", broken)
        monkeypatch.delenv("C5STATEMENT_DEBUG", raising=False)
        assert main(["show"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("c5statement: error: unexpected RuntimeError: boom (a bug in c5statement")
        assert err.count("\n") == 1
        monkeypatch.setenv("C5STATEMENT_DEBUG", "1")
        with pytest.raises(RuntimeError, match="boom"):
            main(["show"])

    def test_interrupted(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Ctrl-C ends quietly with status 130, as shells report an interrupted command."""
        import c5statement._cli as cli

        def interrupted(*_: object) -> int:
            raise KeyboardInterrupt

        monkeypatch.setattr(cli, "_show", interrupted)
        assert main(["show"]) == 130

    def test_main_returns_status(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``main`` returns the status instead of exiting, for ``--help`` and for usage errors."""
        assert main(["--help"]) == 0
        assert main(["diff"]) == 2
        assert "the following arguments are required" in capsys.readouterr().err


class TestShowCommand:
    def test_default_is_2020(self) -> None:
        """Without a file, ``show`` prints the 2020 meeting."""
        result = run("show")
        assert result.returncode == 0
        assert result.stderr == ""
        assert MEETING_2020.title in result.stdout
        assert "Wang Yi" in result.stdout
        assert ESCAPE not in result.stdout

    def test_json_is_canonical(self) -> None:
        """``--format json`` prints the canonical JSON, byte for byte."""
        result = run("show", "--format", "json")
        assert result.returncode == 0
        assert result.stdout == to_json(MEETING_2020)

    def test_file(self, files: dict[str, Path]) -> None:
        """``show FILE`` prints that statement."""
        result = run("show", files["new"], "--format", "json")
        assert result.returncode == 0
        assert from_json(result.stdout) == later_meeting()

    def test_stdin(self) -> None:
        """``show -`` reads the statement from standard input."""
        result = run("show", "-", "--format", "json", stdin=to_json(later_meeting()))
        assert result.returncode == 0
        assert from_json(result.stdout) == later_meeting()

    @pytest.mark.parametrize(("form", "marker"), [("markdown", "#"), ("html", "<")])
    def test_other_formats(self, form: str, marker: str) -> None:
        """``--format markdown`` and ``--format html`` print the statement in that form."""
        result = run("show", "--format", form)
        assert result.returncode == 0
        assert result.stdout.lstrip().startswith(marker)
        assert "Wang Yi" in result.stdout

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is named, and said not to be a meeting id either, exit 2."""
        result = run("show", "missing.json", cwd=tmp_path)
        assert_clean_failure(result)
        assert result.stderr == (
            "c5statement: error: missing.json: no such file, and not the id of a packaged meeting "
            '("c5statement meetings" lists every id)\n'
        )

    def test_directory(self, tmp_path: Path) -> None:
        """A directory instead of a file is named, exit 2."""
        result = run("show", tmp_path)
        assert_clean_failure(result)
        assert result.stderr == f"c5statement: error: {tmp_path}: is a directory, not a file\n"

    @pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file")
    def test_unreadable_file(self, files: dict[str, Path]) -> None:
        """A file without read permission is named, exit 2."""
        files["old"].chmod(0)
        result = run("show", files["old"])
        assert_clean_failure(result)
        assert result.stderr == f"c5statement: error: {files['old']}: permission denied\n"

    def test_invalid_file_names_place(self, tmp_path: Path) -> None:
        """An invalid statement is reported as file, place and reason, with no traceback."""
        write_broken(tmp_path)
        result = run("show", "broken.json", cwd=tmp_path)
        assert_clean_failure(result)
        assert result.stderr == "c5statement: error: broken.json: $.points[3].text: must not be blank\n"

    def test_malformed_json(self, tmp_path: Path) -> None:
        """Malformed JSON is reported with its line and column."""
        (tmp_path / "bad.json").write_text('{"format_version": 1,\n  "id": }\n', encoding="utf-8")
        result = run("show", "bad.json", cwd=tmp_path)
        assert_clean_failure(result)
        assert result.stderr.startswith("c5statement: error: bad.json: $: malformed JSON at line 2 column 9")

    def test_bad_format(self) -> None:
        """An unknown ``--format`` is a usage error, exit 2."""
        result = run("show", "--format", "pdf")
        assert result.returncode == 2
        assert "invalid choice: 'pdf'" in result.stderr


def run_on_terminal(*args: str, env: dict[str, str], status: int = 0) -> str:
    """Run ``python -m c5statement ARGS`` with a pseudo-terminal as stdout; return what it printed."""
    import pty

    leader, follower = pty.openpty()
    with subprocess.Popen([*MODULE, *args], stdout=follower, stderr=subprocess.DEVNULL, env=env) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        assert process.wait(timeout=120) == status
    return b"".join(chunks).decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
class TestColor:
    def test_none_in_a_pipe(self) -> None:
        """Output to a pipe has no colour by default."""
        assert ESCAPE not in run("show").stdout

    def test_on_a_terminal(self) -> None:
        """Output to a terminal is coloured by default."""
        assert ESCAPE in run_on_terminal("show", env=clean_env())

    def test_no_color_on_a_terminal(self) -> None:
        """``NO_COLOR`` turns colour off, even on a terminal."""
        assert ESCAPE not in run_on_terminal("show", env=clean_env(NO_COLOR="1"))

    def test_empty_no_color_is_ignored(self) -> None:
        """An empty ``NO_COLOR`` does not count as set (https://no-color.org)."""
        assert ESCAPE in run_on_terminal("show", env=clean_env(NO_COLOR=""))

    def test_never_on_a_terminal(self) -> None:
        """``--color never`` turns colour off on a terminal."""
        assert ESCAPE not in run_on_terminal("show", "--color", "never", env=clean_env())

    def test_always_in_a_pipe(self) -> None:
        """``--color always`` colours even in a pipe, and wins over ``NO_COLOR``."""
        result = run("show", "--color", "always", env=clean_env(NO_COLOR="1"))
        assert ESCAPE in result.stdout

    def test_diff_on_a_terminal(self, files: dict[str, Path]) -> None:
        """``diff`` colours its text on a terminal (and exits 1: the statements differ)."""
        output = run_on_terminal("diff", os.fspath(files["old"]), os.fspath(files["new"]), env=clean_env(), status=1)
        assert ESCAPE in output

    def test_use_color_rules(self) -> None:
        """``use_color``: auto needs a terminal and no ``NO_COLOR``; always and never decide alone."""
        import io

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        assert use_color(None, Terminal(), {}) is True
        assert use_color(None, Terminal(), {"NO_COLOR": "1"}) is False
        assert use_color(None, io.StringIO(), {}) is False
        assert use_color(color=True, stream=io.StringIO(), environ={"NO_COLOR": "1"}) is True
        assert use_color(color=False, stream=Terminal(), environ={}) is False


class TestDiffCommand:
    def test_no_differences(self, files: dict[str, Path]) -> None:
        """Two equal statements: exit 0."""
        result = run("diff", files["old"], files["old"])
        assert result.returncode == 0
        assert result.stderr == ""

    def test_differences(self, files: dict[str, Path]) -> None:
        """Two different statements: exit 1, and the changes on stdout."""
        result = run("diff", files["old"], files["new"])
        assert result.returncode == 1
        assert result.stderr == ""
        assert "terrorism" in result.stdout
        assert ESCAPE not in result.stdout

    def test_json(self, files: dict[str, Path]) -> None:
        """``--format json`` prints the diff as the converter writes it."""
        from c5statement import diff

        result = run("diff", files["old"], files["new"], "--format", "json")
        assert result.returncode == 1
        assert rounded(json.loads(result.stdout)) == rounded(json.loads(to_json(diff(MEETING_2020, later_meeting()))))
        assert json.loads(result.stdout)["format_version"] == 1

    def test_json_of_no_differences(self, files: dict[str, Path]) -> None:
        """``--format json`` of equal statements still prints a document, and exits 0."""
        result = run("diff", files["old"], files["old"], "--format", "json")
        assert result.returncode == 0
        assert json.loads(result.stdout)["format_version"] == 1

    @pytest.mark.parametrize("form", ["text", "markdown", "html"])
    def test_formats_match_the_library(self, files: dict[str, Path], form: str) -> None:
        """Each ``--format`` prints what the library's renderer returns."""
        from c5statement import diff

        changes = diff(MEETING_2020, later_meeting())
        expected = {
            "text": changes.to_text(color=False),
            "markdown": changes.to_markdown(),
            "html": changes.to_html_document(),
        }[form]
        result = run("diff", files["old"], files["new"], "--format", form)
        assert result.returncode == 1
        assert result.stdout.rstrip("\n") == expected.rstrip("\n")

    def test_threshold_is_passed(self, files: dict[str, Path]) -> None:
        """``--threshold`` reaches the matching of points."""
        from c5statement import diff

        result = run("diff", files["old"], files["new"], "--format", "json", "--threshold", "0.99")
        assert result.returncode == 1
        expected = json.loads(to_json(diff(MEETING_2020, later_meeting(), threshold=0.99)))
        assert rounded(json.loads(result.stdout)) == rounded(expected)
        assert expected != json.loads(to_json(diff(MEETING_2020, later_meeting())))

    @pytest.mark.parametrize(("value", "reason"), [("1.5", "1.5 is not between 0 and 1"), ("x", "'x' is not a number")])
    def test_bad_threshold(self, files: dict[str, Path], value: str, reason: str) -> None:
        """A threshold outside 0..1, or not a number, is a usage error, exit 2."""
        result = run("diff", files["old"], files["new"], "--threshold", value)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.endswith(f"error: argument -t/--threshold: {reason}\n")

    def test_missing_new(self, files: dict[str, Path]) -> None:
        """A missing NEW file is named, exit 2 (not 1)."""
        result = run("diff", files["old"], files["old"].with_name("nope.json"))
        assert_clean_failure(result)
        assert result.stderr.startswith(f"c5statement: error: {files['old'].with_name('nope.json')}: no such file, ")

    def test_invalid_old(self, tmp_path: Path, files: dict[str, Path]) -> None:
        """An invalid OLD file is reported with the place, exit 2."""
        write_broken(tmp_path)
        result = run("diff", "broken.json", files["new"], cwd=tmp_path)
        assert_clean_failure(result)
        assert result.stderr == "c5statement: error: broken.json: $.points[3].text: must not be blank\n"

    def test_missing_argument(self, files: dict[str, Path]) -> None:
        """``diff`` with one file is a usage error, exit 2."""
        result = run("diff", files["old"])
        assert result.returncode == 2
        assert "the following arguments are required: NEW" in result.stderr


class TestValidateCommand:
    def test_valid_files(self, files: dict[str, Path]) -> None:
        """Each valid file gets an ``OK`` line; exit 0."""
        result = run("validate", files["old"], files["new"])
        assert result.returncode == 0
        assert result.stdout == f"OK {files['old']}\nOK {files['new']}\n"
        assert result.stderr == ""

    def test_quiet(self, files: dict[str, Path]) -> None:
        """``--quiet`` prints nothing for valid files."""
        result = run("validate", "--quiet", files["old"])
        assert result.returncode == 0
        assert result.stdout == ""

    def test_one_line_per_problem(self, tmp_path: Path, files: dict[str, Path]) -> None:
        """An invalid file gets one error line per problem; the valid ones still get ``OK``; exit 2."""
        document = json.loads(to_json(MEETING_2020))
        document["points"][3]["text"] = ""
        document["points"][5]["themes"] = ["Digital Economy"]
        document["venu"] = "Xi'an"
        (tmp_path / "bad.json").write_text(json.dumps(document), encoding="utf-8")
        result = run("validate", "bad.json", os.fspath(files["old"]), cwd=tmp_path)
        assert result.returncode == 2
        assert result.stdout == f"OK {files['old']}\n"
        errors = result.stderr.splitlines()
        assert all(line.startswith("c5statement: error: bad.json: $.") for line in errors)
        places = {line.split(": ")[3] for line in errors}
        assert places == {"$.points[3].text", "$.points[5].themes", "$.venu"}
        assert "Traceback" not in result.stderr

    def test_not_json(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 JSON is reported, exit 2."""
        (tmp_path / "latin1.json").write_bytes(b'{"title": "caf\xe9"}')
        result = run("validate", "latin1.json", cwd=tmp_path)
        assert_clean_failure(result)
        assert result.stderr.startswith("c5statement: error: latin1.json: $: invalid UTF-8 at byte 14 (line 1)")

    def test_illustrative_file_is_valid(self, files: dict[str, Path]) -> None:
        """An illustrative record is valid; it only says what it is."""
        assert from_json(files["new"].read_text(encoding="utf-8")).illustrative is True
        assert run("validate", files["new"]).returncode == 0

    def test_stdin(self, files: dict[str, Path]) -> None:
        """``validate -`` checks standard input and names it ``<stdin>`` in errors."""
        ok = run("validate", "-", stdin=files["old"].read_text(encoding="utf-8"))
        assert ok.returncode == 0
        assert ok.stdout == "OK -\n"
        bad = run("validate", "-", stdin='{"format_version": 1, "id": "x", "title": "t", "level": "summit"}')
        assert_clean_failure(bad)
        assert bad.stderr.splitlines() == [
            "c5statement: error: <stdin>: $.date: required key is missing",
            "c5statement: error: <stdin>: $.format: required key is missing",
        ]

    def test_missing_and_directory(self, tmp_path: Path) -> None:
        """Missing files and directories are named, each on its own line."""
        (tmp_path / "folder").mkdir()
        result = run("validate", "missing.json", "folder", cwd=tmp_path)
        assert_clean_failure(result)
        assert result.stderr.splitlines() == [
            "c5statement: error: missing.json: no such file",
            "c5statement: error: folder: is a directory, not a file",
        ]

    def test_no_files(self) -> None:
        """``validate`` without files is a usage error, exit 2."""
        result = run("validate")
        assert result.returncode == 2
        assert "the following arguments are required: FILE" in result.stderr


class TestParseCommand:
    def test_skeleton_on_stdout(self, files: dict[str, Path]) -> None:
        """``parse TEXTFILE`` prints a JSON skeleton whose points are the text's."""
        from c5statement import parse_points

        result = run("parse", files["text"])
        assert result.returncode == 0
        assert result.stderr == ""
        document = json.loads(result.stdout)
        expected = parse_points(STATEMENT_TEXT)
        assert [point["text"] for point in document["points"]] == [point.text for point in expected]
        assert [point["number"] for point in document["points"]] == [1, 2, 3]
        assert "<FILL IN" in result.stdout

    def test_output_file(self, files: dict[str, Path], tmp_path: Path) -> None:
        """``-o OUT`` writes the skeleton to OUT and nothing to stdout."""
        out = tmp_path / "skeleton.json"
        result = run("parse", files["text"], "-o", out)
        assert result.returncode == 0
        assert result.stdout == ""
        assert out.read_text(encoding="utf-8") == run("parse", files["text"]).stdout

    def test_title(self, files: dict[str, Path]) -> None:
        """``--title`` is recorded in the skeleton."""
        result = run("parse", files["text"], "--title", "Joint statement of the illustrative meeting")
        assert result.returncode == 0
        assert "Joint statement of the illustrative meeting" in result.stdout

    def test_skeleton_fails_validation(self, files: dict[str, Path], tmp_path: Path) -> None:
        """A skeleton is rejected by ``validate`` until its placeholders are filled in."""
        out = tmp_path / "skeleton.json"
        assert run("parse", files["text"], "-o", out).returncode == 0
        result = run("validate", out)
        assert_clean_failure(result)
        assert "placeholder not filled in" in result.stderr

    def test_stdin(self) -> None:
        """``parse -`` reads the text from standard input."""
        result = run("parse", "-", stdin=STATEMENT_TEXT)
        assert result.returncode == 0
        assert len(json.loads(result.stdout)["points"]) == 3

    def test_no_enumeration(self, tmp_path: Path) -> None:
        """A text without numbered points is reported with the file's name, exit 2."""
        (tmp_path / "prose.txt").write_text("The ministers met and talked.\n", encoding="utf-8")
        result = run("parse", "prose.txt", cwd=tmp_path)
        assert_clean_failure(result)
        assert result.stderr.startswith("c5statement: error: prose.txt: no enumerated points found: ")
        assert result.stderr.count("\n") == 1

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A text file that is not UTF-8 is reported with its line, exit 2."""
        (tmp_path / "latin1.txt").write_bytes(b"First line.\nSecond, caf\xe9.\n")
        result = run("parse", "latin1.txt", cwd=tmp_path)
        assert_clean_failure(result)
        assert result.stderr == (
            "c5statement: error: latin1.txt: line 2: not UTF-8 text (byte 23: invalid continuation byte)\n"
        )

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing text file is named, exit 2."""
        result = run("parse", "missing.txt", cwd=tmp_path)
        assert_clean_failure(result)
        assert result.stderr == "c5statement: error: missing.txt: no such file\n"

    def test_output_is_a_directory(self, files: dict[str, Path], tmp_path: Path) -> None:
        """``-o`` naming a directory is reported, exit 2."""
        result = run("parse", files["text"], "-o", tmp_path)
        assert_clean_failure(result)
        assert result.stderr == f"c5statement: error: {tmp_path}: is a directory, not a file\n"


class TestSchemaCommand:
    def test_prints_the_schema(self) -> None:
        """``schema`` prints the library's JSON Schema."""
        from c5statement import json_schema

        result = run("schema")
        assert result.returncode == 0
        assert json.loads(result.stdout) == json_schema()
        assert result.stdout == json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"

    def test_schema_accepts_the_2020_record(self) -> None:
        """The printed schema validates the 2020 record as ``show --format json`` prints it."""
        jsonschema = pytest.importorskip("jsonschema")
        schema = json.loads(run("schema").stdout)
        document = json.loads(run("show", "--format", "json").stdout)
        jsonschema.validate(document, schema)

    def test_takes_no_arguments(self) -> None:
        """``schema`` with an argument is a usage error, exit 2."""
        result = run("schema", "extra")
        assert result.returncode == 2
        assert "unrecognized arguments: extra" in result.stderr


class TestWorkflow:
    def test_tutorial_commands(self, tmp_path: Path) -> None:
        """The tutorial's shell session works from start to end, with the exit codes it shows."""
        assert run("show", "--format", "json").stdout == to_json(MEETING_2020)
        (tmp_path / "2020.json").write_text(run("show", "--format", "json").stdout, encoding="utf-8")
        dump(later_meeting(), tmp_path / "later.json")
        assert run("validate", "2020.json", "later.json", cwd=tmp_path).returncode == 0
        assert run("diff", "2020.json", "2020.json", cwd=tmp_path).returncode == 0
        assert run("diff", "2020.json", "later.json", cwd=tmp_path).returncode == 1
        assert fingerprint(from_json((tmp_path / "2020.json").read_bytes())) == fingerprint(MEETING_2020)


def run_bytes(
    *args: str | os.PathLike[str], encoding: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m c5statement ARGS`` with standard output in *encoding*; capture the raw bytes."""
    return subprocess.run(
        [*MODULE, *(os.fspath(arg) for arg in args)],
        capture_output=True,
        env=clean_env(PYTHONIOENCODING=encoding),
        cwd=cwd,
        check=False,
        timeout=120,
    )


def windows_like_stdout(monkeypatch: pytest.MonkeyPatch, encoding: str = "cp1252") -> io.BytesIO:
    """Replace ``sys.stdout`` by a text stream in *encoding* that writes ``\\r\\n`` line ends; return its bytes."""
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding=encoding, newline="\r\n"))
    return raw


class TestLocaleIndependentOutput:
    @pytest.mark.parametrize("encoding", ["latin-1", "ascii", "utf-8"])
    def test_show_json_is_utf8_whatever_the_encoding(self, encoding: str) -> None:
        """``show --format json`` writes the canonical UTF-8 bytes, so their SHA-256 is the fingerprint."""
        import hashlib

        result = run_bytes("show", "--format", "json", encoding=encoding)
        assert result.returncode == 0, result.stderr
        assert result.stderr == b""
        assert result.stdout == to_json(MEETING_2020).encode("utf-8")
        assert hashlib.sha256(result.stdout).hexdigest() == fingerprint(MEETING_2020)

    def test_no_newline_translation(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """JSON bypasses the newline translation of a text stream (``\\r\\n`` on Windows)."""
        raw = windows_like_stdout(monkeypatch)
        assert main(["show", "--format", "json"]) == 0
        sys.stdout.flush()
        assert raw.getvalue() == to_json(MEETING_2020).encode("utf-8")

    def test_other_json_outputs_are_utf8(self, files: dict[str, Path]) -> None:
        """``diff --format json``, ``schema`` and ``parse`` write UTF-8 under a Latin-1 locale."""
        from c5statement import json_schema

        changes = run_bytes("diff", files["old"], files["new"], "--format", "json", encoding="latin-1")
        assert changes.returncode == 1, changes.stderr
        assert "’" in changes.stdout.decode("utf-8")  # noqa: RUF001 - a character Latin-1 lacks
        schema = run_bytes("schema", encoding="latin-1")
        assert schema.returncode == 0, schema.stderr
        assert json.loads(schema.stdout.decode("utf-8")) == json_schema()
        files["text"].write_text(STATEMENT_TEXT.replace("trade", "trade “and”"), encoding="utf-8")
        skeleton = run_bytes("parse", files["text"], encoding="latin-1")
        assert skeleton.returncode == 0, skeleton.stderr
        assert "trade “and”" in json.loads(skeleton.stdout.decode("utf-8"))["points"][0]["text"]

    @pytest.mark.parametrize("form", ["markdown", "html"])
    def test_documents_are_utf8(self, form: str) -> None:
        """Markdown and HTML are documents too: UTF-8 bytes under a Latin-1 locale."""
        expected = run_bytes("show", "--format", form, encoding="utf-8").stdout
        result = run_bytes("show", "--format", form, encoding="latin-1")
        assert result.returncode == 0, result.stderr
        assert result.stdout == expected
        assert "’".encode() in result.stdout  # noqa: RUF001 - a character Latin-1 lacks

    def test_text_escapes_what_the_terminal_cannot_show(self, files: dict[str, Path]) -> None:
        """Text output in a Latin-1 locale writes ``\\u2019`` for ’ instead of failing."""  # noqa: RUF002
        result = run_bytes("show", encoding="latin-1")
        assert result.returncode == 0, result.stderr
        assert result.stderr == b""
        assert b"\\u2019" in result.stdout
        assert b"Wang Yi" in result.stdout
        changes = run_bytes("diff", files["old"], files["new"], encoding="ascii")
        assert changes.returncode == 1, changes.stderr
        assert changes.stderr == b""

    def test_text_keeps_the_stream_line_ends(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Text for a terminal goes through the text stream, in its encoding and with its line ends."""
        raw = windows_like_stdout(monkeypatch, encoding="ascii")
        assert main(["show", "--color", "never"]) == 0
        sys.stdout.flush()
        output = raw.getvalue()
        assert output.count(b"\r\n") == output.count(b"\n") > 0
        assert b"\\u2019" in output

    def test_validate_names_any_file(self, tmp_path: Path) -> None:
        """An ``OK`` line naming a file the locale cannot spell is escaped, not a crash."""
        dump(MEETING_2020, tmp_path / "réunion.json")
        result = run_bytes("validate", "réunion.json", encoding="ascii", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout == b"OK r\\xe9union.json\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes and /dev/full")
class TestWriteErrors:
    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
    @pytest.mark.parametrize("args", [("show", "--format", "json"), ("show",), ("schema",), ("validate", "FILE")])
    def test_full_disk_is_an_ordinary_error(self, args: tuple[str, ...], files: dict[str, Path]) -> None:
        """A write that fails (a full disk) is one error line and exit 2, not a bug report."""
        args = tuple(os.fspath(files["old"]) if arg == "FILE" else arg for arg in args)
        with Path("/dev/full").open("wb") as full:
            result = subprocess.run(
                [*MODULE, *args], stdout=full, stderr=subprocess.PIPE, env=clean_env(), check=False, timeout=120
            )
        assert result.returncode == 2
        assert result.stderr == b"c5statement: error: cannot write to standard output: No space left on device\n"

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
    def test_full_disk_for_diff(self, files: dict[str, Path]) -> None:
        """``diff a b > /dev/full`` reports the write error with exit 2, not the differences' 1."""
        with Path("/dev/full").open("wb") as full:
            result = subprocess.run(
                [*MODULE, "diff", files["old"], files["new"]],
                stdout=full,
                stderr=subprocess.PIPE,
                env=clean_env(),
                check=False,
                timeout=120,
            )
        assert result.returncode == 2
        assert result.stderr.decode().count("\n") == 1
        assert "bug" not in result.stderr.decode()

    @pytest.mark.parametrize(
        "args", [("show",), ("show", "--format", "json"), ("schema",), ("diff", "OLD", "NEW"), ("--version",)]
    )
    def test_closed_pipe_exits_quietly(self, args: tuple[str, ...], files: dict[str, Path]) -> None:
        """A reader that went away (``| head -n 1``) ends the command quietly with status 141."""
        args = tuple({"OLD": os.fspath(files["old"]), "NEW": os.fspath(files["new"])}.get(arg, arg) for arg in args)
        reader, writer = os.pipe()
        os.close(reader)  # closed before the command writes: every write fails with EPIPE
        try:
            result = subprocess.run(
                [*MODULE, *args], stdout=writer, stderr=subprocess.PIPE, env=clean_env(), check=False, timeout=120
            )
        finally:
            os.close(writer)
        assert result.returncode == 141
        assert result.stderr == b""

    def test_head_reads_the_first_line(self) -> None:
        """``c5statement schema | head -n 1`` prints the first line, and the shell sees no noise."""
        if shutil.which("sh") is None or shutil.which("head") is None:
            pytest.skip("no POSIX shell")
        command = " ".join(f"'{part}'" for part in MODULE) + " schema | head -n 1"
        result = subprocess.run(
            ["sh", "-c", command], capture_output=True, text=True, env=clean_env(), check=False, timeout=120
        )
        assert result.returncode == 0
        assert result.stdout == "{\n"
        assert result.stderr == ""

    def test_output_errors_in_process(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``main`` returns 141 for a broken pipe and 2, with one line, for another write error."""
        import errno

        class Failing(io.StringIO):
            def __init__(self, error: OSError) -> None:
                super().__init__()
                self.error = error

            def write(self, _: str) -> int:
                raise self.error

        monkeypatch.setattr(sys, "stdout", Failing(BrokenPipeError(errno.EPIPE, "Broken pipe")))
        assert main(["show"]) == 141
        assert capsys.readouterr().err == ""
        monkeypatch.setattr(sys, "stdout", Failing(OSError(errno.EIO, "Input/output error")))
        assert main(["show"]) == 2
        assert capsys.readouterr().err == "c5statement: error: cannot write to standard output: Input/output error\n"


class TestStandardInputOnce:
    def test_diff_rejects_stdin_twice(self) -> None:
        """``diff - -`` is a usage error: standard input cannot be read twice."""
        result = run("diff", "-", "-", stdin=to_json(MEETING_2020))
        assert_clean_failure(result)
        assert result.stderr == (
            'c5statement: error: OLD and NEW cannot both be "-": standard input can be read only once\n'
        )

    def test_diff_stdin_once_still_works(self, files: dict[str, Path]) -> None:
        """``diff - NEW`` still reads OLD from standard input."""
        result = run("diff", "-", files["new"], stdin=to_json(MEETING_2020))
        assert result.returncode == 1
        assert result.stderr == ""

    def test_validate_rejects_stdin_twice(self) -> None:
        """``validate - -`` is a usage error too, before anything is checked."""
        result = run("validate", "-", "-", stdin=to_json(MEETING_2020))
        assert_clean_failure(result)
        assert result.stderr == (
            'c5statement: error: "-" can be given only once: standard input can be read only once\n'
        )


class TestParseOutputFile:
    def test_refuses_to_replace_a_file(self, files: dict[str, Path], tmp_path: Path) -> None:
        """``-o`` naming an existing file is an error, and the file is left as it was."""
        out = tmp_path / "2021.json"
        out.write_text("precious", encoding="utf-8")
        result = run("parse", files["text"], "-o", out)
        assert_clean_failure(result)
        assert result.stderr == f"c5statement: error: {out}: already exists (use --force to replace it)\n"
        assert out.read_text(encoding="utf-8") == "precious"
        assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
            ["2020.json", "later.json", "statement.txt", "2021.json"]
        )

    def test_refuses_a_dangling_symlink(self, files: dict[str, Path], tmp_path: Path) -> None:
        """A symbolic link to nowhere is an existing name too: nothing is written through it."""
        link = tmp_path / "link.json"
        link.symlink_to(tmp_path / "elsewhere.json")
        result = run("parse", files["text"], "-o", link)
        assert_clean_failure(result)
        assert not (tmp_path / "elsewhere.json").exists()

    def test_force_replaces_atomically(self, files: dict[str, Path], tmp_path: Path) -> None:
        """``--force`` replaces the file by renaming a new one over it, keeping its permissions."""
        out = tmp_path / "2021.json"
        out.write_text("old", encoding="utf-8")
        out.chmod(0o640)
        before = out.stat().st_ino
        result = run("parse", files["text"], "-o", out, "--force")
        assert result.returncode == 0, result.stderr
        assert result.stdout == ""
        assert out.read_text(encoding="utf-8") == run("parse", files["text"]).stdout
        assert out.stat().st_ino != before  # a new file took the name: no reader sees half a file
        assert out.stat().st_mode & 0o777 == 0o640
        assert not [path for path in tmp_path.iterdir() if path.name.endswith(".tmp")]

    def test_new_file_follows_the_umask(self, files: dict[str, Path], tmp_path: Path) -> None:
        """A new file gets the permissions any new file gets (0o666 less the umask), not the temporary's 0o600."""
        umask = os.umask(0o022)
        os.umask(umask)
        out = tmp_path / "new.json"
        assert run("parse", files["text"], "-o", out).returncode == 0
        assert out.stat().st_mode & 0o777 == 0o666 & ~umask

    def test_failed_write_leaves_the_old_file(
        self,
        files: dict[str, Path],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A write that fails halfway leaves the old file whole and no temporary file behind."""
        import errno

        out = tmp_path / "2021.json"
        out.write_text("old", encoding="utf-8")

        class Full(io.BytesIO):
            def write(self, _: object) -> int:
                raise OSError(errno.ENOSPC, "No space left on device")

        def failing_fdopen(handle: int, _: str) -> Full:
            os.close(handle)
            return Full()

        monkeypatch.setattr(os, "fdopen", failing_fdopen)
        assert main(["parse", os.fspath(files["text"]), "-o", os.fspath(out), "--force"]) == 2
        assert capsys.readouterr().err == f"c5statement: error: {out}: cannot write: No space left on device\n"
        assert out.read_text(encoding="utf-8") == "old"
        assert not [path for path in tmp_path.iterdir() if path.name.endswith(".tmp")]

    def test_file_created_meanwhile_is_not_replaced(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without ``--force``, a file that appears after the check is still not replaced, links or no links."""
        from c5statement._files import _link_or_rename

        temporary = tmp_path / "new.tmp"
        target = tmp_path / "target.json"
        target.write_text("theirs", encoding="utf-8")
        temporary.write_text("ours", encoding="utf-8")
        with pytest.raises(FileExistsError):
            _link_or_rename(temporary, target)

        def no_links(*_: object) -> None:
            raise PermissionError("no hard links here")

        monkeypatch.setattr(os, "link", no_links)
        with pytest.raises(FileExistsError):
            _link_or_rename(temporary, target)
        assert target.read_text(encoding="utf-8") == "theirs"
        target.unlink()
        _link_or_rename(temporary, target)
        assert target.read_text(encoding="utf-8") == "ours"


class TestValidateKeepsGoing:
    def test_unexpected_error_in_one_file(
        self, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Any error in one file is reported for that file, and the files after it are still checked."""
        import c5statement._cli as cli

        real = cli._read_meeting

        def flaky(name: str) -> Meeting:
            if name.endswith("later.json"):
                raise ValueError("Exceeds the limit (4300 digits)\nfor integer string conversion")
            return real(name)

        monkeypatch.setattr(cli, "_read_meeting", flaky)
        monkeypatch.delenv("C5STATEMENT_DEBUG", raising=False)
        names = [os.fspath(files["new"]), "missing.json", os.fspath(files["old"])]
        assert main(["validate", *names]) == 2
        captured = capsys.readouterr()
        assert captured.out == f"OK {files['old']}\n"
        assert captured.err.splitlines() == [
            (
                f"c5statement: error: {files['new']}: cannot check: unexpected ValueError: "
                "Exceeds the limit (4300 digits) for integer string conversion (a bug in c5statement: please report it)"
            ),
            "c5statement: error: missing.json: no such file",
        ]

    def test_huge_number(self, tmp_path: Path, files: dict[str, Path]) -> None:
        """A file with a 5000-digit number is reported as that file's problem; the next file is still checked."""
        (tmp_path / "huge.json").write_text('{"format_version": ' + "9" * 5000 + "}", encoding="utf-8")
        result = run("validate", "huge.json", files["old"], cwd=tmp_path)
        assert result.returncode == 2
        assert result.stdout == f"OK {files['old']}\n"
        lines = result.stderr.splitlines()
        assert len(lines) == 1
        assert lines[0].startswith("c5statement: error: huge.json: ")


def run_in_shell(command: str, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m c5statement`` followed by *command* (arguments and redirections) in ``sh``."""
    if shutil.which("sh") is None:
        pytest.skip("no POSIX shell")
    program = " ".join(f"'{part}'" for part in MODULE)
    return subprocess.run(
        ["sh", "-c", f"{program} {command}"],
        capture_output=True,
        env=clean_env(),
        cwd=tmp_path,
        check=False,
        timeout=120,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX redirections and /dev/full")
class TestUnwritableStandardError:
    def test_closed_stderr_keeps_status_2_for_diff(self, tmp_path: Path) -> None:
        """``diff BAD MISSING 2>&-`` exits 2 (bad input), not 1 (differences)."""
        (tmp_path / "evil.json").write_text("{}", encoding="utf-8")
        result = run_in_shell("diff evil.json nonexistent 2>&-", tmp_path)
        assert result.returncode == 2
        assert result.stdout == b""

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
    @pytest.mark.parametrize("args", ["diff evil.json nonexistent", "validate evil.json", "show evil.json", ""])
    def test_full_stderr_keeps_status_2(self, args: str, tmp_path: Path) -> None:
        """Bad input or usage with standard error on a full disk still exits 2, with nothing else printed."""
        (tmp_path / "evil.json").write_text("{}", encoding="utf-8")
        result = run_in_shell(f"{args} 2>/dev/full", tmp_path)
        assert result.returncode == 2
        assert result.stdout == b""

    def test_in_process(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``main`` returns 2 for bad input whether standard error is missing or fails to write."""
        import errno

        class Full(io.StringIO):
            def write(self, _: str) -> int:
                raise OSError(errno.ENOSPC, "No space left on device")

        (tmp_path / "evil.json").write_text("{}", encoding="utf-8")
        evil = os.fspath(tmp_path / "evil.json")
        monkeypatch.setattr(sys, "stderr", None)
        assert main(["diff", evil, "nonexistent"]) == 2
        monkeypatch.setattr(sys, "stderr", Full())
        assert main(["diff", evil, "nonexistent"]) == 2
        assert main(["validate", evil, "nonexistent"]) == 2
        assert capsys.readouterr().out == ""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX redirections")
class TestClosedStandardOutput:
    MESSAGE = "c5statement: error: cannot write to standard output: it is closed\n"

    @pytest.mark.parametrize("args", ["show", "show --format json", "schema", "validate FILE", "diff FILE FILE"])
    def test_is_an_ordinary_error(self, args: str, files: dict[str, Path], tmp_path: Path) -> None:
        """``c5statement show >&-`` says standard output is closed and exits 2; no bug report."""
        result = run_in_shell(args.replace("FILE", f"'{files['old']}'") + " >&-", tmp_path)
        assert result.returncode == 2
        assert result.stderr.decode() == self.MESSAGE

    def test_nothing_to_write_is_no_error(self, files: dict[str, Path], tmp_path: Path) -> None:
        """``validate -q`` writes nothing for valid files, so a closed standard output does not matter."""
        result = run_in_shell(f"validate -q '{files['old']}' >&-", tmp_path)
        assert result.returncode == 0
        assert result.stderr == b""

    def test_in_process(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        """``main`` with no standard output returns 2 with the one-line error."""
        monkeypatch.setattr(sys, "stdout", None)
        assert main(["show"]) == 2
        assert capsys.readouterr().err == self.MESSAGE


class TestInputSizeLimit:
    def test_limit_is_64_mib(self) -> None:
        """The limit is a named constant of 64 MiB, stated in the CLI documentation."""
        import c5statement._cli as cli

        assert cli.MAX_INPUT_BYTES == 64 * 1024 * 1024
        docs = Path(__file__).parents[1] / "docs" / "cli.md"
        assert "64 MiB" in docs.read_text(encoding="utf-8")

    def test_larger_file_is_reported_and_others_checked(
        self,
        files: dict[str, Path],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A file over the limit is an error naming it; validate still checks the files after it."""
        import c5statement._cli as cli

        monkeypatch.setattr(cli, "MAX_INPUT_BYTES", 2 * 1024 * 1024)
        big = tmp_path / "big.json"
        big.write_bytes(b" " * (2 * 1024 * 1024 + 1))
        assert main(["validate", os.fspath(big), os.fspath(files["old"])]) == 2
        captured = capsys.readouterr()
        assert captured.out == f"OK {files['old']}\n"
        reason = f"too large: {2 * 1024 * 1024 + 1} bytes, more than 2 MiB, the most c5statement reads"
        assert captured.err == f"c5statement: error: {big}: {reason}\n"

    def test_file_at_the_limit_is_read(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file of exactly the limit is read (and here found invalid as JSON, not too large)."""
        import c5statement._cli as cli

        monkeypatch.setattr(cli, "MAX_INPUT_BYTES", 1024 * 1024)
        exact = tmp_path / "exact.json"
        exact.write_bytes(b" " * (1024 * 1024))
        assert main(["validate", os.fspath(exact)]) == 2
        assert "too large" not in capsys.readouterr().err

    def test_larger_stdin(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        """Standard input over the limit is reported as <stdin>."""
        import c5statement._cli as cli

        monkeypatch.setattr(cli, "MAX_INPUT_BYTES", 1024 * 1024)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b" " * (1024 * 1024 + 1))))
        assert main(["show", "-"]) == 2
        assert capsys.readouterr().err == (
            "c5statement: error: <stdin>: too large: more than 1 MiB, the most c5statement reads\n"
        )

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
    def test_endless_input(self, files: dict[str, Path]) -> None:
        """``validate /dev/zero FILE`` refuses the device at once and checks FILE; an endless stdin is too large."""
        resource = pytest.importorskip("resource")

        def limit_memory() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

        result = subprocess.run(
            [*MODULE, "validate", "/dev/zero", os.fspath(files["old"])],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=clean_env(),
            preexec_fn=limit_memory,
            check=False,
            timeout=120,
        )
        assert result.returncode == 2
        assert result.stdout == f"OK {files['old']}\n"
        assert result.stderr == (
            "c5statement: error: /dev/zero: not a regular file (a character device): "
            "c5statement reads only regular files and standard input\n"
        )
        with Path("/dev/zero").open("rb") as zeros:
            endless = subprocess.run(
                [*MODULE, "validate", "-"],
                stdin=zeros,
                capture_output=True,
                text=True,
                encoding="utf-8",
                env=clean_env(),
                preexec_fn=limit_memory,
                check=False,
                timeout=120,
            )
        assert endless.returncode == 2
        assert (
            endless.stderr == "c5statement: error: <stdin>: too large: more than 64 MiB, the most c5statement reads\n"
        )


GAPPED_TEXT = """\
ILLUSTRATIVE TEXT, written for the tests of c5statement.

1. The six countries will make the China-Central Asia mechanism stronger.
2. The sides will fight the three evil forces together.
4. The parties support the Global Security Initiative.
"""


class TestMeetings:
    def test_text_table(self) -> None:
        """The table lists every meeting, in date order, with its chair and delegations."""
        result = run("meetings")
        assert result.returncode == 0, result.stderr
        assert result.stdout.index("cc5-fmm-2020") < result.stdout.index("cc5-summit-2025")
        assert "TJ: Azim Ibrohim, Transport Minister" in result.stdout

    def test_csv_parses_back(self) -> None:
        """The CSV table has one row per meeting."""
        import csv

        rows = list(csv.DictReader(io.StringIO(run("meetings", "--format", "csv").stdout)))
        assert rows[0]["id"] == "cc5-fmm-2020"
        assert len(rows) == 9

    def test_json_and_markdown(self) -> None:
        """JSON gives one object per meeting; Markdown a table."""
        assert len(json.loads(run("meetings", "-f", "json").stdout)) == 9
        assert run("meetings", "-f", "markdown").stdout.count("| cc5-") == 9

    def test_show_by_id(self) -> None:
        """show takes the id of a packaged meeting."""
        result = run("show", "cc5-fmm-2024", "--format", "json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["venue"].startswith("Chengdu")

    def test_unknown_id_names_the_known_ones(self, tmp_path: Path) -> None:
        """A name that is neither a file nor a meeting id is one error line."""
        result = run("show", "cc5-fmm-1999", cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1
        assert "cc5-fmm-1999" in result.stderr

    def test_diff_by_ids(self) -> None:
        """diff compares packaged meetings by id."""
        result = run("diff", "cc5-fmm-2020", "cc5-fmm-2024", "--format", "json")
        assert result.returncode == 1
        assert json.loads(result.stdout)["new_id"] == "cc5-fmm-2024"


class TestParseWithMeeting:
    def test_record_in_one_step(self, tmp_path: Path) -> None:
        """parse --meeting takes every fact from the record: the result validates and diffs at once."""
        text = tmp_path / "statement.txt"
        text.write_text(STATEMENT_TEXT, encoding="utf-8")
        out = tmp_path / "2024.json"
        result = run("parse", text, "--meeting", "cc5-fmm-2024", "--suggest-themes", "-o", out)
        assert result.returncode == 0, result.stderr
        assert run("validate", out).returncode == 0
        meeting = from_json(out.read_bytes(), Meeting)
        assert meeting.date.isoformat() == "2024-12-01"
        assert all(point.themes for point in meeting.points)
        assert any("suggestions" in note for note in meeting.notes)
        assert run("diff", "cc5-fmm-2020", out).returncode == 1

    def test_unknown_meeting(self, tmp_path: Path) -> None:
        """An unknown --meeting is an error before anything is written."""
        text = tmp_path / "statement.txt"
        text.write_text(STATEMENT_TEXT, encoding="utf-8")
        result = run("parse", text, "--meeting", "cc5-fmm-1999", cwd=tmp_path)
        assert result.returncode == 2
        assert "not the id of a packaged meeting" in result.stderr

    def test_gap_is_warned_on_stderr(self, tmp_path: Path) -> None:
        """A gap in the numbering is a warning on standard error and a note; the exit status stays 0."""
        text = tmp_path / "gapped.txt"
        text.write_text(GAPPED_TEXT, encoding="utf-8")
        result = run("parse", text)
        assert result.returncode == 0
        assert "c5statement: warning:" in result.stderr
        assert "no point 3" in result.stderr
        assert any("Numbering gap" in note for note in json.loads(result.stdout)["notes"])
