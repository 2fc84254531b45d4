"""The panel's result: aggregated weights, experts, consensus, scores, robustness.

Computed on request (it runs a bootstrap) by :func:`panel.actions.results`, which also
records it in the database as an immutable snapshot; the page keeps the payload it showed.
Every table is narrow (a few columns) so it fits 1024 px.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from clusterrank.errors import ClusterRankError
from clusterrank.i18n import N_, _, formats, pgettext
from clusterrank.methods.group.consensus_scale import consensus_label
from clusterrank.panel.actions import results
from clusterrank.panel.results import ILLUSTRATIVE
from clusterrank.panel.text import short_number
from clusterrank.store import FacilitatorAccess
from clusterrank.ui import panel_access
from clusterrank.ui.db import database
from clusterrank.ui.layout import notes_box, show_error
from clusterrank.ui.panel_words import yes_no
from clusterrank.ui.plain import plain
from clusterrank.ui.tables import localized
from clusterrank.ui.widgets.chart_theme import SERIES, TEXT, themed

AGGREGATIONS = {"aij": N_("AIJ (judgments combined)"), "aip": N_("AIP (priorities combined)")}
EXPERT_WEIGHTS = ("equal", "expert", "group")
"""How experts are weighted (ids; :func:`scheme_label` names them)."""


def scheme_label(scheme: str) -> str:
    """An expert-weighting scheme in the current language (its id when unknown)."""
    labels = {
        "equal": pgettext("expert weights", "equal"),
        "expert": pgettext("expert weights", "per expert"),
        "group": pgettext("expert weights", "by stakeholder group"),
    }
    return labels.get(scheme, scheme)


def controls(access: FacilitatorAccess) -> None:
    """How to aggregate, and the button that computes (and records) the result."""
    left, right, go = st.columns([2, 2, 1], vertical_alignment="bottom")
    aggregation = left.selectbox(
        _("Aggregation"),
        list(AGGREGATIONS),
        format_func=lambda k: _(AGGREGATIONS[k]),
        key="pr__aggregation",
    )
    weights = right.selectbox(
        _("Expert weights"),
        list(EXPERT_WEIGHTS),
        format_func=scheme_label,
        key="pr__weights",
    )
    if go.button(_("Compute results"), type="primary", key="pr__compute"):
        try:
            payload = results(database(), access, aggregation=aggregation, expert_weights=weights)
        except ClusterRankError as exc:
            show_error(exc)
            return
        panel_access.keep_result(access.panel_id, payload)


def weights_frame(payload: dict[str, Any]) -> pd.DataFrame:
    """Criterion, global weight (and with equal expert weights when they differ)."""
    frame = pd.DataFrame(
        {"criterion": list(payload["weights"]), "weight": list(payload["weights"].values())}
    )
    equal = payload.get("equal_weights")
    if equal:
        frame["equal experts"] = [equal["weights"].get(c) for c in frame["criterion"]]
    return frame


def method_text(method: dict[str, Any]) -> str:
    """``topsis (normalization=vector)``: the ranking method and its settings, in one line."""
    name = str(method.get("name") or _("the scenario's method"))
    settings = ", ".join(f"{k}={v}" for k, v in method.items() if k != "name")
    return f"{name} ({settings})" if settings else name


def render(payload: dict[str, Any]) -> None:
    """Every part of the result, top to bottom."""
    scheme = str(payload["expert_weights"]["scheme"])
    how = _("{aggregation}, expert weights {scheme}").format(
        aggregation=str(payload["aggregation"]).upper(),
        scheme=scheme_label(scheme),
    )
    st.markdown(
        _("#### Aggregated weights · round {round} · {how}").format(round=payload["round"], how=how)
    )
    if payload.get("illustrative"):
        st.warning(_(ILLUSTRATIVE))
    frame = weights_frame(payload)
    heads = {
        "criterion": pgettext("column", "criterion"),
        "weight": pgettext("column", "weight"),
        "equal experts": pgettext("column", "equal experts"),
    }
    shown = frame.set_index("criterion").rename(columns=heads)
    shown.index.name = heads["criterion"]
    st.table(localized(shown, dict.fromkeys(shown.columns, 4)))
    st.markdown(_("#### Ranking with the panel's weights"))
    method = payload.get("settings", {}).get("method", {})
    st.caption(plain(_("{method}; weights: {how}").format(method=method_text(method), how=how)))
    st.dataframe(
        localized(pd.DataFrame(payload["ranking"]), {"score": 4}),
        hide_index=True,
        width="stretch",
        column_config={
            "rank": st.column_config.NumberColumn(pgettext("column", "rank")),
            "candidate": st.column_config.TextColumn(pgettext("column", "candidate")),
            "name": st.column_config.TextColumn(pgettext("column", "name")),
            "score": st.column_config.NumberColumn(pgettext("column", "score")),
        },
    )
    _experts(payload)
    _consensus(payload)
    _scores(payload)
    _robustness(payload)
    notes_box(list(payload.get("notes", [])) + list(payload.get("weight_notes", [])))


def _experts(payload: dict[str, Any]) -> None:
    st.markdown(_("#### Experts: weight and consistency"))
    rows = [
        {
            "expert": e["name"],
            "weight": e["weight"],
            "CR": ", ".join(f"{n} {formats.number(v, 3)}" for n, v in e["cr"].items()) or "—",
            "submitted": yes_no(bool(e["submitted"])),
        }
        for e in payload["experts"]
    ]
    st.dataframe(
        localized(pd.DataFrame(rows), {"weight": 4}),
        hide_index=True,
        width="stretch",
        key="pr_experts",
        column_config={
            "expert": st.column_config.TextColumn(pgettext("column", "expert")),
            "weight": st.column_config.NumberColumn(pgettext("column", "weight")),
            "submitted": st.column_config.TextColumn(pgettext("column", "submitted")),
        },
    )
    names = {e["id"]: e["name"] for e in payload["experts"]}
    gci = payload["consensus"]["gci"]
    worst = sorted(
        ((max(v.values()), e) for e, v in gci.items() if v and None not in v.values()),
        reverse=True,
    )[:3]
    worst = [(g, e) for g, e in worst if g > 0]
    if worst:
        listed = ", ".join(f"{names.get(e, e)} ({formats.number(g, 3)})" for g, e in worst)
        st.caption(
            plain(
                _(
                    "Least consistent experts (largest geometric consistency index, GCI; "
                    "Aguarón & Moreno-Jiménez 2003): {experts}"
                ).format(experts=listed)
            )
        )


def _kendall(c: dict[str, Any]) -> str:
    """Kendall's W of the panel (with its p-value when there is one), or why it is missing."""
    w = c.get("kendall_w")
    if w is None:
        return _("Kendall's W: not defined for this panel")
    if c.get("kendall_p"):
        return _("Kendall's W {w} (p = {p})").format(
            w=formats.number(w, 3), p=short_number(float(f"{c['kendall_p']:.3g}"))
        )
    return _("Kendall's W {w}").format(w=formats.number(w, 3))


