"""Work per doubling of the input: every path named here grows as ``n log n`` or better (issue 21).

Work is counted, not timed: the number of Python lines executed (traced with
:func:`sys.settrace`, in the package and the standard library alike), for an
input and for one twice its size. Linear work doubles; ``n log n`` a little
more; quadratic work quadruples. Each test asserts a ratio of at most
:data:`MOST`, and each failed on the code before the fix (where the ratio was
3.5 to 8). The timings of the same paths, for much larger inputs, are printed
by ``benchmarks/scaling.py``.
"""

from __future__ import annotations

import random
import sys
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from c5statement import MEETING_2020, Meeting, Point, compare, key_terms
from c5statement._edits import word_edits

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType

MOST = 2.6
"""The largest ratio of the work for an input twice as large: ``n log n`` with room, far below quadratic's 4."""


def work(call: Callable[[], object], *, opcodes: bool = False) -> int:
    """The number of Python lines that running *call* executes (or, with *opcodes*, of bytecode instructions).

    Lines miss the loop of a comprehension written on one line; instructions
    see it, at several times the cost of tracing.
    """
    count = 0
    counted = "opcode" if opcodes else "line"

    def trace(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:  # noqa: ARG001 - the tracing protocol
        nonlocal count
        if opcodes:
            frame.f_trace_opcodes = True
        if event == counted:
            count += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        call()
    finally:
        sys.settrace(previous)
    return count


def ratio(build: Callable[[int], Callable[[], object]], size: int, *, opcodes: bool = False) -> float:
    """The work for an input of *2 size* over the work for one of *size* (each built afresh, untraced).

    A run on half the size comes first, untraced: what is done once (loading the
    lexicon, the stemmer) is not counted against the smaller input.
    """
    build(size // 2)()
    small, large = build(size), build(2 * size)
    return work(large, opcodes=opcodes) / work(small, opcodes=opcodes)


WORDS = " ".join(point.text for point in MEETING_2020.points).split()


def _long_point(tokens: int, seed: int = 5) -> tuple[str, str]:
    """A long point of the 2020 record's words, shuffled, and the same with one word in 25 changed."""
    rng = random.Random(seed)  # noqa: S311 - made-up texts, not secrets
    old = [WORDS[index % len(WORDS)] for index in range(tokens)]
    rng.shuffle(old)
    new = list(old)
    for _ in range(tokens // 25):
        new[rng.randrange(tokens)] = rng.choice(["further", "jointly", "regional", "the"])
    return " ".join(old), " ".join(new)


def _sentences(size: int) -> tuple[str, str]:
    """Many short sentences, every other one edited: many edits in many sentences."""
    old = [f"All parties will expand trade in sector {index} and deepen ties." for index in range(size)]
    new = [text.replace("expand", "widen") if index % 2 else text for index, text in enumerate(old)]
    return " ".join(old), " ".join(new)


def _flood(size: int) -> tuple[str, str]:
    """Combining marks by the thousand, around a changed word."""
    marks = "\u0301" * size
    return f"a{marks} b {marks} c.", f"a{marks} x {marks} d."


class TestWordEdits:
    """Defect 1: word edits were cubic on long points, quadratic in sentences and in combining marks."""

    @pytest.mark.parametrize(
        ("make", "size"),
        [(_long_point, 1500), (_sentences, 150), (_flood, 2000)],
        ids=["long point", "many sentences", "combining marks"],
    )
    def test_work_per_doubling(self, make: Callable[[int], tuple[str, str]], size: int) -> None:
        assert ratio(lambda n: lambda: word_edits(*make(n)), size) <= MOST

    def test_edits_still_read_back_both_ways(self) -> None:
        old, new = _long_point(3000)
        edits = word_edits(old, new)
        assert 0 < len(edits) < 3000 // 10
        rebuilt, at = [], 0
        for edit in edits:
            rebuilt += [old[at : edit.old_start], edit.new_text]
            at = edit.old_end
        assert "".join([*rebuilt, old[at:]]) == new


class TestKeyTerms:
    """Defect 2: ``key_terms`` was quadratic in the repeats of a name; a run of articles too."""

    @pytest.mark.parametrize(
        ("unit", "size"),
        [("All parties support the Belt and Road Initiative. ", 400), ("The ", 2000)],
        ids=["a repeated name", "a run of articles"],
    )
    def test_work_per_doubling(self, unit: str, size: int) -> None:
        assert ratio(lambda n: lambda: key_terms(unit * n + "Forum."), size) <= MOST


def _series(count: int) -> list[Meeting]:
    """*count* statements of 8 points, each dropping half the points of the one before for good."""
    texts = [
        f"All parties will develop topic{k} cooperation with partner{k} in sector{k}." for k in range(4 * count + 8)
    ]
    return [
        attrs.evolve(
            MEETING_2020,
            id=f"s{index}",
            points=tuple(Point(number + 1, texts[4 * index + number]) for number in range(8)),
        )
        for index in range(count)
    ]


class TestCompare:
    """Defect 3: following lineages was quadratic in the number of statements when lineages were dropped."""

    def test_work_per_doubling_of_the_statements(self) -> None:
        from c5statement import default_lexicon
        from c5statement._compare import _lineages
        from c5statement._diff import Matching

        matching = Matching(0.5, None, default_lexicon())

        def build(count: int) -> Callable[[], object]:
            statements = _series(count)
            diffs = compare(statements).diffs  # untraced: the diffs cost what their steps cost
            return lambda: _lineages(statements, diffs, matching)

        assert ratio(build, 40) <= MOST


class TestDiff:
    """Large statements of many equal or near-equal texts: the pairs sharing a phrase were the square of them.

    The assignment is left out: components up to ``EXACT_LIMIT`` points (``_solver``) are
    solved exactly, in cubic time bounded by that constant.
    """

    @pytest.mark.parametrize("reworded", [False, True], ids=["identical", "reworded alike"])
    def test_work_per_doubling_of_repeated_points(self, reworded: bool) -> None:
        from c5statement import default_lexicon
        from c5statement._align import _Scorer

        def build(count: int) -> Callable[[], object]:
            text = f"All parties will deepen cooperation in trade, energy, transport and the digital economy {count}."
            later = text.replace("deepen", "further deepen") if reworded else text
            old = [Point(n + 1, text) for n in range(count)]
            new = [Point(n + 1, later) for n in range(count)]

            def run() -> object:
                scorer = _Scorer(old, new, default_lexicon())
                return [scorer(*pair) for pair in scorer.candidates()]

            return run

        assert ratio(build, 200, opcodes=True) <= MOST

    def test_work_per_doubling_when_every_text_is_weak(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Two unrelated statements of common words: every text gets the second, wider look, each one bounded.

        The budgets are made small so that they bind at these sizes (at the
        real ones they bind from a few thousand points): what is checked is that
        no look reads, sums or sorts anything in proportion to the other side.
        """
        from c5statement import _align, default_lexicon

        monkeypatch.setattr(_align, "_POSTINGS", 32)
        monkeypatch.setattr(_align, "_WIDE_POSTINGS", 64)
        rng = random.Random(21)  # noqa: S311 - made-up texts, not secrets

        def build(count: int) -> Callable[[], object]:
            old = [Point(n + 1, " ".join(rng.choices(WORDS, k=rng.randint(12, 30))) + ".") for n in range(count)]
            new = [Point(n + 1, " ".join(rng.choices(WORDS, k=rng.randint(12, 30))) + ".") for n in range(count)]
            lexicon = default_lexicon()
            for point in (*old, *new):
                lexicon.weights(point.text)  # analysed beforehand: the analysis is linear, and counted elsewhere

            def run() -> object:
                scorer = _align._Scorer(old, new, lexicon)
                return scorer.candidates()

            return run

        assert ratio(build, 400) <= MOST  # a pass over the other side per text gave 2.75


class TestSplitBeside:
    """Splits beside their continuation: each split made was found by a pass over every new point again.

    A commitment whose continuation comes last, after many new points leaning on
    the same old point, splits them one per pass, from the end back: the passes
    were as many as the points, each reading all the splits made.
    """

    def test_work_per_doubling_of_points_leaning_on_one(self) -> None:
        from c5statement._align import align

        kept = "The five states of Central Asia and China will build new railways, highways and border crossings."
        leaning = "The parties will further open new highways and railway lines across their borders."

        def statements(count: int) -> tuple[list[Point], list[Point]]:
            return [Point(1, kept)], [Point(n + 1, leaning) for n in range(count)] + [Point(count + 1, kept)]

        def build(count: int) -> Callable[[], object]:
            old, new = statements(count)
            return lambda: align(old, new)

        assert len(align(*statements(100)).beside) == 100  # every point leaning on the kept one splits beside
        assert ratio(build, 200) <= MOST
