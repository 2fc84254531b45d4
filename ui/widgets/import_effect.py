"""The import wizard's missing-data step: the policy, and its effect cell by cell.

The effect is read from the decision matrix's own cell notes (the same notes the Scenario
page and the ranking report carry), so what is shown is exactly what the ranking used.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.importing import ImportPlan
from clusterrank.ui.plain import plain

POLICY = "import__policy"
POLICIES: dict[str, str] = {
    "impute_worst": "fill with the worst observed value of the column",
    "impute_mean": "fill with the mean of the column",
    "drop_candidate": "leave out every candidate with a gap",
    "reject": "refuse: every cell must hold a figure",
}
ACTIONS = {
    "imputed_worst": "filled with the worst value",
    "imputed_mean": "filled with the mean",
    "dropped_candidate": "candidate left out",
    "illustrative": "illustrative figure",
}


def policy(plan: ImportPlan) -> str:
    """The missing-data policy picker (default: fill with the worst value when cells are empty)."""
    gaps = plan.missing_cells
    st.session_state.setdefault(POLICY, "impute_worst" if gaps else "reject")
    st.radio(
        f"Missing data ({gaps} empty cell(s) in the file)",
        list(POLICIES),
        key=POLICY,
        format_func=lambda p: f"{p}: {POLICIES[p]}",
        horizontal=False,
    )
    return str(st.session_state[POLICY])


def effect(matrix: DecisionMatrix) -> None:
    """Which cells the policy filled with what, or which candidates it left out."""
    notes = [n for n in matrix.cell_notes if n.action != "illustrative"]
    if not notes:
        st.caption("No cell is filled or left out: every figure is from your file.")
        return
    frame = pd.DataFrame(
        {
            "candidate": [n.candidate for n in notes],
            "indicator": [n.key for n in notes],
            "what happens": [ACTIONS.get(n.action, n.action) for n in notes],
            "value used": [n.value for n in notes],
        }
    )
    st.markdown(f"**Effect of the policy, cell by cell** ({len(notes)})")
    st.dataframe(frame, hide_index=True, key="import__effect")
    for note in matrix.notes:
        st.caption(plain(note))
