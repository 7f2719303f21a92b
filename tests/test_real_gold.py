"""The gold of the real published pairs (``benchmarks/real_gold``) keeps the shape its README describes.

The texts are third-party pages kept outside the repository, so these tests read
only the gold: what a pair says of its two sides and of every point of the later
text. A malformed file would make the benchmark's figures wrong without failing.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest

GOLD = Path(__file__).parent.parent / "benchmarks" / "real_gold"
FILES = sorted(GOLD.glob("*.json"))
SPLITS = {
    "fit",
    "heldout",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "heldout13",
    "heldout14",
    "heldout15",
    "heldout16",
}
FAMILIES = {
    "C+C5",
    "C5+1",
    "EU-Central Asia",
    "India-Central Asia",
    "Germany-Central Asia",
    "GCC-Central Asia",
    "Japan-Central Asia",
    "Russia-Central Asia",
    "Korea-Central Asia",
    "Italy-Central Asia",
}
_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)+")


def _load(path: Path) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return found


def test_there_are_enough_pairs_and_decisions() -> None:
    documents = [_load(path) for path in FILES]
    decisions = sum(len(document["gold"]) for document in documents)
    families = {document["family"] for document in documents}
    assert len(documents) >= 10
    assert decisions >= 80
    assert {"C+C5", "C5+1", "EU-Central Asia", "India-Central Asia"} <= families


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_a_pair_names_its_sides_and_decides_every_point(path: Path) -> None:
    document = _load(path)
    assert set(document) == {"id", "family", "split", "old", "new", "gold"}
    assert document["id"] == path.stem
    assert _ID.fullmatch(document["id"])
    assert document["family"] in FAMILIES
    assert document["split"] in SPLITS
    for side in ("old", "new"):
        described = document[side]
        assert set(described) == {"file", "source", "date", "label"}
        assert not Path(described["file"]).is_absolute()
        assert ".." not in Path(described["file"]).parts
        assert described["file"].endswith(".txt")
        assert described["source"].startswith(("https://", "http://"))
        assert _DATE.fullmatch(described["date"])
        datetime.date.fromisoformat(described["date"] if len(described["date"]) == 10 else described["date"] + "-01")
        assert described["label"].strip()
    assert document["old"]["date"][:7] <= document["new"]["date"][:7], "the old side is the earlier text"
    numbers = [item["new"] for item in document["gold"]]
    assert numbers == sorted(set(numbers)), "one decision per point of the new text, in order"
    assert all(isinstance(number, int) and number >= 1 for number in numbers)
    for item in document["gold"]:
        assert set(item) == {"new", "old", "reason"}
        assert all(isinstance(number, int) and number >= 1 for number in item["old"])
        assert len(set(item["old"])) == len(item["old"])
        assert item["reason"].strip()


def test_the_readme_lists_every_pair_with_its_split_and_count() -> None:
    readme = (GOLD / "README.md").read_text(encoding="utf-8")
    rows = {
        cells[0]: cells[1:]
        for line in readme.splitlines()
        if line.startswith("| ") and not line.startswith(("| pair", "| ---"))
        for cells in [[cell.strip() for cell in line.strip("|").split("|")]]
    }
    for path in FILES:
        document = _load(path)
        assert document["id"] in rows, f"{document['id']} is missing from the README's table"
        family, split, count = rows[document["id"]]
        assert split.split(" ")[0] == document["split"]
        assert int(count) == len(document["gold"])
        assert family == document["family"]


SECOND = sorted((GOLD / "second_reader").glob("*.json"))


def test_every_second_reading_names_a_pair_of_the_gold() -> None:
    """Rounds 1 to 7 were read twice; a later round may be committed before its second reading."""
    ids = {path.stem for path in SECOND}
    assert len(ids) >= 108
    assert ids <= {path.stem for path in FILES}


@pytest.mark.parametrize("path", SECOND, ids=lambda path: path.stem)
def test_a_second_reading_decides_every_point_the_gold_decides(path: Path) -> None:
    """The second reader's file names its pair and decides the same points, with a confidence and a reason."""
    reading = _load(path)
    assert set(reading) == {"id", "reader", "gold"}
    assert reading["id"] == path.stem
    assert reading["reader"] == "second"
    gold = _load(GOLD / f"{path.stem}.json")
    assert [item["new"] for item in reading["gold"]] == [item["new"] for item in gold["gold"]]
    for item in reading["gold"]:
        assert set(item) == {"new", "old", "confidence", "reason"}
        assert item["confidence"] in {"sure", "unsure"}
        assert all(isinstance(number, int) and number >= 1 for number in item["old"])
        assert len(set(item["old"])) == len(item["old"])
        assert item["reason"].strip()


