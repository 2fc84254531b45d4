"""`clusterrank sensitivity SCENARIO`: how robust the ranking is.

Stability intervals, SMAA-2 rank acceptability and central weights, method agreement and AHP
judgment uncertainty, each with the settings that produced it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clusterrank.cli.commands import summary
from clusterrank.cli.output import (
    bullet_lines,
    emit,
    format_help,
    frame_table,
    number_text,
    to_json,
)
from clusterrank.cli.paths import add_allow_outside, check_output_args, file_scope
from clusterrank.errors import ClusterRankError
from clusterrank.i18n import _, formats

# The named limits appear in --help; importing them loads methods.sensitivity, which only this
# command's module does (clusterrank imports the module of the command being run only).
from clusterrank.methods.sensitivity.limits import MAX_AHP_DRAWS, MAX_SMAA_SAMPLES

if TYPE_CHECKING:
    from clusterrank.analysis.sensitivity import SensitivityInputs
    from clusterrank.methods.sensitivity import SMAAResult, StabilityInterval


def register(sub: Any) -> argparse.ArgumentParser:
    """Add the ``sensitivity`` subcommand and its options to ``sub``; return its parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "sensitivity",
        help=summary("sensitivity"),
        description=_(
            "How far can the weights move before the ranking changes, and how often does each "
            "candidate land at each rank when the weights are uncertain? Runs weight stability "
            "intervals, SMAA-2 (rank acceptability, central weights, confidence factors), "
            "method agreement (TOPSIS both normalisations, AHP, VIKOR, PROMETHEE II, SPOTIS, "
            "COPRAS; Spearman and WS; Copeland consensus) and AHP judgment uncertainty."
        ),
    )
    p.add_argument("scenario", help=_("scenario YAML"))
    p.add_argument("--method", help=_("ranking method (default: the scenario's)"))
    p.add_argument(
        "--samples",
        type=int,
        default=10_000,
        help=_("SMAA weight samples (10000; at most {maximum})").format(
            maximum=formats.integer(MAX_SMAA_SAMPLES)
        ),
    )
    p.add_argument("--seed", type=int, default=0, help=_("random seed (0); echoed in the output"))
    p.add_argument(
        "--sampling",
        choices=("uniform", "around", "bounded"),
        default=None,
        help=_(
            "SMAA weights: uniform on the simplex (no information, default), Dirichlet around "
            "the scenario's weights, or uniform within --bounds"
        ),
    )
    p.add_argument(
        "--bounds",
        metavar="C=LO:HI,...",
        help=_(
            'bounds on global weights, e.g. "investment=0.1:0.4,employees=0:0.2" '
            "(implies --sampling bounded; criteria not named are free in 0..1)"
        ),
    )
    p.add_argument(
        "--concentration",
        type=float,
        default=100.0,
        help=_("with --sampling around: larger keeps draws closer (100)"),
    )
    p.add_argument(
        "--data-uncertainty",
        default="0",
        metavar="PCT|C=PCT,...",
        help=_(
            "also draw data within ± PCT percent: one number for every criterion, or per "
            'criterion, e.g. "investment=20,employees=5" (default 0: data exact)'
        ),
    )
    p.add_argument(
        "--top-k",
        type=int,
        default=None,
        help=_("k for top-k stability, 1..candidates-1 (default 3, or candidates-1 if fewer)"),
    )
    p.add_argument(
        "--ahp-draws",
        type=int,
        default=2000,
        help=_("AHP perturbation draws (2000; at most {maximum})").format(
            maximum=formats.integer(MAX_AHP_DRAWS)
        ),
    )
    p.add_argument("--format", choices=("table", "json"), default="table", help=format_help())
    p.add_argument(
        "-o",
        "--output",
        help=_(
            "write to this file instead of stdout; FILE.csv or FILE.xlsx writes the result "
            "tables (CSV sections or Excel sheets) with a settings table, whatever --format"
        ),
    )
    add_allow_outside(p)
    p.set_defaults(handler=run)
    return p


