"""Every way to set weights, turned into one :class:`~criteria.weights.Weights`.

The criteria set's defaults or direct weights (sliders) come from `criteria.weights`; AHP
weights come from the scenario's pairwise judgments through `methods.ahp`; objective weights
(entropy, CRITIC, ...) from the decision matrix through `methods.objective_weights`. Whatever
the source, the result holds group, local and global weights (normalised once, in
:func:`criteria.weights.compose_weights`), the settings that produced them and, for AHP, each
matrix's consistency (:data:`WeightReport` is that object with its AHP blocks typed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TypeAlias

import numpy as np

from clusterrank.analysis.ahp_report import AHPBlock, analyse_block
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.criteria.models.ahp_file import JudgmentBlock
from clusterrank.criteria.models.scenario import AHPWeights, ObjectiveWeights, Scenario
from clusterrank.criteria.weights import (
    Weights,
    ahp_request,
    compose_weights,
    direct_weights,
    given_weights,
)
from clusterrank.i18n import _, formats
from clusterrank.methods.objective_weights import objective_weight_names, objective_weights

WeightReport: TypeAlias = Weights[AHPBlock]
"""The one weight object (:class:`criteria.weights.Weights`), its AHP blocks analysed here."""
SLIDER_TOTAL = 100.0
"""Each block of sliders sums to this (percent): the one place percentages become weights."""


def objective_methods() -> list[str]:
    """Names of the objective weighting methods.

    As named in ``weights: {mode: objective, method: ...}`` and ``clusterrank rank --matrix ...
    --weights NAME``.
    """
    return objective_weight_names()


def resolve_weights(scenario: Scenario, matrix: DecisionMatrix | None = None) -> WeightReport:
    """The scenario's own weights.

    The set's defaults, direct weights, AHP judgments, or objective weights computed from ``matrix``
    (the scenario's decision matrix after its missing-data policy; built here when not given).
    """
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
    return direct_weights(scenario)


def weights_from_sliders(
    scenario: Scenario,
    group_percent: Mapping[str, float],
    local_percent: Mapping[str, float],
) -> WeightReport:
    """Direct weights from the UI's sliders.

    Percentages (each block sums to 100) by group id and by criterion id, normalised once here (a
    block that does not sum to 100 is noted).
    """
    return given_weights(
        scenario.criteria_set,
        group_percent,
        local_percent,
        scale=SLIDER_TOTAL,
        where="the sliders",
    )


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
            notes.append(_("no judgments among the groups: the set's group weights are used"))
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
                note = _("no judgments in group {group}: the set's criterion weights are used")
                notes.append(note.format(group=g.id))
            local_w.update({c.id: c.weight for c in g.criteria})
    for name, b in blocks.items():
        if not b.result.acceptable:
            notes.append(
                _(
                    "AHP judgments for {matrix} are inconsistent: CR {cr} > {threshold}; "
                    "revise them (see the suggested fixes)"
                ).format(
                    matrix=name,
                    cr=formats.number(b.result.cr, 3),
                    threshold=formats.number(b.result.threshold, 2),
                )
            )
    settings = {
        "mode": "ahp",
        "derivation": derivation,
        "random_index": random_index,
        "completion": completion,
    }
    weights = compose_weights(cs, group_w, local_w, "ahp", tuple(notes), settings=settings)
    return replace(weights, ahp=blocks)


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
            note = _("{method} gives group {group} zero weight: its criteria do not count")
            notes.append(note.format(method=method, group=g.id))
    if sum(group_w.values()) <= 0:
        group_w = {g: 1.0 for g in group_w}
    settings = {"mode": "objective", "method": method, **dict(result.settings)}
    mode = f"objective:{method}"
    return compose_weights(cs, group_w, local_w, mode, tuple(notes), settings=settings)
