"""Differences between two statements: aligned points, word edits and field changes.

:func:`diff` aligns the consensus points of two meetings by content (see
``_align.py``), reports each point as unchanged, edited, moved, added or removed,
and compares every other field of the meetings, recursing into nested records.
The result, a :class:`StatementDiff`, is a frozen value: it applies to the old
meeting to give the new one exactly, inverts, and round-trips through JSON.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import weakref
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from ._align import AMBIGUITY_MARGIN, DEFAULT_THRESHOLD, Evidence, align, blended_bonus, evidence, stable_pairs
from ._check import FINGERPRINT_PATTERN, Checker, Validated, real, rule
from ._convert import add_document_classes, fingerprint, from_dict, get_converter
from ._display import Views
from ._edits import COSMETIC, WordEdit, word_edits
from ._errors import InvalidStatementError
from ._json import freeze, json_key
from ._lexicon import Lexicon, default_lexicon
from ._model import Meeting, Point
from ._paths import KEYED, NOT_APPLICABLE, ORDER, apply_changes, item_class, place
from ._terms import key_terms, unify

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from ._align import Alignment

__all__ = [
    "DIFF_COLUMNS",
    "KINDS",
    "FieldChange",
    "Matching",
    "PointChange",
    "Provenance",
    "StatementDiff",
    "check_options",
    "checked_lexicon",
    "diff",
    "wording",
]

KINDS: tuple[str, ...] = ("unchanged", "edited", "moved", "added", "removed")
"""The kinds of :class:`PointChange`, from least to most disruptive."""


_STRING = rule(Checker.string)
_NATURAL = rule(Checker.natural)
_FRACTION = rule(Checker.fraction)
_BOOLEAN = rule(Checker.boolean)
_POINT = rule(Checker.instance, Point, optional=True)
_TERMS = rule(Checker.strings)


def _freeze_old(value: Any) -> Any:
    return freeze(value, "$.old")


def _freeze_new(value: Any) -> Any:
    return freeze(value, "$.new")


@attrs.frozen
class PointChange(Validated):
    """What happened to one consensus point between two statements.

    Attributes:
        kind: ``"unchanged"``, ``"edited"`` (text, themes or sources changed),
            ``"moved"`` (only its place relative to the other points changed),
            ``"added"`` or ``"removed"``. A point both moved and edited has the
            kind ``"edited"`` and :attr:`moved` set.
        old: The point in the old statement (``None`` if added).
        new: The point in the new statement (``None`` if removed).
        similarity: How alike the pair is, from 0 to 1; for an added or removed
            point, its similarity to the closest point of the other statement;
            for a point split from an old one (:attr:`also`), or an old point
            merged into a new one (named in that change's :attr:`also`), the
            score of that link, at the threshold or above (the pair's own match
            score may be far lower, since the other point is matched
            elsewhere).
        margin: How clearly this pairing wins: its similarity minus that of the
            runner-up candidate; for an added or removed point, how far the
            closest candidate stayed under the threshold; for a split or a
            merged point, how far the link's score clears the threshold.
        ambiguous: Whether the margin is small (under
            :data:`AMBIGUITY_MARGIN`), so that the pairing is worth checking by eye.
        moved: Whether the point changed its place relative to the other
            matched points. A point only renumbered has not moved.
        nearest: For an added or removed point, the number of the closest point
            of the other statement (the old one for an added point, the new one
            for a removed point), whose similarity is :attr:`similarity`;
            ``None`` if no point there shares anything with it (in particular if
            there is none), and always ``None`` for a matched point. Inverting
            the change keeps it: the point and the statement it refers to trade
            sides together.
        also: The numbers of further old points that the new point continues,
            in ascending order: for a matched point, the other old points merged
            into it; for an added point, the old points (matched elsewhere) it
            was split from. Always empty for a removed point.
            :meth:`StatementDiff.inverted` moves each link to the change that
            holds its old point, so links survive inversion; a single change's
            :meth:`inverted` drops them, having nowhere to put them.
        evidence: Why the pair was matched, strongest first: the concepts and
            terms both points contain, then, where a blended sentence model
            raised the pair's score, its cosine (labelled ``meaning``), and,
            for a pair made from points both statements left over,
            ``paired last: both left over`` (weight 0), or, for a split made
            last because the new point next to it continues the same old
            point, ``split beside: next to its continuation`` (``merged
            beside`` once the diff is inverted and the split is a merge), or, for a pair
            made last of two points that record their meetings, ``meeting
            record: both record a meeting`` (each of weight 0). For an added or
            removed point, the evidence for its nearest candidate.
        old_terms: The key terms of the old point, as the lexicon of the diff
            found them (see :func:`key_terms`), so that a stored diff shows the
            same terms wherever it is read; ``None`` (a change built by hand):
            found with the packaged lexicon when asked for.
        new_terms: The key terms of the new point, likewise.

    The word-level edits, :attr:`edits`, are derived from the two texts on first
    use; they are not stored.

    Example:
        >>> change = PointChange("edited", Point(1, "trade grows."), Point(1, "trade grows fast."), 0.8)
        >>> change.edited, change.moved
        (True, False)
    """

    kind: str = attrs.field(metadata=rule(Checker.one_of, KINDS))
    old: Point | None = attrs.field(metadata=_POINT)
    new: Point | None = attrs.field(metadata=_POINT)
    similarity: float = attrs.field(converter=real, metadata=_FRACTION)
    margin: float = attrs.field(default=1.0, converter=real, metadata=_FRACTION)
    ambiguous: bool = attrs.field(default=False, metadata=_BOOLEAN)
    moved: bool = attrs.field(default=False, metadata=_BOOLEAN)
    nearest: int | None = attrs.field(default=None, metadata=rule(Checker.positive))
    also: tuple[int, ...] = attrs.field(default=(), metadata=rule(Checker.numbers))
    evidence: tuple[Evidence, ...] = attrs.field(default=(), metadata=rule(Checker.objects, Evidence))
    old_terms: frozenset[str] | None = attrs.field(default=None, metadata=_TERMS)
    new_terms: frozenset[str] | None = attrs.field(default=None, metadata=_TERMS)

    def _check(self, check: Checker) -> None:
        """The rules between the kind and the other fields; the first one broken is reported."""
        if check.problems:
            return
        if problem := self._side_problem():
            check.invalid("$", problem)
        elif self.kind in {"added", "removed"} and self.moved:
            check.invalid("$.moved", f"a change of kind {self.kind!r} cannot be moved")
        elif self.kind not in {"added", "removed"} and self.nearest is not None:
            check.invalid("$.nearest", f"must be None for a change of kind {self.kind!r}")
        elif self.also and self.new is None:
            check.invalid("$.also", "must be empty for a removed point: links belong to the change of the new point")
        elif self.old is not None and self.old.number in self.also:
            check.invalid("$.also", f"must not repeat the change's own old point {self.old.number}")
        elif self.old is not None and self.new is not None:
            if self.edited != (self.kind == "edited"):
                reason = f"must be 'edited' exactly when text, themes or sources differ, not {self.kind!r}"
                check.invalid("$.kind", reason)
            elif self.kind != "edited" and self.moved != (self.kind == "moved"):
                check.invalid("$.moved", f"must be {self.kind == 'moved'} for a change of kind {self.kind!r}")

    def _side_problem(self) -> str:
        """What is wrong with the sides (old, new) for the kind, or an empty string."""
        expected = {"added": (False, True), "removed": (True, False)}.get(self.kind, (True, True))
        if (self.old is not None, self.new is not None) != expected:
            return f"a change of kind {self.kind!r} needs {self._needs()}"
        if (self.old is None and self.old_terms) or (self.new is None and self.new_terms):
            return "a side without a point names no key terms"
        return ""

    def _needs(self) -> str:
        return {
            "added": "old=None and a new point",
            "removed": "an old point and new=None",
        }.get(self.kind, "both an old and a new point")

    @functools.cached_property
    def edits(self) -> tuple[WordEdit, ...]:
        """Word-level edits (insert, delete, replace) from the old text to the new, if both exist.

        Example:
            >>> change = PointChange("edited", Point(1, "trade grows."), Point(1, "trade grows fast."), 0.8)
            >>> [(edit.op, edit.new_text) for edit in change.edits]
            [('insert', 'fast')]
        """
        if self.old is None or self.new is None or self.old.verbatim != self.new.verbatim:
            return ()  # a summary in the record's words is never compared word by word with a document's text
        return word_edits(self.old.text, self.new.text)

    @property
    def cosmetic(self) -> frozenset[str]:
        """For an edited point whose only changes are cosmetic, their classes (``"case"``, ``"script"`` ...).

        Empty when the point has a real change (of words, themes or sources) or none.

        Example:
            >>> sorted(PointChange("edited", Point(1, "all agree."), Point(1, "All agree."), 1.0).cosmetic)
            ['case']
        """
        if not self.edited or self.old is None or self.new is None:
            return frozenset()
        if (self.old.themes, self.old.sources) != (self.new.themes, self.new.sources):
            return frozenset()
        if not self.edits or not all(edit.cosmetic for edit in self.edits):
            return frozenset()
        return frozenset().union(*(edit.cosmetic for edit in self.edits))

    @functools.cached_property
    def terms_gained(self) -> frozenset[str]:
        """Key terms (see :func:`key_terms`) the new point names and the old one does not.

        Example:
            >>> old = Point(1, "all support peace in Afghanistan.")
            >>> new = Point(1, "all back the Global Security Initiative.")
            >>> sorted(PointChange("edited", old, new, 0.4).terms_gained)
            ['Global Security Initiative']
        """
        old, new = unify(_side_terms(self, "old"), _side_terms(self, "new"))
        return new - old

    @functools.cached_property
    def terms_lost(self) -> frozenset[str]:
        """Key terms the old point names and the new one does not.

        Example:
            >>> old, new = Point(1, "all support peace in Afghanistan."), Point(1, "all back peace.")
            >>> sorted(PointChange("edited", old, new, 0.6).terms_lost)
            ['Afghanistan']
        """
        old, new = unify(_side_terms(self, "old"), _side_terms(self, "new"))
        return old - new

    @functools.cached_property
    def terms_kept(self) -> frozenset[str]:
        """Key terms both the old and the new point name.

        Example:
            >>> old, new = Point(1, "all support peace in Afghanistan."), Point(1, "all back peace.")
            >>> sorted(PointChange("edited", old, new, 0.6).terms_kept)
            ['peace, stability and prosperity']
        """
        old, new = unify(_side_terms(self, "old"), _side_terms(self, "new"))
        return old & new

    @functools.cached_property
    def wording(self) -> float | None:
        """How much of the old point's wording the new one keeps: the share of its words still there, in order.

        The words are compared without regard to case, so a change only of case
        keeps them all. A point rewritten in other words has a low wording
        however surely it continues the old one (its :attr:`similarity`).
        ``None`` for an added or removed point, which has no pair.

        Example:
            >>> old = Point(1, "all parties will expand trade and investment.")
            >>> PointChange("edited", old, Point(1, "all parties will expand trade."), 0.9).wording
            0.857...
            >>> PointChange("removed", old, None, 0.2).wording is None
            True
        """
        if self.old is None or self.new is None:
            return None
        return wording(self.old.text, self.new.text)

    @property
    def edited(self) -> bool:
        """Whether the text, themes or sources of a matched point changed.

        Example:
            >>> PointChange("unchanged", Point(1, "a."), Point(2, "a."), 1.0).edited
            False
        """
        if self.old is None or self.new is None:
            return False
        return (self.old.text, self.old.themes, self.old.sources) != (self.new.text, self.new.themes, self.new.sources)

    @property
    def renumbered(self) -> bool:
        """Whether a matched point carries a different number.

        Example:
            >>> PointChange("unchanged", Point(1, "a."), Point(2, "a."), 1.0).renumbered
            True
        """
        return self.old is not None and self.new is not None and self.old.number != self.new.number

    @property
    def themes_gained(self) -> frozenset[str]:
        """Themes the point has in the new statement and not in the old (all of them, if added).

        Nothing is gained where either point is not coded by a person (see
        :attr:`Point.coded <c5statement.Point.coded>`): against an uncoded
        point's themes, which are unknown, or from suggested ones.

        Example:
            >>> PointChange("added", None, Point(3, "a.", frozenset({"energy"})), 0.0).themes_gained
            frozenset({'energy'})
            >>> PointChange("edited", Point(3, "a."), Point(3, "b.", frozenset({"energy"})), 0.9).themes_gained
            frozenset()
        """
        if self.uncoded:
            return frozenset()
        old = self.old.themes if self.old is not None else frozenset()
        new = self.new.themes if self.new is not None else frozenset()
        return new - old

    @property
    def themes_lost(self) -> frozenset[str]:
        """Themes the point had in the old statement and not in the new (all of them, if removed).

        Nothing is lost where either point is not coded by a person.

        Example:
            >>> PointChange("removed", Point(3, "a.", frozenset({"energy"})), None, 0.0).themes_lost
            frozenset({'energy'})
            >>> PointChange("edited", Point(3, "a.", frozenset({"energy"})), Point(3, "b."), 0.9).themes_lost
            frozenset()
        """
        if self.uncoded:
            return frozenset()
        old = self.old.themes if self.old is not None else frozenset()
        new = self.new.themes if self.new is not None else frozenset()
        return old - new

    @property
    def uncoded(self) -> tuple[str, ...]:
        """The sides, ``"old"`` and ``"new"``, whose point is there and not coded.

        Example:
            >>> PointChange("edited", Point(3, "a.", frozenset({"energy"})), Point(3, "b."), 0.9).uncoded
            ('new',)
        """
        return tuple(side for side, point in (("old", self.old), ("new", self.new)) if point and not point.coded)

    def inverted(self) -> PointChange:
        """Return the change seen from the new statement back to the old.

        An added point becomes a removed one; its :attr:`nearest` still names
        the same point, which now belongs to the other (new) statement.

        Example:
            >>> back = PointChange("added", None, Point(4, "a b."), 0.3, nearest=3).inverted()
            >>> back.kind, back.old.number, back.nearest
            ('removed', 4, 3)
        """
        kind = {"added": "removed", "removed": "added"}.get(self.kind, self.kind)
        return PointChange(
            kind,
            self.new,
            self.old,
            self.similarity,
            self.margin,
            self.ambiguous,
            self.moved,
            self.nearest,
            evidence=tuple(
                Evidence(_INVERTED_LABELS.get(item.label, item.label), item.new, item.old, item.weight)
                for item in self.evidence
            ),
            old_terms=self.new_terms,
            new_terms=self.old_terms,
        )


@attrs.frozen
class FieldChange(Validated):
    """A change to one field outside the points, with JSON values.

    Attributes:
        path: Where, as a JSONPath-like string: ``"$.date"``,
            ``"$.participants[KZ].person"`` (participants by country, sources by
            id), ``"$.topics[2].text"`` (other lists by position). An item added
            or removed as a whole has ``old`` or ``new`` ``None``; a path ending in
            ``.order`` lists the keys of a keyed list (participants, sources)
            before and after, whenever their sequence changed.
        old: The old value as JSON (``None`` where there was none).
        new: The new value as JSON.

    The values are frozen, so that a change (and a diff) cannot be altered and can
    be hashed: arrays are tuples and objects are read-only mappings
    (:class:`JsonObject`); they are written back as plain JSON. Only JSON values are
    accepted (strings, integers up to 2**53 - 1 in size, finite numbers, booleans,
    ``None``, arrays and objects with string keys, nested at most 32 levels), and
    the path must name a place in a :class:`c5statement.Meeting`; otherwise
    :class:`c5statement.InvalidStatementError` names the problem (``$.old[2]``).
    Equality tells JSON types apart: ``1``, ``1.0`` and ``True`` differ.

    Example:
        >>> FieldChange("$.date", "2020-07-16", "2021-05-12").inverted().new
        '2020-07-16'
        >>> FieldChange("$.notes", ["a caveat"], []).old
        ('a caveat',)
    """

    path: str = attrs.field(metadata=_STRING)
    old: Any = attrs.field(converter=_freeze_old, eq=json_key)
    new: Any = attrs.field(converter=_freeze_new, eq=json_key)

    def _check(self, check: Checker) -> None:  # noqa: C901 - one rule per kind of place
        """The rules of a change that depend on where it is: items are objects, orders are lists of keys."""
        if check.problems:
            return
        try:
            where = place(self.path)
        except InvalidStatementError as error:
            check.problems.extend(error.errors)
            return
        if where.kind == "order":
            for name in ("old", "new"):
                value = getattr(self, name)
                if not isinstance(value, tuple) or not all(isinstance(key, str) for key in value):
                    check.invalid(f"$.{name}", "must be a list of keys (strings) for an order")
                elif len(set(value)) != len(value):
                    check.invalid(f"$.{name}", "lists a key more than once")
        elif where.kind == "item":
            if self.old is None and self.new is None:
                check.invalid("$", "an item change needs an old item, a new item, or both")
            for name in ("old", "new"):
                value = getattr(self, name)
                if value is None:
                    continue
                if not isinstance(value, Mapping):
                    check.invalid(f"$.{name}", f"must be an object (a whole item of {where.field!r}) or null")
                elif where.field in KEYED and value.get(KEYED[where.field]) != where.key:
                    key = KEYED[where.field or ""]
                    check.invalid(f"$.{name}.{key}", f"must be {where.key!r}, the key in the path")

    def inverted(self) -> FieldChange:
        """Return the change that undoes this one.

        Example:
            >>> FieldChange("$.venue", None, "Nur-Sultan").inverted()
            FieldChange(path='$.venue', old='Nur-Sultan', new=None)
        """
        return FieldChange(self.path, self.new, self.old)


_FINGERPRINT = rule(Checker.fingerprint, schema={"pattern": FINGERPRINT_PATTERN})


@attrs.frozen
class Provenance(Validated):
    """What a diff was computed from and with: the package version, the lexicon and the two statements.

    Attributes:
        version: The version of c5statement that computed it.
        lexicon: The :attr:`~c5statement.Lexicon.fingerprint` of the lexicon
            that found the evidence and the key terms.
        old: The :func:`~c5statement.fingerprint` of the old statement.
        new: The fingerprint of the new statement.
        custom_similarity: Whether the match scores came from a function given
            as ``similarity=`` rather than the built-in score alone (a blended
            embedding similarity counts: the scores depend on its model).

    Example:
        >>> from c5statement import MEETING_2020, diff, fingerprint
        >>> found = diff(MEETING_2020, MEETING_2020).provenance
        >>> found.old == found.new == fingerprint(MEETING_2020), found.custom_similarity
        (True, False)
    """

    version: str = attrs.field(metadata=_STRING)
    lexicon: str = attrs.field(metadata=_FINGERPRINT)
    old: str = attrs.field(metadata=_FINGERPRINT)
    new: str = attrs.field(metadata=_FINGERPRINT)
    custom_similarity: bool = attrs.field(default=False, metadata=_BOOLEAN)

    def inverted(self) -> Provenance:
        """Return the provenance of the inverted diff: the two statements trade places.

        Example:
            >>> Provenance("1.0", "0" * 64, "a" * 64, "b" * 64).inverted().old[:3]
            'bbb'
        """
        return attrs.evolve(self, old=self.new, new=self.old)


@attrs.frozen
class StatementDiff(Validated, Views):
    """The differences between two statements; see :func:`diff`.

    Attributes:
        old_id: The id of the old meeting.
        new_id: The id of the new meeting.
        points: One change for every point of either statement, in reading
            order: the new statement's order, each removed point after the point
            that preceded it in the old statement.
        fields: Changes outside the points, in field order.
        themes_gained: Themes of the new meeting (points and topics) absent from
            the old; empty if the old one is not fully coded (see :attr:`uncoded`).
        themes_lost: Themes of the old meeting absent from the new; empty if
            the new one is not fully coded: a theme missing from points that
            are not coded, or not read, is unknown, not lost.
        threshold: The least match score that was accepted for a match.
        ignore: The classes of cosmetic change (``"case"``, ``"quotes"``,
            ``"space"``) that the views hide; the changes themselves are kept,
            so that :meth:`apply` stays exact.
        provenance: What the diff was computed from and with (see
            :class:`Provenance`); ``None`` for a diff built by hand.

    A diff is falsy when the two statements are equal. It is a frozen, hashable
    value (its field changes hold read-only JSON values) and round-trips through
    :func:`c5statement.to_json` / :func:`c5statement.from_json`. Construction
    checks that the parts fit together (each path changed once, nearest points
    that exist), so that a diff read from a file either applies cleanly or
    raises :class:`c5statement.InvalidStatementError` naming the place.

    Example:
        >>> from c5statement import MEETING_2020, diff
        >>> bool(diff(MEETING_2020, MEETING_2020))
        False
    """

    old_id: str = attrs.field(metadata=rule(Checker.slug))
    new_id: str = attrs.field(metadata=rule(Checker.slug))
    points: tuple[PointChange, ...] = attrs.field(default=(), metadata=rule(Checker.objects, PointChange))
    fields: tuple[FieldChange, ...] = attrs.field(default=(), metadata=rule(Checker.objects, FieldChange))
    themes_gained: frozenset[str] = attrs.field(default=frozenset(), metadata=rule(Checker.strings))
    themes_lost: frozenset[str] = attrs.field(default=frozenset(), metadata=rule(Checker.strings))
    threshold: float = attrs.field(default=DEFAULT_THRESHOLD, converter=real, metadata=_FRACTION)
    ignore: frozenset[str] = attrs.field(default=frozenset(), metadata=rule(Checker.strings))
    provenance: Provenance | None = attrs.field(default=None, metadata=rule(Checker.instance, Provenance))

    def _check(self, check: Checker) -> None:
        """The parts fit together: each path changed once, point numbers once per side, nearest points that exist."""
        if not check.cross_field:
            return
        self._check_ignore(check)
        seen: dict[str, int] = {}
        for index, field in enumerate(self.fields):
            if field.path in seen:
                reason = f"{field.path!r} is changed already at $.fields[{seen[field.path]}]"
                check.invalid(f"$.fields[{index}].path", reason)
            seen.setdefault(field.path, index)
        numbers: dict[str, set[int]] = {}
        for side in ("old", "new"):
            found = [getattr(change, side).number for change in self.points if getattr(change, side) is not None]
            numbers[side] = set(found)
            if len(numbers[side]) != len(found):
                check.invalid("$.points", f"an {side} point number appears more than once")
        for position, change in enumerate(self.points):
            other = "old" if change.old is None else "new"
            if change.nearest is not None and change.nearest not in numbers[other]:
                reason = f"{change.nearest} is not the number of an {other} point"
                check.invalid(f"$.points[{position}].nearest", reason)
            for number in change.also:
                if number not in numbers["old"]:
                    check.invalid(f"$.points[{position}].also", f"{number} is not the number of an old point")

    def _check_ignore(self, check: Checker) -> None:
        for name in sorted(self.ignore - set(COSMETIC)):
            check.invalid("$.ignore", f"{name!r} is not one of {', '.join(COSMETIC)}")

    def __bool__(self) -> bool:
        return bool(self.fields) or any(
            change.kind != "unchanged" or change.old != change.new for change in self.points
        )

    @property
    def uncoded(self) -> tuple[str, ...]:
        """The sides, ``"old"`` and ``"new"``, with points that are not coded.

        Themes are not said to be gained against an uncoded old side, nor lost
        against an uncoded new one; views say so.

        Example:
            >>> import attrs
            >>> from c5statement import MEETING_2020, Point, diff
            >>> parsed = attrs.evolve(MEETING_2020, points=tuple(Point(p.number, p.text) for p in MEETING_2020.points))
            >>> result = diff(MEETING_2020, parsed)
            >>> result.uncoded, result.themes_lost
            (('new',), frozenset())
        """
        return tuple(side for side in ("old", "new") if any(side in change.uncoded for change in self.points))

    def counts(self) -> dict[str, int]:
        """Return how many points there are of each kind, and how many moved.

        Example:
            >>> from c5statement import MEETING_2020, diff
            >>> diff(MEETING_2020, MEETING_2020).counts()["unchanged"]
            9
        """
        found = dict.fromkeys(KINDS, 0)
        for change in self.points:
            found[change.kind] += 1
        found["moved"] = sum(change.moved for change in self.points)
        return found

    def hidden(self, change: PointChange) -> bool:
        """Whether the views hide *change*: its only changes are cosmetic, of classes in :attr:`ignore`.

        Example:
            >>> change = PointChange("edited", Point(1, "all agree."), Point(1, "All agree."), 1.0)
            >>> StatementDiff("a", "b", (change,), ignore=frozenset({"case"})).hidden(change)
            True
        """
        return bool(change.cosmetic) and change.cosmetic <= self.ignore

    def _terms(self, side: str) -> frozenset[str]:
        """The key terms of one side, written as the other side writes the same term (see :func:`unify`)."""
        old, new = unify(
            *(frozenset().union(*(_side_terms(change, name) for change in self.points)) for name in ("old", "new"))
        )
        return old if side == "old" else new

    @property
    def terms_gained(self) -> frozenset[str]:
        """Key terms (see :func:`key_terms`) the new statement's points name and the old one's do not.

        Example:
            >>> old, new = Point(1, "peace in Afghanistan."), Point(1, "the Global Security Initiative.")
            >>> sorted(StatementDiff("a", "b", (PointChange("edited", old, new, 0.4),)).terms_gained)
            ['Global Security Initiative']
        """
        return self._terms("new") - self._terms("old")

    @property
    def terms_lost(self) -> frozenset[str]:
        """Key terms the old statement's points name and the new one's do not.

        Example:
            >>> old, new = Point(1, "peace in Afghanistan."), Point(1, "peace.")
            >>> sorted(StatementDiff("a", "b", (PointChange("edited", old, new, 0.6),)).terms_lost)
            ['Afghanistan']
        """
        return self._terms("old") - self._terms("new")

    @property
    def terms_kept(self) -> frozenset[str]:
        """Key terms the points of both statements name.

        Example:
            >>> old, new = Point(1, "peace in Afghanistan."), Point(1, "peace.")
            >>> sorted(StatementDiff("a", "b", (PointChange("edited", old, new, 0.6),)).terms_kept)
            ['peace, stability and prosperity']
        """
        return self._terms("old") & self._terms("new")

    @property
    def ambiguous(self) -> tuple[PointChange, ...]:
        """The changes whose pairing was not clear, to check by eye.

        Example:
            >>> from c5statement import MEETING_2020, diff
            >>> diff(MEETING_2020, MEETING_2020).ambiguous
            ()
        """
        return tuple(change for change in self.points if change.ambiguous)

    def apply(self, old: Meeting) -> Meeting:
        """Return the new meeting: *old* with every change of this diff made.

        Raises:
            InvalidStatementError: If *old* is not the meeting this diff was made
                from (a value it expects differs), naming the place.

        Example:
            >>> import attrs
            >>> from c5statement import MEETING_2020, diff
            >>> later = attrs.evolve(MEETING_2020, venue="Nur-Sultan", points=MEETING_2020.points[1:])
            >>> diff(MEETING_2020, later).apply(MEETING_2020) == later
            True
        """
        if not isinstance(old, Meeting):
            msg = f"apply() needs a Meeting, got {type(old).__name__}"
            raise TypeError(msg)
        expected = tuple(sorted((change.old for change in self.points if change.old is not None), key=_number))
        if expected != old.points:
            raise InvalidStatementError([("$.points", f"{NOT_APPLICABLE}: its points differ from the diff's")])
        data: dict[str, Any] = get_converter().unstructure(old)
        apply_changes(data, self.fields)
        new_points = sorted((change.new for change in self.points if change.new is not None), key=_number)
        data["points"] = [get_converter().unstructure(point) for point in new_points]
        return from_dict(data, Meeting)

    def to_records(self) -> list[dict[str, Any]]:
        """Return one plain row per point change, for tables, data frames and papers.

        Each row has ``old_id`` and ``new_id`` (the statements), ``change`` (the
        kind as the views show it: a change hidden as cosmetic reads
        ``"unchanged"``), ``old_number`` and ``new_number`` (``None`` on the
        missing side), ``match`` (:attr:`PointChange.similarity`, for an added or
        removed point that of its nearest candidate, or of its split or merge),
        ``wording``
        (:attr:`PointChange.wording`, ``None`` for an added or removed point),
        ``margin``, ``ambiguous``, ``moved``, ``nearest``, ``also`` (the further
        old points linked, ``"3; 4"``), ``cosmetic``, ``old_text``, ``new_text``,
        ``themes_gained``, ``themes_lost``, ``terms_gained``, ``terms_lost``,
        ``terms_kept`` (each ``"; "``-joined) and ``evidence``. The CSV view
        (``c5statement diff --format csv``) writes these rows.

        Example:
            >>> from c5statement import MEETING_2020, diff
            >>> rows = diff(MEETING_2020, MEETING_2020).to_records()
            >>> len(rows), rows[0]["change"], rows[0]["match"], rows[0]["wording"]
            (9, 'unchanged', 1.0, 1.0)
        """
        return _records(self)

    def to_frame(self) -> Any:
        """Return :meth:`to_records` as a pandas ``DataFrame``, a row per point change.

        Raises:
            ImportError: If pandas is not installed, with the command that installs it.

        Example:
            >>> from c5statement import MEETING_2020, diff
            >>> frame = diff(MEETING_2020, MEETING_2020).to_frame()
            >>> frame.shape, list(frame.columns[:4])
            ((9, 21), ['old_id', 'new_id', 'change', 'old_number'])
        """
        try:
            import pandas as pd
        except ImportError as error:
            hint = 'to_frame() needs pandas, which is not installed; install it with: pip install "c5statement[pandas]"'
            raise ImportError(hint, name=error.name) from error
        frame = pd.DataFrame.from_records(self.to_records(), columns=list(DIFF_COLUMNS))
        for column in ("old_number", "new_number", "nearest"):
            frame[column] = frame[column].astype("Int64")
        return frame

    def inverted(self) -> StatementDiff:
        """Return the diff from the new statement back to the old.

        Example:
            >>> import attrs
            >>> from c5statement import MEETING_2020, diff
            >>> later = attrs.evolve(MEETING_2020, points=MEETING_2020.points[2:5])
            >>> diff(MEETING_2020, later).inverted().apply(later) == MEETING_2020
            True
        """
        links: dict[int, list[int]] = {}  # old point -> the new points that continue it as a second link
        for change in self.points:
            for number in change.also:
                links.setdefault(number, []).append(change.new.number)  # type: ignore[union-attr]
        points = []
        for change in self.points:
            back = change.inverted()
            if change.old is not None and change.old.number in links:
                back = attrs.evolve(back, also=tuple(sorted(links[change.old.number])))
            points.append(back)
        return StatementDiff(
            old_id=self.new_id,
            new_id=self.old_id,
            points=_reading_order(points),
            fields=tuple(change.inverted() for change in self.fields),
            themes_gained=self.themes_lost,
            themes_lost=self.themes_gained,
            threshold=self.threshold,
            ignore=self.ignore,
            provenance=None if self.provenance is None else self.provenance.inverted(),
        )


def _number(point: Point) -> int:
    return point.number


add_document_classes(WordEdit, PointChange, FieldChange, StatementDiff)


def _reading_order(changes: Sequence[PointChange]) -> tuple[PointChange, ...]:
    """New order first; each removed point right after its predecessor in the old order."""
    placed = sorted((change for change in changes if change.new is not None), key=_new_number)
    by_old = sorted((change for change in changes if change.old is not None), key=_old_number)
    follower: dict[int, PointChange] = {}
    previous: PointChange | None = None
    for change in by_old:
        if change.new is None:
            follower[id(previous)] = change
        previous = change
    result: list[PointChange] = []
    for start in (None, *placed):
        if start is not None:
            result.append(start)
        following = follower.get(id(start))
        while following is not None:
            result.append(following)
            following = follower.get(id(following))
    return tuple(result)


def _new_number(change: PointChange) -> int:
    return change.new.number if change.new is not None else 0


def _old_number(change: PointChange) -> int:
    return change.old.number if change.old is not None else 0


_WORDS = re.compile(r"\w+(?:[-'\u2019]\w+)*")


def wording(old: str, new: str) -> float:
    """The share of the words of *old* that *new* keeps, in order, from 0 to 1 (1 for a text without words).

    Example:
        >>> wording("all parties agree.", "All parties agree fully.")
        1.0
        >>> wording("trade will grow.", "investment rose.")
        0.0
    """
    before = [word.casefold() for word in _WORDS.findall(old)]
    if not before:
        return 1.0
    after = [word.casefold() for word in _WORDS.findall(new)]
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(before)


def _terms(point: Point | None, lexicon: Lexicon | None = None) -> frozenset[str]:
    """The key terms of *point* (none for no point), kept in the lexicon's memo for the next diff of the same text."""
    if point is None:
        return frozenset()
    if lexicon is None:
        return key_terms(point.text)
    found: frozenset[str] | None = lexicon.memo.get(("key terms", point.text))
    if found is None:
        if len(lexicon.memo) >= _MEMO_LIMIT:
            lexicon.memo.clear()
        found = lexicon.memo["key terms", point.text] = key_terms(point.text, lexicon)
    return found


def _side_terms(change: PointChange, side: str) -> frozenset[str]:
    """The key terms of one side of *change*: as recorded, or found with the packaged lexicon."""
    stored = change.old_terms if side == "old" else change.new_terms
    return stored if stored is not None else _terms(change.old if side == "old" else change.new)


def _object_changes(path: str, old: Any, new: Any) -> list[FieldChange]:
    changes: list[FieldChange] = []
    for field in attrs.fields(type(old)):
        before, after = getattr(old, field.name), getattr(new, field.name)
        if before == after or (field.name == "points" and isinstance(old, Meeting)):
            continue
        here = f"{path}.{field.name}"
        item = item_class(type(old), field.name)
        if item is not None and field.name in KEYED:
            changes.extend(_keyed_changes(here, KEYED[field.name], before, after))
        elif item is not None:
            changes.extend(_indexed_changes(here, before, after))
        elif attrs.has(type(before)) and type(before) is type(after):
            changes.extend(_object_changes(here, before, after))
        else:
            changes.append(FieldChange(here, get_converter().unstructure(before), get_converter().unstructure(after)))
    return changes


def _keyed_changes(path: str, key: str, old: tuple[Any, ...], new: tuple[Any, ...]) -> list[FieldChange]:
    before = {getattr(item, key): item for item in old}
    after = {getattr(item, key): item for item in new}
    changes: list[FieldChange] = []
    for name, item in before.items():
        if name not in after:
            changes.append(FieldChange(f"{path}[{name}]", get_converter().unstructure(item), None))
        elif item != after[name]:
            changes.extend(_object_changes(f"{path}[{name}]", item, after[name]))
    changes.extend(
        FieldChange(f"{path}[{name}]", None, get_converter().unstructure(item))
        for name, item in after.items()
        if name not in before
    )
    if list(before) != list(after):
        changes.append(FieldChange(f"{path}.{ORDER}", list(before), list(after)))
    return changes


def _indexed_changes(path: str, old: tuple[Any, ...], new: tuple[Any, ...]) -> list[FieldChange]:
    changes: list[FieldChange] = []
    for index in range(max(len(old), len(new))):
        here = f"{path}[{index}]"
        if index >= len(new):
            changes.append(FieldChange(here, get_converter().unstructure(old[index]), None))
        elif index >= len(old):
            changes.append(FieldChange(here, None, get_converter().unstructure(new[index])))
        elif old[index] != new[index]:
            changes.extend(_object_changes(here, old[index], new[index]))
    return changes


def _unmatched(  # noqa: PLR0917 - private; every argument is one fact of the change
    kind: str,
    point: Point,
    best: float,
    nearest: int | None,
    threshold: float,
    found: tuple[Evidence, ...],
    terms: frozenset[str],
) -> PointChange:
    """An added or removed point: its best score to, the number of and the evidence for the closest point; its terms."""
    margin = max(0.0, threshold - best)
    old, new = (point, None) if kind == "removed" else (None, point)
    old_terms, new_terms = (terms, None) if kind == "removed" else (None, terms)
    ambiguous = margin < AMBIGUITY_MARGIN and best > 0
    return PointChange(
        kind, old, new, best, margin, ambiguous=ambiguous, nearest=nearest, evidence=found,
        old_terms=old_terms, new_terms=new_terms,
    )  # fmt: skip


def _linked(  # noqa: PLR0917 - private; every argument is one fact of the change
    kind: str,
    point: Point,
    other: int,
    score: float,
    threshold: float,
    found: tuple[Evidence, ...],
    terms: frozenset[str],
) -> PointChange:
    """A second link: an added point split from old point *other*, or a removed one merged into new point *other*.

    The other point is its nearest; the change carries the link's score and how far it clears the threshold.
    """
    margin = max(0.0, score - threshold)
    ambiguous = margin < AMBIGUITY_MARGIN
    if kind == "added":
        return PointChange(
            kind, None, point, score, margin, ambiguous=ambiguous, nearest=other, also=(other,), evidence=found,
            new_terms=terms,
        )  # fmt: skip
    return PointChange(
        kind, point, None, score, margin, ambiguous=ambiguous, nearest=other, evidence=found, old_terms=terms
    )


def _check_arguments(old: object, new: object, threshold: object, similarity: object) -> None:
    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Meeting):
            msg = f"diff() compares two Meeting objects; {name} is a {type(value).__name__}"
            raise TypeError(msg)
    check_options(threshold, similarity)


