"""The weight-sweep section of the Sensitivity page: pick a criterion, see the ranks move.

The criterion first shown is the one whose weight changes the winner first (from the
stability intervals); the chart draws the candidates of :class:`ui.widgets.sensitivity_focus.Focus`
and, one click away, the same numbers as tables (its text alternative).
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from clusterrank.analysis.sensitivity import SensitivityInputs
from clusterrank.i18n import _, pgettext
from clusterrank.methods.sensitivity import SweepResult
from clusterrank.reports.sensitivity_view import first_change
from clusterrank.ui.layout import notes_box, settings_text
from clusterrank.ui.plain import plain
from clusterrank.ui.tables import localized
from clusterrank.ui.widgets import sensitivity_runs as runs
from clusterrank.ui.widgets import sensitivity_sweep_chart as sweep_chart
from clusterrank.ui.widgets.chart_theme import themed
from clusterrank.ui.widgets.sensitivity_columns import name_column, name_rows
from clusterrank.ui.widgets.sensitivity_focus import Focus

KEY = "sens__sweep_criterion"


def _criterion(inp: SensitivityInputs, titles: Mapping[str, str], top_k: int) -> str:
    criteria = list(inp.matrix.criteria)
    found = first_change(runs.stability(inp, top_k))
    runs.seed(KEY, found.criterion if found else criteria[0])
    if st.session_state[KEY] not in criteria:
        st.session_state[KEY] = criteria[0]
    picked = st.selectbox(
        _("Criterion whose weight moves"),
        criteria,
        key=KEY,
        format_func=lambda c: titles.get(c, c),
    )
    runs.remember(KEY)
    return str(picked)


def render(inp: SensitivityInputs, titles: Mapping[str, str], focus: Focus, top_k: int) -> None:
    """The sweep of one criterion's weight: chart, notes, tables and settings."""
    criterion = _criterion(inp, titles, top_k)
    result = runs.sweep(inp, criterion)
    frames = sweep_chart.sweep_frames(result, criterion, focus.labels, focus.shown)
    current = result.get(criterion).current
    title = titles.get(criterion, criterion)
    chart = sweep_chart.sweep_chart(
        frames, current, title, len(result.candidates), result.higher_is_better
    )
    st.altair_chart(
        themed(chart),
        width="stretch",
        alt=_("Rank of each candidate against the weight of {criterion}").format(criterion=title),
    )
    for note in frames.notes:
        st.caption(plain(note))
    with st.expander(_("Weight sweep as a table")):
        _tables(result.higher_is_better, frames, result, criterion, focus)
    with st.expander(_("Technical settings"), expanded=False):
        st.caption(_("Settings: {settings}").format(settings=settings_text(result.settings)))
    notes_box(result.notes, _("Sweep notes"))


def _tables(
    higher_is_better: bool,
    frames: sweep_chart.SweepFrames,
    result: SweepResult,
    criterion: str,
    focus: Focus,
) -> None:
    """The sweep's numbers: each shown candidate's ranks, then every crossing."""
    better = _("higher is better") if higher_is_better else _("lower is better")
    table = sweep_chart.candidate_table(result, criterion, focus.labels, focus.shown)
    st.dataframe(
        localized(table, {"score now": 4}),
        hide_index=True,
        row_height=name_rows(table["candidate"]),
        column_config={
            "candidate": name_column(),
            "rank now": st.column_config.NumberColumn(_("rank now")),
            "best rank": st.column_config.NumberColumn(_("best rank")),
            "worst rank": st.column_config.NumberColumn(_("worst rank")),
            "score now": st.column_config.NumberColumn(_("score now"), help=better),
        },
        key="sens__sweep_table",
    )
    crossings = frames.crossings.rename(columns={"drawn": "drawn (both shown)"})
    st.markdown(
        _("**Crossings** ({count}): where two candidates' scores cross").format(
            count=len(crossings)
        )
    )
    st.dataframe(
        localized(crossings, {"weight": 1}, percent=["weight"]),
        hide_index=True,
        column_config={
            "weight": st.column_config.NumberColumn(pgettext("column", "weight")),
            "crossing": st.column_config.TextColumn(_("crossing"), width=360),
            "drawn (both shown)": st.column_config.CheckboxColumn(_("drawn (both shown)")),
        },
        key="sens__sweep_crossings",
    )
