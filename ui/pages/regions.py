"""Regions page.

How chosen regions compare on the regional criteria, then which regions specialise in what and
how diversified they are.

It opens on the comparison: a shipped regional scenario (UK or EU NUTS-2), two to eight of its
regions picked by name or code, side by side with their rank, on a chart and on a map. Then a
region × sector table (shipped or uploaded) for location quotients (heatmap and table), the HHI
per region (a series by year for a multi-year table), screening results and a region's
profile, all exportable. A one-region table without a reference row shows its HHI series first
(its LQs are all 1 by construction). An invalid table lists every problem (file, line, column,
fix); nothing is analysed from it.
"""

from __future__ import annotations

import streamlit as st

from clusterrank.errors import ClusterRankError, ValidationFailed
from clusterrank.i18n import N_, _, ngettext
from clusterrank.reports.regions_view import SpecialisationView
from clusterrank.ui.layout import guarded, notes_box, settings_text, show_error, show_problems
from clusterrank.ui.plain import plain
from clusterrank.ui.widgets import regions_specialisation as sections
from clusterrank.ui.widgets.regions_compare import comparison
from clusterrank.ui.widgets.regions_data import TableSource, specialisation, table_info
from clusterrank.ui.widgets.regions_export import specialisation_downloads
from clusterrank.ui.widgets.regions_source import table_options, table_source

# marked only (N_): shown as _(SHIPPED_TABLES_SAY)
SHIPPED_TABLES_SAY = N_(
    "The shipped Kemerovo tables (seed 003) describe one region, Kemerovo (KEM), so against "
    "itself every location quotient is 1 by construction. What they show is how concentrated "
    "its economy was: the HHI series 2011–2015 from Table 1 under *Specialisation*. The LQs "
    "the paper prints (Tables 5–6) cannot be recomputed: the regional and national totals "
    "behind them are not published. To compare regions, use the UK or EU NUTS-2 scenarios "
    "here, or upload a table with several regions or a national row."
)


def _hhi(view: SpecialisationView) -> None:
    st.subheader(
        _("Diversification: HHI per region and year")
        if view.by_year
        else _("Diversification: HHI per region")
    )
    sections.hhi(view)


def _specialisation(source: TableSource) -> None:
    try:
        info = table_info(source.data, source.name)
        st.caption(
            _("Source: {source}").format(source=plain(" ".join(info.header)))
            if info.header
            else _("Source: not stated in the file (a leading `# ...` line can name it).")
        )
        options = table_options(info)
        view = specialisation(source.data, source.name, *options.args())
    except ValidationFailed as exc:
        count = len(exc.problems)
        show_problems(
            exc.problems,
            ngettext(
                "{count} problem in {file}; nothing was analysed. Fix it and load the file again.",
                "{count} problems in {file}; nothing was analysed. Fix them and load the file "
                "again.",
                count,
            ).format(count=count, file=plain(source.name)),
        )
        return
    except ClusterRankError as exc:
        show_error(exc)
        return
    own_reference = len(info.regions) == 1 and options.reference is None
    if own_reference:
        st.info(
            _(
                "One region and no reference row: it is its own reference, so every LQ is 1 "
                "by construction. The HHI below is what this table shows; for location "
                "quotients use a table with several regions or a national row."
            ),
            icon=":material/info:",
        )
    notes_box(view.notes, _("Data notes"))
    year = sections.year_shown(view)
    if own_reference:  # the informative series first, the all-ones heatmap folded away
        _hhi(view)
        with st.expander(_("Location quotients (all 1 by construction for this table)")):
            sections.heatmap(view, year)
    else:
        st.subheader(_("Location quotients"))
        sections.heatmap(view, year)
        _hhi(view)
    st.subheader(_("Screening"))
    sections.screening(view)
    if own_reference:
        with st.expander(_("Specialisation profile (all 1 by construction for this table)")):
            sections.profile(view, year)
    else:
        st.subheader(_("Specialisation profile"))
        sections.profile(view, year)
    st.caption(_("Settings: {settings}").format(settings=plain(settings_text(view.settings))))
    specialisation_downloads(view, source, options)


def body() -> None:
    """Draw the Regions page: the comparison of chosen regions, then specialisation."""
    st.title(_("Regions"))
    st.caption(
        _(
            "How chosen regions compare on the regional criteria, which regions specialise in "
            "what (location quotients) and how diversified their economies are (HHI)."
        )
    )
    st.info(_(SHIPPED_TABLES_SAY), icon=":material/info:")
    st.header(_("Compare regions"))
    comparison()
    st.header(_("Specialisation"))
    source = table_source()
    if source is not None:
        _specialisation(source)


if __name__ == "__main__":
    guarded(body)
