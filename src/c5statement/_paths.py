"""Paths into a meeting (``$.participants[KZ].person``): their grammar, what they name, and applying changes.

A :class:`~c5statement.FieldChange` names the place it changes with a path:
fields by name, participants by country, sources by id, other lists by
position, and ``.order`` for the sequence of a keyed list. :func:`place` checks
a path against the fields of :class:`~c5statement.Meeting`; :func:`apply_changes`
makes a list of field changes to a meeting held as plain JSON data.
"""

from __future__ import annotations

import functools
import re
import typing
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from ._errors import InvalidStatementError
from ._json import frozen, json_key, thaw
from ._model import Meeting

if TYPE_CHECKING:
    from collections.abc import Iterable


class Change(Protocol):
    """What patching needs of a field change (:class:`c5statement.FieldChange` has it): a path, old and new values."""

    @property
    def path(self) -> str: ...
    @property
    def old(self) -> Any: ...
    @property
    def new(self) -> Any: ...


__all__ = ["KEYED", "NOT_APPLICABLE", "ORDER", "Place", "apply_changes", "item_class", "place", "segments"]

KEYED: dict[str, str] = {"participants": "country", "sources": "id"}
"""The lists whose items a path names by a key (``[KZ]``), and the key's field; other lists go by position."""

ORDER = "order"
"""The last segment of a path naming the sequence of a keyed list's keys."""

NOT_APPLICABLE = "the diff does not apply to this meeting"

_SEGMENT = re.compile(r"\.([A-Za-z_]\w*)|\[([^\[\]]+)\]")
_INDEX = re.compile(r"0|[1-9][0-9]{0,8}")
"""A list index in a path: ASCII digits, no leading zero, under a billion."""


def segments(path: str) -> list[str]:
    """Split a path into field names and bracketed items.

    Example:
        >>> segments("$.participants[KZ].aliases")
        ['participants', '[KZ]', 'aliases']
    """
    return [name or f"[{item}]" for name, item in _SEGMENT.findall(path[1:])]


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def item_class(cls: type, name: str) -> type | None:
    hint = _hints(cls).get(name)
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if isinstance(item, type) and attrs.has(item):
            return item
    return None


class Place(typing.NamedTuple):
    """What a field-change path names: a ``"field"`` value, a list ``"item"``, or a keyed list's ``"order"``."""

    kind: str
    field: str | None = None
    key: str | None = None


def place(path: str) -> Place:  # noqa: C901, PLR0912 - one walk over the segments, one branch per rule
    """Check *path* against the fields of a meeting; raise naming ``$.path`` if it names no place there."""

    def bad(reason: str) -> InvalidStatementError:
        return InvalidStatementError([("$.path", f"{path!r} {reason}")])

    if not path.startswith("$") or _SEGMENT.sub("", path[1:]):
        raise bad("is not a path such as '$.participants[KZ].person'")
    found = _SEGMENT.findall(path[1:])
    if not found:
        raise bad("names no field (a path such as '$.venue' is needed)")
    cls: type | None = Meeting
    listed: str | None = None  # the tuple-of-records field just passed
    for position, (name, item) in enumerate(found):
        last = position == len(found) - 1
        if listed is not None:
            field, listed = listed, None
            if name == ORDER and field in KEYED:
                if not last:
                    raise bad("has segments after '.order'")
                return Place("order", field)
            if not item:
                reason = f"needs an item after {field!r} ('[0]', or a key for {', '.join(KEYED)})"
                raise bad(reason)
            if field not in KEYED and not _INDEX.fullmatch(item):
                reason = f"has {item!r} where a list index (0, 1, 2, ...) is needed"
                raise bad(reason)
            if field in KEYED and (item != item.strip() or not item.isprintable()):
                reason = f"has {item!r}, which is not a key"
                raise bad(reason)
            if last:
                return Place("item", field, item)
            cls = item_class(cls, field) if cls is not None else None
            continue
        if cls is None or not name:
            raise bad("goes inside a value that has no fields")
        names = {attribute.name for attribute in attrs.fields(cls)}
        if name not in names or (cls is Meeting and name == "points"):
            reason = f"names no field of {cls.__name__} ({name!r}; points are compared as points)"
            raise bad(reason)
        if item_class(cls, name) is not None:
            if last:
                return Place("field", name)
            listed = name
        else:
            if not last:
                reason = f"goes inside {name!r}, which holds a plain value"
                raise bad(reason)
            return Place("field", name)
    raise bad("is incomplete")  # pragma: no cover - every path ends in one of the returns above


def _apply_order(change: Change) -> tuple[int, int]:
    """Edits first, then removals from the end, then additions, then orders."""
    parts = segments(change.path)
    last = parts[-1] if parts else ""
    inner = last[1:-1]
    index = int(inner) if last.startswith("[") and inner.isascii() and inner.isdigit() else 0
    if last == ORDER:
        return (3, 0)
    if change.new is None and last.startswith("["):
        return (1, -index)
    if change.old is None and last.startswith("["):
        return (2, index)
    return (0, 0)


