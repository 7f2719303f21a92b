"""The one exception type that loading and validation raise, and the bounds of its reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._chars import visible

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["MAX_PROBLEMS", "MAX_REASON", "InvalidStatementError", "InvalidTypeError", "Problem", "shorten", "shown"]

Problem = tuple[str, str]
"""One problem found: a place (a JSONPath-like location such as ``$.points[2].text``) and the reason."""

MAX_PROBLEMS = 100
"""The most problems an error lists; it counts the others (``... and 12 more problems``)."""

MAX_REASON = 500
"""The longest reason (and the longest path) an error shows, in characters; longer ones are shortened."""

_ELLIPSIS = "\u2026"


def shorten(text: str, limit: int = 60) -> str:
    """*text* cut to at most *limit* characters, its middle replaced with an ellipsis (``…``).

    Example:
        >>> shorten("a" * 10 + "b" * 10, 9)
        'aaaa…bbbb'
        >>> shorten("short")
        'short'
    """
    if len(text) <= limit:
        return text
    tail = (limit - 1) // 2
    return text[: limit - 1 - tail] + _ELLIPSIS + text[len(text) - tail :]


def shown(value: object, limit: int = 60) -> str:
    """The :func:`repr` of *value* for a reason, shortened to *limit* characters.

    Example:
        >>> shown("x" * 100, 12)
        "'xxxxx…xxxx'"
    """
    if isinstance(value, str) and len(value) > limit:
        value = shorten(value, limit)  # before repr(): a huge string is never copied whole
    return shorten(repr(value), limit)


class InvalidStatementError(ValueError):
    """A statement, or a document meant to hold one, is invalid.

    Every problem found is listed in :attr:`errors` as a ``(path, reason)`` pair,
    where *path* is a JSONPath-like location such as ``$.points[2].text``; the
    message lists them, one per line, every character that must not reach a
    reader raw shown as an escape (:attr:`errors` keeps them as found), so that
    a traceback shows each problem on its own line. :attr:`source` names the
    file, when the data came from one.

    Reports are bounded: at most :data:`MAX_PROBLEMS` problems are listed and
    :attr:`omitted` counts the others; a path or reason longer than
    :data:`MAX_REASON` characters is shortened with an ellipsis.

    Example:
        >>> from c5statement import Point
        >>> try:
        ...     Point(number=0, text=" ")
        ... except InvalidStatementError as error:
        ...     print(error.errors, error.omitted)
        (('$.number', 'must be a positive integer, got 0'), ('$.text', 'must not be blank')) 0
    """

    errors: tuple[tuple[str, str], ...]
    source: str | None
    omitted: int

    def __init__(self, errors: Iterable[tuple[str, str]], source: str | None = None, *, omitted: int = 0) -> None:
        listed: list[Problem] = []
        for path, reason in errors:
            if len(listed) < MAX_PROBLEMS:
                listed.append((shorten(path, MAX_REASON), shorten(reason, MAX_REASON)))
            else:
                omitted += 1
        self.errors = tuple(listed)
        self.source = source
        self.omitted = omitted
        super().__init__(self._message())

    def _message(self) -> str:
        lines = [f"{visible(path)}: {visible(reason)}" for path, reason in self.errors]
        if self.omitted:
            lines.append(self.more())
        head = f"invalid statement data in {self.source}" if self.source else "invalid statement data"
        count = len(self.errors) + self.omitted
        noun = "problem" if count == 1 else "problems"
        return f"{head} ({count} {noun}):\n  " + "\n  ".join(lines)

    def more(self) -> str:
        """The line that counts the problems not listed (empty if all are).

        Example:
            >>> InvalidStatementError([("$", "bad")] * 102).more()
            '... and 2 more problems (only the first 100 are listed)'
        """
        if not self.omitted:
            return ""
        noun = "problem" if self.omitted == 1 else "problems"
        return f"... and {self.omitted} more {noun} (only the first {MAX_PROBLEMS} are listed)"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        if not self.omitted:
            return (type(self), (self.errors, self.source))
        return (_rebuild, (type(self), self.errors, self.source, self.omitted))


def _rebuild(
    cls: type[InvalidStatementError], errors: tuple[tuple[str, str], ...], source: str | None, omitted: int
) -> InvalidStatementError:
    """Unpickle an error (the keyword *omitted* cannot go through ``__reduce__`` arguments)."""
    return cls(errors, source, omitted=omitted)


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
