"""The HTML views in a real browser, inside the output classes and table rules of the notebook hosts.

Each view is put in a page that carries the stylesheet rules JupyterLab, the
classic notebook and VS Code apply to their outputs (tables right-aligned among
them), once as it is and once with its ``<style>`` elements removed, as an
untrusted notebook, GitHub and nbviewer show it. Headless Chromium loads the
page and reports the computed styles and the text a reader sees.

Each is also loaded in the light and the dark theme of each host, with the
host's colour variables and rules, and the contrast of every piece of text
against what is behind it is measured, as WCAG defines it. The hosts are
emulated with the values of their own theme files: JupyterLab 4.6 (whose
rendering Notebook 7 shares), VS Code's default light and dark themes, and
GitHub's light and dark page colours.

Without a Chromium on the machine the tests are skipped, saying so.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from c5statement import MEETING_2020, MEETINGS, Point, compare, diff

if TYPE_CHECKING:
    from collections.abc import Iterator


def _pictures() -> Any:
    """The docs' picture maker, whose way of finding and running Chromium the tests share."""
    path = Path(__file__).resolve().parent.parent / "docs" / "_ext" / "pictures.py"
    spec = importlib.util.spec_from_file_location("c5statement_docs_pictures", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PICTURES = _pictures()
BROWSER: str | None = PICTURES.find_browser()
HEADLESS: tuple[str, ...] = PICTURES.HEADLESS
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium found (install Debian's chromium package to run the browser tests)"
)

WIDTH = 640
"""The width of the output area, in CSS pixels."""

HOST_RULES = """
body {font-family: sans-serif; margin: 0}
/* JupyterLab 4.6 (and Notebook 7, which renders outputs with it): its rules for rendered HTML */
.jp-RenderedHTMLCommon {color: var(--jp-content-font-color1)}
.jp-RenderedHTMLCommon table {border-collapse: collapse; border-spacing: 0; border: none; font-size: 12px;
  color: var(--jp-ui-font-color1); table-layout: fixed; margin-left: auto; margin-right: auto}
.jp-RenderedHTMLCommon thead {border-bottom: 1px solid var(--jp-border-color1); vertical-align: bottom}
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th, .jp-RenderedHTMLCommon tr {vertical-align: middle;
  padding: 0.5em; line-height: normal; white-space: normal; max-width: none; border: none}
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td, :not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon th,
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon tr {text-align: right}
.jp-RenderedHTMLCommon tbody tr:nth-child(odd) {background: var(--jp-layout-color0)}
.jp-RenderedHTMLCommon tbody tr:nth-child(even) {background: var(--jp-rendermime-table-row-background)}
.jp-RenderedHTMLCommon a:link {text-decoration: none; color: var(--jp-content-link-color)}
.jp-RenderedHTMLCommon pre {background-color: var(--jp-layout-color0); color: var(--jp-content-font-color1)}
.jp-RenderedHTMLCommon :not(pre) > code {background-color: var(--jp-layout-color2); padding: 1px 5px}
/* the classic notebook */
.rendered_html table {margin-left: auto; margin-right: auto; border: none; border-collapse: collapse;
  table-layout: fixed}
.rendered_html tr, .rendered_html th, .rendered_html td {text-align: right; vertical-align: middle;
  padding: 0.5em; line-height: normal; white-space: normal; max-width: none; border: none}
.rendered_html tbody tr:nth-child(odd) {background: #f5f5f5}
/* VS Code */
.vscode-body {color: var(--vscode-foreground)} .vscode-body a {color: var(--vscode-textLink-foreground)}
.vscode-body table {text-align: right} .vscode-body td, .vscode-body th {text-align: right}
/* GitHub */
.markdown-body {color: var(--fgColor-default)} .markdown-body a {color: var(--fgColor-accent)}
.markdown-body table tr {background-color: var(--bgColor-default); border-top: 1px solid var(--borderColor-muted)}
.markdown-body table tr:nth-child(2n) {background-color: var(--bgColor-muted)}
.markdown-body code {background-color: var(--bgColor-neutral-muted)}
"""

THEMES = {
    "light": {
        "jupyterlab": "--jp-layout-color0: white; --jp-layout-color2: #eee; --jp-content-font-color1: rgba(0,0,0,.87);"
        " --jp-ui-font-color1: rgba(0,0,0,.87); --jp-border-color1: #bdbdbd; --jp-border-color2: #e0e0e0;"
        " --jp-content-link-color: #0d47a1; --jp-rendermime-table-row-background: #cfd8dc; background: white",
        "notebook": "color: #000; background: #fff",
        "vscode": "--vscode-foreground: #616161; --vscode-textLink-foreground: #006ab1;"
        " --vscode-editorWidget-border: #c8c8c8; background: #ffffff",
        "github": "--fgColor-default: #1f2328; --fgColor-accent: #0969da; --bgColor-default: #ffffff;"
        " --bgColor-muted: #f6f8fa; --bgColor-neutral-muted: rgba(175,184,193,.2); --borderColor-muted: #d1d9e0b3;"
        " background: #ffffff",
    },
    "dark": {
        "jupyterlab": "--jp-layout-color0: #111; --jp-layout-color2: #424242; --jp-content-font-color1: #fff;"
        " --jp-ui-font-color1: rgba(255,255,255,.87); --jp-border-color1: #616161; --jp-border-color2: #424242;"
        " --jp-content-link-color: #64b5f6; --jp-rendermime-table-row-background: #212121; background: #111",
        "vscode": "--vscode-foreground: #cccccc; --vscode-textLink-foreground: #4daafc;"
        " --vscode-editorWidget-border: #313131; background: #1f1f1f",
        "github": "--fgColor-default: #f0f6fc; --fgColor-accent: #4493f8; --bgColor-default: #0d1117;"
        " --bgColor-muted: #151b23; --bgColor-neutral-muted: #656c7633; --borderColor-muted: #3d444db3;"
        " background: #0d1117",
    },
}
"""The colours of each host's theme: the variables its rules read, and the background of its output area.

JupyterLab's values are those of its 4.6 light and dark theme files; VS Code's
those of its default light and dark themes; GitHub's those of its light and
dark page colours. The classic notebook has no dark theme.
"""

CONTRAST = """
function rgba(text) {
  const parts = text.match(/rgba?\\(([^)]*)\\)/)[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
  return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
}
function over(top, bottom) {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
function behind(element) {
  const layers = [];
  for (let node = element; node; node = node.parentElement) {
    const color = rgba(getComputedStyle(node).backgroundColor);
    if (color[3] > 0) layers.push(color);
    if (color[3] >= 1) break;
  }
  let found = [255, 255, 255, 1];
  for (const layer of layers.reverse()) found = over(layer, found);
  return found;
}
function luminance(color) {
  const [r, g, b] = color.slice(0, 3).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(element) {
  let opacity = 1;
  for (let node = element; node; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
  const back = behind(element);
  const text = rgba(getComputedStyle(element).color);
  const seen = over([text[0], text[1], text[2], text[3] * opacity], back);
  const [light, dark] = [luminance(seen), luminance(back)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}
function lowContrast(root) {
  // Each element of root holding text with a contrast under 4.5:1 ([tag, class, text, ratio]); how many were measured.
  const found = [];
  let measured = 0;
  for (const element of root.querySelectorAll("*")) {
    const own = Array.from(element.childNodes).filter((node) => node.nodeType === 3 && node.textContent.trim());
    if (!own.length || !element.getClientRects().length) continue;
    measured += 1;
    const ratio = contrast(element);
    if (ratio < 4.5) {
      found.push([element.tagName.toLowerCase(), String(element.className), own[0].textContent.trim().slice(0, 40),
        Math.round(ratio * 100) / 100]);
    }
  }
  return [found, measured];
}
"""
"""The WCAG contrast of each text against what lies behind it (translucent layers composited), in JavaScript."""

PROBE = (
    CONTRAST
    + """
for (const details of document.querySelectorAll("details")) details.open = true;
const results = {};
for (const area of document.querySelectorAll(".area")) {
  const found = {aligned: [], runs: [], overflow: [], text: area.innerText};
  for (const cell of area.querySelectorAll("td, th, p, li, div.c5")) {
    found.aligned.push(getComputedStyle(cell).textAlign);
  }
  for (const run of area.querySelectorAll("del, ins")) {
    const style = getComputedStyle(run);
    found.runs.push([run.tagName.toLowerCase(), run.className, style.textDecorationLine]);
  }
  [found.contrast, found.measured] = lowContrast(area);
  const right = area.getBoundingClientRect().right;
  for (const box of area.querySelectorAll("*")) {
    if (box.getBoundingClientRect().right > right + 1) found.overflow.push(box.tagName + " " + box.className);
  }
  results[area.id] = found;
}
document.getElementById("result").textContent = JSON.stringify(results);
"""
)

HOSTS = {
    "jupyterlab": "jp-OutputArea-output jp-RenderedHTMLCommon jp-RenderedHTML",
    "notebook": "output_subarea output_html rendered_html",
    "vscode": "vscode-body output-html",
    "github": "markdown-body",
}


MODES = ("trusted", "untrusted", "unstyled")
"""How a host shows a fragment: as it is (a trusted notebook); without its ``<style>`` elements (an untrusted
notebook, whose sanitiser keeps style attributes); without any style at all (GitHub, nbviewer, a strict sanitiser)."""


def shown(fragment: str, mode: str) -> str:
    """The fragment as a host in *mode* shows it."""
    if mode != "trusted":
        fragment = re.sub(r"<style>.*?</style>", "", fragment, flags=re.DOTALL)
    if mode == "unstyled":
        fragment = re.sub(r' style="[^"]*"', "", fragment)
    return fragment


def probe(fragments: dict[str, str], tmp_path: Path) -> dict[str, dict[str, Any]]:
    """Load every fragment in every host's output area, in each theme, on one page; findings by view, host, theme."""
    areas = "".join(
        f'<div id="{view}/{host}/{theme}" class="area {HOSTS[host]}" style="width: {WIDTH}px; {variables}">'
        f"{fragment}</div>"
        for view, fragment in fragments.items()
        for theme, hosts in THEMES.items()
        for host, variables in hosts.items()
    )
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>' + HOST_RULES + "</style></head><body>"
        f'{areas}<pre id="result"></pre><script>{PROBE}</script></body></html>'
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert BROWSER is not None
    command = [BROWSER, *HEADLESS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", path.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    found = re.search(r'<pre id="result">(.*?)</pre>', done.stdout, flags=re.DOTALL)
    assert found, f"the browser gave no result: {done.stderr[-2000:]}"
    result: dict[str, dict[str, Any]] = json.loads(unescape(found.group(1)))
    return result


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, dict[str, Any]]]:
    """The findings for every view in every host and theme, by mode (see :data:`MODES`)."""
    fragments = views()
    return {
        mode: probe({view: shown(html, mode) for view, html in fragments.items()}, tmp_path_factory.mktemp(mode))
        for mode in MODES
    }


