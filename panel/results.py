"""A panel's result as of one round: weights, scores, ranking, consensus, robustness.

:func:`compute_result` takes everything already read (scenario, questionnaire, answers,
experts) and returns one JSON-serialisable dictionary, the same one the command line prints,
the store keeps as an immutable snapshot and :mod:`panel.apply` turns into a scenario.

When experts carry weights (per expert or by stakeholder group), the whole aggregation is
also done with equal weights and shown beside it (``equal_weights``), so the effect of the
weighting is always visible.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import N_, _, ngettext
from clusterrank.methods.group import ExpertWeights, expert_weights, summarize_scores
from clusterrank.methods.group.scores import ScoreSummary
from clusterrank.panel.answers import CARRY_OVER, Answers, finite, score_cube
from clusterrank.panel.consensus import (
    gci_map,
    gci_thresholds,
    kendall_map,
    node_consensus_map,
    score_tables,
    without_consensus,
)
from clusterrank.panel.judgments import JudgmentModel, NodeAggregate
from clusterrank.panel.problem import base_matrix, build_problem
from clusterrank.panel.questionnaire import Questionnaire
from clusterrank.panel.robustness import bootstrap_json, leave_one_out_json
from clusterrank.panel.settings import PanelSettings
from clusterrank.store.records import ExpertInfo

ILLUSTRATIVE = N_("ILLUSTRATIVE panel: the answers are invented to show the workflow, not real")
"""Marked only: translate it where it is shown (``_(ILLUSTRATIVE)``)."""


def panel_weights(
    participants: Sequence[str], experts: Mapping[str, ExpertInfo], settings: PanelSettings
) -> ExpertWeights:
    """Expert weights α of the experts who answered, by the settings' scheme."""
    if settings.expert_weights == "equal":
        return expert_weights(participants)
    if settings.expert_weights == "expert":
        missing = [e for e in participants if experts[e].weight is None]
        if missing:
            msg = _(
                "expert {expert} has no weight in the experts file; give every expert a "
                "weight, or use --expert-weights equal"
            ).format(expert=repr(missing[0]))
            raise ConfigurationError(msg)
        return expert_weights(
            participants, weights={e: float(experts[e].weight or 0.0) for e in participants}
        )
    groups = {e: experts[e].group for e in participants if experts[e].group is not None}
    weights = {e: experts[e].weight or 1.0 for e in participants}
    try:
        return expert_weights(
            participants,
            weights=weights,
            groups={k: str(v) for k, v in groups.items()},
            group_weights=settings.group_weights,
        )
    except MethodInputError as exc:
        raise ConfigurationError(str(exc)) from exc


class _Run:
    """One aggregation with one set of expert weights."""

    def __init__(
        self,
        scenario: Scenario,
        q: Questionnaire,
        answers: Answers,
        dm: DecisionMatrix,
        model: JudgmentModel,
        alpha: np.ndarray,
        settings: PanelSettings,
    ) -> None:
        experts = model.experts
        self.alpha_map = dict(zip(experts, alpha.tolist(), strict=True))
        self.nodes: dict[str, NodeAggregate | None] = model.aggregate(self.alpha_map)
        self.weights = model.compose(self.nodes)
        self.summary: ScoreSummary | None = None
        if q.scored:
            scores, abstain = score_cube(answers, q, experts, dm.candidates)
            self.summary = summarize_scores(
                scores,
                abstain,
                alpha,
                method=settings.score_aggregation,
                trim=settings.trim,
                step=settings.score_step,
            )
        self.problem = build_problem(
            dm,
            scenario,
            q,
            answers,
            experts,
            alpha,
            model,
            self.nodes,
            settings.score_aggregation,
            settings.trim,
        )
        scores_row = self.problem.panel_scores(np.ones((1, len(experts))))[0]
        ranks = self.problem.full_ranks()
        names = dict(zip(dm.candidates, dm.candidate_names, strict=True))
        order = np.argsort(ranks, kind="stable")
        self.ranking = [
            {
                "rank": int(ranks[i]),
                "candidate": dm.candidates[i],
                "name": names[dm.candidates[i]],
                "score": finite(float(scores_row[0, i])),
            }
            for i in order
        ]

    def json(self, q: Questionnaire, candidates: tuple[str, ...]) -> dict[str, Any]:
        w = self.weights
        out: dict[str, Any] = {
            "weights": w.as_map(),
            "group_weights": w.group_map(),
            "local_weights": w.local_map(),
            "nodes": {
                node_id: None
                if agg is None
                else {
                    "priorities": dict(zip(agg.items, agg.priorities.tolist(), strict=True)),
                    "experts": len(agg.experts),
                    "cr": None if agg.matrix_result is None else agg.matrix_result.cr,
                    "matrix": None
                    if agg.matrix_result is None
                    else agg.matrix_result.matrix.tolist(),
                }
                for node_id, agg in self.nodes.items()
            },
            "ranking": self.ranking,
            "weight_notes": list(w.notes),
        }
        if self.summary is not None:
            out["scores"], out["score_summary"] = score_tables(q, self.summary, candidates)
            out["score_notes"] = list(self.summary.notes)
        return out


