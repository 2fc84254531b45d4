"""Tests for methods.sensitivity.smaa: analytic SMAA-2 answers, oracle counts, invariants."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from pymcdm import normalizations as pn
from pymcdm.methods import TOPSIS

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods.registry import get_batch_scorer
from clusterrank.methods.result import ranks_from_scores
from clusterrank.methods.sensitivity import DataUncertainty, WeightSampling, smaa
from clusterrank.methods.sensitivity.common import block_generator, competition_ranks
from tests.helpers.problems import build_problem

# Two candidates, two benefit criteria; "max" normalisation gives A = (1, 0.25), B = (0.4, 1).
TWO_BY_TWO = np.array([[10.0, 2.0], [4.0, 8.0]])


def test_two_by_two_weighted_sum_known_acceptabilities() -> None:
    """Analytic SMAA-2 (Lahdelma and Salminen 2001, eqs. 1-4) for a weighted sum.

    With ``max`` normalisation A = (1, 1/4) and B = (2/5, 1). For w = (t, 1 - t):
    s_A = 1/4 + 3t/4 and s_B = 1 - 3t/5, so A ranks first iff t > 5/9. Uniform weights on
    the 2-simplex make t ~ U(0, 1), hence

    * b_A^1 = 4/9, b_B^1 = 5/9 (and b_A^2 = 5/9, b_B^2 = 4/9);
    * central weights: A's t given t > 5/9 has mean 7/9 -> (7/9, 2/9); B's t given t < 5/9
      has mean 5/18 -> (5/18, 13/18);
    * pairwise winning index P(A above B) = 4/9;
    * confidence factors 1 for both (each wins at its own central weights, data certain).

    Estimates must lie within 4 reported Monte Carlo standard errors.
    """
    res = smaa(
        TWO_BY_TWO,
        ["max", "max"],
        "wsm",
        settings={"normalization": "max"},
        n_samples=40_000,
        seed=11,
    )
    truth = np.array([[4 / 9, 5 / 9], [5 / 9, 4 / 9]])
    assert np.all(np.abs(res.acceptability - truth) <= 4 * res.acceptability_se)
    np.testing.assert_allclose(
        res.acceptability_se, np.sqrt(truth * (1 - truth) / 40_000), rtol=0.02
    )
    central = np.array([[7 / 9, 2 / 9], [5 / 18, 13 / 18]])
    assert np.all(np.abs(res.central_weights - central) <= 4 * res.central_weights_se)
    assert res.pairwise is not None
    assert res.pairwise_se is not None
    assert abs(res.pairwise[0, 1] - 4 / 9) <= 4 * res.pairwise_se[0, 1]
    np.testing.assert_array_equal(res.confidence, [1.0, 1.0])
    np.testing.assert_array_equal(res.confidence_se, [0.0, 0.0])


def test_counts_equal_a_loop_of_pymcdm_topsis_calls() -> None:
    """Oracle: the same weight vectors (rebuilt from the block seeds) ranked one by one with
    pymcdm's TOPSIS (vector normalisation) give exactly the same rank counts."""
    p = build_problem(7, 4, seed=3)
    n_samples, block = 300, 64
    res = smaa(p.matrix, p.directions, "topsis", n_samples=n_samples, seed=5, block_size=block)
    sampler = WeightSampling.uniform().prepare(4)
    sizes = [block] * 4 + [n_samples - 4 * block]
    w = np.concatenate(
        [sampler.draw(block_generator(5, 0, k), size) for k, size in enumerate(sizes)]
    )
    body = TOPSIS(normalization_function=pn.vector_normalization)
    counts = np.zeros((7, 7))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for row in w:
            r = ranks_from_scores(body(p.matrix, row, p.directions), higher_is_better=True)
            counts[np.arange(7), r - 1] += 1
    np.testing.assert_array_equal(res.rank_counts, counts)


