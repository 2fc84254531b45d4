"""Property tests: the units a criterion is measured in never change a ranking or a weight.

Every ranking method clusterrank offers (listed from the registry, with every choice of each
setting that has choices: both TOPSIS normalisations, every pymcdm normalisation, every
PROMETHEE preference function, both AHP modes) depends on a column only through ratios of
its values, so measuring one criterion in other units (multiplying its column by 10**k)
must leave the ranks exactly as they were — for k anywhere in [-300, 300], where the old
kernels overflowed (1e308**2) or underflowed (1e-170**2). No method is excluded: each was
checked to be mathematically scale-invariant (its normalisation, thresholds and bounds are
all in the column's own units or ratios of them).

Settings given in a criterion's units (SPOTIS bounds, PROMETHEE p and q) are scaled with the
column. Examples are drawn deterministically (``derandomize``) and kept few, so the suite
stays fast and a failure reproduces.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.errors import MethodInputError
from clusterrank.methods.objective_weights import objective_weight_names, objective_weights
from clusterrank.methods.registry import available_methods, rank

FEW = settings(max_examples=30, deadline=None, derandomize=True)


def _configurations() -> list[tuple[str, dict[str, Any]]]:
    """Every ranking method with every combination of its choice settings."""
    out: list[tuple[str, dict[str, Any]]] = []
    for info in available_methods("ranking"):
        keys = [k for k, s in info.settings.items() if s.choices]
        choices = [info.settings[k].choices for k in keys]
        out += [
            (info.name, dict(zip(keys, combo, strict=True)))
            for combo in itertools.product(*choices)
        ]
    return out


CONFIGURATIONS = _configurations()
IDS = [name + "".join(f"-{v}" for v in s.values()) for name, s in CONFIGURATIONS]


@st.composite
def problems(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, int]:
    """A positive integer matrix (2-6 × 2-4), weights, mixed directions, a column and k."""
    m = draw(st.integers(2, 6))
    n = draw(st.integers(2, 4))
    values = draw(st.lists(st.integers(1, 50), min_size=m * n, max_size=m * n))
    weights = draw(st.lists(st.integers(1, 9), min_size=n, max_size=n))
    directions = np.array(draw(st.lists(st.sampled_from([1, -1]), min_size=n, max_size=n)))
    column = draw(st.integers(0, n - 1))
    if np.all(directions == directions[0]):  # some methods need a cost (or a benefit) criterion
        directions[(column + 1) % n] *= -1
    k = draw(st.integers(-300, 300))
    matrix = np.array(values, dtype=float).reshape(m, n)
    return matrix, np.array(weights, dtype=float), directions, column, k


def _ranks_or_error(
    matrix: np.ndarray, weights: np.ndarray, directions: np.ndarray, name: str, s: dict[str, Any]
) -> list[int] | str:
    try:
        return rank(matrix, weights, directions, name, settings=s).ranks.tolist()
    except MethodInputError:
        return "refused"


@pytest.mark.parametrize(("name", "choice"), CONFIGURATIONS, ids=IDS)
@FEW
@given(problem=problems())
def test_scaling_one_column_by_a_power_of_ten_leaves_the_ranking_unchanged(
    name: str, choice: dict[str, Any], problem: tuple[Any, ...]
) -> None:
    """Invariant: for every ranking method and setting, multiplying one column (benefit or
    cost) by 10**k, k in [-300, 300], gives exactly the same ranks (or the same refusal, for
    data a method cannot take, e.g. CoCoSo's all-worst candidate)."""
    matrix, weights, directions, column, k = problem
    scaled = matrix.copy()
    scaled[:, column] *= 10.0**k
    before = _ranks_or_error(matrix, weights, directions, name, choice)
    after = _ranks_or_error(scaled, weights, directions, name, choice)
    assert after == before


@FEW
@given(problem=problems(), p_share=st.floats(0.3, 0.9), q_share=st.floats(0.0, 0.25))
def test_promethee_thresholds_scaled_with_their_column_leave_the_ranking_unchanged(
    problem: tuple[Any, ...], p_share: float, q_share: float
) -> None:
    """Invariant: PROMETHEE II thresholds are in criterion units; scaling a column and its p
    and q by 10**k together changes no rank (vshape_2 uses both thresholds)."""
    matrix, weights, directions, column, k = problem
    spread = np.ptp(matrix, axis=0) + 1.0
    p, q = p_share * spread, q_share * spread
    factor = np.ones(matrix.shape[1])
    factor[column] = 10.0**k
    base = {"preference_function": "vshape_2", "p": p.tolist(), "q": q.tolist()}
    moved = {
        "preference_function": "vshape_2",
        "p": (p * factor).tolist(),
        "q": (q * factor).tolist(),
    }
    before = _ranks_or_error(matrix, weights, directions, "promethee_ii", base)
    after = _ranks_or_error(matrix * factor, weights, directions, "promethee_ii", moved)
    assert after == before


@FEW
@given(problem=problems())
def test_spotis_bounds_scaled_with_their_column_leave_the_ranking_unchanged(
    problem: tuple[Any, ...],
) -> None:
    """Invariant: SPOTIS bounds are in criterion units; scaling a column and its bounds by
    10**k together changes no rank."""
    matrix, weights, directions, column, k = problem
    bounds = np.column_stack([np.zeros(matrix.shape[1]), matrix.max(axis=0) * 2])
    factor = np.ones(matrix.shape[1])
    factor[column] = 10.0**k
    base = {"bounds": bounds.tolist()}
    moved = {"bounds": (bounds * factor[:, None]).tolist()}
    before = _ranks_or_error(matrix, weights, directions, "spotis", base)
    after = _ranks_or_error(matrix * factor, weights, directions, "spotis", moved)
    assert after == before


@pytest.mark.parametrize("method", objective_weight_names())
@FEW
@given(problem=problems())
def test_objective_weights_do_not_depend_on_a_columns_units(
    method: str, problem: tuple[Any, ...]
) -> None:
    """Invariant: entropy, CRITIC, standard-deviation and MEREC weights are functions of each
    column's ratios (or min-max normalised values), so scaling a column by 10**k, k in
    [-300, 300], gives the same weights (to rounding)."""
    matrix, _, directions, column, k = problem
    scaled = matrix.copy()
    scaled[:, column] *= 10.0**k
    before = objective_weights(matrix, directions, method)
    after = objective_weights(scaled, directions, method)
    np.testing.assert_allclose(after.weights, before.weights, rtol=1e-9, atol=1e-12)
    assert after.notes == before.notes


@pytest.mark.parametrize(("name", "choice"), CONFIGURATIONS, ids=IDS)
@pytest.mark.parametrize("direction", [1, -1], ids=["benefit", "cost"])
def test_a_column_of_huge_values_ranks_its_best_candidate_first(
    name: str, choice: dict[str, Any], direction: int
) -> None:
    """1.7e308 against 1e308 twice (and the mirror image for a cost criterion): the one that
    differs is best, for every method; no note calls the column constant. A second, constant
    criterion of the other direction lets methods that need a cost criterion run."""
    best, other = (1.7e308, 1e308) if direction == 1 else (1e308, 1.7e308)
    matrix = np.array([[best, 1.0], [other, 1.0], [other, 1.0]])
    res = rank(matrix, None, [direction, -direction], name, settings=choice)
    assert res.ranks.tolist() == [1, 2, 2]
    assert not any("C1" in note and "constant" in note for note in res.notes)


@pytest.mark.parametrize(("name", "choice"), CONFIGURATIONS, ids=IDS)
@pytest.mark.parametrize("exponent", [-1000, 1000])
def test_scaling_columns_by_powers_of_two_changes_no_score_at_all(
    name: str, choice: dict[str, Any], exponent: int, make_problem: Any
) -> None:
    """Multiplying by 2**k is exact, and every method first brings each column to the same
    binary scale (methods.scaling), so columns scaled by 2**1000 (values near 1e303) or
    2**-1000 (near 1e-301) give bit-identical scores — not merely the same ranks."""
    for seed in range(3):
        p = make_problem(6, 4, seed=seed)
        factor = np.ldexp(1.0, [exponent, 0, -exponent, exponent])
        before = rank(p.matrix, p.weights, p.directions, name, settings=choice)
        after = rank(p.matrix * factor, p.weights, p.directions, name, settings=choice)
        np.testing.assert_array_equal(after.scores, before.scores)
