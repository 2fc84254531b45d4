"""The weight-sweep chart: each shown candidate's rank as one weight goes from 0 to 100 %.

Display shaping only: every rank, score and breakpoint comes from the
:class:`methods.sensitivity.SweepResult`. The candidates drawn as series (at most
:data:`chart_theme.MAX_SERIES`, see :mod:`ui.widgets.sensitivity_focus`) get a colour and a
shape each; every other candidate is one thin grey line behind them; a breakpoint is drawn only
where two shown candidates swap places (the others' crossings are in the table).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd

from clusterrank.i18n import _, formats, ngettext, pgettext
from clusterrank.methods.sensitivity import CriterionSweep, SweepResult
from clusterrank.ui.widgets.chart_theme import CONTEXT, MUTED, TEXT, series_scale

EDGE = 1e-9
MARKERS = 11
"""Shape markers on each shown line (at 0 %, 10 %, ..., 100 %), so lines differ without colour."""
ROW = 30
"""Pixels per rank while the chart is short; it never grows past :data:`TALLEST`."""
TALLEST = 560
ZOOM = 25
ZOOM_MARGIN = 10
"""The chart shows at least ranks 1-:data:`ZOOM`, and :data:`ZOOM_MARGIN` ranks below the
lowest shown candidate now; lines going lower leave it at the bottom (clipped)."""
GROW = alt.AutoSizeParams(type="fit-x", contains="padding")


@dataclass(frozen=True)
class SweepFrames:
    """What the sweep chart and its table draw.

    Attributes
    ----------
    lines
        ``weight, candidate, score, rank, is_current, marker`` of the shown candidates.
    context
        ``weight, id, rank`` of the other candidates, one row where their rank changes.
    breaks
        ``weight, crossing`` where two shown candidates cross, strictly inside (0, 1).
    crossings
        Every crossing strictly inside (0, 1): ``weight, crossing, drawn``.
    deepest
        The chart's lowest rank (:func:`lowest_rank`).
    notes
        What was left out of the drawing.
    """

    lines: pd.DataFrame
    context: pd.DataFrame
    breaks: pd.DataFrame
    crossings: pd.DataFrame
    deepest: int
    notes: list[str]


def _marker_rows(t: np.ndarray) -> np.ndarray:
    """Rows of ``t`` nearest 0 %, 10 %, ..., 100 % (True there)."""
    marks = np.zeros(len(t), dtype=bool)
    marks[np.abs(t[:, None] - np.linspace(0, 1, MARKERS)[None, :]).argmin(axis=0)] = True
    return marks


def _changes(one: CriterionSweep, rows: Sequence[int], ids: Sequence[str]) -> pd.DataFrame:
    """The context lines: per candidate, the rows where its rank changes (and the last)."""
    parts = []
    for i in rows:
        rank = one.ranks[:, i]
        keep = np.r_[True, rank[1:] != rank[:-1]]
        keep[-1] = True
        parts.append(pd.DataFrame({"weight": one.t[keep], "id": ids[i], "rank": rank[keep]}))
    if not parts:
        return pd.DataFrame({"weight": [], "id": [], "rank": []})
    return pd.concat(parts, ignore_index=True)


def _crossings(
    one: CriterionSweep, labels: Mapping[str, str], shown: set[str]
) -> tuple[pd.DataFrame, int]:
    inner = [b for b in one.breakpoints if EDGE < b[0] < 1 - EDGE]
    frame = pd.DataFrame(
        {
            "weight": [round(t, 9) for t, _, _ in inner],
            "crossing": [f"{labels.get(a, a)} × {labels.get(b, b)}" for _, a, b in inner],
            "drawn": [a in shown and b in shown for _, a, b in inner],
        },
        columns=["weight", "crossing", "drawn"],
    )
    return frame, len(one.breakpoints) - len(inner)


def sweep_frames(
    result: SweepResult, criterion: str, labels: Mapping[str, str], shown: Sequence[str]
) -> SweepFrames:
    """Chart data for one criterion's sweep with ``shown`` (ids) as the series."""
    one = result.get(criterion)
    ids = list(result.candidates)
    keep = [ids.index(i) for i in shown]
    count = len(one.t)
    lines = pd.DataFrame(
        {
            "weight": np.repeat(one.t, len(keep)),
            "candidate": [labels.get(ids[i], ids[i]) for i in keep] * count,
            "score": one.scores[:, keep].ravel(),
            "rank": one.ranks[:, keep].ravel(),
            "is_current": np.repeat(one.t == one.current, len(keep)),
            "marker": np.repeat(_marker_rows(one.t), len(keep)),
        }
    )
    others = [k for k in range(len(ids)) if k not in set(keep)]
    crossings, edge = _crossings(one, labels, set(shown))
    drawn = crossings[crossings["drawn"]]
    grouped = drawn.groupby("weight", sort=True)["crossing"].agg("; ".join).reset_index()
    notes = []
    if edge:
        notes.append(
            ngettext(
                "{count} crossing at 0% or 100% (a tie when this weight is nothing or "
                "everything) is not drawn.",
                "{count} crossings at 0% or 100% (ties when this weight is nothing or "
                "everything) are not drawn.",
                edge,
            ).format(count=edge)
        )
    if len(crossings) > len(drawn):
        notes.append(
            _(
                "{drawn} of the {count} crossings inside 0-100% are between two shown "
                "candidates and drawn; the others are in the table."
            ).format(drawn=len(drawn), count=len(crossings))
        )
    deepest = lowest_rank(one, keep)
    if keep and deepest < int(one.ranks[:, keep].max()):
        notes.append(
            _(
                "The chart shows ranks 1-{deepest}; a line leaving it at the bottom falls lower "
                "(each candidate's worst rank is in the table)."
            ).format(deepest=deepest)
        )
    return SweepFrames(lines, _changes(one, others, ids), grouped, crossings, deepest, notes)


