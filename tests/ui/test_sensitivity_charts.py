"""Chart data of the Sensitivity page (ui.widgets.sensitivity_charts and
sensitivity_weight_charts): the numbers drawn are the analysis' numbers, sizes are capped with
a note, and no frame carries a NaN."""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterrank.methods.sensitivity import (
    JudgmentPerturbation,
    ahp_uncertainty,
    method_agreement,
    smaa,
    sweep,
)
from clusterrank.ui.widgets.sensitivity_charts import (
    MAX_HEAT,
    MAX_LINES,
    acceptability_frame,
    acceptability_heatmap,
    correlation_heatmap,
    sweep_chart,
    sweep_frame,
)
from clusterrank.ui.widgets.sensitivity_weight_charts import (
    CURRENT,
    ahp_chart,
    ahp_frame,
    central_chart,
    central_frame,
)


def _problem(m: int, n: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray, list[str]]:
    rng = np.random.default_rng(seed)
    return rng.uniform(1, 10, size=(m, n)), rng.dirichlet(np.ones(n)), [f"k{i}" for i in range(m)]


def test_sweep_frame_caps_lines_and_draws_only_inner_breakpoints() -> None:
    """With 15 candidates the chart keeps the 12 reaching the best ranks; every drawn
    breakpoint lies strictly inside (0, 1) and is one the analysis found."""
    x, w, ids = _problem(15, 3)
    result = sweep(x, w, [1, 1, 1], "wsm", candidates=ids, criteria=["c1", "c2", "c3"])
    names = {i: f"Кластер {i}" for i in ids}
    lines, breaks, notes = sweep_frame(result, "c1", names)
    one = result.get("c1")
    assert lines["candidate"].nunique() == MAX_LINES
    best = lines.groupby("candidate")["rank"].min().max()
    left_out = set(names.values()) - set(lines["candidate"])
    frame = result.to_frame()
    frame = frame[frame["criterion"] == "c1"]
    assert all(
        frame[frame["id"] == i]["rank"].min() >= best
        for i, name in names.items()
        if name in left_out
    )
    assert any(f"{MAX_LINES} candidates" in n for n in notes)
    inner = {round(t, 9) for t, _, _ in one.breakpoints if 1e-9 < t < 1 - 1e-9}
    assert set(breaks["weight"]) == inner
    assert not lines.isna().any().any()
    chart = sweep_chart(lines, breaks, one.current, "Investment", 15).to_dict()
    assert len(breaks) > 0
    assert len(chart["layer"]) == 5  # breakpoints, lines, points now, rule now, its label


def test_acceptability_frame_holds_the_smaa_shares() -> None:
    """Each heatmap cell is the acceptability of that candidate at that rank."""
    x, _, ids = _problem(4, 3)
    result = smaa(x, [1, 1, 1], "wsm", n_samples=2_000, seed=5, candidates=ids)
    long, order, notes = acceptability_frame(result, {i: i.upper() for i in ids})
    assert notes == []
    assert order == [i.upper() for i in result.to_frame()["id"]]
    for row in long.itertuples():
        i = ids.index(str(row.id))
        assert row.acceptability == result.acceptability[i, int(row.rank) - 1]
        assert row.label == f"{100 * row.acceptability:.1f}%"
    assert len(long) == 16
    assert acceptability_heatmap(long, order).to_dict()["layer"]


def test_acceptability_frame_caps_large_problems_with_a_note() -> None:
    x, _, ids = _problem(MAX_HEAT + 5, 2)
    result = smaa(x, [1, 1], "wsm", n_samples=300, seed=0, candidates=ids, pairwise=False)
    long, order, notes = acceptability_frame(result, {})
    assert len(order) == MAX_HEAT
    assert long["rank"].max() == MAX_HEAT
    assert len(notes) == 1
    assert f"all {MAX_HEAT + 5}" in notes[0]


def test_central_frame_sets_central_weights_beside_the_weights_in_use() -> None:
    """Columns: criterion, the weights in use, then the candidates that ranked first in some
    sample; those that never did are named in a note instead of a NaN column."""
    x = np.array([[9.0, 1.0], [1.0, 9.0], [0.5, 0.5]])
    result = smaa(x, [1, 1], "wsm", n_samples=2_000, seed=0, candidates=["p", "q", "r"])
    wide, notes = central_frame(result, [0.6, 0.4], {"C1": "One"}, {"r": "Arr"})
    assert list(wide.columns) == ["criterion", CURRENT, "p", "q"]
    assert list(wide["criterion"]) == ["One", "C2"]
    np.testing.assert_allclose(wide[CURRENT], [0.6, 0.4])
    np.testing.assert_allclose(wide["p"], result.central_weights[0])
    assert not wide.isna().any().any()
    assert notes == [
        "No central weights for Arr: never ranked first in any sample, so no weights make "
        "them the winner here."
    ]
    assert central_chart(wide).to_dict()["encoding"]["yOffset"]


def test_correlation_heatmap_has_every_pair_once() -> None:
    x, w, _ = _problem(5, 3)
    result = method_agreement(x, w, [1, 1, 1])
    for name, table in result.correlations.items():
        spec = correlation_heatmap(table, name).to_dict()
        data = next(iter(spec["datasets"].values()))
        assert len(data) == table.size
        assert all(isinstance(r["value"], float) for r in data)


def test_ahp_frame_uses_group_titles_and_keeps_the_intervals() -> None:
    judgments = np.array([[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]])
    result = ahp_uncertainty(
        judgments,
        ["g1", "g2", "g3"],
        perturbation=JudgmentPerturbation("saaty_steps", 1.0),
        n_draws=200,
        seed=0,
    )
    frame = ahp_frame(result, {"g1": "Infrastructure"})
    assert list(frame["group"]) == ["Infrastructure", "g2", "g3"]
    expected = result.to_frame().drop(columns="item")
    pd.testing.assert_frame_equal(frame.drop(columns="group"), expected)
    assert (frame["q05"] <= frame["q95"]).all()
    assert ahp_chart(frame).to_dict()["layer"]
