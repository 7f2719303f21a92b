"""The examples run as they are, their data is labelled, and the docs cover the public names."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import c5statement
from c5statement import MEETING_2020, Meeting, load, parse_points

if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = EXAMPLES / "data"
DOCS = ROOT / "docs"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))
HTML_VIEW = "html-view"

pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="the examples are not part of this checkout")


def import_script(path: Path) -> ModuleType:
    """Import an example script as a module, without running its ``main``."""
    spec = importlib.util.spec_from_file_location(f"example_{path.stem}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestScripts:
    def test_there_are_scripts(self) -> None:
        """The examples folder holds the scripts the docs mention."""
        assert {path.name for path in SCRIPTS} >= {"later_statement.py", "series.py", "parse_text.py"}

    @pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
    def test_runs_as_it_is(self, script: Path, tmp_path: Path) -> None:
        """Each script runs from any folder, exits 0, prints something and writes nothing to stderr."""
        env = {key: value for key, value in os.environ.items() if key not in {"NO_COLOR", "FORCE_COLOR"}}
        env["PYTHONIOENCODING"] = "utf-8"
        result = subprocess.run(
            [sys.executable, os.fspath(script)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=tmp_path,
            env=env,
            check=False,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert result.stdout.strip()
        assert "\x1b[" not in result.stdout

    def test_later_statement_matches_its_data(self) -> None:
        """``later_statement.py`` builds exactly the record saved in ``data/fmm-2021-illustrative.json``."""
        module = import_script(EXAMPLES / "later_statement.py")
        assert module.build_2021() == load(DATA / "fmm-2021-illustrative.json")

    def test_later_statement_saves(self, tmp_path: Path) -> None:
        """``later_statement.py --save PATH`` writes a record that loads back equal."""
        module = import_script(EXAMPLES / "later_statement.py")
        assert module.main(["--save", os.fspath(tmp_path / "2021.json")]) == 0
        assert load(tmp_path / "2021.json") == module.build_2021()

    def test_parsed_text_matches_its_data(self) -> None:
        """The illustrative 2024 text parses into the points of the illustrative 2024 record."""
        text = (DATA / "fmm-2024-illustrative.txt").read_text(encoding="utf-8")
        record: Meeting = load(DATA / "fmm-2024-illustrative.json")
        parsed = parse_points(text)
        assert [(point.number, point.text) for point in parsed] == [
            (point.number, point.text) for point in record.points
        ]


class TestExampleData:
    @pytest.mark.parametrize("path", sorted(DATA.glob("*.json")), ids=lambda path: path.name)
    def test_valid_and_illustrative(self, path: Path) -> None:
        """Every example record loads and is labelled illustrative, in its data and in its notes."""
        record: Meeting = load(path)
        assert isinstance(record, Meeting)
        assert record.illustrative is True
        assert json.loads(path.read_text(encoding="utf-8"))["illustrative"] is True
        assert any("illustrative" in note.lower() for note in record.notes)
        assert "illustrative" in record.id
        assert "illustrative" in record.title

    @pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda path: path.name)
    def test_texts_say_they_are_illustrative(self, path: Path) -> None:
        """Every example text begins by saying that it is illustrative."""
        assert path.read_text(encoding="utf-8").startswith("ILLUSTRATIVE TEXT")

    def test_facts_match_the_sources(self) -> None:
        """The real facts in the examples match what is reported (FACTS.md): dates, places, chairs."""
        facts = {
            "fmm-2021-illustrative.json": ("2021-05-12", "Xi'an, China", "Wang Yi", "in-person"),
            "fmm-2024-illustrative.json": ("2024-12-01", "Chengdu, China", "Wang Yi", "in-person"),
        }
        for name, (date, venue, chair, form) in facts.items():
            record: Meeting = load(DATA / name)
            assert record.chair is not None
            assert (record.date.isoformat(), record.venue, record.chair.person, record.format) == (
                date,
                venue,
                chair,
                form,
            )

    def test_canonical_record_is_not_illustrative(self) -> None:
        """Only the packaged 2020 record is canonical."""
        assert MEETING_2020.illustrative is False


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
class TestNotebooks:
    def test_stored_without_outputs(self, notebook: Path) -> None:
        """Notebooks are kept without outputs, so that what runs is what is stored."""
        nbformat = pytest.importorskip("nbformat")
        document = nbformat.read(notebook, as_version=4)
        for cell in document.cells:
            if cell.cell_type == "code":
                assert cell.outputs == []
                assert cell.execution_count is None

    def test_runs_on_a_kernel_and_shows_html(self, notebook: Path) -> None:
        """The notebook runs on a real kernel without error; its view cells display HTML."""
        nbformat = pytest.importorskip("nbformat")
        nbclient = pytest.importorskip("nbclient")
        pytest.importorskip("ipykernel")
        document = nbformat.read(notebook, as_version=4)
        client = nbclient.NotebookClient(
            document,
            timeout=300,
            kernel_name="python3",
            resources={"metadata": {"path": os.fspath(EXAMPLES)}},
        )
        client.execute()
        views = [cell for cell in document.cells if HTML_VIEW in cell.metadata.get("tags", [])]
        assert len(views) >= 3
        for cell in views:
            html = [output for output in cell.outputs if "text/html" in output.get("data", {})]
            assert html, f"no HTML view for: {cell.source}"
        errors = [
            output for cell in document.cells for output in cell.get("outputs", []) if output.output_type == "error"
        ]
        assert errors == []


class TestDocs:
    def test_api_reference_covers_every_public_name(self) -> None:
        """``docs/api.md`` documents every name in ``c5statement.__all__``."""
        text = (DOCS / "api.md").read_text(encoding="utf-8")
        documented = set(re.findall(r"c5statement\.([A-Za-z_][A-Za-z0-9_]*)", text))
        assert set(c5statement.__all__) - documented == set()

    def test_strategies_are_documented(self) -> None:
        """The strategies module has its reference page."""
        assert ".. automodule:: c5statement.strategies" in (DOCS / "api-strategies.md").read_text(encoding="utf-8")

    def test_citing_page_has_the_current_fingerprint(self) -> None:
        """The fingerprint quoted in the docs is the packaged record's (the doctest build checks it too)."""
        text = (DOCS / "citing.md").read_text(encoding="utf-8")
        assert c5statement.fingerprint(MEETING_2020) in text
