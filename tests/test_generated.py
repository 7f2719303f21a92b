"""Every generated file is what tools/regen.py writes from the code, and a new Meeting field cannot be forgotten."""

from __future__ import annotations

import ast
import json
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs

import c5statement
from c5statement import MEETING_2020, Meeting, fingerprint
from c5statement._data import MEETING_FILES

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "regen.py"


def regen() -> dict[str, Any]:
    """The names tools/regen.py defines (the script is run as a module would be, without its main)."""
    return runpy.run_path(str(TOOL))


class TestGenerated:
    def test_no_generated_file_is_stale(self) -> None:
        """The records, schema.json, the quoted fingerprints and the arrows are current."""
        stale = [path.relative_to(ROOT).as_posix() for path in regen()["stale"]()]
        assert stale == [], "stale; run: python tools/regen.py"

    def test_check_mode_says_so(self) -> None:
        result = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout
        assert "every generated file is current" in result.stdout

    def test_quoted_fingerprints_are_rewritten(self) -> None:
        """A stale digest after a fingerprint(...) example is replaced, with its other spellings in the text."""
        old = "0" * 64
        text = f">>> fingerprint(MEETING_2020)\n'{old}'\nshell: {old}  -\nshort: `{old[:8]}\u2026{old[-6:]}`\n"
        new = fingerprint(MEETING_2020)
        assert regen()["fingerprints"](text) == (
            f">>> fingerprint(MEETING_2020)\n'{new}'\nshell: {new}  -\nshort: `{new[:8]}\u2026{new[-6:]}`\n"
        )

    def test_a_record_written_by_hand_is_stale(self, tmp_path: Path) -> None:
        """A record whose bytes are not canonical JSON (indented otherwise) is rewritten; the others are left."""
        tool = regen()
        for name in MEETING_FILES:
            (tmp_path / name).write_bytes((tool["DATA"] / name).read_bytes())
        by_hand = json.dumps(json.loads((tmp_path / "meeting_2020.json").read_text(encoding="utf-8")), indent=4)
        (tmp_path / "meeting_2020.json").write_text(by_hand, encoding="utf-8")
        found = tool["records"](tmp_path)
        assert found[tmp_path / "meeting_2020.json"] != by_hand
        assert found[tmp_path / "meeting_2020.json"] == (ROOT / "src/c5statement/data/meeting_2020.json").read_text(
            encoding="utf-8"
        )
        assert found[tmp_path / "cc5-fmm-2021.json"] == (tmp_path / "cc5-fmm-2021.json").read_text(encoding="utf-8")


class TestNewField:
    """Adding a field to Meeting means its definition, its rule, its rendering and the regeneration; these say so."""

    def test_the_strategy_draws_every_field(self) -> None:
        """strategies.meetings() passes every field of Meeting by name (a new one must be drawn too)."""
        source = Path(c5statement.__file__).with_name("strategies.py").read_text(encoding="utf-8")
        function = next(
            node
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef) and node.name == "meetings"
        )
        call = next(
            node
            for node in ast.walk(function)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Meeting"
        )
        assert {keyword.arg for keyword in call.keywords} == {field.name for field in attrs.fields(Meeting)}

    def test_the_views_show_every_field_or_say_why_not(self) -> None:
        """Each field of Meeting is shown by the views, or is known to be shown only through what cites it."""
        shown = {
            "id", "title", "level", "date", "format", "venue", "participants", "topics", "decisions", "points",
            "quotes", "context", "summary", "notes", "sources", "illustrative", "city", "host_country",
            "points_complete", "points_total", "points_note",
        }  # fmt: skip
        cited_only = {"summary_sources", "fact_sources"}  # source ids; the sources themselves are listed
        fields = {field.name for field in attrs.fields(Meeting)}
        assert fields == shown | cited_only, "a new Meeting field: show it in _views/_layout.py, then list it here"
        text = MEETING_2020.to_text(color=False)
        for name in ("id", "title", "level", "format"):
            assert str(getattr(MEETING_2020, name)) in text
        assert MEETING_2020.date.isoformat() in text
