"""Point similarity from sentence embeddings, for users who have a model.

:func:`embedding_similarity` wraps any encoder, a function from a list of texts
to a list of vectors (sentence-transformers' ``model.encode``, model2vec's
``StaticModel.encode``, or one of your own), as a similarity for
:func:`c5statement.diff`. Before a diff scores any pair, it hands the adapter
every text of both statements, which the adapter encodes in one batch call; the
vectors are cached by text, so a series of diffs encodes each text once.

It works in one of two ways:

- **Blended** (``blend=True``, the way measured to do better): the diff keeps
  its built-in score (lexicon, phrases, languages, calibration, evidence and
  default threshold) and adds to each pair's raw content score a weight (0.6
  by default) times the amount by which the two points' cosine exceeds a floor
  (0.5 by default). Points that say the same thing in other words gain;
  points a model finds unrelated keep their raw score.
- **Alone** (the default, kept for compatibility): the score of two points is
  the cosine of their vectors, clipped at 0, used as it is. It is not calibrated
  as the built-in match score is: choose the threshold for your model (for
  common sentence-transformers models, 0.6 to 0.75 separates rewordings from
  other points of the same statement).
"""

from __future__ import annotations

import math
import numbers
import operator
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from ._errors import InvalidTypeError

if TYPE_CHECKING:
    from ._model import Point

__all__ = ["EmbeddingSimilarity", "embedding_similarity"]

BLEND_WEIGHT = 0.6
"""How much of a blended model's cosine above the floor is added to the raw content score, by default.

Chosen, with the floor, for ``all-MiniLM-L6-v2`` on the real pairs of rounds 1
and 2 and the paraphrase corpus, while round 3 was held out and before rounds 4
to 8 were gathered (see :doc:`/alignment`, "How well it works").
"""

BLEND_FLOOR = 0.5
"""By default, a blended model's cosine counts only above this: below it, two points get nothing from the model."""

Encoder = Callable[[list[str]], Iterable[Sequence[float]]]


class EmbeddingSimilarity:
    """A similarity backed by an encoder; see :func:`embedding_similarity`.

    Attributes:
        calls: How many times the encoder has been called.
        blend: Whether the diff adds the model's cosine to its built-in score
            (``True``) or uses the cosine alone (``False``).
        weight: With *blend*, how much of the cosine above *floor* is added.
        floor: With *blend*, the cosine above which the model adds anything.

    Example:
        >>> from c5statement import Point
        >>> similarity = embedding_similarity(lambda texts: [[1.0, float(len(text))] for text in texts])
        >>> similarity.prepare(["a", "bb"])
        >>> round(similarity(Point(1, "a"), Point(1, "bb")), 3), similarity.calls
        (0.949, 1)
    """

    def __init__(
        self, encode: Encoder, *, blend: bool = False, weight: float | None = None, floor: float | None = None
    ) -> None:
        if not callable(encode):
            raise InvalidTypeError(
                [("$.encode", f"expected a function of a list of texts, got {type(encode).__name__}")]
            )
        if not isinstance(blend, bool):
            msg = f"embedding_similarity: blend must be True or False, got {type(blend).__name__}"
            raise TypeError(msg)
        given = [(name, value) for name, value in (("weight", weight), ("floor", floor)) if value is not None]
        if given and not blend:
            names = " and ".join(name for name, _ in given)
            msg = f"embedding_similarity: {names} {'apply' if len(given) > 1 else 'applies'} only with blend=True"
            raise ValueError(msg)
        for name, value in given:
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                msg = f"embedding_similarity: {name} must be a number, got {type(value).__name__}"
                raise TypeError(msg)
        self._encode = encode
        self._vectors: dict[str, tuple[float, ...]] = {}
        self._size: int | None = None
        self.calls = 0
        self.blend = blend
        self.weight = _checked("weight", BLEND_WEIGHT if weight is None else weight, "0 or more", math.inf)
        self.floor = _checked("floor", BLEND_FLOOR if floor is None else floor, "from 0 to under 1", 1.0)

    def __repr__(self) -> str:
        mode = f"blend=True, weight={self.weight:g}, floor={self.floor:g}" if self.blend else "blend=False"
        return f"EmbeddingSimilarity({mode}, texts={len(self._vectors)}, calls={self.calls})"

    def prepare(self, texts: Iterable[str]) -> None:
        """Encode, in one call, every text not seen yet.

        Example:
            >>> similarity = embedding_similarity(lambda texts: [[1.0, 0.0] for _ in texts])
            >>> similarity.prepare(["x", "y", "x"]); similarity.prepare(["y"])
            >>> similarity.calls
            1
        """
        missing = list(dict.fromkeys(text for text in texts if text not in self._vectors))
        if not missing:
            return
        self.calls += 1
        output = self._encode(missing)
        try:
            rows = list(output)
        except TypeError:
            msg = f"the encoder returned {type(output).__name__}, not one vector per text"
            raise ValueError(msg) from None
        if len(rows) != len(missing):
            msg = f"the encoder returned {len(rows)} vectors for {len(missing)} texts"
            raise ValueError(msg)
        vectors = [_vector(row, text) for row, text in zip(rows, missing, strict=True)]
        size = self._size if self._size is not None else len(vectors[0])
        for text, vector in zip(missing, vectors, strict=True):
            if len(vector) != size:
                msg = f"the encoder returned vectors of different lengths ({size} and {len(vector)}, for {text[:40]!r})"
                raise ValueError(msg)
        self._size = size
        for text, vector in zip(missing, vectors, strict=True):
            self._vectors[text] = _unit(vector)

    def __call__(self, old: Point, new: Point) -> float:
        """Return the cosine of the two points' vectors, clipped to 0..1 (1 for equal texts, whatever their vector).

        This is the score of a similarity used alone. Blended, the diff adds
        :meth:`bonus` to its own score instead.
        """
        if old.text == new.text:
            return 1.0
        vectors = self._vectors
        if old.text not in vectors or new.text not in vectors:
            self.prepare([old.text, new.text])
        # prepare() keeps every vector at one length and at length 1: the cosine is their dot product.
        return min(1.0, max(0.0, math.fsum(map(operator.mul, vectors[old.text], vectors[new.text]))))

    def bonus(self, old: Point, new: Point) -> float:
        """Return what the model adds to the raw content score of two points when blended.

        That is :attr:`weight` times the amount by which their cosine exceeds
        :attr:`floor` (0 when it does not).

        Example:
            >>> from c5statement import Point
            >>> similarity = embedding_similarity(lambda texts: [[1.0, 0.0] for _ in texts], blend=True)
            >>> similarity.bonus(Point(1, "trade grows."), Point(1, "commerce expands."))
            0.3
        """
        return self.weight * max(0.0, self(old, new) - self.floor)


