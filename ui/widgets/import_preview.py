"""The import wizard's preview ranking: TOPSIS on the current choices, with its settings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from clusterrank.analysis.report import RankingReport
from clusterrank.ui.plain import plain


def preview_ranking(report: RankingReport) -> None:
    """The preview ranking table and a caption naming its method, weights and settings."""
    frame = report.to_frame()
    st.markdown("**Preview ranking** (nothing is saved yet)")
    st.dataframe(
        pd.DataFrame(
            {
                "rank": frame["rank"],
                "candidate": frame["name"],
                "score": frame["score"],
                "id": frame["id"],
            }
        ),
        hide_index=True,
        key="import__ranking",
        column_config={"score": st.column_config.NumberColumn(format="%.4f")},
    )
    st.caption(plain(f"Equal weights until you set them; {report.settings_line()}"))