def checked_lexicon(lexicon: object) -> Lexicon:
    """Return *lexicon*, or the packaged one for ``None``.

    Raises:
        TypeError: If *lexicon* is neither ``None`` nor a :class:`~c5statement.Lexicon`.

    Example:
        >>> checked_lexicon(None) is default_lexicon()
        True
    """
    if lexicon is None:
        return default_lexicon()
    if not isinstance(lexicon, Lexicon):
        msg = f"lexicon must be a Lexicon, got {type(lexicon).__name__}"
        raise TypeError(msg)
    return lexicon


def check_options(threshold: object, similarity: object) -> None:
    """Check the options that :func:`diff` and :func:`c5statement.compare` share, without comparing anything.

    Raises:
        TypeError: If *threshold* is not a number or *similarity* not callable.
        ValueError: If *threshold* is outside 0 to 1.

    Example:
        >>> check_options(1.5, None)
        Traceback (most recent call last):
        ...
        ValueError: threshold must be from 0 to 1, got 1.5
    """
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        msg = f"threshold must be a number from 0 to 1, got {type(threshold).__name__}"
        raise TypeError(msg)
    # An int is compared as it is: math.isfinite() of one beyond the float range would overflow.
    if not (0 <= threshold <= 1 and (isinstance(threshold, int) or math.isfinite(threshold))):
        shown = repr(threshold) if isinstance(threshold, float) or abs(threshold) < 10**20 else "a huge integer"
        msg = f"threshold must be from 0 to 1, got {shown}"
        raise ValueError(msg)
    if similarity is not None and not callable(similarity):
        msg = f"similarity must be a function of two points, got {type(similarity).__name__}"
        raise TypeError(msg)


