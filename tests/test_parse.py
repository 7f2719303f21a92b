"""Tests for parse_points: statement text to consensus points."""

from __future__ import annotations

import pickle
import re
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from c5statement import MEETING_2020, InvalidStatementError, InvalidTypeError, Point, _parse
from c5statement._ordinals import ORDINALS
from c5statement._parse import LOOKED_FOR, NoPointsFoundError, NumberingGapWarning, parse_points

if TYPE_CHECKING:
    from types import FrameType

DATA = Path(__file__).parent / "data"
SEED = (DATA / "seed_article.txt").read_text(encoding="utf-8")


def numbers_and_texts(points: tuple[Point, ...]) -> list[tuple[int, str]]:
    return [(point.number, point.text) for point in points]


def expected_2020() -> tuple[Point, ...]:
    return tuple(attrs.evolve(point, themes=frozenset(), sources=()) for point in MEETING_2020.points)


class TestSeedArticle:
    def test_gives_the_nine_points_of_2020(self) -> None:
        """The seed article gives exactly the nine points of MEETING_2020."""
        assert parse_points(SEED) == expected_2020()

    def test_numbers_and_texts_match(self) -> None:
        """Numbers and texts agree with MEETING_2020 one by one."""
        assert numbers_and_texts(parse_points(SEED)) == numbers_and_texts(MEETING_2020.points)

    @pytest.mark.parametrize("newline", ["\r\n", "\r"])
    def test_windows_and_old_mac_line_endings(self, newline: str) -> None:
        """CRLF and lone CR line endings give the same points."""
        assert parse_points(SEED.replace("\n", newline)) == expected_2020()

    def test_byte_order_mark_is_ignored(self) -> None:
        """A leading byte-order mark changes nothing."""
        assert parse_points("\ufeff" + SEED) == expected_2020()

    @pytest.mark.parametrize("newline", ["\n", "\r\n"])
    def test_single_newline_paragraphs(self, newline: str) -> None:
        """The seed with one paragraph per line and no blank lines gives the same nine points, prose left out."""
        squeezed = newline.join(SEED.split("\n\n"))
        assert numbers_and_texts(parse_points(squeezed)) == numbers_and_texts(MEETING_2020.points)
        assert parse_points(squeezed) == expected_2020()
        assert "Hua Chunying" not in parse_points(squeezed)[-1].text


