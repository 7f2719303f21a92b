"""Alignment of consensus points: features, similarity, calibration and optimal assignment.

**Similarity.** Each point becomes weighted features (:mod:`c5statement._lexicon`):
word stems weighed by their rarity in a background of formulaic phrasing, and the
concepts of the lexicon that the text names. Within one comparison a feature also
weighs less the more points of either statement use it. The content similarity of
two points blends the weighted Dice coefficient of their features (how much of
both they share) with their containment (how much of the smaller one the other
holds), so that a short summary point and the long paragraph it summarises still
meet. A shared exact phrase of three rare content words counts at its full
weight, however long the paragraphs around it. Themes count only when both
points have some: themes on one side never lower a score.

**Calibration.** Raw similarities of real rewordings and of unrelated points
overlap, and where they overlap differs from one pair of statements to the next.
The default decision therefore turns each raw score into a *match score*
(:attr:`Match.similarity`, from 0 to 1), a logistic function of

- the raw score itself;
- how far it stands above what points of these same two statements score
  against each other (the pair's standing, in standard deviations above the
  mean of all pairs, shrunk toward a prior for small statements);
- whether each point is the other's best candidate (its rank);
- its margin over the runner-up candidates of either point.

A match score of 0.5 means "as likely as not the same commitment"; the threshold
of :func:`align` applies to it, so it means the same for every pair of
statements. A pair whose raw similarity is below :data:`RAW_FLOOR` scores at
most its raw similarity, so it never matches at any sensible threshold. A pair
that is each point's best by :data:`EVIDENT_MARGIN`, at a raw score of at least
:data:`EVIDENT_RAW`, sharing a specific concept or a phrase, between statements
related enough, scores at least 0.5 plus its margin: evidence the calibration
cannot argue away. With a custom similarity
function, the threshold applies to that function's scores as they are.

**Assignment.** Pairs that are clear (each the other's best by
:data:`AMBIGUITY_MARGIN`) are fixed; the rest fall into connected components,
each solved exactly by a Hungarian assignment (greedily above
:data:`~c5statement._solver.EXACT_LIMIT` points). A point left unmatched whose best candidate is
matched to another point, and scores well with it (or is its clear best on
specific evidence), is recorded as a second link of that match (a merge or a
split): :attr:`Match.also`.

**Scale.** Small statements are scored pair by pair. Larger ones take their
candidates from an inverted index of features: each point is scored only
against the few points of the other side with which it shares the most of its
rarest words, and points with the same text pair by hashing first. Each
distinct text is looked at once, and reads at most :data:`_POSTINGS` entries of
the index, however common its words: the work grows with the number of
points, never with the product of the sizes. Repeated texts pair in order.
"""

from __future__ import annotations

import bisect
import functools
import math
import numbers
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Protocol

import attrs

from ._check import Checker, Validated, real, rule
from ._coding import scores_use_themes
from ._cues import FIVE, names_central_asia, records_meeting
from ._errors import InvalidTypeError
from ._model import Point
from ._solver import components, solve

if TYPE_CHECKING:
    from ._lexicon import Lexicon

__all__ = [
    "AMBIGUITY_MARGIN",
    "DEFAULT_THRESHOLD",
    "RAW_FLOOR",
    "Alignment",
    "Evidence",
    "Match",
    "align",
    "evidence",
    "similarity",
    "tokens",
]

DEFAULT_THRESHOLD = 0.5
"""Pairs whose match score is below this count as a removed and an added point."""

AMBIGUITY_MARGIN = 0.1
"""A match whose score beats the runner-up by less than this is flagged ambiguous."""

THEME_WEIGHT = 0.2
"""The share of the theme overlap (shared themes over the fewer of the two) when both points have themes."""

RAW_FLOOR = 0.12
"""Below this raw content similarity, the match score is at most the raw score: such a pair never matches."""


EVIDENCE_WORD_WEIGHT = 0.4
"""A shared word is shown as evidence only if it weighs at least this (formulaic words do not)."""

RELATEDNESS_CAP = 0.5
"""Statements more related than this (as wholes) count as this related: many equal points prove nothing more."""

SECOND_LINK_SHARE = 0.75
"""A second link (a merge or a split) must share at least this part of its primary pair's raw score."""

EVIDENT_LINK_SHARE = 0.5
"""A second link on specific evidence (a second subject, or a split-off part) needs only this share."""

LINK_MARGIN = 0.05
"""A second link that is the free point's best by this raw margin, on specific evidence, is kept."""

LINK_RAW = 0.3
"""The least raw similarity of a merge link kept on specific evidence."""

SPLIT_RAW = 0.35
"""The least raw similarity of a split kept on specific evidence: it turns an added point into a continuation."""

LEFTOVER_RAW = 0.3
"""The least raw similarity of two points left unmatched that pair on specific evidence (the new one's best)."""

LEFTOVER_RELATED = 0.25
"""Points left unmatched pair only between statements at least this related (their median best raw score)."""

REMAINDER_RAW = 0.2
"""The least raw similarity of a new point still left over to the most similar old point left over, last of all.

Only between two statements on Central Asia (:func:`~c5statement._cues.names_central_asia`): of one relationship.
"""

BESIDE_RAW = 0.3
"""The least raw similarity of a new point left over that splits from its nearest old point, last of all,
because the new point just before or after it continues that old point (a commitment carried on over two
paragraphs). Only between two statements on Central Asia, like :data:`REMAINDER_RAW`.
"""

BESIDE_SHARE = 0.9
"""Such a split needs the new point's runner-up among the old points to score at most this share of its nearest."""

RECORD_RAW = 0.1
"""The least raw similarity of a new point left over that records the meeting to the old statement's record.

Only between two statements on Central Asia, after the other last steps: see :meth:`_Calibrated.record`.
"""


def _by_margin(margin: float) -> float:
    """The match score of a pair decided by its raw margin over the runner-up: 0.5 plus it, at most 0.9.

    0.5 is "as likely as not", so a threshold above it refuses the closest calls; the cap is :data:`EVIDENT_SCORE`.
    """
    return min(EVIDENT_SCORE, 0.5 + margin)


CONTAINMENT_SHARE = 0.5
"""The share of containment, against the Dice coefficient, in the content similarity."""
_DICE = 1 - CONTAINMENT_SHARE

CONCEPT_SHARE = 0.4
"""The share of the overlap of concepts alone in the content similarity, when both points name some."""

CONCEPT_PRIOR = 1.0
"""Concept weight added to each side before their concepts' overlap: one shared weak concept proves little."""

PHRASE_WORDS = 3
"""A shared exact phrase of this many content words (stopwords left out) or more counts at its full weight."""

PHRASE_RARITY = 0.85
"""A shared phrase counts only if its words weigh this much on average in the background (no formula does)."""

PHRASE_PRIOR = 3.0
"""The weight added to a shared phrase's own: its score is its weight over its weight plus this."""

EVIDENT_MARGIN = 0.1
"""A pair each point's best by this raw margin, sharing a specific concept or a phrase, is matched."""

EVIDENT_CONCEPT = 2.0
"""A shared concept this heavy (in the lexicon) is specific: enough, with a clear margin, for a match."""

EVIDENT_RAW = 0.35
"""The least raw similarity of a pair matched on evident grounds."""

EVIDENT_SCORE = 0.9
"""The most a match score raised on evident grounds can reach: half, plus the raw margin, up to this."""

EVIDENT_RELATED = 0.15
"""Evident grounds count only between statements at least this related (their median best raw score)."""

# The calibration: a logistic function of the raw score, its standing, rank and margin.
_BIAS = -10.5
_RAW = 4.0
_STANDING = 0.2
_MUTUAL = 3.9
_MARGIN = 2.5
_RELATED = 15.0
_PRIOR_MEAN = 0.10
_PRIOR_SPREAD = 0.07
_PRIOR_PAIRS = 24
_SAMPLE = 256
"""Large statements estimate the mean and spread of their pair scores from this many pairs."""
_LOGIT_LIMIT = 60.0
"""Logits are clipped to this size: beyond it the score is 0 or 1 to many digits, and exp() cannot overflow."""
_MEMO_SIZE = 1 << 14
"""The most results (the evidence of pairs of texts) a lexicon's memo keeps; when full, it is emptied."""

_DENSE_LIMIT = 1600
"""Up to this many pairs, every pair is scored: cheaper than building an index."""

_BLENDED_TOP = math.nextafter(1.0, 0.0)
"""The most a blended model's bonus raises two different texts to: a raw 1 is kept for equal texts, so they win."""

