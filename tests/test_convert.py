"""Structuring and unstructuring: lossless round trips and located errors for bad input."""

from __future__ import annotations

import copy
import json
import os
import re
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c5statement import (
    MEETING_2020,
    InvalidStatementError,
    Meeting,
    Point,
    dump,
    fingerprint,
    from_dict,
    from_json,
    load,
    to_dict,
    to_json,
)
from c5statement._json import MAX_DEPTH
from c5statement.strategies import context_notes, meetings, participants, points, quotes, sources, topics

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

# Lossless, byte-stable round trips are the format's promise: twice the profile's examples.
LAW = settings(max_examples=2 * settings().max_examples)


def walk(value: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    """Yield (path, value) for every node of a JSON document, the root first."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


def replace(document: Any, path: str, new: Any) -> Any:
    """Return a copy of *document* with the node at *path* replaced by *new*."""
    result = copy.deepcopy(document)
    steps: list[str | int] = [key or int(index) for key, index in re.findall(r"\.(\w+)|\[(\d+)\]", path)]
    parent = result
    for step in steps[:-1]:
        parent = parent[step]
    parent[steps[-1]] = new
    return result


def wrong_type(value: Any) -> list[Any]:
    """Values of another JSON type than *value*."""
    if isinstance(value, bool):
        return ["true", 1]
    if isinstance(value, int):
        return [str(value), True, float(value)]
    if isinstance(value, str):
        return [1, ["x"], {"text": value}]
    if isinstance(value, list):
        return ["a, b", {}, 1]
    if isinstance(value, dict):
        return [[], "object", 0]
    return [["x"], {}]  # null in an optional field: arrays and objects are wrong for every scalar


def error_paths(document: Any, cls: type = Meeting) -> list[str]:
    with pytest.raises(InvalidStatementError) as caught:
        from_dict(document, cls)
    return [path for path, _ in caught.value.errors]


ALL_2020 = to_dict(MEETING_2020)
LEAF_PATHS = [path for path, _ in walk(ALL_2020) if path not in {"$", "$.format_version"}]
OBJECT_PATHS = [path for path, value in walk(ALL_2020) if isinstance(value, dict)]


class TestRoundTrip:
    @LAW
    @given(meetings())
    def test_json_round_trip_is_lossless_and_byte_stable(self, meeting: Meeting) -> None:
        """from_json(to_json(x)) == x, and writing it again gives the same bytes and fingerprint."""
        text = to_json(meeting)
        again = from_json(text.encode("utf-8"), Meeting)
        assert again == meeting
        assert to_json(again) == text
        assert fingerprint(again) == fingerprint(meeting)

    @given(meetings(max_points=3, max_text=5000))
    def test_long_texts_round_trip(self, meeting: Meeting) -> None:
        """Texts of thousands of characters survive unchanged."""
        assert from_json(to_json(meeting), Meeting) == meeting

    def test_five_thousand_character_text_with_markup(self) -> None:
        """A 5,000-character text full of markup and non-Latin script round-trips."""
        text = ("<script>alert('x')</script> & «Қазақстан» 中国 \"quoted\" \\ \n\t" * 100)[:5000]
        point = Point(number=1, text=text)
        assert len(text) == 5000
        assert from_json(to_json(point), Point) == point

    @given(st.one_of(points(), participants(), topics(), quotes(), context_notes(), sources()))
    def test_every_class_round_trips(self, obj: Any) -> None:
        """Each public class round-trips on its own, through dicts and JSON."""
        assert from_dict(to_dict(obj), type(obj)) == obj
        assert from_json(to_json(obj), type(obj)) == obj

    @given(meetings())
    def test_dict_round_trip(self, meeting: Meeting) -> None:
        """from_dict(to_dict(x)) == x, and to_dict gives JSON types only."""
        data = to_dict(meeting)
        assert json.loads(json.dumps(data)) == data
        assert from_dict(data, Meeting) == meeting

    def test_canonical_form(self) -> None:
        """Sets are sorted, the version comes first, non-ASCII is kept, and the text ends in a newline."""
        point = Point(number=1, text="中国 “x”", themes=frozenset({"trade", "energy", "agriculture"}))
        text = to_json(point)
        assert text.startswith('{\n  "format_version": 1,\n  "number": 1,')
        assert '"themes": [\n    "agriculture",\n    "energy",\n    "trade"\n  ]' in text
        assert "中国 “x”" in text
        assert text.endswith("}\n")

    def test_fingerprint_is_sha256_of_canonical_json(self) -> None:
        """The fingerprint can be recomputed by any tool from the canonical bytes."""
        import hashlib

        assert fingerprint(MEETING_2020) == hashlib.sha256(to_json(MEETING_2020).encode()).hexdigest()

    def test_fingerprint_changes_with_content(self) -> None:
        """A changed record has another fingerprint."""
        import attrs

        assert fingerprint(attrs.evolve(MEETING_2020, venue="Beijing")) != fingerprint(MEETING_2020)

    def test_default_class_is_meeting(self) -> None:
        """from_json and from_dict read a Meeting unless told otherwise."""
        assert from_json(to_json(MEETING_2020)) == MEETING_2020
        assert from_dict(to_dict(MEETING_2020)) == MEETING_2020


class TestFiles:
    def test_dump_and_load(self, tmp_path: Path) -> None:
        """dump writes canonical UTF-8 that load reads back equal."""
        path = tmp_path / "2020.json"
        dump(MEETING_2020, path)
        assert path.read_bytes() == to_json(MEETING_2020).encode("utf-8")
        assert load(path) == MEETING_2020
        assert load(str(path), Meeting) == MEETING_2020

    def test_load_names_the_file(self, tmp_path: Path) -> None:
        """An invalid file's error names the file and the place in it."""
        path = tmp_path / "bad.json"
        path.write_text(to_json(MEETING_2020).replace('"number": 3', '"number": "3"'), encoding="utf-8")
        with pytest.raises(InvalidStatementError) as caught:
            load(path)
        assert caught.value.source == str(path)
        assert str(path) in str(caught.value)
        assert caught.value.errors == (("$.points[2].number", "must be an integer, got str"),)

    def test_missing_file_is_an_os_error(self, tmp_path: Path) -> None:
        """A file that does not exist raises FileNotFoundError, as open() does."""
        with pytest.raises(FileNotFoundError):
            load(tmp_path / "absent.json")

    def test_failed_dump_keeps_the_old_file(self, tmp_path: Path) -> None:
        """A dump that fails leaves the previous file intact and no temporary file behind."""
        path = tmp_path / "keep.json"
        dump(MEETING_2020, path)
        before = path.read_bytes()
        with pytest.raises(InvalidStatementError):
            dump(object(), path)  # type: ignore[arg-type]
        assert path.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir()] == ["keep.json"]

    def test_dumped_file_follows_the_umask(self, tmp_path: Path) -> None:
        """A new file gets the permissions any new file gets (0o666 less the umask), not a temporary's 0o600."""
        umask = os.umask(0o022)
        os.umask(umask)
        path = tmp_path / "new.json"
        dump(MEETING_2020, path)
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask

    def test_replaced_file_keeps_its_permissions(self, tmp_path: Path) -> None:
        """Replacing a file keeps its permissions and leaves no temporary file behind."""
        path = tmp_path / "kept.json"
        path.write_text("old", encoding="utf-8")
        path.chmod(0o640)
        dump(MEETING_2020, path)
        assert path.stat().st_mode & 0o777 == 0o640
        assert [p.name for p in tmp_path.iterdir()] == ["kept.json"]


