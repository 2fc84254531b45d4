"""Altair charts of a ranking: a bar chart of scores and a per-candidate criterion profile.

Charts are rebuilt on every rerun from small frames (never cached: a figure is cheap to build
and caching it would pin stale data). The profile uses a display-only rescaling so criteria
in different units share one axis; the rescaled numbers are never ranked.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from clusterrank.criteria.decision_matrix import DecisionMatrix

MAX_BARS = 30
"""The bar chart shows at most this many candidates (the best ones); the table has them all."""


def score_bar(frame: pd.DataFrame, *, higher_is_better: bool, method: str) -> alt.Chart:
    """Horizontal bars of score per candidate, best on top (at most :data:`MAX_BARS`).

    Parameters
    ----------
    frame
        Rank order with columns ``name``, ``score`` and ``rank`` (``RankingReport.to_frame()``).
    higher_is_better
        Orientation of the method's score, stated in the axis title.
    method
        Method name for the axis title.
    """
    top = frame.head(MAX_BARS)
    labels = [f"{r}. {n}" for r, n in zip(top["rank"], top["name"], strict=True)]
    data = top.assign(label=labels)
    better = "higher is better" if higher_is_better else "lower is better"
    order = data["label"].tolist()
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("score:Q", title=f"{method} score ({better})"),
            y=alt.Y(
                "label:N",
                sort=order,
                title=None,
                axis=alt.Axis(labelLimit=380, labelOverlap=False),
            ),
            color=alt.Color("rank:O", legend=None, scale=alt.Scale(scheme="blues", reverse=True)),
            tooltip=[
                alt.Tooltip("name:N", title="candidate"),
                alt.Tooltip("score:Q", format=".4f"),
                alt.Tooltip("rank:O"),
            ],
        )
        .properties(height=max(140, 44 * len(data)))
    )


def profile_frame(matrix: DecisionMatrix) -> tuple[pd.DataFrame, list[str]]:
    """Long frame for the profile chart: each criterion min-max rescaled so 1 is the best value.

    Cost criteria are turned round (the lowest value becomes 1). A criterion with the same value
    for every candidate has no spread to show: it is drawn at 0.5 and named in the notes, so the
    chart never carries a NaN.

    Returns
    -------
    frame, notes
        Columns ``candidate``, ``criterion``, ``position`` (0..1, 1 best), ``value``, ``unit``,
        ``imputed``, ``illustrative``; and notes on constant criteria.
    """
    x = matrix.values  # noqa: PD011  (a numpy array, not a DataFrame)
    lo, hi = x.min(axis=0), x.max(axis=0)
    span = hi - lo
    constant = span <= 0
    scaled = np.where(constant, 0.5, (x - lo) / np.where(constant, 1.0, span))
    scaled = np.where(matrix.directions < 0, 1.0 - scaled, scaled)
    scaled = np.where(constant, 0.5, scaled)
    rows: list[dict[str, Any]] = []
    for i, name in enumerate(matrix.candidate_names):
        for j, title in enumerate(matrix.criterion_titles):
            rows.append(
                {
                    "candidate": name,
                    "criterion": f"{j + 1}. {title}",
                    "position": float(scaled[i, j]),
                    "value": float(x[i, j]),
                    "unit": matrix.units[j],
                    "imputed": bool(matrix.imputed[i, j]),
                    "illustrative": bool(matrix.illustrative[i, j]),
                }
            )
    notes = [
        f"'{matrix.criterion_titles[j]}' is the same for every candidate; drawn at the middle"
        for j in np.flatnonzero(constant)
    ]
    return pd.DataFrame(rows), notes


def profile_chart(frame: pd.DataFrame, selected: str) -> alt.LayerChart | alt.FacetChart:
    """Parallel coordinates: one line per candidate across the criteria, ``selected`` in front.

    Imputed cells are drawn as hollow points so an estimated figure is never mistaken for a
    published one.
    """
    data = frame.head(MAX_BARS).assign(is_selected=frame["candidate"] == selected)
    base = alt.Chart(data).encode(
        x=alt.X(
            "criterion:N",
            title=None,
            axis=alt.Axis(labelAngle=-25, labelLimit=200, labelOverlap=False),
        ),
        y=alt.Y(
            "position:Q",
            title="position among candidates (1 = best)",
            scale=alt.Scale(domain=[0, 1]),
        ),
        detail="candidate:N",
    )
    others = base.transform_filter(~alt.datum.is_selected).mark_line(
        color="#b0b7c3", strokeWidth=1.5, opacity=0.7
    )
    mine = base.transform_filter(alt.datum.is_selected).mark_line(color="#d62728", strokeWidth=3)
    points = (
        base.transform_filter(alt.datum.is_selected)
        .mark_point(color="#d62728", size=80, filled=False, strokeWidth=2)
        .encode(
            fill=alt.Fill(
                "imputed:N",
                legend=None,
                scale=alt.Scale(domain=[False, True], range=["#d62728", "white"]),
            ),
            tooltip=[
                alt.Tooltip("criterion:N"),
                alt.Tooltip("value:Q", format=",.4g"),
                alt.Tooltip("unit:N"),
                alt.Tooltip("position:Q", format=".2f"),
                alt.Tooltip("imputed:N"),
                alt.Tooltip("illustrative:N"),
            ],
        )
    )
    return alt.layer(others, mine, points).properties(height=340)
