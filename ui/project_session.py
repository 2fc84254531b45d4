"""The open project: kept in the URL (``?project=ID``) so a reload or a bookmark returns to it.

Opening a project makes its scenario the one in use (:func:`ui.state.use`). Weight sets are
saved as the slider percentages of the weights in use (whichever editor made them) with the
editor's name and its inputs (AHP judgments and settings, the objective method), so any saved
set can be ranked again or put back in the editor that made it.
A shipped example opens read-only: saving into it first makes an editable copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from clusterrank.analysis.projects import open_scenario
from clusterrank.analysis.saved import weights_from_payload
from clusterrank.analysis.weights import WeightReport
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.errors import ClusterRankError, NotFound
from clusterrank.i18n import _
from clusterrank.panel.snapshot import snapshot_scenario
from clusterrank.store.project_records import ProjectInfo, WeightSetInfo
from clusterrank.store.projects import (
    create_project,
    duplicate_project,
    find_example,
    get_project,
    list_weight_sets,
    save_weight_set,
)
from clusterrank.ui import ahp_state, state
from clusterrank.ui.db import database
from clusterrank.ui.loaders import Loaded
from clusterrank.ui.plain import plain

PARAM = "project"
OPEN = "open_project"  # str | None: the id of the project whose scenario is in use
NOTICE = "project_notice"  # str: what the last project action did, shown once


def open_id() -> str | None:
    """The id of the open project, if one is open."""
    value = st.session_state.get(OPEN)
    return str(value) if value else None


def open_project(project_id: str) -> ProjectInfo:
    """Open a project: its scenario in use, its id in the URL."""
    with database().session() as s:
        project = get_project(s, project_id)
    scenario = open_scenario(project)
    if project.read_only:
        source = _("project: {name} (read-only example)").format(name=project.name)
    else:
        source = _("project: {name}").format(name=project.name)
    state.use(Loaded(scenario, decision_matrix(scenario), source, project.scenario_yaml))
    st.session_state[OPEN] = project.project_id
    st.query_params[PARAM] = project.project_id
    return project


def close_project() -> None:
    """Forget the open project (the scenario stays in use, unsaved)."""
    st.session_state[OPEN] = None
    st.query_params.pop(PARAM, None)


def follow_url() -> None:
    """Open the project the URL names, once per change of the URL (call on every run)."""
    wanted = st.query_params.get(PARAM)
    if not wanted and open_id():  # switching pages drops the query: put the project back
        st.query_params[PARAM] = str(open_id())
        return
    if not wanted or wanted == open_id():
        return
    try:
        open_project(wanted)
    except NotFound as exc:
        st.query_params.pop(PARAM, None)
        st.warning(plain(str(exc)))
    except ClusterRankError as exc:
        st.query_params.pop(PARAM, None)
        st.warning(plain(_("the project could not be opened: {error}").format(error=exc)))


def open_example(path: Path) -> ProjectInfo:
    """Open a shipped example as a read-only project (made on first use)."""
    with database().session() as s:
        found = find_example(s, path.name)
    if found is None:
        text, _notes = snapshot_scenario(path)
        with database().session() as s:
            found = create_project(s, name=path.name, scenario_yaml=text, read_only=True)
    return open_project(found.project_id)


def current_payload() -> dict[str, Any]:
    """The weights in use as a weight set's payload: slider percentages, plus what made them.

    AHP adds the editor's judgments and settings (``"ahp"``), objective its method
    (``"objective"``), so "Use this weight set" reopens the same editor with the same inputs.
    """
    groups, local = state.slider_percent(state.weights())
    mode = str(st.session_state.get(state.WEIGHT_MODE, "sliders"))
    extra: dict[str, Any] = {}
    if mode == "objective":
        extra = {"objective": st.session_state.get(state.OBJECTIVE)}
    elif mode == "ahp":
        extra = {"ahp": ahp_state.snapshot()}
    return {"groups": groups, "local": local, **extra}


def payload_weights(payload: Any) -> WeightReport:
    """The weights a saved payload gives on the scenario in use."""
    return weights_from_payload(state.scenario(), payload)


def use_weight_set(name: str) -> tuple[WeightSetInfo, str]:
    """Put saved weight set ``name`` back in the editor that made it; returns it and that mode.

    AHP judgments go back in the AHP editor, an objective method is selected again; sets
    saved with percentages only (sliders, or before the editor's inputs were kept) go on the
    sliders. Call in a callback, before the editors are drawn.
    """
    found = {w.name: w for w in weight_sets()}.get(name)
    if found is None:
        msg = _("the open project has no weight set called {name}: pick one from the list").format(
            name=repr(name)
        )
        raise ClusterRankError(msg)
    payload = found.payload
    st.session_state[state.GROUP_PCT] = dict(payload["groups"])
    st.session_state[state.LOCAL_PCT] = {g: dict(b) for g, b in payload["local"].items()}
    mode = "sliders"
    if found.mode == "ahp" and ahp_state.restore(state.scenario(), payload.get("ahp")):
        mode = "ahp"
    elif found.mode == "objective" and payload.get("objective"):
        st.session_state[state.OBJECTIVE] = str(payload["objective"])
        mode = "objective"
    st.session_state[state.WEIGHT_MODE] = mode
    state.forget_widgets(state.WIDGET_PREFIXES)
    return found, mode


def writable_project() -> str:
    """The open project's id, copying a read-only example first (and opening the copy)."""
    project_id = open_id()
    if project_id is None:
        msg = _("open or import a project on the Projects page first, then save weights into it")
        raise ClusterRankError(msg)
    with database().session() as s:
        project = get_project(s, project_id)
        if not project.read_only:
            return project_id
        copy = duplicate_project(s, project_id)
    st.session_state[OPEN] = copy.project_id
    st.query_params[PARAM] = copy.project_id
    st.session_state[NOTICE] = _("{name} is a read-only example: saved in a copy").format(
        name=repr(project.name)
    )
    return copy.project_id


def save_weights(name: str, *, overwrite: bool = False) -> WeightSetInfo:
    """Save the weights in use as a named weight set of the open project (committed)."""
    payload = current_payload()
    mode = str(st.session_state.get(state.WEIGHT_MODE, "sliders"))
    project_id = writable_project()
    with database().session() as s:
        return save_weight_set(
            s, project_id, name=name, mode=mode, payload=payload, overwrite=overwrite
        )


def weight_sets() -> tuple[WeightSetInfo, ...]:
    """The open project's weight sets (none without an open project)."""
    project_id = open_id()
    if project_id is None:
        return ()
    with database().session() as s:
        return list_weight_sets(s, project_id)
