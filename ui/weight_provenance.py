"""Where the weights in use came from, as the exports say it (the app's side of provenance).

The app knows two things :func:`analysis.provenance.weight_source` cannot see in the weights
themselves: which editor of the Weights page is selected (sliders, AHP, objective) and, after
an expert panel's result was applied, the panel's label. Both live in the session.
"""

from __future__ import annotations

import streamlit as st

from clusterrank.analysis.provenance import WeightSource, weight_source
from clusterrank.analysis.weights import WeightReport
from clusterrank.ui import state


def source_in_use(weights: WeightReport) -> WeightSource:
    """:func:`analysis.provenance.weight_source` of ``weights`` with the session's editor."""
    current = state.loaded()
    panel = current.weights_from if current is not None else None
    editor = str(st.session_state.get(state.WEIGHT_MODE, "sliders"))
    return weight_source(weights, panel=panel, editor=editor)
