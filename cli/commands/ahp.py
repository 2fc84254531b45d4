"""`clusterrank ahp FILE`: priorities and consistency of a pairwise matrix or AHP hierarchy."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clusterrank.cli.commands import summary
from clusterrank.cli.output import bullet_lines, emit, format_help, frame_table, to_json
from clusterrank.cli.paths import check_output_args
from clusterrank.i18n import _

if TYPE_CHECKING:
    from clusterrank.analysis.ahp_report import AHPReport


def register(sub: Any) -> argparse.ArgumentParser:
    """Add the ``ahp`` subcommand and its options to ``sub`` (the subparsers action).

    Returns the new subcommand's parser.
    """
    p: argparse.ArgumentParser = sub.add_parser(
        "ahp",
        help=summary("ahp"),
        description=_(
            "Priorities, lambda_max, CI and CR (with the random-index table named) for a "
            "pairwise matrix CSV (criterion names as header row and first column), or for a "
            "full AHP hierarchy in YAML (criteria and alternatives)."
        ),
    )
    p.add_argument("file", help=_("pairwise matrix (.csv) or AHP hierarchy (.yaml/.yml)"))
    p.add_argument(
        "--derivation",
        choices=("eigenvector", "geometric_mean"),
        help=_("priority derivation (default: the file's, else eigenvector)"),
    )
    p.add_argument(
        "--random-index",
        choices=("saaty", "alonso_lamata"),
        help=_("random-index table for CR (default: the file's, else saaty)"),
    )
    p.add_argument(
        "--completion",
        choices=("implied", "lambda_max"),
        help=_(
            "how missing judgments are filled: implied = w_i/w_j of the priorities (Harker for "
            "eigenvector, log least squares for geometric_mean), lambda_max = the completion "
            "of minimal lambda_max (Bozoki, Fulop & Ronyai 2010) (default: the file's, "
            "else implied)"
        ),
    )
    p.add_argument(
        "--decimal",
        choices=(",", "."),
        help=_(
            "with a pairwise .csv: the decimal separator of the CSV's numbers; needed only when a "
            "number such as 1,200 or 1.200 could be read two ways and no other cell shows which"
        ),
    )
    p.add_argument("--format", choices=("table", "json"), default="table", help=format_help())
    p.add_argument("-o", "--output", help=_("write to this file instead of stdout"))
    p.set_defaults(handler=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterrank ahp``: analyse the pairwise CSV or hierarchy and emit the report.

    The report is written as text or JSON (``--format``) to stdout or ``-o``. Returns the exit
    status, 0; user errors propagate as :class:`ClusterRankError`.
    """
    from clusterrank.analysis.ahp_report import analyse_ahp_path

    check_output_args(args, args.file)
    report = analyse_ahp_path(
        Path(args.file),
        derivation=args.derivation,
        random_index=args.random_index,
        completion=args.completion,
        decimal=args.decimal,
    )
    emit(to_json(report.to_payload()) if args.format == "json" else render(report), args.output)
    return 0


def render(report: AHPReport) -> str:
    """The text report: each block's priorities, consistency line and the judgments to revisit.

    Followed by the alternatives' global priorities for a hierarchy, then the notes.
    """
    parts: list[str] = []
    for block in report.blocks:
        parts += [
            f"[{block.title}]",
            frame_table(block.priorities_frame()),
            block.consistency_line(),
        ]
        fixes = [fix.describe() for fix in block.fixes]
        if fixes:
            parts.append(bullet_lines(_("judgments that most raise inconsistency:"), fixes))
        parts.append("")
    if report.global_priorities is not None:
        parts += [
            "[" + _("global priorities of the alternatives") + "]",
            frame_table(report.global_frame()),
            "",
        ]
    notes = bullet_lines(_("notes:"), report.notes)
    if notes:
        parts.append(notes)
    return "\n".join(parts).rstrip()
