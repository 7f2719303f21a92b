"""Time diff() against DeepDiff(ignore_order=True) and difflib, and score their pairing of points.

Run with ``python benchmarks/bench_diff.py`` (DeepDiff must be installed). Each case
is a pair of statements with a known truth: the later one is made from the earlier
by rewording points, dropping some, adding new ones and moving some to other
places. At 9 points the earlier statement is the real 2020 record; at 60 and 1000
points it is generated from a vocabulary of diplomatic phrases (``illustrative``).

Columns: the median wall time of one comparison, and "pairs right", the share of
the true pairs (old point, new point) that the tool reported; "wrong" counts the
pairs it reported that are not true pairs. DeepDiff pairs items when their dicts are
equal or when it reports a change between them; difflib pairs equal texts and, in a
replaced block, texts at the same offset.

"diff, blend=True" is ``diff`` with ``embedding_similarity(encode,
blend=True)``, its vectors from a stand-in encoder (384 random numbers per text,
drawn once): it times what the blend adds to the diff, not a model's encoding,
and since the stand-in's cosines are near 0, it pairs as the built-in diff does.
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import random
import statistics
import time
from typing import TYPE_CHECKING

import attrs

from c5statement import MEETING_2020, Meeting, Point, diff, embedding_similarity, to_dict

if TYPE_CHECKING:
    from collections.abc import Callable

try:
    from deepdiff import DeepDiff
    from deepdiff.helper import notpresent
except ImportError:  # pragma: no cover - the benchmark reports that it is missing
    HAVE_DEEPDIFF = False
else:
    HAVE_DEEPDIFF = True

Pairs = set[tuple[int, int]]

_OPENINGS = (
    "all parties will",
    "all parties agree to",
    "the parties stand ready to",
    "all parties support efforts to",
    "the sides will continue to",
    "all parties reaffirm their commitment to",
)
_VERBS = (
    "strengthen",
    "expand",
    "deepen",
    "promote",
    "advance",
    "support",
    "develop",
    "intensify",
    "facilitate",
    "broaden",
    "enhance",
    "coordinate",
    "build",
    "upgrade",
    "encourage",
    "explore",
)
_SECTORS = (
    "agricultural",
    "energy",
    "transport",
    "digital",
    "customs",
    "health",
    "education",
    "tourism",
    "financial",
    "industrial",
    "water",
    "climate",
    "security",
    "cultural",
    "media",
    "youth",
    "scientific",
    "logistics",
    "e-commerce",
    "satellite",
    "pharmaceutical",
    "textile",
    "mining",
    "railway",
    "aviation",
    "postal",
    "veterinary",
    "forestry",
    "fisheries",
    "archaeological",
)
_NOUNS = (
    "cooperation",
    "partnership",
    "exchanges",
    "investment",
    "connectivity",
    "dialogue",
    "research",
    "projects",
    "corridors",
    "standards",
    "platforms",
    "centres",
    "programmes",
    "zones",
    "networks",
)
_PLACES = (
    "Almaty",
    "Bishkek",
    "Dushanbe",
    "Ashgabat",
    "Tashkent",
    "Xi'an",
    "Urumqi",
    "Khorgos",
    "Osh",
    "Samarkand",
    "Bukhara",
    "Khujand",
    "Turkmenbashi",
    "Aktau",
    "Kashgar",
    "Termez",
    "Naryn",
    "Shymkent",
    "Mary",
    "Nukus",
    "Kulob",
    "Lanzhou",
    "Horgos",
    "Dostyk",
    "Torugart",
    "Irkeshtam",
    "Kulma",
    "Karakol",
    "Fergana",
    "Andijan",
    "Namangan",
    "Karaganda",
    "Pavlodar",
    "Kostanay",
)
_OBJECTS = (
    "joint laboratories",
    "border crossings",
    "pilot projects",
    "industrial parks",
    "training centres",
    "expert councils",
    "seed banks",
    "solar plants",
    "wind farms",
    "cold chains",
    "dry ports",
    "think tanks",
    "film festivals",
    "sister cities",
    "language courses",
    "scholarships",
    "trade fairs",
    "business forums",
    "customs corridors",
    "freight trains",
    "data centres",
    "vaccine plants",
    "irrigation systems",
    "hydropower stations",
    "fibre links",
    "weather stations",
    "museum exchanges",
    "sports events",
    "heritage sites",
    "early warning systems",
)
_AIMS = (
    "to ensure food security",
    "to serve the common interests of all parties",
    "to safeguard regional peace and stability",
    "to deliver tangible benefits to the peoples",
    "in line with national conditions",
    "on the basis of mutual respect",
    "at an early date",
    "in the spirit of good neighbourliness",
    "for sustainable development",
    "for shared prosperity",
)
_SYNONYMS = {
    "strengthen": "reinforce",
    "expand": "widen",
    "deepen": "further",
    "promote": "foster",
    "advance": "push forward",
    "support": "back",
    "develop": "build up",
    "cooperation": "collaboration",
    "partnership": "partnerships",
    "projects": "initiatives",
    "centres": "hubs",
    "build": "establish",
    "exchanges": "contacts",
    "investment": "investments",
    "standards": "norms",
    "joint": "shared",
    "will": "shall",
    "continue": "keep working",
    "benefits": "gains",
    "regional": "the region's",
}


_SYLLABLES = ("ka", "ra", "su", "tash", "bek", "kul", "ot", "zhan", "mir", "dar", "yo", "lan", "qi", "sar", "ab", "tu")
_KINDS = ("project", "corridor", "programme", "centre", "park", "agreement", "initiative", "forum", "plant", "route")


def _name(rng: random.Random) -> str:
    """A made-up proper name, as specific as the names of real projects and places."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _generated_point(rng: random.Random, number: int) -> Point:
    places = rng.sample(_PLACES, 2)
    objects = rng.sample(_OBJECTS, 2)
    sectors = rng.sample(_SECTORS, 2)
    text = (
        f"{rng.choice(_OPENINGS)} {rng.choice(_VERBS)} {sectors[0]} {rng.choice(_NOUNS)} between "
        f"{places[0]} and {places[1]}, including the {_name(rng)} {rng.choice(_KINDS)} and the "
        f"{_name(rng)}-{_name(rng)} {rng.choice(_KINDS)}, set up {objects[0]} and {objects[1]} in the {sectors[1]} "
        f"sector by {rng.randint(2022, 2035)}, and {rng.choice(_VERBS)} {rng.choice(_NOUNS)} {rng.choice(_AIMS)}."
    )
    return Point(number, text[0].upper() + text[1:] if rng.random() < 0.2 else text)


