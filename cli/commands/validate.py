"""`clusterrank validate FILE`: check a criteria set, scenario or AHP file; list every problem."""

from __future__ import annotations

import argparse
from typing import Any

from clusterrank.cli.commands import summary
from clusterrank.cli.paths import add_allow_outside, file_scope
from clusterrank.i18n import _


def register(sub: Any) -> argparse.ArgumentParser:
    """Add the ``validate`` subcommand to ``sub``; return its parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "validate",
        help=summary("validate"),
        description=_(
            "Check a YAML file and list every problem in it at once "
            "(file, line, place and fix). Exit 0 when valid, 2 otherwise."
        ),
    )
    p.add_argument("file", help=_("criteria set, scenario or AHP hierarchy (YAML)"))
    add_allow_outside(p)
    p.set_defaults(handler=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterrank validate``: load the file (a scenario's data too) and say it is valid.

    Returns the exit status, 0; an invalid file raises :class:`ValidationFailed` listing every
    problem.
    """
    from clusterrank.criteria.loading import load_any
    from clusterrank.criteria.models import Scenario

    loaded = load_any(args.file, scope=file_scope(args, args.file))
    kind = type(loaded).__name__
    if isinstance(loaded, Scenario):
        # "valid" must mean `rank` can read it: the data files are read and checked too.
        from clusterrank.criteria.matrix import decision_matrix

        matrix = decision_matrix(loaded)
        text = _(
            "{file}: valid {kind} ({candidates} candidates × {criteria} criteria, "
            "data read and checked)"
        ).format(
            file=args.file,
            kind=kind,
            candidates=len(matrix.candidates),
            criteria=len(matrix.criteria),
        )
        print(text)
        return 0
    print(_("{file}: valid {kind}").format(file=args.file, kind=kind))
    return 0