# --- The real Chinese and Russian pages (benchmarks/language_corpus/real/gold.json) ---------------------------

LANGUAGE_GOLD = Path(__file__).parent.parent / "benchmarks" / "language_corpus" / "real" / "gold.json"
LANGUAGE_PAIRS: list[dict[str, Any]] = json.loads(LANGUAGE_GOLD.read_text(encoding="utf-8"))["pairs"]


@pytest.mark.parametrize("pair", LANGUAGE_PAIRS, ids=lambda pair: pair["id"])
def test_a_real_language_pair_names_its_sides_and_decides_every_point(pair: dict[str, Any]) -> None:
    """Each pair of real pages says its round, its two pages and, for every later point, what it continues."""
    assert set(pair) == {"id", "split", "old", "new", "gold"}
    assert _ID.fullmatch(pair["id"])
    assert pair["split"] in {"round1", "heldout-r2"}
    for side in ("old", "new"):
        described = pair[side]
        assert set(described) == {"file", "language", "url", "about"}
        assert described["language"] in {"en", "zh", "ru"}
        assert described["file"].endswith(".txt")
        assert described["url"].startswith(("http://", "https://"))
        assert described["about"].strip()
    numbers = [item["new"] for item in pair["gold"]]
    assert numbers == list(range(1, len(numbers) + 1))
    for item in pair["gold"]:
        assert set(item) == {"new", "old", "reason"}
        assert all(isinstance(number, int) and number > 0 for number in item["old"])
        assert len(set(item["old"])) == len(item["old"])
        assert item["reason"].strip()


def test_the_real_language_rounds_hold_what_their_readme_says() -> None:
    """Round 1: seven pairs, 31 decisions; round 2 (held out): fourteen pairs, 61 decisions, 24 of them new."""
    by_split: dict[str, list[int]] = {}
    for pair in LANGUAGE_PAIRS:
        counts = by_split.setdefault(pair["split"], [0, 0, 0])
        counts[0] += 1
        counts[1] += len(pair["gold"])
        counts[2] += sum(not item["old"] for item in pair["gold"])
    assert by_split["round1"][:2] == [7, 31]
    assert by_split["heldout-r2"] == [14, 61, 24]
    assert len({pair["id"] for pair in LANGUAGE_PAIRS}) == len(LANGUAGE_PAIRS)


def test_the_benchmark_reads_the_round_each_pair_was_held_out_in() -> None:
    """``held_out_rounds`` gives every pair the round its README row names: ``fit (held out in round N)``, or none."""
    import runpy

    held_out_rounds = runpy.run_path(str(GOLD.parent / "alignment_accuracy.py"))["held_out_rounds"]
    rounds: dict[str, int] = held_out_rounds(GOLD)
    readme = (GOLD / "README.md").read_text(encoding="utf-8")
    cells = [[cell.strip() for cell in line.strip("|").split("|")] for line in readme.splitlines()]
    splits = {row[0]: row[2] for row in cells if len(row) == 4 and row[0] in rounds}
    assert {_load(path)["id"] for path in FILES} == set(rounds) == set(splits)
    for pair, split in splits.items():
        named = re.fullmatch(r"fit \(held out in round (\d+)\)|heldout(\d+)|fit", split)
        assert named is not None, split
        assert rounds[pair] == int(named[1] or named[2] or 0)
    assert sorted(set(rounds.values())) == list(range(max(rounds.values()) + 1))  # no round left out


