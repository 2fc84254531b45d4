"""Ranking page.

Method picker with advice, ranking table with rank changes and data quality, bar chart, why
the ranking came out so (each score by criterion, and "why is A above B"), candidate profile
and a side-by-side comparison of methods with their rank correlations.

Every number comes from :mod:`analysis` through :mod:`ui.state` (computed once per change) and
is captioned with the settings line that produced it. The profile and the comparison sit
below the fold behind toggles: they are computed and drawn only once the user opens them, so
the page a visitor lands on shows the ranking quickly (issue 9: first page under 1.5 s).
"""

from __future__ import annotations

import streamlit as st

from clusterrank.analysis.report import RankingReport
from clusterrank.i18n import N_, _, formats, ngettext
from clusterrank.methods.info import MethodInfo
from clusterrank.methods.registry import available_methods
from clusterrank.ui import state
from clusterrank.ui.layout import guarded, notes_box, safe_callback
from clusterrank.ui.plain import plain
from clusterrank.ui.tables import localized
from clusterrank.ui.widgets import charts, ranking_save, weight_set_compare, why_chart
from clusterrank.ui.widgets.chart_table import as_table
from clusterrank.ui.widgets.chart_theme import themed
from clusterrank.ui.widgets.method_picker import method_picker
from clusterrank.ui.widgets.ranking_table import change_text, not_assessable, show_ranking

COMPARE_DEFAULT = ("topsis", "wsm", "vikor", "promethee_ii", "spotis", "pymcdm_topsis")
CORRELATION_WORDS = {  # N_: translated where shown
    "spearman": N_("Spearman's ρ: 1 = the same order, -1 = reversed; every place counts alike."),
    "ws": N_(
        "WS coefficient (Sałabun and Urbaniak 2020): how alike two rankings are, 1 = the "
        "same; a disagreement near the top of the reference ranking costs more than one lower "
        "down."
    ),
}
CORRELATION_LABELS = {
    "spearman": N_("Spearman's ρ"),
    "ws": N_("WS coefficient (row = reference)"),
}


@safe_callback
def _save_baseline() -> None:
    state.save_baseline()


def _top(report: RankingReport) -> None:
    """The leading candidates as cards, with their move since the baseline."""
    frame = report.to_frame()
    changes = state.rank_changes(report)
    cols = st.columns(min(3, len(frame)))
    flagged = not_assessable(report)
    for col, (_index, row) in zip(cols, frame.head(3).iterrows(), strict=False):
        change = change_text(changes.get(str(row["id"])))
        if str(row["id"]) in flagged:
            line = _("score {score} · change {change} · not assessable")
        else:
            line = _("score {score} · change {change}")
        with col, st.container(border=True):
            st.markdown(f"**{int(row['rank'])}.** {plain(row['name'])}")
            st.caption(line.format(score=formats.number(float(row["score"]), 4), change=change))


PICKED = "ranking__picked"


def _picked(report: RankingReport) -> list[str]:
    """Candidates the reader adds to the charts besides the best :data:`charts.TOP_K`."""
    frame = report.to_frame()
    if len(frame) <= charts.TOP_K:
        return []
    ids = [str(i) for i in frame["id"]]
    names = dict(zip(ids, (str(n) for n in frame["name"]), strict=True))
    rest = ids[charts.TOP_K :]
    kept = [i for i in st.session_state.get(PICKED, []) if i in rest]
    st.session_state[PICKED] = kept
    chosen = st.multiselect(
        _("Also show in the charts (the best {count} are always shown)").format(count=charts.TOP_K),
        rest,
        key=PICKED,
        format_func=lambda i: f"{ids.index(i) + 1}. {names[i]}",
        placeholder=_("Type a name to find a candidate"),
        help=_("The charts below draw the best candidates and the ones you pick here"),
    )
    return [str(c) for c in chosen]


def _scores(report: RankingReport, picked: list[str]) -> None:
    """The score chart, its table one click away, the candidates not assessable named."""
    flagged = not_assessable(report)
    frame = report.to_frame()
    chart = charts.score_bar(
        frame,
        higher_is_better=report.result.higher_is_better,
        method=report.result.method,
        not_assessable=flagged,
        picked=picked,
    )
    st.altair_chart(themed(chart), width="stretch", alt=_("Score of each candidate"))
    shown = charts.shown_ids([str(i) for i in frame["id"]], picked)
    rest = charts.rest_caption(frame, shown)
    if rest:
        st.caption(rest)
    data = charts.score_frame(frame, flagged, picked)
    as_table(
        _("Scores"),
        localized(
            data[["rank", "name", "score", "shown"]].rename(columns={"name": "candidate"}),
            {"score": 4},
        ),
        key="ranking__scores_table",
        column_config={
            "rank": st.column_config.NumberColumn(_("rank"), pinned=True, width="small"),
            "candidate": st.column_config.TextColumn(_("candidate"), pinned=True),
            "score": st.column_config.NumberColumn(_("score")),
            "shown": st.column_config.TextColumn(_("shown")),
        },
    )
    names = dict(zip(report.result.candidates, report.names, strict=True))
    for cid, reason in flagged.items():
        st.warning(
            _(
                "**{candidate}** is not assessable: {reason}. Its place rests mostly on figures "
                "the missing-data policy filled in, not on its data."
            ).format(candidate=plain(names[cid]), reason=plain(reason)),
            icon=":material/report:",
        )


