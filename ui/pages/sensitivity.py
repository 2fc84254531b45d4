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
from clusterrank.methods.settings_words import describe
from clusterrank.reports.sensitivity_view import (
    first_change,
    first_change_sentence,
    stability_table,
)
from clusterrank.ui import state
from clusterrank.ui.layout import guarded, notes_box, settings_text
from clusterrank.ui.plain import plain, plain_values
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

PERCENT = st.column_config.NumberColumn(format="percent")
PINNED = st.column_config.Column(pinned=True)
LEVEL_TITLES = {"winner": "the winner", "ranking": "the whole ranking"}
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
    with st.expander("Technical settings", expanded=False):
        st.caption(line)


def _stability(inp: SensitivityInputs, names: Names) -> None:
    m = len(inp.matrix.candidates)
    level_col, k_col = st.columns([3, 1])
    runs.seed("sens__top_k", min(3, max(2, m - 1)))
    top_k = k_col.number_input(
        "k for the top-k level",
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
        "What must hold",
        levels,
        key="sens__level",
        horizontal=True,
        format_func=lambda lv: LEVEL_TITLES.get(lv, f"the {lv} (as a set)"),
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
        "Each criterion's weight moves alone, the others keeping their proportions; the tables "
        "list the closest change first."
    )
    _technical(f"Settings: {result.settings_text()}")
    notes_box(result.notes, "Stability notes")


