"""The packaged meetings of the mechanism, 2020 to 2025, and their table."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import subprocess
import sys
from typing import NamedTuple

import attrs
import pytest
from hypothesis import given

import c5statement
from c5statement import (
    MEETING_2020,
    MEETINGS,
    ContextNote,
    Decision,
    Meeting,
    Participant,
    Point,
    Quote,
    Topic,
    from_json,
    meeting,
    strategies,
    to_dict,
    to_json,
)
from c5statement._data import MEETING_FILES, _built, meetings, packaged_meeting, read_packaged
from c5statement._meetings import (
    CSV_COLUMNS,
    TABLE_FORMATS,
    MeetingRow,
    meeting_rows,
    render_meetings,
    rows_to_csv,
    rows_to_json,
    rows_to_markdown,
    rows_to_text,
)

ID_PATTERN = re.compile(r"^cc5-(fmm|summit)-(\d{4})(-video)?$")


class Expected(NamedTuple):
    """The facts checked against the sources for one meeting."""

    date: datetime.date
    level: str
    format: str
    city: str | None
    chair: tuple[str, str] | None  # (country, person)
    host: tuple[str, str] | None
    heads: dict[str, str]  # country -> person


FM = "foreign-ministers"
HS = "heads-of-state"

EXPECTED: dict[str, Expected] = {
    "cc5-fmm-2020": Expected(
        datetime.date(2020, 7, 16),
        FM,
        "video",
        None,
        ("CN", "Wang Yi"),
        None,
        {
            "CN": "Wang Yi",
            "KZ": "Mukhtar Tleuberdi",
            "KG": "Chingiz Aidarbekov",
            "TJ": "Sirojiddin Muhriddin",
            "TM": "Rashid Meredov",
            "UZ": "Abdulaziz Kamilov",
        },
    ),
    "cc5-fmm-2021": Expected(
        datetime.date(2021, 5, 12),
        FM,
        "in-person",
        "Xi'an",
        ("CN", "Wang Yi"),
        None,
        {
            "CN": "Wang Yi",
            "KZ": "Mukhtar Tleuberdi",
            "KG": "Ruslan Kazakbaev",
            "TJ": "Sirojiddin Muhriddin",
            "TM": "Rashid Meredov",
            "UZ": "Abdulaziz Kamilov",
        },
    ),
    "cc5-summit-2022-video": Expected(
        datetime.date(2022, 1, 25),
        HS,
        "video",
        None,
        ("CN", "Xi Jinping"),
        None,
        {
            "CN": "Xi Jinping",
            "KZ": "Kassym-Jomart Tokayev",
            "KG": "Sadyr Japarov",
            "TJ": "Emomali Rahmon",
            "TM": "Gurbanguly Berdimuhamedov",
            "UZ": "Shavkat Mirziyoyev",
        },
    ),
    "cc5-fmm-2022": Expected(
        datetime.date(2022, 6, 8),
        FM,
        "in-person",
        "Nur-Sultan",
        ("KZ", "Mukhtar Tleuberdi"),
        None,
        {
            "KZ": "Mukhtar Tleuberdi",
            "CN": "Wang Yi",
            "KG": "Jeenbek Kulubaev",
            "TJ": "Azim Ibrohim",
            "TM": "Rashid Meredov",
            "UZ": "Vladimir Norov",
        },
    ),
    "cc5-fmm-2023": Expected(
        datetime.date(2023, 4, 27),
        FM,
        "in-person",
        "Xi'an",
        ("CN", "Qin Gang"),
        None,
        {
            "CN": "Qin Gang",
            "KZ": "Murat Nurtleu",
            "KG": "Jeenbek Kulubaev",
            "TJ": "Sirojiddin Muhriddin",
            "TM": "Vepa Hajiyev",
            "UZ": "Bakhtiyor Saidov",
        },
    ),
    "cc5-summit-2023": Expected(
        datetime.date(2023, 5, 19),
        HS,
        "in-person",
        "Xi'an",
        ("CN", "Xi Jinping"),
        None,
        {
            "CN": "Xi Jinping",
            "KZ": "Kassym-Jomart Tokayev",
            "KG": "Sadyr Japarov",
            "TJ": "Emomali Rahmon",
            "TM": "Serdar Berdimuhamedov",
            "UZ": "Shavkat Mirziyoyev",
        },
    ),
    "cc5-fmm-2024": Expected(
        datetime.date(2024, 12, 1),
        FM,
        "in-person",
        "Chengdu",
        ("CN", "Wang Yi"),
        None,
        {
            "CN": "Wang Yi",
            "KZ": "Murat Nurtleu",
            "KG": "Jeenbek Kulubaev",
            "TJ": "Sirojiddin Muhriddin",
            "TM": "Rashid Meredov",
            "UZ": "Bakhtiyor Saidov",
        },
    ),
    "cc5-fmm-2025": Expected(
        datetime.date(2025, 4, 26),
        FM,
        "in-person",
        "Almaty",
        None,
        ("KZ", "Murat Nurtleu"),
        {
            "KZ": "Murat Nurtleu",
            "CN": "Wang Yi",
            "KG": "Jeenbek Kulubaev",
            "TJ": "Sirojiddin Muhriddin",
            "TM": "Parahat Durdyev",
            "UZ": "Bakhtiyor Saidov",
        },
    ),
    "cc5-summit-2025": Expected(
        datetime.date(2025, 6, 17),
        HS,
        "in-person",
        "Astana",
        ("KZ", "Kassym-Jomart Tokayev"),
        None,
        {
            "KZ": "Kassym-Jomart Tokayev",
            "CN": "Xi Jinping",
            "KG": "Sadyr Japarov",
            "TJ": "Emomali Rahmon",
            "TM": "Serdar Berdimuhamedov",
            "UZ": "Shavkat Mirziyoyev",
        },
    ),
}


def test_ids_follow_the_pattern_and_are_unique() -> None:
    ids = [m.id for m in MEETINGS]
    assert len(set(ids)) == len(ids)
    for found in MEETINGS:
        match = ID_PATTERN.match(found.id)
        assert match, found.id
        assert int(match.group(2)) == found.date.year
        assert (match.group(1) == "fmm") == (found.level == FM)
        assert (match.group(3) is not None) == (found.level == HS and found.format == "video")


def test_nine_meetings_six_of_foreign_ministers() -> None:
    assert len(MEETINGS) == 9
    assert [m.level for m in MEETINGS].count(FM) == 6
    assert [m.level for m in MEETINGS].count(HS) == 3
    assert all(len(m.participants) == 6 for m in MEETINGS)


def test_documents_adopted() -> None:
    texts = {m.id: " ".join(d.text for d in m.decisions) for m in MEETINGS}
    assert "Xi'an Declaration" in texts["cc5-summit-2023"]
    assert "Astana Declaration" in texts["cc5-summit-2025"]
    assert "Good-Neighborliness" in texts["cc5-summit-2025"]
    assert "Communiqué" in texts["cc5-fmm-2025"]


def test_every_expected_meeting_is_packaged_in_date_order() -> None:
    assert [m.id for m in MEETINGS] == list(EXPECTED)
    dates = [m.date for m in MEETINGS]
    assert dates == sorted(dates)
    assert len(set(dates)) == len(dates)


def test_one_file_a_meeting() -> None:
    assert len(MEETING_FILES) == len(MEETINGS)
    for name, found in zip(MEETING_FILES[1:], MEETINGS[1:], strict=True):
        assert name == f"{found.id}.json"


@pytest.mark.parametrize("name", MEETING_FILES)
def test_a_packaged_record_is_what_the_converter_reads(name: str) -> None:
    """The records are built without the converter (first access costs little); they must be what it reads."""
    built = packaged_meeting(name)
    assert built == from_json(read_packaged(name), Meeting)
    assert to_json(built) == to_json(from_json(read_packaged(name), Meeting))


@given(strategies.meetings())
def test_the_packaged_records_builder_keeps_any_meeting(found: Meeting) -> None:
    """Whatever a record holds (nested objects, sets, dates, nulls), the builder makes it back from its JSON."""
    document = to_dict(found)
    document.pop("format_version")
    assert _built(Meeting, document) == found


def test_first_access_imports_no_cattrs() -> None:
    """MEETING_2020 loads without the converter's cattrs (the import benchmark measures the time)."""
    code = "import sys, c5statement; c5statement.MEETING_2020; print('cattrs' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"


