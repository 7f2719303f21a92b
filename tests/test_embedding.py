"""The embedding adapter: a user's sentence encoder alone, or blended into the built-in score."""

from __future__ import annotations

import math
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c5statement import (
    DEFAULT_THRESHOLD,
    MEETING_2020,
    EmbeddingSimilarity,
    InvalidStatementError,
    Meeting,
    Point,
    StatementDiff,
    diff,
    embedding_similarity,
    from_json,
    to_json,
)
from c5statement._align import align
from c5statement._diff import MODEL_EVIDENCE
from c5statement._embedding import BLEND_FLOOR, BLEND_WEIGHT
from c5statement.strategies import related_meetings

TRADE = "the parties will expand commerce and lift the volume of goods exchanged between them."
REWORDED = "the sides intend to enlarge mutual trade flows and deepen economic ties."
POPLARS = "the parties will plant poplars along the canals of the Fergana valley."
TREES = "new rows of trees are to shade the irrigation ditches of that basin."
TERROR = "the ministers condemned terrorism, separatism and extremism in every form."


def topical(texts: list[str]) -> list[list[float]]:
    """A stand-in for a model that knows three topics, whatever the words: trade, security and trees."""
    topics = (("commerce", "trade", "goods", "economic"), ("terror", "extremism", "security"), ("poplar", "tree"))
    return [[1.0 if any(word in text for word in words) else 0.0 for words in topics] + [0.1] for text in texts]


def meeting(*texts: str) -> Meeting:
    points = tuple(Point(number, text) for number, text in enumerate(texts, 1))
    return attrs.evolve(MEETING_2020, points=points)


