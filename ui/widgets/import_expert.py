"""The import wizard's expert-scored criteria: add or remove them, type scores if known.

From scratch, the user may add criteria that no column measures, scored by experts on a
declared scale with verbal anchors (``1 = weak; 3 = average; 5 = strong``). Their scores are
missing until a panel gives them or the user types them (here or in the data CSV); the
missing-data policy fills the scores left empty, and a criterion nobody has scored yet is
left out of the preview ranking.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import replace

import pandas as pd
import streamlit as st

from clusterrank.criteria.importing import ImportPlan
from clusterrank.criteria.importing.columns import slug
from clusterrank.criteria.importing.expert import ExpertCriterion, parse_anchors
from clusterrank.i18n import N_, _
from clusterrank.ui.plain import code, plain
from clusterrank.ui.significant import significant

EXPERT = "import__expert"  # list[ExpertCriterion] added so far
_ERROR = "import__expert_error"
DEFAULT_GROUP = N_("Expert scores")
"""The group of an expert-scored criterion when none is typed (its title in the scenario is
in the session's language)."""


def _add() -> None:
    """The form's submit: read the fields into a criterion, or say what is wrong.

    The scale and its anchors are checked by the criteria set's model when the scenario is
    built, with every other problem.
    """
    state = st.session_state
    title = str(state.get("import__expert_title") or "").strip()
    ident = slug(str(state.get("import__expert_id") or "").strip() or title)
    low, high = float(state["import__expert_min"]), float(state["import__expert_max"])
    anchors, errors = parse_anchors(str(state.get("import__expert_anchors") or ""))
    taken = {e.id for e in state.get(EXPERT, [])}
    if not ident:
        errors.insert(0, _("give the criterion an id or a title"))
    elif ident in taken:
        errors.insert(0, _("id {id} is taken; choose another").format(id=repr(ident)))
    if errors:
        state[_ERROR] = "; ".join(errors)
        return
    group = str(state.get("import__expert_group") or "").strip() or _(DEFAULT_GROUP)
    made = ExpertCriterion(ident, title or ident, group, low, high, anchors)
    state[EXPERT] = [*state.get(EXPERT, []), made]
    state[_ERROR] = ""


def _form() -> None:
    with st.form(key="import__expert_form", clear_on_submit=True):
        left, mid, right = st.columns(3)
        left.text_input(_("Title"), key="import__expert_title", placeholder=_("Management quality"))
        mid.text_input(_("Id (made from the title if empty)"), key="import__expert_id")
        right.text_input(_("Group"), key="import__expert_group", placeholder=_(DEFAULT_GROUP))
        low, high = st.columns(2)
        low.number_input(_("Scale min"), value=1.0, key="import__expert_min")
        high.number_input(_("Scale max"), value=5.0, key="import__expert_max")
        st.text_input(
            _("Verbal anchors (point = words, separated by ';')"),
            key="import__expert_anchors",
            placeholder=_("1 = weak; 3 = average; 5 = strong"),
        )
        st.form_submit_button(_("Add the criterion"), key="import__expert_add", on_click=_add)
    if st.session_state.get(_ERROR):
        st.error(_("Not added: {errors}").format(errors=plain(st.session_state[_ERROR])))


def _listed(added: list[ExpertCriterion]) -> None:
    for k, e in enumerate(added):
        left, right = st.columns([5, 1])
        anchors = "; ".join(f"{significant(p)} = {t}" for p, t in sorted(e.anchors.items()))
        line = _("- **{title}** ({id}, group {group}): scale {low}..{high}").format(
            title=plain(e.title),
            id=code(e.id),
            group=plain(e.group),
            low=significant(e.scale_min),
            high=significant(e.scale_max),
        )
        left.markdown(line + (f"; {plain(anchors)}" if anchors else ""))
        if right.button(_("Remove"), key=f"import__expert_remove__{e.id}"):
            st.session_state[EXPERT] = [x for j, x in enumerate(added) if j != k]
            st.rerun()


def _scores(plan: ImportPlan, added: list[ExpertCriterion]) -> list[ExpertCriterion]:
    """An editor of the scores, one row per candidate; empty cells stay missing."""
    ids = [e.id for e in added]
    base = pd.DataFrame(
        {e.id: [e.scores.get(i, math.nan) for i in plan.ids] for e in added},
        index=pd.Index(plan.ids, name="candidate"),
        dtype="float64",
    )
    sig = zlib.crc32("\x1f".join([*plan.ids, "|", *ids]).encode("utf-8"))
    edited = st.data_editor(base, key=f"import__expert_scores__{sig}")
    out = []
    for e in added:
        given = {str(i): float(v) for i, v in edited[e.id].items() if not pd.isna(v)}
        out.append(replace(e, scores=given))
    return out


def expert_criteria(plan: ImportPlan) -> tuple[ExpertCriterion, ...]:
    """The expert-scored criteria the user added, with any scores typed."""
    with st.expander(
        _("Expert-scored criteria (optional)"), expanded=bool(st.session_state.get(EXPERT))
    ):
        st.caption(
            _(
                "Add criteria no column measures, scored by experts on a scale with verbal "
                "anchors. Their scores are missing until a panel gives them or you type them "
                "below (or in the data CSV): the missing-data policy fills the scores left "
                "empty, and a criterion nobody has scored yet is left out of the preview "
                "ranking."
            )
        )
        _form()
        added: list[ExpertCriterion] = list(st.session_state.get(EXPERT, []))
        _listed(added)
        if not added:
            return ()
        st.caption(_("Scores typed here (leave a cell empty when it is not known yet):"))
        return tuple(_scores(plan, added))