def _reworded(rng: random.Random, point: Point, rate: float) -> Point:
    words = point.text.split(" ")
    for index, word in enumerate(words):
        core = word.rstrip(".,;")
        if core in _SYNONYMS and rng.random() < rate * 2:
            words[index] = _SYNONYMS[core] + word[len(core) :]
        elif rng.random() < rate / 4:
            words[index] = rng.choice(("further", "jointly", "actively", "steadily")) + " " + word
    if rng.random() < rate:
        words[-1] = words[-1].rstrip(".") + ", " + rng.choice(_AIMS) + "."
    return attrs.evolve(point, text=" ".join(words))


_VOCABULARY_2020 = tuple(word for point in MEETING_2020.points for word in point.text.split())
"""Every word of the 2020 record's points, as often as it is used there."""


def _vocabulary_point(rng: random.Random, number: int) -> Point:
    """A point of 12 to 40 words drawn from the 2020 record's own words: common words, few rare ones."""
    words = [rng.choice(_VOCABULARY_2020).strip(".;,") for _ in range(rng.randint(12, 40))]
    return Point(number, " ".join(word for word in words if word) + ".")


CASES: dict[str, Callable[[random.Random, int], Point]] = {
    "generated": _generated_point,
    "2020 words": _vocabulary_point,
}
"""How the points of a large case are made: from the generator's phrases, or from the 2020 statement's words."""


