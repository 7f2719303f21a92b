"""Statements in Chinese and Russian: which language a text is in, and its matching features.

English features are built in :mod:`c5statement._lexicon`. A text written
mostly in Chinese characters or in Cyrillic is analysed here instead, into
features of the same kinds, so that every part of the alignment works on it:

- **Chinese.** Matching reads the text folded to one form: full-width letters,
  digits and punctuation to their ordinary forms (NFKC), Traditional characters
  to Simplified ones (a packaged table from the Unihan database,
  ``data/hant-hans.txt``), and the romanised readings some web pages put in
  brackets after each character (``國(guó)``) left out. The shown text is never
  changed. Chinese is written without spaces, so its words are the pairs of
  neighbouring characters (character bigrams) of each run of characters; the
  concepts of the lexicon are found by their Chinese forms
  (``data/lexicon-zh.json``: ``三股势力``, ``一带一路``, ``命运共同体`` ...).
- **Russian.** Words are case-folded, ``ё`` read as ``е``, function words
  dropped, and every word reduced to its stem by the Snowball Russian stemmer,
  then to the part its adjective, verb and noun share (:func:`_russian_root`);
  concepts are found by their Russian forms (``data/lexicon-ru.json``:
  «три силы зла», «Один пояс, один путь» ...), matched on stems.

As in English, names guard their words (``guards`` in each file): no
concept's form found inside a name counts, but for one naming the whole name
(the Global Security Initiative is the concept ``gsi``, not ``security``).

In both, the names of the five states, China, Afghanistan and Russia (and their
capitals) give the same feature as in English (``哈萨克斯坦`` and
``Казахстана`` give ``kazakhstan``), numbers are features as written in
digits, and Latin-script words (``COVID-19``) are read as English. Formulaic
words and character pairs (``各方``, ``合作``, «сторон», «сотрудничество»)
weigh little. The language resources load only when a text in that language
is first met.

Across languages only the features that do not depend on the language can be
shared: concepts, places and numbers. When two statements are in different
languages, their points are compared on those alone.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import unicodedata
from collections import Counter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

from ._errors import InvalidTypeError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from ._lexicon import Analysis, Lexicon

__all__ = ["LANGUAGES", "compile_phrase", "detect_language", "matching_form", "without_readings"]

LANGUAGES: tuple[str, ...] = ("en", "zh", "ru")
"""The languages whose texts have features of their own: English, Chinese and Russian."""

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHARACTER = re.compile(f"[{_HAN}]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_OTHER_SCRIPT = re.compile(f"[{_HAN}\u0400-\u04ff]")
_GLOSS = re.compile(rf"(?<=[{_HAN}])\([a-zü\u00e0-\u01dc\u0300-\u036f]{{1,7}}[1-5]?\)", re.IGNORECASE)
"""A romanised reading in brackets right after a character, as some pages print them: ``國(guó)``."""
_RUN = re.compile(f"[{_HAN}]+")
_DIGITS = re.compile(r"[0-9]+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_NOT_LATIN = re.compile(rf"[{_HAN}\u0400-\u04ff\u3000-\u303f\uff00-\uffef]")

_EN_STOPWORDS = frozenset("the and of to in for on with is are will all by as that this be".split())  # noqa: SIM905
_RU_FUNCTION = frozenset("и в на с по для о об к из что а не за от до при как все их".split())  # noqa: SIM905
WEAK_WEIGHT = 0.15
"""The weight, before scaling, of a formulaic Chinese character pair or Russian word."""

CHINESE_PAIR_SHARE = 0.6
"""What a Chinese character pair weighs against an English word of the same rarity.