def compute_result(
    *,
    panel_id: str,
    title: str,
    scenario: Scenario,
    questionnaire: Questionnaire,
    answers: Answers,
    experts: Sequence[ExpertInfo],
    submitted: Mapping[str, Any],
    settings: PanelSettings,
    round_number: int,
    stability: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The panel's result as of ``round_number`` (see the module docstring).

    Raises
    ------
    ConfigurationError
        Nobody has answered yet, or expert weights that cannot be applied.
    """
    info = {e.ref: e for e in experts}
    answered = set(answers.experts())
    participants = tuple(e.ref for e in experts if e.ref in answered)
    if not participants:
        msg = _("no expert has answered yet: import answers or wait for the experts")
        raise ConfigurationError(msg)
    ew = panel_weights(participants, info, settings)
    model = JudgmentModel(scenario, questionnaire, answers, participants, settings)
    dm = base_matrix(scenario, questionnaire)
    main = _Run(scenario, questionnaire, answers, dm, model, ew.weights, settings)
    nodes = node_consensus_map(model)
    gcis = gci_map(model)
    gaps = sum(
        1 for n in questionnaire.nodes for e in participants if (e, n.id) not in model.matrices
    )
    payload: dict[str, Any] = {
        "panel": panel_id,
        "title": title,
        "round": round_number,
        "aggregation": settings.aggregation,
        "illustrative": settings.illustrative,
        "scenario": scenario.id,
        "settings": {
            **settings.to_json(),
            "weights": model.weight_settings(),
            "scores": main.summary.settings if main.summary is not None else None,
            "method": {"name": scenario.method.name, **dict(main.problem.settings)},
            "carry_over": _(CARRY_OVER),
            "missing_data": scenario.missing_data,
        },
        "experts": _experts_json(experts, participants, model, gcis, submitted, ew),
        "expert_weights": {
            "scheme": ew.scheme,
            "weights": ew.weight_map,
            "equal": ew.is_equal,
            "notes": list(ew.notes),
        },
        **main.json(questionnaire, dm.candidates),
        "consensus": {
            "s_star": {n: v["s_star"] for n, v in nodes.items()},
            "s_star_word": {n: v["word"] for n, v in nodes.items()},
            "gci": {e: {n: v["gci"] for n, v in by.items()} for e, by in gcis.items()},
            "gci_thresholds": gci_thresholds(),
            "kendall": kendall_map(main.problem, gaps),
            "threshold": settings.threshold,
            "items_without_consensus": without_consensus(
                questionnaire,
                nodes,
                main.summary,
                dm.candidates,
                settings.threshold,
                settings.score_step,
            ),
        },
        "robustness": {
            "leave_one_out": leave_one_out_json(main.problem, settings.top_k),
            "bootstrap": bootstrap_json(
                main.problem, settings.resamples, settings.seed, settings.top_k
            ),
        },
        "notes": _notes(settings, dm, participants, experts),
    }
    kendall = payload["consensus"]["kendall"]
    payload["consensus"]["kendall_w"] = kendall.get("w")
    payload["consensus"]["kendall_p"] = kendall.get("p")
    if stability is not None:
        payload["stability"] = dict(stability)
    if not payload["expert_weights"]["equal"]:
        equal = _Run(scenario, questionnaire, answers, dm, model, ew.equal, settings)
        payload["equal_weights"] = equal.json(questionnaire, dm.candidates)
    return payload


def _experts_json(
    experts: Sequence[ExpertInfo],
    participants: Sequence[str],
    model: JudgmentModel,
    gcis: Mapping[str, Mapping[str, Any]],
    submitted: Mapping[str, Any],
    ew: ExpertWeights,
) -> list[dict[str, Any]]:
    out = []
    weights = ew.weight_map
    for e in experts:
        cr = {
            n.id: model.analyses.results[(e.ref, n.id)].cr
            for n in model.questionnaire.nodes
            if (e.ref, n.id) in model.analyses.results
        }
        out.append(
            {
                "id": e.ref,
                "name": e.name,
                "group": e.group,
                "revoked": e.revoked,
                "answered": e.ref in participants,
                "submitted": e.ref in submitted,
                "weight": weights.get(e.ref),
                "cr": cr,
                "gci": {n: v["gci"] for n, v in gcis.get(e.ref, {}).items()},
            }
        )
    return out


def _notes(
    settings: PanelSettings,
    dm: DecisionMatrix,
    participants: Sequence[str],
    experts: Sequence[ExpertInfo],
) -> list[str]:
    notes = []
    if settings.illustrative:
        notes.append(_(ILLUSTRATIVE))
    silent = [e.ref for e in experts if e.ref not in participants]
    if silent:
        text = ngettext(
            "{n} expert has not answered and is not counted: {experts}",
            "{n} experts have not answered and are not counted: {experts}",
            len(silent),
        )
        notes.append(text.format(n=len(silent), experts=", ".join(silent)))
    notes.append(_(CARRY_OVER))
    notes += list(dm.notes)
    return notes