def test_first_is_the_canonical_2020_record() -> None:
    assert MEETINGS[0] is MEETING_2020
    assert isinstance(MEETINGS, tuple)
    assert c5statement.MEETINGS is MEETINGS
    assert meetings() is MEETINGS


@pytest.mark.parametrize("meeting_id", list(EXPECTED))
def test_facts(meeting_id: str) -> None:
    found = meeting(meeting_id)
    expected = EXPECTED[meeting_id]
    assert found.date == expected.date
    assert found.level == expected.level
    assert found.format == expected.format
    if expected.city is None:
        assert found.venue is None
    else:
        assert found.venue is not None
        assert expected.city in found.venue
    chair = found.chair
    assert (None if chair is None else (chair.country, chair.person)) == expected.chair
    hosts = [(p.country, p.person) for p in found.participants if p.role == "host"]
    assert hosts == ([] if expected.host is None else [expected.host])
    assert {p.country: p.person for p in found.participants} == expected.heads
    assert found.illustrative is False


@pytest.mark.parametrize("found", MEETINGS, ids=lambda m: m.id)
def test_every_fact_cites_a_defined_source(found: Meeting) -> None:
    defined = {source.id for source in found.sources}
    assert found.fact_sources
    assert set(found.fact_sources) <= defined
    cited: list[Participant | Decision] = [*found.participants, *found.decisions]
    assert cited
    for item in cited:
        assert item.sources, item
        assert set(item.sources) <= defined


