r"""Raw statement text -> consensus points, and skeleton documents built from them.

:func:`parse_points` finds the enumerated points of a statement pasted from a web
page, a news article or a PDF. It reads the text line by line and follows these
rules, in this order.

Lines:
    Any line break counts (``\n``, ``\r\n``, ``\r``, form feeds, Unicode line
    separators); a leading byte-order mark is ignored. A line holding only
    whitespace (non-breaking spaces included) is blank, and blank lines separate
    paragraphs.

Paragraphs without blank lines:
    Text copied from a web page often puts each paragraph on one line with no
    blank line between them. A text with no blank line between its lines is
    read as one paragraph per line when it is plainly not hard-wrapped: at
    least a third of its lines are longer than 100 characters (wider than text
    is wrapped), and every line but the last from the first enumerated line
    on that has more than twelve words ends a sentence (``.``, ``!``, ``?``,
    ``:``, ``;``, ``…``, closing quotes allowed) or is a heading (see Texts),
    where a wrapped text breaks lines mid-sentence. Lines before the first
    enumerated line (a title, a preamble) are not checked. The Chinese
    ``。！？：；`` end sentences as their ASCII forms do, here and below. An enumerator
    alone on its line still takes the next line as its text. Otherwise (short
    lines, or long lines broken mid-sentence) lines are joined into paragraphs
    as wrapped text; text with blank lines keeps its paragraphs as they are.

Enumerators:
    A point starts at a line that begins, after any indentation, with one of

    * an ordinal word and a comma or colon: ``First,`` ... ``Thirtieth,``, also
      ``Firstly,``, ``Twenty-first:`` or ``twenty first,``, in any case; or
      ``The second is`` (``The first is`` ... ``The thirtieth is``), whose
      point's text starts with the word after "is" ("to strengthen ..."). Both
      forms are one style, so ``First, ...`` then ``The second is ...`` is one
      list. Such a line must open a paragraph: it is the first line, follows a
      blank line, or follows a line ending a sentence (``.``, ``!``, ``?``,
      ``:``, ``;`` or the Chinese ``。！？：；``), so that a wrapped line
      starting with "second," in the middle of a sentence is not taken for a point;
    * an arabic number of one to three digits as ``1.``, ``1)`` or ``(1)``,
      followed by whitespace (``1.5 percent`` and ``2020.`` are no enumerators);
      ``1.`` may also run straight into a capital letter (``1.The``,
      ``1.Стороны``), as some pages print it, never into a small one;
    * a Roman numeral from I to XXXIX, all capitals or all lowercase, as ``I.``,
      ``I)`` or ``(I)``, followed by whitespace; or in capitals alone on its
      line, the section's text on the lines below it;
    * a letter as ``a)`` or ``(a)``, either case, followed by whitespace; ``a.``
      and ``A.`` are not enumerators, so initials ("A. Kamilov") are prose;
    * a Chinese enumerator, with or without space after it: a Chinese numeral
      from 一 to 九十九 as ``一、``, ``一是``, ``（一）`` or ``(一)``, or an
      arabic number as ``1、``; a Chinese numeral alone on its line numbers
      the section below it;
    * a Chinese ordinal ``第一，`` ... ``第九十九，`` (a comma, ``、`` or a colon,
      full-width or not, right after it), which must open a paragraph as
      English ordinals do; ``第一次`` and ``第一是`` are prose;
    * keycap digits, as posts on social media number points: ``1️⃣`` (a
      digit, an optional variation selector and the combining keycap),
      ``1️⃣0️⃣`` or ``🔟``, with or without a space after them;
    * a Russian ordinal, in any case, ``ё`` or ``е``: ``Во-первых,`` ...
      ``В-десятых,`` (or with a colon), which must open a paragraph as English
      ordinals do; or ``Первое —`` ... ``Двадцатое —`` (a dash, or a colon)
      (``1)`` and ``1.`` are read as arabic numbers);
    * a bullet, one of ``•`` ``●`` ``▪`` ``◦`` ``‣`` ``-`` ``*`` ``–`` ``—``
      followed by whitespace; all bullet characters count as one style, so a
      list that mixes ``•`` and ``-`` is one list.

    A line can be read in more than one style: ``(i)`` is Roman one and the
    letter i, and each reading is tried as part of a list. An enumerator alone
    on its line counts when the next line holds text that is not itself
    enumerated (``"1."`` on one line and its text on the next, as PDFs give
    it); otherwise it is prose.

Ordinals run together:
    News reports run points together in one paragraph ("First, ... Second, ...
    Third, ..."). A paragraph holding at least three ordinals in sequence
    (numbers rising by one) is split before each of them, so that each opens a
    paragraph of its own and the rules above read it; the text before the first
    stays a paragraph of prose. English ordinals (``Second,``, ``Secondly:``,
    ``the second is``, any case) count when they open a sentence: the
    paragraph's start, or after ``.``, ``!``, ``?``, ``:``, ``;`` (or their
    Chinese forms) and whitespace. Chinese ones (``二是``, or ``第二，``) count
    at the paragraph's start or right after ``。！？：；，`` or their ASCII
    forms; the two Chinese forms do not mix in one sequence.
    Russian ones (``Во-вторых,``) count where they open a sentence, as
    English ones do, when no English or Chinese sequence is found. Of
    several sequences, the longest is split. Two ordinals are not enough, and a
    paragraph whose ordinals all open lines already is left as it is.

    Pages also run the preamble into the first point: "... reached five
    points. First, ..." and then "Second, ..." opens a paragraph of its own.
    When a paragraph opens with an ordinal above one (``Second,``, ``二是``, ``第二，``,
    or a Chinese enumerator such as ``二、``)
    and the paragraph before holds the ordinal just before it opening a
    sentence (not at its start), that paragraph is split there.

Numbering:
    Points keep the numbers the source gives them, gaps included (1, 2, 4):
    :func:`skeleton` notes such gaps and warns (:class:`NumberingGapWarning`).
    When the first point found is not numbered 1 (an excerpt, or a point 1
    run into prose), :func:`parse_points` warns (:class:`NumberingGapWarning`).
    Bullets are numbered 1, 2, 3, ..., letters a=1, b=2, ... Bullets indented
    deeper than the shallowest bullet are nested: they stay in the text of the
    point above them, bullet and all.

Lists:
    Within one style, a list runs while its numbers rise, by at most
    ten at a time; a number that goes back (or repeats, or leaps) starts another
    list. Roman and letter lists must start at one (I, a) and rise by exactly
    one, which keeps initials and stray numerals out. Pages continue a
    bullet's point in unbulleted paragraphs below it, so prose paragraphs
    between two bullets belong to the bullet above; a bullet list ends only at
    a paragraph that introduces another list (ends with a colon). After the
    last bullet, prose is not part of it (it cannot be told from closing
    prose). Lists of fewer than two items are ignored. Of the remaining lists,
    numbered ones (ordinal, arabic, Roman or Chinese) win over letters, and
    letters over bullets, unless they are nested in a bullet item (indented
    deeper than the bullet before them, with no prose paragraph between); then
    the longest wins, then the first.
    Enumerators of the other styles are then plain text: numbered sub-items or
    bullets inside a point stay in that point's text.

Texts:
    A point runs from its enumerator to the next point. The last point ends with
    its paragraph; paragraphs after it belong to it only if indented deeper
    than its enumerator. In a text without blank lines that is read as wrapped
    text, the last point ends with its line when the line of every point
    (the enumerator's, or the next for an enumerator alone on its line) ends a
    sentence, the last one with ``.``, ``!``, ``?`` or ``…``, and the line
    after it starts with a capital letter, is not an enumerator and is indented
    no deeper than the enumerator: short points one per line, then a closing
    sentence. Prose before the first point (the preamble) and after
    the last one is not part of any point. Headings are dropped from the end
    of a point: a paragraph, or a last line after a line that ends a sentence,
    that ends without punctuation and either is short (at most twelve words)
    and starts with no lowercase letter, or reads as a title of any length
    (every word of four letters or more capitalised, but prepositions such as
    "between" and "with"), unless they follow a line ending with a colon,
    which announces them (a line for each delegation below "The meeting was
    attended by:"). A heading above a point's body (on the
    enumerator's line, or on the line or paragraph after a bare enumerator)
    is kept apart from the body with a full stop ("Political trust. The
    sides ..."): a first line that reads as a heading, does not end with a
    word such as "the" or "of", and is followed by a capital letter, in a
    paragraph of its own or on a line much longer than it (a wrapped line is
    about as long as the next); a last point whose paragraph is only such a
    heading takes the paragraph below. The text is the words and punctuation of the point,
    without its enumerator, with every run of whitespace (line breaks
    included) made one space, but for a line break between two Chinese
    characters (or Chinese punctuation), which is removed, Chinese being
    written without spaces; nothing else is changed.

When no list of at least two points is found, :class:`NoPointsFoundError` says
what was looked for; the parser does not guess.
"""  # noqa: RUF002 - the en dash is one of the bullets recognised

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import warnings
from typing import TYPE_CHECKING, Any

