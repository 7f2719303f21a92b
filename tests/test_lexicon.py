"""The word normalisation and the concept lexicon behind point alignment."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from c5statement import THEMES, InvalidTypeError
from c5statement._lexicon import Concept, Lexicon, default_lexicon, normalise_words


def concepts_of(text: str) -> set[str]:
    return {feature[1:] for feature in default_lexicon().analyse(text).features if feature.startswith("@")}


class TestNormalise:
    def test_word_forms_meet(self) -> None:
        """Snowball stems join peaceful/peace and prosperous/prosperity, which a plural rule cannot."""
        assert normalise_words("peaceful prosperous") == normalise_words("peace prosperity")

    def test_hyphenated_and_demonym_forms_meet(self) -> None:
        """Afghan, intra-Afghan and Afghanistan share one form; so do Kazakh and Kazakhstan."""
        assert "afghanistan" in normalise_words("intra-Afghan talks")
        assert normalise_words("the Afghan issue")[0] == normalise_words("Afghanistan")[0]
        assert normalise_words("Kazakh") == normalise_words("Kazakhstan")

    def test_case_punctuation_and_plurals(self) -> None:
        """Case, punctuation, plurals and possessives fall away."""
        assert set(normalise_words("Routes, ROUTE; route\u2019s")) == {"rout"}

    def test_apostrophes_and_function_words(self) -> None:
        """Curly and straight apostrophes split alike; function words are dropped."""
        assert normalise_words("each other\u2019s path") == normalise_words("each other's path")
        assert "the" not in normalise_words("the path of the river")

    def test_text_shown_is_untouched(self) -> None:
        """Analysis reports the words as written, whatever the matching form."""
        features = default_lexicon().analyse("Intra-Afghan TALKS").features
        assert features["talk"] == ("TALKS",)


class TestConcepts:
    @pytest.mark.parametrize(
        "text",
        ["the epidemic", "the pandemic", "COVID-19", "the coronavirus", "medical and health cooperation"],
    )
    def test_health_synonyms(self, text: str) -> None:
        """Every way of naming the pandemic era's health cooperation gives the concept health."""
        assert "health" in concepts_of(text)

    @pytest.mark.parametrize(
        ("text", "concept"),
        [
            ("the three evil forces", "counter-terrorism"),
            ("terrorism, separatism and extremism", "counter-terrorism"),
            ("the Belt and Road", "belt-and-road"),
            ("the BRI", "belt-and-road"),
            ("a shared destiny", "shared-future"),
            ("a community with a shared future", "shared-future"),
            ("the Afghan issue", "afghanistan"),
            ("the Global Security Initiative", "gsi"),
        ],
    )
    def test_formulas(self, text: str, concept: str) -> None:
        """Formulas of diplomatic English name their concept."""
        assert concept in concepts_of(text)

    def test_boilerplate_absorbs_its_words(self) -> None:
        """The words of a boilerplate formula count only through its light concept."""
        features = default_lexicon().analyse("a community with a shared future").features
        assert "@shared-future" in features
        assert "communiti" not in features
        assert default_lexicon().weight("@shared-future") < 1 < default_lexicon().weight("@afghanistan")

    def test_background_weighs_formulas_little(self) -> None:
        """Words of formulaic phrasing weigh less than rare content words."""
        lexicon = default_lexicon()
        for common in ("parti", "cooper", "strengthen"):
            assert lexicon.weight(common) < 0.7 * lexicon.weight("desertif")


