"""Slugs: the lowercase identifiers of themes, levels, meetings and sources."""

from __future__ import annotations

import re

__all__ = ["SLUG_PATTERN", "is_slug"]

# Ends with (?![\s\S]) rather than $, which in Python also matches before a final
# newline: the pattern means the same to Python's re and to ECMA-262 (JSON Schema).
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?![\s\S])"
_SLUG = re.compile(SLUG_PATTERN)


def is_slug(value: str) -> bool:
    """Return whether *value* is a lowercase slug such as ``belt-and-road``.

    Example:
        >>> is_slug("belt-and-road"), is_slug("Belt and Road")
        (True, False)
    """
    return _SLUG.fullmatch(value) is not None