import attrs

from ._check import PLACEHOLDER
from ._convert import to_dict
from ._errors import InvalidStatementError, InvalidTypeError, Problem
from ._model import Meeting, Point, Source
from ._ordinals import ORDINALS

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["NoPointsFoundError", "NumberingGapWarning", "numbering_gaps", "parse_points", "skeleton", "skeleton_json"]

MAX_GAP = 10
"""The largest step between two consecutive numbers of one list."""

MAX_HEADING_WORDS = 12
"""The most words a line may have to count as a heading."""

WRAP_WIDTH = 100
"""Lines longer than this many characters show that a text is not hard-wrapped."""

_ORDINAL_NUMBERS: dict[str, int] = {}
for _number, _word in enumerate(ORDINALS, start=1):
    _ORDINAL_NUMBERS[_word.lower()] = _number
    _ORDINAL_NUMBERS[_word.lower() + "ly"] = _number

_LETTERS = r"[^\W\d_]+"
_REST = r"(?:\s+(?P<rest>.*))?"
_ORDINAL = re.compile(rf"(?P<word>{_LETTERS}(?:[-\u2010\u2011\s]{_LETTERS})?)[,:]{_REST}", re.DOTALL)
_ARABIC = {
    # A capital may follow "1." with no space ("1.The"), never a small letter or a digit ("1.5 million").
    "number.": re.compile(r"(?P<number>[0-9]{1,3})\.(?:\s+(?P<rest>.*)|(?P<tight>[^\W\d_].*))?", re.DOTALL),
    "number)": re.compile(rf"(?P<number>[0-9]{{1,3}})\){_REST}", re.DOTALL),
    "(number)": re.compile(rf"\((?P<number>[0-9]{{1,3}})\){_REST}", re.DOTALL),
}
_THE_ORDINAL = re.compile(
    rf"the\s+(?P<word>{_LETTERS}(?:[-\u2010\u2011\s]{_LETTERS})?)\s+is(?:\s+(?P<rest>.*))?", re.DOTALL | re.IGNORECASE
)
_ROMAN = {
    form: re.compile(pattern.replace("N", "(?P<numeral>[IVX]+|[ivx]+)") + _REST, re.DOTALL)
    for form, pattern in (("I.", r"N\."), ("I)", r"N\)"), ("(I)", r"\(N\)"))
}
_ROMAN_VALUE = re.compile(r"(?P<tens>X{0,3})(?P<units>IX|IV|V?I{0,3})", re.IGNORECASE)
_ROMAN_UNITS = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
_LETTER = {
    "a)": re.compile(rf"(?P<letter>[a-zA-Z])\){_REST}", re.DOTALL),
    "(a)": re.compile(rf"\((?P<letter>[a-zA-Z])\){_REST}", re.DOTALL),
}
_CJK_NUMERAL = "[一二三四五六七八九十]{1,3}"
_CJK_DIGITS = {digit: value for value, digit in enumerate("一二三四五六七八九", start=1)}
_CJK = {
    "一、": re.compile(rf"(?P<number>{_CJK_NUMERAL})、\s*(?P<rest>.*)", re.DOTALL),
    "一是": re.compile(rf"(?P<number>{_CJK_NUMERAL})是(?P<rest>.*)", re.DOTALL),
    "(一)": re.compile(rf"[(（](?P<number>{_CJK_NUMERAL})[)）]\s*(?P<rest>.*)", re.DOTALL),  # noqa: RUF001 - full-width parentheses
    "1、": re.compile(r"(?P<number>[0-9０-９]{1,3})、\s*(?P<rest>.*)", re.DOTALL),  # noqa: RUF001 - full-width digits
}
_BARE_ROMAN = re.compile(r"[IVX]+")
_BARE_CJK = re.compile(_CJK_NUMERAL)
_ZH_ORDINAL = re.compile(rf"第(?P<number>{_CJK_NUMERAL})[，,、：:]\s*(?P<rest>.*)", re.DOTALL)  # noqa: RUF001 - full-width marks
_ZH_STYLE = "ordinal zh"
"""Chinese ordinals ``第一，`` ... ``第九十九，`` (or with ``、`` or ``：``): an ordinal style, opening paragraphs."""  # noqa: RUF001 - full-width marks
_KEYCAP = re.compile(r"(?P<number>(?:[0-9]\ufe0f?\u20e3){1,3}|\U0001f51f)\s*(?P<rest>.*)", re.DOTALL)
_KEYCAP_STYLE = "keycap"
"""Keycap digits: ``1️⃣`` (a digit, an optional variation selector, the combining keycap), ``1️⃣0️⃣`` or ``🔟``."""
_RU_ADVERBS = {
    word: number
    for number, word in enumerate(
        ("во-первых", "во-вторых", "в-третьих", "в-четвертых", "в-пятых", "в-шестых", "в-седьмых", "в-восьмых",
         "в-девятых", "в-десятых"),
        start=1,
    )
}  # fmt: skip
_RU_NEUTER = {
    word: number
    for number, word in enumerate(
        ("первое", "второе", "третье", "четвертое", "пятое", "шестое", "седьмое", "восьмое", "девятое", "десятое",
         "одиннадцатое", "двенадцатое", "тринадцатое", "четырнадцатое", "пятнадцатое", "шестнадцатое", "семнадцатое",
         "восемнадцатое", "девятнадцатое", "двадцатое"),
        start=1,
    )
}  # fmt: skip
_RU_ADVERB = re.compile(r"(?P<word>во?[-\u2010\u2011][^\W\d_]+)\s*[,:](?:\s*(?P<rest>.*))?", re.DOTALL | re.IGNORECASE)
_RU_ORDINAL = re.compile(r"(?P<word>[^\W\d_]+)\s*(?:[\u2014\u2013:]|-(?=\s))(?:\s*(?P<rest>.*))?", re.DOTALL)
_RU_STYLE = "ordinal ru"
"""Russian ordinals: ``Во-первых,`` ... ``В-десятых,`` (style ``ordinal ru``) and ``Первое —`` ... ``Двадцатое:``."""  # noqa: RUF001 - Cyrillic ordinals
BULLETS = "•●▪◦‣-*–—"  # noqa: RUF001 - the en dash is one of the bullets looked for
"""The characters recognised as bullets."""
_BULLET = re.compile(rf"[{re.escape(BULLETS)}]{_REST}", re.DOTALL)
_CLOSING = "\"'”’»)\\]）」』》"  # noqa: RUF001 - closing quotation marks and brackets
_ENDS_SENTENCE = re.compile(rf"[.!?:;…。！？：；][{_CLOSING}]*$")  # noqa: RUF001 - CJK full stops
_ENDS_PUNCTUATED = re.compile(rf"[.!?:;,…。！？：；，、][{_CLOSING}]*$")  # noqa: RUF001 - CJK full stops and commas
_SEPARATORS = re.compile(r"[-\u2010\u2011\s]+")
_WORDS = re.compile(_LETTERS)
_TITLE_WORD_LENGTH = 4
_TITLE_LOWERCASE = frozenset(
    {
        "about", "after", "against", "among", "before", "between", "during", "from", "into", "over",
        "than", "that", "through", "towards", "under", "upon", "with", "within", "without",
    }
)  # fmt: skip
_ENDS_STATEMENT = re.compile(rf"[.!?…。！？][{_CLOSING}]*$")  # noqa: RUF001 - CJK full stops

