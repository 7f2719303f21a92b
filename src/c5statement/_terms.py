"""Key terms of a text: the concepts of the lexicon and the names it writes out."""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING

from ._align import tokens
from ._edits import SENTENCE_END
from ._errors import InvalidTypeError

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._lexicon import Lexicon

__all__ = ["key_terms", "unify"]


_CONNECTORS = frozenset({"and", "of", "the", "for", "on", "in", "de"})
_DATES = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
    "December",
})  # fmt: skip
"""Weekdays and months: capitalised, but no part of a name (``Tajikistan on Tuesday`` names Tajikistan)."""
_SHORT_DATES = frozenset({"May", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"})
"""Months that are names too (*Theresa May*, *Zhang Jun*): dates only next to a number or a full stop.

``Chengdu on Dec. 4``, ``9 May``, ``May 2025`` are dates; ``May Day`` and ``Ambassador Zhang Jun`` are names.
"""
_DATE_AFTER = re.compile(r"\.|\s*\d")
_DATE_BEFORE = re.compile(r"\d\s*$|\b(?:in|on|of|since|until|by|early|late|mid|from|to)\s+$")
_ARTICLES = frozenset({
    "The", "A", "An", "This", "These", "Those", "All", "Both", "Each",
    "Our", "We", "It", "Its", "They", "Their", "There", "Such",  # not "He": He Lifeng is a name
})  # fmt: skip
"""Articles, determiners and pronouns: they open no name (``Our Central Asian partners`` names Central Asia)."""
_OPENERS = frozenset({
    # Words of grammar, capitalised only because they open a sentence.
    "In", "At", "On", "During", "Regarding", "While", "And", "But", "For", "From", "With", "After", "Before",
    "As", "By", "To", "Since", "If", "When", "Although", "Upon", "Through", "Within", "Between", "Among",
    "Over", "Concerning", "Following", "According", "Including", "Considering",
    # The verbs that open the paragraphs of a declaration's preamble.
    "Noting", "Welcoming", "Recalling", "Reaffirming", "Acknowledging", "Emphasizing", "Emphasising",
    "Underlining", "Stressing", "Recognizing", "Recognising", "Expressing", "Highlighting", "Upgrading",
    "Guided", "Bearing", "Convinced", "Determined", "Committed", "Desiring", "Mindful", "Aware",
    # The same in Russian: prepositions and conjunctions («В Астане прошел саммит» names Astana).
    "В", "Во", "На", "По", "С", "Со", "К", "Ко", "О", "Об", "При", "За", "Из", "От", "До", "Для", "Под", "После",
    "Перед", "Между", "Через", "Также", "Кроме", "Наряду", "Однако", "И", "А", "Но", "Как", "Согласно", "Благодаря",
})  # fmt: skip
"""Words that open a sentence without naming anything: at a sentence start, a name never begins with one.

``During the Forum`` names the Forum, ``Welcoming the Astana Declaration`` the Astana Declaration.
"""
_QUOTED = re.compile(
    r"\u201c([^\u201c\u201d]{2,80})\u201d|\"([^\"]{2,80})\"|\u00ab([^\u00ab\u00bb]{2,80})\u00bb"
    r"|\u300a([^\u300a\u300b]{2,80})\u300b|\u300c([^\u300c\u300d]{2,80})\u300d"  # Chinese 《title》 and 「quote」
)
_QUOTED_WORDS = 8
_HEADS = frozenset({
    "Initiative", "Organisation", "Organization", "Forum", "Declaration", "Programme", "Program", "Strategy",
    "Treaty", "Agreement", "Bank", "Fund", "Council", "Zone", "Corridor", "Road", "Mechanism", "Summit", "Meeting",
    "Charter", "Plan", "Vision", "Community", "Union", "Partnership", "Policy",
})  # fmt: skip
"""The last words of names that have an "and" inside (``Belt and Road``, ``Trade and Development Bank``)."""


Word = tuple[str, int, int]


_ROLES = frozenset({
    "Leaders", "Participants", "Parties", "Ministers", "Sides", "Heads", "Members", "Delegations", "Presidents",
    "Mr", "Ms", "Mrs", "Dr",
})  # fmt: skip
"""Words that a statement capitalises as defined terms (*the Parties*, *the Leaders*) or titles (*Mr.*): alone,
they name no one in particular."""

_POSSESSIVE = ("'s", "\u2019s")
"""A possessive ending is no part of a name: ``India's`` names India."""


_PLACES = frozenset({
    "Astana", "Nur-Sultan", "Almaty", "Bishkek", "Osh", "Cholpon-Ata", "Dushanbe", "Ashgabat", "Tashkent",
    "Samarkand", "Bukhara", "Khiva", "Termez", "Turkistan", "Kabul", "Beijing", "Xi'an", "Xi\u2019an", "Chengdu",
    "Urumqi", "Shanghai", "Moscow", "New Delhi", "Delhi", "Mumbai", "Tokyo", "Seoul", "Busan", "Brussels",
    "Luxembourg", "Berlin", "Rome", "Jeddah", "Riyadh", "Doha", "Washington", "New York", "Geneva", "Vienna", "Baku",
    "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "China", "Russia", "India", "Japan",
    "Germany", "Italy", "Khujand", "Aktau", "Istanbul", "Ankara",
})  # fmt: skip
"""States and cities where these meetings are held: after *in*, such a place ends the name before it
(``China-Central Asia Summit in Astana`` names the Summit and Astana; ``Measures in Asia`` stays one name)."""

_STATES = frozenset({
    "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Argentina", "Armenia", "Australia", "Austria",
    "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize", "Benin", "Bhutan",
    "Bolivia", "Botswana", "Brazil", "Brunei", "Bulgaria", "Burundi", "Cambodia", "Cameroon", "Canada", "Chad",
    "Chile", "China", "Colombia", "Comoros", "Congo", "Croatia", "Cuba", "Cyprus", "Czechia", "Denmark", "Djibouti",
    "Dominica", "Ecuador", "Egypt", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Europe", "Fiji", "Finland",
    "France", "Gabon", "Gambia", "Georgia", "Germany", "Ghana", "Greece", "Grenada", "Guatemala", "Guinea", "Guyana",
    "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy",
    "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Korea", "Kuwait", "Kyrgyzstan", "Laos",
    "Latvia", "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar",
    "Malawi", "Malaysia", "Maldives", "Mali", "Malta", "Mauritania", "Mauritius", "Mexico", "Micronesia", "Moldova",
    "Monaco", "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nauru", "Nepal",
    "Netherlands", "Nicaragua", "Niger", "Nigeria", "Norway", "Oman", "Pakistan", "Palau", "Palestine", "Panama",
    "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia", "Rwanda", "Samoa",
    "Senegal", "Serbia", "Seychelles", "Singapore", "Slovakia", "Slovenia", "Somalia", "Spain", "Sudan", "Suriname",
    "Sweden", "Switzerland", "Syria", "Tajikistan", "Tanzania", "Thailand", "Togo", "Tonga", "Tunisia", "Turkey",
    "Türkiye", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine", "Uruguay", "Uzbekistan", "Vanuatu", "Venezuela",
    "Vietnam", "Yemen", "Zambia", "Zimbabwe", "Britain", "America", "Taiwan", "Kosovo", "Asia", "Eurasia",
    "Китай", "Россия", "Казахстан", "Киргизия", "Кыргызстан", "Таджикистан", "Туркмения", "Туркменистан",
    "Узбекистан", "Индия", "Япония", "Корея", "Германия", "Италия", "Франция", "Афганистан", "Иран", "Пакистан",
    "Турция", "Азербайджан", "Монголия", "Украина", "Европа", "Евросоюз", "Пекин", "Москва", "Астана", "Бишкек",
    "Душанбе", "Ашхабад", "Ташкент", "Самарканд", "Алматы", "Сиань", "Ирак", "Нигер", "Грузия", "Армения",
    "Беларусь", "Белоруссия", "Ош", "Бухара", "Туркменбаши", "Азия", "Евразия", "Америка", "Нур-Султан",
    "Чолпон-Ата", "Вьетнам", "Индонезия", "Малайзия", "Таиланд", "Сингапур", "Филиппины",
    "Бангладеш", "Непал", "Саудовская Аравия", "Катар", "Кувейт", "Оман", "Бахрейн", "Египет", "Израиль",
    "Сирия", "Иордания", "Ливан", "Польша", "Испания", "Великобритания", "Британия", "Канада", "Бразилия",
    "Аргентина", "Мексика", "Австралия", "Швейцария", "Австрия", "Бельгия", "Нидерланды", "Венгрия", "Сербия",
    "Молдавия", "Молдова", "Литва", "Латвия", "Эстония", "Финляндия", "Швеция", "Норвегия", "Дания", "Греция",
    "Болгария", "Румыния", "Чехия", "Словакия", "Тайвань", "Синьцзян", "Тибет", "Стамбул", "Анкара", "Баку",
    "Тбилиси", "Ереван", "Минск", "Токио", "Сеул", "Нью-Дели", "Вашингтон", "Брюссель", "Берлин", "Рим",
    "Худжанд", "Актау", "Хива", "Термез", "Туркестан", "Кабул", "Урумчи", "Чэнду", "Шанхай",
})  # fmt: skip
"""States and regions in English; in Russian, the states, regions and cities these formats name most.

A lone capitalised word opening a sentence is most often a word of the sentence
(``Leaders met``), but one of these is a name there too: ``China welcomed it``
names China. A Russian name is found in any case («Китаю»: :func:`_ru_forms`).
"""

_KEPT_HEADS = frozenset({
    "Administration", "Agreement", "Alliance", "Association", "Authority", "Coalition", "Commission",
    "Confederation", "Conference", "Constitution", "Convention", "Declaration", "Delegation", "Department",
    "Exhibition", "Federation", "Foundation", "Government", "Mechanism", "Meeting", "Mission", "Organisation",
    "Organization", "Parliament", "Partnership", "Session", "Statement", "University",
})  # fmt: skip
"""Heads of names that end like a noun made from a verb (:data:`_NOUN_ENDINGS`): opening a sentence, they stay.

``Conference on Disarmament`` and ``Convention on Biological Diversity`` are
names; ``Construction of the China-Kyrgyzstan-Uzbekistan railway`` gives
``China-Kyrgyzstan-Uzbekistan`` (:func:`_generic`).
"""
_LINKS = frozenset({"of", "for", "on", "in"})
_NOUN_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ity", "ing", "ness", "ure", "ship", "ism")
"""Endings of nouns made from verbs and adjectives: such a noun opening a sentence is a word of it."""
_LEAST_NOUN = 6
"""The shortest word read by its ending as such a noun (not *King*, *Ring*)."""
_GENERIC_OPENERS = frozenset({
    "Work", "Support", "Results", "Progress", "Launch", "Issues", "Questions", "Matters", "Trade", "Talks", "Help",
    "Aid", "Access", "Focus", "Attention", "Efforts", "Steps", "Measures", "Projects", "Investments", "Exports",
    "Imports", "Growth", "Peace", "Stability", "Priority", "Priorities", "Interest", "Transit", "Transport",
    "Shipments", "Flights", "Visits", "Exchanges", "Ties", "Relations", "Partners", "Experts", "Officials",
    "Representatives", "Members", "Participants", "Leaders", "Parties", "Sides", "Cooperation",
})  # fmt: skip
"""Common nouns that open a sentence of a statement before *of*, *for*, *on* or *in* (*Support for the ...*)."""
_ARTICLE_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(_ARTICLES)) + r")\b")
"""An article or a pronoun next: after ``St.`` it opens a sentence."""

