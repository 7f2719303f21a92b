"""Hostile and huge inputs, second round: each test here failed before the defect it names was fixed (issue 21).

The numbers are those of the issue. Growth is checked by counting work per
doubling of the input (never by timing): see also ``test_scaling.py``.
"""

from __future__ import annotations

import json
import math

import pytest

from c5statement import MEETING_2020, Evidence, StatementDiff, compare, diff


class TestHugeThreshold:
    """Defect 10: ``diff(threshold=10**400)`` raised ``OverflowError``, not the documented ``ValueError``."""

    @pytest.mark.parametrize("threshold", [10**400, -(10**400), 2], ids=["huge", "huge negative", "two"])
    def test_diff_and_compare(self, threshold: int) -> None:
        with pytest.raises(ValueError, match="threshold must be from 0 to 1"):
            diff(MEETING_2020, MEETING_2020, threshold=threshold)
        with pytest.raises(ValueError, match="threshold must be from 0 to 1"):
            compare([MEETING_2020], threshold=threshold)

    def test_a_stored_diff_and_a_weight(self) -> None:
        from c5statement import InvalidStatementError, from_json

        with pytest.raises(InvalidStatementError, match=r"\$\.threshold: must be from 0 to 1"):
            StatementDiff("a", "b", threshold=10**400)
        data = {"format_version": 1, "old_id": "a", "new_id": "b", "threshold": 10**400}
        with pytest.raises(InvalidStatementError, match=r"\$\.threshold"):
            from_json(json.dumps(data), StatementDiff)
        with pytest.raises(InvalidStatementError, match=r"\$\.weight: must be 0 or more"):
            Evidence("a", "b", "c", 10**400)
        assert math.isclose(Evidence("a", "b", "c", 10**300).weight, 1e300)


class TestHugeEmbeddings:
    """Defect 9: components of 1.2e154 overflowed ``fsum``; from 1e200, identical texts paired as nothing."""

    @pytest.mark.parametrize("size", [1.2e154, 1e200, 1e308, 1e-200])
    def test_cosines_do_not_depend_on_the_scale(self, size: float) -> None:
        from c5statement import Point, embedding_similarity

        def encode(texts: list[str]) -> list[list[float]]:
            return [
                [size * ((len(text) % 7 + 1) / 8), size * (text.count("e") / len(text)), size / 2] for text in texts
            ]

        scaled = embedding_similarity(encode)
        plain = embedding_similarity(lambda texts: [[value / size for value in vector] for vector in encode(texts)])
        first, second = MEETING_2020.points[0], MEETING_2020.points[1]
        assert scaled(first, Point(9, first.text)) == 1.0
        assert math.isclose(scaled(first, second), plain(first, second), rel_tol=1e-12)
        result = diff(MEETING_2020, MEETING_2020, similarity=scaled, threshold=0.99)
        assert result.counts()["unchanged"] == len(MEETING_2020.points)


class TestConceptValidates:
    """Defect 13: ``Concept`` was not checked: a string weight, an infinite or negative one, bare-string phrases."""

    @pytest.mark.parametrize(
        ("changes", "error", "problem"),
        [
            ({"weight": "2"}, "InvalidTypeError", ("$.weight", "must be a number, got str")),
            ({"weight": math.inf}, "InvalidStatementError", ("$.weight", "must be 0 or more, got inf")),
            ({"weight": -1}, "InvalidStatementError", ("$.weight", "must be 0 or more, got -1.0")),
            ({"phrases": "water"}, "InvalidTypeError", ("$.phrases", "must be a tuple, got str")),
            ({"phrases": ("water", 3)}, "InvalidTypeError", ("$.phrases[1]", "must be a string, got int")),
            ({"label": " "}, "InvalidStatementError", ("$.label", "must not be blank")),
        ],
    )
    def test_refused_at_construction(self, changes: dict[str, object], error: str, problem: tuple[str, str]) -> None:
        import c5statement
        from c5statement import Concept

        fields: dict[str, object] = {"id": "water", "label": "water", "phrases": ("irrigation",), "reason": ""}
        with pytest.raises(getattr(c5statement, error)) as caught:
            Concept(**{**fields, **changes})  # type: ignore[arg-type]
        assert caught.type.__name__ == error
        assert caught.value.errors == (problem,)

    def test_a_list_of_phrases_is_a_tuple(self) -> None:
        from c5statement import Concept, Lexicon

        concept = Concept("water", "water", ["irrigation"], "")  # type: ignore[arg-type]
        assert concept.phrases == ("irrigation",)
        assert "@water" in Lexicon([concept]).analyse("New irrigation canals.").features
