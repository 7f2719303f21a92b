"""Validation: one checker, one wording per reason, field rules declared once in field metadata.

Every class of the package validates itself when it is built. Each field names
its rule in its metadata (:func:`rule`), next to the JSON Schema constraints
that say the same for other languages; :class:`Validated` runs those rules,
then the class's own ``_check`` for the rules that span several fields. All
problems are reported at once, with paths relative to the object being built.

The kind of error is decided by the checks that failed, never by the wording of
a message: a value of the wrong type makes the error an
:class:`~c5statement.InvalidTypeError` (also a ``TypeError``); every other
problem gives a plain :class:`~c5statement.InvalidStatementError`.
"""

from __future__ import annotations

import datetime
import math
import re
import sys
import typing
from typing import TYPE_CHECKING, Any

import attrs

from ._chars import ANY_CONTROLS, CONTROL_CHARACTERS
from ._countries import COUNTRY_CODES
from ._errors import MAX_PROBLEMS, InvalidStatementError, InvalidTypeError, Problem, shorten, shown
from ._json import MAX_INTEGER
from ._slugs import SLUG_PATTERN, is_slug

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterator

__all__ = [
    "CODE_PATTERN",
    "FINGERPRINT_PATTERN",
    "PLACEHOLDER",
    "POINT_REF_PATTERN",
    "URL_PATTERN",
    "WIKIDATA_PATTERN",
    "Checker",
    "Validated",
    "check_partial",
    "has_surrogate",
    "real",
    "rule",
    "type_name",
]

PLACEHOLDER = "<FILL IN"
"""Texts that begin so are placeholders of a skeleton, left for a person to fill in."""

FINGERPRINT_PATTERN = r"^[0-9a-f]{64}$"
"""A SHA-256 fingerprint, in lowercase hexadecimal."""

URL_PATTERN = rf"^https?://[^\s{ANY_CONTROLS}]+(?![\s\S])"

CODE_PATTERN = r"^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*(?![\s\S])"
"""A code of a coding scheme: letters and digits, with single dots, hyphens or underscores between (``per103_1``)."""

POINT_REF_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*#[1-9][0-9]{0,5}(?![\s\S])"
"""A reference to a point of a meeting: ``meeting-id#number`` (``cc5-fmm-2020#3``)."""

WIKIDATA_PATTERN = r"^Q[1-9][0-9]{0,11}(?![\s\S])"
"""A Wikidata item id: ``Q`` and a number (``Q42``)."""

_CONTROL = re.compile(f"[{re.escape(CONTROL_CHARACTERS)}]")

# Stand-ins for required fields that failed to load (see check_partial): valid values,
# so that the rules over the other fields run as they would.
_NEUTRAL: dict[Any, Any] = {str: "x", int: 1, bool: False, datetime.date: datetime.date(2000, 1, 1), tuple: ()}


def has_surrogate(value: str) -> bool:
    """Whether *value* holds a lone surrogate (U+D800 to U+DFFF), which is not valid Unicode and cannot be written.

    Example:
        >>> has_surrogate("ok"), has_surrogate("bad " + chr(0xD800))
        (False, True)
    """
    if value.isascii():
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_SURROGATE = "contains a lone surrogate, which is not valid Unicode"


def type_name(value: object) -> str:
    """The name a problem gives the type of *value*: the Python type's name, ``None`` for ``None``.

    Example:
        >>> type_name("1"), type_name([]), type_name(None)
        ('str', 'list', 'None')
    """
    return "None" if value is None else type(value).__name__


def _finite(value: float) -> bool:
    """Whether *value* is a finite number that a float holds (an int beyond the float range is not)."""
    return abs(value) <= _FLOAT_MAX if isinstance(value, int) else math.isfinite(value)


_FLOAT_MAX = int(sys.float_info.max)


