"""Changes a reader can follow: word edits that read back in every view, cosmetic changes, key terms, pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from c5statement import (
    MEETING_2020,
    InvalidStatementError,
    InvalidTypeError,
    Point,
    PointChange,
    Series,
    StatementDiff,
    diff,
    key_terms,
)
from c5statement._cli import main
from c5statement._views._layout import runs
from c5statement._views._markdown import _md_runs
from c5statement._views._text import _text_runs

if TYPE_CHECKING:
    from pathlib import Path

ANSI = re.compile(r"\x1b\[[0-9;]*m")

# Words in several spellings (case, curly and straight quotes), punctuation and spaces of several kinds.
_PIECES = (
    "all", "All", "parties", "will", "set", "up", "keep", "a", "fund", "the", "The", "peace", "Peace", "trade",
    "pursue", "advance", "to", "towards", "Global", "Security", "Initiative", "Afghanistan", "\u201cfast tracks\u201d",
    '"fast tracks"', "it\u2019s", "it's", ",", ".", ";", ":", "(", ")", "-", "\u2014", "|", "*", "_", "~", "`",
    "<b>", "&amp;", "#", "\\", "[", "]",
)  # fmt: skip
_SPACES = (" ", " ", " ", "  ", "", "\t")


@st.composite
def texts(draw: st.DrawFn) -> str:
    """A short statement-like text: pieces joined by spaces of several kinds, none at the ends."""
    pieces = draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
    text = pieces[0]
    for piece in pieces[1:]:
        text += draw(st.sampled_from(_SPACES)) + piece
    return text.strip() or "a"


@st.composite
def pairs(draw: st.DrawFn) -> PointChange:
    """An edited point: a text and a rewording of it (words changed, moved, recased, requoted, respaced)."""
    old = draw(texts())
    new = draw(
        st.one_of(texts(), st.just(old).map(lambda text: text.upper()), st.builds(_mutate, st.just(old), texts()))
    )
    if new == old:
        new = old + " more"
    return PointChange("edited", Point(1, old), Point(1, new), 0.5)


def _mutate(old: str, extra: str) -> str:
    words = old.split(" ")
    middle = len(words) // 2
    return " ".join([*words[:middle], extra, *words[middle + 1 :]]).replace("\u201c", '"')


def _read(pieces: list[tuple[str, str]], drop: str) -> str:
    return "".join(text for kind, text in pieces if kind != drop)


class _Runs(HTMLParser):
    """The text of an HTML fragment as runs: inside ``<del>``, inside ``<ins>``, or neither."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.kind = "equal"
        self.found: list[tuple[str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002
        self.tags.append(tag)
        self.kind = {"del": "delete", "ins": "insert"}.get(tag, self.kind)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"del", "ins"}:
            self.kind = "equal"

    def handle_data(self, data: str) -> None:
        self.found.append((self.kind, data))


def html_runs(fragment: str) -> list[tuple[str, str]]:
    parser = _Runs()
    parser.feed(fragment)
    parser.close()
    return parser.found


def markdown_runs(markdown: str) -> list[tuple[str, str]]:
    """Render Markdown with a CommonMark parser (strike-through and HTML on) and read its runs back."""
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["strikethrough", "table"])
    rendered = parser.render(f"| a |\n|---|\n| {markdown} |\n")
    assert rendered.count("<td>") == 1, rendered  # the runs stay in their cell
    cell = rendered[rendered.index("<td>") + 4 : rendered.index("</td>")]
    return html_runs(cell.replace("<s>", "<del>").replace("</s>", "</del>").replace(
        "<strong>", "<ins>").replace("</strong>", "</ins>"))  # fmt: skip


def bare_rows(html: str) -> list[str]:
    """The rows of a diff's point table, after its header."""
    return html.split("<tr")[2:]


def _spaces(text: str) -> str:
    return " ".join(text.split())


