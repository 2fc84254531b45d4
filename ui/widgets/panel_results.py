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
from clusterrank.panel.actions import results
from clusterrank.store import FacilitatorAccess
from clusterrank.ui import panel_access
from clusterrank.ui.db import database
from clusterrank.ui.layout import notes_box, show_error
from clusterrank.ui.plain import plain
from clusterrank.ui.widgets.chart_theme import SERIES, TEXT, themed

AGGREGATIONS = {"aij": "AIJ (judgments combined)", "aip": "AIP (priorities combined)"}
EXPERT_WEIGHTS = {"equal": "equal", "expert": "per expert", "group": "by stakeholder group"}


def controls(access: FacilitatorAccess) -> None:
    """How to aggregate, and the button that computes (and records) the result."""
    left, right, go = st.columns([2, 2, 1], vertical_alignment="bottom")
    aggregation = left.selectbox(
        "Aggregation",
        list(AGGREGATIONS),
        format_func=lambda k: AGGREGATIONS[k],
        key="pr__aggregation",
    )
    weights = right.selectbox(
        "Expert weights",
        list(EXPERT_WEIGHTS),
        format_func=lambda k: EXPERT_WEIGHTS[k],
        key="pr__weights",
    )
    if go.button("Compute results", type="primary", key="pr__compute"):
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
    name = str(method.get("name", "the scenario's method"))
    settings = ", ".join(f"{k}={v}" for k, v in method.items() if k != "name")
    return f"{name} ({settings})" if settings else name


def render(payload: dict[str, Any]) -> None:
    """Every part of the result, top to bottom."""
    how = f"{payload['aggregation'].upper()}, expert weights {payload['expert_weights']['scheme']}"
    st.markdown(f"#### Aggregated weights · round {payload['round']} · {how}")
    if payload.get("illustrative"):
        st.warning("ILLUSTRATIVE panel: the answers are invented to show the workflow.")
    st.table(weights_frame(payload).set_index("criterion").style.format("{:.4f}", na_rep="—"))
    st.markdown("#### Ranking with the panel's weights")
    method = payload.get("settings", {}).get("method", {})
    st.caption(plain(f"{method_text(method)}; weights: {how}"))
    st.dataframe(pd.DataFrame(payload["ranking"]), hide_index=True, width="stretch")
    _experts(payload)
    _consensus(payload)
    _scores(payload)
    _robustness(payload)
    notes_box(list(payload.get("notes", [])) + list(payload.get("weight_notes", [])))


def _experts(payload: dict[str, Any]) -> None:
    st.markdown("#### Experts: weight and consistency")
    rows = [
        {
            "expert": e["name"],
            "weight": e["weight"],
            "CR": ", ".join(f"{n} {v:.3f}" for n, v in e["cr"].items()) or "—",
            "submitted": "yes" if e["submitted"] else "no",
        }
        for e in payload["experts"]
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="pr_experts")
    names = {e["id"]: e["name"] for e in payload["experts"]}
    gci = payload["consensus"]["gci"]
    worst = sorted(
        ((max(v.values()), e) for e, v in gci.items() if v and None not in v.values()),
        reverse=True,
    )[:3]
    worst = [(g, e) for g, e in worst if g > 0]
    if worst:
        st.caption(
            plain(
                "Least consistent experts (largest geometric consistency index, GCI; "
                "Aguarón & Moreno-Jiménez 2003): "
                + ", ".join(f"{names.get(e, e)} ({g:.3f})" for g, e in worst)
            )
        )


def _consensus(payload: dict[str, Any]) -> None:
    c = payload["consensus"]
    st.markdown("#### Consensus")
    rows = [
        {"node": n, "S*": v, "consensus": c["s_star_word"].get(n, "")}
        for n, v in c["s_star"].items()
    ]
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="pr_consensus")
    w = c.get("kendall_w")
    st.caption(
        f"Kendall's W {w:.3f}" + (f" (p = {c['kendall_p']:.3g})" if c.get("kendall_p") else "")
        if w is not None
        else "Kendall's W: not defined for this panel"
    )
    low = c.get("items_without_consensus") or []
    st.caption(
        plain(
            f"Items below the consensus threshold {c['threshold']:g}: "
            + (", ".join(low) if low else "none")
        )
    )


def _scores(payload: dict[str, Any]) -> None:
    scores = payload.get("scores")
    if not scores:
        return
    st.markdown("#### Scores (median and quartiles per item)")
    rows = []
    for crit, by in payload["score_summary"].items():
        for cand, s in by.items():
            rows.append({"item": f"{crit} · {cand}", **{k: s[k] for k in ("median", "q1", "q3")}})
    frame = pd.DataFrame(rows).dropna()
    if frame.empty:
        return
    tooltip = [alt.Tooltip(f"{k}:Q", format=".3g") for k in ("q1", "median", "q3")]
    bars = (
        alt.Chart(frame)
        .mark_bar(size=6, color=SERIES[0])
        .encode(
            y=alt.Y("item:N", title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("q1:Q", title="experts' score (the questionnaire's scale)"),
            x2="q3:Q",
            tooltip=[alt.Tooltip("item:N"), *tooltip],
        )
    )
    ticks = (
        alt.Chart(frame)
        .mark_tick(color=TEXT, thickness=2)
        .encode(y="item:N", x="median:Q", tooltip=[alt.Tooltip("item:N"), *tooltip])
    )
    title = alt.TitleParams(
        "Experts' scores per item", subtitle="bar: middle half (q1 to q3); tick: median"
    )
    st.altair_chart(
        themed(alt.layer(bars, ticks).properties(title=title)),
        width="stretch",
        alt="Experts' scores per item: median and quartiles",
    )


def _robustness(payload: dict[str, Any]) -> None:
    r = payload["robustness"]
    st.markdown("#### Robustness to panel membership")
    loo = r["leave_one_out"]
    if "experts" in loo:
        st.caption(
            plain(
                f"Leave one out: winner stable {loo['winner_stable']}; most influential "
                f"{', '.join(loo['most_influential']) or 'none'}"
            )
        )
    else:
        st.caption(plain(loo.get("note", "")))
    boot = r["bootstrap"]
    if "top_share" in boot:
        st.caption(
            plain(
                f"Bootstrap: winner kept in {boot['winner_kept']:.0%} of resampled panels; "
                f"share in the top {loo.get('top_k', '')}: "
                + ", ".join(f"{k} {v:.0%}" for k, v in boot["top_share"].items())
            )
        )
    else:
        st.caption(plain(boot.get("note", "")))
