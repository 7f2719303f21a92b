"""A ``{shell}`` directive: shell sessions that the doctest builder runs.

Write a session as a reader would see it, each command after ``$ `` and its
output (standard output and standard error together) below it::

    ```{shell}
    $ c5statement validate 2021.json
    OK 2021.json
    ```

The page shows the session as a console block. The doctest builder runs each
command with ``bash`` in the page's working folder (the one its Python examples
use), with this Python's environment first on ``PATH``, and checks the output
as a doctest would (``...`` matches anything). A command that must fail shows
its exit status the way a shell user would see it: ``; echo "exit status $?"``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive, directives

if TYPE_CHECKING:
    from sphinx.application import Sphinx

PROMPT = "$ "


def shell(command: str) -> None:
    """Run *command* with bash as a reader would, and print the prompt, the command and its output."""
    env = {key: value for key, value in os.environ.items() if key not in {"NO_COLOR", "FORCE_COLOR"}}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONIOENCODING"] = "utf-8"
    env["COLUMNS"] = "80"
    result = subprocess.run(  # noqa: S603 - the documentation's own commands
        ["bash", "-c", command],  # noqa: S607 - the reader's shell, found as the reader finds it
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    sys.stdout.write(f"{PROMPT}{command}\n{result.stdout}")


def _commands(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Split a session into ``(command, output lines)`` pairs."""
    session: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.startswith(PROMPT):
            session.append((line[len(PROMPT) :], []))
        elif session:
            session[-1][1].append(line)
    return session


class ShellSession(Directive):
    """Show a shell session and register it with the doctest builder."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"group": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        """Return the console block shown to readers and the hidden doctest that runs it."""
        lines = list(self.content)
        session = _commands(lines)
        if not session:
            raise self.error("a {shell} block needs at least one line that starts with '$ '")
        shown = "\n".join(lines)
        block = nodes.literal_block(shown, shown, language="console")
        self.add_name(block)
        test_lines = []
        for command, output in session:
            test_lines.append(f">>> shell({command!r})")
            test_lines.append(f"{PROMPT}{command}")
            test_lines.extend(line if line.strip() else "<BLANKLINE>" for line in output)
        test = "\n".join(test_lines) + "\n"
        group = self.options.get("group", "default")
        hidden = nodes.comment(test, test, testnodetype="doctest", groups=[group], options={})
        hidden.source, hidden.line = self.state_machine.get_source_and_line(self.lineno)
        return [block, hidden]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``shell`` directive."""
    app.add_directive("shell", ShellSession)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
