r"""The characters a text may not hold, and those that must not reach a reader raw: one rule for the package.

Two sets, each stated once here:

- :data:`CONTROL_CHARACTERS`, the C0 and C1 controls other than tab, line feed
  and carriage return, which no text of a record may hold (the checker rejects
  them, and the JSON Schema says the same with :data:`TEXT_CONTROLS`).
- The characters every view, error message and command-line line shows as an
  escape rather than raw (:func:`visible`): every C0 and C1 control, the
  bidirectional controls (which can reorder what a reader sees), the line and
  paragraph separators, and the invisible characters (soft hyphen, zero-width
  space, non-joiner and joiner, word joiner, byte order mark and the tag
  characters), which could hide an edit. A view keeps only its own layout (line
  feed and tab in a text view).

An escape names the code point: ``\x1b`` below U+0100, ``\u202e`` in the Basic
Multilingual Plane and ``\U000e0041`` above it.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "ANY_CONTROLS",
    "CONTROL_CHARACTERS",
    "TEXT_CONTROLS",
    "UNSAFE_CHARACTERS",
    "escape",
    "visible",
    "visible_view",
]

_LAYOUT = "\t\n\r"
_CONTROL_CODES = (*range(0x20), *range(0x7F, 0xA0))
_SHORTEST_RANGE = 3


def _ranges(codes: Iterable[int]) -> str:
    r"""A regular-expression character class body (JSON Schema syntax) for *codes*: runs as ranges.

    Example:
        >>> print(_ranges([0, 1, 2, 11, 12]))
        \u0000-\u0002\u000B\u000C
    """
    ordered = sorted(set(codes))
    parts = []
    start = 0
    while start < len(ordered):
        end = start
        while end + 1 < len(ordered) and ordered[end + 1] == ordered[end] + 1:
            end += 1
        first, last = ordered[start], ordered[end]
        if end - start + 1 >= _SHORTEST_RANGE:
            parts.append(f"\\u{first:04X}-\\u{last:04X}")
        else:
            parts.extend(f"\\u{code:04X}" for code in ordered[start : end + 1])
        start = end + 1
    return "".join(parts)


CONTROL_CHARACTERS = "".join(chr(code) for code in _CONTROL_CODES if chr(code) not in _LAYOUT)
"""Control characters (C0 and C1) other than tab, line feed and carriage return, which no text may hold.

They carry no text, and in a terminal they can move the cursor or rewrite the screen.
"""

TEXT_CONTROLS = _ranges(ord(char) for char in CONTROL_CHARACTERS)
r""":data:`CONTROL_CHARACTERS` as the body of a character class, for JSON Schema patterns (``\u0000-\u0008...``)."""

ANY_CONTROLS = _ranges(_CONTROL_CODES)
r"""Every C0 and C1 control, tab and line breaks included, as the body of a character class (``\u0000-\u001F...``)."""

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_SEPARATORS = "\u2028\u2029"
_INVISIBLE = "\u00ad\u200b-\u200d\u2060\ufeff\U000e0000-\U000e007f"

UNSAFE_CHARACTERS = f"\x00-\x1f\x7f-\x9f{_BIDI}{_SEPARATORS}{_INVISIBLE}"
"""The characters shown as escapes, never raw, as the body of a character class (Python syntax)."""

_UNSAFE = re.compile(f"[{UNSAFE_CHARACTERS}]")
_UNSAFE_OR_COLOUR = re.compile(f"(\x1b\\[[0-9;]*m)|[{UNSAFE_CHARACTERS}]")
_BYTE = 0x100
_PLANE = 0x10000


def escape(char: str) -> str:
    r"""The escape that shows the one character *char*.

    Example:
        >>> print(escape("\x1b"), escape("\u202e"), escape("\U000e0041"))
        \x1b \u202e \U000e0041
    """
    code = ord(char)
    if code < _BYTE:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < _PLANE else f"\\U{code:08x}"


@functools.cache
def _keeping(keep: str) -> re.Pattern[str]:
    return re.compile(f"(?![{re.escape(keep)}])[{UNSAFE_CHARACTERS}]")


def visible(text: object, keep: str = "") -> str:
    r"""*text* with every character that must not reach a reader raw shown as an escape, but those in *keep*.

    Args:
        text: The text (or any object, shown with :func:`str`).
        keep: Characters the target lays out itself and keeps raw: ``"\n\t"``
            in a text view, nothing in a line that must stay one line.

    Example:
        >>> print(visible("red\x1b[31m sover\u200beignty\n\u202etxt"))
        red\x1b[31m sover\u200beignty\x0a\u202etxt
        >>> visible("one\ntwo\u00ad", keep="\n")
        'one\ntwo\\xad'
    """
    pattern = _keeping(keep) if keep else _UNSAFE
    return pattern.sub(lambda found: escape(found.group()), str(text))


def visible_view(text: str) -> str:
    r"""A drawn text view safe for a terminal: as :func:`visible` keeping ``\n`` and tab, and colour codes (SGR).

    Example:
        >>> visible_view("\x1b[1mtitle\x1b[0m\n\tpoint\r\u202e\x1b[2K")
        '\x1b[1mtitle\x1b[0m\n\tpoint\\x0d\\u202e\\x1b[2K'
    """
    return _UNSAFE_OR_COLOUR.sub(lambda found: found.group(1) or _keep_layout(found.group()), text)


def _keep_layout(char: str) -> str:
    return char if char in "\n\t" else escape(char)
