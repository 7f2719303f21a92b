"""Word-level edits between two texts, and changes that are only cosmetic.

:func:`word_edits` turns an old text into a new one as :class:`WordEdit` runs.
Outside its edits, the old text and the new are equal character for character,
so a view that shows deletions and insertions reads back both ways. Neighbouring
edits with only short common words between them merge into one run, and a
sentence that mostly changed is replaced whole. An edit that changes only case,
quote style or white space is *cosmetic* (:func:`cosmetic_classes`).
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
from collections import Counter

import attrs

from ._align import tokens
from ._check import Checker, Validated, rule

__all__ = ["COSMETIC", "SENTENCE_END", "WordEdit", "cosmetic_classes", "word_edits"]

_OPS = ("insert", "delete", "replace")
_STRING = rule(Checker.string)
_NATURAL = rule(Checker.natural)


@attrs.frozen
class WordEdit(Validated):
    """One word-level edit that turns an old point's text into the new one.

    Offsets are character positions: ``old_text == change.old.text[old_start:old_end]``
    and ``new_text == change.new.text[new_start:new_end]``. Words and punctuation
    marks are separate tokens, so ``"peace."`` to ``"peace;"`` replaces only the mark.

    Attributes:
        op: ``"insert"``, ``"delete"`` or ``"replace"``.
        old_start: Where the edit starts in the old text.
        old_end: Where it ends in the old text (equal to the start for an insertion).
        new_start: Where it starts in the new text.
        new_end: Where it ends in the new text (equal to the start for a deletion).
        old_text: The words removed.
        new_text: The words put in.
        cosmetic: For a change only of case, quote style or white space, which
            of ``"case"``, ``"quotes"`` and ``"space"`` it is; empty for a real change.

    Outside its edits, the old text and the new are equal, character for
    character: removing the inserted text from a view gives the old text back
    exactly, and removing the deleted text gives the new one. Neighbouring edits
    with only short common words between them form one run, and a sentence that
    mostly changed is one run replacing it whole.

    Example:
        >>> WordEdit("replace", 4, 10, 4, 9, "strong", "solid").inverted().op
        'replace'
        >>> sorted(WordEdit("replace", 0, 3, 0, 3, "all", "All", frozenset({"case"})).cosmetic)
        ['case']
    """

    op: str = attrs.field(metadata=rule(Checker.one_of, _OPS))
    old_start: int = attrs.field(metadata=_NATURAL)
    old_end: int = attrs.field(metadata=_NATURAL)
    new_start: int = attrs.field(metadata=_NATURAL)
    new_end: int = attrs.field(metadata=_NATURAL)
    old_text: str = attrs.field(metadata=_STRING)
    new_text: str = attrs.field(metadata=_STRING)
    cosmetic: frozenset[str] = attrs.field(default=frozenset(), metadata=rule(Checker.strings))

    def inverted(self) -> WordEdit:
        """Return the edit that undoes this one.

        Example:
            >>> WordEdit("insert", 3, 3, 3, 9, "", "green ").inverted().op
            'delete'
        """
        op = {"insert": "delete", "delete": "insert"}.get(self.op, self.op)
        return WordEdit(
            op, self.new_start, self.new_end, self.old_start, self.old_end, self.new_text, self.old_text, self.cosmetic
        )


_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
})  # fmt: skip
_SPACE = re.compile(r"\s+")
COSMETIC: tuple[str, ...] = ("case", "quotes", "space", "script")
"""The classes of cosmetic change, as :attr:`WordEdit.cosmetic` names them and ``diff(ignore_...)`` hides them.

