"""The canonical 2020 record against the seed article and the sourced facts."""

from __future__ import annotations

import datetime

import pytest

from c5statement import MEETING_2020, ContextNote, Meeting, Point, Quote, Topic, fingerprint, from_json, to_json
from c5statement._data import meeting_2020

NCA = "nca-2020-07-20"
MFA = "mfa-2020-07-17"


def paragraphs(article: str) -> list[str]:
    return article.split("\n\n")


class TestAgainstTheSeed:
    def test_points_rebuild_their_paragraphs(self, seed_article: str) -> None:
        """Each point, with its ordinal put back, is a paragraph of the article, byte for byte."""
        found = paragraphs(seed_article)
        rebuilt = [point.paragraph() for point in MEETING_2020.points]
        start = found.index(rebuilt[0])
        assert found[start : start + 9] == rebuilt

    def test_nine_points_numbered_one_to_nine(self) -> None:
        """The record holds exactly nine points, numbered 1 to 9."""
        assert [point.number for point in MEETING_2020.points] == list(range(1, 10))

    def test_point_texts_have_no_enumerator(self) -> None:
        """Texts start after "First, " and friends."""
        assert MEETING_2020.points[0].text.startswith("the development, stability and prosperity")
        assert MEETING_2020.points[8].text.endswith("uphold international fairness and justice.")

    def test_summary_is_the_lead(self, seed_article: str) -> None:
        """The summary is the article's first paragraph."""
        assert MEETING_2020.summary == paragraphs(seed_article)[1]

    def test_topics_and_first_quote(self, seed_article: str) -> None:
        """The four topics, joined as the article joins them, make up the first quote's paragraph."""
        topics = [topic.text for topic in MEETING_2020.topics]
        assert len(topics) == 4
        quote = MEETING_2020.quotes[0]
        listed = ", ".join(topics[:-1]) + " and " + topics[-1]
        assert quote.text == f"The participants had an in-depth exchange of views on four topics: {listed}"
        rebuilt = f"\u201c{quote.text}\u201d, said {quote.speaker_title} {quote.speaker} during {quote.occasion}."
        assert rebuilt == paragraphs(seed_article)[2]

    def test_decisions(self, seed_article: str) -> None:
        """The two decisions rebuild the article's paragraph on what the meeting decided."""
        first, second = (decision.text for decision in MEETING_2020.decisions)
        assert f"The online meeting {first} and {second}." == paragraphs(seed_article)[3]

    def test_second_quote(self, seed_article: str) -> None:
        """The second quote rebuilds its paragraph."""
        quote = MEETING_2020.quotes[1]
        assert f"\u201c{quote.text}\u201d stressed {quote.speaker}." == paragraphs(seed_article)[14]

    def test_context(self, seed_article: str) -> None:
        """The three context notes rebuild the closing paragraphs, up to the article's signature."""
        reminder, zhang_qian, relations = MEETING_2020.context
        found = paragraphs(seed_article)
        assert f"She also reminded that {reminder.text}" == found[15]
        assert zhang_qian.text == found[16]
        assert "Zhang Qian" in zhang_qian.text
        assert zhang_qian.text.startswith("More than 2,100 years ago")
        assert f"{relations.text} /// nCa, 20 July 2020" == found[17]
        assert relations.year == 1992

    def test_byline(self, seed_article: str) -> None:
        """The seed source's date and author rebuild the article's byline."""
        source = MEETING_2020.source(NCA)
        assert f" date {source.date} {source.author}" == paragraphs(seed_article)[0]

    def test_every_seed_text_is_in_the_article(self, seed_article: str) -> None:
        """Every text cited to the seed occurs in it verbatim."""
        cited = [
            *(point.text for point in MEETING_2020.points),
            *(topic.text for topic in MEETING_2020.topics),
            *(decision.text for decision in MEETING_2020.decisions),
            *(quote.text for quote in MEETING_2020.quotes),
            *(note.text for note in MEETING_2020.context),
        ]
        assert len(cited) == 9 + 4 + 2 + 2 + 3
        for text in cited:
            assert text in seed_article