_PLACE_WORDS = 2
"""The most words of a place in :data:`_PLACES`."""


def _split_names(run: list[Word]) -> list[list[Word]]:
    """A run of capitalised words as names: split at "and" unless the run ends like one name (``Belt and Road``).

    A run is first cut where *in* comes before a place (:data:`_PLACES`).
    """
    while run and run[-1][0] in _CONNECTORS:
        run.pop()
    parts: list[list[Word]] = []
    for segment in _at_places(run):
        if segment and segment[-1][0] in _HEADS:
            parts.append(segment)
            continue
        parts.append([])
        for word in segment:
            if word[0] == "and":
                parts.append([])
            else:
                parts[-1].append(word)
    return parts or [[]]


def _at_places(run: list[Word]) -> list[list[Word]]:
    """*run* cut at each *in* that comes before a place of :data:`_PLACES` (the *in* left out)."""
    if not any(word[0] == "in" for word in run):
        return [run]
    segments: list[list[Word]] = [[]]
    for position, word in enumerate(run):
        if word[0] == "in" and segments[-1] and _place_at(run, position + 1):
            segments.append([])
        else:
            segments[-1].append(word)
    return segments


def _place_at(run: list[Word], start: int) -> bool:
    """Whether a place of :data:`_PLACES` (one or two words) starts at *start* in *run*."""
    words = [word[0] for word in run[start : start + _PLACE_WORDS]]
    return any(" ".join(words[:size]) in _PLACES for size in range(1, len(words) + 1))


