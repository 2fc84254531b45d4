"""Altair charts of the sensitivity results.

Weight sweeps, the rank-acceptability heatmap and rank-correlation heatmaps.

Each chart is built from a small frame made here from a result object (display shaping only:
names instead of ids, long format, capped sizes); nothing is computed that the analysis did
not compute. Charts are rebuilt on every rerun and never cached.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from clusterrank.methods.sensitivity import SMAAResult, SweepResult

MAX_LINES = 12
"""A sweep chart draws at most this many candidates (those reaching the best ranks)."""
MAX_HEAT = 30
"""The acceptability heatmap shows at most this many candidates and ranks."""
EDGE = 1e-9
DARK_TEXT = "#1f2d3d"
EMPTY_CELL = "#f4f8fc"  # share 0: nearly white, so "never" reads as empty
FULL_CELL = "#08519c"
GROW = alt.AutoSizeParams(type="fit-x", contains="padding")
"""Fit the width, keep the plot's own height and add the legend below it (Streamlit's
default, ``fit``, squeezes the plot to make room for a legend underneath)."""


def sweep_frame(
    result: SweepResult, criterion: str, names: Mapping[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Chart data for one criterion's sweep: lines, breakpoints and notes.

    Returns
    -------
    lines
        ``weight, candidate, score, rank, is_current`` for at most :data:`MAX_LINES`
        candidates (those with the best rank somewhere on the path, then the best now).
    breaks
        ``weight, crossing`` at every breakpoint strictly inside (0, 1), pairs joined.
    notes
        What was left out (candidates beyond the cap, crossings at 0% or 100%).
    """
    one = result.get(criterion)
    ids = list(result.candidates)
    best = one.ranks.min(axis=0)
    now = one.ranks[one.current_index]
    order = sorted(range(len(ids)), key=lambda i: (int(best[i]), int(now[i]), ids[i]))
    notes: list[str] = []
    if len(order) > MAX_LINES:
        notes.append(
            f"The chart draws the {MAX_LINES} candidates reaching the best ranks on this path "
            f"(of {len(order)})."
        )
    keep = sorted(order[:MAX_LINES])  # only the drawn candidates become rows
    count = len(one.t)
    lines = pd.DataFrame(
        {
            "weight": pd.Series(one.t).repeat(len(keep)).to_numpy(),
            "candidate": [names.get(ids[i], ids[i]) for i in keep] * count,
            "score": one.scores[:, keep].ravel(),
            "rank": one.ranks[:, keep].ravel(),
            "is_current": pd.Series(one.t == one.current).repeat(len(keep)).to_numpy(),
        }
    )
    inner = [b for b in one.breakpoints if EDGE < b[0] < 1 - EDGE]
    edge = len(one.breakpoints) - len(inner)
    if edge:
        notes.append(
            f"{edge} crossing(s) at 0% or 100% (ties when this weight is nothing or everything) "
            "are not drawn."
        )
    grouped: dict[float, list[str]] = {}
    for t, a, b in inner:
        grouped.setdefault(round(t, 9), []).append(f"{names.get(a, a)} × {names.get(b, b)}")
    breaks = pd.DataFrame(
        {"weight": list(grouped), "crossing": ["; ".join(v) for v in grouped.values()]},
        columns=["weight", "crossing"],
    )
    return lines, breaks, notes


def sweep_chart(
    lines: pd.DataFrame, breaks: pd.DataFrame, current: float, title: str, m: int
) -> alt.LayerChart | alt.FacetChart:
    """Rank of each candidate against the criterion's weight (rank 1 on top).

    The current weight is a solid rule and every breakpoint a dashed rule.
    """
    x = alt.X(
        "weight:Q",
        title=f"weight of {title} (the others keep their proportions)",
        scale=alt.Scale(domain=[0, 1]),
        axis=alt.Axis(format="%", titleLimit=700),
    )
    y = alt.Y(
        "rank:Q",
        title="rank (1 = best)",
        scale=alt.Scale(domain=[0.7, m + 0.3], reverse=True, nice=False),
        axis=alt.Axis(values=list(range(1, m + 1)), format="d", grid=False),
    )
    color = alt.Color(
        "candidate:N",
        title=None,
        scale=alt.Scale(scheme="tableau10"),
        legend=alt.Legend(orient="bottom", columns=1, labelLimit=600, symbolStrokeWidth=3),
    )
    tips = [
        alt.Tooltip("candidate:N"),
        alt.Tooltip("weight:Q", format=".1%"),
        alt.Tooltip("rank:Q", format="d"),
        alt.Tooltip("score:Q", format=".4f"),
    ]
    base = alt.Chart(lines)
    paths = base.mark_line(interpolate="step-after", strokeWidth=2.5, opacity=0.85).encode(
        x=x, y=y, color=color, tooltip=tips
    )
    now_points = (
        base.transform_filter(alt.datum.is_current)
        .mark_point(size=90, filled=True, opacity=1)
        .encode(x=x, y=y, color=color, tooltip=tips)
    )
    marker = pd.DataFrame({"weight": [current], "label": [f"now {100 * current:.1f}%"]})
    now_rule = alt.Chart(marker).mark_rule(color="black", strokeWidth=2).encode(x="weight:Q")
    now_text = (
        alt.Chart(marker)
        .mark_text(align="left", dx=5, dy=-6, fontWeight="bold", color="black")
        .encode(x="weight:Q", y=alt.value(0), text="label:N")
    )
    layers: list[alt.Chart] = [paths, now_points, now_rule, now_text]
    if len(breaks):
        layers.insert(
            0,
            alt.Chart(breaks)
            .mark_rule(color="#e45756", strokeDash=[5, 4], strokeWidth=1.5)
            .encode(
                x="weight:Q",
                tooltip=[alt.Tooltip("weight:Q", format=".2%"), alt.Tooltip("crossing:N")],
            ),
        )
    return alt.layer(*layers).properties(height=max(220, 46 * m), autosize=GROW)