def _stability_tables(table: pd.DataFrame) -> None:
    """The intervals, then what changes past each bound: two narrow tables, not one wide one."""
    criterion = st.column_config.TextColumn(pinned=True, width=200)
    st.markdown("**Where each weight holds**")
    st.dataframe(
        table,
        hide_index=True,
        column_order=["criterion", "weight", "holds from", "holds to", "move to a change"],
        column_config={
            "criterion": criterion,
            "weight": st.column_config.NumberColumn("weight now", format="percent"),
            "holds from": PERCENT,
            "holds to": PERCENT,
            "move to a change": st.column_config.TextColumn(
                "move to a change", help="How far the weight must move before the result changes"
            ),
        },
        row_height=WRAPPED_ROW,
        key="sens__stability_table",
    )
    st.markdown("**What changes past each bound**")
    st.dataframe(
        table,
        hide_index=True,
        column_order=["criterion", "below", "above"],
        column_config={
            "criterion": criterion,
            "below": st.column_config.TextColumn(
                "below 'holds from'", width=170, help="What changes below the interval"
            ),
            "above": st.column_config.TextColumn(
                "above 'holds to'", width=170, help="What changes above the interval"
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
    st.markdown("**Ranks by each method** and the Copeland consensus (best first)")
    st.dataframe(
        frame.drop(columns="id"),
        hide_index=True,
        column_config={
            "candidate": name_column(),
            "mean rank": st.column_config.NumberColumn(format="%.2f"),
            "Copeland": st.column_config.NumberColumn(
                help="Wins minus losses in head-to-head majority votes of the methods"
            ),
        },
        row_height=name_rows(frame["candidate"]),
        key="sens__agreement_table",
    )
    labels = {"spearman": "Spearman's ρ", "ws": "WS coefficient (row = reference ranking)"}
    st.caption(
        "Copeland consensus: a candidate gains a point for every other candidate that more "
        "methods rank below it than above it, and loses one for each the other way round; "
        "most points first. "
        "WS coefficient: how alike two rankings are (1 = the same), a disagreement near the "
        "top of the reference ranking costing more than one lower down."
    )
    for name, table in result.correlations.items():
        label = labels.get(name, name)
        st.altair_chart(
            themed(charts.correlation_heatmap(table, name, f"{label} between the methods")),
            width="content",
            alt=f"{label} between the methods' rankings",
        )
    with st.expander("Rank correlations as a table"):
        for name, table in result.correlations.items():
            st.markdown(f"**{labels.get(name, name)}**")
            st.dataframe(
                table.round(3), column_config={"_index": st.column_config.Column(pinned=True)}
            )
    spread = result.disagreement_frame()
    differ = spread[spread["range"] > 0]
    if len(differ):
        top = differ.iloc[0]
        st.markdown(
            f"Most disputed: **{plain(names.candidates.get(top['id'], top['id']))}**, ranked from "
            f"{int(top['best_rank'])} to {int(top['worst_rank'])} by the different methods."
        )
    else:
        st.markdown("Every method ranks the candidates the same way.")
    for method, reason in result.skipped:
        st.warning(f"**{method}** skipped: {plain(reason)}")
    described = "; ".join(
        f"{label}: {settings_text(s)}"
        for label, s in result.settings.items()
        if isinstance(s, Mapping)
    )
    _technical(
        f"Settings: {described}; correlations={', '.join(result.settings['correlations'])}; "
        f"consensus={result.settings['consensus']}; the weights in use"
    )
    notes_box([n for n in result.notes if "skipped" not in n], "Agreement notes")


def _ahp(inp: SensitivityInputs, names: Names) -> None:
    if len(inp.scenario.criteria_set.groups) < 2:
        st.info("One group only: there are no judgments between groups to perturb.")
        return
    steps_col, draws_col = st.columns(2)
    runs.seed("sens__ahp_steps", 1.0)
    steps = steps_col.number_input(
        "Each judgment moves up to ± Saaty steps",
        min_value=0.5,
        max_value=4.0,
        step=0.5,
        key="sens__ahp_steps",
        help="One step moves 3 to 2 or 4, and 1/3 to 1/2 or 1/4",
    )
    runs.seed("sens__ahp_draws", 2_000)
    draws = draws_col.select_slider(
        "Perturbed judgment sets", AHP_DRAWS, key="sens__ahp_draws", format_func="{:,}".format
    )
    runs.remember("sens__ahp_steps")
    runs.remember("sens__ahp_draws")
    seed = int(st.session_state.get("sens__seed", 0))
    result = runs.ahp(inp, steps=float(steps), n_draws=int(draws), seed=seed)
    a, b, c = st.columns(3)
    if result.p_ranking_changes is not None:
        se = result.p_ranking_changes_se or 0.0
        a.metric("P(ranking changes)", f"{result.p_ranking_changes:.1%}", help=f"± {se:.1%}")
    if result.p_winner_changes is not None:
        se = result.p_winner_changes_se or 0.0
        b.metric("P(winner changes)", f"{result.p_winner_changes:.1%}", help=f"± {se:.1%}")
    c.metric(
        f"Draws kept of {result.draws:,}",
        f"{result.accepted:,}",
        help="Perturbed judgment sets whose consistency ratio is acceptable",
    )
    frame = sensitivity_weight_charts.ahp_frame(result, names.groups)
    st.altair_chart(
        themed(sensitivity_weight_charts.ahp_chart(frame)),
        width="stretch",
        alt="Interval of each group weight under perturbed judgments",
    )
    numbers = frame.columns[1:]
    st.dataframe(
        frame.assign(**{c: frame[c].round(3) for c in numbers}),
        hide_index=True,
        column_config={c: PERCENT for c in numbers},
    )
    shares = pd.Series(dict(result.winner_share)).sort_values(ascending=False)
    wins = ", ".join(
        f"{names.candidates.get(str(i), str(i))} {p:.1%}" for i, p in shares.items() if p > 0
    )
    if wins:
        st.markdown(f"Winner across the kept draws: {plain(wins)}")
    _technical(f"Settings: {settings_text(result.settings)}")
    notes_box(result.notes, "AHP notes")


def body() -> None:
    """Draw the Sensitivity page, one section per analysis (at least two candidates needed)."""
    current = state.require()
    scenario = current.scenario
    st.title("Sensitivity")
    inp = runs.inputs()
    if len(inp.matrix.candidates) < 2:
        st.info(
            "Sensitivity needs at least two candidates: with one, the ranking cannot change "
            "whatever the weights. Add candidates to the scenario to analyse it.",
            icon=":material/info:",
        )
        return
    names = Names(inp)
    st.caption(
        f"{plain(scenario.title or scenario.id)} · {len(current.matrix.candidates)} candidates · "
        f"{plain(describe(inp.method, inp.settings))} · "
        f"weights: {settings_text(inp.weights.settings)}"
    )
    focus = sensitivity_focus.render(inp, names.candidates)
    m = len(inp.matrix.candidates)
    _section("Which weight changes the result first", lambda: _stability(inp, names))
    asked = int(st.session_state.get("sens__top_k", min(3, max(2, m - 1))))
    _section(
        "Weight sweeps",
        lambda: sensitivity_sweep.render(inp, names.criteria, focus, _top_k(m, asked)),
    )
    _section(
        "SMAA-2: how often each candidate takes each rank",
        lambda: sensitivity_smaa.render(inp, focus, names.criteria),
    )
    _section("Method agreement", lambda: _agreement(inp, names))
    _section("AHP judgment uncertainty", lambda: _ahp(inp, names))
    guarded(lambda: sensitivity_download.render(inp))  # CSV / Excel of the results above


if __name__ == "__main__":
    guarded(body)
