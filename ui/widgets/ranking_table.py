"""The ranking table with the change in rank since the baseline, and its settings caption."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from clusterrank.analysis.report import RankingReport
from clusterrank.ui import state
from clusterrank.ui.plain import plain


def change_text(change: int | None) -> str:
    """``▲ 2`` for two places up, ``▼ 1`` for one down, ``=`` for none, ``new`` if unknown."""
    if change is None:
        return "new"
    if change > 0:
        return f"▲ {change}"
    if change < 0:
        return f"▼ {-change}"
    return "="


def ranking_table(report: RankingReport) -> pd.DataFrame:
    """Rank order with the change since the baseline, ready to display."""
    changes = state.rank_changes(report)
    frame = report.to_frame()
    return pd.DataFrame(
        {
            "rank": frame["rank"],
            "change": [change_text(changes.get(str(i))) for i in frame["id"]],
            "candidate": frame["name"],
            "score": frame["score"],
            "id": frame["id"],
        }
    )


def show_ranking(report: RankingReport, *, key: str, compact: bool = False) -> None:
    """The ranking table plus its settings caption.

    ``compact`` shows rank, change and candidate only (the Weights page's side panel).
    """
    better = "higher is better" if report.result.higher_is_better else "lower is better"
    st.dataframe(
        ranking_table(report),
        hide_index=True,
        key=key,
        column_order=("rank", "change", "candidate") if compact else None,
        column_config={
            "rank": st.column_config.NumberColumn("Rank", help="1 = best", width="small"),
            "change": st.column_config.TextColumn(
                "Change", help=f"Places moved since {st.session_state[state.BASELINE_LABEL]}"
            ),
            "candidate": st.column_config.TextColumn(
                "Candidate", width="large" if compact else "medium"
            ),
            "score": st.column_config.NumberColumn(
                "Score", format="%.4f", help=f"{report.result.method} score ({better})"
            ),
            "id": st.column_config.TextColumn("Id", width="small"),
        },
    )
    st.caption(f"Settings: {plain(report.settings_line())}")
