"""Benefit-only MOORA and COPRAS, and linear / sum / min-max normalisation with zeros in a
benefit column: cases pymcdm 1.4.0 refuses although the published formulas are defined."""

from __future__ import annotations

import numpy as np
import pytest
from pymcdm import methods as pm
from pymcdm import normalizations as pn

from clusterrank.errors import MethodInputError
from clusterrank.methods.copras import copras_significance, copras_sums
from clusterrank.methods.moora import moora_scores
from clusterrank.methods.normalization import normalize, pymcdm_column_function
from clusterrank.methods.pymcdm_adapter import rank_with_pymcdm
from clusterrank.methods.registry import rank
from tests.helpers.problems import build_problem

ORACLES = {"pymcdm_topsis": "TOPSIS", "pymcdm_wsm": "WSM", "cocoso": "COCOSO"}


def _mixed(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    p = build_problem(7, 4, seed=seed)
    d = p.directions.copy()
    d[0], d[-1] = 1, -1  # at least one of each, so pymcdm accepts the problem
    return p.matrix, p.weights, d


# --- MOORA ---------------------------------------------------------------------------------


def test_moora_known_answer_benefit_only() -> None:
    """Brauers & Zavadskas (2006) ratio system with no cost criterion, by hand: columns
    (3, 4, 0) and (4, 0, 3) have vector norm 5, so r = (.6, .8, 0) and (.8, 0, .6);
    y = 0.25 r1 + 0.75 r2 = (0.75, 0.2, 0.45)."""
    x = np.array([[3.0, 4.0], [4.0, 0.0], [0.0, 3.0]])
    np.testing.assert_allclose(moora_scores(x, [0.25, 0.75], [1, 1]), [0.75, 0.2, 0.45], rtol=1e-12)
    result = rank(x, [0.25, 0.75], ["+", "+"], "moora")
    np.testing.assert_allclose(result.scores, [0.75, 0.2, 0.45], rtol=1e-12)
    assert result.ranks.tolist() == [1, 3, 2]
    assert any("MOORA with benefit criteria only" in note for note in result.notes)


@pytest.mark.parametrize("seed", [1, 7, 19])
def test_moora_kernel_equals_pymcdm_on_mixed_problems(seed: int) -> None:
    """Where pymcdm accepts the problem (a cost criterion), the own kernel gives its scores."""
    x, w, d = _mixed(seed)
    np.testing.assert_allclose(
        moora_scores(x, w, d), pm.MOORA()(x, w, d, validation=False), rtol=1e-12, atol=1e-15
    )


def test_moora_benefit_only_equals_pymcdm_with_a_zero_weight_cost_column() -> None:
    """A cost column of weight 0 adds nothing to y, so pymcdm on the problem plus such a
    column is an independent oracle for the benefit-only scores."""
    x, w, _ = _mixed(3)
    d = np.ones(x.shape[1], dtype=int)
    extra = np.column_stack([x, np.arange(1.0, x.shape[0] + 1)])
    theirs = pm.MOORA()(extra, np.append(w, 0.0), np.append(d, -1), validation=False)
    ours, higher, notes, _details = rank_with_pymcdm("moora", x, w, d, {})
    np.testing.assert_allclose(ours, theirs, rtol=1e-12)
    assert higher
    assert any("computed by clusterrank" in note for note in notes)


def test_mixed_moora_still_runs_through_pymcdm() -> None:
    """With a cost criterion no benefit-only note appears (pymcdm computed it)."""
    x, w, d = _mixed(4)
    _scores, _higher, notes, _details = rank_with_pymcdm("moora", x, w, d, {})
    assert not any("benefit criteria only" in note for note in notes)


# --- COPRAS --------------------------------------------------------------------------------


def test_copras_known_answer_benefit_only() -> None:
    """Zavadskas, Kaklauskas & Šarka (1994) with no cost criterion: Q = S+. Columns (1, 3, 4)
    and (2, 2, 4) sum to 8; with w = (0.5, 0.5), S+ = (0.1875, 0.3125, 0.5) and the utility
    degree Q / max Q = (0.375, 0.625, 1)."""
    x = np.array([[1.0, 2.0], [3.0, 2.0], [4.0, 4.0]])
    scores, higher, notes, details = rank_with_pymcdm(
        "copras", x, np.array([0.5, 0.5]), np.array([1, 1]), {}
    )
    np.testing.assert_allclose(scores, [0.375, 0.625, 1.0], rtol=1e-12)
    np.testing.assert_allclose(details["s_plus"], [0.1875, 0.3125, 0.5], rtol=1e-12)
    np.testing.assert_array_equal(details["s_minus"], [0.0, 0.0, 0.0])
    assert higher
    assert any("COPRAS with benefit criteria only: Q = S+" in note for note in notes)
    result = rank(x, None, "+,+", "copras", candidates=["a", "b", "c"])
    assert result.ranks.tolist() == [3, 2, 1]


@pytest.mark.parametrize("seed", [2, 5, 13])
def test_copras_sums_equal_pymcdm_tables_on_mixed_problems(seed: int) -> None:
    """The own S+ and S- equal the ones pymcdm reports where it accepts the problem, and the
    significance equals the published sum(S-) / (S-_i sum(1/S-)) form."""
    x, w, d = _mixed(seed)
    tables = {
        t.desc.label: np.asarray(t.data, dtype=float)
        for t in pm.COPRAS()(x, w, d, verbose=True, validation=False).results
    }
    s_plus, s_minus = copras_sums(x, w, d)
    np.testing.assert_allclose(s_plus, tables["smax"], rtol=1e-12)
    np.testing.assert_allclose(s_minus, tables["smin"], rtol=1e-12)
    published = s_plus + s_minus.sum() / (s_minus * np.sum(1.0 / s_minus))
    np.testing.assert_allclose(copras_significance(s_plus, s_minus), published, rtol=1e-12)


def test_copras_benefit_only_is_the_limit_of_vanishing_cost_weight() -> None:
    """As the weight of the only cost criterion goes to 0, the mixed (pymcdm-sums) utility
    degree tends to the benefit-only one: Q = S+ is continuous with the published formula."""
    x, w, _ = _mixed(6)
    d = np.ones(x.shape[1], dtype=int)
    benefit_only = rank_with_pymcdm("copras", x, w, d, {})[0]
    extra = np.column_stack([x, np.arange(1.0, x.shape[0] + 1)])
    tiny = np.append(w, 1e-9) / (1 + 1e-9)
    mixed = rank_with_pymcdm("copras", extra, tiny, np.append(d, -1), {})[0]
    np.testing.assert_allclose(mixed, benefit_only, atol=1e-7)
    assert not np.allclose(mixed, benefit_only, rtol=0, atol=1e-15)  # really the mixed path


# --- normalisation with zeros in a benefit column ------------------------------------------


def test_linear_normalisation_with_a_benefit_zero() -> None:
    """Linear (Jahan & Edwards 2015): benefit x / max x, so (0, 2, 4) -> (0, 0.5, 1); cost
    min x / x, so (1, 2, 4) -> (1, 0.5, 0.25). pymcdm 1.4.0 refuses any zero here."""
    x = np.array([[0.0, 1.0], [2.0, 2.0], [4.0, 4.0]])
    out, notes = normalize(x, "linear", ["benefit", "cost"])
    np.testing.assert_allclose(out, [[0.0, 1.0], [0.5, 0.5], [1.0, 0.25]], rtol=1e-15)
    assert notes == []
    with pytest.raises(ValueError, match="cannot handle zero"):
        pn.linear_normalization(x[:, 0])


@pytest.mark.parametrize("method", ["linear", "sum"])
def test_own_linear_and_sum_equal_pymcdm_on_positive_columns(method: str) -> None:
    """On positive data the function the adapter hands pymcdm equals pymcdm's own."""
    theirs_fn = {"linear": pn.linear_normalization, "sum": pn.sum_normalization}[method]
    ours_fn = pymcdm_column_function(method)
    col = build_problem(9, 1, seed=4).matrix[:, 0]
    for cost in (False, True):
        np.testing.assert_allclose(ours_fn(col, cost), theirs_fn(col, cost), rtol=1e-13)


def test_pymcdm_wsm_linear_with_a_benefit_zero_known_answer() -> None:
    """Weighted sum of linear-normalised values, by hand: benefit (0, 2, 4) / 4 and cost
    (1, 2, 4) -> min/x; with w = (0.5, 0.5): (0.5, 0.5, 0.625)."""
    x = np.array([[0.0, 1.0], [2.0, 2.0], [4.0, 4.0]])
    result = rank(x, [0.5, 0.5], "+,-", "pymcdm_wsm", settings={"normalization": "linear"})
    np.testing.assert_allclose(result.scores, [0.5, 0.5, 0.625], rtol=1e-12)
    assert result.ranks.tolist()[2] == 1


def test_pymcdm_wsm_sum_with_a_benefit_zero_known_answer() -> None:
    """Sum normalisation: benefit (0, 2, 6) / 8 = (0, .25, .75); cost (1, 2, 4) ->
    (1/x) / sum(1/x) = (4, 2, 1) / 7; w = (0.5, 0.5)."""
    x = np.array([[0.0, 1.0], [2.0, 2.0], [6.0, 4.0]])
    result = rank(x, [0.5, 0.5], "+,-", "pymcdm_wsm", settings={"normalization": "sum"})
    expected = 0.5 * np.array([0.0, 0.25, 0.75]) + 0.5 * np.array([4.0, 2.0, 1.0]) / 7
    np.testing.assert_allclose(result.scores, expected, rtol=1e-12)


@pytest.mark.parametrize("method", ["pymcdm_topsis", "pymcdm_wsm", "cocoso"])
def test_linear_with_a_benefit_zero_equals_pymcdm_on_the_hand_normalised_matrix(
    method: str,
) -> None:
    """A zero in a benefit column is accepted under linear normalisation: the scores equal
    pymcdm's own method run on the hand-normalised matrix with pymcdm's x / max x (each
    normalised column already peaks at 1, so that second pass changes nothing)."""
    x = np.array([[0.0, 3.0, 2.0], [4.0, 1.0, 5.0], [2.0, 2.0, 1.0], [1.0, 4.0, 4.0]])
    w, d = np.array([0.3, 0.3, 0.4]), np.array([1, 1, -1])
    result = rank(x, w, d, method, settings={"normalization": "linear"})
    r = np.column_stack([x[:, 0] / 4, x[:, 1] / 4, 1.0 / x[:, 2]])
    oracle = getattr(pm, ORACLES[method])
    expected = oracle(normalization_function=pn.max_normalization)(
        r, w, np.ones(3, dtype=int), validation=False
    )
    np.testing.assert_allclose(result.scores, expected, rtol=1e-12)


@pytest.mark.parametrize("method", ["wsm", "topsis", "pymcdm_topsis", "pymcdm_wsm", "mabac"])
def test_minmax_with_a_benefit_zero_known_answer(method: str) -> None:
    """Min-max with a zero in a benefit column is plain (x - min)/(max - min): on this
    matrix every method puts the candidate best on both criteria first and ranks all."""
    x = np.array([[0.0, 9.0], [5.0, 1.0], [10.0, 1.0], [5.0, 5.0]])
    result = rank(x, [0.5, 0.5], "+,-", method, settings={"normalization": "minmax"})
    r, notes = normalize(x, "minmax", "+,-")
    np.testing.assert_allclose(r, [[0.0, 0.0], [0.5, 1.0], [1.0, 1.0], [0.5, 0.5]])
    assert notes == []
    assert np.all(np.isfinite(result.scores))
    assert result.ranks[2] == 1
    assert result.ranks[0] == 4


@pytest.mark.parametrize(
    ("x", "d", "fragment"),
    [
        ([[1.0, 0.0], [2.0, 3.0]], "+,-", r"needs values > 0 in a cost criterion.*row 1, column 2"),
        ([[1.0, -1.0], [2.0, 3.0]], "+,+", r"needs values >= 0.*row 1, column 2 is -1"),
        ([[1.0, 0.0], [2.0, 0.0]], "+,+", "column 2 is all zeros"),
    ],
)
def test_linear_refuses_only_undefined_cells(x: list[list[float]], d: str, fragment: str) -> None:
    """Only a zero a formula divides by (a cost value), a negative value or an all-zero
    column is refused, naming the cell and the fix."""
    with pytest.raises(MethodInputError, match=fragment):
        rank_with_pymcdm(
            "pymcdm_topsis",
            np.asarray(x),
            np.array([0.5, 0.5]),
            np.array([1 if s == "+" else -1 for s in d.split(",")]),
            {"normalization": "linear"},
        )


def test_own_linear_cost_zero_is_refused_with_the_fix() -> None:
    with pytest.raises(MethodInputError, match=r"min/x.*choose minmax or vector"):
        normalize([[1.0, 0.0], [2.0, 3.0]], "linear", ["benefit", "cost"], labels=["a", "b"])
