"""Altair charts of weights under uncertainty.

SMAA central weights beside the weights in use, and the interval of each group weight when the AHP
judgments are perturbed.

Display shaping only (titles for ids, long format); every number comes from a result object.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterrank.methods.sensitivity import AHPUncertaintyResult, SMAAResult

CURRENT = "weights in use"
MAX_SERIES = 8
"""The central-weights chart shows the weights in use and at most this many candidates."""


def central_frame(
    result: SMAAResult,
    current: npt.ArrayLike,
    titles: Mapping[str, str],
    names: Mapping[str, str],
) -> tuple[pd.DataFrame, list[str]]:
    """Criteria × (weights in use, each candidate's central weights), wide, and notes.

    Columns: ``criterion`` (title), ``weights in use``, then one column per candidate that
    ranked first in some sample, named by candidate, most often first first.
    """
    central = result.central_weights_frame()
    firsts = dict(zip(result.candidates, result.acceptability[:, 0].tolist(), strict=True))
    ids = sorted(central.index, key=lambda i: -firsts[i])
    wide = pd.DataFrame(
        {
            "criterion": [titles.get(c, c) for c in result.criteria],
            CURRENT: np.asarray(current, dtype=float),
        }
    )
    for i in ids:
        wide[names.get(i, i)] = central.loc[i].to_numpy()
    notes = []
    never = [names.get(c, c) for c in result.candidates if c not in central.index]
    if never:
        notes.append(
            "No central weights for "
            + ", ".join(never)
            + ": never ranked first in any sample, so no weights make them the winner here."
        )
    return wide, notes


def central_chart(wide: pd.DataFrame) -> alt.Chart:
    """Grouped horizontal bars: per criterion, the weight in use and each central weight."""
    series = [c for c in wide.columns if c != "criterion"][: MAX_SERIES + 1]
    long = wide.melt(id_vars="criterion", value_vars=series, var_name="weights", value_name="w")
    palette = ["#4a4a4a", "#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2"]
    colours = (palette * (len(series) // len(palette) + 1))[: len(series)]
    order = list(wide["criterion"])
    return (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y("criterion:N", sort=order, title=None, axis=alt.Axis(labelLimit=330)),
            yOffset=alt.YOffset("weights:N", sort=series),
            x=alt.X("w:Q", title="weight", axis=alt.Axis(format="%")),
            color=alt.Color(
                "weights:N",
                sort=series,
                title=None,
                scale=alt.Scale(domain=series, range=colours),
                legend=alt.Legend(orient="bottom", columns=1, labelLimit=600),
            ),
            tooltip=[
                alt.Tooltip("criterion:N"),
                alt.Tooltip("weights:N"),
                alt.Tooltip("w:Q", format=".1%", title="weight"),
            ],
        )
        .properties(
            height=max(160, 16 * len(series) * len(order) + 10 * len(order)),
            autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        )
    )


def ahp_frame(result: AHPUncertaintyResult, titles: Mapping[str, str]) -> pd.DataFrame:
    """One row per compared item (group): title, point weight, mean, 5-95 % and min-max."""
    frame = result.to_frame()
    frame.insert(0, "group", [titles.get(i, i) for i in frame["item"]])
    return frame.drop(columns="item")


def ahp_chart(frame: pd.DataFrame) -> alt.LayerChart | alt.FacetChart:
    """Interval chart of each group weight.

    Per group: the min-max range (thin), the 5-95 % interval (thick), the point weight (black tick)
    and the mean over the accepted draws (white dot).
    """
    order = list(frame["group"])
    y = alt.Y("group:N", sort=order, title=None, axis=alt.Axis(labelLimit=330))
    tips = [
        alt.Tooltip("group:N"),
        alt.Tooltip("point:Q", format=".1%", title="weight now"),
        alt.Tooltip("q05:Q", format=".1%", title="5%"),
        alt.Tooltip("q95:Q", format=".1%", title="95%"),
        alt.Tooltip("min:Q", format=".1%"),
        alt.Tooltip("max:Q", format=".1%"),
    ]
    base = alt.Chart(frame).encode(y=y, tooltip=tips)
    whole = base.mark_rule(color="#9aa5b1", strokeWidth=2).encode(
        x=alt.X("min:Q", title="group weight", axis=alt.Axis(format="%")), x2="max:Q"
    )
    middle = base.mark_bar(color="#9ecae1", height=16).encode(x="q05:Q", x2="q95:Q")
    point = base.mark_tick(color="black", thickness=3, size=22).encode(x="point:Q")
    mean = base.mark_point(color="#08519c", fill="white", filled=True, size=45).encode(x="mean:Q")
    return alt.layer(whole, middle, point, mean).properties(
        height=max(120, 38 * len(order)),
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
    )
