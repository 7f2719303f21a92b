"""docs/architecture.md matches the code: every module, row and rule, read from the imports."""

from __future__ import annotations

import itertools
import re
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
MODULE = re.compile(r"^(_[a-z_]+|c5statement|strategies|__main__)$")
CLASSES = ("_model", "_diff", "_compare")
"""The modules whose classes have views and field rules ("Classes" in the rules)."""


GRAPH: dict[str, set[str]] = runpy.run_path(str(ROOT / "tools" / "regen.py"))["arrows"]()


def layers() -> list[list[str]]:
    """The rows of the diagram, top to bottom, each the modules it names."""
    block = PAGE[PAGE.index("```text") + len("```text") : PAGE.index("```", PAGE.index("```text") + 3)]
    rows = []
    for line in block.strip().splitlines():
        names = []
        for word in line.split():
            if not MODULE.match(word):
                break
            names.append(word)
        rows.append(names)
    return rows


def modules(text: str) -> list[str]:
    """The modules one side of an arrow names ("Classes" stands for the modules with classes)."""
    return (
        list(CLASSES)
        if "Classes" in text
        else re.findall(r"`(_[a-z_]+|c5statement)`", text.split(", never", maxsplit=1)[0])
    )


def violations(rule: str, graph: dict[str, set[str]]) -> list[str]:
    """The arrows a rule names that the imports contradict: ``A → B`` missing, or ``never → B`` present."""
    parts = rule.split("→")
    if parts[0].strip() == "Everything":
        leaves = set(modules(parts[1]))
        return [f"{name} imports {sorted(graph[name] - leaves)}" for name in sorted(leaves) if graph[name] - leaves]
    found = []
    previous: list[str] = []
    sources = modules(parts[0])
    for before, part in itertools.pairwise(parts):
        never = before.rstrip().endswith("never")
        if never:  # "A → B, never → C": A never imports C
            sources = previous
        targets = modules(part)
        found += [
            f"{source} {'never ' if never else ''}→ {target}"
            for source in sources
            for target in targets
            if (target in graph[source]) == never
        ]
        previous, sources = sources, targets
    return found


def rules() -> list[str]:
    section = PAGE[PAGE.index("## The rule for each arrow") : PAGE.index("## Every arrow")]
    return re.findall(r"^- \*\*(.+?)\*\*", section, flags=re.MULTILINE)


class TestLayers:
    def test_every_module_is_on_the_page(self) -> None:
        """Each module of the package is on one row of the diagram and has its owner's line."""
        named = [name for row in layers() for name in row]
        assert sorted(named) == sorted(GRAPH)
        owners = set(re.findall(r"^\| `([^`]+)` \| ", PAGE[: PAGE.index("## The rule")], flags=re.MULTILINE))
        assert owners == set(GRAPH)

    def test_every_arrow_runs_down(self) -> None:
        """A module imports only modules on rows below its own."""
        row = {name: index for index, names in enumerate(layers()) for name in names}
        upward = sorted(
            (source, target) for source, targets in GRAPH.items() for target in targets if row[target] <= row[source]
        )
        assert upward == []


class TestRules:
    def test_there_are_rules(self) -> None:
        assert len(rules()) >= 8

    def test_every_rule_holds(self) -> None:
        """Each arrow a rule names exists, each "never" arrow does not, and the leaves import only each other."""
        assert {rule: violations(rule, GRAPH) for rule in rules()} == {rule: [] for rule in rules()}

    def test_a_broken_rule_is_found(self) -> None:
        """The reading of the rules finds a missing arrow, a forbidden one, and a leaf that imports."""
        graph = {"_a": {"_b"}, "_b": set(), "_c": {"_a"}, "_model": set(), "_diff": set(), "_compare": set()}
        assert violations("`_a` → `_c`", graph) == ["_a → _c"]
        assert violations("`_c` → `_a`, never → `_b`", graph) == []
        assert violations("`_a` → `_b`, never → `_b`", graph) == ["_a never → _b"]
        assert violations("`_c` → `_a` → `_b`", graph) == []
        assert violations("Everything → `_a`, `_b`", graph) == []
        assert violations("Everything → `_c`", graph) == ["_c imports ['_a']"]
        assert violations("Classes → `_b`", graph) == ["_model → _b", "_diff → _b", "_compare → _b"]

    def test_only_the_package_loads_the_views(self) -> None:
        assert sorted(name for name, targets in GRAPH.items() if "_views" in targets) == ["c5statement"]
