"""`clusterrank rank`: rank a scenario's candidates, or a plain decision matrix."""

from __future__ import annotations

import argparse
import json
import math
from typing import TYPE_CHECKING, Any

from clusterrank.cli.commands import summary
from clusterrank.cli.output import (
    FORMATS,
    bullet_lines,
    emit,
    format_help,
    frame_table,
    not_assessable_lines,
    number_text,
    to_json,
    with_quality,
)
from clusterrank.cli.paths import add_allow_outside, check_output_args, file_scope
from clusterrank.errors import ConfigurationError
from clusterrank.i18n import _

if TYPE_CHECKING:
    from clusterrank.analysis.report import RankingReport


def register(sub: Any) -> argparse.ArgumentParser:
    """Add the ``rank`` subcommand and its options to ``sub``; return its parser."""
    from clusterrank.analysis.weights import objective_methods  # the names only; no pymcdm imported

    p: argparse.ArgumentParser = sub.add_parser(
        "rank",
        help=summary("rank"),
        description=_(
            "Rank the candidates of a scenario, or of a plain decision matrix given with "
            "--matrix (header row of criterion names, first column candidate ids). "
            "Results list rank 1 first, with the method, every setting and all notes."
        ),
    )
    p.add_argument("scenario", nargs="?", help=_("scenario YAML (omit when using --matrix)"))
    p.add_argument(
        "--method",
        help=_("ranking method (see `clusterrank methods`); default: the scenario's, else topsis"),
    )
    p.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=_(
            "a method setting, e.g. --setting v=0.3 for VIKOR (repeatable); a list is "
            "comma-separated, e.g. --setting p=1,2,3, or nested in brackets, e.g. --setting "
            '"bounds=[[0,10],[1,5]]"'
        ),
    )
    p.add_argument(
        "--normalization",
        choices=("vector", "minmax"),
        help=_("TOPSIS/WSM normalisation (shortcut for --setting normalization=...)"),
    )
    p.add_argument("--matrix", help=_("plain decision matrix CSV instead of a scenario"))
    p.add_argument(
        "--directions",
        help=_('with --matrix: one per criterion, e.g. "+,-,+" (+ benefit, - cost)'),
    )
    p.add_argument(
        "--weights",
        help=_(
            'with --matrix: e.g. "0.2,0.3,0.5", or an objective method computing them from the '
            "matrix: {methods} (default: equal)"
        ).format(methods=", ".join(objective_methods())),
    )
    p.add_argument(
        "--decimal",
        choices=(",", "."),
        help=_(
            "with --matrix: the decimal separator of the CSV's numbers; needed only when a "
            "number such as 1,200 or 1.200 could be read two ways and no other cell shows which"
        ),
    )
    p.add_argument("--format", choices=FORMATS, default="table", help=format_help())
    p.add_argument("-o", "--output", help=_("write to this file instead of stdout"))
    add_allow_outside(p)
    p.set_defaults(handler=run)
    return p


def parse_settings(pairs: list[str], normalization: str | None) -> dict[str, Any]:
    """Turn ``KEY=VALUE`` strings into a settings dict.

    A number becomes a number, ``null`` becomes None, ``1,2,3`` a list of numbers and a
    value in square brackets a (nested) list read as JSON, e.g. ``[[0,10],[1,5]]``; any
    other text stays text.
    """
    settings: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            msg = _("--setting expects KEY=VALUE (got {pair})").format(pair=repr(pair))
            raise ConfigurationError(msg)
        settings[key.strip()] = _parse_value(key.strip(), value.strip())
    if normalization:
        settings["normalization"] = normalization
    return settings


def _parse_value(key: str, text: str) -> Any:
    if text.lower() in ("null", "none"):
        return None
    if text.startswith("["):
        return _parse_list(key, text)
    if "," in text:
        items = [_number(part.strip()) for part in text.split(",")]
        if any(item is None for item in items):
            msg = _(
                "--setting {key}={text}: a comma-separated value is a list of numbers, "
                "e.g. {key}=1,2.5,3 (one per criterion); write decimals with a point"
            ).format(key=key, text=text)
            raise ConfigurationError(msg)
        return items
    number = _number(text)
    return text if number is None else number