class TestPackagedLexicon:
    def test_every_entry_has_a_reason_and_valid_theme(self) -> None:
        """Each packaged entry says why it exists and names a real theme, if any."""
        document = json.loads(files("c5statement").joinpath("data/lexicon.json").read_text(encoding="utf-8"))
        ids = [entry["id"] for entry in document["concepts"]]
        assert len(ids) == len(set(ids))
        for entry in document["concepts"]:
            assert entry["reason"].strip(), entry["id"]
            assert entry["phrases"], entry["id"]
            assert entry.get("theme") is None or entry["theme"] in THEMES

    @pytest.mark.parametrize("slug", sorted(THEMES))
    def test_theme_keywords_are_concepts(self, slug: str) -> None:
        """Every keyword of every theme is recognised as that theme's concept: the two cannot drift."""
        lexicon = default_lexicon()
        for keyword in THEMES[slug].keywords:
            text = keyword.removesuffix("*") + ("s" if keyword.endswith("*") else "")
            found = {feature[1:] for feature in lexicon.analyse(text).features if feature.startswith("@")}
            assert slug in found, keyword
            assert lexicon.concept(slug).theme == slug


class TestLexicon:
    def test_extended_adds_and_replaces(self) -> None:
        """extended() adds new concepts and replaces those with the same id."""
        lexicon = default_lexicon().extended(
            [Concept("space", "space", ("beidou",), "satellites"), Concept("health", "care", ("care",), "")]
        )
        assert "@space" in lexicon.analyse("BeiDou").features
        assert lexicon.concept("health").label == "care"
        assert "@health" not in lexicon.analyse("the pandemic").features
        assert "@health" in default_lexicon().analyse("the pandemic").features

    def test_replace_entirely(self) -> None:
        """A lexicon of the user's own concepts replaces the packaged one."""
        lexicon = Lexicon([Concept("glacier", "glaciers", ("glacier*",), "ice")])
        assert sorted(lexicon.analyse("Glaciers melt").features) == ["@glacier", "glacier", "melt"]
        assert lexicon.weight("melt") == 0.6

    def test_bad_concepts_are_refused(self) -> None:
        """Anything but Concept objects gives a clear type error naming the place."""
        with pytest.raises(InvalidTypeError, match=r"\$\.concepts\[1\]"):
            Lexicon([Concept("a", "a", ("a",), ""), "b"])  # type: ignore[list-item]

    def test_text_must_be_text(self) -> None:
        """analyse() refuses what is not a string."""
        with pytest.raises(InvalidTypeError):
            default_lexicon().analyse(b"bytes")  # type: ignore[arg-type]

    @given(st.text(max_size=200))
    def test_surface_words_come_from_the_text(self, text: str) -> None:
        """Every word an analysis reports is a piece of the text, as written."""
        for words in default_lexicon().analyse(text).features.values():
            for word in words:
                assert word in text


