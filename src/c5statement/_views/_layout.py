"""What each view shows, whatever the format: the facts, sections, lines and counts of every object.

The format modules (:mod:`._text`, :mod:`._markdown`, :mod:`._html`, ...) only
write what this module decides: they take its rows, labels and runs, escape
every text for their target and add their own markup. A wording shared by the
formats (``nearest old 3, similarity 0.27``, ``terms gained: ...``) is decided
here once.
"""

from __future__ import annotations

import json
import math
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from c5statement._compare import Series
from c5statement._diff import StatementDiff
from c5statement._edits import word_edits
from c5statement._json import thaw
from c5statement._model import Meeting, Point
from c5statement._paths import ORDER, segments

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from c5statement._diff import FieldChange, PointChange
    from c5statement._model import ContextNote, Participant, Quote, Source

__all__ = [
    "ILLUSTRATIVE",
    "LINEAGE_LEGEND",
    "MINUS",
    "SIGNS",
    "SUMMARY",
    "Row",
    "Run",
    "brief",
    "change_terms",
    "change_text",
    "changes_word",
    "counts_line",
    "diff_terms",
    "facts",
    "field_groups",
    "figure",
    "flags",
    "flat",
    "grouped",
    "inline",
    "json_text",
    "lineage_cells",
    "lineage_label",
    "lineage_text",
    "links",
    "lists_after",
    "lists_before",
    "marked_text",
    "match_note",
    "matrix",
    "nearest_note",
    "noted",
    "number_label",
    "page_title",
    "reading_note",
    "reasons",
    "runs",
    "score_note",
    "shown_kind",
    "source_line",
    "summary_marker",
    "theme_mark",
    "themes_label",
    "uncoded_note",
    "why",
    "wording_note",
]


MINUS = "\u2212"

_LABEL_WIDTH = 60

SIGNS = {"unchanged": "=", "edited": "~", "moved": "^", "added": "+", "removed": "-"}

_BRIEF_WIDTH = 70

_EVIDENCE_SHOWN = 3
"""How many pieces of evidence a view shows for a change (the data keeps them all)."""

_EVIDENCE_NEAREST = 0.1
"""An added or removed point shows the evidence for its nearest candidate from this score up."""

_QUOTE_WIDTH = 50

_ELLIPSIS = "\u2026"

_WHITESPACE = re.compile(r"\s+")

ILLUSTRATIVE = "ILLUSTRATIVE RECORD \u2014 not an official text"

SUMMARY = "Summary"


def flat(text: object) -> str:
    r"""A one-line field kept on one line: each run of white space, line breaks included, one space.

    Example:
        >>> flat("Nur-Sultan\n| Chair |  Fake  ")
        'Nur-Sultan | Chair | Fake'
    """
    return _WHITESPACE.sub(" ", str(text)).strip()


def facts(meeting: Meeting) -> list[tuple[str, str]]:
    """The one-line facts, each value on one line; the participants by name only (details have a section)."""
    rows = [
        ("Id", meeting.id),
        ("Level", meeting.level),
        ("Date", meeting.date.isoformat()),
        ("Format", meeting.format),
    ]
    if meeting.venue is not None:
        rows.append(("Venue", meeting.venue))
    if meeting.city is not None or meeting.host_country is not None:
        place = ", ".join(part for part in (meeting.city, meeting.host_country) if part is not None)
        rows.append(("City", place))
    if not meeting.points_complete:
        read = reading_note(meeting)
        rows.append(("Points read", f"{read} {meeting.points_note}" if meeting.points_note else read))
    chair = meeting.chair
    if chair is not None:
        rows.append(("Chair", f"{flat(chair.person)} ({chair.country})"))
    if meeting.participants:
        rows.append(
            ("Participants", ", ".join(f"{flat(person.person)} ({person.country})" for person in meeting.participants))
        )
    if meeting.illustrative:
        rows.append(("Illustrative", "yes: a made-up record, not an official text"))
    if meeting.language is not None:
        rows.append(("Language", _LANGUAGE_NAMES.get(meeting.language, meeting.language)))
    return [(name, flat(value)) for name, value in rows]


