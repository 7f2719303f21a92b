"""The model: construction-time validation and deep immutability."""

from __future__ import annotations

import datetime
from typing import Any, cast

import attrs
import pytest
from hypothesis import given

from builders import make_meeting
from c5statement import (
    MEETING_2020,
    THEMES,
    ContextNote,
    Decision,
    InvalidStatementError,
    InvalidTypeError,
    Meeting,
    Participant,
    Point,
    Quote,
    Source,
    Topic,
)
from c5statement._slugs import is_slug
from c5statement.strategies import meetings, texts


def paths(error: InvalidStatementError) -> list[str]:
    return [path for path, _ in error.errors]


class TestPoint:
    def test_themes_default_to_empty_frozenset(self) -> None:
        """A point built with a number and a text has no themes and no sources."""
        point = Point(number=1, text="all parties agree.")
        assert point.themes == frozenset()
        assert point.sources == ()

    @pytest.mark.parametrize("number", [0, -1, -100])
    def test_number_must_be_positive(self, number: int) -> None:
        """Zero and negative numbers are rejected."""
        with pytest.raises(InvalidStatementError) as caught:
            Point(number=number, text="x")
        assert caught.value.errors == (("$.number", f"must be a positive integer, got {number}"),)

    @pytest.mark.parametrize("number", [True, 1.0, "1", None])
    def test_number_must_be_an_int(self, number: object) -> None:
        """Booleans, floats and strings are not numbers: a TypeError that is also an InvalidStatementError."""
        with pytest.raises(InvalidTypeError) as caught:
            Point(number=number, text="x")  # type: ignore[arg-type]
        assert isinstance(caught.value, TypeError)
        assert paths(caught.value) == ["$.number"]

    @pytest.mark.parametrize("text", ["", " ", "\n\t", "\u3000"])
    def test_text_must_not_be_blank(self, text: str) -> None:
        """Empty and whitespace-only texts are rejected."""
        with pytest.raises(InvalidStatementError, match="must not be blank"):
            Point(number=1, text=text)

    def test_text_must_be_valid_unicode(self) -> None:
        """A lone surrogate cannot be written as UTF-8, so it is rejected."""
        with pytest.raises(InvalidStatementError, match="lone surrogate"):
            Point(number=1, text="bad \ud800 text")

    @pytest.mark.parametrize("character", ["\x1b", "\x00", "\x07", "\x7f", "\x85", "\x9b"])
    def test_control_characters_are_rejected(self, character: str) -> None:
        """C0 and C1 control characters could rewrite a terminal; they are not text."""
        with pytest.raises(InvalidStatementError, match=f"control character U\\+{ord(character):04X}"):
            Point(number=1, text=f"all parties{character} agree.")

    def test_tabs_and_line_breaks_are_text(self) -> None:
        """Tab, line feed and carriage return are allowed."""
        assert Point(number=1, text="a\tb\nc\r\nd").text == "a\tb\nc\r\nd"

    def test_numbers_fit_in_json(self) -> None:
        """Numbers beyond 2**53 - 1 lose precision in other languages' JSON; they are refused."""
        assert Point(number=2**53 - 1, text="x").number == 2**53 - 1
        with pytest.raises(InvalidStatementError, match="at most"):
            Point(number=2**53, text="x")
        with pytest.raises(InvalidStatementError, match="at most"):
            ContextNote(text="x", year=-(2**60))

    def test_placeholder_text_is_rejected(self) -> None:
        """A skeleton's placeholder cannot end up in a record."""
        with pytest.raises(InvalidStatementError, match="placeholder not filled in"):
            Point(number=1, text="<FILL IN: the point's text>")

    @pytest.mark.parametrize("theme", ["Belt and Road", "belt_and_road", "-trade", "trade-", "a--b", "", "ÉNERGIE"])
    def test_themes_must_be_slugs(self, theme: str) -> None:
        """Themes are lowercase slugs."""
        with pytest.raises(InvalidStatementError) as caught:
            Point(number=1, text="x", themes=frozenset({theme}))
        assert caught.value.errors == (
            (
                "$.themes",
                f"{theme!r} is not a lowercase slug (letters, digits and single hyphens, like 'belt-and-road')",
            ),
        )

    def test_users_may_add_their_own_themes(self) -> None:
        """A slug outside the packaged vocabulary is accepted."""
        assert "arctic-shipping" not in THEMES
        assert Point(number=1, text="x", themes=frozenset({"arctic-shipping"})).themes == {"arctic-shipping"}

    def test_themes_must_be_a_frozenset(self) -> None:
        """A mutable set or a list would make the point mutable."""
        with pytest.raises(InvalidTypeError, match="must be a frozenset, got set"):
            Point(number=1, text="x", themes={"trade"})  # type: ignore[arg-type]

    def test_all_problems_are_reported_at_once(self) -> None:
        """Every bad field is listed, not just the first."""
        with pytest.raises(InvalidStatementError) as caught:
            Point(number=0, text="", themes=frozenset({"Bad"}), sources=("x", "x"))
        assert paths(caught.value) == ["$.number", "$.text", "$.themes", "$.sources"]

    def test_paragraph_rebuilds_the_enumerated_text(self) -> None:
        """The ordinal enumerator is put back in front of the text."""
        assert Point(number=3, text="all parties agree.").paragraph() == "Third, all parties agree."


