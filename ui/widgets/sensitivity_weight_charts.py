"""Altair charts of weights under uncertainty.

SMAA central weights beside the weights in use, and the interval of each group weight when the AHP
judgments are perturbed.

Display shaping only (titles for ids, long format); every number comes from a result object.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import numpy as np
import numpy.typing as npt
import pandas as pd
import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from clusterrank.i18n import N_, _, pgettext
from clusterrank.methods.sensitivity import AHPUncertaintyResult, SMAAResult
from clusterrank.ui.widgets.chart_theme import MAX_SERIES, TEXT, series_scale

CURRENT = "weights in use"
"""The column id of the weights in use (its heading and legend entry: :func:`current_label`)."""
AHP_HEADINGS = {
    "point": N_("weight now"),
    "mean": N_("mean"),
    "q05": N_("5%"),
    "q95": N_("95%"),
    "min": N_("min"),
    "max": N_("max"),
}
"""Headings of the AHP interval table's columns (marked only; translated where shown)."""


def current_label() -> str:
    """The words "weights in use" in the current language: a heading and a legend entry."""
    return _("weights in use")


def ahp_headings(columns: Sequence[str]) -> dict[str, ColumnConfig]:
    """Column config giving the AHP interval table's number ``columns`` their headings."""
    return {
        c: st.column_config.NumberColumn(_(AHP_HEADINGS[c]) if c in AHP_HEADINGS else c)
        for c in columns
    }


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
    if len(never) > MAX_SERIES:
        notes.append(
            _(
                "No central weights for the other {count} candidates: they never ranked first "
                "in any sample, so no weights make them the winner here."
            ).format(count=len(never))
        )
    elif never:
        notes.append(
            _(
                "No central weights for {candidates}: never ranked first in any sample, so no "
                "weights make them the winner here."
            ).format(candidates=", ".join(never))
        )
    return wide, notes


def central_series(wide: pd.DataFrame, preferred: Sequence[str]) -> tuple[list[str], list[str]]:
    """The columns of ``wide`` the chart draws, and the candidates it leaves to the table.

    The weights in use first, then the candidates in ``preferred`` (those the page shows) that
    have central weights, then the others most often ranked first, :data:`MAX_SERIES` in all.
    """
    candidates = [c for c in wide.columns if c not in ("criterion", CURRENT)]
    ranked = [c for c in preferred if c in candidates]
    ranked += [c for c in candidates if c not in ranked]
    keep = ranked[: MAX_SERIES - 1]
    return [CURRENT, *keep], ranked[MAX_SERIES - 1 :]


def central_chart(wide: pd.DataFrame, series: list[str]) -> alt.LayerChart | alt.FacetChart:
    """Grouped horizontal bars: per criterion, the weight in use and each central weight.

    Each series has its own colour and, at the end of its bar, its own shape.
    """
    long = wide.melt(id_vars="criterion", value_vars=series, var_name="weights", value_name="w")
    shown = current_label()
    long["weights"] = long["weights"].replace({CURRENT: shown})
    series = [shown if s == CURRENT else s for s in series]
    colour_scale, shape_scale = series_scale(series)
    order = list(wide["criterion"])
    legend = alt.Legend(
        orient="bottom", columns=1, labelLimit=520, symbolSize=110, symbolStrokeWidth=0
    )
    y = alt.Y("criterion:N", sort=order, title=None, axis=alt.Axis(labelLimit=300))
    offset = alt.YOffset("weights:N", sort=series)
    x = alt.X("w:Q", title=_("weight (%)"), axis=alt.Axis(format="%"))
    tips = [
        alt.Tooltip("criterion:N", title=pgettext("column", "criterion")),
        alt.Tooltip("weights:N", title=_("weights")),
        alt.Tooltip("w:Q", format=".1%", title=pgettext("column", "weight")),
    ]
    base = alt.Chart(long).encode(y=y, yOffset=offset, x=x, tooltip=tips)
    bars = base.mark_bar(height={"band": 0.8}).encode(
        color=alt.Color("weights:N", sort=series, title=None, scale=colour_scale, legend=legend)
    )
    ends = base.mark_point(filled=True, size=80, opacity=1).encode(
        color=alt.Color("weights:N", sort=series, title=None, scale=colour_scale, legend=legend),
        shape=alt.Shape("weights:N", sort=series, title=None, scale=shape_scale, legend=legend),
    )
    title = alt.Title(
        _("Central weights beside the weights in use"),
        subtitle=_("the typical weights under which each candidate ranked first"),
    )
    return alt.layer(bars, ends).properties(
        title=title,
        height=max(160, 14 * len(series) * len(order) + 10 * len(order)),
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
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
        alt.Tooltip("group:N", title=pgettext("column", "group")),
        *(
            alt.Tooltip(f"{c}:Q", format=".1%", title=_(AHP_HEADINGS[c]))
            for c in ("point", "q05", "q95", "min", "max")
        ),
    ]
    base = alt.Chart(frame).encode(y=y, tooltip=tips)
    whole = base.mark_rule(color="#767b87", strokeWidth=2).encode(
        x=alt.X("min:Q", title=_("group weight (%)"), axis=alt.Axis(format="%")), x2="max:Q"
    )
    middle = base.mark_bar(color="#4292c6", height=16).encode(x="q05:Q", x2="q95:Q")
    point = base.mark_tick(color=TEXT, thickness=3, size=22).encode(x="point:Q")
    mean = base.mark_point(color="#08519c", fill="white", filled=True, size=45).encode(x="mean:Q")
    title = alt.Title(
        _("Group weights under perturbed judgments"),
        subtitle=_("thin line: min-max; bar: 5-95%; black tick: weight now; dot: mean"),
    )
    return alt.layer(whole, middle, point, mean).properties(
        title=title,
        height=max(120, 38 * len(order)),
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
    )