def _name(
    text: str,
    part: list[Word],
    inside: frozenset[str] = frozenset(),
    concept_word: Callable[[str], bool] | None = None,
) -> Word | None:
    """The name a run of words makes, or ``None``.

    A lone capitalised word at a sentence start is no name, unless it is a
    state (:data:`_STATES`) or a place (:data:`_PLACES`), an acronym, written
    with a capital inside (``BeiDou``), or a word the text capitalises inside a
    sentence too (*inside*). A common noun opening a sentence before *of*,
    *for*, *on* or *in* (:func:`_generic`) is no part of the name after it
    (``Construction of Rogun`` names Rogun); where only a word of a concept is
    left (*concept_word*: ``Results of the Summit``), there is no name.
    An article or a pronoun opens no name, unless it is capitalised inside a
    sentence (``Our Common Agenda``).
    """
    while part and part[-1][0] in _CONNECTORS:
        part.pop()
    first = 0
    if part and part[0][0] in _OPENERS and _at_sentence_start(text, part[0][1], dateline=True):
        first = 1
    if (
        len(part) - first > 2  # noqa: PLR2004 - a word, a connector and a name after them
        and part[first + 1][0] in _LINKS
        and _at_sentence_start(text, part[first][1])
        and _generic(part[first][0], inside)
    ):
        after = first + 2
        while after < len(part) - 1 and (part[after][0] in _CONNECTORS or part[after][0] in _ARTICLES):
            after += 1
        left = part[after][0]
        if (
            len(part) - after == 1
            and concept_word is not None
            and not _named_anyway(left, inside)
            and concept_word(left)
        ):
            return None  # "Results of the Summit", "Cooperation in Energy": the concept says it
        first = after  # "Construction of the ... railway": Construction is no part of the name
    while first < len(part) - 1 and (
        part[first][0] in _CONNECTORS or (part[first][0] in _ARTICLES and not _inside_sentence(text, part[first][1]))
    ):
        first += 1  # an index, not pop(0): a run of a thousand articles stays linear
    part = part[first:]
    if not part or (len(part) == 1 and part[0][0] in _CONNECTORS):
        return None
    start = part[0][1]
    lone = part[0][0]
    if len(part) == 2 and lone in _ARTICLES and part[1][0] in _ROLES:  # noqa: PLR2004 - "The Parties", kept whole
        return None
    if len(part) == 1 and (
        (_at_sentence_start(text, start) and not _named_anyway(lone, inside))
        or lone in _ARTICLES
        or lone in _OPENERS
        or lone in _ROLES
        or len(lone) == 1
    ):
        return None  # nor is a lone letter (the pipeline's line D, the U of U.S.), a word of grammar or a role
    return text[start : part[-1][2]], start, part[-1][2]