_ORDINAL_STYLE = "ordinal"
_BULLET_STYLE = "bullet"
_ROMAN_STYLE = "roman"
_LETTER_STYLE = "letter"
_STEP_BY_ONE = (_ROMAN_STYLE, _LETTER_STYLE)
"""Styles (as prefixes of the style's name) whose lists start at one and rise by exactly one."""

LOOKED_FOR = (
    "no enumerated points found: looked for at least two points in sequence, as paragraphs "
    "beginning with ordinal words (First, Second, ... or Firstly, ... or The second is), arabic "
    "numbers (1. 2. or 1) 2) or (1) (2) or 1、2、), Roman numerals (I. II. or (i) (ii)), letters "
    "(a) b) or (a) (b)), Chinese numerals (一、二、 or 一是 二是 or （一）（二） or 第一，第二，), Russian ordinals "  # noqa: RUF001 - full-width parentheses and commas
    "(Во-первых, ... or Первое —), keycap digits (1️⃣ 2️⃣) or bullets (• - * –), "  # noqa: RUF001 - the en dash bullet
    "or at least three ordinals in sequence within one paragraph"
)
"""The reason given by :class:`NoPointsFoundError`."""


class NoPointsFoundError(InvalidStatementError):
    """The text has no enumerated points that :func:`parse_points` recognises.

    Its one problem, at path ``$``, says which forms were looked for.

    Example:
        >>> try:
        ...     parse_points("Just a paragraph of prose.")
        ... except NoPointsFoundError as error:
        ...     print(error.errors[0][1][:26])
        no enumerated points found
    """

    def __init__(self, errors: Iterable[tuple[str, str]] = (("$", LOOKED_FOR),), source: str | None = None) -> None:
        super().__init__(errors, source)


@attrs.frozen
class _Line:
    content: str
    indent: int

    @property
    def blank(self) -> bool:
        return not self.content


@attrs.frozen
class _Candidate:
    index: int
    style: str
    number: int
    rest: str
    indent: int


def _split_lines(text: str) -> list[_Line]:
    lines = []
    for raw in text.removeprefix("\ufeff").splitlines():
        content = raw.strip()
        lines.append(_Line(content, len(raw) - len(raw.lstrip()) if content else 0))
    return lines


def _one_paragraph_per_line(lines: list[_Line]) -> bool:
    """Whether *lines*, with no blank line among them, are paragraphs each on one line rather than wrapped text."""
    start = next((index for index, line in enumerate(lines) if not line.blank), len(lines))
    end = max((index + 1 for index, line in enumerate(lines) if not line.blank), default=0)
    content = lines[start:end]
    if len(content) < 2 or any(line.blank for line in content):  # noqa: PLR2004 - one line is one paragraph anyway
        return False
    if 3 * sum(len(line.content) > WRAP_WIDTH for line in content) < len(content):
        return False
    first = next((index for index, line in enumerate(content) if _match(line.content) is not None), len(content))
    return all(
        len(line.content.split()) <= MAX_HEADING_WORDS
        or _ENDS_SENTENCE.search(line.content) is not None
        or _is_heading(line.content)
        for line in content[first:-1]
    )


def _is_title(content: str) -> bool:
    """Whether *content* reads as a title: no closing punctuation, its words of four letters or more capitalised.

    Prepositions and conjunctions that titles leave in lowercase ("between", "with") do not count.
    """
    long_words = [
        word
        for word in _WORDS.findall(content)
        if len(word) >= _TITLE_WORD_LENGTH and word.lower() not in _TITLE_LOWERCASE
    ]
    return (
        bool(long_words) and all(word[0].isupper() for word in long_words) and _ENDS_PUNCTUATED.search(content) is None
    )


def _paragraph_lines(lines: list[_Line]) -> list[_Line]:
    """*lines* with a blank line after each line, but after an enumerator alone on its line."""
    spaced: list[_Line] = []
    for line in lines:
        if spaced and not _bare_enumerator(spaced[-1].content):
            spaced.append(_Line("", 0))
        spaced.append(line)
    return spaced


def _bare_enumerator(content: str) -> bool:
    match = _match(content)
    return match is not None and not match[2].strip()


def _match(content: str) -> tuple[str, int, str] | None:
    """Return ``(style, number, rest)`` when *content* begins with an enumerator: its first reading."""
    readings = _readings(content)
    return readings[0] if readings else None


def _readings(content: str) -> list[tuple[str, int, str]]:
    """Every ``(style, number, rest)`` that *content* can be read as: ``(i)`` is a Roman one and a letter."""
    readings = [
        reading
        for reading in (
            _ordinal(content),
            *_arabic(content),
            _roman(content),
            _letter(content),
            *_chinese(content),
            _chinese_ordinal(content),
            _russian(content),
            _keycap(content),
            _section(content),
        )
        if reading is not None
    ]
    if not readings:
        bullet = _BULLET.fullmatch(content)
        if bullet:
            readings.append((_BULLET_STYLE, 0, bullet["rest"] or ""))
    return readings


def _ordinal(content: str) -> tuple[str, int, str] | None:
    """``First,``, ``Firstly:`` or ``The second is``, as ``(style, number, rest)``."""
    for pattern, suffixes in ((_ORDINAL, True), (_THE_ORDINAL, False)):
        match = pattern.fullmatch(content)
        if match:
            word = _SEPARATORS.sub("-", match["word"].lower())
            number = _ORDINAL_NUMBERS.get(word) if suffixes or not word.endswith("ly") else None
            if number is not None:
                return (_ORDINAL_STYLE, number, match["rest"] or "")
    return None


def _arabic(content: str) -> list[tuple[str, int, str] | None]:
    """``1.``, ``1)`` or ``(1)``; ``1.`` may be run into a capital (``1.The``), as some pages print it."""
    readings: list[tuple[str, int, str] | None] = []
    for style, pattern in _ARABIC.items():
        match = pattern.fullmatch(content)
        tight = match.groupdict().get("tight") if match else None
        if match is None or (tight is not None and tight[0].islower()):
            readings.append(None)
        else:
            readings.append((style, int(match["number"]), match["rest"] or tight or ""))
    return readings


def _roman_number(numeral: str) -> int | None:
    """The value of a Roman numeral from 1 to 39, written in one case; otherwise None."""
    match = _ROMAN_VALUE.fullmatch(numeral)
    if not match or not (numeral.isupper() or numeral.islower()):
        return None
    number = 10 * len(match["tens"]) + _ROMAN_UNITS.index(match["units"].upper())
    return number or None


def _roman(content: str) -> tuple[str, int, str] | None:
    """``I.``, ``II)`` or ``(iii)``; the style names the form and the case."""
    for form, pattern in _ROMAN.items():
        match = pattern.fullmatch(content)
        number = _roman_number(match["numeral"]) if match else None
        if match and number:
            case = "upper" if match["numeral"].isupper() else "lower"
            return (f"{_ROMAN_STYLE} {form} {case}", number, match["rest"] or "")
    return None


def _letter(content: str) -> tuple[str, int, str] | None:
    """``a)`` or ``(a)``, in either case; ``a.`` is not one (initials such as "A. Kamilov" are not)."""
    for form, pattern in _LETTER.items():
        match = pattern.fullmatch(content)
        if match:
            letter = match["letter"]
            case = "upper" if letter.isupper() else "lower"
            return (f"{_LETTER_STYLE} {form} {case}", ord(letter.lower()) - ord("a") + 1, match["rest"] or "")
    return None


def _cjk_number(numeral: str) -> int | None:
    """The value of a Chinese numeral from 1 (一) to 99 (九十九); otherwise None."""
    if "十" not in numeral:
        return _CJK_DIGITS.get(numeral)
    tens, _, units = numeral.partition("十")
    tens_value = _CJK_DIGITS.get(tens, 0) if tens else 1
    units_value = _CJK_DIGITS.get(units, 0) if units else 0
    if (tens and tens_value < 2) or (units and not units_value):  # noqa: PLR2004 - 一十 is written 十
        return None
    return 10 * tens_value + units_value


