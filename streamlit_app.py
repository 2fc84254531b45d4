"""clusterrank in the browser: ``streamlit run streamlit_app.py``.

A thin frame: page setup, the session initialised once (it loads and ranks the shipped
Kemerovo scenario), and navigation over the pages in ``ui/pages``. No logic lives here.
"""

from __future__ import annotations

import streamlit as st

from clusterrank.ui import project_session, state
from clusterrank.ui.icons import APP_ICON, PANEL_ICON
from clusterrank.ui.layout import sidebar_summary
from clusterrank.ui.pages import expert

link = expert.link_params()
if link is not None:  # an expert's personal link: their questionnaire and nothing else
    st.set_page_config(
        page_title="clusterrank · expert panel", page_icon=PANEL_ICON, layout="centered"
    )
    expert.render(*link)
    st.stop()

st.set_page_config(page_title="clusterrank", page_icon=APP_ICON, layout="wide")
state.init()
project_session.follow_url()

pages = [
    st.Page("ui/pages/ranking.py", title="Ranking", icon=":material/leaderboard:", default=True),
    st.Page("ui/pages/sensitivity.py", title="Sensitivity", icon=":material/query_stats:"),
    st.Page("ui/pages/scenario.py", title="Scenario", icon=":material/table_view:"),
    st.Page("ui/pages/new_scenario.py", title="New scenario", icon=":material/upload_file:"),
    st.Page("ui/pages/weights.py", title="Weights", icon=":material/tune:"),
    st.Page("ui/pages/export.py", title="Export", icon=":material/download:"),
    st.Page("ui/pages/regions.py", title="Regions", icon=":material/map:"),
    st.Page("ui/pages/panel.py", title="Panel", icon=":material/groups:"),
    st.Page("ui/pages/projects.py", title="Projects", icon=":material/folder_open:"),
]
page = st.navigation(pages)
sidebar_summary(*state.summary())
page.run()
