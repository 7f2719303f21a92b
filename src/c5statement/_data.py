"""The packaged canonical records, read on first use, and the reading of every packaged file.

The records are the package's own data: they are built straight from their JSON
(:func:`_built`), without the strict converter and the cattrs code it generates
on first use, so the first ``MEETING_2020`` costs little. A test holds every
packaged record equal to what :func:`c5statement.from_json` reads from the same
file, so the two ways cannot drift apart.
"""

from __future__ import annotations

import datetime
import functools
import json
import sys
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

import attrs

from ._collection import Meetings
from ._model import Meeting

T = TypeVar("T")

__all__ = [
    "MEETING_FILES",
    "close_ids",
    "find_meeting",
    "known_ids",
    "meeting",
    "meeting_2020",
    "meetings",
    "packaged_meeting",
    "read_packaged",
]

MEETING_FILES: tuple[str, ...] = (
    "meeting_2020.json",
    "cc5-fmm-2021.json",
    "cc5-summit-2022-video.json",
    "cc5-fmm-2022.json",
    "cc5-fmm-2023.json",
    "cc5-summit-2023.json",
    "cc5-fmm-2024.json",
    "cc5-fmm-2025.json",
    "cc5-summit-2025.json",
)
"""The packaged records of the meetings of the mechanism, in date order (under ``data/``)."""


def read_packaged(name: str) -> bytes:
    """Return the bytes of the packaged file ``data/NAME``.

    Example:
        >>> read_packaged("lexicon.json")[:1]
        b'{'
    """
    # What pkgutil.get_data does (the package's loader reads the file, in a folder or a zip),
    # without importing pkgutil on the way to the first record.
    package = sys.modules[__package__]
    get_data = getattr(package.__spec__.loader, "get_data", None) if package.__spec__ else None
    if get_data is None or package.__file__ is None:  # pragma: no cover - only a broken installation
        msg = f"c5statement/data/{name} cannot be read from this installation"
        raise FileNotFoundError(msg)
    data: bytes = get_data(str(Path(package.__file__).parent / "data" / name))
    return data


@functools.cache
def meeting_2020() -> Meeting:
    """Load and cache the canonical record of the 16 July 2020 meeting.

    Example:
        >>> meeting_2020().id
        'cc5-fmm-2020'
    """
    return packaged_meeting("meeting_2020.json")


@functools.cache
def meetings() -> Meetings:
    """Load and cache every packaged meeting of the mechanism, in date order.

    The first is the very object :func:`meeting_2020` returns.

    Example:
        >>> meetings()[0] is meeting_2020()
        True
        >>> [m.date for m in meetings()] == sorted(m.date for m in meetings())
        True
    """
    return Meetings((meeting_2020(), *(packaged_meeting(name) for name in MEETING_FILES[1:])))


def packaged_meeting(name: str) -> Meeting:
    """Build the packaged record ``data/NAME`` (a fresh object; see the module's note).

    Example:
        >>> packaged_meeting("cc5-fmm-2021.json").date.year
        2021
    """
    document: dict[str, Any] = json.loads(read_packaged(name))
    document.pop("format_version")
    return _built(Meeting, document)


@functools.cache
def _hints(cls: Any) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((field.name, hints[field.name]) for field in attrs.fields(cls))


def _built(cls: type[T], data: dict[str, Any]) -> T:
    """An instance of the attrs class *cls* from its JSON object *data* (trusted: the package's own files)."""
    fields = _hints(typing.cast("Any", cls))
    unknown = set(data) - {name for name, _ in fields}
    if unknown:  # pragma: no cover - a packaged file that the converter would refuse too
        msg = f"{cls.__name__} has no field {min(unknown)!r}"
        raise ValueError(msg)
    return cls(**{name: _value(hint, data[name]) for name, hint in fields if name in data})


def _value(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if value is None or (origin is None and not attrs.has(hint) and hint is not datetime.date):
        return value  # a string, number, boolean or null, as JSON has it
    if origin is tuple or origin is frozenset:
        return origin(_value(typing.get_args(hint)[0], item) for item in value)
    if origin is typing.Union or origin is types.UnionType:
        (inner,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _value(inner, value)
    return datetime.date.fromisoformat(value) if hint is datetime.date else _built(hint, value)


def meeting(id: str) -> Meeting:
    """Return the packaged meeting whose :attr:`~c5statement.Meeting.id` is *id*.

    Args:
        id: A meeting id, such as ``"cc5-fmm-2021"``.

    Raises:
        KeyError: If no packaged meeting has that id; the message names the ids it
            most likely meant (:func:`close_ids`) and lists the known ids.

    Example:
        >>> meeting("cc5-fmm-2021").venue
        "Xi'an, Shaanxi Province, China"
        >>> meeting("cc5-fmm-2023x")
        Traceback (most recent call last):
        ...
        KeyError: "no packaged meeting has the id 'cc5-fmm-2023x'; did you mean cc5-fmm-2023? known: cc5-fmm-2020, ..."
    """
    found = find_meeting(id)
    if found is None:
        close = close_ids(id)
        guess = f"did you mean {' or '.join(close)}? " if close else ""
        msg = f"no packaged meeting has the id {id!r}; {guess}known: {known_ids()}"
        raise KeyError(msg)
    return found


def find_meeting(id: str) -> Meeting | None:
    """Return the packaged meeting whose id is *id*, or ``None``.

    Example:
        >>> find_meeting("cc5-summit-2023").date.isoformat(), find_meeting("nope")
        ('2023-05-19', None)
    """
    return next((found for found in meetings() if found.id == id), None)


def known_ids() -> str:
    """Return the ids of the packaged meetings, comma-separated, for error messages.

    Example:
        >>> known_ids().split(", ")[0]
        'cc5-fmm-2020'
    """
    return ", ".join(found.id for found in meetings())


def close_ids(name: str, *, most: int = 3) -> tuple[str, ...]:
    """Return the ids of the packaged meetings that *name* most likely meant, best first (at most *most*).

    Case is ignored. The ids that contain *name* come first (``2023`` means both
    meetings of 2023); then those :func:`difflib.get_close_matches` finds, keeping
    only the closest when one stands out (a typo has one likely meaning).

    Example:
        >>> close_ids("cc5-fmm-2023x")
        ('cc5-fmm-2023',)
        >>> close_ids("2023")
        ('cc5-fmm-2023', 'cc5-summit-2023')
        >>> close_ids("nonexistent")
        ()
    """
    if not isinstance(name, str):
        return ()
    wanted = name.strip().casefold()
    ids = [found.id for found in meetings()]
    containing = [id for id in ids if len(wanted) >= 3 and wanted in id]  # noqa: PLR2004 - shorter is too vague
    if containing:
        return tuple(containing[:most])
    import difflib  # only when a name is not found

    close = difflib.get_close_matches(wanted, ids, n=most, cutoff=0.6)
    if not close:
        return ()
    ratio = {id: difflib.SequenceMatcher(None, wanted, id).ratio() for id in close}
    return tuple(id for id in close if ratio[id] >= ratio[close[0]] - 0.05)