def lowest_rank(one: CriterionSweep, keep: Sequence[int]) -> int:
    """The lowest rank the chart shows.

    Every rank the shown lines take, unless that is beyond :data:`ZOOM` and more than
    :data:`ZOOM_MARGIN` below the lowest shown rank now.
    """
    if not keep:
        return one.ranks.shape[1]
    worst = int(one.ranks[:, keep].max())
    now = int(one.ranks[one.current_index, keep].max())
    return min(worst, max(ZOOM, now + ZOOM_MARGIN))


def candidate_table(
    result: SweepResult, criterion: str, labels: Mapping[str, str], shown: Sequence[str]
) -> pd.DataFrame:
    """Per shown candidate: its rank now, its best and worst rank on the path, its score now."""
    one = result.get(criterion)
    ids = list(result.candidates)
    keep = [ids.index(i) for i in shown]
    now = one.current_index
    return pd.DataFrame(
        {
            "candidate": [labels.get(ids[i], ids[i]) for i in keep],
            "rank now": one.ranks[now, keep],
            "best rank": one.ranks[:, keep].min(axis=0),
            "worst rank": one.ranks[:, keep].max(axis=0),
            "score now": one.scores[now, keep],
        }
    )


def _rank_axis(deepest: int) -> alt.Y:
    axis = (
        alt.Axis(values=list(range(1, deepest + 1)), format="d", grid=False)
        if deepest <= 25
        else alt.Axis(format="d", grid=False, tickMinStep=1)
    )
    return alt.Y(
        "rank:Q",
        title=_("rank (1 = best)"),
        scale=alt.Scale(domain=[0.5, deepest + 0.5], reverse=True, nice=False),
        axis=axis,
    )