def test_batch_scores_equal_per_sample_pymcdm_calls() -> None:
    """Oracle: the batch kernel SMAA uses equals pymcdm TOPSIS called on each weight vector."""
    p = build_problem(8, 5, seed=9)
    w = np.random.default_rng(0).dirichlet(np.ones(5), size=50)
    batch = get_batch_scorer("topsis", p.matrix, p.directions).scores(w)
    body = TOPSIS(normalization_function=pn.vector_normalization)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loop = np.array([body(p.matrix, row, p.directions) for row in w])
    np.testing.assert_allclose(batch, loop, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("method", ["topsis", "wsm", "vikor"])
def test_sums_and_simplex(method: str) -> None:
    """Invariants: without ties, acceptabilities sum to 1 over ranks (per candidate) and over
    candidates (per rank); central weights lie on the simplex; indices are in [0, 1]."""
    p = build_problem(6, 3, seed=4)
    res = smaa(p.matrix, p.directions, method, n_samples=600 if method == "vikor" else 3000)
    assert res.tied_samples == 0
    np.testing.assert_allclose(res.acceptability.sum(axis=1), 1.0, atol=1e-12)
    np.testing.assert_allclose(res.acceptability.sum(axis=0), 1.0, atol=1e-12)
    cw = res.central_weights[res.central_defined]
    np.testing.assert_allclose(cw.sum(axis=1), 1.0, atol=1e-9)
    assert np.all(cw >= 0)
    np.testing.assert_allclose(res.central_defined, res.acceptability[:, 0] > 0)
    assert res.pairwise is not None
    np.testing.assert_allclose(res.pairwise + res.pairwise.T + np.eye(6), 1.0, atol=1e-12)


def test_same_seed_same_result_other_seed_other_result() -> None:
    p = build_problem(5, 3, seed=1)
    a = smaa(p.matrix, p.directions, n_samples=2000, seed=42)
    b = smaa(p.matrix, p.directions, n_samples=2000, seed=42)
    c = smaa(p.matrix, p.directions, n_samples=2000, seed=43)
    np.testing.assert_array_equal(a.acceptability, b.acceptability)
    np.testing.assert_array_equal(a.central_weights, b.central_weights)
    assert not np.array_equal(a.acceptability, c.acceptability)
    assert a.settings["seed"] == 42
    assert a.seed == 42


def test_seed_none_is_echoed_and_reusable() -> None:
    p = build_problem(4, 3, seed=2)
    a = smaa(p.matrix, p.directions, n_samples=500, seed=None)
    b = smaa(p.matrix, p.directions, n_samples=500, seed=a.seed)
    np.testing.assert_array_equal(a.acceptability, b.acceptability)


@pytest.mark.parametrize("uncertain", [False, True])
def test_chunk_size_does_not_change_counts(uncertain: bool) -> None:
    """Invariant: chunks are whole sampling blocks with their own seeds, so any chunk size
    gives exactly the same counts (and central weights up to summation order)."""
    p = build_problem(6, 3, seed=6)
    unc = DataUncertainty.plus_minus_percent(10) if uncertain else None
    runs = [
        smaa(
            p.matrix,
            p.directions,
            n_samples=1000,
            seed=3,
            uncertainty=unc,
            block_size=16,
            chunk_size=size,
        )
        for size in (16, 48, 160, None)
    ]
    for other in runs[1:]:
        np.testing.assert_array_equal(other.rank_counts, runs[0].rank_counts)
        assert other.pairwise is not None
        assert runs[0].pairwise is not None
        np.testing.assert_array_equal(other.pairwise, runs[0].pairwise)
        np.testing.assert_allclose(other.central_weights, runs[0].central_weights, rtol=1e-12)
    assert [r.chunk_size for r in runs[:3]] == [16, 48, 160]


def test_zero_data_uncertainty_reproduces_certain_counts() -> None:
    """±0 % uncertainty draws the matrix itself: same weights, same counts as certain data
    (also cross-checks the TOPSIS rank key against plain scores, used in the uncertain path)."""
    p = build_problem(6, 3, seed=8)
    certain = smaa(p.matrix, p.directions, n_samples=1500, seed=2, block_size=32)
    zero = smaa(
        p.matrix,
        p.directions,
        n_samples=1500,
        seed=2,
        block_size=32,
        uncertainty=DataUncertainty.plus_minus_percent(0),
    )
    np.testing.assert_array_equal(certain.rank_counts, zero.rank_counts)
    assert zero.settings["standard_error"].startswith("batch means")
    assert zero.confidence_draws == 1500 // 32 + 1


def test_concentrated_dirichlet_reproduces_the_point_ranking() -> None:
    """With a very high concentration every draw is (almost) the current weights, so each
    candidate takes its current rank with acceptability 1."""
    p = build_problem(5, 3, seed=12)
    ranks = competition_ranks(
        get_batch_scorer("topsis", p.matrix, p.directions).scores(p.weights)[0]
    )
    res = smaa(
        p.matrix, p.directions, sampling=WeightSampling.around(p.weights, 1e9), n_samples=500
    )
    np.testing.assert_array_equal(res.acceptability[np.arange(5), ranks - 1], 1.0)
    assert res.settings["concentration"] == 1e9


def test_duplicate_candidates_share_ranks() -> None:
    """Two identical rows tie in every sample: they share the better rank (competition
    ranking), so their acceptabilities are equal and the tie is reported."""
    p = build_problem(4, 3, seed=5)
    x = np.vstack([p.matrix, p.matrix[:1]])
    res = smaa(x, p.directions, n_samples=800, seed=1)
    np.testing.assert_array_equal(res.acceptability[0], res.acceptability[4])
    assert res.tied_samples == 800
    np.testing.assert_allclose(res.acceptability.sum(axis=1), 1.0)
    assert any("tied" in note for note in res.notes)


def test_progress_can_stop_the_run() -> None:
    p = build_problem(5, 3, seed=1)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return False

    res = smaa(p.matrix, p.directions, n_samples=1000, chunk_size=256, progress=progress)
    assert seen == [(256, 1000)]
    assert res.n_samples == 256
    assert any("stopped early" in note for note in res.notes)


def test_frames_and_settings() -> None:
    p = build_problem(4, 3, seed=7)
    res = smaa(
        p.matrix,
        p.directions,
        "topsis",
        settings={"normalization": "minmax"},
        n_samples=1000,
        pairwise=False,
        candidates=list("abcd"),
    )
    assert res.pairwise is None
    assert res.pairwise_frame() is None
    assert list(res.to_frame().columns)[:2] == ["id", "first_rank_acceptability"]
    assert res.acceptability_frame().shape == (4, 4)
    assert len(res.acceptability_long()) == 16
    assert set(res.central_weights_frame().index) <= set("abcd")
    for key in ("method", "normalization", "sampling", "n_samples", "seed", "chunk_size"):
        assert key in res.settings
    assert "normalization=minmax" in res.settings_text()


def test_bad_inputs_raise_clear_errors() -> None:
    p = build_problem(3, 2, seed=0)
    with pytest.raises(MethodInputError, match="n_samples"):
        smaa(p.matrix, p.directions, n_samples=0)
    with pytest.raises(ConfigurationError, match="unknown ranking method"):
        smaa(p.matrix, p.directions, "nope")
    with pytest.raises(MethodInputError, match="seed"):
        smaa(p.matrix, p.directions, seed=-1)


def test_batch_means_error_matches_binomial_when_blocks_are_independent() -> None:
    """With ±0 % data uncertainty the blocks are independent samples, so the batch-means
    standard error estimates the binomial one: their ratio is near 1 (within 0.75-1.3 for
    indices between 0.1 and 0.9, with 250 blocks)."""
    p = build_problem(4, 3, seed=10)
    zero = smaa(
        p.matrix,
        p.directions,
        n_samples=8000,
        seed=4,
        uncertainty=DataUncertainty.plus_minus_percent(0),
    )
    a = zero.acceptability
    mid = (a > 0.1) & (a < 0.9)
    assert mid.any()
    ratio = zero.acceptability_se[mid] / np.sqrt(a[mid] * (1 - a[mid]) / 8000)
    assert np.all((ratio > 0.75) & (ratio < 1.3))
