"""Table columns of the Sensitivity page: candidate and criterion names pinned and never cut.

A name column stays in view while the numbers scroll beside it; when a name is longer than a
line, the rows wrap (Streamlit wraps a table's text from a row height of 4 rem on).
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from clusterrank.i18n import N_, _, pgettext

NAME_WIDTH = 230  # px: about 30 characters of a name on a line
NAME_CHARS = 30
WRAPPED_ROW = 66  # px: from this row height on a table wraps its text onto three lines
NAME_HELP = N_("The column stays in view; long names wrap")
"""Marked only: translated where the column is drawn."""


def name_column(help: str = NAME_HELP, label: str | None = None) -> ColumnConfig:
    """Column config of a candidate-name column: pinned, wide enough, with a tooltip header.

    ``label`` is the heading (default: "candidate" in the current language); ``help`` is
    translated here, so a caller passes the English text (or an ``N_`` constant).
    """
    return st.column_config.TextColumn(
        label or pgettext("column", "candidate"), pinned=True, width=NAME_WIDTH, help=_(help)
    )


def name_rows(names: Iterable[str]) -> int | None:
    """Row height for a table of ``names``: wrapped rows when one is longer than a line."""
    return WRAPPED_ROW if max((len(n) for n in names), default=0) > NAME_CHARS else None