def _title(criterion: str, m: int, shown: int, current: float) -> alt.Title:
    subtitle = textwrap.wrap(
        _("Weight of {criterion}: now {weight} (black line)").format(
            criterion=criterion, weight=formats.percent(current, 1)
        ),
        70,
    )
    if shown < m:
        subtitle.append(
            _("{shown} of {count} candidates drawn; grey: the other {rest}").format(
                shown=shown, count=formats.integer(m), rest=formats.integer(m - shown)
            )
        )
    subtitle.append(_("dashed: where two drawn candidates swap places"))
    return alt.Title(_("Rank of each candidate as one weight moves"), subtitle=subtitle)


def sweep_chart(
    frames: SweepFrames,
    current: float,
    criterion: str,
    m: int,
    higher_is_better: bool = True,
) -> alt.LayerChart | alt.FacetChart:
    """Rank (1 on top) against the criterion's weight: shown lines, grey context, breakpoints."""
    names = list(dict.fromkeys(frames.lines["candidate"]))
    colour_scale, shape_scale = series_scale(names)
    x = alt.X(
        "weight:Q",
        title=_("weight of this criterion (%; the others keep their proportions)"),
        scale=alt.Scale(domain=[0, 1]),
        axis=alt.Axis(format="%", titleLimit=700),
    )
    y = _rank_axis(frames.deepest)
    legend = alt.Legend(orient="bottom", columns=1, labelLimit=520, symbolStrokeWidth=2)
    who = pgettext("column", "candidate")
    colour = alt.Color("candidate:N", title=who, scale=colour_scale, legend=legend)
    shape = alt.Shape("candidate:N", title=who, scale=shape_scale, legend=legend)
    score = _("score (higher is better)") if higher_is_better else _("score (lower is better)")
    tips = [
        alt.Tooltip("candidate:N", title=who),
        alt.Tooltip("weight:Q", format=".1%", title=pgettext("column", "weight")),
        alt.Tooltip("rank:Q", format="d", title=pgettext("column", "rank")),
        alt.Tooltip("score:Q", format=".4f", title=score),
    ]
    context = (
        alt.Chart(frames.context)
        .mark_line(interpolate="step-after", color=CONTEXT, strokeWidth=1, clip=True)
        .encode(x=x, y=y, detail="id:N")
    )
    base = alt.Chart(frames.lines)
    paths = base.mark_line(interpolate="step-after", strokeWidth=2.5, clip=True).encode(
        x=x, y=y, color=colour, tooltip=tips
    )
    marks = (
        base.transform_filter("datum.marker || datum.is_current")
        .mark_point(size=70, filled=True, opacity=1, stroke="white", strokeWidth=0.8, clip=True)
        .encode(x=x, y=y, color=colour, shape=shape, tooltip=tips)
    )
    now = _("now {weight}").format(weight=formats.percent(current, 1))
    marker = pd.DataFrame({"weight": [current], "label": [now]})
    now_rule = alt.Chart(marker).mark_rule(color=TEXT, strokeWidth=2).encode(x="weight:Q")
    now_text = (
        alt.Chart(marker)
        .mark_text(align="left", dx=5, dy=-6, fontWeight="bold", color=TEXT)
        .encode(x="weight:Q", y=alt.value(0), text="label:N")
    )
    layers: list[alt.Chart] = [context, paths, marks, now_rule, now_text]
    if len(frames.breaks):
        rules = (
            alt.Chart(frames.breaks)
            .mark_rule(color=MUTED, strokeDash=[5, 4], strokeWidth=1.2)
            .encode(
                x="weight:Q",
                tooltip=[
                    alt.Tooltip("weight:Q", format=".2%", title=pgettext("column", "weight")),
                    alt.Tooltip("crossing:N", title=_("crossing")),
                ],
            )
        )
        layers.insert(1, rules)
    height = min(TALLEST, max(240, ROW * frames.deepest))
    title = _title(criterion, m, len(names), current)
    return alt.layer(*layers).properties(title=title, height=height, autosize=GROW)
