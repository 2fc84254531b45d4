"""The panel's decision problem: the scenario's matrix with the experts' weights and scores.

The scenario's decision matrix is built as for any ranking (its data, its missing-data
policy), except that the cells of the expert-scored criteria the panel asks are the panel's:
they are set to the middle of their scale while the matrix is built (so no policy touches
them) and then filled, per sub-panel, with the aggregated scores by
:class:`methods.group.PanelProblem`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.methods.group import PanelProblem, panel_problem
from clusterrank.panel.answers import Answers, score_cube
from clusterrank.panel.judgments import JudgmentModel, NodeAggregate
from clusterrank.panel.questionnaire import Questionnaire


def base_matrix(scenario: Scenario, questionnaire: Questionnaire) -> DecisionMatrix:
    """The scenario's decision matrix, the panel's scored cells held at mid-scale."""
    if not questionnaire.scored:
        return decision_matrix(scenario)
    values = {c: dict(row) for c, row in scenario.data.values.items()}
    for crit in questionnaire.scored:
        mid = (crit.min + crit.max) / 2.0
        for cand in scenario.candidate_ids:
            values.setdefault(cand, {})[crit.id] = mid
    data = scenario.data.model_copy(update={"values": values})
    held = scenario.model_copy(update={"data": data}).with_source(scenario.source_name)
    return decision_matrix(held)


def build_problem(
    dm: DecisionMatrix,
    scenario: Scenario,
    questionnaire: Questionnaire,
    answers: Answers,
    experts: Sequence[str],
    alpha: Sequence[float] | np.ndarray,
    model: JudgmentModel,
    full: dict[str, NodeAggregate | None],
    score_aggregation: str,
    trim: float,
) -> PanelProblem:
    """A :class:`methods.group.PanelProblem` over ``experts`` with panel weights ``alpha``."""
    cols = [dm.criteria.index(c.id) for c in questionnaire.scored]
    scores = abstain = None
    if cols:
        scores, abstain = score_cube(answers, questionnaire, experts, dm.candidates)
    weights_fn = model.weights_fn(full) if questionnaire.nodes else None
    fixed = None
    if weights_fn is None:
        fixed = np.asarray(model.compose(full).global_weights, dtype=float)
    return panel_problem(
        dm.values,
        dm.directions,
        experts=tuple(experts),
        weights_fn=weights_fn,
        fixed_weights=fixed,
        scores=scores,
        abstain=abstain,
        scored_columns=cols,
        score_aggregation=score_aggregation,
        trim=trim,
        expert_weights=np.asarray(alpha, dtype=float),
        method=scenario.method.name,
        settings=dict(scenario.method.settings),
        candidates=dm.candidates,
        criteria=dm.criteria,
    )