_CANDIDATES = 6
"""How many candidates, those sharing the most rare weight, each point is scored against."""

_POSTINGS = 256
"""At most this many entries of posting lists are read per distinct text to find its candidates (rarest first)."""

_RARE_MIN = 8
"""A word of at most this many texts of its side (or the square root of the count) is rare."""

_LEAD = 2
"""Features are read, rarest first, until one text alone shares the most of them, and at least this many."""

_WEAK = 0.7
"""A text whose best candidate's raw score is below this (or that has none) is looked at again, more widely."""

_WIDE_POSTINGS = 4096
"""At most this many entries of posting lists are read per weak text, its shared weight summed (rarest first)."""

_WIDE_CANDIDATES = 4
"""How many more candidates, those sharing the most weight, a weak text is scored against."""

_WIDE_SHARE = 0.7
"""A weak text's features are read, rarest first, until they carry this share of its weight."""

_NAMED = 2
"""A word of at most this many texts of its side, that the other side lacks, is a name of the text's own."""

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_HAN}]|[^\W{_HAN}]+(?:['\u2019\-][^\W{_HAN}]+)*|[^\w\s]", re.UNICODE)
"""Words, and punctuation marks; every Chinese character is a token of its own, Chinese having no spaces."""

Similarity = Callable[[Point, Point], float]


class _Link(Protocol):
    def __call__(self, i: int, j: int, *, old_unmatched: bool, primary: float) -> float: ...


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Split *text* into words and punctuation marks, with their character spans; each Chinese character is one.

    Example:
        >>> [token for token, _, _ in tokens("peace, stability and prosperity.")]
        ['peace', ',', 'stability', 'and', 'prosperity', '.']
        >>> [token for token, _, _ in tokens("和平稳定。")]
        ['和', '平', '稳', '定', '。']
    """
    return [(match.group(), match.start(), match.end()) for match in _TOKEN.finditer(text)]


@attrs.frozen
class Evidence(Validated):
    """One reason two points were matched: a concept or a term both contain.

    Attributes:
        label: The concept's label, or the shared word as the new point writes it.
        old: The words of the old point that name it, as written.
        new: The words of the new point that name it, as written.
        weight: How much it counted.

    Example:
        >>> item = Evidence("health", "epidemic", "pandemic", 2.0)
        >>> str(item)
        'health: epidemic ≈ pandemic'
    """

    label: str = attrs.field(metadata=rule(Checker.text))
    old: str = attrs.field(metadata=rule(Checker.text))
    new: str = attrs.field(metadata=rule(Checker.text))
    weight: float = attrs.field(converter=real, metadata=rule(Checker.weight))

    def __str__(self) -> str:
        if self.old.casefold() == self.new.casefold():
            return self.label if self.label.casefold() == self.new.casefold() else f"{self.label}: {self.new}"
        return f"{self.label}: {self.old} \u2248 {self.new}"


@attrs.frozen
class Match:
    """A pair of aligned points, by their positions in the old and new statements.

    Attributes:
        old: The old point's position (0-based).
        new: The new point's position (0-based).
        similarity: The match score, from 0 to 1.
        margin: How much the pair beats the runner-up candidate of either point.
        also: Positions of further old points that the new point continues (a
            merge), or, for an unmatched new point, the old points it splits from.

    Example:
        >>> Match(old=0, new=2, similarity=0.9, margin=0.5).new
        2
    """

    old: int
    new: int
    similarity: float
    margin: float
    also: tuple[int, ...] = ()


@attrs.frozen
class Alignment:
    """The result of :func:`align`.

    Attributes:
        matches: The matched pairs, in the order of the old statement.
        best_old: For each old point, the best match score to any new point
            that was computed (0 if none was).
        best_new: The same for each new point.
        compared: How many pairs had their similarity computed.
        nearest_old: For each old point, the position of the new point that
            gave its best score (``None`` if no pair scored above 0).
        nearest_new: For each new point, the position of the old point that
            gave its best score (``None`` if none did).
        splits: For each unmatched new point that continues an old point
            matched elsewhere, its position and that old point's position.
        last: The pairs (old position, new position) that the last step
            made from points both sides left over, matches and splits alike
            (:data:`REMAINDER_RAW`).
        beside: The splits (old position, new position) made after that, of
            a new point still left over from its nearest old point, because
            the new point before or after it continues that old point
            (:data:`BESIDE_RAW`). They are in :attr:`splits` too.
        records: The pairs (old position, new position), matches and splits,
            made last of all between a new point left over that records the
            meeting and the old statement's first point that records one
            (:data:`RECORD_RAW`).
        split_scores: The score of each of :attr:`splits`, in the same order:
            the score of the rule that made the split (at the threshold or
            above), which the calibrated score of the pair alone may be far
            under, since the old point is matched elsewhere.
        merge_scores: For each old point merged into a new one (a second link
            of a match, :attr:`Match.also`), its position and the score of the
            link, in the order of the old statement.

    Example:
        >>> result = align([Point(1, "trade grows.")], [Point(1, "trade grows fast.")])
        >>> len(result.matches), result.compared, result.nearest_new
        (1, 1, (0,))
    """

    matches: tuple[Match, ...]
    best_old: tuple[float, ...]
    best_new: tuple[float, ...]
    compared: int
    nearest_old: tuple[int | None, ...] = ()
    nearest_new: tuple[int | None, ...] = ()
    splits: tuple[tuple[int, int], ...] = ()
    last: tuple[tuple[int, int], ...] = ()
    beside: tuple[tuple[int, int], ...] = ()
    records: tuple[tuple[int, int], ...] = ()
    split_scores: tuple[float, ...] = attrs.field(default=())
    merge_scores: tuple[tuple[int, float], ...] = ()

    @split_scores.validator
    def _one_score_a_split(self, _: attrs.Attribute[tuple[float, ...]], scores: tuple[float, ...]) -> None:
        if len(scores) != len(self.splits):
            msg = f"split_scores: {len(scores)} scores for {len(self.splits)} splits"
            raise ValueError(msg)


class _Best:
    """Tracks the best and second-best score, with the best's partner, per row."""

    __slots__ = ("first", "partner", "second")

    def __init__(self, size: int) -> None:
        self.first = [0.0] * size
        self.second = [0.0] * size
        self.partner = [-1] * size

    def runner_up(self, index: int, partner: int) -> float:
        return self.second[index] if self.partner[index] == partner else self.first[index]

    def nearest(self) -> tuple[int | None, ...]:
        """The best partner of every row, ``None`` where no score was above 0."""
        return tuple(None if partner < 0 else partner for partner in self.partner)


def _bests(scores: Iterable[tuple[tuple[int, int], float]], old_size: int, new_size: int) -> tuple[_Best, _Best]:
    """The best and second-best score of every old point and of every new point, in one pass.

    A later pair replaces the best only if it scores higher, so ties go to the earlier pair.
    This runs over every pair scored, so the updates are written out.
    """
    best_old, best_new = _Best(old_size), _Best(new_size)
    old_first, old_second, old_partner = best_old.first, best_old.second, best_old.partner
    new_first, new_second, new_partner = best_new.first, best_new.second, best_new.partner
    for (i, j), score in scores:
        if score > old_first[i]:
            old_second[i], old_first[i], old_partner[i] = old_first[i], score, j
        elif score > old_second[i]:
            old_second[i] = score
        if score > new_first[j]:
            new_second[j], new_first[j], new_partner[j] = new_first[j], score, i
        elif score > new_second[j]:
            new_second[j] = score
    return best_old, best_new


Features = Mapping[str, float]
Totals = tuple[float, float]


def _lexicon(lexicon: Lexicon | None) -> Lexicon:
    if lexicon is not None:
        return lexicon
    from ._lexicon import default_lexicon

    return default_lexicon()


def _content(first: Features, second: Features, first_total: Totals, second_total: Totals) -> float:
    """Blend Dice and containment, over all features and over concepts alone.

    A feature weighs the same in both points (its weight depends on the two statements, not on the point).
    The sums run in the order of the first text's features, never a set's, so a score does not depend on
    the hash seed. This runs for every pair scored, so :func:`_overlap` is written out in it.
    """
    if len(second) < len(first):
        first, second, first_total, second_total = second, first, second_total, first_total
    shared = concepts = 0.0
    for feature, weight in first.items():
        if feature in second:
            shared += weight
            if feature[0] == "@":
                concepts += weight
    return _blend(shared, concepts, first_total, second_total)


def _blend(shared: float, concepts: float, first_total: Totals, second_total: Totals) -> float:
    """The content similarity from the weight two points share, all of it and that of concepts alone."""
    if shared <= 0:
        return 0.0
    small, large = first_total[0], second_total[0]
    # Comparisons, not min(): this runs for every pair scored, and a call costs more.
    score = _DICE * 2 * shared / (small + large) + CONTAINMENT_SHARE * shared / (small if small < large else large)  # noqa: FURB136
    small, large = first_total[1], second_total[1]
    if small > 0 and large > 0:
        small, large = small + CONCEPT_PRIOR, large + CONCEPT_PRIOR
        concept_score = _DICE * 2 * concepts / (small + large) + CONTAINMENT_SHARE * concepts / (
            small if small < large else large  # noqa: FURB136
        )
        score = (1 - CONCEPT_SHARE) * score + CONCEPT_SHARE * concept_score
    return min(1.0, score)


def _totals(features: Features) -> Totals:
    return (
        math.fsum(features.values()),
        math.fsum(weight for feature, weight in features.items() if feature[0] == "@"),
    )


def _with_themes(score: float, old: Point, new: Point) -> float:
    if not (old.themes and new.themes and scores_use_themes()):  # a coding changes no score unless asked
        return score
    overlap = len(old.themes & new.themes) / min(len(old.themes), len(new.themes))
    return (1 - THEME_WEIGHT) * score + THEME_WEIGHT * overlap


def similarity(old: Point, new: Point, *, lexicon: Lexicon | None = None) -> float:
    """Return how alike two points are in content, from 0 (nothing shared) to 1 (the same).

    The score blends the weighted Dice coefficient and the containment of the
    points' features: word stems and the concepts of *lexicon* (by default the
    packaged one), each weighed by its rarity in formulaic statement phrasing.
    An exact phrase of three or more rare content words that both points hold
    counts at its full weight, however long the text around it: the score is at
    least that phrase's. Themes count only inside
    :func:`c5statement.themes_in_scores`, and only when both points have some.
    Within :func:`c5statement.diff`, this raw score is calibrated against the
    other points of the two statements.

    Example:
        >>> a = Point(1, "all parties will strengthen agricultural cooperation.")
        >>> b = Point(4, "the sides agree to deepen cooperation in agriculture.")
        >>> c = Point(7, "the sides agree to deepen cooperation against terrorism.")
        >>> similarity(a, b) > 0.5 > similarity(a, c)
        True
        >>> similarity(a, a)
        1.0
    """
    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Point):
            raise InvalidTypeError([(f"$.{name}", f"expected a Point, got {type(value).__name__}")])
    if old.text == new.text and (old.themes == new.themes or not scores_use_themes()):
        return 1.0
    lexicon = _lexicon(lexicon)
    first, second = lexicon.weights(old.text), lexicon.weights(new.text)
    score = max(
        _content(first, second, _totals(first), _totals(second)),
        _phrase_score(_phrases(old.text, lexicon), _phrases(new.text, lexicon), first),
    )
    return _with_themes(score, old, new)


def evidence(old: Point, new: Point, *, lexicon: Lexicon | None = None, most: int = 6) -> tuple[Evidence, ...]:
    """Return why two points look alike: the concepts and terms both contain, strongest first.

    A concept is named once, with the words each point uses for it; a shared
    word is listed only when no listed concept already names it.

    Example:
        >>> old = Point(2, "all parties will further strengthen cooperation against the epidemic.")
        >>> new = Point(3, "the sides will fight the pandemic and the three evil forces.")
        >>> [str(item) for item in evidence(old, new)]
        ['health: epidemic ≈ pandemic']
    """
    lexicon = _lexicon(lexicon)
    key = ("evidence", old.text, new.text, most)
    found: tuple[Evidence, ...] | None = lexicon.memo.get(key)
    if found is None:
        found = _evidence(old.text, new.text, lexicon, most)
        if len(lexicon.memo) >= _MEMO_SIZE:
            lexicon.memo.clear()
        lexicon.memo[key] = found
    return found


def _evidence(old_text: str, new_text: str, lexicon: Lexicon, most: int) -> tuple[Evidence, ...]:
    from ._lexicon import normalise_words

    first = lexicon.analyse(old_text).features
    second = lexicon.analyse(new_text).features
    weights = lexicon.weights(new_text)
    shared = sorted(
        (
            feature
            for feature in first.keys() & second.keys()
            if feature[0] == "@" or weights[feature] >= EVIDENCE_WORD_WEIGHT
        ),
        key=lambda feature: (-weights[feature], feature),
    )
    shown: list[Evidence] = []
    named: set[str] = set()  # the stems of the words that listed evidence already quotes
    for feature in shared:
        old_words, new_words = first[feature][0], second[feature][0]
        if feature[0] == "@":  # a weaker concept named by the very same words adds nothing
            if any((old_words, new_words) == (item.old, item.new) for item in shown):
                continue
            label = lexicon.concept(feature[1:]).label
        elif feature in named:
            continue
        else:
            label = new_words
        shown.append(Evidence(label, old_words, new_words, weights[feature]))
        named.update(normalise_words(old_words), normalise_words(new_words))
        if len(shown) == most:
            break
    return tuple(shown)


def _local_weights(old: Sequence[Features], new: Sequence[Features]) -> tuple[list[Features], list[Features]]:
    """Each point's features, weighed down the more points of these two statements use them."""
    old_df = Counter(chain.from_iterable(old))
    new_df = Counter(chain.from_iterable(new))
    total = max(len(old), len(new))
    scale = math.log1p(total)
    factors = [1.0] + [math.log1p(total / count) / scale for count in range(1, total + 1)]
    factor = {feature: factors[max(count, new_df.get(feature, 0))] for feature, count in old_df.items()}
    factor.update((feature, factors[count]) for feature, count in new_df.items() if feature not in factor)
    return (
        [{feature: weight * factor[feature] for feature, weight in features.items()} for features in old],
        [{feature: weight * factor[feature] for feature, weight in features.items()} for features in new],
    )


class _Scorer:
    """Raw content scores of the pairs of two statements, computed once each."""

    def __init__(
        self, old: Sequence[Point], new: Sequence[Point], lexicon: Lexicon, bonus: Similarity | None = None
    ) -> None:
        self.old, self.new, self.lexicon = old, new, lexicon
        self.bonus = bonus
        """What a blended model adds to a pair's raw score (see :func:`c5statement.embedding_similarity`)."""
        self.old_features, self.new_features = _local_weights(
            [lexicon.weights(point.text) for point in old], [lexicon.weights(point.text) for point in new]
        )
        self.old_totals = [_totals(features) for features in self.old_features]
        self.new_totals = [_totals(features) for features in self.new_features]
        self.raw: dict[tuple[int, int], float] = {}
        self.old_phrases = [_phrases(point.text, lexicon) for point in old]
        self.new_phrases = [_phrases(point.text, lexicon) for point in new]
        self.phrased: set[tuple[int, int]] = set()
        """The pairs found to share an exact phrase of :data:`PHRASE_WORDS` content words or more."""

    @functools.cached_property
    def sharing(self) -> set[tuple[int, int]]:
        """The pairs that hold a phrase in common, found through an index of the new points' phrases.

        Only for small statements, whose every pair is scored: with many equal
        texts, the pairs sharing a phrase are the square of their number.
        """
        return _sharing(self.old_phrases, self.new_phrases)

    @functools.cached_property
    def central_asian(self) -> bool:
        """Whether both statements name Central Asia, or two of its five states (in any of the three languages)."""

        def names(points: Sequence[Point], features: Sequence[Features]) -> bool:
            if any(names_central_asia(point.text) for point in points):
                return True
            return len({feature for found in features for feature in found if feature in FIVE}) >= 2  # noqa: PLR2004

        return names(self.old, self.old_features) and names(self.new, self.new_features)

    @functools.cached_property
    def old_record(self) -> int | None:
        """The position of the old statement's first point that records a meeting (``_cues.records_meeting``)."""
        return next((i for i, point in enumerate(self.old) if records_meeting(point.text)), None)

    def specific(self, i: int, j: int) -> bool:
        """Whether old point *i* and new point *j* share a phrase or a specific concept (not boilerplate)."""
        if (i, j) in self.phrased:
            return True
        second, weight = self.new_features[j], self.lexicon.weight
        return any(
            feature[0] == "@" and feature in second and weight(feature) >= EVIDENT_CONCEPT
            for feature in self.old_features[i]
        )

    def phrase(self, i: int, j: int) -> float:
        """The score of the exact phrases old point *i* and new point *j* share, at their full weight (0 if none).

        A phrase's words weigh what they weigh in this comparison; the score is
        their weight over that weight plus :data:`PHRASE_PRIOR`, whatever the
        length of the paragraphs around it.
        """
        found = _phrase_score(self.old_phrases[i], self.new_phrases[j], self.old_features[i])
        if found:
            self.phrased.add((i, j))
        return found

    def __call__(self, i: int, j: int) -> float:
        key = (i, j)
        found = self.raw.get(key)
        if found is None:
            found = self.raw[key] = self.score(i, j)
        return found

    def score(self, i: int, j: int) -> float:
        """The raw score of old point *i* and new point *j*, computed afresh."""
        first, second = self.old[i], self.new[j]
        if first.text == second.text and (first.themes == second.themes or not scores_use_themes()):
            return 1.0
        found = _content(self.old_features[i], self.new_features[j], self.old_totals[i], self.new_totals[j])
        if not self.old_phrases[i].isdisjoint(self.new_phrases[j]):  # a phrase in common, tested for this pair alone
            phrase = self.phrase(i, j)
            found = phrase if phrase > found else found  # noqa: FURB136 - runs for every pair scored
        found = _with_themes(found, first, second) if first.themes and second.themes else found
        return found if self.bonus is None else self._raised(found, first, second, self.bonus)

    def every_pair(self) -> dict[tuple[int, int], float]:
        """The raw scores of all pairs, the shared weights gathered feature by feature (small statements).

        Gives the scores of :meth:`score` without a pass over two points' features for every pair.
        """
        holders: dict[str, list[int]] = {}
        for j, features in enumerate(self.new_features):
            for feature in features:
                holders.setdefault(feature, []).append(j)
        size = len(self.new)
        raw: dict[tuple[int, int], float] = {}
        themed = scores_use_themes()
        sharing = self.sharing
        for i, features in enumerate(self.old_features):
            shared, concepts = [0.0] * size, [0.0] * size
            for feature, weight in features.items():
                for j in holders.get(feature, ()):
                    shared[j] += weight
                    if feature[0] == "@":
                        concepts[j] += weight
            first, total = self.old[i], self.old_totals[i]
            text, themes = first.text, first.themes
            for j, second in enumerate(self.new):
                if text == second.text and (themes == second.themes or not themed):
                    raw[i, j] = 1.0
                    continue
                found = _blend(shared[j], concepts[j], total, self.new_totals[j])
                if (i, j) in sharing:
                    phrase = self.phrase(i, j)
                    found = phrase if phrase > found else found  # noqa: FURB136 - runs for every pair
                raw[i, j] = _with_themes(found, first, second) if themes and second.themes else found
        return raw if self.bonus is None else self._boosted(raw, self.bonus)

    def _boosted(self, raw: dict[tuple[int, int], float], bonus: Similarity) -> dict[tuple[int, int], float]:
        """*raw* with a blended model's bonus added to every pair's score."""
        old, new = self.old, self.new
        return {(i, j): self._raised(found, old[i], new[j], bonus) for (i, j), found in raw.items()}

    @staticmethod
    def _raised(found: float, first: Point, second: Point, bonus: Similarity) -> float:
        """The raw score *found* of two points with the model's bonus added: only equal texts (at 1) reach 1."""
        return found if found >= 1.0 else min(_BLENDED_TOP, found + bonus(first, second))

    def candidates(self) -> list[tuple[int, int]]:
        """Pairs worth scoring in large statements: equal texts, then those sharing the most rare words.

        Each distinct text is looked at once, however often it is repeated. A
        text's features are read rarest first, through the other side's posting
        lists, until :data:`_POSTINGS` entries have been read: common words
        count only when a text has few rare ones, and a posting list longer
        than that is read only near the text's own place. Each distinct text
        keeps its :data:`_CANDIDATES` strongest partners on the other side, in
        both directions, and repeated texts pair with the repeats of a partner
        text in order, near their own places. A text whose best candidate
        scores below :data:`_WEAK` (or that has none) is looked at again: the
        weight it shares with each text of the other side is summed over its
        rarest features (up to :data:`_WIDE_POSTINGS` entries, until
        :data:`_WIDE_SHARE` of its weight is read), and the
        :data:`_WIDE_CANDIDATES` texts sharing the most are scored too; texts
        with names of their own the other side lacks (dropped or added) are
        left out of this second look. So the work per point is bounded
        whatever the vocabulary, and identical texts never pair crosswise.
        """
        pairs = _same_texts(self.old, self.new)
        old_groups, new_groups = _groups(self.old), _groups(self.new)
        old_texts = [self.old_features[members[0]] for members in old_groups]
        new_texts = [self.new_features[members[0]] for members in new_groups]
        old_lists, new_lists = _postings(old_texts), _postings(new_texts)
        rare = max(_RARE_MIN, math.isqrt(max(len(old_texts), len(new_texts))))
        chosen: set[tuple[int, int]] = set()
        for a, features in enumerate(old_texts):
            place = old_groups[a][0] / max(len(self.old), 1)
            found = _strongest(features, new_lists, old_lists, rare=rare, place=place, size=len(new_texts))
            chosen.update((a, b) for b in found)
        for b, features in enumerate(new_texts):
            place = new_groups[b][0] / max(len(self.new), 1)
            found = _strongest(features, old_lists, new_lists, rare=rare, place=place, size=len(old_texts))
            chosen.update((a, b) for a in found)
        # Texts whose best candidate is weak are looked at again, more widely; texts with names of their
        # own that the other side lacks (dropped or added) neither look nor are found.
        weak_old, weak_new = self._weak(chosen, old_groups, new_groups)
        old_named = _named(old_texts, new_lists, old_lists) if weak_old or weak_new else set()
        new_named = _named(new_texts, old_lists, new_lists) if weak_old or weak_new else set()
        old_shared, new_shared = [0.0] * len(old_texts), [0.0] * len(new_texts)
        old_totals = [self.old_totals[members[0]][0] for members in old_groups]
        new_totals = [self.new_totals[members[0]][0] for members in new_groups]
        for a in weak_old:
            if a not in old_named:
                place = old_groups[a][0] / max(len(self.old), 1)
                found = _widest(old_texts[a], new_lists, new_named, new_shared, new_totals, place=place)
                chosen.update((a, b) for b in found)
        for b in weak_new:
            if b not in new_named:
                place = new_groups[b][0] / max(len(self.new), 1)
                found = _widest(new_texts[b], old_lists, old_named, old_shared, old_totals, place=place)
                chosen.update((a, b) for a in found)
        for a, b in chosen:
            pairs.update(_in_order(old_groups[a], new_groups[b]))
        return sorted(pairs)

    def _weak(
        self, chosen: Iterable[tuple[int, int]], old_groups: Sequence[list[int]], new_groups: Sequence[list[int]]
    ) -> tuple[list[int], list[int]]:
        """The distinct texts of each side whose best candidate scores below :data:`_WEAK` (or that have none).

        A text the other side also has is never weak: its equal is its partner.
        """
        equal = {point.text for point in self.old} & {point.text for point in self.new}
        best_old = [1.0 if self.old[at[0]].text in equal else 0.0 for at in old_groups]
        best_new = [1.0 if self.new[at[0]].text in equal else 0.0 for at in new_groups]
        for a, b in chosen:
            score = self(old_groups[a][0], new_groups[b][0])
            if score > best_old[a]:  # noqa: PLR1730 - a comparison, not a call, for every pair
                best_old[a] = score
            if score > best_new[b]:  # noqa: PLR1730
                best_new[b] = score
        return (
            [a for a, score in enumerate(best_old) if score < _WEAK],
            [b for b, score in enumerate(best_new) if score < _WEAK],
        )


def _groups(points: Sequence[Point]) -> list[list[int]]:
    """The positions of the points, grouped by text (themes too), in order of first appearance."""
    groups: dict[tuple[str, frozenset[str]], list[int]] = {}
    for index, point in enumerate(points):
        groups.setdefault((point.text, point.themes), []).append(index)
    return list(groups.values())


def _postings(texts: Sequence[Features]) -> dict[str, list[int]]:
    """For each feature, the texts (by position, in order) that have it."""
    lists: dict[str, list[int]] = {}
    for index, features in enumerate(texts):
        for feature in features:
            lists.setdefault(feature, []).append(index)
    return lists


def _sharing(
    old: Sequence[frozenset[tuple[str, ...]]], new: Sequence[frozenset[tuple[str, ...]]]
) -> set[tuple[int, int]]:
    """The pairs (old, new) holding a phrase in common, through an index of the phrases both sides use."""
    common = frozenset().union(*old) & frozenset().union(*new)
    if not common:
        return set()
    holders: dict[tuple[str, ...], list[int]] = {}
    for j, grams in enumerate(new):
        for gram in grams & common:
            holders.setdefault(gram, []).append(j)
    return {(i, j) for i, grams in enumerate(old) for gram in grams & common for j in holders[gram]}


def _phrase_score(first: frozenset[tuple[str, ...]], second: frozenset[tuple[str, ...]], weights: Features) -> float:
    """The weight of the words of the phrases both texts hold, over itself plus :data:`PHRASE_PRIOR` (0 if none)."""
    shared = first & second
    if not shared:
        return 0.0
    words = {word for gram in shared for word in gram}
    weight = math.fsum(weights.get(word, 0.0) for word in sorted(words))
    return weight / (weight + PHRASE_PRIOR)


def _phrases(text: str, lexicon: Lexicon) -> frozenset[tuple[str, ...]]:
    """The runs of :data:`PHRASE_WORDS` consecutive content words of *text* rare enough to count as a phrase."""
    key = ("phrases", text)
    found: frozenset[tuple[str, ...]] | None = lexicon.memo.get(key)
    if found is None:
        from ._lexicon import normalise_words

        words = normalise_words(text)
        features = lexicon.weights(text)  # words inside a boilerplate formula are no features
        least = PHRASE_RARITY * PHRASE_WORDS * lexicon.weight("\x00")  # an unseen word weighs the most
        found = frozenset(
            gram
            for gram in zip(*(words[start:] for start in range(PHRASE_WORDS)), strict=False)
            if all(word in features for word in gram) and math.fsum(features[word] for word in gram) >= least
        )
        if len(lexicon.memo) >= _MEMO_SIZE:
            lexicon.memo.clear()
        lexicon.memo[key] = found
    return found


def _same_texts(old: Sequence[Point], new: Sequence[Point]) -> set[tuple[int, int]]:
    """Pair points whose texts are equal, in order, by hashing."""
    waiting: dict[str, list[int]] = {}
    for j in reversed(range(len(new))):
        waiting.setdefault(new[j].text, []).append(j)
    pairs = set()
    for i, point in enumerate(old):
        positions = waiting.get(point.text)
        if positions:
            pairs.add((i, positions.pop()))
    return pairs


def _unmatched(features: Features, lists: Mapping[str, list[int]], own: Mapping[str, list[int]], *, rare: int) -> bool:
    """Whether a text has ``_LEAD`` or more rare words of its own (in at most *rare* texts) the other side lacks.

    Such a text was dropped or added: it looks for no partner (the other side's texts still may find it).
    """
    return sum(feature not in lists and len(own[feature]) <= rare for feature in features) >= _LEAD


def _named(texts: Sequence[Features], lists: Mapping[str, list[int]], own: Mapping[str, list[int]]) -> set[int]:
    """The texts with ``_LEAD`` or more names of their own (words in at most ``_NAMED`` texts) the other side lacks."""
    return {index for index, features in enumerate(texts) if _unmatched(features, lists, own, rare=_NAMED)}


def _strongest(
    features: Features,
    lists: Mapping[str, list[int]],
    own: Mapping[str, list[int]],
    *,
    rare: int,
    place: float,
    size: int,
) -> list[int]:
    """The texts of the other side sharing the most of the rarest features of a text, reading at most ``_POSTINGS``.

    Features are read rarest first (in the fewest texts of the other side;
    equally rare ones in the text's own order, so the order never depends on a
    hash seed), each list whole while it fits in the budget, until one text
    leads alone having shared at least ``_LEAD`` of the features read: rare
    words usually settle it at once, and common ones are read only for a text
    that has few rare ones. A list longer than what is left of the budget is
    read only around *place* (0 to 1, where the text stands in its statement),
    a quarter of the budget at most: among texts of very common words, the near
    ones are the candidates. Ties go to the text found first. A text with
    ``_LEAD`` or more rare words (in at most *rare* texts of its side) that the
    other side lacks is a text dropped or added: it gets no candidates.
    """
    if _unmatched(features, lists, own, rare=rare):
        return []
    present = sorted((feature for feature in features if feature in lists), key=lambda feature: len(lists[feature]))
    shares_rare = bool(present) and len(lists[present[0]]) <= _CANDIDATES  # a word of a few texts: telling
    hits: Counter[int] = Counter()
    budget = _POSTINGS
    for feature in present:
        found = lists[feature]
        if shares_rare and len(found) > rare:
            break  # rare words shared settled it: common ones would only crowd them out
        if len(found) > budget:  # only the texts near this one's place, a quarter of the budget at most
            window = min(budget, _POSTINGS // 4)
            middle = bisect.bisect_left(found, int(place * size))
            low = max(0, min(middle - window // 2, len(found) - window))
            found = found[low : low + window]
        hits.update(found)  # counted in C
        budget -= len(found)
        if budget <= 0:
            break
        most = max(hits.values())
        if most >= _LEAD and operator.countOf(hits.values(), most) == 1:
            break
    if len(hits) <= _CANDIDATES:
        return list(hits)
    # A stable sort, in C: equal counts keep the order found (a heap's key calls cost more).
    return [index for index, _ in sorted(hits.items(), key=_COUNT, reverse=True)[:_CANDIDATES]]


_COUNT = operator.itemgetter(1)


def _widest(
    features: Features,
    lists: Mapping[str, list[int]],
    named: set[int],
    shared: list[float],
    totals: list[float],
    *,
    place: float,
) -> list[int]:
    """The texts of the other side sharing the most weight with a weak text, reading at most ``_WIDE_POSTINGS``.

    Features are read rarest first, each list whole while it fits in the
    budget, a longer one only around *place*, until the features read carry
    ``_WIDE_SHARE`` of the text's weight; the weight each text shares is summed
    (in *shared*, one slot per text of the other side, all 0 before and after),
    and the ``_WIDE_CANDIDATES`` texts sharing the most over the two texts'
    total weight (*totals*: the other side's), *named* ones left out, are kept
    (equal ones in order). The work is bounded by the budget, never by the
    size of the other side.
    """
    present = sorted((feature for feature in features if feature in lists), key=lambda feature: len(lists[feature]))
    size = len(shared)
    touched: set[int] = set()
    budget = _WIDE_POSTINGS
    left = sum(features[feature] for feature in present) * _WIDE_SHARE
    for feature in present:
        found = lists[feature]
        if len(found) > budget:
            middle = bisect.bisect_left(found, int(place * size))
            low = max(0, min(middle - budget // 2, len(found) - budget))
            found = found[low : low + budget]
        weight = features[feature]
        for index in found:
            shared[index] += weight
        touched.update(found)
        budget -= len(found)
        left -= weight
        if budget <= 0 or left <= 0:
            break
    seen = sorted(touched - named)
    # The weight shared over the two texts' total (Dice's measure), worked out in C: long texts share more of
    # anything, and would crowd out a short text's rewording.
    own = math.fsum(features.values()) or 1.0  # concepts may weigh 0
    ratios = list(map(operator.truediv, map(shared.__getitem__, seen), map(own.__add__, map(totals.__getitem__, seen))))
    best = sorted(range(len(seen)), key=ratios.__getitem__, reverse=True)[:_WIDE_CANDIDATES]
    for index in touched:
        shared[index] = 0.0
    return [seen[at] for at in best]


def _in_order(old: list[int], new: list[int]) -> Iterable[tuple[int, int]]:
    """Pairs of the positions of a repeated text and those of its partner: each with the ones at its own rank."""
    if len(old) == 1 or len(new) == 1:
        return ((i, j) for i in old[:_CANDIDATES] for j in new[:_CANDIDATES])
    pairs: list[tuple[int, int]] = []
    for rank, i in enumerate(old):
        middle = rank * len(new) // len(old)
        pairs.extend((i, new[at]) for at in range(max(0, middle - 1), min(len(new), middle + 2)))
    return pairs


def _sample(old_size: int, new_size: int) -> list[tuple[int, int]]:
    """A fixed spread of pairs across the whole grid, for the mean and spread of scores."""
    total = old_size * new_size
    if total <= _SAMPLE:
        return [(i, j) for i in range(old_size) for j in range(new_size)]
    step = total / _SAMPLE
    # An irrational stride walks the grid without following its rows.
    return [(int(k * step) // new_size, (int(k * step) + k * 7919) % new_size) for k in range(_SAMPLE)]


def _standing(scores: Sequence[float]) -> tuple[float, float]:
    """The mean and spread of unrelated pairs' scores, shrunk toward a prior for few pairs."""
    count = len(scores)
    mean = math.fsum(scores) / count if count else 0.0
    variance = math.fsum((score - mean) ** 2 for score in scores) / count if count else 0.0
    weight = count / (count + _PRIOR_PAIRS)
    mean = weight * mean + (1 - weight) * _PRIOR_MEAN
    variance = weight * variance + (1 - weight) * _PRIOR_SPREAD**2
    return mean, math.sqrt(variance)


def calibrate(raw: float, *, standing: float, mutual: float, margin: float, relatedness: float) -> float:
    """Turn a raw content similarity into a match score from 0 to 1.

    The coefficients were chosen on the tuning part of the alignment corpus
    (``benchmarks/alignment_corpus``): fitted by logistic regression on its
    pairs, then adjusted, in round numbers, to get the most decisions right
    while statements on other subjects match nothing.

    Args:
        raw: The raw similarity of the pair.
        standing: How many standard deviations the raw score stands above the
            mean of all pairs of the two statements.
        mutual: 1 if each point is the other's best candidate, 0.5 if one is,
            0 if neither.
        margin: The raw score minus the best other candidate of either point.
        relatedness: How related the two statements are as wholes: the median,
            over the points of the smaller statement, of each one's best raw score.

    Example:
        >>> calibrate(0.5, standing=4.0, mutual=1.0, margin=0.2, relatedness=0.45) > 0.9
        True
        >>> calibrate(0.2, standing=1.0, mutual=1.0, margin=0.05, relatedness=0.1) < 0.1
        True
    """
    if raw >= 1.0:
        return 1.0
    if raw <= 0:
        return 0.0
    logit = _BIAS + _RAW * raw + _STANDING * standing + _MUTUAL * mutual + _MARGIN * margin + _RELATED * relatedness
    score = 1 / (1 + math.exp(-max(-_LOGIT_LIMIT, min(_LOGIT_LIMIT, logit))))
    return min(score, raw) if raw < RAW_FLOOR else score


class _Calibrated:
    """Match scores of the scored pairs, and the score a second link would have."""

    def __init__(self, scorer: _Scorer, raw: dict[tuple[int, int], float], sample: Sequence[tuple[int, int]]) -> None:
        """Calibrate the *raw* scores of the pairs to judge; *sample* (empty: all of *raw*) gives their standing."""
        self.raw = scorer.raw = raw
        self.scorer = scorer
        self.mean, self.spread = _standing([scorer(*pair) for pair in sample] if sample else list(raw.values()))
        self.best_old, self.best_new = best_old, best_new = _bests(raw.items(), len(scorer.old), len(scorer.new))
        # The smaller statement's points are the ones expected to find partners: its median best score.
        tops = sorted(best_old.first if len(best_old.first) < len(best_new.first) else best_new.first)
        self.relatedness = min(RELATEDNESS_CAP, tops[len(tops) // 2]) if tops else 0.0
        # calibrate(), with what is the same for every pair worked out once: the scores of all pairs in one pass.
        slope = _RAW + _STANDING / self.spread
        base = _BIAS - _STANDING * self.mean / self.spread + _RELATED * self.relatedness
        exp = math.exp
        old_first, old_second, new_first, new_second = best_old.first, best_old.second, best_new.first, best_new.second
        scores: dict[tuple[int, int], float] = {}
        evident_grounds = self.relatedness >= EVIDENT_RELATED
        for (i, j), score in raw.items():
            if score >= 1.0 or score <= 0:
                scores[i, j] = 1.0 if score >= 1.0 else 0.0
                continue
            # A pair tied with the best counts as the best: repeated texts all stand alike, so none is favoured.
            mine, theirs = score >= old_first[i], score >= new_first[j]
            runner_up = old_second[i] if mine else old_first[i]
            other = new_second[j] if theirs else new_first[j]
            runner_up = other if other > runner_up else runner_up  # noqa: FURB136 - no call in this loop
            logit = base + slope * score + _MUTUAL * 0.5 * (mine + theirs) + _MARGIN * (score - runner_up)
            clipped = -_LOGIT_LIMIT if logit < -_LOGIT_LIMIT else _LOGIT_LIMIT if logit > _LOGIT_LIMIT else logit  # noqa: FURB136
            value = 1 / (1 + exp(-clipped))
            scores[i, j] = value if score >= RAW_FLOOR or value < score else score
            if evident_grounds and mine and theirs and score >= EVIDENT_RAW and score - runner_up >= EVIDENT_MARGIN:
                # Each the other's best by a clear margin, on specific evidence: no calibration argues it away.
                evident = _by_margin(score - runner_up)
                if evident > scores[i, j] and scorer.specific(i, j):
                    scores[i, j] = evident
        self.scores = scores

    def _calibrate(self, score: float, mutual: float, margin: float) -> float:
        standing = (score - self.mean) / self.spread
        return calibrate(score, standing=standing, mutual=mutual, margin=margin, relatedness=self.relatedness)

    def leftover(self, i: int, j: int) -> float:
        """The match score of two points both left unmatched, *j*'s clear raw best on specific evidence."""
        score = self.raw.get((i, j), 0.0)
        margin = score - self.best_new.runner_up(j, i)
        if self.relatedness >= LEFTOVER_RELATED and score >= LEFTOVER_RAW and self.scorer.specific(i, j):
            return _by_margin(margin)
        return 0.0

    def remainders(self, free_old: set[int], free_new: set[int]) -> list[tuple[tuple[int, ...], int, float]]:
        """Each new point of *free_new* with the most similar old points of *free_old*, and their match score.

        Last of all, between two statements on Central Asia (:attr:`_Scorer.central_asian`): a point
        both sides left over most likely continues the most like point left over on the other side,
        if they share :data:`REMAINDER_RAW` of their content. The pairs come most similar first.

        The match score is 0.5 ("as likely as not") plus the raw margin over the new point's
        runner-up among all old points, if any (at most :data:`EVIDENT_SCORE`), so a threshold above
        0.5 refuses the closest calls. Several new points may name one old point. The old points
        tied as most similar (repeated texts) come in order: the first still free is the partner.
        """
        if not free_old or not free_new or not self.scorer.central_asian:
            return []
        best: dict[int, tuple[float, list[int]]] = {}
        for (i, j), score in self.raw.items():
            if i in free_old and j in free_new and score > 0:
                known = best.get(j)
                if known is None or score > known[0]:
                    best[j] = (score, [i])
                elif score == known[0]:
                    known[1].append(i)
        found = []
        # The most similar pair first: of two new points wanting one old point, it takes the point.
        for j, (score, tied) in sorted(best.items(), key=lambda item: (-item[1][0], item[0])):
            if score >= REMAINDER_RAW:
                margin = max(0.0, score - self.best_new.runner_up(j, tied[0]))
                found.append((tuple(sorted(tied)), j, _by_margin(margin)))
        return found

    def beside(self, i: int, j: int) -> float:
        """The score of new point *j*, left over, as a split from old point *i*, its nearest, matched elsewhere.

        The pair needs a raw score of :data:`BESIDE_RAW`, and the new point's runner-up
        among the old points at most :data:`BESIDE_SHARE` of it; the caller has
        checked that a new point next to *j* continues *i*. The score is 0.5 plus
        the raw margin over that runner-up (at most :data:`EVIDENT_SCORE`), so a
        threshold above 0.5 refuses the closest calls; 0 if the pair does not
        qualify, or the statements are not both on Central Asia
        (:attr:`_Scorer.central_asian`).
        """
        score = self.raw.get((i, j), 0.0)
        runner_up = self.best_new.runner_up(j, i)
        if score < BESIDE_RAW or runner_up > BESIDE_SHARE * score or not self.scorer.central_asian:
            return 0.0
        return _by_margin(score - runner_up)

    def record(self, j: int) -> tuple[int, float] | None:
        """The old statement's record of its meeting, and its score, for new point *j*, left over, if *j* records one.

        Between two statements on Central Asia (:attr:`_Scorer.central_asian`), a
        paragraph recording the meeting (who met, where, when, who chaired:
        :func:`~c5statement._cues.records_meeting`) continues the earlier statement's first such
        paragraph, if they share a raw score of :data:`RECORD_RAW`. The score is
        0.5 plus the raw margin over the new point's runner-up, if positive (at
        most :data:`EVIDENT_SCORE`), so a threshold above 0.5 refuses the closest
        calls. ``None`` if there is no such pair.
        """
        if not records_meeting(self.scorer.new[j].text):
            return None  # asked first: the old statement's record is looked for only when needed
        i = self.scorer.old_record
        if i is None or not self.scorer.central_asian:
            return None
        score = self.raw.get((i, j), 0.0)
        if score < RECORD_RAW:
            return None
        return i, _by_margin(max(0.0, score - self.best_new.runner_up(j, i)))

    def link(self, i: int, j: int, *, old_unmatched: bool, primary: float) -> float:
        """The match score of *i* and *j* judged from the unmatched point's side alone.

        The point whose partner is taken is scored as if it were free: whether
        the pair would match if the other point had no better partner. It must
        also hold a fair share of what the primary pair shares (raw *primary*).
        """
        score = self.raw.get((i, j), 0.0)
        # A merge only adds a link to a matched point; a split turns an added point into a continuation,
        # so it needs more.
        least, clear = (LINK_RAW, LINK_MARGIN) if old_unmatched else (SPLIT_RAW, EVIDENT_MARGIN)
        if score < EVIDENT_LINK_SHARE * primary:
            return 0.0
        margin = score - (self.best_old.runner_up(i, j) if old_unmatched else self.best_new.runner_up(j, i))
        value = self._calibrate(score, 1.0, margin) if score >= SECOND_LINK_SHARE * primary else 0.0
        if score >= least and margin >= clear and 0.5 + margin > value and self.scorer.specific(i, j):
            value = _by_margin(margin)  # the free point's clear best, on specific evidence
        return value


def _custom(old: Sequence[Point], new: Sequence[Point], function: Similarity) -> dict[tuple[int, int], float]:
    result: dict[tuple[int, int], float] = {}
    for i, first in enumerate(old):
        for j, second in enumerate(new):
            try:
                score = function(first, second)
            except TypeError as error:  # most often a function of another shape: an encoder of texts
                msg = (
                    f"the similarity function failed on old point {first.number} and new point {second.number} "
                    f"({error}); it is called with two points, so a sentence encoder goes in "
                    "embedding_similarity(encode) first"
                )
                raise TypeError(msg) from error
            if isinstance(score, bool) or not isinstance(score, numbers.Real) or not 0 <= score <= 1:
                msg = (
                    f"the similarity function must return a number from 0 to 1; it returned {score!r} "
                    f"for old point {first.number} and new point {second.number}"
                )
                raise ValueError(msg)
            result[i, j] = float(score)
    return result


def blended_bonus(similarity: object) -> Similarity | None:
    """What a blended similarity adds to a pair's raw score (its ``bonus``), or ``None`` for any other similarity.

    A similarity is blended when its ``blend`` is ``True`` and it has a
    ``bonus`` to add, as ``embedding_similarity(encode, blend=True)`` has.

    Example:
        >>> from c5statement import embedding_similarity
        >>> blended_bonus(embedding_similarity(lambda texts: [[1.0] for _ in texts], blend=True)) is not None
        True
        >>> blended_bonus(None), blended_bonus(embedding_similarity(lambda texts: [[1.0] for _ in texts]))
        (None, None)
    """
    bonus = getattr(similarity, "bonus", None) if getattr(similarity, "blend", False) is True else None
    return bonus if callable(bonus) else None


def align(
    old: Sequence[Point],
    new: Sequence[Point],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    similarity: Similarity | None = None,
    lexicon: Lexicon | None = None,
    languages: tuple[str | None, str | None] = (None, None),
) -> Alignment:
    """Match the points of two statements one to one by content.

    Args:
        old: The points of the earlier statement.
        new: The points of the later statement.
        threshold: The least match score for a match.
        similarity: A function scoring two points from 0 to 1, called for every
            pair; its scores are used as they are. By default, the calibrated
            match score of the packaged similarity. A blended
            :func:`~c5statement.embedding_similarity` keeps that score and adds
            the model's :meth:`~c5statement.EmbeddingSimilarity.bonus` to each
            pair's raw content score.
        lexicon: The concepts and word weights of the default similarity.
        languages: The languages (``"en"``, ``"zh"``, ``"ru"``) of the old and
            the new statement; ``None`` detects it from the text. Statements
            in two languages are compared on what the languages share:
            concepts, places and numbers.

    Returns:
        The matches, with each point's best score and nearest candidate.

    Example:
        >>> old = [Point(1, "all parties condemn terrorism."), Point(2, "trade will grow.")]
        >>> new = [Point(1, "trade will grow fast."), Point(2, "the three evil forces are condemned.")]
        >>> [(match.old, match.new) for match in align(old, new).matches]
        [(0, 1), (1, 0)]
    """
    prepare = getattr(similarity, "prepare", None)
    if callable(prepare):  # an embedding similarity encodes every text in one batch
        prepare([point.text for point in (*old, *new)])
    bonus = blended_bonus(similarity)
    if similarity is not None and bonus is None:  # a blended similarity has a bonus; any other replaces the score
        scores = _custom(old, new, similarity)

        def link(i: int, j: int, *, old_unmatched: bool, primary: float) -> float:  # noqa: ARG001 - no sides here
            return scores[i, j] if scores[i, j] >= SECOND_LINK_SHARE * primary else 0.0

        return _Assignment(scores, len(old), len(new), threshold).result(link, lambda i, j: scores[i, j], len(scores))
    from ._languages import for_pair

    texts = ([point.text for point in old], [point.text for point in new])
    scorer = _Scorer(old, new, for_pair(_lexicon(lexicon), *texts, languages), bonus)
    if len(old) * len(new) <= _DENSE_LIMIT:
        calibrated = _Calibrated(scorer, scorer.every_pair(), ())
    else:
        raw = {pair: scorer(*pair) for pair in scorer.candidates()}
        calibrated = _Calibrated(scorer, raw, _sample(len(old), len(new)))
    raw_bests = (calibrated.best_old, calibrated.best_new)
    return _Assignment(calibrated.scores, len(old), len(new), threshold, raw_bests).result(
        calibrated.link,
        scorer,
        len(scorer.raw),
        leftover=calibrated.leftover,
        remainders=calibrated.remainders,
        beside=calibrated.beside,
        record=calibrated.record,
    )


class _Assignment:
    """The one-to-one choice of pairs from their match scores, then the second links."""

    def __init__(
        self,
        scores: Mapping[tuple[int, int], float],
        old_size: int,
        new_size: int,
        threshold: float,
        raw_bests: tuple[_Best, _Best] | None = None,
    ) -> None:
        self.scores, self.old_size, self.new_size, self.threshold = scores, old_size, new_size, threshold
        ordered = sorted(scores.items())
        self.best_old, self.best_new = _bests(ordered, old_size, new_size)
        # The raw scores' bests too (*raw_bests*): a pair clearly best in its row and column by raw
        # score is not argued out of by calibrated scores that bunch near the top (two look-alikes at
        # 0.9 each would outweigh one true pair at 0.93 in a sum).
        self.raw_bests = raw_bests
        edges = [(i, j, score) for (i, j), score in ordered if score > 0 and score >= threshold]
        self.chosen = self._choose(edges)

    def _clear(self, i: int, j: int, score: float) -> bool:
        return (
            self.best_old.partner[i] == j
            and self.best_new.partner[j] == i
            and score - self.best_old.second[i] >= AMBIGUITY_MARGIN
            and score - self.best_new.second[j] >= AMBIGUITY_MARGIN
        )

    def _clear_by_raw(self, i: int, j: int) -> bool:
        if self.raw_bests is None:
            return False
        old, new = self.raw_bests
        if old.partner[i] != j or new.partner[j] != i:
            return False
        first = old.first[i]
        return first - old.second[i] >= AMBIGUITY_MARGIN and first - new.second[j] >= AMBIGUITY_MARGIN

    def _choose(self, edges: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
        chosen = [edge for edge in edges if self._clear(*edge)]
        fixed_old = {i for i, _, _ in chosen}
        fixed_new = {j for _, j, _ in chosen}
        for edge in edges:
            i, j, _ = edge
            if i not in fixed_old and j not in fixed_new and self._clear_by_raw(i, j):
                chosen.append(edge)
                fixed_old.add(i)
                fixed_new.add(j)
        ambiguous = [
            edge for edge in edges if not self._clear(*edge) and edge[0] not in fixed_old and edge[1] not in fixed_new
        ]
        for component in components(ambiguous):
            chosen.extend(solve(component, self.old_size, self.new_size))
        return chosen

    def _pair_leftovers(self, leftover: Callable[[int, int], float]) -> None:
        """Match new points left unmatched to their raw best, if it is free too and *leftover* scores the pair.

        The highest-scoring pair goes first, so two points wanting one free point do not depend on their order.
        """
        if self.raw_bests is None:
            return
        taken_old = {i for i, _, _ in self.chosen}
        taken_new = {j for _, j, _ in self.chosen}
        wanted = [
            (score, i, j)
            for j, i in enumerate(self.raw_bests[1].partner)
            if j not in taken_new and i >= 0 and i not in taken_old
            for score in (leftover(i, j),)
            if score >= self.threshold
        ]
        for score, i, j in sorted(wanted, key=lambda item: (-item[0], item[2])):
            if i not in taken_old:
                self.chosen.append((i, j, score))
                taken_old.add(i)

    def _pair_remainders(
        self,
        remainders: Callable[[set[int], set[int]], list[tuple[tuple[int, ...], int, float]]],
        partner_of_old: dict[int, int],
        partner_of_new: dict[int, int],
        merged: Mapping[int, list[int]],
        splits: list[tuple[int, int, float]],
    ) -> list[tuple[int, int]]:
        """Pair the points still left over on both sides, last: see :meth:`_Calibrated.remainders`.

        The pairs come most similar first; a new point whose old points are all taken by then splits
        from the one it is nearest to, if it is nearest to one of them, and stays added otherwise.
        Returns the pairs made, as (old position, new position).
        """
        made: list[tuple[int, int]] = []
        taken_old = set(partner_of_old).union(*merged.values())
        free_old = set(range(self.old_size)) - taken_old
        free_new = set(range(self.new_size)) - set(partner_of_new) - {j for j, _, _ in splits}
        for tied, j, score in remainders(free_old, free_new):
            if score < self.threshold:
                continue
            i = next((i for i in tied if i not in partner_of_old), None)
            if i is None:
                # A split names the point it splits from as its nearest, as every split does.
                if self.best_new.partner[j] in tied:
                    splits.append((j, self.best_new.partner[j], score))
                    made.append((self.best_new.partner[j], j))
            else:
                self.chosen.append((i, j, score))
                partner_of_old[i], partner_of_new[j] = j, i
                made.append((i, j))
        return made

    def _pair_beside(
        self,
        beside: Callable[[int, int], float],
        partner_of_new: Mapping[int, int],
        splits: list[tuple[int, int, float]],
    ) -> list[tuple[int, int]]:
        """Split new points still left over from their nearest old point, when a neighbour continues it.

        A new point that no rule matched or linked splits from its nearest old
        point if the new point just before or after it is matched to that old
        point or split from it, and *beside* scores the pair at the threshold or
        above. A split made so counts as a neighbour for the next: the points
        are taken in order, and the two next to each split made are looked at
        again, until none changes (each point is looked at most three times, so
        a long run of such points costs no more than their number). Returns
        the splits made, as (old position, new position).
        """
        made: list[tuple[int, int]] = []
        holds = {j: i for j, i, _ in splits}  # new position -> the old point it continues, matched or split
        holds.update(partner_of_new)
        waiting = list(range(self.new_size - 1, -1, -1))  # popped from the end: in order
        while waiting:
            j = waiting.pop()
            i = self.best_new.partner[j]
            if i < 0 or j in holds or i not in {holds.get(j - 1), holds.get(j + 1)}:
                continue
            score = beside(i, j)
            if score > 0 and score >= self.threshold:
                splits.append((j, i, score))
                holds[j] = i
                made.append((i, j))
                waiting.extend(k for k in (j + 1, j - 1) if 0 <= k < self.new_size)
        return made

    def _pair_records(
        self,
        record: Callable[[int], tuple[int, float] | None],
        partner_of_old: dict[int, int],
        partner_of_new: dict[int, int],
        merged: Mapping[int, list[int]],
        splits: list[tuple[int, int, float]],
    ) -> list[tuple[int, int]]:
        """Pair the new points still left over that record the meeting with the old record (:meth:`_Calibrated.record`).

        The first such new point is matched to the old record if it is free; a
        later one, or any once the old record is matched, splits from it if it is
        the new point's nearest (as every split is), and stays added otherwise.
        Returns the pairs made, as (old position, new position).
        """
        made: list[tuple[int, int]] = []
        taken = set(partner_of_old).union(*merged.values())
        split = {j for j, _, _ in splits}
        for j in range(self.new_size):
            if j in partner_of_new or j in split:
                continue
            found = record(j)
            if found is None or found[1] < self.threshold:
                continue
            i, score = found
            if i not in taken:
                self.chosen.append((i, j, score))
                partner_of_old[i], partner_of_new[j] = j, i
                taken.add(i)
                made.append((i, j))
            elif i in partner_of_old and self.best_new.partner[j] == i:
                splits.append((j, i, score))
                made.append((i, j))
        return made

    def result(
        self,
        link: _Link,
        raw: Callable[[int, int], float],
        compared: int,
        *,
        leftover: Callable[[int, int], float] | None = None,
        remainders: Callable[[set[int], set[int]], list[tuple[tuple[int, ...], int, float]]] | None = None,
        beside: Callable[[int, int], float] | None = None,
        record: Callable[[int], tuple[int, float] | None] | None = None,
    ) -> Alignment:
        if leftover is not None:
            self._pair_leftovers(leftover)
        partner_of_new = {j: i for i, j, _ in self.chosen}
        partner_of_old = {i: j for i, j, _ in self.chosen}
        merged: dict[int, list[int]] = {}
        merge_scores: dict[int, float] = {}  # old position -> the score of its merge
        for k in range(self.old_size):
            j = self.best_old.partner[k]
            if k not in partner_of_old and j in partner_of_new:
                primary = raw(partner_of_new[j], j)
                score = link(k, j, old_unmatched=True, primary=primary)
                if score > 0 and score >= self.threshold:  # a link of 0 is none, even at a threshold of 0
                    merged.setdefault(j, []).append(k)
                    merge_scores[k] = score
        splits: list[tuple[int, int, float]] = []  # (new position, old position, score)
        for j in range(self.new_size):
            i = self.best_new.partner[j]
            if j not in partner_of_new and i in partner_of_old:
                primary = raw(i, partner_of_old[i])
                score = link(i, j, old_unmatched=False, primary=primary)
                if score > 0 and score >= self.threshold:
                    splits.append((j, i, score))
        last = (
            []
            if remainders is None
            else self._pair_remainders(remainders, partner_of_old, partner_of_new, merged, splits)
        )
        besides = [] if beside is None else self._pair_beside(beside, partner_of_new, splits)
        records = [] if record is None else self._pair_records(record, partner_of_old, partner_of_new, merged, splits)
        best_old, best_new = self.best_old, self.best_new
        matches = tuple(
            Match(
                i,
                j,
                score,
                max(0.0, score - max(best_old.runner_up(i, j), best_new.runner_up(j, i))),
                tuple(sorted(merged.get(j, ()), key=lambda k: -self.scores[k, j])),
            )
            for i, j, score in sorted(self.chosen)
        )
        return Alignment(
            matches,
            tuple(best_old.first),
            tuple(best_new.first),
            compared,
            best_old.nearest(),
            best_new.nearest(),
            tuple((j, i) for j, i, _ in splits),
            tuple(sorted(last)),
            tuple(sorted(besides)),
            tuple(sorted(records)),
            tuple(score for _, _, score in splits),
            tuple(sorted(merge_scores.items())),
        )


def stable_pairs(matches: Sequence[Match]) -> set[int]:
    """Return the positions in *matches* (sorted by old index) of a longest run kept in order.

    The matches outside it are the fewest that must have moved to explain the new
    order.

    Example:
        >>> matches = [Match(0, 2, 1.0, 1.0), Match(1, 0, 1.0, 1.0), Match(2, 1, 1.0, 1.0)]
        >>> sorted(stable_pairs(matches))
        [1, 2]
    """
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(matches)
    for position, match in enumerate(matches):
        low = bisect.bisect_left(tails, match.new)
        if low:
            previous[position] = tail_at[low - 1]
        if low == len(tails):
            tails.append(match.new)
            tail_at.append(position)
        else:
            tails[low] = match.new
            tail_at[low] = position
    kept: set[int] = set()
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        kept.add(position)
        position = previous[position]
    return kept