@pytest.mark.parametrize("found", MEETINGS[1:], ids=lambda m: m.id)
def test_every_source_of_a_later_record_is_cited(found: Meeting) -> None:
    defined = {source.id for source in found.sources}
    used = set(found.fact_sources) | set(found.summary_sources)
    items: tuple[Participant | Decision | Point | Topic | Quote | ContextNote, ...] = (
        *found.participants,
        *found.decisions,
        *found.points,
        *found.topics,
        *found.quotes,
        *found.context,
    )
    for item in items:
        used |= set(item.sources)
    assert used == defined


@pytest.mark.parametrize("found", MEETINGS[1:], ids=lambda m: m.id)
def test_later_records_carry_no_statement_text(found: Meeting) -> None:
    """Their points are the record's summaries, never a statement's sentences."""
    assert all(not point.verbatim for point in found.points)
    assert found.quotes == ()
    assert found.context == ()
    assert found.summary is None
    assert found.notes
    for source in found.sources:
        assert source.url is not None
        assert source.url.startswith(("http://", "https://"))


@pytest.mark.parametrize(
    ("name", "found"), list(zip(MEETING_FILES, MEETINGS, strict=True)), ids=lambda x: getattr(x, "id", x)
)
def test_round_trip_is_byte_identical(name: str, found: Meeting) -> None:
    import pkgutil

    packaged = pkgutil.get_data("c5statement", f"data/{name}")
    assert packaged is not None
    assert to_json(found).encode("utf-8") == packaged
    again = from_json(to_json(found), Meeting)
    assert again == found
    assert to_json(again) == to_json(found)


def test_heads_who_were_not_foreign_ministers() -> None:
    tajik = next(p for p in meeting("cc5-fmm-2022").participants if p.country == "TJ")
    assert tajik.title == "Transport Minister"
    assert "Azim Ibrokhim" in tajik.aliases
    turkmen = next(p for p in meeting("cc5-fmm-2023").participants if p.country == "TM")
    assert turkmen.title == "First Deputy Minister of Foreign Affairs"
    assert turkmen.note is not None
    assert "Deputy Minister of Foreign Affairs" in turkmen.note


def test_unknown_id_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="cc5-fmm-2021"):
        meeting("cc5-fmm-1999")


