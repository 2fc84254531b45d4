"""Download the scenario YAML with the weights in use written into it."""

from __future__ import annotations

import streamlit as st

from analysis.weights_yaml import scenario_text_with_weights
from ui import ahp_state, state


def scenario_download(*, key: str) -> None:
    """A download button for ``<scenario id>_weights.yaml`` (the weights in use, saved)."""
    current = state.require()
    report = state.weights()
    judged = ahp_state.judgment_blocks(current.scenario) if report.ahp else None
    text = state.memo(
        "weights_yaml",
        state.weights_key() + tuple(sorted(report.settings.items())),
        lambda: scenario_text_with_weights(current.text, report, current.source, judged),
    )
    st.download_button(
        "Download the scenario YAML with these weights",
        data=text.encode("utf-8"),
        file_name=f"{current.scenario.id}_weights.yaml",
        mime="application/x-yaml",
        key=key,
        on_click="ignore",
        help="The scenario file as loaded, with its weights section replaced by these weights",
    )
