"""Saved sensitivity runs (SMAA-2): what is stored and how it is reproduced.

A run is stored with everything :func:`analysis.sensitivity.run_smaa` was given: the ranking
method and its settings, the weights in use (as a weight set's payload, see
:mod:`analysis.saved`), and the SMAA settings (samples, seed, sampling mode, concentration,
bounds, data uncertainty). Its result is kept as the rank-acceptability table. Reproducing
runs the same analysis function again with the stored seed, so a faithful reproduction is
identical to the digit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clusterrank.analysis.saved import weights_from_payload
from clusterrank.analysis.sensitivity import run_smaa, sensitivity_inputs
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.i18n import _
from clusterrank.methods.sensitivity import SMAAResult

SMAA_KEYS = ("n_samples", "seed", "sampling", "concentration", "bounds", "data_uncertainty_pct")


def smaa_settings(
    method: str,
    settings: Mapping[str, Any],
    weights: Mapping[str, Any],
    smaa: Mapping[str, Any],
    scenario_sha256: str,
) -> dict[str, Any]:
    """Everything a saved SMAA run needs to be recomputed (bounds as ``[criterion, lo, hi]``)."""
    params = {k: smaa[k] for k in SMAA_KEYS if k in smaa}
    params["bounds"] = [[str(c), float(lo), float(hi)] for c, lo, hi in smaa.get("bounds", ())]
    return {
        "method": method,
        "settings": dict(settings),
        "weights": dict(weights),
        "smaa": params,
        "scenario_sha256": scenario_sha256,
    }


def compute(scenario: Scenario, stored: Mapping[str, Any]) -> SMAAResult:
    """Run SMAA-2 on ``scenario`` with a saved run's stored settings and seed."""
    inp = sensitivity_inputs(
        scenario,
        method=str(stored["method"]),
        settings=dict(stored["settings"]),
        weights=weights_from_payload(scenario, stored["weights"]),
    )
    p = stored["smaa"]
    return run_smaa(
        inp,
        n_samples=int(p["n_samples"]),
        seed=int(p["seed"]),
        sampling=p["sampling"],
        concentration=float(p.get("concentration", 100.0)),
        bounds={str(c): (float(lo), float(hi)) for c, lo, hi in p.get("bounds", ())},
        data_uncertainty_pct=float(p.get("data_uncertainty_pct", 0.0)),
    )


def result_record(result: SMAAResult) -> dict[str, Any]:
    """An SMAA run as stored: candidates, samples and the rank-acceptability table.

    ``acceptability[i][r]`` is the share of samples in which candidate ``i`` took rank ``r+1``.
    """
    return {
        "candidates": list(result.candidates),
        "n_samples": int(result.n_samples),
        "acceptability": [[float(x) for x in row] for row in result.acceptability.tolist()],
    }


@dataclass(frozen=True)
class SMAAReproduction:
    """A saved SMAA run recomputed: identical or not, and by how much."""

    identical: bool
    max_difference: float
    text: str


def reproduce(scenario: Scenario, stored: Mapping[str, Any], result: Any) -> SMAAReproduction:
    """Recompute a saved SMAA run and compare its rank acceptabilities with the stored ones."""
    again = result_record(compute(scenario, stored))
    if again["candidates"] != result["candidates"] or again["n_samples"] != result["n_samples"]:
        text = _("Not identical: the recomputed run has other candidates or another sample count.")
        return SMAAReproduction(False, float("inf"), text)
    diff = max(
        (
            abs(a - b)
            for new, old in zip(again["acceptability"], result["acceptability"], strict=True)
            for a, b in zip(new, old, strict=True)
        ),
        default=0.0,
    )
    if diff == 0.0:
        return SMAAReproduction(True, 0.0, _("Reproduced: identical rank acceptabilities."))
    text = _("Not identical: rank acceptabilities differ by up to {difference}.").format(
        difference=f"{diff:.3g}"
    )
    return SMAAReproduction(False, diff, text)
