"""The fields that make a record research data: summaries, concepts, lineage, coding layers, people and places."""

from __future__ import annotations

import pytest
from hypothesis import given

from builders import make_meeting
from c5statement import (
    Coding,
    Decision,
    InvalidStatementError,
    Meeting,
    Participant,
    Point,
    from_dict,
    from_json,
    to_json,
)
from c5statement.strategies import codings, decisions, participants, points


def problems(error: pytest.ExceptionInfo[InvalidStatementError]) -> dict[str, str]:
    return dict(error.value.errors)


class TestRoundTrips:
    @given(points())
    def test_point(self, point: Point) -> None:
        """Points with every new field read back equal from their JSON."""
        assert from_json(to_json(point), Point) == point

    @given(participants())
    def test_participant(self, participant: Participant) -> None:
        """Participants with person keys and Wikidata ids read back equal."""
        assert from_json(to_json(participant), Participant) == participant

    @given(decisions())
    def test_decision(self, decision: Decision) -> None:
        """Decisions with their kind read back equal."""
        assert from_json(to_json(decision), Decision) == decision

    @given(codings())
    def test_coding(self, coding: Coding) -> None:
        """Codings read back equal."""
        assert from_json(to_json(coding), Coding) == coding


class TestOlderDocuments:
    def test_a_point_without_the_new_keys_loads_with_defaults(self) -> None:
        """JSON written before the new fields loads: verbatim, no concepts, no links, not coded."""
        point = from_dict({"number": 1, "text": "all parties agree.", "themes": [], "sources": []}, Point)
        assert (point.verbatim, point.concepts, point.continues, point.coding, point.codings) == (
            True,
            (),
            (),
            None,
            (),
        )
        assert point.coded is False

    def test_a_meeting_without_the_new_keys_loads_with_defaults(self) -> None:
        """A meeting without city, host country and reading state loads, with everything unknown and complete."""
        data = {"id": "demo", "title": "Demo", "level": "summit", "date": "2021-05-12", "format": "video"}
        loaded = from_dict(data, Meeting)
        assert (loaded.city, loaded.host_country, loaded.points_complete, loaded.points_total) == (
            None,
            None,
            True,
            None,
        )


class TestPointFields:
    def test_continues_must_be_meeting_hash_number(self) -> None:
        """A link names a meeting id and a point number, joined by '#'."""
        with pytest.raises(InvalidStatementError) as caught:
            Point(1, "x", continues=("cc5-fmm-2020#3", "cc5-fmm-2020", "cc5-fmm-2020#0", "CC5#1"))
        assert sorted(problems(caught)) == ["$.continues[1]", "$.continues[2]", "$.continues[3]"]

    def test_continues_lists_each_link_once(self) -> None:
        """The same link twice is an error."""
        with pytest.raises(InvalidStatementError, match="more than once"):
            Point(1, "x", continues=("cc5-fmm-2020#3", "cc5-fmm-2020#3"))

    def test_concepts_are_slugs(self) -> None:
        """Concept ids are lowercase slugs, as the lexicon's ids are."""
        with pytest.raises(InvalidStatementError) as caught:
            Point(1, "x", concepts=("health", "Belt Road"))
        assert list(problems(caught)) == ["$.concepts[1]"]

    def test_a_meeting_cannot_continue_itself(self) -> None:
        """A point's link to a point of its own meeting is an error naming the link."""
        with pytest.raises(InvalidStatementError) as caught:
            make_meeting(points=(Point(1, "x", continues=("demo#1",)),))
        assert list(problems(caught)) == ["$.points[0].continues[0]"]

    def test_coding_states(self) -> None:
        """No themes and no coding is not coded; an explicit coding is coded even with no theme."""
        assert not Point(1, "x").coded
        assert Point(1, "x", themes=frozenset({"trade"})).coded
        assert Point(1, "x", coding="coded").coded
        assert Point(1, "x", coding="suggested").codes() == frozenset()
        assert Point(1, "x").codes() is None

    def test_coding_is_from_a_small_vocabulary(self) -> None:
        """Only 'coded' and 'suggested' are explicit states."""
        with pytest.raises(InvalidStatementError) as caught:
            Point(1, "x", coding="uncoded")
        assert list(problems(caught)) == ["$.coding"]


