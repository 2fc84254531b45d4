"""The ranking table: rank, change since the baseline, score and each candidate's data quality.

Under it the method in plain words ("TOPSIS, vector normalisation"); the exact settings line
sits in an expander.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from clusterrank.analysis.report import RankingReport
from clusterrank.i18n import _
from clusterrank.methods.settings_words import describe
from clusterrank.ui import state
from clusterrank.ui.plain import plain
from clusterrank.ui.tables import localized

NAME_WIDTH = 300
"""Pixels of the pinned candidate column: about 42 characters, room left for the rest."""
COMPACT_NAME_WIDTH = 170
"""The candidate column in the compact table (the Weights page's side column)."""
COLUMNS = (
    "rank",
    "candidate",
    "score",
    "change",
    "assessable",
    "imputed",
    "imputed criteria",
    "id",
)
"""Key columns first (pinned), then the score, the move and the data quality."""
COMPACT = ("rank", "candidate", "change")


def change_text(change: int | None) -> str:
    """``▲ 2`` for two places up, ``▼ 1`` for one down, ``=`` for none, ``new`` if unknown."""
    if change is None:
        return _("new")
    if change > 0:
        return f"▲ {change}"
    if change < 0:
        return f"▼ {-change}"
    return "="


def _quality_columns(report: RankingReport, ids: list[str]) -> dict[str, list[str]]:
    """Imputed count, the imputed criteria named, and whether each candidate is assessable."""
    count, named, verdict = [], [], []
    for cid in ids:
        q = report.quality_of(cid)
        if q is None:  # a report without data-quality facts (e.g. a plain matrix)
            count.append("-")
            named.append("")
            verdict.append("-")
            continue
        count.append(q.label if q.imputed else _("none of {cells}").format(cells=q.cells))
        named.append("; ".join(q.imputed))
        verdict.append(
            _("yes") if q.assessable else _("not assessable: {reason}").format(reason=q.reason)
        )
    return {"imputed": count, "assessable": verdict, "imputed criteria": named}


def not_assessable(report: RankingReport) -> dict[str, str]:
    """Candidate id -> reason, for the candidates the report marks not assessable."""
    return {q.candidate: q.reason for q in report.quality if not q.assessable}


def ranking_table(report: RankingReport) -> pd.DataFrame:
    """Rank order with the change since the baseline and each candidate's data quality."""
    changes = state.rank_changes(report)
    frame = report.to_frame()
    ids = [str(i) for i in frame["id"]]
    return pd.DataFrame(
        {
            "rank": frame["rank"],
            "change": [change_text(changes.get(i)) for i in ids],
            "candidate": frame["name"],
            "score": frame["score"],
            **_quality_columns(report, ids),
            "id": frame["id"],
        }
    )


def method_line(report: RankingReport) -> str:
    """The method and its settings in plain words, e.g. "TOPSIS, vector normalisation"."""
    return describe(report.result.method, report.result.settings)


def _config(report: RankingReport, compact: bool) -> dict[str, Any]:
    better = _("higher is better") if report.result.higher_is_better else _("lower is better")
    policy = report.settings.get("data", {}).get("missing_data") or _("the missing-data policy")
    return {
        "rank": st.column_config.NumberColumn(
            _("Rank"), help=_("1 = best"), width="small", pinned=True
        ),
        "change": st.column_config.TextColumn(
            _("Change"),
            help=_("Places moved since {baseline}").format(baseline=state.baseline_label()),
        ),
        "candidate": st.column_config.TextColumn(
            _("Candidate"),
            width=COMPACT_NAME_WIDTH if compact else NAME_WIDTH,
            pinned=True,
            help=_("A name too long for the column ends in '…': click the cell to read it whole"),
        ),
        "score": st.column_config.NumberColumn(
            _("Score"),
            help=_("{method} score ({better})").format(method=report.result.method, better=better),
        ),
        "imputed": st.column_config.TextColumn(
            _("Imputed"),
            help=_(
                "Figures missing in the data and filled by {policy}, of the candidate's "
                "figures; the criteria are named in the next column"
            ).format(policy=policy),
        ),
        "imputed criteria": st.column_config.TextColumn(
            _("Imputed criteria"),
            help=_("The criteria whose figure was filled, not reported"),
            width="medium",
        ),
        "assessable": st.column_config.TextColumn(
            _("Assessable"),
            help=_(
                "Not assessable: more than half the candidate's figures are imputed, so its "
                "place says more about the missing-data policy than about its data"
            ),
        ),
        "id": st.column_config.TextColumn(_("Id"), width="small"),
    }


def show_ranking(report: RankingReport, *, key: str, compact: bool = False) -> None:
    """The ranking table, its method in plain words and every setting one click away.

    ``compact`` shows rank, candidate and change only (the Weights page's side panel). Rank
    and candidate are pinned, so they stay in view when the table scrolls sideways.
    """
    st.dataframe(
        localized(ranking_table(report), {"score": 4}),
        hide_index=True,
        key=key,
        column_order=COMPACT if compact else COLUMNS,
        column_config=_config(report, compact),
    )
    better = _("higher score is better") if report.result.higher_is_better else _("lower is better")
    st.caption(f"{plain(method_line(report))} · {better}")
    with st.expander(_("All settings"), expanded=False):
        st.caption(_("Settings: {settings}").format(settings=plain(report.settings_line())))
