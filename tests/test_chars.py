"""One rule for the characters that must not reach a reader raw, and for those no text may hold."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import attrs
import pytest

import c5statement
from c5statement import MEETING_2020, InvalidStatementError, Point, diff, dump
from c5statement._chars import CONTROL_CHARACTERS, visible
from c5statement._check import URL_PATTERN
from c5statement._cli import _tty, _tty_view, main
from c5statement._views._text import _tty as text_tty

SRC = Path(c5statement.__file__).parent

# Every character the rule names, and the neighbours of each range, which must stay as they are.
NAMED = {
    "C0 controls": [chr(code) for code in range(0x20)],
    "DEL and C1 controls": [chr(code) for code in range(0x7F, 0xA0)],
    "bidirectional controls": [
        "\u061c",
        "\u200e",
        "\u200f",
        *map(chr, range(0x202A, 0x202F)),
        *map(chr, range(0x2066, 0x206A)),
    ],
    "line and paragraph separators": ["\u2028", "\u2029"],
    "invisible": ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\U000e0001", "\U000e0041", "\U000e007f"],
}
SAFE = [" ", "a", "~", "\u00a0", "\u00e9", "\u2010", "\u2014", "\u2019", "\u2026", "\u202f", "\u4e2d", "\U0001f600"]


def unsafe() -> list[str]:
    return [char for chars in NAMED.values() for char in chars]


class TestOneRule:
    @pytest.mark.parametrize("char", unsafe(), ids=lambda char: f"U+{ord(char):04X}")
    def test_text_view_and_cli_escape_the_same(self, char: str) -> None:
        """to_text(), the CLI's one-line escaping and its view escaping agree, character by character."""
        raw = f"a{char}b"
        layout = char in "\n\t"
        assert (char in text_tty(raw)) is layout
        assert (char in _tty_view(raw)) is layout
        assert char not in _tty(raw)
        assert text_tty(raw) == _tty_view(raw)

    @pytest.mark.parametrize("char", SAFE, ids=lambda char: f"U+{ord(char):04X}")
    def test_ordinary_characters_stay(self, char: str) -> None:
        """Letters, punctuation, spaces and emoji are written as they are, everywhere."""
        for escape in (visible, text_tty, _tty, _tty_view):
            assert escape(f"a{char}b") == f"a{char}b"

    def test_escapes_name_the_code_point(self) -> None:
        assert visible("\x1b\u202e\U000e0041") == "\\x1b\\u202e\\U000e0041"

    def test_no_other_module_writes_the_controls_out(self) -> None:
        """The control ranges are written in _chars only; every other module takes them from there."""
        spelled = re.compile(r"\\x00-|\\u0000-|\\x7f-\\x9f|\\u007F-|\\u202a-|0x7F, 0xA0")
        found = [
            path.relative_to(SRC).as_posix()
            for path in sorted(SRC.rglob("*.py"))
            if path.name != "_chars.py" and spelled.search(path.read_text(encoding="utf-8"))
        ]
        assert found == []

    def test_validation_and_schema_say_the_same(self) -> None:
        """A text may hold a character exactly when the schema's pattern allows it."""
        from c5statement._model import _TEXT_PATTERN

        for code in range(0xA1):
            char = chr(code)
            assert (re.fullmatch(_TEXT_PATTERN, f"a{char}b") is None) is (char in CONTROL_CHARACTERS)
        assert URL_PATTERN == r"^https?://[^\s\u0000-\u001F\u007F-\u009F]+(?![\s\S])"


class TestInvisibleEdits:
    """An edit made only of an invisible character is shown, never sent raw (a zero-width space, a soft hyphen)."""

    @pytest.mark.parametrize("char", ["\u200b", "\u200d", "\u00ad", "\u2060", "\ufeff", "\U000e0041", "\u202e"])
    def test_every_view_shows_it(self, char: str) -> None:
        old = attrs.evolve(MEETING_2020, points=(Point(1, "all parties respect sovereignty."),))
        new = attrs.evolve(old, points=(Point(1, f"all parties respect sover{char}eignty."),))
        result = diff(old, new)
        assert result
        escaped = visible(char)
        text = result.to_text(color=False)
        assert char not in text
        assert f"sover{escaped}eignty" in text
        for view in (result.to_markdown(), result.to_html(), new.to_text(color=False), new.to_html()):
            assert char not in view

    def test_cli_diff_shows_it(self, tmp_path: Path) -> None:
        old = attrs.evolve(MEETING_2020, points=(Point(1, "all parties respect sovereignty."),))
        new = attrs.evolve(old, points=(Point(1, "all parties respect sover\u200beignty."),))
        dump(old, tmp_path / "old.json")
        dump(new, tmp_path / "new.json")
        out = io.StringIO()
        with redirect_stdout(out):
            status = main(["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--color", "never"])
        assert status == 1
        assert "\u200b" not in out.getvalue()
        assert "[-sovereignty-]{+sover\\u200beignty+}" in out.getvalue()


class TestErrors:
    def test_message_escapes_and_errors_keep_the_data(self) -> None:
        """An error's message shows a bidi control as an escape; its errors keep the text as found."""
        with pytest.raises(InvalidStatementError) as caught:
            Point(1, "<FILL IN: \u202eevil")
        assert "\u202e" not in str(caught.value)
        assert "\\u202e" in str(caught.value)
        assert any("\u202e" in reason for _, reason in caught.value.errors)

    def test_every_problem_stays_on_its_line(self) -> None:
        with pytest.raises(InvalidStatementError) as caught:
            Point(1, "<FILL IN: one\ntwo")
        assert len(str(caught.value).splitlines()) == 2
