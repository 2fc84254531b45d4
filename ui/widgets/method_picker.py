"""The ranking-method picker and the method's settings (normalisation, thresholds, ...).

Choices come from :func:`methods.registry.available_methods` and each method's
:class:`methods.info.SettingInfo`; a setting with choices is a select box, a number is a number
input, and a setting whose default is "none" (e.g. PROMETHEE thresholds) is shown as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from clusterrank.methods.info import MethodInfo, SettingInfo
from clusterrank.ui import state
from clusterrank.ui.layout import safe_callback

PICK = "method__pick"


@safe_callback
def _picked() -> None:
    st.session_state[state.METHOD] = st.session_state[PICK]


@safe_callback
def _setting_changed(method: str, name: str, key: str) -> None:
    state.method_settings(method)[name] = st.session_state[key]


def method_picker(methods: Sequence[MethodInfo]) -> MethodInfo:
    """Select box of ranking methods plus the chosen method's settings; returns the method."""
    by_name = {m.name: m for m in methods}
    current = str(st.session_state.get(state.METHOD, "topsis"))
    if current not in by_name:
        current = next(iter(by_name))
        st.session_state[state.METHOD] = current
    state.seed_widget(PICK, current)
    info_col, settings_col = st.columns([2, 3])
    with info_col:
        st.selectbox(
            "Ranking method",
            list(by_name),
            key=PICK,
            format_func=lambda n: f"{by_name[n].title} ({n})",
            on_change=_picked,
            help="TOPSIS and the weighted sum are clusterrank's own; the rest come from pymcdm",
        )
    info = by_name[current]
    with settings_col:
        _settings(info)
    with st.expander(f"About {info.title}", expanded=False):
        st.markdown(info.description or info.title)
        st.caption(f"Reference: {info.reference}")
        orientation = "higher" if info.higher_is_better else "lower"
        st.caption(f"Scores: {orientation} is better; rank 1 is always the best candidate.")
    return info


def _settings(info: MethodInfo) -> None:
    if not info.settings:
        st.caption(f"{info.title} has no settings.")
        return
    cols = st.columns(len(info.settings))
    stored = state.method_settings(info.name)
    for col, (name, spec) in zip(cols, info.settings.items(), strict=True):
        key = f"setting__{info.name}__{name}"
        value = stored.get(name, spec.default)
        with col:
            _setting_widget(info.name, name, spec, key, value)


def _setting_widget(method: str, name: str, spec: SettingInfo, key: str, value: Any) -> None:
    label = name.replace("_", " ").capitalize()
    if spec.choices:
        state.seed_widget(key, value if value in spec.choices else spec.default)
        st.selectbox(
            label,
            list(spec.choices),
            key=key,
            help=spec.help or None,
            on_change=_setting_changed,
            args=(method, name, key),
        )
    elif isinstance(spec.default, bool):
        state.seed_widget(key, bool(value))
        st.checkbox(
            label,
            key=key,
            help=spec.help or None,
            on_change=_setting_changed,
            args=(method, name, key),
        )
    elif isinstance(spec.default, int | float):
        state.seed_widget(key, float(value))
        st.number_input(
            label,
            key=key,
            step=0.05,
            help=spec.help or None,
            on_change=_setting_changed,
            args=(method, name, key),
        )
    else:
        shown = "data range" if spec.default is None else repr(spec.default)
        st.text_input(
            label,
            value=f"default ({shown})",
            key=key,
            disabled=True,
            help=(spec.help or "") + " — set it in the scenario YAML",
        )
