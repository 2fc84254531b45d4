"""Scenario page: pick a shipped scenario or upload one; see its criteria tree and its data.

An upload that fails validation lists every problem (file, line, place, fix) and leaves the
last valid scenario loaded. The data table marks imputed and illustrative cells.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import _, formats
from clusterrank.ui import state
from clusterrank.ui.layout import guarded, notes_box, safe_callback, settings_text, show_problems
from clusterrank.ui.loaders import Upload, load_shipped, load_uploaded, shipped_scenarios
from clusterrank.ui.plain import code, plain
from clusterrank.ui.significant import significant
from clusterrank.ui.tables import localized
from clusterrank.ui.widgets.weight_sliders import arrow

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
        msg = _("choose a scenario YAML file to upload first")
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
        st.markdown("**" + _("Shipped scenarios") + "**")
        current = state.loaded()
        names = list(shipped)
        default = next(
            (n for n in names if current is not None and current.source.endswith(n)), names[0]
        )
        state.seed_widget("scenario__shipped", default)
        st.selectbox(
            _("Scenario file"),
            names,
            key="scenario__shipped",
            on_change=_pick_shipped,
            help=_("From configs/scenarios; loading one resets the weights to the file's"),
        )
    with upload, st.container(border=True):
        st.markdown("**" + _("Upload a scenario") + "**")
        st.file_uploader(_("Scenario (YAML)"), type=["yaml", "yml"], key="scenario__upload_yaml")
        st.file_uploader(
            _("Data (CSV or Excel), if the scenario names a data file"),
            type=["csv", "xlsx", "xls"],
            key="scenario__upload_data",
        )
        st.file_uploader(
            _("Criteria set (YAML), if not one of the shipped sets"),
            type=["yaml", "yml"],
            key="scenario__upload_criteria",
        )
        st.button(
            _("Load the uploaded scenario"), key="scenario__load_upload", on_click=_load_upload
        )


def _criteria_tree(scenario: Scenario) -> None:
    report = state.weights()
    group_w, local_w, global_w = report.group_map(), report.local_map(), report.as_map()
    cs = scenario.criteria_set
    st.subheader(_("Criteria: {title}").format(title=plain(cs.title or cs.id)))
    st.caption(_("Source: {source}").format(source=plain(cs.source)))
    if cs.weights_note:
        st.info(plain(cs.weights_note), icon=":material/info:")
    rows = [
        {
            "group": f"{g.title or g.id} ({formats.percent(group_w[g.id])})",
            "criterion": c.title or c.id,
            "direction": arrow(c.direction),
            "unit": c.unit,
            "local weight": local_w[c.id],
            "global weight": global_w[c.id],
        }
        for g in cs.groups
        for c in g.criteria
    ]
    weights = ("local weight", "global weight")
    st.dataframe(
        localized(pd.DataFrame(rows), dict.fromkeys(weights, 1), percent=weights),
        hide_index=True,
        key="scenario__criteria",
        column_config={
            "criterion": st.column_config.TextColumn(_("criterion"), width=260, pinned=True),
            "group": st.column_config.TextColumn(_("group (weight)"), width="medium"),
            "direction": st.column_config.TextColumn(_("direction"), width="small"),
            "unit": st.column_config.TextColumn(_("unit")),
            "local weight": st.column_config.NumberColumn(
                _("local"), width="small", help=_("Weight inside its group")
            ),
            "global weight": st.column_config.NumberColumn(
                _("global"), width="small", help=_("Group weight × local weight")
            ),
        },
        column_order=("criterion", "direction", "unit", "global weight", "local weight", "group"),
    )
    sources = pd.DataFrame(
        {
            "criterion": [c.title or c.id for g in cs.groups for c in g.criteria],
            "source": [c.source or _("not given") for g in cs.groups for c in g.criteria],
        }
    )
    with st.expander(_("Where each criterion's figures come from"), expanded=False):
        st.dataframe(
            sources,
            hide_index=True,
            key="scenario__sources",
            column_config={
                "criterion": st.column_config.TextColumn(_("criterion"), width=220, pinned=True),
                "source": st.column_config.TextColumn(_("source"), width="large"),
            },
        )
    with st.expander(_("What each group stands for"), expanded=False):
        for g in cs.groups:
            about = g.description or _("no description")
            st.markdown(f"**{plain(g.title or g.id)}** — {plain(about)}")
    in_use = f"{state.summary()[2]} ({settings_text(report.settings)})"
    st.caption(_("Weights in use: {weights}").format(weights=plain(in_use)))


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
            help=_("{title} — unit: {unit}; {direction}").format(
                title=t, unit=u, direction=arrow("benefit" if d > 0 else "cost")
            ),
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
        _("rank"), width="small", pinned=True, help=_("Rank with the current weights and method")
    )
    config["candidate"] = st.column_config.TextColumn(
        _("candidate"),
        width=240,
        pinned=True,
        help=_("A long name ends in '…': click the cell to read it whole"),
    )
    styler = frame.style.apply(lambda _frame: styles, axis=None).format(
        dict.fromkeys(headers, significant)
    )
    return styler, config


def _data_table(scenario: Scenario, matrix: DecisionMatrix) -> None:
    st.subheader(_("Data"))
    styled, config = _styled(matrix)
    st.dataframe(styled, hide_index=True, key="scenario__data", column_config=config)
    imputed, illustrative = int(matrix.imputed.sum()), int(matrix.illustrative.sum())
    st.markdown(
        _(
            ":orange-background[imputed] {imputed} cell(s) filled by the missing-data policy "
            "({policy}) · :violet-background[illustrative] {illustrative} cell(s) "
            "illustrative, not from any source · ↑ benefit (more is better), ↓ cost"
        ).format(
            imputed=formats.integer(imputed),
            policy=code(scenario.missing_data),
            illustrative=formats.integer(illustrative),
        )
    )
    if illustrative:
        st.warning(
            _(
                "{count} figure(s) are illustrative, not from any source: read the ranking as "
                "a demonstration until a panel supplies real scores."
            ).format(count=formats.integer(illustrative)),
            icon=":material/warning:",
        )
    notes_box([n.message for n in matrix.cell_notes] + list(matrix.notes), _("Data notes"))
    with st.expander(_("Where each figure comes from"), expanded=False):
        for key, prov in scenario.data.provenance.items():
            if prov.illustrative:
                line = _("- {key} — **illustrative**: {source}")
            else:
                line = _("- {key}: {source}")
            st.markdown(line.format(key=code(key), source=plain(prov.source)))


def _candidates(scenario: Scenario) -> None:
    count = formats.integer(len(scenario.candidates))
    with st.expander(_("Candidates ({count})").format(count=count), expanded=False):
        for c in scenario.candidates:
            region = f" — {plain(c.region)}" if c.region else ""
            st.markdown(f"**{plain(c.label)}** ({code(c.id)}){region}")
            if c.attributes:
                st.json(c.attributes, expanded=False)


def body() -> None:
    """Draw the Scenario page: load problems, the source picker, then the scenario in use."""
    st.title(_("Scenario"))
    problems = st.session_state.get(state.PROBLEMS) or []
    current = state.loaded()
    if problems:
        count = formats.integer(len(problems))
        if current:
            heading = _(
                "{count} problem(s) in the upload; nothing was changed. Still loaded: {title}."
            ).format(count=count, title=plain(current.scenario.title or current.scenario.id))
        else:
            heading = _("{count} problem(s) in the upload; nothing was changed.").format(
                count=count
            )
        show_problems(problems, heading)
    with st.expander(_("Load another scenario: shipped or uploaded"), expanded=bool(problems)):
        _source_picker()
    current = state.require()
    scenario = current.scenario
    st.header(plain(scenario.title or scenario.id))
    st.caption(
        plain(
            _("{source} · missing data: {policy}").format(
                source=current.source, policy=scenario.missing_data
            )
        )
    )
    if scenario.description:
        with st.expander(_("About this scenario"), expanded=False):
            st.markdown(plain(scenario.description))
    _candidates(scenario)
    _criteria_tree(scenario)
    _data_table(scenario, current.matrix)


if __name__ == "__main__":
    guarded(body)
