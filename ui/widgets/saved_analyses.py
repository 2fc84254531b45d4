"""The open project's saved analyses with their settings and date.

"Reproduce" recomputes one with the stored settings and says whether the result is identical.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from clusterrank.analysis.projects import open_scenario
from clusterrank.analysis.saved import reproduce
from clusterrank.analysis.saved_sensitivity import reproduce as reproduce_smaa
from clusterrank.i18n import N_, _, formats
from clusterrank.store.project_records import AnalysisInfo
from clusterrank.store.projects import get_project, list_analyses
from clusterrank.ui import project_session as ps
from clusterrank.ui.db import database
from clusterrank.ui.layout import safe_callback, settings_text
from clusterrank.ui.plain import plain
from clusterrank.ui.state import WEIGHT_MODES

OUTCOME = "analyses__outcome"  # dict[analysis id, str]: what the last reproduction found
KINDS = {"ranking": N_("ranking"), "sensitivity": N_("sensitivity")}
"""Kind of a saved analysis -> its word on the page (a msgid)."""


@safe_callback
def _reproduce(analysis_id: int) -> None:
    project_id = str(ps.open_id())
    with database().session() as s:
        project = get_project(s, project_id)
        found = {a.analysis_id: a for a in list_analyses(s, project_id)}[analysis_id]
    again = reproduce_smaa if found.kind == "sensitivity" else reproduce
    text = again(open_scenario(project), found.settings, found.result).text
    if found.settings.get("scenario_sha256") != project.scenario_sha256:
        text += " " + _("(The project's scenario changed since it was saved.)")
    st.session_state.setdefault(OUTCOME, {})[analysis_id] = text


def _smaa_text(smaa: dict[str, Any]) -> str:
    bounds = smaa.get("bounds") or []
    values = {
        "samples": formats.integer(int(smaa["n_samples"])),
        "seed": smaa["seed"],
        "sampling": smaa["sampling"],
        "bounded": formats.integer(len(bounds)),
        "spread": formats.percent(float(smaa.get("data_uncertainty_pct", 0)) / 100, 0),
    }
    if bounds:
        line = _(
            "{samples} samples, seed {seed}, weights drawn {sampling}, bounds on {bounded} "
            "criteria, data ± {spread}"
        )
    else:
        line = _("{samples} samples, seed {seed}, weights drawn {sampling}, data ± {spread}")
    return line.format(**values)


def _saved_line(a: AnalysisInfo) -> str:
    """When it was saved, with which method, settings and weights (and SMAA-2 run)."""
    stored = a.settings
    mode = str(stored.get("weight_mode", "sliders"))
    values = {
        "time": f"{a.created_at:%Y-%m-%d %H:%M}",
        "method": stored.get("method"),
        "settings": settings_text(stored.get("settings", {})) or _("defaults"),
        "weights": _(WEIGHT_MODES[mode]) if mode in WEIGHT_MODES else mode,
    }
    smaa = stored.get("smaa")
    if isinstance(smaa, dict):
        return _(
            "saved {time} UTC · method {method} · settings: {settings} · weights: {weights} · "
            "SMAA-2: {run}"
        ).format(run=_smaa_text(smaa), **values)
    return _(
        "saved {time} UTC · method {method} · settings: {settings} · weights: {weights}"
    ).format(**values)


def _row(a: AnalysisInfo) -> None:
    with st.container(border=True):
        kind = _(KINDS[a.kind]) if a.kind in KINDS else a.kind
        st.markdown(f"**{plain(a.name)}** · {kind}")
        st.caption(plain(_saved_line(a)))
        st.button(
            _("Reproduce"),
            key=f"analyses__reproduce__{a.analysis_id}",
            on_click=_reproduce,
            args=(a.analysis_id,),
        )
        outcome = st.session_state.get(OUTCOME, {}).get(a.analysis_id)
        if outcome:
            st.info(plain(outcome))


def render() -> None:
    """The open project's saved analyses (nothing without an open project)."""
    project_id = ps.open_id()
    if project_id is None:
        return
    with database().session() as s:
        analyses = list_analyses(s, project_id)
    st.subheader(_("Saved analyses of the open project"))
    if not analyses:
        st.caption(
            _(
                "None yet: save a ranking on the Ranking page, or an SMAA run on the "
                "Sensitivity page."
            )
        )
    for a in analyses:
        _row(a)
