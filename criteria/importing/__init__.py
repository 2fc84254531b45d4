"""Bring your own spreadsheet: read a CSV or XLSX as people have them and build a scenario.

:func:`plan_import` reads the file (:mod:`.sniff` detects encoding, separator, sheet and
merged header cells; :mod:`.cells` reads the numbers by the one rule of
:mod:`criteria.numbers`, with ``%`` signs and "no data" marks) and guesses what each column
is (:mod:`.columns`); :func:`build_scenario` turns the plan and the user's
:class:`ImportChoices` into a validated Scenario with its YAML and CSV texts (:mod:`.build`).
"""

from clusterrank.criteria.importing.build import BuiltScenario, Target, build_scenario
from clusterrank.criteria.importing.plan import ID_PROBLEM, ImportChoices, ImportPlan, plan_import
from clusterrank.criteria.importing.sniff import Sniffed, sheet_names, sniff

__all__ = [
    "ID_PROBLEM",
    "BuiltScenario",
    "ImportChoices",
    "ImportPlan",
    "Sniffed",
    "Target",
    "build_scenario",
    "plan_import",
    "sheet_names",
    "sniff",
]
