"""The import wizard's missing-data step: the policy, and its effect cell by cell.

The effect is read from the decision matrix's own cell notes (the same notes the Scenario
page and the ranking report carry), so what is shown is exactly what the ranking used.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.importing import ImportPlan
from clusterrank.i18n import N_, _, formats
from clusterrank.ui.plain import plain
from clusterrank.ui.significant import significant
from clusterrank.ui.speaking import in_language

POLICY = "import__policy"
POLICIES: dict[str, str] = {
    "impute_worst": N_("fill with the worst observed value of the column"),
    "impute_mean": N_("fill with the mean of the column"),
    "drop_candidate": N_("leave out every candidate with a gap"),
    "reject": N_("refuse: every cell must hold a figure"),
}
"""Each missing-data policy (its setting name, shown as it is) and what it does (marked)."""
ACTIONS = {
    "imputed_worst": N_("filled with the worst value"),
    "imputed_mean": N_("filled with the mean"),
    "dropped_candidate": N_("candidate left out"),
    "illustrative": N_("illustrative figure"),
}


def policy(plan: ImportPlan) -> str:
    """The missing-data policy picker (default: fill with the worst value when cells are empty)."""
    gaps = plan.missing_cells
    st.session_state.setdefault(POLICY, "impute_worst" if gaps else "reject")
    st.radio(
        _("Missing data ({count} empty cell(s) in the file)").format(count=formats.integer(gaps)),
        list(POLICIES),
        key=POLICY,
        format_func=in_language(lambda p: f"{p}: {_(POLICIES[p])}"),
        horizontal=False,
    )
    return str(st.session_state[POLICY])


def effect(matrix: DecisionMatrix) -> None:
    """Which cells the policy filled with what, or which candidates it left out."""
    notes = [n for n in matrix.cell_notes if n.action != "illustrative"]
    if not notes:
        st.caption(_("No cell is filled or left out: every figure is from your file."))
        return
    frame = pd.DataFrame(
        {
            "candidate": [n.candidate for n in notes],
            "indicator": [n.key for n in notes],
            "what happens": [
                _(ACTIONS[n.action]) if n.action in ACTIONS else n.action for n in notes
            ],
            "value used": [n.value for n in notes],
        }
    )
    st.markdown(
        _("**Effect of the policy, cell by cell** ({count})").format(
            count=formats.integer(len(notes))
        )
    )
    st.dataframe(
        frame.style.format({"value used": significant}),
        hide_index=True,
        key="import__effect",
        column_config={
            "candidate": st.column_config.TextColumn(_("candidate")),
            "indicator": st.column_config.TextColumn(_("indicator")),
            "what happens": st.column_config.TextColumn(_("what happens")),
            "value used": st.column_config.NumberColumn(_("value used")),
        },
    )
    for note in matrix.notes:
        st.caption(plain(note))