class TestReadBack:
    """Removing the insertions gives the old text, removing the deletions the new, in every view."""

    @given(pairs())
    def test_runs(self, change: PointChange) -> None:
        assert change.old is not None
        assert change.new is not None
        found = [(run.kind, run.text) for run in runs(change)]
        assert _read(found, "insert") == change.old.text
        assert _read(found, "delete") == change.new.text
        assert all(text for _, text in found)

    @given(pairs())
    def test_edits_index_both_texts_and_leave_equal_text_between(self, change: PointChange) -> None:
        assert change.old is not None
        assert change.new is not None
        old_at = new_at = 0
        for edit in change.edits:
            assert change.old.text[edit.old_start : edit.old_end] == edit.old_text
            assert change.new.text[edit.new_start : edit.new_end] == edit.new_text
            assert change.old.text[old_at : edit.old_start] == change.new.text[new_at : edit.new_start]
            old_at, new_at = edit.old_end, edit.new_end
        assert change.old.text[old_at:] == change.new.text[new_at:]

    @given(pairs(), st.booleans())
    def test_text_view(self, change: PointChange, color: bool) -> None:
        """With or without colour, the wdiff markers alone delimit the runs."""
        assert change.old is not None
        assert change.new is not None
        assume(not any(mark in change.old.text + change.new.text for mark in ("[", "]", "{", "}")))
        line = ANSI.sub("", _text_runs(change, StatementDiff("a", "b", (change,)), color))
        old = re.sub(r"\{\+(.*?)\+\}", "", line, flags=re.DOTALL)
        new = re.sub(r"\[-(.*?)-\]", "", line, flags=re.DOTALL)
        assert re.sub(r"\[-(.*?)-\]", r"\1", old, flags=re.DOTALL) == change.old.text
        assert re.sub(r"\{\+(.*?)\+\}", r"\1", new, flags=re.DOTALL) == change.new.text

    @given(pairs())
    def test_html_view(self, change: PointChange) -> None:
        assert change.old is not None
        assert change.new is not None
        result = StatementDiff("a", "b", (change,))
        html = result.to_html()
        row = html[html.index('<tr class="c5-edited"') :]
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
        found = html_runs(re.sub(r'<div class="c5-note".*?</div>', "", cells[5]))  # the text, without its notes
        assert _read(found, "insert") == change.old.text
        assert _read(found, "delete") == change.new.text

    @given(pairs())
    def test_markdown_view(self, change: PointChange) -> None:
        assert change.old is not None
        assert change.new is not None
        found = markdown_runs(_md_runs(runs(change)))
        assert _spaces(_read(found, "insert")) == _spaces(change.old.text)
        assert _spaces(_read(found, "delete")) == _spaces(change.new.text)


def edited(old: str, new: str) -> PointChange:
    return PointChange("edited", Point(1, old), Point(1, new), 0.5)


class TestWhatTheReaderSees:
    def test_a_deletion_and_an_insertion_stay_apart(self) -> None:
        """``set up`` replaced by ``keep`` never reads "set upkeep": markers, or a margin in HTML."""
        change = edited("they will set up a fund.", "they will keep a fund.")
        result = StatementDiff("a", "b", (change,))
        assert "[-set up-]{+keep+}" in result.to_text(color=False)
        html = result.to_html()
        assert re.search(r'<del [^>]*>set up</del><ins class="c5-run c5-apart" style="[^"]*margin-left', html)
        assert "~~set up~~**keep**" in result.to_markdown()

    def test_a_deleted_clause_keeps_its_space(self) -> None:
        """The deletion carries the space before it, and the full stop stays where it was."""
        change = edited("a development path based on national conditions.", "a development path.")
        text = StatementDiff("a", "b", (change,)).to_text(color=False)
        assert "a development path[- based on national conditions-]." in text

    def test_changed_quotes_read_back(self) -> None:
        change = edited("the \u201cfast tracks\u201d of trade.", 'the "green lanes" of trade.')
        found = [(run.kind, run.text) for run in runs(change)]
        assert _read(found, "insert") == change.old.text  # type: ignore[union-attr]
        assert _read(found, "delete") == change.new.text  # type: ignore[union-attr]

    def test_colour_is_added_to_the_markers(self) -> None:
        change = edited("they will set up a fund.", "they will keep a fund.")
        text = StatementDiff("a", "b", (change,)).to_text(color=True)
        assert "\x1b[31;9m[-set up-]\x1b[0m" in text
        assert "\x1b[32;4m{+keep+}\x1b[0m" in text

    def test_neighbouring_edits_form_one_phrase(self) -> None:
        """Edits with only short common words between them are one run, not confetti."""
        change = edited(
            "parties pursue peace and stability in the region of Asia.",
            "parties advance security and prosperity across the region of Asia.",
        )
        assert [(edit.old_text, edit.new_text) for edit in change.edits] == [
            ("pursue peace and stability in", "advance security and prosperity across")
        ]

    def test_a_mostly_rewritten_sentence_is_replaced_whole(self) -> None:
        change = edited(
            "Trade grows. We will build roads, ports and rail links soon. Peace holds.",
            "Trade grows. We shall fund bridges, depots and power lines later. Peace holds.",
        )
        assert [(edit.old_text, edit.new_text) for edit in change.edits] == [
            ("We will build roads, ports and rail links soon.", "We shall fund bridges, depots and power lines later.")
        ]

    def test_a_lightly_edited_sentence_keeps_separate_runs(self) -> None:
        change = edited(
            "all parties will deepen trade, energy and transport links in the region.",
            "all parties will widen trade, energy and transport links across the region.",
        )
        assert [(edit.old_text, edit.new_text) for edit in change.edits] == [
            ("deepen", "widen"),
            ("in", "across"),
        ]


