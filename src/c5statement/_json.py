"""JSON values: the limits every document obeys, one iterative walker, and frozen (read-only) values.

The converter checks parsed documents with :func:`json_problems`; a
:class:`~c5statement.FieldChange` freezes the JSON values it holds with
:func:`freeze`, and :func:`thaw` turns them back into plain lists and dicts.
Nothing here knows the statement classes.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._errors import InvalidStatementError, Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = [
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_DOCUMENT_BYTES",
    "MAX_INTEGER",
    "JsonObject",
    "freeze",
    "frozen",
    "json_key",
    "json_problems",
    "places",
    "thaw",
]

MAX_DEPTH = 32
"""The deepest nesting of arrays and objects accepted in a JSON document."""

MAX_INTEGER = 2**53 - 1
"""The largest integer accepted: beyond it, JSON numbers lose precision in many languages."""

MAX_DIGITS = 20
"""The most digits a JSON integer may have: more than any integer accepted needs (2**53 - 1 has 16)."""

MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
"""The largest document read, in bytes of UTF-8 (64 MiB): by :func:`~c5statement.from_json`,
:func:`~c5statement.load` and the command line alike."""

_MAX_PROBLEMS = 20

# The tokens of JSON text: strings, punctuation, and runs of anything else (numbers, literals).
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{},:]|[^\s\[\]{},:"]+', re.DOTALL)
_PUNCTUATION = frozenset("[]{},:")
_LONG_NUMBER = re.compile(rf"-?[0-9]{{{MAX_DIGITS + 1},}}")


class _Scan:
    """The place of the current token while scanning JSON text: a path part per open container."""

    def __init__(self) -> None:
        self.parts: list[str] = []  # the place of the current value in each open container
        self.objects: list[bool] = []  # whether each open container is an object
        self.expecting_key = False

    def punctuation(self, mark: str) -> None:
        if mark in "[{":
            self.objects.append(mark == "{")
            self.parts.append("" if mark == "{" else "[0]")
            self.expecting_key = mark == "{"
        elif mark in "]}":
            if self.objects:
                self.objects.pop()
                self.parts.pop()
            self.expecting_key = False
        elif mark == "," and self.objects:
            if self.objects[-1]:
                self.expecting_key = True
            else:
                self.parts[-1] = f"[{int(self.parts[-1][1:-1]) + 1}]"

    def string(self, literal: str) -> None:
        if self.expecting_key and self.objects:
            try:
                self.parts[-1] = "." + str(json.loads(literal))
            except ValueError:
                self.parts[-1] = "." + literal.strip('"')
            self.expecting_key = False


def places(text: str, *, deep: bool = False) -> list[tuple[str, int, int]]:
    """Where JSON *text* breaks a limit, as ``(path, line, column)``.

    Without *deep*: each integer longer than :data:`MAX_DIGITS`; with it, the
    first array or object nested deeper than :data:`MAX_DEPTH`. A light scan
    of the tokens, run only once a document is known to break a limit (it does
    not check that the text is valid JSON). Lines and columns count from 1,
    columns in characters.

    Example:
        >>> places('{"a": [1, 123456789012345678901]}')
        [('$.a[1]', 1, 11)]
        >>> places("[" * 40, deep=True)
        [('$[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]', 1, 33)]
    """
    found: list[tuple[str, int, int]] = []
    scan = _Scan()

    def here(offset: int) -> tuple[str, int, int]:
        line = text.count("\n", 0, offset) + 1
        return ("$" + "".join(scan.parts), line, offset - text.rfind("\n", 0, offset))

    for match in _TOKEN.finditer(text):
        item = match.group()
        if item in _PUNCTUATION:
            if deep and item in "[{" and len(scan.objects) == MAX_DEPTH:
                return [here(match.start())]
            scan.punctuation(item)
        elif item.startswith('"'):
            scan.string(item)
        elif not deep and _LONG_NUMBER.match(item):
            found.append(here(match.start()))
    return found


class JsonObject(Mapping[str, Any]):
    """A read-only JSON object, as a :class:`FieldChange` holds one: hashable, its values frozen too.

    It keeps the order of its keys (for output) and equals any mapping with the
    same items, in whatever order. The package's converter writes it as a plain
    ``dict``.

    Example:
        >>> value = JsonObject({"country": "KZ", "aliases": ("Mukhtar Tileuberdi",)})
        >>> value["country"], list(value), value == {"aliases": ("Mukhtar Tileuberdi",), "country": "KZ"}
        ('KZ', ['country', 'aliases'], True)
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, Any] | Iterable[tuple[str, Any]] = ()) -> None:
        self._items: dict[str, Any] = dict(items)

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._items == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return f"JsonObject({self._items!r})"