def later() -> object:
    points = list(MEETING_2020.points)
    points[0] = attrs.evolve(points[0], text=points[0].text.replace("serve the common", "advance the shared"))
    points[2] = attrs.evolve(points[2], themes=points[2].themes | {"energy", "mechanism"})
    points.append(Point(10, "all parties welcome the Global Security Initiative.", frozenset({"security"})))
    return attrs.evolve(MEETING_2020, id="cc5-later", venue="Xi'an", points=tuple(points))


VIEWS = ["meeting", "point", "diff", "series", "meetings"]


def views() -> dict[str, str]:
    """Every HTML view: a meeting (illustrative, with its banner), a point, a diff, a series, the meetings' table."""
    changes = diff(MEETING_2020, later())  # type: ignore[arg-type]
    illustrative = attrs.evolve(MEETING_2020, illustrative=True)
    return {
        "meeting": illustrative.to_html(),
        "point": MEETING_2020.points[2].to_html(),
        "diff": changes.to_html(),
        "series": compare([MEETING_2020, later(), *MEETINGS[1:2]]).to_html(),  # type: ignore[list-item]
        "meetings": MEETINGS._repr_html_(),
    }


AREAS = [f"{host}/{theme}" for theme, hosts in THEMES.items() for host in hosts]


@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("mode", ["trusted", "untrusted"])
def test_views_hold_in_notebook_hosts(
    view: str, area: str, mode: str, findings: dict[str, dict[str, dict[str, Any]]]
) -> None:
    """With or without its stylesheet: text stays left-aligned, runs keep their marks, nothing overflows."""
    found = findings[mode][f"{view}/{area}"]
    assert found["aligned"]
    assert set(found["aligned"]) <= {"left", "start"}, found["aligned"]
    for tag, classes, decoration in found["runs"]:
        if "c5-space" not in classes:
            assert decoration == ("underline" if tag == "ins" else "line-through")
    if view == "diff":
        assert {run[0] for run in found["runs"]} == {"del", "ins"}
    assert found["overflow"] == []


