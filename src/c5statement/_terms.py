"""Key terms of a text: the concepts of the lexicon and the names it writes out."""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING

from ._align import tokens
from ._edits import SENTENCE_END

if TYPE_CHECKING:
    from ._lexicon import Lexicon

__all__ = ["key_terms"]


_CONNECTORS = frozenset({"and", "of", "the", "for", "on", "in", "de"})
_ARTICLES = frozenset({"The", "A", "An", "This", "These", "Those", "All", "Both", "Each"})
_QUOTED = re.compile(r"\u201c([^\u201c\u201d]{2,80})\u201d|\"([^\"]{2,80})\"|\u00ab([^\u00ab\u00bb]{2,80})\u00bb")
_QUOTED_WORDS = 8
_HEADS = frozenset({
    "Initiative", "Organisation", "Organization", "Forum", "Declaration", "Programme", "Program", "Strategy",
    "Treaty", "Agreement", "Bank", "Fund", "Council", "Zone", "Corridor", "Road", "Mechanism", "Summit", "Meeting",
    "Charter", "Plan", "Vision", "Community", "Union", "Partnership",
})  # fmt: skip
"""The last words of names that have an "and" inside (``Belt and Road``, ``Trade and Development Bank``)."""


Word = tuple[str, int, int]


def _split_names(run: list[Word]) -> list[list[Word]]:
    """A run of capitalised words as names: split at "and" unless the run ends like one name (``Belt and Road``)."""
    while run and run[-1][0] in _CONNECTORS:
        run.pop()
    if run and run[-1][0] in _HEADS:
        return [run]
    parts: list[list[Word]] = [[]]
    for word in run:
        if word[0] == "and":
            parts.append([])
        else:
            parts[-1].append(word)
    return parts


def _name(text: str, part: list[Word]) -> Word | None:
    """The name a run of words makes, or ``None``: a lone capitalised word at a sentence start is no name."""
    while part and part[-1][0] in _CONNECTORS:
        part.pop()
    first = 0
    while first < len(part) - 1 and part[first][0] in _ARTICLES:
        first += 1  # an index, not pop(0): a run of a thousand articles stays linear
    part = part[first:]
    if not part:
        return None
    start = part[0][1]
    at_start = start == 0 or bool(SENTENCE_END.search(text[max(0, start - 3) : start]))
    if len(part) == 1 and (at_start or part[0][0] in _ARTICLES):
        return None
    return text[start : part[-1][2]], start, part[-1][2]


def _names(text: str) -> list[Word]:
    """Names in *text*: runs of capitalised words (``Belt and Road Initiative``) and quoted names, with spans."""
    runs: list[list[Word]] = [[]]
    for word in tokens(text):
        token = word[0]
        if (token[0].isupper() and token[0].isalpha()) or (runs[-1] and token in _CONNECTORS):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    found = [name for run in runs for part in _split_names(run) if (name := _name(text, part)) is not None]
    for match in _QUOTED.finditer(text):
        quoted = next(group for group in match.groups() if group is not None).strip()
        if len(quoted.split()) <= _QUOTED_WORDS:
            found.append((quoted, match.start(), match.end()))
    return found


def key_terms(text: str, lexicon: Lexicon | None = None) -> frozenset[str]:
    """The key terms a text names: its concepts and the names it writes out.

    A key term is a concept of the alignment lexicon (by its id, such as
    ``"peace-and-stability"``) or a name as written: a named initiative,
    institution, place or document, that is a run of capitalised words
    (``"Belt and Road Initiative"``; a lone capitalised word only inside a
    sentence) or a short quoted name. A concept that the text names only
    through one of those names is given by the name.

    Example:
        >>> sorted(key_terms("All parties welcome the Global Security Initiative and peace in Afghanistan."))
        ['Afghanistan', 'Global Security Initiative', 'peace-and-stability']
    """
    if lexicon is None:
        from ._lexicon import default_lexicon

        lexicon = default_lexicon()
    names = _names(text)
    inside = [(start, end) for _, start, end in names]
    terms = {name for name, _, _ in names}
    written = {name.casefold().replace(" ", "-") for name in terms}
    inside.sort()
    starts = [start for start, _ in inside]
    reach = list(itertools.accumulate((end for _, end in inside), max))  # the furthest end of a name so far
    for feature, surfaces in lexicon.analyse(text).features.items():
        if not feature.startswith("@") or feature[1:] in written:
            continue
        spans = [found.span() for surface in dict.fromkeys(surfaces) for found in re.finditer(re.escape(surface), text)]
        if not spans or not all(_within(span, starts, reach) for span in spans):
            terms.add(feature[1:])
    return frozenset(terms)


def _within(span: tuple[int, int], starts: list[int], reach: list[int]) -> bool:
    """Whether *span* lies inside one of the names whose sorted *starts* and running furthest ends are given."""
    before = bisect.bisect_right(starts, span[0])
    return before > 0 and reach[before - 1] >= span[1]
