"""Geometric consistency index (Aguarón & Moreno-Jiménez 2003, EJOR 147, 137-145)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.errors import MethodInputError
from clusterrank.methods.ahp import analyse
from clusterrank.methods.ahp.priorities import geometric_mean_priorities
from clusterrank.methods.ahp.random_index import random_index
from clusterrank.methods.group import gci, gci_threshold
from tests.methods.ahp.test_priorities import random_saaty_matrix


def test_gci_by_hand_n3() -> None:
    """For n = 3 the residuals ln(a_ij w_j / w_i) are ±t/3 with t = ln(a12 a23 / a13), so
    GCI = 2/(2·1) · 3 (t/3)² = t²/3. With a12 = 2, a23 = 2, a13 = 8: t = ln(1/2),
    GCI = (ln 2)²/3 = 0.16015, below the n = 3 threshold 0.31."""
    r = gci([[1, 2, 8], ["1/2", 1, 2], ["1/8", "1/2", 1]])
    assert r.value == pytest.approx(math.log(2) ** 2 / 3, rel=1e-12)
    assert (r.threshold, r.acceptable, r.judged, r.redundant) == (0.31, True, 3, 1)
    bad = gci([[1, 3, "1/3"], ["1/3", 1, 3], [3, "1/3", 1]])  # t = ln 27
    assert bad.value == pytest.approx(math.log(27) ** 2 / 3, rel=1e-12)
    assert not bad.acceptable


def test_gci_matches_the_paper_formula_on_complete_matrices() -> None:
    """GCI = 2/((n-1)(n-2)) Σ_{i<j} ln²(a_ij w_j / w_i), w = row geometric mean (the paper's
    definition, written out here independently)."""
    for seed in range(10):
        n = 3 + seed % 6
        a = random_saaty_matrix(n, seed)
        w = geometric_mean_priorities(a)
        iu, ju = np.triu_indices(n, 1)
        direct = 2 / ((n - 1) * (n - 2)) * np.sum(np.log(a[iu, ju] * w[ju] / w[iu]) ** 2)
        assert gci(a).value == pytest.approx(direct, rel=1e-10)


def test_thresholds_as_the_paper_states() -> None:
    """0.31 (n = 3), 0.35 (n = 4), 0.37 (n > 4); none for n <= 2 (always consistent)."""
    assert [gci_threshold(n) for n in range(1, 9)] == [
        None,
        None,
        0.31,
        0.35,
        0.37,
        0.37,
        0.37,
        0.37,
    ]
    r = gci([[1, 5], ["1/5", 1]])
    assert (r.value, r.threshold, r.acceptable) == (0.0, None, True)


def test_thresholds_correspond_to_cr_010() -> None:
    """The paper's thresholds play the role of CR = 0.10. Derived relation (module docstring):
    n = 3 exactly GCI = 3 arccosh(1 + CI)²; n > 3 to second order GCI ≈ 2n/(n-2) CI. With
    CI = 0.10 · RI (Alonso-Lamata table: 0.5245, 0.8815, 1.1086) these give 0.312, 0.353,
    0.370: the paper's 0.31, 0.35, 0.37 to two decimals."""
    ci3 = 0.10 * random_index(3, "alonso_lamata")
    assert round(3 * math.acosh(1 + ci3) ** 2, 2) == gci_threshold(3)
    for n in (4, 5):
        ci = 0.10 * random_index(n, "alonso_lamata")
        assert round(2 * n / (n - 2) * ci, 2) == gci_threshold(n)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 100_000))
def test_n3_gci_is_an_exact_function_of_ci(seed: int) -> None:
    """Invariant for n = 3: GCI = 3 arccosh(1 + CI)² with CI = (λmax − 3)/2 (eigenvector)."""
    a = random_saaty_matrix(3, seed)
    ci = analyse(a).ci
    assert gci(a).value == pytest.approx(3 * math.acosh(1 + ci) ** 2, rel=1e-7, abs=1e-12)


@settings(max_examples=20, deadline=None)
@given(st.integers(4, 9), st.integers(0, 100_000))
def test_gci_is_2n_over_n_minus_2_times_ci_near_consistency(n: int, seed: int) -> None:
    """Invariant (second order in the log errors): GCI / CI → 2n/(n − 2) as the judgments
    approach consistency."""
    rng = np.random.default_rng(seed)
    w = rng.uniform(0.5, 2, n)
    a = w[:, None] / w[None, :]
    iu, ju = np.triu_indices(n, 1)
    a[iu, ju] *= np.exp(rng.normal(0, 0.01, iu.size))
    a[ju, iu] = 1 / a[iu, ju]
    ratio = gci(a, scale=None).value / analyse(a, scale=None).ci
    assert ratio == pytest.approx(2 * n / (n - 2), rel=0.02)


@settings(max_examples=30, deadline=None)
@given(st.integers(3, 9), st.integers(0, 100_000))
def test_consistent_matrices_have_gci_zero(n: int, seed: int) -> None:
    """Invariant: a_ij = w_i/w_j gives GCI = 0, also with pairs left out."""
    w = np.random.default_rng(seed).uniform(0.2, 1.0, n)
    a = w[:, None] / w[None, :]
    assert gci(a, scale=None).value == pytest.approx(0.0, abs=1e-20)
    a[0, n - 1] = a[n - 1, 0] = np.nan
    r = gci(a, scale=None)
    assert r.value == pytest.approx(0.0, abs=1e-20)
    assert r.judged == n * (n - 1) // 2 - 1


def test_incomplete_cycle_by_hand() -> None:
    """Judged pairs form the cycle 1-2-3-4-1 (k = 4, n − 1 = 3, one redundant degree of
    freedom). Log least squares spreads the cycle's inconsistency t = ln(a12 a23 a34 a41)
    equally: each residual is t/4, so GCI = 4 (t/4)² / 1 = t²/4. With 2, 2, 2 and 1/4:
    t = ln 2, GCI = (ln 2)²/4 = 0.1201."""
    nan = None
    a = [[1, 2, nan, 4], ["1/2", 1, 2, nan], [nan, "1/2", 1, 2], ["1/4", nan, "1/2", 1]]
    r = gci(a)
    assert r.value == pytest.approx(math.log(2) ** 2 / 4, rel=1e-10)
    assert (r.judged, r.redundant, r.threshold) == (4, 1, 0.35)
    assert any("4 of 6 pairs judged" in note for note in r.notes)


def test_spanning_tree_says_consistency_cannot_be_checked() -> None:
    nan = None
    r = gci([[1, 3, nan], ["1/3", 1, 5], [nan, "1/5", 1]])
    assert (r.value, r.redundant) == (0.0, 0)
    assert any("none redundant" in note for note in r.notes)


def test_gci_refuses_bad_matrices() -> None:
    with pytest.raises(MethodInputError, match="but"):
        gci([[1, 3, 2], [3, 1, 1], ["1/2", 1, 1]])
    nan = None
    with pytest.raises(MethodInputError, match="never compared"):
        gci([[1, 2, nan, nan], ["1/2", 1, nan, nan], [nan, nan, 1, 3], [nan, nan, "1/3", 1]])
