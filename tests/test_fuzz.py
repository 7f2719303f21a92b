"""A mutation fuzz suite: real documents, mutated, must be refused cleanly or loaded and shown.

Hypothesis mutates two real documents (the 2020 record and a diff of two
packaged meetings): byte flips, truncation, hostile bytes, deleted keys, values
of the wrong type, huge strings and arrays, deep nesting, unknown keys and
Unicode edge cases (lone surrogates, bidi controls, NUL, byte order marks).
Each mutant goes to :func:`~c5statement.from_json`, :func:`~c5statement.load`,
the command line (in process) and, when it loads, every view. The only failure
allowed is an :class:`~c5statement.InvalidStatementError` (exit 2 on the
command line) with a bounded report, one line per problem, each naming a place
(``$...``), within a generous time bound.

The counts of a run (mutants, refused, loaded) are printed at the end of the
module (``pytest -s tests/test_fuzz.py``) and, if ``C5STATEMENT_FUZZ_COUNTS``
names a file, appended to it as a JSON line.
"""

from __future__ import annotations

import collections
import contextlib
import io
import json
import os
import re
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c5statement import (
    MEETING_2020,
    MEETINGS,
    InvalidStatementError,
    Meeting,
    Series,
    StatementDiff,
    compare,
    diff,
    load,
    to_json,
)
from c5statement._cli import main
from c5statement._errors import MAX_PROBLEMS, MAX_REASON

if TYPE_CHECKING:
    from collections.abc import Iterator

SEEDS = {
    "meeting": (to_json(MEETING_2020), Meeting),
    "diff": (to_json(diff(MEETING_2020, MEETINGS[1])), StatementDiff),
    "series": (to_json(compare([MEETING_2020, MEETINGS[1], MEETING_2020])), Series),
}

# How long one mutant may take through every target: generous, for slow CI machines.
TIME_BOUND = 20.0

