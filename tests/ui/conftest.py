"""AppTest fixture for the Streamlit pages (helpers: :mod:`tests.helpers.ui`).

``app`` runs ``streamlit_app.py`` once (it loads and ranks the Kemerovo scenario) and checks
it raised nothing.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers.ui import start_app
from tests.ui.panel_fixtures import panel_db  # noqa: F401 (a fixture for the panel pages)


@pytest.fixture
def app() -> AppTest:
    return start_app()
