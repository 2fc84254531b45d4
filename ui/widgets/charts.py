"""Altair charts of a ranking: a bar chart of scores and a per-candidate criterion profile.

Charts are rebuilt on every rerun from small frames (never cached: a figure is cheap to build
and caching it would pin stale data). The profile uses a display-only rescaling so criteria
in different units share one axis; the rescaled numbers are never ranked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from clusterrank.criteria.decision_matrix import DecisionMatrix

MAX_BARS = 30
"""The bar chart shows at most this many candidates (the best ones); the table has them all."""


MIN_BAR_SHARE = 0.015
"""A bar shorter than this share of the longest bar is drawn at this length (value labelled),
so a score of 0 is still seen as a bar and read as a number."""
NOT_ASSESSABLE_COLOUR = "#9e9e9e"
LABEL_ROOM = 0.3
"""Share of the axis added right of the longest bar, so its value label fits."""


def score_frame(
    frame: pd.DataFrame, not_assessable: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The bar chart's data: the best :data:`MAX_BARS` rows with label, drawn length and text.

    ``frame`` has ``id``, ``name``, ``score`` and ``rank`` (``RankingReport.to_frame()``);
    ``not_assessable`` maps candidate id -> reason. ``bar`` is the score, or
    :data:`MIN_BAR_SHARE` of the longest bar where the score is closer to 0 than that (drawn
    on the score's side, a 0 to the right); ``text`` always gives the true score.
    """
    flagged = dict(not_assessable or {})
    top = frame.head(MAX_BARS)
    scores = top["score"].astype(float).to_numpy()
    longest = float(np.max(np.abs(scores))) if len(scores) else 0.0
    floor = MIN_BAR_SHARE * (longest if longest > 0 else 1.0)
    side = np.where(scores < 0, -1.0, 1.0)
    bar = np.where(np.abs(scores) < floor, side * floor, scores)
    ids = [str(i) for i in top["id"]] if "id" in top else [""] * len(top)
    reasons = [flagged.get(i, "") for i in ids]
    labels = [
        f"{r}. {n}" + (" (not assessable)" if why else "")
        for r, n, why in zip(top["rank"], top["name"], reasons, strict=True)
    ]
    text = [
        f"{s:.4f}" + (" · not assessable" if why else "")
        for s, why in zip(scores, reasons, strict=True)
    ]
    return top.assign(
        label=labels,
        bar=bar,
        end=np.maximum(bar, 0.0),
        text=text,
        assessable=[not why for why in reasons],
        reason=[why or "-" for why in reasons],
    )


def score_bar(
    frame: pd.DataFrame,
    *,
    higher_is_better: bool,
    method: str,
    not_assessable: Mapping[str, str] | None = None,
) -> alt.LayerChart | alt.FacetChart:
    """Horizontal bars of score per candidate, best on top (at most :data:`MAX_BARS`).

    Every bar carries its score as text, a score near 0 still shows a short bar
    (:func:`score_frame`), and a candidate that is not assessable is drawn grey with a dashed
    outline, "(not assessable)" after its name and beside its score, the reason in its tooltip.

    Parameters
    ----------
    frame
        Rank order with columns ``id``, ``name``, ``score`` and ``rank``
        (``RankingReport.to_frame()``).
    higher_is_better
        Orientation of the method's score, stated in the axis title.
    method
        Method name for the axis title.
    not_assessable
        Candidate id -> reason, for candidates whose place rests on imputed figures.
    """
    data = score_frame(frame, not_assessable)
    better = "higher is better" if higher_is_better else "lower is better"
    order = data["label"].tolist()
    base = alt.Chart(data).encode(
        y=alt.Y(
            "label:N",
            sort=order,
            title=None,
            axis=alt.Axis(labelLimit=380, labelOverlap=False),
        ),
        tooltip=[
            alt.Tooltip("name:N", title="candidate"),
            alt.Tooltip("score:Q", format=".4f"),
            alt.Tooltip("rank:O"),
            alt.Tooltip("reason:N", title="not assessable because"),
        ],
    )
    low = min(0.0, float(data["bar"].min())) if len(data) else 0.0
    high = float(data["end"].max()) if len(data) else 0.0
    room = (high - low) * LABEL_ROOM or 1.0  # space right of the longest bar for its label
    bars = base.mark_bar().encode(
        x=alt.X(
            "bar:Q",
            title=f"{method} score ({better})",
            scale=alt.Scale(domain=[low, high + room], nice=False),
        ),
        color=alt.condition(
            alt.datum.assessable,
            alt.Color("rank:O", legend=None, scale=alt.Scale(scheme="blues", reverse=True)),
            alt.value(NOT_ASSESSABLE_COLOUR),
        ),
        strokeDash=alt.condition(alt.datum.assessable, alt.value([1, 0]), alt.value([4, 3])),
        stroke=alt.value("#424242"),
        strokeWidth=alt.condition(alt.datum.assessable, alt.value(0), alt.value(1.5)),
    )
    labels = base.mark_text(align="left", dx=4, color="#212121").encode(
        x=alt.X("end:Q"), text="text:N"
    )
    return alt.layer(bars, labels).properties(height=max(140, 44 * len(data)))


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
