"""Tests for methods.topsis: published examples, pymcdm cross-checks, batch kernel, properties."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymcdm import normalizations as pn
from pymcdm.methods import TOPSIS

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods.topsis import prepare_topsis, topsis, topsis_batch_scores
from tests.helpers.problems import DecisionProblem, build_problem

FloatArray = npt.NDArray[np.float64]

# Hwang & Yoon (1981), fighter-aircraft example: speed (Mach), ferry range (NM), payload (lb),
# acquisition cost ($10^6, the one cost attribute), reliability and manoeuvrability (scores).
AIRCRAFT = np.array(
    [
        [2.0, 1500, 20000, 5.5, 5, 9],
        [2.5, 2700, 18000, 6.5, 3, 5],
        [1.8, 2000, 21000, 4.5, 7, 7],
        [2.2, 1800, 20000, 5.0, 5, 5],
    ]
)
AIRCRAFT_W = np.array([0.2, 0.1, 0.1, 0.1, 0.2, 0.3])
AIRCRAFT_DIR = ["max", "max", "max", "min", "max", "max"]


def textbook_topsis(x: FloatArray, w: FloatArray, d: list[int] | FloatArray) -> FloatArray:
    """Independent step-by-step recomputation (Hwang & Yoon's five steps, weighted matrix)."""
    r = x / np.sqrt((x**2).sum(axis=0))
    v = r * (w / w.sum())
    benefit = np.asarray(d) > 0
    best = np.where(benefit, v.max(axis=0), v.min(axis=0))
    worst = np.where(benefit, v.min(axis=0), v.max(axis=0))
    s_plus = np.sqrt(((v - best) ** 2).sum(axis=1))
    s_minus = np.sqrt(((v - worst) ** 2).sum(axis=1))
    return np.asarray(s_minus / (s_plus + s_minus), dtype=float)


def pymcdm_topsis(p: DecisionProblem, normalization: str) -> FloatArray:
    func = pn.vector_normalization if normalization == "vector" else pn.minmax_normalization
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scores = TOPSIS(normalization_function=func)(p.matrix, p.weights, p.directions)
    return np.asarray(scores, dtype=float)


def test_hwang_yoon_fighter_aircraft() -> None:
    """Hwang & Yoon (1981), *Multiple Attribute Decision Making*, Springer LNEMS 186,
    fighter-aircraft example, pp. 133-134.

    Separation measures S* and S- are published to 4 decimals (atol 1e-4); relative closeness
    C* = 0.643, 0.268, 0.613, 0.312 to 3 decimals, derived in the book from the rounded S
    values (0.0920 / 0.1500 = 0.6133 against the unrounded 0.6135), hence atol 1e-3. Scores
    agree with an independent unrounded step-by-step recomputation to 1e-12. The published
    normalised matrix has small hand-arithmetic slips: column X4 was divided by ~10.863
    instead of sqrt(117.75) = 10.851 (compared at rtol 1.5e-3) and r_42 is printed 0.4392
    for 1800/4096.3 = 0.4394 (column X2 at atol 3e-4); the other columns agree to 1e-4.
    The published figures were taken from a transcription of the book's tables (the mcdajs
    "fighter aircraft" example), not from the book itself.
    """
    published_r = np.array(
        [
            [0.4671, 0.3662, 0.5056, 0.5063, 0.4811, 0.6708],
            [0.5839, 0.6591, 0.4550, 0.5983, 0.2887, 0.3727],
            [0.4204, 0.4882, 0.5308, 0.4143, 0.6736, 0.5217],
            [0.5139, 0.4392, 0.5056, 0.4603, 0.4811, 0.3727],
        ]
    )
    res = topsis(AIRCRAFT, AIRCRAFT_W, AIRCRAFT_DIR)
    r = res.details["normalized"]
    np.testing.assert_allclose(r[:, [0, 2, 4, 5]], published_r[:, [0, 2, 4, 5]], atol=1e-4)
    np.testing.assert_allclose(r[:, 1], published_r[:, 1], atol=3e-4)
    np.testing.assert_allclose(r[:, 3], published_r[:, 3], rtol=1.5e-3)
    np.testing.assert_allclose(
        res.details["distance_to_ideal"], [0.0545, 0.1197, 0.0580, 0.1009], atol=1e-4
    )
    np.testing.assert_allclose(
        res.details["distance_to_anti_ideal"], [0.0983, 0.0439, 0.0920, 0.0458], atol=1e-4
    )
    np.testing.assert_allclose(res.scores, [0.643, 0.268, 0.613, 0.312], atol=1e-3)
    np.testing.assert_allclose(
        res.scores, textbook_topsis(AIRCRAFT, AIRCRAFT_W, [1, 1, 1, -1, 1, 1]), rtol=1e-12
    )
    np.testing.assert_array_equal(res.ranks, [1, 4, 2, 3])


def test_tzeng_huang_example() -> None:
    """Tzeng & Huang (2011), *Multiple Attribute Decision Making: Methods and Applications*,
    CRC Press, ch. 4 TOPSIS numerical example (4 alternatives, 3 benefit criteria, w = 0.3,
    0.4, 0.3), as transcribed in scikit-criteria's test-suite (page not re-checked against
    the book): closeness 0.5037, 0.6581, 0.7482, 0.3340 (atol 1e-4)."""
    x = np.array([[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]], dtype=float)
    res = topsis(x, [0.3, 0.4, 0.3], ["max"] * 3)
    np.testing.assert_allclose(res.scores, [0.5037, 0.6581, 0.7482, 0.3340], atol=1e-4)
    np.testing.assert_array_equal(res.ranks, [3, 2, 1, 4])


@pytest.mark.parametrize("normalization", ["vector", "minmax"])
def test_matches_pymcdm(normalization: str, random_problems: list[DecisionProblem]) -> None:
    """Same closeness as pymcdm's TOPSIS given the same normalisation function (20 problems)."""
    for p in random_problems:
        ours = topsis(p.matrix, p.weights, p.directions, normalization).scores
        np.testing.assert_allclose(ours, pymcdm_topsis(p, normalization), rtol=1e-10, atol=1e-12)


def test_batch_equals_single_calls(
    make_problem: Callable[..., DecisionProblem],
    weight_batch: Callable[[int, int, int], FloatArray],
) -> None:
    """topsis_batch_scores on an N×n batch equals N one-vector calls, row by row."""
    for normalization in ("vector", "minmax"):
        p = make_problem(9, 5, seed=11)
        prepared = prepare_topsis(p.matrix, p.directions, normalization)
        w = weight_batch(200, 5, 3)
        batch = topsis_batch_scores(prepared, w)
        single = np.array([topsis_batch_scores(prepared, row) for row in w])
        assert batch.shape == (200, 9)
        np.testing.assert_allclose(batch, single, rtol=1e-12)
        full = np.array(
            [topsis(p.matrix, row, p.directions, normalization).scores for row in w[:5]]
        )
        np.testing.assert_allclose(batch[:5], full, rtol=1e-12)


problems = st.builds(
    build_problem,
    m=st.integers(2, 8),
    n=st.integers(1, 5),
    seed=st.integers(0, 10_000),
)


@settings(max_examples=50, deadline=None)
@given(p=problems, k=st.floats(0.01, 100.0), normalization=st.sampled_from(["vector", "minmax"]))
def test_weight_scaling_keeps_ranks(p: DecisionProblem, k: float, normalization: str) -> None:
    """Invariant: multiplying every weight by k > 0 leaves the ranks (and scores) unchanged."""
    base = topsis(p.matrix, p.weights, p.directions, normalization)
    scaled = topsis(p.matrix, p.weights * k, p.directions, normalization)
    np.testing.assert_array_equal(base.ranks, scaled.ranks)
    np.testing.assert_allclose(base.scores, scaled.scores, rtol=1e-9)


@settings(max_examples=50, deadline=None)
@given(
    p=problems, perm_seed=st.integers(0, 1000), normalization=st.sampled_from(["vector", "minmax"])
)
def test_permuting_candidates_permutes_results(
    p: DecisionProblem, perm_seed: int, normalization: str
) -> None:
    """Invariant: reordering the candidates reorders scores and ranks the same way."""
    perm = np.random.default_rng(perm_seed).permutation(p.shape[0])
    base = topsis(p.matrix, p.weights, p.directions, normalization)
    moved = topsis(p.matrix[perm], p.weights, p.directions, normalization)
    np.testing.assert_allclose(moved.scores, base.scores[perm], rtol=1e-12)
    np.testing.assert_array_equal(moved.ranks, base.ranks[perm])


@settings(max_examples=50, deadline=None)
@given(
    p=problems,
    gain=st.floats(0.0, 20.0),
    col_seed=st.integers(0, 1000),
    normalization=st.sampled_from(["vector", "minmax"]),
)
def test_dominance_is_respected(
    p: DecisionProblem, gain: float, col_seed: int, normalization: str
) -> None:
    """Invariant: a candidate at least as good on every criterion and strictly better on one
    (here: candidate 0 = a copy of candidate 1, improved by ``gain`` on some criteria and by
    at least 1 on one) never ranks below the candidate it dominates."""
    rng = np.random.default_rng(col_seed)
    x = p.matrix.copy()
    n = p.shape[1]
    step = rng.uniform(0.0, gain, size=n) * (rng.random(n) < 0.5)
    step[rng.integers(n)] += 1.0
    x[0] = x[1] + p.directions * step
    res = topsis(x, p.weights, p.directions, normalization)
    assert res.ranks[0] <= res.ranks[1]
    assert res.scores[0] >= res.scores[1] - 1e-12


def test_constant_criterion_noted_and_inert() -> None:
    """A constant criterion is noted and changes nothing: scores equal those without it."""
    x = np.array([[3.0, 7.0, 2.0], [5.0, 7.0, 9.0], [4.0, 7.0, 1.0]])
    res = topsis(x, [0.4, 0.3, 0.3], ["max", "max", "min"], criteria=["a", "b", "c"])
    without = topsis(x[:, [0, 2]], [0.4, 0.3], ["max", "min"])
    np.testing.assert_allclose(res.scores, without.scores, rtol=1e-12)
    assert any("'b'" in note and "constant" in note for note in res.notes)


def test_single_candidate() -> None:
    """One candidate: closeness 0.5 by the documented convention, rank 1, and a note."""
    res = topsis([[3.0, 4.0]], [0.5, 0.5], ["max", "min"], candidates=["only"])
    np.testing.assert_array_equal(res.scores, [0.5])
    np.testing.assert_array_equal(res.ranks, [1])
    assert any("only one candidate (only)" in note for note in res.notes)


def test_identical_candidates_share_rank() -> None:
    """Identical rows tie: they share the better rank and a note lists them."""
    x = np.array([[1.0, 2.0], [3.0, 1.0], [3.0, 1.0]])
    res = topsis(x, None, ["max", "min"])
    assert res.ranks[1] == res.ranks[2] == 1
    assert res.ranks[0] == 3
    assert any("tie: A2, A3 share rank 1" in note for note in res.notes)
    assert any("equal weights" in note for note in res.notes)


def test_zero_column_is_finite_with_note() -> None:
    """An all-zero column under vector normalisation: finite scores and a note naming it."""
    x = np.array([[1.0, 0.0], [2.0, 0.0], [4.0, 0.0]])
    res = topsis(x, [0.5, 0.5], ["max", "max"])
    assert np.all(np.isfinite(res.scores))
    np.testing.assert_array_equal(res.ranks, [3, 2, 1])
    assert any("column 2" in note and "all zero" in note for note in res.notes)


@pytest.mark.parametrize("normalization", ["vector", "minmax"])
def test_all_constant_gives_half_with_note(normalization: str) -> None:
    """Every criterion constant: S+ = S- = 0 for all, closeness 0.5 for all, with a note."""
    res = topsis(np.full((3, 2), 4.0), [0.5, 0.5], ["max", "min"], normalization)
    np.testing.assert_array_equal(res.scores, [0.5, 0.5, 0.5])
    assert any("closeness set to 0.5" in note for note in res.notes)


def test_zero_weight_on_every_varying_criterion() -> None:
    """Zero weight on all criteria that vary gives 0.5 (kernel) and a note (wrapper)."""
    x = np.array([[1.0, 5.0], [2.0, 5.0]])
    prepared = prepare_topsis(x, ["max", "max"])
    np.testing.assert_array_equal(topsis_batch_scores(prepared, np.array([0.0, 1.0])), [0.5, 0.5])
    res = topsis(x, [0.0, 1.0], ["max", "max"])
    assert any("A1, A2: zero distance" in note for note in res.notes)


def test_result_echoes_settings_and_details() -> None:
    """The result names its normalisation and carries weighted ideal and anti-ideal points."""
    res = topsis(AIRCRAFT, AIRCRAFT_W, AIRCRAFT_DIR, "minmax")
    assert dict(res.settings) == {"normalization": "minmax"}
    assert res.method == "topsis"
    np.testing.assert_allclose(res.details["ideal"], AIRCRAFT_W * [1, 1, 1, 0, 1, 1])
    np.testing.assert_allclose(res.details["anti_ideal"], AIRCRAFT_W * [0, 0, 0, 1, 0, 0])


def test_bad_inputs() -> None:
    """Unknown normalisation -> ConfigurationError; NaN cell -> MethodInputError."""
    with pytest.raises(ConfigurationError, match="vector, minmax"):
        topsis(AIRCRAFT, AIRCRAFT_W, AIRCRAFT_DIR, "sum")
    with pytest.raises(MethodInputError, match="row 1, column 1"):
        topsis([[np.nan, 1.0], [1.0, 2.0]], None, ["max", "max"])
