"""The open project's saved analyses with their settings and date.

"Reproduce" recomputes one with the stored settings and says whether the result is identical.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from clusterrank.analysis.projects import open_scenario
from clusterrank.analysis.saved import reproduce
from clusterrank.analysis.saved_sensitivity import reproduce as reproduce_smaa
from clusterrank.store.project_records import AnalysisInfo
from clusterrank.store.projects import get_project, list_analyses
from clusterrank.ui import project_session as ps
from clusterrank.ui.db import database
from clusterrank.ui.layout import safe_callback, settings_text
from clusterrank.ui.plain import plain

OUTCOME = "analyses__outcome"  # dict[analysis id, str]: what the last reproduction found


@safe_callback
def _reproduce(analysis_id: int) -> None:
    project_id = str(ps.open_id())
    with database().session() as s:
        project = get_project(s, project_id)
        found = {a.analysis_id: a for a in list_analyses(s, project_id)}[analysis_id]
    again = reproduce_smaa if found.kind == "sensitivity" else reproduce
    text = again(open_scenario(project), found.settings, found.result).text
    if found.settings.get("scenario_sha256") != project.scenario_sha256:
        text += " (The project's scenario changed since it was saved.)"
    st.session_state.setdefault(OUTCOME, {})[analysis_id] = text


def _smaa_text(smaa: dict[str, Any]) -> str:
    bounds = smaa.get("bounds") or []
    fixed = f", bounds on {len(bounds)} criteria" if bounds else ""
    return (
        f"{int(smaa['n_samples']):,} samples, seed {smaa['seed']}, weights drawn "
        f"{smaa['sampling']}{fixed}, data ± {smaa.get('data_uncertainty_pct', 0)}%"
    )


def _row(a: AnalysisInfo) -> None:
    with st.container(border=True):
        st.markdown(f"**{plain(a.name)}** · {a.kind}")
        stored = a.settings
        mode = stored.get("weight_mode", "sliders")
        smaa = stored.get("smaa")
        run = f" · SMAA-2: {_smaa_text(smaa)}" if isinstance(smaa, dict) else ""
        st.caption(
            plain(
                f"saved {a.created_at:%Y-%m-%d %H:%M} UTC · method {stored.get('method')} · "
                f"settings: {settings_text(stored.get('settings', {})) or 'defaults'} · "
                f"weights: {mode}{run}"
            )
        )
        st.button(
            "Reproduce",
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
    st.subheader("Saved analyses of the open project")
    if not analyses:
        st.caption(
            "None yet: save a ranking on the Ranking page, or an SMAA run on the Sensitivity page."
        )
    for a in analyses:
        _row(a)
