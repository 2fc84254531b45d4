"""Download the scenario YAML with the weights in use written into it."""

from __future__ import annotations

import streamlit as st

from clusterrank.reports.weights_yaml import scenario_text_with_weights
from clusterrank.ui import ahp_state, state


def scenario_download(*, key: str) -> None:
    """A download button for ``<scenario id>_weights.yaml`` (the weights in use, saved).

    The file is written only when the button is clicked, so moving a slider never pays for it.
    """
    current = state.require()
    report = state.weights()
    judged = ahp_state.judgment_blocks(current.scenario) if report.ahp else None

    def build() -> bytes:  # runs only when clicked, off the script thread: no st calls
        return scenario_text_with_weights(current.text, report, current.source, judged).encode()

    st.download_button(
        "Scenario with these weights (YAML)",
        data=build,
        file_name=f"{current.scenario.id}_weights.yaml",
        mime="application/x-yaml",
        key=key,
        on_click="ignore",
        icon=":material/description:",
        help="The scenario file as loaded, with its weights section replaced by these weights",
    )
