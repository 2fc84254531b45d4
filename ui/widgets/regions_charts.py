"""Altair charts of the Regions page: LQ heatmap, HHI, a region's profile, regions compared, map.

Charts are rebuilt on every rerun from the small frames of
:class:`reports.regions_view.SpecialisationView` (never cached). Location quotients use one
diverging colour scale centred on 1 (blue below, orange above: specialised); sector labels
carry the file's own name (Cyrillic kept) with the English one on a second line.
"""

from __future__ import annotations

import textwrap
from typing import Any, Final

import altair as alt
import pandas as pd

from clusterrank.i18n import _, formats, pgettext
from clusterrank.ui.widgets.chart_theme import CONTEXT, TEXT, series_scale

LQ_RANGE: Final = ["#2f6db5", "#f7f7f7", "#e0760f"]  # below 1, at 1, above: blue-white-orange
LABEL_SEPARATOR = "|"  # sector labels are split into lines on this in the axis
# Streamlit sizes charts with autosize "fit": a chart's height includes its axes, so the
# heights below are a fixed allowance for axes and titles plus a band per row.


def sector_label(sector: str, sector_en: str) -> str:
    """``Добыча полезных ископаемых|Mining and quarrying``.

    One line when there is no English name, or it equals the other.
    """
    if sector_en and sector_en != sector:
        return f"{sector}{LABEL_SEPARATOR}{sector_en}"
    return sector


def lq_domain(values: pd.Series) -> list[float]:
    """Colour domain ``[0, 1, top]``.

    1 in the middle, ``top`` at least 2 so that a table of LQs near 1 stays pale instead of being
    stretched to full colour.
    """
    top = float(values.max()) if len(values) else 2.0
    return [0.0, 1.0, max(2.0, top)]


def _sector_axis(title: str | None = None) -> alt.Axis:
    return alt.Axis(
        title=title,
        labelExpr=f"split(datum.label, '{LABEL_SEPARATOR}')",
        labelLimit=330,
        labelFontSize=11,
        labelOverlap=False,
        labelPadding=6,
    )


def lq_heatmap(
    long: pd.DataFrame, column: str, column_title: str
) -> alt.LayerChart | alt.FacetChart:
    """Sectors (rows) × ``column`` (regions, or years of one region); the LQ in each cell.

    Parameters
    ----------
    long
        One row per cell with ``lq``, ``sector``, ``sector_en``, ``sector_id`` and ``column``.
    column
        The frame column giving the heatmap's columns (e.g. ``region`` or ``year``).
    """
    domain = lq_domain(long["lq"])
    data = long.assign(
        sector_label=[
            sector_label(s, e) for s, e in zip(long["sector"], long["sector_en"], strict=True)
        ],
        column_label=long[column].astype(str),
        strong=(long["lq"] >= 1 + 0.6 * (domain[2] - 1)) | (long["lq"] <= 0.4),
    )
    order = data.groupby("sector_label", sort=False)["lq"].mean().sort_values(ascending=False).index
    columns = list(dict.fromkeys(data["column_label"]))
    base = alt.Chart(data).encode(
        x=alt.X(
            "column_label:N",
            sort=columns,
            title=column_title,
            axis=alt.Axis(orient="top", labelAngle=-30, labelLimit=180),
        ),
        y=alt.Y("sector_label:N", sort=list(order), axis=_sector_axis()),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color(
            "lq:Q",
            title=_("LQ"),
            scale=alt.Scale(domain=domain, range=LQ_RANGE, interpolate="lab"),
            legend=alt.Legend(orient="right", gradientLength=min(220, 30 * len(order) + 40)),
        ),
        tooltip=[
            alt.Tooltip("column_label:N", title=column_title),
            alt.Tooltip("sector:N", title=pgettext("column", "sector")),
            alt.Tooltip("sector_en:N", title=_("sector (English)")),
            alt.Tooltip("sector_id:N", title=_("sector id")),
            alt.Tooltip("lq:Q", title=_("LQ"), format=".3f"),
        ],
    )
    text = base.mark_text(fontSize=12).encode(
        text=alt.Text("lq:Q", format=".2f"),
        color=alt.condition(alt.datum.strong, alt.value("white"), alt.value("#1f1f1f")),
    )
    width = max(260, min(1000, 80 * len(columns)))
    return alt.layer(cells, text).properties(width=width, height=100 + 46 * len(order))


