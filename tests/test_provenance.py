"""One lexicon per result: it decides a diff's evidence and key terms, and a diff records what it was made with."""

from __future__ import annotations

import json
from importlib.metadata import version

import attrs
import pytest

from c5statement import (
    MEETING_2020,
    Concept,
    InvalidStatementError,
    Meeting,
    Point,
    StatementDiff,
    _data,
    compare,
    default_lexicon,
    diff,
    fingerprint,
    from_json,
    json_schema,
    to_json,
)
from c5statement._diff import Provenance
from c5statement._languages import RESOURCES, resources_digest

WATER = Concept("water", "water", ("irrigation", "water resource*"), "made up for the tests")


def statements() -> tuple[Meeting, Meeting, Meeting]:
    """Three made-up statements whose one point speaks of water in other words each time."""
    first = attrs.evolve(MEETING_2020, id="water-1", points=(Point(1, "all parties will modernise irrigation."),))
    second = attrs.evolve(first, id="water-2", points=(Point(1, "all parties will share water resources."),))
    third = attrs.evolve(first, id="water-3", points=(Point(1, "all parties will fund irrigation canals."),))
    return first, second, third


class TestOneLexicon:
    def test_custom_lexicon_decides_evidence_and_terms(self) -> None:
        """The concept that explains the match is also a key term the two points keep."""
        lexicon = default_lexicon().extended([WATER])
        old, new, _ = statements()
        result = diff(old, new, lexicon=lexicon)
        change = result.points[0]
        assert "water" in {item.label for item in change.evidence}
        assert "water" in change.terms_kept
        assert "water" in result.terms_kept
        assert "water" not in diff(old, new).terms_kept

    def test_stored_diff_shows_the_same_terms(self) -> None:
        """Read back from JSON, a diff made with a custom lexicon names the terms that lexicon found."""
        lexicon = default_lexicon().extended([WATER])
        old, new, _ = statements()
        result = diff(old, new, lexicon=lexicon)
        back = from_json(to_json(result), StatementDiff)
        assert back == result
        assert back.terms_kept == result.terms_kept
        assert "water" in back.terms_kept

    def test_inverted_diff_keeps_its_terms(self) -> None:
        lexicon = default_lexicon().extended([WATER])
        old, new, _ = statements()
        result = diff(old, new, lexicon=lexicon)
        back = result.inverted()
        assert back.terms_kept == result.terms_kept
        assert (back.terms_gained, back.terms_lost) == (result.terms_lost, result.terms_gained)

    def test_compare_passes_the_lexicon_to_every_step(self) -> None:
        """Each diff of a series, and the diffs of its similarity matrix, use the lexicon compare was given."""
        lexicon = default_lexicon().extended([WATER])
        first, second, third = statements()
        series = compare([first, second, third], lexicon=lexicon)
        assert all(step.provenance is not None for step in series.diffs)
        assert {step.provenance.lexicon for step in series.diffs if step.provenance} == {lexicon.fingerprint}
        assert all("water" in step.terms_kept for step in series.diffs)
        across = diff(first, third, lexicon=lexicon)
        matched = sum(change.similarity for change in across.points if change.old and change.new)
        assert series.similarity[0][2] == pytest.approx(min(1.0, matched))

    @pytest.mark.parametrize("bad", ["default", 3])
    def test_lexicon_must_be_a_lexicon(self, bad: object) -> None:
        old, new, _ = statements()
        with pytest.raises(TypeError, match="lexicon must be a Lexicon"):
            diff(old, new, lexicon=bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="lexicon must be a Lexicon"):
            compare([old, new], lexicon=bad)  # type: ignore[arg-type]


class TestProvenance:
    def test_diff_records_version_lexicon_and_inputs(self) -> None:
        lexicon = default_lexicon().extended([WATER])
        old, new, _ = statements()
        found = diff(old, new, lexicon=lexicon).provenance
        assert found == Provenance(version("c5statement"), lexicon.fingerprint, fingerprint(old), fingerprint(new))
        assert diff(old, new, similarity=lambda _a, _b: 0.5).provenance.custom_similarity  # type: ignore[union-attr]

    def test_inverted_swaps_the_inputs(self) -> None:
        old, new, _ = statements()
        result = diff(old, new)
        assert result.inverted().provenance == diff(new, old).provenance
        assert result.inverted().inverted() == result

    def test_read_back_and_valid_against_the_schema(self) -> None:
        jsonschema = pytest.importorskip("jsonschema")
        old, new, _ = statements()
        result = diff(old, new)
        document = to_json(result)
        jsonschema.validate(json.loads(document), json_schema(StatementDiff))
        assert from_json(document, StatementDiff).provenance == result.provenance

    def test_bad_fingerprint_is_named(self) -> None:
        old, new, _ = statements()
        data = json.loads(to_json(diff(old, new)))
        data["provenance"]["old"] = "not-a-digest"
        with pytest.raises(InvalidStatementError, match=r"\$\.provenance\.old: 'not-a-digest' is not a SHA-256"):
            from_json(json.dumps(data), StatementDiff)

    def test_terms_of_a_missing_side_are_refused(self) -> None:
        old, new, _ = statements()
        data = json.loads(to_json(diff(old, attrs.evolve(new, points=()))))
        data["points"][0]["new_terms"] = ["water"]
        with pytest.raises(InvalidStatementError, match="names no key terms"):
            from_json(json.dumps(data), StatementDiff)

    def test_lexicon_fingerprint_follows_its_content(self) -> None:
        lexicon = default_lexicon()
        assert lexicon.extended([]).fingerprint == lexicon.fingerprint
        assert lexicon.extended([WATER]).fingerprint != lexicon.fingerprint

    @pytest.mark.parametrize("name", RESOURCES)
    def test_lexicon_fingerprint_follows_the_chinese_and_russian_resources(
        self, name: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A change to a packaged Chinese or Russian resource changes what a diff cites as its lexicon."""
        before = default_lexicon().extended([]).fingerprint
        real = _data.read_packaged

        def edited(requested: str) -> bytes:
            found = real(requested)
            return found + b"\n" if requested == name else found

        monkeypatch.setattr(_data, "read_packaged", edited)
        resources_digest.cache_clear()
        try:
            assert default_lexicon().extended([]).fingerprint != before
        finally:
            resources_digest.cache_clear()
