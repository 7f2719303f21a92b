"""The fidelity check of two language versions of one statement: what one names and the other does not.

A translation can leave a name out, or a number, or a place, or a commitment
(an unofficial English text of the 2024 joint statement lists five of the six
ministers). :func:`fidelity` pairs the points of the two versions, point to
point, as :func:`c5statement.diff` does across languages, and lists for each
pair the *anchors* that only one side has:

- **names** of people, as the records give them: the participants of the
  meetings compared (their canonical spelling and their aliases, in any script)
  and any further names given;
- **numbers**, as digits (``1,500`` and ``1500`` are one number; so are
  ``1000亿``, ``100 billion`` and «100 млрд»), and dates
  (``1 December 2024``, ``2024年12月1日`` and «1 декабря 2024 года» are one
  date, ``2024-12-01``);
- **places**: the five states, China, Afghanistan and Russia, by their name,
  their capital or their demonym, in English, Chinese or Russian;
- **concepts** of the lexicon (``counter-terrorism``, ``belt-and-road`` ...),
  in their forms in each language.

A point of one version with no partner in the other is itself reported.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from ._check import Checker, Validated, rule
from ._errors import InvalidTypeError
from ._model import Meeting, Point

if TYPE_CHECKING:
    from ._lexicon import Lexicon

__all__ = ["FidelityGap", "anchors", "fidelity"]

KINDS: tuple[str, ...] = ("point", "name", "number", "place", "concept")
"""The kinds of :class:`FidelityGap`, in the order they are listed."""

_PLACE_NAMES = {
    "kazakhstan": "Kazakhstan",
    "kyrgyzstan": "Kyrgyzstan",
    "tajikistan": "Tajikistan",
    "turkmenistan": "Turkmenistan",
    "uzbekistan": "Uzbekistan",
    "china": "China",
    "afghanistan": "Afghanistan",
    "russia": "Russia",
}
_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")  # fmt: skip
_MONTHS_RU = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
_MONTH = "|".join(_MONTHS_EN)
_MONTH_RU = "|".join(stem + r"[а-я]*" for stem in _MONTHS_RU)
_DATES = (
    re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*日)?"),
    re.compile(rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH})\s*,?\s+(?P<year>\d{{4}})", re.IGNORECASE),
    re.compile(rf"(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})", re.IGNORECASE),
    re.compile(rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH_RU})\s+(?P<year>\d{{4}})", re.IGNORECASE),
)
_NUMBER = re.compile(
    r"(?P<digits>\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>万|亿|(?:thousand|million|billion|trillion|тыс\.?|тысяч[аи]?|млн\.?|миллион(?:а|ов)?|"
    r"млрд\.?|миллиард(?:а|ов)?|трлн\.?|триллион(?:а|ов)?)(?![^\W\d_])))?",
    re.IGNORECASE,
)
_SCALES = {"万": 10**4, "亿": 10**8, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
           "тыс": 10**3, "млн": 10**6, "миллион": 10**6, "млрд": 10**9, "миллиард": 10**9, "трлн": 10**12,
           "триллион": 10**12}  # fmt: skip
_WORD = re.compile(r"[^\W_]+")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_NAME_WORD = 5
"""A word of a name this long or longer (a surname) names the person on its own."""


@attrs.frozen
class FidelityGap(Validated):
    """A name, number, place, concept or whole point that one language version has and the other lacks.

    Attributes:
        kind: ``"point"`` (a point with no partner), ``"name"``, ``"number"``,
            ``"place"`` or ``"concept"``.
        term: What is missing: the name as the records spell it, the number
            in digits (a date as ``YYYY-MM-DD``), the place in English, the
            concept's id; for a point, its number.
        side: ``"old"`` or ``"new"``: the version that has it.
        written: How the side that has it writes it.
        old: The number of the old point of the pair (``None`` for a new point with no partner, or whole texts).
        new: The number of the new point of the pair (``None`` likewise).
        written: How the side that has it writes it.

    Example:
        >>> gap = FidelityGap("place", "Tajikistan", "old", "塔吉克斯坦", old=1, new=1)
        >>> str(gap)
        'place Tajikistan (塔吉克斯坦): only in the old version, old point 1 / new point 1'
    """

    kind: str = attrs.field(metadata=rule(Checker.one_of, KINDS))
    term: str = attrs.field(metadata=rule(Checker.text))
    side: str = attrs.field(metadata=rule(Checker.one_of, ("old", "new")))
    written: str = attrs.field(metadata=rule(Checker.text))
    old: int | None = attrs.field(default=None, metadata=rule(Checker.positive))
    new: int | None = attrs.field(default=None, metadata=rule(Checker.positive))

    def __str__(self) -> str:
        where = " / ".join(
            f"{side} point {number}" for side, number in (("old", self.old), ("new", self.new)) if number is not None
        )
        shown = "" if self.written == self.term else f" ({self.written})"
        return f"{self.kind} {self.term}{shown}: only in the {self.side} version" + (f", {where}" if where else "")


Names = Mapping[str, Iterable[str]]


def _date(match: re.Match[str]) -> str:
    month = match["month"]
    if not month.isdigit():
        lowered = month.casefold()
        months = _MONTHS_EN if lowered.isascii() else _MONTHS_RU
        number = next(
            index
            for index, stem in sorted(enumerate(months, start=1), key=lambda item: -len(item[1]))
            if lowered.startswith(stem)
        )
    else:
        number = int(month)
    found = f"{match['year']}-{number:02d}"
    return f"{found}-{int(match['day']):02d}" if match["day"] else found


def _numbers(text: str) -> dict[str, str]:
    """The numbers and dates of *text*, each as a term with how the text writes it."""
    text = unicodedata.normalize("NFKC", text) if not text.isascii() else text
    found: dict[str, str] = {}
    taken: list[tuple[int, int]] = []
    for pattern in _DATES:
        for match in pattern.finditer(text):
            if not any(start < match.end() and match.start() < end for start, end in taken):
                found.setdefault(_date(match), match.group())
                taken.append(match.span())
    for match in _NUMBER.finditer(text):
        if not any(start <= match.start() < end for start, end in taken):
            found.setdefault(_value(match), match.group())
    return found


def _value(match: re.Match[str]) -> str:
    """A number as one term, whatever its writing: ``1,500`` is ``1500``, ``1000亿`` and ``100 billion`` are one."""
    digits = re.sub(r"[^\d.]", "", match["digits"])
    if not match["scale"]:
        return digits
    scale = match["scale"].casefold().rstrip(".")
    factor = next(value for word, value in _SCALES.items() if scale.startswith(word))
    whole, _, fraction = digits.partition(".")
    value = int(whole) * factor + (int(fraction) * factor // 10 ** len(fraction) if fraction else 0)
    return str(value)


def _name_forms(variants: Iterable[str]) -> list[tuple[str, bool]]:
    """What finds a name in a text: each variant whole, and its long words; for each, whether it is a prefix."""
    from ._languages import script_folded

    forms: list[tuple[str, bool]] = []
    for variant in variants:
        folded = script_folded(variant).casefold()
        forms.append((folded, False))
        if _HAN.search(folded):
            continue
        # A surname names the person alone; Russian declines it (Мухриддин, Мухриддина, Мухриддином).
        forms.extend(
            (word[:-1], True) if _CYRILLIC.search(word) else (word, False)
            for word in _WORD.findall(folded)
            if len(word) >= _NAME_WORD
        )
    return forms


def _has_name(text: str, forms: list[tuple[str, bool]]) -> str | None:
    """How *text* writes the name that *forms* find, or ``None``."""
    from ._languages import script_folded

    folded = script_folded(text).casefold()
    if len(folded) != len(text):  # pragma: no cover - a letter whose case folding is longer (ß)
        text = folded
    for form, prefix in forms:
        if " " in form or _HAN.search(form):
            start = folded.find(form)
            if start >= 0:
                return text[start : start + len(form)]
            continue
        for word in _WORD.finditer(folded):
            found = word.group()
            if found == form or (prefix and found.startswith(form) and len(found) - len(form) <= 3):  # noqa: PLR2004
                return text[word.start() : word.end()]
    return None


def anchors(text: str, *, names: Names | None = None, lexicon: Lexicon | None = None) -> dict[tuple[str, str], str]:
    """Return the anchors of *text*: its names, numbers, places and concepts, each with how the text writes it.

    Keys are ``(kind, term)``: ``("name", "Sirojiddin Muhriddin")``,
    ``("number", "2024-12-01")``, ``("place", "Tajikistan")``,
    ``("concept", "counter-terrorism")``.

    Args:
        text: A text in English, Chinese or Russian.
        names: People to look for: each name as the records spell it, with its
            variants (in any script).
        lexicon: The concepts; by default the packaged lexicon.

    Example:
        >>> people = {"Sirojiddin Muhriddin": ["穆赫里丁"]}
        >>> found = anchors("2024年12月1日，塔吉克斯坦外长穆赫里丁出席会晤。", names=people)
        >>> sorted(found)
        [('name', 'Sirojiddin Muhriddin'), ('number', '2024-12-01'), ('place', 'Tajikistan')]
        >>> found["place", "Tajikistan"]
        '塔吉克斯坦'
    """
    if not isinstance(text, str):
        raise InvalidTypeError([("$", f"expected a text, got {type(text).__name__}")])
    from ._lexicon import _stem, default_lexicon

    lexicon = lexicon if lexicon is not None else default_lexicon()
    found: dict[tuple[str, str], str] = {}
    for name, variants in (names or {}).items():
        written = _has_name(text, _name_forms([name, *variants]))
        if written is not None:
            found["name", name] = written
    found.update((("number", number), written) for number, written in _numbers(text).items())
    places = {_stem(place): shown for place, shown in _PLACE_NAMES.items()}
    for feature, surfaces in lexicon.analyse(text).features.items():
        if feature[0] == "@":
            found["concept", feature[1:]] = surfaces[0]
        elif feature in places:
            found["place", places[feature]] = surfaces[0]
    return found


def _people(*meetings: object) -> dict[str, list[str]]:
    people: dict[str, list[str]] = {}
    for meeting in meetings:
        if isinstance(meeting, Meeting):
            for participant in meeting.participants:
                people.setdefault(participant.person, []).extend(participant.aliases)
    return people


def _points(value: object, side: str) -> tuple[Point, ...]:
    if isinstance(value, Meeting):
        return value.points
    if isinstance(value, str):
        return (Point(1, value),)
    raise InvalidTypeError([(f"$.{side}", f"expected a Meeting or a text, got {type(value).__name__}")])


def fidelity(
    old: Meeting | str,
    new: Meeting | str,
    *,
    names: Names | None = None,
    lexicon: Lexicon | None = None,
) -> tuple[FidelityGap, ...]:
    """Check two language versions of one statement against each other: what each names that the other does not.

    The points are paired as :func:`c5statement.diff` pairs them (across
    languages, on the concepts, places and numbers they share), and two points
    left without a partner that have the same number pair too, versions of one
    document keeping its numbering. For each pair,
    every anchor (see :func:`anchors`) that only one side names is a gap; a
    point with no partner is a gap of kind ``"point"``. Two texts (``str``) are
    compared as wholes: a preamble against its translation.

    Args:
        old: One version: a meeting record, or a text.
        new: The other version.
        names: People to look for besides the participants of the records
            (each name with its variants, in any script).
        lexicon: The concepts; by default the packaged lexicon.

    Returns:
        The gaps, by pair in the order of the old version, then by kind.

    Example:
        >>> zh = "2024年12月1日，王毅、穆赫里丁和赛义多夫在成都举行会晤，塔吉克斯坦外长也出席。"
        >>> en = "On 1 December 2024, Wang Yi and Bakhtiyor Saidov met in Chengdu."
        >>> people = {"Wang Yi": ["王毅"], "Sirojiddin Muhriddin": ["穆赫里丁"], "Bakhtiyor Saidov": ["赛义多夫"]}
        >>> for gap in fidelity(zh, en, names=people):
        ...     print(gap)
        name Sirojiddin Muhriddin (穆赫里丁): only in the old version
        place Tajikistan (塔吉克斯坦): only in the old version
    """
    old_points, new_points = _points(old, "old"), _points(new, "new")
    people = _people(old, new)
    for name, variants in (names or {}).items():
        people.setdefault(name, []).extend(variants)
    if isinstance(old, str) and isinstance(new, str):
        pairs: list[tuple[Point | None, Point | None]] = [(old_points[0], new_points[0])]
        numbered = False
    else:
        pairs = _pairs(_as_meeting(old), _as_meeting(new), lexicon)
        numbered = True
    gaps: list[FidelityGap] = []
    for first, second in pairs:
        old_number = first.number if first is not None and numbered else None
        new_number = second.number if second is not None and numbered else None
        if first is None or second is None:
            point = first if first is not None else second
            assert point is not None  # noqa: S101 - a change has a point on one side at least
            side = "old" if first is not None else "new"
            gaps.append(FidelityGap("point", str(point.number), side, point.text, old_number, new_number))
            continue
        one = anchors(first.text, names=people, lexicon=lexicon)
        other = anchors(second.text, names=people, lexicon=lexicon)
        found = [
            FidelityGap(kind, term, side, written, old_number, new_number)
            for side, mine, theirs in (("old", one, other), ("new", other, one))
            for (kind, term), written in mine.items()
            if (kind, term) not in theirs
        ]
        gaps.extend(sorted(found, key=lambda gap: (KINDS.index(gap.kind), gap.side, gap.term)))
    return tuple(gaps)


def _pairs(old: Meeting, new: Meeting, lexicon: Lexicon | None) -> list[tuple[Point | None, Point | None]]:
    """The points paired as :func:`c5statement.diff` pairs them; of those left over, two with one number pair.

    Versions of one document keep its numbering: a point that finds no partner
    by content (one naming only people, say) is paired with the point of the
    other version that has its number, if that one is left over too.
    """
    from ._diff import diff

    pairs = [(change.old, change.new) for change in diff(old, new, lexicon=lexicon).points]
    left_old = {first.number for first, second in pairs if second is None and first is not None}
    left_new = {second.number: second for first, second in pairs if first is None and second is not None}
    numbers = left_old & left_new.keys()
    result: list[tuple[Point | None, Point | None]] = []
    for first, second in pairs:
        if first is not None and second is None and first.number in numbers:
            result.append((first, left_new[first.number]))
        elif not (first is None and second is not None and second.number in numbers):
            result.append((first, second))
    return result


def _as_meeting(value: Meeting | str) -> Meeting:
    if isinstance(value, Meeting):
        return value
    import datetime

    return Meeting(
        id="text",
        title="text",
        level="text",
        date=datetime.date(2000, 1, 1),
        format="in-person",
        points=(Point(1, value),),
        illustrative=True,
    )
