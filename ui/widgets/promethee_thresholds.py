"""PROMETHEE II's thresholds on the page: indifference q and preference p, in criterion units.

Three choices: the default (q = 0, p = each criterion's range, as :mod:`methods.pymcdm_checks`
sets and notes them), one value for every criterion, or one per criterion. Empty boxes mean the
default. The values go into the session's method settings (:func:`ui.state.method_settings`),
which the ranking reads and echoes in its settings line. The usual preference function uses no
threshold, so then the boxes are not shown.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from clusterrank.i18n import N_, _
from clusterrank.ui import state
from clusterrank.ui.plain import plain
from clusterrank.ui.speaking import in_language

MODES = {
    "default": N_("default (q = 0, p = each criterion's range)"),
    "all": N_("one value for every criterion"),
    "each": N_("per criterion"),
}
USES = {"p": ("vshape", "level", "vshape_2"), "q": ("ushape", "level", "vshape_2")}
HELP = {
    "q": N_("Indifference threshold q: a difference up to q counts as no preference at all"),
    "p": N_("Preference threshold p: a difference of p or more counts as a full preference"),
}


def _mode_of(stored: dict[str, Any]) -> str:
    values = [stored.get("p"), stored.get("q")]
    if any(isinstance(v, list | tuple) for v in values):
        return "each"
    return "all" if any(v is not None for v in values) else "default"


def _box(label: str, key: str, value: Any, help_text: str) -> float | None:
    """A number box that may be empty (``None``: the default)."""
    state.seed_widget(key, value)
    got = st.number_input(
        label, value=None, min_value=0.0, key=key, help=help_text, placeholder=_("default")
    )
    return None if got is None else float(got)


def _one_for_all(method: str, stored: dict[str, Any], used: list[str]) -> dict[str, Any]:
    cols = st.columns(len(used))
    out: dict[str, Any] = {}
    for col, name in zip(cols, used, strict=True):
        old = stored.get(name)
        with col:
            out[name] = _box(
                _("{threshold} for every criterion").format(threshold=name),
                f"setting__{method}__{name}",
                old if isinstance(old, int | float) else None,
                _("{help}; in each criterion's own unit. Empty: the default.").format(
                    help=_(HELP[name])
                ),
            )
    return out


def _per_criterion(method: str, stored: dict[str, Any], used: list[str]) -> dict[str, Any]:
    matrix = state.matrix()
    n = len(matrix.criteria)
    got: dict[str, list[float | None]] = {name: [] for name in used}
    for j, title in enumerate(matrix.criterion_titles):
        unit = f" ({matrix.units[j]})" if matrix.units[j] else ""
        label_col, *cols = st.columns([3] + [1] * len(used))
        label_col.markdown(f"{j + 1}\\. {plain(title)}{plain(unit)}")  # not a list item
        for col, name in zip(cols, used, strict=True):
            old = stored.get(name)
            value = old[j] if isinstance(old, list | tuple) and len(old) == n else None
            with col:
                key = f"setting__{method}__{name}__{j}"
                got[name].append(_box(name, key, value, _(HELP[name])))
    out: dict[str, Any] = {}
    for name, values in got.items():
        out[name] = _complete(name, values)
    return out


def _complete(name: str, values: list[float | None]) -> list[float] | None:
    """Per-criterion values as a list; ``None`` when all are empty.

    An empty q is 0 (its default); an empty p among given ones cannot take the default, so p
    stays the default until every criterion has one (said on the page).
    """
    if all(v is None for v in values):
        return None
    if name == "q":
        return [0.0 if v is None else v for v in values]
    if any(v is None for v in values):
        st.warning(
            _(
                "Give p for every criterion, or for none (then p is each criterion's range). "
                "Until every box has a value, the default p is used."
            ),
            icon=":material/edit_note:",
        )
        return None
    return [float(v) for v in values if v is not None]


def render(method: str) -> None:
    """The threshold choice and boxes for ``method`` (PROMETHEE II), stored in its settings."""
    stored = state.method_settings(method)
    function = str(stored.get("preference_function", "usual"))
    used = [name for name in ("q", "p") if function in USES[name]]
    if not used:
        st.caption(
            _(
                "The usual preference function counts any difference in full, so it uses no "
                "thresholds; pick another preference function to set q and p."
            )
        )
        return
    key = f"setting__{method}__thresholds"
    state.seed_widget(key, _mode_of(stored))
    mode = st.radio(
        _("Thresholds q and p") if len(used) == 2 else _("Threshold {name}").format(name=used[0]),
        list(MODES),
        key=key,
        horizontal=True,
        format_func=in_language(lambda mode: _(MODES[mode])),
        help=_("In each criterion's own unit; the default is noted under the ranking"),
    )
    chosen: dict[str, Any] = {}
    if mode == "all":
        chosen = _one_for_all(method, stored, used)
    elif mode == "each":
        chosen = _per_criterion(method, stored, used)
    for name in ("p", "q"):
        value = chosen.get(name)
        if value is None:
            stored.pop(name, None)
        else:
            stored[name] = value
