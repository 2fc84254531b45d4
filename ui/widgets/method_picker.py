"""The ranking-method picker, with method advice, and the method's settings.

Choices come from :func:`methods.registry.available_methods`, grouped and advised by
:mod:`methods.families` (recommended, compensatory, distance-based, outranking; one line on when
each suits). Settings come from each method's :class:`methods.info.SettingInfo`: a setting
with choices is a select box, a number is a number input, PROMETHEE II's thresholds have their
own widget (:mod:`ui.widgets.promethee_thresholds`), and any other setting whose default is
"none" (e.g. SPOTIS bounds) is shown as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from clusterrank.methods.families import FAMILIES, FAMILY_TITLES, advice, grouped
from clusterrank.methods.info import MethodInfo, SettingInfo
from clusterrank.ui import state
from clusterrank.ui.layout import safe_callback
from clusterrank.ui.plain import plain
from clusterrank.ui.widgets import promethee_thresholds

PICK = "method__pick"
PROMETHEE = "promethee_ii"
THRESHOLDS = ("p", "q")  # PROMETHEE II's thresholds: drawn by ui.widgets.promethee_thresholds


@safe_callback
def _picked() -> None:
    st.session_state[state.METHOD] = st.session_state[PICK]


@safe_callback
def _setting_changed(method: str, name: str, key: str) -> None:
    state.method_settings(method)[name] = st.session_state[key]


def _ordered(methods: Sequence[MethodInfo]) -> tuple[list[str], dict[str, str]]:
    """Method names in picker order (recommended first, then by family) and each one's group."""
    groups = grouped([m.name for m in methods])
    order = [name for names in groups.values() for name in names]
    return order, {name: key for key, names in groups.items() for name in names}


def method_picker(methods: Sequence[MethodInfo]) -> MethodInfo:
    """Select box of ranking methods, grouped, with one line on when the chosen one suits.

    Below it the chosen method's settings (PROMETHEE II's thresholds too), and the full advice
    (every method by family) and the method's reference a click away. Returns the method.
    """
    by_name = {m.name: m for m in methods}
    order, group = _ordered(methods)
    current = str(st.session_state.get(state.METHOD, "topsis"))
    if current not in by_name:
        current = order[0]
        st.session_state[state.METHOD] = current
    state.seed_widget(PICK, current)
    info_col, settings_col = st.columns([2, 3])
    with info_col:
        st.selectbox(
            "Ranking method",
            order,
            key=PICK,
            format_func=lambda n: f"{FAMILY_TITLES[group[n]]} · {by_name[n].title}",
            on_change=_picked,
            help="Grouped: recommended first, then compensatory, distance-based and "
            "outranking methods. TOPSIS, the weighted sum and AHP are clusterrank's own; the "
            "rest come from pymcdm",
        )
    info = by_name[current]
    found = advice(current)
    st.caption(
        f"**{plain(info.title)}** · {FAMILY_TITLES[found.family]}"
        + (" · recommended" if found.recommended else "")
        + f" — {plain(found.suits)}"
    )
    with settings_col:
        _settings(info)
    if info.name == PROMETHEE:
        promethee_thresholds.render(info.name)
    _about(info, by_name, group)
    return info


def _about(info: MethodInfo, by_name: dict[str, MethodInfo], group: dict[str, str]) -> None:
    with st.expander(f"About {info.title} · which method suits?", expanded=False):
        st.markdown(info.description or info.title)
        st.caption(f"Reference: {info.reference}")
        orientation = "higher" if info.higher_is_better else "lower"
        st.caption(f"Scores: {orientation} is better; rank 1 is always the best candidate.")
        for family in FAMILIES:
            names = [n for n in by_name if group[n] == family.key]
            if not names:
                continue
            st.markdown(f"**{family.title}**: {plain(family.meaning)}")
            st.markdown(
                "\n".join(
                    f"- **{plain(by_name[n].title)}**{_family_tag(n, family.key)}: "
                    f"{plain(advice(n).suits)}"
                    for n in names
                )
            )


def _family_tag(method: str, group: str) -> str:
    """`` · <family>`` for a recommended method (its group does not say it), else nothing."""
    family = advice(method).family
    return "" if family == group else f" · {FAMILY_TITLES[family]}"


def _settings(info: MethodInfo) -> None:
    shown = {
        name: spec
        for name, spec in info.settings.items()
        if not (info.name == PROMETHEE and name in THRESHOLDS)
    }
    if not shown:
        st.caption(f"{info.title} has no settings.")
        return
    cols = st.columns(len(shown))
    stored = state.method_settings(info.name)
    for col, (name, spec) in zip(cols, shown.items(), strict=True):
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