def _profile(report: RankingReport) -> None:
    matrix = state.matrix()
    frame, notes = charts.profile_frame(matrix)
    names = list(report.to_frame()["name"])
    state.seed_widget("profile__candidate", names[0])
    if st.session_state["profile__candidate"] not in names:
        st.session_state["profile__candidate"] = names[0]
    selected = st.selectbox(_("Candidate"), names, key="profile__candidate")
    st.altair_chart(
        themed(charts.profile_chart(frame, selected)),
        width="stretch",
        alt=_("Profile of {candidate} against the other candidates").format(candidate=selected),
    )
    st.caption(
        _(
            "Each criterion rescaled for display only: 1 = the best value among the candidates, "
            "0 = the worst (cost criteria turned round). Hollow points are imputed figures; "
            "hover over a point for its value and unit."
        )
    )
    for note in notes:
        st.caption(plain(note))
    rows = frame[frame["candidate"] == selected]
    st.dataframe(
        localized(
            rows[["criterion", "value", "unit", "position", "imputed", "illustrative"]],
            {"value": 4, "position": 2},
        ),
        hide_index=True,
        key="profile__table",
        column_config={
            "criterion": st.column_config.TextColumn(_("criterion"), pinned=True),
            "value": st.column_config.NumberColumn(_("value")),
            "unit": st.column_config.TextColumn(_("unit")),
            "position": st.column_config.NumberColumn(
                _("position"), help=_("0 = worst, 1 = best among the candidates")
            ),
            "imputed": st.column_config.CheckboxColumn(_("imputed")),
            "illustrative": st.column_config.CheckboxColumn(_("illustrative")),
        },
    )


def _comparison(ranking_methods: list[MethodInfo]) -> None:
    titles = {m.name: m.title_text for m in ranking_methods}
    default = [m for m in COMPARE_DEFAULT if m in titles]
    state.seed_widget("compare__methods", default)
    chosen = st.multiselect(
        _("Methods to compare"),
        list(titles),
        key="compare__methods",
        format_func=lambda m: titles.get(m, m),
        help=_("Each with its own default settings unless you set them above"),
    )
    if not chosen:
        st.info(_("Pick at least one method to compare."))
        return
    result = state.comparison(tuple(chosen))
    if result.reports:
        ranks = result.ranks_frame().drop(columns=["id"])
        first = str(ranks.columns[0])
        st.dataframe(
            ranks,
            hide_index=True,
            column_config={first: st.column_config.TextColumn(pinned=True)},
        )
        st.dataframe(result.settings_frame(), hide_index=True)
    for method, reason in result.failures.items():
        st.warning(
            _("**{method}** could not rank these data: {reason}").format(
                method=titles.get(method, method), reason=plain(reason)
            )
        )
    for coefficient, table in result.correlations.items():
        label = CORRELATION_LABELS.get(coefficient)
        st.markdown(
            _("**Rank correlation: {coefficient}**").format(
                coefficient=_(label) if label else coefficient
            )
        )
        if words := CORRELATION_WORDS.get(coefficient):
            st.caption(_(words))
        st.dataframe(localized(table.round(3), dict.fromkeys(table.columns, 3)))
    for note in result.notes:
        st.caption(plain(note))


def body() -> None:
    """Draw the Ranking page."""
    current = state.require()
    scenario = current.scenario
    st.title(_("Ranking"))
    count = len(current.matrix.candidates)
    st.caption(
        ngettext("{title} · {n} candidate", "{title} · {n} candidates", count).format(
            title=plain(scenario.title or scenario.id), n=count
        )
    )
    ranking_methods = available_methods("ranking")
    info = method_picker(ranking_methods)
    report = state.ranking()
    _top(report)
    show_ranking(report, key="ranking__table")
    picked = _picked(report)
    _scores(report, picked)
    st.subheader(_("Why this ranking"))
    why_chart.render(report, info.title_text, picked)
    st.button(
        _("Save these weights as the new baseline"),
        key="ranking__save_baseline",
        on_click=_save_baseline,
        help=_("The Change column then counts moves from the current ranking"),
    )
    ranking_save.render()
    notes_box(report.notes)
    st.subheader(_("Candidate profile"))
    if state.section_toggle(
        "profile__show",
        _("Show a candidate's profile"),
        help=_("Where one candidate stands on every criterion, against the others"),
    ):
        _profile(report)
    st.subheader(_("Methods side by side"))
    if state.section_toggle(
        "compare__show",
        _("Compare the methods"),
        help=_("Ranks every chosen method with the same data and weights, with rank correlations"),
    ):
        _comparison(ranking_methods)
    st.subheader(_("Saved weight sets side by side"))
    if state.section_toggle(
        "wscompare__show",
        _("Compare two saved weight sets"),
        help=_("Ranks with two weight sets saved in the open project and shows the rank change"),
    ):
        weight_set_compare.render()


if __name__ == "__main__":
    guarded(body)
