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

from clusterrank.i18n import N_, _

Registrar = Callable[[Any], argparse.ArgumentParser]

SUMMARIES: dict[str, str] = {  # command -> its line in `clusterrank --help` (English), in order
    "init": N_("write a scenario (YAML + data CSV) from your own CSV or XLSX table"),
    "validate": N_("check a criteria set, scenario or AHP hierarchy file and list every problem"),
    "rank": N_("rank a scenario (YAML) or a plain decision matrix (CSV)"),
    "explain": N_("why a scenario ranks as it does: each criterion's contribution to each score"),
    "ahp": N_("AHP priorities and consistency for a pairwise CSV or a hierarchy YAML"),
    "methods": N_("list every ranking and weighting method"),
    "schema": N_("write JSON Schemas for criteria sets, scenarios and AHP files"),
    "sensitivity": N_(
        "stability intervals, SMAA rank acceptability, method agreement, AHP uncertainty"
    ),
    "regions": N_("regional specialisation (LQ, HHI, screening) and seed 003's coefficients"),
    "panel": N_("expert panels: create, import answers, status, results, Delphi rounds, apply"),
    "report": N_("the decision report of a scenario (or a panel's result) as PDF, HTML or Excel"),
    "app": N_("start the app in the browser (Streamlit)"),
}


def summary(command: str) -> str:
    """The line of ``command`` in ``clusterrank --help``, in the current language."""
    return _(SUMMARIES[command])


MODULES: dict[str, str] = {"methods": "methods_list"}  # command -> module, where they differ


def registrar(command: str) -> Registrar:
    """The ``register`` function of ``command`` (importing its module now, not before)."""
    if command not in SUMMARIES:
        msg = f"no command {command!r}; commands: {', '.join(SUMMARIES)}"
        raise KeyError(msg)
    module = import_module(f"{__name__}.{MODULES.get(command, command)}")
    register: Registrar = module.register
    return register