class TestParsePoints:
    @pytest.mark.parametrize(
        ("first", "second"),
        [
            ("First,", "Second,"),
            ("FIRST,", "SECOND,"),
            ("first,", "second,"),
            ("Firstly,", "Secondly,"),
            ("First:", "Second:"),
        ],
    )
    def test_ordinal_words_in_any_case(self, first: str, second: str) -> None:
        """Ordinal words open points in any case, with -ly, with a comma or a colon."""
        text = f"{first} all parties agree.\n\n{second} all parties act."
        assert numbers_and_texts(parse_points(text)) == [(1, "all parties agree."), (2, "all parties act.")]

    def test_ordinals_up_to_thirtieth(self) -> None:
        """Ordinal words run from First to Thirtieth."""
        text = "\n\n".join(f"{word}, point {index}." for index, word in enumerate(ORDINALS, start=1))
        points = parse_points(text)
        assert [point.number for point in points] == list(range(1, 31))
        assert points[19].text == "point 20."

    @pytest.mark.parametrize("word", ["Twenty-first", "twenty first", "Twenty\u2011first"])
    def test_compound_ordinals(self, word: str) -> None:
        """Compound ordinals may use a hyphen, a non-breaking hyphen or a space."""
        text = f"Twentieth, all parties agree.\n\n{word}, all parties act."
        with pytest.warns(NumberingGapWarning, match="numbered 20"):
            assert [point.number for point in parse_points(text)] == [20, 21]

    @pytest.mark.parametrize("style", ["{}.", "{})", "({})"])
    def test_arabic_numbering(self, style: str) -> None:
        """Arabic numbers as 1. or 1) or (1) open points; the enumerator is not kept."""
        text = "\n".join(style.format(number) + f" text {number}." for number in (1, 2, 3))
        assert numbers_and_texts(parse_points(text)) == [(1, "text 1."), (2, "text 2."), (3, "text 3.")]

    def test_skipped_numbers_are_kept(self) -> None:
        """Numbers keep the source's gaps."""
        text = "1. one.\n2. two.\n4. four.\n7. seven."
        assert [point.number for point in parse_points(text)] == [1, 2, 4, 7]

    def test_list_may_start_above_one(self) -> None:
        """An excerpt that starts at point 3 keeps its numbers, with a warning that points 1 and 2 are missing."""
        with pytest.warns(NumberingGapWarning, match=r"numbered 3 \(no points 1 to 2\)"):
            assert [point.number for point in parse_points("3) three.\n4) four.")] == [3, 4]

    def test_wrapped_lines_are_joined_with_single_spaces(self) -> None:
        """Lines that wrap are joined by one space; words and punctuation stay."""
        text = "1. all parties  will\n   expand trade,\n\tinvestment and\ntransit.\n2. all parties agree."
        assert parse_points(text)[0].text == "all parties will expand trade, investment and transit."

    def test_bullets_are_numbered_from_one(self) -> None:
        """Bullet items are numbered 1..n."""
        text = "• trade;\n• energy;\n• transit."
        assert numbers_and_texts(parse_points(text)) == [(1, "trade;"), (2, "energy;"), (3, "transit.")]

    def test_mixed_bullets_make_one_list(self) -> None:
        """Bullets, hyphens, asterisks and en dashes in one list are one list."""
        text = "Agreed:\n\n• trade;\n- energy;\n* transit;\n\u2013 health."
        assert numbers_and_texts(parse_points(text)) == [(1, "trade;"), (2, "energy;"), (3, "transit;"), (4, "health.")]

    def test_nested_bullets_stay_in_their_point(self) -> None:
        """Deeper bullets belong to the point above them, bullet and all."""
        text = "• to expand:\n    - trade;\n    - energy;\n• to fight terrorism."
        assert numbers_and_texts(parse_points(text)) == [
            (1, "to expand: - trade; - energy;"),
            (2, "to fight terrorism."),
        ]

    def test_numbered_points_win_over_sub_bullets(self) -> None:
        """Bullets inside numbered points are text, even when they outnumber the points."""
        text = "1. to expand:\n- trade;\n- energy;\n- transit;\n2. to fight terrorism."
        assert numbers_and_texts(parse_points(text)) == [
            (1, "to expand: - trade; - energy; - transit;"),
            (2, "to fight terrorism."),
        ]

    def test_numbers_nested_in_bullets_stay_in_their_point(self) -> None:
        """Numbered sub-items indented under bullets are text of the bullet items."""
        text = "• Politics:\n   1) trust;\n   2) dialogue;\n• Economy:\n   1) trade;\n   2) transit."
        assert numbers_and_texts(parse_points(text)) == [
            (1, "Politics: 1) trust; 2) dialogue;"),
            (2, "Economy: 1) trade; 2) transit."),
        ]

    def test_indented_numbers_after_bullet_prose_are_points(self) -> None:
        """A bullet list in the preamble does not swallow an indented numbered list after prose."""
        text = "- agenda item;\n- another item.\n\nThe parties agreed:\n\n  1. one.\n  2. two.\n  3. three."
        assert [point.text for point in parse_points(text)] == ["one.", "two.", "three."]

    def test_longest_numbered_list_wins(self) -> None:
        """A short list in the preamble loses to the longer list of points."""
        text = (
            "The agenda:\n(1) politics\n(2) economy\n\nThe parties agreed:\n\n"
            "First, one.\n\nSecond, two.\n\nThird, three."
        )
        assert [point.text for point in parse_points(text)] == ["one.", "two.", "three."]

    def test_numbers_going_back_start_another_list(self) -> None:
        """When numbering restarts, the longest list is taken and the other is prose."""
        text = "1. one.\n2. two.\n3. three.\n\nAnnex\n\n1. first annex item.\n2. second annex item."
        assert numbers_and_texts(parse_points(text)) == [(1, "one."), (2, "two."), (3, "three.")]

    def test_equally_long_lists_first_wins(self) -> None:
        """Of two equally long lists, the first is taken."""
        text = "1. one.\n2. two.\n\n1. again one.\n2. again two."
        assert [point.text for point in parse_points(text)] == ["one.", "two."]

    def test_backwards_number_ends_the_list(self) -> None:
        """A number lower than the one before it is not a point of the list."""
        text = "1. one.\n2. two.\n3. three.\n2. two again.\n\nEnd."
        assert numbers_and_texts(parse_points(text)) == [(1, "one."), (2, "two."), (3, "three.")]

    def test_preamble_and_trailing_prose_are_not_points(self) -> None:
        """Prose before the first point and after the last is left out."""
        text = "Joint statement\n\nThe ministers met.\n\n1. one.\n\n2. two.\n\nThe meeting closed.\nEnd of text"
        assert numbers_and_texts(parse_points(text)) == [(1, "one."), (2, "two.")]

    def test_headings_between_points_are_dropped(self) -> None:
        """Headings between points, as paragraphs or lines, are not point text."""
        as_paragraphs = "Politics\n\n1. one.\n\nEconomy\n\n2. two.\n\nSecurity\n\n3. three."
        as_lines = "Politics\n1. one.\nEconomy\n2. two.\nSecurity\n3. three."
        expected = [(1, "one."), (2, "two."), (3, "three.")]
        assert numbers_and_texts(parse_points(as_paragraphs)) == expected
        assert numbers_and_texts(parse_points(as_lines)) == expected

    def test_last_line_after_unfinished_line_is_kept(self) -> None:
        """A short last line is text, not a heading, when the line before runs on."""
        text = "1. trade and\nInvestment\n2. energy."
        assert parse_points(text)[0].text == "trade and Investment"

    def test_prose_paragraph_between_points_is_kept(self) -> None:
        """A paragraph of prose between two points continues the first."""
        text = "1. one.\n\nMore about one.\n\n2. two."
        assert numbers_and_texts(parse_points(text)) == [(1, "one. More about one."), (2, "two.")]

    def test_indented_paragraph_after_last_point_is_kept(self) -> None:
        """An indented paragraph after the last point continues it; an unindented one does not."""
        text = "1. one.\n2. two.\n\n   More about two.\n\nClosing remarks."
        assert parse_points(text)[-1].text == "two. More about two."

    def test_blank_and_single_newline_separation_agree(self) -> None:
        """Points separated by blank lines or by single newlines give the same result."""
        points = ["1. all parties\nagree.", "2. all parties\nact."]
        assert parse_points("\n\n".join(points)) == parse_points("\n".join(points))

    def test_enumerator_alone_on_its_line(self) -> None:
        """An enumerator on its own line takes its text from the next line."""
        text = "1.\nall parties agree.\n2.\nall parties act."
        assert numbers_and_texts(parse_points(text)) == [(1, "all parties agree."), (2, "all parties act.")]

    def test_non_breaking_spaces(self) -> None:
        """Non-breaking spaces count as whitespace around and inside points."""
        text = "\u00a01.\u00a0all\u00a0parties agree.\n\u00a0\n2.\u202fall parties act.\u00a0"
        assert numbers_and_texts(parse_points(text)) == [(1, "all parties agree."), (2, "all parties act.")]

    def test_decimals_and_years_are_not_enumerators(self) -> None:
        """1.5 and 2020. at the start of a line are prose, not points."""
        text = "First, trade grew by\n1.5 percent in\n2020. It will grow.\n\nSecond, all parties act."
        assert numbers_and_texts(parse_points(text)) == [
            (1, "trade grew by 1.5 percent in 2020. It will grow."),
            (2, "all parties act."),
        ]

    def test_ordinal_word_inside_a_wrapped_sentence(self) -> None:
        """A wrapped line that starts with "second," mid-sentence is not a point."""
        text = "First, trade is the\nsecond, after energy.\n\nSecond, all parties act."
        assert numbers_and_texts(parse_points(text)) == [
            (1, "trade is the second, after energy."),
            (2, "all parties act."),
        ]

    def test_stray_number_in_prose_is_not_a_point(self) -> None:
        """A lone "1. " line in prose does not displace the real list."""
        text = "Results:\n1. \nwere good.\n\nFirst, one.\n\nSecond, two."
        assert [point.text for point in parse_points(text)] == ["one.", "two."]

    def test_points_have_no_themes_or_sources(self) -> None:
        """Parsed points carry no themes and no sources."""
        assert all(not point.themes and not point.sources for point in parse_points(SEED))

    @pytest.mark.parametrize(
        ("name", "numbers"),
        [
            ("illustrative_2021", list(range(1, 9))),
            ("illustrative_bullets", [1, 2, 3, 4, 5]),
            ("illustrative_c5plus1", [1, 2, 4, 5, 6, 7]),
            ("heldout_2022", list(range(1, 10))),
        ],
    )
    def test_illustrative_statements(self, name: str, numbers: list[int]) -> None:
        """The illustrative statements give their points, numbered as in the text."""
        points = parse_points((DATA / f"{name}.txt").read_text(encoding="utf-8"))
        assert [point.number for point in points] == numbers
        assert all("ILLUSTRATIVE" not in point.text and "\n" not in point.text for point in points)

    def test_wrapped_illustrative_point_is_one_line(self) -> None:
        """A point wrapped over three indented lines becomes one line of text."""
        points = parse_points((DATA / "illustrative_2021.txt").read_text(encoding="utf-8"))
        assert points[0].text == (
            "The parties will deepen strategic trust, support one another on issues of core interest "
            "and respect the path of development that each country has chosen for itself."
        )


