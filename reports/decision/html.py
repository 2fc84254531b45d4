"""The decision report as ONE self-contained HTML file.

Rendered from ``templates/report.html.j2`` with Jinja2, autoescaping on (every name a user
typed is escaped); the CSS is inline and the charts are inline SVG
(:mod:`reports.decision.charts`), so the file opens anywhere without a network. The PDF is
typeset from this same HTML (:mod:`reports.decision.pdf`).
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path
from typing import Any

from clusterrank.reports.decision import charts
from clusterrank.reports.decision.model import DecisionReport

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "report.html.j2"
STATUS_MARK = {"imputed": "*", "illustrative": "†", "reported": ""}


@cache
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(num=num, figure=figure, pct=pct, cell=cell)
    return env


def num(value: Any, digits: int = 4) -> str:
    """A score or weight with ``digits`` decimals; text passes through."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return "—"
    return f"{value:.{digits}f}"


def figure(value: float) -> str:
    """A data figure for reading: thousands grouped, at most four significant digits below."""
    if not math.isfinite(value):
        return "—"
    if float(value).is_integer() or abs(value) >= 1000:
        return f"{value:,.0f}".replace(",", "\u202f")
    return f"{value:.4g}"


def pct(value: float) -> str:
    """A share as a percentage with one decimal."""
    return f"{value:.1%}"


def cell(value: Any) -> str:
    """A table cell: numbers with four decimals (integers as they are), text as it is."""
    return num(value)


def chart_svgs(report: DecisionReport) -> dict[str, str]:
    """The report's charts as inline SVG strings (empty when a chart has nothing to show)."""
    out = {
        "ranking": charts.ranking_chart(report.ranking, report.higher_is_better),
        "weights": charts.weights_chart(report.criteria),
        "why": "",
        "contributions": "",
    }
    if report.why is not None:
        out["why"] = charts.pair_chart(report.why)
        out["contributions"] = charts.contributions_chart(report.why)
    return out


def render_html(report: DecisionReport, *, for_print: bool = False) -> str:
    """The report as one HTML document (UTF-8 text).

    ``for_print`` drops the screen-only rules (the PDF engine reads the same file).
    """
    from markupsafe import Markup

    svgs = {k: Markup(v) for k, v in chart_svgs(report).items()}  # drawn by us, text escaped
    template = _environment().get_template(TEMPLATE)
    return str(template.render(r=report, charts=svgs, marks=STATUS_MARK, for_print=for_print))