class TestBadDocuments:
    @pytest.mark.parametrize("path", LEAF_PATHS)
    def test_every_field_with_a_wrong_type(self, path: str) -> None:
        """Each node of the 2020 document replaced by a value of another type is reported at that node."""
        original = next(value for p, value in walk(ALL_2020) if p == path)
        for bad in wrong_type(original):
            document = replace(ALL_2020, path, bad)
            found = error_paths(document)
            assert found, (path, bad)
            assert all(p == path or p.startswith((path + ".", path + "[")) for p in found), (path, bad, found)

    @pytest.mark.parametrize("path", OBJECT_PATHS)
    def test_unknown_key_at_every_level(self, path: str) -> None:
        """An unknown key in any object is an error naming the key."""
        document = copy.deepcopy(ALL_2020)
        target = next(value for p, value in walk(document) if p == path)
        target["colour"] = "red"
        assert error_paths(document) == [f"{path}.colour"]

    @pytest.mark.parametrize("path", OBJECT_PATHS)
    def test_missing_required_keys(self, path: str) -> None:
        """Removing a required key from any object names the missing key."""
        document = copy.deepcopy(ALL_2020)
        target = next(value for p, value in walk(document) if p == path)
        required = {"$": ["id", "title", "level", "date", "format"]}.get(path)
        if required is None:
            required = [
                key
                for key in ("number", "text", "country", "person", "title", "speaker", "id", "publisher")
                if key in target
            ]
        for key in required:
            broken = copy.deepcopy(document)
            del next(value for p, value in walk(broken) if p == path)[key]
            with pytest.raises(InvalidStatementError) as caught:
                from_dict(broken)
            assert caught.value.errors == ((f"{path}.{key}", "required key is missing"),)

    @given(meetings(max_points=4), st.data())
    def test_generated_documents_with_a_wrong_type(self, meeting: Meeting, data: st.DataObject) -> None:
        """In any generated document, a node of the wrong type is reported at or below its path."""
        document = to_dict(meeting)
        nodes = [(p, v) for p, v in walk(document) if p not in {"$", "$.format_version"}]
        path, value = data.draw(st.sampled_from(nodes))
        bad = data.draw(st.sampled_from(wrong_type(value)))
        found = error_paths(replace(document, path, bad))
        assert all(p == path or p.startswith((path + ".", path + "[")) for p in found)

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("", "malformed JSON at line 1 column 1"),
            ("{", "malformed JSON"),
            ('{"a": 1,}', "malformed JSON"),
            ("{'a': 1}", "malformed JSON"),
            ('{"format_version": 1, "number": NaN, "text": "x"}', "NaN is not allowed"),
            ('{"format_version": 1, "number": Infinity, "text": "x"}', "Infinity is not allowed"),
            ('{"format_version": 1, "number": -Infinity, "text": "x"}', "-Infinity is not allowed"),
            ('{"format_version": 1, "number": 1, "text": "x", "text": "y"}', "duplicate key"),
            ('{"format_version": 2, "number": 1, "text": "x"}', "unsupported format version 2"),
            ('{"format_version": "1", "number": 1, "text": "x"}', "unsupported format version '1'"),
            ('{"number": 1, "text": "x"}', "required key is missing"),
            ('[{"number": 1, "text": "x"}]', "must be an object, got list"),
            ('"a point"', "must be an object, got str"),
            ('{"format_version": 1, "number": 1.0, "text": "x"}', "must be an integer, got float"),
            ('{"format_version": 1, "number": 1e400, "text": "x"}', "number too large"),
            ('{"format_version": 1, "number": ' + "9" * 5000 + ', "text": "x"}', "integer too long: 5000 digits"),
            ('{"format_version": 1, "number": 9007199254740992, "text": "x"}', "must be at most 9007199254740991"),
            ('{"format_version": 1, "number": 1, "text": "x", "themes": "trade"}', "must be an array, got str"),
            ('{"format_version": 1, "number": 1, "text": "x", "themes": ["a", "a"]}', "repeats item 0"),
            ('{"format_version": 1, "number": 1, "text": ["x"]}', "must be a string, got list"),
        ],
    )
    def test_malformed_json(self, text: str, reason: str) -> None:
        """Malformed and non-canonical JSON gets one clear error."""
        with pytest.raises(InvalidStatementError, match=reason.replace("(", r"\(")):
            from_json(text, Point)

    def test_duplicate_key_is_located(self) -> None:
        """A duplicate key deep in the document is reported at its path."""
        text = to_json(MEETING_2020).replace('"number": 4,', '"number": 4, "number": 4,')
        with pytest.raises(InvalidStatementError) as caught:
            from_json(text)
        assert caught.value.errors == (("$.points[3].number", "duplicate key in one JSON object"),)

    @pytest.mark.parametrize(
        "data",
        [b'{"format_version": 1, "number": 1, "text": "\xff"}', b"\xc3\x28", "caf\u00e9".encode("latin-1")],
    )
    def test_invalid_utf8(self, data: bytes) -> None:
        """Bytes that are not UTF-8 are rejected, naming the offset."""
        with pytest.raises(InvalidStatementError, match="invalid UTF-8 at byte"):
            from_json(data, Point)

    def test_utf8_bom_is_accepted(self) -> None:
        """A byte-order mark, as some editors write, is not an error."""
        data = b"\xef\xbb\xbf" + to_json(Point(number=1, text="x")).encode()
        assert from_json(data, Point) == Point(number=1, text="x")

    def test_lone_surrogate_escape(self) -> None:
        """A JSON escape of a lone surrogate cannot become text."""
        with pytest.raises(InvalidStatementError, match="lone surrogate"):
            from_json('{"format_version": 1, "number": 1, "text": "\\ud800"}', Point)

    @pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1_000, 100_000])
    def test_pathological_nesting(self, depth: int) -> None:
        """Deep nesting gets a clear error, never a RecursionError."""
        text = '{"format_version": 1, "number": 1, "text": ' + "[" * depth + "]" * depth + "}"
        with pytest.raises(InvalidStatementError, match="levels deep"):
            from_json(text, Point)

    def test_deep_python_input(self) -> None:
        """A deeply nested dict passed to from_dict fails on types, not recursion."""
        nested: Any = "x"
        for _ in range(10_000):
            nested = [nested]
        with pytest.raises(InvalidStatementError, match="must be a string, got list"):
            from_dict({"number": 1, "text": nested}, Point)

    def test_placeholders_are_listed(self) -> None:
        """Unfilled skeleton placeholders are reported, one per place."""
        document = dict(ALL_2020, title="<FILL IN: title>", date="<FILL IN: date as YYYY-MM-DD>")
        assert error_paths(document) == ["$.title", "$.date"]

    def test_rules_after_types(self) -> None:
        """A well-typed document that breaks rules names every place and rule at once."""
        document = copy.deepcopy(ALL_2020)
        document["points"][4]["number"] = 2
        document["participants"][1]["country"] = "XX"
        with pytest.raises(InvalidStatementError) as caught:
            from_dict(document)
        assert caught.value.errors == (
            ("$.participants[1].country", "'XX' is not an ISO 3166-1 alpha-2 country code"),
            ("$.points[4].number", "point numbers must be unique and ascending: 2 follows 4"),
        )

    @pytest.mark.parametrize("date", ["2020-7-16", "16.07.2020", "2020-02-30", "2020-07-16T00:00:00", "20200716"])
    def test_bad_dates(self, date: str) -> None:
        """Dates are real calendar dates written YYYY-MM-DD."""
        assert error_paths(dict(ALL_2020, date=date)) == ["$.date"]

    def test_not_a_library_class(self) -> None:
        """Loading into a foreign class is refused clearly."""
        with pytest.raises(InvalidStatementError, match="not a public c5statement class"):
            from_dict({}, dict)

    @given(st.one_of(st.binary(max_size=200), st.text(max_size=200)))
    def test_arbitrary_input_raises_only_invalid_statement_error(self, data: str | bytes) -> None:
        """Whatever the input, the only exception is InvalidStatementError, with located reasons."""
        with pytest.raises(InvalidStatementError) as caught:
            from_json(data, Point)
        assert caught.value.errors
        assert all(path.startswith("$") and reason for path, reason in caught.value.errors)

    @given(meetings(max_points=3), st.data())
    def test_truncated_documents(self, meeting: Meeting, data: st.DataObject) -> None:
        """A document cut anywhere is malformed JSON, reported as such."""
        text = to_json(meeting)
        cut = data.draw(st.integers(min_value=0, max_value=len(text) - 3))
        with pytest.raises(InvalidStatementError):
            from_json(text[:cut])

    @given(
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=5),
            lambda children: (
                st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
            ),
        )
    )
    def test_arbitrary_json_values(self, value: Any) -> None:
        """Any JSON value put in place of a meeting gives a located InvalidStatementError."""
        with pytest.raises(InvalidStatementError):
            from_dict({"format_version": 1, **(value if isinstance(value, dict) else {"points": value})})


