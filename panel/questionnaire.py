"""What a panel asks, derived from its scenario: pairwise nodes and expert-scored cells.

Two kinds of question:

``judgments``
    Pairwise comparisons (AHP) at a *node*: ``groups`` compares the criteria set's groups,
    a group id compares the criteria inside that group. A node needs at least two items.
``scores``
    A score of every candidate on each of the criteria set's expert-scored criteria
    (``expert_scale`` in the criteria set), on that criterion's declared scale with its verbal
    anchors.

Every question has an *item key*, the unit rounds, comments and consensus are kept by:
``judgments:<node>`` for a node and ``scores:<criterion>:<candidate>`` for a scored cell
(ids never contain ``:``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from clusterrank.criteria.models.scenario import Scenario
from clusterrank.errors import ConfigurationError
from clusterrank.i18n import _

GROUPS_NODE = "groups"
KINDS: tuple[str, ...] = ("judgments", "scores")


def node_key(node: str) -> str:
    """The item key of a pairwise node."""
    return f"judgments:{node}"


def score_key(criterion: str, candidate: str) -> str:
    """The item key of one scored cell."""
    return f"scores:{criterion}:{candidate}"


@dataclass(frozen=True)
class Node:
    """One pairwise matrix the experts fill: ``items`` compared two by two."""

    id: str
    items: tuple[str, ...]
    titles: tuple[str, ...]

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """Every pair once, in the upper triangle's order."""
        n = len(self.items)
        return tuple((self.items[i], self.items[j]) for i in range(n) for j in range(i + 1, n))

    @property
    def key(self) -> str:
        """The node's question key."""
        return node_key(self.id)


@dataclass(frozen=True)
class ScoredCriterion:
    """An expert-scored criterion: its scale and the verbal anchors of some points."""

    id: str
    title: str
    group: str
    min: float
    max: float
    anchors: tuple[tuple[float, str], ...]