def _chinese(content: str) -> list[tuple[str, int, str] | None]:
    """``一、``, ``一是``, ``（一）`` or ``(一)``, and ``1、``: no space needed after them."""  # noqa: RUF002 - full-width parentheses
    readings: list[tuple[str, int, str] | None] = []
    for style, pattern in _CJK.items():
        match = pattern.fullmatch(content)
        number = None
        if match:
            digits = match["number"]
            number = int(digits) if digits[0] not in "一二三四五六七八九十" else _cjk_number(digits)
        readings.append((style, number, match["rest"]) if match and number else None)
    return readings


def _chinese_ordinal(content: str) -> tuple[str, int, str] | None:
    """``第一，`` (``第二、``, ``第三：``): an ordinal, so it must open a paragraph as English ordinals do."""  # noqa: RUF002 - full-width marks
    match = _ZH_ORDINAL.fullmatch(content)
    number = _cjk_number(match["number"]) if match else None
    return (_ZH_STYLE, number, match["rest"]) if match and number else None


def _section(content: str) -> tuple[str, int, str] | None:
    """A section numeral alone on its line, its body below: ``II`` or ``二``; a Roman one steps by one."""
    if _BARE_ROMAN.fullmatch(content):
        number = _roman_number(content)
        return (f"{_ROMAN_STYLE} bare upper", number, "") if number else None
    if _BARE_CJK.fullmatch(content):
        number = _cjk_number(content)
        return ("一 bare", number, "") if number else None
    return None


def _keycap(content: str) -> tuple[str, int, str] | None:
    """``1️⃣``, ``1️⃣0️⃣`` or ``🔟``, with or without a space after it."""
    match = _KEYCAP.fullmatch(content)
    if not match:
        return None
    digits = match["number"].replace("\ufe0f", "").replace("\u20e3", "")
    number = 10 if digits == "\U0001f51f" else int(digits)
    return (_KEYCAP_STYLE, number, match["rest"]) if number else None


def _russian_word(word: str) -> str:
    return _SEPARATORS.sub("-", word.casefold().replace("\u0451", "\u0435"))


def _russian(content: str) -> tuple[str, int, str] | None:
    """``Во-первых,`` (``В-третьих:``) or ``Первое —`` (``Второе:``), in any case, ё or е."""  # noqa: RUF002 - Cyrillic ordinals
    for pattern, words, style in (
        (_RU_ADVERB, _RU_ADVERBS, _RU_STYLE),
        (_RU_ORDINAL, _RU_NEUTER, _RU_STYLE + " neuter"),
    ):
        match = pattern.fullmatch(content)
        number = words.get(_russian_word(match["word"])) if match else None
        if match and number:
            return (style, number, match["rest"] or "")
    return None


def _candidates(lines: list[_Line]) -> list[_Candidate]:
    readings = [[] if line.blank else _readings(line.content) for line in lines]
    found = []
    for index, line in enumerate(lines):
        for style, number, rest in readings[index]:
            if not rest.strip():
                following = index + 1
                if following >= len(lines) or lines[following].blank or readings[following]:
                    continue
            if style.startswith(_ORDINAL_STYLE) and index > 0:
                previous = lines[index - 1]
                if not previous.blank and _ENDS_SENTENCE.search(previous.content) is None:
                    continue
            found.append(_Candidate(index, style, number, rest.strip(), line.indent))
    bullet_indents = [candidate.indent for candidate in found if candidate.style == _BULLET_STYLE]
    if bullet_indents:
        top = min(bullet_indents)
        found = [c for c in found if c.style != _BULLET_STYLE or c.indent == top]
    return found


_ORDINAL_WORDS = "|".join(
    word.lower().replace("-", r"[-\u2010\u2011\s]") for word in sorted(ORDINALS, key=len, reverse=True)
)
_RUN_TOGETHER = re.compile(
    rf"(?<![\w-])(?:the\s+(?P<the>{_ORDINAL_WORDS})\s+is\b|(?P<word>{_ORDINAL_WORDS})(?:ly)?\s*[,:])"
    rf"|(?P<cjk>{_CJK_NUMERAL})是|第(?P<zh>{_CJK_NUMERAL})[，,、：:]",  # noqa: RUF001 - full-width marks
    re.IGNORECASE,
)
_SENTENCE_BEFORE = re.compile(rf"[.!?:;…。！？：；][{_CLOSING}]*\s+$")  # noqa: RUF001 - CJK full stops
_CLAUSE_BEFORE = re.compile(r"[。！？：；，:;,]\s*$")  # noqa: RUF001 - CJK full stops and commas
RUN_TOGETHER = 3
"""The fewest ordinals in sequence, run together in one paragraph, that are read as points."""


def _opening_ordinals(text: str) -> Iterator[tuple[int, str, int]]:
    """``(offset, kind, number)`` of each ordinal in *text* that opens the text or a sentence.

    English ordinals (``Second,``, ``The second is``; kind ``"en"``) must open a
    sentence; Chinese ones (``二是``, kind ``"是"``; ``第二，``, kind ``"第"``) must
    open the text or follow a punctuation mark.
    """  # noqa: RUF002 - a full-width comma
    for match in _RUN_TOGETHER.finditer(text):
        start = match.start()
        before = text[max(0, start - 20) : start]
        chinese = match["cjk"] or match["zh"]
        if chinese:
            kind = "是" if match["cjk"] else "第"
            number = _cjk_number(chinese)
            opens = _CLAUSE_BEFORE.search(before) is not None
        else:
            kind = "en"
            word = _SEPARATORS.sub("-", (match["the"] or match["word"]).lower())
            number = _ORDINAL_NUMBERS.get(word)
            opens = _SENTENCE_BEFORE.search(before) is not None
        if number is not None and (opens or start == 0):
            yield start, kind, number


def _run_together(text: str) -> list[int]:
    """The offsets in *text* (one paragraph) of its longest sequence of ordinals opening sentences, if long enough.

    Their numbers must rise by one, in one kind throughout (English, ``一是`` or ``第一，``).
    """  # noqa: RUF002 - a full-width comma
    best: list[int] = []
    run: list[int] = []
    last: tuple[str, int] | None = None
    for start, kind, number in _opening_ordinals(text):
        if last is None or last != (kind, number - 1):
            run = []
        run.append(start)
        last = (kind, number)
        if len(run) > len(best):
            best = run
    return best if len(best) >= RUN_TOGETHER else []


_RU_RUN_TOGETHER = re.compile(r"(?<![\w-])(?P<word>во?[-\u2010\u2011][^\W\d_]+)\s*[,:]", re.IGNORECASE)


def _russian_run_together(text: str) -> list[int]:
    """The offsets of the longest sequence of Russian ordinals (``Во-первых, ... Во-вторых, ...``) opening sentences."""  # noqa: RUF002 - Cyrillic ordinals
    best: list[int] = []
    run: list[int] = []
    last = 0
    for match in _RU_RUN_TOGETHER.finditer(text):
        start = match.start()
        number = _RU_ADVERBS.get(_russian_word(match["word"]))
        if number is None or not (start == 0 or _SENTENCE_BEFORE.search(text[max(0, start - 20) : start])):
            continue
        run = [*run, start] if number == last + 1 else [start] if number == 1 else []
        last = number if run else 0
        if len(run) > len(best):
            best = run
    return best if len(best) >= RUN_TOGETHER else []


def _split_run_together(lines: list[_Line]) -> list[_Line]:
    """*lines* with each paragraph that runs ordinals together split into one paragraph per ordinal.

    A paragraph is left as it is when its ordinals all open lines already:
    the line-by-line rules read those.
    """
    result: list[_Line] = []
    start = 0
    while start < len(lines):
        if lines[start].blank:
            result.append(lines[start])
            start += 1
            continue
        end = start
        while end < len(lines) and not lines[end].blank:
            end += 1
        result.extend(_split_paragraph(lines[start:end]))
        start = end
    return result