def _named_anyway(word: str, inside: frozenset[str]) -> bool:
    """Whether *word*, opening a sentence, is a name all the same (see :func:`_name`)."""
    if word.isupper() and (word.title() in _OPENERS or word.title() in _ARTICLES):
        return False  # a preamble in capitals: NOTING, WE
    parts = word.split("-")  # Post-COVID is a word of the sentence; China-Kyrgyzstan-Uzbekistan names states
    if (
        word in _STATES
        or word in _PLACES
        or word in inside
        or all(part in _STATES or part in _PLACES for part in parts)
    ):
        return True
    if any(letter.isupper() for letter in parts[0][1:]):
        return True  # an acronym (SCO), BeiDou
    return bool(_CYRILLIC.search(word)) and any(form in _STATE_FORMS for form in _ru_forms(_key(word)))


def _generic(word: str, inside: frozenset[str]) -> bool:
    """Whether *word*, opening a sentence before *of*, *for*, *on* or *in*, is a common noun, not part of a name.

    A noun of :data:`_GENERIC_OPENERS`, or one made from a verb or an adjective
    (:data:`_NOUN_ENDINGS`: *Construction*, *Strengthening*), that heads no
    name (:data:`_KEPT_HEADS`: *Ministry*, *Vice-Chairman*) and is no name
    itself. A surname (*Tokayev of Kazakhstan*) or another head (*Senate of
    Kazakhstan*) is left in the name.
    """
    if word in _KEPT_HEADS or _named_anyway(word, inside):
        return False
    lowered = word.casefold()
    return word in _GENERIC_OPENERS or (len(word) >= _LEAST_NOUN and lowered.endswith(_NOUN_ENDINGS))


def _inside_sentence(text: str, start: int) -> bool:
    """Whether the word at *start* follows a small letter or a comma on its line: it opens no sentence or item."""
    at = start - 1
    while at >= 0 and text[at].isspace() and text[at] != "\n":
        at -= 1  # the spaces before a word: a few, each word's own; a line's end opens the next
    before = text[at] if at >= 0 else ""
    return before.islower() or before == ","


