"""Altair charts of the sensitivity results: the rank-acceptability and rank-correlation heatmaps.

Each chart is built from a small frame made here from a result object (display shaping only:
names instead of ids, long format, later ranks summed into one column); nothing is computed
that the analysis did not compute. Charts are rebuilt on every rerun and never cached. The
weight sweep has its own module, :mod:`ui.widgets.sensitivity_sweep_chart`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from clusterrank.i18n import _, formats, pgettext
from clusterrank.methods.sensitivity import SMAAResult
from clusterrank.ui.widgets.chart_theme import TEXT

LABELLED = 15
"""Heatmap cells carry their value as text only up to this many rows and columns."""
HEAT_RANKS = 10
"""With more than :data:`LABELLED` candidates, the heatmap shows ranks 1 to this one and sums
the later ranks into one column (unless the reader asks for all)."""
DENSE = 2_500
"""Above this many cells, the heatmap frame leaves out the cells of share 0."""
CORRELATION_CELL = 46  # px: a cell of the method × method heatmaps, its value fits
EMPTY_CELL = "#f4f8fc"  # share 0: nearly white, so "never" reads as empty
FULL_CELL = "#08519c"
GROW = alt.AutoSizeParams(type="fit-x", contains="padding")
"""Fit the width, keep the plot's own height and add the legend below it (Streamlit's
default, ``fit``, squeezes the plot to make room for a legend underneath)."""


def acceptability_frame(
    result: SMAAResult,
    labels: Mapping[str, str],
    rows: Sequence[str],
    ranks: int | None = None,
) -> pd.DataFrame:
    """Long frame for the heatmap: ``rows`` (ids, in order) × ranks 1..``ranks``.

    With ``ranks`` below the number of candidates, the later ranks are summed into one last
    column (``11–38``, each row still summing to 1, as
    :meth:`SMAAResult.acceptability_frame` does). Columns: ``id``, ``candidate``, ``rank``
    (column label), ``acceptability``, ``error`` (Monte Carlo error as text, "—" for the
    summed column), ``label`` (the cell text: whole percent, "<1%", ">99%" or empty for 0).
    Above :data:`DENSE` cells the zero cells are left out (they would be drawn white anyway).
    """
    m = len(result.candidates)
    shares = result.acceptability_frame(max_ranks=ranks)
    columns = list(shares.columns)
    if ranks is not None and len(columns) > ranks:
        columns[-1] = f"{ranks + 1}–{m}"
        shares.columns = columns
    long = (
        shares.loc[list(rows)]
        .rename_axis(index="id", columns="rank")
        .reset_index()
        .melt(id_vars="id", var_name="rank", value_name="acceptability")
    )
    long["rank"] = [str(r).removeprefix("rank ") for r in long["rank"]]
    long["candidate"] = [labels.get(i, i) for i in long["id"]]
    row = {c: k for k, c in enumerate(result.candidates)}
    long["error"] = [
        "—" if "–" in r else "± " + formats.percent(result.acceptability_se[row[i], int(r) - 1], 2)
        for i, r in zip(long["id"], long["rank"], strict=True)
    ]
    long["label"] = [cell_label(v) for v in long["acceptability"]]
    if len(long) > DENSE:
        long = long[long["acceptability"] > 0]
    return long.reset_index(drop=True)


def cell_label(share: float) -> str:
    """A heatmap cell's text: ``54%``; ``<1%`` and ``>99%`` near the ends; empty for 0."""
    if share <= 0:
        return ""
    if share < 0.005:
        return "<" + formats.percent(0.01)
    if 0.995 <= share < 1:
        return ">" + formats.percent(0.99)
    return formats.percent(share)


def acceptability_heatmap(
    long: pd.DataFrame, order: list[str], ranks: list[str], subtitle: str
) -> alt.LayerChart | alt.FacetChart:
    """Candidates × ranks, coloured by the share of samples; labelled where a cell is big enough.

    Cells carry their text only with at most :data:`LABELLED` rows and columns; beyond that the
    values are in the tooltips and in the table beside the chart.
    """
    labelled = len(order) <= LABELLED and len(ranks) <= LABELLED
    row = 34 if labelled else (20 if len(order) <= 40 else 12)
    base = alt.Chart(long).encode(
        x=alt.X(
            "rank:O",
            sort=ranks,
            title=_("rank (1 = best)"),
            axis=alt.Axis(labelAngle=0, orient="top", labelOverlap="greedy"),
        ),
        y=alt.Y(
            "candidate:N",
            sort=order,
            title=None,
            axis=alt.Axis(labelLimit=300, labelFontSize=12 if row > 12 else 10),
        ),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1 if row > 12 else 0).encode(
        color=alt.Color(
            "acceptability:Q",
            title=_("share of samples (%)"),
            scale=alt.Scale(domain=[0, 1], range=[EMPTY_CELL, FULL_CELL]),
            legend=alt.Legend(format="%", orient="bottom", gradientLength=240),
        ),
        tooltip=[
            alt.Tooltip("candidate:N", title=pgettext("column", "candidate")),
            alt.Tooltip("rank:O", title=pgettext("column", "rank")),
            alt.Tooltip("acceptability:Q", format=".2%", title=_("share of samples")),
            alt.Tooltip("error:N", title=_("Monte Carlo error")),
        ],
    )
    layers: list[alt.Chart] = [cells]
    if labelled:
        layers.append(
            base.mark_text(fontSize=12).encode(
                text="label:N",
                color=alt.condition(
                    alt.datum.acceptability > 0.55, alt.value("white"), alt.value(TEXT)
                ),
            )
        )
    title = alt.Title(
        _("Rank acceptability: how often each candidate takes each rank"),
        subtitle=textwrap.wrap(subtitle, 80),
    )
    return alt.layer(*layers).properties(
        title=title, height=max(120, row * len(order)), autosize=GROW
    )


def correlation_heatmap(
    table: pd.DataFrame, coefficient: str, title: str
) -> alt.LayerChart | alt.FacetChart:
    """Method × method rank correlations with their values (Spearman on -1..1, WS on 0..1)."""
    order = [str(c) for c in table.columns]
    long = (
        table.rename_axis(index="row")
        .reset_index()
        .melt(id_vars="row", var_name="column", value_name="value")
    )
    long["label"] = [formats.number(v, 2) for v in long["value"]]
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
            alt.Tooltip("row:N", title=_("method (row)")),
            alt.Tooltip("column:N", title=_("method (column)")),
            alt.Tooltip("value:Q", format=".3f", title=coefficient),
        ],
    )
    text = base.mark_text(fontSize=12).encode(
        text="label:N",
        color=alt.condition("abs(datum.value) > 0.8", alt.value("white"), alt.value(TEXT)),
    )
    subtitle = (
        _("1 = the same ranking; scale -1 to 1")
        if coefficient == "spearman"
        else _("1 = the same ranking; scale 0 to 1")
    )
    heading = alt.Title(title, subtitle=subtitle)
    return alt.layer(cells, text).properties(
        title=heading, width=alt.Step(CORRELATION_CELL), height=alt.Step(CORRELATION_CELL)
    )
