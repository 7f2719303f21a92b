"""The one cattrs converter: dicts and JSON in and out, with errors that name places.

Rules (each enforced by a hook below):

* no coercion: a string must be a JSON string, an integer a JSON integer (not a
  boolean, not a float), a float a finite JSON number, a boolean a JSON boolean,
  a collection a JSON array;
* dates are ISO 8601 calendar dates (``"2020-07-16"``);
* frozensets are written as sorted arrays and must not repeat an item;
* strings that begin with ``<FILL IN`` are unfilled placeholders of a skeleton;
* unknown keys are errors (a dropped key would be lost data);
* the top-level document carries ``"format_version"``;
* JSON must be UTF-8, without duplicate keys, NaN or Infinity, nested at most
  :data:`MAX_DEPTH` levels deep, integers of at most :data:`MAX_DIGITS` digits,
  and at most :data:`MAX_DOCUMENT_BYTES` (64 MiB) long; a leading byte order
  mark is dropped, from ``str`` and ``bytes`` alike;
* strings must be valid Unicode (no lone surrogates);
* a report lists at most :data:`~c5statement._errors.MAX_PROBLEMS` problems and
  counts the others.
"""

from __future__ import annotations

import datetime
import functools
import math
import os
import re
import typing
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from typing import Any, TypeVar, overload

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn

from ._check import PLACEHOLDER, check_partial, has_surrogate, type_name
from ._errors import MAX_PROBLEMS, InvalidStatementError, InvalidTypeError, Problem, shorten, shown
from ._files import read_limited, write_atomic
from ._json import MAX_DEPTH, MAX_DIGITS, MAX_DOCUMENT_BYTES, json_problems, places
from ._model import Coding, ContextNote, Decision, Meeting, Participant, Point, Quote, Source, Topic

if typing.TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

__all__ = [
    "FORMAT_VERSION",
    "add_document_classes",
    "dump",
    "fingerprint",
    "from_dict",
    "from_json",
    "get_converter",
    "load",
    "to_dict",
    "to_json",
]

T = TypeVar("T")

FORMAT_VERSION = 1
"""The version of the document format that this release reads and writes."""

_VERSION_KEY = "format_version"
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _expect(value: object, expected: str) -> InvalidTypeError:
    return InvalidTypeError([("$", f"must be {expected}, got {type_name(value)}")])


def _placeholder(value: str) -> InvalidStatementError:
    return InvalidStatementError([("$", f"placeholder not filled in: {shorten(value, 300)}")])


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _expect(value, "a string")
    if value.startswith(PLACEHOLDER):
        raise _placeholder(value)
    if has_surrogate(value):
        raise InvalidStatementError([("$", "contains a lone surrogate, which is not valid Unicode")])
    return value


def _structure_int(value: object, _: type) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _expect(value, "an integer")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _expect(value, "a boolean")
    return value