def fully_coded(meeting: Meeting) -> bool:
    """Whether *meeting* carries points, every one coded, and every point of its main document was read.

    Only then can a theme be said to be absent from it: a record without points
    says nothing of its statement's content.

    Example:
        >>> from c5statement import MEETING_2020, Point
        >>> import attrs
        >>> fully_coded(MEETING_2020), fully_coded(attrs.evolve(MEETING_2020, points=(Point(1, "a."),)))
        (True, False)
        >>> fully_coded(attrs.evolve(MEETING_2020, points=()))
        False
    """
    return bool(meeting.points) and meeting.points_complete and all(point.coded for point in meeting.points)


def coded_themes(meeting: Meeting) -> frozenset[str]:
    """The themes of *meeting*'s topics and of its points coded by a person (suggestions left out).

    Example:
        >>> from c5statement import MEETING_2020
        >>> coded_themes(MEETING_2020) == MEETING_2020.themes
        True
    """
    found: set[str] = set()
    for topic in meeting.topics:
        found |= topic.themes
    for point in meeting.points:
        if point.coded:
            found |= point.themes
    return frozenset(found)


class Matching(NamedTuple):
    """The options a diff is computed with, given once to every step of a diff or a series.

    Attributes:
        threshold: The least match score for two points to be matched.
        similarity: A function replacing the built-in score, or ``None``.
        lexicon: The lexicon of the built-in score, the evidence and the key terms.

    Example:
        >>> from c5statement import MEETING_2020
        >>> matching = Matching(0.5, None, default_lexicon())
        >>> len(matching.align(MEETING_2020.points[:3], MEETING_2020.points[:3]).matches)
        3
    """

    threshold: float
    similarity: Callable[[Point, Point], float] | None
    lexicon: Lexicon

    def align(
        self, old: Sequence[Point], new: Sequence[Point], languages: tuple[str | None, str | None] = (None, None)
    ) -> Alignment:
        """Align two sequences of points with these options (the languages of the two sides, if known).

        Example:
            >>> from c5statement import Point
            >>> Matching(0.5, None, default_lexicon()).align([Point(1, "peace.")], []).matches
            ()
        """
        return align(
            old, new, threshold=self.threshold, similarity=self.similarity, lexicon=self.lexicon, languages=languages
        )


