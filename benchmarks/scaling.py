"""How run time grows with input size: linear code takes about 4x as long for 4x the input.

Run with ``python benchmarks/scaling.py`` (all sections) or name sections:
``python benchmarks/scaling.py parse``. For every shape of input of a section, the
input grows 4x per step, from 2^10 bytes up to ``--max-size`` (2^20 by default);
each line prints the size, the best time of a few runs, and the ratio to the time
of the step before. A ratio near 4 is linear, near 16 quadratic. A shape stops
growing once the next step, judged from the last ratio (at least 4), would take
longer than ``--budget`` seconds, so the whole script stays well under a minute
even where the code is slow.

A section is a function that returns its shapes; add one to ``SECTIONS`` to
measure something else (diff, from_json, ...). A shape names itself, builds an
input of about a given number of bytes, and runs the operation on it.

All texts are illustrative, generated here.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import random
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import attrs

from c5statement import (
    MEETING_2020,
    InvalidStatementError,
    Meeting,
    NoPointsFoundError,
    Point,
    compare,
    diff,
    from_json,
    key_terms,
    parse_points,
    to_json,
)
from c5statement._edits import word_edits


@attrs.frozen
class Shape:
    """One kind of input: *build* makes an input of about *size* bytes, *run* is timed on it."""

    name: str
    build: Callable[[int], Any]
    run: Callable[[Any], object]


def repeated(unit: str, size: int, *, head: str = "", tail: str = "") -> str:
    """*head*, then *unit* as many times as fit in about *size* bytes (at least once), then *tail*."""
    count = max(1, (size - len(head.encode()) - len(tail.encode())) // len(unit.encode()))
    return head + unit * count + tail


def _parse_or_nothing(text: str) -> object:
    try:
        return parse_points(text)
    except NoPointsFoundError:
        return ()


_PROSE = "The ministers discussed cooperation in trade, energy and transport, and agreed to meet again. "


def parse_shapes() -> list[Shape]:
    """Shapes of statement text for :func:`c5statement.parse_points`."""
    texts: dict[str, Callable[[int], str]] = {
        "many separate lists": lambda size: repeated(
            "Agenda item.\n\n1. trade and investment.\n2. energy and transit.\n\n", size
        ),
        "restarting numbering": lambda size: repeated("1. a\n2. b\n", size),
        "bullets, nested numbers": lambda size: repeated("• Politics:\n   1) trust;\n   2) dialogue;\n", size),
        "one long bullet list": lambda size: repeated("• all parties will expand trade and investment.\n", size),
        "one long ordinal list": lambda size: (
            repeated("more about trade and investment.\n", size - 40, head="First, all parties agree.\n")
            + "\nSecond, all parties act.\n"
        ),
        "ordinals run together": lambda size: repeated(
            "Agreed. First, trade grows. Second, energy flows. Third, transit opens.\n\n", size
        ),
        "chinese enumerators": lambda size: repeated("一、加强政治互信。\n二、深化经贸合作。\n\n", size),
        "prose, no list": lambda size: repeated(_PROSE * 4 + "\n\n", size),
        "prose, one line per paragraph": lambda size: repeated(_PROSE * 2 + "\n", size),
    }
    return [Shape(name, build, _parse_or_nothing) for name, build in texts.items()]


# About this many bytes of statement text per point: sizes are bytes of text, as for parse.
_POINT_BYTES = 120


# Each input drawn anew gets new words: the package caches what it learns of a text.
_RUNS = itertools.count()


def _words(prefix: str, rng: random.Random, count: int, vocabulary: int) -> list[str]:
    """*count* words drawn from *vocabulary* words named after *prefix* (a few common, most rare)."""
    return [f"{prefix}{min(int(rng.paretovariate(1.1)), vocabulary)}" for _ in range(count)]


def _meeting(texts: list[str]) -> Meeting:
    points = tuple(Point(number=index + 1, text=text) for index, text in enumerate(texts))
    return attrs.evolve(MEETING_2020, points=points)


def _disjoint(size: int) -> tuple[Meeting, Meeting]:
    """Two statements that share no word: every point is unmatched on both sides."""
    count = max(2, size // _POINT_BYTES)
    rng = random.Random(next(_RUNS))
    old = [" ".join(_words("alpha", rng, 15, 10**6)) + "." for _ in range(count)]
    new = [" ".join(_words("omega", rng, 15, 10**6)) + "." for _ in range(count)]
    return _meeting(old), _meeting(new)


def _identical(size: int) -> tuple[Meeting, Meeting]:
    """Every point, on both sides, has the same text."""
    count = max(2, size // _POINT_BYTES)
    text = f"All parties will deepen cooperation in trade, energy, transport and the digital economy {next(_RUNS)}."
    return _meeting([text] * count), _meeting([text] * count)


def _realistic(size: int) -> tuple[Meeting, Meeting]:
    """A statement and its successor: most points kept, some edited, moved, dropped or new."""
    count = max(2, size // _POINT_BYTES)
    rng = random.Random(next(_RUNS))
    old = [" ".join(["all", "parties", *_words("w", rng, 12, 5000)]) + "." for _ in range(count)]
    new: list[str] = []
    for text in old:
        roll = rng.random()
        if roll < 0.05:  # dropped
            continue
        if roll < 0.25:  # edited: a few words changed
            words = text.split()
            for _ in range(3):
                words[rng.randrange(len(words))] = f"new{rng.randrange(10**6)}"
            text = " ".join(words)  # noqa: PLW2901 - the edited text
        new.append(text)
        if roll > 0.95:  # a new point after this one
            new.append(" ".join(["all", "parties", *_words("w", rng, 12, 5000)]) + ".")
    for _ in range(len(new) // 20):  # a few moved
        new.insert(rng.randrange(len(new)), new.pop(rng.randrange(len(new))))
    return _meeting(old), _meeting(new)


_WORDS_2020 = " ".join(point.text for point in MEETING_2020.points).split()


def _common_words(size: int) -> tuple[Meeting, Meeting]:
    """Points drawn from the 2020 statement's own words (no word rare), a word in each changed, some moved."""
    count = max(2, size // _POINT_BYTES)
    rng = random.Random(next(_RUNS))
    old = [" ".join(rng.choice(_WORDS_2020) for _ in range(rng.randint(12, 30))) for _ in range(count)]
    new = []
    for text in old:
        words = text.split()
        words[rng.randrange(len(words))] = f"new{rng.randrange(10**6)}"
        new.append(" ".join(words))
    for _ in range(count // 20):
        new.insert(rng.randrange(len(new)), new.pop(rng.randrange(len(new))))
    return _meeting(old), _meeting(new)


def _repeated_reworded(size: int) -> tuple[Meeting, Meeting]:
    """The same point over and over, reworded alike on the other side."""
    count = max(2, size // _POINT_BYTES)
    run = next(_RUNS)
    text = f"All parties will strengthen cooperation in agriculture and water {run}."
    return _meeting([text] * count), _meeting([text.replace("water", "water resources")] * count)


def _one_long_word(size: int) -> tuple[Meeting, Meeting]:
    """The 2020 record, and a later statement whose first point is one long word, the start of a name repeated."""
    word = repeated("центральн", size, tail=f" {next(_RUNS)}")
    return MEETING_2020, _meeting([word, "Kazakhstan and Uzbekistan will host the next meeting of ministers."])


def _leaning_on_one(size: int) -> tuple[Meeting, Meeting]:
    """One point on Central Asia, and a statement of points leaning on it, the point itself last: each splits beside."""
    count = max(2, size // _POINT_BYTES)
    kept = f"The five states of Central Asia and China will build railways, highways and border posts {next(_RUNS)}."
    leaning = "The parties will further open new highways and railway lines across their borders."
    return _meeting([kept]), _meeting([leaning] * (count - 1) + [kept])


def diff_shapes() -> list[Shape]:
    """Pairs of statements for :func:`c5statement.diff`; the size is the bytes of point text of one side."""
    pairs: dict[str, Callable[[int], tuple[Meeting, Meeting]]] = {
        "disjoint": _disjoint,
        "identical texts": _identical,
        "realistic": _realistic,
        "common words only": _common_words,
        "repeated texts, reworded": _repeated_reworded,
        "one long word": _one_long_word,
        "leaning on one point": _leaning_on_one,
    }
    return [Shape(name, build, lambda pair: diff(*pair)) for name, build in pairs.items()]


def _load_or_problems(text: str) -> object:
    try:
        return from_json(text)
    except InvalidStatementError as error:
        return error.errors


def _with(size: int, key: str, unit: object) -> str:
    """The 2020 record with *key* holding as many copies of *unit* as fill about *size* bytes."""
    data = json.loads(to_json(MEETING_2020))
    data[key] = [unit] * max(1, size // (len(json.dumps(unit)) + 2))
    return json.dumps(data)


def from_json_shapes() -> list[Shape]:
    """Bad documents for :func:`c5statement.from_json`: all must be rejected, in time linear in their size."""
    point = json.loads(to_json(MEETING_2020))["points"][0]
    documents: dict[str, Callable[[int], str]] = {
        "empty objects in quotes": lambda size: _with(size, "quotes", {}),
        "points of the wrong types": lambda size: _with(size, "points", {"number": "1", "text": 2}),
        "valid points, one bad key": lambda size: _with(size, "points", dict(point, extra=1)),
        "unknown keys": lambda size: json.dumps({"format_version": 1, **{f"k{i}": i for i in range(size // 12)}}),
        "one huge unknown key": lambda size: json.dumps({"format_version": 1, "k" * size: 1}),
        "deep nesting": lambda size: '{"format_version": 1, "notes": ' + "[" * (size // 2) + "]" * (size // 2) + "}",
        "a long integer": lambda size: '{"format_version": 1, "points": ' + "9" * size + "}",
        "duplicate keys": lambda size: "{" + '"format_version": 1, ' * (size // 20) + '"id": "x"}',
    }
    return [Shape(name, build, _load_or_problems) for name, build in documents.items()]


def _long_point(size: int) -> tuple[str, str]:
    """A point of about *size* bytes of the 2020 record's words, shuffled, and the same with one word in 25 changed."""
    rng = random.Random(next(_RUNS))
    old = [_WORDS_2020[index % len(_WORDS_2020)] for index in range(max(2, size // 7))]
    rng.shuffle(old)
    new = list(old)
    for _ in range(len(new) // 25):
        new[rng.randrange(len(new))] = f"new{rng.randrange(10**6)}"
    return " ".join(old), " ".join(new)


def _many_sentences(size: int) -> tuple[str, str]:
    """Short sentences, every other one edited: many edits in many sentences."""
    run = next(_RUNS)
    old = [f"All parties will expand trade in sector {index} and deepen ties {run}." for index in range(size // 66)]
    new = [text.replace("expand", "widen") if index % 2 else text for index, text in enumerate(old)]
    return " ".join(old), " ".join(new)


def _combining(size: int) -> tuple[str, str]:
    """Combining marks by the thousand (two bytes each), around a changed word."""
    marks = "\u0301" * max(1, size // 4)
    return f"a{marks} b {marks} c{next(_RUNS)}.", f"a{marks} x {marks} d."


def edits_shapes() -> list[Shape]:
    """Pairs of long point texts for the word edits that text views show (:attr:`PointChange.edits`)."""
    texts: dict[str, Callable[[int], tuple[str, str]]] = {
        "a long point, words shuffled": _long_point,
        "many sentences, many edits": _many_sentences,
        "a flood of combining marks": _combining,
    }
    return [Shape(name, build, lambda pair: word_edits(*pair)) for name, build in texts.items()]


def terms_shapes() -> list[Shape]:
    """Texts for :func:`c5statement.key_terms`, which the views run on added and removed points."""
    texts: dict[str, Callable[[int], str]] = {
        "a named initiative, repeated": lambda size: repeated(
            "All parties support the Belt and Road Initiative. ", size, tail=f"Forum {next(_RUNS)}."
        ),
        "a run of articles": lambda size: repeated("The ", size, tail=f"Forum {next(_RUNS)}."),
    }
    return [Shape(name, build, key_terms) for name, build in texts.items()]


def _dropping_series(size: int) -> list[Meeting]:
    """A statement per kilobyte, 8 points each, each dropping half the points of the one before for good."""
    count = max(2, size // 1024)
    run = next(_RUNS)
    texts = [
        f"All parties will develop topic{k} links with partner{k} in sector{k} {run}." for k in range(4 * count + 8)
    ]
    return [
        attrs.evolve(MEETING_2020, id=f"s{index}", points=tuple(Point(n + 1, texts[4 * index + n]) for n in range(8)))
        for index in range(count)
    ]


def compare_shapes() -> list[Shape]:
    """Series for :func:`c5statement.compare`: a statement per kilobyte of the size; every step drops lineages."""
    return [Shape("lineages dropped at every step", _dropping_series, compare)]


SECTIONS: dict[str, Callable[[], list[Shape]]] = {
    "parse": parse_shapes,
    "diff": diff_shapes,
    "from_json": from_json_shapes,
    "edits": edits_shapes,
    "terms": terms_shapes,
    "compare": compare_shapes,
}
"""The sections, by name, in the order they run."""


def best_time(shape: Shape, size: int, *, minimum: float = 0.2, repeats: int = 5) -> float:
    """The shortest of up to *repeats* runs, stopping once *minimum* seconds have been spent.

    Each run gets an input built afresh (untimed), so that no run profits from
    what the package cached while running on the input before.

    As :mod:`timeit` does, the cyclic garbage collector is off while a run is
    timed: its passes over every object alive (the inputs included) would add
    a cost that grows with the heap, not with the work measured.
    """
    times: list[float] = []
    started = time.perf_counter()
    while len(times) < repeats and (not times or time.perf_counter() - started < minimum):
        value = shape.build(size)
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            shape.run(value)
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def peak_memory(shape: Shape, value: object) -> int:
    """The peak of memory allocated by one run of *shape* on *value*, in bytes (traced, so run once, untimed)."""
    tracemalloc.start()
    try:
        shape.run(value)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def measure(shape: Shape, sizes: list[int], budget: float, *, memory: bool = False) -> None:
    """Print one line per size for *shape*: size, time, ratio to the step before (and peak memory, if asked)."""
    print(f"  {shape.name}")
    previous: float | None = None
    for size in sizes:
        seconds = best_time(shape, size)
        ratio = "" if previous is None else f"x{seconds / previous:5.1f}"
        peak = f"  {peak_memory(shape, shape.build(size)) / 2**20:8.1f} MiB peak" if memory else ""
        print(f"    {size:>9,} B  {seconds * 1000:10.2f} ms  {ratio:6}{peak}")
        growth = 4.0 if previous is None else max(4.0, seconds / previous)
        previous = seconds
        if size != sizes[-1] and seconds * growth > budget:
            print(f"    (stopped: the next size would take more than {budget} s)")
            break


def main(argv: list[str] | None = None) -> None:
    """Measure the named sections, or all of them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("sections", nargs="*", help=f"sections to run, of {', '.join(SECTIONS)} (default: all)")
    parser.add_argument("--max-size", type=int, default=2**20, help="largest input in bytes (default 2^20)")
    parser.add_argument("--budget", type=float, default=3.0, help="longest run to attempt, in seconds (default 3)")
    parser.add_argument("--memory", action="store_true", help="also trace the peak memory of one run per size")
    arguments = parser.parse_args(argv)
    unknown = [name for name in arguments.sections if name not in SECTIONS]
    if unknown:
        parser.error(f"unknown sections: {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    sizes = []
    size = 2**10
    while size <= arguments.max_size:
        sizes.append(size)
        size *= 4
    for name in arguments.sections or SECTIONS:
        print(name)
        started = time.perf_counter()
        for shape in SECTIONS[name]():
            measure(shape, sizes, arguments.budget, memory=arguments.memory)
        print(f"  ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
