"""One look for every Altair chart: text that reads (WCAG 2.1 AA), series colours never repeated.

Streamlit draws chart axes and legends in a mid grey (3.7–3.9:1 on white, below AA's 4.5:1).
:func:`themed` sets every axis, legend, header and title text of a chart to :data:`TEXT`
(14.8:1 on white) and :data:`MUTED` for axis titles (8.4:1); call it on the
finished top-level chart, just before ``st.altair_chart``. :data:`SERIES` is a qualitative
palette of eight colours, each at least 3:1 against white (WCAG 1.4.11, graphical objects) and
paired with :data:`SHAPES`, so a series is told apart without colour too; a chart with more
series than :data:`SERIES` holds must label them directly or summarise the rest (see
:func:`series_scale`).
"""

from __future__ import annotations

from typing import Final, TypeVar

import altair as alt

from clusterrank.i18n import formats

TEXT: Final = "#262730"  # axis labels, legend labels, titles
MUTED: Final = "#4a4d57"  # axis titles, grid-free secondary text
BACKGROUND: Final = "#ffffff"
GRID: Final = "#d9dbe0"
CONTEXT: Final = "#b9bcc4"  # the rest of the candidates, drawn behind the chosen ones
# Okabe–Ito-like, darkened where needed so each is >= 3:1 against white; no two alike.
SERIES: Final = (
    "#0072b2",  # blue
    "#d55e00",  # vermilion
    "#007a5a",  # bluish green
    "#b3407f",  # reddish purple
    "#6a4c93",  # violet
    "#8a6100",  # ochre
    "#1b1b1b",  # near black
    "#00808f",  # teal
)
SHAPES: Final = (
    "circle",
    "square",
    "triangle-up",
    "diamond",
    "triangle-down",
    "cross",
    "triangle-left",
    "triangle-right",
)
MAX_SERIES: Final = len(SERIES)
FONT_SIZE: Final = 12

ChartT = TypeVar("ChartT", bound=alt.TopLevelMixin)


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[k : k + 2], 16) / 255 for k in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str = BACKGROUND) -> float:
    """WCAG 2.1 contrast ratio of two ``#rrggbb`` colours, from 1 to 21.

    References
    ----------
    W3C, Web Content Accessibility Guidelines 2.1, definitions of "contrast ratio" and
    "relative luminance".
    """
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def series_scale(names: list[str]) -> tuple[alt.Scale, alt.Scale]:
    """Colour and shape scales giving each of ``names`` its own colour and its own shape.

    More names than :data:`MAX_SERIES` is a programming error: the caller must show the top
    few and summarise the rest, or label the series directly.
    """
    if len(names) > MAX_SERIES:
        msg = f"{len(names)} series but only {MAX_SERIES} distinct colours; summarise the rest"
        raise ValueError(msg)
    count = len(names)
    return (
        alt.Scale(domain=names, range=list(SERIES[:count])),
        alt.Scale(domain=names, range=list(SHAPES[:count])),
    )


def themed(chart: ChartT) -> ChartT:
    """``chart`` with readable axes, legends, headers and title (apply to the top level).

    Its numbers are written with the current language's marks (``config.locale``: ``0,74``
    and ``1 345`` in Russian), set last so a configuration the caller made is kept.
    """
    styled = (
        chart.configure_axis(
            labelColor=TEXT,
            titleColor=MUTED,
            labelFontSize=FONT_SIZE,
            titleFontSize=FONT_SIZE,
            tickColor=MUTED,
            domainColor=MUTED,
            gridColor=GRID,
        )
        .configure_legend(
            labelColor=TEXT, titleColor=MUTED, labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE
        )
        .configure_header(
            labelColor=TEXT, titleColor=MUTED, labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE
        )
        .configure_title(color=TEXT, subtitleColor=MUTED, fontSize=14, anchor="start")
        .configure_text(color=TEXT)
    )
    styled.config["locale"] = alt.Locale(**formats.chart_locale())  # config copied above
    return styled
