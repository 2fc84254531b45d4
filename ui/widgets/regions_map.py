"""The map of the compared regions: shipped NUTS-2 polygons, drawn offline, with attribution.

The boundary file is read once per version (``st.cache_data`` keyed by path and mtime); the
chart takes the comparison chart's colours and shapes, and the table behind it (region, code,
rank) is one click away. A region without a NUTS 2016 polygon is named, never guessed.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from clusterrank.i18n import _, pgettext
from clusterrank.reports.regions_map import (
    BOUNDARIES_FILE,
    attribution,
    map_features,
    read_boundaries,
)
from clusterrank.ui.plain import plain
from clusterrank.ui.widgets.chart_theme import themed
from clusterrank.ui.widgets.regions_charts import region_map
from clusterrank.ui.widgets.regions_data import DATA

PATH = DATA / BOUNDARIES_FILE


@st.cache_data(show_spinner=False, max_entries=2)
def _boundaries(path: str, mtime: float) -> dict[str, dict[str, Any]]:
    del mtime  # part of the cache key only
    return read_boundaries(PATH.parent / path)


def boundaries() -> dict[str, dict[str, Any]]:
    """The shipped NUTS-2 polygons by code; empty when the file is not shipped."""
    if not PATH.is_file():
        return {}
    return _boundaries(PATH.name, PATH.stat().st_mtime)


def region_map_section(ranks: pd.DataFrame, candidates: list[str], names: dict[str, str]) -> None:
    """The map of the regions in ``ranks`` (id, region, rank), or why there is none."""
    shapes = boundaries()
    if not shapes:
        st.info(
            _("No map: the boundary file {file} is not installed.").format(
                file=f"configs/data/{BOUNDARIES_FILE}"
            ),
            icon=":material/map:",
        )
        return
    chosen = [str(i) for i in ranks["id"]]
    drawn = map_features(shapes, chosen, names, candidates)
    if drawn.missing:
        st.caption(
            _("Not on the map (no NUTS 2016 level-2 polygon for the code): {codes}").format(
                codes=plain(", ".join(drawn.missing))
            )
        )
    if drawn.labels.empty:
        return
    regions = [names.get(i, i) for i in chosen if i not in drawn.missing]
    chart = region_map(list(drawn.features), drawn.labels, regions)
    st.altair_chart(themed(chart), width="stretch", key="regions__map")
    st.caption(plain(attribution()) + " " + _("Grey: the other regions of the same countries."))
    with st.expander(_("The map as a table")):
        st.dataframe(
            ranks[["rank", "region", "id"]],
            hide_index=True,
            key="regions__map_table",
            column_config={
                "rank": st.column_config.NumberColumn(pgettext("column", "rank")),
                "region": st.column_config.TextColumn(
                    pgettext("column", "region"), width="large", pinned=True
                ),
                "id": st.column_config.TextColumn(_("NUTS code")),
            },
        )
