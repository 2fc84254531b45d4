"""The expert's scores: each candidate on each expert-scored criterion, saved at once.

Per criterion its scale with the verbal anchors; per candidate the candidate's facts from the
scenario beside the question (columns that stack on a narrow screen), a choice of the scale's
points or "abstain / conflict of interest", and a comment. In a Delphi round each cell shows
the group's median and IQR from the last round, the anonymised comments and the expert's own
previous answer.
"""

from __future__ import annotations

import math
from typing import Any

import streamlit as st

from clusterrank.i18n import _, formats
from clusterrank.panel.expert import ExpertPage
from clusterrank.panel.questionnaire import ScoredCriterion
from clusterrank.panel.questionnaire import score_key as item_key
from clusterrank.panel.text import short_number
from clusterrank.ui import expert_saves as saves
from clusterrank.ui.plain import plain
from clusterrank.ui.state import seed_widget
from clusterrank.ui.widgets.expert_pairs import comment_box, unanswered

MAX_POINTS = 21
"""Most points a scale shows as choices (a finer scale is shown in coarser steps)."""


def points(c: ScoredCriterion, step: float) -> list[float]:
    """The scale's points from min to max by ``step`` (at most :data:`MAX_POINTS`)."""
    span = c.max - c.min
    step = max(step, span / (MAX_POINTS - 1)) if span > 0 else 1.0
    n = math.floor(span / step + 1e-9)
    return [round(c.min + k * step, 6) for k in range(n + 1)]


def _label(x: object) -> str:
    if x == saves.ABSTAIN:
        return _("Abstain / conflict of interest")
    return short_number(float(str(x)))


def anchors_line(c: ScoredCriterion) -> str:
    """``0 = none · 5 = moderate · 10 = world class`` (plain text)."""
    return " · ".join(f"{short_number(v)} = {text}" for v, text in c.anchors)


def facts(page: ExpertPage, candidate: str) -> list[str]:
    """The candidate's measured figures from the scenario, as "Indicator: value unit" lines.

    Keyed by the data columns (indicator ids), named by the indicator's title and unit, in
    the criteria set's order; expert-scored criteria are the questions, not facts.
    """
    row = page.scenario.data.values.get(candidate, {})
    out = []
    for c in page.scenario.criteria_set.criteria:
        for ind in c.indicators or ():
            value = row.get(ind.id)
            if value is None:  # missing: nothing to show
                continue
            unit = ind.unit or c.unit
            shown = _figure(float(value))
            out.append(f"{ind.title or c.title or ind.id}: {shown}" + (f" {unit}" if unit else ""))
    return out


def _figure(value: float) -> str:
    """A measured figure as the language writes it: grouped thousands, no needless zeros."""
    if value == int(value) and abs(value) < 1e15:
        return formats.integer(int(value))
    digits = max(0, min(10, 10 - len(str(int(abs(value))))))
    return formats.number(value, digits).rstrip("0").rstrip(formats.decimal_mark())


def render_criterion(page: ExpertPage, token: str, c: ScoredCriterion) -> None:
    """Every asked candidate on one criterion."""
    q = page.questionnaire
    names = dict(zip(q.candidates, q.candidate_names, strict=True))
    cells = [cand for crit, cand in page.asked_cells() if crit == c.id]
    done = sum(1 for cand in cells if (c.id, cand) in page.scores)
    st.markdown(_("#### Score: {criterion}").format(criterion=plain(c.title)))
    line = _("{done} of {n} candidates scored · scale {low} to {high}").format(
        done=done, n=len(cells), low=short_number(c.min), high=short_number(c.max)
    )
    st.caption(line + (f" · {plain(anchors_line(c))}" if c.anchors else ""))
    options: list[Any] = [*points(c, page.settings.score_step), saves.ABSTAIN]
    for cand in cells:
        with st.container(border=True):
            about, ask = st.columns([2, 3], gap="medium")
            with about:
                st.markdown(f"**{plain(names[cand])}**")
                for line in facts(page, cand):
                    st.caption(plain(line))
            with ask:
                _cell(page, token, c, cand, options)


def _cell(page: ExpertPage, token: str, c: ScoredCriterion, cand: str, options: list[Any]) -> None:
    rnd = page.round_number
    stored = page.scores.get((c.id, cand))
    key = saves.score_key(rnd, c.id, cand)
    if stored is not None:
        value, abstain, version = stored
        chosen: Any = saves.ABSTAIN if abstain else _nearest(options, value)
    else:
        chosen, version = None, 0
    seed_widget(key, chosen)
    saves.seen(key, version)
    st.pills(
        f"{plain(c.title)}",
        options,
        format_func=_label,
        key=key,
        on_change=saves.chose_score,
        args=(token, rnd, (c.id, cand), version),
        disabled=not page.round_open,
        label_visibility="collapsed",
    )
    if stored is None:
        st.caption(plain(unanswered(page.previous_score(c.id, cand) is not None)))
    _delphi_cell(page, c.id, cand, page.feedback.get(item_key(c.id, cand)))
    comment_box(page, token, item_key(c.id, cand))


def _nearest(options: list[Any], value: float | None) -> Any:
    numbers = [o for o in options if o != saves.ABSTAIN]
    if value is None or not numbers:
        return None
    return min(numbers, key=lambda o: abs(float(o) - value))


def _delphi_cell(page: ExpertPage, crit: str, cand: str, shown: dict[str, Any] | None) -> None:
    if page.round_number <= 1:
        return
    parts = []
    if shown and shown.get("median") is not None:
        median, iqr = short_number(float(shown["median"])), shown.get("iqr")
        parts.append(
            _("group median {median} in the last round").format(median=median)
            if iqr is None
            else _("group median {median}, IQR {iqr} in the last round").format(
                median=median, iqr=short_number(float(iqr))
            )
        )
    before = page.previous_score(crit, cand)
    if before is not None:
        parts.append(
            _("you abstained")
            if before[1]
            else _("you said {score}").format(score=short_number(float(before[0] or 0)))
        )
    if parts:
        st.caption(plain("; ".join(parts)))
    comments = (shown or {}).get("comments") or []
    if comments:
        with st.expander(_("Other experts' comments ({n})").format(n=len(comments))):
            for text in comments:
                st.markdown(f"- {plain(text)}")