_LANGUAGE_NAMES = {"en": "English (en)", "zh": "Chinese (zh)", "ru": "Russian (ru)"}
"""How the facts name the language a record gives (:attr:`Meeting.language`)."""


def noted(text: str, note: str | None) -> str:
    return f"{text} (note: {note})" if note else text


def _participant_line(participant: Participant) -> str:
    """A participant as reported: ``CN  Wang Yi — Foreign Minister (chair); also spelled: ...; note: ...``."""
    line = f"{flat(participant.country)}  {flat(participant.person)} \u2014 {flat(participant.title)}"
    line += f" ({flat(participant.role)})"
    if participant.aliases:
        line += "; also spelled: " + ", ".join(flat(alias) for alias in participant.aliases)
    return f"{line}; note: {participant.note}" if participant.note else line


def _quote_line(quote: Quote) -> str:
    """A quote with who said it, where and when: ``“...” — Hua Chunying, spokesperson; a briefing; 2020-07-18``."""
    speaker = flat(f"{quote.speaker}, {quote.speaker_title}" if quote.speaker_title else quote.speaker)
    when = quote.date and quote.date.isoformat()
    parts = [speaker, *(flat(part) for part in (quote.occasion, when) if part)]
    return noted(f"\u201c{quote.text}\u201d \u2014 {'; '.join(parts)}", quote.note)


def _context_line(note: ContextNote) -> str:
    return noted(note.text if note.year is None else f"{note.text} ({note.year})", note.note)


def source_line(source: Source, *, url: bool = True) -> str:
    """A source as cited: ``id: publisher, “title”, author, date, url``."""
    parts = [flat(source.publisher), f"\u201c{flat(source.title)}\u201d"]
    parts += [flat(part) for part in (source.author, source.date and source.date.isoformat()) if part]
    if url and source.url:
        parts.append(flat(source.url))
    return f"{flat(source.id)}: {', '.join(parts)}"


def lists_before(meeting: Meeting) -> list[tuple[str, list[str]]]:
    """The sections between the facts and the points: caveats first, then who took part."""
    return [
        ("Notes", list(meeting.notes)),
        ("Participants", [_participant_line(participant) for participant in meeting.participants]),
        (SUMMARY, [meeting.summary] if meeting.summary else []),
        ("Topics", [topic.text for topic in meeting.topics]),
        ("Decisions", [noted(decision.text, decision.note) for decision in meeting.decisions]),
    ]


def lists_after(meeting: Meeting) -> list[tuple[str, list[str]]]:
    """The sections after the points: quotes, context and the sources cited."""
    return [
        ("Quotes", [_quote_line(quote) for quote in meeting.quotes]),
        ("Context", [_context_line(note) for note in meeting.context]),
        ("Sources", [noted(source_line(source), source.note) for source in meeting.sources]),
    ]


class Run(NamedTuple):
    """A piece of a reworded point.

    Attributes:
        kind: ``"equal"``, ``"delete"`` or ``"insert"``.
        text: The text of the run, exactly as in the point.
        cosmetic: Whether the run is part of a change only of case, quotes or space.

    Example:
        >>> Run("insert", " fast").kind
        'insert'
    """

    kind: str
    text: str
    cosmetic: bool = False


