"""Weight sliders per group and per criterion, kept normalised as the user drags, with locks.

Each block of sliders (the groups; the criteria of one group) always sums to 100 %. Moving a
slider calls :func:`ui.widgets.weight_logic.rebalance` in its ``on_change`` callback, which
moves the unlocked siblings before the page is drawn again, so the user never sees a block
that does not add up. Labels carry the unit and direction; help text cites the source.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from clusterrank.analysis.weights import WeightReport
from clusterrank.criteria.models.criteria_set import Criterion, Group
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.i18n import N_, _, formats, ngettext, pgettext
from clusterrank.ui import state
from clusterrank.ui.layout import safe_callback
from clusterrank.ui.plain import plain
from clusterrank.ui.widgets.weight_logic import rebalance

ARROWS = {"benefit": N_("↑ benefit"), "cost": N_("↓ cost")}
"""A direction with its arrow (marked only: show it through :func:`arrow`)."""


def arrow(direction: str) -> str:
    """``↑ benefit`` or ``↓ cost`` in the current language (an unknown direction as it is)."""
    return _(ARROWS[direction]) if direction in ARROWS else direction


def group_key(group_id: str) -> str:
    """The widget key of group ``group_id``'s slider."""
    return f"w_group__{group_id}"


def local_key(group_id: str, criterion_id: str) -> str:
    """The widget key of the slider of ``criterion_id`` within group ``group_id``."""
    return f"w_local__{group_id}__{criterion_id}"


def lock_key(slider_key: str) -> str:
    """The widget key of the lock beside slider ``slider_key``."""
    return f"lock__{slider_key}"


def criterion_label(c: Criterion) -> str:
    """``Title [unit] · ↑ benefit``: what is measured, in what, and which way is better."""
    unit = f" [{c.unit}]" if c.unit else ""
    return f"{c.title or c.id}{unit} · {arrow(c.direction)}"


def criterion_help(c: Criterion) -> str:
    """A criterion's tooltip: its description and its source (or that none is given)."""
    source = _("Source: {source}").format(source=c.source) if c.source else _("Source: not given")
    parts = [c.description or "", source]
    return "\n\n".join(p for p in parts if p)


@safe_callback
def _moved_group(group_id: str) -> None:
    values = st.session_state[state.GROUP_PCT]
    locked = {g for g in values if st.session_state.get(lock_key(group_key(g)))}
    out = rebalance(values, group_id, st.session_state[group_key(group_id)], locked)
    st.session_state[state.GROUP_PCT] = out
    for g, v in out.items():
        st.session_state[group_key(g)] = v


@safe_callback
def _moved_local(group_id: str, criterion_id: str) -> None:
    block = st.session_state[state.LOCAL_PCT][group_id]
    locked = {c for c in block if st.session_state.get(lock_key(local_key(group_id, c)))}
    new = st.session_state[local_key(group_id, criterion_id)]
    out = rebalance(block, criterion_id, new, locked)
    st.session_state[state.LOCAL_PCT][group_id] = out
    for c, v in out.items():
        st.session_state[local_key(group_id, c)] = v


def _slider_row(
    label: str,
    key: str,
    value: float,
    help_text: str,
    on_change: Callable[..., None],
    args: tuple[str, ...],
    caption: str,
) -> None:
    state.seed_widget(key, value)
    state.seed_widget(lock_key(key), False)
    st.slider(
        plain(label),
        min_value=0.0,
        max_value=100.0,
        step=0.5,
        format="%.1f%%",
        key=key,
        help=plain(help_text),
        on_change=on_change,
        args=args,
        disabled=bool(st.session_state[lock_key(key)]),
    )
    left, right = st.columns([3, 2], vertical_alignment="center")  # "Lock" fits at 1024 px
    left.caption(plain(caption))
    right.checkbox(
        pgettext("weights page", "Lock"),
        key=lock_key(key),
        help=_("A locked weight keeps its value"),
    )


def render(scenario: Scenario, report: WeightReport) -> None:
    """Group sliders, then each group's criterion sliders, with local and global weights."""
    groups_pct = st.session_state[state.GROUP_PCT]
    local_pct = st.session_state[state.LOCAL_PCT]
    st.markdown("#### " + _("Group weights"))
    st.caption(_("The groups always add up to 100 %. Lock a group to keep its weight fixed."))
    for g in scenario.criteria_set.groups:
        share = report.group_weights[report.group_ids.index(g.id)]
        _slider_row(
            g.title or g.id,
            group_key(g.id),
            groups_pct[g.id],
            g.description or "",
            _moved_group,
            (g.id,),
            ngettext(
                "{n} criterion · {share} of the total weight",
                "{n} criteria · {share} of the total weight",
                len(g.criteria),
            ).format(n=len(g.criteria), share=formats.percent(share, 1)),
        )
    st.markdown("#### " + _("Criterion weights inside each group"))
    for g in scenario.criteria_set.groups:
        _group_block(g, local_pct[g.id], report)


def _group_block(g: Group, block: dict[str, float], report: WeightReport) -> None:
    local_w, global_w = report.local_map(), report.as_map()
    with st.container(border=True):
        st.markdown(f"**{plain(g.title or g.id)}**")
        if len(g.criteria) == 1:
            c = g.criteria[0]
            glob = global_w[c.id]
            st.caption(
                plain(
                    _(
                        "{criterion} — the only criterion of its group: local 100 % · "
                        "global {weight}"
                    ).format(criterion=criterion_label(c), weight=formats.percent(glob, 1))
                ),
                help=plain(criterion_help(c)),
            )
            return
        for c in g.criteria:
            glob = global_w[c.id]
            local = local_w[c.id]
            _slider_row(
                criterion_label(c),
                local_key(g.id, c.id),
                block[c.id],
                criterion_help(c),
                _moved_local,
                (g.id, c.id),
                _("local {local} of {group} · global {weight}").format(
                    local=formats.percent(local, 1),
                    group=g.title or g.id,
                    weight=formats.percent(glob, 1),
                ),
            )
