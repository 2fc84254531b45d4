"""A chart's text alternative: the table behind it, one click away in an expander.

Every chart of the app is drawn next to ``as_table(...)`` so a reader who cannot see the chart
(or wants the numbers) gets the same figures as text (WCAG 2.1, 1.1.1 non-text content).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from clusterrank.i18n import _


def as_table(
    what: str,
    frame: pd.DataFrame | Styler,
    *,
    key: str,
    column_config: Mapping[str, Any] | None = None,
) -> None:
    """An expander "<what> as a table" holding ``frame`` (closed until clicked).

    ``what`` comes translated; ``frame`` may be :func:`ui.tables.localized`.
    """
    with st.expander(_("{what} as a table").format(what=what), expanded=False):
        st.dataframe(frame, hide_index=True, key=key, column_config=dict(column_config or {}))
