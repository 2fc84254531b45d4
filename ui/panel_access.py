"""The facilitator's access on the Panel page, kept in this browser session only.

The facilitator opens a panel with its id and key (typed, or ``/panel?panel=ID&key=KEY``);
the key is checked by the store, then removed from the address bar and kept only as the
store's :class:`~store.FacilitatorAccess` (which holds the key's hash, not the key) in
``st.session_state``. Expert tokens are shown once, when created or reissued, and kept in the
session so the facilitator can copy them; the database holds only their hashes.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from clusterrank.errors import AccessDenied
from clusterrank.i18n import language
from clusterrank.panel.expert import link
from clusterrank.panel.service import facilitator
from clusterrank.store import FacilitatorAccess
from clusterrank.store.records import IssuedToken
from clusterrank.ui.db import database

ACCESS = "panel_access"  # FacilitatorAccess | None
TOKENS = "panel_tokens"  # dict[panel id, dict[expert ref, IssuedToken]]: shown once
RESULT = "panel_result"  # dict[panel id, result payload]: the last one computed here
DENIED_NOTE = "panel_denied"  # str | None: why the last key was refused
BASE_URL = "panel_base_url"  # str: the app's address for the links


def access() -> FacilitatorAccess | None:
    """The panel this session facilitates; opened from the address bar once if it has a key."""
    params = st.query_params
    if params.get("key") and params.get("panel") and "token" not in params:
        panel_id, key = str(params["panel"]), str(params["key"])
        del st.query_params["key"]  # never left in the address bar or the history
        open_panel(panel_id, key)
    found = st.session_state.get(ACCESS)
    return found if isinstance(found, FacilitatorAccess) else None


def open_panel(panel_id: str, key: str) -> bool:
    """Check the key; on success this session facilitates the panel."""
    try:
        st.session_state[ACCESS] = facilitator(database(), panel_id.strip(), key.strip())
    except AccessDenied as exc:
        st.session_state[DENIED_NOTE] = str(exc)
        return False
    st.session_state.pop(DENIED_NOTE, None)
    return True


def leave() -> None:
    """Stop facilitating (forget the access and the tokens shown)."""
    for key in (ACCESS, RESULT):
        st.session_state.pop(key, None)


def remember_tokens(panel_id: str, tokens: tuple[IssuedToken, ...] | list[IssuedToken]) -> None:
    """Keep newly issued tokens to show them (they cannot be read back from the database)."""
    kept: dict[str, dict[str, IssuedToken]] = st.session_state.setdefault(TOKENS, {})
    kept.setdefault(panel_id, {}).update({t.ref: t for t in tokens})


def tokens(panel_id: str) -> dict[str, IssuedToken]:
    """Tokens issued in this session for the panel, by expert."""
    kept: dict[str, dict[str, IssuedToken]] = st.session_state.get(TOKENS, {})
    return kept.get(panel_id, {})


def base_url() -> str:
    """The app's address as the browser sees it (the links the experts get start with it)."""
    if BASE_URL not in st.session_state:
        url = str(st.context.url or "http://localhost:8501")
        st.session_state[BASE_URL] = url.split("?")[0].rsplit("/panel", 1)[0].rstrip("/")
    return str(st.session_state[BASE_URL])


def expert_link(panel_id: str, token: str) -> str:
    """The expert's personal link (the command line's shape), in the facilitator's language.

    ``&lang=ru`` (the language this page is shown in) makes the questionnaire open in it.
    """
    return link(base_url(), panel_id, token, lang=language())


def last_result(panel_id: str) -> dict[str, Any] | None:
    """The result computed last in this session for the panel."""
    kept: dict[str, dict[str, Any]] = st.session_state.get(RESULT, {})
    return kept.get(panel_id)


def keep_result(panel_id: str, payload: dict[str, Any]) -> None:
    """Remember the result just computed (it is also recorded in the database)."""
    st.session_state.setdefault(RESULT, {})[panel_id] = payload
