"""The specialisation sections of the Regions page.

LQ heatmap and table, HHI, screening results and one region's profile, each captioned with what
produced its numbers.

Everything here renders a :class:`reports.regions_view.SpecialisationView`; nothing is
computed beyond choosing rows to show.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from clusterrank.i18n import _, ngettext, pgettext
from clusterrank.reports.regions_view import SpecialisationView
from clusterrank.ui.plain import code, plain
from clusterrank.ui.tables import localized
from clusterrank.ui.widgets import regions_charts as charts
from clusterrank.ui.widgets.chart_theme import themed
from clusterrank.ui.widgets.regions_data import rule_sets
from clusterrank.ui.widgets.regions_source import choice


def year_shown(view: SpecialisationView) -> int | None:
    """The year the heatmap and profile show.

    Picked when several regions have several years (a single region shows every year side by side);
    ``None`` without years.
    """
    if not view.by_year:
        return None
    if _one_region(view.lq_long) or len(view.years) == 1:
        return view.years[-1] if len(view.years) == 1 else None
    years = list(view.years)
    choice("regions__heat_year", years, years[-1])
    st.selectbox(
        _("Year shown in the heatmap and profile"), years, key="regions__heat_year", width=260
    )
    return int(st.session_state["regions__heat_year"])


def _one_region(rows: pd.DataFrame) -> bool:
    ids = rows["region_id"].to_numpy()
    return bool(len(ids)) and bool((ids == ids[0]).all())


def _rows(view: SpecialisationView, year: int | None) -> pd.DataFrame:
    long = view.lq_long
    return long if year is None or not view.by_year else long[long["year"] == year]


def heatmap(view: SpecialisationView, year: int | None) -> None:
    """LQ heatmap (sectors × regions, or × years for one region) and the full LQ table."""
    rows = _rows(view, year)
    single = _one_region(rows) and view.by_year and year is None
    column = "year" if single else "region"
    title = pgettext("column", column)
    if single:
        st.caption(
            _("{region}: one column per year analysed.").format(
                region=plain(rows["region"].iloc[0])
            )
        )
    st.altair_chart(themed(charts.lq_heatmap(rows, column, title)))
    measure = plain(view.measure) + (f" ({plain(view.unit)})" if view.unit else "")
    st.caption(
        _(
            "LQ = (x_ir / x_r) / (x_iN / x_N) of **{measure}** against **{reference}**. "
            "Orange: above 1 (the sector's share of the region exceeds its share of the "
            "reference: specialised); blue: below 1; white: 1."
        ).format(measure=measure, reference=plain(view.reference))
    )
    names = dict(zip(view.lq_long["sector_id"], view.lq_long["sector"], strict=False))
    english = dict(zip(view.lq_long["sector_id"], view.lq_long["sector_en"], strict=False))
    config: dict[str, Any] = {
        s: st.column_config.NumberColumn(
            s, help=plain(" / ".join(x for x in (names[s], english[s]) if x))
        )
        for s in names
    }
    for heading in ("region_id", "region", "year"):
        config[heading] = st.column_config.Column(pgettext("column", heading))
    with st.expander(_("Location quotients as a table (what the CSV export holds)")):
        st.dataframe(
            localized(view.lq, dict.fromkeys(names, 3)),
            hide_index=True,
            column_config=config,
            key="regions__lq_table",
        )


def hhi(view: SpecialisationView) -> None:
    """HHI per region (raw and normalised); by year for a multi-year table."""
    st.altair_chart(themed(charts.hhi_chart(view.hhi, by_year=view.by_year)), width="stretch")
    st.dataframe(
        localized(view.hhi, {"hhi": 4, "hhi_normalised": 6, "share_sum_pct": 3}),
        hide_index=True,
        key="regions__hhi_table",
        column_config={
            "year": st.column_config.NumberColumn(pgettext("column", "year"), format="%d"),
            "region_id": st.column_config.TextColumn(pgettext("column", "region_id")),
            "region": st.column_config.TextColumn(pgettext("column", "region")),
            "hhi": st.column_config.NumberColumn(_("HHI"), help=_("Σ s², s in %")),
            "hhi_normalised": st.column_config.NumberColumn(
                _("HHI normalised"), help=_("(HHI − 10000/K) / (10000 − 10000/K)")
            ),
            "sectors": st.column_config.NumberColumn(_("K (sectors)")),
            "share_sum_pct": st.column_config.NumberColumn(_("shares add to %")),
            "is_reference": st.column_config.CheckboxColumn(_("reference row")),
        },
    )
    st.caption(
        _(
            "HHI = Σ s² over the sectors' percent shares of the region's total: 10000/K for an "
            "even spread over K sectors, 10000 for one sector. Normalised: 0 = even, 1 = one "
            "sector. Higher = more concentrated, less diversified."
        )
    )


def screening(view: SpecialisationView) -> None:
    """Which rule set each region × sector passes, and why (every rule's reason)."""
    if view.summary.empty:
        st.info(_("No screening rule set chosen; pick one above to screen the cells."))
        return
    sets = rule_sets()
    state_key = "regions__passed_only"
    if state_key not in st.session_state:
        st.session_state[state_key] = True
    st.toggle(_("Only the cells that pass"), key=state_key)
    summary = view.summary
    if st.session_state[state_key]:
        summary = summary[summary["passed"]]
    names = dict(zip(view.lq_long["sector_id"], view.lq_long["sector"], strict=False))
    shown = summary.assign(
        sector=summary["sector_id"].map(names).fillna(summary["sector_id"]),
        rule_set_title=summary["rule_set"].map(lambda r: sets.get(r, (r, ""))[0]),
    )
    st.dataframe(
        shown,
        hide_index=True,
        key="regions__screening_table",
        column_order=[
            c
            for c in (
                "year",
                "region_id",
                "sector_id",
                "sector",
                "rule_set_title",
                "passed",
                "score",
                "why",
            )
            if c in shown.columns
        ],
        column_config={
            "year": st.column_config.NumberColumn(
                pgettext("column", "year"), width="small", format="%d"
            ),
            "region_id": st.column_config.TextColumn(pgettext("column", "region"), width="small"),
            "sector_id": st.column_config.TextColumn(_("sector id"), width="small"),
            "sector": st.column_config.TextColumn(pgettext("column", "sector"), width="medium"),
            "rule_set_title": st.column_config.TextColumn(_("rule set"), width="medium"),
            "passed": st.column_config.CheckboxColumn(_("passed"), width="small"),
            "score": st.column_config.NumberColumn(
                pgettext("column", "score"), width="small", help=_("Rules passed (stars for ECO)")
            ),
            "why": st.column_config.TextColumn(_("why (each rule's test)"), width="large"),
        },
    )
    total = len(view.summary)
    st.caption(
        ngettext(
            "{passed} of {count} cell passes.", "{passed} of {count} cells pass.", total
        ).format(passed=int(view.summary["passed"].sum()), count=total)
    )
    with st.expander(_("Where the rules come from")):
        for rid in dict.fromkeys(view.summary["rule_set"]):
            title, source = sets.get(rid, (rid, ""))
            st.markdown(f"**{plain(title)}** ({code(rid)}): {plain(source)}")


def profile(view: SpecialisationView, year: int | None) -> None:
    """One region's LQs by sector, sorted, with the LQ = 1 line."""
    rows = _rows(view, year)
    names = dict(zip(rows["region_id"], rows["region"], strict=False))
    regions = list(names)
    choice("regions__profile_region", regions, regions[0])
    picked = st.selectbox(
        _("Region"),
        regions,
        key="regions__profile_region",
        format_func=lambda r: f"{names[r]} ({r})" if names.get(r, r) != r else r,
        width=420,
    )
    mine = rows[rows["region_id"] == picked]
    if view.by_year and year is None:
        latest = int(mine["year"].max())
        mine = mine[mine["year"] == latest]
        st.caption(_("Year {year} (the latest analysed).").format(year=latest))
    st.altair_chart(themed(charts.profile_chart(mine)))
    with st.expander(_("The profile as a table")):
        st.dataframe(
            localized(
                mine.sort_values("lq", ascending=False)[["sector", "sector_en", "lq"]], {"lq": 3}
            ),
            hide_index=True,
            key="regions__profile_table",
            column_config={
                "sector": st.column_config.TextColumn(
                    pgettext("column", "sector"), width="large", pinned=True
                ),
                "sector_en": st.column_config.TextColumn(_("sector (English)"), width="large"),
                "lq": st.column_config.NumberColumn(_("LQ")),
            },
        )
    st.caption(_above(mine))


def _above(mine: pd.DataFrame) -> str:
    """How many sectors of the profile lie above 1, and which (largest LQ first)."""
    above = mine[mine["lq"] > 1]
    count, total = len(above), len(mine)
    if not count:
        return ngettext(
            "{count} of {total} sector above 1.", "{count} of {total} sectors above 1.", total
        ).format(count=count, total=total)
    names = plain(", ".join(above.sort_values("lq", ascending=False)["sector"]))
    return ngettext(
        "{count} of {total} sector above 1: {sectors}.",
        "{count} of {total} sectors above 1: {sectors}.",
        total,
    ).format(count=count, total=total, sectors=names)
