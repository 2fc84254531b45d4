"""Pairwise judgments of a panel -> node priorities -> criterion weights, for any sub-panel.

Per node (``groups`` or a group):

AIJ
    the experts' matrices are combined by the weighted element-wise geometric mean
    (:func:`methods.ahp.group.aggregate_judgments`; a pair some experts left empty is
    averaged over those who judged it), then analysed (priorities, CR) as one matrix.
AIP
    each expert's matrix is analysed on its own, and the priority vectors are combined by
    the weighted geometric or arithmetic mean (:func:`methods.ahp.group.aggregate_priorities`).

Expert weights α are renormalised over the experts who answered the node. A node the panel
does not ask, or that no expert answered usably, keeps the scenario's own weights there
(noted). Global weight = group weight × local weight (:func:`criteria.weights.compose_weights`).

References
----------
Forman, E., Peniwati, K. (1998). Aggregating individual judgments and priorities with the
analytic hierarchy process. *European Journal of Operational Research* 108(1), 165–169.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterrank.criteria.models.scenario import AHPWeights, ObjectiveWeights, Scenario
from clusterrank.criteria.weights import Weights, compose_weights, direct_weights
from clusterrank.errors import ClusterRankError, ConfigurationError, MethodInputError
from clusterrank.i18n import _
from clusterrank.methods.ahp import AHPResult, aggregate_judgments, aggregate_priorities, analyse
from clusterrank.methods.ahp.group import aggregate_checked
from clusterrank.panel.answers import Answers, expert_matrix
from clusterrank.panel.questionnaire import GROUPS_NODE, Node, Questionnaire
from clusterrank.panel.settings import PanelSettings

FloatArray = npt.NDArray[np.float64]


def base_weights(scenario: Scenario) -> tuple[dict[str, float], dict[str, float], str]:
    """The scenario's own group and local weights (used where the panel does not judge).

    Raises
    ------
    ConfigurationError
        Objective weights (they come from the data, which the panel's scores change).
    """
    w = scenario.weights
    cs = scenario.criteria_set
    if isinstance(w, ObjectiveWeights):
        msg = _(
            "the scenario's weights are objective ({method}): they come from the data, "
            "which the panel's scores change; give the scenario criteria_set, direct or ahp "
            "weights for a panel"
        ).format(method=w.method)
        raise ConfigurationError(msg)
    if isinstance(w, AHPWeights):
        groups = {g.id: g.weight for g in cs.groups}
        local = {c.id: c.weight for c in cs.criteria}
        if w.groups is not None and len(cs.groups) > 1:
            r = analyse(
                w.groups.pairwise(cs.group_ids),
                cs.group_ids,
                derivation=w.derivation,
                random_index=w.random_index,
                completion=w.completion,
            )
            groups = r.weight_map
        for gid, block in w.criteria.items():
            ids = tuple(c.id for c in cs.groups[cs.group_ids.index(gid)].criteria)
            r = analyse(
                block.pairwise(ids),
                ids,
                derivation=w.derivation,
                random_index=w.random_index,
                completion=w.completion,
            )
            local.update(r.weight_map)
        return groups, local, _("the scenario's AHP judgments")
    dw = direct_weights(scenario)
    return dw.group_map(), dw.local_map(), _("the scenario's {mode} weights").format(mode=dw.mode)


@dataclass
class NodeAnalyses:
    """Each expert's own analysis of each node (``None`` where the matrix is unusable)."""

    results: dict[tuple[str, str], AHPResult] = field(default_factory=dict)
    problems: dict[tuple[str, str], str] = field(default_factory=dict)


@dataclass(frozen=True)
class NodeAggregate:
    """The panel's priorities at one node, and how they were reached."""

    node: str
    items: tuple[str, ...]
    experts: tuple[str, ...]
    priorities: FloatArray
    matrix_result: AHPResult | None
    """AIJ: the aggregated matrix analysed (CR of the group matrix); AIP: ``None``."""


class JudgmentModel:
    """The panel's judgments, ready to aggregate for any expert weights."""

    def __init__(
        self,
        scenario: Scenario,
        questionnaire: Questionnaire,
        answers: Answers,
        experts: Sequence[str],
        settings: PanelSettings,
    ) -> None:
        self.scenario = scenario
        self.questionnaire = questionnaire
        self.settings = settings
        self.experts = tuple(experts)
        self.base_groups, self.base_local, self.base_origin = base_weights(scenario)
        self.matrices: dict[tuple[str, str], FloatArray] = {}
        self._stacks: dict[str, FloatArray] = {}
        self.analyses = NodeAnalyses()
        for node in questionnaire.nodes:
            for e in answers.node_experts(node.id):
                if e not in self.experts:
                    continue
                a = expert_matrix(answers, e, node)
                self.matrices[(e, node.id)] = a
                try:
                    self.analyses.results[(e, node.id)] = self.analyse(a, node)
                except ClusterRankError as exc:
                    self.analyses.problems[(e, node.id)] = str(exc)

    def analyse(self, matrix: FloatArray, node: Node) -> AHPResult:
        """The AHP analysis of one expert's ``matrix`` at ``node`` under the panel's settings."""
        s = self.settings
        return analyse(
            matrix,
            node.items,
            derivation=s.derivation,
            random_index=s.random_index,
            completion=s.completion,
        )

    def node_experts(self, node: Node) -> tuple[str, ...]:
        """Experts whose judgments at ``node`` count (AIP: only analysable matrices)."""
        if self.settings.aggregation == "aip":
            return tuple(e for e in self.experts if (e, node.id) in self.analyses.results)
        return tuple(e for e in self.experts if (e, node.id) in self.matrices)

    def aggregate_node(self, node: Node, alpha: Mapping[str, float]) -> NodeAggregate | None:
        """The node's priorities for expert weights ``alpha`` (``None``: nobody usable)."""
        who = [e for e in self.node_experts(node) if alpha.get(e, 0.0) > 0]
        if not who:
            return None
        w = np.array([alpha[e] for e in who], dtype=float)
        if self.settings.aggregation == "aip":
            vectors = [self.analyses.results[(e, node.id)].priorities for e in who]
            p = aggregate_priorities(vectors, w, self.settings.aip_mean)
            return NodeAggregate(node.id, node.items, tuple(who), p, None)
        every = self.node_experts(node)
        weights = np.array([max(alpha.get(e, 0.0), 0.0) for e in every], dtype=float)
        try:
            matrix = aggregate_checked(self._stack(node, every), weights / weights.sum())
            result = self.analyse(matrix, node)
        except MethodInputError:
            return None
        return NodeAggregate(node.id, node.items, tuple(who), result.priorities, result)

    def _stack(self, node: Node, who: tuple[str, ...]) -> FloatArray:
        """The experts' matrices at ``node``, validated once and stacked (K × n × n).

        A sub-panel weighs them, giving 0 to the experts it leaves out.
        """
        stack = self._stacks.get(node.id)
        if stack is None:
            matrices = [self.matrices[(e, node.id)] for e in who]
            aggregate_judgments(matrices)  # validates each matrix once (names the expert)
            stack = self._stacks[node.id] = np.stack(matrices)
        return stack

    def aggregate(self, alpha: Mapping[str, float]) -> dict[str, NodeAggregate | None]:
        """Each node's priorities under expert weights ``alpha`` (``None``: nobody usable)."""
        return {n.id: self.aggregate_node(n, alpha) for n in self.questionnaire.nodes}

    def compose(
        self, nodes: Mapping[str, NodeAggregate | None], fallback: Mapping[str, Any] | None = None
    ) -> Weights[Any]:
        """Criterion weights from node priorities; other nodes from ``fallback`` or the base.

        ``fallback`` maps a node id to priorities to use when ``nodes`` has none there (the
        whole panel's, for a sub-panel in which nobody answered that node).
        """
        groups = dict(self.base_groups)
        local = dict(self.base_local)
        notes: list[str] = []
        for node in self.questionnaire.nodes:
            agg = nodes.get(node.id)
            prios = agg.priorities if agg is not None else None
            if prios is None and fallback is not None:
                prios = fallback.get(node.id)
            if prios is None:
                text = _("nobody answered node {node} usably: {origin} are kept there")
                notes.append(text.format(node=repr(node.id), origin=self.base_origin))
                continue
            target = groups if node.id == GROUPS_NODE else local
            target.update(zip(node.items, np.asarray(prios, dtype=float).tolist(), strict=True))
        mode = f"panel:{self.settings.aggregation}"
        return compose_weights(
            self.scenario.criteria_set,
            groups,
            local,
            mode,
            tuple(notes),
            settings=self.weight_settings(),
        )

    def weight_settings(self) -> dict[str, Any]:
        """The weight settings to record with a result (mode, aggregation, AHP settings)."""
        s = self.settings
        out: dict[str, Any] = {
            "mode": f"panel:{s.aggregation}",
            "aggregation": s.aggregation,
            "derivation": s.derivation,
            "random_index": s.random_index,
            "completion": s.completion,
            "unasked_nodes": self.base_origin,
        }
        if s.aggregation == "aip":
            out["aip_mean"] = s.aip_mean
        return out

    def weights_fn(self, full: Mapping[str, NodeAggregate | None]) -> Any:
        """α (over :attr:`experts`) -> global criterion weights, for sub-panels."""
        fallback = {k: v.priorities for k, v in full.items() if v is not None}

        def fn(alpha: FloatArray) -> FloatArray:
            a = dict(zip(self.experts, np.asarray(alpha, dtype=float).tolist(), strict=True))
            weights = self.compose(self.aggregate(a), fallback)
            return np.asarray(weights.global_weights, dtype=float)

        return fn