def real(value: float) -> float:
    """Normalise a number to a plain float (``1`` to ``1.0``, ``-0.0`` to ``0.0``), so equal values write equal JSON.

    Anything that is not a number (a bool or a string, for one) is returned as is,
    for the class's validation to reject with the other problems it finds.

    Example:
        >>> real(1), real(-0.0), real("1")
        (1.0, 0.0, '1')
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if isinstance(value, int) and abs(value) > MAX_INTEGER:
        return value
    return float(value) + 0.0


class Checker:
    """Collects problems, and raises them together.

    Attributes:
        problems: The ``(path, reason)`` pairs found so far: at most
            :data:`~c5statement._errors.MAX_PROBLEMS` of them.
        omitted: How many more problems were found and not kept.
        wrong_type: Whether some value had the wrong type (the error is then
            an :class:`~c5statement.InvalidTypeError`).
        defer: Whether rules across fields wait (set while some fields of the
            object failed to load, so that their stand-ins are not judged).

    Example:
        >>> check = Checker()
        >>> check.integer("$.number", 0, minimum=1)
        >>> check.problems, check.wrong_type
        ([('$.number', 'must be a positive integer, got 0')], False)
    """

    def __init__(self, *, defer: bool = False) -> None:
        self.problems: list[Problem] = []
        self.omitted = 0
        self.wrong_type = False
        self.defer = defer

    @property
    def cross_field(self) -> bool:
        """Whether rules across fields run: every field loaded, and each has the right type.

        Example:
            >>> Checker(defer=True).cross_field
            False
        """
        return not (self.defer or self.wrong_type)

    def type_error(self, path: str, expected: str, value: object) -> None:
        """Record a value of the wrong type: ``must be EXPECTED, got TYPE``.

        Example:
            >>> check = Checker()
            >>> check.type_error("$.text", "a string", 3)
            >>> check.problems, check.wrong_type
            ([('$.text', 'must be a string, got int')], True)
        """
        self.wrong_type = True
        self.invalid(path, f"must be {expected}, got {type_name(value)}")

    def invalid(self, path: str, reason: str) -> None:
        """Record a value of the right type that breaks a rule.

        Example:
            >>> check = Checker()
            >>> check.invalid("$", "is wrong")
            >>> check.problems
            [('$', 'is wrong')]
        """
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append((path, reason))
        else:
            self.omitted += 1

    def string(self, path: str, value: object) -> None:
        """Any string, even an empty one.

        Example:
            >>> check = Checker()
            >>> check.string("$.new_text", None)
            >>> check.problems
            [('$.new_text', 'must be a string, got None')]
        """
        if not isinstance(value, str):
            self.type_error(path, "a string", value)
        elif has_surrogate(value):
            self.invalid(path, _SURROGATE)

    def text(self, path: str, value: object) -> None:
        """A text: not blank, not a placeholder, no control characters, valid Unicode.

        Example:
            >>> check = Checker()
            >>> check.text("$.title", " ")
            >>> check.problems
            [('$.title', 'must not be blank')]
        """
        if not isinstance(value, str):
            self.type_error(path, "a string", value)
        elif not value.strip():
            self.invalid(path, "must not be blank")
        elif value.startswith(PLACEHOLDER):
            self.invalid(path, f"placeholder not filled in: {shorten(value, 300)}")
        elif found := _CONTROL.search(value):
            code = f"U+{ord(found.group()):04X}"
            self.invalid(path, f"contains the control character {code} at offset {found.start()}")
        elif has_surrogate(value):
            self.invalid(path, _SURROGATE)

    def integer(self, path: str, value: object, *, minimum: int | None = None) -> None:
        """An integer (not a bool), at most :data:`MAX_INTEGER` in size and at least *minimum*.

        Example:
            >>> check = Checker()
            >>> check.integer("$.old_start", -1, minimum=0)
            >>> check.problems
            [('$.old_start', 'must not be negative, got -1')]
        """
        if not isinstance(value, int) or isinstance(value, bool):
            self.type_error(path, "an integer", value)
        elif minimum == 1 and value < 1:
            self.invalid(path, f"must be a positive integer, got {value}")
        elif minimum is not None and value < minimum:
            self.invalid(path, f"must not be negative, got {value}" if minimum == 0 else f"must be at least {minimum}")
        elif abs(value) > MAX_INTEGER:
            self.invalid(path, f"must be at most {MAX_INTEGER} in size (2**53 - 1)")

    def positive(self, path: str, value: object) -> None:
        """A positive integer (1 or more).

        Example:
            >>> check = Checker()
            >>> check.positive("$.nearest", 0)
            >>> check.problems, check.wrong_type
            ([('$.nearest', 'must be a positive integer, got 0')], False)
        """
        self.integer(path, value, minimum=1)

    def natural(self, path: str, value: object) -> None:
        """An integer that is not negative (an offset).

        Example:
            >>> check = Checker()
            >>> check.natural("$.old_end", 3)
            >>> check.problems
            []
        """
        self.integer(path, value, minimum=0)

    def boolean(self, path: str, value: object) -> None:
        """A bool.

        Example:
            >>> check = Checker()
            >>> check.boolean("$.moved", 1)
            >>> check.problems
            [('$.moved', 'must be a boolean, got int')]
        """
        if not isinstance(value, bool):
            self.type_error(path, "a boolean", value)

    def fraction(self, path: str, value: object) -> None:
        """A finite number from 0 to 1.

        Example:
            >>> check = Checker()
            >>> check.fraction("$.similarity", 1.5)
            >>> check.problems, check.wrong_type
            ([('$.similarity', 'must be from 0 to 1, got 1.5')], False)
        """
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.type_error(path, "a number", value)
        elif not (0 <= value <= 1 and (isinstance(value, int) or math.isfinite(value))):  # no float() of a huge int
            self.invalid(
                path,
                f"must be from 0 to 1, got {value!r}"
                if isinstance(value, float) or abs(value) < 10**20
                else "must be from 0 to 1",
            )

    def date(self, path: str, value: object) -> None:
        """A :class:`datetime.date` (not a datetime).

        Example:
            >>> check = Checker()
            >>> check.date("$.date", "2020-07-16")
            >>> check.problems
            [('$.date', 'must be a datetime.date, got str')]
        """
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            self.type_error(path, "a datetime.date", value)

    def one_of(self, path: str, value: object, choices: Collection[str]) -> None:
        """One of the strings *choices*.

        Example:
            >>> check = Checker()
            >>> check.one_of("$.op", "swap", ("insert", "delete"))
            >>> check.problems
            [('$.op', "'swap' is not one of insert, delete")]
        """
        if not isinstance(value, str):
            self.type_error(path, "a string", value)
        elif value not in choices:
            choices_shown = sorted(choices) if isinstance(choices, (set, frozenset)) else choices
            self.invalid(path, f"{shown(value)} is not one of {', '.join(choices_shown)}")

    def _string_that(self, path: str, value: object, fits: Callable[[str], object], what: str) -> None:
        """A string that *fits* (a true result); otherwise the problem says it "is not *what*"."""
        if not isinstance(value, str):
            self.type_error(path, "a string", value)
        elif not fits(value):
            self.invalid(path, f"{shown(value)} is not {what}")

    def country(self, path: str, value: object) -> None:
        """An ISO 3166-1 alpha-2 country code (``"EU"`` for the European Union).

        Example:
            >>> check = Checker()
            >>> check.country("$.country", "KAZ")
            >>> check.problems
            [('$.country', "'KAZ' is not an ISO 3166-1 alpha-2 country code")]
        """
        self._string_that(path, value, COUNTRY_CODES.__contains__, "an ISO 3166-1 alpha-2 country code")

    def fingerprint(self, path: str, value: object) -> None:
        """A SHA-256 hex digest, as :func:`c5statement.fingerprint` gives: 64 lowercase hexadecimal digits.

        Example:
            >>> check = Checker()
            >>> check.fingerprint("$.old", "abc")
            >>> check.problems[0][1]
            "'abc' is not a SHA-256 fingerprint (64 lowercase hexadecimal digits)"
        """
        what = "a SHA-256 fingerprint (64 lowercase hexadecimal digits)"
        self._string_that(path, value, re.compile(FINGERPRINT_PATTERN).fullmatch, what)

    def slug(self, path: str, value: object) -> None:
        """A lowercase slug, like ``belt-and-road``.

        Example:
            >>> check = Checker()
            >>> check.slug("$.id", "Belt")
            >>> check.problems[0][1][:30]
            "'Belt' is not a lowercase slug"
        """
        what = "a lowercase slug (letters, digits and single hyphens, like 'belt-and-road')"
        self._string_that(path, value, is_slug, what)

    def url(self, path: str, value: object) -> None:
        """An http(s) URL without spaces or control characters.

        Example:
            >>> check = Checker()
            >>> check.url("$.url", "ftp://example.org")
            >>> check.problems[0][1]
            "'ftp://example.org' is not an http(s) URL (no spaces or control characters)"
        """
        if not isinstance(value, str):
            self.type_error(path, "a string", value)
        elif value.startswith(PLACEHOLDER):
            self.invalid(path, f"placeholder not filled in: {shorten(value, 300)}")
        elif has_surrogate(value):
            self.invalid(path, _SURROGATE)
        elif not re.fullmatch(URL_PATTERN, value):
            self.invalid(path, f"{shown(value)} is not an http(s) URL (no spaces or control characters)")

    def instance(self, path: str, value: object, cls: type) -> None:
        """An instance of *cls*.

        Example:
            >>> check = Checker()
            >>> check.instance("$.old", 3, str)
            >>> check.problems
            [('$.old', 'must be a str, got int')]
        """
        if not isinstance(value, cls):
            self.type_error(path, f"a {cls.__name__}", value)

    def items(self, path: str, value: object, kind: type) -> Iterator[tuple[str, Any]]:
        """Yield ``(path, item)`` for a tuple (or a frozenset, if *kind* is frozenset, in a stable order).

        Example:
            >>> list(Checker().items("$.notes", ("a",), tuple))
            [('$.notes[0]', 'a')]
        """
        if not isinstance(value, kind):
            self.type_error(path, f"a {kind.__name__}", value)
            return
        collection: Any = value
        elements = sorted(collection, key=repr) if kind is frozenset else collection
        for index, item in enumerate(elements):
            yield (f"{path}[{index}]", item)

    def texts(self, path: str, value: object) -> None:
        """A tuple of texts.

        Example:
            >>> check = Checker()
            >>> check.texts("$.notes", ("a", ""))
            >>> check.problems
            [('$.notes[1]', 'must not be blank')]
        """
        for item_path, item in self.items(path, value, tuple):
            self.text(item_path, item)

    def themes(self, path: str, value: object) -> None:
        """A frozenset of slugs; a bad one is named by value (a set has no order of its own).

        Example:
            >>> check = Checker()
            >>> check.themes("$.themes", ["trade"])
            >>> check.problems
            [('$.themes', 'must be a frozenset, got list')]
        """
        for _, item in self.items(path, value, frozenset):
            self.slug(path, item)

    def strings(self, path: str, value: object) -> None:
        """A frozenset of strings.

        Example:
            >>> check = Checker()
            >>> check.strings("$.themes_gained", frozenset({1}))
            >>> check.problems
            [('$.themes_gained', 'must be a frozenset of strings')]
        """
        if not isinstance(value, frozenset) or not all(isinstance(item, str) for item in value):
            self.wrong_type = True
            self.invalid(path, "must be a frozenset of strings")
        elif any(has_surrogate(item) for item in value):
            self.invalid(path, _SURROGATE)

    def source_ids(self, path: str, value: object) -> None:
        """A tuple of source ids (slugs), each once.

        Example:
            >>> check = Checker()
            >>> check.source_ids("$.sources", ("mfa", "mfa"))
            >>> check.problems
            [('$.sources', 'lists a source more than once')]
        """
        for item_path, item in self.items(path, value, tuple):
            self.slug(item_path, item)
        if isinstance(value, tuple) and len(set(value)) != len(value):
            self.invalid(path, "lists a source more than once")

    def _unique_matching(self, path: str, value: object, pattern: str, what: str) -> None:
        """A tuple of strings matching *pattern*, each once."""
        for item_path, item in self.items(path, value, tuple):
            if not isinstance(item, str):
                self.type_error(item_path, "a string", item)
            elif not re.fullmatch(pattern, item):
                self.invalid(item_path, f"{shown(item)} is not {what}")
        if isinstance(value, tuple) and len(set(value)) != len(value):
            self.invalid(path, "lists an item more than once")

    def slugs(self, path: str, value: object) -> None:
        """A tuple of slugs (concept ids), each once.

        Example:
            >>> check = Checker()
            >>> check.slugs("$.concepts", ("health", "Health"))
            >>> check.problems
            [('$.concepts[1]', "'Health' is not a lowercase slug (letters, digits and single hyphens)")]
        """
        self._unique_matching(path, value, SLUG_PATTERN, "a lowercase slug (letters, digits and single hyphens)")

    def point_refs(self, path: str, value: object) -> None:
        """A tuple of point references ``meeting-id#number``, each once.

        Example:
            >>> check = Checker()
            >>> check.point_refs("$.continues", ("cc5-fmm-2020#3", "cc5-fmm-2020-3"))
            >>> check.problems
            [('$.continues[1]', "'cc5-fmm-2020-3' is not a point reference 'meeting-id#number', like 'cc5-fmm-2020#3'")]
        """
        self._unique_matching(
            path, value, POINT_REF_PATTERN, "a point reference 'meeting-id#number', like 'cc5-fmm-2020#3'"
        )

    def codes(self, path: str, value: object) -> None:
        """A frozenset of codes (:data:`CODE_PATTERN`); a bad one is named by value.

        Example:
            >>> check = Checker()
            >>> check.codes("$.codes", frozenset({"19.1", "per103_1", "a b"}))
            >>> check.problems
            [('$.codes', "'a b' is not a code (letters and digits, with single dots, hyphens or underscores between)")]
        """
        for _, item in self.items(path, value, frozenset):
            if not isinstance(item, str):
                self.type_error(path, "a frozenset of strings", item)
            elif not re.fullmatch(CODE_PATTERN, item):
                what = "a code (letters and digits, with single dots, hyphens or underscores between)"
                self.invalid(path, f"{shown(item)} is not {what}")

    def wikidata(self, path: str, value: object) -> None:
        """A Wikidata item id (:data:`WIKIDATA_PATTERN`).

        Example:
            >>> check = Checker()
            >>> check.wikidata("$.wikidata", "42")
            >>> check.problems
            [('$.wikidata', "'42' is not a Wikidata item id, like 'Q42'")]
        """
        self._string_that(path, value, re.compile(WIKIDATA_PATTERN).fullmatch, "a Wikidata item id, like 'Q42'")

    def numbers(self, path: str, value: object) -> None:
        """A tuple of point numbers (1 or more), each once, in ascending order.

        Example:
            >>> check = Checker()
            >>> check.numbers("$.also", (3, 2))
            >>> check.problems
            [('$.also', 'must list each number once, in ascending order')]
        """
        for item_path, item in self.items(path, value, tuple):
            self.positive(item_path, item)
        if not self.problems and isinstance(value, tuple) and list(value) != sorted(set(value)):
            self.invalid(path, "must list each number once, in ascending order")

    def weight(self, path: str, value: object) -> None:
        """A finite real number, 0 or more.

        Example:
            >>> check = Checker()
            >>> check.weight("$.weight", -1.0)
            >>> check.problems
            [('$.weight', 'must be 0 or more, got -1.0')]
        """
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.type_error(path, "a number", value)
        elif value < 0 or not _finite(value):
            shown_value = (
                repr(value) if isinstance(value, float) or _finite(value) else "an integer too large for a float"
            )
            self.invalid(path, f"must be 0 or more, got {shown_value}")

    def objects(self, path: str, value: object, cls: type) -> None:
        """A tuple of *cls* instances.

        Example:
            >>> check = Checker()
            >>> check.objects("$.points", ("a",), int)
            >>> check.problems
            [('$.points[0]', 'must be a int, got str')]
        """
        for item_path, item in self.items(path, value, tuple):
            if not isinstance(item, cls):
                self.type_error(item_path, f"a {cls.__name__}", item)

    def done(self) -> None:
        """Raise every problem found, if any, as one error of the kind the checks decided.

        Example:
            >>> check = Checker()
            >>> check.fraction("$.margin", 2)
            >>> check.done()
            Traceback (most recent call last):
            ...
            c5statement.InvalidStatementError: invalid statement data (1 problem):
              $.margin: must be from 0 to 1, got 2
        """
        if self.problems:
            raise (InvalidTypeError if self.wrong_type else InvalidStatementError)(self.problems, omitted=self.omitted)


Check = typing.Callable[..., None]


def rule(check: Check, *args: Any, optional: bool = False, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """Field metadata naming the field's check (a :class:`Checker` method and its extra arguments) and schema.

    A field that is *optional*, or whose default is ``None``, accepts ``None``
    without running the check.

    Example:
        >>> rule(Checker.text, schema={"minLength": 1})["schema"]
        {'minLength': 1}
    """
    metadata: dict[str, Any] = {"check": (check, args), "optional": optional}
    if schema is not None:
        metadata["schema"] = schema
    return metadata


_Rule = tuple[str, str, Check, tuple[Any, ...], bool]
_RULES: dict[type, tuple[_Rule, ...]] = {}


def _rules(cls: type) -> tuple[_Rule, ...]:
    """The checked fields of *cls*: name, path, check, its extra arguments, and whether None is allowed."""
    found = _RULES.get(cls)
    if found is None:
        found = tuple(
            (
                field.name,
                f"$.{field.name}",
                field.metadata["check"][0],
                field.metadata["check"][1],
                field.default is None or bool(field.metadata.get("optional")),
            )
            for field in attrs.fields(typing.cast("Any", cls))
            if "check" in field.metadata
        )
        _RULES[cls] = found
    return found


def check_fields(obj: object, check: Checker, names: Collection[str] | None = None) -> None:
    """Run the rules named in the metadata of *obj*'s fields (those in *names*, if given)."""
    for name, path, method, args, none_allowed in _rules(type(obj)):
        if names is not None and name not in names:
            continue
        value = getattr(obj, name)
        if value is None and none_allowed:
            continue
        method(check, path, value, *args)


