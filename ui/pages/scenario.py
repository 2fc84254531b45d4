"""Scenario page: pick a shipped scenario or upload one; see its criteria tree and its data.

An upload that fails validation lists every problem (file, line, place, fix) and leaves the
last valid scenario loaded. The data table marks imputed and illustrative cells.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import pandas as pd
import streamlit as st

from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.ui import state
from clusterrank.ui.layout import guarded, notes_box, safe_callback, settings_text, show_problems
from clusterrank.ui.loaders import Upload, load_shipped, load_uploaded, shipped_scenarios
from clusterrank.ui.plain import code, plain
from clusterrank.ui.widgets.weight_sliders import ARROWS

IMPUTED_STYLE = "background-color: #ffe7b3"
ILLUSTRATIVE_STYLE = "background-color: #e5d4f5; font-style: italic"


@safe_callback
def _pick_shipped() -> None:
    name = st.session_state["scenario__shipped"]
    try:
        state.use(load_shipped(shipped_scenarios()[name]))
    except ValidationFailed as exc:
        state.reject(list(exc.problems))


@safe_callback
def _load_upload() -> None:
    yaml_file = st.session_state.get("scenario__upload_yaml")
    if yaml_file is None:
        msg = "choose a scenario YAML file to upload first"
        state.reject([Problem("<upload>", "", msg)])
        return
    data_file = st.session_state.get("scenario__upload_data")
    crit_file = st.session_state.get("scenario__upload_criteria")
    try:
        state.use(
            load_uploaded(
                Upload(yaml_file.name, yaml_file.getvalue()),
                Upload(data_file.name, data_file.getvalue()) if data_file else None,
                Upload(crit_file.name, crit_file.getvalue()) if crit_file else None,
            )
        )
    except ValidationFailed as exc:
        state.reject(list(exc.problems))


def _source_picker() -> None:
    shipped = shipped_scenarios()
    pick, upload = st.columns(2)
    with pick, st.container(border=True):
        st.markdown("**Shipped scenarios**")
        current = state.loaded()
        names = list(shipped)
        default = next(
            (n for n in names if current is not None and current.source.endswith(n)), names[0]
        )
        state.seed_widget("scenario__shipped", default)
        st.selectbox(
            "Scenario file",
            names,
            key="scenario__shipped",
            on_change=_pick_shipped,
            help="From configs/scenarios; loading one resets the weights to the file's",
        )
    with upload, st.container(border=True):
        st.markdown("**Upload a scenario**")
        st.file_uploader("Scenario (YAML)", type=["yaml", "yml"], key="scenario__upload_yaml")
        st.file_uploader(
            "Data (CSV or Excel), if the scenario names a data file",
            type=["csv", "xlsx", "xls"],
            key="scenario__upload_data",
        )
        st.file_uploader(
            "Criteria set (YAML), if not one of the shipped sets",
            type=["yaml", "yml"],
            key="scenario__upload_criteria",
        )
        st.button("Load the uploaded scenario", key="scenario__load_upload", on_click=_load_upload)


def _criteria_tree(scenario: Scenario) -> None:
    report = state.weights()
    group_w, local_w, global_w = report.group_map(), report.local_map(), report.as_map()
    cs = scenario.criteria_set
    st.subheader(f"Criteria: {plain(cs.title or cs.id)}")
    st.caption(f"Source: {plain(cs.source)}")
    if cs.weights_note:
        st.info(plain(cs.weights_note), icon=":material/info:")
    rows = [
        {
            "group": f"{g.title or g.id} ({group_w[g.id]:.0%})",
            "criterion": c.title or c.id,
            "direction": ARROWS.get(c.direction, c.direction),
            "unit": c.unit,
            "local weight": local_w[c.id],
            "global weight": global_w[c.id],
        }
        for g in cs.groups
        for c in g.criteria
    ]
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        key="scenario__criteria",
        column_config={
            "criterion": st.column_config.TextColumn(width=260, pinned=True),
            "group": st.column_config.TextColumn("group (weight)", width="medium"),
            "direction": st.column_config.TextColumn(width="small"),
            "local weight": st.column_config.NumberColumn(
                "local", format="percent", width="small", help="Weight inside its group"
            ),
            "global weight": st.column_config.NumberColumn(
                "global", format="percent", width="small", help="Group weight × local weight"
            ),
        },
        column_order=("criterion", "direction", "unit", "global weight", "local weight", "group"),
    )
    sources = pd.DataFrame(
        {
            "criterion": [c.title or c.id for g in cs.groups for c in g.criteria],
            "source": [c.source or "not given" for g in cs.groups for c in g.criteria],
        }
    )
    with st.expander("Where each criterion's figures come from", expanded=False):
        st.dataframe(
            sources,
            hide_index=True,
            key="scenario__sources",
            column_config={
                "criterion": st.column_config.TextColumn(width=220, pinned=True),
                "source": st.column_config.TextColumn(width="large"),
            },
        )
    with st.expander("What each group stands for", expanded=False):
        for g in cs.groups:
            st.markdown(
                f"**{plain(g.title or g.id)}** — {plain(g.description or 'no description')}"
            )
    in_use = f"{state.summary()[2]} ({settings_text(report.settings)})"
    st.caption(f"Weights in use: {plain(in_use)}")


HEADER_CHARS = 22  # a criterion's column header is cut to this; its help gives it whole


def _headers(matrix: DecisionMatrix) -> tuple[list[str], dict[str, Any]]:
    """Full column names (title, unit, direction) and short labels with the full text as help.

    Short labels let ten criteria sit beside the pinned rank and name at 1024 px.
    """
    full: list[str] = []
    config: dict[str, Any] = {}
    for j, (t, u, d) in enumerate(
        zip(matrix.criterion_titles, matrix.units, matrix.directions, strict=True)
    ):
        name = f"{t} [{u}] {'↑' if d > 0 else '↓'}"
        short = t if len(t) <= HEADER_CHARS else t[: HEADER_CHARS - 1].rstrip() + "…"
        full.append(name)
        config[name] = st.column_config.Column(
            f"{j + 1}. {short} {'↑' if d > 0 else '↓'}",
            help=f"{t} — unit: {u}; {'↑ benefit' if d > 0 else '↓ cost'}",
        )
    return full, config


def _styled(matrix: DecisionMatrix) -> tuple[pd.io.formats.style.Styler, dict[str, Any]]:
    """The data in rank order (rank and name first), imputed and illustrative cells marked."""
    headers, config = _headers(matrix)
    order = [str(i) for i in state.ranking().to_frame()["id"]]
    rows = [matrix.candidates.index(i) for i in order]
    values = pd.DataFrame(matrix.values[rows], columns=headers)  # noqa: PD011  (numpy)
    result = state.ranking().result
    ranks = dict(zip(result.candidates, result.ranks, strict=True))
    frame = pd.concat(
        [
            pd.DataFrame(
                {
                    "rank": [int(ranks[i]) for i in order],
                    "candidate": [matrix.candidate_names[r] for r in rows],
                }
            ),
            values,
        ],
        axis=1,
    )
    styles = pd.DataFrame("", index=frame.index, columns=frame.columns)
    styles[headers] = styles[headers].mask(matrix.imputed[rows], IMPUTED_STYLE)
    styles[headers] = styles[headers].mask(matrix.illustrative[rows], ILLUSTRATIVE_STYLE)
    config["rank"] = st.column_config.NumberColumn(
        "rank", width="small", pinned=True, help="Rank with the current weights and method"
    )
    config["candidate"] = st.column_config.TextColumn(
        width=240, pinned=True, help="A long name ends in '…': click the cell to read it whole"
    )
    styler = frame.style.apply(lambda _: styles, axis=None).format(
        "{:,.4g}", subset=list[Hashable](headers)
    )
    return styler, config


def _data_table(scenario: Scenario, matrix: DecisionMatrix) -> None:
    st.subheader("Data")
    styled, config = _styled(matrix)
    st.dataframe(styled, hide_index=True, key="scenario__data", column_config=config)
    imputed, illustrative = int(matrix.imputed.sum()), int(matrix.illustrative.sum())
    st.markdown(
        f":orange-background[imputed] {imputed} cell(s) filled by the missing-data policy "
        f"({code(scenario.missing_data)}) · :violet-background[illustrative] {illustrative} "
        "cell(s) illustrative, not from any source · ↑ benefit (more is better), ↓ cost"
    )
    if illustrative:
        st.warning(
            f"{illustrative} figure(s) are illustrative, not from any source: read the "
            "ranking as a demonstration until a panel supplies real scores.",
            icon=":material/warning:",
        )
    notes_box([n.message for n in matrix.cell_notes] + list(matrix.notes), "Data notes")
    with st.expander("Where each figure comes from", expanded=False):
        for key, prov in scenario.data.provenance.items():
            flag = " — **illustrative**" if prov.illustrative else ""
            st.markdown(f"- {code(key)}{flag}: {plain(prov.source)}")


def _candidates(scenario: Scenario) -> None:
    with st.expander(f"Candidates ({len(scenario.candidates)})", expanded=False):
        for c in scenario.candidates:
            region = f" — {plain(c.region)}" if c.region else ""
            st.markdown(f"**{plain(c.label)}** ({code(c.id)}){region}")
            if c.attributes:
                st.json(c.attributes, expanded=False)


def body() -> None:
    """Draw the Scenario page: load problems, the source picker, then the scenario in use."""
    st.title("Scenario")
    problems = st.session_state.get(state.PROBLEMS) or []
    current = state.loaded()
    if problems:
        heading = f"{len(problems)} problem(s) in the upload; nothing was changed." + (
            f" Still loaded: {plain(current.scenario.title or current.scenario.id)}."
            if current
            else ""
        )
        show_problems(problems, heading)
    with st.expander("Load another scenario: shipped or uploaded", expanded=bool(problems)):
        _source_picker()
    current = state.require()
    scenario = current.scenario
    st.header(plain(scenario.title or scenario.id))
    st.caption(plain(f"{current.source} · missing data: {scenario.missing_data}"))
    if scenario.description:
        with st.expander("About this scenario", expanded=False):
            st.markdown(plain(scenario.description))
    _candidates(scenario)
    _criteria_tree(scenario)
    _data_table(scenario, current.matrix)


if __name__ == "__main__":
    guarded(body)
