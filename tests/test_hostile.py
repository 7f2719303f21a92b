"""Hostile and huge inputs: bounded reports, surrogates, places named, limits of the Python API, safe files.

Each test here failed before the defect it names was fixed (issue 10). The
command line's part of these defects is tested in ``test_hostile_cli.py``; the
mutation fuzz suite is ``test_fuzz.py``.
"""

from __future__ import annotations

import json
import os
import pickle
import stat
import sys
import typing
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from c5statement import (
    MEETING_2020,
    InvalidStatementError,
    StatementDiff,
    diff,
    dump,
    from_dict,
    from_json,
    load,
    to_dict,
    to_json,
)
from c5statement._errors import MAX_PROBLEMS, MAX_REASON
from c5statement._json import MAX_DEPTH, MAX_DOCUMENT_BYTES

if TYPE_CHECKING:
    from pathlib import Path

SURROGATE = chr(0xD800)


def document(**changes: Any) -> dict[str, Any]:
    """The 2020 record as JSON data, with *changes* made at the top level."""
    data: dict[str, Any] = json.loads(to_json(MEETING_2020))
    data.update(changes)
    return data


def rejected(text: str | bytes) -> InvalidStatementError:
    """The error that loading *text* raises (failing the test if it loads)."""
    with pytest.raises(InvalidStatementError) as caught:
        from_json(text)
    return caught.value