def _number(text: str) -> int | float | None:
    """``text`` as an int or float, or None when it is no finite number."""
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    try:
        return int(text)
    except ValueError:
        return value


def _json_number(token: str) -> int | float:
    number = _number(token)
    if number is None:  # 1e400, NaN, Infinity
        raise ValueError(token)
    return number


def _parse_list(key: str, text: str) -> Any:
    try:
        return json.loads(
            text, parse_int=_json_number, parse_float=_json_number, parse_constant=_json_number
        )
    except ValueError as exc:
        msg = _(
            "--setting {key}={text} is not a list of finite numbers; write it with square "
            'brackets and commas, e.g. --setting "{key}=[[0,10],[1,5]]" (quote it for the shell)'
        ).format(key=key, text=text)
        raise ConfigurationError(msg) from exc


def run(args: argparse.Namespace) -> int:
    """Run ``clusterrank rank`` on a scenario or on a plain matrix (``--matrix``).

    Returns the exit status, 0.

    Raises
    ------
    ConfigurationError
        Options that do not go together (a scenario and ``--matrix``, ``--directions`` or
        ``--weights`` without ``--matrix``, a missing input).
    """
    from clusterrank.analysis.ranking import rank_plain_matrix, rank_scenario_file

    settings = parse_settings(args.setting, args.normalization)
    check_output_args(args, args.scenario, args.matrix)
    if args.matrix:
        if args.scenario:
            msg = _("give either a scenario or --matrix, not both")
            raise ConfigurationError(msg)
        if not args.directions:
            msg = _('--matrix needs --directions, one per criterion, e.g. --directions "+,-,+"')
            raise ConfigurationError(msg)
        report = rank_plain_matrix(
            args.matrix,
            args.directions,
            args.weights,
            method=args.method or "topsis",
            settings=settings,
            decimal=args.decimal,
        )
    else:
        if not args.scenario:
            msg = _("give a scenario YAML file, or --matrix FILE.csv with --directions")
            raise ConfigurationError(msg)
        if args.directions or args.weights:
            msg = _("--directions and --weights go with --matrix; a scenario holds its own")
            raise ConfigurationError(msg)
        if args.decimal:
            msg = _(
                "--decimal goes with --matrix; a scenario states its data file's decimal "
                "separator itself (data.decimal: ',' or '.')"
            )
            raise ConfigurationError(msg)
        report = rank_scenario_file(
            args.scenario,
            method=args.method,
            settings=settings,
            scope=file_scope(args, args.scenario),
        )
    emit(render(report, args.format), args.output)
    return 0


def render(report: RankingReport, fmt: str) -> str:
    """The ranking report in ``fmt``: ``json``, ``csv`` (the app's export) or a text table.

    The text holds the title, the settings line, the table (with the imputed figures per
    candidate), the candidates that are not assessable, the weights, the notes and the
    data-cell messages.
    """
    if fmt == "json":
        return to_json(report.to_payload())
    frame = report.to_frame()
    if fmt == "csv":  # the same CSV the app exports: method and settings on every row
        from clusterrank.reports.export import ranking_csv

        return ranking_csv(report).decode("utf-8-sig")
    parts = [report.title, report.settings_line(), "", frame_table(with_quality(frame, report))]
    unassessable = not_assessable_lines(report)
    if unassessable:
        parts += ["", unassessable]
    weights = ", ".join(f"{k}={number_text(v)}" for k, v in report.weights.items())
    parts += ["", _("weights: {weights}").format(weights=weights)]
    notes = bullet_lines(_("notes:"), report.notes)
    if notes:
        parts += ["", notes]
    cells = bullet_lines(_("data cells:"), [c.message for c in report.cells])
    if cells:
        parts += ["", cells]
    return "\n".join(parts)