_DATELINE = re.compile(r"\s[-\u2013\u2014]\s+$")
"""A dash between spaces, as after a news page's dateline (``Dushanbe (TJ) - On the second summit ...``)."""


_TITLE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|St)\.\s*$")
"""A title's full stop ends no sentence: in ``Mr. Kerry``, Kerry is a name."""


def _at_sentence_start(text: str, start: int, *, dateline: bool = False) -> bool:
    """Whether the word at *start* opens *text* or a sentence of it; with *dateline*, also a dash between spaces.

    A dash only lets a word of grammar after it drop (``Dushanbe (TJ) - On the summit``): a name after a dash
    (``Central Asia – China``) is a name.
    """
    before = text[max(0, start - 3) : start]
    if start == 0 or (dateline and _DATELINE.search(before)):
        return True
    return bool(SENTENCE_END.search(before)) and not _TITLE.search(text[max(0, start - 6) : start])


def _names(text: str, concept_word: Callable[[str], bool] | None = None) -> list[Word]:
    """Names in *text*: runs of capitalised words (``Belt and Road Initiative``) and quoted names, with spans."""
    runs, after_date = _runs(text)
    alone = frozenset(  # the words the text writes as a name of one word inside a sentence
        capitals[0][0]
        for run in runs
        if len(capitals := [word for word in run if word[0][0].isupper()]) == 1
        and not _at_sentence_start(text, capitals[0][1])
    )
    found = [
        name
        for position, run in enumerate(runs)
        for part in _split_names(run)
        if (name := _name(text, part, alone, concept_word)) is not None
        and not _format_fragment(text, name[1], name[2])
        and not (position in after_date and len(part) == 1)
    ]
    quoted: list[Word] = []
    for match in _QUOTED.finditer(text):
        inside = next(group for group in match.groups() if group is not None).strip()
        if len(inside.split()) <= _QUOTED_WORDS:
            quoted.append((inside, match.start(), match.end()))
    return [*_outside(found, quoted), *quoted] if quoted else found


def _runs(text: str) -> tuple[list[list[Word]], set[int]]:
    """The runs of capitalised words (and connectors) of *text*, and which of them start right after a date.

    A possessive ending (``India's``) is cut from its word and ends the run.
    """
    runs: list[list[Word]] = [[]]
    # A lone word right after a date is no name: the Square of "the 5th of May Square".
    after_date: set[int] = set()
    for word in tokens(text):
        token, start, end = word
        possessive = len(token) > len("'s") and token[-2:].casefold() in _POSSESSIVE
        if possessive:
            token, end = token[:-2], end - 2  # India's names India
        if (
            token == "."  # noqa: S105 - a full stop, no password
            and runs[-1]
            and runs[-1][-1][0] == "St"
            and runs[-1][-1][2] == start
            and not _ARTICLE_AFTER.match(text, end)
        ):
            continue  # St. Petersburg is one name; Main St. The talks are two sentences
        if _is_date(text, token, start, end):
            runs.append([])  # a date ends the name before it and starts none
            after_date.add(len(runs) - 1)
        elif (token[0].isupper() and token[0].isalpha()) or (runs[-1] and token in _CONNECTORS):
            runs[-1].append((token, start, end))
            if possessive:
                runs.append([])
        elif runs[-1] or len(runs) - 1 in after_date:
            runs.append([])  # only the word right after a date is fragile
    return runs, after_date


def _outside(found: list[Word], quoted: list[Word]) -> list[Word]:
    """The names of *found* that do not only open a quoted name («Один пояс, один путь» has no name «Один»).

    The quotes come in order and apart, so one search for each name keeps a page of quotes linear.
    """
    starts = [start for _, start, _ in quoted]
    kept = []
    for name in found:
        at = bisect.bisect_left(starts, name[1]) - 1
        if at < 0 or name[0] == quoted[at][0] or not quoted[at][1] < name[1] < quoted[at][2]:
            kept.append(name)
    return kept


def _is_date(text: str, token: str, start: int, end: int) -> bool:
    """Whether *token* is a weekday or a month here (:data:`_DATES`, or :data:`_SHORT_DATES` next to a number)."""
    if token in _DATES:
        return True
    if token not in _SHORT_DATES:
        return False
    return bool(_DATE_AFTER.match(text, end)) or bool(_DATE_BEFORE.search(text[max(0, start - 8) : start]))


