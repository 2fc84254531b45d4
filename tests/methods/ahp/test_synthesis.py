"""AHP synthesis: local priorities from data or pairwise matrices, modes, the full hierarchy."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods.ahp import (
    analyse,
    analyse_hierarchy,
    local_priorities,
    local_priorities_from_pairwise,
    priorities,
    synthesize,
)
from tests.methods.ahp.test_priorities import HOUSE_CRITERIA, power_method

CRITERIA = ["size", "transport", "neighbourhood", "age", "yard", "modern", "condition", "finance"]
# Saaty (1990), EJOR 48(1) 9-26, house example: houses A, B, C compared under each criterion.
HOUSES = {
    "size": [[1, 6, 8], ["1/6", 1, 4], ["1/8", "1/4", 1]],
    "transport": [[1, 7, "1/5"], ["1/7", 1, "1/8"], [5, 8, 1]],
    "neighbourhood": [[1, 8, 6], ["1/8", 1, "1/4"], ["1/6", 4, 1]],
    "age": [[1, 1, 1], [1, 1, 1], [1, 1, 1]],
    "yard": [[1, 5, 4], ["1/5", 1, "1/3"], ["1/4", 3, 1]],
    "modern": [[1, 8, 6], ["1/8", 1, "1/5"], ["1/6", 5, 1]],
    "condition": [[1, "1/2", "1/2"], [2, 1, 1], [2, 1, 1]],
    "finance": [[1, "1/7", "1/5"], [7, 1, 3], [5, "1/3", 1]],
}


def test_saaty_1990_house_hierarchy() -> None:
    """Saaty (1990), "How to make a decision: the analytic hierarchy process", EJOR 48(1),
    9-26, house example: composite priorities A = .396, B = .341, C = .263 (3 decimals,
    atol 1e-3), distributive synthesis; the unrounded values equal an independent
    recomputation (power method per matrix, then the weighted sum) to 1e-9."""
    h = analyse_hierarchy(HOUSE_CRITERIA, CRITERIA, HOUSES, ["A", "B", "C"])
    np.testing.assert_allclose(h.global_priorities, [0.396, 0.341, 0.263], atol=1e-3)
    wc, _ = power_method(analyse(HOUSE_CRITERIA).matrix)
    local = np.column_stack([power_method(analyse(HOUSES[c]).matrix)[0] for c in CRITERIA])
    np.testing.assert_allclose(h.global_priorities, local @ wc, atol=1e-9)
    np.testing.assert_allclose(h.local, local, atol=1e-9)
    assert h.alternatives == ("A", "B", "C")
    assert h.consistency["criteria"] == pytest.approx(0.169, abs=1e-3)
    assert h.consistency["age"] == pytest.approx(0.0, abs=1e-12)
    assert h.per_criterion["size"].priorities.argmax() == 0
    assert not h.all_acceptable
    assert any(x.startswith("criteria: CR = 0.169") for x in h.notes)


def test_hierarchy_ideal_mode_keeps_order_here() -> None:
    """Ideal synthesis of the same hierarchy: scores sum to 1 (display) and equal the
    weighted sum of column-max-normalised local priorities, renormalised."""
    h = analyse_hierarchy(HOUSE_CRITERIA, CRITERIA, HOUSES, ["A", "B", "C"], synthesis="ideal")
    d = analyse_hierarchy(HOUSE_CRITERIA, CRITERIA, HOUSES, ["A", "B", "C"])
    ideal = d.local / d.local.max(axis=0)
    raw = ideal @ d.criteria.priorities
    np.testing.assert_allclose(h.global_priorities, raw / raw.sum(), atol=1e-12)
    assert h.synthesis == "ideal"


def test_hierarchy_needs_one_matrix_per_criterion() -> None:
    """Missing or unknown criteria in the alternatives matrices are named."""
    partial = {k: v for k, v in HOUSES.items() if k != "age"} | {"colour": HOUSES["age"]}
    with pytest.raises(
        MethodInputError, match=r"missing for \['age'\], unknown criteria \['colour'\]"
    ):
        analyse_hierarchy(HOUSE_CRITERIA, CRITERIA, partial, ["A", "B", "C"])


def test_local_priorities_by_hand() -> None:
    """Distributive: benefit x/Σx, cost (1/x)/Σ(1/x); ideal: each column over its max."""
    x = np.array([[2.0, 1.0], [6.0, 4.0], [2.0, 4.0]])
    dist, notes = local_priorities(x, ["benefit", "cost"])
    np.testing.assert_allclose(dist[:, 0], [0.2, 0.6, 0.2], rtol=1e-15)
    np.testing.assert_allclose(dist[:, 1], [2 / 3, 1 / 6, 1 / 6], rtol=1e-15)
    ideal, _ = local_priorities(x, np.array([1, -1]), mode="ideal")
    np.testing.assert_allclose(ideal, [[1 / 3, 1], [1, 0.25], [1 / 3, 0.25]], rtol=1e-15)
    assert notes == []


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(0.1, 100.0), min_size=2, max_size=8))
def test_ratio_data_equals_pairwise_route(values: list[float]) -> None:
    """Invariant: benefit values x give the same local priorities as the eigenvector of the
    (consistent) pairwise matrix a_ij = x_i / x_j; a cost column matches a_ij = x_j / x_i."""
    x = np.asarray(values)
    local, _ = local_priorities(np.column_stack([x, x]), ["max", "min"])
    np.testing.assert_allclose(local[:, 0], priorities(x[:, None] / x[None, :]), rtol=1e-9)
    np.testing.assert_allclose(local[:, 1], priorities(x[None, :] / x[:, None]), rtol=1e-9)


@pytest.mark.parametrize(
    ("bad", "directions"), [(-3.0, ["max", "max"]), (0.0, ["max", "min"]), (-3.0, ["max", "min"])]
)
def test_values_without_a_ratio_meaning_name_the_column(bad: float, directions: list[str]) -> None:
    """A negative value, or a zero in a cost column (1/x), has no ratio meaning: the error
    names the column and the row and suggests TOPSIS or a shift."""
    x = np.array([[1.0, 2.0], [3.0, bad]])
    with pytest.raises(MethodInputError, match=r"criterion column 2 has the value .* \(row 2\)"):
        local_priorities(x, directions)
    with pytest.raises(MethodInputError, match="Use TOPSIS, or shift"):
        local_priorities(x, directions)


def test_benefit_zero_is_a_true_zero() -> None:
    """Invariant: a benefit value of 0 (a yes/no indicator) gets local priority 0 and the
    column's other priorities are its values over their sum; an all-zero column is equal."""
    local, notes = local_priorities([[0.0, 0.0], [1.0, 0.0], [3.0, 0.0]], ["max", "max"])
    np.testing.assert_allclose(local[:, 0], [0.0, 0.25, 0.75])
    np.testing.assert_allclose(local[:, 1], [1 / 3, 1 / 3, 1 / 3])
    assert any("all zero" in note for note in notes)


