"""One owner per name: what each module defines, exports and imports, read from the source."""

from __future__ import annotations

import ast
from pathlib import Path

import c5statement

SRC = Path(c5statement.__file__).parent


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def defined(module: ast.Module) -> set[str]:
    """The names a module binds at its top level other than by importing them."""
    names: set[str] = set()
    for node in module.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {target.id for target in node.targets if isinstance(target, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def exported(module: ast.Module) -> list[str]:
    for node in module.body:
        if isinstance(node, ast.Assign) and any(getattr(target, "id", "") == "__all__" for target in node.targets):
            assert isinstance(node.value, (ast.List, ast.Tuple)), "a private module's __all__ is a literal list"
            return [
                element.value
                for element in node.value.elts
                if isinstance(element, ast.Constant) and isinstance(element.value, str)
            ]
    return []


class TestOwners:
    def test_private_modules_export_only_what_they_define(self) -> None:
        """No private module lists in __all__ a name it imports from another."""
        found = {}
        for path in sorted(SRC.rglob("*.py")):
            if path.name == "__init__.py" and path.parent == SRC:
                continue
            module = tree(path)
            borrowed = [name for name in exported(module) if name not in defined(module)]
            if borrowed:
                found[path.relative_to(SRC).as_posix()] = borrowed
        assert found == {}

    def test_package_lists_its_public_names_once(self) -> None:
        """__all__ comes from _PUBLIC, and the imports for type checkers name the same names from the same modules."""
        public: dict[str, tuple[str, ...]] = c5statement._PUBLIC
        module = tree(SRC / "__init__.py")
        statements = [
            *module.body,
            *(node for block in module.body if isinstance(block, ast.If) for node in block.body),
        ]
        imported: dict[str, set[str]] = {}
        for node in statements:
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module not in (None, "_display"):
                for alias in node.names:
                    assert alias.asname == alias.name, f"{alias.name} is re-exported as itself"
                    imported.setdefault(f".{node.module}", set()).add(alias.name)
        assert imported == {name: set(names) for name, names in public.items()}
        every = {*(name for names in public.values() for name in names), "MEETINGS", "MEETING_2020"}
        assert sorted(c5statement.__all__) == sorted(every)

    def test_each_public_name_comes_from_its_owner(self) -> None:
        """Each public name is the object its defining module defines (no name passes through a second module)."""
        import importlib

        for owner, names in c5statement._PUBLIC.items():
            module = importlib.import_module(owner, "c5statement")
            source = tree(Path(module.__file__))  # type: ignore[arg-type]
            for name in names:
                assert name in defined(source), f"{name} is not defined in {owner}"
                assert getattr(c5statement, name) is getattr(module, name)