def make_case(size: int, seed: int, kind: str = "generated") -> tuple[Meeting, Meeting, Pairs]:
    """Return (old, new, truth) for a statement of *size* points, made as *kind* of :data:`CASES` says."""
    rng = random.Random(seed)
    make = CASES[kind]
    if size == len(MEETING_2020.points):
        old = MEETING_2020
    else:
        points = tuple(make(rng, number) for number in range(1, size + 1))
        old = attrs.evolve(MEETING_2020, id=f"generated-{size}", points=points, illustrative=True)
    kept = [index for index in range(size) if rng.random() >= 0.1]  # drop about 10%
    items: list[tuple[int | None, Point]] = [(index, old.points[index]) for index in kept]
    items = [(index, _reworded(rng, point, 0.3) if rng.random() < 0.6 else point) for index, point in items]
    for _ in range(max(1, size // 10)):  # add about 10%
        items.insert(rng.randrange(len(items) + 1), (None, make(rng, 1)))
    for _ in range(max(1, size // 10)):  # move about 10%
        item = items.pop(rng.randrange(len(items)))
        items.insert(rng.randrange(len(items) + 1), item)
    points = tuple(attrs.evolve(point, number=number) for number, (_, point) in enumerate(items, 1))
    new = attrs.evolve(old, id=f"{old.id}-later", points=points, illustrative=True)
    truth = {(index, position) for position, (index, _) in enumerate(items) if index is not None}
    return old, new, truth


def ours(old: Meeting, new: Meeting) -> Pairs:
    index_old = {point.number: index for index, point in enumerate(old.points)}
    index_new = {point.number: index for index, point in enumerate(new.points)}
    return {
        (index_old[change.old.number], index_new[change.new.number])
        for change in diff(old, new).points
        if change.old is not None and change.new is not None
    }


_STAND_IN: dict[str, list[float]] = {}


def _stand_in_encoder(texts: list[str]) -> list[list[float]]:
    """384 numbers per text, the same for the same text, drawn once: a model's cost left out, its shape kept."""
    for text in texts:
        if text not in _STAND_IN:
            rng = random.Random(text)
            _STAND_IN[text] = [rng.gauss(0.0, 1.0) for _ in range(384)]
    return [_STAND_IN[text] for text in texts]


def blended(old: Meeting, new: Meeting) -> Pairs:
    """``diff`` with a model blended in, a stand-in encoder's vectors taken as the model's (what the blend adds)."""
    similarity = embedding_similarity(_stand_in_encoder, blend=True)
    index_old = {point.number: index for index, point in enumerate(old.points)}
    index_new = {point.number: index for index, point in enumerate(new.points)}
    return {
        (index_old[change.old.number], index_new[change.new.number])
        for change in diff(old, new, similarity=similarity).points
        if change.old is not None and change.new is not None
    }


def deepdiff(old: Meeting, new: Meeting) -> Pairs:
    first, second = to_dict(old), to_dict(new)
    result = DeepDiff(first, second, ignore_order=True, view="tree")
    pairs: Pairs = set()
    for changes in result.values():
        for level in changes:
            route = level.path(output_format="list")
            route_new = level.path(output_format="list", use_t2=True)
            paired = level.t1 is not notpresent and level.t2 is not notpresent
            if paired and len(route) > 1 and len(route_new) > 1 and route[0] == route_new[0] == "points":
                pairs.add((route[1], route_new[1]))
    for i, point in enumerate(first["points"]):
        for j, other in enumerate(second["points"]):
            if point == other:
                pairs.add((i, j))
    return pairs


def sequence_matcher(old: Meeting, new: Meeting) -> Pairs:
    first = [point.text for point in old.points]
    second = [point.text for point in new.points]
    pairs: Pairs = set()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, first, second, autojunk=False).get_opcodes():
        if op in {"equal", "replace"}:
            pairs.update((i1 + offset, j1 + offset) for offset in range(min(i2 - i1, j2 - j1)))
    return pairs


def measure(
    function: Callable[[Meeting, Meeting], Pairs], old: Meeting, new: Meeting, repeat: int
) -> tuple[float, Pairs]:
    times = []
    pairs: Pairs = set()
    for _ in range(repeat):
        start = time.perf_counter()
        pairs = function(old, new)
        times.append(time.perf_counter() - start)
    return statistics.median(times), pairs


def fewest_moves(truth: Pairs) -> int:
    """The fewest moves that explain the truth: pairs outside a longest increasing run."""
    tails: list[int] = []
    for _, new in sorted(truth):
        position = bisect.bisect_left(tails, new)
        tails[position : position + 1] = [new]
    return len(truth) - len(tails)


@attrs.define
class Score:
    seconds: list[float] = attrs.Factory(list)
    truth: int = 0
    found: int = 0
    wrong: int = 0
    points: int = 0
    points_right: int = 0

    def add(self, seconds: float, pairs: Pairs, truth: Pairs, old_size: int, new_size: int) -> None:
        self.seconds.append(seconds)
        self.truth += len(truth)
        self.found += len(pairs & truth)
        self.wrong += len(pairs - truth)
        # A point is right when its partner (or the lack of one) is the true one.
        partner_old = dict(pairs)
        partner_new = {new: old for old, new in pairs}
        true_old = dict(truth)
        true_new = {new: old for old, new in truth}
        self.points += old_size + new_size
        self.points_right += sum(partner_old.get(index) == true_old.get(index) for index in range(old_size))
        self.points_right += sum(partner_new.get(index) == true_new.get(index) for index in range(new_size))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--cases", type=int, default=3, help="statement pairs per size")
    parser.add_argument("--sizes", type=int, nargs="*", default=[9, 60, 1000])
    parser.add_argument(
        "--vocabulary-sizes",
        type=int,
        nargs="*",
        default=[1000],
        help="sizes of the cases whose points draw on the 2020 statement's own words",
    )
    parser.add_argument(
        "--per-case", action="store_true", help="also print, for each case, the true pairs c5statement.diff found"
    )
    arguments = parser.parse_args(argv)
    tools: list[tuple[str, Callable[[Meeting, Meeting], Pairs]]] = [
        ("c5statement.diff", ours),
        ("diff, blend=True", blended),
    ]
    if HAVE_DEEPDIFF:
        tools.append(("DeepDiff(ignore_order)", deepdiff))
    else:
        print("DeepDiff is not installed: pip install deepdiff")
    tools.append(("difflib", sequence_matcher))
    repeats = {9: 25, 60: 7}
    header = (
        f"{'points':>6}  {'tool':<22} {'time (ms)':>10} {'vs DeepDiff':>11} "
        f"{'pairs found':>12} {'wrong pairs':>11} {'points right':>13}"
    )
    print(header)
    print("-" * len(header))
    moves = []
    per_case: list[str] = []
    runs = [(size, "generated") for size in arguments.sizes]
    runs += [(size, "2020 words") for size in arguments.vocabulary_sizes]
    for size, kind in runs:
        scores = {name: Score() for name, _ in tools}
        reported = fewest = 0
        for case in range(arguments.cases):
            seed = arguments.seed + 1000 * case + size
            old, new, truth = make_case(size, seed, kind)
            for name, function in tools:
                function(old, new)  # warm up imports
                seconds, pairs = measure(function, old, new, repeats.get(size, 3))
                scores[name].add(seconds, pairs, truth, len(old.points), len(new.points))
                if name == "c5statement.diff":
                    per_case.append(
                        f"{size:>6} {kind:<10} seed {seed:>6}: {len(pairs & truth)}/{len(truth)} true pairs found, "
                        f"{len(pairs - truth)} wrong, {seconds * 1000:.1f} ms"
                    )
            reported += sum(change.moved for change in diff(old, new).points)
            fewest += fewest_moves(truth)
        moves.append((str(size) if kind == "generated" else f"{size} ({kind})", reported, fewest))
        reference = statistics.median(scores["DeepDiff(ignore_order)"].seconds) if HAVE_DEEPDIFF else 0.0
        label = str(size) if kind == "generated" else f"{size}*"
        for name, score in scores.items():
            seconds = statistics.median(score.seconds)
            ratio = f"{seconds / reference:.2f}x" if reference else "-"
            print(
                f"{label:>6}  {name:<22} {seconds * 1000:>10.2f} {ratio:>11} {score.found / score.truth:>12.1%} "
                f"{score.wrong:>11} {score.points_right / score.points:>13.1%}"
            )
    print()
    for size, reported, fewest in moves:
        print(
            f"{size:>6} points: c5statement.diff reports {reported} moves; the fewest that explain the truth: {fewest}"
        )
    if arguments.per_case:
        print("\nc5statement.diff, case by case:")
        print("\n".join(per_case))
    print("\n* points drawn from the 2020 statement's own words (few rare words, many common ones)")
    print(
        f"\nseed {arguments.seed}, {arguments.cases} cases per size; time: median over cases of the median of "
        "repeated runs; pairs found: true pairs reported; points right: points of either statement whose "
        "partner, or lack of one, is the true one."
    )


if __name__ == "__main__":
    main()