def hhi_chart(hhi: pd.DataFrame, *, by_year: bool) -> alt.Chart | alt.LayerChart | alt.FacetChart:
    """HHI by year (a line per region) or per region (bars, the reference in grey)."""
    region = pgettext("column", "region")
    year = pgettext("column", "year")
    tooltip = [
        alt.Tooltip("region:N", title=region),
        alt.Tooltip("hhi:Q", title=_("HHI"), format=",.2f"),
        alt.Tooltip("hhi_normalised:Q", title=_("normalised"), format=".4f"),
        alt.Tooltip("sectors:Q", title=_("sectors (K)")),
    ]
    title = _("HHI (percent shares; 10000/K..10000)")
    if by_year:
        base = alt.Chart(hhi).encode(
            x=alt.X("year:O", title=year, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("hhi:Q", title=title, scale=alt.Scale(zero=False)),
            color=alt.Color("region:N", title=region),
            tooltip=[alt.Tooltip("year:O", title=year), *tooltip],
        )
        labels = base.mark_text(dy=-12, fontSize=11).encode(text=alt.Text("hhi:Q", format=".2f"))
        return alt.layer(base.mark_line(), base.mark_point(filled=True, size=70), labels)
    frame = hhi.sort_values("hhi", ascending=False)
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("hhi:Q", title=title),
            y=alt.Y("region:N", sort=list(frame["region"]), title=None),
            color=alt.condition(alt.datum.is_reference, alt.value("#9aa0a6"), alt.value("#4c78a8")),
            tooltip=[*tooltip, alt.Tooltip("is_reference:N", title=_("reference row"))],
        )
        .properties(height=70 + 30 * len(frame))
    )


def profile_chart(rows: pd.DataFrame) -> alt.LayerChart | alt.FacetChart:
    """One region's LQs by sector, largest first, with the LQ = 1 line.

    Orange bars at or above 1, blue below.
    """
    data = rows.assign(
        sector_label=[
            sector_label(s, e) for s, e in zip(rows["sector"], rows["sector_en"], strict=True)
        ]
    ).sort_values("lq", ascending=False)
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "lq:Q",
                title=_("location quotient (1 = as specialised as the reference)"),
                axis=alt.Axis(tickCount=8),
            ),
            y=alt.Y("sector_label:N", sort=list(data["sector_label"]), axis=_sector_axis()),
            color=alt.condition(alt.datum.lq >= 1, alt.value(LQ_RANGE[2]), alt.value(LQ_RANGE[0])),
            tooltip=[
                alt.Tooltip("sector:N", title=pgettext("column", "sector")),
                alt.Tooltip("sector_en:N", title=_("sector (English)")),
                alt.Tooltip("lq:Q", title=_("LQ"), format=".3f"),
            ],
        )
    )
    labels = bars.mark_text(align="left", dx=4, fontSize=11).encode(
        text=alt.Text("lq:Q", format=".2f"), color=alt.value("#1f1f1f")
    )
    one = alt.Chart(pd.DataFrame({"lq": [1.0]})).mark_rule(
        color="#202124", strokeDash=[5, 3], strokeWidth=1.5
    )
    return alt.layer(bars, labels, one.encode(x="lq:Q")).properties(height=70 + 40 * len(data))


def figure(value: float) -> str:
    """A raw figure as people read it: ``210,241,000``, ``3.6``, ``0.0123`` (in the language).

    Four significant digits below 1,000 (``0,0123`` and ``3,6`` in Russian).
    """
    if abs(value) >= 1000:
        return formats.number(round(value), 0)
    text = f"{value:.4g}"
    if "e" in text:  # a tiny figure: keep the scientific notation, with the language's mark
        return text.replace(".", formats.decimal_mark())
    digits = len(text.split(".")[1]) if "." in text else 0
    return formats.number(float(text), digits)


def comparison_frame(profile: pd.DataFrame) -> pd.DataFrame:
    """``profile`` with each candidate's rank on each criterion and its value with its unit.

    ``criterion_rank`` is 1 for the best position among all candidates (ties share the best
    rank); ``value_text`` is the raw figure with its unit, for tooltips and tables.
    """
    ranks = profile.groupby("criterion", sort=False)["position"].rank(ascending=False, method="min")
    text = [
        f"{figure(value)} {unit}".strip()
        for value, unit in zip(profile["value"], profile["unit"], strict=True)
    ]
    wrapped = [LABEL_SEPARATOR.join(textwrap.wrap(c, 36)) for c in profile["criterion"]]
    return profile.assign(
        criterion_rank=ranks.astype(int), value_text=text, criterion_label=wrapped
    )