class TestErrorType:
    def test_is_a_value_error_with_errors(self) -> None:
        """InvalidStatementError is a ValueError whose message lists the problems."""
        error = InvalidStatementError([("$.a", "bad"), ("$.b[0]", "worse")])
        assert isinstance(error, ValueError)
        assert error.errors == (("$.a", "bad"), ("$.b[0]", "worse"))
        assert str(error) == "invalid statement data (2 problems):\n  $.a: bad\n  $.b[0]: worse"

    def test_pickles(self) -> None:
        """The error survives pickling, for multiprocessing users."""
        import pickle

        error = InvalidStatementError([("$.a", "bad")], source="x.json")
        again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
        assert again.errors == error.errors
        assert again.source == "x.json"
        assert str(again) == str(error)


class TestFloats:
    @pytest.mark.parametrize("value", ["0.5", True, None, [0.5]])
    def test_floats_are_not_coerced(self, value: object) -> None:
        """A float field (a diff's similarity) takes only a JSON number."""
        from c5statement import MEETING_2020, diff

        document = to_dict(diff(MEETING_2020, MEETING_2020))
        document["points"][0]["similarity"] = value
        with pytest.raises(InvalidStatementError) as caught:
            from_dict(document, type(diff(MEETING_2020, MEETING_2020)))
        assert caught.value.errors[0][0] == "$.points[0].similarity"

    def test_integers_are_accepted_as_floats(self) -> None:
        """JSON has one number type: 1 is a valid similarity."""
        from c5statement import MEETING_2020, StatementDiff, diff

        document = to_dict(diff(MEETING_2020, MEETING_2020))
        document["points"][0]["similarity"] = 1
        assert from_dict(document, StatementDiff).points[0].similarity == 1.0


