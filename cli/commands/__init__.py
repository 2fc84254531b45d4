"""One module per subcommand; each exposes ``register(subparsers)`` and ``run(args)``.

Start-up stays short because only the command being run is imported: ``clusterrank --help``
lists the commands from :data:`SUMMARIES` (no command module imported), and ``clusterrank
rank ...`` imports :mod:`cli.commands.rank` only (see :func:`cli.app.build_parser`). A command
module imports at its top only what building its parser needs; the libraries its work needs
(pandas, pymcdm, ...) are imported inside ``run``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

Registrar = Callable[[Any], argparse.ArgumentParser]

SUMMARIES: dict[str, str] = {  # command -> its line in `clusterrank --help`, in that order
    "validate": "check a criteria set, scenario or AHP hierarchy file and list every problem",
    "rank": "rank a scenario (YAML) or a plain decision matrix (CSV)",
    "ahp": "AHP priorities and consistency for a pairwise CSV or a hierarchy YAML",
    "methods": "list every ranking and weighting method",
    "schema": "write JSON Schemas for criteria sets, scenarios and AHP files",
    "sensitivity": (
        "stability intervals, SMAA rank acceptability, method agreement, AHP uncertainty"
    ),
    "regions": "regional specialisation (LQ, HHI, screening) and seed 003's coefficients",
    "panel": "expert panels: create, import answers, status, results, Delphi rounds, apply",
}


def registrar(command: str) -> Registrar:
    """The ``register`` function of ``command`` (importing its module now, not before)."""
    if command == "validate":
        from cli.commands import validate

        return validate.register
    if command == "rank":
        from cli.commands import rank

        return rank.register
    if command == "ahp":
        from cli.commands import ahp

        return ahp.register
    if command == "methods":
        from cli.commands import methods_list

        return methods_list.register
    if command == "schema":
        from cli.commands import schema

        return schema.register
    if command == "sensitivity":
        from cli.commands import sensitivity

        return sensitivity.register
    if command == "regions":
        from cli.commands import regions

        return regions.register
    if command == "panel":
        from cli.commands import panel

        return panel.register
    msg = f"no command {command!r}; commands: {', '.join(SUMMARIES)}"
    raise KeyError(msg)
