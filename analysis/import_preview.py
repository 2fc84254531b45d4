"""The import wizard's use case: a planned spreadsheet as a validated, ranked scenario.

:func:`preview` turns an :class:`~criteria.importing.plan.ImportPlan` and the user's
:class:`~criteria.importing.plan.ImportChoices` into the scenario ``build_scenario`` makes
(validated by the same models as a YAML file), its decision matrix under the chosen
missing-data policy (whose cell notes say which cells were filled, with what) and a TOPSIS
ranking with the scenario's own settings. The UI shows all three before anything is saved;
the CLI's ``clusterrank init`` makes the same calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from clusterrank.analysis.ranking import rank_scenario
from clusterrank.analysis.report import RankingReport
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.importing import (
    ID_PROBLEM,
    BuiltScenario,
    ImportChoices,
    ImportPlan,
    Target,
    build_scenario,
)
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.errors import Problem, ValidationFailed

_CANDIDATE_ID = re.compile(r"candidates\[\d+\]\.id")


@dataclass(frozen=True)
class ImportPreview:
    """The built scenario with its YAML and CSV, its decision matrix and its ranking."""

    built: BuiltScenario
    matrix: DecisionMatrix
    report: RankingReport
    unscored: tuple[str, ...] = ()
    """Expert-scored criteria with no score yet: the preview ranks without them."""


def preview(plan: ImportPlan, choices: ImportChoices, target: Target) -> ImportPreview:
    """Build, validate and rank the scenario ``plan`` makes under ``choices``.

    Raises
    ------
    ValidationFailed
        Every problem of the file, of the choices and of the scenario at once, or the cells
        the ``reject`` policy refuses.
    """
    built = build_scenario(plan, choices, target)
    unscored = tuple(e.id for e in choices.expert if np.isnan(e.column(plan.ids)).all())
    ranked = built
    if unscored:  # no policy fills a criterion nobody has scored: rank without it for now
        scored = tuple(e for e in choices.expert if e.id not in unscored)
        ranked = build_scenario(plan, replace(choices, expert=scored), target)
    matrix = decision_matrix(ranked.scenario)
    report = rank_scenario(ranked.scenario, matrix=matrix)
    return ImportPreview(built, matrix, report, unscored)


def check(
    plan: ImportPlan, choices: ImportChoices, target: Target
) -> tuple[ImportPreview | None, list[Problem]]:
    """The preview, or every problem at once: the file's cells and the scenario's together.

    The file's unreadable cells are listed with whatever the mapping and the scenario model
    find besides (the build is tried with those cells taken as empty), so a user fixes all of
    them in one round rather than in waves.
    """
    problems = list(plan.problems)
    try:
        made = preview(replace(plan, problems=[]), choices, target)
    except ValidationFailed as exc:
        said = _ids_reported(plan, problems)
        more = [p for p in exc.problems if p not in problems and not (said and _of_ids(p))]
        return None, problems + more
    return (None, problems) if problems else (made, [])


def _ids_reported(plan: ImportPlan, problems: list[Problem]) -> bool:
    """Whether the file check already reported the id column (empty, unsafe or twice)."""
    if plan.id_column is None:
        return False
    return any(p.kind == ID_PROBLEM for p in problems)


def _of_ids(problem: Problem) -> bool:
    """Whether the scenario model's ``problem`` is about a candidate id (said once already)."""
    return bool(_CANDIDATE_ID.fullmatch(problem.location))