class TestMoreStyles:
    def test_the_second_is_after_first(self) -> None:
        """ "The second is" continues a "First," list; the text starts with what follows "is"."""
        text = "First, deepen mutual trust.\n\nThe second is to expand trade.\n\nThe third is to fight terrorism."
        assert numbers_and_texts(parse_points(text)) == [
            (1, "deepen mutual trust."),
            (2, "to expand trade."),
            (3, "to fight terrorism."),
        ]

    @pytest.mark.parametrize(
        "enumerators",
        [
            ("一、", "二、", "三、"),
            ("一是", "二是", "三是"),
            ("（一）", "（二）", "（三）"),  # noqa: RUF001 - full-width parentheses
            ("(一)", "(二)", "(三)"),
            ("1、", "2、", "3、"),
        ],
    )
    def test_chinese_enumerators(self, enumerators: tuple[str, str, str]) -> None:
        """Chinese enumerators open points, with no space needed after them."""
        texts = ["加强政治互信。", "深化经贸合作。", "共同打击恐怖主义。"]
        preamble = "各方一致同意：\n"  # noqa: RUF001 - a Chinese colon
        text = preamble + "\n".join(e + t for e, t in zip(enumerators, texts, strict=True))
        assert numbers_and_texts(parse_points(text)) == list(enumerate(texts, start=1))

    def test_chinese_numerals_above_ten(self) -> None:
        """十 is ten, 十一 eleven and 十二 twelve."""
        text = "十、第十点。\n十一、第十一点。\n十二、第十二点。"
        with pytest.warns(NumberingGapWarning):
            assert [point.number for point in parse_points(text)] == [10, 11, 12]

    def test_chinese_line_breaks_add_no_space(self) -> None:
        """A line broken between two Chinese characters is joined without a space; other breaks give one."""
        text = "一、加强政治\n互信，支持\nBelt and Road Initiative。\n二、深化合作。"  # noqa: RUF001 - a Chinese comma
        assert parse_points(text)[0].text == "加强政治互信，支持 Belt and Road Initiative。"  # noqa: RUF001 - a Chinese comma

    def test_cjk_full_stop_ends_the_last_point(self) -> None:
        """A point ending in 。 is finished: the closing line after it is not part of it."""
        text = "1、加强互信。\n2、深化合作。\nThe meeting closed."
        assert parse_points(text)[-1].text == "深化合作。"

    def test_run_together_ordinals(self) -> None:
        """Three or more ordinals in sequence inside one paragraph are separate points; the preamble is not one."""
        text = (
            "The ministers agreed as follows. First, all parties will deepen trust. Second, all parties will "
            "expand trade.\nThird, all parties support the Shanghai Cooperation Organisation.\n\nThe meeting closed."
        )
        assert numbers_and_texts(parse_points(text)) == [
            (1, "all parties will deepen trust."),
            (2, "all parties will expand trade."),
            (3, "all parties support the Shanghai Cooperation Organisation."),
        ]

    def test_run_together_the_second_is(self) -> None:
        """ "The second is" forms run together with "First," after a semicolon or a full stop."""
        text = "They agreed: first, to deepen trust; the second is to expand trade; the third is to fight terrorism."
        assert [point.text for point in parse_points(text)] == [
            "to deepen trust;",
            "to expand trade;",
            "to fight terrorism.",
        ]

    def test_run_together_chinese(self) -> None:
        """一是, 二是, 三是 inside one sentence are separate points."""
        text = "双方同意：一是加强互信；二是深化合作；三是打击恐怖主义。"  # noqa: RUF001 - Chinese punctuation
        expected = ["加强互信；", "深化合作；", "打击恐怖主义。"]  # noqa: RUF001 - Chinese semicolons
        assert [point.text for point in parse_points(text)] == expected

    def test_two_run_together_ordinals_are_prose(self) -> None:
        """Two ordinals inside a paragraph are not enough to read it as a list."""
        with pytest.raises(NoPointsFoundError):
            parse_points("The report ranked trade first. First, it grew. Second, it spread.")

    def test_ordinals_inside_sentences_are_not_split(self) -> None:
        """Ordinals that do not open sentences stay in the text."""
        text = "It came first, then second, then third, as expected. More prose follows here."
        with pytest.raises(NoPointsFoundError):
            parse_points(text)

    @pytest.mark.parametrize("form", ["{}.", "{})", "({})"])
    @pytest.mark.parametrize("numerals", [("I", "II", "III", "IV"), ("i", "ii", "iii", "iv")])
    def test_roman_numerals(self, form: str, numerals: tuple[str, ...]) -> None:
        """Roman numerals in either case, as I. or I) or (I), open points."""
        text = "\n".join(f"{form.format(numeral)} point {numeral}." for numeral in numerals)
        assert [point.number for point in parse_points(text)] == [1, 2, 3, 4]

    @pytest.mark.parametrize("form", ["{})", "({})"])
    @pytest.mark.parametrize("letters", ["abcd", "ABCD"])
    def test_letters(self, form: str, letters: str) -> None:
        """Letters as a) or (a), in either case, open points numbered a=1, b=2, ..."""
        text = "\n".join(f"{form.format(letter)} item {letter}." for letter in letters)
        assert numbers_and_texts(parse_points(text)) == [(n, f"item {x}.") for n, x in enumerate(letters, start=1)]

    def test_i_after_h_is_a_letter_and_ii_after_i_a_numeral(self) -> None:
        """(i) reads as a letter after (h) and as a Roman one before (ii)."""
        letters = "\n".join(f"({letter}) item." for letter in "abcdefghij")
        assert len(parse_points(letters)) == 10
        assert len(parse_points("(i) one.\n(ii) two.\n(iii) three.")) == 3

    def test_initials_are_not_enumerators(self) -> None:
        """Initials (A. Kamilov, I. Ivanov, V. Petrov) do not make a list."""
        text = "A. Kamilov spoke.\nB. Tursunov agreed.\nI. Ivanov replied.\nV. Petrov closed."
        with pytest.raises(NoPointsFoundError):
            parse_points(text)

    def test_roman_and_letter_lists_start_at_one_and_rise_by_one(self) -> None:
        """A Roman or letter list that skips or starts late is no list."""
        for text in ("I. one.\nIII. three.", "(b) two.\n(c) three.", "II. two.\nIII. three."):
            with pytest.raises(NoPointsFoundError):
                parse_points(text)

    def test_pronoun_i_is_not_a_numeral(self) -> None:
        """ "I" as a pronoun opening a line is not an enumerator."""
        text = "I welcome the guests.\nI. Politics.\nII. Economy."
        assert [point.text for point in parse_points(text)] == ["Politics.", "Economy."]

    def test_letters_inside_numbered_points_stay_in_them(self) -> None:
        """Numbered points win over letter sub-items, even when those are more."""
        text = "1. to expand:\n(a) trade;\n(b) energy;\n(c) transit;\n2. to fight terrorism."
        assert numbers_and_texts(parse_points(text)) == [
            (1, "to expand: (a) trade; (b) energy; (c) transit;"),
            (2, "to fight terrorism."),
        ]


LONG = "all parties will continue to seek complementarity between their development strategies and expand trade volumes"
"""A sentence of more than twelve words and more than 100 characters, without its full stop."""