A word of two or more characters gives overlapping pairs (``农业合作`` gives
``农业``, ``业合``, ``合作``), so a Chinese point has about 1.75 times the word
weight of its English translation (17.8 against 10.2 on the translations of the
language corpus) and the same concepts; at this share, its concepts count for
as much of it as in English.
"""


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise InvalidTypeError([("$", f"expected a text, got {type(text).__name__}")])
    return text


def detect_language(text: str) -> str:
    """Return the language of *text*: ``"zh"``, ``"ru"`` or ``"en"`` (the default, also for other Latin-script text).

    The script decides: Chinese characters count twice (one carries about as
    much as a word of two or three letters elsewhere), against Cyrillic and
    Latin letters. When the two leading scripts are close, function words
    decide between Russian and English.

    Example:
        >>> detect_language("各方同意加强互联互通。")
        'zh'
        >>> detect_language("Стороны выразили поддержку.")
        'ru'
        >>> detect_language("All parties agree.")
        'en'
    """
    _check_text(text)
    if text.isascii():
        return "en"
    return _detect(text)


@functools.lru_cache(maxsize=4096)
def _detect(text: str) -> str:
    if _OTHER_SCRIPT.search(text) is None:
        return "en"
    han = 3 * len(_HAN_CHARACTER.findall(text))
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if han >= max(cyrillic, latin) and han:
        return "zh"
    if cyrillic > 2 * latin:
        return "ru"
    if cyrillic and latin <= 2 * cyrillic:  # close: function words decide
        words = [word.casefold() for word in _WORD.findall(text)]
        russian = sum(word in _RU_FUNCTION for word in words)
        english = sum(word in _EN_STOPWORDS for word in words)
        return "ru" if russian > english else "en"
    return "en"


# --- Chinese ------------------------------------------------------------------------------------------------


@functools.cache
def _simplified() -> dict[int, int]:
    from ._data import read_packaged

    lines = [
        line
        for line in read_packaged("hant-hans.txt").decode("utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    return str.maketrans(lines[0], lines[1])


def _fold_character(character: str) -> str:
    folded = unicodedata.normalize("NFKC", character)
    return folded if len(folded) == 1 else character


def _folded(text: str) -> tuple[str, list[int]]:
    """*text* as matching reads it, and for each of its characters the position it came from in *text*."""
    kept: list[str] = []
    origin: list[int] = []
    glosses = [(match.start(), match.end()) for match in _GLOSS.finditer(text)] if "(" in text else []
    skip_at = 0
    table = _simplified()
    for position, character in enumerate(text):
        while skip_at < len(glosses) and glosses[skip_at][1] <= position:
            skip_at += 1
        if skip_at < len(glosses) and glosses[skip_at][0] <= position:
            continue
        folded = _fold_character(character) if not character.isascii() else character
        kept.append(folded.translate(table).casefold())
        origin.append(position)
    origin.append(len(text))
    return "".join(kept), origin


def script_folded(text: str) -> str:
    """Return *text* with Traditional characters made Simplified and full-width forms ordinary, one for one.

    Example:
        >>> script_folded("中國，２０２５")
        '中国,2025'
    """
    table = _simplified()
    return "".join(
        _fold_character(character) if not character.isascii() else character for character in text
    ).translate(table)


_READING = re.compile(
    rf"(?<=[{_HAN}])\((?=[^)]*[\u00e0-\u01dc\u0300-\u036f1-5])[a-z\u00e0-\u01dc\u0300-\u036f]{{1,7}}[1-5]?\)"
)
"""A reading as :data:`_GLOSS` reads it, in small letters with a tone mark or number: ``(SCO)`` is no reading."""


def without_readings(text: str) -> str:
    """Return *text* without the romanised readings some pages print after characters, as shown otherwise.

    An acronym in brackets is kept: a reading is in small letters, with a tone mark or a tone number.

    Example:
        >>> without_readings("丝绸之路经(jīng)济带 (2025) 上海合作组织(SCO)")
        '丝绸之路经济带 (2025) 上海合作组织(SCO)'
    """
    return _READING.sub("", text) if "(" in text else text


def matching_form(text: str) -> str:
    """Return *text* as Chinese matching reads it: half-width forms, Simplified characters, readings left out.

    The shown text is never changed; this is only what features are drawn from.

    Example:
        >>> matching_form("中國(guó)-中亞外長會晤，２０２５年")
        '中国-中亚外长会晤,2025年'
    """
    return _folded(_check_text(text))[0]


@functools.cache
def _resources(language: str) -> dict[str, Any]:
    from ._data import read_packaged

    document: dict[str, Any] = json.loads(read_packaged(f"lexicon-{language}.json"))
    return document


class _Chinese:
    """The Chinese forms of a lexicon's concepts, ready to find them."""

    def __init__(self, concept_ids: Iterable[str]) -> None:
        resources = _resources("zh")
        wanted = set(concept_ids)
        forms: dict[str, list[str]] = {}
        for concept, entries in resources["concepts"].items():
            if concept in wanted:
                for form, _reason in entries:
                    forms.setdefault(matching_form(form), []).append(concept)
        self.concepts = sorted(forms.items(), key=lambda item: -len(item[0]))
        self.places = sorted(
            (
                (matching_form(form), _english_stem(place))
                for place, names in resources["places"].items()
                for form in names
            ),
            key=lambda item: -len(item[0]),
        )
        self.guards = tuple(matching_form(form) for form, _reason in resources.get("guards", ()))


