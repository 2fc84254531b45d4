"""Who has answered what: per expert completeness, CR per node, the judgments to revise.

For each expert, over the items the current round asks: how many answers they gave in this
round (and in all, with the carry-over of earlier rounds), whether they submitted, and per
pairwise node the consistency ratio of their matrix with the judgments that raise it most
(:func:`methods.ahp.most_inconsistent`: the change on Saaty's scale that lowers CR most), so
an inconsistent expert can be helped to revise instead of being dropped.
"""

from __future__ import annotations

from typing import Any

from clusterrank.errors import ClusterRankError
from clusterrank.methods.ahp import most_inconsistent
from clusterrank.panel.answers import answered_pairs, answers_as_of, expert_matrix
from clusterrank.panel.judgments import JudgmentModel
from clusterrank.panel.questionnaire import score_key
from clusterrank.panel.service import PanelState
from clusterrank.store.records import RoundAnswers

TOP_FIXES = 3


def status(st: PanelState, sets: tuple[RoundAnswers, ...]) -> dict[str, Any]:
    """The panel's status as of its current round (JSON-serialisable)."""
    q = st.questionnaire
    number = st.info.current_round
    items = set(st.current.items or q.item_keys)
    now = answers_as_of(list(sets), q)
    this_round = answers_as_of([sets[-1]], q) if sets else now
    asked = q.size(items)
    refs = tuple(e.ref for e in st.experts)
    model = JudgmentModel(st.scenario, q, now, refs, st.settings)
    rows = []
    for e in st.experts:
        given = sum(answered_pairs(this_round, e.ref, n) for n in q.nodes if n.key in items)
        given += sum(
            1
            for c in q.scored
            for cand in q.candidates
            if score_key(c.id, cand) in items and (e.ref, c.id, cand) in this_round.scores
        )
        nodes: dict[str, Any] = {}
        for node in q.nodes:
            if (e.ref, node.id) not in model.matrices:
                continue
            entry: dict[str, Any] = {
                "pairs": answered_pairs(now, e.ref, node),
                "of": len(node.pairs),
            }
            result = model.analyses.results.get((e.ref, node.id))
            if result is None:
                entry["problem"] = model.analyses.problems.get((e.ref, node.id), "")
            else:
                entry["cr"] = result.cr
                entry["acceptable"] = result.acceptable
                if not result.acceptable:
                    entry["revise"] = _fixes(model, e.ref, node.id, now)
            nodes[node.id] = entry
        rows.append(
            {
                "id": e.ref,
                "name": e.name,
                "group": e.group,
                "revoked": e.revoked,
                "answered_this_round": given,
                "asked_this_round": asked,
                "completeness": given / asked if asked else 1.0,
                "submitted": e.ref in (sets[-1].submitted if sets else {}),
                "nodes": nodes,
            }
        )
    return {
        "panel": st.info.panel_id,
        "title": st.info.title,
        "status": st.info.status,
        "round": number,
        "round_open": st.current.is_open,
        "items": sorted(items),
        "illustrative": st.settings.illustrative,
        "settings": {
            "derivation": st.settings.derivation,
            "random_index": st.settings.random_index,
            "completion": st.settings.completion,
            "cr_threshold": 0.10,
        },
        "experts": rows,
    }


def _fixes(model: JudgmentModel, expert: str, node_id: str, answers: Any) -> list[str]:
    node = model.questionnaire.node(node_id)
    s = model.settings
    try:
        fixes = most_inconsistent(
            expert_matrix(answers, expert, node),
            node.items,
            k=TOP_FIXES,
            derivation=s.derivation,
            random_index=s.random_index,
            completion=s.completion,
        )
    except ClusterRankError:
        return []
    return [f.describe() for f in fixes]
