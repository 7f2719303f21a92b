"""Views of the objects: a registry of render functions and output formats, the notebook display, the colour rule.

The classes own their views (``to_text``, ``to_markdown``, ``to_html`` and the
notebook representations) but not the code that draws them: they look a render
function up here by type and view name. The views package (``_views``) fills the
registry when it is imported; the package loads it on the first view asked for
(see :func:`on_first_view`), so that neither the model nor this module imports it.

The output formats of the command line (``--format text``, ``json``, ...) are
registered here too, each with the view it draws: the command line offers, for
each object, the formats whose view is registered for its class.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

__all__ = [
    "OutputFormat",
    "Views",
    "formats_of",
    "mimebundle",
    "on_first_view",
    "output_format",
    "register",
    "register_format",
    "render",
    "use_color",
]

_RENDERERS: dict[tuple[type, str], Callable[..., str]] = {}
_LOADERS: list[Callable[[], object]] = []


class OutputFormat(NamedTuple):
    """An output format of the command line.

    Attributes:
        name: The name ``--format`` takes.
        view: The view it draws (the name its render functions are registered under).
        terminal: Whether it is text for a terminal (coloured on request, escaped,
            in the terminal's encoding) rather than a document written as UTF-8 bytes.

    Example:
        >>> output_format("html").view
        'html-document'
    """

    name: str
    view: str
    terminal: bool = False


_FORMATS: dict[str, OutputFormat] = {}


def register(cls: type, view: str) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """Register the decorated function as the *view* (``"text"``, ``"markdown"``, ``"html"``) of *cls*.

    Example:
        >>> class Note:
        ...     pass
        >>> @register(Note, "text")
        ... def note_to_text(note, *, color=None):
        ...     return "a note"
        >>> render(Note(), "text")
        'a note'
    """

    def decorate(function: Callable[..., str]) -> Callable[..., str]:
        _RENDERERS[cls, view] = function
        return function

    return decorate


def on_first_view(load: Callable[[], object]) -> None:
    """Call *load* (which registers render functions) before the first view is looked up.

    Example:
        >>> on_first_view(lambda: None)
    """
    _LOADERS.append(load)


def register_format(name: str, view: str | None = None, *, terminal: bool = False) -> None:
    """Register the output format *name*, which draws *view* (by default the view of the same name).

    Example:
        >>> register_format("text", terminal=True)
        >>> output_format("text").terminal
        True
    """
    _FORMATS[name] = OutputFormat(name, view or name, terminal)


def _load_views() -> None:
    while _LOADERS:
        _LOADERS.pop(0)()


def output_format(name: str) -> OutputFormat:
    """Return the output format registered as *name*.

    Raises:
        KeyError: If no format has that name.

    Example:
        >>> output_format("markdown")
        OutputFormat(name='markdown', view='markdown', terminal=False)
    """
    _load_views()
    return _FORMATS[name]


def formats_of(cls: type) -> tuple[str, ...]:
    """Return the names of the output formats that can draw an object of *cls*, in their order of registration.

    Example:
        >>> from c5statement import Meeting
        >>> formats_of(Meeting)
        ('text', 'markdown', 'json', 'html')
    """
    _load_views()
    return tuple(name for name, found in _FORMATS.items() if _lookup(cls, found.view) is not None)


def _lookup(cls: type, view: str) -> Callable[..., str] | None:
    for base in cls.__mro__:
        found = _RENDERERS.get((base, view))
        if found is not None:
            return found
    return None


def render(obj: object, view: str, **options: Any) -> str:
    """Draw *obj* as *view* with the function registered for its class.

    Raises:
        NotImplementedError: If no function is registered for that class and view.

    Example:
        >>> from c5statement import Point
        >>> render(Point(1, "all parties agree."), "text", color=False)
        '1. all parties agree.'
    """
    function = _lookup(type(obj), view)
    while function is None and _LOADERS:
        _LOADERS.pop(0)()
        function = _lookup(type(obj), view)
    if function is None:
        msg = f"no {view} view of {type(obj).__name__}"
        raise NotImplementedError(msg)
    return function(obj, **options)


def use_color(
    color: bool | None = None, stream: object | None = None, environ: Mapping[str, str] | None = None
) -> bool:
    """Decide whether to colour terminal output: the one rule of the package (https://no-color.org).

    Args:
        color: ``True`` or ``False`` to force; ``None`` to colour only when
            *stream* (by default standard output) is a terminal and ``NO_COLOR``
            is unset or empty.
        stream: The stream written to.
        environ: The environment (by default :data:`os.environ`).

    Example:
        >>> import io
        >>> use_color(False), use_color(None, io.StringIO()), use_color(True, io.StringIO(), {"NO_COLOR": "1"})
        (False, False, True)
    """
    if color is not None:
        return bool(color)
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR"):
        return False
    isatty = getattr(sys.stdout if stream is None else stream, "isatty", None)
    return bool(isatty and isatty())


def mimebundle(
    plain: str, rich: str, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
) -> dict[str, str]:
    """Return a notebook MIME bundle with ``text/plain`` and ``text/html``.

    Example:
        >>> sorted(mimebundle("a", "<p>a</p>", exclude=["text/plain"]))
        ['text/html']
    """
    bundle = {"text/plain": plain, "text/html": rich}
    if include is not None:
        wanted = set(include)
        bundle = {key: value for key, value in bundle.items() if key in wanted}
    if exclude is not None:
        unwanted = set(exclude)
        bundle = {key: value for key, value in bundle.items() if key not in unwanted}
    return bundle


class Views:
    """Mixin: the views of a class (text, Markdown, HTML) and its Jupyter display.

    Each view is drawn by the function the views package registered for the class.
    IPython calls ``_repr_mimebundle_`` (or ``_repr_html_``); the text view is
    given uncoloured, the HTML view escaped.
    """

    __slots__ = ()

    def to_text(self, *, color: bool | None = None) -> str:
        r"""Render the object for a terminal; controls and invisible characters shown as escapes (``\x1b``).

        Args:
            color: Use ANSI colours; ``None`` (the default) colours only when
                standard output is a terminal and ``NO_COLOR`` is not set.

        Example:
            >>> from c5statement import MEETING_2020, Point
            >>> "9. all parties should" in MEETING_2020.to_text(color=False)
            True
            >>> print(Point(1, "all parties agree.", themes=frozenset({"trade"})).to_text(color=False))
            1. all parties agree. [trade]
        """
        return render(self, "text", color=color)

    def to_markdown(self) -> str:
        """Render the object as Markdown, every text escaped.

        Example:
            >>> from c5statement import MEETING_2020, compare, diff
            >>> "## Points" in MEETING_2020.to_markdown()
            True
            >>> diff(MEETING_2020, MEETING_2020).to_markdown().startswith("## Diff")
            True
            >>> compare([MEETING_2020]).to_markdown().startswith("# Series")
            True
        """
        return render(self, "markdown")

    def to_html(self) -> str:
        """Render the object as an HTML fragment, every text escaped (the notebook view).

        Example:
            >>> from c5statement import MEETING_2020, Point
            >>> MEETING_2020.to_html().startswith('<div class="c5 c5-meeting" style="')
            True
            >>> Point(1, "all parties <agree>.").to_html().count("&lt;agree&gt;")
            1
        """
        return render(self, "html")

    def to_html_document(self) -> str:
        """Render the object as a whole HTML page: doctype, UTF-8 charset, title, styles and the fragment.

        :meth:`to_html` gives the fragment, to embed in a page or a notebook;
        this is the page to save as a file and open in any browser.

        Example:
            >>> from c5statement import MEETING_2020
            >>> page = MEETING_2020.to_html_document()
            >>> page.startswith("<!DOCTYPE html>"), '<meta charset="utf-8">' in page
            (True, True)
        """
        return render(self, "html-document")

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        return mimebundle(self.to_text(color=False), self.to_html(), include, exclude)
