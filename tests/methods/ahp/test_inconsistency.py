"""Locating the judgments that make a matrix inconsistent, and the suggested fixes."""

from __future__ import annotations

import numpy as np
import pytest

from clusterrank.errors import MethodInputError
from clusterrank.methods.ahp import SAATY_SCALE, analyse, most_inconsistent
from tests.methods.ahp.test_priorities import HOUSE_CRITERIA, consistent

# w chosen so every ratio w_i / w_j is on the 1-9 scale (1, 2, 4, 8 and reciprocals).
W = np.array([8.0, 4.0, 2.0, 2.0, 1.0])
PAIRS = [(i, j) for i in range(5) for j in range(i + 1, 5)]


@pytest.mark.parametrize(("i", "j"), PAIRS)
@pytest.mark.parametrize("derivation", ["eigenvector", "geometric_mean"])
def test_corrupted_judgment_is_found_and_fixed(i: int, j: int, derivation: str) -> None:
    """A consistent matrix with one judgment replaced by a far-off scale value (here its
    reciprocal, or 9 when the true value is 1): that judgment is ranked first, the value
    consistent with the priorities points back towards the truth, and the suggested
    fix is the true value, which restores CR = 0."""
    a = consistent(W)
    true = a[i, j]
    wrong = 1 / true if true != 1 else 9.0
    a[i, j], a[j, i] = wrong, 1 / wrong
    fixes = most_inconsistent(a, list("abcde"), k=3, derivation=derivation)
    first = fixes[0]
    assert (first.i, first.j) == (i, j)
    assert (first.row, first.column) == ("abcde"[i], "abcde"[j])
    assert first.current == wrong
    assert abs(np.log(first.consistent_value / true)) < abs(np.log(wrong / true))
    assert first.suggested == pytest.approx(true, rel=1e-12)
    assert first.cr_before > 0.01
    assert first.cr_after == pytest.approx(0.0, abs=1e-9)
    assert [f.deviation for f in fixes] == sorted((f.deviation for f in fixes), reverse=True)


def test_house_example_fix_lowers_cr_below_threshold() -> None:
    """Saaty (1990) house criteria (CR 0.169): the worst judgment is 'neighbourhood vs
    general condition' = 6; the best scale value there brings CR under 0.10, and the
    reported CR is what analyse() gives for the changed matrix."""
    names = ["size", "transport", "neighbourhood", "age", "yard", "modern", "condition", "finance"]
    fixes = most_inconsistent(HOUSE_CRITERIA, names, k=3)
    first = fixes[0]
    assert (first.row, first.column, first.current) == ("neighbourhood", "condition", 6.0)
    assert first.cr_before == pytest.approx(analyse(HOUSE_CRITERIA).cr, abs=1e-12)
    assert first.cr_after < 0.10
    assert first.suggested in SAATY_SCALE
    changed = analyse(HOUSE_CRITERIA).matrix.copy()
    changed[2, 6], changed[6, 2] = first.suggested, 1 / first.suggested
    assert analyse(changed).cr == pytest.approx(first.cr_after, abs=1e-12)
    assert "you said 6" in first.describe()
    assert len(fixes) == 3


def test_missing_judgments_are_skipped_and_k_is_capped() -> None:
    """Only judged pairs are candidates; k larger than that returns all of them."""
    a = [[1, 2, None], ["1/2", 1, 5], [None, "1/5", 1]]
    fixes = most_inconsistent(a, ["x", "y", "z"], k=10)
    assert {(f.i, f.j) for f in fixes} == {(0, 1), (1, 2)}


def test_given_priorities_and_bad_arguments() -> None:
    """Deviations can be measured against given priorities; bad k or priorities are errors."""
    a = consistent(W)
    fixes = most_inconsistent(a, None, priorities=W / W.sum(), k=1)
    assert fixes[0].deviation == pytest.approx(0.0, abs=1e-12)
    with pytest.raises(MethodInputError, match="k must be a whole number >= 1"):
        most_inconsistent(a, None, k=0)
    with pytest.raises(MethodInputError, match="priorities must be 5 positive numbers"):
        most_inconsistent(a, None, priorities=[1, 2, 3])