def _format_fragment(text: str, start: int, end: int) -> bool:
    """Whether the name at *start*:*end* is a piece of a format's name joined by a plus (``C`` or ``C5`` of ``C+C5``).

    Such a piece names nothing by itself; the format is the concept of the
    mechanism, which the lexicon finds in the whole.
    """
    return text[start - 1 : start] == "+" or text[end : end + 1] == "+"


def key_terms(text: str, lexicon: Lexicon | None = None) -> frozenset[str]:
    """The key terms a text names: its concepts and the names it writes out.

    A key term is a concept of the alignment lexicon (by its label, such as
    ``"peace, stability and prosperity"``) or a name as written: a named initiative,
    institution, place or document, that is a run of capitalised words
    (``"Belt and Road Initiative"``; a lone capitalised word opening a sentence
    only if it is a listed state or place, an acronym or a word with a capital
    inside, or named alone elsewhere in the text) or a short quoted name. A concept that the text names only
    through one of those names is given by the name. No name holds a date (a
    weekday or a month; a short month such as *May* or *Jun* only next to a
    number, a full stop or *in*/*on*), opens on a connector, article or a word
    that opens its sentence (*During*, *Welcoming*, «В»; *Construction* of
    *Construction of the ... railway*), or keeps a possessive
    ending; a lone letter, word of grammar, pronoun or defined role (*the
    Parties*, *Mr.*) is none.

    Each term is given once, however it is written: a concept by its label
    (``peace, stability and prosperity``), a name that writes out a concept by
    the concept's label (``Afghan`` and ``Afghanistan``: ``Afghanistan``;
    ``belt-and-road`` and ``Belt and Road Initiative``: ``Belt and Road``), and
    names that differ only in case, hyphens or a demonym's ending by the
    shortest (``Central Asian``: ``Central Asia``), and a Russian name in any
    case (:func:`unify`). Chinese names are read without the readings some
    pages print after characters, in one script.

    Raises:
        InvalidTypeError: If *text* is not a string (for a point, pass
            ``point.text``), or *lexicon* is neither ``None`` nor a :class:`~c5statement.Lexicon`.

    Example:
        >>> sorted(key_terms("All parties welcome the Global Security Initiative and peace in Afghanistan."))
        ['Afghanistan', 'Global Security Initiative', 'peace, stability and prosperity']
        >>> sorted(key_terms("The Afghan issue, Afghanistan and the belt-and-road and Belt and Road Initiative."))
        ['Afghanistan', 'Belt and Road']
        >>> sorted(key_terms("The C+C5 meeting mechanism is to be strengthened."))
        ['the mechanism of the format']
    """
    from ._lexicon import Lexicon, default_lexicon

    if not isinstance(text, str):
        hint = ": pass point.text" if hasattr(text, "text") else ""
        raise InvalidTypeError([("$", f"expected the text as a str, got {type(text).__name__}{hint}")])
    if lexicon is None:
        lexicon = default_lexicon()
    elif not isinstance(lexicon, Lexicon):
        raise InvalidTypeError([("lexicon", f"expected a Lexicon or None, got {type(lexicon).__name__}")])
    names = _names(text, lambda word: any(feature[0] == "@" for feature in lexicon.analyse(word).features))
    inside = [(start, end) for _, start, end in names]
    terms = {name for name, _, _ in names}
    written = {name.casefold().replace(" ", "-") for name in terms}
    inside.sort()
    starts = [start for start, _ in inside]
    reach = list(itertools.accumulate((end for _, end in inside), max))  # the furthest end of a name so far
    features = lexicon.analyse(text).features
    for feature, surfaces in features.items():
        if not feature.startswith("@") or feature[1:] in written:
            continue
        spans = [found.span() for surface in dict.fromkeys(surfaces) for found in re.finditer(re.escape(surface), text)]
        if not spans or not all(_within(span, starts, reach) for span in spans):
            terms.add(feature[1:])
    written_as = {surface.casefold() for feature, found in features.items() if feature[0] == "@" for surface in found}
    name_set = {name for name, _, _ in names}
    if not text.isascii():  # a name in Traditional or Simplified characters, with readings or without, is one name
        from ._languages import script_folded, without_readings

        terms = {script_folded(without_readings(term)) for term in terms}
        name_set = {script_folded(without_readings(name)) for name in name_set}
    return _one_each(terms, name_set, lexicon, written_as)


