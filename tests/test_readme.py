"""The README's examples run and show what they say; its command-line sequence runs twice and leaves nothing."""

from __future__ import annotations

import doctest
import hashlib
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
CONSOLE_BLOCK = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)
DOCUMENTED_STATUS = re.compile(r"#.*\bexit status (\d+)")
SCRIPT = Path(sys.executable).with_name("c5statement")
SHELL = shutil.which("sh")


def test_readme_examples() -> None:
    """Every >>> example in the README passes."""
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 10
    assert result.failed == 0


def console_blocks() -> list[str]:
    """The README's console blocks, in order."""
    return CONSOLE_BLOCK.findall(README.read_text(encoding="utf-8"))


def installs(block: str) -> bool:
    """Whether *block* installs packages (and then runs the tests, the docs or a notebook front end)."""
    return block.startswith("python -m pip install ")


def sequence() -> list[tuple[str, int]]:
    """The README's command-line sequence: every line of the blocks that install nothing, with its exit status.

    The status is the one the line's comment gives (``# exit status 1``), 0 where it gives none.
    """
    lines = [line for block in console_blocks() if not installs(block) for line in block.splitlines()]
    return [(line, int(found.group(1)) if (found := DOCUMENTED_STATUS.search(line)) else 0) for line in lines]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under *folder*, by relative path, with the SHA-256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() or path.is_symlink()
    }


def run_sequence(commands: list[str], checkout: Path, scratch: Path) -> tuple[list[int], str]:
    """Run *commands* one after the other in one POSIX shell, in *checkout*; return each one's status and the output.

    ``c5statement`` is this Python's console script, or ``python -m c5statement`` where the
    script is not installed next to it; temporary folders go under *scratch*.
    """
    statuses = scratch.parent / "statuses"
    prelude = "" if SCRIPT.exists() else 'c5statement() { "$C5_PYTHON" -m c5statement "$@"; }\n'
    script = prelude + "".join(f'{command}\necho "$?" >> "$C5_STATUSES"\n' for command in commands)
    env = {key: value for key, value in os.environ.items() if key not in {"NO_COLOR", "FORCE_COLOR"}}
    env.update(
        PATH=os.pathsep.join([os.fspath(SCRIPT.parent), env.get("PATH", "")]),
        TMPDIR=os.fspath(scratch),
        PYTHONIOENCODING="utf-8",
        C5_PYTHON=sys.executable,
        C5_STATUSES=os.fspath(statuses),
    )
    assert SHELL is not None
    result = subprocess.run(
        [SHELL, "-c", script],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
        timeout=300,
    )
    found = [int(line) for line in statuses.read_text(encoding="utf-8").split()]
    statuses.unlink()
    return found, result.stdout[-2000:] + result.stderr[-4000:]


class TestCommandLineSequence:
    def test_the_blocks_left_out_are_the_install_commands(self) -> None:
        """Only the blocks that install packages are left out; the rest is the command-line sequence."""
        left_out = [block for block in console_blocks() if installs(block)]
        assert len(left_out) == len(console_blocks()) - 2
        assert all(block.count("\n") == 1 for block in left_out), "an install block is one command line"
        commands = [command for command, _ in sequence()]
        assert len(commands) >= 14
        assert sum(command.startswith("c5statement diff ") for command in commands) >= 3

    def test_every_status_is_documented(self) -> None:
        """Each command that does not exit 0 says so in its comment, and some do: diff and validate."""
        statuses = {status for _, status in sequence()}
        assert statuses == {0, 1, 2}

    @pytest.mark.skipif(SHELL is None, reason="no POSIX shell (sh) to run the README's commands")
    def test_runs_twice_exits_as_documented_and_leaves_nothing(self, tmp_path: Path) -> None:
        """Pasted twice in a copy of the checkout, each command exits as documented; no file is left or changed."""
        checkout = tmp_path / "checkout"
        shutil.copytree(ROOT / "examples", checkout / "examples")
        shutil.copy2(README, checkout / "README.md")
        scratch = tmp_path / "scratch"
        scratch.mkdir()
        before = snapshot(checkout)
        commands = [command for command, _ in sequence()]
        expected = [status for _, status in sequence()]
        for attempt in ("first", "second"):
            statuses, output = run_sequence(commands, checkout, scratch)
            assert statuses == expected, f"{attempt} run:\n{output}"
            assert snapshot(checkout) == before, f"{attempt} run left or changed files"
            assert list(scratch.iterdir()) == [], f"{attempt} run left its scratch folder"


def top_level_names(distribution: str) -> set[str]:
    """The top-level modules and packages an installed *distribution* provides, read from its file list."""
    files = importlib.metadata.distribution(distribution).files or []
    tops = {file.parts[0] for file in files if len(file.parts) > 0}
    return {
        top.removesuffix(".py") for top in tops if top != ".." and not top.endswith((".dist-info", ".data", ".pth"))
    }


def test_the_test_extra_holds_what_the_tests_import() -> None:
    """Every module the tests import or ``importorskip`` is installed by ``pip install ".[test]"``."""
    imported = set()
    for path in Path(__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        imported |= set(re.findall(r'importorskip\("([\w.]+)"\)', text))
        imported |= set(re.findall(r"^\s*(?:import|from) (\w+)", text, re.MULTILINE))
    third_party = imported - set(sys.stdlib_module_names) - {"c5statement", "builders", "conftest", "__future__"}
    assert {"pytest", "hypothesis", "nbformat", "nbclient", "ipykernel", "markdown_it"} <= third_party
    # The run-time requirements (no marker) and those of the test extra, and what they install.
    wanted = re.compile(r"""^([A-Za-z0-9_.-]+)[^;]*(?:$|;\s*extra\s*==\s*["']test["'])""")
    requirements = importlib.metadata.requires("c5statement") or []
    installed = set().union(
        *(top_level_names(found.group(1)) for line in requirements if (found := wanted.match(line)))
    )
    assert third_party <= installed, "imported by the tests but not installed by the test extra"
