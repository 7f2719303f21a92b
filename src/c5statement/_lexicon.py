"""Word normalisation and the concept lexicon used to match reworded points.

Matching never changes the text shown to people; it works on *features* drawn
from a text:

- **Words.** The text is case-folded (NFKC), curly apostrophes become straight
  ones, hyphenated and apostrophe forms are split (``intra-Afghan`` gives
  ``intra`` and ``afghan``), demonyms and capitals become their country
  (``Afghan`` and ``Kabul`` give ``afghanistan``), common function words are
  dropped, and every remaining word is reduced to its stem by the Snowball
  English stemmer (``peaceful`` and ``peace`` meet; so do ``prosperous`` and
  ``prosperity``). PyStemmer, which runs the same algorithm faster, is used
  where it is installed.
- **Concepts.** A :class:`Lexicon` maps words and phrases to concepts of the
  field: ``pandemic``, ``epidemic``, ``COVID-19`` and ``medical and health``
  all give the concept ``health``; ``three evil forces`` gives
  ``counter-terrorism``. A phrase matches the stems of consecutive words, so
  ``pandemics`` matches ``pandemic``; a phrase whose last word ends in ``*``
  matches any word beginning with it. Every theme of the vocabulary is a
  concept too, built from its keywords (:attr:`Theme.keywords`), so the theme
  keywords and the lexicon cannot drift apart; the packaged lexicon adds finer
  concepts, each with the reason it exists.

Each feature has a weight. A word weighs by how rare it is in a packaged
background of formulaic statement phrasing written for this project
(``data/background.txt``): ``parties``, ``strengthen`` and ``cooperation`` weigh
little, ``desertification`` a lot. A concept weighs :attr:`Concept.weight`;
boilerplate concepts (``community with a shared future``) weigh little.

Nothing here is loaded at import time: the stemmer, the lexicon and the
background load on the first diff.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs

from ._check import Checker, Validated, real, rule
from ._errors import InvalidStatementError, InvalidTypeError
from ._themes import THEMES, Theme

__all__ = ["Analysis", "Concept", "Lexicon", "default_lexicon", "normalise_words"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
WORD_SCALE = 0.6
"""The weight of a word against a concept: a word's background weight (0 to 1) is scaled by this."""

_CACHE_SIZE = 1 << 14
"""How many words, and how many texts, a lexicon keeps analysed before it starts afresh."""
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})

# Demonyms, adjectives and capitals of the states these statements name, to one form.
_PLACES: Mapping[str, str] = {
    "afghan": "afghanistan",
    "afghans": "afghanistan",
    "kabul": "afghanistan",
    "kazakh": "kazakhstan",
    "kazakhstani": "kazakhstan",
    "kazakhs": "kazakhstan",
    "astana": "kazakhstan",
    "nur": "kazakhstan",
    "sultan": "kazakhstan",
    "kyrgyz": "kyrgyzstan",
    "kirghiz": "kyrgyzstan",
    "bishkek": "kyrgyzstan",
    "tajik": "tajikistan",
    "tajiks": "tajikistan",
    "dushanbe": "tajikistan",
    "turkmen": "turkmenistan",
    "turkmens": "turkmenistan",
    "ashgabat": "turkmenistan",
    "uzbek": "uzbekistan",
    "uzbeks": "uzbekistan",
    "tashkent": "uzbekistan",
    "chinese": "china",
    "beijing": "china",
    "prc": "china",
    "russian": "russia",
    "moscow": "russia",
    "european": "europe",
    "eurasian": "eurasia",
    "asian": "asia",
}