@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("mode", MODES)
def test_every_text_has_contrast(
    view: str, area: str, mode: str, findings: dict[str, dict[str, dict[str, Any]]]
) -> None:
    """Every piece of text, in the light and the dark theme, styled or not: contrast of at least 4.5 to 1 (WCAG AA)."""
    found = findings[mode][f"{view}/{area}"]
    assert found["measured"] > 3
    assert found["contrast"] == [], found["contrast"]


@pytest.mark.parametrize("view", ["meeting", "diff", "series"])
def test_untrusted_text_separates_every_label(view: str, findings: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Without any style the text still reads: theme labels and kinds apart."""
    text = findings["unstyled"][f"{view}/jupyterlab/light"]["text"]
    labels = sorted(MEETING_2020.themes | {"energy", "mechanism"})
    for first in labels:
        for second in labels:
            for joined in (first + second, f"{first}+{second}", f"{first}\u2212{second}"):
                assert joined not in text, joined
    if view == "diff":
        assert "+energy +mechanism" in text
        for kind in ("edited", "added", "unchanged"):
            assert re.search(rf"\b{kind}\b", text), kind


# Inside real JupyterLab: the views as the outputs of a notebook, trusted (signed) and untrusted, in the
# light and the dark theme, rendered by JupyterLab itself in headless Chromium (driven with Playwright).

HAS_JUPYTERLAB = (
    importlib.util.find_spec("jupyterlab") is not None and importlib.util.find_spec("playwright") is not None
)

IN_JUPYTERLAB = os.environ.get("C5STATEMENT_JUPYTERLAB") == "1"
"""Whether to run the test inside real JupyterLab: about a minute, so on request (the checks of ``.ci/run`` ask)."""


def _notebook(fragments: dict[str, str], name: str) -> str:
    """A notebook whose cells show *fragments* as HTML outputs, as a notebook saved after a run does."""
    nbformat: Any = importlib.import_module("nbformat")
    v4 = nbformat.v4

    notebook = v4.new_notebook(metadata={"title": name})  # two notebooks, two signatures
    for view, fragment in fragments.items():
        output = v4.new_output("display_data", data={"text/html": fragment, "text/plain": view})
        notebook.cells.append(v4.new_code_cell(f"# {view}", outputs=[output]))
    return str(nbformat.writes(notebook))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A JupyterLab server over a folder with the views in a trusted and an untrusted notebook; its address."""
    if not HAS_JUPYTERLAB:
        pytest.skip("JupyterLab or Playwright is not installed (both are in the test extra)")
    nbformat: Any = importlib.import_module("nbformat")
    notary_class: Any = importlib.import_module("nbformat.sign").NotebookNotary

    root = tmp_path_factory.mktemp("jupyterlab")
    data = root / "data"
    data.mkdir()
    for name in ("trusted", "untrusted"):
        (root / f"{name}.ipynb").write_text(_notebook(views(), name), encoding="utf-8")
    notary = notary_class(data_dir=str(data))
    trusted = nbformat.read(root / "trusted.ipynb", as_version=4)
    try:
        notary.sign(trusted)
    finally:
        notary.store.close()  # its SQLite connection, left open, warns wherever it is collected
    settings = root / "settings" / "@jupyterlab"
    for extension, name, values in (
        ("notebook-extension", "tracker", {"windowingMode": "none"}),
        ("apputils-extension", "notification", {"fetchNews": "false", "checkForUpdates": False}),
    ):
        (settings / extension).mkdir(parents=True, exist_ok=True)
        (settings / extension / f"{name}.jupyterlab-settings").write_text(json.dumps(values), encoding="utf-8")
    port = _free_port()
    environment = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(root / "settings"),
        "JUPYTER_DATA_DIR": str(data),
        "JUPYTER_RUNTIME_DIR": str(root / "runtime"),
        "JUPYTER_CONFIG_DIR": str(root / "config"),
    }
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        f"--port={port}",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.news_url=",
        *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
    ]
    server = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    address = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"{address}/api/status", timeout=1):  # noqa: S310 - our own local server
                    break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(
                        f"JupyterLab did not start: {server.stderr.read().decode()[-2000:] if server.stderr else ''}"
                    )
                time.sleep(0.25)
        yield address
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        if server.stderr is not None:
            server.stderr.close()


