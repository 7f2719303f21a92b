"""Hostile and huge inputs, second round: each test here failed before the defect it names was fixed (issue 21).

The numbers are those of the issue. Growth is checked by counting work per
doubling of the input (never by timing): see also ``test_scaling.py``.
"""

from __future__ import annotations

import json
import math

import pytest

from c5statement import MEETING_2020, Evidence, StatementDiff, compare, diff


class TestHugeThreshold:
    """Defect 10: ``diff(threshold=10**400)`` raised ``OverflowError``, not the documented ``ValueError``."""

    @pytest.mark.parametrize("threshold", [10**400, -(10**400), 2], ids=["huge", "huge negative", "two"])
    def test_diff_and_compare(self, threshold: int) -> None:
        with pytest.raises(ValueError, match="threshold must be from 0 to 1"):
            diff(MEETING_2020, MEETING_2020, threshold=threshold)
        with pytest.raises(ValueError, match="threshold must be from 0 to 1"):
            compare([MEETING_2020], threshold=threshold)

    def test_a_stored_diff_and_a_weight(self) -> None:
        from c5statement import InvalidStatementError, from_json

        with pytest.raises(InvalidStatementError, match=r"\$\.threshold: must be from 0 to 1"):
            StatementDiff("a", "b", threshold=10**400)
        data = {"format_version": 1, "old_id": "a", "new_id": "b", "threshold": 10**400}
        with pytest.raises(InvalidStatementError, match=r"\$\.threshold"):
            from_json(json.dumps(data), StatementDiff)
        with pytest.raises(InvalidStatementError, match=r"\$\.weight: must be 0 or more"):
            Evidence("a", "b", "c", 10**400)
        assert math.isclose(Evidence("a", "b", "c", 10**300).weight, 1e300)