def test_constant_column_is_noted() -> None:
    """A constant column gives equal local priorities and a note."""
    local, notes = local_priorities([[5.0, 1.0], [5.0, 2.0]], ["max", "max"])
    np.testing.assert_allclose(local[:, 0], [0.5, 0.5])
    assert notes == ["criterion column(s) [1] are constant: equal local priorities"]


def test_unknown_mode() -> None:
    """Unknown modes list the choices."""
    with pytest.raises(ConfigurationError, match="distributive, ideal"):
        local_priorities([[1.0]], ["max"], mode="relative")
    with pytest.raises(ConfigurationError, match="distributive, ideal"):
        synthesize([[1.0]], [1.0], mode="best")


# Belton & Gear (1983), Omega 11(3) 228-230: three equally weighted criteria; B beats A, but
# adding D, a copy of B, makes A beat B under distributive synthesis.
BG = np.array([[1.0, 9.0, 8.0], [9.0, 1.0, 9.0], [1.0, 1.0, 1.0]])
BG_COPY = np.vstack([BG, BG[1]])


def test_belton_gear_rank_reversal_distributive_not_ideal() -> None:
    """Belton & Gear (1983), Omega 11(3) 228-230, their data. By hand, distributive:
    A = (1/11 + 9/11 + 8/18)/3 = .4512 < B = (9/11 + 1/11 + 9/18)/3 = .4697; with D, a copy
    of B: A = (1/20 + 9/12 + 8/27)/3 = .3654 > B = (9/20 + 1/12 + 9/27)/3 = .2889, a rank
    reversal. Ideal mode keeps B ahead of A in both cases."""
    w = np.full(3, 1 / 3)
    before = synthesize(local_priorities(BG, ["max"] * 3)[0], w)
    after = synthesize(local_priorities(BG_COPY, ["max"] * 3)[0], w)
    np.testing.assert_allclose(before[:2], [0.4512, 0.4697], atol=1e-4)
    np.testing.assert_allclose(after[:2], [0.3654, 0.2889], atol=1e-4)
    ideal_before = synthesize(local_priorities(BG, ["max"] * 3, "ideal")[0], w, "ideal")
    ideal_after = synthesize(local_priorities(BG_COPY, ["max"] * 3, "ideal")[0], w, "ideal")
    assert ideal_before[1] > ideal_before[0]
    assert ideal_after[1] > ideal_after[0]


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 6), st.integers(2, 5))
def test_ideal_mode_copy_keeps_others_in_proportion(seed: int, m: int, n: int) -> None:
    """Invariant (Saaty 1994): in ideal mode adding a copy of an alternative leaves the
    other alternatives' scores in the same proportions, so no rank reversal among them."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(1, 10, size=(m, n))
    w = rng.dirichlet(np.ones(n))
    copy = rng.integers(m)
    before = synthesize(local_priorities(x, ["max"] * n, "ideal")[0], w, "ideal")
    after = synthesize(
        local_priorities(np.vstack([x, x[copy]]), ["max"] * n, "ideal")[0], w, "ideal"
    )
    np.testing.assert_allclose(after[:m] / after[:m].sum(), before, rtol=1e-12)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from(["distributive", "ideal"]))
def test_batch_synthesis_equals_loop(seed: int, mode: str) -> None:
    """Invariant: a batch of weight vectors scores like one call per row; every score row
    sums to 1; scaling a weight vector changes nothing."""
    rng = np.random.default_rng(seed)
    local, _ = local_priorities(rng.uniform(1, 9, size=(5, 4)), ["max", "min", "max", "max"], mode)
    batch = rng.dirichlet(np.ones(4), size=6)
    scores = synthesize(local, batch, mode)
    loop = np.array([synthesize(local, w, mode) for w in batch])
    np.testing.assert_allclose(scores, loop, rtol=1e-12)
    np.testing.assert_allclose(scores.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(synthesize(local, 7 * batch[0], mode), scores[0], rtol=1e-12)


def test_local_from_pairwise_results_and_errors() -> None:
    """Classic AHP: one AHPResult per matrix; matrices of different sizes are rejected."""
    local, results = local_priorities_from_pairwise(
        [HOUSES["size"], HOUSES["finance"]], alternatives=["A", "B", "C"]
    )
    assert local.shape == (3, 2)
    assert [r.items for r in results] == [("A", "B", "C")] * 2
    np.testing.assert_allclose(local.sum(axis=0), 1.0)
    with pytest.raises(MethodInputError, match="same alternatives"):
        local_priorities_from_pairwise([HOUSES["size"], [[1, 2], ["1/2", 1]]])
    with pytest.raises(MethodInputError, match="at least one pairwise matrix"):
        local_priorities_from_pairwise([])