class TestBoundedReports:
    """Defect 2: every invalid object was reported, each costing a type-hint lookup, with values shown whole."""

    def test_at_most_max_problems_are_listed_and_the_rest_counted(self) -> None:
        per_quote = len(rejected(json.dumps(document(quotes=[{}]))).errors)
        error = rejected(json.dumps(document(quotes=[{}] * 1000)))
        assert len(error.errors) == MAX_PROBLEMS
        assert error.omitted == 1000 * per_quote - MAX_PROBLEMS
        assert error.errors[0][0].startswith("$.quotes[0].")
        lines = str(error).splitlines()
        assert len(lines) == MAX_PROBLEMS + 2  # the head, the problems, the count of the others
        assert lines[-1].strip() == f"... and {error.omitted} more problems (only the first {MAX_PROBLEMS} are listed)"
        assert f"({1000 * per_quote} problems)" in lines[0]

    def test_the_count_survives_pickling_and_load(self, tmp_path: Path) -> None:
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document(quotes=[{}] * 300)), encoding="utf-8")
        with pytest.raises(InvalidStatementError) as caught:
            load(path)
        assert caught.value.source == os.fspath(path)
        assert caught.value.omitted > 0
        copy = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own object
        assert (copy.errors, copy.omitted, copy.source, str(copy)) == (
            caught.value.errors,
            caught.value.omitted,
            caught.value.source,
            str(caught.value),
        )

    def test_type_hints_are_read_once_per_class(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The cost per bad object is that of checking it, not of reading its class's type hints again."""
        from c5statement import _check

        monkeypatch.setattr(_check, "_STAND_INS", {})
        calls: list[object] = []
        real = typing.get_type_hints

        def counting(obj: Any, *args: Any, **kwargs: Any) -> Any:
            calls.append(obj)
            return real(obj, *args, **kwargs)

        monkeypatch.setattr(typing, "get_type_hints", counting)
        rejected(json.dumps(document(quotes=[{"speaker": "x"}] * 200)))
        assert len(calls) == len(set(map(id, calls))) <= 2

    def test_a_huge_unknown_key_is_shortened(self) -> None:
        key = "k" * 4_000_000
        error = rejected(json.dumps(document(**{key: 1})))
        ((path, reason),) = error.errors
        assert len(path) <= MAX_REASON
        assert path.startswith("$.kkk")
        assert "\u2026" in path
        assert reason.startswith("unknown key")
        assert len(str(error)) < 2 * MAX_REASON

    @pytest.mark.parametrize(
        ("changes", "where"),
        [
            ({"id": "X" * 100_000}, "$.id"),
            ({"date": "2" * 100_000}, "$.date"),
            ({"level": "Q" * 100_000}, "$.level"),
        ],
    )
    def test_long_values_are_shortened_with_an_ellipsis(self, changes: dict[str, str], where: str) -> None:
        error = rejected(json.dumps(document(**changes)))
        reasons = [reason for path, reason in error.errors if path == where]
        assert reasons, error.errors
        assert all(len(reason) <= 200 and "\u2026" in reason for reason in reasons)


class TestSurrogates:
    """Defect 5: a lone surrogate in a URL passed validation, then failed to be written."""

    def test_url_at_construction(self) -> None:
        source = MEETING_2020.sources[0]
        with pytest.raises(InvalidStatementError) as caught:
            attrs.evolve(source, url="https://example.org/" + SURROGATE)
        assert caught.value.errors == (("$.url", "contains a lone surrogate, which is not valid Unicode"),)

    def test_url_at_load(self) -> None:
        data = document()
        data["sources"][0]["url"] = "https://example.org/" + SURROGATE
        error = rejected(json.dumps(data))  # json.dumps writes it as the escape \ud800
        assert error.errors == (("$.sources[0].url", "contains a lone surrogate, which is not valid Unicode"),)

    def test_every_string_of_a_record(self) -> None:
        """Every string of the 2020 record, given a lone surrogate, is rejected at its own place."""
        data = document()
        places: list[tuple[str, list[Any] | dict[str, Any], int | str]] = []
        stack: list[tuple[str, Any]] = [("$", data)]
        while stack:
            path, value = stack.pop()
            items = enumerate(value) if isinstance(value, list) else value.items() if isinstance(value, dict) else ()
            for key, child in items:
                child_path = f"{path}[{key}]" if isinstance(value, list) else f"{path}.{key}"
                if isinstance(child, str):
                    places.append((child_path, value, key))
                else:
                    stack.append((child_path, child))
        assert len(places) > 50
        for path, holder, key in places:
            before = holder[key]  # type: ignore[index]
            holder[key] = before + SURROGATE  # type: ignore[index]
            error = rejected(json.dumps(data))
            assert any(where.startswith(path) or where == path.rsplit("[", 1)[0] for where, _ in error.errors), (
                path,
                error.errors,
            )
            holder[key] = before  # type: ignore[index]

    def test_a_diff_of_a_meeting_loaded_with_one_cannot_happen(self) -> None:
        data = document()
        data["sources"][0]["url"] = "https://example.org/" + SURROGATE
        with pytest.raises(InvalidStatementError):
            diff(MEETING_2020, from_dict(data))


class TestPlacesNamed:
    """Defect 9: deep nesting and huge integers named no place."""

    def test_deep_unclosed_nesting_names_the_depth(self) -> None:
        """Deep nesting that is also cut short is named as too deep, whichever way the parser fails."""
        ((path, reason),) = rejected('{"format_version": 1,\n "notes": ' + "[" * 5000).errors
        assert path.startswith("$.notes[0]")
        assert reason == "nested more than 32 levels deep (line 2 column 42)"

    def test_deep_nesting_names_path_line_and_column(self) -> None:
        text = '{"format_version": 1,\n "notes": ' + "[" * 100_000 + "]" * 100_000 + "}"
        ((path, reason),) = rejected(text).errors
        assert path == "$.notes" + "[0]" * (MAX_DEPTH - 1)
        assert reason == f"nested more than {MAX_DEPTH} levels deep (line 2 column {10 + MAX_DEPTH})"

    def test_moderate_nesting_names_line_and_column_too(self) -> None:
        text = '{"format_version": 1, "notes": ' + "[" * 40 + "]" * 40 + "}"
        ((path, reason),) = rejected(text).errors
        assert path == "$.notes" + "[0]" * (MAX_DEPTH - 1)
        assert reason.endswith(f"(line 1 column {31 + MAX_DEPTH})")

    def test_huge_integer_in_our_own_words(self) -> None:
        text = '{"format_version": 1,\n"quotes": [1, ' + "7" * 50_000 + "]}"
        ((path, reason),) = rejected(text).errors
        assert path == "$.quotes[1]"
        assert reason == "integer too long: 50000 digits, more than the 20 c5statement reads (line 2 column 15)"
        assert "sys.set_int_max_str_digits" not in reason


class TestConsistentInput:
    """Defect 10: a BOM was refused in str but accepted in bytes; the Python API had no size cap."""

    def test_bom_accepted_in_str_and_bytes_alike(self) -> None:
        text = "\ufeff" + to_json(MEETING_2020)
        assert from_json(text) == from_json(text.encode("utf-8")) == MEETING_2020

    def test_str_too_large(self) -> None:
        error = rejected(" " * (MAX_DOCUMENT_BYTES + 1))
        assert error.errors == (
            ("$", f"too large: {MAX_DOCUMENT_BYTES + 1} characters, more than 64 MiB, the most c5statement reads"),
        )

    def test_str_too_large_once_encoded(self) -> None:
        error = rejected("\u00e9" * (MAX_DOCUMENT_BYTES // 2 + 1))
        assert "more than 64 MiB" in error.errors[0][1]

    def test_bytes_too_large(self) -> None:
        error = rejected(b" " * (MAX_DOCUMENT_BYTES + 1))
        assert error.errors == (
            ("$", f"too large: {MAX_DOCUMENT_BYTES + 1} bytes, more than 64 MiB, the most c5statement reads"),
        )

    def test_load_too_large(self, tmp_path: Path) -> None:
        path = tmp_path / "huge.json"
        with path.open("wb") as stream:
            stream.truncate(MAX_DOCUMENT_BYTES + 1)
        with pytest.raises(InvalidStatementError) as caught:
            load(path)
        too_large = f"too large: {MAX_DOCUMENT_BYTES + 1} bytes, more than 64 MiB, the most c5statement reads"
        assert caught.value.errors == (("$", too_large),)  # as from_json says of the same bytes
        assert caught.value.source == os.fspath(path)

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
    def test_load_refuses_a_fifo_at_once(self, tmp_path: Path) -> None:
        fifo = tmp_path / "fifo.json"
        os.mkfifo(fifo)
        with pytest.raises(InvalidStatementError) as caught:
            load(fifo)  # no writer: opening it to read would wait forever
        assert caught.value.errors == (
            ("$", "not a regular file (a FIFO): c5statement reads only regular files and standard input"),
        )

    def test_load_of_a_directory_is_an_os_error(self, tmp_path: Path) -> None:
        with pytest.raises(IsADirectoryError):
            load(tmp_path)


class TestAtomicWrites:
    """Defect 10: the writer syncs the file and its folder before and after the rename, and cleans up."""

    @pytest.mark.skipif(sys.platform == "win32", reason="folders cannot be synced on Windows")
    def test_file_and_folder_synced(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        synced: list[str] = []
        real = os.fsync

        def recording(handle: int) -> None:
            synced.append("folder" if stat.S_ISDIR(os.fstat(handle).st_mode) else "file")
            real(handle)

        monkeypatch.setattr(os, "fsync", recording)
        dump(MEETING_2020, tmp_path / "out.json")
        assert synced == ["file", "folder"]

    def test_temporary_named_after_the_target_and_removed_on_failure(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        seen: list[str] = []

        def failing(_: int) -> None:
            seen.extend(path.name for path in tmp_path.iterdir())
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(os, "fsync", failing)
        with pytest.raises(OSError, match="Input/output error"):
            dump(MEETING_2020, tmp_path / "out.json")
        assert len(seen) == 1
        assert seen[0].startswith(".out.json.c5statement-")
        assert seen[0].endswith(".tmp")
        assert list(tmp_path.iterdir()) == []


class TestDiffIds:
    """Defect 7 (its data part): a diff's ids were not checked, so a loaded diff could carry markup."""

    @pytest.mark.parametrize("field", ["old_id", "new_id"])
    def test_ids_are_slugs_at_load(self, field: str) -> None:
        data = to_dict(diff(MEETING_2020, MEETING_2020))
        data[field] = "x`\r<script>alert(1)</script>"
        with pytest.raises(InvalidStatementError) as caught:
            from_dict(data, StatementDiff)
        ((path, reason),) = caught.value.errors
        assert path == f"$.{field}"
        assert "is not a lowercase slug" in reason
