"""Weights page.

Three switchable editors (sliders, AHP judgments, objective weights), the ranking re-computed live
beside them, and saving or resetting the weights.

The editor selected here is the source of the weights everywhere in the app. Saving makes the
current ranking the baseline for the rank-change column and offers the scenario YAML with
these weights; resetting brings every editor back to the scenario file.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from clusterrank.analysis.weights import WeightReport
from clusterrank.i18n import _
from clusterrank.methods.registry import available_methods
from clusterrank.ui import ahp_state, state
from clusterrank.ui.layout import guarded, notes_box, safe_callback, settings_text
from clusterrank.ui.plain import plain
from clusterrank.ui.speaking import in_language
from clusterrank.ui.tables import localized
from clusterrank.ui.widgets import ahp_judgments, weight_set_save, weight_sliders
from clusterrank.ui.widgets.ranking_table import show_ranking
from clusterrank.ui.widgets.scenario_download import scenario_download

WEIGHT_COLUMNS = ("group weight", "local weight", "global weight")
MODE_PICK = "weight_mode__pick"
OBJECTIVE_PICK = "objective__pick"


@safe_callback
def _mode_changed() -> None:
    mode = st.session_state.get(MODE_PICK)
    if mode is None:  # the active option was clicked again: keep it selected
        st.session_state[MODE_PICK] = st.session_state[state.WEIGHT_MODE]
        return
    st.session_state[state.WEIGHT_MODE] = mode


@safe_callback
def _objective_changed() -> None:
    st.session_state[state.OBJECTIVE] = st.session_state[OBJECTIVE_PICK]


@safe_callback
def _reset() -> None:
    state.reset_weights()


@safe_callback
def _save() -> None:
    state.save_baseline()


def weights_table(report: WeightReport) -> pd.DataFrame:
    """Group, local and global weight per criterion, with titles (display only)."""
    scenario = state.scenario()
    titles = {c.id: c.title or c.id for c in scenario.criteria_set.criteria}
    groups = {g.id: g.title or g.id for g in scenario.criteria_set.groups}
    frame = report.to_frame().reset_index()
    return pd.DataFrame(
        {
            "criterion": [titles.get(c, c) for c in frame["criterion"]],
            "group": [groups.get(g, g) for g in frame["group"]],
            "group weight": frame["group_weight"],
            "local weight": frame["local_weight"],
            "global weight": frame["global_weight"],
        }
    )


def _show_weights(report: WeightReport) -> None:
    config: dict[str, Any] = {
        "criterion": st.column_config.TextColumn(_("criterion"), width=260, pinned=True),
        "group": st.column_config.TextColumn(_("group"), width="medium"),
        "group weight": st.column_config.NumberColumn(_("group weight"), width="small"),
        "local weight": st.column_config.NumberColumn(_("local weight"), width="small"),
        "global weight": st.column_config.NumberColumn(_("global weight"), width="small"),
    }
    frame = localized(
        weights_table(report), dict.fromkeys(WEIGHT_COLUMNS, 1), percent=WEIGHT_COLUMNS
    )
    st.dataframe(frame, hide_index=True, column_config=config)
    st.caption(
        _("Weight settings: {settings}").format(settings=plain(settings_text(report.settings)))
    )
    notes_box(report.notes, _("Weight notes"))


def _objective() -> None:
    methods = available_methods("weighting")
    titles = {m.name: m.title_text for m in methods}
    state.seed_widget(OBJECTIVE_PICK, st.session_state[state.OBJECTIVE])
    st.selectbox(
        _("Objective weighting method"),
        list(titles),
        key=OBJECTIVE_PICK,
        format_func=lambda n: titles.get(n, n),
        on_change=_objective_changed,
        help=_("Weights from the spread and correlation of the data, not from anyone's opinion"),
    )
    info = next(m for m in methods if m.name == st.session_state[state.OBJECTIVE])
    st.caption(
        _("{description} Reference: {reference}").format(
            description=info.description_text, reference=info.reference
        )
    )


def _ahp(report: WeightReport) -> None:
    scenario = state.scenario()
    ahp_judgments.settings_pickers()
    for note in ahp_state.seed_notes(scenario):
        st.caption(plain(note))
    blocks = ahp_state.blocks(scenario)
    if not blocks:
        st.info(_("Every group has one criterion and there is one group: nothing to compare."))
    for block in blocks:
        with st.container(border=True):
            ahp_judgments.render(block, report)


def body() -> None:
    """Draw the Weights page: the chosen editor beside the ranking it gives."""
    st.title(_("Weights"))
    state.require()
    state.seed_widget(MODE_PICK, st.session_state[state.WEIGHT_MODE])
    st.segmented_control(
        _("How to set the weights"),
        list(state.WEIGHT_MODES),
        key=MODE_PICK,
        format_func=in_language(lambda m: _(state.WEIGHT_MODES[m])),
        on_change=_mode_changed,
        help=_("The selected way sets the weights used everywhere in the app"),
    )
    report = state.weights()
    editor, live = st.columns([3, 2], gap="medium")
    with editor:
        mode = st.session_state[state.WEIGHT_MODE]
        if mode == "sliders":
            weight_sliders.render(state.scenario(), report)
        elif mode == "ahp":
            _ahp(report)
        else:
            _objective()
    with live:
        st.markdown("#### " + _("Ranking with these weights"))
        show_ranking(state.ranking(), key="weights__ranking", compact=True)
        st.button(
            _("Save weights"),
            key="weights__save",
            on_click=_save,
            type="primary",
            help=_("Make the current ranking the baseline for the rank-change column"),
        )
        st.button(
            _("Reset weights"),
            key="weights__reset",
            on_click=_reset,
            help=_("Every editor back to the weights in the scenario file"),
        )
        scenario_download(key="weights__yaml")
        weight_set_save.render()
    st.markdown("#### " + _("Weights in use"))
    _show_weights(report)


if __name__ == "__main__":
    guarded(body)