def runs(change: PointChange, ignore: frozenset[str] = frozenset()) -> list[Run]:
    """Split a matched point into equal, deleted and inserted runs that read back both ways.

    Joining the equal and deleted runs gives the old text exactly; joining the
    equal and inserted runs gives the new text. A deletion comes before the
    insertion that replaces it. A cosmetic edit whose classes are all in
    *ignore* is shown as its new text, as an equal run.

    Example:
        >>> from c5statement import Point, PointChange
        >>> change = PointChange("edited", Point(1, "all will set up a fund."), Point(1, "All will keep a fund."), 0.7)
        >>> [(run.kind, run.text) for run in runs(change)]
        [('delete', 'all'), ('insert', 'All'), ('equal', ' will '),
         ('delete', 'set up'), ('insert', 'keep'), ('equal', ' a fund.')]
        >>> "".join(run.text for run in runs(change, frozenset({"case"})) if run.kind != "delete")
        'All will keep a fund.'
    """
    old, new = change.old, change.new
    if new is None or old is None:
        point = new or old
        return [Run("insert" if new is not None else "delete", point.text if point is not None else "")]
    found: list[Run] = []
    cursor = 0
    for edit in change.edits:
        if edit.new_start > cursor:
            found.append(Run("equal", new.text[cursor : edit.new_start]))
        cosmetic = bool(edit.cosmetic)
        if cosmetic and edit.cosmetic <= ignore:
            found.append(Run("equal", edit.new_text))
        else:
            found += [
                Run(kind, text, cosmetic)
                for kind, text in (("delete", edit.old_text), ("insert", edit.new_text))
                if text
            ]
        cursor = edit.new_end
    if cursor < len(new.text):
        found.append(Run("equal", new.text[cursor:]))
    return found


def inline(change: PointChange) -> list[tuple[str, str]]:
    """The runs of :func:`runs` as ``(kind, text)`` pairs.

    Example:
        >>> from c5statement import Point, PointChange
        >>> inline(PointChange("edited", Point(1, "trade will grow."), Point(1, "trade will grow fast."), 0.9))
        [('equal', 'trade will grow'), ('insert', ' fast'), ('equal', '.')]
    """
    return [(run.kind, run.text) for run in runs(change)]


def number_label(change: PointChange) -> str:
    if change.old is not None and change.new is not None:
        if change.old.number == change.new.number:
            return str(change.new.number)
        return f"{change.old.number} → {change.new.number}"
    point = change.new or change.old
    return str(point.number) if point is not None else ""


def change_text(change: PointChange) -> str:
    point = change.new or change.old
    return point.text if point is not None else ""


def shown_kind(change: PointChange, result: StatementDiff) -> str:
    """The kind as shown: a point whose only changes are hidden cosmetic ones reads as unchanged."""
    return "unchanged" if result.hidden(change) else change.kind


def flags(change: PointChange) -> list[str]:
    flags = []
    if change.cosmetic:
        flags.append("cosmetic: " + ", ".join(sorted(change.cosmetic)))
    if change.moved and change.kind != "moved":
        flags.append("moved")
    if change.ambiguous:
        flags.append("ambiguous")
    return flags


def nearest_note(change: PointChange) -> str:
    """Name the closest point of the other statement, for an added or removed point; empty for a matched point."""
    if change.kind not in {"added", "removed"}:
        return ""
    side = "old" if change.kind == "added" else "new"
    if change.nearest is None:
        return f"no similar point in the {side} statement"
    return f"nearest {side} {change.nearest}"


def figure(score: float) -> str:
    """A figure from 0 to 1 with two decimals, rounded down, so that only a whole 1 reads as 1.00.

    The diff and the series write every match and wording with it, so the same
    pair shows the same figure wherever it appears.

    Example:
        >>> figure(0.996), figure(0.5), figure(1.0)
        ('0.99', '0.50', '1.00')
    """
    return f"{math.floor(round(score * 100, 6)) / 100:.2f}"


def match_note(change: PointChange) -> str:
    """The match in words: ``match 0.97``, or ``nearest old 3: match 0.27`` for an added or removed point.

    Example:
        >>> from c5statement import Point, PointChange
        >>> match_note(PointChange("removed", Point(4, "trade."), None, 0.79, nearest=2))
        'nearest new 2: match 0.79'
    """
    nearest = nearest_note(change)
    if change.nearest is None:
        return nearest or f"match {figure(change.similarity)}"
    return f"{nearest}: match {figure(change.similarity)}"


def wording_note(change: PointChange) -> str:
    """The wording in words, ``wording 0.40``, for a matched point; empty for an added or removed one.

    Example:
        >>> from c5statement import Point, PointChange
        >>> wording_note(PointChange("edited", Point(1, "trade will grow."), Point(1, "investment rose."), 0.9))
        'wording 0.00'
    """
    kept = change.wording
    return "" if kept is None else f"wording {figure(kept)}"


