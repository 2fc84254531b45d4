"""The panel database for the app: one open store per database URL, shared by all sessions.

``st.cache_resource`` keeps the :class:`store.Store` (an engine and session makers, all
thread-safe); every page makes its own short sessions from it. The URL comes from
``CLUSTERRANK_DB`` (else ``clusterrank.db`` in the working directory) and is part of the
cache key, so a changed variable opens the new database. Nothing read from the database is
cached: the facilitator's progress and results are read afresh on every run.
"""

from __future__ import annotations

import streamlit as st

from clusterrank.store import Store, open_store, resolve_url


@st.cache_resource(show_spinner=False)
def _open(url: str) -> Store:
    return open_store(url)


def database() -> Store:
    """The open panel database named by ``CLUSTERRANK_DB`` (migrated on first use)."""
    return _open(resolve_url())
