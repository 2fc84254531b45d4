"""Regions page.

Which regions specialise in what, how diversified they are, and how two to four regions compare on
the regional criteria.

Upload a region × sector table (or pick a shipped one) for location quotients (heatmap and
table), the HHI per region (a series by year for a multi-year table), screening results and a
region's profile, all exportable; then pick a shipped regional scenario (UK or EU NUTS-2) and
two to four of its regions to see them side by side with their rank. An invalid table lists
every problem (file, line, column, fix); nothing is analysed from it.
"""

from __future__ import annotations

import streamlit as st

from clusterrank.errors import ClusterRankError, ValidationFailed
from clusterrank.ui.layout import guarded, notes_box, settings_text, show_error, show_problems
from clusterrank.ui.plain import plain
from clusterrank.ui.widgets import regions_specialisation as sections
from clusterrank.ui.widgets.regions_compare import comparison
from clusterrank.ui.widgets.regions_data import TableSource, specialisation, table_info
from clusterrank.ui.widgets.regions_export import specialisation_downloads
from clusterrank.ui.widgets.regions_source import table_options, table_source


def _specialisation(source: TableSource) -> None:
    try:
        info = table_info(source.data, source.name)
        st.caption(
            "Source: " + plain(" ".join(info.header))
            if info.header
            else "Source: not stated in the file (a leading `# ...` line can name it)."
        )
        options = table_options(info)
        view = specialisation(source.data, source.name, *options.args())
    except ValidationFailed as exc:
        count = len(exc.problems)
        show_problems(
            exc.problems,
            f"{count} problem{'s' if count != 1 else ''} in {plain(source.name)}; nothing was "
            "analysed. Fix them and load the file again.",
        )
        return
    except ClusterRankError as exc:
        show_error(exc)
        return
    if len(info.regions) == 1 and options.reference is None:
        st.info(
            "One region and no reference row: it is its own reference, so every LQ is 1 by "
            "construction. The HHI below is what this table shows; for location quotients "
            "use a table with several regions or a national row.",
            icon=":material/info:",
        )
    notes_box(view.notes, "Data notes")
    st.subheader("Location quotients")
    year = sections.year_shown(view)
    sections.heatmap(view, year)
    st.subheader("Diversification: HHI per region" + (" and year" if view.by_year else ""))
    sections.hhi(view)
    st.subheader("Screening")
    sections.screening(view)
    st.subheader("Specialisation profile")
    sections.profile(view, year)
    st.caption(f"Settings: {plain(settings_text(view.settings))}")
    specialisation_downloads(view, source, options)


def body() -> None:
    """Draw the Regions page: specialisation, then the comparison of chosen regions."""
    st.title("Regions")
    st.caption(
        "Which regions specialise in what (location quotients), how diversified their "
        "economies are (HHI), and how chosen regions compare on the regional criteria."
    )
    st.header("Specialisation")
    source = table_source()
    if source is not None:
        _specialisation(source)
    st.header("Compare regions")
    comparison()


if __name__ == "__main__":
    guarded(body)
