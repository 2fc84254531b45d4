"""Why the ranking came out so: each candidate's score by criterion, and "why is A above B".

Draws :func:`analysis.explain.explain` of the ranking on the page, in the open (no expander):
stacked bars of every candidate's per-criterion contributions, a caption saying what the
numbers are for the method's kind (exact sum, TOPSIS's squared distances, or weighted positions
for a method whose score is not a sum), and for two candidates picked by the reader the
criteria where the first gains and loses, with one sentence summing it up. Gains and losses
differ in colour, in pattern (losses dashed and pale) and in the sign of their labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from clusterrank.analysis.explain import Explanation, explain
from clusterrank.analysis.report import RankingReport
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.i18n import N_, _, formats, pgettext
from clusterrank.ui import state
from clusterrank.ui.plain import plain
from clusterrank.ui.tables import localized
from clusterrank.ui.widgets.chart_table import as_table
from clusterrank.ui.widgets.chart_theme import CONTEXT, MAX_SERIES, SERIES, themed
from clusterrank.ui.widgets.charts import LABEL_LIMIT, TOP_K, shown_ids

GAIN, LOSS, LEVEL = SERIES[0], SERIES[1], CONTEXT
OTHERS = N_("other criteria")  # the grey series; translated where drawn
ROW, AXIS, LEGEND_ROW, TITLE = 30, 70, 22, 48
"""Pixels per bar row, for the x axis and its title, per legend line. Streamlit fits the whole
chart (legend included) into the height given, so the legend's lines are added to it."""
PICK_A, PICK_B = "why__a", "why__b"


def explanation(report: RankingReport) -> Explanation:
    """The explanation of the ranking on the page (computed once per ranking)."""
    key = (report.result.method, report.settings_line(), state.weights_key())
    return state.memo("explanation", key, lambda: explain(report, state.matrix()))


def kind_caption(expl: Explanation, method_title: str) -> str:
    """One or two plain sentences saying what the contribution bars are for this method."""
    kind = expl.contributions.kind
    if kind == "additive":
        return _(
            "{method} adds up the criteria: each segment is a criterion's weight times the "
            "candidate's normalised value, and a bar's segments add up to its score exactly."
        ).format(method=method_title)
    if kind == "topsis":
        return _(
            "TOPSIS ranks by distance to the ideal point (the best value on every criterion) "
            "and the anti-ideal point (the worst). Each segment is a criterion's share of the "
            "squared distances to these two points: its weighted squared distance from the "
            "anti-ideal minus that from the ideal. Right of 0 pulls towards the ideal, left of "
            "0 towards the anti-ideal; the segments add up to S-² − S+², not to the score."
        )
    return _(
        "{method}'s score is not a sum over criteria, so these bars do not add up to it. "
        "They are weighted positions: each segment is a criterion's weight times where the "
        "candidate stands between the worst (0) and the best (1) candidate on it, a guide to "
        "where it gains and loses."
    ).format(method=method_title)