class TestBlend:
    def test_a_rewording_that_shares_no_term_is_matched_only_with_the_model(self) -> None:
        """The built-in score finds nothing in common; the model's meaning carries the pair."""
        old, new = meeting(POPLARS, TERROR), meeting(TERROR, TREES)
        alone = diff(old, new)
        assert {change.kind for change in alone.points if change.old and change.old.number == 1} == {"removed"}
        blended = diff(old, new, similarity=embedding_similarity(topical, blend=True))
        pairs = {(change.old.number, change.new.number) for change in blended.points if change.old and change.new}
        assert pairs == {(1, 2), (2, 1)}
        assert blended.provenance is not None
        assert blended.provenance.custom_similarity

    def test_a_model_that_finds_nothing_alike_leaves_the_builtin_diff_unchanged(self) -> None:
        """Cosines at or under the floor add nothing: the blended diff is the built-in one, score for score."""
        later = meeting(*[point.text for point in MEETING_2020.points[::-1][:7]], POPLARS)

        seen: list[str] = []

        def unrelated(texts: list[str]) -> list[list[float]]:  # a direction of its own for each text
            seen.extend(texts)
            return [[float(index == seen.index(text)) for index in range(64)] for text in texts]

        similarity = embedding_similarity(unrelated, blend=True, floor=0.0)
        assert similarity.bonus(MEETING_2020.points[0], later.points[0]) == 0
        plain, blended = diff(MEETING_2020, later), diff(MEETING_2020, later, similarity=similarity)
        assert blended.points == plain.points

    @pytest.mark.parametrize("padding", [0, 40], ids=["every pair scored", "candidates only"])
    def test_a_verbatim_copy_still_beats_a_near_copy_the_model_finds_alike(self, padding: int) -> None:
        """The bonus lifts a near-copy close to 1 but never to it: only equal texts reach 1, so the copy wins."""
        near = TRADE.capitalize().rstrip(".")  # the same words, a capital and no full stop: a cosine of 0.99
        topics = ("ports", "visas", "dams", "rails", "wheat", "cotton", "tea", "silk")
        fillers = [
            f"the parties discussed part {index} of the agenda on {topics[index % 8]}." for index in range(padding)
        ]
        texts = [TRADE, near, TERROR, *fillers]

        def encode(batch: list[str]) -> list[list[float]]:  # each text a direction of its own, the near-copy 0.99
            vectors = [[float(index == texts.index(text)) for index in range(len(texts))] for text in batch]
            for text, vector in zip(batch, vectors, strict=True):
                if text == near:
                    vector[0], vector[1] = 0.99, math.sqrt(1 - 0.99**2)
            return vectors

        old, new = meeting(TRADE, TERROR, *fillers), meeting(near, TRADE, TERROR, *fillers)
        assert (len(old.points) * len(new.points) > 1600) == bool(padding)
        plain = diff(old, new)
        blended = diff(old, new, similarity=embedding_similarity(encode, blend=True))
        for result in (plain, blended):
            kinds = {(c.old and c.old.number, c.new and c.new.number): c.kind for c in result.points}
            assert kinds[1, 2] == "unchanged"
            assert kinds[None, 1] == "added"
        near_copies = [c for result in (plain, blended) for c in result.points if c.new and c.new.number == 1]
        assert [c.also for c in near_copies] == [(1,), (1,)]  # a split from the old point the copy holds
        assert all(c.similarity < 1 for c in near_copies)
        # The model's bonus reached the pair's score, on this path too, and its cosine is the evidence's last item.
        plain_best = align(old.points, new.points).best_new[0]
        blended_best = align(old.points, new.points, similarity=embedding_similarity(encode, blend=True)).best_new[0]
        assert plain_best < blended_best < 1
        assert [c.evidence[-1].label == MODEL_EVIDENCE for c in near_copies] == [False, True]

    def test_the_bonus_is_the_weighted_cosine_above_the_floor(self) -> None:
        similarity = embedding_similarity(lambda texts: [[1.0, float(len(text) % 2)] for text in texts], blend=True)
        same, other = Point(1, "ab"), Point(2, "abc")
        cosine = similarity(same, other)
        assert math.isclose(cosine, 1 / math.sqrt(2))
        assert math.isclose(similarity.bonus(same, other), BLEND_WEIGHT * (cosine - BLEND_FLOOR))
        assert similarity.bonus(same, Point(3, "cd")) == pytest.approx(BLEND_WEIGHT * (1 - BLEND_FLOOR))
        lower = embedding_similarity(
            lambda texts: [[1.0, float(len(text) % 2)] for text in texts], blend=True, floor=0.8
        )
        assert lower.bonus(same, other) == 0

    def test_the_encoder_is_called_once_for_both_statements(self) -> None:
        seen: list[list[str]] = []

        def encode(texts: list[str]) -> list[list[float]]:
            seen.append(texts)
            return topical(texts)

        similarity = embedding_similarity(encode, blend=True)
        diff(meeting(TRADE, TERROR), meeting(REWORDED), similarity=similarity)
        diff(meeting(TRADE, TERROR), meeting(REWORDED), similarity=similarity)
        assert similarity.calls == 1
        assert sorted(seen[0]) == sorted([TRADE, TERROR, REWORDED])

    def test_the_score_is_the_calibrated_one_not_the_cosine(self) -> None:
        """Alone, a pair scores its cosine (here 1); blended, the calibrated match score of the raised raw score."""
        old, new = meeting(TRADE, TERROR), meeting(TERROR, REWORDED)

        def trade_pair(result: StatementDiff) -> float:
            (change,) = [c for c in result.points if c.old and c.new and c.old.number == 1]
            return change.similarity

        assert trade_pair(diff(old, new, similarity=embedding_similarity(topical))) == pytest.approx(1.0)
        blended = trade_pair(diff(old, new, similarity=embedding_similarity(topical, blend=True)))
        assert DEFAULT_THRESHOLD <= blended < 1.0

    def test_repr_names_the_mode(self) -> None:
        assert "blend=True, weight=0.6, floor=0.5" in repr(embedding_similarity(topical, blend=True))
        assert "blend=False" in repr(embedding_similarity(topical))