def score_note(change: PointChange) -> str:
    """The two figures of a change in words: ``match 0.97, wording 0.40``, or ``nearest old 3: match 0.27``.

    Example:
        >>> from c5statement import Point, PointChange
        >>> score_note(PointChange("edited", Point(1, "trade will grow."), Point(1, "trade grew."), 0.97))
        'match 0.97, wording 0.33'
    """
    return ", ".join(note for note in (match_note(change), wording_note(change)) if note)


_HYPHENATED = re.compile(r"\w+(?:[-\u2010\u2011]\w+)+")


def _whole(words: str, text: str) -> str:
    """*words* as *text* writes them, widened to the whole hyphenated word they are part of (``19`` in ``COVID-19``)."""
    for found in _HYPHENATED.finditer(text):
        parts = re.split(r"[-\u2010\u2011]", found.group().casefold())
        if words.casefold() in parts or words.casefold() == found.group().casefold():
            return found.group()
    return words


_EVIDENCE_RARE = 0.55
"""A shared word is named as evidence only from this weight up: rare words, not generic stems (``good``, ``high``).

Concepts always weigh more (1 and up); the words of formulaic phrases weigh
less. The data keeps every piece of evidence; this is only what a view names.
"""


_WORD_MOST = 0.6
"""The most a shared word weighs; a concept weighs more (see :meth:`c5statement.Lexicon.weight`)."""


def reasons(change: PointChange) -> list[str]:
    """The evidence a view names, strongest first: concepts and rare words, hyphenated words whole, each once.

    A plain shared word (``based``, ``choice``) is named only where no concept
    gives a reason; a name (``Eurasian``, ``COVID-19``) always is.

    Example:
        >>> from c5statement import Evidence, Point, PointChange
        >>> old, new = Point(1, "against COVID-19 and for goods."), Point(1, "against covid-19, for good.")
        >>> found = (Evidence("health", "COVID", "covid", 2.0), Evidence("19", "19", "19", 0.6),
        ...          Evidence("good", "goods", "good", 0.45))
        >>> reasons(PointChange("edited", old, new, 0.9, evidence=found))
        ['health: covid-19']
    """
    from c5statement._diff import MODEL_EVIDENCE, STEP_EVIDENCE

    shown: list[str] = []
    seen: set[tuple[str, str]] = set()
    old_text = change.old.text if change.old is not None else ""
    new_text = change.new.text if change.new is not None else ""
    concepts = any(item.weight > _WORD_MOST for item in change.evidence)
    shared = 0
    for item in change.evidence:
        if item.label == MODEL_EVIDENCE or item.label in STEP_EVIDENCE:  # a model's cosine, how a last step paired
            shown.append(str(item))  # always, even after as many shared items as are shown
            continue
        if shared == _EVIDENCE_SHOWN:
            continue
        named = any(character.isupper() for character in item.old + item.new)
        if item.weight < _EVIDENCE_RARE or (item.weight <= _WORD_MOST and concepts and not named):
            continue  # a generic stem; a plain word only where no concept gives a reason
        old_words = _whole(item.old, old_text) if old_text else item.old
        new_words = _whole(item.new, new_text) if new_text else item.new
        key = (old_words.casefold(), new_words.casefold())
        if key in seen or any(key[0] in pair[0].split() or key[1] in pair[1].split() for pair in seen):
            continue
        seen.add(key)
        label = item.label if item.label.casefold() != item.new.casefold() else new_words
        shown.append(str(type(item)(label, old_words, new_words, item.weight)))
        shared += 1
    return shown


def why(change: PointChange) -> str:
    """The evidence of a match in words, strongest first: ``shared: health: epidemic ≈ pandemic; Belt and Road``.

    Unchanged points need no reason; added and removed points show the reason of their nearest candidate.
    """
    if change.kind == "unchanged" or not change.evidence:
        return ""
    found = reasons(change)
    if (change.old is None or change.new is None) and change.similarity < _EVIDENCE_NEAREST:
        # A nearest candidate this far off has no shared words worth reading; how a split was made still shows.
        from c5statement._diff import STEP_EVIDENCE

        marks = {str(item) for item in change.evidence if item.label in STEP_EVIDENCE}
        found = [reason for reason in found if reason in marks]
    return "shared: " + "; ".join(found) if found else ""


