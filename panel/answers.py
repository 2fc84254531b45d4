"""A round's answers as arrays: each expert's pairwise matrices and the experts' scores.

**Carry-over rule (stated, echoed in results).** A later Delphi round asks only some items
again; an answer an expert did not revise keeps its value from the latest earlier round. So
the answers *as of round r* are, per expert and per judged pair or scored cell, the value
from the latest round <= r in which the expert gave it. A pair judged once as (a, b) and
later as (b, a) counts once, the later value winning.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from clusterrank.i18n import N_
from clusterrank.panel.questionnaire import Node, Questionnaire
from clusterrank.store.records import RoundAnswers

FloatArray = npt.NDArray[np.float64]
CARRY_OVER = N_("an answer not revised in a later round keeps its latest earlier value")


@dataclass(frozen=True)
class Answers:
    """Answers as of one round, keyed for lookup.

    Attributes
    ----------
    judgments
        ``(expert, node) -> {(a, b): value}`` with a < b in the node's item order
        (value = how many times a matters more than b).
    scores
        ``(expert, criterion, candidate) -> value`` (``None`` for an abstention).
    comments
        ``(expert, item key) -> text`` of the round itself (not carried over).
    round_number
        The round these answers are "as of".
    """

    judgments: dict[tuple[str, str], dict[tuple[str, str], float]] = field(default_factory=dict)
    scores: dict[tuple[str, str, str], float | None] = field(default_factory=dict)
    comments: dict[tuple[str, str], str] = field(default_factory=dict)
    round_number: int = 1

    def experts(self) -> tuple[str, ...]:
        """Experts with at least one answer, in first-seen order."""
        seen: dict[str, None] = {}
        for e, _ in self.judgments:
            seen.setdefault(e)
        for e, _, _ in self.scores:
            seen.setdefault(e)
        return tuple(seen)

    def node_experts(self, node: str) -> tuple[str, ...]:
        """The experts with at least one judgment at ``node``."""
        return tuple(e for (e, n), pairs in self.judgments.items() if n == node and pairs)


def _oriented(node: Node, a: str, b: str, value: float) -> tuple[tuple[str, str], float]:
    order = {name: k for k, name in enumerate(node.items)}
    if order.get(a, 0) <= order.get(b, 0):
        return (a, b), value
    return (b, a), 1.0 / value


def answers_as_of(rounds: Sequence[RoundAnswers], questionnaire: Questionnaire) -> Answers:
    """Answers as of the last of ``rounds`` (oldest first), by the carry-over rule."""
    nodes = {n.id: n for n in questionnaire.nodes}
    judgments: dict[tuple[str, str], dict[tuple[str, str], float]] = {}
    scores: dict[tuple[str, str, str], float | None] = {}
    for r in rounds:
        for j in r.judgments:
            node = nodes.get(j.node)
            if node is None or j.row not in node.items or j.column not in node.items:
                continue
            pair, value = _oriented(node, j.row, j.column, j.value)
            judgments.setdefault((j.expert, j.node), {})[pair] = value
        for s in r.scores:
            scores[(s.expert, s.criterion, s.candidate)] = None if s.abstain else s.value
    last = rounds[-1] if rounds else None
    comments = {(c.expert, c.item_key): c.text for c in (last.comments if last else ())}
    return Answers(judgments, scores, comments, last.round_number if last else 1)


def expert_matrix(answers: Answers, expert: str, node: Node) -> FloatArray:
    """The expert's n × n reciprocal matrix at ``node``.

    NaN where not judged, 1 on the diagonal.
    """
    n = len(node.items)
    a = np.full((n, n), np.nan)
    np.fill_diagonal(a, 1.0)
    index = {name: k for k, name in enumerate(node.items)}
    for (x, y), v in answers.judgments.get((expert, node.id), {}).items():
        i, j = index[x], index[y]
        a[i, j], a[j, i] = v, 1.0 / v
    return a


def score_cube(
    answers: Answers,
    questionnaire: Questionnaire,
    experts: Sequence[str],
    candidates: Sequence[str] | None = None,
) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """K × m × q scores (NaN where no answer) and the abstention flags, for the scored criteria."""
    cands = tuple(questionnaire.candidates if candidates is None else candidates)
    crits = [c.id for c in questionnaire.scored]
    k, m, q = len(experts), len(cands), len(crits)
    values = np.full((k, m, q), np.nan)
    abstain = np.zeros((k, m, q), dtype=bool)
    for e, ref in enumerate(experts):
        for i, cand in enumerate(cands):
            for j, crit in enumerate(crits):
                key = (ref, crit, cand)
                if key not in answers.scores:
                    continue
                v = answers.scores[key]
                if v is None:
                    abstain[e, i, j] = True
                else:
                    values[e, i, j] = v
    return values, abstain


def answered_pairs(answers: Answers, expert: str, node: Node) -> int:
    """How many pairs ``expert`` has judged at ``node``."""
    return len(answers.judgments.get((expert, node.id), {}))


def answered_scores(answers: Answers, expert: str, items: Iterable[tuple[str, str]]) -> int:
    """How many of the (criterion, candidate) ``items`` ``expert`` has scored (or abstained on)."""
    return sum(1 for c, cand in items if (expert, c, cand) in answers.scores)


def finite(x: float | None) -> float | None:
    """``x`` when it is a finite number, else ``None`` (JSON has no NaN)."""
    return None if x is None or not math.isfinite(x) else float(x)