def acceptability_frame(
    result: SMAAResult, names: Mapping[str, str]
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Long frame for the heatmap, the candidates' order, and notes on what was cut.

    Candidates are in the order of ``result.to_frame()``, at most :data:`MAX_HEAT` candidates and
    ranks.
    """
    ids = [str(i) for i in result.to_frame()["id"]]
    m = len(ids)
    keep = ids[:MAX_HEAT]
    long = result.acceptability_long()
    long = long[long["id"].isin(keep) & (long["rank"] <= MAX_HEAT)].copy()
    long["candidate"] = [names.get(i, i) for i in long["id"]]
    long["label"] = [f"{100 * v:.1f}%" for v in long["acceptability"]]
    notes = []
    if m > MAX_HEAT:
        notes.append(
            f"The heatmap shows the {MAX_HEAT} candidates most often ranked first and ranks "
            f"1-{MAX_HEAT}; the table below has all {m}."
        )
    return long.reset_index(drop=True), [names.get(i, i) for i in keep], notes


def acceptability_heatmap(long: pd.DataFrame, order: list[str]) -> alt.LayerChart | alt.FacetChart:
    """Candidates × ranks, coloured and labelled by the share of samples."""
    base = alt.Chart(long).encode(
        x=alt.X("rank:O", title="rank", axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("candidate:N", sort=order, title=None, axis=alt.Axis(labelLimit=420)),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color(
            "acceptability:Q",
            title="share of samples",
            scale=alt.Scale(domain=[0, 1], range=[EMPTY_CELL, FULL_CELL]),
            legend=alt.Legend(format="%", orient="bottom", gradientLength=260),
        ),
        tooltip=[
            alt.Tooltip("candidate:N"),
            alt.Tooltip("rank:O"),
            alt.Tooltip("acceptability:Q", format=".2%", title="acceptability"),
            alt.Tooltip("se:Q", format=".2%", title="Monte Carlo error"),
        ],
    )
    text = base.mark_text(fontSize=13).encode(
        text="label:N",
        color=alt.condition(
            alt.datum.acceptability > 0.55, alt.value("white"), alt.value(DARK_TEXT)
        ),
    )
    return alt.layer(cells, text).properties(height=max(120, 44 * len(order)), autosize=GROW)


def correlation_heatmap(table: pd.DataFrame, coefficient: str) -> alt.LayerChart | alt.FacetChart:
    """Method × method rank correlations with their values (Spearman on -1..1, WS on 0..1)."""
    order = [str(c) for c in table.columns]
    long = (
        table.rename_axis(index="row")
        .reset_index()
        .melt(id_vars="row", var_name="column", value_name="value")
    )
    long["label"] = [f"{v:.2f}" for v in long["value"]]
    scale = (
        alt.Scale(scheme="redblue", domain=[-1.0, 1.0])
        if coefficient == "spearman"
        else alt.Scale(scheme="blues", domain=[0.0, 1.0])
    )
    base = alt.Chart(long).encode(
        x=alt.X(
            "column:N",
            sort=order,
            title=None,
            axis=alt.Axis(labelAngle=-40, labelLimit=160, labelOverlap=False),
        ),
        y=alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=160, labelOverlap=False)),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("value:Q", title=None, scale=scale, legend=None),
        tooltip=[
            alt.Tooltip("row:N"),
            alt.Tooltip("column:N"),
            alt.Tooltip("value:Q", format=".3f"),
        ],
    )
    text = base.mark_text(fontSize=12).encode(
        text="label:N",
        color=alt.condition(alt.datum.value > 0.8, alt.value("white"), alt.value(DARK_TEXT)),
    )
    return alt.layer(cells, text).properties(height=max(160, 38 * len(order)), autosize=GROW)
