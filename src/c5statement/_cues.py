"""Cues read from a point's words: whether it names Central Asia, and whether it records a meeting held.

The last steps of the alignment (:mod:`c5statement._align`) use them: the steps
that pair points left over run only between two statements on Central Asia, and
a paragraph recording the meeting continues the old statement's record. Each
cue is read in English, Russian and Chinese.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["FIVE", "names_central_asia", "records_meeting"]

_CENTRAL_ASIA = re.compile(r"\b(?:central[\s\-]+asia|центральн(?:\w*[\s\-]+|\u043e-?)ази)|中亚|中亞", re.IGNORECASE)
"""The region's name in English, Russian and Chinese; two of its five states named stand for it too.

The adjective counts, hyphened or not («центральноазиатских», «Центрально-Азиатский», "Central-Asian").
A name starts a word: a text of one long word is read once, not once from each of its letters.
"""

_CENTRAL_ASIA_PARTS = ("central", "центральн", "中亚", "中亞")
"""One of these, in a text's lower case, comes before any name of the region: a cheap look first."""

FIVE = frozenset(("kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"))
"""The five states' features: two of them named in a statement stand for the region."""

_RECORD = re.compile(
    r"\b(?:took place|was held|were held|held (?:in|on|at|talks|a meeting)\b|held online|chaired by"
    r"|co-chaired|chaired the|presided over|attended by|attended the|took part in|participated in"
    r"|hosted by|co-hosted|convened|met in\b|gathered in\b|on the sidelines|video ?conference|video link|via video"
    r"|in (?:a )?virtual format|headed by|led by"
    r"|состоял(?:ся|ась|ось|ись)|прош(?:ел|ёл|ла|ло|ли)\b|под председательством|председательствова"
    r"|принял(?:и)? участие|приняла участие|в режиме видеоконференции|по видеосвязи|возглав(?:ил|ила|или|ляя))"
    r"|举行|召开|主持(?!公道)|出席|与会|视频会议|视频方式|以视频|率团",
    re.IGNORECASE,
)
"""Words that record a meeting (who met, where, when, who chaired, who came), in English, Russian and Chinese.

A cue that ends in a preposition or a short ending is a whole word: *met increased*, *прошлом году* record nothing.
"""

_NEXT = re.compile(r"\b(?:next\b(?! steps?\b)|следующ(?!ие|их|ими))|下一(?!步)|下届|下次", re.IGNORECASE)
"""A point on the next meeting is a commitment of its own, not the record of the meeting held.

*The following* (*следующие документы*) and the *next steps* (*下一步*) name no meeting.
"""

_FUTURE = re.compile(
    r"\b(?:will|shall|would|(?:is|are) to be|to be (?:co-)?(?:held|convened|hosted|chaired|attended)"
    r"|будет|будут|состоится|пройд[её]т)\b|将",
    re.IGNORECASE,
)
"""Words that put what follows them in their sentence in the future: a meeting still to come is no record."""

_SENTENCE_END = re.compile("[.!?;\u3002\uff01\uff1f\uff1b]")
"""Where a sentence ends, in English, Russian and Chinese."""


def records_meeting(text: str) -> bool:
    """Whether *text* records a meeting held (who met, where, when, who chaired), not one still to come.

    A cue counts only if no word of the future comes before it in its sentence
    (*will be held*, *будет проведено в режиме видеоконференции*, *将于…举行*), and
    no text that names the next meeting records one.

    Example:
        >>> records_meeting("The meeting was held in Astana and chaired by the minister.")
        True
        >>> records_meeting("The next meeting will be held in Tashkent."), records_meeting("Trade will grow.")
        (False, False)
        >>> records_meeting("The ministers met in Xi'an. The summit will be held there in May.")
        True
    """
    first = _RECORD.search(text)
    if first is None or _NEXT.search(text) is not None:
        return False  # the common case, a point recording no meeting, costs one search
    futures = [found.start() for found in _FUTURE.finditer(text)]
    if not futures or futures[0] > first.start():
        return True  # no word of the future before the first cue
    ends = [found.start() for found in _SENTENCE_END.finditer(text)]
    for cue in _RECORD.finditer(text, first.start()):
        before = bisect.bisect_left(futures, cue.start())  # the words of the future before the cue
        # The cue counts if none comes before it, or a sentence ended after the last of them.
        if before == 0 or bisect.bisect_left(ends, cue.start()) > bisect.bisect_right(ends, futures[before - 1]):
            return True
    return False


def names_central_asia(text: str) -> bool:
    """Whether *text* names Central Asia (:data:`_CENTRAL_ASIA`)."""
    lower = text.lower()
    return any(part in lower for part in _CENTRAL_ASIA_PARTS) and _CENTRAL_ASIA.search(text) is not None
