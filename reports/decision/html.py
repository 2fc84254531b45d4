"""The decision report as ONE self-contained HTML file.

Rendered from ``templates/report.html.j2`` with Jinja2, autoescaping on (every name a user
typed is escaped); the CSS is inline and the charts are inline SVG
(:mod:`reports.decision.charts`), so the file opens anywhere without a network. The PDF is
typeset from this same HTML (:mod:`reports.decision.pdf`).
"""

from __future__ import annotations

import math
import string
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from clusterrank.i18n import _, formats, ngettext, pgettext, use_language
from clusterrank.reports.decision import charts
from clusterrank.reports.decision.model import DecisionReport

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "report.html.j2"
STATUS_MARK = {"imputed": "*", "illustrative": "†", "reported": ""}
THIN = "\u202f"
"""Groups a figure's thousands (a narrow no-break space, in every language)."""


@cache
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # The callables read the language of the current context at each call, so one cached
    # environment serves every language; render inside use_language(report.lang).
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=_, ngettext=ngettext, newstyle=True, pgettext=pgettext
    )
    env.filters.update(
        num=num, figure=figure, pct=pct, cell=cell, signed=signed, day=day, moment=moment
    )
    env.globals.update(css_text=css_text)
    return env


def num(value: Any, digits: int = 4) -> str:
    """A score or weight with ``digits`` decimals; text passes through."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if isinstance(value, int):
        return formats.integer(value)
    if not math.isfinite(value):
        return "—"
    return formats.number(value, digits)


def signed(value: Any, digits: int = 4) -> str:
    """A difference with its sign, ``+0.1234`` / ``-0.1234`` (the language's decimal mark)."""
    if value is None or not math.isfinite(float(value)):
        return "—"
    return ("+" if float(value) >= 0 else "-") + formats.number(abs(float(value)), digits)


def figure(value: float) -> str:
    """A data figure for reading: thousands grouped, at most four significant digits below."""
    if not math.isfinite(value):
        return "—"
    if float(value).is_integer() or abs(value) >= 1000:
        return formats.number(value, 0).replace(formats.group_mark(), THIN)
    text = f"{value:.4g}"
    if "e" in text:
        return text.replace(".", formats.decimal_mark())
    digits = len(text.partition(".")[2])
    return formats.number(float(text), digits, group=False)


def pct(value: float) -> str:
    """A share as a percentage with one decimal."""
    return formats.percent(value, 1)


def cell(value: Any) -> str:
    """A table cell: numbers with four decimals (integers as they are), text as it is."""
    return num(value)


def day(iso: str) -> str:
    """An ISO date (``2026-11-30``) as the language writes it (``30 нояб. 2026 г.``)."""
    try:
        return formats.date(date.fromisoformat(iso[:10]))
    except ValueError:
        return iso


def moment(iso: str) -> str:
    """An ISO date-time in UTC as the language writes it."""
    try:
        return formats.datetime(datetime.fromisoformat(iso).replace(tzinfo=None))
    except ValueError:
        return iso


def css_text(message: str, **counters: str) -> Markup:
    """A translated ``message`` as the value of a CSS ``content`` property.

    Each ``{name}`` placeholder becomes the CSS expression given for it (``counter(page)``,
    ``string(dochash)``), the words around them quoted CSS strings: ``"стр. " counter(page)
    " из " counter(pages)``. The words are escaped for a CSS string inside ``<style>``.
    """
    parts = []
    for literal, name, _spec, _conv in string.Formatter().parse(message):
        if literal:
            quoted = literal.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
            parts.append(f'"{quoted}"')
        if name:
            parts.append(counters[name])
    return Markup(" ".join(parts))  # every word escaped for CSS above


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
    """The report as one HTML document (UTF-8 text), in the report's language.

    ``for_print`` drops the screen-only rules (the PDF engine reads the same file).
    """
    with use_language(report.lang):
        svgs = {k: Markup(v) for k, v in chart_svgs(report).items()}  # drawn by us, escaped
        template = _environment().get_template(TEMPLATE)
        command = Markup("<code>clusterrank report … --sensitivity</code>")
        return str(
            template.render(
                r=report, charts=svgs, marks=STATUS_MARK, for_print=for_print, command=command
            )
        )