class TestOneParagraphPerLine:
    def test_trailing_prose_is_not_a_point(self) -> None:
        """Without blank lines, a long prose line after the last point is not part of it."""
        text = (
            f"1. {LONG}.\n2. {LONG}, again.\nThe ministers closed the meeting and thanked the host for a {LONG[40:]}."
        )
        assert numbers_and_texts(parse_points(text)) == [(1, f"{LONG}."), (2, f"{LONG}, again.")]

    def test_preamble_and_byline_lines_are_prose(self) -> None:
        """Short lines (datelines, bylines, headings) do not stop a text being read line by line."""
        text = "\n".join(
            [
                "date 2021-05-12 Staff reporter",
                f"The ministers said that {LONG}.",
                "Politics",
                f"First, {LONG}.",
                "Economy",
                f"Second, {LONG}!",
                f"The talks were described as {LONG}. /// Staff, 12 May 2021",
            ]
        )
        assert numbers_and_texts(parse_points(text)) == [(1, f"{LONG}."), (2, f"{LONG}!")]

    def test_hard_wrapped_long_lines_are_joined(self) -> None:
        """Long lines broken mid-sentence are wrapped text: they are joined, trailing lines included."""
        import textwrap

        body = (
            textwrap.fill(f"1. {LONG} and {LONG}.", width=110)
            + "\n"
            + textwrap.fill(f"2. {LONG} and {LONG}.", width=110)
        )
        assert max(len(line) for line in body.splitlines()) > 100
        assert numbers_and_texts(parse_points(body)) == [(1, f"{LONG} and {LONG}."), (2, f"{LONG} and {LONG}.")]

    def test_short_lines_are_joined_as_before(self) -> None:
        """A text of short lines is read as wrapped text, as without this rule."""
        text = "1. all parties agree.\n2. all parties act.\nmore about acting."
        assert numbers_and_texts(parse_points(text)) == [
            (1, "all parties agree."),
            (2, "all parties act. more about acting."),
        ]

    def test_enumerator_alone_keeps_its_text(self) -> None:
        """An enumerator alone on its line takes the next line, one paragraph per line or not."""
        text = f"Agreed:\n1.\n{LONG}.\n2.\n{LONG}; and more.\nClosing prose that is long enough: {LONG}."
        assert numbers_and_texts(parse_points(text)) == [(1, f"{LONG}."), (2, f"{LONG}; and more.")]

    def test_crlf_line_endings(self) -> None:
        """Windows line endings are read the same way."""
        text = f"First, {LONG}.\r\nSecond, {LONG}.\r\nThe spokesperson added that {LONG}.\r\n"
        assert numbers_and_texts(parse_points(text)) == [(1, f"{LONG}."), (2, f"{LONG}.")]

    def test_blank_lines_keep_their_paragraphs(self) -> None:
        """A text with blank lines is read by its blank lines, long lines or not."""
        text = f"1. {LONG}.\n\n2. {LONG}.\n{LONG}.\n\nThe end."
        assert numbers_and_texts(parse_points(text)) == [(1, f"{LONG}."), (2, f"{LONG}. {LONG}.")]


SENTENCE = f"{LONG[0].upper()}{LONG[1:]} across the region."
"""A point of more than 100 characters that ends with a full stop."""

CLOSING = (
    "The ministers agreed that the next meeting will be held in Astana and thanked the host "
    "for its hospitality and excellent organisation."
)
"""A long closing paragraph of prose."""


class TestPointsRegion:
    def test_long_title_does_not_defeat_one_paragraph_per_line(self) -> None:
        """A long unpunctuated title before the points does not make the closing prose part of the last point."""
        text = (
            "Joint Statement of the Second Meeting of Foreign Ministers of China and the Central Asian Countries\n"
            "The ministers reached the following consensus on cooperation\n"
            f"1. {SENTENCE}\n2. {SENTENCE}\n3. {SENTENCE}\n{CLOSING}"
        )
        assert numbers_and_texts(parse_points(text)) == [(1, SENTENCE), (2, SENTENCE), (3, SENTENCE)]

    def test_long_preamble_line_without_full_stop(self) -> None:
        """A preamble line of more than twelve words that ends mid-sentence is not checked."""
        text = "The ministers of the six countries reached the following consensus on their future cooperation in\n"
        text += f"First, {SENTENCE}\nSecond, {SENTENCE}\n{CLOSING}"
        assert numbers_and_texts(parse_points(text)) == [(1, SENTENCE), (2, SENTENCE)]

    def test_long_title_between_points_is_a_heading(self) -> None:
        """A title-like line of more than twelve words between the points does not stop the line-by-line reading."""
        heading = "Cooperation in Trade, Investment, Energy, Transport and Connectivity between China and Central Asia"
        text = f"1. {SENTENCE}\n{heading}\n2. {SENTENCE}\n{CLOSING}"
        assert numbers_and_texts(parse_points(text)) == [(1, SENTENCE), (2, SENTENCE)]

    def test_wrapped_lines_after_the_first_point_are_still_joined(self) -> None:
        """A line broken mid-sentence after the first point still makes the text wrapped, title or not."""
        text = f"Joint Statement of the Ministers\n1. {LONG} and\n{LONG}.\n2. {SENTENCE}\n{CLOSING}"
        assert parse_points(text)[0].text == f"{LONG} and {LONG}."


class TestShortLinesThenProse:
    SHORT = (
        "1. The parties will strengthen cooperation on COVID-19 vaccines.\n"
        "2. The parties will expand trade in agricultural products.\n"
        "3. The parties will develop transport links.\n"
    )
    POINTS = (
        (1, "The parties will strengthen cooperation on COVID-19 vaccines."),
        (2, "The parties will expand trade in agricultural products."),
        (3, "The parties will develop transport links."),
    )

    def test_closing_sentence_is_not_absorbed(self) -> None:
        """Short points, each a sentence on its line, end before a closing sentence on the next line."""
        text = (
            self.SHORT
            + "The meeting was held in a friendly atmosphere and the ministers agreed to meet again next year."
        )
        assert numbers_and_texts(parse_points(text)) == list(self.POINTS)

    def test_closing_sentence_after_bare_enumerators(self) -> None:
        """An enumerator alone on its line counts its text's line as the point's line."""
        text = "1.\nThe parties agree.\n2.\nThe parties act.\nThe meeting ended at noon."
        assert numbers_and_texts(parse_points(text)) == [(1, "The parties agree."), (2, "The parties act.")]

    def test_lowercase_continuation_is_kept(self) -> None:
        """A next line that starts in lowercase continues the last point."""
        text = self.SHORT + "and railways."
        assert parse_points(text)[-1].text == "The parties will develop transport links. and railways."

    def test_indented_continuation_is_kept(self) -> None:
        """A next line indented deeper than the enumerator continues the last point."""
        text = self.SHORT + "   Railways come first."
        assert parse_points(text)[-1].text == "The parties will develop transport links. Railways come first."

    def test_unfinished_point_line_keeps_the_next_line(self) -> None:
        """When a point's line does not end a sentence, the text is wrapped and the next line is joined."""
        text = "1. The parties agree.\n2. The parties will develop\nTransport links."
        assert parse_points(text)[-1].text == "The parties will develop Transport links."

    def test_wrapped_point_keeps_the_next_line(self) -> None:
        """When an earlier point's line runs on, a capitalised line after the last point is still joined."""
        text = "1. The parties will cooperate in\nenergy.\n2. The parties act.\nThe Russian side agreed."
        assert parse_points(text)[-1].text == "The parties act. The Russian side agreed."

    def test_blank_lines_keep_their_paragraphs(self) -> None:
        """In text with blank lines the rule does not apply: the point ends with its paragraph."""
        text = "Preamble.\n\n" + self.SHORT + "The Russian side agreed."
        assert parse_points(text)[-1].text == "The parties will develop transport links. The Russian side agreed."