_SAME_CONCEPT = 0.75
"""A name is its concept when at least this share of their words is common.

The words compared leave out the generic heads of :data:`_GENERIC_HEADS`, so that
``Belt and Road Initiative`` is ``Belt and Road``, while ``Shanghai Cooperation
Organisation`` (a case of multilateralism, with no word of that concept's label)
stays a name of its own.
"""

_GENERIC_HEADS = frozenset({"initiative", "initiatives"})

_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")


def _one_each(terms: set[str], names: set[str], lexicon: Lexicon, surfaces: set[str]) -> frozenset[str]:
    """Each key term once, however it is written: a concept by its label, a name by its shortest form.

    A name that is a concept of the lexicon by another writing (``Afghan``,
    ``belt-and-road``, ``COVID-19``) becomes the concept's label; a concept
    becomes its label; names the same but for case, hyphens or a demonym's
    ending (``Central Asia``, ``Central Asian``) become one. Only a name in
    which the text's analysis found a concept's words (*surfaces*) is looked up.
    """
    found: set[str] = set()
    for term in terms:
        if term not in names:
            concept: str | None = term
        elif any(surface in term.casefold() for surface in surfaces):  # a concept may be written in the name
            concept = _concept_of(term, lexicon)
        else:
            concept = None
        found.add(
            lexicon.concept(concept).label if concept is not None else _in_capitals(_LEADING_ARTICLE.sub("", term))
        )
    return unify(frozenset(found))[0]


_LISTED = {name.casefold(): name for name in (*_PLACES, *_STATES)}


def _in_capitals(name: str) -> str:
    """A state or a place a dateline writes in capitals, as listed: ``ASTANA`` is Astana.

    Any other name in capitals stays as written: an acronym (``UNESCAP``,
    ``CASA-1000``) is written so, and a name in capitals is not told apart
    from one.
    """
    return _LISTED.get(name.casefold(), name) if name.isupper() else name


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_RU_PARADIGMS = tuple(
    tuple(sorted(endings.split(" "), key=lambda ending: (len(ending), ending)))  # in one order, run after run
    for endings in (
        " а у ом ым е ы ов ам ами ах",  # Казахстан, Токаев (Токаевым): a hard stem
        "й я ю ем е и ев ям ями ях",  # Китай
        "ь я ю ем е и ей ью ям ях",  # Сиань
        "а ы и е у ой ою ам ами ах ",  # Астана, Америка
        "я и е ю ей ею ям ями ях ь",  # Россия, Азия (after their и)
        "о а у ом е",  # a neuter noun
        "ый ий ой ого его ому ему ым им ом ем ое ее ая яя ей ую юю ою ые ие ых их ыми ими",  # an adjective
    )
)
"""The endings of one Russian word in its cases, a set for each way of declining it.

Two forms are one word when one set holds both endings: Нигер and Нигерия, or
Мали and Малая, end in ways no single word does, and stay two.
"""
_RU_STEM_LEAST = 3
"""The shortest Russian stem: a word of fewer letters before its ending is only itself."""
_RU_NOMINATIVE = ("ия", "ая", "ый", "ий", "а", "я", "й", "ь")
"""Endings of the nominative: of two ways of writing one Russian term, the one a reader looks up."""


def _key(term: str) -> str:
    """The form of *term* that a term written another way shares: case and hyphens aside (Russian: :func:`unify`)."""
    return re.sub(r"[\s\-\u2010\u2011\u2013\u2014]+", " ", term.casefold()).replace("ё", "е")


def _ru_forms(word: str) -> list[tuple[str, int]]:
    """What a Russian word may share with its other cases: its stems, each with the way of declining it.

    Two words are one in two cases when they share one of these: a stem of at
    least three letters and a set of :data:`_RU_PARADIGMS` that holds both their
    endings (Китай and Китая share ``кита`` and the set of Китай; Ирак and Иран
    share none). A word is itself too, with ``-1``.
    """
    return [
        (word, -1),
        *(
            (word[: len(word) - len(ending)], paradigm)
            for paradigm, endings in enumerate(_RU_PARADIGMS)
            for ending in endings
            if word.endswith(ending) and len(word) - len(ending) >= _RU_STEM_LEAST
        ),
    ]


def _shown_first(term: str) -> tuple[int, bool, int, str]:
    """The order in which the ways of writing a term are tried: shortest, not in capitals, nominative, by letter.

    A term in capitals is a dateline's (``ASTANA``); a nominative is a Russian term's.
    """
    oblique = sum(
        word[-1] in "аеиоуыэюя" and not word.endswith(_RU_NOMINATIVE)
        for word in term.casefold().split()
        if _CYRILLIC.search(word)
    )
    return len(term), term.isupper(), oblique, term