def _checked(name: str, value: float, allowed: str, top: float) -> float:
    """*value* as a float, if it is from 0 to under *top* and finite; otherwise a ValueError naming *name*."""
    if not 0 <= value < top or value > sys.float_info.max:  # an int too large for a float is not finite
        msg = f"embedding_similarity: {name} must be a finite number {allowed}, got {value!r}"
        raise ValueError(msg)
    return float(value)


def _vector(row: object, text: str) -> tuple[float, ...]:
    """One vector from the encoder, as floats: a clear error if it is not a non-empty run of finite numbers."""
    try:
        vector = tuple(float(value) for value in row)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        vector = ()
    if not vector or not all(math.isfinite(value) for value in vector):
        msg = f"the encoder returned {type(row).__name__} for the text {text[:40]!r}, not a vector of finite numbers"
        raise ValueError(msg)
    return vector


def _unit(vector: tuple[float, ...]) -> tuple[float, ...]:
    """*vector* at length 1 (a zero vector as it is): the same direction, so that a cosine is a dot product.

    It is first divided by its largest component, so that, whatever the size of
    its finite components, no square overflows (as those of components of
    1e154 and more did) or vanishes.
    """
    largest = max(abs(value) for value in vector)
    if largest == 0:
        return vector
    scaled = [value / largest for value in vector]
    length = math.sqrt(math.fsum(value * value for value in scaled))
    return tuple(value / length for value in scaled)


def embedding_similarity(
    encode: Encoder, *, blend: bool = False, weight: float | None = None, floor: float | None = None
) -> EmbeddingSimilarity:
    """Return a similarity for :func:`c5statement.diff` backed by sentence embeddings.

    Args:
        encode: A function from a list of texts to one vector per text, such
            as ``SentenceTransformer("all-MiniLM-L6-v2").encode``. It is called
            once per diff, with every text not encoded before.
        blend: Add the model's cosine to the built-in score instead of
            replacing it. The diff then keeps its calibrated scores, evidence
            and default threshold. On real statements never used to choose
            it, this does better than either score alone (see :doc:`/alignment`).
        weight: With *blend*, how much of the cosine above *floor* is added
            to the raw content score (0 or more; 0.6 if not given).
        floor: With *blend*, the cosine above which the model adds anything
            (0 to under 1; 0.5 if not given). Models differ in how high their
            cosines run: the defaults were chosen for ``all-MiniLM-L6-v2``.

    Raises:
        TypeError: If *encode* is not callable (an :class:`InvalidTypeError`),
            *blend* is not a bool, or *weight* or *floor* is not a number.
        ValueError: If *weight* or *floor* is given without ``blend=True``,
            *weight* is negative or not finite, or *floor* is outside 0 to
            under 1.

    The diff calls the encoder, and raises :class:`ValueError`, naming the
    text, if it returns another number of vectors than texts, a vector that is
    not a non-empty run of finite numbers, or vectors of different lengths.

    Example:
        >>> from c5statement import MEETING_2020, diff
        >>> def encode(texts):  # a stand-in for a real model: letter counts
        ...     return [[text.lower().count(letter) for letter in "aeiourst"] for text in texts]
        >>> similarity = embedding_similarity(encode)
        >>> result = diff(MEETING_2020, MEETING_2020, similarity=similarity, threshold=0.99)
        >>> result.counts()["unchanged"], similarity.calls
        (9, 1)
        >>> blended = embedding_similarity(encode, blend=True)
        >>> diff(MEETING_2020, MEETING_2020, similarity=blended).counts()["unchanged"]
        9
    """
    return EmbeddingSimilarity(encode, blend=blend, weight=weight, floor=floor)