MODEL_EVIDENCE = "meaning"
"""The label of the evidence a blended model adds: the two points' cosine, weighing what the model added."""

LAST_EVIDENCE = "paired last"
"""The label of the evidence of a pair made from points both statements left over (``paired last: both left over``).

Its weight is 0: it is no reason of its own, but says the pair was made last, on weaker evidence.
"""

RECORD_EVIDENCE = "meeting record"
"""The label of the evidence of a pair made last of two points that record their meetings.

The item reads ``meeting record: both record a meeting``; like :data:`LAST_EVIDENCE` it weighs 0.
"""

BESIDE_EVIDENCE = "split beside"
"""The label of the evidence of a split made last because a neighbour continues the same old point.

The item reads ``split beside: next to its continuation``; like :data:`LAST_EVIDENCE` it weighs 0.
"""

MERGED_BESIDE_EVIDENCE = "merged beside"
"""The same item seen from the new statement back (:meth:`StatementDiff.inverted`), where the split is a merge."""

_INVERTED_LABELS = {BESIDE_EVIDENCE: MERGED_BESIDE_EVIDENCE, MERGED_BESIDE_EVIDENCE: BESIDE_EVIDENCE}

STEP_EVIDENCE = frozenset((LAST_EVIDENCE, BESIDE_EVIDENCE, MERGED_BESIDE_EVIDENCE, RECORD_EVIDENCE))
"""The labels of the items that say which last step made a pair: no shared words, but how it was made."""


