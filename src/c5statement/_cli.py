r"""The command line: ``c5statement show | diff | validate | parse | meetings | schema``.

Exit codes follow ``diff(1)``: 0 for success (and for ``diff`` when the two
statements are the same), 1 when ``diff`` finds differences, 2 for bad input,
bad usage or output that cannot be written (a full disk). Every error is one
line on standard error, ``c5statement: error:`` followed by the file, the place
in it and the reason; no traceback. A command interrupted with Ctrl-C exits
with 130 (128 + SIGINT); one whose reader went away (``c5statement show | head
-n 1``) stops quietly and exits with 141 (128 + SIGPIPE), as shells report a
command ended by a broken pipe, whether Python runs buffered or not (``python
-u``, ``PYTHONUNBUFFERED=1``). A closed standard output (``c5statement show
>&-``) is reported like a full disk; every write is checked, so that a write
cut short (a full disk) is exit 2 with the reason, never a silent success. When
standard error is closed or cannot be written, the messages are lost but the
exit status stays the same. An input is read up to :data:`MAX_INPUT_BYTES`
(64 MiB); a larger one is an error naming it. Only regular files and standard
input are read: a FIFO or a device is refused at once, rather than waited on.

Every error is one line: in error lines and in the ``OK FILE`` lines of
``validate``, control characters, line breaks (CR, LF, U+0085, U+2028, U+2029),
bidirectional controls (U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) and
invisible characters (soft hyphen, zero-width space, joiner and non-joiner, word
joiner, byte order mark, tag characters) coming from the input or its name are
shown as escapes (``\x1b``, ``\u202e``), so that no input can rewrite the
terminal, forge a line or hide a change; a text view is escaped by the same rule
(:mod:`c5statement._chars`), keeping its line feeds, tabs and colours.

Output does not depend on the locale. Documents (``--format json``,
``markdown`` and ``html``, the skeleton of ``parse`` and the schema of
``schema``) are written as UTF-8 bytes with ``\n`` line ends, whatever the
encoding of standard output, so that ``c5statement show --format json |
sha256sum`` gives the record's :func:`~c5statement.fingerprint` everywhere.
Text meant for a terminal (``--format text``, the ``OK FILE`` lines of
``validate``) is written in the encoding of standard output; a character that
encoding cannot hold is written as a backslash escape (``\u2019``) instead of
failing.

Example:
    >>> main(["validate", "no-such-file.json"])
    2
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import json
import os
import sys
import warnings
from typing import IO, TYPE_CHECKING, NoReturn, TextIO, cast

from ._chars import visible, visible_view
from ._convert import from_json
from ._display import formats_of, output_format, render, use_color
from ._errors import InvalidStatementError
from ._files import read_limited, write_atomic
from ._json import MAX_DOCUMENT_BYTES
from ._meetings import MeetingTable
from ._model import Meeting

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from _typeshed import SupportsWrite

    from ._diff import StatementDiff

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_DIFFERENCES",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_TROUBLE",
    "MAX_INPUT_BYTES",
    "build_parser",
    "main",
]

PROG = "c5statement"

EXIT_OK = 0
"""Success; for ``diff``, no differences."""

EXIT_DIFFERENCES = 1
"""``diff`` found differences."""

EXIT_TROUBLE = 2
"""Bad input (an unreadable or invalid file), bad usage, or output that cannot be written."""

EXIT_INTERRUPTED = 130
"""Interrupted with Ctrl-C (128 + SIGINT), as shells report it."""

EXIT_BROKEN_PIPE = 141
"""The reader of standard output went away (128 + SIGPIPE), as shells report it."""

STDIN = "-"
"""The file name that stands for standard input."""

MAX_INPUT_BYTES = MAX_DOCUMENT_BYTES
"""The largest input read, in bytes (64 MiB): a larger file (or ``/dev/zero``) is an error, not a memory exhaustion."""

COLORS = ("auto", "always", "never")
_COLOR_CHOICES = {"auto": None, "always": True, "never": False}

_DESCRIPTION = """\
Read, compare, validate and cite joint statements of the China + Central Asia
(C+C5) format, stored as JSON documents.
"""

_EPILOG = """\
examples:
  c5statement show                         the 2020 meeting, as text
  c5statement meetings                     every C+C5 meeting 2020-2025
  c5statement show cc5-fmm-2024            one of them, by id
  c5statement diff 2020.json 2021.json     what changed (exit 1 if anything)
  c5statement validate statements/*.json   check files before sharing them
  c5statement parse statement.txt -o 2021.json
  c5statement parse chengdu.txt --meeting cc5-fmm-2024 -o 2024.json
  c5statement schema > c5statement.schema.json

exit status: 0 success or no differences, 1 differences found (diff),
2 bad input or bad usage. Run "c5statement COMMAND --help" for details.
"""

_SHOW_EPILOG = """\
examples:
  c5statement show                        the canonical 2020 meeting
  c5statement show cc5-summit-2023        a packaged meeting, by its id
  c5statement show 2021.json --format markdown > 2021.md
  c5statement show --format json          the 2020 record as canonical JSON

An argument that is not an existing file but the id of a packaged meeting
("c5statement meetings" lists them) shows that meeting.
"""

_DIFF_EPILOG = """\
examples:
  c5statement diff 2020.json 2021.json
  c5statement diff 2020.json 2021.json --format json > changes.json
  c5statement diff 2020.json 2021.json --threshold 0.5 --format markdown
  c5statement diff cc5-fmm-2020 2024.json         a packaged meeting by its id

Points are matched by content, not by number. Two points whose similarity is
below the threshold are never matched: the old one counts as removed and the
new one as added. A lower threshold pairs more loosely reworded points.

exit status: 0 no differences, 1 differences, 2 bad input or bad usage.
"""

_VALIDATE_EPILOG = """\
examples:
  c5statement validate 2021.json
  c5statement validate statements/*.json && echo "all valid"

Prints "OK FILE" for each valid file and one line per problem for each
invalid one; every file is checked, whatever goes wrong with another. Exit
status 0 if every file is valid, 2 otherwise.
"""

_PARSE_EPILOG = """\
examples:
  c5statement parse statement.txt                  skeleton on standard output
  c5statement parse statement.txt -o 2021.json --title "Joint statement, 12 May 2021"
  c5statement validate 2021.json                   fails until every <FILL IN: ...> is filled
  c5statement parse chengdu.txt --meeting cc5-fmm-2024 -o 2024.json

With "--meeting ID", every fact of the meeting (date, venue, delegations,
documents, sources) comes from the packaged record ID (or from the statement
in a FILE); only the points come from the text, verbatim, replacing the
record's points or summaries (whose links to earlier points are kept by
number), and only the text's own source is left to fill in. With "--meeting",
each point is tagged with themes suggested from the vocabulary, marked as
suggestions in the data and the notes ("--no-suggest-themes" leaves them
uncoded); without it, "--suggest-themes" asks for them. A gap in the numbering
(1, 2, 4) is noted in the skeleton and reported on standard error as a warning.

"-o" does not replace an existing file unless "--force" is given; the file is
written whole or not at all.

The text must enumerate its points ("First, ...", "Second, ..." or "1. ...").
The skeleton is JSON with "<FILL IN: ...>" placeholders for everything that
cannot be read from the text; "validate" rejects it until they are filled in.
"""

_MEETINGS_EPILOG = """\
examples:
  c5statement meetings                       a table for the terminal
  c5statement meetings --format csv > meetings.csv
  c5statement meetings --format json         one object per meeting

Every fact in the table comes from the packaged records, each with its sources
("c5statement show ID" shows them, with the notes on conflicts between sources).
"""

_SCHEMA_EPILOG = """\
example:
  c5statement schema > c5statement.schema.json

The JSON Schema (draft 2020-12) of a statement document, for tools in other
languages.
"""


class UserError(Exception):
    """A problem to report as ``c5statement: error: <message>`` with exit status 2."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


class _ClosedOutput(io.StringIO):
    """Standard output when there is none (``c5statement show >&-``): every write fails as on a closed file."""

    def write(self, _: str) -> int:
        raise OSError(errno.EBADF, "it is closed")


class _OutputError(Exception):
    """Standard output could not be written: *error* is the :class:`OSError` that said so."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


class _Parser(argparse.ArgumentParser):
    """An argument parser whose ``exit`` can be caught, so :func:`main` returns a status."""

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self._print_message(message, sys.stderr)
        raise _Exit(status)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if file is None or file is sys.stderr:
            # Usage errors quote the arguments: each line escaped, the line breaks kept.
            _to_stderr("\n".join(_tty(line) for line in message.split("\n")))
        else:
            super()._print_message(message, file)


class _Exit(Exception):  # noqa: N818 - a control-flow signal, not an error
    """Raised by the parser instead of calling :func:`sys.exit`."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        msg = f"{text!r} is not a number"
        raise argparse.ArgumentTypeError(msg) from None
    if not 0.0 <= value <= 1.0:
        msg = f"{text} is not between 0 and 1"
        raise argparse.ArgumentTypeError(msg)
    return value


def _statement_diff() -> type:
    from ._diff import StatementDiff

    return StatementDiff


def _default_threshold() -> float:
    from ._align import DEFAULT_THRESHOLD

    return DEFAULT_THRESHOLD


def _add_color(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--color",
        "--colour",
        choices=COLORS,
        default="auto",
        help="colour the text output: auto (the default) colours only on a terminal and when NO_COLOR is not set",
    )


def _add_format(parser: argparse.ArgumentParser, cls: type) -> None:
    """Add ``--format``: every registered output format that draws a *cls*."""
    parser.add_argument(
        "-f", "--format", choices=formats_of(cls), default="text", help="output format (default: %(default)s)"
    )


_FORMATTER = argparse.RawDescriptionHelpFormatter

# Each command's one-line help, description and epilog.
_COMMANDS: dict[str, tuple[str, str, str]] = {
    "show": (
        "print a statement (by default the 2020 meeting)",
        "Print a statement: the canonical 2020 meeting, or the statement in FILE.",
        _SHOW_EPILOG,
    ),
    "diff": (
        "show what changed between two statements",
        "Show what changed from the statement in OLD to the one in NEW.",
        _DIFF_EPILOG,
    ),
    "validate": ("check statement files", "Check that each FILE is a valid statement document.", _VALIDATE_EPILOG),
    "parse": (
        "turn statement text into a statement skeleton",
        "Read the numbered points of a statement from TEXTFILE and write a JSON skeleton.",
        _PARSE_EPILOG,
    ),
    "meetings": (
        "list every C+C5 meeting from 2020 to 2025",
        "List the packaged meetings: date, level, city, chair, heads of delegation and documents.",
        _MEETINGS_EPILOG,
    ),
    "schema": (
        "print the JSON Schema of a statement document",
        "Print the JSON Schema of a statement document.",
        _SCHEMA_EPILOG,
    ),
}


def _command(
    commands: argparse._SubParsersAction[_Parser], name: str, handler: Callable[[argparse.Namespace, TextIO], int]
) -> argparse.ArgumentParser:
    """Add the command *name*, run by *handler*, with its help texts."""
    summary, description, epilog = _COMMANDS[name]
    command = commands.add_parser(
        name, help=summary, description=description, epilog=epilog, formatter_class=_FORMATTER
    )
    command.set_defaults(handler=handler)
    return command


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the command line (exposed for the documentation).

    Example:
        >>> build_parser().parse_args(["diff", "a.json", "b.json"]).format
        'text'
    """
    parser = _Parser(prog=PROG, description=_DESCRIPTION, epilog=_EPILOG, formatter_class=_FORMATTER)
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    show = _command(commands, "show", _show)
    show.add_argument(
        "file", metavar="FILE|ID", nargs="?", help='a statement file ("-" for standard input) or a meeting id'
    )
    _add_format(show, Meeting)
    _add_color(show)

    diff = _command(commands, "diff", _diff)
    diff.add_argument("old", metavar="OLD", help='the earlier statement file ("-" for standard input) or a meeting id')
    diff.add_argument("new", metavar="NEW", help="the later statement file or a meeting id")
    _add_format(diff, _statement_diff())
    diff.add_argument(
        "-t",
        "--threshold",
        type=_threshold,
        default=None,
        metavar="T",
        help=f"similarity (0 to 1) under which two points are not matched (default: {_default_threshold()})",
    )
    for name, what in (
        ("case", "case"),
        ("quotes", "quote style (curly or straight)"),
        ("space", "white space"),
        ("script", "script (Traditional or Simplified Chinese, full-width forms)"),
    ):
        diff.add_argument(f"--ignore-{name}", action="store_true", help=f"hide points whose only change is in {what}")
    _add_color(diff)

    validate = _command(commands, "validate", _validate)
    validate.add_argument("files", metavar="FILE", nargs="+", help="statement files to check")
    validate.add_argument("-q", "--quiet", action="store_true", help='do not print "OK FILE" for valid files')

    parse = _command(commands, "parse", _parse)
    parse.add_argument("textfile", metavar="TEXTFILE", help='a UTF-8 text file ("-" for standard input)')
    parse.add_argument("-o", "--output", metavar="OUT", help="write the skeleton to OUT instead of standard output")
    parse.add_argument("--force", action="store_true", help="replace OUT if it exists (by default an error)")
    parse.add_argument("--title", metavar="TITLE", help="the title of the source the text comes from")
    parse.add_argument(
        "--meeting",
        metavar="ID|FILE",
        help="take every fact but the points from the packaged meeting ID (or the statement in FILE)",
    )
    parse.add_argument(
        "--suggest-themes",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="tag the points with suggested themes, marked and noted as suggestions (default: with --meeting)",
    )

    meetings = _command(commands, "meetings", _meetings)
    _add_format(meetings, MeetingTable)

    _command(commands, "schema", _schema)
    return parser


def _at_most(data: bytes, label: str) -> bytes:
    """*data*, read as ``read(MAX_INPUT_BYTES + 1)``, unless it shows the input to be too large."""
    if len(data) > MAX_INPUT_BYTES:
        msg = f"{label}: too large: more than {MAX_INPUT_BYTES // (1024 * 1024)} MiB, the most c5statement reads"
        raise UserError(msg)
    return data


def _read_bytes(name: str) -> bytes:
    """The bytes of the file *name* (``-``: standard input), at most :data:`MAX_INPUT_BYTES` of them.

    Only a regular file is read: a FIFO or a device is refused at once (reading
    one could wait forever), as is an empty name.
    """
    if name == STDIN:
        if sys.stdin is None:
            msg = "<stdin>: cannot read: standard input is closed"
            raise UserError(msg)
        try:
            return _at_most(sys.stdin.buffer.read(MAX_INPUT_BYTES + 1), "<stdin>")
        except OSError as error:
            msg = f"<stdin>: cannot read: {error.strerror or error}"
            raise UserError(msg) from None
    if not name:
        msg = '"": the file name is empty'
        raise UserError(msg)
    try:
        return read_limited(name, MAX_INPUT_BYTES)
    except InvalidStatementError as error:
        raise UserError(*(f"{name}: {reason}" for _, reason in error.errors)) from None
    except FileNotFoundError:
        msg = f"{name}: no such file"
        raise UserError(msg) from None
    except IsADirectoryError:
        msg = f"{name}: is a directory, not a file"
        raise UserError(msg) from None
    except PermissionError:
        msg = f"{name}: permission denied"
        raise UserError(msg) from None
    except OSError as error:
        msg = f"{name}: cannot read: {error.strerror or error}"
        raise UserError(msg) from None


def _problems(name: str, error: InvalidStatementError, *, document: bool = True) -> UserError:
    """One line per problem: the file, the place in it (for a JSON document) and the reason.

    At most :data:`~c5statement._errors.MAX_PROBLEMS` are listed; a last line counts the others.
    """
    label = "<stdin>" if name == STDIN else name
    lines = [
        f"{label}: {reason}" if path == "$" and not document else f"{label}: {path}: {reason}"
        for path, reason in error.errors
    ]
    if error.omitted:
        lines.append(f"{label}: {error.more()}")
    return UserError(*lines)


def _packaged(name: str) -> Meeting | None:
    """The packaged meeting whose id is *name*, if *name* is such an id and no file of that name exists."""
    if name == STDIN or os.path.lexists(name):
        return None
    from ._data import find_meeting

    return find_meeting(name)


def _unknown(name: str) -> UserError:
    """The error for *name*, neither an existing file nor the id of a packaged meeting.

    It says both, names the ids *name* most likely meant, and where every id is listed.

    Example:
        >>> print(_unknown("cc5-fmm-2023x"))  # doctest: +ELLIPSIS
        cc5-fmm-2023x: no such file, and not the id of a packaged meeting: did you mean cc5-fmm-2023? (...)
    """
    from ._data import close_ids

    close = close_ids(name)
    if not close:
        guess = ""
    elif len(close) == 1:
        guess = f": did you mean {close[0]}?"
    else:
        guess = f": did you mean {', '.join(close[:-1])} or {close[-1]}?"
    where = f'("{PROG} meetings" lists every id)'
    return UserError(f"{_tty_name(name)}: no such file, and not the id of a packaged meeting{guess} {where}")


def _tty(text: str) -> str:
    r"""*text* safe to show on a terminal as part of one line: every character of the one rule escaped, breaks too.

    Example:
        >>> print(_tty("a\x1b]0;title\x07\n\u202eb"))
        a\x1b]0;title\x07\x0a\u202eb
    """
    return visible(text)


def _tty_view(text: str) -> str:
    r"""A text view safe for a terminal: as :func:`_tty`, but keeping line feeds, tabs and colour codes.

    Example:
        >>> _tty_view("\x1b[1mtitle\x1b[0m\n\tpoint\r\u202e\x1b[2K")
        '\x1b[1mtitle\x1b[0m\n\tpoint\\x0d\\u202e\\x1b[2K'
    """
    return visible_view(text)


def _tty_name(name: str) -> str:
    """A file name as it may be shown on a terminal: escaped, and an empty name shown as ``""``."""
    return _tty(name) if name else '""'


def _file_or_id(name: str) -> Meeting:
    """The meeting in the file *name*, or else the packaged meeting whose id is *name*.

    When *name* is neither, the error says so and names the ids it may have meant.
    """
    if name not in {STDIN, ""} and not os.path.lexists(name) and _packaged(name) is None:
        raise _unknown(name)
    return _read_meeting(name)


def _read_meeting(name: str) -> Meeting:
    packaged = _packaged(name)
    if packaged is not None:
        return packaged
    data = _read_bytes(name)
    try:
        return from_json(data, Meeting)
    except InvalidStatementError as error:
        raise _problems(name, error) from None


def _read_text(name: str) -> str:
    data = _read_bytes(name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        label = "<stdin>" if name == STDIN else name
        msg = f"{label}: line {line}: not UTF-8 text (byte {error.start}: {error.reason})"
        raise UserError(msg) from None


def _ended(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def _write_all(buffer: IO[bytes], data: bytes) -> None:
    """Write every byte of *data* to *buffer*, or raise :class:`OSError`.

    A raw (unbuffered) file, as standard output is under ``python -u``, may
    write fewer bytes than asked and say so only in the count it returns; the
    rest is written again, so that a full disk or a closed pipe raises on the
    next write instead of passing for success.
    """
    view = memoryview(data)
    while view:
        count = buffer.write(view)
        if count is None:  # a non-blocking stream that cannot take more now
            raise BlockingIOError(errno.EAGAIN, "the output would block")
        if count <= 0:
            raise OSError(errno.EIO, f"the output took no more bytes, {len(view)} left to write")
        view = view[count:]
    buffer.flush()


def _write(text: str, stream: TextIO) -> None:
    """Write text for a terminal to *stream*, ending it with a newline, in the stream's encoding.

    Characters that the encoding cannot hold become backslash escapes, so writing
    never fails for want of an encoding. Over a raw (unbuffered) file, the text
    is encoded here and every byte checked written (see :func:`_write_all`).
    """
    text = _ended(text)
    encoding = getattr(stream, "encoding", None)
    if encoding:
        with contextlib.suppress(LookupError):
            text = text.encode(encoding, "backslashreplace").decode(encoding)
    buffer = getattr(stream, "buffer", None)
    try:
        if isinstance(buffer, io.RawIOBase):
            stream.flush()
            _write_all(cast("IO[bytes]", buffer), text.replace("\n", os.linesep).encode(encoding or "utf-8"))
        else:
            stream.write(text)
    except OSError as error:
        raise _OutputError(error) from None


def _write_document(text: str, stream: TextIO) -> None:
    """Write a document to *stream* as UTF-8 bytes, ending it with a newline, whatever the locale.

    The bytes go to the stream's binary buffer (after what the stream holds), so
    neither the encoding nor the newline translation of the stream applies. A
    stream without a buffer (a :class:`io.StringIO`) gets the text.
    """
    text = _ended(text)
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is None:
            stream.write(text)
        else:
            stream.flush()
            _write_all(buffer, text.encode("utf-8", "backslashreplace"))
    except OSError as error:
        raise _OutputError(error) from None


def _show(args: argparse.Namespace, out: TextIO) -> int:
    if args.file is None:
        from ._data import meeting_2020

        meeting = meeting_2020()
    else:
        meeting = _file_or_id(args.file)
    _write_view(meeting, args, out)
    return EXIT_OK


def _write_view(obj: Meeting | StatementDiff | MeetingTable, args: argparse.Namespace, out: TextIO) -> None:
    """Write *obj* in the output format asked for: a document as UTF-8, text for the terminal escaped."""
    found = output_format(args.format)
    if found.terminal:
        color = use_color(_COLOR_CHOICES[getattr(args, "color", "never")], out)
        _write(_tty_view(render(obj, found.view, color=color)), out)
    else:
        _write_document(render(obj, found.view), out)


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    if args.old == STDIN and args.new == STDIN:
        msg = 'OLD and NEW cannot both be "-": standard input can be read only once'
        raise UserError(msg)
    old = _file_or_id(args.old)
    new = _file_or_id(args.new)
    from ._diff import diff

    options = {"threshold": args.threshold} if args.threshold is not None else {}
    changes = diff(
        old,
        new,
        ignore_case=args.ignore_case,
        ignore_quotes=args.ignore_quotes,
        ignore_space=args.ignore_space,
        ignore_script=args.ignore_script,
        **options,
    )
    _write_view(changes, args, out)
    return EXIT_DIFFERENCES if changes else EXIT_OK


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "(no message)"


def _check_file(name: str) -> UserError | None:
    """The problems of one file, or ``None``; never raises but for Ctrl-C (or with ``C5STATEMENT_DEBUG``)."""
    try:
        _read_meeting(name)
    except UserError as error:
        return error
    except Exception as error:  # one file must not stop the others: report it as that file's problem
        if os.environ.get("C5STATEMENT_DEBUG"):
            raise
        label = "<stdin>" if name == STDIN else name
        return UserError(
            f"{label}: cannot check: unexpected {type(error).__name__}: {_one_line(str(error))} "
            "(a bug in c5statement: please report it)"
        )
    return None


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    if args.files.count(STDIN) > 1:
        msg = '"-" can be given only once: standard input can be read only once'
        raise UserError(msg)
    status = EXIT_OK
    for name in args.files:
        error = _check_file(name)
        if error is not None:
            _report(error)
            status = EXIT_TROUBLE
        elif not args.quiet:
            _write(f"OK {_tty_name(name)}", out)
    return status


def _parse(args: argparse.Namespace, out: TextIO) -> int:
    if args.meeting == STDIN and args.textfile == STDIN:
        msg = 'TEXTFILE and --meeting cannot both be "-": standard input can be read only once'
        raise UserError(msg)
    if args.title is not None:  # an option's error names the option, not the input file
        from ._check import Checker

        check = Checker()
        check.text("$", args.title)
        if check.problems:
            raise UserError(*(f"--title: {reason}" for _, reason in check.problems))
    meeting = None if args.meeting is None else _file_or_id(args.meeting)
    text = _read_text(args.textfile)
    from ._parse import NumberingGapWarning, skeleton_json

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NumberingGapWarning)
        try:
            suggest = meeting is not None if args.suggest_themes is None else args.suggest_themes
            document = skeleton_json(text, source_title=args.title, meeting=meeting, suggest_themes=suggest)
        except InvalidStatementError as error:
            raise _problems(args.textfile, error, document=False) from None
    label = "<stdin>" if args.textfile == STDIN else _tty_name(args.textfile)
    for warning in caught:
        if issubclass(warning.category, NumberingGapWarning):
            _to_stderr(f"{PROG}: warning: {label}: {_tty(_one_line(str(warning.message)))}\n")
    if args.output is None:
        _write_document(document, out)
        return EXIT_OK
    _write_file(args.output, _ended(document).encode("utf-8"), force=args.force)
    return EXIT_OK


def _write_file(name: str, data: bytes, *, force: bool) -> None:
    """Write *data* to the file *name* atomically; an existing file is replaced only when *force* is true."""
    if not name:
        msg = '"": the file name is empty'
        raise UserError(msg)
    if os.path.isdir(name):  # noqa: PTH112 - the name as given, a final slash kept
        msg = f"{name}: is a directory, not a file"
        raise UserError(msg)
    exists = f"{name}: already exists (use --force to replace it)"
    if not force and os.path.lexists(name):
        raise UserError(exists)
    try:
        write_atomic(name, data, replace=force)  # the name as given: a path object drops a final slash
    except FileExistsError:
        raise UserError(exists) from None
    except OSError as error:
        msg = f"{name}: cannot write: {error.strerror or error}"
        raise UserError(msg) from None


def _meetings(args: argparse.Namespace, out: TextIO) -> int:
    from ._meetings import meeting_rows

    _write_view(MeetingTable(meeting_rows()), args, out)
    return EXIT_OK


def _schema(_: argparse.Namespace, out: TextIO) -> int:
    from ._schema import json_schema

    _write_document(json.dumps(json_schema(), indent=2, ensure_ascii=False), out)
    return EXIT_OK


def _to_stderr(text: str) -> None:
    """Write *text* to standard error, if it can be written: the exit status tells anyway.

    A closed standard error (``2>&-``) is skipped; one that fails (``2>/dev/full``)
    is pointed at the null device, so that the flush at exit cannot fail and
    change the exit status.
    """
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):
        _silence(stream)


def _report(error: UserError) -> None:
    """Write each line of *error* to standard error, one problem per line, escaped for a terminal."""
    for line in error.lines:
        _to_stderr(f"{PROG}: error: {_tty(line)}\n")


def _version() -> str:
    from importlib.metadata import version

    return version(PROG)


def _print_version(_: argparse.Namespace, out: TextIO) -> int:
    _write(f"{PROG} {_version()}", out)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (by default ``sys.argv[1:]``) and return the exit status.

    The installed ``c5statement`` script and ``python -m c5statement`` call
    ``sys.exit(main())``.

    Example:
        >>> main(["show", "--format", "json"])  # doctest: +ELLIPSIS
        {
          "format_version": 1,
          "id": "cc5-fmm-2020",
        ...
        0
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except _Exit as stop:
        return stop.status
    if args.version:
        args.handler = _print_version
        return _run(args)
    if args.command is None:
        parser.print_usage(sys.stderr)
        _to_stderr(f"{PROG}: error: a command is required (show, diff, validate, parse, schema)\n")
        return EXIT_TROUBLE
    return _run(args)


def _silence(stream: IO[str] | None) -> None:
    """Point *stream* (standard output or error) at the null device, so the flush at exit cannot fail again.

    Without this, Python would try to write what is left in the buffer at exit
    and print "Exception ignored ... BrokenPipeError". The file descriptor is
    replaced only when the stream has one (not in tests that capture it).
    """
    if stream is None:
        return
    try:
        fileno = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fileno)
    finally:
        os.close(devnull)


def _run(args: argparse.Namespace) -> int:
    """Run the command's handler, turning expected failures into an exit status."""
    status = EXIT_TROUBLE
    out: TextIO = _ClosedOutput() if sys.stdout is None else sys.stdout
    try:
        status = args.handler(args, out)
        try:
            out.flush()
        except OSError as error:
            raise _OutputError(error) from None
    except UserError as error:
        _report(error)
    except _OutputError as failure:
        _silence(sys.stdout)
        if isinstance(failure.error, BrokenPipeError):
            # The reader went away (``c5statement show | head -n 1``): stop quietly.
            status = EXIT_BROKEN_PIPE
        else:
            status = EXIT_TROUBLE
            reason = failure.error.strerror or _one_line(str(failure.error))
            _report(UserError(f"cannot write to standard output: {reason}"))
    except KeyboardInterrupt:
        status = EXIT_INTERRUPTED
    except Exception as error:  # a bug must still end with status 2 and one line, not a traceback
        if os.environ.get("C5STATEMENT_DEBUG"):
            raise
        _to_stderr(
            f"{PROG}: error: unexpected {type(error).__name__}: {_tty(_one_line(str(error)))} (a bug in c5statement: "
            "please report it, with the output of the same command run with C5STATEMENT_DEBUG=1)\n"
        )
    return status