def _paragraph_ranges(lines: list[_Line]) -> list[tuple[int, int]]:
    """The (start, end) of every paragraph of *lines*: runs of non-blank lines."""
    ranges = []
    start = 0
    while start < len(lines):
        if lines[start].blank:
            start += 1
            continue
        end = start
        while end < len(lines) and not lines[end].blank:
            end += 1
        ranges.append((start, end))
        start = end
    return ranges


_CJK_IN_SENTENCE = {
    style: re.compile(rf"(?<=[。！？：；:;])\s*(?P<enumerator>{pattern})")  # noqa: RUF001 - CJK full stops
    for style, pattern in (
        ("一、", rf"(?P<number>{_CJK_NUMERAL})、"),
        ("(一)", rf"[(（](?P<number>{_CJK_NUMERAL})[)）]"),  # noqa: RUF001 - full-width parentheses
        ("1、", r"(?P<number>[0-9０-９]{1,3})、"),  # noqa: RUF001 - full-width digits
    )
}
"""Chinese enumerators ``一、``, ``（一）`` and ``1、`` where they open a sentence or follow a colon."""  # noqa: RUF001 - full-width parentheses


def _chinese_enumerators(text: str, style: str, wanted: int) -> list[int]:
    """The offsets in *text* of the enumerators of *style* numbered *wanted* that follow ``。！？：；`` (or ASCII)."""  # noqa: RUF002 - CJK full stops
    cuts = []
    for match in _CJK_IN_SENTENCE[style].finditer(text):
        digits = match["number"]
        number = _cjk_number(digits) if digits[0] in "一二三四五六七八九十" else int(digits)
        if number == wanted:
            cuts.append(match.start("enumerator"))
    return cuts


def _split_opening_ordinal(lines: list[_Line]) -> list[_Line]:
    """*lines* with the point that a paragraph's last sentences open split from it.

    A preamble often runs into the first point: "The ministers agreed on five points.
    First, ...", then "Second, ..." opens a paragraph of its own. When a paragraph
    starts with an ordinal (English or Chinese) whose number is above one, and
    the paragraph before it holds the ordinal just before, opening a sentence
    after its start, that paragraph is split there. Chinese enumerators (``二、``,
    ``（二）``, ``2、``) are ordinals here: "...指出：一、..." then "二、...".
    """  # noqa: RUF002 - full-width marks
    result = list(lines)
    for (start, end), (following, _) in reversed(list(itertools.pairwise(_paragraph_ranges(lines)))):
        opening = _ordinal(lines[following].content)
        chinese_opening = next((reading for reading in _chinese(lines[following].content) if reading), None)
        zh_opening = _chinese_ordinal(lines[following].content)
        if opening is not None:
            wanted = ("en", opening[1] - 1)
        elif chinese_opening is not None and chinese_opening[0] == "一是":
            wanted = ("是", chinese_opening[1] - 1)
        elif zh_opening is not None:
            wanted = ("第", zh_opening[1] - 1)
        elif chinese_opening is not None:
            wanted = (chinese_opening[0], chinese_opening[1] - 1)
        else:
            continue
        if wanted[1] < 1:
            continue
        text = "\n".join(line.content for line in lines[start:end])
        if wanted[0] in _CJK_IN_SENTENCE:
            cuts = _chinese_enumerators(text, wanted[0], wanted[1])
        else:
            cuts = [offset for offset, kind, number in _opening_ordinals(text) if offset and (kind, number) == wanted]
        if not cuts:
            continue
        indent = lines[start].indent
        pieces = (text[: cuts[-1]].strip(), text[cuts[-1] :].strip())
        split = [_Line(part.strip(), indent) for part in pieces[0].split("\n") if part.strip()]
        split.append(_Line("", 0))
        split.extend(_Line(part.strip(), indent) for part in pieces[1].split("\n") if part.strip())
        result[start:end] = split
    return result


def _split_paragraph(paragraph: list[_Line]) -> list[_Line]:
    offsets = []
    position = 0
    for line in paragraph:
        offsets.append(position)
        position += len(line.content) + 1
    text = "\n".join(line.content for line in paragraph)
    cuts = _run_together(text) or _russian_run_together(text)
    if set(cuts) <= set(offsets):
        return paragraph
    indent = paragraph[0].indent
    pieces = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    split: list[_Line] = []
    for piece in pieces:
        if not piece:
            continue
        if split:
            split.append(_Line("", 0))
        split.extend(_Line(part.strip(), indent) for part in piece.split("\n") if part.strip())
    return split


_COLONS = (":", "\uff1a")
"""A colon, in Latin or full-width (Chinese) form: a line ending with one announces what follows it."""


def _is_heading(content: str) -> bool:
    """Whether *content* is a heading: short, not starting in lowercase and unpunctuated, or a title of any length."""
    short = (
        len(content.split()) <= MAX_HEADING_WORDS
        and not content[0].islower()
        and _ENDS_PUNCTUATED.search(content) is None
    )
    return short or _is_title(content)


def _breaks_bullets(lines: list[_Line], start: int, end: int, indent: int) -> bool:
    """Whether lines start..end (exclusive) hold a paragraph that ends a bullet list."""
    for index in range(start, end):
        line = lines[index]
        opens = index > 0 and lines[index - 1].blank
        if opens and not line.blank and line.indent <= indent and not _is_heading(line.content):
            return True
    return False


def _introduces_a_list(lines: list[_Line], start: int, end: int, indent: int) -> bool:
    """Whether lines start..end (exclusive), between two bullets, hold a paragraph that ends the first bullet list.

    Pages continue a bullet's point in unbulleted paragraphs below it, so a prose
    paragraph between two bullets belongs to the bullet above, unless it
    introduces a list of its own (ends with a colon).
    """
    for index in range(start, end):
        line = lines[index]
        opens = index > 0 and lines[index - 1].blank
        if opens and not line.blank and line.indent <= indent and not _is_heading(line.content):
            paragraph_end = index
            while paragraph_end + 1 < end and not lines[paragraph_end + 1].blank:
                paragraph_end += 1
            if lines[paragraph_end].content.endswith(_COLONS):
                return True
    return False


def _runs(lines: list[_Line], candidates: list[_Candidate]) -> list[list[_Candidate]]:
    runs: list[list[_Candidate]] = []
    current: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        run = current.get(candidate.style)
        if run:
            last = run[-1]
            if candidate.style == _BULLET_STYLE:
                broken = _introduces_a_list(lines, last.index + 1, candidate.index, candidate.indent)
            elif candidate.style.startswith(_STEP_BY_ONE):
                broken = candidate.number != last.number + 1
            else:
                broken = not 0 < candidate.number - last.number <= MAX_GAP
            if not broken:
                run.append(candidate)
                continue
        run = [candidate]
        current[candidate.style] = run
        runs.append(run)
    return [
        run
        for run in runs
        if len(run) >= 2 and (run[0].number == 1 or not run[0].style.startswith(_STEP_BY_ONE))  # noqa: PLR2004 - a list has at least two items
    ]


def _bullets_above(lines: list[_Line], candidates: list[_Candidate]) -> dict[int, int]:
    """For each numbered candidate inside a bullet item, the indent of that bullet, by the candidate's line.

    A candidate is inside the item of the last bullet before it unless a prose
    paragraph no deeper than that bullet comes between them. One pass over the lines.
    """
    by_line = {candidate.index: candidate for candidate in candidates}
    above: dict[int, int] = {}
    bullet: _Candidate | None = None
    for index in range(len(lines)):
        candidate = by_line.get(index)
        if candidate is not None and candidate.style == _BULLET_STYLE:
            bullet = candidate
            continue
        if bullet is None:
            continue
        if candidate is not None:
            above[index] = bullet.indent
        if _breaks_bullets(lines, index, index + 1, bullet.indent):
            bullet = None
    return above


def _under_a_bullet(run: list[_Candidate], bullets_above: dict[int, int]) -> bool:
    """Whether a numbered *run* is nested in a bullet item: indented under the bullet before it."""
    indent = bullets_above.get(run[0].index)
    return indent is not None and indent < min(item.indent for item in run)


