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
import time
from collections.abc import Callable
from typing import Any

import attrs

from c5statement import NoPointsFoundError, parse_points


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


SECTIONS: dict[str, Callable[[], list[Shape]]] = {"parse": parse_shapes}
"""The sections, by name, in the order they run."""


def best_time(shape: Shape, value: object, *, minimum: float = 0.2, repeats: int = 5) -> float:
    """The shortest of up to *repeats* runs, stopping once *minimum* seconds have been spent."""
    times: list[float] = []
    started = time.perf_counter()
    while len(times) < repeats and (not times or time.perf_counter() - started < minimum):
        start = time.perf_counter()
        shape.run(value)
        times.append(time.perf_counter() - start)
    return min(times)


def measure(shape: Shape, sizes: list[int], budget: float) -> None:
    """Print one line per size for *shape*: size, time, ratio to the step before."""
    print(f"  {shape.name}")
    previous: float | None = None
    for size in sizes:
        seconds = best_time(shape, shape.build(size))
        ratio = "" if previous is None else f"x{seconds / previous:5.1f}"
        print(f"    {size:>9,} B  {seconds * 1000:10.2f} ms  {ratio}")
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
            measure(shape, sizes, arguments.budget)
        print(f"  ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