TABLE_SUFFIXES = (".csv", ".xlsx")
"""An ``-o`` file ending so gets the result tables (CSV sections or Excel sheets)."""
RANKS_SHOWN = 20
"""Rank-acceptability columns written out; with more candidates, ranks beyond are summed
into one column (a 2,000 × 2,000 table helps no reader and takes gigabytes to format)."""


def _ranks_note(sm: SMAAResult) -> list[str]:
    m = len(sm.candidates)
    if m <= RANKS_SHOWN + 1:
        return []
    return [
        _(
            "rank acceptability: ranks 1 to {shown} of {count} are shown; the column "
            "'rank {next}+' holds each candidate's share of all lower ranks"
        ).format(shown=RANKS_SHOWN, count=formats.integer(m), next=RANKS_SHOWN + 1)
    ]


def _check_count(value: int, maximum: int, flag: str) -> None:
    """A count option within 1..maximum (the named limits of methods.sensitivity.limits)."""
    if not 1 <= value <= maximum:
        msg = _("{flag} must be between 1 and {maximum} (got {value})").format(
            flag=flag, maximum=formats.integer(maximum), value=formats.integer(value)
        )
        raise ClusterRankError(msg)


def run(args: argparse.Namespace) -> int:
    """Run ``clusterrank sensitivity``: the analyses asked for on a scenario, as text or JSON.

    Checks the sample counts, the bounds and the top-k first; ``--top-k`` defaults to 3, fewer for
    small scenarios. Returns the exit status, 0.

    Raises
    ------
    ClusterRankError
        A count out of range, ``--sampling bounded`` without ``--bounds``, bad bounds or
        percentages, or a scenario with fewer than two candidates.
    """
    from clusterrank.analysis.sensitivity import (
        check_top_k,
        require_two_candidates,
        sensitivity_inputs,
    )
    from clusterrank.criteria.loading import load_scenario

    _check_count(args.samples, MAX_SMAA_SAMPLES, "--samples")
    _check_count(args.ahp_draws, MAX_AHP_DRAWS, "--ahp-draws")
    args.bounds_map = parse_bounds(args.bounds) if args.bounds else None
    args.sampling = args.sampling or ("bounded" if args.bounds else "uniform")
    if args.sampling == "bounded" and not args.bounds:
        msg = _('--sampling bounded needs --bounds, e.g. --bounds "investment=0.1:0.4"')
        raise ClusterRankError(msg)
    args.data_pct = parse_percentages(args.data_uncertainty)
    check_output_args(args, args.scenario)
    scenario = load_scenario(args.scenario, file_scope(args, args.scenario))
    inp = sensitivity_inputs(scenario, method=args.method)
    require_two_candidates(inp, args.scenario)
    m = len(inp.matrix.candidates)
    if args.top_k is None:  # the default, 3, shrinks for small scenarios; a given k is checked
        args.top_k = min(3, max(1, m - 1))
    check_top_k(args.top_k, m, "--top-k")
    sections = _analyses(inp, args)
    if args.output and Path(args.output).suffix.lower() in TABLE_SUFFIXES:
        _write_tables(inp, sections, args.output)
    elif args.format == "json":
        emit(to_json(_payload(inp, sections)), args.output)
    else:
        emit(_render(inp, sections), args.output)
    return 0


def parse_bounds(text: str) -> dict[str, tuple[float, float]]:
    """``"a=0.1:0.4,b=0:0.2"`` -> ``{"a": (0.1, 0.4), "b": (0.0, 0.2)}``."""
    out: dict[str, tuple[float, float]] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, eq, rng = part.partition("=")
        lo, colon, hi = rng.partition(":")
        try:
            if not (eq and colon and name.strip()):
                raise ValueError(part)
            out[name.strip()] = (float(lo), float(hi))
        except ValueError:
            msg = _(
                '--bounds expects CRITERION=LOWER:UPPER items, e.g. "investment=0.1:0.4" '
                "(got {part})"
            ).format(part=repr(part))
            raise ClusterRankError(msg) from None
    return out