# Function words carry no content of their own.
_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be been before being below between both
    but by can could did do does doing down during each few for from further had has have having he her here hers
    him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our
    ours out over own s same she should so some such t than that the their theirs them then there these they this
    those through to too under until up upon very was we were what when where which while who whom why will with
    would you your yours shall may might must within without via per thus hereby whereas among amongst""".split()  # noqa: SIM905 - a list of words reads best as text
)


@functools.cache
def _stem_function() -> Callable[[str], str]:
    try:
        import Stemmer  # PyStemmer: the same algorithm in C, optional
    except ImportError:
        import snowballstemmer

        return snowballstemmer.stemmer("english").stemWord  # type: ignore[no-any-return]
    return Stemmer.Stemmer("english").stemWord  # type: ignore[no-any-return]  # pragma: no cover - optional


# Words the stemmer joins to words of another meaning ("important" to "import").
_STEM_OVERRIDES: Mapping[str, str] = {
    "important": "important",
    "importance": "important",
    "importantly": "important",
    "organization": "organization",
    "organizations": "organization",
    "organisation": "organization",
    "organisations": "organization",
    "general": "general",
    "generally": "general",
}


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    override = _STEM_OVERRIDES.get(word)
    if override is not None:
        return override
    return _stem_function()(_PLACES.get(word, word))


def _lowered(text: str) -> str:
    text = text.translate(_APOSTROPHES)
    return text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()


def _split(text: str) -> list[str]:
    """The matching forms of the words of *text*, hyphen and apostrophe forms split."""
    return [_lowered(match.group()) for match in _WORD.finditer(text.translate(_APOSTROPHES))]


def normalise_words(text: str) -> list[str]:
    """Return the matching form of every content word of *text*, in order.

    Example:
        >>> normalise_words("Peaceful, prosperous and intra-Afghan talks")
        ['peac', 'prosper', 'intra', 'afghanistan', 'talk']
    """
    return list(_stems(text))


@functools.lru_cache(maxsize=8192)
def _stems(text: str) -> tuple[str, ...]:
    if not text.isascii():  # Chinese character pairs, Russian stems
        from ._languages import content_words

        other = content_words(text)
        if other is not None:
            return other
    return tuple(_stem(word) for word in _split(text) if word not in _STOPWORDS)


def _phrases(value: Any) -> Any:
    """A list of phrases as a tuple; anything else (a bare string too) is left for validation to refuse."""
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen
class Concept(Validated):
    """One concept of the lexicon: the words and phrases that name it.

    Attributes:
        id: A slug naming the concept (``health``, ``counter-terrorism``).
        label: How the concept is shown in the evidence of a match.
        phrases: Lowercase words and phrases that name it. They match the stems
            of consecutive words; a trailing ``*`` matches any ending.
        reason: Why the entry exists: which rewordings it lets meet.
        theme: The theme slug the concept belongs to, if any.
        weight: How much sharing it counts, relative to a rare word (about 1);
            boilerplate concepts weigh little.

    A concept is checked as it is built, like every class of the package: a
    bare string for *phrases* (which would match its single letters), a weight
    that is not a finite number of 0 or more, or a blank label is an
    :class:`~c5statement.InvalidStatementError` naming the field (an
    :class:`~c5statement.InvalidTypeError` for a value of the wrong type).

    Example:
        >>> concept = Concept("health", "health", ("pandemic", "epidemic"), "COVID-era rewordings")
        >>> concept.weight
        2.0
        >>> Concept("health", "health", "pandemic", "", weight=-1)
        Traceback (most recent call last):
        ...
        c5statement.InvalidTypeError: invalid statement data (2 problems):
          $.phrases: must be a tuple, got str
          $.weight: must be 0 or more, got -1.0
    """

    id: str = attrs.field(metadata=rule(Checker.text))
    label: str = attrs.field(metadata=rule(Checker.text))
    phrases: tuple[str, ...] = attrs.field(converter=_phrases, metadata=rule(Checker.texts))
    reason: str = attrs.field(metadata=rule(Checker.string))
    theme: str | None = attrs.field(default=None, metadata=rule(Checker.slug))
    weight: float = attrs.field(default=2.0, converter=real, metadata=rule(Checker.weight))


@attrs.frozen
class Analysis:
    """The matching features of one text, with where each was found.

    Attributes:
        features: Each feature (a word stem, or ``@`` and a concept id) with the
            words of the text that gave it, as written, in order of appearance.

    Example:
        >>> analysis = default_lexicon().analyse("Fight the pandemic together.")
        >>> analysis.features["@health"]
        ('pandemic',)
    """

    features: Mapping[str, tuple[str, ...]]


_Phrase = tuple[tuple[str, ...], str | None, str, int]  # whole-word stems, a final prefix or None, the concept,
# and the punctuation marks the phrase holds ("one belt, one road" holds one: a text's comma there is no break)


def _compile(phrase: str) -> tuple[tuple[str, ...], str | None] | None:
    from ._languages import compile_phrase

    return compile_phrase(_split(phrase.removesuffix("*")), _stem, prefix=phrase.endswith("*"))


class Lexicon:
    """A set of concepts, ready to find them in texts.

    Args:
        concepts: The concepts, in order of precedence for their labels.
        background: Texts of formulaic statement phrasing; a word used in many
            of them weighs little. ``None`` gives every word the same weight.
        guards: Names and places whose words name no concept of their own
            ("West Bank" is not banking, the Security Council is no security
            cooperation): no phrase of a concept starts inside a guard, but a
            phrase that starts where the guard does and covers it all
            (``west bank`` names the Middle East).

    Example:
        >>> lexicon = Lexicon([Concept("water", "water", ("irrigation", "water resource*"), "")])
        >>> sorted(lexicon.analyse("Water resources and irrigation canals.").features)
        ['@water', 'canal', 'irrig', 'resourc', 'water']
    """

    def __init__(
        self, concepts: Iterable[Concept], *, background: Iterable[str] | None = None, guards: Iterable[str] = ()
    ) -> None:
        self.concepts: tuple[Concept, ...] = tuple(concepts)
        self.guards: tuple[str, ...] = tuple(guards)
        """The guarded names and places, as given."""
        problems = [
            (f"$.concepts[{index}]", f"expected a Concept, got {type(concept).__name__}")
            for index, concept in enumerate(self.concepts)
            if not isinstance(concept, Concept)
        ]
        if problems:
            raise InvalidTypeError(problems)
        self._by_id = {concept.id: concept for concept in self.concepts}
        self._phrases: dict[str, list[_Phrase]] = {}
        self._prefixes: dict[str, list[tuple[str, str]]] = {}  # by their first two letters
        from ._languages import punctuation_in

        for concept in self.concepts:
            for phrase in concept.phrases:
                compiled = _compile(phrase)
                if compiled is None:
                    continue
                stems, prefix = compiled
                if not stems and prefix is not None:
                    self._prefixes.setdefault(prefix[:2], []).append((prefix, concept.id))
                elif stems:
                    breaks = punctuation_in(phrase)
                    self._phrases.setdefault(stems[0], []).append((stems, prefix, concept.id, breaks))
        for entries in self._phrases.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        self._guards = _compile_guards(self.guards)
        texts = None if background is None else tuple(background)
        self._background = None if texts is None else _digest(texts)
        self._word_weight = _background_weights(texts)
        self._words: dict[str, tuple[str, str, tuple[str, ...]]] = {}
        self._analyses: dict[str, Analysis] = {}
        self._weights: dict[str, Mapping[str, float]] = {}
        self.memo: dict[Any, Any] = {}
        """Results computed from this lexicon and kept for reuse (the evidence of pairs of texts), bounded."""

    def concept(self, concept_id: str) -> Concept:
        """Return the concept named *concept_id*.

        Example:
            >>> default_lexicon().concept("health").label
            'health'
        """
        return self._by_id[concept_id]

    def extended(self, concepts: Iterable[Concept]) -> Lexicon:
        """Return a lexicon with *concepts* added; a concept with an existing id replaces it.

        Example:
            >>> lexicon = default_lexicon().extended([Concept("space", "space", ("satellite*", "BeiDou"), "")])
            >>> "@space" in lexicon.analyse("BeiDou navigation").features
            True
        """
        extra = tuple(concepts)
        replaced = {concept.id for concept in extra if isinstance(concept, Concept)}
        kept = [concept for concept in self.concepts if concept.id not in replaced]
        lexicon = Lexicon([*kept, *extra], guards=self.guards)
        lexicon._word_weight = self._word_weight  # the same background, not read again
        lexicon._background = self._background
        return lexicon

    @functools.cached_property
    def fingerprint(self) -> str:
        """A SHA-256 hex digest of the concepts, guards and background: what a result made with the lexicon cites.

        Two lexicons with the same concepts (in the same order) and the same
        background texts have the same fingerprint; a diff records the
        fingerprint of the lexicon it was made with. It also covers the
        packaged Chinese and Russian forms of the concepts, the Russian
        background and the table of Traditional characters, which every
        lexicon reads when it meets a text in those languages.

        Example:
            >>> lexicon = default_lexicon()
            >>> len(lexicon.fingerprint), lexicon.extended([]).fingerprint == lexicon.fingerprint
            (64, True)
            >>> lexicon.extended([Concept("space", "space", ("satellite*",), "")]).fingerprint == lexicon.fingerprint
            False
        """
        concepts = [attrs.asdict(concept) for concept in self.concepts]
        content: dict[str, Any] = {"concepts": concepts, "background": self._background}
        if self.guards:  # a lexicon without guards keeps the fingerprint it had before guards existed
            content["guards"] = list(self.guards)
        from ._languages import resources_digest

        content["languages"] = resources_digest()
        return _digest([json.dumps(content, sort_keys=True)])

    def weight(self, feature: str) -> float:
        """Return how much sharing *feature* counts: rare words and strong concepts weigh most.

        Example:
            >>> lexicon = default_lexicon()
            >>> lexicon.weight("cooper") < lexicon.weight("desertif")
            True
        """
        if feature.startswith("@"):
            concept = self._by_id.get(feature[1:])
            return concept.weight if concept is not None else 1.0
        if not feature.isascii():  # a Chinese or Russian word: formulaic ones weigh little
            from ._languages import word_weight

            weak = word_weight(feature)
            if weak is not None:
                return WORD_SCALE * weak
        return WORD_SCALE * self._word_weight(feature)

    def weights(self, text: str) -> Mapping[str, float]:
        """Return the features of *text* with their weights (cached by text, read-only).

        Example:
            >>> weights = default_lexicon().weights("the pandemic")
            >>> weights["@health"] > weights["pandem"]
            True
        """
        found = self._weights.get(text)
        if found is None:
            found = MappingProxyType({feature: self.weight(feature) for feature in self.analyse(text).features})
            if len(self._weights) >= _CACHE_SIZE:
                self._weights.clear()
            self._weights[text] = found
        return found

    def _word(self, token: str) -> tuple[str, str, tuple[str, ...]]:
        """A token's matching form, stem and the concepts its prefix names, computed once per lexicon."""
        found = self._words.get(token)
        if found is None:
            word = _lowered(token)
            candidates = [*self._prefixes.get(word[:2], ()), *self._prefixes.get(word[:1], ())]
            prefixed = tuple(concept for prefix, concept in candidates if word.startswith(prefix))
            found = (word, _stem(word), prefixed)
            if len(self._words) >= _CACHE_SIZE:
                self._words.clear()
            self._words[token] = found
        return found

    def analyse(self, text: str) -> Analysis:
        """Return the features of *text*: its word stems and the concepts it names.

        Analyses are cached by text, so a series of diffs analyses each text once.

        Example:
            >>> sorted(default_lexicon().analyse("the three evil forces").features)
            ['@counter-terrorism', '@security', 'evil', 'forc', 'three']
        """
        if not isinstance(text, str):
            raise InvalidTypeError([("$", f"expected a text, got {type(text).__name__}")])
        cached = self._analyses.get(text)
        if cached is None:
            cached = _in_other_language(self, text) or self._analyse(text)
            if len(self._analyses) >= _CACHE_SIZE:
                self._analyses.clear()
            self._analyses[text] = cached
        return cached

    def analyse_in(self, text: str, language: str) -> Analysis:
        """Return the features of *text* read as *language* (``"en"``, ``"zh"`` or ``"ru"``), whatever it looks like.

        :meth:`analyse` detects the language of each text; a record that says
        its language (:attr:`Meeting.language <c5statement.Meeting>`) is read
        in it. Chinese gives pairs of neighbouring characters and the Chinese
        forms of the concepts, Russian the stems of its words and their
        Russian forms (see :mod:`c5statement._languages`).

        Example:
            >>> sorted(default_lexicon().analyse_in("Стороны осуждают терроризм.", "ru").features)
            ['@counter-terrorism', '@security', 'осужд', 'сторон', 'терроризм']
        """
        if language not in ("zh", "ru"):
            return self.analyse(text)
        key = ("analysis", language, text)
        found: Analysis | None = self.memo.get(key)
        if found is None:
            from ._languages import features_in

            found = Analysis(features_in(self, text, language))
            if len(self.memo) >= _CACHE_SIZE:
                self.memo.clear()
            self.memo[key] = found
        return found

    def _analyse(self, text: str) -> Analysis:
        from ._languages import clauses

        found: dict[str, list[str]] = {}
        # The translation maps characters one to one, so spans stay those of the text.
        spans = [(match.group(), match.start(), match.end()) for match in _WORD.finditer(text.translate(_APOSTROPHES))]
        words = [self._word(token) for token, _, _ in spans]
        stems = [stem for _, stem, _ in words]
        absorbed: set[int] = set()  # words inside a boilerplate formula do not count on their own
        matches: list[tuple[int, int, str]] = []  # (first word, end word, concept) of every phrase found
        stretches = clauses(text, spans)  # the stretches between punctuation: a phrase lies in one
        for position in range(len(spans)):
            matches.extend((position, position + 1, concept) for concept in words[position][2])
            for phrase, prefix, concept, breaks in self._phrases.get(stems[position], ()):
                last = position + len(phrase) + (prefix is not None)
                if last > len(spans) or tuple(stems[position : position + len(phrase)]) != phrase:
                    continue
                unmet = prefix is not None and not words[last - 1][0].startswith(prefix)
                if unmet or stretches[last - 1] - stretches[position] != breaks:  # "economic, security": no phrase
                    continue
                matches.append((position, last, concept))
        guarded = _guarded(stems, self._guards, stretches)
        for first, last, concept in matches:
            span = guarded.get(first)
            if span is not None and not (first == span[0] and last >= span[1]):  # only one naming the whole guard
                continue
            found.setdefault("@" + concept, []).append(text[spans[first][1] : spans[last - 1][2]])
            if self._by_id[concept].weight < 1:
                absorbed.update(range(first, last))
        for position, (_, start, end) in enumerate(spans):
            if words[position][0] not in _STOPWORDS and position not in absorbed:
                found.setdefault(stems[position], []).append(text[start:end])
        return Analysis({feature: tuple(dict.fromkeys(words)) for feature, words in found.items()})