def _point_changes(old: Meeting, new: Meeting, matching: Matching) -> list[PointChange]:
    """One change per point of either meeting: the aligned pairs, then the removed and the added points."""
    threshold, lexicon = matching.threshold, matching.lexicon
    alignment = matching.align(old.points, new.points, (old.language, new.language))
    matches = alignment.matches
    kept = stable_pairs(matches)
    changes: list[PointChange] = []
    matched_old = {match.old for match in matches}
    matched_new = {match.new for match in matches}

    bonus = blended_bonus(matching.similarity)
    # The pairs the last steps made say so, last of their evidence (each item weighs nothing).
    markers = {
        **{pair: Evidence(LAST_EVIDENCE, "both left over", "both left over", 0.0) for pair in alignment.last},
        **{pair: Evidence(BESIDE_EVIDENCE, *("next to its continuation",) * 2, 0.0) for pair in alignment.beside},
        **{pair: Evidence(RECORD_EVIDENCE, *("both record a meeting",) * 2, 0.0) for pair in alignment.records},
    }

    def why(i: int, j: int) -> tuple[Evidence, ...]:
        first, second = old.points[i], new.points[j]
        found = evidence(first, second, lexicon=lexicon)
        # Equal texts score 1 without the model.
        gained = 0.0 if bonus is None or first.text == second.text else bonus(first, second)
        if gained > 0 and matching.similarity is not None:
            cosine = f"sentence model, cosine {matching.similarity(first, second):.2f}"
            found = (*found, Evidence(MODEL_EVIDENCE, cosine, cosine, gained))
        marker = markers.get((i, j))
        return found if marker is None else (*found, marker)

    for position, match in enumerate(matches):
        before, after = old.points[match.old], new.points[match.new]
        moved = position not in kept
        content_changed = (before.text, before.themes, before.sources) != (after.text, after.themes, after.sources)
        kind = "edited" if content_changed else "moved" if moved else "unchanged"
        changes.append(
            PointChange(
                kind,
                before,
                after,
                match.similarity,
                match.margin,
                match.margin < AMBIGUITY_MARGIN,
                moved,
                also=tuple(sorted(old.points[k].number for k in match.also)),
                evidence=why(match.old, match.new),
                old_terms=_terms(before, lexicon),
                new_terms=_terms(after, lexicon),
            )
        )
    merge_scores = dict(alignment.merge_scores)
    merged_into = {k: match.new for match in matches for k in match.also}
    for index, point in enumerate(old.points):
        if index not in matched_old:
            partner = alignment.nearest_old[index]
            nearest, found = (None, ()) if partner is None else (new.points[partner].number, why(index, partner))
            terms = _terms(point, lexicon)
            if index in merge_scores:
                target = new.points[merged_into[index]].number
                changes.append(_linked("removed", point, target, merge_scores[index], threshold, found, terms))
            else:
                best = alignment.best_old[index]
                changes.append(_unmatched("removed", point, best, nearest, threshold, found, terms))
    split_from = {j: (i, score) for (j, i), score in zip(alignment.splits, alignment.split_scores, strict=True)}
    for index, point in enumerate(new.points):
        if index not in matched_new:
            partner = alignment.nearest_new[index]
            nearest, found = (None, ()) if partner is None else (old.points[partner].number, why(partner, index))
            terms = _terms(point, lexicon)
            if index in split_from:
                source, score = split_from[index]
                changes.append(_linked("added", point, old.points[source].number, score, threshold, found, terms))
            else:
                best = alignment.best_new[index]
                changes.append(_unmatched("added", point, best, nearest, threshold, found, terms))
    return changes