@st.composite
def pasted_documents(draw: st.DrawFn) -> tuple[str, list[tuple[int, str]]]:
    """A web page's text: one paragraph per line, no blank lines, long paragraphs, prose around the points."""
    style = draw(st.sampled_from(["First,", "1.", "(1)", "•"]))
    count = draw(st.integers(min_value=2, max_value=9))
    lines, expected = [], []
    for number in range(1, count + 1):
        text_words = draw(point_texts())
        while len(" ".join(text_words)) <= 100:
            text_words = ["cooperation", *text_words]
        enumerator = {"First,": ORDINALS[number - 1] + ",", "1.": f"{number}.", "(1)": f"({number})", "•": "•"}[style]
        lines.append(f"{enumerator} {' '.join(text_words)}")
        expected.append((number, " ".join(text_words)))
    prose = "The spokesperson said that the meeting had been productive and that cooperation would continue to grow."
    lines = [prose, *lines, prose, "Staff reporter, 12 May 2021"]
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines), expected


class TestNoPointsFoundError:
    @pytest.mark.parametrize(
        "text",
        [
            "",
            "   \n\n ",
            "Just prose.\n\nMore prose.",
            "1. only one point.",
            "• a single bullet.",
            "Second, alone.\n\nFirst, backwards.",
        ],
    )
    def test_raised_without_enumeration(self, text: str) -> None:
        """Text without a list of two or more points raises the clear error."""
        with pytest.raises(NoPointsFoundError) as caught:
            parse_points(text)
        assert caught.value.errors == (("$", LOOKED_FOR),)

    def test_is_an_invalid_statement_error_and_a_value_error(self) -> None:
        """It can be caught as InvalidStatementError or ValueError."""
        with pytest.raises(InvalidStatementError):
            parse_points("prose")
        with pytest.raises(ValueError, match="no enumerated points found"):
            parse_points("prose")

    def test_message_names_the_forms_looked_for(self) -> None:
        """The message says which enumerations were looked for."""
        with pytest.raises(NoPointsFoundError) as caught:
            parse_points("prose")
        for form in ("First", "Firstly", "1.", "(1)", "•"):
            assert form in str(caught.value)

    def test_pickles(self) -> None:
        """The error survives pickling with its problems."""
        error = NoPointsFoundError()
        assert pickle.loads(pickle.dumps(error)).errors == error.errors  # noqa: S301 - our own data

    def test_text_must_be_a_string(self) -> None:
        """A non-string raises InvalidTypeError."""
        with pytest.raises(InvalidTypeError):
            parse_points(b"1. bytes.\n2. more bytes.")  # type: ignore[arg-type]


def executed_lines(text: str) -> int:
    """How many lines of the parser's module run to parse *text*: its work, counted, not timed.

    Loops count once per pass (a comprehension's too), so the count grows with the work done.
    """
    count = 0
    module = _parse.__file__

    def local(frame: FrameType, event: str, argument: Any) -> Any:  # noqa: ARG001 - the tracing protocol
        nonlocal count
        count += event == "line"
        return local

    def outer(frame: FrameType, event: str, argument: Any) -> Any:  # noqa: ARG001 - the tracing protocol
        return local if frame.f_code.co_filename == module else None

    previous = sys.gettrace()
    sys.settrace(outer)
    try:
        _parse.parse_points(text)
    except NoPointsFoundError:
        pass
    finally:
        sys.settrace(previous)
    return count


SHAPES = {
    "many separate lists": "Agenda item.\n\n1. trade and investment.\n2. energy and transit.\n\n",
    "restarting numbering": "1. a\n2. b\n",
    "bullets with nested numbers": "• Politics:\n   1) trust;\n   2) dialogue;\n",
    "one long bullet list": "• all parties will expand trade.\n",
    "prose": "The ministers discussed trade and energy, and agreed to meet again.\n\n",
}
"""Units of text repeated to make inputs of one shape and growing size."""


SHAPES["run-together ordinals"] = "Agreed. First, trade. Second, energy. Third, transit.\n\n"
SHAPES["chinese"] = "一、加强互信。\n二、深化合作。\n\n"
SHAPES["roman and letters"] = "I. one.\n(a) x;\n(b) y.\nII. two.\n"


class TestLinearWork:
    @pytest.mark.parametrize("shape", SHAPES)
    def test_twice_the_text_is_twice_the_work(self, shape: str) -> None:
        """The parser's work grows in proportion to the text, whatever its shape (no list rescans the others)."""
        small, large = (executed_lines(SHAPES[shape] * count) for count in (300, 600))
        assert large <= 2.1 * small


# --- properties -------------------------------------------------------------------------

_ORDINAL_FORMS = {word.lower() for word in ORDINALS} | {word.lower() + "ly" for word in ORDINALS}

_ALPHABET = "abcdeghklmnoprtuvwyzéжя中’“”"  # noqa: RUF001 - curly quotes belong in statement texts
words = st.text(_ALPHABET, min_size=1, max_size=8).filter(lambda word: word not in _ORDINAL_FORMS)
punctuated_words = st.tuples(words, st.sampled_from(["", "", "", ",", ";", "."])).map("".join)


@st.composite
def point_texts(draw: st.DrawFn) -> list[str]:
    """A point's text as words (single spaces, ending in a full stop)."""
    body = draw(st.lists(punctuated_words, min_size=1, max_size=12))
    return [*body[:-1], body[-1].rstrip(",;.") + "."]


_CHINESE = re.compile("中")
"""The character of the alphabet between two of which a line break is joined without a space."""


@st.composite
def wrapped(draw: st.DrawFn, text_words: list[str]) -> list[str]:
    """Split words into lines, some continuation lines indented."""
    lines = [[text_words[0]]]
    for word in text_words[1:]:
        between_chinese = _CHINESE.match(lines[-1][-1][-1]) and _CHINESE.match(word[0])
        if draw(st.booleans()) and not between_chinese:
            lines.append([word])
        else:
            lines[-1].append(word)
    indent = draw(st.sampled_from(["", "   ", "\t"]))
    return [" ".join(lines[0]), *(indent + " ".join(line) for line in lines[1:])]