class TestCosmetic:
    def test_classes(self) -> None:
        change = edited("all parties agree on the \u201cfast tracks\u201d.", 'All parties  agree on the "fast tracks".')
        assert [sorted(edit.cosmetic) for edit in change.edits] == [["case"], ["space"], ["quotes"], ["quotes"]]
        assert change.cosmetic == frozenset({"case", "quotes", "space"})

    def test_a_real_change_is_not_cosmetic(self) -> None:
        change = edited("all parties agree.", "All parties disagree.")
        assert not change.cosmetic
        assert [sorted(edit.cosmetic) for edit in change.edits] == [["case"], []]

    def test_counted_apart_and_hidden_on_request(self) -> None:
        old = attrs.evolve(MEETING_2020, points=(Point(1, "all parties agree."), Point(2, "trade grows.")))
        new = attrs.evolve(MEETING_2020, points=(Point(1, "All parties agree."), Point(2, "trade grows fast.")))
        shown = diff(old, new)
        assert "1 edited, 1 cosmetic only" in shown.to_text(color=False)
        assert "[-all-]{+All+}" in shown.to_text(color=False)
        hidden = diff(old, new, ignore_case=True)
        assert hidden.ignore == frozenset({"case"})
        text = hidden.to_text(color=False)
        assert "1 cosmetic only (1 hidden)" in text
        assert "[-all-]" not in text
        assert "= 1  unchanged [cosmetic: case]" in text
        assert "[-all-]" not in hidden.to_markdown()
        (row,) = [row for row in bare_rows(hidden.to_html()) if "All parties agree." in row]
        assert "<del" not in row
        assert "c5-unchanged" in row
        assert "<del" in bare_rows(shown.to_html())[0]
        assert hidden.apply(old) == new
        assert hidden.inverted().apply(new) == old
        assert hidden.inverted().ignore == hidden.ignore

    def test_ignoring_one_class_keeps_the_others(self) -> None:
        old = attrs.evolve(MEETING_2020, points=(Point(1, "the \u201cfund\u201d grows."),))
        new = attrs.evolve(MEETING_2020, points=(Point(1, 'The "fund" grows.'),))
        assert not diff(old, new, ignore_case=True).hidden(diff(old, new).points[0])
        both = diff(old, new, ignore_case=True, ignore_quotes=True)
        assert both.hidden(both.points[0])

    def test_an_unknown_class_is_refused(self) -> None:
        with pytest.raises(InvalidStatementError, match=r"\$\.ignore"):
            StatementDiff("a", "b", ignore=frozenset({"colour"}))

    def test_cli_options(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        from c5statement import dump

        old = attrs.evolve(MEETING_2020, points=(Point(1, "all parties agree."),))
        new = attrs.evolve(MEETING_2020, points=(Point(1, "All parties agree."),))
        dump(old, tmp_path / "old.json")
        dump(new, tmp_path / "new.json")
        assert main(["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--color", "never"]) == 1
        assert "[-all-]{+All+}" in capsys.readouterr().out
        code = main(
            ["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--ignore-case", "--color", "never"]
        )
        assert code == 1  # the statements still differ; the view hides the change
        out = capsys.readouterr().out
        assert "[-all-]" not in out
        assert "1 hidden" in out


class TestKeyTerms:
    @pytest.mark.parametrize(("text", "lexicon", "where"), [(5, None, "$"), (None, None, "$"), ("peace", 5, "lexicon")])
    def test_bad_input_gets_a_clear_error(self, text: Any, lexicon: Any, where: str) -> None:
        with pytest.raises(InvalidTypeError) as raised:
            key_terms(text, lexicon)
        assert raised.value.errors[0][0] == where

    def test_a_point_in_place_of_its_text_is_named(self) -> None:
        with pytest.raises(InvalidTypeError, match=r"pass point\.text"):
            key_terms(MEETING_2020.points[0])  # type: ignore[arg-type]

    def test_names_and_concepts(self) -> None:
        terms = key_terms("All parties welcome the Global Security Initiative and peace in Afghanistan.")
        assert terms == {"Global Security Initiative", "Afghanistan", "peace, stability and prosperity"}

    def test_names_with_and_and_quoted_names(self) -> None:
        terms = key_terms(
            "The Belt and Road Initiative links China and Central Asia under the \u201cXi\u2019an Declaration\u201d."
        )
        assert {"Belt and Road", "China", "Central Asia", "Xi\u2019an Declaration"} <= terms

    @pytest.mark.parametrize(
        ("text", "names"),
        [
            ("The forum met in Dushanbe, Tajikistan on Tuesday.", {"Dushanbe", "Tajikistan"}),
            ("The Ministry of Foreign Affairs on Wednesday said so.", {"Ministry of Foreign Affairs"}),
            ("A minister visited the Republic of Kazakhstan on October 15.", {"Republic of Kazakhstan"}),
            ("Leaders met in Astana in May and in Samarkand in September.", {"Astana", "Samarkand"}),
            ("The parties signed the Treaty on Eternal Friendship.", {"Treaty on Eternal Friendship"}),
            ("The ministers met in Chengdu on Dec. 4 and in Xi'an on Sept. 9.", {"Chengdu", "Xi'an"}),
        ],
    )
    def test_a_date_ends_a_name(self, text: str, names: set[str]) -> None:
        """A weekday or a month is no part of a name: "Tajikistan on Tuesday" names Tajikistan."""
        found = key_terms(text)
        assert names <= found
        assert not any(term.split()[0] in {"in", "on", "of", "and"} for term in found)  # no name opens on a connector
        dates = ("Tuesday", "Wednesday", "October", "May", "September", "Dec", "Sept")
        assert not any(day in term for term in found for day in dates)

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("During the Forum, the ministers spoke.", "Forum"),
            ("Welcoming the Astana Declaration, the parties agreed.", "Astana Declaration"),
            ("Regarding North Korea, the sides exchanged views.", "North Korea"),
            ("The talks ended. In Hamburg the ministers met again.", "Hamburg"),
            ("Central Asia and China will meet again.", "Central Asia"),
        ],
    )
    def test_a_word_opening_a_sentence_opens_no_name(self, text: str, name: str) -> None:
        """At a sentence start, a word of grammar or a preamble's verb is no part of the name after it."""
        found = key_terms(text)
        assert name in found
        assert not any(term.split()[0] in {"During", "Welcoming", "Regarding", "In"} for term in found)

    def test_a_lone_word_of_grammar_or_pronoun_is_no_name(self) -> None:
        """After a bracket or a quote, a capitalised word of grammar or a pronoun is still no name."""
        found = key_terms("ASTANA (AA) According to the ministry, the forum met (in Astana) Our partners agreed.")
        assert {"AA", "Astana"} <= found
        assert not {"According", "Our"} & found
        assert "Vice Premier He Lifeng" in key_terms("The talks were held with Vice Premier He Lifeng.")

    @pytest.mark.parametrize(
        ("text", "names", "not_names"),
        [
            ("Ambassador Zhang Jun spoke at the Security Council.", {"Ambassador Zhang Jun"}, {"Ambassador Zhang"}),
            ("Wang Jun and Li Jun attended.", {"Wang Jun", "Li Jun"}, {"Li"}),
            ("They met in May in Astana and on May 9 in Tashkent.", {"Astana", "Tashkent"}, {"May"}),
            ("May Day was celebrated in Almaty.", {"May Day", "Almaty"}, {"Day"}),
            ("Baku held a rally on the 5th of May Square.", set(), {"Square"}),
            ("the Belt and Road Initiative's results", {"Belt and Road"}, {"Belt", "Road Initiative"}),
            ("Officials met the U\u2019s envoy and heard the Parties's view.", set(), {"U", "Parties"}),
        ],
    )
    def test_short_months_and_possessives(self, text: str, names: set[str], not_names: set[str]) -> None:
        """A short month is a date next to a number or after *in*/*on*; a possessive is cut before any other rule."""
        found = key_terms(text)
        assert names <= found
        assert not not_names & found

    @pytest.mark.parametrize(
        ("text", "names"),
        [
            ("The China-Central Asia Summit in Astana opened.", {"China-Central Asia Summit", "Astana"}),
            ("The India-Central Asia Secretariat in New Delhi met.", {"India-Central Asia Secretariat", "New Delhi"}),
            ("The Belt and Road Initiative in China grows.", {"Belt and Road", "China"}),
            ("They met on Confidence-Building Measures in Asia.", {"Confidence-Building Measures in Asia"}),
        ],
    )
    def test_a_place_after_in_ends_the_name(self, text: str, names: set[str]) -> None:
        """*in* before a place where meetings are held ends a name; *in* inside a name (*Measures in Asia*) stays."""
        assert names <= key_terms(text)

    def test_roles_and_possessives(self) -> None:
        """*The Parties* and *Mr.* name no one alone; *India's* names India."""
        found = key_terms("Officials said the Parties and the Leaders met Mr. Kerry and praised India's role.")
        assert {"India", "Kerry"} <= found
        assert not {"Parties", "Leaders", "Mr", "India's"} & found
        assert key_terms("After Monday's talks in Astana, the ministers left.") == {"Astana"}

    def test_a_title_ending_in_policy_is_one_name(self) -> None:
        found = key_terms("She spoke as High Representative for Foreign Affairs and Security Policy.")
        assert "High Representative for Foreign Affairs and Security Policy" in found

    def test_a_lone_letter_is_no_name(self) -> None:
        assert key_terms("各方将推进中国—中亚天然气管道D线建设。") == key_terms("各方将推进中国—中亚天然气管道线建设。")
        assert "D" not in key_terms("The parties will build line D of the gas pipeline.")
        assert "Line D" in key_terms("The parties will build the Line D of the gas pipeline.")

    def test_a_capital_at_a_sentence_start_is_no_name(self) -> None:
        assert "All" not in key_terms("All parties agree. Trade grows.")
        assert "Trade" not in key_terms("All parties agree. Trade grows.")
        # a word the text names alone only as part of a longer name stays a word of the sentence
        assert "United" not in key_terms("United in purpose, the parties uphold the United Nations Charter.")

    @pytest.mark.parametrize(
        ("text", "names"),
        [
            ("China welcomed the plan.", {"China"}),
            ("Iran and Iraq took part.", {"Iran", "Iraq"}),
            ("Kazakhstan and Kyrgyzstan agreed. Trade grows.", {"Kazakhstan", "Kyrgyzstan"}),
            ("SCO members met in Astana.", {"SCO", "Astana"}),
            ("The summit was held. Samarkand hosted it.", {"Samarkand"}),
            ("BeiDou serves the region.", {"BeiDou"}),
            ("The talks went well. Turkmenbashi hosts the next round; ships sail to Turkmenbashi.", {"Turkmenbashi"}),
        ],
    )
    def test_a_state_or_known_name_opening_a_sentence_is_a_name(self, text: str, names: set[str]) -> None:
        """A lone capital opening a sentence is a name when it is a state or place, an acronym, or a name elsewhere."""
        assert names <= key_terms(text)

    @pytest.mark.parametrize(
        ("text", "name", "not_names"),
        [
            (
                "Construction of the China-Kyrgyzstan-Uzbekistan railway began.",
                "China-Kyrgyzstan-Uzbekistan",
                {"Construction of the China-Kyrgyzstan-Uzbekistan"},
            ),
            (
                "Support for the Trans-Caspian International Transport Route grew.",
                "Trans-Caspian International Transport Route",
                {"Support for the Trans-Caspian International Transport Route"},
            ),
            ("Work on Line D of the gas pipeline will speed up.", "Line D", {"Work on Line D"}),
            ("Ministry of Foreign Affairs staff met.", "Ministry of Foreign Affairs", {"Foreign Affairs"}),
            ("Conference on Disarmament members met.", "Conference on Disarmament", {"Disarmament"}),
        ],
    )
    def test_a_word_opening_a_sentence_before_of_is_no_part_of_the_name(
        self, text: str, name: str, not_names: set[str]
    ) -> None:
        """``Construction of the ... railway`` names the railway; a head of names (*Ministry*, *Conference*) stays."""
        found = key_terms(text)
        assert any(term.endswith(name) for term in found)
        assert not found & not_names

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("Construction of Rogun continues.", "Rogun"),
            ("Situation in Xinjiang was discussed.", "Xinjiang"),
            ("Strait of Hormuz remains open.", "Strait of Hormuz"),
            ("Code of Conduct in the South China Sea was discussed.", "Code of Conduct"),
            ("Position on Taiwan remains unchanged.", "Taiwan"),
        ],
    )
    def test_no_name_is_lost_to_the_cut(self, text: str, name: str) -> None:
        """The opening word is cut only when a name is left after it, and a head of names is never cut."""
        assert any(name in term for term in key_terms(text))

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("Nur-Sultan hosted the meeting.", "Nur-Sultan"),
            (
                "Vice-Chairman of the Central Military Commission came.",
                "Vice-Chairman of the Central Military Commission",
            ),
            ("Xi of China spoke.", "Xi of China"),
            ("Senate of Kazakhstan met.", "Senate of Kazakhstan"),
            ("Mirziyoyev of Uzbekistan and Tokayev of Kazakhstan met.", "Mirziyoyev of Uzbekistan"),
        ],
    )
    def test_only_a_common_noun_is_cut(self, text: str, name: str) -> None:
        """A place, a title, a surname or an unlisted head opening a sentence stays in its name."""
        assert name in key_terms(text)

    @pytest.mark.parametrize(
        ("text", "concept"),
        [
            ("Results of the Summit were good.", "the mechanism of the format"),
            ("Cooperation in Energy grows.", "energy"),
            ("Resolution of the Afghan issue matters.", "Afghanistan"),
        ],
    )
    def test_a_concept_word_left_alone_after_the_cut_is_the_concept(self, text: str, concept: str) -> None:
        assert key_terms(text) == {concept}

    def test_a_preamble_in_capitals_is_no_name(self) -> None:
        assert not key_terms("WE, the leaders, agree.")
        assert not key_terms("NOTING the plan.")

    @pytest.mark.parametrize(
        "text",
        [
            "Article 5 The Parties shall cooperate.",
            "Article 1\nThe Parties shall cooperate.",
            "As agreed, The Parties will meet.",
            "In 2024 The Parties met.",
        ],
    )
    def test_a_defined_role_after_a_capital_article_is_no_name(self, text: str) -> None:
        assert not {"Parties", "The Parties"} & key_terms(text)

    def test_a_hyphenated_word_opening_a_sentence_is_no_name_by_its_capitals(self) -> None:
        found = key_terms("Post-COVID recovery goes on.")
        assert "Post-COVID" not in found
        assert "COVID-19" in found
        assert not key_terms("Co-Chairs welcomed the report.") & {"Co-Chairs"}

    def test_acronyms_stay_in_capitals(self) -> None:
        found = key_terms("The Parties welcomed the UNESCAP report and the CASA-1000 project.")
        assert {"UNESCAP", "CASA-1000"} <= found

    def test_a_sentence_after_st_is_not_joined(self) -> None:
        found = key_terms("He met Mr. Kerry in Main St. The talks went well.")
        assert not any("The" in term.split() for term in found)

    def test_an_article_capitalised_inside_a_sentence_is_part_of_the_name(self) -> None:
        assert "Our Common Agenda" in key_terms("The ministers backed Our Common Agenda.")
        assert not key_terms("Our countries agree.")
        assert "Parties" not in key_terms("The text reads as follows: The Parties agree.")

    def test_saint_is_part_of_the_name(self) -> None:
        assert "St. Petersburg" in key_terms("The forum in St. Petersburg was held.")

    @pytest.mark.parametrize(
        ("text", "name", "not_name"),
        [
            ("ASTANA, Dec. 3 - The ministers met.", "Astana", "ASTANA"),
            ("NUR-SULTAN - The ministers met.", "Nur-Sultan", "NUR-SULTAN"),
            ("ISTANBUL - The ministers met.", "Istanbul", "ISTANBUL"),
            ("ASEAN members met.", "ASEAN", "Asean"),
            ("YINCHUAN - The ministers met.", "YINCHUAN", "Yinchuan"),  # no listed place: as written
        ],
    )
    def test_a_dateline_in_capitals_is_written_as_a_reader_writes_it(self, text: str, name: str, not_name: str) -> None:
        found = key_terms(text)
        assert name in found
        assert not_name not in found

    def test_gained_lost_kept_per_point_and_for_the_diff(self) -> None:
        old = attrs.evolve(MEETING_2020, points=(Point(1, "all support peace in Afghanistan."),))
        new = attrs.evolve(MEETING_2020, points=(Point(1, "all support peace and the Global Security Initiative."),))
        result = diff(old, new, threshold=0.0)
        (change,) = result.points
        assert change.terms_gained == {"Global Security Initiative"}
        assert change.terms_lost == {"Afghanistan"}
        assert "peace, stability and prosperity" in change.terms_kept
        assert result.terms_gained == {"Global Security Initiative"}
        assert result.terms_lost == {"Afghanistan"}
        assert "terms gained: +Global Security Initiative\nterms lost: -Afghanistan\n" in result.to_text(color=False)
        assert "**Key terms lost:** \u2212Afghanistan" in result.to_markdown()
        for view in (result.to_text(color=False), result.to_markdown(), result.to_html()):
            assert "Global Security Initiative" in view
            assert "Afghanistan" in view
            assert "gained" in view


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[dict[str, str | None]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"td", "th"}:
            self.cells.append(dict(attrs))

    def handle_data(self, data: str) -> None:
        self.text += data