def _compile_guards(guards: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    """The stems of each guard phrase of two words or more, by its first stem."""
    compiled: dict[str, list[tuple[str, ...]]] = {}
    for guard in guards:
        if not isinstance(guard, str):
            raise InvalidTypeError([("$.guards", f"expected a phrase (str), got {type(guard).__name__}")])
        stems = tuple(_stem(word) for word in _split(guard))
        if len(stems) > 1:
            compiled.setdefault(stems[0], []).append(stems)
    return compiled


def _guarded(
    stems: list[str], guards: Mapping[str, list[tuple[str, ...]]], stretches: Sequence[int]
) -> dict[int, tuple[int, int]]:
    """The span (start, end) of the guarded name or place that each word stands in, by the word's position.

    A guard, like a phrase, lies within one stretch of *stretches* (see :func:`clauses`).
    """
    guarded: dict[int, tuple[int, int]] = {}
    for position, stem in enumerate(stems):
        for guard in guards.get(stem, ()):
            end = position + len(guard)
            if tuple(stems[position:end]) == guard and stretches[position] == stretches[end - 1]:
                span = (position, end)
                guarded.update(dict.fromkeys(range(*span), span))
    return guarded


def _digest(texts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def _in_other_language(lexicon: Lexicon, text: str) -> Analysis | None:
    """The features of a Chinese or Russian text (:mod:`c5statement._languages`); ``None`` for English."""
    if text.isascii():
        return None
    from ._languages import detect_language

    language = detect_language(text)
    return None if language == "en" else lexicon.analyse_in(text, language)


def _background_weights(texts: Iterable[str] | None) -> Callable[[str], float]:
    if texts is None:
        return lambda _feature: 1.0
    documents = [frozenset(normalise_words(text)) for text in texts]
    counts = Counter(stem for document in documents for stem in document)
    size = len(documents)
    floor = math.log1p(size)
    # A word never seen in the background is as rare as one seen once; the most common weigh about 0.1.
    weights = {stem: math.log1p(size / count) / floor for stem, count in counts.items()}
    default = math.log1p(size) / floor
    return lambda feature: weights.get(feature, default)


def _theme_concept(theme: Theme) -> Concept:
    return Concept(
        theme.slug,
        theme.label.lower(),
        theme.keywords,
        f"the keywords of the theme {theme.slug!r}",
        theme=theme.slug,
        weight=1.0,
    )


def _concept_from_json(index: int, entry: Any) -> Concept:
    expected = {"id": str, "label": str, "phrases": list, "reason": str}
    problems = [
        (f"$.concepts[{index}].{key}", f"expected {kind.__name__}")
        for key, kind in expected.items()
        if not isinstance(entry.get(key) if isinstance(entry, dict) else None, kind)
    ]
    if problems:
        raise InvalidStatementError(problems)
    return Concept(
        entry["id"],
        entry["label"],
        tuple(entry["phrases"]),
        entry["reason"],
        theme=entry.get("theme"),
        weight=float(entry.get("weight", 2.0)),
    )


@functools.cache
def default_lexicon() -> Lexicon:
    """Return the packaged lexicon: every theme as a concept, the finer concepts of ``data/lexicon.json``.

    Word weights come from the packaged background (``data/background.txt``).

    Example:
        >>> lexicon = default_lexicon()
        >>> lexicon.concept("counter-terrorism").theme
        'security'
        >>> sorted(lexicon.analyse("COVID-19").features)
        ['19', '@covid', '@health', 'covid']
    """
    from ._data import read_packaged

    document = json.loads(read_packaged("lexicon.json"))
    concepts = {theme.slug: _theme_concept(theme) for theme in THEMES.values()}
    for index, entry in enumerate(document["concepts"]):
        concept = _concept_from_json(index, entry)
        base = concepts.get(concept.id)
        if base is not None:  # an entry named after a theme adds to the theme's own keywords
            concept = attrs.evolve(concept, phrases=base.phrases + concept.phrases)
        concepts[concept.id] = concept
    background = [
        line.strip()
        for line in read_packaged("background.txt").decode("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    guards = [entry["phrase"] for entry in document.get("guards", ())]
    return Lexicon(concepts.values(), background=background, guards=guards)
