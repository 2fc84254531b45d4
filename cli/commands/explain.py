"""`clusterrank explain`: each criterion's contribution to each candidate's score."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from clusterrank.cli.commands import summary
from clusterrank.cli.commands.rank import parse_settings
from clusterrank.cli.output import (
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
    from clusterrank.analysis.explain import Explanation

EXPLAIN_FORMATS = ("table", "json")
NUMBER = "{:.4g}"
SPEC = ".4g"


def register(sub: Any) -> argparse.ArgumentParser:
    """Add the ``explain`` subcommand and its options to ``sub``; return its parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "explain",
        help=summary("explain"),
        description=_(
            "Break each candidate's score down by criterion: exact for the weighted sum and "
            "AHP synthesis (contributions add up to the score) and for TOPSIS (shares of the "
            "squared distances to the ideal and anti-ideal points); indicative for the other "
            "methods. With --candidate A --versus B: where A gains on B and where it loses."
        ),
    )
    p.add_argument("scenario", help=_("scenario YAML"))
    p.add_argument(
        "--method",
        help=_("ranking method (see `clusterrank methods`); default: the scenario's"),
    )
    p.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=_("a method setting, e.g. --setting normalization=minmax (repeatable)"),
    )
    p.add_argument("--candidate", metavar="A", help=_("candidate id to compare (with --versus)"))
    p.add_argument("--versus", metavar="B", help=_("candidate id to compare it with"))
    p.add_argument("--format", choices=EXPLAIN_FORMATS, default="table", help=format_help())
    p.add_argument("-o", "--output", help=_("write to this file instead of stdout"))
    add_allow_outside(p)
    p.set_defaults(handler=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterrank explain``; return the exit status, 0.

    Raises
    ------
    ConfigurationError
        ``--candidate`` without ``--versus`` (or the reverse), or an id that is not one of
        the scenario's candidates (the message lists them).
    """
    from clusterrank.analysis.explain import explain
    from clusterrank.analysis.ranking import rank_scenario
    from clusterrank.criteria.loading import load_scenario
    from clusterrank.criteria.matrix import decision_matrix

    if bool(args.candidate) != bool(args.versus):
        msg = _("--candidate and --versus go together: name two candidate ids to compare")
        raise ConfigurationError(msg)
    settings = parse_settings(args.setting, None)
    check_output_args(args, args.scenario)
    scenario = load_scenario(args.scenario, file_scope(args, args.scenario))
    dm = decision_matrix(scenario)
    report = rank_scenario(scenario, method=args.method, settings=settings, matrix=dm)
    explanation = explain(report, dm)
    pair = (args.candidate, args.versus) if args.candidate else None
    if pair is not None:
        explanation.pair(*pair)  # checks both ids before anything is written
    emit(render(explanation, args.format, pair), args.output)
    return 0


def render(explanation: Explanation, fmt: str, pair: tuple[str, str] | None = None) -> str:
    """The explanation as JSON, or as text: the description sentence first, then the table."""
    if fmt == "json":
        return to_json(explanation.to_payload(pair=pair))
    report = explanation.report
    parts = [explanation.contributions.description, "", report.title, report.settings_line(), ""]
    parts.append(_pair_text(explanation, pair) if pair else _table_text(explanation))
    legend = [f"{k}: {title}" for k, title in explanation.criterion_titles.items()]
    parts += ["", bullet_lines(_("criteria:"), legend)]
    for block in (not_assessable_lines(report), bullet_lines(_("notes:"), report.notes)):
        if block:
            parts += ["", block]
    return "\n".join(parts)


def _table_text(explanation: Explanation) -> str:
    """One row per candidate in rank order: score, imputed figures, one column per criterion."""
    report = explanation.report
    wide = explanation.frame().pivot(index="id", columns="criterion", values="contribution")
    frame = with_quality(report.to_frame(), report)
    frame = frame.join(wide[list(explanation.contributions.criteria)], on="id")
    return frame_table(frame, NUMBER)


def _pair_text(explanation: Explanation, pair: tuple[str, str]) -> str:
    """The side-by-side of two candidates, largest difference first, and a one-line summary."""
    a, b = pair
    result = explanation.report.result
    where = {
        c: _("rank {rank}, score {score}").format(rank=r, score=number_text(float(v), SPEC))
        for c, r, v in zip(result.candidates, result.ranks, result.scores, strict=True)
    }
    frame = explanation.pair(a, b).rename(columns={"a": a, "b": b, "difference": f"{a} - {b}"})
    diff = frame[f"{a} - {b}"]
    nothing = _("none")
    gains = ", ".join(frame.loc[diff > 0, "criterion"].astype(str)) or nothing
    losses = ", ".join(frame.loc[diff < 0, "criterion"].astype(str)) or nothing
    head = _("{a} ({where_a}) versus {b} ({where_b})").format(
        a=a, where_a=where[a], b=b, where_b=where[b]
    )
    tail = _("{a} gains on: {gains}; loses on: {losses}").format(a=a, gains=gains, losses=losses)
    return "\n".join([head, frame_table(frame.drop(columns="title"), NUMBER), "", tail])
