"""Every way to set weights, turned into one :class:`WeightReport`.

The criteria set's defaults or direct weights (sliders) come from `criteria.weights`; AHP
weights come from the scenario's pairwise judgments through `methods.ahp`; objective weights
(entropy, CRITIC, ...) from the decision matrix through `methods.objective_weights`. Whatever
the source, the report holds group, local and global weights, the settings that produced them
and, for AHP, each matrix's consistency.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from analysis.ahp_report import AHPBlock, analyse_block
from criteria.decision_matrix import DecisionMatrix
from criteria.matrix import decision_matrix
from criteria.models.ahp_file import JudgmentBlock
from criteria.models.scenario import AHPWeights, DirectWeights, ObjectiveWeights, Scenario
from criteria.weights import WeightBreakdown, ahp_request, compose_weights, direct_weights
from methods.objective_weights import objective_weight_names, objective_weights

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class WeightReport:
    """Weights at every level plus what produced them.

    Attributes
    ----------
    breakdown
        Group, local and global weights in decision-matrix column order.
    settings
        ``mode`` and its parameters (AHP derivation, random-index table and completion of
        missing judgments; objective method).
    ahp
        For AHP weights: the analysed block per judgment matrix (``"groups"`` or a group id).
    """

    breakdown: WeightBreakdown
    settings: Mapping[str, Any]
    ahp: Mapping[str, AHPBlock] = field(default_factory=dict)

    @property
    def criteria(self) -> tuple[str, ...]:
        return self.breakdown.criteria

    @property
    def global_weights(self) -> FloatArray:
        return self.breakdown.global_weights

    @property
    def mode(self) -> str:
        return self.breakdown.mode

    @property
    def notes(self) -> tuple[str, ...]:
        return self.breakdown.notes

    def as_map(self) -> dict[str, float]:
        return dict(zip(self.criteria, self.global_weights.tolist(), strict=True))

    def to_frame(self) -> pd.DataFrame:
        return self.breakdown.to_frame()


def objective_methods() -> list[str]:
    """Names of the objective weighting methods (``weights: {mode: objective, method: ...}``,
    ``clusterrank rank --matrix ... --weights NAME``)."""
    return objective_weight_names()


def resolve_weights(scenario: Scenario, matrix: DecisionMatrix | None = None) -> WeightReport:
    """The scenario's own weights: the set's defaults, direct weights, AHP judgments, or
    objective weights computed from ``matrix`` (the scenario's decision matrix after its
    missing-data policy; built here when not given)."""
    w = scenario.weights
    if isinstance(w, ObjectiveWeights):
        dm = matrix if matrix is not None else decision_matrix(scenario)
        return weights_from_data(scenario, dm, w.method)
    if isinstance(w, AHPWeights):
        req = ahp_request(scenario)
        criteria_blocks = {g: req.criteria_blocks[g] for g in req.criteria_blocks}
        return weights_from_ahp(
            scenario,
            req.group_block,
            criteria_blocks,
            derivation=req.derivation,
            random_index=req.random_index,
            completion=req.completion,
        )
    breakdown = direct_weights(scenario)
    return WeightReport(breakdown, {"mode": breakdown.mode})


def weights_from_sliders(
    scenario: Scenario,
    group_weights: Mapping[str, float],
    local_weights: Mapping[str, float],
) -> WeightReport:
    """Direct weights from the UI's sliders (relative values; normalised and noted)."""
    spec = DirectWeights(groups=dict(group_weights), criteria=dict(local_weights))
    breakdown = direct_weights(scenario.model_copy(update={"weights": spec}))
    return WeightReport(breakdown, {"mode": "direct"})


def weights_from_ahp(
    scenario: Scenario,
    group_block: JudgmentBlock | None,
    criteria_blocks: Mapping[str, JudgmentBlock],
    *,
    derivation: str = "eigenvector",
    random_index: str = "saaty",
    completion: str = "implied",
) -> WeightReport:
    """Group and local weights from pairwise judgments (missing ones filled by ``completion``).

    A group with one criterion has local weight 1; with no group judgments and one group the
    group weight is 1. A group with several criteria but no judgments keeps the set's local
    weights (noted).
    """
    cs = scenario.criteria_set
    blocks: dict[str, AHPBlock] = {}
    notes: list[str] = []
    if group_block is not None and len(cs.groups) > 1:
        blocks["groups"] = analyse_block(
            "groups",
            group_block.pairwise(cs.group_ids),
            cs.group_ids,
            derivation=derivation,
            random_index=random_index,
            completion=completion,
        )
        group_w = dict(zip(cs.group_ids, blocks["groups"].result.priorities.tolist(), strict=True))
    else:
        group_w = {g.id: g.weight for g in cs.groups}
        if len(cs.groups) > 1:
            notes.append("no judgments among the groups: the set's group weights are used")
    local_w: dict[str, float] = {}
    for g in cs.groups:
        ids = tuple(c.id for c in g.criteria)
        block = criteria_blocks.get(g.id)
        if len(ids) > 1 and block is not None:
            blocks[g.id] = analyse_block(
                g.id,
                block.pairwise(ids),
                ids,
                derivation=derivation,
                random_index=random_index,
                completion=completion,
            )
            local_w.update(zip(ids, blocks[g.id].result.priorities.tolist(), strict=True))
        else:
            if len(ids) > 1:
                notes.append(f"no judgments in group {g.id}: the set's criterion weights are used")
            local_w.update({c.id: c.weight for c in g.criteria})
    for name, b in blocks.items():
        if not b.result.acceptable:
            notes.append(
                f"AHP judgments for {name} are inconsistent: CR {b.result.cr:.3f} > "
                f"{b.result.threshold:.2f}; revise them (see the suggested fixes)"
            )
    breakdown = compose_weights(cs, group_w, local_w, "ahp", tuple(notes))
    settings = {
        "mode": "ahp",
        "derivation": derivation,
        "random_index": random_index,
        "completion": completion,
    }
    return WeightReport(breakdown, settings, blocks)


def weights_from_data(scenario: Scenario, matrix: DecisionMatrix, method: str) -> WeightReport:
    """Objective weights (entropy, CRITIC, ...) from the decision matrix.

    The method gives global weights directly; each group's weight is the sum of its criteria's
    global weights and each local weight the criterion's share of its group.
    """
    result = objective_weights(
        matrix.values, matrix.directions, method=method, labels=matrix.criteria
    )
    glob = dict(zip(matrix.criteria, np.asarray(result.weights, dtype=float).tolist(), strict=True))
    cs = scenario.criteria_set
    group_w = {g.id: sum(glob[c.id] for c in g.criteria) for g in cs.groups}
    local_w: dict[str, float] = {}
    notes = list(result.notes)
    for g in cs.groups:
        total = group_w[g.id]
        for c in g.criteria:
            local_w[c.id] = glob[c.id] / total if total > 0 else 1.0
        if total <= 0:
            notes.append(f"{method} gives group {g.id} zero weight: its criteria do not count")
    if sum(group_w.values()) <= 0:
        group_w = {g: 1.0 for g in group_w}
    breakdown = compose_weights(cs, group_w, local_w, f"objective:{method}", tuple(notes))
    settings = {"mode": "objective", "method": method, **dict(result.settings)}
    return WeightReport(breakdown, settings)