def unify(*sides: frozenset[str]) -> tuple[frozenset[str], ...]:
    """The key terms of each side, each written one way across all the sides.

    Terms that differ only in case, hyphens or a demonym's ending (``Central
    Asian``, ``Central Asia``), or, in Russian, in the case endings of their
    words («Центральной Азии», «Центральная Азия»; «Китая», «Китай»: each word
    keeps a stem of three letters or more and ends in two endings of one way
    of declining a word, so «Ирак» and «Иран», or «Нигер» and «Нигерия», stay
    apart), are one term, written as the
    shortest (in Russian, the nominative where there is a choice), so that a
    term named one way in one text and another way in the other is kept, not
    lost and gained.

    Example:
        >>> old, new = unify(frozenset({"Central Asian", "China"}), frozenset({"Central Asia"}))
        >>> sorted(old), sorted(new)
        (['Central Asia', 'China'], ['Central Asia'])
        >>> sorted(unify(frozenset({"Центральной Азии", "Россией"}), frozenset({"Центральная Азия", "России"}))[0])
        ['России', 'Центральная Азия']
    """
    written: dict[str, str] = {}
    by_key: dict[str, str] = {}
    first_word: dict[tuple[str, int], str] = {}  # a stem and its declension -> the first Russian word seen with it
    for term in sorted(frozenset().union(*sides), key=_shown_first):
        key = _key(term)
        if _CYRILLIC.search(key):  # each word as a first word met in another of its cases: a few lookups a word
            readings = [_first_seen(word, first_word) for word in key.split()]
            key = next(
                (
                    " ".join(words)
                    for words in itertools.islice(itertools.product(*readings), _MOST_READINGS)
                    if " ".join(words) in by_key
                ),
                " ".join(reading[0] for reading in readings),
            )
        known = next((found for found in (key, key.removesuffix("n"), key.removesuffix("an")) if found in by_key), None)
        if known is None:
            by_key[key] = term
        written[term] = by_key[known] if known is not None else term
    return tuple(frozenset(written[term] for term in side) for side in sides)


def _first_seen(word: str, first_word: dict[tuple[str, int], str]) -> list[str]:
    """The first words of *first_word* that *word* is another case of, or *word*, kept as a first word then.

    A word may be another case of two first words (Малой of Малая, and of Мали
    as a noun): each is a reading of it, and :func:`unify` takes the reading
    that makes a term it has met.
    """
    forms = _ru_forms(word)
    found = list(dict.fromkeys(first_word[form] for form in forms if form in first_word))
    if found:
        return found
    for form in forms:
        first_word[form] = word
    return [word]


_MOST_READINGS = 64
"""The most readings of a Russian term's words tried against the terms met (a product of a few words' readings)."""


_STATE_FORMS = frozenset(form for name in _STATES if not name.isascii() for form in _ru_forms(_key(name)))
"""The stems of the Russian names of :data:`_STATES`, each with its declension: «Китаю» is one of Китай's cases."""


def _concept_of(name: str, lexicon: Lexicon) -> str | None:
    """The concept a name writes out (``Afghan``: ``afghanistan``), or ``None`` if it is a name of its own.

    The name is the concept when the lexicon finds the concept in it and the
    words of the name and of the concept's label mostly agree: ``Shanghai
    Cooperation Organisation`` names a case of multilateralism, not the concept.
    """
    key = ("key-term", name)
    if key in lexicon.memo:
        cached: str | None = lexicon.memo[key]
        return cached
    features = lexicon.analyse(name).features
    words = {
        feature
        for feature, surfaces in features.items()
        if not feature.startswith("@") and not all(surface.casefold() in _GENERIC_HEADS for surface in surfaces)
    }
    best, best_share = None, _SAME_CONCEPT
    for feature in sorted(feature for feature in features if feature.startswith("@")):
        label = {word for word in lexicon.analyse(lexicon.concept(feature[1:]).label).features if word[0] != "@"}
        union = words | label
        share = len(words & label) / len(union) if union else 1.0
        if share >= best_share:
            best, best_share = feature[1:], share
    lexicon.memo[key] = best
    return best


def _within(span: tuple[int, int], starts: list[int], reach: list[int]) -> bool:
    """Whether *span* lies inside one of the names whose sorted *starts* and running furthest ends are given."""
    before = bisect.bisect_right(starts, span[0])
    return before > 0 and reach[before - 1] >= span[1]
