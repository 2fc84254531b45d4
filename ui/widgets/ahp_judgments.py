"""AHP pairwise judgments per block on Saaty's scale, with λmax, CR and suggested fixes.

One slider per pair reads as a sentence ("Infrastructure is moderately more important than
Strategy"). Under each block the consistency is shown live: λmax, CI and CR with the random
index table named; above CR 0.10 a warning lists the three judgments that most raise the
inconsistency, each with the value that would fix it and a button to apply it.

References
----------
Saaty, T. L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill (fundamental scale, Table
1.1; consistency ratio and the 0.10 threshold).
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from clusterrank.analysis.ahp_report import AHPBlock
from clusterrank.analysis.weights import WeightReport
from clusterrank.i18n import N_, _, formats
from clusterrank.methods.ahp import JudgmentFix
from clusterrank.ui import ahp_state
from clusterrank.ui.layout import safe_callback
from clusterrank.ui.plain import plain
from clusterrank.ui.speaking import in_language
from clusterrank.ui.state import seed_widget
from clusterrank.ui.widgets.saaty import (
    position_to_value,
    scale_text,
    sentence,
    short_label,
    value_to_position,
)

RI_TABLES = {"saaty": N_("Saaty (1980)"), "alonso_lamata": N_("Alonso and Lamata (2006)")}
"""The random-index tables by setting value, as their authors' names (marked only)."""
OPTIONS = tuple(range(8, -9, -1))
"""Slider stops from "left item extremely more important" (8) to "right item ..." (-8)."""


def judgment_key(block_id: str, a: str, b: str) -> str:
    """The widget key of the slider for ``a`` against ``b`` in block ``block_id``."""
    return f"ahp__{block_id}__{a}__{b}"


def _tick(left: str, right: str, position: object) -> str:
    """A slider stop's label (Streamlit renders select-slider options as Markdown)."""
    return plain(short_label(int(str(position)), left, right))


@safe_callback
def _moved(block_id: str, a: str, b: str) -> None:
    position = int(st.session_state[judgment_key(block_id, a, b)])
    ahp_state.set_value(block_id, a, b, position_to_value(position))


@safe_callback
def _apply_fix(block_id: str, a: str, b: str, value: float) -> None:
    ahp_state.set_value(block_id, a, b, value)
    st.session_state[judgment_key(block_id, a, b)] = value_to_position(value)


@safe_callback
def _copy(widget_key: str, canonical_key: str) -> None:
    st.session_state[canonical_key] = st.session_state[widget_key]


def settings_pickers() -> None:
    """Derivation of priorities and the random-index table (both echoed in every result)."""
    left, right = st.columns(2)
    pickers = (
        (
            left,
            N_("Priorities derived by"),
            ahp_state.DERIVATION,
            ("eigenvector", "geometric_mean"),
            N_("Saaty's principal eigenvector, or the row geometric mean"),
        ),
        (
            right,
            N_("Random index table"),
            ahp_state.RANDOM_INDEX,
            ("saaty", "alonso_lamata"),
            N_("CR = CI / RI; the RI table changes CR a little for larger matrices"),
        ),
    )
    for column, label, canonical, options, help_text in pickers:
        widget = f"{canonical}__pick"
        seed_widget(widget, st.session_state[canonical])
        column.selectbox(
            _(label),
            options,
            key=widget,
            help=_(help_text),
            on_change=_copy,
            args=(widget, canonical),
        )


def render(block: ahp_state.Block, report: WeightReport) -> None:
    """Draw one judgment block.

    Its consistency first (λmax, CR, warning and fixes), then a slider per pair.
    """
    titles = dict(block.items)
    st.markdown(f"#### {plain(block.title)}")
    analysed = report.ahp.get(block.id)
    if analysed is not None:
        consistency(block, analysed)
    for a, b in block.pairs:
        key = judgment_key(block.id, a, b)
        current = ahp_state.value(block.id, a, b)
        seed_widget(key, value_to_position(current))
        st.select_slider(
            f"{plain(titles[a])}  ⟷  {plain(titles[b])}",
            options=OPTIONS,
            format_func=in_language(partial(_tick, titles[a], titles[b])),
            key=key,
            on_change=_moved,
            args=(block.id, a, b),
            help=_(
                "Slide towards the more important of the two; the middle is 'equal'. {scale}"
            ).format(scale=scale_text()),
        )
        st.caption(plain(sentence(titles[a], titles[b], current)))


def consistency(block: ahp_state.Block, analysed: AHPBlock) -> None:
    """λmax, CR and, above the threshold, a warning with the three most helpful fixes."""
    r = analysed.result
    cols = st.columns(3)
    cr, threshold = formats.number(r.cr, 3), formats.number(r.threshold, 2)
    cols[0].metric(
        _("λmax"),
        formats.number(r.lambda_max, 4),
        help=_("n = {n}; a consistent matrix has λmax = n").format(n=r.n),
    )
    cols[1].metric(_("CI"), formats.number(r.ci, 4), help=_("(λmax − n) / (n − 1)"))
    cols[2].metric(
        _("CR"),
        cr,
        help=_("CI / RI with RI = {ri} from the {table} table").format(
            ri=formats.number(r.random_index_value, 2),
            table=_(RI_TABLES[r.random_index_table])
            if r.random_index_table in RI_TABLES
            else r.random_index_table,
        ),
    )
    st.caption(analysed.consistency_line())
    if r.acceptable:
        st.success(
            _("Consistent enough: CR {cr} ≤ {threshold}.").format(cr=cr, threshold=threshold),
            icon=":material/check:",
        )
        return
    st.warning(
        _(
            "**Inconsistent judgments: CR {cr} is above {threshold}.** The weights below "
            "follow these judgments, but they contradict one another; revise the ones listed "
            "here first."
        ).format(cr=cr, threshold=threshold),
        icon=":material/warning:",
    )
    titles = dict(block.items)
    for k, fix in enumerate(analysed.fixes):
        _fix_row(block.id, k, fix, titles)


def _fix_row(block_id: str, k: int, fix: JudgmentFix, titles: dict[str, str]) -> None:
    a, b = fix.row, fix.column
    left, right = st.columns([5, 1], vertical_alignment="center")
    # The fix may be stated as (column, row); express it for the stored pair order.
    pair = (a, b) if (a, b) in ahp_state_pairs(block_id) else (b, a)
    suggested = fix.suggested if pair == (a, b) else 1.0 / fix.suggested
    left.markdown(
        _(
            "{number}. You said: *{said}*. The other judgments imply about {implied}. "
            "Suggested: **{suggested}** (CR {before} → {after})."
        ).format(
            number=k + 1,
            said=plain(sentence(titles[a], titles[b], fix.current)),
            implied=formats.number(fix.consistent_value, 2),
            suggested=plain(sentence(titles[a], titles[b], fix.suggested)),
            before=formats.number(fix.cr_before, 3),
            after=formats.number(fix.cr_after, 3),
        )
    )
    right.button(
        _("Apply"),
        key=f"ahp_fix__{block_id}__{k}",
        on_click=_apply_fix,
        args=(block_id, pair[0], pair[1], suggested),
    )


def ahp_state_pairs(block_id: str) -> set[tuple[str, str]]:
    """The pairs (``a``, ``b``) with a stored judgment in block ``block_id``."""
    stored: dict[str, float] = st.session_state[ahp_state.VALUES][block_id]
    return {tuple(k.split("|", 1)) for k in stored}  # type: ignore[misc]
