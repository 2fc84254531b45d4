"""Two to eight regions side by side on a shipped regional scenario (UK or EU NUTS-2).

The scenario ranks every region through the ordinary pipeline (``analysis.ranking``); the
regions picked are shown with their rank in that full ranking, their criterion values and
their position on each criterion among all ranked regions, with the settings line, the data
attribution the data README requires and the data-quality handling (regions left out and why).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from clusterrank.analysis.report import RankingReport
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.i18n import _, formats, ngettext, pgettext
from clusterrank.methods.registry import available_methods
from clusterrank.reports.regions_view import explained_cells
from clusterrank.ui.layout import notes_box
from clusterrank.ui.plain import plain
from clusterrank.ui.tables import MISSING, localized
from clusterrank.ui.widgets import charts
from clusterrank.ui.widgets.chart_theme import themed
from clusterrank.ui.widgets.regions_charts import comparison_chart, comparison_frame, figure
from clusterrank.ui.widgets.regions_data import attribution, regional_ranking, regional_scenarios
from clusterrank.ui.widgets.regions_export import comparison_downloads
from clusterrank.ui.widgets.regions_map import region_map_section
from clusterrank.ui.widgets.regions_source import choice

MAX_REGIONS = 8  # the chart's distinct colours and shapes (chart_theme.MAX_SERIES)


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
            "direction": [_("↑ benefit") if d > 0 else _("↓ cost") for d in matrix.directions],
        }
    )
    for i, name in zip(picked, names, strict=True):
        values[f"{name} ({i})"] = matrix.values[rows[i]]  # noqa: PD011
    return ranks, values


def _export_frame(ranks: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """One table for the CSV: rank and score rows on top of the criterion rows."""
    of = _("of {count}").format(count=int(ranks["of"].iloc[0]))
    head = pd.DataFrame(
        [
            {"criterion": pgettext("column", "rank"), "unit": of, "direction": ""},
            {"criterion": pgettext("column", "score"), "unit": "", "direction": ""},
        ]
    )
    for col, (_i, row) in zip(values.columns[3:], ranks.iterrows(), strict=True):
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
            _("Not ranked (missing data; nothing imputed):")
            + "\n\n"
            + "\n".join(f"- {plain(text.removeprefix('candidate '))}" for text in left_out),
            icon=":material/warning:",
        )
    others = [text for cell, text in cells if cell.action != "dropped_candidate"]
    notes_box([*matrix.notes, *others], _("Data notes"))
    if scenario.description:
        with st.expander(_("How these data are handled (from the scenario file)")):
            st.markdown(plain(scenario.description))


def _picker(ids: list[str], label: dict[str, str]) -> list[str]:
    """The searchable region picker (type a name or a NUTS code); the regions picked."""
    state_key = "regions__compare"
    if state_key not in st.session_state or not set(st.session_state[state_key]) <= set(ids):
        st.session_state[state_key] = ids[:3]
    st.multiselect(
        _("Regions to compare (two to {most}; type a name or a code to search)").format(
            most=MAX_REGIONS
        ),
        ids,
        key=state_key,
        format_func=lambda i: f"{label[i]} ({i})",
        max_selections=MAX_REGIONS,
        placeholder=_("Type a region's name or NUTS code"),
        help=_(
            "Every ranked region of the scenario, best first; regions left out for missing "
            "data are listed under the comparison"
        ),
    )
    return list(st.session_state[state_key])


def _method_title(method: str) -> str:
    """The display title of the ranking method ``method`` (an id such as ``topsis``)."""
    titles = {m.name: m.title_text for m in available_methods()}
    return titles.get(method, method)


def _summary(ranks: pd.DataFrame, method: str) -> None:
    """One line per region, best rank first: full names at any width, nothing squeezed."""
    line = _("- Rank **{rank}** of {count}: **{region}** ({code}), {method} score {score}")
    st.markdown(
        "\n".join(
            line.format(
                rank=int(row["rank"]),
                count=int(row["of"]),
                region=plain(row["region"]),
                code=plain(row["id"]),
                method=plain(_method_title(method)),
                score=formats.number(float(row["score"]), 4),
            )
            for _i, row in ranks.iterrows()
        )
    )


def _tables(ranks: pd.DataFrame, values: pd.DataFrame) -> None:
    st.dataframe(
        localized(ranks, {"score": 4}),
        hide_index=True,
        key="regions__compare_ranks",
        column_order=["rank", "region", "id", "score", "of"],
        column_config={
            "rank": st.column_config.NumberColumn(
                pgettext("column", "rank"), width="small", pinned=True
            ),
            "of": st.column_config.NumberColumn(_("of"), width="small"),
            "region": st.column_config.TextColumn(pgettext("column", "region"), pinned=True),
            "id": st.column_config.TextColumn(_("code"), width="small"),
            "score": st.column_config.NumberColumn(pgettext("column", "score")),
        },
    )
    config: dict[str, Any] = {
        "criterion": st.column_config.TextColumn(
            pgettext("column", "criterion"), width="medium", pinned=True
        ),
        "unit": st.column_config.TextColumn(pgettext("column", "unit"), width="small"),
        "direction": st.column_config.TextColumn(pgettext("column", "direction"), width="small"),
    }
    figures = list(values.columns[3:])
    for column, (_i, row) in zip(figures, ranks.iterrows(), strict=True):
        # the code as header keeps every region on screen at 1024 px; the name is its tooltip
        config[column] = st.column_config.NumberColumn(
            str(row["id"]), help=plain(str(row["region"]))
        )
    shown = values.style.format(dict.fromkeys(figures, _shown_figure))
    st.dataframe(shown, hide_index=True, key="regions__compare_values", column_config=config)


def _shown_figure(value: object) -> str:
    """A criterion value as the language writes it (a missing one as a dash)."""
    if isinstance(value, int | float) and math.isfinite(value):
        return figure(float(value))
    return MISSING


def _chart(matrix: DecisionMatrix, chosen: list[str]) -> None:
    profile, constant = charts.profile_frame(matrix)
    frame = comparison_frame(profile)
    count = len(matrix.candidates)
    st.altair_chart(themed(comparison_chart(frame, chosen, count)), width="stretch")
    st.caption(
        _(
            "Position: each criterion rescaled for display only over all ranked regions, 1 = "
            "the best value (cost criteria turned round), 0 = the worst; the ranking uses the "
            "method's own normalisation. Hover a point for the raw value with its unit."
        )
    )
    for note in constant:
        st.caption(plain(note))
    with st.expander(_("The chart as a table")):
        shown = frame[frame["candidate"].isin(chosen)]
        columns = ["candidate", "criterion", "value_text", "criterion_rank", "position"]
        st.dataframe(
            localized(shown[columns], {"position": 2}),
            hide_index=True,
            key="regions__compare_chart_table",
            column_config={
                "candidate": st.column_config.TextColumn(
                    pgettext("column", "region"), width="medium", pinned=True
                ),
                "criterion": st.column_config.TextColumn(
                    pgettext("column", "criterion"), width="large"
                ),
                "value_text": st.column_config.TextColumn(_("value (unit)"), width="medium"),
                "criterion_rank": st.column_config.NumberColumn(
                    _("rank of {count}").format(count=count)
                ),
                "position": st.column_config.NumberColumn(_("position (0..1)")),
            },
        )


def comparison() -> None:
    """Pick a regional scenario and two to eight regions; show them side by side and mapped."""
    scenarios = regional_scenarios()
    if not scenarios:
        st.warning(_("No regional scenario is shipped in configs/scenarios."))
        return
    names = list(scenarios)
    choice("regions__scenario", names, names[0])
    st.selectbox(
        _("Regional scenario"),
        names,
        key="regions__scenario",
        help=_("Shipped scenarios that rank regions on the regional criteria"),
        width=420,
    )
    loaded, report, weights_from = regional_ranking(
        scenarios[st.session_state["regions__scenario"]]
    )
    scenario, matrix = loaded.scenario, loaded.matrix
    count = len(matrix.candidates)
    st.markdown(
        f"**{plain(scenario.title or scenario.id)}** · "
        + ngettext("{count} region ranked", "{count} regions ranked", count).format(
            count=formats.integer(count)
        )
    )
    frame = report.to_frame().sort_values("rank", kind="stable")
    label = dict(zip(frame["id"], frame["name"], strict=True))
    picked = _picker([str(i) for i in frame["id"]], label)
    if len(picked) < 2:
        st.info(
            _("Pick two to {most} regions to compare them.").format(most=MAX_REGIONS),
            icon=":material/compare_arrows:",
        )
        _about_data(scenario, matrix)
        return
    rank_of = dict(zip(frame["id"], frame["rank"], strict=True))
    picked = sorted(picked, key=lambda i: rank_of[i])  # rank order, in tables and charts alike
    ranks, values = side_by_side(report, matrix, picked)
    _summary(ranks, report.result.method)
    _chart(matrix, [label[i] for i in picked])
    region_map_section(ranks, list(matrix.candidates), {str(k): str(v) for k, v in label.items()})
    _tables(ranks, values)
    st.caption(
        plain(
            _("Settings: {settings} · weights: {weights}").format(
                settings=report.settings_line(), weights=weights_from
            )
        )
    )
    _about_data(scenario, matrix)
    notes_box(list(report.notes), _("Ranking notes"))
    settings = {
        "scenario": scenario.id,
        "title": scenario.title or scenario.id,
        "ranking": report.settings_line(),
        "weights": weights_from,
        "regions ranked": str(len(report.result.candidates)),
    }
    comparison_downloads(_export_frame(ranks, values), ranks, values, settings)