@st.composite
def rising_numbers(draw: st.DrawFn, highest: int) -> list[int]:
    """At least two rising numbers with small gaps, none above *highest*."""
    start = draw(st.integers(min_value=1, max_value=5))
    gaps = draw(st.lists(st.integers(min_value=1, max_value=3), min_size=1, max_size=8))
    numbers = [start]
    for gap in gaps:
        if numbers[-1] + gap > highest:
            break
        numbers.append(numbers[-1] + gap)
    return numbers if len(numbers) >= 2 else [1, 2]


def _cased(word: str, case: str) -> str:
    return {"upper": word.upper(), "lower": word.lower(), "title": word}[case]


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[tuple[int, str]]]:
    """A statement text in some enumeration style, and the points it should give."""
    style = draw(st.sampled_from(["ordinal", "number.", "number)", "(number)", "bullet"]))
    numbers = draw(rising_numbers(30 if style == "ordinal" else 999))
    if style == "bullet":
        numbers = list(range(1, len(numbers) + 1))
    case = draw(st.sampled_from(["upper", "lower", "title"]))
    blocks, expected = [], []
    for number in numbers:
        text_words = draw(point_texts())
        if style == "ordinal":
            word = ORDINALS[number - 1] + draw(st.sampled_from(["", "ly"]))
            enumerator = _cased(word, case) + draw(st.sampled_from([",", ":"]))
        elif style == "bullet":
            enumerator = draw(st.sampled_from(["•", "-", "*", "\u2013"]))
        else:
            enumerator = style.replace("number", str(number))
        lines = draw(wrapped(text_words))
        lines[0] = f"{enumerator} {lines[0]}"
        blocks.append("\n".join(lines))
        expected.append((number, " ".join(text_words)))
    separator = "\n\n" if style == "ordinal" else draw(st.sampled_from(["\n", "\n\n"]))
    body = separator.join(blocks)
    if draw(st.booleans()):
        body = "Joint statement\n\nThe ministers met and agreed as follows.\n\n" + body
    if draw(st.booleans()):
        body += "\n\nThe ministers will meet again.\nEnd of text"
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return body.replace("\n", newline), expected


class TestParsePointsProperties:
    @given(documents())
    def test_rendered_points_parse_back(self, document: tuple[str, list[tuple[int, str]]]) -> None:
        """Points rendered in any style, wrapped, with prose around them, parse back unchanged.

        Exactly when the first number is not 1, a warning says that points may be missing.
        """
        text, expected = document
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert numbers_and_texts(parse_points(text)) == expected
        assert [warning.category for warning in caught] == ([NumberingGapWarning] if expected[0][0] != 1 else [])

    @given(pasted_documents())
    def test_pasted_paragraphs_parse_back(self, document: tuple[str, list[tuple[int, str]]]) -> None:
        """Long points one per line, with prose before and after and no blank lines, parse back without the prose."""
        text, expected = document
        assert numbers_and_texts(parse_points(text)) == expected

    @given(st.lists(st.lists(words, min_size=1, max_size=10).map(" ".join), max_size=6))
    def test_plain_prose_has_no_points(self, paragraphs: list[str]) -> None:
        """Prose without enumerators always raises NoPointsFoundError."""
        with pytest.raises(NoPointsFoundError):
            parse_points("\n\n".join(paragraphs))

    @given(st.text(max_size=300))
    def test_any_text_gives_points_or_the_clear_error(self, text: str) -> None:
        """Arbitrary text gives valid points in ascending order or raises NoPointsFoundError."""
        try:
            points = parse_points(text)
        except NoPointsFoundError:
            return
        except InvalidStatementError as error:
            reasons = [reason for _, reason in error.errors]
        else:
            reasons = []
        if reasons:
            assert all(reason.startswith("placeholder") for reason in reasons)
            return
        numbers = [point.number for point in points]
        assert len(numbers) >= 2
        assert numbers == sorted(set(numbers))


def parsed_without_warnings(text: str) -> tuple[Point, ...]:
    """The points of *text*; any warning fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return parse_points(text)


class TestPageLayouts:
    """Layouts of statements as web pages publish them (texts written for these tests)."""

    def test_first_point_in_the_preamble_paragraph(self) -> None:
        """A "First, ..." that ends the preamble's paragraph is point 1, cut from the preamble."""
        text = (
            "The spokesperson summed up the talks. The ministers reached four points. First, the sides will meet "
            "every year in turn.\n\nSecond, the sides will open a trade office.\n\nThird, the sides will train "
            "customs officers together."
        )
        points = parsed_without_warnings(text)
        assert numbers_and_texts(points) == [
            (1, "the sides will meet every year in turn."),
            (2, "the sides will open a trade office."),
            (3, "the sides will train customs officers together."),
        ]

    def test_first_point_in_the_preamble_before_one_more_point(self) -> None:
        """Two points are enough: the preamble's "First," opens point 1 when "Second," opens the next paragraph."""
        text = "The ministers agreed on two points. First, water.\n\nSecond, roads."
        assert numbers_and_texts(parse_points(text)) == [(1, "water."), (2, "roads.")]

    def test_first_inside_a_sentence_stays_prose(self) -> None:
        """A "first," that does not open a sentence is not a point: the list starts at 2, with a warning."""
        text = "The talks were, first, friendly and long.\n\nSecond, water.\n\nThird, roads."
        with pytest.warns(NumberingGapWarning, match="numbered 2 \\(no point 1\\)"):
            points = parse_points(text)
        assert numbers_and_texts(points) == [(2, "water."), (3, "roads.")]

    def test_two_dash_bullets_with_continuation_paragraphs(self) -> None:
        """Unbulleted paragraphs under a dash bullet continue its point; two such bullets are a list."""
        text = (
            "The ministers agreed:\n\n- The sides will open new flights.\n\nThe first routes will link the capitals."
            "\n\n- The sides will build a rail link.\n"
        )
        assert numbers_and_texts(parse_points(text)) == [
            (1, "The sides will open new flights. The first routes will link the capitals."),
            (2, "The sides will build a rail link."),
        ]

    def test_three_dash_bullets_keep_the_first(self) -> None:
        """With three bullets and continuation paragraphs, the first bullet is kept."""
        text = (
            "Agreed points\n\n- Trade will grow.\n\nTariffs on fruit will fall.\n\n- Students will travel.\n\n"
            "Two hundred grants will be offered.\n\n- Health workers will train together.\n"
        )
        assert numbers_and_texts(parse_points(text)) == [
            (1, "Trade will grow. Tariffs on fruit will fall."),
            (2, "Students will travel. Two hundred grants will be offered."),
            (3, "Health workers will train together."),
        ]

    def test_a_paragraph_ending_with_a_colon_starts_another_bullet_list(self) -> None:
        """Prose that introduces a list (ends with a colon) still separates two bullet lists; the longer wins."""
        text = "- an agenda item;\n- another item.\n\nThe parties agreed:\n\n- one;\n- two;\n- three."
        assert [point.text for point in parse_points(text)] == ["one;", "two;", "three."]

    def test_heading_on_the_enumerator_line_is_kept_apart(self) -> None:
        """A heading after the number, above the point's body, is joined to it with a full stop."""
        text = (
            "1. Political trust\nThe six countries will back one another on matters of sovereignty.\n\n"
            "2. Practical cooperation\nThe six countries will widen trade, transport and investment links."
        )
        assert numbers_and_texts(parse_points(text)) == [
            (1, "Political trust. The six countries will back one another on matters of sovereignty."),
            (2, "Practical cooperation. The six countries will widen trade, transport and investment links."),
        ]

    def test_heading_paragraph_under_a_bare_number(self) -> None:
        """A number alone, its heading, then the body in a paragraph of its own: the last point keeps its body."""
        text = (
            "1.\nPolitical trust\n\nThe sides back one another.\n\n2.\nPractical cooperation\n\nThe sides trade more."
        )
        assert numbers_and_texts(parse_points(text)) == [
            (1, "Political trust. The sides back one another."),
            (2, "Practical cooperation. The sides trade more."),
        ]

    def test_a_wrapped_first_line_is_not_a_heading(self) -> None:
        """A first line broken mid-sentence, about as long as the next, is joined with a space as before."""
        text = "1. The sides welcome the Global Security\nInitiative and its concept paper.\n2. The sides agree."
        assert parse_points(text)[0].text == "The sides welcome the Global Security Initiative and its concept paper."


