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

from clusterrank.i18n import N_, _
from clusterrank.methods.families import FAMILIES, advice, family_title, grouped
from clusterrank.methods.info import MethodInfo, SettingInfo
from clusterrank.methods.settings_words import choice_words
from clusterrank.ui import state
from clusterrank.ui.layout import safe_callback
from clusterrank.ui.plain import plain
from clusterrank.ui.speaking import in_language
from clusterrank.ui.widgets import promethee_thresholds

PICK = "method__pick"
PROMETHEE = "promethee_ii"
THRESHOLDS = ("p", "q")  # PROMETHEE II's thresholds: drawn by ui.widgets.promethee_thresholds
SETTING_LABELS = {
    "normalization": N_("Normalization"),
    "preference_function": N_("Preference function"),
    "mode": N_("Mode"),
    "bounds": N_("Bounds"),
}
"""Setting name -> its box's label (a msgid); a one-letter name (VIKOR's v) is its own label."""


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
            _("Ranking method"),
            order,
            key=PICK,
            format_func=in_language(
                lambda n: f"{family_title(group[n])} · {by_name[n].title_text}"
            ),
            on_change=_picked,
            help=_(
                "Grouped: recommended first, then compensatory, distance-based and "
                "outranking methods. TOPSIS, the weighted sum and AHP are clusterrank's own; "
                "the rest come from pymcdm"
            ),
        )
    info = by_name[current]
    found = advice(current)
    line = (
        _("**{method}** · {family} · recommended — {suits}")
        if found.recommended
        else _("**{method}** · {family} — {suits}")
    )
    st.caption(
        line.format(
            method=plain(info.title_text),
            family=family_title(found.family),
            suits=plain(found.suits_text),
        )
    )
    with settings_col:
        _settings(info)
    if info.name == PROMETHEE:
        promethee_thresholds.render(info.name)
    _about(info, by_name, group)
    return info


def _about(info: MethodInfo, by_name: dict[str, MethodInfo], group: dict[str, str]) -> None:
    title = _("About {method} · which method suits?").format(method=info.title_text)
    with st.expander(title, expanded=False):
        st.markdown(info.description_text or info.title_text)
        st.caption(_("Reference: {reference}").format(reference=info.reference))
        st.caption(
            _("Scores: higher is better; rank 1 is always the best candidate.")
            if info.higher_is_better
            else _("Scores: lower is better; rank 1 is always the best candidate.")
        )
        for family in FAMILIES:
            names = [n for n in by_name if group[n] == family.key]
            if not names:
                continue
            st.markdown(
                _("**{family}**: {meaning}").format(
                    family=family.title_text, meaning=plain(family.meaning_text)
                )
            )
            st.markdown("\n".join(_advice_line(by_name[n], family.key) for n in names))


def _advice_line(info: MethodInfo, group: str) -> str:
    """One list item of the advice: the method, its family when recommended, when it suits."""
    found = advice(info.name)
    if found.family == group:
        line = _("- **{method}**: {suits}")
    else:
        line = _("- **{method}** · {family}: {suits}")
    return line.format(
        method=plain(info.title_text),
        family=family_title(found.family),
        suits=plain(found.suits_text),
    )


def _settings(info: MethodInfo) -> None:
    shown = {
        name: spec
        for name, spec in info.settings.items()
        if not (info.name == PROMETHEE and name in THRESHOLDS)
    }
    if not shown:
        st.caption(_("{method} has no settings.").format(method=info.title_text))
        return
    cols = st.columns(len(shown))
    stored = state.method_settings(info.name)
    for col, (name, spec) in zip(cols, shown.items(), strict=True):
        key = f"setting__{info.name}__{name}"
        value = stored.get(name, spec.default)
        with col:
            _setting_widget(info.name, name, spec, key, value)


def _setting_widget(method: str, name: str, spec: SettingInfo, key: str, value: Any) -> None:
    label = _(SETTING_LABELS[name]) if name in SETTING_LABELS else name.capitalize()
    if spec.choices:
        state.seed_widget(key, value if value in spec.choices else spec.default)
        st.selectbox(
            label,
            list(spec.choices),
            key=key,
            format_func=in_language(lambda choice: choice_words(name, choice)),
            help=spec.help_text or None,
            on_change=_setting_changed,
            args=(method, name, key),
        )
    elif isinstance(spec.default, bool):
        state.seed_widget(key, bool(value))
        st.checkbox(
            label,
            key=key,
            help=spec.help_text or None,
            on_change=_setting_changed,
            args=(method, name, key),
        )
    elif isinstance(spec.default, int | float):
        state.seed_widget(key, float(value))
        st.number_input(
            label,
            key=key,
            step=0.05,
            help=spec.help_text or None,
            on_change=_setting_changed,
            args=(method, name, key),
        )
    else:
        shown = _("data range") if spec.default is None else repr(spec.default)
        st.text_input(
            label,
            value=_("default ({value})").format(value=shown),
            key=key,
            disabled=True,
            help=_("{help} — set it in the scenario YAML").format(help=spec.help_text)
            if spec.help
            else _("Set it in the scenario YAML"),
        )
