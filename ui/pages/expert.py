"""The expert's page: reached only by a personal link ``/?panel=ID&token=TOKEN``.

``streamlit_app.py`` runs :func:`render` instead of the app's navigation whenever the link
carries a token, so an expert sees their own questionnaire and nothing else: no other page,
no sidebar, nothing of the facilitator's or other experts' answers. A bad, revoked or
expired token, a token of another panel, or a panel that is not open, all get the same one
sentence (:data:`store.access.DENIED`, in the link's language), which says nothing about
whether the panel exists.

Every answer is written to the database by its widget's ``on_change``
(:mod:`ui.expert_saves`) before the page shows it saved; the page is drawn from the database
on every run, so a reload shows every answer as stored.
"""

from __future__ import annotations

import streamlit as st

from clusterrank.errors import AccessDenied
from clusterrank.i18n import _, ngettext
from clusterrank.panel.expert import ExpertPage, open_page
from clusterrank.store.access import DENIED
from clusterrank.ui import expert_saves as saves
from clusterrank.ui.db import database
from clusterrank.ui.layout import guarded
from clusterrank.ui.plain import plain
from clusterrank.ui.widgets.expert_pairs import render_node
from clusterrank.ui.widgets.expert_scores import render_criterion


def link_params() -> tuple[str, str] | None:
    """(panel, token) from the page's address, or None when it carries no token."""
    token = st.query_params.get("token")
    if not token:
        return None
    return str(st.query_params.get("panel") or ""), str(token)


def render(panel_id: str, token: str) -> None:
    """The whole expert page for the link's panel id and token."""
    try:
        page = open_page(database(), token)
        if page.panel_id != panel_id:
            raise AccessDenied(_(DENIED))
    except AccessDenied:
        st.error(_(DENIED), icon=":material/lock:")
        return
    guarded(lambda: _questionnaire(page, token))


def _questionnaire(page: ExpertPage, token: str) -> None:
    st.title(plain(page.title))
    st.markdown(_welcome(page))
    done, asked = page.progress()
    st.progress(
        done / asked if asked else 1.0,
        text=_("{done} of {asked} answered").format(done=done, asked=asked),
    )
    if page.round_number > 1:
        st.info(
            _(
                "Round {round} (Delphi): only the items below are asked again. Beside each you "
                "see the group's median and spread from the last round, other experts' comments "
                "(anonymised) and your own previous answer. Keep or change your answer."
            ).format(round=page.round_number),
            icon=":material/forum:",
        )
    if not page.round_open:
        st.info(
            _("This round is closed: your answers are shown as stored and can no longer change."),
            icon=":material/lock_clock:",
        )
    saves.show_notices()
    st.caption(
        _(
            "Every answer is saved the moment you give it; you can close the page and come "
            "back with the same link."
        )
    )
    for node in page.nodes:
        render_node(page, token, node)
    asked_criteria = {crit for crit, _cand in page.asked_cells()}
    for c in page.questionnaire.scored:
        if c.id in asked_criteria:
            render_criterion(page, token, c)
    _submit(page, token, done, asked)


def _welcome(page: ExpertPage) -> str:
    """The greeting and what the panel asks, as one whole text per case."""
    names = {
        "name": plain(page.name),
        "scenario": plain(page.scenario.title or page.scenario.id),
    }
    pairs, scores = bool(page.nodes), bool(page.asked_cells())
    if pairs and scores:
        text = _(
            "Welcome, **{name}**. This panel asks for your judgment on the candidates of "
            "*{scenario}*: which of two things matters more, pair by pair (Saaty's 1–9 scale) "
            "and a score for each candidate on the criteria that need expert judgment. Your "
            "answers are combined with the other experts' (nobody else sees yours) to set the "
            "weights and scores the ranking uses."
        )
    elif pairs:
        text = _(
            "Welcome, **{name}**. This panel asks for your judgment on the candidates of "
            "*{scenario}*: which of two things matters more, pair by pair (Saaty's 1–9 "
            "scale). Your answers are combined with the other experts' (nobody else sees "
            "yours) to set the weights the ranking uses."
        )
    else:
        text = _(
            "Welcome, **{name}**. This panel asks for your judgment on the candidates of "
            "*{scenario}*: a score for each candidate on the criteria that need expert "
            "judgment. Your answers are combined with the other experts' (nobody else sees "
            "yours) to set the scores the ranking uses."
        )
    return text.format(**names)


def _submit(page: ExpertPage, token: str, done: int, asked: int) -> None:
    st.divider()
    if page.submitted:
        st.success(
            _("Submitted. Until the facilitator closes the round you may still change any answer."),
            icon=":material/task_alt:",
        )
        return
    if done < asked:
        st.caption(
            ngettext(
                "{n} question still open: you may submit anyway ('don't know' and unanswered "
                "questions are left out of the results).",
                "{n} questions still open: you may submit anyway ('don't know' and unanswered "
                "questions are left out of the results).",
                asked - done,
            ).format(n=asked - done)
        )
    st.button(
        _("Submit my answers"),
        key=f"xsubmit__{page.round_number}",
        type="primary",
        on_click=saves.submitted,
        args=(token, page.round_number),
        disabled=not page.round_open,
    )