class TestSubPointsUnderTheLastPoint:
    """A last point that is a heading (or ends with a colon) above sub-points (1), (2) keeps them all."""

    _LONG = " and the ministers also went over many questions of shared interest in the region and further afield."

    def test_sub_points_under_a_heading_stay_in_the_last_point(self) -> None:
        """Each line a paragraph, as a press release prints it; the closing line after the list is left out."""
        long = self._LONG
        text = (
            f"The ministers met in the capital{long}\n"
            f"1. A New Dialogue\nThis first meeting opened a forum for regular talks{long}\n"
            "2. Results of the Meeting\n(1) Closer Relations\n"
            f"The ministers agreed that peace in the region matters{long}\n"
            f"(2) Regional Cooperation\nThe region's states will work together on water{long}\n"
            "Photographs of the meeting can be seen on the ministry's pages, which also hold its programme."
        )
        points = parsed_without_warnings(text)
        assert [point.number for point in points] == [1, 2]
        assert points[1].text == (
            "Results of the Meeting. (1) Closer Relations. "
            f"The ministers agreed that peace in the region matters{long} "
            f"(2) Regional Cooperation. The region's states will work together on water{long}"
        )

    def test_sub_points_after_a_colon_stay_in_the_last_point(self) -> None:
        text = (
            "1. The sides met in Tashkent.\n\n2. The sides agreed on two steps:\n\n(a) a water council;\n\n"
            "(b) a railway study.\n\nThe talks ended in the evening."
        )
        assert numbers_and_texts(parsed_without_warnings(text)) == [
            (1, "The sides met in Tashkent."),
            (2, "The sides agreed on two steps: (a) a water council; (b) a railway study."),
        ]

    @pytest.mark.parametrize(
        ("below", "kept"),
        [
            ("• water talks.\n\n• road talks.", "• water talks. • road talks."),
            ("• water talks.", "• water talks."),
            ("A water council will be set up.", "A water council will be set up."),
        ],
    )
    def test_what_a_colon_announces_stays_in_the_last_point(self, below: str, kept: str) -> None:
        """The bullets below a last point ending with a colon, even one, or the one paragraph there, are its text."""
        text = (
            f"1. The sides met in Tashkent.\n\n2. The sides agreed as follows:\n\n{below}\n\nThe talks ended at noon."
        )
        assert numbers_and_texts(parsed_without_warnings(text)) == [
            (1, "The sides met in Tashkent."),
            (2, f"The sides agreed as follows: {kept}"),
        ]

    def test_short_lines_a_colon_announces_stay_in_a_middle_point(self) -> None:
        """A point ending "attended by:" keeps a line for each delegation below it, though each looks like a heading."""
        text = (
            "1. The ministers met in Almaty.\n\n2. The meeting was attended by:\n\n"
            "Kazakhstan - the Foreign Minister\n\nRussia - the Foreign Minister\n\n"
            "3. The ministers discussed trade."
        )
        assert numbers_and_texts(parsed_without_warnings(text)) == [
            (1, "The ministers met in Almaty."),
            (2, "The meeting was attended by: Kazakhstan - the Foreign Minister Russia - the Foreign Minister"),
            (3, "The ministers discussed trade."),
        ]

    def test_a_heading_below_a_point_without_a_colon_still_goes(self) -> None:
        """A short line after a point's sentence heads what follows: it stays out of the point, as before."""
        text = "1. The ministers met in Almaty.\n\nEconomic Cooperation\n\n2. The ministers discussed trade."
        assert numbers_and_texts(parsed_without_warnings(text)) == [
            (1, "The ministers met in Almaty."),
            (2, "The ministers discussed trade."),
        ]

    def test_a_sentence_above_a_later_list_does_not_take_it(self) -> None:
        """A last point that is a full sentence ends with its paragraph, as before, whatever list follows."""
        text = "1. The sides met.\n\n2. The sides agreed.\n\n(1) A note on the venue.\n\n(2) A note on the date."
        assert numbers_and_texts(parse_points(text)) == [(1, "The sides met."), (2, "The sides agreed.")]


