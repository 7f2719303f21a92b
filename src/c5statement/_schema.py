"""A JSON Schema (draft 2020-12) of the document format, generated from the classes.

The schema is derived from the attrs classes and the constraints recorded in their
field metadata, so the two cannot drift apart; the packaged copy
(``c5statement/data/schema.json``) is checked against the generated one by the
tests. Rules that JSON Schema cannot express (ascending point numbers, unique
countries, citations that resolve) are enforced when loading and listed in the
schema's ``description``.
"""

from __future__ import annotations

import datetime
import json
import pkgutil
import types
import typing
from typing import Any, Literal

import attrs

from ._convert import FORMAT_VERSION
from ._model import Meeting

__all__ = ["SCHEMA_ID", "json_schema", "packaged_schema"]

SCHEMA_ID = f"urn:c5statement:schema:meeting:v{FORMAT_VERSION}"

_DRAFT = "https://json-schema.org/draft/2020-12/schema"

_RULES = (
    "Rules checked on loading that the schema cannot express: point numbers are unique and "
    "ascending; participants are unique by country and by person_id, and at most one has the role 'chair'; "
    "a point's continues links do not name its own meeting; a video meeting has no city; points_total is at "
    "least the highest point number; "
    "source ids are unique and every cited source id is defined in 'sources'; texts are not "
    "blank, are valid Unicode and do not begin with the placeholder marker '<FILL IN'; dates "
    "are real calendar dates."
)


def _merge(schema: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(schema)
    for key, value in extra.items():
        if key == "items" and "items" in merged:
            merged["items"] = {**merged["items"], **value}
        else:
            merged[key] = value
    return merged


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def for_type(self, tp: Any, extra: dict[str, Any]) -> dict[str, Any]:  # noqa: C901, PLR0911 - one branch per kind
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            options = [arg for arg in args if arg is not type(None)]
            branches = [self.for_type(arg, extra) for arg in options]
            if len(options) < len(args):
                branches.append({"type": "null"})
            return {"anyOf": branches}
        if origin is Literal:
            return {"enum": list(args)}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:  # noqa: PLR2004 - tuple[X, ...]
            return _merge({"type": "array", "items": self.for_type(args[0], {})}, extra)
        if origin is frozenset:
            return _merge({"type": "array", "items": self.for_type(args[0], {}), "uniqueItems": True}, extra)
        if tp is Any:
            return {}
        if tp is str:
            return _merge({"type": "string"}, extra)
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return _merge({"type": "integer"}, extra)
        if tp is float:
            return _merge({"type": "number"}, extra)
        if tp is datetime.date:
            return {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?![\s\S])"}
        if isinstance(tp, type) and attrs.has(tp):
            self.define(tp)
            return {"$ref": f"#/$defs/{tp.__name__}"}
        msg = f"no JSON Schema for type {tp!r}"
        raise TypeError(msg)

    def object_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties = {}
        required = []
        for field in attrs.fields(cls):
            extra = field.metadata.get("schema", {})
            properties[field.name] = self.for_type(hints[field.name], extra)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        schema: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        doc = (cls.__doc__ or "").strip().splitlines()
        if doc:
            schema["description"] = doc[0]
        return schema

    def define(self, cls: type) -> None:
        if cls.__name__ not in self.defs:
            self.defs[cls.__name__] = {}  # reserve the name before recursing
            self.defs[cls.__name__] = self.object_schema(cls)


def json_schema(cls: type = Meeting) -> dict[str, Any]:
    """Return the JSON Schema of a document holding a *cls* (by default a :class:`Meeting`).

    Every document that :func:`c5statement.to_json` writes validates against it.

    Example:
        >>> schema = json_schema()
        >>> schema["properties"]["format_version"]
        {'const': 1}
        >>> sorted(schema["required"])[:3]
        ['date', 'format', 'format_version']
    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        msg = f"no schema for {cls!r}: not a c5statement class"
        raise TypeError(msg)
    builder = _Builder()
    top = builder.object_schema(cls)
    top["properties"] = {"format_version": {"const": FORMAT_VERSION}, **top["properties"]}
    top["required"] = ["format_version", *top["required"]]
    schema: dict[str, Any] = {"$schema": _DRAFT}
    if cls is Meeting:
        schema["$id"] = SCHEMA_ID
    schema["title"] = f"c5statement {cls.__name__} document, format version {FORMAT_VERSION}"
    schema.update(top)
    schema["description"] = (
        f"{top.get('description', '')} {_RULES}".strip() if cls is Meeting else top.get("description", "")
    )
    defs = {name: builder.defs[name] for name in sorted(builder.defs) if name != cls.__name__}
    if defs:
        schema["$defs"] = defs
    return schema


def packaged_schema() -> dict[str, Any]:
    """Return the schema shipped as ``c5statement/data/schema.json``.

    Tools in other languages can read that file directly.

    Example:
        >>> packaged_schema() == json_schema()
        True
    """
    data = pkgutil.get_data("c5statement", "data/schema.json")
    if data is None:  # pragma: no cover - only a broken installation lacks it
        msg = "c5statement/data/schema.json is missing from the installation"
        raise FileNotFoundError(msg)
    result: dict[str, Any] = json.loads(data)
    return result