def _mismatch(path: str, found: object, expected: object) -> InvalidStatementError:
    return InvalidStatementError([(path, f"{NOT_APPLICABLE}: found {found!r}, the diff expects {expected!r}")])


def _locate(data: Any, segment: str, field: str | None, path: str) -> tuple[Any, int | None]:
    """Return the list element named by an ``[item]`` segment, and its index (``None`` if absent)."""
    name = segment[1:-1]
    if not isinstance(data, list):
        raise InvalidStatementError([(path, f"{NOT_APPLICABLE}: not a list")])
    if field in KEYED:
        for index, item in enumerate(data):
            if isinstance(item, dict) and item.get(KEYED[field]) == name:
                return item, index
        return None, None
    if not (name.isascii() and name.isdigit()):
        raise InvalidStatementError([(path, f"{NOT_APPLICABLE}: {name!r} is not a list index")])
    index = int(name)
    return (data[index], index) if index < len(data) else (None, None)


def _navigate(data: dict[str, Any], parts: list[str], change: Change) -> tuple[Any, str | None]:
    """Follow all but the last segment; return the container and the last field name passed."""
    target: Any = data
    field: str | None = None
    for segment in parts[:-1]:
        if segment.startswith("["):
            target, index = _locate(target, segment, field, change.path)
            if index is None:
                raise _mismatch(change.path, None, change.old)
        else:
            if not isinstance(target, dict) or segment not in target:
                raise InvalidStatementError([(change.path, f"{NOT_APPLICABLE}: no such field")])
            target, field = target[segment], segment
    return target, field


def _reorder(target: list[Any], key: str, change: Change) -> None:
    found = [item.get(key) if isinstance(item, dict) else None for item in target]
    old, new = thaw(change.old), thaw(change.new)
    if not isinstance(old, list) or not isinstance(new, list) or not all(isinstance(name, str) for name in found):
        raise _mismatch(change.path, found, old)
    present = set(found)
    # Removals and additions have been made already: additions sit at the end.
    expected = [name for name in old if name in present]
    expected += [name for name in found if name not in set(old)]
    if found != expected or sorted(new) != sorted(found) or len(present) != len(found):
        raise _mismatch(change.path, found, old)
    by_key = {item[key]: item for item in target}
    target[:] = [by_key[name] for name in new]


def _same(found: Any, expected: Any) -> bool:
    """Whether a value of the meeting is the value a change expects (JSON types kept apart)."""
    return bool(json_key(frozen(found)) == json_key(expected))


def _apply_field(data: dict[str, Any], change: Change) -> None:
    parts = segments(change.path)
    if not parts:
        raise InvalidStatementError([(change.path, f"{NOT_APPLICABLE}: the path names no field")])
    target, field = _navigate(data, parts, change)
    last = parts[-1]
    if last == ORDER and isinstance(target, list) and field in KEYED:
        _reorder(target, KEYED[field], change)
    elif last.startswith("["):
        item, index = _locate(target, last, field, change.path)
        if not _same(item, change.old):
            raise _mismatch(change.path, item, thaw(change.old))
        if index is not None and change.new is None:
            del target[index]
        elif index is None:
            if field not in KEYED and int(last[1:-1]) != len(target):
                reason = f"{NOT_APPLICABLE}: an item can be added only at the end, [{len(target)}]"
                raise InvalidStatementError([(change.path, reason)])
            target.append(thaw(change.new))
        else:
            target[index] = thaw(change.new)
    else:
        if not isinstance(target, dict) or last not in target:
            raise InvalidStatementError([(change.path, f"{NOT_APPLICABLE}: no such field")])
        if not _same(target[last], change.old):
            raise _mismatch(change.path, target[last], thaw(change.old))
        target[last] = thaw(change.new)


def apply_changes(data: dict[str, Any], changes: Iterable[Change]) -> None:
    """Make *changes* to *data*, a meeting as plain JSON data, in place.

    Edits come first, then removals from the end, then additions, then orders, so
    that the positions each change names are those it was computed against.

    Raises:
        InvalidStatementError: If a value a change expects differs, naming its path.

    Example:
        >>> from c5statement import FieldChange
        >>> data = {"venue": "Nur-Sultan", "notes": []}
        >>> apply_changes(data, [FieldChange("$.venue", "Nur-Sultan", None), FieldChange("$.notes", [], ["a"])])
        >>> data
        {'venue': None, 'notes': ['a']}
    """
    for change in sorted(changes, key=_apply_order):
        try:
            _apply_field(data, change)
        except InvalidStatementError:  # noqa: PERF203 - a few field changes; each failure names its path
            raise
        except (TypeError, ValueError, LookupError, AttributeError) as error:  # a safety net: name the place
            reason = f"{NOT_APPLICABLE} ({type(error).__name__}: {error})"
            raise InvalidStatementError([(change.path, reason)]) from None