def contribution_frame(
    expl: Explanation,
    keep: Sequence[str] | None = None,
    matrix: DecisionMatrix | None = None,
    group_titles: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Long frame for the stacked bars: the best :data:`TOP_K` and ``keep``, in rank order.

    Adds a label ``"rank. name"`` ("(not assessable)" added where so), the criterion's
    position (``order``) for a stable stacking order, its ``group`` (title from
    ``group_titles``) and, given the ``matrix``, the raw ``value`` and ``unit`` behind it.
    """
    frame = expl.frame()
    ids = list(dict.fromkeys(str(i) for i in frame["id"]))
    chosen = set(shown_ids(ids, keep or ())) if keep is not None else set(ids[:TOP_K])
    frame = frame[frame["id"].astype(str).isin(chosen)]
    order = {c: j for j, c in enumerate(expl.contributions.criteria)}
    flagged = {q.candidate for q in expl.report.quality if not q.assessable}
    labels = [
        (_("{rank}. {name} (not assessable)") if i in flagged else "{rank}. {name}").format(
            rank=r, name=n
        )
        for r, n, i in zip(frame["rank"], frame["name"], frame["id"], strict=True)
    ]
    frame = frame.assign(label=labels, order=[order[c] for c in frame["criterion"]])
    if matrix is None:
        return frame.assign(group=frame["title"], value=0.0, unit="")
    row = {c: i for i, c in enumerate(matrix.candidates)}
    col = {c: j for j, c in enumerate(matrix.criteria)}
    titles = dict(group_titles or {})
    x = matrix.values  # noqa: PD011  (a numpy array)
    return frame.assign(
        group=[
            titles.get(matrix.groups[col[c]], matrix.groups[col[c]]) for c in frame["criterion"]
        ],
        value=[
            float(x[row[i], col[c]]) for i, c in zip(frame["id"], frame["criterion"], strict=True)
        ],
        unit=[matrix.units[col[c]] for c in frame["criterion"]],
    )


def colour_key(frame: pd.DataFrame) -> tuple[str, list[str], list[str]]:
    """The series the segments' colour tells apart: its column, domain and colours.

    Each criterion when there are at most :data:`MAX_SERIES`, else each criterion group, else
    the largest criteria and "other criteria" in grey.
    """
    titles = list(dict.fromkeys(frame["title"]))
    if len(titles) <= MAX_SERIES:
        return "title", titles, list(SERIES[: len(titles)])
    groups = list(dict.fromkeys(frame["group"]))
    if len(groups) <= MAX_SERIES:
        return "group", groups, list(SERIES[: len(groups)])
    size = frame.assign(size=frame["contribution"].abs()).groupby("title")["size"].mean()
    top = [t for t in titles if t in set(size.nlargest(MAX_SERIES - 1).index)]
    return "series", [*top, _(OTHERS)], [*SERIES[: len(top)], CONTEXT]


def contribution_chart(frame: pd.DataFrame) -> alt.LayerChart | alt.FacetChart:
    """Stacked horizontal bars, one per candidate (best on top), one segment per criterion.

    Negative contributions (TOPSIS's pull towards the anti-ideal) stack left of 0. Colours
    never repeat (:func:`colour_key`); the tooltip names the criterion, its raw value and unit.
    """
    rows = list(dict.fromkeys(frame["label"]))
    field, domain, colours = colour_key(frame)
    if field == "series":
        frame = frame.assign(series=frame["title"].where(frame["title"].isin(domain), _(OTHERS)))
    legend_title = _("criterion group") if field == "group" else _("criterion")
    bars = (
        alt.Chart(frame)
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("contribution:Q", title=_("contribution to the score (no unit)"), stack="zero"),
            y=alt.Y(
                "label:N",
                sort=rows,
                title=None,
                axis=alt.Axis(labelLimit=LABEL_LIMIT, labelOverlap=False),
            ),
            color=alt.Color(
                f"{field}:N",
                title=legend_title,
                scale=alt.Scale(domain=domain, range=colours),
                legend=alt.Legend(orient="bottom", columns=1, labelLimit=480),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("name:N", title=_("candidate")),
                alt.Tooltip("title:N", title=_("criterion")),
                alt.Tooltip("group:N", title=_("group")),
                alt.Tooltip("value:Q", format=",.4g", title=_("value")),
                alt.Tooltip("unit:N", title=_("unit")),
                alt.Tooltip("contribution:Q", format="+.4f", title=_("contribution")),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color="#424242").encode(x="x:Q")
    height = ROW * len(rows) + AXIS + LEGEND_ROW * (len(domain) + 1) + TITLE
    title = alt.TitleParams(
        _("Each candidate's score by criterion"),
        subtitle=_("{count} candidates; colour: {legend} (segments split by criterion)").format(
            count=len(rows), legend=legend_title
        ),
    )
    return alt.layer(bars, zero).properties(height=height, title=title)


def pair_frame(pair: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """``Explanation.pair`` with the side each row favours and a signed label.

    ``side`` is ``"<a> ahead"``, ``"<b> ahead"`` or ``"level"``; ``label`` is e.g.
    ``"▲ +0.0235"`` or ``"▼ −0.0053"`` (shape and sign, not colour alone).
    """
    diff = pair["difference"].astype(float).to_numpy()
    tol = 1e-12 * max(1.0, float(np.max(np.abs(diff)))) if len(diff) else 0.0
    a_ahead, b_ahead, level = _sides(a, b)
    side = np.where(diff > tol, a_ahead, np.where(diff < -tol, b_ahead, level))
    label = [
        f"▲ +{formats.number(float(d), 4)}"
        if d > tol
        else (f"▼ −{formats.number(float(-d), 4)}" if d < -tol else "= 0")
        for d in diff
    ]
    return pair.assign(side=side, label=label, gain=diff > tol)


def _sides(a: str, b: str) -> list[str]:
    """The legend of the pair chart: ``a`` ahead, ``b`` ahead, level."""
    ahead = _("{candidate} ahead")
    return [
        ahead.format(candidate=a),
        ahead.format(candidate=b),
        pgettext("why chart: neither candidate gains", "level"),
    ]


def pair_chart(frame: pd.DataFrame, a: str, b: str) -> alt.LayerChart | alt.FacetChart:
    """Bars of ``a``'s contribution minus ``b``'s per criterion, largest difference on top.

    Gains (``a`` ahead) are solid blue, losses pale vermilion with a dashed outline; every bar
    is labelled with its signed value and an up or down triangle. Where ``frame`` has
    ``value_a``, ``value_b`` and ``unit`` (:func:`with_values`) the tooltip gives both raw
    figures.
    """
    titles = frame["title"].tolist()
    raw = (
        [
            alt.Tooltip(
                "value_a:Q", title=_("{candidate}: value").format(candidate=a), format=",.4g"
            ),
            alt.Tooltip(
                "value_b:Q", title=_("{candidate}: value").format(candidate=b), format=",.4g"
            ),
            alt.Tooltip("unit:N", title=_("unit")),
        ]
        if {"value_a", "value_b", "unit"} <= set(frame.columns)
        else []
    )
    sides = _sides(a, b)
    base = alt.Chart(frame).encode(
        y=alt.Y(
            "title:N",
            sort=titles,
            title=None,
            axis=alt.Axis(labelLimit=360, labelOverlap=False),
        ),
        tooltip=[
            alt.Tooltip("title:N", title=_("criterion")),
            alt.Tooltip("a:Q", title=a, format="+.4f"),
            alt.Tooltip("b:Q", title=b, format="+.4f"),
            alt.Tooltip("difference:Q", format="+.4f", title=_("difference")),
            *raw,
        ],
    )
    diff = frame["difference"].astype(float)
    low, high = min(0.0, float(diff.min())), max(0.0, float(diff.max()))
    room = (high - low) * 0.22 or 1.0  # both sides: space for the value labels
    bars = base.mark_bar(stroke="#424242", strokeWidth=1.2).encode(
        x=alt.X(
            "difference:Q",
            title=_("first candidate's contribution minus the second's (no unit)"),
            scale=alt.Scale(domain=[low - room if low < 0 else 0.0, high + room], nice=False),
        ),
        color=alt.Color(
            "side:N",
            title=None,
            scale=alt.Scale(domain=sides, range=[GAIN, LOSS, LEVEL]),
            legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=600),
        ),
        opacity=alt.condition(alt.datum.gain, alt.value(1.0), alt.value(0.45)),
        strokeDash=alt.condition(alt.datum.gain, alt.value([1, 0]), alt.value([4, 3])),
    )
    right = base.transform_filter("datum.difference >= 0").mark_text(align="left", dx=4)
    left = base.transform_filter("datum.difference < 0").mark_text(align="right", dx=-4)
    texts = [t.encode(x="difference:Q", text="label:N") for t in (right, left)]
    zero = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color="#424242").encode(x="x:Q")
    height = (ROW + 8) * len(frame) + AXIS + 4 * LEGEND_ROW + TITLE
    title = alt.TitleParams(
        _("Why {a} and {b} differ").format(a=a, b=b), subtitle=_("by criterion, largest first")
    )
    return alt.layer(bars, *texts, zero).properties(height=height, title=title)


def with_values(pair: pd.DataFrame, matrix: DecisionMatrix, a: str, b: str) -> pd.DataFrame:
    """``pair`` with the raw figures of candidates ``a`` and ``b`` (ids) and each unit."""
    row = {c: i for i, c in enumerate(matrix.candidates)}
    col = {c: j for j, c in enumerate(matrix.criteria)}
    x = matrix.values  # noqa: PD011  (a numpy array)
    cols = [col[c] for c in pair["criterion"]]
    return pair.assign(
        value_a=[float(x[row[a], j]) for j in cols],
        value_b=[float(x[row[b], j]) for j in cols],
        unit=[matrix.units[j] for j in cols],
    )


def pair_summary(pair: pd.DataFrame, a: str, b: str) -> str:
    """One sentence: where ``a`` gains most on ``b`` and where it loses most.

    Markdown-safe when ``a``, ``b`` and the titles are.
    """
    diff = pair["difference"].astype(float)
    tol = 1e-12 * max(1.0, float(diff.abs().max())) if len(diff) else 0.0
    gains, losses = pair[diff > tol], pair[diff < -tol]
    if len(gains) and len(losses):
        g, lo = gains.iloc[0], losses.iloc[0]
        return _(
            "**{a}** gains most on *{gain}* (+{plus}) and loses most on *{loss}* (−{minus}) "
            "against **{b}**."
        ).format(a=a, b=b, gain=g["title"], plus=_amount(g), loss=lo["title"], minus=_amount(lo))
    if len(gains):
        g = gains.iloc[0]
        return _(
            "**{a}** is ahead of or level with **{b}** on every criterion; it gains most on "
            "*{gain}* (+{plus})."
        ).format(a=a, b=b, gain=g["title"], plus=_amount(g))
    if len(losses):
        lo = losses.iloc[0]
        return _(
            "**{a}** gains on no criterion against **{b}**; it loses most on *{loss}* (−{minus})."
        ).format(a=a, b=b, loss=lo["title"], minus=_amount(lo))
    return _("**{a}** and **{b}** contribute the same on every criterion.").format(a=a, b=b)


def _amount(row: pd.Series) -> str:
    """The size of a row's difference, four decimals in the language's marks."""
    return formats.number(abs(float(row["difference"])), 4)


def _question(expl: Explanation, a: str, b: str, names: dict[str, str]) -> str:
    ranks = dict(zip(expl.report.result.candidates, expl.report.result.ranks, strict=True))
    if ranks[a] < ranks[b]:
        question = _("Why is **{a}** ({rank_a}.) above **{b}** ({rank_b}.)?")
    elif ranks[a] > ranks[b]:
        question = _("Why is **{a}** ({rank_a}.) below **{b}** ({rank_b}.)?")
    else:
        question = _("Why is **{a}** ({rank_a}.) level with **{b}** ({rank_b}.)?")
    return question.format(a=names[a], b=names[b], rank_a=ranks[a], rank_b=ranks[b])


def _picks(ids: list[str], names: dict[str, str]) -> tuple[str, str]:
    """The two candidates to compare: 1st and 2nd unless the reader picked others."""
    for key, default in ((PICK_A, ids[0]), (PICK_B, ids[1])):
        if st.session_state.get(key) not in ids:
            st.session_state[key] = default
    col_a, col_b = st.columns(2)
    a = col_a.selectbox(_("Candidate"), ids, key=PICK_A, format_func=names.__getitem__)
    b = col_b.selectbox(_("compared with"), ids, key=PICK_B, format_func=names.__getitem__)
    return str(a), str(b)


def _quality_words(expl: Explanation, ids: tuple[str, str], names: dict[str, str]) -> str:
    flagged = [
        _("**{candidate}** is not assessable ({reason})").format(
            candidate=names[c], reason=plain(q.reason)
        )
        for c in ids
        if (q := expl.report.quality_of(c)) is not None and not q.assessable
    ]
    return _("Mind the data: {problems}.").format(problems="; ".join(flagged)) if flagged else ""


def render_pair(expl: Explanation) -> None:
    """Two select boxes (default: 1st and 2nd), the difference chart and its summary."""
    report = expl.report
    frame = report.to_frame()
    ids = [str(i) for i in frame["id"]]
    if len(ids) < 2:
        return
    names = dict(zip(ids, (str(n) for n in frame["name"]), strict=True))
    a, b = _picks(ids, names)
    if a == b:
        st.info(_("Pick two different candidates to compare."), icon=":material/compare_arrows:")
        return
    shown = {k: plain(v) for k, v in names.items()}
    st.markdown(_question(expl, a, b, shown))
    pair = with_values(pair_frame(expl.pair(a, b), names[a], names[b]), state.matrix(), a, b)
    st.markdown(pair_summary(pair.assign(title=pair["title"].map(plain)), shown[a], shown[b]))
    st.altair_chart(
        themed(pair_chart(pair, names[a], names[b])),
        width="stretch",
        alt=_("Contribution of {a} minus {b}, by criterion").format(a=names[a], b=names[b]),
    )
    contribution, value = _("contribution: {candidate}"), _("value: {candidate}")
    as_table(
        _("This comparison"),
        localized(
            pair[["title", "a", "b", "difference", "value_a", "value_b", "unit"]],
            {"a": 4, "b": 4, "difference": 4, "value_a": 4, "value_b": 4},
            signed=["a", "b", "difference"],
        ),
        key="why__pair_table",
        column_config={
            "title": st.column_config.TextColumn(_("criterion"), pinned=True),
            "a": st.column_config.NumberColumn(contribution.format(candidate=names[a])),
            "b": st.column_config.NumberColumn(contribution.format(candidate=names[b])),
            "difference": st.column_config.NumberColumn(_("difference")),
            "value_a": st.column_config.NumberColumn(value.format(candidate=names[a])),
            "value_b": st.column_config.NumberColumn(value.format(candidate=names[b])),
            "unit": st.column_config.TextColumn(_("unit")),
        },
    )
    st.caption(
        _(
            "Each bar: the criterion's contribution for the first candidate minus the second's. "
            "▲ solid bars: the first gains; ▼ pale dashed bars: it loses."
        )
    )
    words = _quality_words(expl, (a, b), shown)
    if words:
        st.caption(words)


def _contributions_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The stacked bars as a wide table: a row per candidate, a column per criterion."""
    wide = frame.pivot_table(
        index=["rank", "name"], columns="title", values="contribution", sort=False
    ).reset_index()
    wide.columns.name = None
    return wide.rename(columns={"name": "candidate"})


def render(report: RankingReport, method_title: str, picked: Sequence[str] = ()) -> None:
    """The whole "why" section: the best :data:`TOP_K`, the ``picked`` and the compared two."""
    expl = explanation(report)
    scenario = state.scenario()
    groups = {g.id: g.title or g.id for g in scenario.criteria_set.groups}
    pair = [str(st.session_state.get(k)) for k in (PICK_A, PICK_B)]
    frame = contribution_frame(expl, [*picked, *pair], state.matrix(), groups)
    st.altair_chart(
        themed(contribution_chart(frame)),
        width="stretch",
        alt=_("Each candidate's score by criterion"),
    )
    st.caption(kind_caption(expl, plain(method_title)))
    table = _contributions_table(frame)
    criteria = [c for c in table.columns if c not in ("rank", "candidate")]
    as_table(
        _("Each candidate's score by criterion"),
        localized(table, dict.fromkeys(criteria, 4)),
        key="why__table",
        column_config={
            "rank": st.column_config.NumberColumn(_("rank"), pinned=True, width="small"),
            "candidate": st.column_config.TextColumn(
                _("candidate"), pinned=True, width=LABEL_LIMIT
            ),
        },
    )
    st.markdown(_("**Why is one candidate above another?**"))
    render_pair(expl)
