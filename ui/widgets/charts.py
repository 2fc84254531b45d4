"""Altair charts of a ranking: a bar chart of scores and a per-candidate criterion profile.

Charts are rebuilt on every rerun from small frames (never cached: a figure is cheap to build
and caching it would pin stale data). They stay readable from 2 to 250 candidates: the score
bars show the best :data:`TOP_K` and the candidates the reader picked, with every candidate a
tick on a context strip above them; the profile draws one candidate against the others as grey
context. The profile uses a display-only rescaling so criteria in different units share one
axis; the rescaled numbers are never ranked, and every tooltip gives the raw value and unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.i18n import N_, _, formats
from clusterrank.ui.widgets.chart_theme import CONTEXT, SERIES, SHAPES, TEXT

TOP_K = 15
"""Charts show the best this many candidates, plus those the reader picks; tables show all."""
MAX_BARS = TOP_K
"""Former name of :data:`TOP_K`."""
MIN_BAR_SHARE = 0.015
"""A bar shorter than this share of the longest bar is drawn at this length (value labelled),
so a score of 0 is still seen as a bar and read as a number."""
NOT_ASSESSABLE_COLOUR = CONTEXT
LABEL_ROOM = 0.3
"""Share of the axis added right of the longest bar, so its value label fits."""
LABEL_LIMIT = 230
"""Pixels for a candidate's name on an axis; a longer name ends in "…" (full in the tooltip)."""
BEST, PICKED, FLAGGED = N_("best"), N_("picked by you"), N_("not assessable")
"""Why a bar is drawn (the legend's labels): message ids, translated in the chart's data."""
ROW = 26
CHROME = 110
"""Pixels a chart's title, subtitle and x axis take out of its height."""


def shown_ids(ids: Sequence[str], picked: Iterable[str] = (), k: int = TOP_K) -> list[str]:
    """The first ``k`` of ``ids`` (rank order) and every picked one, in rank order."""
    keep = set(ids[:k]) | {str(p) for p in picked}
    return [i for i in ids if i in keep]


def rest_caption(frame: pd.DataFrame, shown: Sequence[str]) -> str:
    """One sentence on what a top-k chart leaves out ("" when it shows every candidate).

    ``frame`` is the ranking (``id``, ``score`` in rank order); ``shown`` the ids drawn.
    """
    rest = frame[~frame["id"].astype(str).isin(set(shown))]
    if rest.empty:
        return ""
    low, high = float(rest["score"].min()), float(rest["score"].max())
    return _(
        "The chart shows {shown} of {count} candidates (the best and any you picked); the "
        "other {rest} score {low} to {high}: each is a grey tick on the top row, and the table "
        "lists them all."
    ).format(
        shown=len(shown),
        count=len(frame),
        rest=len(rest),
        low=formats.number(low, 4),
        high=formats.number(high, 4),
    )


def score_frame(
    frame: pd.DataFrame,
    not_assessable: Mapping[str, str] | None = None,
    picked: Iterable[str] = (),
) -> pd.DataFrame:
    """The bar chart's data: the best :data:`TOP_K` rows and the picked ones, labelled.

    ``frame`` has ``id``, ``name``, ``score`` and ``rank`` (``RankingReport.to_frame()``);
    ``not_assessable`` maps candidate id -> reason. ``bar`` is the score, or
    :data:`MIN_BAR_SHARE` of the longest bar where the score is closer to 0 than that (drawn
    on the score's side, a 0 to the right); ``text`` always gives the true score; ``shown``
    says why the bar is drawn (best, picked by you, not assessable).
    """
    flagged = dict(not_assessable or {})
    ids_all = [str(i) for i in frame["id"]] if "id" in frame else [str(i) for i in frame.index]
    keep = shown_ids(ids_all, picked)
    top = frame[[i in set(keep) for i in ids_all]]
    scores = top["score"].astype(float).to_numpy()
    longest = float(np.max(np.abs(scores))) if len(scores) else 0.0
    floor = MIN_BAR_SHARE * (longest if longest > 0 else 1.0)
    side = np.where(scores < 0, -1.0, 1.0)
    bar = np.where(np.abs(scores) < floor, side * floor, scores)
    ids = [i for i in ids_all if i in set(keep)]
    reasons = [flagged.get(i, "") for i in ids]
    first = set(ids_all[:TOP_K])
    labels = [
        (_("{rank}. {name} (not assessable)") if why else "{rank}. {name}").format(rank=r, name=n)
        for r, n, why in zip(top["rank"], top["name"], reasons, strict=True)
    ]
    text = [
        (_("{score} · not assessable") if why else "{score}").format(
            score=formats.number(float(s), 4)
        )
        for s, why in zip(scores, reasons, strict=True)
    ]
    return top.assign(
        label=labels,
        bar=bar,
        end=np.maximum(bar, 0.0),
        text=text,
        assessable=[not why for why in reasons],
        reason=[why or "-" for why in reasons],
        shown=[
            _(FLAGGED if why else (BEST if i in first else PICKED))
            for i, why in zip(ids, reasons, strict=True)
        ],
    )


