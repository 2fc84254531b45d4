"""Sensitivity analysis: how robust a ranking is to its weights, its data and its method.

Five analyses, pure numpy over the registry's batch scorers (no UI imports):

* :func:`sweep` — one weight from 0 to 1, the others in proportion; scores, ranks, breakpoints;
* :func:`stability_intervals` — per criterion, where the winner / top k / ranking holds;
* :func:`smaa` — SMAA-2 rank acceptability, central weights, confidence, pairwise winning;
* :func:`method_agreement` — several methods, rank correlations, Copeland consensus;
* :func:`ahp_uncertainty` — perturbed AHP judgments: weight intervals, ranking changes.

Every result is a frozen dataclass with ``to_frame()`` and echoes every setting that changed
a number (seed, samples, sampling scheme, bounds, concentration, chunking, method settings).
"""

from clusterrank.methods.sensitivity.agreement import (
    DEFAULT_METHODS,
    AgreementResult,
    MethodSpec,
    copeland_consensus,
    method_agreement,
)
from clusterrank.methods.sensitivity.ahp_uncertainty import (
    AHPUncertaintyResult,
    JudgmentPerturbation,
    ahp_uncertainty,
    method_ranker,
)
from clusterrank.methods.sensitivity.common import competition_ranks
from clusterrank.methods.sensitivity.sampling import DataUncertainty, WeightSampling
from clusterrank.methods.sensitivity.smaa import smaa
from clusterrank.methods.sensitivity.smaa_result import SMAAResult
from clusterrank.methods.sensitivity.stability import (
    StabilityInterval,
    StabilityResult,
    stability_intervals,
)
from clusterrank.methods.sensitivity.sweep import CriterionSweep, SweepResult, sweep

__all__ = [
    "DEFAULT_METHODS",
    "AHPUncertaintyResult",
    "AgreementResult",
    "CriterionSweep",
    "DataUncertainty",
    "JudgmentPerturbation",
    "MethodSpec",
    "SMAAResult",
    "StabilityInterval",
    "StabilityResult",
    "SweepResult",
    "WeightSampling",
    "ahp_uncertainty",
    "competition_ranks",
    "copeland_consensus",
    "method_agreement",
    "method_ranker",
    "smaa",
    "stability_intervals",
    "sweep",
]
