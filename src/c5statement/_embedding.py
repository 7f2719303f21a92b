"""Point similarity from sentence embeddings, for users who have a model.

:func:`embedding_similarity` wraps any encoder, a function from a list of texts
to a list of vectors (sentence-transformers' ``model.encode``, model2vec's
``StaticModel.encode``, or one of your own), as a similarity for
:func:`c5statement.diff`. Before a diff scores any pair, it hands the adapter
every text of both statements, which the adapter encodes in one batch call; the
vectors are cached by text, so a series of diffs encodes each text once.

The score of two points is the cosine of their vectors, clipped at 0. It is not
calibrated as the built-in match score is: choose the threshold for your model
(for common sentence-transformers models, 0.6 to 0.75 separates rewordings from
other points of the same statement).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from ._errors import InvalidTypeError

if TYPE_CHECKING:
    from ._model import Point

__all__ = ["EmbeddingSimilarity", "embedding_similarity"]

Encoder = Callable[[list[str]], Iterable[Sequence[float]]]


class EmbeddingSimilarity:
    """A similarity backed by an encoder; see :func:`embedding_similarity`.

    Attributes:
        calls: How many times the encoder has been called.

    Example:
        >>> from c5statement import Point
        >>> similarity = embedding_similarity(lambda texts: [[1.0, float(len(text))] for text in texts])
        >>> similarity.prepare(["a", "bb"])
        >>> round(similarity(Point(1, "a"), Point(1, "bb")), 3), similarity.calls
        (0.949, 1)
    """

    def __init__(self, encode: Encoder) -> None:
        if not callable(encode):
            raise InvalidTypeError(
                [("$.encode", f"expected a function of a list of texts, got {type(encode).__name__}")]
            )
        self._encode = encode
        self._vectors: dict[str, tuple[float, ...]] = {}
        self.calls = 0

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
        vectors = [tuple(float(value) for value in vector) for vector in self._encode(missing)]
        if len(vectors) != len(missing):
            msg = f"the encoder returned {len(vectors)} vectors for {len(missing)} texts"
            raise ValueError(msg)
        for text, vector in zip(missing, vectors, strict=True):
            if not vector or not all(math.isfinite(value) for value in vector):
                msg = f"the encoder returned an empty or non-finite vector for the text {text[:40]!r}"
                raise ValueError(msg)
            self._vectors[text] = _scaled(vector)

    def __call__(self, old: Point, new: Point) -> float:
        """Return the cosine of the two points' vectors, clipped to 0..1."""
        self.prepare([old.text, new.text])
        first, second = self._vectors[old.text], self._vectors[new.text]
        if len(first) != len(second):
            msg = f"the encoder returned vectors of different lengths ({len(first)} and {len(second)})"
            raise ValueError(msg)
        norm = math.sqrt(math.fsum(x * x for x in first) * math.fsum(y * y for y in second))
        if norm == 0:
            return 0.0
        return min(1.0, max(0.0, math.fsum(x * y for x, y in zip(first, second, strict=True)) / norm))


def _scaled(vector: tuple[float, ...]) -> tuple[float, ...]:
    """*vector* divided by its largest component (a zero vector as it is): the same direction, the same cosines.

    Whatever the size of its finite components, no square of the scaled vector
    overflows (as those of components of 1e154 and more did) or vanishes.
    """
    largest = max(abs(value) for value in vector)
    return vector if largest == 0 else tuple(value / largest for value in vector)


def embedding_similarity(encode: Encoder) -> EmbeddingSimilarity:
    """Return a similarity for :func:`c5statement.diff` backed by sentence embeddings.

    Args:
        encode: A function from a list of texts to one vector per text, such
            as ``SentenceTransformer("all-MiniLM-L6-v2").encode``. It is called
            once per diff, with every text not encoded before.

    Example:
        >>> from c5statement import MEETING_2020, diff
        >>> def encode(texts):  # a stand-in for a real model: letter counts
        ...     return [[text.lower().count(letter) for letter in "aeiourst"] for text in texts]
        >>> similarity = embedding_similarity(encode)
        >>> result = diff(MEETING_2020, MEETING_2020, similarity=similarity, threshold=0.99)
        >>> result.counts()["unchanged"], similarity.calls
        (9, 1)
    """
    return EmbeddingSimilarity(encode)
