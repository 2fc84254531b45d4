"""`clusterrank report`: the decision report of a scenario, as PDF, HTML or Excel.

One file answers who ranks first, why, how sure, from what data and by whose weights; the
output name's suffix chooses the format. With ``--panel`` the report uses an expert panel's
result (its weights and scores, round, aggregation and consensus).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clusterrank.cli.commands import summary
from clusterrank.cli.paths import add_allow_outside, check_output_args, file_scope
from clusterrank.errors import ConfigurationError
from clusterrank.i18n import _, language

if TYPE_CHECKING:
    from clusterrank.criteria.models.scenario import Scenario


def register(sub: Any) -> argparse.ArgumentParser:
    """Add the ``report`` subcommand and its options to ``sub``; return its parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "report",
        help=summary("report"),
        description=_(
            "Write the decision report of a scenario: the question and candidates, the "
            "ranking and why, the criteria and where the weights came from, every figure "
            "with its source (imputed ones marked), sensitivity, notes and every setting. "
            "The name given with -o chooses the format: FILE.pdf (A4, numbered pages), "
            "FILE.html (one self-contained file) or FILE.xlsx (the Export page's workbook). "
            "The report is written in the language of --lang."
        ),
        epilog=_(
            "Example: clusterrank report configs/scenarios/kemerovo_clusters.yaml "
            "--sensitivity -o kemerovo_report.pdf"
        ),
    )
    p.add_argument("scenario", nargs="?", help=_("scenario YAML (may be omitted with --panel)"))
    p.add_argument("-o", "--output", required=True, help=_("FILE.pdf, FILE.html or FILE.xlsx"))
    p.add_argument("--method", help=_("ranking method (default: the scenario's)"))
    p.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=_("a method setting, as for `clusterrank rank` (repeatable)"),
    )
    p.add_argument(
        "--normalization", choices=("vector", "minmax"), help=_("TOPSIS/WSM normalisation")
    )
    p.add_argument(
        "--sensitivity",
        action="store_true",
        help=_(
            "also analyse how sure the ranking is: weight stability of the winner and top 3, "
            "SMAA around the weights in use (2,000 draws, seed 0), method agreement"
        ),
    )
    p.add_argument(
        "--panel",
        help=_(
            "use this expert panel's current result (weights, scores, consensus); needs the "
            "facilitator key (--key or CLUSTERRANK_PANEL_KEY) and --db"
        ),
    )
    p.add_argument("--key", help=_("with --panel: the facilitator key"))
    p.add_argument("--db", help=_("with --panel: the panel database (default as for `panel`)"))
    add_allow_outside(p)  # --lang (the report's language too) is every parser's: cli.language
    p.set_defaults(handler=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterrank report``: build the report and write it; return the exit status, 0.

    Raises
    ------
    ConfigurationError
        An output name without .pdf, .html or .xlsx, no scenario and no ``--panel``, or a
        scenario that is not the panel's.
    """
    from clusterrank.cli.commands.rank import parse_settings
    from clusterrank.reports.decision.formats import format_of

    fmt = format_of(args.output)
    settings = parse_settings(args.setting, args.normalization)
    check_output_args(args, args.scenario)
    if not args.scenario and not args.panel:
        msg = _("give a scenario YAML file, or --panel PANEL for a panel's result")
        raise ConfigurationError(msg)
    if args.panel:
        scenario, payload = _panel(args)
    else:
        from clusterrank.criteria.loading import load_scenario

        scenario, payload = load_scenario(args.scenario, file_scope(args, args.scenario)), None
    from clusterrank.reports.decision.build import decision_report
    from clusterrank.reports.decision.formats import render

    report = decision_report(
        scenario,
        method=args.method,
        settings=settings,
        sensitivity=args.sensitivity,
        panel=payload,
        lang=language(),
    )
    _write(args.output, render(report, fmt))
    text = _("written: {file} (decision report, {format}; scenario {scenario}, hash {hash})")
    print(
        text.format(
            file=args.output,
            format=fmt.upper(),
            scenario=scenario.id,
            hash=report.scenario_hash,
        ),
        file=sys.stderr,
    )
    return 0


def _panel(args: argparse.Namespace) -> tuple[Scenario, dict[str, Any]]:
    """The panel's applied scenario and its current result (the export is audited)."""
    from clusterrank.cli.commands.panel import facilitator_key
    from clusterrank.panel.actions import current_result
    from clusterrank.panel.service import facilitator, state
    from clusterrank.reports.decision.panel_part import panel_scenario
    from clusterrank.store import append_audit, open_store

    db = open_store(args.db)
    access = facilitator(db, args.panel, facilitator_key(args))
    payload = current_result(db, access)
    st = state(db, access)
    if args.scenario:
        from clusterrank.criteria.loading import load_scenario

        given = load_scenario(args.scenario, file_scope(args, args.scenario))
        if given.id != st.scenario.id:
            msg = _(
                "{file} is scenario {given} but panel {panel} judges {judged}; omit the "
                "scenario to report on the panel's own snapshot"
            ).format(
                file=args.scenario,
                given=repr(given.id),
                panel=args.panel,
                judged=repr(st.scenario.id),
            )
            raise ConfigurationError(msg)
    scenario = panel_scenario(st.info.scenario_yaml, payload)
    with db.session() as s:
        append_audit(s, access, "panel.report", {"file": Path(args.output).name})
    return scenario, payload


def _write(path: str, data: bytes) -> None:
    from clusterrank.cli.output import output_error

    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise output_error(path, exc) from exc