class TestCodings:
    def test_dotted_and_underscored_codes_are_allowed(self) -> None:
        """Comparative Agendas and Manifesto codes are valid codes."""
        coding = Coding("cap", frozenset({"19.1", "per103_1", "trade"}))
        assert Point(1, "x", codings=(coding,)).codes("cap") == frozenset({"19.1", "per103_1", "trade"})

    @pytest.mark.parametrize("code", ["", "19..1", ".19", "per 103", "a/b", "19.1."])
    def test_malformed_codes_are_rejected(self, code: str) -> None:
        """A code with spaces, doubled or edge separators is an error."""
        with pytest.raises(InvalidStatementError) as caught:
            Coding("cap", frozenset({code}))
        assert list(problems(caught)) == ["$.codes"]

    def test_a_scheme_and_coder_are_coded_once(self) -> None:
        """Two codings of one scheme by one coder are an error; by two coders they are fine."""
        first, second = Coding("cap", frozenset({"1"}), coder="a"), Coding("cap", frozenset({"2"}), coder="b")
        assert Point(1, "x", codings=(first, second)).codes("cap", "b") == frozenset({"2"})
        with pytest.raises(InvalidStatementError) as caught:
            Point(1, "x", codings=(first, Coding("cap", frozenset({"3"}), coder="a")))
        assert list(problems(caught)) == ["$.codings[1]"]

    def test_the_packaged_scheme_needs_a_coder(self) -> None:
        """The record's own theme coding is Point.themes, so a 'themes' coding names its coder."""
        with pytest.raises(InvalidStatementError, match="needs a coder"):
            Coding("themes", frozenset({"trade"}))
        point = Point(1, "x", themes=frozenset({"trade"}), codings=(Coding("themes", frozenset(), coder="b"),))
        assert (point.codes(), point.codes("themes", "b")) == (frozenset({"trade"}), frozenset())


class TestPeopleAndPlaces:
    def test_roles_come_from_the_vocabulary(self) -> None:
        """A free-text role is an error listing the vocabulary."""
        with pytest.raises(InvalidStatementError, match="chair, co-chair, host, head of delegation, guest"):
            Participant(country="KZ", person="A", title="B", role="special envoy")

    def test_wikidata_ids_have_their_form(self) -> None:
        """A Wikidata id is Q and a number."""
        assert Participant(country="KZ", person="A", title="B", wikidata="Q42").wikidata == "Q42"
        with pytest.raises(InvalidStatementError) as caught:
            Participant(country="KZ", person="A", title="B", wikidata="42")
        assert list(problems(caught)) == ["$.wikidata"]

    def test_a_person_key_is_unique_within_a_meeting(self) -> None:
        """Two parties cannot be headed by the same person key."""
        people = (
            Participant(country="KZ", person="A", title="B", person_id="same"),
            Participant(country="KG", person="C", title="D", person_id="same"),
        )
        with pytest.raises(InvalidStatementError) as caught:
            make_meeting(participants=people)
        assert list(problems(caught)) == ["$.participants[1].person_id"]

    def test_decision_kinds(self) -> None:
        """A decision is a document or a decision, nothing else."""
        assert Decision("Xi'an Declaration", kind="document").kind == "document"
        with pytest.raises(InvalidStatementError):
            Decision("x", kind="treaty")

    def test_a_video_meeting_has_no_city(self) -> None:
        """A city on a video meeting is an error; on an in-person one it is kept, with the host country."""
        with pytest.raises(InvalidStatementError) as caught:
            make_meeting(format="video", city="Beijing")
        assert list(problems(caught)) == ["$.city"]
        assert make_meeting(city="Xi'an", host_country="CN").city == "Xi'an"

    def test_host_country_is_a_country_code(self) -> None:
        """The host country is an ISO code."""
        with pytest.raises(InvalidStatementError) as caught:
            make_meeting(host_country="China")
        assert list(problems(caught)) == ["$.host_country"]


class TestReadingState:
    def test_a_total_below_the_points_carried_is_an_error(self) -> None:
        """A document cannot have fewer points than the highest number carried."""
        with pytest.raises(InvalidStatementError) as caught:
            make_meeting(points=(Point(1, "x"), Point(5, "y")), points_total=4)
        assert list(problems(caught)) == ["$.points_total"]

    def test_a_partly_read_document_says_so(self) -> None:
        """Three points read of twelve: the rest is unknown, not absent."""
        meeting = make_meeting(
            points=(Point(1, "x"), Point(2, "y"), Point(3, "z")),
            points_complete=False,
            points_total=12,
            points_note="Only the first three points could be read.",
        )
        assert (meeting.points_complete, meeting.points_total) == (False, 12)