def _strip(frame: pd.DataFrame, shown: set[str], row: str) -> list[alt.Chart]:
    """Every candidate's score as a tick on one row ``row``: the drawn ones dark, the rest grey."""
    data = frame.assign(
        drawn=[str(i) in shown for i in frame["id"]],
        candidate=frame["name"].astype(str),
        label=row,
    )[["candidate", "rank", "score", "drawn", "label"]]
    base = alt.Chart(data).encode(
        x=alt.X("score:Q"),
        y=alt.Y("label:N"),
        tooltip=[
            alt.Tooltip("candidate:N", title=_("candidate")),
            alt.Tooltip("rank:O", title=_("rank")),
            alt.Tooltip("score:Q", format=".4f", title=_("score")),
        ],
    )
    rest = base.transform_filter(~alt.datum.drawn).mark_tick(color=CONTEXT, thickness=2)
    drawn = base.transform_filter(alt.datum.drawn).mark_tick(color=TEXT, thickness=2)
    return [rest, drawn]


def score_bar(
    frame: pd.DataFrame,
    *,
    higher_is_better: bool,
    method: str,
    not_assessable: Mapping[str, str] | None = None,
    picked: Iterable[str] = (),
) -> alt.LayerChart | alt.FacetChart:
    """Horizontal bars of score per candidate, best on top, over a strip of every score.

    The bars are the best :data:`TOP_K` and the ``picked`` ones; the strip of every candidate's
    score is drawn when some are left out.

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
    picked
        Candidate ids to draw besides the best :data:`TOP_K`.
    """
    data = score_frame(frame, not_assessable, picked)
    better = _("higher is better") if higher_is_better else _("lower is better")
    strip = _("all {count} (grey: not drawn below)").format(count=len(frame))
    whole = len(data) == len(frame) or "id" not in frame
    order = data["label"].tolist() if whole else [strip, *data["label"].tolist()]
    kinds = [_(k) for k in (BEST, PICKED, FLAGGED) if _(k) in set(data["shown"])]
    colours = {_(BEST): SERIES[0], _(PICKED): SERIES[1], _(FLAGGED): NOT_ASSESSABLE_COLOUR}
    base = alt.Chart(data).encode(
        y=alt.Y(
            "label:N",
            sort=order,
            scale=alt.Scale(domain=order),
            title=None,
            axis=alt.Axis(labelLimit=LABEL_LIMIT, labelOverlap=False),
        ),
        tooltip=[
            alt.Tooltip("name:N", title=_("candidate")),
            alt.Tooltip(
                "score:Q", format=".4f", title=_("{method} score (no unit)").format(method=method)
            ),
            alt.Tooltip("rank:O", title=_("rank")),
            alt.Tooltip("reason:N", title=_("not assessable because")),
        ],
    )
    low = min(0.0, float(data["bar"].min())) if len(data) else 0.0
    high = float(data["end"].max()) if len(data) else 0.0
    room = (high - low) * LABEL_ROOM or 1.0  # space right of the longest bar for its label
    domain = [low, high + room]
    bars = base.mark_bar().encode(
        x=alt.X(
            "bar:Q",
            title=_("{method} score ({better}; no unit)").format(method=method, better=better),
            scale=alt.Scale(domain=domain, nice=False),
        ),
        color=alt.Color(
            "shown:N",
            title=None,
            scale=alt.Scale(domain=kinds, range=[colours[k] for k in kinds]),
            # no legend: it would take its room out of the plot's height (autosize "fit"), and
            # every kind is labelled directly ("(not assessable)", the picked ones by name)
            legend=None,
        ),
        strokeDash=alt.condition(alt.datum.assessable, alt.value([1, 0]), alt.value([4, 3])),
        stroke=alt.value("#424242"),
        strokeWidth=alt.condition(alt.datum.assessable, alt.value(0), alt.value(1.5)),
    )
    labels = base.mark_text(align="left", dx=4, color=TEXT).encode(x=alt.X("end:Q"), text="text:N")
    best = min(TOP_K, len(frame))
    if len(data) > TOP_K:
        subtitle = _("{method}, {better} · best {best} of {count} and {picked} you picked")
    else:
        subtitle = _("{method}, {better} · best {best} of {count}")
    title = alt.TitleParams(
        _("Score of each candidate"),
        subtitle=subtitle.format(
            method=method, better=better, best=best, count=len(frame), picked=len(data) - best
        ),
    )
    layers = [bars, labels]
    if not whole:
        layers += _strip(frame, {str(i) for i in data["id"]}, strip)
    # Streamlit fits the whole chart, title and axes included, into ``height`` (autosize
    # "fit"): the rows get their own room on top of what the title and the axis take
    height = ROW * len(order) + CHROME
    return alt.layer(*layers).properties(height=height, title=title)


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
        _("'{criterion}' is the same for every candidate; drawn at the middle").format(
            criterion=matrix.criterion_titles[j]
        )
        for j in np.flatnonzero(constant)
    ]
    return pd.DataFrame(rows), notes


