"""Tests for methods.sensitivity.ahp_uncertainty: perturbed judgments."""

from __future__ import annotations

import numpy as np
import pytest

from clusterrank.errors import MethodInputError
from clusterrank.methods.ahp import analyse
from clusterrank.methods.sensitivity import JudgmentPerturbation, ahp_uncertainty, method_ranker
from tests.helpers.problems import build_problem

# Saaty (1980)-style 4×4 judgments, CR about 0.04.
JUDGMENTS = [
    [1, 3, 5, 7],
    [1 / 3, 1, 3, 5],
    [1 / 5, 1 / 3, 1, 3],
    [1 / 7, 1 / 5, 1 / 3, 1],
]


@pytest.mark.parametrize(
    "spec", [JudgmentPerturbation("saaty_steps", 0), JudgmentPerturbation("factor", 1)]
)
@pytest.mark.parametrize("derivation", ["eigenvector", "geometric_mean"])
def test_zero_range_reproduces_point_weights_exactly(
    spec: JudgmentPerturbation, derivation: str
) -> None:
    """With no perturbation every draw is the point matrix: weights equal ``analyse``'s
    priorities bit for bit, every draw is kept, the ranking never changes."""
    p = build_problem(5, 4, seed=2)
    ranker = method_ranker(p.matrix, p.directions, "topsis")
    res = ahp_uncertainty(
        JUDGMENTS, perturbation=spec, n_draws=50, derivation=derivation, ranker=ranker
    )
    point = analyse(JUDGMENTS, derivation=derivation).priorities
    for arr in (res.weights_min, res.weights_max, res.weights_q05, res.weights_q95):
        np.testing.assert_array_equal(arr, point)
    assert res.accepted == 50
    assert res.p_ranking_changes == 0.0
    assert res.p_winner_changes == 0.0


def test_saaty_step_multipliers() -> None:
    """One Saaty step moves 3 within [2, 4] and 1/3 within [1/4, 1/2]; 9 cannot exceed 9."""
    upper = np.array([3.0, 1 / 3, 9.0])
    mult = JudgmentPerturbation("saaty_steps", 1).multipliers(upper, np.random.default_rng(0), 4000)
    moved = upper * mult
    assert moved[:, 0].min() >= 2 - 1e-12
    assert moved[:, 0].max() <= 4 + 1e-12
    assert moved[:, 1].min() >= 1 / 4 - 1e-12
    assert moved[:, 1].max() <= 1 / 2 + 1e-12
    assert moved[:, 2].max() <= 9 + 1e-12
    assert moved[:, 2].min() >= 8 - 1e-12


def test_factor_multipliers_are_log_uniform() -> None:
    """log(multiplier) ~ U(-log f, log f): within the range, mean 0 (4 standard errors)."""
    mult = JudgmentPerturbation("factor", 2).multipliers(np.ones(3), np.random.default_rng(1), 5000)
    logs = np.log(mult)
    assert np.all(np.abs(logs) <= np.log(2) + 1e-12)
    sd = np.log(2) / np.sqrt(3)
    assert np.all(np.abs(logs.mean(axis=0)) <= 4 * sd / np.sqrt(5000))


def test_intervals_and_probabilities_are_consistent() -> None:
    """Invariants: min <= q05 <= mean <= q95 <= max; the point weights lie in [min, max];
    a changed winner implies a changed ranking; winner shares sum to >= 1."""
    p = build_problem(6, 4, seed=4)
    res = ahp_uncertainty(
        JUDGMENTS,
        list("abcd"),
        perturbation=JudgmentPerturbation("factor", 2),
        n_draws=400,
        seed=3,
        ranker=method_ranker(p.matrix, p.directions, "wsm"),
    )
    assert np.all(res.weights_min <= res.weights_q05)
    assert np.all(res.weights_q05 <= res.weights_mean)
    assert np.all(res.weights_mean <= res.weights_q95)
    assert np.all(res.weights_q95 <= res.weights_max)
    assert 0 < res.acceptance_rate <= 1
    assert res.p_winner_changes is not None
    assert res.p_ranking_changes is not None
    assert res.p_winner_changes <= res.p_ranking_changes
    assert sum(res.winner_share.values()) >= 1 - 1e-12
    assert list(res.to_frame()["item"]) == list("abcd")
    assert res.settings["perturbation"] == "factor"
    assert res.settings["seed"] == 3


def test_same_seed_same_draws() -> None:
    a = ahp_uncertainty(JUDGMENTS, n_draws=100, seed=9)
    b = ahp_uncertainty(JUDGMENTS, n_draws=100, seed=9)
    np.testing.assert_array_equal(a.weights_q05, b.weights_q05)
    assert a.accepted == b.accepted


def test_no_acceptable_draw_is_a_clear_error() -> None:
    """A perfectly consistent matrix perturbed by a factor 5 under a tiny CR threshold."""
    w = np.array([0.4, 0.3, 0.2, 0.1])
    with pytest.raises(MethodInputError, match="narrow the perturbation"):
        ahp_uncertainty(
            w[:, None] / w[None, :],
            perturbation=JudgmentPerturbation("factor", 5),
            n_draws=30,
            threshold=1e-6,
        )


def test_bad_perturbation_settings() -> None:
    with pytest.raises(MethodInputError, match=">= 1"):
        ahp_uncertainty(JUDGMENTS, perturbation=JudgmentPerturbation("factor", 0.5), n_draws=5)
    with pytest.raises(MethodInputError, match="n_draws"):
        ahp_uncertainty(JUDGMENTS, n_draws=0)
