"""One module per subcommand; each exposes ``register(subparsers)`` and ``run(args)``.

Start-up stays short because only the command being run is imported: ``clusterrank --help``
lists the commands from :data:`SUMMARIES` (no command module imported), and ``clusterrank
rank ...`` imports :mod:`clusterrank.cli.commands.rank` only (see
:func:`clusterrank.cli.app.build_parser`). A command
module imports at its top only what building its parser needs; the libraries its work needs
(pandas, pymcdm, ...) are imported inside ``run``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from importlib import import_module
from typing import Any

Registrar = Callable[[Any], argparse.ArgumentParser]

SUMMARIES: dict[str, str] = {  # command -> its line in `clusterrank --help`, in that order
    "init": "write a scenario (YAML + data CSV) from your own CSV or XLSX table",
    "validate": "check a criteria set, scenario or AHP hierarchy file and list every problem",
    "rank": "rank a scenario (YAML) or a plain decision matrix (CSV)",
    "explain": "why a scenario ranks as it does: each criterion's contribution to each score",
    "ahp": "AHP priorities and consistency for a pairwise CSV or a hierarchy YAML",
    "methods": "list every ranking and weighting method",
    "schema": "write JSON Schemas for criteria sets, scenarios and AHP files",
    "sensitivity": (
        "stability intervals, SMAA rank acceptability, method agreement, AHP uncertainty"
    ),
    "regions": "regional specialisation (LQ, HHI, screening) and seed 003's coefficients",
    "panel": "expert panels: create, import answers, status, results, Delphi rounds, apply",
    "report": "the decision report of a scenario (or a panel's result) as PDF, HTML or Excel",
    "app": "start the app in the browser (Streamlit)",
}


MODULES: dict[str, str] = {"methods": "methods_list"}  # command -> module, where they differ


def registrar(command: str) -> Registrar:
    """The ``register`` function of ``command`` (importing its module now, not before)."""
    if command not in SUMMARIES:
        msg = f"no command {command!r}; commands: {', '.join(SUMMARIES)}"
        raise KeyError(msg)
    module = import_module(f"{__name__}.{MODULES.get(command, command)}")
    register: Registrar = module.register
    return register