class Validated:
    """Mixin: ``__attrs_post_init__`` runs the fields' rules, then ``_check``, and raises all problems.

    Example:
        >>> @attrs.frozen
        ... class Named(Validated):
        ...     name: str = attrs.field(metadata=rule(Checker.text))
        >>> Named(" ")
        Traceback (most recent call last):
        ...
        c5statement.InvalidStatementError: invalid statement data (1 problem):
          $.name: must not be blank
    """

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        check = Checker()
        check_fields(self, check)
        self._check(check)
        check.done()

    def _check(self, check: Checker) -> None:
        """Rules across fields; none by default."""


_STAND_INS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _stand_ins(cls: type) -> tuple[tuple[str, Any], ...]:
    """Each field of *cls* with the value it takes when missing: its default, or a valid stand-in.

    Cached: reading the type hints of a class costs far more than checking one object.
    """
    if cls in _STAND_INS:
        return _STAND_INS[cls]
    hints = typing.get_type_hints(cls)
    _STAND_INS[cls] = tuple(
        (
            field.name,
            field.default
            if field.default is not attrs.NOTHING
            else _NEUTRAL.get(typing.get_origin(hints[field.name]) or hints[field.name]),
        )
        for field in attrs.fields(typing.cast("Any", cls))
    )
    return _STAND_INS[cls]


def check_partial(cls: type, values: dict[str, Any], failed: set[str]) -> list[Problem]:
    """Problems of the fields of *cls* that did not fail to load, when others did.

    Loading stops building an object as soon as one of its fields fails; this runs
    the object's own rules over the fields that did load (*values*), so that one
    error does not hide another. Rules across fields wait; problems on the
    *failed* fields are left out: loading reports those.

    Example:
        >>> from c5statement import Point
        >>> check_partial(Point, {"text": " "}, {"number"})
        [('$.text', 'must not be blank')]
    """
    if not (isinstance(cls, type) and issubclass(cls, Validated)):
        return []
    stand_in: Any = object.__new__(cls)
    for name, neutral in _stand_ins(cls):
        object.__setattr__(stand_in, name, values.get(name, neutral))
    check = Checker(defer=True)
    check_fields(stand_in, check, values.keys())
    stand_in._check(check)  # noqa: SLF001 - the mixin's own hook
    prefixes = tuple(f"$.{name}{tail}" for name in failed for tail in (".", "["))
    return [
        (path, reason)
        for path, reason in check.problems
        if path not in {f"$.{name}" for name in failed} and not path.startswith(prefixes)
    ]
