"""Download the scenario YAML with the weights in use written into it."""

from __future__ import annotations

import streamlit as st

from ui import state


def scenario_download(*, key: str) -> None:
    """A download button for ``<scenario id>_weights.yaml`` (the weights in use, saved)."""
    try:  # TEMPORARY until analysis.edit lands
        from analysis.edit import scenario_with_weights, scenario_yaml
    except ModuleNotFoundError:
        st.caption("Scenario YAML download: waiting for analysis.edit")
        return
    scenario = state.scenario()
    text = scenario_yaml(scenario_with_weights(scenario, state.weights()))
    st.download_button(
        "Download the scenario YAML with these weights",
        data=text.encode("utf-8"),
        file_name=f"{scenario.id}_weights.yaml",
        mime="application/x-yaml",
        key=key,
        on_click="ignore",
        help="The scenario file as loaded, with its weights section replaced by these weights",
    )