def _best_run(lines: list[_Line], runs: list[list[_Candidate]], candidates: list[_Candidate]) -> list[_Candidate]:
    bullets_above = _bullets_above(lines, candidates)

    def rank(run: list[_Candidate]) -> tuple[bool, int, int, int]:
        style = run[0].style
        kind = 2 if style == _BULLET_STYLE else 1 if style.startswith(_LETTER_STYLE) else 0
        return (_under_a_bullet(run, bullets_above), kind, -len(run), run[0].index)

    return min(runs, key=rank)


def _paragraphs(lines: list[_Line], start: int, end: int) -> list[list[str]]:
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines[start:end]:
        if line.blank:
            if current:
                paragraphs.append(current)
            current = []
        else:
            current.append(line.content)
    if current:
        paragraphs.append(current)
    return paragraphs


def _last_end(lines: list[_Line], item: _Candidate, others: set[int], candidates: list[_Candidate]) -> int:
    """The end (exclusive) of the last point: its paragraph and deeper-indented ones.

    A point whose own paragraph is only a heading takes the paragraph below it too,
    or, if a list of another style numbered from one opens there (a heading or a
    line ending with a colon above sub-points), that whole list.
    """
    end = _own_end(lines, item, others)
    text = [line.content for line in lines[_text_line(item) : end] if not line.blank]
    if len(text) == 1 and (item.rest or item.index + 1 < end):
        following = end
        while following < len(lines) and lines[following].blank:
            following += 1
        if following < len(lines) and following not in others:
            colon = text[0].endswith(_COLONS)
            if _is_heading(text[0]) or colon:
                sub_list = _sub_list(following, item.style, candidates)
                if sub_list:
                    return _last_end(lines, sub_list[-1], set(), candidates)
            if colon:  # what a colon announces belongs to the point: the bullets below it, or one paragraph
                return _announced_end(lines, following, candidates)
            paragraph_end = following
            while paragraph_end < len(lines) and not lines[paragraph_end].blank:
                paragraph_end += 1
            if _heading_above_body([text, [line.content for line in lines[following:paragraph_end]]]):
                return paragraph_end
    return end


def _announced_end(lines: list[_Line], start: int, candidates: list[_Candidate]) -> int:
    """The end of what a last point's colon announces: the bullets from line *start* on, or the paragraph there."""
    bullets = {candidate.index for candidate in candidates if candidate.style == _BULLET_STYLE}
    end = start
    while True:
        paragraph_end = end
        while paragraph_end < len(lines) and not lines[paragraph_end].blank:
            paragraph_end += 1
        following = paragraph_end
        while following < len(lines) and lines[following].blank:
            following += 1
        if end not in bullets or following not in bullets:
            return paragraph_end
        end = following


