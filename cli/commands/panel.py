"""`clusterrank panel ...`: expert panels from the command line.

Every subcommand takes ``--db URL`` (default ``CLUSTERRANK_DB``, else ``clusterrank.db`` here);
the facilitator's subcommands need the key ``create`` printed, as ``--key KEY`` or in
``CLUSTERRANK_PANEL_KEY``. Rendering lives in :mod:`cli.panel_text`; the work in ``panel``.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from clusterrank.cli.commands import summary
from clusterrank.cli.output import format_help
from clusterrank.cli.paths import add_allow_outside
from clusterrank.i18n import _

KEY_ENV = "CLUSTERRANK_PANEL_KEY"
DEFAULT_BASE_URL = "http://localhost:8501"
FORMATS = ("table", "json")


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        help=_(
            "panel database: a SQLite file or postgresql://... URL "
            "(default: CLUSTERRANK_DB, else clusterrank.db here)"
        ),
    )


def _facilitator(p: argparse.ArgumentParser) -> None:
    p.add_argument("panel", help=_("panel id (printed by `panel create`)"))
    p.add_argument(
        "--key",
        help=_("facilitator key (default: the {variable} environment variable)").format(
            variable=KEY_ENV
        ),
    )
    _db(p)


def _format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="table", help=format_help())


def register(sub: Any) -> argparse.ArgumentParser:
    """Add the ``panel`` subcommand and its subcommands (create, import, status, ...) to ``sub``.

    Each subcommand's handler runs the ``do_*`` function of :mod:`cli.panel_actions` of its name.
    Returns the ``panel`` parser.
    """
    p: argparse.ArgumentParser = sub.add_parser(
        "panel",
        help=summary("panel"),
        description=_(
            "Run an expert panel: create it from a scenario and an experts file, import "
            "answers, watch status and consistency, compute results with consensus and "
            "robustness, run Delphi rounds, export everything, apply the result to a scenario."
        ),
    )
    ps = p.add_subparsers(dest="panel_command", metavar=_("SUBCOMMAND"))
    ps.required = True

    c = ps.add_parser("create", help=_("create a panel; prints its id, the key and expert links"))
    c.add_argument("scenario", help=_("scenario YAML (snapshotted: later edits do not matter)"))
    c.add_argument("--experts", required=True, help=_("experts CSV/XLSX: id,name[,group,weight]"))
    c.add_argument("--ask", help=_("judgments,scores (default: whatever the scenario allows)"))
    c.add_argument(
        "--nodes", help=_("pairwise nodes to ask, e.g. groups,critical_mass (default all)")
    )
    c.add_argument("--title", help=_("panel title (default: the scenario's)"))
    c.add_argument("--base-url", default=DEFAULT_BASE_URL, help=_("where the app runs, for links"))
    c.add_argument(
        "--illustrative",
        action="store_true",
        help=_("the answers will be illustrative, not real: every output says so"),
    )
    _format(c)
    _db(c)
    add_allow_outside(c)
    c.set_defaults(handler=_run("create"))

    i = ps.add_parser("import", help=_("import answers from a CSV/XLSX (all rows or none)"))
    _facilitator(i)
    i.add_argument("answers", help=_("judgments (expert,node,row,column,value) or scores file"))
    i.set_defaults(handler=_run("import"))

    s = ps.add_parser("status", help=_("who has answered what, per-expert CR, round"))
    _facilitator(s)
    _format(s)
    s.set_defaults(handler=_run("status"))

    r = ps.add_parser("results", help=_("aggregated weights and scores, consensus, robustness"))
    _facilitator(r)
    r.add_argument(
        "--aggregation",
        choices=("aij", "aip"),
        help=_("aij: judgments aggregated first; aip: each expert's priorities aggregated"),
    )
    r.add_argument(
        "--aip-mean", choices=("geometric", "arithmetic"), help=_("with aip: the mean taken")
    )
    r.add_argument(
        "--expert-weights",
        choices=("equal", "expert", "group"),
        help=_("experts' weights: equal, from the experts file, or by group"),
    )
    r.add_argument(
        "--group-weights", help=_("with --expert-weights group: e.g. science=1,business=2")
    )
    r.add_argument(
        "--scores",
        choices=("median", "mean", "trimmed_mean"),
        dest="score_aggregation",
        help=_("how the experts' scores are aggregated (default median)"),
    )
    r.add_argument("--trim", type=float, help=_("trimmed mean: share cut from each tail (0.1)"))
    r.add_argument("--threshold", type=float, help=_("consensus threshold (default 0.75)"))
    r.add_argument("--resamples", type=int, help=_("bootstrap resamples (default 500; 0 = off)"))
    r.add_argument("--seed", type=int, help=_("bootstrap seed (default 0)"))
    _format(r)
    r.add_argument("-o", "--output", help=_("write to this file instead of stdout"))
    r.set_defaults(handler=_run("results"))

    rd = ps.add_parser("round", help=_("close the current round, or open the next (Delphi)"))
    _facilitator(rd)
    how = rd.add_mutually_exclusive_group(required=True)
    how.add_argument("--close", action="store_true", help=_("close the current round"))
    how.add_argument("--open", action="store_true", help=_("open the next round"))
    rd.add_argument(
        "--items", help=_("items to ask again, comma-separated (nodes, criteria, keys)")
    )
    rd.add_argument("--threshold", type=float, help=_("default items: consensus below this"))
    rd.set_defaults(handler=_run("round"))

    rv = ps.add_parser("revoke", help=_("revoke an expert's link (their answers stay)"))
    _facilitator(rv)
    rv.add_argument("expert", help=_("expert id"))
    rv.add_argument("--base-url", default=DEFAULT_BASE_URL, help=_("where the app runs, for links"))
    rv.add_argument("--reissue", action="store_true", help=_("and give the expert a new link"))
    rv.set_defaults(handler=_run("revoke"))

    ri = ps.add_parser("reissue", help=_("a new link for an expert (the old one stops working)"))
    _facilitator(ri)
    ri.add_argument("expert", help=_("expert id"))
    ri.add_argument("--base-url", default=DEFAULT_BASE_URL, help=_("where the app runs, for links"))
    ri.set_defaults(handler=_run("reissue"))

    e = ps.add_parser("export", help=_("every answer, comment, round, result and setting (.xlsx)"))
    _facilitator(e)
    e.add_argument("-o", "--output", required=True, help=_("the workbook to write (.xlsx)"))
    e.set_defaults(handler=_run("export"))

    a = ps.add_parser("apply", help=_("the panel's result as a scenario YAML, ready to rank"))
    _facilitator(a)
    a.add_argument("-o", "--output", required=True, help=_("the scenario YAML to write"))
    a.set_defaults(handler=_run("apply"))

    sv = ps.add_parser("survey", help=_("report a survey file (answer distributions) like scores"))
    sv.add_argument("file", help=_("survey YAML, e.g. configs/panels/seed001_social_capital.yaml"))
    _format(sv)
    sv.set_defaults(handler=_run("survey"))
    return p


def _run(name: str) -> Any:
    def handler(args: argparse.Namespace) -> int:
        from clusterrank.cli import panel_actions

        return int(getattr(panel_actions, f"do_{name}")(args))

    return handler


def facilitator_key(args: argparse.Namespace) -> str:
    """``--key``, else the environment variable, else a message saying how to give it."""
    from clusterrank.errors import ConfigurationError

    key = args.key or os.environ.get(KEY_ENV, "")
    if not key:
        msg = _(
            "give the facilitator key with --key KEY or in the {variable} environment variable"
        ).format(variable=KEY_ENV)
        raise ConfigurationError(msg)
    return str(key)