# The fuzz needs many more mutants than a property needs examples: ten times the profile's count.
FUZZ = settings(
    max_examples=10 * settings().max_examples,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

COUNTS: collections.Counter[str] = collections.Counter()

# Strings that have broken parsers, terminals or Markdown before.
EDGE_STRINGS = [
    "",
    " ",
    "\ud800",
    "a\udfffb",
    "\x00",
    "\ufeff",
    "\u202eevil",
    "\u2066x\u2069",
    "\x1b]0;title\x07",
    "\x1b[2K\rOK good.json",
    "line\nc5statement: OK",
    "\u2028\u2029\x85",
    "<FILL IN: x>",
    "<script>alert(1)</script>",
    "    indented code",
    "1. a list",
    "---",
    "\t# heading",
    "a | b",
    "`code`",
    "é" * 3,
    "\U0001f600",
    "x" * 1000,
    "e" + "\u0301" * 5000,  # a flood of combining marks
    "\u0301" * 3000 + " peace " + "\u0301" * 3000,
]

WORDS = " ".join(point.text for point in MEETING_2020.points).split()

ODD_VALUES: list[Any] = [None, True, False, 0, -1, 1.5, 2**53, 2**63, -(2**70), 1e308, "", "x", [], {}, [None], {"": 0}]


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON value, as a tuple of keys and indexes, the root first."""
    stack = [(path, value)]
    while stack:
        here, item = stack.pop()
        yield here
        if isinstance(item, dict):
            stack.extend(((*here, key), child) for key, child in item.items())
        elif isinstance(item, list):
            stack.extend(((*here, index), child) for index, child in enumerate(item))


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def _set(root: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    _get(root, path[:-1])[path[-1]] = new
    return root


_MUTANT_BYTES = 4 * 1024 * 1024
"""A mutated document this large gets no further mutation: a flood is tested alone, not a flood of floods."""

_REPEAT_BYTES = 4_000_000
"""The most bytes of text that repeating one point's text over all points may make."""


def _long_or_repeated(draw: st.DrawFn, data: Any, path: tuple[Any, ...], kind: str) -> Any:
    """*data* with a long point (thousands of the record's own words) at *path*, or every point's text the same."""
    if kind == "long text" and isinstance(_get(data, path), str):
        count = draw(st.integers(300, 4_000))
        start = draw(st.integers(0, len(WORDS) - 1))
        return _set(data, path, " ".join(WORDS[(start + index * 7) % len(WORDS)] for index in range(count)))
    if kind == "repeat" and isinstance(data, dict) and isinstance(data.get("points"), list):
        texts = [point.get("text") for point in data["points"] if isinstance(point, dict)]
        if texts:
            text = draw(st.sampled_from(texts))
            # Within bounds: a huge text repeated over a huge array of points would fill the memory.
            if len(json.dumps(text)) * len(texts) <= _REPEAT_BYTES:
                for point in data["points"]:
                    if isinstance(point, dict):
                        point["text"] = text
    return data


@st.composite
def tree_mutants(draw: st.DrawFn, data: Any) -> Any:  # noqa: C901 - one branch per kind of mutation
    """*data* (parsed JSON) with one to three structural mutations."""
    data = json.loads(json.dumps(data))
    for round_ in range(draw(st.integers(1, 3))):
        if round_ and len(json.dumps(data)) > _MUTANT_BYTES:
            break  # one flood at a time: floods of floods fill the memory (hundreds of MB, tens of GB to read)
        places = sorted(_places(data), key=repr)
        path = draw(st.sampled_from(places))
        here = _get(data, path)
        kind = draw(
            st.sampled_from(
                ["delete", "type", "huge string", "huge array", "deep", "unicode", "unknown key", "long text", "repeat"]
            )
        )
        if kind == "delete" and path:
            parent = _get(data, path[:-1])
            del parent[path[-1]]
        elif kind == "type":
            data = _set(data, path, draw(st.sampled_from(ODD_VALUES)))
        elif kind == "huge string":
            unit = draw(st.sampled_from(["a", "é", "\u202e", "\n", "<", "\ud800", " "]))
            data = _set(data, path, unit * draw(st.integers(10**3, 2 * 10**5)))
        elif kind == "huge array":
            small = len(json.dumps(here)) < 500
            item = draw(st.sampled_from([here, {}, 1, "x", None] if small else [{}, 1, "x", None]))
            data = _set(data, path, [item] * draw(st.integers(10, 3 * 10**4)))
            # Copies, not one object many times: a later mutation of one item must not grow them all.
            data = json.loads(json.dumps(data))
        elif kind == "deep":
            depth = draw(st.sampled_from([31, 32, 33, 100, 300]))  # deeper ones come as bytes, below
            nested: Any = here
            for _ in range(depth):
                nested = [nested]
            data = _set(data, path, nested)
        elif kind == "unicode":
            edge = draw(st.sampled_from(EDGE_STRINGS))
            old = here if isinstance(here, str) else ""
            at = draw(st.integers(0, len(old)))
            data = _set(data, path, old[:at] + edge + old[at:])
        elif kind in {"long text", "repeat"}:
            data = _long_or_repeated(draw, data, path, kind)
        elif kind == "unknown key" and isinstance(here, dict):
            key = draw(st.sampled_from([*EDGE_STRINGS, "k" * 10**5]))
            here[key] = draw(st.sampled_from(ODD_VALUES))
    return data


class Mutant:
    """A seed's name and a mutated document; its repr stays short, whatever the document's size."""

    def __init__(self, name: str, raw: bytes) -> None:
        self.name = name
        self.raw = raw

    def __repr__(self) -> str:
        head = self.raw[:200] + (b"..." if len(self.raw) > 200 else b"")
        return f"Mutant({self.name!r}, {len(self.raw)} bytes: {head!r})"


@st.composite
def mutants(draw: st.DrawFn) -> Mutant:
    """A seed's name and a mutated document, as UTF-8 bytes (or the bytes a mutation left)."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    text, _ = SEEDS[name]
    if draw(st.booleans()):
        data = draw(tree_mutants(json.loads(text)))
        ascii_only = draw(st.booleans())
        raw = json.dumps(data, ensure_ascii=ascii_only, indent=draw(st.sampled_from([None, 2]))).encode(
            "utf-8", "surrogatepass"
        )
        if len(raw) > 4 * _MUTANT_BYTES:  # indented, a flood of deep nests takes gigabytes: written compact
            raw = json.dumps(data, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    else:
        raw = text.encode("utf-8")
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "bom", "duplicate key"]))
        at = draw(st.integers(0, len(raw)))
        if kind == "flip" and raw:
            at = min(at, len(raw) - 1)
            raw = raw[:at] + bytes([raw[at] ^ draw(st.integers(1, 255))]) + raw[at + 1 :]
        elif kind == "truncate":
            raw = raw[:at]
        elif kind == "insert":
            junk = draw(
                st.sampled_from(
                    [
                        b"\x00",
                        b"\xff",
                        b"\xed\xa0\x80",
                        b"\\ud800",
                        b"[",
                        b"{",
                        b",",
                        b'"',
                        b"9" * 50,
                        b"[" * 5000,
                        b'{"a": ' * 3000,
                    ]
                )
            )
            raw = raw[:at] + junk + raw[at:]
        elif kind == "bom":
            raw = b"\xef\xbb\xbf" + raw
        elif kind == "duplicate key" and raw.startswith(b"{"):
            raw = b'{"format_version": 1,' + raw[1:]
    return Mutant(name, raw)


def _check_error(error: InvalidStatementError) -> None:
    """A bounded report: at most MAX_PROBLEMS problems, each at a place, one line each, none too long."""
    assert 0 < len(error.errors) <= MAX_PROBLEMS
    for path, reason in error.errors:
        assert path.startswith("$"), path
        assert len(path) <= MAX_REASON
        assert 0 < len(reason) <= MAX_REASON
    assert len(str(error)) <= (MAX_PROBLEMS + 2) * (2 * MAX_REASON + 10)


@contextlib.contextmanager
def _captured(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[io.StringIO, io.StringIO]]:
    out, err = io.StringIO(), io.StringIO()
    with monkeypatch.context() as patch:
        patch.setattr(sys, "stdout", out)
        patch.setattr(sys, "stderr", err)
        yield out, err


def _run_cli(monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    with _captured(monkeypatch) as (out, err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def _check_cli_failure(status: int, err: str) -> None:
    """Exit 2, one line per problem, each naming a place, nothing raw for a terminal."""
    assert status == 2, err
    assert err.endswith("\n")
    lines = err[:-1].split("\n")
    assert len(lines) <= MAX_PROBLEMS + 1
    assert not UNSAFE.search(err), err[:500]
    for line in lines:
        assert line.startswith("c5statement: error: "), line[:200]
        assert ": $" in line or line.endswith("are listed)") or "c5statement reads" in line, line[:200]


def _outcome(document: str | bytes, cls: type[Any]) -> Any:
    """What loading *document* gives: the object, or the error (checked to be bounded and located)."""
    from c5statement import from_json

    try:
        return from_json(document, cls)
    except InvalidStatementError as error:
        _check_error(error)
        return error


def load_both(raw: bytes, cls: type[Any]) -> Any:
    """Load *raw* as bytes and, if it is UTF-8, as text too: both must give the same object or the same problems."""
    from_bytes = _outcome(raw, cls)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return from_bytes
    from_text = _outcome(text, cls)
    if isinstance(from_bytes, InvalidStatementError):
        assert isinstance(from_text, InvalidStatementError)
        assert from_text.errors == from_bytes.errors
    else:
        assert from_text == from_bytes
    return from_bytes


def _check_cli(monkeypatch: pytest.MonkeyPatch, path: Path, *, loads: bool) -> None:
    """``validate``, ``show`` and ``diff`` on the mutant: exit 2 with clean lines if it does not load, else success."""
    commands = [
        ["validate", os.fspath(path)],
        ["show", "--format", "text", os.fspath(path)],
        ["show", "--format", "json", os.fspath(path)],
        ["diff", "cc5-fmm-2020", os.fspath(path), "--format", "json"],
        ["diff", "cc5-fmm-2020", os.fspath(path), "--format", "text", "--color", "always"],
    ]
    for command in commands:
        status, out, err = _run_cli(monkeypatch, *command)
        if not loads:
            _check_cli_failure(status, err)
            assert out == ""
        else:
            assert err == ""
            assert status in ({0, 1} if command[0] == "diff" else {0})


@FUZZ
@given(mutant=mutants())
def test_mutants_are_refused_cleanly_or_loaded_and_shown(
    mutant: Mutant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the mutation: a clean, bounded, located refusal, or an object every view can show."""
    name, raw = mutant.name, mutant.raw
    _, cls = SEEDS[name]
    started = time.perf_counter()
    COUNTS["mutants"] += 1
    loaded = load_both(raw, cls)
    path = tmp_path / "mutant.json"
    path.write_bytes(raw)
    if isinstance(loaded, InvalidStatementError):
        COUNTS["refused"] += 1
        with pytest.raises(InvalidStatementError) as caught:
            load(path, cls)
        assert caught.value.source == os.fspath(path)
        assert caught.value.errors == loaded.errors
    else:
        COUNTS["loaded"] += 1
        COUNTS["loaded, changed"] += loaded != _outcome(SEEDS[name][0], cls)
        for view in (loaded.to_text(), loaded.to_markdown(), loaded.to_html(), to_json(loaded)):
            assert isinstance(view, str)
        if cls is Series:
            assert len(loaded.to_records()) >= len(loaded.statements[0].points)
        assert load(path, cls) == loaded
    if cls is Meeting:
        _check_cli(monkeypatch, path, loads=not isinstance(loaded, InvalidStatementError))
    assert time.perf_counter() - started < TIME_BOUND


FILE_KINDS = ["regular", "link", "dangling link", "fifo", "link to fifo", "folder", "final slash", "long name", "loop"]


def _prepare(folder: Path, kind: str) -> str:
    """A path of the given kind in *folder*, to write to."""
    target = folder / "target.json"
    if kind in {"regular", "final slash"}:
        target.write_text("before", encoding="utf-8")
        return os.fspath(target) + ("/" if kind == "final slash" else "")
    if kind in {"link", "dangling link", "link to fifo", "loop"}:
        link = folder / "link.json"
        if kind == "link":
            target.write_text("before", encoding="utf-8")
        elif kind == "link to fifo":
            os.mkfifo(target)
        link.symlink_to("link.json" if kind == "loop" else "target.json")
        return os.fspath(link)
    if kind == "fifo":
        os.mkfifo(target)
        return os.fspath(target)
    if kind == "folder":
        target.mkdir()
        return os.fspath(target)
    return os.fspath(folder / ("n" * 250 + ".json"))  # a long name


@pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "mkfifo"), reason="symbolic links and FIFOs of Unix")
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(FILE_KINDS), seed=st.sampled_from(sorted(SEEDS)), unit=st.sampled_from(EDGE_STRINGS[-4:]))
def test_files_stay_what_they_were(kind: str, seed: str, unit: str, tmp_path: Path) -> None:
    """``dump`` writes through links, refuses special files and odd names, and leaves nothing behind."""
    from c5statement import dump, from_json

    text, cls = SEEDS[seed]
    obj: Any = from_json(text, cls)
    if cls is Meeting:  # a long or flooded text, to write and read back
        obj = from_json(text.replace(MEETING_2020.points[0].text, unit * 3), cls)
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    path = _prepare(folder, kind)
    before = sorted((entry.name, stat.S_IFMT(entry.lstat().st_mode)) for entry in folder.iterdir())
    if kind in {"fifo", "link to fifo", "folder", "final slash", "loop"}:
        with pytest.raises(OSError, match=r"regular file|folder|slash|levels of symbolic links") as caught:
            dump(obj, path)
        assert caught.value.strerror, caught.value
        after = sorted((entry.name, stat.S_IFMT(entry.lstat().st_mode)) for entry in folder.iterdir())
        assert after == before  # nothing replaced, nothing left behind
        if kind == "final slash":
            assert (folder / "target.json").read_text(encoding="utf-8") == "before"
        return
    dump(obj, path)
    assert load(path, cls) == obj
    if "link" in kind:
        assert Path(path).is_symlink()
        assert (folder / "target.json").read_text(encoding="utf-8") == to_json(obj)
    names = sorted(entry.name for entry in folder.iterdir())
    assert all(not name.endswith(".tmp") for name in names), names


@pytest.fixture(scope="module", autouse=True)
def _report_counts() -> Iterator[None]:
    yield
    profile = os.environ.get("HYPOTHESIS_PROFILE", "dev")
    line = json.dumps({"profile": profile, **COUNTS})
    print(f"\nfuzz counts: {line}")  # noqa: T201 - the figures of the run, shown with -s
    target = os.environ.get("C5STATEMENT_FUZZ_COUNTS")
    if target:
        with open(target, "a", encoding="utf-8") as stream:  # noqa: PTH123
            stream.write(line + "\n")