def test_import_does_not_load_the_data() -> None:
    code = (
        "import sys, c5statement\n"
        "print(sorted(m for m in ('c5statement._data', 'c5statement._convert', 'c5statement._meetings')"
        " if m in sys.modules))\n"
        "c5statement.MEETINGS\n"
        "print('c5statement._data' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["[]", "True"]


class TestTable:
    def test_rows_follow_the_meetings(self) -> None:
        rows = meeting_rows()
        assert [row.id for row in rows] == [m.id for m in MEETINGS]
        assert rows[0] == MeetingRow.from_meeting(MEETING_2020)

    def test_text(self) -> None:
        text = rows_to_text(meeting_rows())
        assert text.count("heads of delegation:") == len(MEETINGS)
        assert "  chair: Wang Yi (CN)" in text
        assert text == render_meetings()

    def test_json(self) -> None:
        data = json.loads(rows_to_json(meeting_rows()))
        assert [item["id"] for item in data] == [m.id for m in MEETINGS]
        assert data[0]["venue"] is None
        assert data[1]["date"] == "2021-05-12"
        assert {head["country"] for head in data[1]["heads"]} == {"CN", "KZ", "KG", "TJ", "TM", "UZ"}

    def test_csv_parses_back(self) -> None:
        text = rows_to_csv(meeting_rows())
        parsed = list(csv.DictReader(io.StringIO(text)))
        assert tuple(parsed[0]) == CSV_COLUMNS
        assert [row["id"] for row in parsed] == [m.id for m in MEETINGS]
        assert parsed == [row.cells() for row in meeting_rows()]

    def test_markdown_escapes_pipes_and_line_breaks(self) -> None:
        tricky = attrs.evolve(
            MEETING_2020,
            venue="Hall A | Hall B\nsecond line",
            decisions=(Decision(text="a \\ b | c", sources=("nca-2020-07-20",)),),
        )
        table = rows_to_markdown(meeting_rows([tricky]))
        lines = table.splitlines()
        assert len(lines) == 3
        assert "Hall A \\| Hall B second line" in lines[2]
        assert "a \\\\ b \\| c" in lines[2]
        # Unescaped pipes delimit exactly the eight columns.
        assert len(re.findall(r"(?<!\\)\|", lines[2])) == 9

    def test_markdown_has_a_row_a_meeting(self) -> None:
        lines = rows_to_markdown(meeting_rows()).splitlines()
        assert len(lines) == 2 + len(MEETINGS)

    @pytest.mark.parametrize("fmt", TABLE_FORMATS)
    def test_every_format_renders(self, fmt: str) -> None:
        assert render_meetings(format=fmt).endswith("\n")

    def test_unknown_format(self) -> None:
        with pytest.raises(ValueError, match="unknown table format 'xml'"):
            render_meetings(format="xml")


CITIES = {
    "cc5-fmm-2021": ("Xi'an", "CN"),
    "cc5-fmm-2022": ("Astana", "KZ"),
    "cc5-fmm-2023": ("Xi'an", "CN"),
    "cc5-summit-2023": ("Xi'an", "CN"),
    "cc5-fmm-2024": ("Chengdu", "CN"),
    "cc5-fmm-2025": ("Almaty", "KZ"),
    "cc5-summit-2025": ("Astana", "KZ"),
}


class TestPeopleAndPlaces:
    def test_every_in_person_meeting_has_a_city_and_host_country(self) -> None:
        """The cities and host countries are as the sources give them; video meetings have none."""
        found = {m.id: (m.city, m.host_country) for m in MEETINGS if m.format != "video"}
        assert found == CITIES
        assert all(m.city is None for m in MEETINGS if m.format == "video")

    def test_the_chair_or_host_comes_from_the_host_country(self) -> None:
        """In every in-person meeting, the chair (or the host where no chair is named) is of the host country."""
        for found in MEETINGS:
            if found.format == "video":
                continue
            leader = found.chair or next(p for p in found.participants if p.role == "host")
            assert leader.country == found.host_country, found.id

    def test_one_spelling_and_one_key_per_person(self) -> None:
        """Across every meeting, a person key has one spelling and a spelling one key."""
        spellings: dict[str | None, set[str]] = {}
        keys: dict[str, set[str | None]] = {}
        for found in MEETINGS:
            for participant in found.participants:
                spellings.setdefault(participant.person_id, set()).add(participant.person)
                keys.setdefault(participant.person, set()).add(participant.person_id)
        assert None not in spellings
        assert all(len(names) == 1 for names in spellings.values())
        assert all(len(ids) == 1 for ids in keys.values())
        assert len(spellings) == 22

    def test_the_two_berdimuhamedovs_stay_apart(self) -> None:
        """Father (2022) and son (2023, 2025) have different keys."""
        turkmen = {m.id: m.participant("TM").person_id for m in MEETINGS if m.level == "heads-of-state"}
        assert turkmen == {
            "cc5-summit-2022-video": "gurbanguly-berdimuhamedov",
            "cc5-summit-2023": "serdar-berdimuhamedov",
            "cc5-summit-2025": "serdar-berdimuhamedov",
        }

    def test_earlier_spellings_are_aliases(self) -> None:
        """The spellings the records gave before are kept as aliases."""
        assert "Sadyr Zhaparov" in meeting("cc5-summit-2022-video").participant("KG").aliases
        assert "Kulubaev Zheenbek Moldokanovich" in meeting("cc5-fmm-2023").participant("KG").aliases

    def test_documents_and_decisions(self) -> None:
        """Every packaged meeting adopted at least one document; kinds are as read."""
        assert all(any(d.kind == "document" for d in m.decisions) for m in MEETINGS if m.id != "cc5-fmm-2021")
        kinds = [d.kind for d in meeting("cc5-fmm-2022").decisions]
        assert kinds == ["document", "document", "document", "document", "decision", "decision"]
