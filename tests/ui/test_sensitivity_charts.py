"""Chart data of the Sensitivity page (ui.widgets.sensitivity_charts, sensitivity_sweep_chart
and sensitivity_weight_charts): the numbers drawn are the analysis' numbers, only the chosen
candidates are series (the rest grey or summed), and no frame carries a NaN."""

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
from clusterrank.ui.widgets.chart_theme import MAX_SERIES
from clusterrank.ui.widgets.sensitivity_charts import (
    DENSE,
    acceptability_frame,
    acceptability_heatmap,
    cell_label,
    correlation_heatmap,
)
from clusterrank.ui.widgets.sensitivity_sweep_chart import (
    ZOOM,
    candidate_table,
    sweep_chart,
    sweep_frames,
)
from clusterrank.ui.widgets.sensitivity_weight_charts import (
    CURRENT,
    ahp_chart,
    ahp_frame,
    central_chart,
    central_frame,
    central_series,
)


def _problem(m: int, n: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray, list[str]]:
    rng = np.random.default_rng(seed)
    return rng.uniform(1, 10, size=(m, n)), rng.dirichlet(np.ones(n)), [f"k{i}" for i in range(m)]


def test_sweep_frames_draw_the_shown_candidates_and_their_crossings_only() -> None:
    """With 15 candidates and 4 shown: the lines are the shown ones with the analysis' ranks
    and scores, the others are grey context (a row only where their rank changes), and the
    drawn breakpoints are exactly the inner crossings of two shown candidates."""
    x, w, ids = _problem(15, 3)
    result = sweep(x, w, [1, 1, 1], "wsm", candidates=ids, criteria=["c1", "c2", "c3"])
    labels = {i: f"Кластер {i}" for i in ids}
    shown = ["k0", "k3", "k7", "k9"]
    frames = sweep_frames(result, "c1", labels, shown)
    one = result.get("c1")
    assert set(frames.lines["candidate"]) == {labels[i] for i in shown}
    k3 = frames.lines[frames.lines["candidate"] == labels["k3"]]
    np.testing.assert_array_equal(k3["rank"], one.ranks[:, 3])
    np.testing.assert_allclose(k3["score"], one.scores[:, 3])
    assert set(frames.context["id"]) == set(ids) - set(shown)
    k1 = frames.context[frames.context["id"] == "k1"]
    assert len(k1) < len(one.t)
    assert set(k1["rank"]) == set(one.ranks[:, 1])
    inner = [(round(t, 9), a, b) for t, a, b in one.breakpoints if 1e-9 < t < 1 - 1e-9]
    both = {t for t, a, b in inner if a in shown and b in shown}
    assert set(frames.breaks["weight"]) == both
    assert len(frames.crossings) == len(inner)
    assert frames.crossings["drawn"].sum() == sum(a in shown and b in shown for _, a, b in inner)
    assert not frames.lines.isna().any().any()
    chart = sweep_chart(frames, one.current, "Investment", 15).to_dict()
    assert chart["title"]["text"] == "Rank of each candidate as one weight moves"
    table = candidate_table(result, "c1", labels, shown)
    assert list(table["best rank"]) == [int(one.ranks[:, i].min()) for i in (0, 3, 7, 9)]


def test_the_sweep_chart_zooms_on_the_leading_ranks() -> None:
    """With 120 candidates the chart shows ranks down to :data:`ZOOM` at least, and says so
    when a shown line leaves it at the bottom."""
    x, w, ids = _problem(120, 2, seed=3)
    result = sweep(x, w, [1, 1], "wsm", candidates=ids, criteria=["c1", "c2"])
    one = result.get("c1")
    order = [ids[i] for i in np.argsort(one.ranks[one.current_index], kind="stable")]
    frames = sweep_frames(result, "c1", {}, order[:5])
    deepest = int(one.ranks[:, [ids.index(i) for i in order[:5]]].max())
    assert deepest > frames.deepest >= ZOOM  # the top five fall far at one end of the path
    assert any("falls lower" in n for n in frames.notes)
    assert frames.lines["rank"].max() == deepest  # clipped in the chart, not in the data


def test_acceptability_frame_holds_the_smaa_shares() -> None:
    """Each heatmap cell is the acceptability of that candidate at that rank, labelled in
    whole percent."""
    x, _, ids = _problem(4, 3)
    result = smaa(x, [1, 1, 1], "wsm", n_samples=2_000, seed=5, candidates=ids)
    labels = {i: i.upper() for i in ids}
    long = acceptability_frame(result, labels, ids)
    for row in long.to_dict("records"):
        i = ids.index(str(row["id"]))
        assert row["acceptability"] == result.acceptability[i, int(row["rank"]) - 1]
        assert row["label"] == cell_label(row["acceptability"])
    assert len(long) == 16
    chart = acceptability_heatmap(long, [labels[i] for i in ids], ["1", "2", "3", "4"], "all")
    assert len(chart.to_dict()["layer"]) == 2  # cells and their text


def test_cell_labels() -> None:
    assert [cell_label(v) for v in (0.0, 0.004, 0.5449, 0.996, 1.0)] == [
        "",
        "<1%",
        "54%",
        ">99%",
        "100%",
    ]


def test_acceptability_frame_sums_the_later_ranks_into_one_column() -> None:
    """Ranks 1-3 and one column 4–20 holding the rest: each row still sums to 1; above
    :data:`DENSE` cells the zero cells are left out, and no cell text is drawn."""
    x, _, ids = _problem(20, 2)
    result = smaa(x, [1, 1], "wsm", n_samples=300, seed=0, candidates=ids, pairwise=False)
    long = acceptability_frame(result, {}, ids[:5], ranks=3)
    assert sorted(set(long["rank"])) == ["1", "2", "3", "4–20"]
    sums = long.groupby("id")["acceptability"].sum()
    np.testing.assert_allclose(sums, 1.0)
    assert set(long[long["rank"] == "4–20"]["error"]) == {"—"}
    x, _, ids = _problem(60, 2)
    result = smaa(x, [1, 1], "wsm", n_samples=300, seed=0, candidates=ids, pairwise=False)
    long = acceptability_frame(result, {}, ids)
    assert DENSE < 60 * 60
    assert (long["acceptability"] > 0).all()
    chart = acceptability_heatmap(long, ids, [str(r) for r in range(1, 61)], "all")
    assert len(chart.to_dict()["layer"]) == 1  # cells only: values in tooltips


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
    series, left = central_series(wide, ["q"])
    assert (series, left) == ([CURRENT, "q", "p"], [])
    spec = central_chart(wide, series).to_dict()
    assert spec["layer"][0]["encoding"]["yOffset"]
    assert spec["layer"][1]["encoding"]["shape"]["scale"]["domain"] == series


def test_central_series_keep_at_most_eight() -> None:
    """The weights in use and seven candidates, the preferred first; the rest left to the
    table."""
    names = [f"c{k}" for k in range(12)]
    wide = pd.DataFrame({"criterion": ["a"], CURRENT: [1.0], **{n: [1.0] for n in names}})
    series, left = central_series(wide, ["c11", "c5"])
    assert len(series) == MAX_SERIES
    assert series[:3] == [CURRENT, "c11", "c5"]
    assert len(left) == 12 - (MAX_SERIES - 1)


def test_correlation_heatmap_has_every_pair_once() -> None:
    x, w, _ = _problem(5, 3)
    result = method_agreement(x, w, [1, 1, 1])
    for name, table in result.correlations.items():
        spec = correlation_heatmap(table, name, "title").to_dict()
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