def test_import_does_not_load_the_stemmer_or_lexicon() -> None:
    """The stemmer and the lexicon load on the first diff, not at import."""
    code = (
        "import sys, c5statement; "
        "assert 'snowballstemmer' not in sys.modules; assert 'c5statement._lexicon' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_stem_collisions_are_kept_apart() -> None:
    """Words the stemmer would join to unrelated ones keep their own form."""
    assert normalise_words("important") != normalise_words("imports")
    assert "@trade" not in default_lexicon().analyse("an important role").features
    assert "@trade" in default_lexicon().analyse("imports of grain").features


def test_one_letter_prefixes_match() -> None:
    """A prefix of any length matches the words that begin with it."""
    lexicon = Lexicon([Concept("a", "a-words", ("a*",), "every word in a"), Concept("ag", "ag", ("agri*",), "")])
    assert lexicon.analyse("Apple agriculture").features["@a"] == ("Apple", "agriculture")
    assert lexicon.analyse("agricultural").features["@ag"] == ("agricultural",)


# Concepts grown from the vocabulary of real published statements: for each, two wordings
# (our own examples) that must meet on it. Every concept added for real texts is listed here.
GROWN_CONCEPTS = {
    "fairness-justice": ("international equality and justice", "fairness and justice in the world"),
    "mechanism": ("advance institutional development", "mechanism building of the format"),
    "friendship": ("friendship from generation to generation", "an everlasting friendship"),
    "shared-future": ("a community of shared destiny", "a community with a shared future"),
    "security-architecture": ("indivisible security for all", "a regional security architecture"),
    "mutual-benefit": ("mutually beneficial cooperation", "all-round cooperation"),
    "security-consultations": ("meetings between their NSAs", "consultations of national security councils"),
    "accountability": ("the extradite or prosecute principle", "perpetrators brought to justice"),
    "chabahar-instc": ("the terminal at Chabahar port", "the International North-South Transport Corridor"),
    "humanitarian": ("humanitarian aid to the people", "humanitarian assistance"),
    "trading-system": ("reform of the WTO", "the multilateral trading system"),
    "global-gateway": ("the Global Gateway strategy", "Global Gateway investments"),
    "sanctions": ("restrictive measures", "circumvention of sanctions"),
    "disarmament": ("nuclear non-proliferation", "a day of disarmament"),
    "rights": ("the rule of law and democracy", "fundamental rights"),
    "connectivity": ("more passenger flights", "freight railways"),
    "minerals": ("rare earths", "critical raw materials"),
    "development-paths": ("uphold good faith", "strategic mutual trust"),
    "economic-security": ("the region's economic security", "economic resilience of Central Asia"),
    "counter-terrorism": ("the extradite or prosecute principle", "countering terrorism"),
}


class TestGrownConcepts:
    @pytest.mark.parametrize("concept", sorted(GROWN_CONCEPTS))
    def test_both_wordings_name_the_concept(self, concept: str) -> None:
        """Each concept grown from real texts joins the two wordings it exists for."""
        first, second = GROWN_CONCEPTS[concept]
        assert concept in concepts_of(first)
        assert concept in concepts_of(second)

    def test_every_grown_concept_has_a_reason(self) -> None:
        """The grown concepts are in the packaged lexicon, each with a reason of its own."""
        lexicon = default_lexicon()
        for concept in GROWN_CONCEPTS:
            assert len(lexicon.concept(concept).reason) > 20

    def test_heads_of_state_and_international_law_are_boilerplate(self) -> None:
        """Leaders, heads of state and international law name no concept: every format has them."""
        assert concepts_of("the heads of state and the leaders met") == set()
        assert "multilateralism" not in concepts_of("in full respect of international law")

    def test_partner_formulas_weigh_little(self) -> None:
        """The partner formats' formulas (participants, the European Union, sustainable) weigh little."""
        lexicon = default_lexicon()
        for common in ("particip", "sustain"):
            assert lexicon.weight(common) < 0.7 * lexicon.weight("desertif")
        assert lexicon.weight("leader") < 0.8 * lexicon.weight("desertif")

    def test_harmony_is_not_the_peace_goal(self) -> None:
        """Fostering harmony names no peace-and-stability goal; a peaceful, stable region still does."""
        assert "peace-and-stability" not in concepts_of("uphold good faith and foster harmony")
        assert "peace-and-stability" in concepts_of("a peaceful and stable region")

    def test_justice_for_terrorists_is_not_fairness(self) -> None:
        """Bringing perpetrators to justice is accountability, not international fairness and justice."""
        assert "fairness-justice" not in concepts_of("perpetrators must be brought to justice")


class TestWordsMatchedAsWritten:
    def test_trains_are_no_training(self) -> None:
        """Training shares its stem with trains: it is matched as written, so freight trains stay transport."""
        assert concepts_of("China-Europe freight trains will run more often") == {"connectivity"}
        assert "people-to-people" not in concepts_of("the trains run on time")
        assert "people-to-people" in concepts_of("vocational training for young people")
        assert "people-to-people" in concepts_of("trainings for diplomats and trainees")

    def test_the_verb_train_counts_where_it_trains_people(self) -> None:
        """Training people is people-to-people, the verb too when its object is people."""
        assert "people-to-people" in concepts_of("China will train specialists for the region")
        assert "people-to-people" in concepts_of("to train personnel of customs services")

    def test_industry_is_no_industrialisation(self) -> None:
        """Industrialisation names the minerals-and-industry concept; industry or industrial alone names nothing."""
        assert "minerals" not in concepts_of("the industry of the region will grow")
        assert "minerals" in concepts_of("industrialization of Central Asia")
        assert "minerals" in concepts_of("to support industrialisation")


class TestPunctuation:
    def test_no_phrase_runs_across_a_comma(self) -> None:
        """A list of fields names each field: "economic, security" is no economic security."""
        listed = concepts_of("cooperation in political, economic, security and cultural fields")
        assert "security" in listed
        assert "economic-security" not in listed
        assert {"agriculture", "security", "energy"} <= concepts_of("food, security and energy")

    def test_a_name_that_holds_a_comma_keeps_it(self) -> None:
        """One Belt, One Road is one name with or without its comma."""
        assert "belt-and-road" in concepts_of("the One Belt, One Road initiative")
        assert "belt-and-road" in concepts_of("one belt one road")


class TestGuards:
    def test_west_bank_is_not_banking(self) -> None:
        """ "West Bank" names the Middle East, and its "Bank" no finance; a development bank still does."""
        assert concepts_of("settlements in the West Bank") == {"middle-east"}
        assert "finance" in concepts_of("loans of the development bank")

    def test_security_council_is_not_security_cooperation(self) -> None:
        """The UN Security Council is a body of the United Nations, not security cooperation."""
        assert "security" not in concepts_of("a reform of the Security Council")
        assert "security" in concepts_of("security cooperation")

    def test_supply_securities_are_not_security_cooperation(self) -> None:
        """Economic, food and energy security are economic subjects; "food and energy security" too."""
        assert concepts_of("the economic security of the region") == {"economic-security"}
        assert concepts_of("ensuring food security") == {"agriculture"}
        assert concepts_of("energy security") == {"energy"}
        assert {"agriculture", "energy"} <= concepts_of("to ensure food and energy security")
        assert "security" not in concepts_of("to ensure food and energy security")
        assert "security" in concepts_of("security in traditional and non-traditional fields")

    def test_aligning_positions_is_no_alignment_of_strategies(self) -> None:
        """Aligning positions on a question is coordination; aligning or dovetailing strategies is the concept."""
        assert "strategy-alignment" not in concepts_of("The sides will align their positions on Afghanistan.")
        assert "strategy-alignment" not in concepts_of("to align positions in the United Nations")
        assert "strategy-alignment" not in concepts_of("an alignment of positions on regional issues")
        assert "strategy-alignment" in concepts_of("They will align development strategies.")
        assert "strategy-alignment" in concepts_of("dovetailing the initiative with national programmes")

    def test_the_high_representatives_title_names_no_security(self) -> None:
        """The EU's High Representative for Foreign Affairs and Security Policy brings no security subject."""
        assert "security" not in concepts_of("the High Representative for Foreign Affairs and Security Policy")

    def test_guards_of_a_lexicon_of_ones_own(self) -> None:
        """A guard keeps the words after its first from starting a phrase; the guard's own start still can."""
        concepts = [Concept("bank", "banks", ("bank",), ""), Concept("place", "places", ("west bank",), "")]
        guarded = Lexicon(concepts, guards=["west bank"])
        assert {"@place"} == {key for key in guarded.analyse("the West Bank").features if key[0] == "@"}
        assert "@bank" in Lexicon(concepts).analyse("the West Bank").features
        assert guarded.extended([]).guards == ("west bank",)
        assert guarded.fingerprint != Lexicon(concepts).fingerprint == Lexicon(concepts, guards=[]).fingerprint

    def test_a_guard_must_be_text(self) -> None:
        """A guard that is not a phrase is refused, naming the argument."""
        with pytest.raises(InvalidTypeError, match="guards"):
            Lexicon([], guards=[3])  # type: ignore[list-item]