def parse_percentages(text: str) -> float | dict[str, float]:
    """``"10"`` -> 10.0; ``"a=20,b=5"`` -> ``{"a": 20.0, "b": 5.0}``."""
    try:
        if "=" not in text:
            return float(text)
        pairs = (p.partition("=") for p in text.split(",") if p.strip())
        return {name.strip(): float(value) for name, _, value in pairs}
    except ValueError:
        msg = _(
            "--data-uncertainty expects a percentage or CRITERION=PCT items (got {text})"
        ).format(text=repr(text))
        raise ClusterRankError(msg) from None


def _analyses(inp: SensitivityInputs, args: argparse.Namespace) -> dict[str, Any]:
    from clusterrank.analysis.sensitivity import (
        run_agreement,
        run_ahp_uncertainty,
        run_smaa,
        run_stability,
    )

    out: dict[str, Any] = {
        "stability": run_stability(inp, top_k=args.top_k),
        "smaa": run_smaa(
            inp,
            n_samples=args.samples,
            seed=args.seed,
            sampling=args.sampling,
            concentration=args.concentration,
            bounds=args.bounds_map,
            data_uncertainty_pct=args.data_pct,
        ),
        "agreement": run_agreement(inp),
    }
    try:
        out["ahp_uncertainty"] = run_ahp_uncertainty(inp, n_draws=args.ahp_draws, seed=args.seed)
    except ClusterRankError as exc:
        out["ahp_uncertainty"] = _("not run: {reason}").format(reason=exc)
    return out


def _write_tables(inp: SensitivityInputs, s: dict[str, Any], output: str) -> None:
    """Write the analyses' tables and settings as CSV sections or Excel sheets (by suffix)."""
    from clusterrank.cli.output import output_error
    from clusterrank.reports.sensitivity_export import (
        SensitivityRun,
        sensitivity_csv,
        sensitivity_sheets,
        sensitivity_workbook,
    )

    ahp = s["ahp_uncertainty"]
    run = SensitivityRun(
        inp,
        stability=s["stability"],
        smaa=s["smaa"],
        agreement=s["agreement"],
        ahp=None if isinstance(ahp, str) else ahp,
        not_run={"ahp": ahp} if isinstance(ahp, str) else {},
    )
    sheets = sensitivity_sheets(run)
    xlsx = Path(output).suffix.lower() == ".xlsx"
    data = sensitivity_workbook(sheets) if xlsx else sensitivity_csv(sheets)
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        raise output_error(output, exc) from exc
    text = _("written: {file} ({tables})").format(file=output, tables=", ".join(sheets))
    print(text, file=sys.stderr)


def _payload(inp: SensitivityInputs, s: dict[str, Any]) -> dict[str, Any]:
    from clusterrank.analysis.records import records

    stab, sm, agr, ahp = s["stability"], s["smaa"], s["agreement"], s["ahp_uncertainty"]
    fragile = stab.most_fragile("winner")
    return {
        "scenario": inp.scenario.id,
        "method": inp.method,
        "settings": {"method": dict(inp.settings), "weights": dict(inp.weights.settings)},
        "weights": inp.weights.as_map(),
        "stability": {
            "settings": dict(stab.settings),
            "intervals": records(stab.to_frame()),
            "most_fragile_for_winner": fragile.criterion if fragile else None,
            "notes": list(stab.notes),
        },
        "smaa": {
            "settings": dict(sm.settings),
            "rank_acceptability": records(
                sm.acceptability_frame(max_ranks=RANKS_SHOWN).reset_index(names="id")
            ),
            "summary": records(sm.to_frame()),
            "central_weights": records(sm.central_weights_frame().reset_index(names="id")),
            "notes": [*sm.notes, *_ranks_note(sm)],
        },
        "method_agreement": {
            "settings": dict(agr.settings),
            "ranks": records(agr.to_frame()),
            "correlations": {
                k: records(v.reset_index(names="method")) for k, v in agr.correlations.items()
            },
            "skipped": [{"method": m, "reason": r} for m, r in agr.skipped],
            "notes": list(agr.notes),
        },
        "ahp_uncertainty": ahp
        if isinstance(ahp, str)
        else {
            "settings": dict(ahp.settings),
            "weights": records(ahp.to_frame()),
            "p_ranking_changes": ahp.p_ranking_changes,
            "p_winner_changes": ahp.p_winner_changes,
            "acceptance_rate": ahp.acceptance_rate,
            "notes": list(ahp.notes),
        },
    }