def merge_targets(result: StatementDiff) -> dict[int, int]:
    """For each old point merged into a new one (named in that change's ``also``), the new point's number."""
    return {
        number: change.new.number
        for change in result.points
        if change.old is not None and change.new is not None
        for number in change.also
    }


def links(change: PointChange, merged: Mapping[int, int] | None = None) -> str:
    """The second links of a change: the old points it also continues, was split from, or was merged into.

    *merged* is :func:`merge_targets` of the diff; without it, a removed point names no merge.

    Example:
        >>> from c5statement import Point, PointChange
        >>> removed = PointChange("removed", Point(7, "peace in Afghanistan."), None, 0.9, nearest=2)
        >>> links(removed, {7: 2}), links(PointChange("added", None, Point(3, "trade."), 0.7, nearest=1, also=(1,)))
        ('merged into new 2', 'split from old 1')
    """
    if change.kind == "removed" and merged and change.old is not None and change.old.number in merged:
        return f"merged into new {merged[change.old.number]}"
    if not change.also:
        return ""
    numbers = ", ".join(str(number) for number in change.also)
    return f"split from old {numbers}" if change.old is None else f"also continues old {numbers}"


def counts_line(result: StatementDiff) -> str:
    """The counts in words, each point counted once.

    Points whose only changes are cosmetic are counted on their own, as hidden
    if they are; an edited point that also moved is counted as edited, and said
    to have moved too (``2 edited (1 also moved)``).
    """
    counts = result.counts()
    counts["moved"] = sum(change.kind == "moved" for change in result.points)  # the kind, not every point moved
    cosmetic = sum(bool(change.cosmetic) for change in result.points)
    hidden = sum(result.hidden(change) for change in result.points)
    also_moved = sum(change.moved and change.kind == "edited" and not change.cosmetic for change in result.points)
    counts["edited"] -= cosmetic
    parts = [f"{counts[kind]} {kind}" for kind in ("added", "removed", "edited") if counts[kind]]
    if also_moved and counts["edited"]:
        parts[-1] += f" ({also_moved} also moved)"
    if cosmetic:
        parts.append(f"{cosmetic} cosmetic only" + (f" ({hidden} hidden)" if hidden else ""))
    parts += [f"{counts[kind]} {kind}" for kind in ("moved", "unchanged") if counts[kind]]
    if result.fields:
        parts.append(f"{len(result.fields)} field change{'s' if len(result.fields) != 1 else ''}")
    return ", ".join(parts) if parts else "no points"


def _terms_lines(
    gained: Iterable[str], lost: Iterable[str], kept: Iterable[str], minus: str = MINUS
) -> list[tuple[str, str]]:
    """Key terms as ``(heading, terms)`` lines, gained, lost and kept each on its own: ``("lost", "-Afghanistan")``."""
    return [
        (name, "; ".join(sign + term for term in sorted(terms, key=str.casefold)))
        for name, sign, terms in (("gained", "+", gained), ("lost", minus, lost), ("kept", "", kept))
        if terms
    ]


def change_terms(change: PointChange, minus: str = MINUS) -> list[tuple[str, str]]:
    """The key terms a matched point gained and lost (kept terms are the diff's business), a line each.

    Example:
        >>> from c5statement import Point, PointChange
        >>> old, new = Point(1, "peace in Afghanistan."), Point(1, "the Global Security Initiative.")
        >>> change_terms(PointChange("edited", old, new, 0.4), "-")
        [('gained', '+Global Security Initiative'), ('lost', '-Afghanistan; -peace, stability and prosperity')]
    """
    if change.old is None or change.new is None:
        return []
    return _terms_lines(change.terms_gained, change.terms_lost, (), minus)


def diff_terms(result: StatementDiff, minus: str = MINUS) -> list[tuple[str, str]]:
    """The key terms of a whole diff, gained, lost and kept, a line each."""
    return _terms_lines(result.terms_gained, result.terms_lost, result.terms_kept, minus)