def views() -> list[tuple[str, str]]:
    from c5statement import MEETINGS, compare

    later = MEETINGS[1]
    changes = diff(MEETINGS[0], later)
    return [
        ("meeting", MEETINGS[0].to_html()),
        ("point", MEETINGS[0].points[0].to_html()),
        ("diff", changes.to_html()),
        ("series", compare(list(MEETINGS[:3])).to_html()),
    ]


class TestUntrustedNotebook:
    """What a host that drops ``<style>`` and right-aligns table cells still shows."""

    @pytest.mark.parametrize(("name", "html"), views())
    def test_every_cell_is_left_aligned_inline(self, name: str, html: str) -> None:
        parser = _Cells()
        parser.feed(re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL))
        assert parser.cells or name == "point"
        for cell in parser.cells:
            assert "text-align: left" in (cell.get("style") or "")

    @pytest.mark.parametrize("html", [html for _, html in views()])
    def test_labels_stay_apart_without_styles(self, html: str) -> None:
        """Theme chips and badges are separated by spaces in the text itself."""
        stripped = re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL)
        chips = re.findall(r'</span>(\s*)<span class="c5-(?:theme|badge)', stripped)
        assert all(space for space in chips)

    def test_runs_have_inline_colours(self) -> None:
        change = edited("they will set up a fund.", "they will keep a fund.")
        html = StatementDiff("a", "b", (change,)).to_html()
        assert re.search(
            r'<del [^>]*style="[^"]*background: rgba\([^"]*color: inherit; text-decoration: line-through', html
        )
        assert re.search(
            r'<ins [^>]*style="[^"]*background: rgba\([^"]*color: inherit; text-decoration: underline', html
        )