def _fragile_line(fragile: StabilityInterval | None) -> str:
    if fragile is None:
        return _("most fragile for the winner: none (no single weight changes the winner)")
    change = fragile.first_change()[2]
    return _(
        "most fragile for the winner: {criterion} (winner holds for weight "
        "{lower}..{upper}, now {weight}; then {change})"
    ).format(
        criterion=fragile.criterion,
        lower=number_text(fragile.lower),
        upper=number_text(fragile.upper),
        weight=number_text(fragile.weight),
        change=change,
    )


def _render(inp: SensitivityInputs, s: dict[str, Any]) -> str:
    stab, sm, agr, ahp = s["stability"], s["smaa"], s["agreement"], s["ahp_uncertainty"]
    fragile = stab.most_fragile("winner")
    table = stab.to_frame()[["criterion", "weight", "level", "lower", "upper", "change_above"]]
    parts = [
        _("Sensitivity of {scenario}").format(scenario=inp.scenario.title or inp.scenario.id),
        _("method {method} {settings}; weights {weights}").format(
            method=inp.method, settings=dict(inp.settings), weights=dict(inp.weights.settings)
        ),
        "",
        "[" + _("weight stability intervals") + "] " + stab.settings_text(),
        frame_table(table),
        _fragile_line(fragile),
        "",
        "[" + _("SMAA-2 rank acceptability") + "] " + sm.settings_text(),
        frame_table(sm.acceptability_frame(max_ranks=RANKS_SHOWN).reset_index(names="id")),
        "",
        "[" + _("SMAA-2 central weights") + "]",
        frame_table(sm.central_weights_frame().reset_index(names="id")),
        "",
        "[" + _("method agreement") + "]",
        frame_table(agr.to_frame()),
    ]
    spearman = agr.correlations.get("spearman")
    if spearman is not None:
        parts += [
            "",
            "[" + _("Spearman rank correlation") + "]",
            frame_table(spearman.reset_index(names="method")),
        ]
    if agr.skipped:
        parts.append(bullet_lines(_("skipped:"), [f"{m}: {r}" for m, r in agr.skipped]))
    parts.append("")
    title = "[" + _("AHP judgment uncertainty") + "]"
    if isinstance(ahp, str):
        parts.append(f"{title} {ahp}")
    else:
        parts += [
            title + " " + ", ".join(f"{k}={v}" for k, v in ahp.settings.items()),
            frame_table(ahp.to_frame()),
            _(
                "P(ranking changes) = {ranking}, P(winner changes) = {winner}; "
                "{accepted} of {draws} draws kept"
            ).format(
                ranking=number_text(ahp.p_ranking_changes, ".3f"),
                winner=number_text(ahp.p_winner_changes, ".3f"),
                accepted=ahp.accepted,
                draws=ahp.draws,
            ),
        ]
    notes = [
        *stab.notes,
        *sm.notes,
        *_ranks_note(sm),
        *agr.notes,
        *([] if isinstance(ahp, str) else ahp.notes),
    ]
    if notes:
        parts += ["", bullet_lines(_("notes:"), list(dict.fromkeys(notes)))]
    return "\n".join(parts)