class TestChineseAndRussianPageLayouts:
    """Layouts of Chinese and Russian pages as published (texts written for these tests)."""

    def test_chinese_ordinals_opening_lines(self) -> None:
        """第一， … 第二， open points; lines below each continue it; 第一是 inside a sentence stays prose."""  # noqa: RUF002 - Chinese commas
        text = (
            "会谈取得两方面成果。\n"
            "第一,双方关系迈上新台阶。\n"
            "两国的邻国,第一是东边,第二是西边。\n"
            "第二,务实合作还将扩大。\n"
            "清单共列出四十项。"
        )
        assert numbers_and_texts(parse_points(text)) == [
            (1, "双方关系迈上新台阶。两国的邻国,第一是东边,第二是西边。"),
            (2, "务实合作还将扩大。清单共列出四十项。"),
        ]

    @pytest.mark.parametrize("mark", ["，", ",", "、", "：", ":"])  # noqa: RUF001 - full-width comma and colon
    def test_chinese_ordinals_take_a_comma_or_a_colon(self, mark: str) -> None:
        """第一 needs a mark after it: 第一，第一、第一： (full-width or not)."""  # noqa: RUF002 - Chinese punctuation
        text = f"中方提出建议：\n\n第一{mark}加强互信。\n\n第二{mark}扩大贸易。"  # noqa: RUF001 - Chinese colon
        assert numbers_and_texts(parse_points(text)) == [(1, "加强互信。"), (2, "扩大贸易。")]

    def test_chinese_ordinals_of_counted_things_are_prose(self) -> None:
        """第一次 (the first time) and 第二届 (the second session) are not enumerators."""
        with pytest.raises(NoPointsFoundError):
            parse_points("第一次会晤在西安举行。\n第二届峰会在阿斯塔纳举行。")

    def test_chinese_ordinals_inside_a_line_are_not_points(self) -> None:
        """A 第二， opening a line that continues a sentence (no sentence end above it) is prose."""  # noqa: RUF002 - Chinese comma
        text = (
            "各方把安全列为第一，把发展列为\n"  # noqa: RUF001 - Chinese comma
            "第二，并愿加强合作。\n"  # noqa: RUF001 - Chinese comma
            "第二，各方将扩大贸易。\n"  # noqa: RUF001 - Chinese comma
            "第三，各方将继续磋商。"  # noqa: RUF001 - Chinese comma
        )
        with pytest.warns(NumberingGapWarning):
            assert numbers_and_texts(parse_points(text)) == [(2, "各方将扩大贸易。"), (3, "各方将继续磋商。")]

    def test_chinese_ordinals_run_together(self) -> None:
        """第一，… 第二，… 第三，… in one paragraph are three points, cut from the preamble."""  # noqa: RUF002 - Chinese commas
        text = "王毅提出三点主张：第一，深化互信；第二，扩大贸易；第三，共护安全。会谈结束。"  # noqa: RUF001 - Chinese punctuation
        assert [point.text for point in parse_points(text)] == [
            "深化互信；",  # noqa: RUF001 - Chinese semicolon
            "扩大贸易；",  # noqa: RUF001 - Chinese semicolon
            "共护安全。会谈结束。",
        ]

    def test_chinese_ordinal_styles_are_not_one_sequence(self) -> None:
        """一是 then 第二， then 三是 are not one run of three: the paragraph stays prose."""  # noqa: RUF002 - Chinese comma
        with pytest.raises(NoPointsFoundError):
            parse_points("各方表示：一是互信；第二，贸易；三是安全。")  # noqa: RUF001 - Chinese punctuation

    def test_keycap_digits(self) -> None:
        """Keycap digits (1️⃣ 3️⃣ 6️⃣, as ministry posts number a selection of points) keep their numbers."""
        text = (
            "Key points of the communique (29 in all):\n"
            "1\ufe0f\u20e3 The sides will deepen trust.\n"
            "3\ufe0f\u20e3 The sides will open new trade routes.\n"
            "6\u20e3 The sides will meet again next year.\n"
            "1\ufe0f\u20e30\ufe0f\u20e3 The sides will train border guards.\n"
            "The meeting closed at noon."
        )
        assert numbers_and_texts(parse_points(text)) == [
            (1, "The sides will deepen trust."),
            (3, "The sides will open new trade routes."),
            (6, "The sides will meet again next year."),
            (10, "The sides will train border guards."),
        ]
        text = "\U0001f51f The tenth point.\n1\ufe0f\u20e31\ufe0f\u20e3 The eleventh point."
        with pytest.warns(NumberingGapWarning):
            assert [point.number for point in parse_points(text)] == [10, 11]

    def test_chinese_enumerator_one_in_the_preamble_line(self) -> None:
        """「…指出：一、…」 then 「二、…」 opening a paragraph of its own: point 1 is cut from the preamble."""  # noqa: RUF002 - a Chinese colon
        text = (
            "外长介绍了访问情况。关于成果，他指出：一、双方领导人建立了互信。各国总统全程陪同。\n\n"  # noqa: RUF001 - Chinese punctuation
            "二、双边关系全面提升。四国签署了新的条约。"
        )
        points = parsed_without_warnings(text)
        assert numbers_and_texts(points) == [
            (1, "双方领导人建立了互信。各国总统全程陪同。"),
            (2, "双边关系全面提升。四国签署了新的条约。"),
        ]
        text = "会谈提出（一）加强互信。\n\n（二）扩大贸易。\n\n（三）共护安全。"  # noqa: RUF001 - full-width parentheses
        with pytest.warns(NumberingGapWarning):
            assert [point.number for point in parse_points(text)] == [2, 3]

    def test_chinese_enumerator_one_inside_a_phrase_stays_prose(self) -> None:
        """一、二 inside a phrase (after a comma, or mid-word) is not point 1."""
        text = "学校招收一、二年级学生，一、二两班合并。\n\n二、扩大贸易。\n\n三、共护安全。"  # noqa: RUF001 - a Chinese comma
        with pytest.warns(NumberingGapWarning):
            assert [point.number for point in parse_points(text)] == [2, 3]

    def test_section_numerals_alone_on_their_lines(self) -> None:
        """A section numeral alone on its line (一, 二; Roman II) numbers the lines below it up to the next one."""
        text = (
            "联合声明如下：\n一\n各方同意深化政治互信。\n各方支持彼此的发展道路。\n"  # noqa: RUF001 - a Chinese colon
            "二\n各方愿扩大贸易。\n三\n各方共同打击三股势力。"
        )
        assert numbers_and_texts(parsed_without_warnings(text)) == [
            (1, "各方同意深化政治互信。各方支持彼此的发展道路。"),
            (2, "各方愿扩大贸易。"),
            (3, "各方共同打击三股势力。"),
        ]
        text = "Declaration\nI\nThe sides deepen trust.\nII\nThe sides widen trade.\nIII\nThe sides condemn terror."
        assert numbers_and_texts(parsed_without_warnings(text)) == [
            (1, "The sides deepen trust."),
            (2, "The sides widen trade."),
            (3, "The sides condemn terror."),
        ]

    def test_a_lone_numeral_without_a_sequence_is_prose(self) -> None:
        """One Roman numeral alone on a line, or Roman numerals that skip, number nothing."""
        with pytest.raises(NoPointsFoundError):
            parse_points("Part\nI\nThe sides agreed.\nIII\nThe sides met.")
        with pytest.raises(NoPointsFoundError):
            parse_points("二\n会谈在西安举行。")

    def test_a_capital_run_into_the_number(self) -> None:
        """``1.The`` with no space after the number is point 1; one such line among spaced ones joins the list."""
        text = "The sides declared:\n1.The sides widen trade.\n2.The sides build roads.\n3.The sides condemn terror."
        assert numbers_and_texts(parsed_without_warnings(text)) == [
            (1, "The sides widen trade."),
            (2, "The sides build roads."),
            (3, "The sides condemn terror."),
        ]
        assert [point.number for point in parsed_without_warnings("1. The sides met.\n2.The sides agreed.")] == [1, 2]

    @pytest.mark.parametrize("text", ["1.5 million came.\n2.5 million left.", "1.the sides met.\n2.the sides agreed."])
    def test_a_decimal_or_a_small_letter_after_the_number_is_prose(self, text: str) -> None:
        """``1.5`` is a decimal and ``1.the`` a slip inside prose: neither is a point."""
        with pytest.raises(NoPointsFoundError):
            parse_points(text)