SHOWN = """
([path, count]) => {
  const panel = Array.from(window.jupyterapp.shell.widgets("main")).find((widget) => widget.context?.path === path);
  if (!panel) return false;
  window.jupyterapp.shell.activateById(panel.id);
  return panel.isVisible && panel.node.querySelectorAll(".jp-OutputArea-output .c5").length >= count;
}
"""

IN_NOTEBOOK = """
(path) => {
  const panel = Array.from(window.jupyterapp.shell.widgets("main")).find((widget) => widget.context?.path === path);
  for (const details of panel.node.querySelectorAll(".jp-OutputArea-output details")) details.open = true;
  let low = [];
  let measured = 0;
  for (const output of panel.node.querySelectorAll(".jp-OutputArea-output")) {
    const [found, count] = lowContrast(output);
    low = low.concat(found);
    measured += count;
  }
  return {low: low, measured: measured, styles: panel.node.querySelectorAll(".c5 style").length,
          trusted: panel.content.model.cells.get(0).trusted,
          background: getComputedStyle(document.body).getPropertyValue("--jp-layout-color0").trim()};
}
"""


@pytest.mark.skipif(not HAS_JUPYTERLAB, reason="JupyterLab or Playwright is not installed (both are in the test extra)")
@pytest.mark.skipif(
    not IN_JUPYTERLAB, reason="inside real JupyterLab only on request (about a minute): set C5STATEMENT_JUPYTERLAB=1"
)
def test_every_text_has_contrast_in_real_jupyterlab(jupyterlab: str) -> None:
    """In JupyterLab itself, light and dark, trusted and untrusted: every text of every view at least 4.5:1."""
    from playwright.sync_api import sync_playwright

    assert BROWSER is not None
    count = len(views())
    found: dict[str, Any] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=BROWSER, args=list(HEADLESS[1:]))
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(f"{jupyterlab}/lab/tree/trusted.ipynb")
            page.wait_for_function("() => window.jupyterapp !== undefined", timeout=90_000)
            page.evaluate("async () => { await window.jupyterapp.restored; }")
            page.add_script_tag(content=CONTRAST)
            for theme in ("JupyterLab Light", "JupyterLab Dark"):
                page.evaluate("(theme) => window.jupyterapp.commands.execute('apputils:change-theme', {theme})", theme)
                page.wait_for_function(
                    "(theme) => document.body.dataset.jpThemeName === theme && !document.body.dataset.jpThemeLoading",
                    arg=theme,
                    timeout=60_000,
                )
                for notebook in ("trusted", "untrusted"):
                    page.evaluate(
                        "(path) => window.jupyterapp.commands.execute('docmanager:open', {path})", f"{notebook}.ipynb"
                    )
                    page.wait_for_function(SHOWN, arg=[f"{notebook}.ipynb", count], timeout=60_000)
                    found[f"{theme}/{notebook}"] = page.evaluate(IN_NOTEBOOK, f"{notebook}.ipynb")
        finally:
            browser.close()
    assert set(found) == {
        f"{theme}/{notebook}"
        for theme in ("JupyterLab Light", "JupyterLab Dark")
        for notebook in ("trusted", "untrusted")
    }
    assert found["JupyterLab Dark/trusted"]["background"] == "#111"
    assert found["JupyterLab Light/trusted"]["styles"] > 0  # a trusted notebook keeps the views' <style>
    assert found["JupyterLab Light/untrusted"]["styles"] == 0  # an untrusted one loses it
    assert found["JupyterLab Light/trusted"]["trusted"]
    assert not found["JupyterLab Light/untrusted"]["trusted"]
    for key, result in found.items():
        assert result["measured"] > 50, key
        assert result["low"] == [], (key, result["low"])