def json_text(value: Any) -> str:
    return json.dumps(thaw(value), ensure_ascii=False)


def _cut(text: str, width: int = _BRIEF_WIDTH) -> str:
    """*text* on one line, cut to *width* columns with an ellipsis if longer (a Chinese character takes two).

    Example:
        >>> _cut("all parties will deepen cooperation", 20)
        'all parties will de…'
        >>> _cut("各方将进一步深化互联互通合作", 10)
        '各方将进…'
    """
    from c5statement._width import cut_to_width, display_width

    flat = " ".join(text.split())
    return flat if display_width(flat) <= width else cut_to_width(flat, width - 1).rstrip() + _ELLIPSIS


def _item_brief(item: dict[str, Any]) -> str:
    """Summarise a record by its key fields: a participant, quote, source, or anything with a text."""
    if "country" in item and "person" in item:
        title = f" ({item['title']})" if item.get("title") else ""
        return _cut(f"{item['country']} {item['person']}{title}")
    if "speaker" in item and "text" in item:
        return f"{_cut(str(item['speaker']), 30)}: “{_cut(str(item['text']), _QUOTE_WIDTH)}”"
    if "id" in item and "title" in item:
        return f"{item['id']} “{_cut(str(item['title']), _QUOTE_WIDTH)}”"
    if isinstance(item.get("text"), str):
        year = f" ({item['year']})" if isinstance(item.get("year"), int) else ""
        return _cut(item["text"]) + year
    return _cut(json_text(item))


def brief(value: Any) -> str:
    """A JSON value shortened for reading: long strings cut, records summarised, long lists counted.

    Example:
        >>> brief({"country": "KZ", "person": "Mukhtar Tleuberdi", "title": "Foreign Minister"})
        'KZ Mukhtar Tleuberdi (Foreign Minister)'
        >>> brief(["a" * 80, "b"])
        '["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…", +1 more]'
    """
    value = thaw(value)
    if isinstance(value, dict):
        return _item_brief(value)
    if isinstance(value, list):
        whole = "[" + ", ".join(brief(item) for item in value) + "]"
        if len(value) <= 1 or len(whole) <= _BRIEF_WIDTH + 2:
            return whole
        return f"[{brief(value[0])}, +{len(value) - 1} more]"
    if isinstance(value, str):
        return json_text(_cut(value))
    return json_text(value)


class Row(NamedTuple):
    """One field change as read: ``value`` (old → new), ``order``, or an item ``added`` / ``removed``."""

    kind: str
    label: str
    old: str
    new: str
    field: FieldChange
    runs: tuple[Run, ...] = ()


def _label(segment: str) -> str:
    """A keyed item (``[KZ]``) by its key; an indexed one (``[0]``) and a field name as they are."""
    inner = segment[1:-1] if segment.startswith("[") else ""
    return inner if inner and not inner.isdigit() else segment


def _field_row(field: FieldChange, top: str) -> Row:
    rest = segments(field.path)[1:]
    label = " ".join(_label(segment) for segment in rest) or top
    last = rest[-1] if rest else ""
    if last == ORDER and isinstance(field.old, (list, tuple)) and isinstance(field.new, (list, tuple)):
        return Row("order", label, " ".join(map(str, field.old)), " ".join(map(str, field.new)), field)
    if last.startswith("[") and (field.old is None) != (field.new is None):
        kind, value = ("added", field.new) if field.old is None else ("removed", field.old)
        shown = brief(value)
        name = last[1:-1]
        if name.isdigit():
            shown = f"{last} {shown}"
        elif not shown.startswith(name + " "):
            shown = f"{name} {shown}"
        return Row(kind, label, shown if kind == "removed" else "", shown if kind == "added" else "", field)
    return Row("value", label, brief(field.old), brief(field.new), field, _value_runs(field.old, field.new))


_CONTEXT = 30
"""How many characters of unchanged text a field change shows on each side of a changed word."""