def _structure_float(value: object, _: type) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise _expect(value, "a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidStatementError([("$", f"{value!r} is not a finite number")])
    return float(value)


def _structure_date(value: object, _: type) -> datetime.date:
    if not isinstance(value, str):
        raise _expect(value, "a date string (YYYY-MM-DD)")
    if value.startswith(PLACEHOLDER):
        raise _placeholder(value)
    if not _DATE.fullmatch(value):
        raise InvalidStatementError([("$", f"{shown(value)} is not a date in the form YYYY-MM-DD")])
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise InvalidStatementError([("$", f"{shown(value)} is not a valid date ({error})")]) from None


def _is_tuple(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004


def _is_frozenset(cls: Any) -> bool:
    return typing.get_origin(cls) is frozenset


def _structure_items(conv: cattrs.Converter, value: object, item_type: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _expect(value, "an array")
    problems: list[Problem] = []
    omitted = [0]
    items = []
    for index, item in enumerate(value):
        try:
            items.append(conv.structure(item, item_type))
        except Exception as error:  # noqa: BLE001, PERF203 - every item's failure becomes a located problem
            for problem in _problems(error, f"$[{index}]", omitted):
                if len(problems) < MAX_PROBLEMS:
                    problems.append(problem)
                else:
                    omitted[0] += 1
    if problems:
        raise InvalidStatementError(problems, omitted=omitted[0])
    return items


def _tuple_hook(cls: Any, conv: cattrs.Converter) -> Callable[[object, Any], tuple[Any, ...]]:
    item_type = typing.get_args(cls)[0]

    def structure(value: object, _: Any) -> tuple[Any, ...]:
        return tuple(_structure_items(conv, value, item_type))

    return structure


def _frozenset_hook(cls: Any, conv: cattrs.Converter) -> Callable[[object, Any], frozenset[Any]]:
    item_type = typing.get_args(cls)[0]

    def structure(value: object, _: Any) -> frozenset[Any]:
        items = _structure_items(conv, value, item_type)
        seen: dict[Any, int] = {}
        problems = []
        for index, item in enumerate(items):
            if item in seen:
                problems.append(
                    (f"$[{index}]", f"repeats item {seen[item]} ({shown(item)}); a set holds each item once")
                )
            seen.setdefault(item, index)
        if problems:
            raise InvalidStatementError(problems)
        return frozenset(items)

    return structure


def _class_hook(cls: Any, conv: cattrs.Converter) -> Callable[[object, Any], Any]:
    inner = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

    def structure(value: object, _: Any) -> Any:
        if not isinstance(value, dict):
            raise _expect(value, "an object")
        try:
            return inner(value, cls)
        except ClassValidationError as error:
            # One failing field stops the object from being built; check the others
            # too, so that every problem is reported at once.
            by_attribute, unlocated = error.group_exceptions()
            if any(not isinstance(failure, ForbiddenExtraKeysError) for failure in unlocated):
                raise  # the object was built and its own rules failed: all are reported
            failed = {note.name for _, note in by_attribute}
            loaded = {}
            for field in attrs.fields(cls):
                if field.name in value and field.name not in failed:
                    loaded[field.name] = conv.structure(value[field.name], field.type)
            more = check_partial(cls, loaded, failed)
            if not more:
                raise
            omitted = [0]
            problems = [*_problems(error, "$", omitted), *more]
            raise InvalidStatementError(problems, omitted=omitted[0]) from None

    return structure


def make_converter() -> cattrs.Converter:
    """Build a converter configured with this module's rules."""
    # Collections are written as JSON arrays; a set's items sorted, so that equal objects write equal text.
    conv = cattrs.Converter(
        forbid_extra_keys=True,
        detailed_validation=True,
        unstruct_collection_overrides={AbstractSet: sorted, tuple: list},
    )
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    conv.register_structure_hook_factory(_is_tuple, lambda cls: _tuple_hook(cls, conv))
    conv.register_structure_hook_factory(_is_frozenset, lambda cls: _frozenset_hook(cls, conv))
    conv.register_structure_hook_factory(attrs.has, lambda cls: _class_hook(cls, conv))
    # A record that does not name its language writes no "language" key: its JSON and fingerprint stay as they were.
    from cattrs.gen import make_dict_unstructure_fn, override

    # Made on first use, not here: loading a record never writes one, and the code generation costs milliseconds.
    conv.register_unstructure_hook_factory(
        lambda cls: cls is Meeting,
        lambda cls: make_dict_unstructure_fn(cls, conv, language=override(omit_if_default=True)),
    )
    # Read-only JSON objects (``JsonObject``, in field changes of diffs) are written as plain dicts.
    conv.register_unstructure_hook_func(
        lambda cls: isinstance(cls, type) and issubclass(cls, Mapping) and not issubclass(cls, dict),
        lambda value: {key: conv.unstructure(item) for key, item in value.items()},
    )
    return conv


@functools.cache
def get_converter() -> cattrs.Converter:
    """Return the package's converter, built on first use (keeps the import cheap)."""
    return make_converter()


def _located(error: ClassValidationError | IterableValidationError, path: str) -> Iterator[tuple[BaseException, str]]:
    """The exceptions grouped in *error*, each with the path of the attribute or item it concerns."""
    if isinstance(error, ClassValidationError):
        by_attribute, unlocated = error.group_exceptions()
        located = [(failure, f"{path}.{attribute.name}") for failure, attribute in by_attribute]
    else:
        by_index, unlocated = error.group_exceptions()
        located = [(failure, f"{path}[{position.index!r}]") for failure, position in by_index]
    yield from located
    yield from ((failure, path) for failure in unlocated)


def _problems(error: BaseException, path: str, omitted: list[int]) -> Iterator[Problem]:
    """Turn an exception raised while structuring into ``(path, reason)`` pairs.

    The problems an inner error counted without listing them are added to ``omitted[0]``.
    """
    if isinstance(error, InvalidStatementError):
        omitted[0] += error.omitted
        for inner, reason in error.errors:
            yield (path + inner[1:], reason)
    elif isinstance(error, (ClassValidationError, IterableValidationError)):
        for failure, where in _located(error, path):
            yield from _problems(failure, where, omitted)
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield (f"{path}.{key}", "unknown key (check its spelling; unknown keys are not dropped silently)")
    elif isinstance(error, KeyError):
        yield (path, "required key is missing")
    elif isinstance(error, RecursionError):
        yield (path, "nested too deeply")
    else:
        yield (path, f"invalid value ({type(error).__name__}: {shorten(str(error), 200)})")


_DOCUMENT_CLASSES: set[type] = {Meeting, Source, Participant, Topic, Decision, Point, Quote, ContextNote, Coding}


def add_document_classes(*classes: type) -> None:
    """Let the converter read and write *classes* too (the modules above it register their own).

    Example:
        >>> from c5statement import Meeting
        >>> add_document_classes(Meeting)
    """
    _DOCUMENT_CLASSES.update(classes)


def _is_public_class(cls: object) -> bool:
    """Whether *cls* is one of the classes the converter reads and writes."""
    return cls in _DOCUMENT_CLASSES


def _check_class(cls: type) -> None:
    if not _is_public_class(cls):
        raise InvalidTypeError([("$", f"cannot load into {cls!r}: not a public c5statement class")])


def to_dict(obj: attrs.AttrsInstance) -> dict[str, Any]:
    """Return *obj* as a dict of JSON types, with ``format_version`` first.

    Example:
        >>> from c5statement import Point
        >>> document = to_dict(Point(number=1, text="all parties agree.", themes=frozenset({"trade"})))
        >>> list(document)[:5], document["themes"]
        (['format_version', 'number', 'text', 'themes', 'sources'], ['trade'])
    """
    if not _is_public_class(type(obj)):
        raise InvalidTypeError([("$", f"cannot write {type(obj).__name__}: not a c5statement object")])
    data: dict[str, Any] = {_VERSION_KEY: FORMAT_VERSION}
    data.update(get_converter().unstructure(obj))
    return data


@overload
def from_dict(data: object) -> Meeting: ...
@overload
def from_dict(data: object, cls: type[T]) -> T: ...
def from_dict(data: object, cls: type[Any] = Meeting) -> Any:
    """Build a *cls* (by default a :class:`Meeting`) from a dict of JSON types.

    ``format_version`` may be left out of a dict written by hand; when present it
    must be a version this release reads.

    Raises:
        InvalidStatementError: Naming every bad place, such as ``$.points[2].text``.

    Example:
        >>> from c5statement import Point
        >>> from_dict({"number": 2, "text": "all parties agree."}, Point) == Point(2, "all parties agree.")
        True
        >>> from_dict({"number": "2", "text": "all parties agree."}, Point)
        Traceback (most recent call last):
        ...
        c5statement.InvalidStatementError: invalid statement data (1 problem):
          $.number: must be an integer, got str
    """
    _check_class(cls)
    if not isinstance(data, dict):
        raise _expect(data, "an object")
    if _VERSION_KEY in data:
        version = data[_VERSION_KEY]
        if type(version) is not int or version != FORMAT_VERSION:
            raise InvalidStatementError(
                [
                    (
                        f"$.{_VERSION_KEY}",
                        f"unsupported format version {shown(version)}; this release reads version {FORMAT_VERSION}",
                    )
                ]
            )
        data = {key: value for key, value in data.items() if key != _VERSION_KEY}
    try:
        return get_converter().structure(data, cls)
    except Exception as error:  # noqa: BLE001 - every failure becomes a located problem
        omitted = [0]
        problems = list(_problems(error, "$", omitted))
        raise InvalidStatementError(problems, omitted=omitted[0]) from None


def to_json(obj: attrs.AttrsInstance) -> str:
    """Return the canonical JSON text of *obj*: equal objects give equal text.

    Keys follow the classes' field order, indentation is two spaces, non-ASCII
    text is written as is, and the text ends with a newline.

    Example:
        >>> from c5statement import Point
        >>> print(to_json(Point(number=1, text="all parties agree.")), end="")
        {
          "format_version": 1,
          "number": 1,
          "text": "all parties agree.",
          "themes": [],
          "sources": [],
          "verbatim": true,
          "concepts": [],
          "continues": [],
          "coding": null,
          "codings": []
        }
    """
    import json

    return json.dumps(to_dict(obj), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


class _Duplicates(dict[str, Any]):
    """An object in which some key appeared more than once."""

    duplicates: list[str]


class _NonFinite:
    def __init__(self, text: str) -> None:
        self.text = text


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    duplicates = []
    for key, value in pairs:
        if key in result:
            duplicates.append(key)
        result[key] = value
    if duplicates:
        marked = _Duplicates(result)
        marked.duplicates = duplicates
        return marked
    return result


class _LongInteger:
    """An integer with more than :data:`MAX_DIGITS` digits, left unconverted (converting one costs quadratic time)."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _integer(text: str) -> int | _LongInteger:
    digits = len(text.lstrip("-"))
    return _LongInteger(digits) if digits > MAX_DIGITS else int(text)


_LONG = "integer too long"


def _document_problems(path: str, value: object) -> list[Problem]:
    """What the strict parser marked in a node: NaN / Infinity, numbers too large, duplicate keys."""
    if isinstance(value, _LongInteger):
        return [(path, f"{_LONG}: {value.digits} digits, more than the {MAX_DIGITS} c5statement reads")]
    if isinstance(value, _NonFinite):
        return [(path, f"{value.text} is not allowed (JSON numbers must be finite)")]
    if isinstance(value, float) and not math.isfinite(value):
        return [(path, "number too large (JSON numbers must be finite)")]
    if isinstance(value, _Duplicates):
        return [(f"{path}.{key}", "duplicate key in one JSON object") for key in value.duplicates]
    return []


def _too_large(size: str) -> InvalidStatementError:
    limit = MAX_DOCUMENT_BYTES // (1024 * 1024)
    return InvalidStatementError([("$", f"too large: {size}, more than {limit} MiB, the most c5statement reads")])


def _decode(text: str | bytes | bytearray) -> str:
    if isinstance(text, str):
        # Characters first: no encoding is needed to see that a short text is small enough.
        if len(text) > MAX_DOCUMENT_BYTES or (
            len(text) > MAX_DOCUMENT_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_DOCUMENT_BYTES
        ):
            size = f"{len(text)} characters"
            raise _too_large(size)
        return text.removeprefix("\ufeff")  # a byte order mark is dropped, as from bytes
    if not isinstance(text, (bytes, bytearray)):
        raise InvalidTypeError([("$", f"must be JSON as str or bytes, got {type_name(text)}")])
    if len(text) > MAX_DOCUMENT_BYTES:
        size = f"{len(text)} bytes"
        raise _too_large(size)
    raw = bytes(text)
    try:
        return raw.decode("utf-8-sig")  # a byte order mark, if any, is dropped
    except UnicodeDecodeError as error:
        # Offsets count from after the byte order mark, which holds no line break.
        line = raw.count(b"\n", 0, error.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)) + 1
        raise InvalidStatementError(
            [("$", f"invalid UTF-8 at byte {error.start} (line {line}): {error.reason}")]
        ) from None


_DEEP = f"nested more than {MAX_DEPTH} levels deep"


def _too_deep(decoded: str) -> InvalidStatementError:
    """The error for a document nested too deeply for the parser itself: the first place too deep."""
    found = places(decoded, deep=True)
    if not found:
        return InvalidStatementError([("$", _DEEP)])
    path, line, column = found[0]
    return InvalidStatementError([(path, f"{_DEEP} (line {line} column {column})")])


def _with_positions(decoded: str, problems: list[Problem]) -> list[Problem]:
    """*problems* of the walker, with the line and column of each too deep container and too long integer."""
    if any(reason == _DEEP for _, reason in problems):
        found = places(decoded, deep=True)
        if found:
            path, line, column = found[0]
            problems = [
                (where, f"{reason} (line {line} column {column})" if (where, reason) == (path, _DEEP) else reason)
                for where, reason in problems
            ]
    if any(reason.startswith(_LONG) for _, reason in problems):
        positions = {path: (line, column) for path, line, column in places(decoded)}
        problems = [
            (path, f"{reason} (line {positions[path][0]} column {positions[path][1]})")
            if reason.startswith(_LONG) and path in positions
            else (path, reason)
            for path, reason in problems
        ]
    return problems


def parse_json(text: str | bytes | bytearray) -> Any:
    """Parse JSON strictly: UTF-8, at most 64 MiB, no duplicate keys, no NaN / Infinity, bounded nesting and numbers."""
    import json

    decoded = _decode(text)
    try:
        document = json.loads(decoded, object_pairs_hook=_pairs, parse_constant=_NonFinite, parse_int=_integer)
    except json.JSONDecodeError as error:
        if places(decoded, deep=True):  # some parsers read deep text to its end before they fail: name the depth
            raise _too_deep(decoded) from None
        raise InvalidStatementError(
            [("$", f"malformed JSON at line {error.lineno} column {error.colno}: {error.msg}")]
        ) from None
    except RecursionError:
        raise _too_deep(decoded) from None
    problems = json_problems(document, "$", _document_problems)
    if problems:
        raise InvalidStatementError(_with_positions(decoded, problems))
    return document


@overload
def from_json(text: str | bytes | bytearray) -> Meeting: ...
@overload
def from_json(text: str | bytes | bytearray, cls: type[T]) -> T: ...
def from_json(text: str | bytes | bytearray, cls: type[Any] = Meeting) -> Any:
    """Build a *cls* (by default a :class:`Meeting`) from JSON text or UTF-8 bytes.

    The document must carry ``"format_version"``. Text and bytes are read
    alike: at most :data:`MAX_DOCUMENT_BYTES` (64 MiB; for a ``str``, of its
    UTF-8 encoding), and a leading byte order mark is dropped from either.

    Raises:
        InvalidStatementError: For malformed JSON, invalid UTF-8, duplicate keys,
            NaN or Infinity, deep nesting, unknown keys, missing keys, values of
            the wrong type and values that break a rule, naming each place.

    Example:
        >>> from c5statement import Point
        >>> from_json('{"format_version": 1, "number": 3, "text": "all parties agree."}', Point).number
        3
        >>> from_json('{"format_version": 1, "number": 3, "number": 4}', Point)
        Traceback (most recent call last):
        ...
        c5statement.InvalidStatementError: invalid statement data (1 problem):
          $.number: duplicate key in one JSON object
    """
    _check_class(cls)
    document = parse_json(text)
    if isinstance(document, dict) and _VERSION_KEY not in document:
        raise InvalidStatementError([(f"$.{_VERSION_KEY}", "required key is missing (this release writes 1)")])
    return from_dict(document, cls)


def _check_path(path: object) -> None:
    # open() takes an int as a file descriptor, and would close it.
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidTypeError([("$", f"must be a file path (str or os.PathLike), got {type_name(path)}")])


@overload
def load(path: str | os.PathLike[str]) -> Meeting: ...
@overload
def load(path: str | os.PathLike[str], cls: type[T]) -> T: ...
def load(path: str | os.PathLike[str], cls: type[Any] = Meeting) -> Any:
    """Read a *cls* (by default a :class:`Meeting`) from a JSON file.

    The file must be a regular file (a FIFO or a device is refused at once,
    rather than waited on) of at most :data:`MAX_DOCUMENT_BYTES` (64 MiB).

    Raises:
        InvalidStatementError: As :func:`from_json`, with the file named in the
            message; also for a file too large or not a regular file.
        OSError: If the file cannot be read.
        InvalidTypeError: If *path* is not a str or path-like object.

    Example:
        >>> import tempfile, pathlib
        >>> from c5statement import MEETING_2020
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "2020.json"
        >>> dump(MEETING_2020, path)
        >>> load(path) == MEETING_2020
        True
    """
    _check_path(path)
    _check_class(cls)
    source = os.fspath(path)
    try:
        data = read_limited(path, MAX_DOCUMENT_BYTES)
        return from_json(data, cls)
    except InvalidStatementError as error:
        raise type(error)(error.errors, source=str(source), omitted=error.omitted) from None


def dump(obj: attrs.AttrsInstance, path: str | os.PathLike[str]) -> None:
    """Write *obj* to *path* as canonical UTF-8 JSON.

    The file is replaced atomically: a failure never leaves half a file behind.
    A new file gets the permissions of any new file (``0o666`` less the umask);
    a replaced one keeps its own.

    Example:
        >>> import tempfile, pathlib
        >>> from c5statement import Point
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "point.json"
        >>> dump(Point(number=1, text="all parties agree."), path)
        >>> path.read_text(encoding="utf-8").splitlines()[1]
        '  "format_version": 1,'
    """
    _check_path(path)
    write_atomic(path, to_json(obj).encode("utf-8"))


def fingerprint(obj: attrs.AttrsInstance | Sequence[Meeting]) -> str:
    """Return the SHA-256 hex digest of the canonical JSON of *obj*.

    Equal objects have equal fingerprints; cite a record by its fingerprint to
    name exactly the version you used.

    A sequence of meetings, such as :data:`c5statement.MEETINGS`, has the
    digest of its records' fingerprints, in order, each followed by a line
    feed: it changes when any record changes, or the order, and can be
    checked without Python from the records' JSON files.

    Example:
        >>> from c5statement import Point
        >>> fingerprint(Point(number=1, text="x")) == fingerprint(Point(number=1, text="x"))
        True
        >>> len(fingerprint(Point(number=1, text="x")))
        64
        >>> from c5statement import MEETING_2020
        >>> import hashlib
        >>> line = fingerprint(MEETING_2020) + chr(10)
        >>> fingerprint([MEETING_2020]) == hashlib.sha256(line.encode()).hexdigest()
        True
    """
    import hashlib

    if isinstance(obj, (tuple, list)) and not attrs.has(type(obj)):
        for index, item in enumerate(obj):
            if not isinstance(item, Meeting):
                raise InvalidTypeError([(f"$[{index}]", f"must be a Meeting, got {type(item).__name__}")])
        lines = "".join(fingerprint(item) + "\n" for item in obj)
        return hashlib.sha256(lines.encode("ascii")).hexdigest()
    return hashlib.sha256(to_json(typing.cast("attrs.AttrsInstance", obj)).encode("utf-8")).hexdigest()
