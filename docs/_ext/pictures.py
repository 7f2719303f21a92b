"""Pictures of the diff and series views, made from the package's own output when the docs are built.

At the start of every build, the views of an illustrative diff and series are
rendered as whole HTML pages, and headless Chromium takes a picture of each:
``docs/_static/pictures/diff.png`` and ``series.png``, which the front page and
the README show. ``pictures.json`` beside them records a hash of the HTML each
picture was taken from, so a picture is taken again exactly when its view
changed. Without Chromium a picture that is out of date is a build warning
(an error under ``-W``), never shipped stale.

Run on its own to make the pictures: ``python docs/_ext/pictures.py``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

FOLDER = Path(__file__).resolve().parent.parent / "_static" / "pictures"
RECORD = FOLDER / "pictures.json"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
SIZES = {"diff": (1100, 760), "series": (1100, 1180)}


def pages() -> dict[str, str]:
    """The whole HTML pages to picture: a diff of two illustrative statements and a series of three."""
    import attrs

    from c5statement import MEETING_2020, Point, compare, diff

    old = attrs.evolve(MEETING_2020, points=MEETING_2020.points[:5])
    points = list(old.points)
    points[0] = attrs.evolve(points[0], text=points[0].text.replace("serve the common", "advance the shared"))
    points[2] = attrs.evolve(
        points[2],
        text=points[2].text.replace("further expand trade volumes", "raise trade to new highs"),
        themes=points[2].themes | {"energy"},
    )
    del points[3]
    points.append(Point(5, "all parties welcome the Global Security Initiative as a frame for joint work on security."))
    points = [attrs.evolve(point, number=number) for number, point in enumerate(points, 1)]
    later = attrs.evolve(old, id="illustrative-later", date=old.date.replace(year=2023), points=tuple(points))
    third = attrs.evolve(later, id="illustrative-third", date=old.date.replace(year=2024), points=tuple(points[1:]))
    return {
        "diff": diff(old, later).to_html_document(),
        "series": compare([old, later, third]).to_html_document(),
    }


def _digest(page: str) -> str:
    return hashlib.sha256(page.encode("utf-8")).hexdigest()


def _browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def stale() -> list[str]:
    """The pictures whose view changed since they were taken (or that are missing)."""
    recorded: dict[str, Any] = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    return [
        name
        for name, page in pages().items()
        if recorded.get(name) != _digest(page) or not (FOLDER / f"{name}.png").exists()
    ]


def make(names: list[str]) -> None:
    """Take the pictures *names* with headless Chromium and record what they show."""
    browser = _browser()
    if browser is None:
        msg = "no Chromium found to take the pictures"
        raise RuntimeError(msg)
    FOLDER.mkdir(parents=True, exist_ok=True)
    recorded: dict[str, Any] = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    with tempfile.TemporaryDirectory() as work:
        for name, page in pages().items():
            if name not in names:
                continue
            source = Path(work) / f"{name}.html"
            source.write_text(page, encoding="utf-8")
            width, height = SIZES[name]
            command = [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                f"--window-size={width},{height}",
                f"--screenshot={FOLDER / f'{name}.png'}",
                source.as_uri(),
            ]
            subprocess.run(command, capture_output=True, check=True, timeout=120)  # noqa: S603 - our own page
            recorded[name] = _digest(page)
    RECORD.write_text(json.dumps(recorded, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _refresh(app: Sphinx) -> None:  # noqa: ARG001 - the signature of the event
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    names = stale()
    if not names:
        return
    if _browser() is None:
        logger.warning("the pictures %s are out of date and no Chromium is here to take them again", names)
        return
    make(names)
    logger.info("pictures taken again: %s", ", ".join(names))


def setup(app: Sphinx) -> dict[str, Any]:
    """Take the pictures again at the start of a build, where their views changed."""
    app.connect("builder-inited", _refresh)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    make(list(SIZES))
