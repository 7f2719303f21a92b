"""c5statement: diplomatic joint statements of the "Central Asia plus one" formats as data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _model
from ._display import on_first_view
from ._errors import InvalidStatementError as InvalidStatementError
from ._errors import InvalidTypeError as InvalidTypeError
from ._model import (
    DECISION_KINDS as DECISION_KINDS,
)
from ._model import (
    FORMATS as FORMATS,
)
from ._model import (
    ROLES as ROLES,
)
from ._model import (
    Coding as Coding,
)
from ._model import (
    ContextNote as ContextNote,
)
from ._model import (
    Decision as Decision,
)
from ._model import (
    Meeting as Meeting,  # noqa: TC001 - a public name, re-exported
)
from ._model import (
    Participant as Participant,
)
from ._model import (
    Point as Point,
)
from ._model import (
    Quote as Quote,
)
from ._model import (
    Source as Source,
)
from ._model import (
    Topic as Topic,
)

if TYPE_CHECKING:
    # For type checkers: the names of _PUBLIC below that load on first use (a test keeps the two equal).
    from ._align import DEFAULT_THRESHOLD as DEFAULT_THRESHOLD
    from ._align import Evidence as Evidence
    from ._align import similarity as similarity
    from ._coding import Agreement as Agreement
    from ._coding import agreement as agreement
    from ._coding import krippendorff_alpha as krippendorff_alpha
    from ._coding import themes_in_scores as themes_in_scores
    from ._collection import Meetings as Meetings
    from ._compare import Lineage as Lineage
    from ._compare import Series as Series
    from ._compare import compare as compare
    from ._convert import (
        FORMAT_VERSION as FORMAT_VERSION,
    )
    from ._convert import (
        dump as dump,
    )
    from ._convert import (
        fingerprint as fingerprint,
    )
    from ._convert import (
        from_dict as from_dict,
    )
    from ._convert import (
        from_json as from_json,
    )
    from ._convert import (
        load as load,
    )
    from ._convert import (
        to_dict as to_dict,
    )
    from ._convert import (
        to_json as to_json,
    )
    from ._data import meeting as meeting
    from ._diff import (
        FieldChange as FieldChange,
    )
    from ._diff import (
        PointChange as PointChange,
    )
    from ._diff import (
        Provenance as Provenance,
    )
    from ._diff import (
        StatementDiff as StatementDiff,
    )
    from ._diff import (
        diff as diff,
    )
    from ._edits import WordEdit as WordEdit
    from ._embedding import EmbeddingSimilarity as EmbeddingSimilarity
    from ._embedding import embedding_similarity as embedding_similarity
    from ._fidelity import FidelityGap as FidelityGap
    from ._fidelity import fidelity as fidelity
    from ._json import JsonObject as JsonObject
    from ._languages import detect_language as detect_language
    from ._lexicon import Concept as Concept
    from ._lexicon import Lexicon as Lexicon
    from ._lexicon import default_lexicon as default_lexicon
    from ._parse import (
        NoPointsFoundError as NoPointsFoundError,
    )
    from ._parse import (
        NumberingGapWarning as NumberingGapWarning,
    )
    from ._parse import (
        numbering_gaps as numbering_gaps,
    )
    from ._parse import (
        parse_points as parse_points,
    )
    from ._parse import (
        skeleton as skeleton,
    )
    from ._parse import (
        skeleton_json as skeleton_json,
    )
    from ._schema import json_schema as json_schema
    from ._suggest import suggest_themes as suggest_themes
    from ._suggest import with_suggested_themes as with_suggested_themes
    from ._terms import key_terms as key_terms
    from ._themes import THEMES as THEMES
    from ._themes import Theme as Theme

    MEETING_2020: Meeting
    MEETINGS: Meetings
    __version__: str

_PUBLIC: dict[str, tuple[str, ...]] = {
    "._align": ("DEFAULT_THRESHOLD", "Evidence", "similarity"),
    "._coding": ("Agreement", "agreement", "krippendorff_alpha", "themes_in_scores"),
    "._collection": ("Meetings",),
    "._compare": ("Lineage", "Series", "compare"),
    "._convert": ("FORMAT_VERSION", "dump", "fingerprint", "from_dict", "from_json", "load", "to_dict", "to_json"),
    "._data": ("meeting",),
    "._diff": ("FieldChange", "PointChange", "Provenance", "StatementDiff", "diff"),
    "._edits": ("WordEdit",),
    "._embedding": ("EmbeddingSimilarity", "embedding_similarity"),
    "._errors": ("InvalidStatementError", "InvalidTypeError"),
    "._fidelity": ("FidelityGap", "fidelity"),
    "._json": ("JsonObject",),
    "._languages": ("detect_language",),
    "._lexicon": ("Concept", "Lexicon", "default_lexicon"),
    "._model": tuple(_model.__all__),  # the model is public whole: its __all__ is the list
    "._parse": (
        "NoPointsFoundError",
        "NumberingGapWarning",
        "numbering_gaps",
        "parse_points",
        "skeleton",
        "skeleton_json",
    ),
    "._schema": ("json_schema",),
    "._suggest": ("suggest_themes", "with_suggested_themes"),
    "._terms": ("key_terms",),
    "._themes": ("THEMES", "Theme"),
}
"""The public names, by the module that defines them: the one list that ``__all__`` and the lazy loading come from.

The names of ``_errors`` and ``_model`` are imported at once (above); the
others load on first use, so that ``import c5statement`` stays cheap.
"""

_DATA = ("MEETINGS", "MEETING_2020")
"""The packaged records, read on first access."""

_EAGER = ("._errors", "._model")
_LAZY = {name: module for module, names in _PUBLIC.items() if module not in _EAGER for name in names}

__all__ = sorted(name for names in (*_PUBLIC.values(), _DATA) for name in names)  # noqa: PLE0605 - derived from _PUBLIC


def _load_views() -> None:
    from importlib import import_module

    import_module("._views", __name__)  # registers the render functions of every class and format


# The views are drawn by the views package (_views), which loads on the first view asked for.
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
