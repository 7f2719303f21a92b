"""English ordinal words, as used to enumerate consensus points ("First, ...")."""

from __future__ import annotations

__all__ = ["ORDINALS", "ordinal_word"]

ORDINALS: tuple[str, ...] = (
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
    "Thirteenth",
    "Fourteenth",
    "Fifteenth",
    "Sixteenth",
    "Seventeenth",
    "Eighteenth",
    "Nineteenth",
    "Twentieth",
    "Twenty-first",
    "Twenty-second",
    "Twenty-third",
    "Twenty-fourth",
    "Twenty-fifth",
    "Twenty-sixth",
    "Twenty-seventh",
    "Twenty-eighth",
    "Twenty-ninth",
    "Thirtieth",
)


def ordinal_word(number: int) -> str:
    """Return the capitalised ordinal word for *number* (1 to 30).

    Example:
        >>> ordinal_word(9)
        'Ninth'
    """
    if not 1 <= number <= len(ORDINALS):
        msg = f"no ordinal word for {number}; supported: 1 to {len(ORDINALS)}"
        raise ValueError(msg)
    return ORDINALS[number - 1]