def _guarded_spans(found: Iterable[tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """The span (start, end) of the guarded name each position stands in, from the names *found* (start, length).

    Positions are characters of a Chinese text, or words of a Russian one.
    """
    spans: dict[int, tuple[int, int]] = {}
    for start, length in found:
        spans.update(dict.fromkeys(range(start, start + length), (start, start + length)))
    return spans


def _inside_name(guarded: Mapping[int, tuple[int, int]], start: int, end: int) -> bool:
    """Whether a concept's form found from *start* to *end* lies in a guarded name without naming all of it.

    As in English (:class:`~c5statement.Lexicon`'s guards), a form that starts
    where the name does and covers it all names its concept; any other starting
    inside the name names none.
    """
    span = guarded.get(start)
    return span is not None and not (start == span[0] and end >= span[1])


def _chinese_concepts(
    lexicon: Lexicon, resources: _Chinese, folded: str, shown: Callable[[int, int], str]
) -> tuple[dict[str, list[str]], set[int]]:
    """The concepts of a Chinese text (folded), and the positions of the characters of formulas among them."""
    found: dict[str, list[str]] = {}
    absorbed: set[int] = set()
    guarded = _guarded_spans((start, len(guard)) for guard in resources.guards for start in _occurrences(folded, guard))
    for form, concepts in resources.concepts:
        for start in _occurrences(folded, form):
            if _inside_name(guarded, start, start + len(form)):
                continue  # a concept's form inside a name (安全 in 全球安全倡议) names no concept of its own
            _named(found, concepts, shown(start, start + len(form)))
            if any(lexicon.concept(concept).weight < 1 for concept in concepts):
                absorbed.update(range(start, start + len(form)))  # a formula's characters do not count on their own
    return found, absorbed


def _chinese(lexicon: Lexicon, text: str) -> dict[str, list[str]]:
    resources: _Chinese = _memo(lexicon, "zh", lambda: _Chinese(concept.id for concept in lexicon.concepts))
    folded, origin = _folded(text)

    def shown(start: int, end: int) -> str:
        return text[origin[start] : origin[end - 1] + 1]

    found, absorbed = _chinese_concepts(lexicon, resources, folded, shown)
    named: set[int] = set()  # a shorter name inside a longer one (哈萨克 in 哈萨克斯坦) is not found again
    for form, place in resources.places:
        for start in _occurrences(folded, form):
            if start not in named:
                found.setdefault(place, []).append(shown(start, start + len(form)))
                named.update(range(start, start + len(form)))
    for start in _bigrams(folded, absorbed):
        found.setdefault(folded[start : start + 2], []).append(shown(start, start + 2))
    for number in _DIGITS.finditer(folded):
        found.setdefault(number.group(), []).append(shown(number.start(), number.end()))
    return found


def _bigrams(folded: str, absorbed: set[int]) -> list[int]:
    """Where each pair of neighbouring Chinese characters starts, but for pairs inside a formula."""
    return [
        start
        for run in _RUN.finditer(folded)
        for start in range(run.start(), run.end() - 1)
        if not {start, start + 1} <= absorbed
    ]


def _named(found: dict[str, list[str]], concepts: Iterable[str], surface: str) -> None:
    """Add *surface* to the entries of *found* for *concepts*, in place (a copy each time makes a text quadratic)."""
    for concept in concepts:
        found.setdefault("@" + concept, []).append(surface)


def _occurrences(text: str, form: str) -> list[int]:
    """Where *form* starts in *text*, overlaps included."""
    found = []
    start = text.find(form)
    while start >= 0:
        found.append(start)
        start = text.find(form, start + 1)
    return found


# --- Russian ------------------------------------------------------------------------------------------------


@functools.cache
def _russian_stemmer() -> Callable[[str], str]:
    import snowballstemmer

    return snowballstemmer.stemmer("russian").stemWord  # type: ignore[no-any-return]


@functools.cache
def _english_stemmer() -> Callable[[str], str]:
    import snowballstemmer

    return snowballstemmer.stemmer("english").stemWord  # type: ignore[no-any-return]


def _english_stem(word: str) -> str:
    """The Snowball English stem of a place's English name or a Latin-script word: the lexicon's feature for it."""
    return _english_stemmer()(word.casefold())


@functools.cache
def _russian_nouns() -> dict[str, tuple[str, ...]]:
    """The lexicon's nouns Snowball cuts short in some cases, by their first three letters."""
    nouns: dict[str, tuple[str, ...]] = {}
    for noun, _reason in _resources("ru").get("nouns", ()):
        nouns[noun[:3]] = (*nouns.get(noun[:3], ()), noun)
    return nouns


@functools.lru_cache(maxsize=65536)
def _russian_stem(word: str) -> str:
    """The stem of a Russian *word*: Snowball's, made whole for the nouns it cuts short, then :func:`_russian_root`.

    Snowball reads the end of some nouns' cases as a verb's ending: «саммит»
    gives ``самм`` and «саммита» ``саммит``, «органы» ``орга`` and «органов»
    ``орган``. A word beginning with one of the lexicon's ``nouns`` whose
    Snowball stem is shorter gets the noun's.

    Example:
        >>> {_russian_stem(word) for word in ("саммит", "саммите", "саммита", "саммитов")}
        {'саммит'}
    """
    word = word.casefold().replace("ё", "е")
    if not _CYRILLIC.search(word):
        return _english_stem(word)
    stem = _russian_stemmer()(word)
    for noun in _russian_nouns().get(word[:3], ()):
        if len(stem) < len(noun) and word.startswith(noun):
            stem = noun
            break
    return _russian_root(stem)


_RU_VOWELS = frozenset("аеиоуыэюяь")
_RU_ADJECTIVE_N = re.compile("(?<=.{4}[^аеиоуыэюяй])н$|(?<=.{4}[ае])н$")
"""The ``-н-`` of an adjective (``транспортн``) or of a noun made from a verb (``процветан``, ``уважен``), where five
letters stay before it: ``местн`` (local) is kept apart from ``мест`` (places)."""
_RU_ROOT_LEAST = 4


def _russian_root(stem: str) -> str:
    """A Snowball Russian *stem* with the suffixes that make adjectives and nouns of one word taken off.

    Snowball removes endings, not the suffixes that turn a noun into an
    adjective or a verb into a noun, where English stems meet (``prosperous``
    and ``prosperity``): «процветающей» and «процветание» give ``процвета`` and
    ``процветан``, «уважают» and «уважение» ``уважа`` and ``уважен``,
    «энергетической» and «энергетика» ``энергетическ`` and ``энергетик``. This
    takes off ``-ическ``/``-ик``, ``-ционн``, ``-альн`` and ``-ийск``/``-ейск``
    («евразийский», «Евразия»), then an adjective's or verbal noun's ``-н`` where
    five letters stay, then the vowels left at the end, then, where five letters
    stay, a verb's ``-ов`` and an adjective's (``содействов``, ``финансов``) and
    a verb's ``-ир`` and a noun's ``-ац`` (``модернизир``, ``модернизац``),
    keeping at least four letters: each pair above meets (``процвет``,
    ``уваж``, ``энергет``), while «местный» (local) and «место» (place) do not.

    Example:
        >>> [_russian_root(stem) for stem in ("процветан", "процвета", "транспортн", "стран", "регион", "экономическ")]
        ['процвет', 'процвет', 'транспорт', 'стран', 'регион', 'эконом']
        >>> [_russian_root(stem) for stem in ("евразийск", "содействова", "модернизирова", "модернизац", "правов")]
        ['евраз', 'содейств', 'модерниз', 'модерниз', 'правов']
    """
    if len(stem) <= _RU_ROOT_LEAST:
        return stem
    for suffix, kept in (("ическ", ""), ("ционн", "ц"), ("цион", "ц"), ("альн", ""), ("ийск", ""), ("ейск", "")):
        if stem.endswith(suffix) and len(stem) - len(suffix) >= _RU_ROOT_LEAST:
            stem = stem[: -len(suffix)] + kept
            break
    else:
        if stem.endswith("ик") and len(stem) - 2 >= _RU_ROOT_LEAST + 1:
            stem = stem[:-2]
    stem = _RU_ADJECTIVE_N.sub("", stem)
    while len(stem) > _RU_ROOT_LEAST and stem[-1] in _RU_VOWELS:
        stem = stem[:-1]
    if stem.endswith("ов") and len(stem) - 2 > _RU_ROOT_LEAST:
        stem = stem[:-2]  # a verb's -овать (содействовать), an adjective's -овый (финансовый)
    if stem.endswith(("ир", "ац")) and len(stem) - 2 > _RU_ROOT_LEAST:
        stem = stem[:-2]  # a verb's -ировать and a noun's -ация (модернизировать, модернизация)
    return stem


_Compiled = tuple[tuple[str, ...], str | None]


def compile_phrase(words: Sequence[str], stem: Callable[[str], str], *, prefix: bool) -> _Compiled | None:
    """A phrase's words as whole-word stems, the last kept as a prefix where *prefix* (a form ending in ``*``).

    Example:
        >>> compile_phrase(["belt", "road"], str.upper, prefix=False)
        (('BELT', 'ROAD'), None)
        >>> compile_phrase(["water", "resourc"], str.upper, prefix=True)
        (('WATER',), 'resourc')
    """
    if not words:
        return None
    if prefix:
        return tuple(stem(word) for word in words[:-1]), words[-1]
    return tuple(stem(word) for word in words), None


def _compile_russian(form: str) -> _Compiled | None:
    words = [word.casefold().replace("ё", "е") for word in _WORD.findall(form.removesuffix("*"))]
    return compile_phrase(words, _russian_stem, prefix=form.endswith("*"))


_BREAK = re.compile(r"[,;:.!?()\[\]\u3001\uff0c\uff1b\uff1a]")
"""Punctuation that ends a phrase: a phrase or a guard never runs across it ("economic, security" is two fields)."""


def punctuation_in(form: str) -> int:
    """How many punctuation marks a concept's form holds, which a text's phrase may then run across.

    Example:
        >>> punctuation_in("one belt, one road"), punctuation_in("belt and road")
        (1, 0)
    """
    return len(_BREAK.findall(form))


def clauses(text: str, spans: Sequence[tuple[str, int, int]]) -> list[int]:
    """The number of the stretch between punctuation that each word of *spans* stands in.

    Words of one phrase stand in one stretch, unless the phrase's form holds
    punctuation itself: a list of fields ("politics, economy, security") names
    each field, not a phrase made of two of them. Dashes, quotes, hyphens and
    apostrophes do not break a stretch.

    Example:
        >>> text = "economic, security and food security"
        >>> clauses(text, [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)])
        [0, 1, 1, 1, 1]
    """
    found: list[int] = []
    stretch, end = 0, 0
    for _token, start, stop in spans:
        if found and _BREAK.search(text, end, start):
            stretch += 1
        found.append(stretch)
        end = stop
    return found


class _Russian:
    """The Russian forms of a lexicon's concepts, stop words, places and formulaic words."""

    def __init__(self, concept_ids: Iterable[str]) -> None:
        resources = _resources("ru")
        wanted = set(concept_ids)
        self.phrases: list[_Entry] = []
        for concept, entries in resources["concepts"].items():
            if concept in wanted:
                for form, _reason in entries:
                    compiled = _compile_russian(form)
                    if compiled is not None:
                        self.phrases.append((*compiled, "@" + concept, punctuation_in(form)))
        for place, names in resources["places"].items():
            for form in names:
                compiled = _compile_russian(form)
                if compiled is not None:
                    self.phrases.append((*compiled, _english_stem(place), punctuation_in(form)))
        self.phrases.sort(key=lambda entry: -len(entry[0]))
        self.by_stem, self.by_letters = _indexed(self.phrases)
        self.guards = tuple(
            compiled[0]
            for compiled in (_compile_russian(form) for form, _reason in resources.get("guards", ()))
            if compiled is not None and compiled[0]
        )
        self.stopwords = frozenset(word.replace("ё", "е") for word in resources["stopwords"])


_Entry = tuple[tuple[str, ...], str | None, str, int]  # stems, final prefix, feature, punctuation the form holds


def _indexed(phrases: list[_Entry]) -> tuple[dict[str, list[_Entry]], dict[str, list[tuple[str, str]]]]:
    """The phrases by the stem of their first word; one word with any ending, by its first two letters."""
    by_stem: dict[str, list[_Entry]] = {}
    by_letters: dict[str, list[tuple[str, str]]] = {}
    for phrase, prefix, feature, breaks in phrases:
        if phrase:
            by_stem.setdefault(phrase[0], []).append((phrase, prefix, feature, breaks))
        elif prefix is not None:
            by_letters.setdefault(prefix[:2], []).append((prefix, feature))
    return by_stem, by_letters


def _russian_phrases(
    lexicon: Lexicon,
    text: str,
    spans: Sequence[tuple[str, int, int]],
    *,
    resources: _Russian,
    words: Sequence[str],
    stems: Sequence[str],
) -> tuple[dict[str, list[str]], set[int]]:
    """The concepts and places of a Russian text, and the positions of the words they take up."""
    found: dict[str, list[str]] = {}
    absorbed: set[int] = set()
    stretches = clauses(text, spans)  # as in English, no phrase or guard runs across punctuation
    guarded = _guarded_spans(
        (position, len(guard))
        for guard in resources.guards
        for position in range(len(stems) - len(guard) + 1)
        if tuple(stems[position : position + len(guard)]) == guard
        and stretches[position] == stretches[position + len(guard) - 1]
    )
    for position in range(len(spans)):
        candidates = [
            *resources.by_stem.get(stems[position], ()),
            *(((), prefix, feature, 0) for prefix, feature in resources.by_letters.get(words[position][:2], ())),
        ]
        for phrase, prefix, feature, breaks in candidates:
            last = position + len(phrase) + (prefix is not None)
            if last > len(spans) or tuple(stems[position : position + len(phrase)]) != phrase:
                continue
            if prefix is not None and not words[last - 1].startswith(prefix):
                continue
            if stretches[last - 1] - stretches[position] != breaks:
                continue  # «экономики, безопасности»: two fields of a list, not one phrase
            if feature[0] == "@" and _inside_name(guarded, position, last):
                continue  # a concept's word inside a name («безопасности» in the GSI's) names no concept of its own
            found.setdefault(feature, []).append(text[spans[position][1] : spans[last - 1][2]])
            if feature[0] != "@" or lexicon.concept(feature[1:]).weight < 1:
                absorbed.update(range(position, last))  # a place's words are the place; a formula's count little
    return found, absorbed


def _russian(lexicon: Lexicon, text: str) -> dict[str, list[str]]:
    resources: _Russian = _memo(lexicon, "ru", lambda: _Russian(concept.id for concept in lexicon.concepts))
    spans = [(match.group(), match.start(), match.end()) for match in _WORD.finditer(text)]
    words = [token.casefold().replace("ё", "е") for token, _, _ in spans]
    stems = [_russian_stem(word) for word in words]
    found, absorbed = _russian_phrases(lexicon, text, spans, resources=resources, words=words, stems=stems)
    for position, (token, start, end) in enumerate(spans):
        if words[position] in resources.stopwords or position in absorbed:
            continue
        if not _CYRILLIC.search(token):
            continue  # Latin-script words are read as English, digits as numbers, below
        found.setdefault(stems[position], []).append(text[start:end])
    for number in _DIGITS.finditer(unicodedata.normalize("NFKC", text) if not text.isascii() else text):
        found.setdefault(number.group(), []).append(number.group())
    return found


# --- Both -----------------------------------------------------------------------------------------------------


def _memo(lexicon: Lexicon, language: str, build: Callable[[], Any]) -> Any:
    key = ("language-resources", language)
    found = lexicon.memo.get(key)
    if found is None:
        found = lexicon.memo[key] = build()
    return found


def _latin_part(lexicon: Lexicon, text: str, found: dict[str, list[str]]) -> None:
    """Add the features of the Latin-script words of *text* (``COVID-19``, ``5G``), read as English."""
    if not _LATIN.search(text):
        return
    latin = _NOT_LATIN.sub(" ", text)  # one character for one: the spans stay those of the text
    if "(" in latin:
        latin = _GLOSS.sub(lambda match: " " * len(match.group()), text)
        latin = _NOT_LATIN.sub(" ", latin)
    for feature, surfaces in lexicon.analyse(latin).features.items():
        if feature.isdigit():
            continue  # numbers are found in the whole text already
        found.setdefault(feature, []).extend(surfaces)


def features_in(lexicon: Lexicon, text: str, language: str) -> dict[str, tuple[str, ...]]:
    """The features of *text* read as *language* (``"zh"`` or ``"ru"``), each with the words that gave it.

    :meth:`Lexicon.analyse_in <c5statement.Lexicon.analyse_in>` makes them an analysis and keeps it.

    Example:
        >>> from c5statement import default_lexicon
        >>> features_in(default_lexicon(), "打击三股势力", "zh")["@counter-terrorism"]
        ('三股势力',)
    """
    found = _chinese(lexicon, text) if language == "zh" else _russian(lexicon, text)
    _latin_part(lexicon, text, found)
    return {feature: tuple(dict.fromkeys(words)) for feature, words in found.items()}


def content_words(text: str) -> tuple[str, ...] | None:
    """The matching forms of the words of a Chinese or Russian *text*, in order; ``None`` for English.

    Chinese gives its character pairs, Russian the stems of its words but
    function words (what :func:`c5statement._lexicon.normalise_words` returns).

    Example:
        >>> content_words("一带一路"), content_words("Поясу и пути"), content_words("Belt and Road")
        (('一带', '带一', '一路'), ('пояс', 'пут'), None)
    """
    language = detect_language(text)
    if language == "zh":
        folded = _folded(text)[0]
        return tuple(folded[start : start + 2] for start in _bigrams(folded, set()))
    if language == "ru":
        stopwords = frozenset(word.replace("ё", "е") for word in _resources("ru")["stopwords"])
        words = [word.casefold().replace("ё", "е") for word in _WORD.findall(text)]
        return tuple(_russian_stem(word) for word in words if word not in stopwords)
    return None


RESOURCES = ("lexicon-zh.json", "hant-hans.txt", "lexicon-ru.json", "background-ru.txt")
"""The packaged files the Chinese and Russian matching reads (what a lexicon's fingerprint covers beyond itself)."""


@functools.cache
def resources_digest() -> str:
    """A SHA-256 hex digest of the packaged Chinese and Russian resources, read as bytes (nothing is parsed).

    Example:
        >>> len(resources_digest())
        64
    """
    from ._data import read_packaged

    digest = hashlib.sha256()
    for name in RESOURCES:
        digest.update(name.encode("ascii") + b"\0" + read_packaged(name) + b"\0")
    return digest.hexdigest()


@functools.cache
def _weak_chinese() -> tuple[frozenset[str], frozenset[str]]:
    resources = _resources("zh")
    return frozenset(resources["boilerplate"]), frozenset(resources["function_characters"])


@functools.cache
def _weak_russian() -> tuple[tuple[str, ...], frozenset[str]]:
    """The formulaic words' prefixes as stems begin, and their own stems (``ази*`` gives ``аз``, the stem of «Азии»)."""
    forms = [form.removesuffix("*") for form in _resources("ru")["boilerplate"]]
    return tuple(_russian_root(form) for form in forms), frozenset(_russian_stem(form) for form in forms)


@functools.cache
def _russian_background() -> dict[str, float]:
    """The weights of the Russian stems the packaged Russian background uses, as English words weigh against theirs.

    ``data/background-ru.txt`` is ``data/background.txt`` put into Russian line
    by line: a stem many of its lines use weighs little (``log1p(lines /
    lines using it) / log1p(lines)``), a stem none uses is left to the default.
    """
    from ._data import read_packaged

    stopwords = frozenset(word.replace("ё", "е") for word in _resources("ru")["stopwords"])
    lines = [
        line
        for line in read_packaged("background-ru.txt").decode("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    counts: Counter[str] = Counter()
    for line in lines:
        words = (word.casefold().replace("ё", "е") for word in _WORD.findall(line))
        counts.update({_russian_stem(word) for word in words if word not in stopwords and _CYRILLIC.search(word)})
    floor = math.log1p(len(lines))
    return {stem: math.log1p(len(lines) / count) / floor for stem, count in counts.items()}


def word_weight(feature: str) -> float | None:
    """The weight (before scaling) of a Chinese or Russian word feature; ``None`` where the English weighing applies.

    A Chinese character pair always has one: :data:`CHINESE_PAIR_SHARE` of an
    unseen English word's weight, or of :data:`WEAK_WEIGHT` for a formulaic
    pair. A Russian word weighs :data:`WEAK_WEIGHT` if formulaic, else as the
    Russian background gives it (:func:`_russian_background`), as an English
    word weighs against the English background; ``None`` for a word the
    background does not use, and for any other feature.
    """
    if _HAN_CHARACTER.match(feature):
        formulaic, grammar = _weak_chinese()
        weak = feature in formulaic or not grammar.isdisjoint(feature)
        return CHINESE_PAIR_SHARE * (WEAK_WEIGHT if weak else 1.0)
    if _CYRILLIC.match(feature):
        prefixes, stems = _weak_russian()
        if feature.startswith(prefixes) or feature in stems:
            return WEAK_WEIGHT
        return _russian_background().get(feature)
    return None


_RU_GLUE = frozenset("и в во на с со по для о об к из а или также".split())  # noqa: SIM905 - words read best as text


def glue(words: Sequence[str]) -> bool:
    """Whether *words*, equal text between two word edits, are short enough to read as part of one run.

    That is one Chinese character (``保障`` to ``确保`` is one run, not two
    edits around ``保``), or up to three Russian function words and commas.

    Example:
        >>> glue(["保"]), glue(["и", "в"]), glue(["сотрудничество"])
        (True, True, False)
    """
    if len(words) == 1 and _HAN_CHARACTER.fullmatch(words[0]):
        return True
    return 0 < len(words) <= 3 and all(word.casefold() in _RU_GLUE or word == "," for word in words)  # noqa: PLR2004


def is_shared(feature: str) -> bool:
    """Whether *feature* can be shared across languages: a concept, a number, or a Latin-script word (a place)."""
    return feature[0] == "@" or feature.isascii()


class PairLexicon:
    """A lexicon seen through the languages of two statements: texts read in the language given for their side.

    When the two languages differ, features are only those shared across
    languages (:func:`is_shared`): concepts, places, numbers.
    """

    def __init__(self, lexicon: Lexicon, languages: Mapping[str, str], *, across: bool) -> None:
        self.lexicon = lexicon
        self.languages = languages
        self.across = across
        # What is kept from a text's weights (its phrases, evidence) depends on the languages it is read in
        # and on whether only shared features count: each such view keeps its own, inside the lexicon's memo.
        view = ("pair view", across, tuple(sorted(set(languages.values()))))
        memo = lexicon.memo.get(view)
        if not isinstance(memo, dict):
            memo = lexicon.memo[view] = {}
        self.memo: dict[Any, Any] = memo
        self._weights: dict[str, Mapping[str, float]] = {}

    def analyse(self, text: str) -> Analysis:
        """The features of *text*, read in the language its statement is in."""
        language = self.languages.get(text)
        return self.lexicon.analyse_in(text, language) if language else self.lexicon.analyse(text)

    def weights(self, text: str) -> Mapping[str, float]:
        """The weighted features of *text*; across languages, only the shared ones."""
        found = self._weights.get(text)
        if found is None:
            weight = self.lexicon.weight
            found = MappingProxyType(
                {
                    feature: weight(feature)
                    for feature in self.analyse(text).features
                    if not self.across or is_shared(feature)
                }
            )
            self._weights[text] = found
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self.lexicon, name)


def statement_language(texts: Sequence[str]) -> str:
    """The language of a statement: that of most of its characters, judged on its first points."""
    sample = " ".join(texts[:24])
    return detect_language(sample)


def for_pair(
    lexicon: Lexicon, old: Sequence[str], new: Sequence[str], languages: tuple[str | None, str | None] = (None, None)
) -> Lexicon:
    """The lexicon to compare two statements' texts with: the lexicon itself for two English statements."""
    if languages == (None, None) and not any(_OTHER_SCRIPT.search(text) for text in (*old, *new)):
        return lexicon  # English on both sides: the lexicon reads every text
    for language in languages:
        if language is not None and language not in LANGUAGES:
            known = ", ".join(LANGUAGES)
            msg = f"unknown language {language!r}: expected one of {known}"
            raise ValueError(msg)
    old_language = languages[0] or statement_language(old)
    new_language = languages[1] or statement_language(new)
    if old_language == new_language == "en" or (languages == (None, None) and old_language == new_language):
        return lexicon  # each text is read in the language detected for it
    by_text = dict.fromkeys(old, old_language)
    by_text.update((text, new_language) for text in new)
    return cast("Lexicon", PairLexicon(lexicon, by_text, across=old_language != new_language))