class TestEveryProblemAtOnce:
    def test_rules_of_loaded_fields_are_checked_when_another_field_fails(self) -> None:
        """A bad format is reported even when a point and the date are bad too."""
        document = copy.deepcopy(ALL_2020)
        document["format"] = "zoom"
        document["date"] = "2020-13-01"
        document["points"][2]["text"] = " "
        with pytest.raises(InvalidStatementError) as caught:
            from_dict(document)
        assert [path for path, _ in caught.value.errors] == ["$.date", "$.points[2].text", "$.format"]

    def test_no_problem_is_reported_twice(self) -> None:
        """An object whose own rules fail reports each problem once."""
        with pytest.raises(InvalidStatementError) as caught:
            from_dict({"number": 0, "text": " "}, Point)
        assert caught.value.errors == (
            ("$.number", "must be a positive integer, got 0"),
            ("$.text", "must not be blank"),
        )

    def test_citations_wait_for_the_sources(self) -> None:
        """When sources fail to load, citations are not reported as unknown."""
        document = dict(ALL_2020, sources="mfa")
        with pytest.raises(InvalidStatementError) as caught:
            from_dict(document)
        assert [path for path, _ in caught.value.errors] == ["$.sources"]


class TestArguments:
    @pytest.mark.parametrize("path", [2, True, None, 1.5])
    def test_load_rejects_what_is_not_a_path(self, path: object) -> None:
        """An int would be taken as a file descriptor and closed: it is refused."""
        with pytest.raises(InvalidStatementError, match="must be a file path"):
            load(path)  # type: ignore[call-overload]

    def test_dump_rejects_what_is_not_a_path(self) -> None:
        """dump refuses a file descriptor too."""
        with pytest.raises(InvalidStatementError, match="must be a file path"):
            dump(MEETING_2020, 1)  # type: ignore[arg-type]

    def test_only_public_classes(self) -> None:
        """to_dict, to_json and from_dict work with the package's public classes only."""
        import attrs

        from c5statement._align import Match

        @attrs.frozen
        class Other:
            value: object

        with pytest.raises(InvalidStatementError, match="not a c5statement object"):
            to_json(Other(object()))
        with pytest.raises(InvalidStatementError, match="not a public c5statement class"):
            from_dict({}, Match)


class TestEveryProblemWithUnknownKeys:
    def test_unknown_key_does_not_hide_other_problems(self) -> None:
        """A misspelt key and a blank title in the same object are both reported."""
        document = dict(ALL_2020, bogus=1, title=" ")
        with pytest.raises(InvalidStatementError) as caught:
            from_dict(document)
        assert [path for path, _ in caught.value.errors] == ["$.bogus", "$.title"]

    def test_unknown_key_in_a_nested_object(self) -> None:
        """The same holds inside a point."""
        document = copy.deepcopy(ALL_2020)
        document["points"][0].update(bogus=1, text=" ")
        with pytest.raises(InvalidStatementError) as caught:
            from_dict(document)
        assert [path for path, _ in caught.value.errors] == ["$.points[0].bogus", "$.points[0].text"]

    @pytest.mark.parametrize("version", [1.0, True, "1"])
    def test_format_version_is_the_integer_1(self, version: object) -> None:
        """The version marker is not coerced either."""
        with pytest.raises(InvalidStatementError, match="unsupported format version"):
            from_dict(dict(ALL_2020, format_version=version))
