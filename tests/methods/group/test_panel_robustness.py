"""Robustness to who sits on the panel: the panel problem, leave-one-out, bootstrap."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterrank.errors import MethodInputError
from clusterrank.methods.ahp import aggregate_priorities
from clusterrank.methods.group import (
    MAX_RESAMPLES,
    PanelProblem,
    bootstrap_experts,
    kendall_w,
    leave_one_out,
    panel_problem,
    summarize_scores,
)
from clusterrank.methods.registry import rank

DIRECTIONS = [1, 1, -1, 1]
FloatArray = npt.NDArray[np.float64]


Panel = tuple[PanelProblem, FloatArray, FloatArray, FloatArray, FloatArray | None]


def random_panel(k: int, seed: int, *, scores: bool = True, method: str = "topsis") -> Panel:
    rng = np.random.default_rng(seed)
    m, n = 6, 4
    x = rng.uniform(1, 10, size=(m, n))
    x[:, [1, 3]] = np.nan  # filled by the panel
    kwargs: dict[str, Any] = {}
    if scores:
        s = rng.integers(1, 6, size=(k, m, 2)).astype(float)
        kwargs = {"scores": s, "scored_columns": [1, 3]}
    else:
        x[:, [1, 3]] = rng.uniform(1, 10, size=(m, 2))
    w = rng.dirichlet(np.ones(n), size=k)
    alpha = rng.uniform(0.5, 2, size=k)
    p = panel_problem(
        x,
        DIRECTIONS,
        experts=[f"e{i}" for i in range(k)],
        criterion_weights=w,
        expert_weights=alpha,
        method=method,
        **kwargs,
    )
    return p, x, w, alpha, kwargs.get("scores")


def independent_ranks(
    x: FloatArray,
    w: FloatArray,
    alpha: FloatArray,
    s: FloatArray | None,
    keep: npt.NDArray[np.bool_],
    method: str = "topsis",
) -> npt.NDArray[np.int_]:
    """The ranking of a sub-panel computed by the public pieces, without methods.group.panel."""
    weights = aggregate_priorities(w[keep], expert_weights=alpha[keep])
    mat = x.copy()
    if s is not None:
        mat[:, [1, 3]] = summarize_scores(s[keep], expert_weights=alpha[keep]).values
    return rank(mat, weights, DIRECTIONS, method).ranks


@settings(max_examples=12, deadline=None)
@given(st.integers(2, 7), st.integers(0, 10**6), st.sampled_from(["topsis", "wsm"]))
def test_leave_one_out_equals_ranking_the_smaller_panel(k: int, seed: int, method: str) -> None:
    """Invariant: row k of leave-one-out is exactly the ranking of the panel without expert k
    (AIP geometric weights, median scores, registry rank), and the full ranking is the
    whole panel's."""
    p, x, w, alpha, s = random_panel(k, seed, method=method)
    r = leave_one_out(p)
    everyone = np.ones(k, dtype=bool)
    np.testing.assert_array_equal(r.full_ranks, independent_ranks(x, w, alpha, s, everyone, method))
    for e in range(k):
        keep = everyone.copy()
        keep[e] = False
        np.testing.assert_array_equal(r.ranks[e], independent_ranks(x, w, alpha, s, keep, method))
    assert r.defined.all()


def test_one_expert_decides_the_winner() -> None:
    """Two candidates, A good on criterion 1, B on criterion 2 (equal matrix magnitudes).
    Experts weight criterion 1 with 0.9, 0.1, 0.55 (arithmetic AIP): the panel weights it
    0.517, A wins. Without expert 1 it is 0.325 and B wins (Kendall distance 1); without
    expert 3 it is 0.5, a tie (distance 1/2); without expert 2 A still wins. Expert 1 moves
    the ranking most."""
    w = np.array([[0.9, 0.1], [0.1, 0.9], [0.55, 0.45]])
    p = panel_problem(
        [[2.0, 1.0], [1.0, 2.0]],
        [1, 1],
        experts=["e1", "e2", "e3"],
        criterion_weights=w,
        weight_aggregation="arithmetic",
        method="wsm",
        candidates=["A", "B"],
    )
    r = leave_one_out(p, top_k=1)
    assert r.full_ranks.tolist() == [1, 2]
    assert r.winner_changed.tolist() == [True, False, True]
    assert r.kendall.tolist() == [1.0, 0.0, 0.5]
    assert r.most_influential == ("e1",)
    assert not r.winner_stable
    assert r.to_frame()["winner"].tolist() == ["B", "A", "A, B"]


