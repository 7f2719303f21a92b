"""Write a later statement by hand and see what changed since 2020.

The record built here is ILLUSTRATIVE. The date, the place, the chair, the
decision and the topics of the eight points are those reported for the second
C+C5 foreign ministers' meeting (Xi'an, 12 May 2021), but the wording of the
points is a paraphrase written for this example, not the official text; the
record says so in its data (``illustrative=True``, ``notes``, the source note).

Run it as it is::

    python examples/later_statement.py                 # print the diff from 2020
    python examples/later_statement.py --save out.json # also write the record as JSON

``examples/data/fmm-2021-illustrative.json`` is this script's output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from c5statement import MEETING_2020, Decision, Meeting, Participant, Point, Source, diff, dump

SOURCE = "china-embassy-2021-05-12"

POINTS = (
    (
        (
            "all parties will deepen strategic mutual trust, let each country choose its own road of development "
            "in line with its conditions, and work together to keep the region peaceful, stable and prosperous."
        ),
        {"development-paths", "peace-and-stability"},
    ),
    (
        (
            "all parties will use the 30th anniversary of diplomatic relations, which "
            "falls in 2022, to move jointly towards a community with a shared future."
        ),
        {"shared-future"},
    ),
    (
        (
            "all parties will work more closely to prevent and control COVID-19, vaccines included, "
            "and keep open the fast tracks for travellers and the green passages for goods."
        ),
        {"health", "connectivity", "people-to-people"},
    ),
    (
        (
            "all parties will pursue high-quality Belt and Road cooperation in trade, energy, transport and "
            "investment, and build a Eurasian connectivity corridor."
        ),
        {"belt-and-road", "trade", "energy", "connectivity"},
    ),
    (
        "all parties will set up a new mechanism for cooperation between local governments.",
        {"people-to-people"},
    ),
    (
        (
            "all parties condemn terrorism, will jointly safeguard regional security and support a political "
            "settlement of the Afghan issue."
        ),
        {"security", "afghanistan"},
    ),
    (
        (
            "all parties will stand together for multilateralism and for fairness and justice "
            "in the world, and reject meddling in the domestic affairs of others."
        ),
        {"multilateralism", "non-interference"},
    ),
    (
        "all parties will strengthen the foreign ministers' meeting mechanism as a platform for cooperation.",
        {"mechanism"},
    ),
)


def build_2021() -> Meeting:
    """Return the illustrative record of the second foreign ministers' meeting (12 May 2021)."""
    return Meeting(
        id="cc5-fmm-2021-illustrative",
        title="Second China + Central Asia (C+C5) Foreign Ministers' Meeting (illustrative record)",
        level="foreign-ministers",
        date=dt.date(2021, 5, 12),
        format="in-person",
        venue="Xi'an, China",
        participants=(
            Participant(
                country="CN",
                person="Wang Yi",
                title="State Councilor and Foreign Minister",
                role="chair",
                sources=(SOURCE,),
            ),
        ),
        decisions=(Decision(text="adopted three joint statements", sources=(SOURCE,)),),
        points=tuple(
            Point(number=number, text=text, themes=frozenset(themes), sources=(SOURCE,))
            for number, (text, themes) in enumerate(POINTS, start=1)
        ),
        notes=(
            (
                "Illustrative record, made for the examples of c5statement: the date, the place, the chair, "
                "the decision and the topics of the eight points are as reported, but the wording of the "
                "points is a paraphrase, not the official text. Other delegations are left out."
            ),
        ),
        sources=(
            Source(
                id=SOURCE,
                publisher="Website of a Chinese embassy (lr.china-embassy.org)",
                title="Report on the second China + Central Asia foreign ministers' meeting",
                url="http://lr.china-embassy.org/eng/zgyw/t1875496.htm",
                note="Reports the eight-point consensus announced by Wang Yi. The title above is descriptive; "
                "the point texts of this record paraphrase the topics and are not quoted from it.",
            ),
        ),
        fact_sources=(SOURCE,),
        illustrative=True,
    )


def main(argv: list[str] | None = None) -> int:
    """Print the diff from the 2020 meeting to the illustrative 2021 record."""
    parser = argparse.ArgumentParser(description="Write a later statement by hand and see what changed since 2020.")
    parser.add_argument("--save", type=Path, metavar="PATH", help="also write the 2021 record as JSON to PATH")
    args = parser.parse_args(argv)
    later = build_2021()
    if args.save is not None:
        dump(later, args.save)
        print(f"wrote {args.save}")
    changes = diff(MEETING_2020, later)
    print(changes.to_text(color=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
