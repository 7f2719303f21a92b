"""Packaging: version, lazy import, public names, the wheel's contents, the schema."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import c5statement
from c5statement import MEETING_2020, InvalidStatementError, Meeting, from_dict, json_schema, to_dict, to_json
from c5statement._schema import packaged_schema
from c5statement.strategies import meetings

ROOT = Path(__file__).parent.parent


def run_python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.strip()


class TestImport:
    def test_version(self) -> None:
        """__version__ comes from the installed metadata."""
        from importlib.metadata import version

        assert c5statement.__version__ == version("c5statement")

    def test_import_is_lazy(self) -> None:
        """Importing the package reads no data and loads no diff, parse or render code."""
        loaded = run_python(
            "import sys, c5statement; print(sorted(m for m in sys.modules if m.startswith('c5statement')))"
        )
        modules = set(eval(loaded))  # noqa: S307 - our own subprocess's output
        assert "c5statement._data" not in modules
        assert not modules & {"c5statement._diff", "c5statement._parse", "c5statement._views", "c5statement._cli"}

    def test_first_access_loads_and_caches(self) -> None:
        """MEETING_2020 is read on first access, then the same object is returned."""
        out = run_python(
            "import sys, c5statement; a = c5statement.MEETING_2020; "
            "print('c5statement._data' in sys.modules, a is c5statement.MEETING_2020, len(a.points))"
        )
        assert out == "True True 9"

    def test_all_resolves(self) -> None:
        """Every name in __all__ exists, once."""
        assert len(set(c5statement.__all__)) == len(c5statement.__all__)
        for name in c5statement.__all__:
            assert getattr(c5statement, name) is not None

    def test_dir_lists_public_names(self) -> None:
        """dir() shows the public names, lazy ones included."""
        assert {"MEETING_2020", "diff", "__version__"} <= set(dir(c5statement))

    def test_unknown_attribute(self) -> None:
        """A misspelt name is an AttributeError, as for any module."""
        with pytest.raises(AttributeError, match="MEETING_2021"):
            _ = c5statement.MEETING_2021

    def test_py_typed(self) -> None:
        """The package declares that it is typed."""
        assert (Path(c5statement.__file__).parent / "py.typed").is_file()

    def test_strategies_need_hypothesis(self) -> None:
        """Without Hypothesis, importing the strategies says what to install."""
        code = (
            "import sys; sys.modules['hypothesis'] = None\n"
            "try:\n    import c5statement.strategies\n"
            "except ImportError as e:\n    print(e)"
        )
        assert 'pip install "c5statement[hypothesis]"' in run_python(code)


class TestWheel:
    def test_wheel_contains_the_data(self, tmp_path: Path) -> None:
        """A built wheel ships the JSON data, the schema and py.typed."""
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
            check=True,
            capture_output=True,
        )
        (wheel,) = tmp_path.glob("c5statement-*.whl")
        names = set(zipfile.ZipFile(wheel).namelist())
        assert {
            "c5statement/data/meeting_2020.json",
            "c5statement/data/schema.json",
            "c5statement/py.typed",
            "c5statement/__init__.py",
        } <= names
        entry_points = next(name for name in names if name.endswith("entry_points.txt"))
        assert "c5statement = c5statement._cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


VALIDATOR = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())


class TestSchema:
    def test_schema_is_valid(self) -> None:
        """The schema itself is a valid draft 2020-12 schema."""
        jsonschema.Draft202012Validator.check_schema(json_schema())

    def test_packaged_file_matches_the_classes(self) -> None:
        """The shipped schema.json is exactly what the classes generate."""
        assert packaged_schema() == json_schema()

    def test_2020_validates(self) -> None:
        """The canonical record validates."""
        VALIDATOR.validate(json.loads(to_json(MEETING_2020)))

    @given(meetings())
    def test_every_document_we_write_validates(self, meeting: Meeting) -> None:
        """Every generated record's JSON validates against the schema."""
        VALIDATOR.validate(json.loads(to_json(meeting)))

    def test_schema_and_classes_agree_on_fields(self) -> None:
        """Each class's fields are the schema's properties; required ones are those without defaults."""
        schema = json_schema()
        definitions: dict[str, Any] = {"Meeting": schema, **schema["$defs"]}
        for name, definition in definitions.items():
            cls = getattr(c5statement, name)
            fields = attrs.fields(cls)
            properties = [key for key in definition["properties"] if key != "format_version"]
            assert properties == [field.name for field in fields]
            required = {key for key in definition["required"] if key != "format_version"}
            assert required == {field.name for field in fields if field.default is attrs.NOTHING}
            assert definition["additionalProperties"] is False

    @given(meetings(max_points=3), st.data())
    def test_schema_rejects_what_the_loader_rejects(self, meeting: Meeting, data: st.DataObject) -> None:
        """A document with an unknown key, a missing key or a wrong type fails both the schema and the loader."""
        document = to_dict(meeting)
        breakage = data.draw(st.sampled_from(["unknown", "missing", "wrong-type", "bad-version"]))
        if breakage == "unknown":
            document["colour"] = "red"
        elif breakage == "missing":
            del document[data.draw(st.sampled_from(["id", "title", "level", "date", "format"]))]
        elif breakage == "wrong-type":
            key = data.draw(st.sampled_from(["title", "points", "illustrative", "date", "participants"]))
            document[key] = 12
        else:
            document["format_version"] = 2
        assert not VALIDATOR.is_valid(document)
        with pytest.raises(InvalidStatementError):
            from_dict(document, Meeting)


class TestSchemaAgreesOnEdges:
    @pytest.mark.parametrize(
        ("path", "value"),
        [
            (("points", 0, "themes"), ["trade\n"]),
            (("id",), "cc5-fmm-2020\n"),
            (("level",), "foreign-ministers\n"),
            (("sources", 1, "url"), "https://a.org\n"),
            (("sources", 1, "url"), "https://e.org/\u001b]0;x\u0007"),
            (("sources", 1, "url"), "https://e.org/\u009b31m"),
            (("fact_sources",), ["mfa-2020-07-17", "mfa-2020-07-17"]),
            (("title",), "a\u001b[2J title"),
            (("date",), "2020-07-16\n"),
        ],
    )
    def test_schema_and_loader_both_reject(self, path: tuple[str | int, ...], value: object) -> None:
        """Trailing newlines, control characters and repeated citations fail both checks."""
        document: Any = json.loads(to_json(MEETING_2020))
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        assert not VALIDATOR.is_valid(document)
        with pytest.raises(InvalidStatementError):
            from_dict(document, Meeting)