class TestBlendLaws:
    @settings(max_examples=40, deadline=None)
    @given(related_meetings(max_points=6))
    def test_apply_and_identity_hold_blended(self, pair: tuple[Meeting, Meeting]) -> None:
        old, new = pair
        similarity = embedding_similarity(topical, blend=True)
        assert diff(old, new, similarity=similarity).apply(old) == new
        assert not diff(old, old, similarity=similarity)
        assert diff(new, old, similarity=similarity).inverted().apply(old) == new


class TestBlendArguments:
    @pytest.mark.parametrize(
        ("arguments", "error", "message"),
        [
            ({"blend": "yes"}, TypeError, "blend must be True or False, got str"),
            ({"blend": True, "weight": "0.6"}, TypeError, "weight must be a number, got str"),
            ({"blend": True, "floor": [0.5]}, TypeError, "floor must be a number, got list"),
            ({"blend": True, "weight": True}, TypeError, "weight must be a number, got bool"),
            ({"blend": True, "weight": -0.1}, ValueError, "weight must be a finite number 0 or more, got -0.1"),
            ({"blend": True, "weight": math.inf}, ValueError, "weight must be a finite number 0 or more, got inf"),
            ({"blend": True, "weight": 10**400}, ValueError, "weight must be a finite number 0 or more, got 1000"),
            ({"blend": True, "floor": 1.0}, ValueError, "floor must be a finite number from 0 to under 1, got 1.0"),
            ({"blend": True, "floor": math.nan}, ValueError, "floor must be a finite number from 0 to under 1, got n"),
            ({"weight": 0.6}, ValueError, "weight applies only with blend=True"),
            ({"weight": 0.8, "floor": 0.4}, ValueError, "weight and floor apply only with blend=True"),
        ],
    )
    def test_bad_arguments_say_which_and_why(self, arguments: dict[str, object], error: type, message: str) -> None:
        with pytest.raises(error) as raised:
            embedding_similarity(topical, **arguments)  # type: ignore[arg-type]
        assert str(raised.value).startswith("embedding_similarity: ")
        assert message in str(raised.value)

    def test_a_function_that_is_not_callable_is_named(self) -> None:
        with pytest.raises(InvalidStatementError, match=r"expected a function of a list of texts, got str"):
            embedding_similarity("all-MiniLM-L6-v2")  # type: ignore[arg-type]

    @given(st.floats(0, 10), st.floats(0, 0.999))
    def test_any_weight_and_floor_in_range_are_taken(self, weight: float, floor: float) -> None:
        similarity = embedding_similarity(topical, blend=True, weight=weight, floor=floor)
        assert isinstance(similarity, EmbeddingSimilarity)
        assert (similarity.weight, similarity.floor) == (weight, floor)
        assert 0 <= similarity.bonus(Point(1, TRADE), Point(2, REWORDED)) <= weight


class TestEncoderOutput:
    """What an encoder returns is checked as it arrives, each problem named with the text it concerns."""

    @pytest.mark.parametrize(
        ("rows", "why"),
        [
            ([None, [1.0]], "NoneType for the text 'a', not a vector of finite numbers"),
            ([1.0, [1.0]], "float for the text 'a'"),
            (["ab", [1.0]], "str for the text 'a'"),
            ([[[1.0]], [1.0]], "list for the text 'a'"),
            ([[], [1.0]], "list for the text 'a'"),
            ([[math.nan], [1.0]], "for the text 'a'"),
            ([[1.0], [1.0, 2.0]], "different lengths (1 and 2, for 'b')"),
            ([[1.0]], "1 vectors for 2 texts"),
        ],
    )
    def test_malformed_vectors_are_refused_by_text(self, rows: list[object], why: str) -> None:
        similarity = embedding_similarity(lambda _texts: rows)  # type: ignore[arg-type, return-value]
        with pytest.raises(ValueError, match="the encoder returned") as raised:
            similarity.prepare(["a", "b"])
        assert why in str(raised.value)

    def test_an_encoder_returning_no_sequence_is_named(self) -> None:
        similarity = embedding_similarity(lambda _texts: 3)  # type: ignore[arg-type, return-value]
        with pytest.raises(ValueError, match="the encoder returned int, not one vector per text"):
            similarity.prepare(["a"])

    def test_lengths_must_agree_across_calls(self) -> None:
        sizes = iter([2, 3])
        similarity = embedding_similarity(lambda texts: [[1.0] * next(sizes) for _ in texts])
        similarity.prepare(["a"])
        with pytest.raises(ValueError, match=r"different lengths \(2 and 3, for 'b'\)"):
            similarity.prepare(["b"])

    @pytest.mark.parametrize("blend", [False, True])
    def test_equal_texts_are_alike_whatever_their_vectors(self, blend: bool) -> None:
        """An encoder giving zero vectors (cosine 0) no longer breaks ``diff(x, x)`` being empty."""
        similarity = embedding_similarity(lambda texts: [[0.0, 0.0] for _ in texts], blend=blend)
        assert similarity(MEETING_2020.points[0], Point(7, MEETING_2020.points[0].text)) == 1.0
        assert not diff(MEETING_2020, MEETING_2020, similarity=similarity)


