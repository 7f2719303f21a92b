"""c5statement: diplomatic joint statements of the "Central Asia plus one" formats as data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._convert import FORMAT_VERSION, dump, fingerprint, from_dict, from_json, load, to_dict, to_json
from ._errors import InvalidStatementError, InvalidTypeError
from ._model import FORMATS, ContextNote, Decision, Meeting, Participant, Point, Quote, Source, Topic
from ._themes import THEMES, Theme

if TYPE_CHECKING:
    MEETING_2020: Meeting
    __version__: str

__all__ = [
    "FORMATS",
    "FORMAT_VERSION",
    "MEETING_2020",
    "THEMES",
    "ContextNote",
    "Decision",
    "InvalidStatementError",
    "InvalidTypeError",
    "Meeting",
    "Participant",
    "Point",
    "Quote",
    "Source",
    "Theme",
    "Topic",
    "dump",
    "fingerprint",
    "from_dict",
    "from_json",
    "load",
    "to_dict",
    "to_json",
]


def __getattr__(name: str) -> Any:
    if name == "MEETING_2020":
        from ._data import meeting_2020  # noqa: PLC0415 - loaded on first access only

        return meeting_2020()
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - costly, rarely needed

        return version("c5statement")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])