def _sub_list(start: int, style: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The items of a list in a style other than *style* that opens at line *start* with number one.

    Its items are the following candidates of its style whose numbers rise by one; fewer than two are no list.
    """
    for head in candidates:
        if head.index != start or head.number != 1 or head.style in (style, _BULLET_STYLE):
            continue
        items = [head]
        for candidate in candidates:
            if (
                candidate.index > items[-1].index
                and candidate.style == head.style
                and candidate.number == items[-1].number + 1
            ):
                items.append(candidate)
        if len(items) >= 2:  # noqa: PLR2004 - a list has at least two items
            return items
    return []


def _own_end(lines: list[_Line], item: _Candidate, others: set[int]) -> int:
    """The end of the last point's paragraph and of the deeper-indented paragraphs after it."""
    index = item.index + 1
    while index < len(lines):
        line = lines[index]
        if index in others:
            break
        if line.blank:
            following = index
            while following < len(lines) and lines[following].blank:
                following += 1
            if following == len(lines) or lines[following].indent <= item.indent or following in others:
                break
            index = following
            continue
        index += 1
    return index


def _without_blank_lines(lines: list[_Line]) -> bool:
    """Whether *lines* have no blank line between their first and last non-blank lines."""
    content = [index for index, line in enumerate(lines) if not line.blank]
    return bool(content) and all(not line.blank for line in lines[content[0] : content[-1] + 1])


def _text_line(item: _Candidate) -> int:
    """The index of the line holding the start of *item*'s text: its own, or the next for a bare enumerator."""
    return item.index if item.rest else item.index + 1


def _ends_at_its_line(lines: list[_Line], run: list[_Candidate]) -> bool:
    """Whether the last point of *run*, in text without blank lines, ends with its line.

    It does when every point's line ends a sentence, the last one with ``.``,
    ``!``, ``?`` or ``…``, and the next line starts a new sentence (a capital
    letter) at most as indented as the enumerator.
    """
    last = run[-1]
    following = _text_line(last) + 1
    if following >= len(lines) or lines[following].blank:
        return False
    after = lines[following]
    return (
        all(_ENDS_SENTENCE.search(lines[_text_line(item)].content) is not None for item in run)
        and _ENDS_STATEMENT.search(lines[_text_line(last)].content) is not None
        and after.content[0].isupper()
        and after.indent <= last.indent
        and _match(after.content) is None
    )


_HEADING_ENDINGS = frozenset(
    "a an and as at by for from in of on or the to with".split()  # noqa: SIM905 - a list of words reads best as text
)
"""Words that end a wrapped line, never a heading."""

HEADING_SHARE = 0.6
"""A heading on the enumerator's line is shorter than this share of the line below it, or a paragraph of its own."""


def _opens_a_unit(line: str) -> bool:
    """Whether *line* starts as a body or a sub-point does: with a capital, or with a number, numeral or letter."""
    if line[:1].isupper():
        return True
    match = _match(line)
    return match is not None and match[0].startswith(("number", "(number", _ROMAN_STYLE, _LETTER_STYLE))


def _heading_above_body(paragraphs: list[list[str]]) -> bool:
    """Whether the first line of a point's *paragraphs* is a heading above its body.

    It is when it reads as a heading (short, unpunctuated, not starting in
    lowercase, not ending with a word such as "the" or "of"), and the text below
    starts with a capital letter or a sub-point's number, either as a paragraph of
    its own or on a line much longer than the heading (a wrapped line is about as
    long as the next).
    """
    if not paragraphs or not paragraphs[0]:
        return False
    heading = paragraphs[0][0]
    words = heading.split()
    if not words or not _is_heading(heading) or words[-1].lower() in _HEADING_ENDINGS:
        return False
    if len(paragraphs[0]) > 1:
        below = paragraphs[0][1]
        if _opens_a_unit(below) and not below[:1].isupper():
            return True  # a sub-point's number: no wrapped line starts with one
        return below[:1].isupper() and len(heading) < HEADING_SHARE * len(below)
    return len(paragraphs) > 1 and _opens_a_unit(paragraphs[1][0])


def _point_text(first: str, paragraphs: list[list[str]]) -> str:
    paragraphs = [list(paragraph) for paragraph in paragraphs]
    if first:
        if paragraphs:
            paragraphs[0].insert(0, first)
        else:
            paragraphs = [[first]]
    # A heading stays apart from its body: the point's own (its first line), and each of its sub-points'.
    for position, paragraph in enumerate(paragraphs):
        for line, content in enumerate(paragraph):
            own = position == 0 and line == 0
            if (own or _match(content) is not None) and _heading_above_body(
                [paragraph[line:], *paragraphs[position + 1 :]]
            ):
                paragraph[line] += "."
    if not _announces_short_lines(paragraphs):  # else the short lines are what its colon announces (names, say)
        while len(paragraphs) > 1 and len(paragraphs[-1]) == 1 and _is_heading(paragraphs[-1][0]):
            paragraphs.pop()  # headings of what follows the point, not its text
        last = paragraphs[-1] if paragraphs else []
        while len(last) > 1 and _is_heading(last[-1]) and _ENDS_SENTENCE.search(last[-2]):
            last.pop()
    return _joined([" ".join(line.split()) for paragraph in paragraphs for line in paragraph if line.strip()])


def _announces_short_lines(paragraphs: list[list[str]]) -> bool:
    """Whether a point's text ends with short lines right after a line ending with a colon, which announces them.

    "The meeting was attended by:" and a line for each minister below it: the
    lines look like headings, but they are what the colon announces.
    """
    lines = [line for paragraph in paragraphs for line in paragraph]
    end = len(lines)
    while end > 0 and _is_heading(lines[end - 1]):
        end -= 1
    return 0 < end < len(lines) and lines[end - 1].endswith(_COLONS)


_CJK_CHARACTER = re.compile(r"[\u2e80-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
"""Chinese characters and punctuation, full-width forms included: written without spaces between them."""


def _joined(parts: list[str]) -> str:
    """Lines joined by single spaces, but none where a line breaks between two Chinese characters."""
    pieces: list[str] = []
    for part in parts:
        if pieces and not (_CJK_CHARACTER.match(pieces[-1][-1]) and _CJK_CHARACTER.match(part[0])):
            pieces.append(" ")
        pieces.append(part)
    return "".join(pieces)


def parse_points(text: str) -> tuple[Point, ...]:
    """Find the enumerated consensus points in the raw text of a statement.

    The rules (enumerators, numbering, lists, texts) are given in this module's
    documentation. Points come back with no themes and no sources.

    Args:
        text: The statement as text: a web page, a news article, a PDF's text.

    Returns:
        The points, in reading order, numbered as the source numbers them
        (bullets 1, 2, 3, ...).

    Raises:
        NoPointsFoundError: If the text has no list of at least two enumerated
            points; its reason names the forms looked for.
        InvalidTypeError: If *text* is not a string.

    Example:
        >>> text = '''The parties agreed:
        ...
        ... First, all parties will expand trade
        ... and investment.
        ...
        ... Second, all parties condemn terrorism.
        ...
        ... The meeting ended at noon.'''
        >>> for point in parse_points(text):
        ...     print(point.number, point.text)
        1 all parties will expand trade and investment.
        2 all parties condemn terrorism.
    """
    if not isinstance(text, str):
        raise InvalidTypeError([("$", f"expected the statement as a str, got {type(text).__name__}")])
    lines = _split_lines(text)
    unbroken = _without_blank_lines(lines)
    if _one_paragraph_per_line(lines):
        lines = _paragraph_lines(lines)
        unbroken = False
    split = _split_opening_ordinal(_split_run_together(lines))
    if len(split) != len(lines) or split != lines:
        lines, unbroken = split, False
    candidates = _candidates(lines)
    runs = _runs(lines, candidates)
    if not runs:
        raise NoPointsFoundError
    run = _best_run(lines, runs, candidates)
    others = {candidate.index for candidate in candidates if candidate.style == run[0].style} - {
        item.index for item in run
    }
    points = []
    problems: list[tuple[str, str]] = []
    for position, item in enumerate(run):
        if position + 1 < len(run):
            end = run[position + 1].index
        elif unbroken and _ends_at_its_line(lines, run):
            end = _text_line(item) + 1
        else:
            end = _last_end(lines, item, others, candidates)
        number = position + 1 if item.style == _BULLET_STYLE else item.number
        point_text = _point_text(item.rest, _paragraphs(lines, item.index + 1, end))
        try:
            points.append(Point(number=number, text=point_text))
        except InvalidStatementError as error:
            problems += _in_the_text(text, number, item.rest, point_text, error)
    return _checked(points, problems)


def _checked(points: list[Point], problems: list[Problem]) -> tuple[Point, ...]:
    """The points, if every one could be built (else the problems, raised); a list not starting at 1 warns."""
    if problems:
        raise InvalidStatementError(problems)
    if points[0].number != 1:
        warnings.warn(NumberingGapWarning(_first_number_message(points[0].number)), stacklevel=3)
    return tuple(points)


def _first_number_message(number: int) -> str:
    missing = "no point 1" if number == 2 else f"no points 1 to {number - 1}"  # noqa: PLR2004 - one number missing
    return (
        f"the first point found is numbered {number} ({missing}): check that no point was missed, "
        "for instance one run into the paragraph before it"
    )


_OFFSET = re.compile(r" at offset (\d+)$")


def _in_the_text(text: str, number: int, rest: str, point_text: str, error: InvalidStatementError) -> list[Problem]:
    """The problems of a point that could not be built, in the terms of the text: its number, line and column."""
    raw_lines = text.removeprefix("\ufeff").splitlines(keepends=True)
    probe = rest.strip()[:40]
    first = next((index for index, line in enumerate(raw_lines) if probe and probe in line), 0)
    problems = []
    for path, said in error.errors:
        where, reason = f"line {first + 1}", said
        found = _OFFSET.search(said)
        if found is not None and int(found.group(1)) < len(point_text):
            reason = said[: found.start()]
            character = point_text[int(found.group(1))]
            line = next((index for index in range(first, len(raw_lines)) if character in raw_lines[index]), None)
            if line is not None:
                where = f"line {line + 1}, column {raw_lines[line].index(character) + 1}"
        if path == "$.number":
            reason = f"the list is numbered from {number}; points are numbered from 1"
        problems.append(("$", f"{where}: point {number}: {reason}"))
    return problems


SKELETON_SOURCE_ID = "statement-text"
"""The id of the source that a skeleton's points and facts cite."""

SKELETON_NOTE = (
    f"{PLACEHOLDER}: this record is a skeleton generated from the text of a statement. Check every "
    "point against the source, fill in every other placeholder, then replace this note with a short "
    "account of how the record was made.>"
)
"""The note that marks a skeleton; as a placeholder it must be replaced before the record loads."""

_FACTS = {
    "id": f"{PLACEHOLDER}: meeting id, a lowercase slug such as cc5-fmm-2021>",
    "title": f"{PLACEHOLDER}: meeting title>",
    "level": f"{PLACEHOLDER}: level as a slug, such as foreign-ministers or summit>",
    "date": f"{PLACEHOLDER}: date as YYYY-MM-DD>",
    "format": f"{PLACEHOLDER}: one of in-person, video, hybrid>",
    "venue": f"{PLACEHOLDER}: venue, or null for a video meeting without a host city>",
}
_SOURCE_FACTS = {
    "publisher": f"{PLACEHOLDER}: publisher of the text>",
    "title": f"{PLACEHOLDER}: title of the text>",
    "url": f"{PLACEHOLDER}: address of the text (http or https), or null>",
    "date": f"{PLACEHOLDER}: publication date as YYYY-MM-DD, or null>",
}
_SOURCE_NOTE = "The points were parsed from this text by c5statement; check them against it."
_NOT_GIVEN = "not given"
_GIVEN_NOTE = (
    "The points were parsed from this text by c5statement; check them against it. Where the text was published "
    "was not given: replace the publisher, title, address and date with those of the text."
)


class NumberingGapWarning(UserWarning):
    r"""The points skip numbers (1, 2, 4) or do not start at 1: a point may have been missed.

    :func:`skeleton` issues it for a gap, and notes the gap in the skeleton's
    ``notes``; :func:`parse_points` keeps the numbers as written and issues it
    only when the first point found is not numbered 1.

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     _ = skeleton("1. all agree.\n2. all act.\n4. all meet again.")
        >>> caught[0].category.__name__, str(caught[0].message)
        ('NumberingGapWarning', 'the points are numbered 2 then 4 (no point 3): check that no point was missed')
    """


def numbering_gaps(points: Iterable[Point]) -> tuple[tuple[int, int], ...]:
    """The pairs of consecutive point numbers with numbers missing between them.

    Example:
        >>> numbering_gaps([Point(1, "a."), Point(2, "b."), Point(4, "c."), Point(7, "d.")])
        ((2, 4), (4, 7))
    """
    numbers = [point.number for point in points]
    return tuple((before, after) for before, after in itertools.pairwise(numbers) if after - before > 1)


def _gap_message(gaps: tuple[tuple[int, int], ...]) -> str:
    def missing(before: int, after: int) -> str:
        if after - before == 2:  # noqa: PLR2004 - one number missing
            return f"no point {before + 1}"
        return f"no points {before + 1} to {after - 1}"

    described = "; ".join(f"{before} then {after} ({missing(before, after)})" for before, after in gaps)
    return f"the points are numbered {described}: check that no point was missed"


def _packaged_meeting(identifier: str) -> Meeting:
    from ._data import find_meeting, known_ids

    found = find_meeting(identifier)
    if found is None:
        reason = f"{identifier!r} is not the id of a packaged meeting (known: {known_ids()})"
        raise InvalidStatementError([("$.meeting", reason)])
    return found


def skeleton(
    text: str,
    *,
    source_title: str | None = None,
    meeting: Meeting | str | None = None,
    suggest_themes: bool = False,
) -> dict[str, Any]:
    r"""Turn the text of a statement into a meeting document for a person to complete.

    The document has exactly the keys that :func:`c5statement.to_dict` gives a
    :class:`~c5statement.Meeting`, ``"format_version"`` first. It holds the
    points of :func:`parse_points`, each citing one source, the text's.

    Without *meeting*, the meeting's own facts cite the text's source too, and
    every fact a person must supply (the meeting's id, title, level, date,
    format and venue; the source's publisher, title, address and date) is a
    placeholder beginning ``<FILL IN``, and so is the first note, which says the
    record is an unchecked skeleton. Participants, topics, decisions, quotes
    and context start empty, to be added. It is never marked illustrative.

    With *meeting* (a record such as :data:`c5statement.MEETING_2020`), every
    fact is the record's: everything but its points, which the text's points
    replace. The text's source is added after the record's sources, with the id
    ``statement-text`` (``statement-text-2``, ... if the record uses that id).
    The record cannot know where the text came from, so that source's
    publisher, and its title unless *source_title* is given, say "not given",
    its address and date are empty, and its note asks for them: the document
    loads at once, ready to diff, and says what is still unknown. A note added
    after the record's notes says which source the points were parsed from.
    The text's points are verbatim: where the record held summaries of the
    document's points, they are replaced, and each parsed point keeps the
    links (``continues``) and concepts of the summary of the same number. The
    record's reading state is reset: the text is taken as the whole document.

    :func:`c5statement.from_dict` rejects placeholders and names each one's
    path, so a skeleton cannot be loaded by mistake; once every placeholder is
    replaced (``null`` where a placeholder allows it), it loads.

    Notes are added, after those above, when the points skip numbers (see
    :class:`NumberingGapWarning`, also issued) and when themes are suggested:
    with *suggest_themes*, each point's themes are those
    :func:`c5statement.suggest_themes` proposes from the vocabulary, and a note
    names the points whose themes are such suggestions, to be checked.

    Args:
        text: The statement's text.
        source_title: The title of the text, if known; otherwise a placeholder.
        meeting: The record whose facts the document takes, if any: a
            :class:`~c5statement.Meeting`, or the id of a packaged one
            (``"cc5-fmm-2024"``; see :data:`c5statement.MEETINGS`).
        suggest_themes: Whether to fill in the points' themes with suggestions.

    Returns:
        The document, as JSON types.

    Raises:
        NoPointsFoundError: If the text has no enumerated points.
        InvalidStatementError: If *source_title* is blank.
        InvalidTypeError: If *meeting* is not a :class:`~c5statement.Meeting`.

    Warns:
        NumberingGapWarning: If the points skip numbers.

    Example:
        >>> document = skeleton("1. all parties agree.\n2. all parties agree again.")
        >>> document["title"], document["points"][1]["text"]
        ('<FILL IN: meeting title>', 'all parties agree again.')
        >>> from c5statement import MEETING_2020
        >>> document = skeleton("1. all parties fight terrorism.\n2. all parties agree.", meeting=MEETING_2020,
        ...                     suggest_themes=True)
        >>> document["title"], document["points"][0]["themes"], document["points"][0]["sources"]
        ("Inaugural China + Central Asia (C+C5) Foreign Ministers' Meeting", ['security'], ['statement-text'])
    """
    if isinstance(meeting, str):
        meeting = _packaged_meeting(meeting)
    if meeting is not None and not isinstance(meeting, Meeting):
        reason = f"must be a Meeting or the id of a packaged meeting, got {type(meeting).__name__}"
        raise InvalidTypeError([("$.meeting", reason)])
    parsed = parse_points(text)
    source_id = _new_source_id(meeting)
    points = tuple(attrs.evolve(point, sources=(source_id,)) for point in parsed)
    suggested: list[int] = []
    if suggest_themes:
        from ._suggest import with_suggested_themes  # the vocabulary loads only when asked for

        points = with_suggested_themes(points)
        suggested = [point.number for point in points if point.themes]
    source = Source(id=source_id, publisher="-", title="-" if source_title is None else source_title, note=_SOURCE_NOTE)
    notes: list[str] = []
    if meeting is None:
        template = Meeting(
            id="skeleton",
            title="-",
            level="skeleton",
            date=dt.date(2000, 1, 1),
            format="video",
            points=points,
            notes=("-",),
            sources=(source,),
            fact_sources=(source_id,),
        )
        document = to_dict(template)
        document.update(_FACTS)
        notes.append(SKELETON_NOTE)
    else:
        points = _with_links(points, meeting)
        whole = attrs.evolve(meeting, points_complete=True, points_total=None, points_note=None)  # the text is all
        document = to_dict(attrs.evolve(whole, points=points, sources=(*meeting.sources, source)))
        notes.extend(meeting.notes)
        notes.append(_replaced_points_note(source_id, meeting))
    gaps = numbering_gaps(parsed)
    if gaps:
        message = _gap_message(gaps)
        warnings.warn(message, NumberingGapWarning, stacklevel=2)
        notes.append(f"Numbering gap: {message}.")
    if suggested:
        numbers = ", ".join(str(number) for number in suggested)
        notes.append(
            f"The themes of points {numbers} are suggestions from the theme vocabulary's keywords: check them."
            if len(suggested) > 1
            else f"The themes of point {numbers} are suggestions from the theme vocabulary's keywords: check them."
        )
    document["notes"] = notes
    if meeting is None:
        filled = dict(_SOURCE_FACTS)
        if source_title is not None:
            del filled["title"]
    else:  # the record's facts are complete: the text's own source says what was not given, and the record loads
        filled = {"publisher": _NOT_GIVEN, "title": source_title or _NOT_GIVEN, "note": _GIVEN_NOTE}
    document["sources"][-1].update(filled)
    return document


def _with_links(points: tuple[Point, ...], meeting: Meeting) -> tuple[Point, ...]:
    """The parsed points, each with the links and concepts of the record's summary point of the same number.

    A record's summaries (``verbatim`` false) follow the numbering of the document
    they summarise, so the text's point *n* is the summary's point *n*.
    """
    summaries = {point.number: point for point in meeting.points if not point.verbatim}
    return tuple(
        attrs.evolve(point, continues=summaries[point.number].continues, concepts=summaries[point.number].concepts)
        if point.number in summaries
        else point
        for point in points
    )


def _new_source_id(meeting: Meeting | None) -> str:
    """``statement-text``, or ``statement-text-2``, ... when *meeting* has a source of that id."""
    taken = set() if meeting is None else {source.id for source in meeting.sources}
    candidate = SKELETON_SOURCE_ID
    suffix = 1
    while candidate in taken:
        suffix += 1
        candidate = f"{SKELETON_SOURCE_ID}-{suffix}"
    return candidate


def _replaced_points_note(source_id: str, meeting: Meeting) -> str:
    return (
        f"The points were parsed from the text of source {source_id} and replace the "
        f"{len(meeting.points)} points of record {meeting.id}: check them against the text."
    )


def skeleton_json(
    text: str, *, source_title: str | None = None, meeting: Meeting | str | None = None, suggest_themes: bool = False
) -> str:
    r"""Return :func:`skeleton` as JSON text, formatted as :func:`c5statement.to_json` formats.

    Example:
        >>> print(skeleton_json("1. all agree.\n2. all agree again.").splitlines()[2])
          "id": "<FILL IN: meeting id, a lowercase slug such as cc5-fmm-2021>",
    """
    document = skeleton(text, source_title=source_title, meeting=meeting, suggest_themes=suggest_themes)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
