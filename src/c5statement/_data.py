"""The packaged canonical records, read through the public converter on first use."""

from __future__ import annotations

import difflib
import functools
import pkgutil

from ._collection import Meetings
from ._convert import from_json
from ._model import Meeting

__all__ = [
    "MEETING_FILES",
    "close_ids",
    "find_meeting",
    "known_ids",
    "meeting",
    "meeting_2020",
    "meetings",
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
    data = pkgutil.get_data("c5statement", f"data/{name}")
    if data is None:  # pragma: no cover - only a broken installation lacks it
        msg = f"c5statement/data/{name} is missing from the installation"
        raise FileNotFoundError(msg)
    return data


@functools.cache
def meeting_2020() -> Meeting:
    """Load and cache the canonical record of the 16 July 2020 meeting.

    Example:
        >>> meeting_2020().id
        'cc5-fmm-2020'
    """
    return from_json(read_packaged("meeting_2020.json"), Meeting)


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
    return Meetings((meeting_2020(), *(from_json(read_packaged(name), Meeting) for name in MEETING_FILES[1:])))


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
    close = difflib.get_close_matches(wanted, ids, n=most, cutoff=0.6)
    if not close:
        return ()
    ratio = {id: difflib.SequenceMatcher(None, wanted, id).ratio() for id in close}
    return tuple(id for id in close if ratio[id] >= ratio[close[0]] - 0.05)
