"""Saved rankings: what is stored (method, settings, weights, result) and how it is reproduced.

The weights are stored as a weight set's payload (slider percentages by group and criterion,
see :mod:`ui.project_session`), so a saved ranking is recomputed from the stored settings
alone: the project's scenario, the method with its settings and those weights. The stored
result is computed along the same path, so a faithful reproduction is identical to the digit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clusterrank.analysis.ranking import rank_scenario
from clusterrank.analysis.report import RankingReport
from clusterrank.analysis.weights import WeightReport, weights_from_sliders
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.i18n import _


def weights_from_payload(scenario: Scenario, payload: Mapping[str, Any]) -> WeightReport:
    """The weights a stored payload (group and local slider percentages) gives on ``scenario``."""
    flat = {c: v for block in payload["local"].values() for c, v in block.items()}
    return weights_from_sliders(scenario, payload["groups"], flat)


def ranking_settings(
    method: str, settings: Mapping[str, Any], weights: Mapping[str, Any], scenario_sha256: str
) -> dict[str, Any]:
    """Everything a saved ranking needs to be recomputed."""
    return {
        "method": method,
        "settings": dict(settings),
        "weights": dict(weights),
        "scenario_sha256": scenario_sha256,
    }


def compute(scenario: Scenario, stored: Mapping[str, Any]) -> RankingReport:
    """Rank ``scenario`` with a saved ranking's stored settings."""
    return rank_scenario(
        scenario,
        method=str(stored["method"]),
        settings=dict(stored["settings"]),
        weights=weights_from_payload(scenario, stored["weights"]),
    )


def result_record(report: RankingReport) -> dict[str, Any]:
    """A ranking's result as stored: candidates in matrix order, their scores and ranks."""
    r = report.result
    return {
        "candidates": list(r.candidates),
        "scores": [float(s) for s in r.scores.tolist()],
        "ranks": [int(k) for k in r.ranks.tolist()],
    }


@dataclass(frozen=True)
class Reproduction:
    """A saved ranking recomputed: identical or not, and what differs."""

    identical: bool
    same_ranks: bool
    max_score_difference: float
    text: str


def reproduce(scenario: Scenario, stored: Mapping[str, Any], result: Any) -> Reproduction:
    """Recompute a saved ranking and compare it with the stored result."""
    again = result_record(compute(scenario, stored))
    same_ranks = again["candidates"] == result["candidates"] and again["ranks"] == result["ranks"]
    if again["candidates"] != result["candidates"]:
        diff = float("inf")
    else:
        diff = max(
            (abs(a - b) for a, b in zip(again["scores"], result["scores"], strict=True)),
            default=0.0,
        )
    identical = same_ranks and diff == 0.0
    if identical:
        text = _("Reproduced: identical ranks and scores.")
    elif same_ranks:
        text = _("Reproduced: the same ranks; scores differ by up to {difference}.").format(
            difference=f"{diff:.3g}"
        )
    else:
        text = _("Not identical: the recomputed ranks differ from the saved ones.")
    return Reproduction(identical, same_ranks, diff, text)
