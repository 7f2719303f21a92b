"""The one exception type that loading and validation raise."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["InvalidStatementError", "InvalidTypeError", "Problem"]

Problem = tuple[str, str]
"""One problem found: a place (a JSONPath-like location such as ``$.points[2].text``) and the reason."""


class InvalidStatementError(ValueError):
    """A statement, or a document meant to hold one, is invalid.

    Every problem found is listed in :attr:`errors` as a ``(path, reason)`` pair,
    where *path* is a JSONPath-like location such as ``$.points[2].text``; the
    message lists them all, one per line. :attr:`source` names the file, when the
    data came from one.

    Example:
        >>> from c5statement import Point
        >>> try:
        ...     Point(number=0, text=" ")
        ... except InvalidStatementError as error:
        ...     print(error.errors)
        (('$.number', 'must be a positive integer, got 0'), ('$.text', 'must not be blank'))
    """

    errors: tuple[tuple[str, str], ...]
    source: str | None

    def __init__(self, errors: Iterable[tuple[str, str]], source: str | None = None) -> None:
        self.errors = tuple(errors)
        self.source = source
        lines = [f"{path}: {reason}" for path, reason in self.errors]
        head = f"invalid statement data in {source}" if source else "invalid statement data"
        count = len(self.errors)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{head} ({count} {noun}):\n  " + "\n  ".join(lines))

    def __reduce__(self) -> tuple[type[InvalidStatementError], tuple[tuple[tuple[str, str], ...], str | None]]:
        return (type(self), (self.errors, self.source))


class InvalidTypeError(InvalidStatementError, TypeError):
    """A value of the wrong type was given; both an :class:`InvalidStatementError` and a :class:`TypeError`.

    Example:
        >>> from c5statement import Point
        >>> try:
        ...     Point(number="1", text="all parties agree.")
        ... except TypeError as error:
        ...     print(error.errors)
        (('$.number', 'must be an integer, got str'),)
    """


# Shown as c5statement.InvalidStatementError in tracebacks: where users import it from.
InvalidStatementError.__module__ = "c5statement"
InvalidTypeError.__module__ = "c5statement"
