"""Live progress of the current round: who answered what, each expert's CR, who submitted.

Drawn in an ``st.fragment`` that reruns on its own every :data:`REFRESH` seconds, reading the
database afresh each time (nothing cached), so the facilitator's projector shows the experts
arriving without anyone pressing anything. Four narrow columns, so it fits 1024 px.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from clusterrank.panel.service import round_answer_sets, state
from clusterrank.panel.status import status
from clusterrank.store import FacilitatorAccess
from clusterrank.ui.db import database
from clusterrank.ui.plain import plain

REFRESH = 3.0
"""Seconds between refreshes of the progress table."""


def progress_frame(payload: dict[str, Any]) -> pd.DataFrame:
    """One row per expert: name, answered (of asked), CR per node, submitted."""
    rows = []
    for e in payload["experts"]:
        crs = []
        for node, entry in e["nodes"].items():
            cr = entry.get("cr")
            mark = "" if entry.get("acceptable", True) else " ⚠"
            crs.append(f"{node} {cr:.3f}{mark}" if cr is not None else f"{node} —")
        rows.append(
            {
                "expert": f"{e['name']} ({e['id']})" + (" · revoked" if e["revoked"] else ""),
                "answered": f"{e['answered_this_round']} of {e['asked_this_round']}",
                "CR": ", ".join(crs) or "—",
                "submitted": "yes" if e["submitted"] else "no",
            }
        )
    return pd.DataFrame(rows, columns=["expert", "answered", "CR", "submitted"])


@st.fragment(run_every=REFRESH)
def live(access: FacilitatorAccess) -> None:
    """The progress table, refreshed on its own."""
    db = database()
    st_ = state(db, access)
    payload = status(st_, round_answer_sets(db, access, st_.info.current_round))
    frame = progress_frame(payload)
    done = sum(1 for e in payload["experts"] if e["submitted"])
    state_word = "open" if payload["round_open"] else "closed"
    st.markdown(
        f"**Round {payload['round']}** ({state_word}) · {done} of {len(frame)} experts "
        f"submitted · CR above {payload['settings']['cr_threshold']:.2f} marked ⚠"
    )
    st.table(frame.set_index("expert"))  # static HTML: wraps at 1024 px, never scrolls
    revise = [
        (e["name"], node, fix)
        for e in payload["experts"]
        for node, entry in e["nodes"].items()
        for fix in entry.get("revise", [])[:1]
    ]
    if revise:
        with st.expander(f"Judgments to discuss ({len(revise)})"):
            for name, node, fix in revise:
                st.caption(plain(f"{name} at {node}: {fix}"))
