"""Tests for suggest_themes and with_suggested_themes, and the keyword rules they use."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from c5statement import (
    MEETING_2020,
    THEMES,
    InvalidStatementError,
    InvalidTypeError,
    Meeting,
    Point,
    Theme,
    parse_points,
    suggest_themes,
    with_suggested_themes,
)
from c5statement.strategies import points

DATA = Path(__file__).parent / "data"


def labelled(prefix: str) -> list[tuple[str, frozenset[str]]]:
    """(text, hand-assigned themes) for the statements tests/data/<prefix>_*.txt."""
    pairs = []
    for themes_path in sorted(DATA.glob(f"{prefix}_*.themes.txt")):
        gold = {}
        for line in themes_path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                number, *slugs = line.split()
                gold[int(number)] = frozenset(slugs)
        text = (DATA / themes_path.name.replace(".themes.txt", ".txt")).read_text(encoding="utf-8")
        parsed = parse_points(text)
        assert sorted(gold) == [point.number for point in parsed]
        pairs += [(point.text, gold[point.number]) for point in parsed]
    return pairs


def micro(pairs: list[tuple[str, frozenset[str]]]) -> tuple[float, float]:
    hits = suggested = assigned = 0
    for text, gold in pairs:
        guess = suggest_themes(text)
        hits += len(guess & gold)
        suggested += len(guess)
        assigned += len(gold)
    return hits / suggested, hits / assigned


class TestSuggestThemes:
    @pytest.mark.parametrize("point", MEETING_2020.points, ids=lambda point: f"point-{point.number}")
    def test_reproduces_the_2020_themes(self, point: Point) -> None:
        """Each 2020 point gets exactly its hand-assigned themes."""
        assert suggest_themes(point.text) == point.themes

    @pytest.mark.parametrize(("prefix", "floor"), [("illustrative", 0.9), ("heldout", 0.75)])
    def test_precision_and_recall_on_hand_labelled_statements(self, prefix: str, floor: float) -> None:
        """Micro precision and recall on the hand-labelled statements stay above a floor."""
        precision, recall = micro(labelled(prefix))
        assert precision >= floor
        assert recall >= floor

    def test_trailing_star_matches_any_ending(self) -> None:
        """agricultur* matches agriculture and agricultural."""
        assert suggest_themes("Agriculture matters.") == suggest_themes("agricultural goods.") == {"agriculture"}

    def test_matches_whole_words_only(self) -> None:
        """Keywords do not match inside longer words ("important" is not "import")."""
        assert suggest_themes("an important role for Vegas tradesmen.") == frozenset()

    def test_case_and_line_breaks_do_not_matter(self) -> None:
        """Phrases match in any case and across any whitespace."""
        assert "belt-and-road" in suggest_themes("the BELT and\nRoad initiative")

    def test_curly_apostrophes_match_straight_ones(self) -> None:
        """A keyword with a straight apostrophe matches a curly one in the text."""
        assert "mechanism" in suggest_themes("the foreign ministers’ meeting mechanism")  # noqa: RUF001 - the point

    def test_suggests_only_vocabulary_slugs(self) -> None:
        """A custom vocabulary is used instead of the packaged one."""
        vocabulary = {"ports": Theme("ports", "Ports", "Sea ports.", ("port*",)), "none": Theme("none", "N", "N.")}
        assert suggest_themes("ports and trade", vocabulary=vocabulary) == {"ports"}
        assert suggest_themes("ports and trade", vocabulary={}) == frozenset()

    @given(st.text(max_size=200))
    def test_any_text_gives_packaged_slugs(self, text: str) -> None:
        """Suggestions for any text are slugs of the packaged vocabulary."""
        assert suggest_themes(text) <= THEMES.keys()

    @given(st.sampled_from(sorted(THEMES)), st.data())
    def test_each_keyword_suggests_its_theme(self, slug: str, data: st.DataObject) -> None:
        """A text made of one keyword suggests that keyword's theme."""
        keyword = data.draw(st.sampled_from(THEMES[slug].keywords))
        assert slug in suggest_themes(f"We note {keyword.removesuffix('*')} here.")


class TestThemeKeywords:
    @pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.slug)
    def test_keywords_are_clean(self, theme: Theme) -> None:
        """Keywords are lowercase, trimmed, unique, and a star comes only at the end."""
        assert theme.keywords
        assert len(set(theme.keywords)) == len(theme.keywords)
        for keyword in theme.keywords:
            assert keyword == keyword.lower() == keyword.strip()
            assert "*" not in keyword[:-1]
            assert re.fullmatch(r"[a-z0-9'+, -]+\*?", keyword)


