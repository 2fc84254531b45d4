"""Create a panel from the scenario in use, or open one with its id and facilitator key.

What is asked: the pairwise nodes (the groups, the criteria inside chosen groups) and the
scores on the expert-scored criteria. A panel created while a project is open belongs to it
(listed on the Projects page). The experts are pasted or uploaded as CSV
``id,name[,group,weight]`` and checked all at once before anything is stored
(:func:`panel.experts_file.experts_from_text`).
"""

from __future__ import annotations

import streamlit as st

from clusterrank.criteria.files import decode_text
from clusterrank.errors import ClusterRankError
from clusterrank.i18n import _
from clusterrank.panel.experts_file import experts_from_text
from clusterrank.panel.questionnaire import all_nodes, scored_criteria
from clusterrank.panel.service import create_from, default_settings
from clusterrank.panel.snapshot import snapshot_of
from clusterrank.store.projects import link_panel
from clusterrank.ui import panel_access, project_session, state
from clusterrank.ui.db import database
from clusterrank.ui.layout import show_error
from clusterrank.ui.plain import plain

ACTOR = "facilitator (app)"
EXAMPLE = "id,name,group,weight\ne1,Anna Petrova,science,1\ne2,Boris Ivanov,business,1\n"


def open_form() -> None:
    """Open an existing panel with its id and facilitator key."""
    with st.form(key="panel_open"):
        st.markdown(_("**Open a panel you run**"))
        left, right = st.columns(2)
        linked = str(st.query_params.get("panel") or "")  # from the Projects page's link
        panel_id = left.text_input(_("Panel id"), value=linked, key="panel_open__id")
        key = right.text_input(_("Facilitator key"), type="password", key="panel_open__key")
        if not st.form_submit_button(_("Open")):
            return
        if not panel_access.open_panel(panel_id, key):
            st.error(plain(st.session_state.get(panel_access.DENIED_NOTE, "")))
            return
    st.rerun()  # drawn again with the panel open (else the form stays until the next click)


def create_form() -> None:
    """The form that creates a panel on the scenario in use."""
    loaded = state.require()
    scenario = loaded.scenario
    nodes = all_nodes(scenario)
    scored = scored_criteria(scenario)
    titles = {
        n.id: (_("Groups") if n.id == "groups" else _("Criteria in {group}").format(group=n.id))
        for n in nodes
    }
    for g in scenario.criteria_set.groups:
        if g.id in titles:
            titles[g.id] = _("Criteria in {group}").format(group=g.title or g.id)
    st.markdown(
        _("**New panel on** {scenario}").format(scenario=plain(scenario.title or scenario.id))
    )
    with st.form(key="panel_create"):
        title = st.text_input(
            _("Panel title"), value=scenario.title or scenario.id, key="pc__title"
        )
        chosen = st.multiselect(
            _("Pairwise judgments asked"),
            [n.id for n in nodes],
            default=[n.id for n in nodes],
            format_func=lambda n: titles[n],
            key="pc__nodes",
            help=_("The groups against each other, and the criteria inside the chosen groups"),
        )
        ask_scores = st.checkbox(
            _("Scores on the expert-scored criteria ({n})").format(n=len(scored)),
            value=bool(scored),
            disabled=not scored,
            key="pc__scores",
        )
        pasted = st.text_area(
            _("Experts (CSV: id,name[,group,weight])"),
            value=EXAMPLE,
            height=140,
            key="pc__experts",
        )
        upload = st.file_uploader(_("…or upload the experts CSV"), type=["csv"], key="pc__upload")
        illustrative = st.checkbox(
            _("Illustrative answers (a demonstration, not a real panel)"), key="pc__illustrative"
        )
        if st.form_submit_button(_("Create panel"), type="primary"):
            text = decode_text(upload.getvalue(), upload.name) if upload else pasted
            label = upload.name if upload else _("pasted experts")
            _create(title, chosen, ask_scores and bool(scored), text, label, illustrative)


def _create(
    title: str, nodes: list[str], scores: bool, text: str, label: str, illustrative: bool
) -> None:
    loaded = state.require()
    ask = (["judgments"] if nodes else []) + (["scores"] if scores else [])
    try:
        experts = experts_from_text(text, label)
        # the panel belongs to the open project (a read-only example is copied first)
        project_id = project_session.writable_project() if project_session.open_id() else None
        snapshot, scenario = snapshot_of(loaded.scenario)
        settings = default_settings(scenario, illustrative=illustrative or None)
        made = create_from(
            database(),
            snapshot,
            scenario,
            experts,
            ask=ask or None,
            nodes=nodes or None,
            title=title.strip() or None,
            settings=settings,
            actor=ACTOR,
        )
    except ClusterRankError as exc:
        show_error(exc)
        return
    panel_id = made.panel.panel_id
    if project_id is not None:
        with database().session() as s:
            link_panel(s, project_id, panel_id, actor=ACTOR)
    panel_access.remember_tokens(panel_id, made.panel.experts)
    panel_access.open_panel(panel_id, made.panel.facilitator_key)
    st.session_state["panel_new_key"] = (panel_id, made.panel.facilitator_key)
    st.rerun()