def json_problems(
    value: object,
    path: str,
    check: Callable[[str, object], Iterable[Problem]],
    *,
    limit: int | None = None,
) -> list[Problem]:
    """Walk a JSON value iteratively (no recursion limit), calling *check* on every node.

    The walker itself reports containers nested more than :data:`MAX_DEPTH`
    levels deep and object keys that are not strings; *check* reports what it
    finds wrong with a node (scalar or container). Problems come in document
    order; the walk stops after *limit* of them, if given.

    Example:
        >>> json_problems({"a": [1, None]}, "$", lambda path, item: [(path, "null")] if item is None else [])
        [('$.a[1]', 'null')]
    """
    problems: list[Problem] = []
    stack: list[tuple[str, object, int]] = [(path, value, 0)]
    while stack and (limit is None or len(problems) < limit):
        here, item, depth = stack.pop()
        problems.extend(check(here, item))
        if not isinstance(item, (list, tuple, Mapping)):
            continue
        if depth >= MAX_DEPTH:
            problems.append((here, f"nested more than {MAX_DEPTH} levels deep"))
            continue
        children: list[tuple[str, object, int]] = []
        if isinstance(item, Mapping):
            for key, child in item.items():
                if isinstance(key, str):
                    children.append((f"{here}.{key}", child, depth + 1))
                else:
                    problems.append((here, f"object keys must be strings, got {type(key).__name__}"))
        else:
            children = [(f"{here}[{index}]", child, depth + 1) for index, child in enumerate(item)]
        stack.extend(reversed(children))
    return problems


def _scalar_problems(path: str, item: object) -> list[Problem]:
    """Why a value held in memory is not a JSON value of this format (containers are the walker's)."""
    reason: str | None = None
    if isinstance(item, (list, tuple, Mapping)) or item is None or isinstance(item, bool):
        return []
    if isinstance(item, str):
        if not item.isascii():
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                reason = "contains a lone surrogate, which is not valid Unicode"
    elif isinstance(item, int):
        if abs(item) > MAX_INTEGER:
            reason = "an integer must be at most 2**53 - 1 in size"
    elif isinstance(item, float):
        if not math.isfinite(item):
            reason = f"{item!r} is not a finite number"
    else:
        reason = f"must be a JSON value (string, number, boolean, null, array or object), got {type(item).__name__}"
    return [] if reason is None else [(path, reason)]


def frozen(value: Any) -> Any:
    """A checked JSON value made read-only: arrays as tuples, objects as :class:`JsonObject` with sorted keys.

    Example:
        >>> frozen({"b": [1], "a": -0.0})
        JsonObject({'a': 0.0, 'b': (1,)})
    """
    if isinstance(value, float):
        return value + 0.0
    if isinstance(value, (list, tuple)):
        return tuple(frozen(item) for item in value)
    if isinstance(value, Mapping):
        # Keys sorted: equal objects (equal whatever their key order) write equal bytes.
        return JsonObject(sorted(((key, frozen(item)) for key, item in value.items()), key=lambda pair: pair[0]))
    return value


def freeze(value: Any, path: str) -> Any:
    """Check that *value* is a JSON value and return it frozen; raise naming *path* if it is not.

    Raises:
        InvalidStatementError: Naming each bad place below *path* (at most 20).

    Example:
        >>> freeze(["a", {"b": 1}], "$.old")
        ('a', JsonObject({'b': 1}))
        >>> freeze([float("nan")], "$.old")
        Traceback (most recent call last):
        ...
        c5statement.InvalidStatementError: invalid statement data (1 problem):
          $.old[0]: nan is not a finite number
    """
    if value is None or isinstance(value, bool) or (isinstance(value, str) and value.isascii()):
        return value  # the common case, quickly
    if isinstance(value, int) and abs(value) <= MAX_INTEGER:
        return value
    problems = json_problems(value, path, _scalar_problems, limit=_MAX_PROBLEMS)
    if problems:
        raise InvalidStatementError(problems)
    return frozen(value)


def json_key(value: Any) -> Any:
    """What equality of JSON values compares: JSON types kept apart (``1``, ``1.0``, ``true``), key order ignored.

    Example:
        >>> json_key(1) == json_key(1.0), json_key({"a": 1, "b": 2}) == json_key({"b": 2, "a": 1})
        (False, True)
    """
    if value is None:
        return ("null",)
    if isinstance(value, (list, tuple)):
        return ("array", tuple(json_key(item) for item in value))
    if isinstance(value, Mapping):
        return ("object", frozenset((key, json_key(item)) for key, item in value.items()))
    return (type(value).__name__, value)


def thaw(value: Any) -> Any:
    """Return a frozen JSON value as plain JSON types: tuples as lists, mappings as dicts.

    Example:
        >>> thaw(JsonObject({"aliases": ("a", "b")}))
        {'aliases': ['a', 'b']}
    """
    if isinstance(value, (list, tuple)):
        return [thaw(item) for item in value]
    if isinstance(value, Mapping):
        return {key: thaw(item) for key, item in value.items()}
    return value
