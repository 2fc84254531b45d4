"""Two to four regions side by side on a shipped regional scenario (UK or EU NUTS-2).

The scenario ranks every region through the ordinary pipeline (``analysis.ranking``); the
regions picked are shown with their rank in that full ranking, their criterion values and
their position on each criterion among all ranked regions, with the settings line, the data
attribution the data README requires and the data-quality handling (regions left out and why).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from clusterrank.analysis.report import RankingReport
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.reports.regions_view import explained_cells
from clusterrank.ui.layout import notes_box
from clusterrank.ui.plain import plain
from clusterrank.ui.widgets import charts
from clusterrank.ui.widgets.regions_charts import comparison_chart
from clusterrank.ui.widgets.regions_data import attribution, regional_ranking, regional_scenarios
from clusterrank.ui.widgets.regions_export import comparison_downloads
from clusterrank.ui.widgets.regions_source import choice

MAX_REGIONS = 4


def side_by_side(
    report: RankingReport, matrix: DecisionMatrix, picked: list[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Ranks of the picked regions, and their criterion values side by side.

    Returns
    -------
    ranks, values
        ``ranks``: rank, of, region, id, score (in the order picked); ``values``: one row per
        criterion (title, unit, direction) with a column per picked region.
    """
    frame = report.to_frame().set_index("id").loc[picked]
    names = [str(n) for n in frame["name"]]
    ranks = pd.DataFrame(
        {
            "rank": frame["rank"].astype(int).to_numpy(),
            "of": len(report.result.candidates),
            "region": names,
            "id": picked,
            "score": frame["score"].astype(float).to_numpy(),
        }
    )
    rows = {i: matrix.candidates.index(i) for i in picked}
    values = pd.DataFrame(
        {
            "criterion": list(matrix.criterion_titles),
            "unit": list(matrix.units),
            "direction": ["↑ benefit" if d > 0 else "↓ cost" for d in matrix.directions],
        }
    )
    for i, name in zip(picked, names, strict=True):
        values[f"{name} ({i})"] = matrix.values[rows[i]]  # noqa: PD011
    return ranks, values


def _export_frame(ranks: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """One table for the CSV: rank and score rows on top of the criterion rows."""
    head = pd.DataFrame(
        [
            {"criterion": "rank", "unit": f"of {int(ranks['of'].iloc[0])}", "direction": ""},
            {"criterion": "score", "unit": "", "direction": ""},
        ]
    )
    for col, (_, row) in zip(values.columns[3:], ranks.iterrows(), strict=True):
        head[col] = [float(row["rank"]), float(row["score"])]
    return pd.concat([head, values], ignore_index=True)


def _about_data(scenario: Scenario, matrix: DecisionMatrix) -> None:
    data_file = scenario.data.file
    credit = attribution(Path(data_file).name) if data_file else None
    if credit:
        st.info(credit, icon=":material/license:")
    cells = explained_cells(scenario, matrix)
    left_out = [text for cell, text in cells if cell.action == "dropped_candidate"]
    if left_out:
        st.warning(
            "Not ranked (missing data; nothing imputed):\n\n"
            + "\n".join(f"- {plain(text.removeprefix('candidate '))}" for text in left_out),
            icon=":material/warning:",
        )
    others = [text for cell, text in cells if cell.action != "dropped_candidate"]
    notes_box([*matrix.notes, *others], "Data notes")
    if scenario.description:
        with st.expander("How these data are handled (from the scenario file)"):
            st.markdown(plain(scenario.description))


def comparison() -> None:
    """Pick a regional scenario and two to four regions; show them side by side."""
    scenarios = regional_scenarios()
    if not scenarios:
        st.warning("No regional scenario is shipped in configs/scenarios.")
        return
    names = list(scenarios)
    choice("regions__scenario", names, names[0])
    st.selectbox(
        "Regional scenario",
        names,
        key="regions__scenario",
        help="Shipped scenarios that rank regions on the regional criteria",
        width=420,
    )
    loaded, report, weights_from = regional_ranking(
        scenarios[st.session_state["regions__scenario"]]
    )
    scenario, matrix = loaded.scenario, loaded.matrix
    count = len(matrix.candidates)
    st.markdown(f"**{plain(scenario.title or scenario.id)}** · {count} regions ranked")
    _about_data(scenario, matrix)
    frame = report.to_frame()
    label = dict(zip(frame["id"], frame["name"], strict=True))
    ids = [str(i) for i in frame["id"]]
    state_key = "regions__compare"
    if state_key not in st.session_state or not set(st.session_state[state_key]) <= set(ids):
        st.session_state[state_key] = ids[:3]
    st.multiselect(
        "Regions to compare (two to four)",
        ids,
        key=state_key,
        format_func=lambda i: f"{label[i]} ({i})",
        max_selections=MAX_REGIONS,
        help="Every ranked region of the scenario; regions left out for missing data are "
        "listed above",
    )
    picked = list(st.session_state[state_key])
    if len(picked) < 2:
        st.info("Pick two to four regions to compare them.", icon=":material/compare_arrows:")
        return
    ranks, values = side_by_side(report, matrix, picked)
    for col, (_, row) in zip(st.columns(len(picked)), ranks.iterrows(), strict=True):
        with col, st.container(border=True):
            st.markdown(f"**{plain(row['region'])}** ({plain(row['id'])})")
            st.markdown(f"Rank **{int(row['rank'])}** of {int(row['of'])}")
            st.caption(f"{report.result.method} score {row['score']:.4f}")
    st.dataframe(
        ranks,
        hide_index=True,
        key="regions__compare_ranks",
        column_config={"score": st.column_config.NumberColumn(format="%.4f")},
    )
    st.dataframe(
        values,
        hide_index=True,
        key="regions__compare_values",
        column_config={
            c: st.column_config.NumberColumn(format="localized") for c in values.columns[3:]
        },
    )
    profile, constant = charts.profile_frame(matrix)
    chosen = [label[i] for i in picked]
    rows = profile[profile["candidate"].isin(chosen)]
    st.altair_chart(comparison_chart(rows, chosen), width="stretch")
    st.caption(
        "Position: each criterion rescaled for display only over all ranked regions, 1 = the "
        "best value (cost criteria turned round), 0 = the worst; the ranking uses the "
        "method's own normalisation."
    )
    for note in constant:
        st.caption(plain(note))
    st.caption(plain(f"Settings: {report.settings_line()} · weights: {weights_from}"))
    notes_box(list(report.notes), "Ranking notes")
    settings = {
        "scenario": scenario.id,
        "title": scenario.title or scenario.id,
        "ranking": report.settings_line(),
        "weights": weights_from,
        "regions ranked": str(len(report.result.candidates)),
    }
    comparison_downloads(_export_frame(ranks, values), ranks, values, settings)