class TestWithSuggestedThemes:
    def test_fills_points_without_themes(self) -> None:
        """Points without themes get the suggestions, marked as suggested."""
        parsed = parse_points((DATA / "seed_article.txt").read_text(encoding="utf-8"))
        expected = tuple(attrs.evolve(point, sources=(), coding="suggested") for point in MEETING_2020.points)
        assert with_suggested_themes(parsed) == expected

    def test_never_overwrites(self) -> None:
        """Themes a person has set are kept as they are, even if they look wrong."""
        point = Point(1, "all parties condemn terrorism.", themes=frozenset({"trade"}))
        assert with_suggested_themes([point]) == (point,)

    def test_accepts_any_iterable(self) -> None:
        """A generator of points is fine."""
        result = with_suggested_themes(Point(n, "energy.") for n in (1, 2))
        assert [point.themes for point in result] == [frozenset({"energy"})] * 2

    @given(st.lists(points(), max_size=6))
    def test_only_empty_themes_change(self, given_points: list[Point]) -> None:
        """Numbers, texts and sources never change; a person's coding never changes; suggestions are marked."""
        result = with_suggested_themes(given_points)
        assert len(result) == len(given_points)
        for before, after in zip(given_points, result, strict=True):
            assert attrs.evolve(after, themes=before.themes, coding=before.coding) == before
            if before.themes or before.coded:
                assert after == before
            else:
                assert after.themes == suggest_themes(before.text)
                assert after.coding == "suggested"


class TestArgumentTypes:
    @pytest.mark.parametrize(("text", "kind"), [(None, "NoneType"), (b"covid", "bytes"), (42, "int")])
    def test_text_must_be_a_string(self, text: object, kind: str) -> None:
        """A text that is not a str raises InvalidTypeError naming the type given."""
        with pytest.raises(InvalidTypeError) as caught:
            suggest_themes(text)  # type: ignore[arg-type]
        assert caught.value.errors == (("$", f"expected the text as a str, got {kind}"),)

    def test_a_point_is_not_a_text(self) -> None:
        """Passing a Point instead of its text says to pass point.text."""
        with pytest.raises(InvalidTypeError, match=r"got Point: pass point\.text"):
            suggest_themes(MEETING_2020.points[0])  # type: ignore[arg-type]

    @pytest.mark.parametrize("vocabulary", [None, ["trade"], {"trade": "Trade"}])
    def test_vocabulary_must_map_slugs_to_themes(self, vocabulary: object) -> None:
        """A vocabulary that is not a mapping of Theme raises InvalidTypeError."""
        with pytest.raises(InvalidTypeError, match="vocabulary"):
            suggest_themes("trade", vocabulary=vocabulary)  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="vocabulary"):
            with_suggested_themes([Point(1, "trade.")], vocabulary=vocabulary)  # type: ignore[call-overload]

    @pytest.mark.parametrize(("points", "kind"), [("x", "str"), (b"x", "bytes"), (None, "NoneType"), (7, "int")])
    def test_points_must_be_points(self, points: object, kind: str) -> None:
        """A string, bytes or a non-iterable instead of points raises InvalidTypeError, not AttributeError."""
        with pytest.raises(InvalidTypeError) as caught:
            with_suggested_themes(points)  # type: ignore[call-overload]
        assert caught.value.errors == (("$", f"expected points (an iterable of Point) or a Meeting, got {kind}"),)

    def test_a_single_point_is_not_points(self) -> None:
        """A single Point says to pass a list of it."""
        with pytest.raises(InvalidTypeError, match=r"got Point: pass \[point\]"):
            with_suggested_themes(Point(1, "trade."))  # type: ignore[call-overload]

    def test_every_item_must_be_a_point(self) -> None:
        """An item that is not a Point is named by its index."""
        with pytest.raises(InvalidTypeError) as caught:
            with_suggested_themes([Point(1, "trade."), "energy."])  # type: ignore[list-item]
        assert caught.value.errors == (("$[1]", "must be a Point, got str"),)

    def test_is_a_type_error_and_an_invalid_statement_error(self) -> None:
        """The error can be caught as TypeError or as InvalidStatementError, as parse_points raises it."""
        with pytest.raises(TypeError):
            suggest_themes(None)  # type: ignore[arg-type]
        with pytest.raises(InvalidStatementError):
            with_suggested_themes("x")  # type: ignore[arg-type]


class TestMeeting:
    def test_fills_the_untagged_points_of_a_meeting(self) -> None:
        """A Meeting gives back the Meeting, its untagged points completed, its tagged ones kept."""
        bare = attrs.evolve(
            MEETING_2020,
            points=(
                attrs.evolve(MEETING_2020.points[0], themes=frozenset({"my-theme"})),
                *(attrs.evolve(point, themes=frozenset()) for point in MEETING_2020.points[1:]),
            ),
        )
        result = with_suggested_themes(bare)
        assert isinstance(result, Meeting)
        assert result.points[0].themes == {"my-theme"}
        assert result.points[1:] == tuple(attrs.evolve(p, coding="suggested") for p in MEETING_2020.points[1:])
        assert attrs.evolve(result, points=bare.points) == bare

    def test_a_tagged_meeting_is_unchanged(self) -> None:
        """A meeting whose points all have themes comes back equal."""
        assert with_suggested_themes(MEETING_2020) == MEETING_2020

    def test_custom_vocabulary(self) -> None:
        """The vocabulary is used for the meeting's points too."""
        vocabulary = {"ports": Theme("ports", "Ports", "Sea ports.", ("transport hub",))}
        bare = attrs.evolve(
            MEETING_2020, points=tuple(attrs.evolve(p, themes=frozenset()) for p in MEETING_2020.points)
        )
        themes = [point.themes for point in with_suggested_themes(bare, vocabulary=vocabulary).points]
        assert themes == [frozenset({"ports"}) if point.number == 4 else frozenset() for point in MEETING_2020.points]
