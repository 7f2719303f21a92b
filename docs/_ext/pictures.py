"""Pictures of the views, made from the package's own output when the docs are built.

At the start of every build, the views of an illustrative diff and series are
rendered as whole HTML pages, and headless Chromium takes a picture of each, in
the light theme and in the dark one (the page follows the reader's preference):
``docs/_static/pictures/diff.png``, ``diff-dark.png``, ``series.png`` and
``series-dark.png``, which the front page and the README show. ``themes.png``
is :meth:`c5statement.Series.plot` of a series of three statements, drawn with
matplotlib. ``pictures.json`` beside them records a hash of what each picture
was made from, so a picture is made again exactly when its view changed.
Without Chromium (or matplotlib, for the plot) a picture that is out of date is
a build warning (an error under ``-W``), never shipped stale.

Run on its own to make every picture again: ``python docs/_ext/pictures.py``.
"""

from __future__ import annotations

import hashlib
import importlib.util
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
"""The names Chromium goes by; the first found on the path is used (here and by the browser tests)."""
HEADLESS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
"""How Chromium runs for a picture or a test: headless, without a sandbox, a GPU or any network of its own."""
SIZES = {"diff": (1100, 1040), "series": (1100, 1000)}
DARK = "-dark"
"""The ending of the name of a picture taken in the dark theme."""
PLOT = "themes"
"""The name of the picture of the themes plot."""


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


def find_browser() -> str | None:
    """The path of the first of :data:`BROWSERS` found, or ``None``."""
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def plotted() -> Any:
    """The series whose themes the plot picture shows: the 2020 record and the two illustrative later statements."""
    from c5statement import MEETING_2020, compare, load

    examples = Path(__file__).resolve().parents[2] / "examples" / "data"
    later = [load(examples / name) for name in ("fmm-2021-illustrative.json", "fmm-2024-illustrative.json")]
    return compare([MEETING_2020, *later])


def sources() -> dict[str, str]:
    """What each picture is made from: a page of HTML, or for the plot the counts and labels it draws."""
    from c5statement._plot import theme_counts

    found = {}
    for name, page in pages().items():
        found[name] = page
        found[name + DARK] = page
    series = plotted()
    found[PLOT] = json.dumps([list(series.labels), theme_counts(series)], sort_keys=True)
    return found


def stale() -> list[str]:
    """The pictures whose view changed since they were made (or that are missing)."""
    recorded: dict[str, Any] = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    return [
        name
        for name, source in sources().items()
        if recorded.get(name) != _digest(source) or not (FOLDER / f"{name}.png").exists()
    ]


def _plot(path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = plotted().plot()
    ax.figure.savefig(path, dpi=110, metadata={"Software": None})
    plt.close(ax.figure)


def make(names: list[str]) -> None:
    """Make the pictures *names* (with headless Chromium, and matplotlib for the plot) and record what they show."""
    browser = find_browser()
    if browser is None and any(name != PLOT for name in names):
        msg = "no Chromium found to take the pictures"
        raise RuntimeError(msg)
    FOLDER.mkdir(parents=True, exist_ok=True)
    recorded: dict[str, Any] = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    with tempfile.TemporaryDirectory() as work:
        for name, source in sources().items():
            if name not in names:
                continue
            if name == PLOT:
                _plot(FOLDER / f"{name}.png")
                recorded[name] = _digest(source)
                continue
            page = Path(work) / f"{name}.html"
            page.write_text(source, encoding="utf-8")
            width, height = SIZES[name.removesuffix(DARK)]
            command = [
                str(browser),
                *HEADLESS,
                f"--user-data-dir={Path(work) / 'profile'}",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                f"--window-size={width},{height}",
                *(["--force-dark-mode"] if name.endswith(DARK) else []),
                f"--screenshot={FOLDER / f'{name}.png'}",
                page.as_uri(),
            ]
            subprocess.run(command, capture_output=True, check=True, timeout=120)  # noqa: S603 - our own page
            recorded[name] = _digest(source)
    RECORD.write_text(json.dumps(recorded, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _refresh(app: Sphinx) -> None:  # noqa: ARG001 - the signature of the event
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    names = stale()
    if not names:
        return
    if find_browser() is None:
        logger.warning("the pictures %s are out of date and no Chromium is here to take them again", names)
        return
    if PLOT in names and importlib.util.find_spec("matplotlib") is None:
        logger.warning("the picture %s is out of date and matplotlib is not here to draw it again", PLOT)
        return
    make(names)
    logger.info("pictures taken again: %s", ", ".join(names))


def setup(app: Sphinx) -> dict[str, Any]:
    """Take the pictures again at the start of a build, where their views changed."""
    app.connect("builder-inited", _refresh)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    make(list(sources()))
