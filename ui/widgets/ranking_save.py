"""Save the ranking in use in the open project: method, settings, weights and result.

A read-only example is copied first, as when saving weights.

"Saved" is said only after the transaction committed.
"""

from __future__ import annotations

import streamlit as st

from clusterrank.analysis.saved import compute, ranking_settings, result_record
from clusterrank.i18n import _
from clusterrank.store.projects import get_project, save_analysis
from clusterrank.ui import project_session as ps
from clusterrank.ui import state
from clusterrank.ui.db import database
from clusterrank.ui.layout import safe_callback
from clusterrank.ui.plain import plain

NAME = "rankingsave__name"
DONE = "rankingsave__done"  # str: the confirmation of the last committed save


@safe_callback
def _save() -> None:
    method = str(st.session_state.get(state.METHOD))
    project_id = ps.writable_project()
    with database().session() as s:
        sha = get_project(s, project_id).scenario_sha256
    stored = ranking_settings(method, state.method_settings(method), ps.current_payload(), sha)
    stored["weight_mode"] = str(st.session_state.get(state.WEIGHT_MODE, "sliders"))
    result = result_record(compute(state.scenario(), stored))
    name = str(st.session_state.get(NAME) or "").strip() or _("Ranking by {method}").format(
        method=method
    )
    with database().session() as s:
        save_analysis(s, project_id, kind="ranking", name=name, settings=stored, result=result)
    st.session_state[DONE] = _("Saved the ranking '{name}' in the project (see Projects).").format(
        name=name
    )


def render() -> None:
    """The name box and the save button (only with an open project)."""
    with st.container(border=True):
        st.markdown(_("**Save this ranking in the open project**"))
        if ps.open_id() is None:
            st.caption(_("Open or import a project on the Projects page to save rankings."))
            return
        st.text_input(_("Name (default: Ranking by the method)"), key=NAME)
        st.button(
            _("Save this ranking"),
            key="rankingsave__save",
            on_click=_save,
            help=_(
                "Stores the method, its settings, the weights and the result, to reproduce later"
            ),
        )
        done = st.session_state.pop(DONE, "")
        if done:
            st.success(plain(done))