class TestMeeting:
    def test_minimal_meeting(self) -> None:
        """Only the identifying facts are required."""
        meeting = make_meeting()
        assert meeting.points == ()
        assert meeting.chair is None

    @pytest.mark.parametrize("numbers", [(1, 1), (2, 1), (1, 3, 2)])
    def test_point_numbers_unique_and_ascending(self, numbers: tuple[int, ...]) -> None:
        """Repeated or descending numbers are rejected, naming the offending point."""
        points = tuple(Point(number=n, text=f"point {n}") for n in numbers)
        with pytest.raises(InvalidStatementError, match="unique and ascending") as caught:
            make_meeting(points=points)
        assert paths(caught.value)[0].startswith("$.points[")

    def test_point_numbers_may_skip(self) -> None:
        """A statement may skip numbers, as sources sometimes do."""
        assert len(make_meeting(points=(Point(1, "a"), Point(3, "b"), Point(10, "c"))).points) == 3

    @pytest.mark.parametrize("country", ["kz", "KAZ", "XX", "", "UK"])
    def test_countries_are_iso_codes(self, country: str) -> None:
        """Participants' countries are ISO 3166-1 alpha-2 codes."""
        with pytest.raises(InvalidStatementError, match="ISO 3166-1"):
            Participant(country=country, person="A Person", title="Minister")

    def test_eu_is_accepted(self) -> None:
        """The exceptionally reserved code EU serves C5+EU statements."""
        assert Participant(country="EU", person="A Person", title="High Representative").country == "EU"

    def test_participants_unique_by_country(self) -> None:
        """Each party appears once."""
        people = (Participant("KZ", "A", "Minister"), Participant("KZ", "B", "Minister"))
        with pytest.raises(InvalidStatementError) as caught:
            make_meeting(participants=people)
        assert caught.value.errors == (("$.participants[1].country", "KZ already appears at $.participants[0]"),)

    def test_at_most_one_chair(self) -> None:
        """Two chairs is an error."""
        people = (Participant("KZ", "A", "Minister", role="chair"), Participant("UZ", "B", "Minister", role="chair"))
        with pytest.raises(InvalidStatementError, match="more than one chair"):
            make_meeting(participants=people)

    def test_china_need_not_be_a_party(self) -> None:
        """A C5+Japan meeting is as valid as a C+C5 one."""
        people = (
            Participant("JP", "A Minister", "Minister for Foreign Affairs", role="chair"),
            *(Participant(code, f"Minister of {code}", "Foreign Minister") for code in ("KZ", "KG", "TJ", "TM", "UZ")),
        )
        meeting = make_meeting(id="c5-japan-demo", participants=people)
        assert meeting.chair is not None
        assert meeting.chair.country == "JP"
        assert "CN" not in {p.country for p in meeting.participants}

    def test_citations_must_resolve(self) -> None:
        """A source id cited anywhere must be defined in sources."""
        with pytest.raises(InvalidStatementError) as caught:
            make_meeting(
                sources=(Source(id="mfa", publisher="MFA", title="Release"),),
                points=(Point(1, "x", sources=("mfa", "nca")),),
                quotes=(Quote(speaker="A", text="b", sources=("press",)),),
                fact_sources=("gone",),
            )
        assert paths(caught.value) == ["$.fact_sources[0]", "$.points[0].sources[1]", "$.quotes[0].sources[0]"]

    def test_source_ids_unique(self) -> None:
        """Two sources cannot share an id."""
        source = Source(id="mfa", publisher="MFA", title="Release")
        with pytest.raises(InvalidStatementError, match="already used"):
            make_meeting(sources=(source, source))

    @pytest.mark.parametrize(
        ("field", "value", "reason"),
        [
            ("date", "2021-05-12", "must be a datetime.date, got str"),
            (
                "date",
                datetime.datetime(2021, 5, 12, tzinfo=datetime.timezone.utc),
                "must be a datetime.date, got datetime",
            ),
            ("format", "zoom", "'zoom' is not one of hybrid, in-person, video"),
            ("level", "Foreign Ministers", "is not a lowercase slug"),
            ("points", [Point(1, "x")], "must be a tuple, got list"),
            ("points", (("not", "a point"),), "must be a Point, got tuple"),
            ("illustrative", 1, "must be a boolean, got int"),
            ("notes", ("fine", " "), "must not be blank"),
            ("title", 2021, "must be a string, got int"),
        ],
    )
    def test_field_rules(self, field: str, value: object, reason: str) -> None:
        """Each field's rule is enforced with a reason naming the field."""
        with pytest.raises(InvalidStatementError) as caught:
            make_meeting(**{field: value})
        assert any(path.startswith(f"$.{field}") and reason in why for path, why in caught.value.errors)

    @pytest.mark.parametrize(
        "url", ["ftp://example.org/x", "https://", "https://example.org/a\tb", "https://a b", " https://a"]
    )
    def test_url_must_be_http(self, url: str) -> None:
        """A source's URL is an http(s) address, by the same rule as the schema's."""
        with pytest.raises(InvalidStatementError, match="not an http"):
            Source(id="x", publisher="p", title="t", url=url)

    def test_other_classes_validate_text(self) -> None:
        """Every class with text rejects blank text."""
        for build in (
            lambda: Topic(text=" "),
            lambda: Decision(text=" "),
            lambda: Quote(speaker="A", text=" "),
            lambda: ContextNote(text=" "),
        ):
            with pytest.raises(InvalidStatementError, match=r"\$\.text: must not be blank"):
                build()

    def test_lookup_helpers(self) -> None:
        """point(), source(), chair and themes read the record."""
        assert MEETING_2020.point(9).number == 9
        assert MEETING_2020.source("mfa-2020-07-17").date == datetime.date(2020, 7, 17)
        assert MEETING_2020.themes >= {"security", "afghanistan", "health"}
        with pytest.raises(KeyError, match=r"no point numbered 10 in this meeting \(it has 1, 2, .*, 9\)"):
            MEETING_2020.point(10)

    def test_a_failed_lookup_names_what_there_is(self) -> None:
        """A missing key's error says what was looked for and lists the keys there are, the first 20 of a long list."""
        with pytest.raises(KeyError, match=r"no source with the id 'nca' in this meeting \(it has 'nca-2020-07-20'"):
            MEETING_2020.source("nca")
        many = attrs.evolve(MEETING_2020, points=tuple(Point(n, f"point {n}.") for n in range(1, 31)))
        with pytest.raises(KeyError, match=r"\(it has 1, 2, 3, 4, 5, .*, 20 and 10 more\)"):
            many.point(31)
        none = attrs.evolve(MEETING_2020, points=())
        with pytest.raises(KeyError, match=r"\(it has none\)"):
            none.point(1)


