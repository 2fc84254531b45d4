"""Two saved weight sets of the open project side by side: both rankings and the rank change."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from clusterrank.analysis.ranking import rank_scenario
from clusterrank.i18n import _
from clusterrank.ui import project_session as ps
from clusterrank.ui import state
from clusterrank.ui.widgets.ranking_table import NAME_WIDTH


def _ranks(payload: Any) -> dict[str, int]:
    method = str(st.session_state.get(state.METHOD))
    report = rank_scenario(
        state.scenario(),
        method=method,
        settings=dict(state.method_settings(method)),
        weights=ps.payload_weights(payload),
        matrix=state.matrix(),
    )
    return dict(zip(report.result.candidates, report.result.ranks.tolist(), strict=True))


def render() -> None:
    """Pick two weight sets; show their ranks with the selected method and the change."""
    sets = {w.name: w for w in ps.weight_sets()}
    if len(sets) < 2:
        st.info(_("Save at least two weight sets on the Weights page to compare them here."))
        return
    names = list(sets)
    left, right = st.columns(2)
    a = left.selectbox(_("Weight set A"), names, index=0, key="wscompare__a")
    b = right.selectbox(_("Weight set B"), names, index=1, key="wscompare__b")
    ranks_a, ranks_b = _ranks(sets[a].payload), _ranks(sets[b].payload)
    matrix = state.matrix()
    rank_a = _("rank A ({name})").format(name=a)
    frame = pd.DataFrame(
        {
            "candidate": list(matrix.candidate_names),
            rank_a: [int(ranks_a[c]) for c in matrix.candidates],
            _("rank B ({name})").format(name=b): [int(ranks_b[c]) for c in matrix.candidates],
            _("change A→B"): [int(ranks_a[c] - ranks_b[c]) for c in matrix.candidates],
        }
    ).sort_values(rank_a)
    st.dataframe(
        frame,
        hide_index=True,
        key="wscompare__table",
        column_config={
            "candidate": st.column_config.TextColumn(_("candidate"), width=NAME_WIDTH, pinned=True)
        },
    )
    st.caption(_("Change: places gained going from A to B (positive = moved up)."))