_MEMO_LIMIT = 1 << 14
"""The most results a lexicon's memo keeps before it is emptied (as the alignment's evidence does)."""

_FINGERPRINTS: dict[int, str] = {}
"""The fingerprints of the meetings diffed so far, by object, while the object lives (a meeting is immutable)."""


def _fingerprint(meeting: Meeting) -> str:
    """The fingerprint of *meeting*, taken once per object: a series diffs each statement twice."""
    key = id(meeting)
    found = _FINGERPRINTS.get(key)
    if found is None:
        found = _FINGERPRINTS[key] = fingerprint(meeting)
        weakref.finalize(meeting, _FINGERPRINTS.pop, key, None)
    return found


@functools.cache
def _version() -> str:
    from importlib.metadata import version

    return version("c5statement")


def diff(
    old: Meeting,
    new: Meeting,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    similarity: Callable[[Point, Point], float] | None = None,
    lexicon: Lexicon | None = None,
    ignore_case: bool = False,
    ignore_quotes: bool = False,
    ignore_space: bool = False,
    ignore_script: bool = False,
) -> StatementDiff:
    """Compare two statements: align their points by content and compare every other field.

    Args:
        old: The earlier statement.
        new: The later statement.
        threshold: The least match score (0 to 1) for two points to count as
            the same point. With the built-in similarity the score is calibrated:
            0.5 means "as likely as not the same commitment", on the same scale
            for every pair of statements (see :doc:`/alignment`).
        similarity: A function of an old and a new point returning 0 to 1, to
            replace the built-in calibrated score (for example
            :func:`c5statement.embedding_similarity`). Its scores are compared
            with *threshold* as they are. An ``embedding_similarity(...,
            blend=True)`` does not replace the built-in score but adds to it,
            so *threshold* keeps its calibrated meaning.
        lexicon: The concepts and word weights of the built-in similarity, of
            the evidence and of the key terms; by default the packaged lexicon.
            The diff records the key terms of each point as this lexicon finds
            them, and the lexicon's fingerprint (:attr:`StatementDiff.provenance`).
        ignore_case: Hide the points whose only change is in case, as ``diff -i`` does.
        ignore_quotes: Hide the points whose only change is in quote style
            (typographic against straight quotes and apostrophes).
        ignore_space: Hide the points whose only change is in white space, as ``diff -w`` does.
            Hidden changes stay in the diff (see :attr:`StatementDiff.ignore`),
            so that :meth:`StatementDiff.apply` stays exact.
        ignore_script: Hide the points whose only change is in script: Traditional
            against Simplified Chinese characters, full-width against ordinary forms.

    Returns:
        The differences, which :meth:`StatementDiff.apply` turns back into *new*.

    Raises:
        TypeError: If *old* or *new* is not a :class:`Meeting`, or an argument has
            the wrong type.
        ValueError: If *threshold* is outside 0 to 1, or *similarity* returns a
            value outside 0 to 1.

    Example:
        >>> import attrs
        >>> from c5statement import MEETING_2020, Point
        >>> points = list(MEETING_2020.points[1:])
        >>> points.insert(0, Point(1, "all parties welcome the first summit of heads of state."))
        >>> points = [attrs.evolve(point, number=index) for index, point in enumerate(points, 1)]
        >>> later = attrs.evolve(MEETING_2020, date=MEETING_2020.date.replace(year=2021), points=tuple(points))
        >>> result = diff(MEETING_2020, later)
        >>> [change.kind for change in result.points][:3]
        ['removed', 'added', 'unchanged']
        >>> result.fields[0].path, result.fields[0].new
        ('$.date', '2021-07-16')
        >>> result.apply(MEETING_2020) == later
        True
    """
    _check_arguments(old, new, threshold, similarity)
    lexicon = checked_lexicon(lexicon)
    changes = _point_changes(old, new, Matching(float(threshold), similarity, lexicon))
    provenance = Provenance(
        _version(), lexicon.fingerprint, _fingerprint(old), _fingerprint(new), similarity is not None
    )
    return StatementDiff(
        old_id=old.id,
        new_id=new.id,
        points=_reading_order(changes),
        fields=tuple(_object_changes("$", old, new)),
        themes_gained=coded_themes(new) - old.themes if fully_coded(old) else frozenset(),
        themes_lost=coded_themes(old) - new.themes if fully_coded(new) else frozenset(),
        threshold=float(threshold),
        ignore=frozenset(
            name
            for name, wanted in zip(COSMETIC, (ignore_case, ignore_quotes, ignore_space, ignore_script), strict=True)
            if wanted
        ),
        provenance=provenance,
    )