def _reachable(value: object) -> list[object]:
    found = []
    stack = [value]
    while stack:
        item = stack.pop()
        found.append(item)
        if attrs.has(type(item)):
            stack.extend(getattr(item, field.name) for field in attrs.fields(cast("Any", type(item))))
        elif isinstance(item, (tuple, frozenset)):
            stack.extend(item)
    return found


class TestImmutability:
    @given(meetings())
    def test_nothing_reachable_is_mutable(self, meeting: Meeting) -> None:
        """Every reachable value is a frozen attrs instance, a tuple, a frozenset or a scalar."""
        for item in _reachable(meeting):
            assert isinstance(item, (str, int, bool, datetime.date, tuple, frozenset, type(None))) or attrs.has(
                type(item)
            ), type(item)

    def test_setting_an_attribute_fails(self) -> None:
        """Frozen instances refuse assignment, at every level."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            MEETING_2020.title = "changed"  # type: ignore[misc]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            MEETING_2020.points[0].text = "changed"  # type: ignore[misc]

    def test_slotted(self) -> None:
        """Instances have no __dict__ to smuggle state into."""
        assert not hasattr(MEETING_2020, "__dict__")
        assert not hasattr(MEETING_2020.points[0], "__dict__")

    def test_evolve_validates(self) -> None:
        """attrs.evolve builds a new, validated object."""
        changed = attrs.evolve(MEETING_2020, venue="Beijing")
        assert changed.venue == "Beijing"
        assert MEETING_2020.venue is None
        with pytest.raises(InvalidStatementError):
            attrs.evolve(MEETING_2020, points=MEETING_2020.points[::-1])

    def test_hashable_and_equal_by_value(self) -> None:
        """Equal records are equal and hash alike, so they can key dicts and sets."""
        copy = attrs.evolve(MEETING_2020)
        assert copy == MEETING_2020
        assert hash(copy) == hash(MEETING_2020)


class TestVocabulary:
    def test_every_entry_is_documented(self) -> None:
        """Each theme has a slug key, a label and a description."""
        assert len(THEMES) >= 13
        for slug, theme in THEMES.items():
            assert is_slug(slug)
            assert theme.slug == slug
            assert theme.label.strip()
            assert theme.description.strip()

    def test_vocabulary_is_read_only(self) -> None:
        """The packaged vocabulary cannot be changed by accident."""
        with pytest.raises(TypeError):
            THEMES["new"] = THEMES["trade"]  # type: ignore[index]

    @pytest.mark.parametrize(
        "slug",
        [
            "development-paths",
            "health",
            "belt-and-road",
            "connectivity",
            "agriculture",
            "digital-economy",
            "security",
            "afghanistan",
            "multilateralism",
            "non-interference",
            "energy",
            "people-to-people",
            "mechanism",
        ],
    )
    def test_usual_topics_are_covered(self, slug: str) -> None:
        """The topics the design names have a slug."""
        assert slug in THEMES

    def test_2020_points_use_the_vocabulary(self) -> None:
        """The canonical record is tagged only with packaged themes."""
        for point in MEETING_2020.points:
            assert point.themes
            assert point.themes <= THEMES.keys()


class TestTexts:
    @given(texts())
    def test_generated_texts_are_accepted(self, text: str) -> None:
        """The strategy's texts are valid point texts."""
        assert Point(number=1, text=text).text == text
