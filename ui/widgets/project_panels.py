"""The open project's panels: title, status, round, created, and a link to the Panel page.

The link carries the panel id only: the facilitator still types the facilitator key, which is
shown once when the panel is created and never stored or shown here.
"""

from __future__ import annotations

import streamlit as st

from clusterrank.i18n import _
from clusterrank.store.projects import panels_of_project
from clusterrank.ui import project_session as ps
from clusterrank.ui.db import database
from clusterrank.ui.panel_words import panel_status
from clusterrank.ui.plain import plain

PANEL_PAGE = "ui/pages/panel.py"


def render() -> None:
    """The open project's panels (nothing without an open project)."""
    project_id = ps.open_id()
    if project_id is None:
        return
    with database().session() as s:
        panels = panels_of_project(s, project_id)
    st.subheader(_("Panels of the open project"))
    if not panels:
        st.caption(_("None yet: create a panel on the Panel page while this project is open."))
        return
    st.caption(
        _(
            "Opening a panel asks for its facilitator key, shown once when the panel was "
            "created: it is not stored here."
        )
    )
    for p in panels:
        with st.container(border=True):
            st.markdown(
                _("**{title}** · {status} · round {round} · created {created} UTC").format(
                    title=plain(p.title),
                    status=panel_status(p.status),
                    round=p.current_round,
                    created=f"{p.created_at:%Y-%m-%d %H:%M}",
                )
            )
            st.page_link(
                PANEL_PAGE,
                label=_("Open panel {panel} in the Panel page").format(panel=p.panel_id),
                icon=":material/groups:",
                query_params={"panel": p.panel_id},
            )
