"""The HTML views in a real browser, inside the output classes and table rules of the notebook hosts.

Each view is put in a page that carries the stylesheet rules JupyterLab, the
classic notebook and VS Code apply to their outputs (tables right-aligned among
them), once as it is and once with its ``<style>`` elements removed, as an
untrusted notebook, GitHub and nbviewer show it. Headless Chromium loads the
page and reports the computed styles and the text a reader sees.

Without a Chromium on the machine the tests are skipped, saying so.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from c5statement import MEETING_2020, MEETINGS, Point, compare, diff

if TYPE_CHECKING:
    from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
BROWSER = next((found for name in BROWSERS if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium found (install Debian's chromium package to run the browser tests)"
)

WIDTH = 640
"""The width of the output area, in CSS pixels."""

HOST_RULES = """
body {font-family: sans-serif; margin: 0}
/* JupyterLab 4 */
.jp-RenderedHTMLCommon table {border-collapse: collapse; border-spacing: 0; border: none; font-size: 12px;
  table-layout: fixed; margin-left: auto; margin-right: auto}
.jp-RenderedHTMLCommon thead {border-bottom: 1px solid black; vertical-align: bottom}
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td, :not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon th,
.jp-RenderedHTMLCommon tr {text-align: right; vertical-align: middle; padding: 0.5em; line-height: normal;
  white-space: normal; max-width: none; border: none}
.jp-RenderedHTMLCommon tbody tr:nth-child(odd) {background: #f5f5f5}
.jp-RenderedHTMLCommon tbody tr:hover {background: rgba(66, 165, 245, 0.2)}
/* the classic notebook */
.rendered_html table {margin-left: auto; margin-right: auto; border: none; border-collapse: collapse;
  table-layout: fixed}
.rendered_html tr, .rendered_html th, .rendered_html td {text-align: right; vertical-align: middle;
  padding: 0.5em; line-height: normal; white-space: normal; max-width: none; border: none}
/* VS Code */
.vscode-body table {text-align: right} .vscode-body td, .vscode-body th {text-align: right}
"""

PROBE = """
const results = {};
for (const area of document.querySelectorAll(".area")) {
  const found = {aligned: [], runs: [], overflow: [], text: area.innerText};
  for (const cell of area.querySelectorAll("td, th, p, li, div.c5")) {
    found.aligned.push(getComputedStyle(cell).textAlign);
  }
  for (const run of area.querySelectorAll("del, ins")) {
    const style = getComputedStyle(run);
    found.runs.push([run.tagName.toLowerCase(), style.color, style.backgroundColor, style.textDecorationLine]);
  }
  const right = area.getBoundingClientRect().right;
  for (const box of area.querySelectorAll("*")) {
    if (box.getBoundingClientRect().right > right + 1) found.overflow.push(box.tagName + " " + box.className);
  }
  results[area.id] = found;
}
document.getElementById("result").textContent = JSON.stringify(results);
"""

HOSTS = {
    "jupyterlab": "jp-OutputArea-output jp-RenderedHTMLCommon jp-RenderedHTML",
    "notebook": "output_subarea output_html rendered_html",
    "vscode": "vscode-body output-html",
}


def strip_styles(fragment: str) -> str:
    """The fragment as an untrusted notebook shows it: without its ``<style>`` elements."""
    return re.sub(r"<style>.*?</style>", "", fragment, flags=re.DOTALL)


def probe(fragments: dict[str, str], tmp_path: Path) -> dict[str, dict[str, Any]]:
    """Load every fragment in every host's output area of one page; the findings by ``view/host``."""
    areas = "".join(
        f'<div id="{view}/{host}" class="area {classes}" style="width: {WIDTH}px">{fragment}</div>'
        for view, fragment in fragments.items()
        for host, classes in HOSTS.items()
    )
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>' + HOST_RULES + "</style></head><body>"
        f'{areas}<pre id="result"></pre><script>{PROBE}</script></body></html>'
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert BROWSER is not None
    command = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", path.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    found = re.search(r'<pre id="result">(.*?)</pre>', done.stdout, flags=re.DOTALL)
    assert found, f"the browser gave no result: {done.stderr[-2000:]}"
    result: dict[str, dict[str, Any]] = json.loads(unescape(found.group(1)))
    return result


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, dict[str, dict[str, Any]]]:
    """The findings for every view in every host, as trusted (``False``) and as untrusted (``True``)."""
    fragments = views()
    return {
        untrusted: probe(
            {view: strip_styles(html) if untrusted else html for view, html in fragments.items()},
            tmp_path_factory.mktemp("browser"),
        )
        for untrusted in (False, True)
    }


def later() -> object:
    points = list(MEETING_2020.points)
    points[0] = attrs.evolve(points[0], text=points[0].text.replace("serve the common", "advance the shared"))
    points[2] = attrs.evolve(points[2], themes=points[2].themes | {"energy", "mechanism"})
    points.append(Point(10, "all parties welcome the Global Security Initiative.", frozenset({"security"})))
    return attrs.evolve(MEETING_2020, id="cc5-later", venue="Xi'an", points=tuple(points))


def views() -> dict[str, str]:
    changes = diff(MEETING_2020, later())  # type: ignore[arg-type]
    return {
        "meeting": MEETING_2020.to_html(),
        "point": MEETING_2020.points[2].to_html(),
        "diff": changes.to_html(),
        "series": compare([MEETING_2020, later(), *MEETINGS[1:2]]).to_html(),  # type: ignore[list-item]
    }


INS_COLOR, DEL_COLOR = "rgb(5, 64, 10)", "rgb(106, 10, 10)"


@pytest.mark.parametrize("host", sorted(HOSTS))
@pytest.mark.parametrize("view", ["meeting", "point", "diff", "series"])
@pytest.mark.parametrize("untrusted", [False, True], ids=["trusted", "untrusted"])
def test_views_hold_in_notebook_hosts(
    view: str, host: str, untrusted: bool, findings: dict[bool, dict[str, dict[str, Any]]]
) -> None:
    """Text stays left-aligned, runs keep their colours and marks, nothing overflows the output."""
    found = findings[untrusted][f"{view}/{host}"]
    assert found["aligned"]
    assert set(found["aligned"]) <= {"left", "start"}, found["aligned"]
    for tag, color, _background, decoration in found["runs"]:
        assert color == (INS_COLOR if tag == "ins" else DEL_COLOR)
        assert decoration == ("underline" if tag == "ins" else "line-through")
    if view == "diff":
        assert {run[0] for run in found["runs"]} == {"del", "ins"}
    assert found["overflow"] == []


@pytest.mark.parametrize("view", ["meeting", "diff", "series"])
def test_untrusted_text_separates_every_label(view: str, findings: dict[bool, dict[str, dict[str, Any]]]) -> None:
    """Without any stylesheet the text still reads: theme labels and kinds apart."""
    text = findings[True][f"{view}/jupyterlab"]["text"]
    labels = sorted(MEETING_2020.themes | {"energy", "mechanism"})
    for first in labels:
        for second in labels:
            for joined in (first + second, f"{first}+{second}", f"{first}\u2212{second}"):
                assert joined not in text, joined
    if view == "diff":
        assert "+energy +mechanism" in text
        for kind in ("edited", "added", "unchanged"):
            assert re.search(rf"\b{kind}\b", text), kind