def test_identical_experts_change_nothing() -> None:
    w = np.tile([0.4, 0.3, 0.2, 0.1], (5, 1))
    x = np.random.default_rng(3).uniform(1, 10, size=(6, 4))
    p = panel_problem(x, DIRECTIONS, experts=list("abcde"), criterion_weights=w)
    r = leave_one_out(p)
    assert r.winner_stable
    assert not r.top_changed.any()
    assert r.most_influential == ()
    assert any("no single expert" in n for n in r.notes)
    b = bootstrap_experts(p, 50, seed=1)
    assert b.winner_kept == 1.0
    assert b.mean_kendall == 0.0
    np.testing.assert_array_equal(b.acceptability[np.arange(6), r.full_ranks - 1], 1.0)
    ranks, _ = p.expert_ranks()
    assert kendall_w(ranks).w == pytest.approx(1.0)


def test_a_cell_only_one_expert_scored_makes_that_panel_undefined() -> None:
    """Expert e1 alone scored candidate 1: without e1 that cell has no answer, so the panel
    without e1 cannot be ranked — reported, not skipped."""
    s = np.full((3, 2, 1), 3.0)
    s[1:, 0, 0] = np.nan
    p = panel_problem(
        [[1.0, np.nan], [2.0, np.nan]],
        [1, 1],
        experts=["e1", "e2", "e3"],
        scores=s,
        scored_columns=[1],
    )
    r = leave_one_out(p)
    assert r.defined.tolist() == [False, True, True]
    assert any("without e1" in n for n in r.notes)
    b = bootstrap_experts(p, 200, seed=0)
    assert 0 < b.defined < b.resamples == 200
    assert any("could not be ranked" in n for n in b.notes)


@settings(max_examples=8, deadline=None)
@given(st.integers(2, 6), st.integers(0, 10**6), st.booleans())
def test_bootstrap_counts_are_complete_and_chunking_is_invisible(
    k: int, seed: int, scored: bool
) -> None:
    """Invariants: every defined resample gives every candidate exactly one rank (each row of
    the counts sums to the defined resamples); the same seed gives the same counts whatever
    the chunk size; acceptability = counts / defined."""
    p, *_ = random_panel(k, seed, scores=scored)
    a = bootstrap_experts(p, 64, seed=seed)
    b = bootstrap_experts(p, 64, seed=seed, chunk_size=7)
    np.testing.assert_array_equal(a.rank_counts, b.rank_counts)
    assert (a.winner_kept, a.mean_kendall) == (b.winner_kept, b.mean_kendall)
    np.testing.assert_array_equal(a.rank_counts.sum(axis=1), a.defined)
    np.testing.assert_allclose(a.acceptability, a.rank_counts / a.defined)
    assert b.chunk_size == 7
    assert a.settings["seed"] == seed


def test_bootstrap_is_bounded() -> None:
    p, *_ = random_panel(3, 0)
    with pytest.raises(MethodInputError, match=f"at most {MAX_RESAMPLES:,}"):
        bootstrap_experts(p, MAX_RESAMPLES + 1)
    with pytest.raises(MethodInputError, match="positive integer"):
        bootstrap_experts(p, 0)


def test_custom_weight_aggregation_and_geometric_aip_agree() -> None:
    """A ``weights_fn`` computing AIP itself gives the geometric path's rankings."""
    p, x, w, alpha, s = random_panel(4, 11)
    custom = panel_problem(
        x,
        DIRECTIONS,
        experts=p.experts,
        expert_weights=alpha,
        scores=s,
        scored_columns=[1, 3],
        weights_fn=lambda a: aggregate_priorities(w, expert_weights=a),
    )
    np.testing.assert_array_equal(leave_one_out(custom).ranks, leave_one_out(p).ranks)


def test_panel_problem_errors_name_the_place() -> None:
    x = [[1.0, np.nan], [2.0, np.nan]]
    s = np.full((2, 2, 1), np.nan)
    s[:, 1, 0] = 3.0
    with pytest.raises(MethodInputError, match="nobody scored candidate 'A1' on criterion 'C2'"):
        panel_problem(x, [1, 1], experts=["a", "b"], scores=s, scored_columns=[1])
    with pytest.raises(MethodInputError, match="expert 2 gives criterion 1 weight 0"):
        panel_problem(
            [[1.0, 2.0]],
            [1, 1],
            experts=["a", "b"],
            criterion_weights=np.array([[0.5, 0.5], [0.0, 1.0]]),
        )
    with pytest.raises(MethodInputError, match="K × m × q = 2 × 2 × 1"):
        panel_problem(x, [1, 1], experts=["a", "b"], scores=np.ones((2, 2, 2)), scored_columns=[1])
    with pytest.raises(MethodInputError, match="at least 2 experts"):
        leave_one_out(panel_problem([[1.0, 2.0], [2.0, 1.0]], [1, 1], experts=["a"]))