class TestWholePage:
    def test_to_html_document(self) -> None:
        page = diff(MEETING_2020, MEETING_2020).to_html_document()
        assert page.startswith("<!DOCTYPE html>\n")
        assert '<meta charset="utf-8">' in page
        assert "<title>Diff: cc5-fmm-2020 \u2192 cc5-fmm-2020</title>" in page
        assert diff(MEETING_2020, MEETING_2020).to_html() in page
        assert page.rstrip().endswith("</html>")

    def test_the_fragment_stays_a_fragment(self) -> None:
        assert MEETING_2020.to_html().startswith("<div")

    @pytest.mark.parametrize("command", [["show"], ["diff", "cc5-fmm-2020", "cc5-fmm-2020"]])
    def test_cli_writes_a_page(self, command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
        main([*command, "--format", "html"])
        out = capsys.readouterr().out
        assert out.startswith("<!DOCTYPE html>")
        assert "<title>" in out


class TestFieldChanges:
    """A long text value shows where it changed, never two identical cut strings."""

    @staticmethod
    def changed() -> StatementDiff:
        note = "An illustrative record, written for these tests, whose wording is long enough to be cut " * 2
        old = attrs.evolve(MEETING_2020, notes=(note + "before the date.",))
        new = attrs.evolve(MEETING_2020, notes=(note + "after the date.",))
        return diff(old, new)

    def test_text(self) -> None:
        line = next(line for line in self.changed().to_text(color=False).splitlines() if "notes:" in line)
        assert "[-before-]{+after+} the date." in line
        assert "\u2026" in line  # the unchanged text around the change is shortened

    def test_markdown(self) -> None:
        assert "~~before~~**after** the date." in self.changed().to_markdown()

    def test_html_marks_each_side(self) -> None:
        row = next(row for row in self.changed().to_html().split("<tr") if 'title="$.notes"' in row)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
        assert _read(html_runs(cells[1]), "insert").endswith("before the date.")
        assert "after" not in cells[1]
        assert _read(html_runs(cells[2]), "delete").endswith("after the date.")

    def test_short_values_stay_side_by_side(self) -> None:
        result = diff(MEETING_2020, attrs.evolve(MEETING_2020, venue="Xi'an"))
        assert '  venue: null → "Xi\'an"' in result.to_text(color=False)


class TestSeriesViews:
    @staticmethod
    def series() -> Series:
        from c5statement import compare

        points = list(MEETING_2020.points)
        points[2] = attrs.evolve(points[2], text=points[2].text.replace("further expand", "greatly widen"))
        later = attrs.evolve(MEETING_2020, id="cc5-later", points=tuple(points))
        return compare([MEETING_2020, later])

    def test_lineage_columns_line_up(self) -> None:
        text = self.series().to_text(color=False)
        block = text.split("Lineages\n")[1].split("\n\n")[0].splitlines()
        starts = {len(line) - len(line.rsplit("   ", 1)[1]) for line in block}
        assert len(block) == 9
        assert len(starts) == 1

    def test_a_changed_point_never_scores_a_perfect_one(self) -> None:
        """A reworded point's score is rounded down: it reads 0.99, not 1.00."""
        series = self.series()
        assert any(score is not None and 0.99 <= score < 1 for score in series.lineages[2].similarities)
        for view in (series.to_text(color=False), series.to_markdown(), series.to_html()):
            assert "(1.00)" not in view
            assert "3 (0.99)" in view

    def test_labels_are_cut_at_a_word(self) -> None:
        text = self.series().to_text(color=False)
        labels = [line.rsplit("   ", 1)[1] for line in text.split("Lineages")[1].split("\n\n")[0].splitlines()[1:]]
        assert sum(label.endswith("\u2026") for label in labels) >= 5
        for label in labels:
            if label.endswith("\u2026"):
                assert any(label[:-1] == point.text[: len(label) - 1] for point in MEETING_2020.points)
                assert not label[-2].isspace()
                words = label[:-1].split()
                assert all(word in MEETING_2020.to_text(color=False) for word in words)

    def test_html_shows_the_whole_text(self) -> None:
        html = self.series().to_html()
        for point in MEETING_2020.points:
            if len(point.text) > 60:
                assert f'title="{point.text}"' in html.replace("&#x27;", "'") or point.text in html


HOSTILE = (
    "# heading",
    "    indented code",
    "\tindented by a tab",
    "- a list item",
    "+ another",
    "1. an ordered item",
    "7) another",
    "---",
    "===",
    "> a quote",
    "| a | table |",
    "<b>bold</b> <script>x</script>",
    "&lt;entity&gt; &#60;i&#62;",
    "line\nbreak\r\nand\rreturn",
    "***",
    "[a link](http://example.org) ![img](x.png) <http://example.org>",
    "`code` ~~struck~~ **bold** _em_",
    "trailing #",
)


def _structure(markdown: str) -> tuple[list[str], list[str]]:
    """The block tokens a CommonMark parser (HTML on) makes of *markdown*, and every tag in its output."""
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["strikethrough", "table"])
    blocks = [token.type for token in parser.parse(markdown)]
    tags = re.findall(r"</?([a-z][a-z0-9]*)", parser.render(markdown))
    return blocks, tags


