"""Notebook display shared by every class with views: one mixin, no dependencies."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Views"]


class Views:
    """Mixin: Jupyter display built from the class's ``to_text`` and ``to_html``.

    IPython calls ``_repr_mimebundle_`` (or ``_repr_html_``); the text view is
    given uncoloured, the HTML view escaped.
    """

    __slots__ = ()

    def to_text(self, *, color: bool | None = None) -> str:
        raise NotImplementedError

    def to_html(self) -> str:
        raise NotImplementedError

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        from ._render import mimebundle

        return mimebundle(self.to_text(color=False), self.to_html(), include, exclude)
