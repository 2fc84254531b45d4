"""The interface language of a session: chosen, remembered in the URL and per project, applied.

:func:`apply` runs first on every script run (before anything is drawn). The language is, in
this order: ``?lang=`` in the URL; the one this session already speaks; the language stored
with the open project; the environment's (``CLUSTERRANK_LANG``, the locale). Opening another
project switches to that project's language when it has one. The language is put back into
the URL on every run (page switches drop the query), so a reload or a bookmark keeps it.
:func:`switch` is the sidebar control; choosing a language there also stores it with the
open project (a shipped, read-only example keeps none).
"""

from __future__ import annotations

import logging

import streamlit as st

from clusterrank import i18n
from clusterrank.errors import ClusterRankError
from clusterrank.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _
from clusterrank.store.project_language import project_language, set_project_language
from clusterrank.store.projects import get_project
from clusterrank.ui import project_session
from clusterrank.ui.db import database

log = logging.getLogger("clusterrank.ui")

PARAM = "lang"  # the URL's query parameter, and the session key of the language in use
SEEN = "lang__project"  # str | None: the project whose language was last considered
WIDGET = "lang__switch"  # the sidebar control's own key
LABEL = N_("Language · Язык")


def _url_language() -> str | None:
    return i18n.normalize(st.query_params.get(PARAM))


def _project_in_use() -> str | None:
    """The open project, or the one the URL names (before :mod:`project_session` opens it)."""
    return project_session.open_id() or st.query_params.get(project_session.PARAM) or None


def _stored(project_id: str) -> str | None:
    """The language stored with ``project_id`` (None when none, or it cannot be read)."""
    try:
        with database().session() as s:
            return project_language(s, project_id)
    except ClusterRankError as exc:  # a wrong link: project_session tells the user
        log.info("no language for project %s: %s", project_id, exc)
        return None


def _chosen() -> str:
    """The language this run speaks (see the module's docstring for the order)."""
    spoken = i18n.normalize(st.session_state.get(PARAM))
    url = _url_language()
    project_id = _project_in_use()
    opened = project_id is not None and project_id != st.session_state.get(SEEN)
    st.session_state[SEEN] = project_id
    # A project opened during the session brings its language; on a session's first run a
    # language in the URL wins over it (a shared link says which language to use).
    brought = _stored(project_id) if opened and (spoken or not url) and project_id else None
    return brought or url or spoken or i18n.from_environment()


def apply() -> str:
    """Set this run's language (call first, before ``st.set_page_config``); returns it."""
    lang = i18n.set_language(_chosen())
    st.session_state[PARAM] = lang
    if st.query_params.get(PARAM) != lang:
        st.query_params[PARAM] = lang
    return lang


def choose(lang: str) -> None:
    """Speak ``lang`` from the next run on: in the session, the URL and the open project."""
    code = i18n.set_language(lang)
    st.session_state[PARAM] = code
    st.query_params[PARAM] = code
    project_id = project_session.open_id()
    if project_id is None:
        return
    try:
        with database().session() as s:
            if not get_project(s, project_id).read_only:
                set_project_language(s, project_id, code)
    except ClusterRankError as exc:  # the choice still holds for this session
        log.warning("could not store the language of project %s: %s", project_id, exc)


def _switched() -> None:
    value = st.session_state.get(WIDGET)
    if value:
        choose(str(value))


def switch() -> None:
    """The language control in the sidebar (English · Русский)."""
    st.session_state[WIDGET] = i18n.language()  # follows a language a project brought
    with st.sidebar:
        st.segmented_control(
            _(LABEL),
            options=list(LANGUAGES),
            format_func=lambda code: LANGUAGE_NAMES[code],
            key=WIDGET,
            on_change=_switched,
            selection_mode="single",
        )
