"""How wide a text is on a terminal: East Asian wide characters take two columns."""

from __future__ import annotations

import unicodedata

__all__ = ["cut_to_width", "display_width"]


def _columns(character: str) -> int:
    if unicodedata.combining(character):
        return 0
    return 2 if unicodedata.east_asian_width(character) in {"W", "F"} else 1


def display_width(text: str) -> int:
    """Return the columns *text* takes on a terminal: two for each wide (Chinese, full-width) character.

    Example:
        >>> display_width("peace"), display_width("和平"), display_width("\uff21\uff22")  # full-width A and B
        (5, 4, 4)
    """
    if text.isascii():
        return len(text)
    return sum(_columns(character) for character in text)


def cut_to_width(text: str, width: int) -> str:
    """Return the longest start of *text* that takes at most *width* columns.

    Example:
        >>> cut_to_width("各方同意加强合作", 5)
        '各方'
        >>> cut_to_width("peace and stability", 5)
        'peace'
    """
    if text.isascii():
        return text[: max(width, 0)]
    used = 0
    for position, character in enumerate(text):
        used += _columns(character)
        if used > width:
            return text[:position]
    return text
