"""The experts' personal links: shown once with a copy button, as CSV, revoke and reissue.

A token is readable only when it is issued (the database keeps its hash), so the links are
shown in the session that created or reissued them; afterwards "Reissue" gives an expert a
new link and the old one stops working. The CSV goes through the one cell-neutralising
writer (:func:`reports.cells.csv_bytes`).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from clusterrank.errors import ClusterRankError
from clusterrank.i18n import _, pgettext
from clusterrank.panel.actions import reissue, revoke
from clusterrank.panel.service import PanelState
from clusterrank.reports.cells import csv_bytes
from clusterrank.store import FacilitatorAccess
from clusterrank.ui import panel_access
from clusterrank.ui.db import database
from clusterrank.ui.layout import show_error
from clusterrank.ui.plain import plain

NEW_KEY = "panel_new_key"  # (panel id, facilitator key): shown once after creating


def render(st_: PanelState, access: FacilitatorAccess) -> None:
    """The facilitator key (once), every expert's link, the CSV, revoke and reissue."""
    panel_id = st_.info.panel_id
    new = st.session_state.get(NEW_KEY)
    if new and new[0] == panel_id:
        st.warning(
            _(
                "Your **facilitator key**, shown only now: keep it to open this panel again "
                "(Panel page, or /panel?panel=ID&key=KEY). Never send it to an expert."
            ),
            icon=":material/key:",
        )
        st.code(_("panel {panel}  key {key}").format(panel=panel_id, key=new[1]), language=None)
    issued = panel_access.tokens(panel_id)
    rows = []
    for e in st_.experts:
        with st.container(border=True):
            head, act = st.columns([3, 2], vertical_alignment="center")
            status = (
                pgettext("expert link", "revoked")
                if e.revoked
                else pgettext("expert link", "active")
            )
            head.markdown(f"**{plain(e.name)}** · {plain(e.ref)} · {status}")
            token = issued.get(e.ref)
            if token is not None and not e.revoked:
                url = panel_access.expert_link(panel_id, token.token)
                st.code(url, language=None, wrap_lines=True)
                rows.append({"id": e.ref, "name": e.name, "link": url})
            elif not e.revoked:
                st.caption(_("Link issued earlier (not readable again): reissue to get a new one."))
            b1, b2 = act.columns(2)
            if b1.button(_("Reissue"), key=f"pl_reissue__{e.ref}"):
                _reissue(access, e.ref)
            if not e.revoked and b2.button(_("Revoke"), key=f"pl_revoke__{e.ref}"):
                _revoke(access, e.ref)
    if rows:
        st.download_button(
            _("Download the links (CSV)"),
            csv_bytes(pd.DataFrame(rows)),
            file_name=f"panel_{panel_id}_links.csv",
            mime="text/csv",
            key="pl_csv",
        )


def _reissue(access: FacilitatorAccess, ref: str) -> None:
    try:
        token = reissue(database(), access, ref)
    except ClusterRankError as exc:
        show_error(exc)
        return
    panel_access.remember_tokens(access.panel_id, [token])
    st.rerun()


def _revoke(access: FacilitatorAccess, ref: str) -> None:
    try:
        revoke(database(), access, ref)
    except ClusterRankError as exc:
        show_error(exc)
        return
    st.rerun()
