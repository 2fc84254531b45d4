"""Tests for methods.explain: contributions decompose the registry's scores exactly."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.errors import ConfigurationError
from clusterrank.methods.explain import contributions
from clusterrank.methods.problem import DecisionProblem
from clusterrank.methods.registry import OWN_METHODS, available_methods, rank
from tests.helpers.problems import random_problem_list

ADDITIVE = [
    ("wsm", {"normalization": "minmax"}),
    ("wsm", {"normalization": "vector"}),
    ("wsm", {"normalization": "sum"}),
    ("wsm", {"normalization": "max"}),
    ("ahp", {"mode": "distributive"}),
    ("ahp", {"mode": "ideal"}),
]
TOPSIS = [{"normalization": "vector"}, {"normalization": "minmax"}]


def _problems() -> list[tuple[DecisionProblem, np.ndarray]]:
    return [(DecisionProblem.of(p.matrix, p.directions), p.weights) for p in random_problem_list()]


@pytest.mark.parametrize(("method", "options"), ADDITIVE)
def test_additive_contributions_sum_to_the_registry_score(
    method: str, options: dict[str, str]
) -> None:
    """Invariant: for WSM and AHP synthesis, sum_j values[i, j] == rank(...).scores[i].

    Checked on the twenty seeded problems of tests.helpers.problems (numpy default_rng seeds
    0..19, 2..12 candidates, 1..7 criteria, mixed directions) under every normalisation/mode.
    """
    for problem, w in _problems():
        c = contributions(problem, w, method, options)
        score = rank(problem, w, method=method, settings=options).scores
        assert c.kind == "additive"
        assert c.exact
        assert c.to_ideal is None
        assert c.to_anti_ideal is None
        np.testing.assert_allclose(c.values.sum(axis=1), score, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("options", TOPSIS)
def test_topsis_terms_sum_to_the_squared_distances(options: dict[str, str]) -> None:
    """Invariant: rows of to_ideal sum to S+², rows of to_anti_ideal to S-², and the
    closeness sqrt(S-²) / (sqrt(S+²) + sqrt(S-²)) recomputed from them equals the
    registry's TOPSIS score; values == to_anti_ideal - to_ideal.

    Checked on the twenty seeded problems of tests.helpers.problems.
    """
    for problem, w in _problems():
        c = contributions(problem, w, "topsis", options)
        result = rank(problem, w, method="topsis", settings=options)
        assert c.to_ideal is not None
        assert c.to_anti_ideal is not None
        s_plus2, s_minus2 = c.to_ideal.sum(axis=1), c.to_anti_ideal.sum(axis=1)
        np.testing.assert_allclose(s_plus2, result.details["distance_to_ideal"] ** 2, atol=1e-15)
        np.testing.assert_allclose(
            s_minus2, result.details["distance_to_anti_ideal"] ** 2, atol=1e-15
        )
        s_plus, s_minus = np.sqrt(s_plus2), np.sqrt(s_minus2)
        total = s_plus + s_minus
        closeness = np.divide(s_minus, total, out=np.full_like(total, 0.5), where=total > 0)
        np.testing.assert_allclose(closeness, result.scores, rtol=1e-12, atol=1e-15)
        np.testing.assert_array_equal(c.values, c.to_anti_ideal - c.to_ideal)
        assert c.kind == "topsis"
        assert c.exact


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    m=st.integers(1, 9),
    n=st.integers(1, 6),
    method=st.sampled_from(["wsm", "ahp", "topsis"]),
)
def test_exact_decomposition_on_hypothesis_problems(seed: int, m: int, n: int, method: str) -> None:
    """Invariant (hypothesis over numpy default_rng seeds): for wsm and ahp the rows of
    ``values`` sum to the registry score; for topsis they sum to S-² − S+². Weights are not
    normalised on input (contributions rescales them exactly as rank does).
    """
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.5, 1e3, size=(m, n))
    d = np.where(rng.random(n) < 0.5, -1, 1)
    w = rng.uniform(0.01, 5.0, size=n)
    problem = DecisionProblem.of(x, d)
    c = contributions(problem, w, method)
    result = rank(problem, w, method=method)
    if method == "topsis":
        want = (
            result.details["distance_to_anti_ideal"] ** 2 - result.details["distance_to_ideal"] ** 2
        )
    else:
        want = result.scores
    np.testing.assert_allclose(c.values.sum(axis=1), want, rtol=1e-12, atol=1e-14)


def _hand_problem() -> tuple[DecisionProblem, list[float]]:
    """A1 = (3, 4), A2 = (1, 2); C1 benefit, C2 cost; weights (0.6, 0.4)."""
    problem = DecisionProblem.of(
        [[3.0, 4.0], [1.0, 2.0]], ["benefit", "cost"], candidates=("A1", "A2")
    )
    return problem, [0.6, 0.4]


def test_wsm_by_hand() -> None:
    """Hand computation (Hwang and Yoon 1981, SAW with min-max normalisation).

    C1 benefit: (x - 1) / (3 - 1) -> A1 1, A2 0. C2 cost: (4 - x) / (4 - 2) -> A1 0, A2 1.
    Contributions w_j r_ij: A1 (0.6 · 1, 0.4 · 0) = (0.6, 0); A2 (0, 0.4). Scores 0.6, 0.4.
    """
    problem, w = _hand_problem()
    c = contributions(problem, w, "wsm")
    np.testing.assert_allclose(c.values, [[0.6, 0.0], [0.0, 0.4]], atol=1e-15)
    assert c.row("A2") == pytest.approx({"C1": 0.0, "C2": 0.4})
    assert c.settings == {"normalization": "minmax"}


def test_ahp_by_hand() -> None:
    """Hand computation (Saaty 1980, distributive synthesis from ratio-scale data).

    C1 benefit x / Σx: A1 3/4, A2 1/4. C2 cost (1/x) / Σ(1/x): 1/4 and 1/2 over 3/4 ->
    A1 1/3, A2 2/3. Contributions: A1 (0.6 · 3/4, 0.4 · 1/3) = (0.45, 0.13333...),
    A2 (0.15, 0.26667...); scores 0.58333... and 0.41667....
    """
    problem, w = _hand_problem()
    c = contributions(problem, w, "ahp")
    np.testing.assert_allclose(c.values, [[0.45, 0.4 / 3], [0.15, 0.8 / 3]], rtol=1e-14)
    np.testing.assert_allclose(c.values.sum(axis=1), [7 / 12, 5 / 12], rtol=1e-14)


def test_topsis_by_hand() -> None:
    """Hand computation (Hwang and Yoon 1981, pp. 131-133, vector normalisation).

    C1: ||(3, 1)|| = √10, r = (3/√10, 1/√10); ideal 3/√10, anti-ideal 1/√10 (benefit).
    C2: ||(4, 2)|| = √20, r = (2/√5, 1/√5); ideal 1/√5, anti-ideal 2/√5 (cost).
    A1: to_ideal = (0, 0.4² · (1/√5)²) = (0, 0.032); to_anti = (0.6² · (2/√10)², 0) = (0.144, 0).
    A2 mirrors it: to_ideal (0.144, 0), to_anti (0, 0.032).
    Closeness A1 = √0.144 / (√0.032 + √0.144) = 0.6796..., A2 = 1 - that.
    """
    problem, w = _hand_problem()
    c = contributions(problem, w, "topsis")
    assert c.to_ideal is not None
    assert c.to_anti_ideal is not None
    np.testing.assert_allclose(c.to_ideal, [[0.0, 0.032], [0.144, 0.0]], atol=1e-15)
    np.testing.assert_allclose(c.to_anti_ideal, [[0.144, 0.0], [0.0, 0.032]], atol=1e-15)
    np.testing.assert_allclose(c.values, [[0.144, -0.032], [-0.144, 0.032]], atol=1e-15)
    a1 = np.sqrt(0.144) / (np.sqrt(0.032) + np.sqrt(0.144))
    np.testing.assert_allclose(rank(problem, w).scores, [a1, 1 - a1], rtol=1e-12)
    assert "S-² − S+²" in c.description
    assert "vector normalisation" in c.description


def test_every_catalogue_method_is_indicative() -> None:
    """Methods whose score is not a sum get w_j × min-max position, exact=False, and say so.

    On the hand problem, min-max positions are A1 (1, 0) and A2 (0, 1) (C2 is a cost).
    """
    problem, w = _hand_problem()
    names = [m.name for m in available_methods("ranking") if m.name not in OWN_METHODS]
    assert names
    for name in names:
        c = contributions(problem, w, name)
        assert c.kind == "indicative"
        assert not c.exact
        assert "not a sum" in c.description
        np.testing.assert_allclose(c.values, [[0.6, 0.0], [0.0, 0.4]], atol=1e-15)


def test_weights_are_rescaled_like_the_registry() -> None:
    """Weights (3, 2) mean (0.6, 0.4): the same contributions as the normalised vector."""
    problem, _ = _hand_problem()
    np.testing.assert_allclose(
        contributions(problem, [3.0, 2.0], "wsm").values,
        contributions(problem, [0.6, 0.4], "wsm").values,
        rtol=1e-15,
    )


def test_unknown_method_or_setting_is_refused() -> None:
    problem, w = _hand_problem()
    with pytest.raises(ConfigurationError, match="unknown ranking method"):
        contributions(problem, w, "nope")
    with pytest.raises(ConfigurationError, match="normalization"):
        contributions(problem, w, "topsis", {"normalization": "sum"})


def test_arrays_are_read_only() -> None:
    problem, w = _hand_problem()
    c = contributions(problem, w, "topsis")
    with pytest.raises(ValueError, match="read-only"):
        c.values[0, 0] = 1.0
