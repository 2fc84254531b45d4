"""clusterrank.methods.ahp.optimal_completion: the completion of minimal λmax, and its setting.

Known answers from Bozóki, Fülöp & Rónyai (2010), "On optimal completion of incomplete
pairwise comparison matrices", Mathematical and Computer Modelling 52, 318–333; properties
(consistent judgments are completed exactly; nothing beats the optimum); and an independent
cross-check against scipy's BFGS on λmax itself (finite-difference gradients, so it shares no
code with the coordinate descent).
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import numpy.typing as npt
import pytest
from scipy.optimize import minimize

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods.ahp import (
    COMPLETIONS,
    analyse,
    complete,
    completed,
    lambda_max_completion,
    most_inconsistent,
)
from clusterrank.methods.ahp.incomplete import components
from clusterrank.methods.ahp.optimal_completion import slopes
from clusterrank.methods.ahp.random_index import SAATY_SCALE

NAN = math.nan
FloatArray = npt.NDArray[np.float64]


def lam(a: npt.ArrayLike) -> float:
    """λmax straight from numpy (no code of ours)."""
    return float(np.max(np.linalg.eigvals(np.asarray(a, dtype=float)).real))


def consistent(w: npt.ArrayLike) -> FloatArray:
    v = np.asarray(w, dtype=float)
    return np.asarray(v[:, None] / v[None, :], dtype=float)


def drop(a: FloatArray, pairs: list[tuple[int, int]]) -> FloatArray:
    out = a.copy()
    for i, j in pairs:
        out[i, j] = out[j, i] = NAN
    return out


def random_incomplete(rng: np.random.Generator, n: int, share: float) -> FloatArray:
    """A noisy reciprocal n×n matrix with about ``share`` of its pairs missing, connected."""
    while True:
        w = rng.lognormal(size=n)
        a = np.ones((n, n))
        for i in range(n):
            for j in range(i + 1, n):
                a[i, j] = w[i] / w[j] * math.exp(rng.normal(scale=0.5))
                a[j, i] = 1.0 / a[i, j]
                if rng.random() < share:
                    a[i, j] = a[j, i] = NAN
        if np.isnan(a).any() and len(components(a)) == 1:
            return a


def free_pairs(a: FloatArray) -> list[tuple[int, int]]:
    n = a.shape[0]
    return [(i, j) for i in range(n) for j in range(i + 1, n) if math.isnan(a[i, j])]


def fill(a: FloatArray, pairs: list[tuple[int, int]], y: npt.ArrayLike) -> FloatArray:
    out = a.copy()
    for (i, j), t in zip(pairs, np.asarray(y, dtype=float), strict=True):
        out[i, j], out[j, i] = math.exp(t), math.exp(-t)
    return out


# --- known answers -----------------------------------------------------------------------


def test_paper_example_3_one_missing_element_of_a_4x4() -> None:
    """Bozóki, Fülöp & Rónyai (2010), Example 3 (section 6): a 4×4 matrix U with one missing
    element x in the two triads [1 5 2; 1/5 1 x; 1/2 1/x 1] and [1 3 4; 1/3 1 x; 1/4 1/x 1].
    The paper's λmax-optimal x is 0.7302965066047, "equal to van Uden's approximation
    sqrt(2/5 · 4/3) = 0.73029674334 up to 6 digits". The entry linking the two triads' third
    items is not printed in the excerpt we had; the optimum does not depend on it (checked over
    the whole Saaty scale), and ours is van Uden's value, whose λmax is lower still than at the
    paper's printed x (the paper's algorithm stopped at its own tolerance)."""
    paper_x = 0.7302965066047
    for link in SAATY_SCALE:
        u = np.array(
            [
                [1, 5, 2, link],
                [1 / 5, 1, NAN, 1 / 3],
                [1 / 2, NAN, 1, 1 / 4],
                [1 / link, 3, 4, 1],
            ]
        )
        got = lambda_max_completion(u)
        x = got.matrix[1, 2]
        assert x == pytest.approx(paper_x, rel=1e-6)
        assert x == pytest.approx(math.sqrt(2 / 5 * 4 / 3), rel=1e-9)
        assert got.matrix[2, 1] == pytest.approx(1 / x, rel=1e-15)
        at_paper = u.copy()
        at_paper[1, 2], at_paper[2, 1] = paper_x, 1 / paper_x
        assert got.lambda_max <= lam(at_paper) + 1e-14
        assert got.lambda_max == pytest.approx(lam(got.matrix), abs=1e-12)


@pytest.mark.parametrize(("a12", "a23"), [(3.0, 2.0), (1 / 5, 7.0), (9.0, 9.0)])
def test_three_by_three_with_one_missing_is_completed_to_the_product(
    a12: float, a23: float
) -> None:
    """n = 3, a12 and a23 known: a13 = a12 · a23 makes the matrix consistent, so λmax = 3 is
    reached and nothing lower exists (λmax >= n for every reciprocal matrix, Saaty 1980)."""
    a = np.array([[1, a12, NAN], [1 / a12, 1, a23], [NAN, 1 / a23, 1]])
    got = lambda_max_completion(a)
    assert got.matrix[0, 2] == pytest.approx(a12 * a23, rel=1e-9)
    assert got.lambda_max == pytest.approx(3.0, abs=1e-12)


# --- properties ----------------------------------------------------------------------------


@pytest.mark.parametrize("n", [4, 5, 7, 9])
def test_consistent_judgments_with_pairs_removed_are_completed_exactly(n: int) -> None:
    """Removing pairs of a consistent matrix (graph still connected, down to a spanning path)
    and completing them gives back w_i/w_j and λmax = n, by either completion."""
    rng = np.random.default_rng(n)
    w = rng.lognormal(size=n)
    full = consistent(w)
    path_only = [(i, j) for i in range(n) for j in range(i + 2, n)]  # keep (i, i+1) only
    some = [p for p in path_only if rng.random() < 0.5]
    for removed in (some, path_only):
        got = lambda_max_completion(drop(full, removed), start=np.ones((n, n)))
        np.testing.assert_allclose(got.matrix, full, rtol=1e-8)
        assert got.lambda_max == pytest.approx(n, abs=1e-10)
        result = analyse(drop(full, removed), completion="lambda_max", scale=None)
        np.testing.assert_allclose(result.priorities, w / w.sum(), rtol=1e-8)
        assert result.cr == pytest.approx(0.0, abs=1e-10)


def test_optimum_is_not_above_harker_nor_any_perturbation() -> None:
    """The λmax-optimal completion's λmax is at most that of Harker's completion (and of the
    LLSM one), and at most that of random changes to its missing entries."""
    rng = np.random.default_rng(7)
    for n in (4, 5, 6, 8):
        for _ in range(4):
            a = random_incomplete(rng, n, 0.4)
            got = lambda_max_completion(a)
            _, harker = complete(a, "eigenvector")
            _, llsm = complete(a, "geometric_mean")
            assert got.lambda_max <= lam(harker) + 1e-12
            assert got.lambda_max <= lam(llsm) + 1e-12
            pairs = free_pairs(a)
            y = np.log([got.matrix[i, j] for i, j in pairs])
            for scale in (1e-3, 0.1, 1.0):
                moved = fill(a, pairs, y + rng.normal(scale=scale, size=len(pairs)))
                assert got.lambda_max <= lam(moved) + 1e-12


@pytest.mark.parametrize("n", [5, 6])
def test_agrees_with_scipy_minimising_lambda_max(n: int) -> None:
    """scipy BFGS on λmax(exp(y)) (numpy eigenvalues, 3-point finite differences) finds the
    same optimum: the same completion to 1e-6 in ln x and the same λmax to 1e-9."""
    rng = np.random.default_rng(100 + n)
    for _ in range(6):
        a = random_incomplete(rng, n, 0.5)
        pairs = free_pairs(a)
        got = lambda_max_completion(a)
        ref = minimize(
            lambda y, a=a, pairs=pairs: lam(fill(a, pairs, y)),
            np.zeros(len(pairs)),
            method="BFGS",
            jac="3-point",
            options={"gtol": 1e-11},
        )
        ours = np.log([got.matrix[i, j] for i, j in pairs])
        np.testing.assert_allclose(ours, ref.x, atol=1e-6)
        assert got.lambda_max == pytest.approx(ref.fun, abs=1e-9)
        assert got.lambda_max <= ref.fun + 1e-12
        assert got.gradient <= got.tolerance


def test_gradient_and_hessian_match_finite_differences() -> None:
    """The perturbation formulas (module docstring) against central differences of numpy's
    λmax (gradient) and of the gradient (Hessian)."""
    rng = np.random.default_rng(5)
    a = random_incomplete(rng, 6, 0.4)
    pairs = free_pairs(a)
    y = rng.normal(size=len(pairs))
    _, g, h = slopes(fill(a, pairs, y), pairs)
    eps = 1e-5
    for k in range(len(pairs)):
        e = np.zeros(len(pairs))
        e[k] = eps
        up, down = fill(a, pairs, y + e), fill(a, pairs, y - e)
        assert g[k] == pytest.approx((lam(up) - lam(down)) / (2 * eps), abs=1e-7)
        column = (slopes(up, pairs)[1] - slopes(down, pairs)[1]) / (2 * eps)
        np.testing.assert_allclose(h[:, k], column, atol=1e-7)
    assert np.all(np.linalg.eigvalsh(h) > 0)  # convex in ln x, strictly here (connected)


def test_sparse_judgments_converge_in_a_few_iterations() -> None:
    """A 12×12 known only along a path plus three chords (52 of 66 pairs missing): Newton
    steps keep the iterations few where coordinate descent alone needs hundreds of cycles."""
    rng = np.random.default_rng(0)
    n = 12
    a = np.full((n, n), NAN)
    np.fill_diagonal(a, 1.0)
    w = rng.lognormal(size=n)
    for i, j in [(k, k + 1) for k in range(n - 1)] + [(0, 5), (3, 9), (6, 11)]:
        a[i, j] = w[i] / w[j] * math.exp(rng.normal(scale=0.5))
        a[j, i] = 1 / a[i, j]
    got = lambda_max_completion(a)
    assert got.iterations <= 10
    assert got.newton_steps >= 1
    assert got.gradient <= got.tolerance
    _, harker = complete(a, "eigenvector")
    assert got.lambda_max < lam(harker)


def test_start_does_not_change_the_optimum() -> None:
    """The optimum is unique (connected graph): any positive start reaches it."""
    rng = np.random.default_rng(3)
    a = random_incomplete(rng, 6, 0.5)
    results = [lambda_max_completion(a, start=np.full((6, 6), s)) for s in (1 / 9, 1.0, 9.0)]
    for r in results[1:]:
        np.testing.assert_allclose(r.matrix, results[0].matrix, rtol=1e-6)


# --- refusals ------------------------------------------------------------------------------


def test_disconnected_judgments_are_refused_with_the_groups_named() -> None:
    """Two groups never compared: the optimal completion is not unique (Bozóki et al. 2010),
    so it is refused, naming the groups, rather than one arbitrary completion returned."""
    a = [[1, 3, NAN, NAN], ["1/3", 1, NAN, NAN], [NAN, NAN, 1, 2], [NAN, NAN, "1/2", 1]]
    with pytest.raises(MethodInputError, match=r"2 groups .*\{'a', 'b'\}; \{'c', 'd'\}"):
        analyse(a, ["a", "b", "c", "d"], completion="lambda_max")


def test_unknown_completion_is_refused_naming_the_choices() -> None:
    with pytest.raises(ConfigurationError, match=r"implied, lambda_max \(got 'harker'\)"):
        analyse([[1, 2], ["1/2", 1]], completion="harker")
    assert COMPLETIONS == ("implied", "lambda_max")


def test_bad_tolerance_and_cycle_limit_are_refused() -> None:
    a = np.array([[1, 2, NAN], [1 / 2, 1, 3], [NAN, 1 / 3, 1]])
    with pytest.raises(ConfigurationError, match="tolerance must be a number > 0"):
        lambda_max_completion(a, tol=0.0)
    with pytest.raises(ConfigurationError, match="max_iterations must be a whole number"):
        lambda_max_completion(a, max_iterations=0)


def test_a_completion_that_does_not_converge_is_refused_not_returned() -> None:
    rng = np.random.default_rng(11)
    a = random_incomplete(rng, 7, 0.5)
    assert lambda_max_completion(a).iterations > 1
    with pytest.raises(MethodInputError, match=r"did not converge within 1 iterations"):
        lambda_max_completion(a, max_iterations=1)


# --- the setting, echoed -------------------------------------------------------------------


INCOMPLETE: list[list[object]] = [
    [1, 3, NAN, 5, NAN],
    ["1/3", 1, 2, NAN, 4],
    [NAN, "1/2", 1, 3, NAN],
    ["1/5", NAN, "1/3", 1, 2],
    [NAN, "1/4", NAN, "1/2", 1],
]


def numeric(rows: list[list[object]]) -> FloatArray:
    return np.array(
        [[float(Fraction(str(x))) if isinstance(x, str) else x for x in r] for r in rows]
    )


def test_analyse_echoes_the_completion_in_settings_notes_and_summary() -> None:
    implied = analyse(INCOMPLETE)
    optimal = analyse(INCOMPLETE, completion="lambda_max")
    assert (implied.completion, optimal.completion) == ("implied", "lambda_max")
    assert implied.settings["completion"] == "implied"
    assert optimal.settings["completion"] == "lambda_max"
    assert optimal.completion_iterations > 0
    assert any("Harker (1987)" in x for x in implied.notes)
    note = next(x for x in optimal.notes if "missing" in x)
    assert "minimising lambda_max (Bozóki, Fülöp & Rónyai 2010)" in note
    assert f"in {optimal.completion_iterations} iteration(s) of coordinate descent" in note
    assert "completion lambda_max" in optimal.summary()
    assert optimal.lambda_max < implied.lambda_max
    assert optimal.lambda_max == pytest.approx(lam(optimal.matrix), abs=1e-12)
    # the priorities are the eigenvector of the completed matrix
    w = analyse(optimal.matrix, scale=None).priorities
    np.testing.assert_allclose(optimal.priorities, w, atol=1e-12)


def test_default_completion_is_harker_as_before() -> None:
    """The default changes nothing: Harker's priorities (the eigenvector of his matrix C)."""
    a = analyse(INCOMPLETE)
    b = analyse(INCOMPLETE, completion="implied")
    np.testing.assert_array_equal(a.priorities, b.priorities)
    w, filled = complete(numeric(INCOMPLETE), "eigenvector")
    np.testing.assert_allclose(a.priorities, w, atol=1e-12)
    np.testing.assert_allclose(a.matrix, filled, atol=1e-12)


def test_geometric_mean_of_the_lambda_max_completion() -> None:
    a = numeric(INCOMPLETE)
    done = completed(a, "geometric_mean", completion="lambda_max")
    g = np.exp(np.log(done.matrix).mean(axis=1))
    np.testing.assert_allclose(done.priorities, g / g.sum(), atol=1e-12)
    np.testing.assert_allclose(done.matrix, lambda_max_completion(a).matrix, rtol=1e-7)
    assert done.method.startswith("minimising lambda_max")


def test_suggested_fixes_use_the_same_completion() -> None:
    """CR before a fix equals the analysed CR under the chosen completion."""
    optimal = analyse(INCOMPLETE, completion="lambda_max")
    fixes = most_inconsistent(INCOMPLETE, None, k=1, completion="lambda_max")
    assert fixes[0].cr_before == pytest.approx(optimal.cr, abs=1e-12)
    assert fixes[0].cr_after < fixes[0].cr_before