DIFF_COLUMNS: tuple[str, ...] = (
    "old_id",
    "new_id",
    "change",
    "old_number",
    "new_number",
    "match",
    "wording",
    "margin",
    "ambiguous",
    "moved",
    "nearest",
    "also",
    "cosmetic",
    "old_text",
    "new_text",
    "themes_gained",
    "themes_lost",
    "terms_gained",
    "terms_lost",
    "terms_kept",
    "evidence",
)
"""The columns of a diff as records (one row a point change), in order."""


def _joined(items: Iterable[object]) -> str:
    return "; ".join(str(item) for item in items)


def _records(result: StatementDiff) -> list[dict[str, str | int | float | bool | None]]:
    """A diff as records: one row a point change, in reading order, with the columns of :data:`DIFF_COLUMNS`.

    ``change`` is the kind as the views show it (a point whose only changes are
    hidden cosmetic ones reads ``unchanged``); ``match`` is
    :attr:`~c5statement.PointChange.similarity` (for an added or removed point,
    that of its nearest candidate, ``nearest``, or of its split or merge) and ``wording``
    :attr:`~c5statement.PointChange.wording` (``None`` for an added or removed
    point); sets and lists are joined with ``"; "`` (themes and terms sorted,
    the evidence strongest first); an absent value is ``None``.

    Example:
        >>> from c5statement import MEETING_2020, diff
        >>> row = _records(diff(MEETING_2020, MEETING_2020))[0]
        >>> row["change"], row["old_number"], row["new_number"], row["match"], row["wording"]
        ('unchanged', 1, 1, 1.0, 1.0)
    """
    return [
        {
            "old_id": result.old_id,
            "new_id": result.new_id,
            "change": "unchanged" if result.hidden(change) else change.kind,
            "old_number": None if change.old is None else change.old.number,
            "new_number": None if change.new is None else change.new.number,
            "match": change.similarity,
            "wording": change.wording,
            "margin": change.margin,
            "ambiguous": change.ambiguous,
            "moved": change.moved,
            "nearest": change.nearest,
            "also": _joined(change.also),
            "cosmetic": _joined(sorted(change.cosmetic)),
            "old_text": None if change.old is None else change.old.text,
            "new_text": None if change.new is None else change.new.text,
            "themes_gained": _joined(sorted(change.themes_gained)),
            "themes_lost": _joined(sorted(change.themes_lost)),
            "terms_gained": _joined(sorted(change.terms_gained)),
            "terms_lost": _joined(sorted(change.terms_lost)),
            "terms_kept": _joined(sorted(change.terms_kept)),
            "evidence": _joined(change.evidence),
        }
        for change in result.points
    ]