def test_the_benchmark_orders_splits_by_their_numbers() -> None:
    """Round 10's split comes after round 9's in the benchmark's totals, not between ``heldout1`` and ``heldout2``."""
    import runpy

    natural = runpy.run_path(str(GOLD.parent / "alignment_accuracy.py"))["natural"]
    names = ["split heldout10", "split fit", "split heldout9", "split heldout3, C+C5", "split heldout3"]
    assert sorted(names, key=natural) == [
        "split fit",
        "split heldout3",
        "split heldout3, C+C5",
        "split heldout9",
        "split heldout10",
    ]


def test_the_benchmark_tells_the_kinds_of_decision_apart() -> None:
    """The reliability table counts a match by its score band, a pair made last, a split and a point called new."""
    import runpy

    from c5statement import Evidence, Point, PointChange

    kind_of_decision = runpy.run_path(str(GOLD.parent / "alignment_accuracy.py"))["kind_of_decision"]
    old, new = Point(1, "Trade will grow."), Point(2, "Trade will grow fast.")
    last = Evidence("paired last", "both left over", "both left over", 0.0)
    assert kind_of_decision(PointChange("edited", old, new, 0.95)) == "matched, score 0.9 or more"
    assert kind_of_decision(PointChange("edited", old, new, 0.75)) == "matched, score 0.7 to 0.9"
    assert kind_of_decision(PointChange("edited", old, new, 0.55)) == "matched, score under 0.7"
    made_last = PointChange("edited", old, new, 0.6, evidence=(last,))
    assert kind_of_decision(made_last) == "matched last (paired last: both left over)"
    assert kind_of_decision(PointChange("added", None, new, 0.4, nearest=1, also=(1,))) == "split from a matched point"
    split_last = PointChange("added", None, new, 0.4, nearest=1, also=(1,), evidence=(last,))
    assert kind_of_decision(split_last) == "split last (paired last)"
    beside = Evidence("split beside", "next to its continuation", "next to its continuation", 0.0)
    split_beside = PointChange("added", None, new, 0.4, nearest=1, also=(1,), evidence=(beside,))
    assert kind_of_decision(split_beside) == "split beside its continuation"
    record = Evidence("meeting record", "both record a meeting", "both record a meeting", 0.0)
    assert kind_of_decision(PointChange("edited", old, new, 0.6, evidence=(record,))) == "matched as meeting records"
    split_record = PointChange("added", None, new, 0.4, nearest=1, also=(1,), evidence=(record,))
    assert kind_of_decision(split_record) == "split as meeting records"
    assert kind_of_decision(PointChange("added", None, new, 0.1, nearest=1)) == "called new"


def test_the_benchmark_blends_an_encoder_named_on_its_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """``--encoder MODULE:FUNCTION --blend WEIGHT,FLOOR`` blends any encoder; bad settings are refused by name."""
    import runpy

    benchmark = runpy.run_path(str(GOLD.parent / "alignment_accuracy.py"))
    parser = benchmark["_parser"]()
    arguments = parser.parse_args(["--encoder", "math:hypot", "--blend", "0.8,0.75"])
    assert arguments.blend == (0.8, 0.75)
    benchmark["_use_model"](arguments, parser)
    assert "blends math:hypot into the built-in score (weight 0.8, floor 0.75)" in capsys.readouterr().out
    for wrong, says in [
        (["--blend", "0.8"], "expected two numbers, WEIGHT,FLOOR"),
        (["--blend", "0.6,0.8"], "--blend needs --embedding or --encoder"),
        (["--encoder", "math:hypot", "--embedding", "some-model"], "give one model"),
    ]:
        with pytest.raises(SystemExit):
            benchmark["_use_model"](parser.parse_args(wrong), parser)
        assert says in capsys.readouterr().err
    for setting in ("0.6,1.5", "nan,0.5", "inf,0.5", "-1,0.5"):
        with pytest.raises(SystemExit):
            parser.parse_args(["--encoder", "math:hypot", f"--blend={setting}"])
        assert "expected a weight of 0 or more and a floor from 0 to under 1" in capsys.readouterr().err
    for encoder, says in [
        ("math:nothing", "math has no function nothing"),
        ("math:pi", "math has no function pi"),  # a number, not a function
        ("math", "math has no function (none named)"),
        ("no_such_module_here:encode", "no module no_such_module_here (is it installed?)"),
    ]:
        with pytest.raises(SystemExit, match=re.escape(says)):
            benchmark["use_encoder"](encoder)