@dataclass(frozen=True)
class Questionnaire:
    """Everything a panel asks (see the module docstring)."""

    nodes: tuple[Node, ...]
    scored: tuple[ScoredCriterion, ...]
    candidates: tuple[str, ...]
    candidate_names: tuple[str, ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of question asked (judgments, scores), in order."""
        return tuple(k for k, on in zip(KINDS, (self.nodes, self.scored), strict=True) if on)

    def node(self, node_id: str) -> Node:
        """The node called ``node_id``.

        Raises
        ------
        KeyError
            No node has that id.
        """
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    def criterion(self, criterion_id: str) -> ScoredCriterion:
        """The scored criterion called ``criterion_id``.

        Raises
        ------
        KeyError
            No scored criterion has that id.
        """
        for c in self.scored:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    @property
    def item_keys(self) -> tuple[str, ...]:
        """Every question's key: nodes first, then scored cells criterion by criterion."""
        keys = [n.key for n in self.nodes]
        keys += [score_key(c.id, cand) for c in self.scored for cand in self.candidates]
        return tuple(keys)

    def size(self, items: Iterable[str] | None = None) -> int:
        """How many answers the items ask (a node counts one per pair)."""
        wanted = set(self.item_keys if items is None else items)
        total = sum(len(n.pairs) for n in self.nodes if n.key in wanted)
        return total + sum(
            1 for c in self.scored for cand in self.candidates if score_key(c.id, cand) in wanted
        )

    def asked(self) -> dict[str, Any]:
        """What the store keeps as the panel's ``asked`` (JSON)."""
        return {
            "judgments": [n.id for n in self.nodes],
            "scores": [c.id for c in self.scored],
            "candidates": list(self.candidates),
        }


def all_nodes(scenario: Scenario) -> tuple[Node, ...]:
    """Every node a scenario allows: ``groups`` (several groups), each group with >= 2 criteria."""
    cs = scenario.criteria_set
    out = []
    if len(cs.groups) > 1:
        out.append(Node(GROUPS_NODE, cs.group_ids, tuple(g.title or g.id for g in cs.groups)))
    for g in cs.groups:
        if len(g.criteria) > 1:
            ids = tuple(c.id for c in g.criteria)
            out.append(Node(g.id, ids, tuple(c.title or c.id for c in g.criteria)))
    return tuple(out)


def scored_criteria(scenario: Scenario) -> tuple[ScoredCriterion, ...]:
    """The criteria set's expert-scored criteria with their scales."""
    cs = scenario.criteria_set
    out = []
    for c in cs.criteria:
        scale = c.expert_scale
        if scale is None:
            continue
        anchors = tuple(sorted((float(k), v) for k, v in scale.anchors.items()))
        out.append(
            ScoredCriterion(
                c.id, c.title or c.id, cs.group_of(c.id).id, scale.min, scale.max, anchors
            )
        )
    return tuple(out)


def build_questionnaire(
    scenario: Scenario,
    ask: Sequence[str] | None = None,
    nodes: Sequence[str] | None = None,
) -> Questionnaire:
    """The questions a panel on ``scenario`` asks.

    Parameters
    ----------
    ask
        ``judgments`` and/or ``scores``; default: every kind the scenario allows.
    nodes
        Which pairwise nodes (``groups`` or group ids); default: all of them.

    Raises
    ------
    ConfigurationError
        An unknown kind or node, a kind the scenario cannot ask, or nothing to ask.
    """
    possible_nodes = all_nodes(scenario)
    possible_scored = scored_criteria(scenario)
    kinds = tuple(KINDS if ask is None else (k.strip().lower() for k in ask))
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        msg = _("--ask takes judgments and/or scores (got {kinds})").format(
            kinds=", ".join(map(repr, unknown))
        )
        raise ConfigurationError(msg)
    chosen: tuple[Node, ...] = ()
    if "judgments" in kinds:
        chosen = possible_nodes
        if nodes is not None:
            names = {n.id: n for n in possible_nodes}
            bad = [n for n in nodes if n not in names]
            if bad:
                known = ", ".join(names) or _("none (one group with one criterion each)")
                msg = _("no pairwise node {node} in this scenario; nodes: {nodes}").format(
                    node=repr(bad[0]), nodes=known
                )
                raise ConfigurationError(msg)
            chosen = tuple(names[n] for n in dict.fromkeys(nodes))
        if not chosen and ask is not None:
            msg = _(
                "the scenario has nothing to compare pairwise (one group, and no group with "
                "two criteria); drop 'judgments' from --ask"
            )
            raise ConfigurationError(msg)
    scored = possible_scored if "scores" in kinds else ()
    if "scores" in kinds and not scored and ask is not None:
        msg = _(
            "the criteria set has no expert-scored criterion (expert_scale), so there is "
            "nothing to score; drop 'scores' from --ask"
        )
        raise ConfigurationError(msg)
    if not chosen and not scored:
        msg = _(
            "this panel would ask nothing: the scenario has no pairwise node and no scored "
            "criterion"
        )
        raise ConfigurationError(msg)
    return Questionnaire(
        nodes=chosen,
        scored=scored,
        candidates=scenario.candidate_ids,
        candidate_names=tuple(c.label for c in scenario.candidates),
    )


def questionnaire_of(scenario: Scenario, asked: Mapping[str, Any]) -> Questionnaire:
    """The questionnaire a panel stored (its ``asked``), rebuilt from its scenario snapshot."""
    node_ids = list(asked.get("judgments") or [])
    crit_ids = set(asked.get("scores") or [])
    nodes = {n.id: n for n in all_nodes(scenario)}
    scored = tuple(c for c in scored_criteria(scenario) if c.id in crit_ids)
    return Questionnaire(
        nodes=tuple(nodes[n] for n in node_ids if n in nodes),
        scored=scored,
        candidates=scenario.candidate_ids,
        candidate_names=tuple(c.label for c in scenario.candidates),
    )
