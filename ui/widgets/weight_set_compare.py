"""Two saved weight sets of the open project side by side: both rankings and the rank change."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from clusterrank.analysis.ranking import rank_scenario
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
        st.info("Save at least two weight sets on the Weights page to compare them here.")
        return
    names = list(sets)
    left, right = st.columns(2)
    a = left.selectbox("Weight set A", names, index=0, key="wscompare__a")
    b = right.selectbox("Weight set B", names, index=1, key="wscompare__b")
    ranks_a, ranks_b = _ranks(sets[a].payload), _ranks(sets[b].payload)
    matrix = state.matrix()
    frame = pd.DataFrame(
        {
            "candidate": list(matrix.candidate_names),
            f"rank A ({a})": [int(ranks_a[c]) for c in matrix.candidates],
            f"rank B ({b})": [int(ranks_b[c]) for c in matrix.candidates],
            "change A→B": [int(ranks_a[c] - ranks_b[c]) for c in matrix.candidates],
        }
    ).sort_values(f"rank A ({a})")
    st.dataframe(
        frame,
        hide_index=True,
        key="wscompare__table",
        column_config={"candidate": st.column_config.TextColumn(width=NAME_WIDTH, pinned=True)},
    )
    st.caption("Change: places gained going from A to B (positive = moved up).")