``"script"`` is a change only between Traditional and Simplified Chinese
characters, or between full-width and ordinary forms of letters, digits and
punctuation.
"""
_ASCII_COSMETIC = COSMETIC[:3]
"""The classes that can tell two ASCII texts apart (no Chinese characters, no full-width forms)."""
_GLUE = frozenset({
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "as", "its", "their",
    "this", "that", "these", "those", "is", "are", "be", "will",
})  # fmt: skip
"""Short common words: edits with only these (or commas) between them read as one phrase."""
_GLUE_RUN = 3
SENTENCE_END = re.compile(r"[.;!?]\s+|[\u3002\uff1b\uff01\uff1f]\s*")
"""The end of a sentence: a full stop, semicolon, exclamation or question mark and white space, or the Chinese mark."""


def _normalise(text: str, classes: frozenset[str]) -> str:
    """*text* with the differences of the given cosmetic classes taken out."""
    if "quotes" in classes:
        text = text.translate(_QUOTES)
    if "case" in classes:
        text = text.casefold()
    if "space" in classes:
        text = _SPACE.sub("", text)
    if "script" in classes and not text.isascii():
        from ._languages import script_folded

        text = script_folded(text)
    return text


def cosmetic_classes(old: str, new: str) -> frozenset[str]:
    """The fewest cosmetic classes that explain the change from *old* to *new*; empty for a real change.

    A change is cosmetic when it is only one of case, quote style (typographic
    against straight quotes and apostrophes), white space or script
    (Traditional against Simplified Chinese characters, full-width against
    ordinary forms), or a mix of them.

    Example:
        >>> sorted(cosmetic_classes("\u201cfast tracks\u201d", '"Fast tracks"'))
        ['case', 'quotes']
        >>> cosmetic_classes("set up", "keep")
        frozenset()
        >>> sorted(cosmetic_classes("中國同中亞國家", "中国同中亚国家"))
        ['script']
    """
    if old == new:
        return frozenset()
    available = _ASCII_COSMETIC if old.isascii() and new.isascii() else COSMETIC
    for size in range(1, len(available) + 1):
        for chosen in itertools.combinations(available, size):
            classes = frozenset(chosen)
            if _normalise(old, classes) == _normalise(new, classes):
                return classes
    return frozenset()


def _key(token: str) -> str:
    return token.translate(_QUOTES).casefold()


def _ws_prefix(first: str, second: str) -> int:
    """The length of the white space both strings start with."""
    size = 0
    while size < min(len(first), len(second)) and first[size] == second[size] and first[size].isspace():
        size += 1
    return size


def _raw_edits(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Spans ``(old_start, old_end, new_start, new_end)`` outside which the texts are equal, in order.

    Tokens are matched ignoring case and quote style; a matched token written
    differently, and different text between matched tokens, are edits. White
    space both sides share at the edges of a gap stays outside the edit.
    """
    old_tokens, new_tokens = tokens(old), tokens(new)
    matched = _matches([_key(token) for token, _, _ in old_tokens], [_key(token) for token, _, _ in new_tokens])
    spans: list[tuple[int, int, int, int]] = []
    old_at = new_at = 0

    def gap(old_end: int, new_end: int) -> None:
        before, after = old[old_at:old_end], new[new_at:new_end]
        if before == after:
            return
        head = _ws_prefix(before, after)
        tail = _ws_prefix(before[head:][::-1], after[head:][::-1])
        spans.append((old_at + head, old_end - tail, new_at + head, new_end - tail))

    for first, second in matched:
        _, old_start, old_end = old_tokens[first]
        _, new_start, new_end = new_tokens[second]
        gap(old_start, new_start)
        if old[old_start:old_end] != new[new_start:new_end]:
            spans.append((old_start, old_end, new_start, new_end))
        old_at, new_at = old_end, new_end
    gap(len(old), len(new))
    return spans


EXACT_PAIRS = 40_000
"""Token lists whose sizes multiply to at most this (200 tokens a side) are matched exactly, by difflib."""

_GAP_PAIRS = 2_500
"""Within a long text, a stretch between anchors of at most this many token pairs is matched by difflib."""

_DEPTH = 16
"""How many times a long text's stretches are anchored anew, at most; deeper, a stretch is one replacement."""


