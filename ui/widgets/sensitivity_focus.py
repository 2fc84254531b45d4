"""Which candidates the Sensitivity page's charts draw as series, and what the page caps.

A chart tells at most :data:`chart_theme.MAX_SERIES` series apart (a colour and a shape each).
With more candidates than that, every chart on the page draws the top :data:`TOP_SHOWN` of the
ranking in use and the candidates picked in "Also show", the others in grey or summarised;
the tables keep every candidate. :func:`render` draws the picker and says what is capped at
this size and why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from clusterrank.analysis.sensitivity import MAX_PAIRWISE_CANDIDATES, SensitivityInputs
from clusterrank.i18n import _, formats
from clusterrank.methods.sensitivity.sweep import ALL_PAIRS_UP_TO, LEADING_RANKS
from clusterrank.reports.sensitivity_view import shown_candidates, unique_labels
from clusterrank.ui import state
from clusterrank.ui.widgets import sensitivity_runs as runs
from clusterrank.ui.widgets.chart_theme import MAX_SERIES

TOP_SHOWN = 5
"""With more candidates than :data:`MAX_SERIES`, the charts draw this many of the best."""
KEY = "sens__also_show"


@dataclass(frozen=True)
class Focus:
    """The candidates in rank order, those drawn as series, and their display labels.

    Attributes
    ----------
    order
        Every candidate id, best first in the ranking in use.
    shown
        The ids the charts draw as series (at most :data:`MAX_SERIES`), best first.
    labels
        Id -> display name, unique (a shared name gets its id appended).
    ranks
        Id -> rank in the ranking in use.
    """

    order: tuple[str, ...]
    shown: tuple[str, ...]
    labels: Mapping[str, str]
    ranks: Mapping[str, int]

    @property
    def rest(self) -> int:
        """How many candidates the charts leave to grey context or a summary."""
        return len(self.order) - len(self.shown)


def ranking_order(inp: SensitivityInputs) -> tuple[list[str], dict[str, int]]:
    """Candidate ids best first, and their ranks, in the ranking the page analyses."""
    frame = state.ranking(inp.method).result.to_frame()
    ids = [str(i) for i in frame["id"]]
    return ids, dict(zip(ids, (int(r) for r in frame["rank"]), strict=True))


def render(inp: SensitivityInputs, names: Mapping[str, str]) -> Focus:
    """The "Also show" picker (with more than :data:`MAX_SERIES` candidates) and the caps."""
    order, ranks = ranking_order(inp)
    labels = unique_labels(order, names)
    m = len(order)
    if m <= MAX_SERIES:
        return Focus(tuple(order), tuple(order), labels, ranks)
    runs.seed(KEY, [])
    st.session_state[KEY] = [i for i in st.session_state[KEY] if i in ranks][
        : MAX_SERIES - TOP_SHOWN
    ]
    picked = st.multiselect(
        _("Also show in the charts"),
        order[TOP_SHOWN:],
        key=KEY,
        max_selections=MAX_SERIES - TOP_SHOWN,
        format_func=lambda i: f"{ranks[i]}. {labels[i]}",
        placeholder=_("Search a candidate by name"),
        help=_("Up to {count} candidates beside the top {top}").format(
            count=MAX_SERIES - TOP_SHOWN, top=TOP_SHOWN
        ),
    )
    runs.remember(KEY)
    shown = shown_candidates(order, picked, top=TOP_SHOWN, cap=MAX_SERIES)
    st.caption(caps_sentence(m, len(shown)))
    return Focus(tuple(order), tuple(shown), labels, ranks)


def caps_sentence(m: int, shown: int) -> str:
    """What the page draws and computes at ``m`` candidates, and why."""
    parts = [
        _(
            "The charts draw {shown} of the {count} candidates (the top {top} of the ranking "
            "in use and those added here): a chart tells at most {most} apart, each by its "
            "own colour and shape. The other {rest} are drawn in grey or summarised; every "
            "table holds all of them."
        ).format(
            shown=shown,
            count=formats.integer(m),
            top=TOP_SHOWN,
            most=MAX_SERIES,
            rest=formats.integer(m - shown),
        )
    ]
    if m > ALL_PAIRS_UP_TO:
        parts.append(
            _(
                "Beyond {limit} candidates the weight sweeps list crossings only among "
                "candidates reaching rank {rank} or better (their number grows with the "
                "square of the candidates)."
            ).format(limit=formats.integer(ALL_PAIRS_UP_TO), rank=LEADING_RANKS)
        )
    if m > MAX_PAIRWISE_CANDIDATES:
        parts.append(
            _(
                "Beyond {limit} candidates SMAA skips the pairwise winning indices (their cost "
                "grows with samples × candidates²)."
            ).format(limit=formats.integer(MAX_PAIRWISE_CANDIDATES))
        )
    return " ".join(parts)