class TestBlendIsChosenByItsShape:
    def test_a_similarity_of_the_users_own_with_a_blend_attribute_still_replaces_the_score(self) -> None:
        """Only a similarity that has a ``bonus`` to add is blended; any other function is called."""
        calls: list[tuple[int, int]] = []

        class Mine:
            blend = True

            def __call__(self, old: Point, new: Point) -> float:
                calls.append((old.number, new.number))
                return 1.0 if old.text == new.text else 0.0

        result = diff(MEETING_2020, MEETING_2020, similarity=Mine())
        assert calls
        assert not result

    @settings(max_examples=30, deadline=None)
    @given(related_meetings(max_points=6))
    def test_a_weight_of_zero_is_the_builtin_diff(self, pair: tuple[Meeting, Meeting]) -> None:
        old, new = pair
        nothing = embedding_similarity(topical, blend=True, weight=0)
        assert diff(old, new, similarity=nothing).points == diff(old, new).points

    def test_any_real_number_is_taken(self) -> None:
        """Fractions, and numpy's floats, are real numbers too."""
        similarity = embedding_similarity(topical, blend=True, weight=Fraction(3, 5), floor=Fraction(1, 2))  # type: ignore[arg-type]
        assert (similarity.weight, similarity.floor) == (0.6, 0.5)


class TestModelEvidence:
    """A pair the model helped match says so: in its evidence, in every view and in JSON."""

    def test_a_pair_matched_on_meaning_names_the_model(self) -> None:
        old, new = meeting(POPLARS, TERROR), meeting(TERROR, TREES)
        result = diff(old, new, similarity=embedding_similarity(topical, blend=True))
        (trees,) = [change for change in result.points if change.new is not None and change.new.number == 2]
        assert [str(item) for item in trees.evidence] == ["meaning: sentence model, cosine 1.00"]
        assert trees.evidence[0].weight == pytest.approx(BLEND_WEIGHT * (1 - BLEND_FLOOR))
        assert "shared: meaning: sentence model, cosine 1.00" in result.to_text()
        assert "shared: meaning: sentence model, cosine 1.00" in result.to_markdown()
        assert "sentence model, cosine 1.00" in result.to_html()
        assert from_json(to_json(result), StatementDiff) == result

    def test_equal_texts_and_pairs_the_model_finds_apart_get_no_model_evidence(self) -> None:
        old, new = meeting(POPLARS, TERROR), meeting(TERROR, TREES)
        result = diff(old, new, similarity=embedding_similarity(topical, blend=True))
        (terror,) = [change for change in result.points if change.new is not None and change.new.number == 1]
        assert all(item.label != "meaning" for item in terror.evidence)
        plain = diff(old, new, similarity=embedding_similarity(topical))
        assert all(item.label != "meaning" for change in plain.points for item in change.evidence)

    def test_an_encoder_given_as_the_similarity_is_explained(self) -> None:
        with pytest.raises(TypeError, match=r"a sentence encoder goes in embedding_similarity\(encode\) first"):
            diff(MEETING_2020, MEETING_2020, similarity=topical)  # type: ignore[arg-type]
