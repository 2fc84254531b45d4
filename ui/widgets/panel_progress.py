"""Live progress of the current round: who answered what, each expert's CR, who submitted.

Drawn in an ``st.fragment`` that reruns on its own every :data:`REFRESH` seconds, reading the
database afresh each time (nothing cached), so the facilitator's projector shows the experts
arriving without anyone pressing anything. Four narrow columns, so it fits 1024 px.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from clusterrank.i18n import _, formats, pgettext
from clusterrank.panel.service import round_answer_sets, state
from clusterrank.panel.status import status
from clusterrank.store import FacilitatorAccess
from clusterrank.ui.db import database
from clusterrank.ui.panel_words import round_state, yes_no
from clusterrank.ui.plain import plain

REFRESH = 3.0
"""Seconds between refreshes of the progress table."""
COLUMNS = ("expert", "answered", "CR", "submitted")
"""The progress table's columns (ids; :func:`headings` gives what the reader sees)."""


def headings() -> dict[str, str]:
    """The progress table's column headings in the current language."""
    return {
        "expert": pgettext("column", "expert"),
        "answered": pgettext("column", "answered"),
        "CR": "CR",
        "submitted": pgettext("column", "submitted"),
    }


def progress_frame(payload: dict[str, Any]) -> pd.DataFrame:
    """One row per expert: name, answered (of asked), CR per node, submitted."""
    rows = []
    for e in payload["experts"]:
        crs = []
        for node, entry in e["nodes"].items():
            cr = entry.get("cr")
            mark = "" if entry.get("acceptable", True) else " ⚠"
            crs.append(f"{node} {formats.number(cr, 3)}{mark}" if cr is not None else f"{node} —")
        who = _("{name} ({id})").format(name=e["name"], id=e["id"])
        rows.append(
            {
                "expert": _("{expert} · revoked").format(expert=who) if e["revoked"] else who,
                "answered": _("{done} of {asked}").format(
                    done=e["answered_this_round"], asked=e["asked_this_round"]
                ),
                "CR": ", ".join(crs) or "—",
                "submitted": yes_no(bool(e["submitted"])),
            }
        )
    return pd.DataFrame(rows, columns=list(COLUMNS))


@st.fragment(run_every=REFRESH)
def live(access: FacilitatorAccess) -> None:
    """The progress table, refreshed on its own."""
    db = database()
    st_ = state(db, access)
    payload = status(st_, round_answer_sets(db, access, st_.info.current_round))
    frame = progress_frame(payload)
    done = sum(1 for e in payload["experts"] if e["submitted"])
    st.markdown(
        _(
            "**Round {round}** ({state}) · {done} of {n} experts submitted · "
            "CR above {threshold} marked ⚠"
        ).format(
            round=payload["round"],
            state=round_state(bool(payload["round_open"])),
            done=done,
            n=len(frame),
            threshold=formats.number(float(payload["settings"]["cr_threshold"]), 2),
        )
    )
    shown = frame.rename(columns=headings()).set_index(headings()["expert"])
    st.table(shown)  # static HTML: wraps at 1024 px, never scrolls
    revise = [
        (e["name"], node, fix)
        for e in payload["experts"]
        for node, entry in e["nodes"].items()
        for fix in entry.get("revise", [])[:1]
    ]
    if revise:
        with st.expander(_("Judgments to discuss ({n})").format(n=len(revise))):
            for name, node, fix in revise:
                line = _("{expert} at {node}: {fix}").format(expert=name, node=node, fix=fix)
                st.caption(plain(line))
