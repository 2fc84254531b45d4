r"""How far a panel agrees: S* per node, GCI per expert, Kendall's W, spread of every score.

* **S\*** (Goepel 2018) of each node over the experts' own priority vectors, with his
  word scale (:func:`methods.group.node_consensus`).
* **GCI** (Aguarón & Moreno-Jiménez 2003) of each expert's matrix at each node, with the
  thresholds 0.31 / 0.35 / 0.37 (:func:`methods.group.gci`).
* **Kendall's W** with its χ² test over the experts' own rankings of the candidates (each
  expert's own weights and scores; a cell an expert left empty takes the panel's value,
  and those filled-in cells are counted), tie-corrected (:func:`methods.group.kendall_w`).
* Per scored item (criterion × candidate): IQR and the share of answers within one scale
  step of the median (:func:`methods.group.summarize_scores`).

Items below the facilitator's threshold are listed: they are the default items of the next
Delphi round (:mod:`panel.delphi`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from clusterrank.errors import ClusterRankError
from clusterrank.i18n import _
from clusterrank.methods.group import (
    GCI_THRESHOLDS,
    PanelProblem,
    ScoreSummary,
    gci,
    items_without_consensus,
    kendall_w,
    node_consensus,
)
from clusterrank.panel.answers import finite
from clusterrank.panel.judgments import JudgmentModel
from clusterrank.panel.questionnaire import Questionnaire, node_key, score_key


def node_consensus_map(model: JudgmentModel) -> dict[str, dict[str, Any]]:
    """Node id -> {s_star, word, experts} over the experts' analysable matrices."""
    out: dict[str, dict[str, Any]] = {}
    for node in model.questionnaire.nodes:
        vectors = [
            model.analyses.results[(e, node.id)].priorities
            for e in model.experts
            if (e, node.id) in model.analyses.results
        ]
        if not vectors:
            continue
        c = node_consensus(np.vstack(vectors))
        out[node.id] = {"s_star": c.s_star, "word": c.word, "experts": c.experts}
    return out


def gci_map(model: JudgmentModel) -> dict[str, dict[str, Any]]:
    """Expert -> node -> {gci, threshold, acceptable} (only nodes the expert judged)."""
    out: dict[str, dict[str, Any]] = {}
    for (expert, node_id), matrix in model.matrices.items():
        node = model.questionnaire.node(node_id)
        try:
            g = gci(matrix, node.items)
        except ClusterRankError:
            continue
        out.setdefault(expert, {})[node_id] = {
            "gci": g.value,
            "threshold": g.threshold,
            "acceptable": g.acceptable,
        }
    return out


def kendall_map(problem: PanelProblem, judged_gaps: int) -> dict[str, Any]:
    """Kendall's W of the experts' own rankings (needs 2 experts and 2 candidates)."""
    k, m = problem.shape[:2]
    if k < 2 or m < 2:
        return {"note": _("Kendall's W needs at least 2 experts and 2 candidates")}
    ranks, filled = problem.expert_ranks()
    try:
        w = kendall_w(ranks)
    except ClusterRankError as exc:
        return {"note": str(exc)}
    return {
        "w": w.w,
        "chi2": w.chi2,
        "df": w.df,
        "p": w.p_value,
        "m": w.m,
        "n": w.n,
        "tie_correction": w.tie_correction,
        "filled_score_cells": filled,
        "filled_nodes": judged_gaps,
        "expert_ranks": {
            e: dict(zip(problem.candidates, r.tolist(), strict=True))
            for e, r in zip(problem.experts, ranks, strict=True)
        },
        "notes": list(w.notes),
    }


def score_tables(
    q: Questionnaire, summary: ScoreSummary, candidates: tuple[str, ...]
) -> tuple[dict[str, dict[str, float | None]], dict[str, dict[str, dict[str, Any]]]]:
    """``scores`` (criterion -> candidate -> aggregate) and their per-item spread."""
    values: dict[str, dict[str, float | None]] = {}
    spread: dict[str, dict[str, dict[str, Any]]] = {}
    for j, crit in enumerate(q.scored):
        values[crit.id] = {}
        spread[crit.id] = {}
        for i, cand in enumerate(candidates):
            values[crit.id][cand] = finite(float(summary.values[i, j]))
            spread[crit.id][cand] = {
                "median": finite(float(summary.median[i, j])),
                "q1": finite(float(summary.q1[i, j])),
                "q3": finite(float(summary.q3[i, j])),
                "iqr": finite(float(summary.iqr[i, j])),
                "within_one_step": finite(float(summary.within_one_step[i, j])),
                "answered": int(summary.answered[i, j]),
                "abstained": int(summary.abstained[i, j]),
                "missing": int(summary.missing[i, j]),
            }
    return values, spread


def without_consensus(
    q: Questionnaire,
    nodes: dict[str, dict[str, Any]],
    summary: ScoreSummary | None,
    candidates: tuple[str, ...],
    threshold: float,
    step: float,
) -> list[str]:
    """Item keys below the consensus threshold, nodes first (lowest S* first)."""
    low = sorted((v["s_star"], n) for n, v in nodes.items() if v["s_star"] < threshold)
    out = [node_key(n) for _s, n in low]
    if summary is not None and q.scored:
        flags = items_without_consensus(
            summary.iqr,
            summary.within_one_step,
            max_iqr=step,
            min_share=threshold,
            defined=summary.defined,
        )
        out += [
            score_key(crit.id, cand)
            for j, crit in enumerate(q.scored)
            for i, cand in enumerate(candidates)
            if flags[i, j]
        ]
    return out


def gci_thresholds() -> dict[str, float]:
    """The GCI acceptability thresholds by matrix size (``n=3``, ``n=4``, ``n>4``)."""
    return {"n=3": GCI_THRESHOLDS[0], "n=4": GCI_THRESHOLDS[1], "n>4": GCI_THRESHOLDS[2]}