def _matches(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """The positions of matched tokens, increasing on both sides: a longest common subsequence, or near one.

    Short texts (:data:`EXACT_PAIRS`) are matched by :class:`difflib.SequenceMatcher`.
    Longer ones are matched in time ``O(n log n)``: the common start and end
    are matched first, then the tokens that occur once on each side (or, where
    none does, runs of 2 or 4 tokens that do), as many as keep their order (a
    patience diff), anchor the stretches between them, which are matched in the
    same way. A stretch without such an anchor that holds more than
    :data:`_GAP_PAIRS` pairs of tokens is left unmatched: one replacement.

    Example:
        >>> _matches(["a", "b", "c"], ["a", "x", "c"])
        [(0, 0), (2, 2)]
    """
    found: list[tuple[int, int]] = []
    _match(old, new, (0, len(old), 0, len(new)), found, 0)
    return found


def _match(
    old: list[str], new: list[str], box: tuple[int, int, int, int], found: list[tuple[int, int]], depth: int
) -> None:
    old_low, old_high, new_low, new_high = box
    while old_low < old_high and new_low < new_high and old[old_low] == new[new_low]:
        found.append((old_low, new_low))
        old_low, new_low = old_low + 1, new_low + 1
    tail = []
    while old_low < old_high and new_low < new_high and old[old_high - 1] == new[new_high - 1]:
        old_high, new_high = old_high - 1, new_high - 1
        tail.append((old_high, new_high))
    pairs = (old_high - old_low) * (new_high - new_low)
    if pairs and pairs <= (EXACT_PAIRS if depth == 0 else _GAP_PAIRS):
        matcher = difflib.SequenceMatcher(None, old[old_low:old_high], new[new_low:new_high], autojunk=False)
        for first, second, size in matcher.get_matching_blocks():
            found.extend((old_low + first + offset, new_low + second + offset) for offset in range(size))
    elif pairs and depth < _DEPTH:
        _anchored(old, new, (old_low, old_high, new_low, new_high), found, depth)
    found.extend(reversed(tail))


def _anchored(
    old: list[str], new: list[str], box: tuple[int, int, int, int], found: list[tuple[int, int]], depth: int
) -> None:
    """Match a long stretch on its anchors, and the stretches between them in turn; no anchor: one replacement."""
    old_low, old_high, new_low, new_high = box
    anchors: list[tuple[int, int]] = []
    size = 1
    for size in _RUNS:  # single tokens first; runs of tokens where no single one is unique
        anchors = _anchors(old, new, box, size)
        if anchors:
            break
    if not anchors:
        return
    at = (old_low, new_low)
    for i, j in anchors:
        if i < at[0] or j < at[1]:
            continue  # overlaps the run before
        _match(old, new, (at[0], i, at[1], j), found, depth + 1)
        found.extend((i + offset, j + offset) for offset in range(size))
        at = (i + size, j + size)
    _match(old, new, (at[0], old_high, at[1], new_high), found, depth + 1)


_RUNS = (1, 2, 4)
"""The lengths of the runs of tokens that may anchor a stretch, tried in turn until one gives anchors."""


def _anchors(old: list[str], new: list[str], box: tuple[int, int, int, int], size: int) -> list[tuple[int, int]]:
    """Runs of *size* tokens that occur once in each side's stretch, paired: the longest chain of them in order."""
    old_low, old_high, new_low, new_high = box
    old_runs = [tuple(old[i : i + size]) for i in range(old_low, old_high - size + 1)]
    new_runs = [tuple(new[j : j + size]) for j in range(new_low, new_high - size + 1)]
    seen_old, seen_new = Counter(old_runs), Counter(new_runs)
    where = {run: new_low + j for j, run in enumerate(new_runs) if seen_new[run] == 1 and seen_old[run] == 1}
    pairs = [(old_low + i, where[run]) for i, run in enumerate(old_runs) if run in where]
    # The longest increasing run of the new positions (patience sorting), O(n log n).
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(pairs)
    for position, (_, j) in enumerate(pairs):
        low = bisect.bisect_left(tails, j)
        if low:
            previous[position] = tail_at[low - 1]
        if low == len(tails):
            tails.append(j)
            tail_at.append(position)
        else:
            tails[low] = j
            tail_at[low] = position
    run: list[tuple[int, int]] = []
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        run.append(pairs[position])
        position = previous[position]
    return run[::-1]


def _glue(text: str) -> bool:
    """Whether *text*, equal on both sides between two edits, is only short common words, commas or space."""
    found = [word for word, _, _ in tokens(text)]
    if len(found) <= _GLUE_RUN and all(word.casefold() in _GLUE or word == "," for word in found):
        return True
    if text.isascii():
        return False
    from ._languages import glue  # Chinese and Russian: a character, or short function words

    return glue(found)


def _phrases(old: str, new: str, spans: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Neighbouring edits joined into one run where only white space, or short common words, lie between."""
    merged: list[tuple[int, int, int, int]] = []
    for span in spans:
        if merged:
            last = merged[-1]
            between = old[last[1] : span[0]]
            real = not cosmetic_classes(old[last[0] : last[1]], new[last[2] : last[3]]) and not cosmetic_classes(
                old[span[0] : span[1]], new[span[2] : span[3]]
            )
            if not between.strip() or (real and _glue(between)):
                merged[-1] = (last[0], span[1], last[2], span[3])
                continue
        merged.append(span)
    return merged


def _words(text: str) -> int:
    return sum(token[0].isalnum() for token, _, _ in tokens(text))


def _sentences(old: str, new: str, spans: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Each sentence whose words mostly changed replaced as a whole: one run from its first word to its end."""
    # Sentence boundaries fall in the equal text between edits, at the same place on both sides.
    bounds: list[tuple[int, int]] = [(0, 0)]
    previous = (0, 0)
    for span in [*spans, (len(old), len(old), len(new), len(new))]:
        bounds += [
            (found.end(), previous[1] + found.end() - previous[0])
            for found in SENTENCE_END.finditer(old, previous[0], span[0])
        ]
        previous = (span[1], span[3])
    bounds.append((len(old), len(new)))
    groups: list[list[tuple[int, int, int, int]]] = [[] for _ in bounds[1:]]
    starts = [bound[0] for bound in bounds[:-1]]  # in order: found left to right
    for span in spans:  # each edit in the last sentence that starts at or before it
        groups[bisect.bisect_right(starts, span[0]) - 1].append(span)
    result: list[tuple[int, int, int, int]] = []
    for ((old_start, new_start), (old_end, new_end)), inside in zip(itertools.pairwise(bounds), groups, strict=True):
        real = [span for span in inside if not cosmetic_classes(old[span[0] : span[1]], new[span[2] : span[3]])]
        changed = sum(max(_words(old[a:b]), _words(new[c:d])) for a, b, c, d in real)
        kept = _words(old[old_start:old_end]) - sum(_words(old[a:b]) for a, b, _, _ in inside)
        rewritten = any(a < b and c < d for a, b, c, d in real)  # words put in place of others, not only cut or added
        if rewritten and changed > kept:
            head = len(old[old_start:old_end]) - len(old[old_start:old_end].lstrip())
            tail = len(old[old_start:old_end]) - len(old[old_start:old_end].rstrip())
            first, last = inside[0], inside[-1]
            result.append(
                (
                    min(first[0], old_start + head),
                    max(last[1], old_end - tail),
                    min(first[2], new_start + head),
                    max(last[3], new_end - tail),
                )
            )
        else:
            result.extend(inside)
    return result


def word_edits(old: str, new: str) -> tuple[WordEdit, ...]:
    """The edits from *old* to *new*: outside them the texts are equal, so the edits read back both ways."""
    if old == new:
        return ()
    spans = _sentences(old, new, _phrases(old, new, _raw_edits(old, new)))
    edits = []
    for old_start, old_end, new_start, new_end in spans:
        before, after = old[old_start:old_end], new[new_start:new_end]
        op = "insert" if not before else "delete" if not after else "replace"
        cosmetic = cosmetic_classes(before, after)
        edits.append(WordEdit(op, old_start, old_end, new_start, new_end, before, after, cosmetic))
    return tuple(edits)
