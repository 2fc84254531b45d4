"""Rounds, applying the result to the scenario in use, and the panel workbook.

* Close the current round; open a Delphi round on the items below the consensus threshold
  (or on chosen items); compare the rounds' recorded results: the weights, the median of
  each reopened score, and how many answers given again moved (stability).
* Apply: the panel's current result becomes the scenario in use (:mod:`panel.apply`), so
  the Ranking, Weights and Sensitivity pages rank with the panel's weights and scores and
  say so in the sidebar ("panel «title», round 2, AIJ").
* Export: the workbook the command line's ``panel export`` writes, through the one
  cell-neutralising writer.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from clusterrank.analysis.provenance import panel_label
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.errors import ClusterRankError
from clusterrank.i18n import _, formats, pgettext
from clusterrank.panel.actions import close, current_result, latest_result, open_next
from clusterrank.panel.apply import applied_scenario
from clusterrank.panel.export import panel_sheets
from clusterrank.panel.service import PanelState
from clusterrank.panel.snapshot import load_snapshot
from clusterrank.reports.cells import workbook_bytes
from clusterrank.store import FacilitatorAccess, append_audit
from clusterrank.ui import panel_access, state
from clusterrank.ui.db import database
from clusterrank.ui.layout import show_error
from clusterrank.ui.loaders import Loaded
from clusterrank.ui.plain import plain
from clusterrank.ui.tables import localized

WORKBOOK = "panel_workbook"  # (panel id, bytes): the workbook prepared last
APPLIED = "panel_applied"  # str | None: what was applied on the last run (shown once)


def rounds(st_: PanelState, access: FacilitatorAccess) -> None:
    """Close the round, open the next, compare rounds."""
    current = st_.current
    if current.is_open:
        st.markdown(
            _("Round {round} is **open**: experts can answer and change answers.").format(
                round=current.number
            )
        )
        if st.button(_("Close the round"), type="primary", key="pround_close"):
            _do(lambda: close(database(), access))
    else:
        st.markdown(_("Round {round} is **closed**.").format(round=current.number))
        threshold = st.number_input(
            _("Ask again the items with consensus below"),
            0.0,
            1.0,
            value=float(st_.settings.threshold),
            step=0.05,
            key="pround_threshold",
        )
        if st.button(_("Open a Delphi round"), key="pround_open"):
            _do(lambda: open_next(database(), access, None, threshold))
    _compare(st_, access)


def _do(action: object) -> None:
    try:
        action()  # type: ignore[operator]
    except ClusterRankError as exc:
        show_error(exc)
        return
    st.rerun()


def _compare(st_: PanelState, access: FacilitatorAccess) -> None:
    if len(st_.rounds) < 2:
        return
    st.markdown(_("#### Weights by round (the last result recorded in each)"))
    found = {r.number: latest_result(database(), access, r.number) for r in st_.rounds}
    kept = {n: p for n, p in found.items() if p is not None}
    if not kept:
        st.caption(_("No result recorded yet: compute results in each round to compare them."))
        return
    columns = {f"round {n}": p["weights"] for n, p in kept.items()}
    labels = {c: _("round {round}").format(round=n) for c, n in zip(columns, kept, strict=True)}
    st.dataframe(
        localized(pd.DataFrame(columns), dict.fromkeys(columns, 4)),
        width="stretch",
        key="pround_compare",
        column_config={c: st.column_config.NumberColumn(t) for c, t in labels.items()},
    )
    reopened = [k for r in st_.rounds[1:] for k in (r.items or ()) if k.startswith("scores:")]
    rows = []
    for item in dict.fromkeys(reopened):
        crit, cand = item.split(":")[1:]
        row: dict[str, object] = {"item": f"{crit} · {cand}"}
        for n, p in kept.items():
            row[f"round {n}"] = (
                (p.get("score_summary") or {}).get(crit, {}).get(cand, {}).get("median")
            )
        rows.append(row)
    if rows:
        st.markdown(_("#### Reopened scores: the group median by round"))
        config = {"item": st.column_config.TextColumn(pgettext("column", "item"))}
        config.update({c: st.column_config.NumberColumn(t) for c, t in labels.items()})
        st.dataframe(
            pd.DataFrame(rows),
            hide_index=True,
            width="stretch",
            key="pround_scores",
            column_config=config,
        )
    _stability(kept)


def _stability(kept: dict[int, dict[str, Any]]) -> None:
    """How many answers given again moved, round by round."""
    kinds = {"judgments": _("judgments"), "scores": _("scores")}
    for n, p in kept.items():
        for kind, s in (p.get("stability") or {}).items():
            if isinstance(s, dict) and "compared" in s:
                st.caption(
                    _(
                        "Round {before} → {after}, {kind}: {moved} of {compared} answers "
                        "given again moved ({share})"
                    ).format(
                        before=n - 1,
                        after=n,
                        kind=kinds.get(kind, kind),
                        moved=s["moved"],
                        compared=s["compared"],
                        share=formats.percent(float(s["moved_share"])),
                    )
                )


def apply(st_: PanelState, access: FacilitatorAccess) -> None:
    """Make the panel's result the scenario in use (the ranks before it become the baseline)."""
    done = st.session_state.pop(APPLIED, None)
    if done:
        st.success(
            plain(
                _("Applied: the Ranking, Weights and Sensitivity pages now use {panel}.").format(
                    panel=done
                )
            )
        )
    if not st.button(_("Apply the panel's result to the scenario"), key="papply"):
        return
    db = database()
    try:
        payload = panel_access.last_result(access.panel_id)
        if payload is None or payload["round"] != st_.info.current_round:
            payload = current_result(db, access)
        text = applied_scenario(st_.info.scenario_yaml, payload)
        scenario = load_snapshot(text, _("applied panel scenario"))
        how = panel_label({**payload, "title": st_.info.title})  # round, aggregation, consensus
        before = state.ranking().result if state.loaded() is not None else None
        state.use(Loaded(scenario, decision_matrix(scenario), how, text, weights_from=how))
        st.session_state[state.WEIGHT_MODE] = "sliders"  # the panel's exact weights, not snapped
        if before is not None:
            st.session_state[state.BASELINE] = dict(
                zip(before.candidates, before.ranks.tolist(), strict=True)
            )
            st.session_state[state.BASELINE_LABEL] = _("the ranking before the panel's result")
        with db.session() as s:
            append_audit(s, access, "panel.apply", {"app": True, "round": payload["round"]})
    except ClusterRankError as exc:
        show_error(exc)
        return
    st.session_state[APPLIED] = how
    st.rerun()


def export(st_: PanelState, access: FacilitatorAccess) -> None:
    """Prepare and download the panel workbook."""
    if st.button(_("Prepare the panel workbook"), key="pexport"):
        try:
            tables = panel_sheets(database(), access, st_)
        except ClusterRankError as exc:
            show_error(exc)
            return
        data = workbook_bytes({name: pd.DataFrame(rows) for name, rows in tables.items()})
        st.session_state[WORKBOOK] = (access.panel_id, data)
    kept = st.session_state.get(WORKBOOK)
    if kept and kept[0] == access.panel_id:
        st.download_button(
            _("Download panel workbook (.xlsx)"),
            kept[1],
            file_name=f"panel_{access.panel_id}.xlsx",
            key="pexport_download",
        )
