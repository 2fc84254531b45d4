"""Robustness to who sits on the panel: leave one expert out, and a bootstrap over experts.

Both come from :mod:`methods.group` on the panel's problem (:mod:`panel.problem`): the same
aggregation (AIJ/AIP, score median, expert weights) is redone for each sub-panel and the
scenario's own ranking method ranks it. Reported as plain JSON for the result.

References
----------
Efron, B., Tibshirani, R.J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.

Lahdelma, R., Salminen, P. (2001). SMAA-2: Stochastic multicriteria acceptability analysis
for group decision making. *Operations Research* 49(3), 444–454.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from clusterrank.errors import ClusterRankError
from clusterrank.i18n import _
from clusterrank.methods.group import PanelProblem, bootstrap_experts, leave_one_out


def leave_one_out_json(problem: PanelProblem, top_k: int) -> dict[str, Any]:
    """Per expert left out: the winner, whether winner / top k change, distances."""
    if len(problem.experts) < 2:
        return {"note": _("leaving one expert out needs at least 2 experts")}
    try:
        r = leave_one_out(problem, top_k=min(top_k, len(problem.candidates)))
    except ClusterRankError as exc:
        return {"note": str(exc)}
    rows = []
    for e, ranks, ok, win, top, foot, kend in zip(
        r.experts,
        r.ranks,
        r.defined,
        r.winner_changed,
        r.top_changed,
        r.footrule,
        r.kendall,
        strict=True,
    ):
        winners = [c for c, x in zip(r.candidates, ranks.tolist(), strict=True) if ok and x == 1]
        rows.append(
            {
                "left_out": e,
                "defined": bool(ok),
                "winner": winners,
                "winner_changed": bool(win),
                "top_changed": bool(top),
                "footrule": float(foot),
                "kendall_distance": float(kend),
            }
        )
    return {
        "top_k": r.top_k,
        "winner_stable": r.winner_stable,
        "most_influential": list(r.most_influential),
        "experts": rows,
        "notes": list(r.notes),
    }


def bootstrap_json(problem: PanelProblem, resamples: int, seed: int, top_k: int) -> dict[str, Any]:
    """Rank acceptability of every candidate over resampled panels."""
    if resamples == 0:
        return {"note": _("bootstrap switched off (resamples 0)")}
    if len(problem.experts) < 2:
        return {"note": _("a bootstrap over experts needs at least 2 experts")}
    try:
        r = bootstrap_experts(
            problem, resamples, seed=seed, top_k=min(top_k, len(problem.candidates))
        )
    except ClusterRankError as exc:
        return {"note": str(exc)}
    acceptability = {
        c: [float(x) for x in row]
        for c, row in zip(r.candidates, np.asarray(r.acceptability).tolist(), strict=True)
    }
    return {
        "settings": r.settings,
        "defined": r.defined,
        "winner_kept": r.winner_kept,
        "top_kept": r.top_kept,
        "mean_kendall_distance": r.mean_kendall,
        "rank_acceptability": acceptability,
        "top_share": dict(zip(r.candidates, r.top_share.tolist(), strict=True)),
        "notes": list(r.notes),
    }
