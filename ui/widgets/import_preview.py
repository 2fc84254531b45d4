"""The import wizard's preview ranking: TOPSIS on the current choices, with its settings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from clusterrank.analysis.report import RankingReport
from clusterrank.i18n import _
from clusterrank.ui.plain import plain
from clusterrank.ui.tables import localized


def preview_ranking(report: RankingReport) -> None:
    """The preview ranking table and a caption naming its method, weights and settings."""
    frame = report.to_frame()
    st.markdown(_("**Preview ranking** (nothing is saved yet)"))
    table = pd.DataFrame(
        {
            "rank": frame["rank"],
            "candidate": frame["name"],
            "score": frame["score"],
            "id": frame["id"],
        }
    )
    st.dataframe(
        localized(table, {"score": 4}),
        hide_index=True,
        key="import__ranking",
        column_config={
            "rank": st.column_config.NumberColumn(_("rank"), width="small"),
            "candidate": st.column_config.TextColumn(_("candidate")),
            "score": st.column_config.NumberColumn(_("score")),
            "id": st.column_config.TextColumn(_("id")),
        },
    )
    st.caption(
        plain(
            _("Equal weights until you set them; {settings}").format(
                settings=report.settings_line()
            )
        )
    )
