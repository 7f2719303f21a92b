"""Word-level edits between two texts, and changes that are only cosmetic.

:func:`word_edits` turns an old text into a new one as :class:`WordEdit` runs.
Outside its edits, the old text and the new are equal character for character,
so a view that shows deletions and insertions reads back both ways. Neighbouring
edits with only short common words between them merge into one run, and a
sentence that mostly changed is replaced whole. An edit that changes only case,
quote style or white space is *cosmetic* (:func:`cosmetic_classes`).
"""

from __future__ import annotations

import difflib
import itertools
import re

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
    matcher = difflib.SequenceMatcher(
        None, [_key(token) for token, _, _ in old_tokens], [_key(token) for token, _, _ in new_tokens], autojunk=False
    )
    spans: list[tuple[int, int, int, int]] = []
    old_at = new_at = 0

    def gap(old_end: int, new_end: int) -> None:
        before, after = old[old_at:old_end], new[new_at:new_end]
        if before == after:
            return
        head = _ws_prefix(before, after)
        tail = _ws_prefix(before[head:][::-1], after[head:][::-1])
        spans.append((old_at + head, old_end - tail, new_at + head, new_end - tail))

    for first, second, size in matcher.get_matching_blocks():
        for offset in range(size):
            _, old_start, old_end = old_tokens[first + offset]
            _, new_start, new_end = new_tokens[second + offset]
            gap(old_start, new_start)
            if old[old_start:old_end] != new[new_start:new_end]:
                spans.append((old_start, old_end, new_start, new_end))
            old_at, new_at = old_end, new_end
    gap(len(old), len(new))
    return spans


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
    for span in spans:  # each edit in the last sentence that starts at or before it
        groups[max(index for index, bound in enumerate(bounds[:-1]) if bound[0] <= span[0])].append(span)
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