def _consensus(payload: dict[str, Any]) -> None:
    c = payload["consensus"]
    st.markdown(_("#### Consensus"))
    rows = [
        {"node": n, "S*": v, "consensus": consensus_label(c["s_star_word"].get(n, ""))}
        for n, v in c["s_star"].items()
    ]
    if rows:
        st.dataframe(
            localized(pd.DataFrame(rows), {"S*": 3}),
            hide_index=True,
            width="stretch",
            key="pr_consensus",
            column_config={
                "node": st.column_config.TextColumn(pgettext("column", "node")),
                "consensus": st.column_config.TextColumn(pgettext("column", "consensus")),
            },
        )
    st.caption(_kendall(c))
    low = c.get("items_without_consensus") or []
    st.caption(
        plain(
            _("Items below the consensus threshold {threshold}: {items}").format(
                threshold=short_number(float(c["threshold"])),
                items=", ".join(low) if low else pgettext("items", "none"),
            )
        )
    )


def _scores(payload: dict[str, Any]) -> None:
    scores = payload.get("scores")
    if not scores:
        return
    st.markdown(_("#### Scores (median and quartiles per item)"))
    rows = []
    for crit, by in payload["score_summary"].items():
        for cand, s in by.items():
            rows.append({"item": f"{crit} · {cand}", **{k: s[k] for k in ("median", "q1", "q3")}})
    frame = pd.DataFrame(rows).dropna()
    if frame.empty:
        return
    titles = {
        "q1": _("lower quartile"),
        "median": pgettext("column", "median"),
        "q3": _("upper quartile"),
    }
    tooltip = [alt.Tooltip(f"{k}:Q", format=".3g", title=titles[k]) for k in titles]
    item = alt.Tooltip("item:N", title=pgettext("column", "item"))
    bars = (
        alt.Chart(frame)
        .mark_bar(size=6, color=SERIES[0])
        .encode(
            y=alt.Y("item:N", title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("q1:Q", title=_("experts' score (the questionnaire's scale)")),
            x2="q3:Q",
            tooltip=[item, *tooltip],
        )
    )
    ticks = (
        alt.Chart(frame)
        .mark_tick(color=TEXT, thickness=2)
        .encode(y="item:N", x="median:Q", tooltip=[item, *tooltip])
    )
    title = alt.TitleParams(
        _("Experts' scores per item"), subtitle=_("bar: middle half (q1 to q3); tick: median")
    )
    st.altair_chart(
        themed(alt.layer(bars, ticks).properties(title=title)),
        width="stretch",
        alt=_("Experts' scores per item: median and quartiles"),
    )


def _robustness(payload: dict[str, Any]) -> None:
    r = payload["robustness"]
    experts = {e["id"]: e["name"] for e in payload["experts"]}
    names = {row["candidate"]: row.get("name") or row["candidate"] for row in payload["ranking"]}
    st.markdown(_("#### Robustness to panel membership"))
    loo = r["leave_one_out"]
    if "experts" in loo:
        st.caption(
            plain(
                _("Leave one out: winner stable {stable}; most influential {experts}").format(
                    stable=yes_no(bool(loo["winner_stable"])),
                    experts=", ".join(experts.get(e, e) for e in loo["most_influential"])
                    or pgettext("items", "none"),
                )
            )
        )
    else:
        st.caption(plain(loo.get("note", "")))
    boot = r["bootstrap"]
    if "top_share" in boot:
        shares = ", ".join(
            f"{names.get(k, k)} {formats.percent(v)}" for k, v in boot["top_share"].items()
        )
        st.caption(
            plain(
                _(
                    "Bootstrap: winner kept in {kept} of resampled panels; "
                    "share in the top {k}: {shares}"
                ).format(
                    kept=formats.percent(boot["winner_kept"]), k=loo.get("top_k", ""), shares=shares
                )
            )
        )
    else:
        st.caption(plain(boot.get("note", "")))
