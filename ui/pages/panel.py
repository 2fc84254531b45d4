"""Panel page: the facilitator's room for an expert panel.

Without a panel open it offers to open one (id and facilitator key, or the address
``/panel?panel=ID&key=KEY``, whose key is then removed from the address bar) and to create one
on the scenario in use. With a panel open, one section at a time (so only the chosen one is
computed): the experts' links, live progress, results, rounds, and apply / export.

A facilitator sees everything of their panel (every answer, every expert's CR, the results)
but never an expert's token after it was shown once, and nothing of other panels.
"""

from __future__ import annotations

import streamlit as st

from clusterrank.i18n import N_, _, ngettext
from clusterrank.panel.service import state as panel_state
from clusterrank.ui import panel_access
from clusterrank.ui.db import database
from clusterrank.ui.layout import guarded
from clusterrank.ui.panel_words import panel_status
from clusterrank.ui.plain import plain
from clusterrank.ui.widgets import (
    panel_create,
    panel_links,
    panel_progress,
    panel_results,
    panel_rounds,
)

SECTIONS = {
    "links": N_("Experts and links"),
    "progress": N_("Progress"),
    "results": N_("Results"),
    "rounds": N_("Rounds"),
    "apply": N_("Apply and export"),
}


def body() -> None:
    """The page (see the module docstring)."""
    st.title(_("Expert panel"))
    access = panel_access.access()
    if access is None:
        st.caption(
            _(
                "Run an expert panel: experts answer on their own personal link; you watch the "
                "progress here, compute the results and apply them to the scenario."
            )
        )
        panel_create.open_form()
        panel_create.create_form()
        return
    st_ = panel_state(database(), access)
    head, leave = st.columns([5, 1], vertical_alignment="center")
    experts = ngettext("{n} expert", "{n} experts", len(st_.experts)).format(n=len(st_.experts))
    head.markdown(
        _("**{title}** · panel {panel} · {status} · round {round} · {experts}").format(
            title=plain(st_.info.title),
            panel=plain(st_.info.panel_id),
            status=panel_status(st_.info.status),
            round=st_.info.current_round,
            experts=experts,
        )
    )
    if leave.button(_("Close panel view"), key="panel_leave"):
        panel_access.leave()
        st.rerun()
    section = st.segmented_control(
        _("Section"),
        list(SECTIONS),
        format_func=lambda k: _(SECTIONS[k]),
        default="links",
        key="panel_section",
        label_visibility="collapsed",
    )
    if section == "links":
        panel_links.render(st_, access)
    elif section == "progress":
        panel_progress.live(access)
    elif section == "results":
        panel_results.controls(access)
        payload = panel_access.last_result(access.panel_id)
        if payload is not None:
            panel_results.render(payload)
    elif section == "rounds":
        panel_rounds.rounds(st_, access)
    elif section == "apply":
        panel_rounds.apply(st_, access)
        panel_rounds.export(st_, access)


if __name__ == "__main__":
    guarded(body)