def profile_chart(frame: pd.DataFrame, selected: str) -> alt.LayerChart | alt.FacetChart:
    """One candidate against the others, criterion by criterion (a dot strip).

    A row per criterion; every other candidate is a grey tick at its position (context, even
    with 250 candidates), ``selected`` a large point: filled where its figure is published,
    hollow where imputed, so an estimated figure is never mistaken for a published one. Every
    mark's tooltip gives the raw value and its unit beside the rescaled position.
    """
    data = frame.assign(
        is_selected=frame["candidate"] == selected,
        figure=np.where(frame["imputed"].astype(bool), _("imputed"), _("published")),
    )
    count = int(data["candidate"].nunique())
    criteria = list(dict.fromkeys(data["criterion"]))
    tooltip = [
        alt.Tooltip("candidate:N", title=_("candidate")),
        alt.Tooltip("criterion:N", title=_("criterion")),
        alt.Tooltip("value:Q", format=",.4g", title=_("value")),
        alt.Tooltip("unit:N", title=_("unit")),
        alt.Tooltip("position:Q", format=".2f", title=_("position (1 = best)")),
        alt.Tooltip("figure:N", title=_("figure")),
        alt.Tooltip("illustrative:N", title=_("illustrative")),
    ]
    base = alt.Chart(data).encode(
        y=alt.Y(
            "criterion:N",
            sort=criteria,
            title=None,
            axis=alt.Axis(labelLimit=LABEL_LIMIT + 40, labelOverlap=False),
        ),
        x=alt.X(
            "position:Q",
            title=_("position among the candidates (0 = worst, 1 = best; no unit)"),
            scale=alt.Scale(domain=[-0.02, 1.02], nice=False),
        ),
        tooltip=tooltip,
    )
    others = base.transform_filter(~alt.datum.is_selected).mark_tick(
        color=CONTEXT, thickness=2, opacity=max(0.25, min(0.9, 12 / max(count, 1)))
    )
    figures = [_("published"), _("imputed")]
    mine = (
        base.transform_filter(alt.datum.is_selected)
        .mark_point(size=150, strokeWidth=2.5, color=SERIES[0], shape=SHAPES[0])
        .encode(
            fill=alt.Fill(
                "figure:N",
                title=f"{selected}",
                scale=alt.Scale(domain=figures, range=[SERIES[0], "#ffffff"]),
                legend=alt.Legend(orient="bottom", labelLimit=400, titleLimit=600),
            )
        )
    )
    title = alt.TitleParams(
        _("Profile of {candidate}").format(candidate=selected),
        subtitle=_(
            "against the other {others} candidates (grey ticks), criterion by criterion"
        ).format(others=count - 1),
    )
    return alt.layer(others, mine).properties(height=34 * len(criteria) + 60, title=title)
