"""Sensitivity page: how robust the ranking is to the weights, the method and the judgments.

Five analyses of the scenario, the weights and the ranking method in use: weight stability
intervals (which weight changes the result first), one-at-a-time weight sweeps, SMAA-2 rank
acceptability with central weights, method agreement, and AHP judgment uncertainty. Each is
computed by :mod:`analysis.sensitivity` through :mod:`ui.widgets.sensitivity_runs` (once per
change of its inputs), shown with the settings that produced it, and fails on its own: an
analysis that cannot run says why and the others still show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from clusterrank.analysis.sensitivity import SensitivityInputs
from clusterrank.i18n import N_, _, formats, ngettext, pgettext
from clusterrank.methods.sensitivity import AHPUncertaintyResult
from clusterrank.methods.settings_words import describe
from clusterrank.reports.sensitivity_view import (
    first_change,
    first_change_sentence,
    stability_table,
)
from clusterrank.ui import state
from clusterrank.ui.layout import guarded, notes_box, settings_text
from clusterrank.ui.plain import plain, plain_values
from clusterrank.ui.speaking import in_language
from clusterrank.ui.tables import localized
from clusterrank.ui.widgets import sensitivity_charts as charts
from clusterrank.ui.widgets import (
    sensitivity_download,
    sensitivity_focus,
    sensitivity_smaa,
    sensitivity_sweep,
    sensitivity_weight_charts,
)
from clusterrank.ui.widgets import sensitivity_runs as runs
from clusterrank.ui.widgets.chart_theme import themed
from clusterrank.ui.widgets.sensitivity_columns import WRAPPED_ROW, name_column, name_rows

PINNED = st.column_config.Column(pinned=True)
# marked only (N_): shown as _(LEVEL_TITLES[level]); no string statement here, a page shows it
LEVEL_TITLES = {"winner": N_("the winner"), "ranking": N_("the whole ranking")}
AHP_DRAWS = (500, 1_000, 2_000, 5_000)
CHANGES_ROW = 86  # px: four lines, for what changes past a bound


class Names:
    """Display names of candidates, criteria and groups, by id."""

    def __init__(self, inp: SensitivityInputs) -> None:
        dm = inp.matrix
        self.candidates = dict(zip(dm.candidates, dm.candidate_names, strict=True))
        self.criteria = dict(zip(dm.criteria, dm.criterion_titles, strict=True))
        groups = inp.scenario.criteria_set.groups
        self.groups = {g.id: g.title or g.id for g in groups}


def _section(title: str, draw: Callable[[], None]) -> None:
    """A subheader and its analysis; an error there is shown there, the page goes on."""
    st.subheader(title)
    guarded(draw)


def _technical(line: str) -> None:
    """Every setting behind an analysis, one click away (plain words stay in the open)."""
    with st.expander(_("Technical settings"), expanded=False):
        st.caption(line)


def _level_title(level: str) -> str:
    """A stability level as the radio button offers it (``top 3``: the top 3, as a set)."""
    if level in LEVEL_TITLES:
        return _(LEVEL_TITLES[level])
    k = level.removeprefix("top ")
    return _("the top {k} (as a set)").format(k=k) if k.isdigit() else level


def _stability(inp: SensitivityInputs, names: Names) -> None:
    m = len(inp.matrix.candidates)
    level_col, k_col = st.columns([3, 1])
    runs.seed("sens__top_k", min(3, max(2, m - 1)))
    top_k = k_col.number_input(
        _("k for the top-k level"),
        min_value=2,
        max_value=max(2, m - 1),
        step=1,
        key="sens__top_k",
        disabled=m <= 2,
    )
    runs.remember("sens__top_k")
    result = runs.stability(inp, _top_k(m, int(top_k)))
    levels = result.levels()
    runs.seed("sens__level", "winner")
    if st.session_state["sens__level"] not in levels:
        st.session_state["sens__level"] = "winner"
    level = level_col.radio(
        _("What must hold"),
        levels,
        key="sens__level",
        horizontal=True,
        format_func=in_language(_level_title),
    )
    runs.remember("sens__level")
    found = first_change(result, level)
    st.info(
        first_change_sentence(
            found, level, plain_values(names.criteria), plain_values(names.candidates)
        ),
        icon=":material/crisis_alert:",
    )
    table = stability_table(result, level, names.criteria, names.candidates).round(3)
    _stability_tables(table)
    st.caption(
        _(
            "Each criterion's weight moves alone, the others keeping their proportions; the "
            "tables list the closest change first."
        )
    )
    _technical(_("Settings: {settings}").format(settings=result.settings_text()))
    notes_box(result.notes, _("Stability notes"))


def _stability_tables(table: pd.DataFrame) -> None:
    """The intervals, then what changes past each bound: two narrow tables, not one wide one."""
    criterion = st.column_config.TextColumn(pgettext("column", "criterion"), pinned=True, width=200)
    shares = ["weight", "holds from", "holds to"]
    st.markdown(_("**Where each weight holds**"))
    st.dataframe(
        localized(table, dict.fromkeys(shares, 1), percent=shares),
        hide_index=True,
        column_order=["criterion", "weight", "holds from", "holds to", "move to a change"],
        column_config={
            "criterion": criterion,
            "weight": st.column_config.NumberColumn(_("weight now")),
            "holds from": st.column_config.NumberColumn(_("holds from")),
            "holds to": st.column_config.NumberColumn(_("holds to")),
            "move to a change": st.column_config.TextColumn(
                _("move to a change"),
                help=_("How far the weight must move before the result changes"),
            ),
        },
        row_height=WRAPPED_ROW,
        key="sens__stability_table",
    )
    st.markdown(_("**What changes past each bound**"))
    st.dataframe(
        table,
        hide_index=True,
        column_order=["criterion", "below", "above"],
        column_config={
            "criterion": criterion,
            "below": st.column_config.TextColumn(
                _("below 'holds from'"), width=170, help=_("What changes below the interval")
            ),
            "above": st.column_config.TextColumn(
                _("above 'holds to'"), width=170, help=_("What changes above the interval")
            ),
        },
        row_height=CHANGES_ROW,
        key="sens__stability_changes",
    )


def _top_k(m: int, asked: int) -> int:
    """The k analysed.

    The one asked, or 1 (no top-k level) when two candidates leave no proper leading group.
    """
    return asked if m > 2 else 1


def _agreement(inp: SensitivityInputs, names: Names) -> None:
    result = runs.agreement(inp)
    frame = result.to_frame()
    frame.insert(1, "candidate", [names.candidates.get(i, i) for i in frame["id"]])
    frame = frame.rename(columns={"copeland_score": "Copeland", "mean_rank": "mean rank"})
    st.markdown(_("**Ranks by each method** and the Copeland consensus (best first)"))
    st.dataframe(
        localized(frame.drop(columns="id"), {"mean rank": 2}),
        hide_index=True,
        column_config={
            "candidate": name_column(label=pgettext("column", "candidate")),
            "mean rank": st.column_config.NumberColumn(_("mean rank")),
            "Copeland": st.column_config.NumberColumn(
                _("Copeland"),
                help=_("Wins minus losses in head-to-head majority votes of the methods"),
            ),
        },
        row_height=name_rows(frame["candidate"]),
        key="sens__agreement_table",
    )
    labels = {
        "spearman": _("Spearman's ρ"),
        "ws": _("WS coefficient (row = reference ranking)"),
    }
    st.caption(
        _(
            "Copeland consensus: a candidate gains a point for every other candidate that more "
            "methods rank below it than above it, and loses one for each the other way round; "
            "most points first. "
            "WS coefficient: how alike two rankings are (1 = the same), a disagreement near the "
            "top of the reference ranking costing more than one lower down."
        )
    )
    for name, table in result.correlations.items():
        label = labels.get(name, name)
        st.altair_chart(
            themed(
                charts.correlation_heatmap(
                    table, name, _("{coefficient} between the methods").format(coefficient=label)
                )
            ),
            width="content",
            alt=_("{coefficient} between the methods' rankings").format(coefficient=label),
        )
    with st.expander(_("Rank correlations as a table")):
        for name, table in result.correlations.items():
            st.markdown(f"**{labels.get(name, name)}**")
            st.dataframe(
                localized(table, dict.fromkeys(table.columns, 3)),
                column_config={"_index": st.column_config.Column(pinned=True)},
            )
    _disputed(result.disagreement_frame(), names)
    for method, reason in result.skipped:
        st.warning(_("**{method}** skipped: {reason}").format(method=method, reason=plain(reason)))
    described = "; ".join(
        f"{_(label)}: {settings_text(s)}"
        for label, s in result.settings.items()
        if isinstance(s, Mapping)
    )
    _technical(
        _(
            "Settings: {methods}; correlations={correlations}; consensus={consensus}; "
            "the weights in use"
        ).format(
            methods=described,
            correlations=", ".join(result.settings["correlations"]),
            consensus=result.settings["consensus"],
        )
    )
    notes_box([n for n in result.notes if "skipped" not in n], _("Agreement notes"))


def _disputed(spread: pd.DataFrame, names: Names) -> None:
    """The candidate the methods disagree on most, or that they all agree."""
    differ = spread[spread["range"] > 0]
    if not len(differ):
        st.markdown(_("Every method ranks the candidates the same way."))
        return
    top = differ.iloc[0]
    st.markdown(
        _(
            "Most disputed: **{candidate}**, ranked from {best} to {worst} by the different "
            "methods."
        ).format(
            candidate=plain(names.candidates.get(top["id"], top["id"])),
            best=int(top["best_rank"]),
            worst=int(top["worst_rank"]),
        )
    )


def _ahp_metrics(result: AHPUncertaintyResult) -> None:
    """The chances that the ranking and the winner change, and the draws kept."""
    a, b, c = st.columns(3)
    if result.p_ranking_changes is not None:
        se = formats.percent(result.p_ranking_changes_se or 0.0, 1)
        a.metric(
            _("P(ranking changes)"),
            formats.percent(result.p_ranking_changes, 1),
            help=_("± {error}").format(error=se),
        )
    if result.p_winner_changes is not None:
        se = formats.percent(result.p_winner_changes_se or 0.0, 1)
        b.metric(
            _("P(winner changes)"),
            formats.percent(result.p_winner_changes, 1),
            help=_("± {error}").format(error=se),
        )
    c.metric(
        _("Draws kept of {draws}").format(draws=formats.integer(result.draws)),
        formats.integer(result.accepted),
        help=_("Perturbed judgment sets whose consistency ratio is acceptable"),
    )


def _ahp(inp: SensitivityInputs, names: Names) -> None:
    if len(inp.scenario.criteria_set.groups) < 2:
        st.info(_("One group only: there are no judgments between groups to perturb."))
        return
    steps_col, draws_col = st.columns(2)
    runs.seed("sens__ahp_steps", 1.0)
    steps = steps_col.number_input(
        _("Each judgment moves up to ± Saaty steps"),
        min_value=0.5,
        max_value=4.0,
        step=0.5,
        key="sens__ahp_steps",
        help=_("One step moves 3 to 2 or 4, and 1/3 to 1/2 or 1/4"),
    )
    runs.seed("sens__ahp_draws", 2_000)
    draws = draws_col.select_slider(
        _("Perturbed judgment sets"),
        AHP_DRAWS,
        key="sens__ahp_draws",
        format_func=in_language(formats.integer),
    )
    runs.remember("sens__ahp_steps")
    runs.remember("sens__ahp_draws")
    seed = int(st.session_state.get("sens__seed", 0))
    result = runs.ahp(inp, steps=float(steps), n_draws=int(draws), seed=seed)
    _ahp_metrics(result)
    frame = sensitivity_weight_charts.ahp_frame(result, names.groups)
    st.altair_chart(
        themed(sensitivity_weight_charts.ahp_chart(frame)),
        width="stretch",
        alt=_("Interval of each group weight under perturbed judgments"),
    )
    numbers = list(frame.columns[1:])
    st.dataframe(
        localized(frame, dict.fromkeys(numbers, 1), percent=numbers),
        hide_index=True,
        column_config={
            "group": st.column_config.TextColumn(pgettext("column", "group")),
            **sensitivity_weight_charts.ahp_headings(numbers),
        },
    )
    shares = pd.Series(dict(result.winner_share)).sort_values(ascending=False)
    wins = ", ".join(
        f"{names.candidates.get(str(i), str(i))} {formats.percent(p, 1)}"
        for i, p in shares.items()
        if p > 0
    )
    if wins:
        st.markdown(_("Winner across the kept draws: {shares}").format(shares=plain(wins)))
    _technical(_("Settings: {settings}").format(settings=settings_text(result.settings)))
    notes_box(result.notes, _("AHP notes"))


def body() -> None:
    """Draw the Sensitivity page, one section per analysis (at least two candidates needed)."""
    current = state.require()
    scenario = current.scenario
    st.title(_("Sensitivity"))
    inp = runs.inputs()
    if len(inp.matrix.candidates) < 2:
        st.info(
            _(
                "Sensitivity needs at least two candidates: with one, the ranking cannot change "
                "whatever the weights. Add candidates to the scenario to analyse it."
            ),
            icon=":material/info:",
        )
        return
    names = Names(inp)
    count = len(current.matrix.candidates)
    st.caption(
        " · ".join(
            (
                plain(scenario.title or scenario.id),
                ngettext("{n} candidate", "{n} candidates", count).format(n=formats.integer(count)),
                plain(describe(inp.method, inp.settings)),
                _("weights: {settings}").format(settings=settings_text(inp.weights.settings)),
            )
        )
    )
    focus = sensitivity_focus.render(inp, names.candidates)
    m = len(inp.matrix.candidates)
    _section(_("Which weight changes the result first"), lambda: _stability(inp, names))
    asked = int(st.session_state.get("sens__top_k", min(3, max(2, m - 1))))
    _section(
        _("Weight sweeps"),
        lambda: sensitivity_sweep.render(inp, names.criteria, focus, _top_k(m, asked)),
    )
    _section(
        _("SMAA-2: how often each candidate takes each rank"),
        lambda: sensitivity_smaa.render(inp, focus, names.criteria),
    )
    _section(_("Method agreement"), lambda: _agreement(inp, names))
    _section(_("AHP judgment uncertainty"), lambda: _ahp(inp, names))
    guarded(lambda: sensitivity_download.render(inp))  # CSV / Excel of the results above


if __name__ == "__main__":
    guarded(body)
