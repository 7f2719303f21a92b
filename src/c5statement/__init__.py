"""c5statement: diplomatic joint statements of the "Central Asia plus one" formats as data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._display import on_first_view
from ._errors import InvalidStatementError, InvalidTypeError
from ._model import (
    DECISION_KINDS,
    FORMATS,
    ROLES,
    Coding,
    ContextNote,
    Decision,
    Meeting,
    Participant,
    Point,
    Quote,
    Source,
    Topic,
)

if TYPE_CHECKING:
    from ._align import Evidence, similarity
    from ._coding import Agreement, agreement, krippendorff_alpha, themes_in_scores
    from ._collection import Meetings
    from ._compare import Lineage, Series, compare
    from ._convert import FORMAT_VERSION, dump, fingerprint, from_dict, from_json, load, to_dict, to_json
    from ._data import meeting
    from ._diff import DEFAULT_THRESHOLD, FieldChange, PointChange, StatementDiff, diff
    from ._edits import WordEdit
    from ._embedding import EmbeddingSimilarity, embedding_similarity
    from ._json import JsonObject
    from ._lexicon import Concept, Lexicon, default_lexicon
    from ._parse import NoPointsFoundError, NumberingGapWarning, numbering_gaps, parse_points, skeleton, skeleton_json
    from ._schema import json_schema
    from ._suggest import suggest_themes, with_suggested_themes
    from ._terms import key_terms
    from ._themes import THEMES, Theme

    MEETING_2020: Meeting
    MEETINGS: Meetings
    __version__: str

# Heavier modules load on first use, so that `import c5statement` stays cheap.
_LAZY = {
    "Agreement": "._coding",
    "agreement": "._coding",
    "krippendorff_alpha": "._coding",
    "themes_in_scores": "._coding",
    "Concept": "._lexicon",
    "DEFAULT_THRESHOLD": "._diff",
    "EmbeddingSimilarity": "._embedding",
    "Evidence": "._align",
    "Lexicon": "._lexicon",
    "Meetings": "._collection",
    "FORMAT_VERSION": "._convert",
    "FieldChange": "._diff",
    "JsonObject": "._json",
    "Lineage": "._compare",
    "NoPointsFoundError": "._parse",
    "NumberingGapWarning": "._parse",
    "PointChange": "._diff",
    "Series": "._compare",
    "StatementDiff": "._diff",
    "THEMES": "._themes",
    "Theme": "._themes",
    "WordEdit": "._edits",
    "compare": "._compare",
    "default_lexicon": "._lexicon",
    "diff": "._diff",
    "dump": "._convert",
    "embedding_similarity": "._embedding",
    "fingerprint": "._convert",
    "from_dict": "._convert",
    "from_json": "._convert",
    "json_schema": "._schema",
    "key_terms": "._terms",
    "load": "._convert",
    "meeting": "._data",
    "numbering_gaps": "._parse",
    "parse_points": "._parse",
    "similarity": "._align",
    "skeleton": "._parse",
    "skeleton_json": "._parse",
    "suggest_themes": "._suggest",
    "to_dict": "._convert",
    "to_json": "._convert",
    "with_suggested_themes": "._suggest",
}

__all__ = [
    "DECISION_KINDS",
    "DEFAULT_THRESHOLD",
    "FORMATS",
    "FORMAT_VERSION",
    "MEETINGS",
    "MEETING_2020",
    "ROLES",
    "THEMES",
    "Agreement",
    "Coding",
    "Concept",
    "ContextNote",
    "Decision",
    "EmbeddingSimilarity",
    "Evidence",
    "FieldChange",
    "InvalidStatementError",
    "InvalidTypeError",
    "JsonObject",
    "Lexicon",
    "Lineage",
    "Meeting",
    "Meetings",
    "NoPointsFoundError",
    "NumberingGapWarning",
    "Participant",
    "Point",
    "PointChange",
    "Quote",
    "Series",
    "Source",
    "StatementDiff",
    "Theme",
    "Topic",
    "WordEdit",
    "agreement",
    "compare",
    "default_lexicon",
    "diff",
    "dump",
    "embedding_similarity",
    "fingerprint",
    "from_dict",
    "from_json",
    "json_schema",
    "key_terms",
    "krippendorff_alpha",
    "load",
    "meeting",
    "numbering_gaps",
    "parse_points",
    "similarity",
    "skeleton",
    "skeleton_json",
    "suggest_themes",
    "themes_in_scores",
    "to_dict",
    "to_json",
    "with_suggested_themes",
]


def _load_views() -> None:
    from importlib import import_module

    import_module("._render", __name__)  # registers the render functions of every class with views


# The views are drawn by the renderer, which loads on the first view asked for.
on_first_view(_load_views)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    if name == "MEETING_2020":
        from ._data import meeting_2020

        return meeting_2020()
    if name == "MEETINGS":
        from ._data import meetings

        return meetings()
    if name == "__version__":
        from importlib.metadata import version

        return version("c5statement")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])
