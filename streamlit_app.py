"""clusterrank in the browser: ``streamlit run streamlit_app.py``.

A thin frame: the session's language first (:mod:`ui.language`), page setup, the session
initialised once (it loads and ranks the shipped Kemerovo scenario), and navigation over the
pages in ``ui/pages``. No logic lives here.
"""

from __future__ import annotations

import streamlit as st

from clusterrank.i18n import _
from clusterrank.ui import language, project_session, state
from clusterrank.ui.icons import APP_ICON, PANEL_ICON
from clusterrank.ui.layout import sidebar_summary
from clusterrank.ui.pages import expert

link = expert.link_params()
if link is not None:  # an expert's personal link: their questionnaire and nothing else
    language.apply()
    st.set_page_config(
        page_title=_("clusterrank · expert panel"), page_icon=PANEL_ICON, layout="centered"
    )
    expert.render(*link)
    st.stop()

language.apply()
st.set_page_config(page_title="clusterrank", page_icon=APP_ICON, layout="wide")
state.init()
project_session.follow_url()

pages = [
    st.Page(
        page="ui/pages/ranking.py", title=_("Ranking"), icon=":material/leaderboard:", default=True
    ),
    st.Page(page="ui/pages/sensitivity.py", title=_("Sensitivity"), icon=":material/query_stats:"),
    st.Page(page="ui/pages/scenario.py", title=_("Scenario"), icon=":material/table_view:"),
    st.Page(
        page="ui/pages/new_scenario.py", title=_("New scenario"), icon=":material/upload_file:"
    ),
    st.Page(page="ui/pages/weights.py", title=_("Weights"), icon=":material/tune:"),
    st.Page(page="ui/pages/export.py", title=_("Export"), icon=":material/download:"),
    st.Page(page="ui/pages/regions.py", title=_("Regions"), icon=":material/map:"),
    st.Page(page="ui/pages/panel.py", title=_("Panel"), icon=":material/groups:"),
    st.Page(page="ui/pages/projects.py", title=_("Projects"), icon=":material/folder_open:"),
]
page = st.navigation(pages)
language.switch()
sidebar_summary(*state.summary())
page.run()
