"""Download the scenario YAML with the weights in use written into it."""

from __future__ import annotations

import streamlit as st

from clusterrank.i18n import _, language, use_language
from clusterrank.reports.weights_yaml import scenario_text_with_weights
from clusterrank.ui import ahp_state, state


def scenario_download(*, key: str) -> None:
    """A download button for ``<scenario id>_weights.yaml`` (the weights in use, saved).

    The file is written only when the button is clicked, so moving a slider never pays for it.
    """
    current = state.require()
    report = state.weights()
    judged = ahp_state.judgment_blocks(current.scenario) if report.ahp else None
    lang = language()  # the session's, read here: the download runs off the script thread

    def build() -> bytes:  # runs only when clicked, off the script thread: no st calls
        with use_language(lang):
            text = scenario_text_with_weights(current.text, report, current.source, judged)
        return text.encode()

    st.download_button(
        _("Scenario with these weights (YAML)"),
        data=build,
        file_name=f"{current.scenario.id}_weights.yaml",
        mime="application/x-yaml",
        key=key,
        on_click="ignore",
        icon=":material/description:",
        help=_("The scenario file as loaded, with its weights section replaced by these weights"),
    )