def _texts(value: Any) -> str | None:
    """A string, or a list of strings joined by ``"; "``: the text whose words a field change compares."""
    value = thaw(value)
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return "; ".join(value)
    return None


def _value_runs(old: Any, new: Any) -> tuple[Run, ...]:
    """For long texts, the word edits between them with the unchanged text around them shortened; else nothing.

    Example:
        >>> notes = "a made-up record " * 6
        >>> found = _value_runs([notes + "with the date."], [notes + "with no date."])
        >>> [(run.kind, run.text) for run in found]
        [('equal', '… record a made-up record with '), ('delete', 'the'), ('insert', 'no'), ('equal', ' date.')]
    """
    before, after = _texts(old), _texts(new)
    if isinstance(old, tuple) and isinstance(new, tuple) and len(old) != len(new):
        return ()  # items added or removed: the lists are read as lists
    if before is None or after is None or max(len(before), len(after)) <= _BRIEF_WIDTH:
        return ()
    found: list[Run] = []
    cursor = 0
    for edit in word_edits(before, after):
        found.append(Run("equal", after[cursor : edit.new_start]))
        found += [Run(kind, text) for kind, text in (("delete", edit.old_text), ("insert", edit.new_text)) if text]
        cursor = edit.new_end
    found.append(Run("equal", after[cursor:]))
    last = len(found) - 1
    shortened = []
    for index, run in enumerate(found):
        text = run.text
        if run.kind == "equal" and len(text) > 2 * _CONTEXT + 1:
            head = text[:_CONTEXT] if index > 0 else ""
            tail = text[-_CONTEXT:] if index < last else ""
            text = head + _ELLIPSIS + tail
        if text:
            shortened.append(Run(run.kind, text.replace("\r", " ").replace("\n", " ")))
    return tuple(shortened)


def field_groups(fields: Sequence[FieldChange]) -> list[tuple[str, list[Row]]]:
    """Field changes grouped by top-level field, in order; a group of one top-level value has no sub-path."""
    groups: dict[str, list[FieldChange]] = {}
    for field in fields:
        parts = segments(field.path)
        groups.setdefault(parts[0] if parts else "$", []).append(field)
    return [(top, [_field_row(field, top) for field in changes]) for top, changes in groups.items()]


def grouped(rows: list[Row]) -> bool:
    """Whether a group needs a heading: more than one change, or a change inside the field."""
    return len(rows) > 1 or len(segments(rows[0].field.path)) > 1


def changes_word(count: int) -> str:
    return f"{count} change{'s' if count != 1 else ''}"


def marked_text(
    change: PointChange, result: StatementDiff, escape: Callable[[str], str], marked: Callable[[Sequence[Run]], str]
) -> str:
    """A change's text for a document: its edit runs marked where it was edited, else the text escaped."""
    if shown_kind(change, result) != "edited" or not change.edits:
        return escape(change_text(change))
    return marked(runs(change, result.ignore))


def lineage_cells(series: Series) -> list[list[str]]:
    rows = []
    for lineage in series.lineages:
        cells = []
        for position, point in enumerate(lineage.points):
            if point is None:
                cells.append("—")
            else:
                score = lineage.similarities[position]
                mark = _LINK_MARKS.get(lineage.kinds[position] or "", "")
                cells.append(
                    f"{point.number}{mark}"
                    if score is None or score >= 1
                    else f"{point.number}{mark} ({figure(score)})"
                )
        rows.append(cells)
    return rows


_LINK_MARKS = {"merged": "+", "split": "<", "returned": "^"}
"""Marks after a lineage's point number: merged into another lineage's point, split from one, returned."""

LINEAGE_LEGEND = (
    "Each cell is the point's number in that statement; \u2014 where the lineage has no point there. "
    "A mark after the number: + merged into another lineage's point, < split from another lineage, "
    "^ returned after a gap. In brackets, the match with the lineage's point in the previous statement "
    "(or, after a gap, its last one), when under 1."
)
"""What a lineage table's cells say: the key every view of a series prints under its lineages."""


