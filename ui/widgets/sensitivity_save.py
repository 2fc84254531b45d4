"""Save the finished SMAA run in the open project: its settings, seed, weights and result.

Stored with :mod:`analysis.saved_sensitivity` (kind ``sensitivity``): the method and its
settings, the weights in use, samples, seed, sampling mode, concentration, bounds, data
uncertainty, and the rank-acceptability table. A read-only example is copied first, as when
saving weights. "Saved" is said only after the transaction committed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from clusterrank.analysis.saved_sensitivity import result_record, smaa_settings
from clusterrank.analysis.sensitivity import SensitivityInputs
from clusterrank.i18n import _
from clusterrank.methods.sensitivity import SMAAResult
from clusterrank.store.projects import get_project, save_analysis
from clusterrank.ui import project_session as ps
from clusterrank.ui import state
from clusterrank.ui.db import database
from clusterrank.ui.layout import safe_callback
from clusterrank.ui.plain import plain

NAME = "senssave__name"
DONE = "senssave__done"  # str: the confirmation of the last committed save


@safe_callback
def _save(
    method: str, settings: Mapping[str, Any], params: Mapping[str, Any], result: SMAAResult
) -> None:
    project_id = ps.writable_project()
    with database().session() as s:
        sha = get_project(s, project_id).scenario_sha256
    stored = smaa_settings(method, settings, ps.current_payload(), params, sha)
    stored["weight_mode"] = str(st.session_state.get(state.WEIGHT_MODE, "sliders"))
    name = str(st.session_state.get(NAME) or "").strip() or _("SMAA-2 by {method}").format(
        method=method
    )
    with database().session() as s:
        save_analysis(
            s,
            project_id,
            kind="sensitivity",
            name=name,
            settings=stored,
            result=result_record(result),
        )
    st.session_state[DONE] = _("Saved the SMAA run {name!r} in the project (see Projects).").format(
        name=name
    )


def render(inp: SensitivityInputs, params: Mapping[str, Any], result: SMAAResult) -> None:
    """The name box and the save button for a finished run (only with an open project)."""
    with st.container(border=True):
        st.markdown(_("**Save this run in the open project**"))
        if ps.open_id() is None:
            st.caption(_("Open or import a project on the Projects page to save SMAA runs."))
            return
        st.text_input(_("Name (default: SMAA-2 by the method)"), key=NAME)
        st.button(
            _("Save this run"),
            key="senssave__save",
            on_click=_save,
            args=(inp.method, dict(inp.settings), dict(params), result),
            help=_(
                "Stores the samples, seed, sampling, bounds, method, weights and the rank "
                "acceptabilities, to reproduce later"
            ),
        )
        done = st.session_state.pop(DONE, "")
        if done:
            st.success(plain(done))
