"""The command line, called the way a user calls it: in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from c5statement import MEETING_2020, Meeting, dump, fingerprint, from_json, to_json
from c5statement._cli import main, use_color

MODULE = (sys.executable, "-m", "c5statement")
SCRIPT = Path(sys.executable).with_name("c5statement")
COMMANDS = ("show", "diff", "validate", "parse", "schema")
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
        """A missing file is named, exit 2."""
        result = run("show", "missing.json", cwd=tmp_path)
        assert_clean_failure(result)
        assert result.stderr == "c5statement: error: missing.json: no such file\n"

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

        assert use_color("auto", Terminal(), {}) is True
        assert use_color("auto", Terminal(), {"NO_COLOR": "1"}) is False
        assert use_color("auto", io.StringIO(), {}) is False
        assert use_color("always", io.StringIO(), {"NO_COLOR": "1"}) is True
        assert use_color("never", Terminal(), {}) is False


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
            "html": changes.to_html(),
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
        assert result.stderr == f"c5statement: error: {files['old'].with_name('nope.json')}: no such file\n"

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
        assert places == {"$.points[3].text", "$.points[5].themes[0]", "$.venu"}
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