class TestFacts:
    def test_meeting_facts(self) -> None:
        """Date, level, format and venue follow the foreign ministry's release."""
        assert MEETING_2020.date == datetime.date(2020, 7, 16)
        assert MEETING_2020.level == "foreign-ministers"
        assert MEETING_2020.format == "video"
        assert MEETING_2020.venue is None
        assert MEETING_2020.fact_sources == (MFA,)
        assert not MEETING_2020.illustrative

    @pytest.mark.parametrize(
        ("country", "person", "title"),
        [
            ("CN", "Wang Yi", "State Councilor and Foreign Minister"),
            ("KZ", "Mukhtar Tleuberdi", "Foreign Minister"),
            ("KG", "Chingiz Aidarbekov", "Foreign Minister"),
            ("TJ", "Sirojiddin Muhriddin", "Foreign Minister"),
            ("TM", "Rashid Meredov", "Deputy Prime Minister and Foreign Minister"),
            ("UZ", "Abdulaziz Kamilov", "Foreign Minister"),
        ],
    )
    def test_delegation_heads(self, country: str, person: str, title: str) -> None:
        """Each of the six delegation heads, cited to the ministry's release."""
        (participant,) = [p for p in MEETING_2020.participants if p.country == country]
        assert (participant.person, participant.title) == (person, title)
        assert MFA in participant.sources

    def test_six_parties_and_the_chair(self) -> None:
        """Six parties, chaired by Wang Yi."""
        assert [p.country for p in MEETING_2020.participants] == ["CN", "KZ", "KG", "TJ", "TM", "UZ"]
        assert MEETING_2020.chair is not None
        assert MEETING_2020.chair.person == "Wang Yi"

    @pytest.mark.parametrize(
        ("country", "alias"),
        [
            ("KZ", "Mukhtar Tileuberdi"),
            ("TJ", "Sirojiddin Mukhriddin"),
            ("KG", "Chingiz Aydarbekov"),
            ("TM", "Rashid Meledov"),
        ],
    )
    def test_other_spellings_are_recorded(self, country: str, alias: str) -> None:
        """Spellings found in other sources are kept as aliases."""
        (participant,) = [p for p in MEETING_2020.participants if p.country == country]
        assert alias in participant.aliases

    def test_sources(self) -> None:
        """The seed and the ministry's release are cited with their dates, author and address."""
        seed = MEETING_2020.source(NCA)
        assert (seed.date, seed.author) == (datetime.date(2020, 7, 20), "Elvira Kadyrova")
        release = MEETING_2020.source(MFA)
        assert release.title == "China and Central Asian Countries Hold Inaugural Foreign Ministers' Meeting"
        assert release.date == datetime.date(2020, 7, 17)
        assert release.url is not None
        assert release.url.startswith("https://www.mfa.gov.cn/")

    def test_summary_cites_the_article(self) -> None:
        """The summary, quoted from the nCa article, cites it."""
        assert MEETING_2020.summary_sources == (NCA,)

    def test_seed_texts_cite_the_seed(self) -> None:
        """Points, topics, quotes and context cite the nCa article."""
        cited: list[Point | Topic | Quote | ContextNote] = [
            *MEETING_2020.points,
            *MEETING_2020.topics,
            *MEETING_2020.quotes,
            *MEETING_2020.context,
        ]
        for item in cited:
            assert NCA in item.sources


class TestCaveats:
    def test_points_are_the_ministrys_summary(self) -> None:
        """The record says the nine points are the MFA's summary, not the statement's text."""
        assert any("summary" in note and "not the text of the joint statement" in note for note in MEETING_2020.notes)

    def test_saturday_briefing_is_unconfirmed(self) -> None:
        """The Saturday briefing is kept as the seed's claim and flagged."""
        assert any("No Saturday briefing could be confirmed" in note for note in MEETING_2020.notes)
        for quote in MEETING_2020.quotes:
            assert quote.date == datetime.date(2020, 7, 18)
            assert quote.note is not None
            assert "unconfirmed" in quote.note

    def test_spellings_differ(self) -> None:
        """The record warns that names are spelled differently elsewhere."""
        assert any("Tileuberdi" in note and "Meledov" in note for note in MEETING_2020.notes)

    def test_joint_statement_name(self) -> None:
        """The adopted document is named as People's Daily names it."""
        note = MEETING_2020.decisions[0].note
        assert note is not None
        assert "Joint Statement of the C+C5 Foreign Ministers Video Meeting" in note


class TestPackagedData:
    def test_loaded_through_the_public_converter(self) -> None:
        """The packaged JSON is canonical: reading and writing it gives the same bytes."""
        import pkgutil

        raw = pkgutil.get_data("c5statement", "data/meeting_2020.json")
        assert raw is not None
        assert to_json(from_json(raw, Meeting)).encode("utf-8") == raw

    def test_cached(self) -> None:
        """Every access returns the same object."""
        import c5statement

        assert c5statement.MEETING_2020 is MEETING_2020
        assert meeting_2020() is meeting_2020()

    def test_fingerprint_is_stable(self) -> None:
        """The fingerprint is that of the packaged bytes; it changes only when the data does."""
        import hashlib
        import pkgutil

        raw = pkgutil.get_data("c5statement", "data/meeting_2020.json")
        assert raw is not None
        assert fingerprint(MEETING_2020) == hashlib.sha256(raw).hexdigest()