def _fill(meeting: Any, text: str) -> Any:
    """*meeting* with *text* in every free text it renders."""
    points = tuple(attrs.evolve(point, text=f"{text} {point.number}") for point in meeting.points[:3])
    return attrs.evolve(
        meeting,
        title=text,
        venue=text,
        summary=text,
        notes=(text, text),
        points=points,
    )


class TestMarkdownNeutralised:
    """Every string of the data stays text in the Markdown views: the structure never changes, no tag appears."""

    @pytest.mark.parametrize("text", HOSTILE)
    def test_views(self, text: str) -> None:
        from c5statement import compare

        plain = _fill(MEETING_2020, "plain words")
        hostile = _fill(MEETING_2020, text)
        for render in (
            lambda meeting: meeting.to_markdown(),
            lambda meeting: diff(MEETING_2020, meeting).to_markdown(),
            lambda meeting: compare([MEETING_2020, meeting]).to_markdown(),
            lambda meeting: meeting.points[0].to_markdown(),
        ):
            expected, expected_tags = _structure(render(plain))
            found, tags = _structure(render(hostile))
            assert found == expected
            assert tags == expected_tags

    def test_code_spans_keep_returns_out(self) -> None:
        from c5statement._views._markdown import _code

        assert _code("a\rb\nc") == "`a b c`"
