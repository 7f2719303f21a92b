"""Rewrite every generated file of the repository from the code, or check that none is stale.

Usage (from the root of a checkout, with c5statement installed from it)::

    python tools/regen.py          # rewrite what is stale, and say what was
    python tools/regen.py --check  # only say what is stale; exit 1 if anything is

The generated files:

- the packaged meeting records (``src/c5statement/data/*.json`` but the
  lexicon), in canonical JSON: after a field is added to a class, each record
  is read (the new field takes its default) and written again with it;
- ``src/c5statement/data/schema.json``, the JSON Schema of a statement
  document, as ``c5statement schema`` prints it;
- the fingerprints quoted in ``README.md`` and ``docs/citing.md``: each doctest
  output of a ``fingerprint(...)`` call, and every other spelling of the same
  digest in the file (whole, or shortened as ``b4e3b45d…29811b``);
- the table of import arrows in ``docs/architecture.md``, read from the
  imports of every module.

The pictures of the views (``docs/_static/pictures``) are taken by the docs
build: ``bash .ci/docs-and-examples PYTHON`` takes again each picture whose view
changed, and fails once to say so; commit the new pictures.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "c5statement"
DATA = PACKAGE / "data"
QUOTING_FINGERPRINTS = ("README.md", "docs/citing.md")
ARCHITECTURE = ROOT / "docs" / "architecture.md"
ARROWS_START = "<!-- arrows: written by tools/regen.py from the imports; do not edit by hand -->"
ARROWS_END = "<!-- arrows: end -->"
_DIGEST = re.compile(r"[0-9a-f]{64}")
_FINGERPRINT_CALL = re.compile(r"^(?P<indent>\s*)>>> (?P<expression>.*\bfingerprint\(.*\))\s*$")


def records(folder: Path = DATA) -> dict[Path, str]:
    """Each meeting record in *folder* (by default the packaged ones), as canonical JSON."""
    from c5statement import Meeting, from_json, to_json
    from c5statement._data import MEETING_FILES

    return {folder / name: to_json(from_json((folder / name).read_bytes(), Meeting)) for name in MEETING_FILES}


def schema() -> dict[Path, str]:
    """The packaged JSON Schema, as ``c5statement schema`` prints it."""
    from c5statement import json_schema

    return {DATA / "schema.json": json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"}


def _evaluate(expression: str) -> str:
    import c5statement

    namespace = {"c5statement": c5statement, **{name: getattr(c5statement, name) for name in c5statement.__all__}}
    value = eval(expression, namespace)  # noqa: S307 - an example of this repository's own documentation
    if not isinstance(value, str) or not _DIGEST.fullmatch(value):
        msg = f"{expression} did not give a fingerprint"
        raise ValueError(msg)
    return value


def fingerprints(text: str) -> str:
    """*text* with each quoted fingerprint made current: the doctest outputs, and the other spellings of each."""
    lines = text.split("\n")
    replaced: dict[str, str] = {}
    for index, line in enumerate(lines[:-1]):
        found = _FINGERPRINT_CALL.match(line)
        if found is None:
            continue
        quoted = _DIGEST.search(lines[index + 1])
        if quoted is not None:
            replaced[quoted.group()] = _evaluate(found.group("expression"))
    for old, new in replaced.items():
        text = text.replace(old, new).replace(f"{old[:8]}\u2026{old[-6:]}", f"{new[:8]}\u2026{new[-6:]}")
    return text


def quoted_fingerprints() -> dict[Path, str]:
    """README.md and docs/citing.md with their fingerprints made current."""
    return {ROOT / name: fingerprints((ROOT / name).read_text(encoding="utf-8")) for name in QUOTING_FINGERPRINTS}


def module_name(path: Path) -> str:
    """The name of a module of the package as the architecture page writes it: ``_diff``, ``_views``, ``c5statement``.

    The modules of a subpackage count as the subpackage.
    """
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return "c5statement" if parts == ("__init__",) else parts[0]


def _type_checking(module: ast.Module) -> set[int]:
    """The nodes that run only under a type checker (``if TYPE_CHECKING:``)."""
    found: set[int] = set()
    for node in ast.walk(module):
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            found |= {id(inner) for statement in node.body for inner in ast.walk(statement)}
    return found


def _imported(node: ast.AST, package: tuple[str, ...]) -> list[str]:
    """The package's modules an import names, relative to *package* (the parts of the importing package)."""
    if isinstance(node, ast.ImportFrom):
        if node.level == 0:
            module = node.module or ""
            return [module.split(".")[1]] if module.startswith("c5statement.") else []
        base = package[: len(package) - node.level + 1]
        if node.module:
            return [".".join((*base, node.module)).split(".")[0] or "c5statement"]
        return [".".join((*base, alias.name)).split(".")[0] for alias in node.names]
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "import_module":
        argument = node.args[0] if node.args else None
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            return [argument.value.lstrip(".").split(".")[0]]
    return []


def arrows() -> dict[str, set[str]]:
    """Each module of the package and the modules it imports when it runs (at load or on first use)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        package = path.relative_to(PACKAGE).parts[:-1]  # where a relative import starts: the module's package
        module = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = _type_checking(module)
        found = graph.setdefault(name, set())
        for node in ast.walk(module):
            if id(node) not in typing_only:
                found.update(_imported(node, package))
        found.discard(name)
        found.discard("")
    return graph


def arrows_table(graph: dict[str, set[str]]) -> str:
    """The Markdown table of the arrows, one row a module."""
    rows = [ARROWS_START, "", "| Module | Imports |", "| --- | --- |"]
    for name in sorted(graph, key=lambda module: (module != "c5statement", module.lstrip("_"))):
        targets = ", ".join(f"`{target}`" for target in sorted(graph[name], key=lambda module: module.lstrip("_")))
        rows.append(f"| `{name}` | {targets or 'nothing of the package'} |")
    return "\n".join([*rows, "", ARROWS_END])


def architecture() -> dict[Path, str]:
    """docs/architecture.md with its table of arrows made current."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    start, end = text.index(ARROWS_START), text.index(ARROWS_END) + len(ARROWS_END)
    return {ARCHITECTURE: text[:start] + arrows_table(arrows()) + text[end:]}


def generated() -> dict[Path, str]:
    """Every generated file and the text it should have."""
    return {**records(), **schema(), **quoted_fingerprints(), **architecture()}


def stale() -> list[Path]:
    """The generated files whose text is not what the code generates."""
    return [path for path, text in generated().items() if path.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    """Rewrite the stale generated files (or, with ``--check``, list them); return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only list the stale files; exit 1 if there are any")
    args = parser.parse_args(argv)
    found = generated()
    outdated = [path for path, text in found.items() if path.read_text(encoding="utf-8") != text]
    for path in outdated:
        print(f"{'stale' if args.check else 'rewrote'}: {path.relative_to(ROOT).as_posix()}")
        if not args.check:
            path.write_text(found[path], encoding="utf-8", newline="\n")
    if not outdated:
        print("every generated file is current")
    print("pictures of the views: run bash .ci/docs-and-examples PYTHON, which retakes the stale ones")
    return 1 if args.check and outdated else 0


if __name__ == "__main__":
    sys.exit(main())