def matrix(series: Series) -> tuple[tuple[float, ...], ...]:
    """The series' similarity matrix, or none past the number of statements it is computed for."""
    from c5statement._compare import MATRIX_LIMIT

    return series.similarity if len(series.statements) <= MATRIX_LIMIT else ()


def lineage_text(points: Sequence[Point | None]) -> str:
    first = next((point for point in points if point is not None), None)
    return first.text if first is not None else ""  # a valid lineage has a point; a broken one still renders


def lineage_label(points: Sequence[Point | None]) -> str:
    """The lineage's first text, cut at a word with an ellipsis if longer than the label width.

    Example:
        >>> from c5statement import Point
        >>> lineage_label([None, Point(2, "all parties will strengthen cooperation in trade, energy and transport.")])
        'all parties will strengthen cooperation in trade, energy…'
    """
    from c5statement._width import cut_to_width, display_width

    text = flat(lineage_text(points))
    if display_width(text) <= _LABEL_WIDTH:  # in columns: a Chinese character takes two
        return text
    cut = cut_to_width(text, _LABEL_WIDTH - 1)
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + _ELLIPSIS


def page_title(obj: Meeting | Point | StatementDiff | Series) -> str:
    """The title of a whole page showing *obj*.

    Example:
        >>> from c5statement import Point
        >>> page_title(Point(3, "all parties agree."))
        'Point 3'
    """
    if isinstance(obj, Meeting):
        return flat(obj.title)
    if isinstance(obj, StatementDiff):
        return f"Diff: {obj.old_id} \u2192 {obj.new_id}"
    if isinstance(obj, Series):
        return f"Series of {len(obj.labels)} statements"
    return f"Point {obj.number}"


def summary_marker(point: Point) -> str:
    """``"(summary) "`` before a point that is the record's summary in its own words, else nothing.

    Example:
        >>> from c5statement import Point
        >>> summary_marker(Point(1, "the sides back trade.", verbatim=False))
        '(summary) '
    """
    return "" if point.verbatim else "(summary) "


def themes_label(point: Point) -> str:
    """The point's themes, comma-separated, after ``"suggested: "`` where a program suggested them.

    Example:
        >>> from c5statement import Point
        >>> themes_label(Point(1, "trade.", frozenset({"trade"}), coding="suggested"))
        'suggested: trade'
    """
    joined = ", ".join(sorted(point.themes))
    return f"suggested: {joined}" if point.coding == "suggested" else joined


def reading_note(meeting: Meeting) -> str:
    """For a record whose main document was read in part: how many points were read, and that the rest is unknown.

    Example:
        >>> import attrs
        >>> from c5statement import MEETING_2020
        >>> reading_note(attrs.evolve(MEETING_2020, points=MEETING_2020.points[:3], points_complete=False))
        '3 points read; what follows is unknown, not absent.'
    """
    if meeting.points_complete:
        return ""
    total = f" of {meeting.points_total}" if meeting.points_total is not None else ""
    return f"{len(meeting.points)}{total} points read; what follows is unknown, not absent."


def uncoded_note(result: StatementDiff) -> str:
    """Where a diff did not compare themes, because points are not coded by a person; empty if none had themes.

    Example:
        >>> import attrs
        >>> from c5statement import MEETING_2020, Point, diff
        >>> bare = attrs.evolve(MEETING_2020, points=tuple(Point(p.number, p.text) for p in MEETING_2020.points))
        >>> uncoded_note(diff(MEETING_2020, bare))
        'Themes not compared where points are uncoded: the new statement has points not coded by a person.'
    """
    themed = any(point is not None and point.themes for change in result.points for point in (change.old, change.new))
    if not (result.uncoded and themed):
        return ""
    sides = " and ".join(f"the {side} statement" for side in result.uncoded)
    return f"Themes not compared where points are uncoded: {sides} has points not coded by a person."


def theme_mark(flag: bool | None) -> str:
    """A series' theme cell: ``●`` present, empty absent, ``?`` unknown (the statement is not fully coded).

    Example:
        >>> [theme_mark(flag) for flag in (True, False, None)]
        ['●', '', '?']
    """
    return "●" if flag else "?" if flag is None else ""
