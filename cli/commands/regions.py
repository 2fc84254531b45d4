"""`clusterrank regions ...`: regional specialisation (LQ, HHI, screening) and coefficients.

Subcommands: ``specialisation`` (location quotients, HHI per region and year, screening
rules), ``marketability`` (shipments out / production) and ``per-capita`` (per-capita
production coefficient). The logic is in :mod:`analysis.regional` and
:mod:`analysis.regional_coefficients`; this module parses and renders only.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from clusterrank.cli.commands import summary
from clusterrank.cli.output import (
    FORMATS,
    bullet_lines,
    emit,
    format_help,
    heading,
    number_text,
    to_json,
)
from clusterrank.cli.paths import add_allow_outside, check_output_args, confine, file_scope
from clusterrank.errors import ConfigurationError
from clusterrank.i18n import N_, _

if TYPE_CHECKING:
    import pandas as pd

    from clusterrank.analysis.regional import SpecialisationAnalysis
    from clusterrank.analysis.regional_coefficients import CoefficientReport

_LAYOUT = N_(
    "DATA is a region × sector CSV, long (region_id, sector_id, value, optional measure, "
    "unit, year, region_name, sector_name) or wide (region_id plus one column per sector); "
    "leading '#' lines are comments."
)
_INDICATORS = N_(
    "DATA is a long CSV: indicator_id, value, optional region_id, year, unit (one row per "
    "figure; leading '#' lines are comments)."
)


def register(sub: Any) -> argparse.ArgumentParser:
    """Add the ``regions`` subcommand and its subcommands to ``sub``; return its parser.

    The subcommands are specialisation, marketability and per-capita.
    """
    p: argparse.ArgumentParser = sub.add_parser(
        "regions",
        help=summary("regions"),
        description=_(
            "Compare regions before clusters: `specialisation` gives location quotients, the "
            "HHI of each region (raw and normalised; a series by year for a multi-year file) "
            "and screening rules; `marketability` and `per-capita` give seed 003's "
            "coefficients. To rank regions, use `clusterrank rank` on a regional scenario."
        ),
    )
    inner = p.add_subparsers(dest="regions_command", metavar=_("SUBCOMMAND"))
    inner.required = True
    _register_specialisation(inner)
    _register_marketability(inner)
    _register_per_capita(inner)
    return p


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="table", help=format_help())
    p.add_argument("-o", "--output", help=_("write to this file instead of stdout"))


def _register_specialisation(inner: Any) -> None:
    from clusterrank.analysis.regional import TABLES  # the table names, for --table's choices

    p: argparse.ArgumentParser = inner.add_parser(
        "specialisation",
        help=_("location quotients, HHI per region (and year) and screening results"),
        description=_(
            "Location quotients of one measure, the HHI of every region (percent shares, "
            "10000/K..10000, and normalised 0..1) and the screening rules (each region × "
            "sector told which rule it passes and why). A file with several years is "
            "analysed year by year unless --year is given; a year with missing figures is "
            "skipped with a note naming them."
        )
        + " "
        + _(_LAYOUT),
        epilog=_(
            "Example (seed 003's HHI series 2011-2015): clusterrank regions specialisation "
            "configs/data/seed003_table1_gva_structure.csv --measure gva_share "
            "--total-sector total --table hhi"
        ),
    )
    p.add_argument("data", metavar="DATA", help=_("region × sector CSV"))
    p.add_argument("--measure", help=_("measure to analyse (needed when the file holds several)"))
    p.add_argument(
        "--reference", help=_("region id of the reference row, e.g. the nation (default: sum)")
    )
    p.add_argument("--year", type=int, help=_("analyse this year only (default: every year)"))
    p.add_argument("--total-sector", help=_("sector id holding each region's total, e.g. total"))
    p.add_argument("--rules", help=_("screening rules YAML (default: the shipped one)"))
    add_allow_outside(p)
    p.add_argument(
        "--rule-set",
        action="append",
        metavar="ID",
        help=_("apply this rule set (repeatable; default: all; 'none' for no screening)"),
    )
    p.add_argument(
        "--table",
        choices=(*TABLES, "all"),
        help=_(
            "which table to print: hhi, lq, screening (one row per rule) or summary "
            "(one row per rule set, with why); default: all for table, hhi for csv"
        ),
    )
    _output_options(p)
    p.set_defaults(handler=run_specialisation)


def _register_marketability(inner: Any) -> None:
    p: argparse.ArgumentParser = inner.add_parser(
        "marketability",
        help=_("regional marketability coefficient: shipments out / production"),
        description=_(
            "Shipments of a product out of the region divided by its regional production "
            "(seed 003, Table 3), per product, region and year, next to the printed "
            "figure when the file has one. Rows: <product>_production and "
            "<product>_shipments_total (or <product>_shipments); a printed figure is "
            "<product>_marketability_coefficient."
        )
        + " "
        + _(_INDICATORS),
        epilog=_(
            "Example: clusterrank regions marketability "
            "configs/data/seed003_table3_marketability.csv"
        ),
    )
    p.add_argument("data", metavar="DATA", help=_("indicator CSV"))
    p.add_argument(
        "--product", action="append", help=_("product id (repeatable; default: every product)")
    )
    _output_options(p)
    p.set_defaults(handler=run_marketability)


def _register_per_capita(inner: Any) -> None:
    p: argparse.ArgumentParser = inner.add_parser(
        "per-capita",
        help=_("per-capita production coefficient against a reference region"),
        description=_(
            "(Region's share of the reference's output of a product) / (region's share of "
            "its population), per product, region and year (seed 003, Table 2). Rows: "
            "<product>_output and population, for the regions and the --reference row. "
            "Seed 003 prints only the coefficients, not the output and population behind "
            "them, so its Table 2 cannot be recomputed from the shipped data."
        )
        + " "
        + _(_INDICATORS),
    )
    p.add_argument("data", metavar="DATA", help=_("indicator CSV"))
    p.add_argument("--reference", required=True, help=_("region id of the nation (denominator)"))
    p.add_argument("--population", default="population", help=_("population indicator id"))
    _output_options(p)
    p.set_defaults(handler=run_per_capita)


def run_specialisation(args: argparse.Namespace) -> int:
    """Run ``clusterrank regions specialisation``: LQs, HHI and screening of a regional table.

    Returns the exit status, 0.

    Raises
    ------
    ConfigurationError
        ``--rule-set none`` with other rule sets, or ``--format csv`` without one ``--table``.
    """
    from clusterrank.analysis.regional import specialisation_analysis

    check_output_args(args, args.data, args.rules)
    if args.rules:  # beside the data or in the shipped configs, unless --allow-outside
        confine(args.rules, file_scope(args, args.data))
    rule_sets = args.rule_set
    if rule_sets and "none" in rule_sets:
        if len(rule_sets) > 1:
            msg = _("--rule-set none cannot be combined with other rule sets")
            raise ConfigurationError(msg)
        rule_sets = []
    table = args.table or ("hhi" if args.format == "csv" else "all")
    if args.format == "csv" and table == "all":
        msg = _("CSV holds one table: choose --table hhi, lq, screening or summary")
        raise ConfigurationError(msg)
    analysis = specialisation_analysis(
        args.data,
        measure=args.measure,
        reference=args.reference,
        year=args.year,
        total_sector=args.total_sector,
        rules=args.rules,
        rule_sets=rule_sets,
    )
    emit(render_specialisation(analysis, args.format, table), args.output)
    return 0


def render_specialisation(analysis: SpecialisationAnalysis, fmt: str, table: str) -> str:
    """The specialisation analysis in ``fmt``: ``json``, ``csv`` (the one ``table``) or text.

    The text shows the settings, then the HHI, LQ and screening summary tables (or only ``table``)
    and the notes.
    """
    if fmt == "json":
        return to_json(analysis.to_payload())
    if fmt == "csv":
        return _csv_with_settings(analysis.table(table), analysis.settings)
    s = analysis.settings
    unit = f" ({s['unit']})" if s.get("unit") else ""
    parts = [
        _("Regional specialisation of {measure}: {source}").format(
            measure=f"{analysis.measure}{unit}", source=analysis.source
        ),
        _("reference: {reference}; years: {years}").format(
            reference=analysis.reference, years=s["years"]
        ),
        _("settings: {settings}").format(
            settings="; ".join(f"{k}={v}" for k, v in s.items() if k != "source")
        ),
    ]
    titles = {
        "hhi": _("HHI by region and year") if analysis.by_year else _("HHI by region"),
        "lq": _("Location quotients"),
        "screening": _("Screening, one row per rule"),
        "summary": _("Screening (passed = any rule passed; score = rules passed)"),
    }
    for name in ("hhi", "lq", "summary") if table == "all" else (table,):
        frame = analysis.table(name)
        body = _text_table(frame) if not frame.empty else _("(none: no rule set was applied)")
        parts += ["", titles[name], body]
    notes = bullet_lines(_("notes:"), analysis.notes)
    if notes:
        parts += ["", notes]
    return "\n".join(parts)


def run_marketability(args: argparse.Namespace) -> int:
    """Run ``clusterrank regions marketability`` and emit the coefficients; return 0."""
    from clusterrank.analysis.regional_coefficients import marketability_analysis

    check_output_args(args, args.data)
    report = marketability_analysis(args.data, products=args.product)
    emit(render_coefficients(report, args.format), args.output)
    return 0


def run_per_capita(args: argparse.Namespace) -> int:
    """Run ``clusterrank regions per-capita`` and emit the coefficients; return 0."""
    from clusterrank.analysis.regional_coefficients import per_capita_analysis

    check_output_args(args, args.data)
    report = per_capita_analysis(args.data, reference=args.reference, population=args.population)
    emit(render_coefficients(report, args.format), args.output)
    return 0


def render_coefficients(report: CoefficientReport, fmt: str) -> str:
    """A coefficient report in ``fmt``: ``json``, ``csv`` (settings on every row) or text."""
    if fmt == "json":
        return to_json(report.to_payload())
    if fmt == "csv":
        return _csv_with_settings(report.table, report.settings)
    if report.kind == "marketability":
        title = _("Regional marketability coefficient: {source}")
    else:
        title = _("Per-capita production coefficient: {source}")
    settings = "; ".join(f"{k}={v}" for k, v in report.settings.items() if k != "source")
    parts = [
        title.format(source=report.source),
        _("settings: {settings}").format(settings=settings),
        "",
        _text_table(report.table, floatfmt="{:.6g}"),
    ]
    notes = bullet_lines(_("notes:"), report.notes)
    if notes:
        parts += ["", notes]
    return "\n".join(parts)


def _text_table(frame: pd.DataFrame, floatfmt: str = "{:.4f}") -> str:
    """A plain text table with text columns left-aligned (long reasons read better)."""
    import pandas as pd

    spec = floatfmt[2:-1]  # "{:.4f}" -> ".4f"
    formatters: dict[str, Any] = {}
    for col in frame.columns:
        if pd.api.types.is_float_dtype(frame[col]):
            formatters[heading(col)] = lambda v: number_text(v, spec)
        elif pd.api.types.is_string_dtype(frame[col]) or frame[col].dtype == object:
            width = int(frame[col].astype(str).str.len().max())
            formatters[heading(col)] = lambda v, w=width: f"{v!s:<{w}}"
    shown = frame.rename(columns=heading)
    text = str(shown.to_string(index=False, formatters=formatters, justify="left"))
    return "\n".join(line.rstrip() for line in text.splitlines())


def _csv_with_settings(frame: pd.DataFrame, settings: Mapping[str, Any]) -> str:
    """CSV with a ``settings`` column on every row, so no figure travels without them.

    Formula-like text neutralised (:func:`reports.cells.csv_text`).
    """
    from clusterrank.reports.cells import csv_text

    line = "; ".join(f"{k}={v}" for k, v in settings.items())
    return csv_text(frame.assign(settings=line))