def comparison_chart(
    profile: pd.DataFrame, regions: list[str], count: int
) -> alt.LayerChart | alt.FacetChart:
    """Where the chosen regions stand on every criterion among all ``count`` ranked regions.

    A dot plot: one row per criterion, the position (1 = best value, cost criteria turned
    round) on x; every ranked region a grey tick behind, the chosen regions a point each with
    their own colour and shape (told apart without colour). Tooltips give the raw value with
    its unit and the rank on that criterion.

    Parameters
    ----------
    profile
        :func:`comparison_frame` of every ranked region.
    regions
        Display names of the chosen regions, in the order picked (at most
        :data:`chart_theme.MAX_SERIES`).
    """
    order = list(dict.fromkeys(profile["criterion_label"]))
    colour, shape = series_scale(regions)
    y = alt.Y(  # criterion titles wrapped onto lines of 36 characters, never cut
        "criterion_label:N",
        sort=order,
        title=None,
        axis=alt.Axis(
            labelExpr=f"split(datum.label, '{LABEL_SEPARATOR}')",
            labelLimit=320,
            labelPadding=6,
            labelOverlap=False,
        ),
    )
    region = pgettext("column", "region")
    x_title = _("position among the {count} regions (1 = best value)").format(count=count)
    x = alt.X("position:Q", title=x_title, scale=alt.Scale(domain=[0, 1]))
    tooltip = [
        alt.Tooltip("candidate:N", title=region),
        alt.Tooltip("criterion:N", title=pgettext("column", "criterion")),
        alt.Tooltip("value_text:N", title=pgettext("column", "value")),
        alt.Tooltip(
            "criterion_rank:Q",
            title=_("rank on this criterion (of {count})").format(count=count),
        ),
        alt.Tooltip("position:Q", title=_("position (0..1)"), format=".2f"),
    ]
    context = (
        alt.Chart(profile)
        .mark_tick(color=CONTEXT, thickness=1.5, size=16)
        .encode(x=x, y=y, tooltip=tooltip)
    )
    chosen = profile[profile["candidate"].isin(regions)]
    points = (
        alt.Chart(chosen)
        .mark_point(filled=True, size=120, opacity=1, strokeWidth=1, stroke="white")
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "candidate:N",
                title=region,
                scale=colour,
                legend=alt.Legend(orient="bottom", columns=1, labelLimit=480, symbolSize=120),
            ),
            shape=alt.Shape("candidate:N", title=region, scale=shape),
            tooltip=tooltip,
        )
    )
    title = alt.Title(
        _("The chosen regions on each criterion"),
        subtitle=_("grey ticks: the other ranked regions; {count} regions in all").format(
            count=count
        ),
    )
    return alt.layer(context, points).properties(title=title, height=80 + 52 * len(order))


def region_map(features: list[dict[str, Any]], labels: pd.DataFrame, regions: list[str]) -> Any:
    """The chosen regions coloured as in the comparison chart, their countries' others grey.

    Drawn from the shipped polygons alone (no tiles): ``features`` from
    :func:`reports.regions_map.map_features`, ``labels`` one point per chosen region; the
    NUTS code stands beside each region's point, in its shape, so no colour is needed.
    """
    colour, shape = series_scale(regions)
    projection = "mercator"
    shapes = (
        alt.Chart(alt.Data(values=features))
        .mark_geoshape(stroke="white", strokeWidth=0.6)
        .encode(
            color=alt.condition(
                "datum.properties.chosen",
                alt.Color("properties.name:N", scale=colour, legend=None),
                alt.value(CONTEXT),
            ),
            tooltip=[
                alt.Tooltip("properties.name:N", title=pgettext("column", "region")),
                alt.Tooltip("properties.nuts_id:N", title=_("NUTS code")),
            ],
        )
        .project(projection)
    )
    base = alt.Chart(labels).encode(longitude="lon:Q", latitude="lat:Q")
    points = (
        base.mark_point(filled=True, size=90, stroke="white", strokeWidth=1)
        .encode(
            color=alt.Color("name:N", scale=colour, legend=None),
            shape=alt.Shape("name:N", scale=shape, legend=None),
            tooltip=[
                alt.Tooltip("name:N", title=pgettext("column", "region")),
                alt.Tooltip("nuts_id:N", title=_("NUTS code")),
            ],
        )
        .project(projection)
    )
    codes = (
        base.mark_text(align="left", dx=8, dy=-6, fontSize=12, fontWeight="bold")
        .encode(text="nuts_id:N", color=alt.value(TEXT))
        .project(projection)
    )
    title = alt.Title(_("Where the chosen regions are"), subtitle=_("NUTS 2016 level 2"))
    return alt.layer(shapes, points, codes).properties(title=title, height=420)
