"""The five sensitivity analyses on a scenario.

The calls `clusterrank sensitivity` and the Sensitivity page share.

Each analysis takes a :class:`SensitivityInputs` (the decision matrix, the weights in use and
the method), so the UI can build it once from what it has cached and run only the analysis
the user opened.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from clusterrank.analysis.ranking import decision_problem
from clusterrank.analysis.weights import WeightReport, resolve_weights
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.criteria.models.scenario import AHPWeights, Scenario
from clusterrank.errors import ConfigurationError
from clusterrank.i18n import _
from clusterrank.methods.problem import DecisionProblem
from clusterrank.methods.registry import available_methods
from clusterrank.methods.sensitivity import (
    AgreementResult,
    AHPUncertaintyResult,
    DataUncertainty,
    JudgmentPerturbation,
    SMAAResult,
    StabilityResult,
    SweepResult,
    WeightSampling,
    ahp_uncertainty,
    method_agreement,
    method_ranker,
    smaa,
    stability_intervals,
    sweep,
)

SamplingKind = Literal["uniform", "around", "bounded"]
Bounds = Mapping[str, tuple[float, float]]
SLOW_METHOD_CHUNK = 1024
MAX_PAIRWISE_CANDIDATES = 200  # pairwise winning indices cost O(N m²)
Progress = Callable[[int, int], bool | None]


@dataclass(frozen=True)
class SensitivityInputs:
    """What every analysis needs: the matrix, the weights in use and the ranking method."""

    scenario: Scenario
    matrix: DecisionMatrix
    weights: WeightReport
    method: str
    settings: Mapping[str, Any] = field(default_factory=dict)

    @cached_property
    def problem(self) -> DecisionProblem:
        """The decision matrix as the validated problem ``methods`` receives.

        Checked once, shared by every analysis run on these inputs.
        """
        return decision_problem(self.matrix)


def sensitivity_inputs(
    scenario: Scenario,
    *,
    method: str | None = None,
    settings: Mapping[str, Any] | None = None,
    weights: WeightReport | None = None,
    matrix: DecisionMatrix | None = None,
) -> SensitivityInputs:
    """Inputs for the analyses: the scenario's own method and weights unless given."""
    name = method or scenario.method.name
    merged: dict[str, Any] = dict(scenario.method.settings) if name == scenario.method.name else {}
    merged.update(settings or {})
    return SensitivityInputs(
        scenario=scenario,
        matrix=matrix if matrix is not None else decision_matrix(scenario),
        weights=weights if weights is not None else resolve_weights(scenario),
        method=name,
        settings=merged,
    )


def require_two_candidates(inp: SensitivityInputs, source: str | None = None) -> None:
    """Refuse a scenario with one candidate.

    Its ranking cannot change, so it has no sensitivity to analyse. ``source`` names the scenario's
    file in the message.
    """
    dm = inp.matrix
    if len(dm.candidates) < 2:
        listed = ", ".join(dm.candidates) or _("none")
        where = f"{source}: " if source else ""
        msg = where + _(
            "sensitivity needs at least two candidates to compare; scenario "
            "{scenario!r} ranks {count} ({listed}), whose ranking cannot "
            "change whatever the weights. Add candidates under `candidates:` (with their data) "
            "to analyse the ranking's sensitivity"
        ).format(scenario=inp.scenario.id, count=len(dm.candidates), listed=listed)
        raise ConfigurationError(msg)


def check_top_k(top_k: int, m: int, name: str | None = None) -> int:
    """``top_k`` if it lies in 1..m-1 (the top k of m is a proper leading group), else refuse.

    ``name`` is how the caller's user knows the setting (``--top-k`` on the command line;
    by default "top k" in the current language).
    """
    name = name or _("top k")
    high = max(1, m - 1)
    if isinstance(top_k, bool) or not isinstance(top_k, int) or not 1 <= top_k <= high:
        msg = (
            _(
                "{name} must be between 1 and {high} (got {given!r}): the scenario ranks {m} "
                "candidates, and the top k must leave at least one out"
            ).format(name=name, high=high, given=top_k, m=m)
            if m > 1
            else _("{name} cannot be checked: the scenario ranks only one candidate").format(
                name=name
            )
        )
        raise ConfigurationError(msg)
    return top_k


def run_sweep(
    inp: SensitivityInputs, *, points: int = 101, which: Sequence[str] | None = None
) -> SweepResult:
    """Sweep each criterion's weight (or those in ``which``) from 0 to 1.

    The other weights are rescaled in proportion.
    """
    return sweep(
        inp.problem,
        inp.weights.global_weights,
        None,
        inp.method,
        settings=inp.settings,
        which=which,
        points=points,
    )


def run_stability(
    inp: SensitivityInputs, *, top_k: int = 3, progress: Progress | None = None
) -> StabilityResult:
    """Per criterion, the weight interval in which the winner, the top k, the ranking hold.

    ``top_k`` must lie in 1..m-1 (:func:`check_top_k`); ``progress(done, total)`` is called
    after each criterion (returning ``False`` stops, the result covers the criteria done).
    """
    dm = inp.matrix
    require_two_candidates(inp)
    k = check_top_k(top_k, len(dm.candidates))
    return stability_intervals(
        inp.problem,
        inp.weights.global_weights,
        None,
        inp.method,
        settings=inp.settings,
        top_k=k,
        progress=progress,
    )


def run_smaa(
    inp: SensitivityInputs,
    *,
    n_samples: int = 10_000,
    seed: int = 0,
    sampling: SamplingKind = "uniform",
    concentration: float = 100.0,
    bounds: Bounds | None = None,
    data_uncertainty_pct: float | Mapping[str, float] = 0.0,
    progress: Progress | None = None,
) -> SMAAResult:
    """SMAA-2: rank acceptabilities, central weights, confidence factors, pairwise winning.

    ``sampling="uniform"`` assumes no weight information (uniform on the simplex);
    ``"around"`` draws Dirichlet weights centred on the weights in use with the given
    concentration (larger = closer); ``"bounded"`` draws uniformly among the weight vectors
    within ``bounds`` (criterion id -> (lower, upper) global weight; criteria not named are
    free in [0, 1]). ``data_uncertainty_pct`` > 0 also draws every value within ± that
    percentage; a mapping gives the percentage per criterion (others exact).
    """
    dm = inp.matrix
    if sampling == "uniform":
        scheme = WeightSampling.uniform()
    elif sampling == "around":
        scheme = WeightSampling.around(inp.weights.global_weights, concentration)
    elif sampling == "bounded":
        lower, upper = _bound_vectors(dm.criteria, bounds or {})
        scheme = WeightSampling.bounded(lower, upper)
    else:
        msg = _("sampling must be 'uniform', 'around' or 'bounded' (got {given!r})").format(
            given=sampling
        )
        raise ConfigurationError(msg)
    percent = _per_criterion(dm.criteria, data_uncertainty_pct, _("data uncertainty"))
    uncertainty = DataUncertainty.plus_minus_percent(percent) if np.any(percent > 0) else None
    # Methods without a vectorised kernel are scored row by row: small chunks keep progress
    # reports (and a Stop request) frequent instead of one every ~30,000 samples.
    chunk = None if _is_batch(inp.method) else SLOW_METHOD_CHUNK
    return smaa(
        inp.problem,
        None,
        inp.method,
        settings=inp.settings,
        sampling=scheme,
        n_samples=n_samples,
        seed=seed,
        uncertainty=uncertainty,
        chunk_size=chunk,
        pairwise=len(dm.candidates) <= MAX_PAIRWISE_CANDIDATES,
        progress=progress,
    )


def _bound_vectors(
    criteria: tuple[str, ...], bounds: Bounds
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Lower and upper weight vectors from named bounds (unnamed criteria: 0..1)."""
    unknown = [c for c in bounds if c not in criteria]
    if unknown:
        msg = _("weight bounds name unknown criteria {unknown}; criteria are {criteria}").format(
            unknown=unknown, criteria=list(criteria)
        )
        raise ConfigurationError(msg)
    lower = np.array([float(bounds.get(c, (0.0, 1.0))[0]) for c in criteria])
    upper = np.array([float(bounds.get(c, (0.0, 1.0))[1]) for c in criteria])
    return lower, upper


def _per_criterion(
    criteria: tuple[str, ...], value: float | Mapping[str, float], what: str
) -> npt.NDArray[np.float64]:
    """One number for every criterion, or a mapping by criterion id (others 0)."""
    if not isinstance(value, Mapping):
        out = np.full(len(criteria), float(value))
    else:
        unknown = [c for c in value if c not in criteria]
        if unknown:
            msg = _("{what} names unknown criteria {unknown}; criteria are {criteria}").format(
                what=what, unknown=unknown, criteria=list(criteria)
            )
            raise ConfigurationError(msg)
        out = np.array([float(value.get(c, 0.0)) for c in criteria])
    if np.any(~np.isfinite(out)) or np.any(out < 0):
        msg = _("{what} must be percentages >= 0 (got {given})").format(
            what=what, given=out.tolist()
        )
        raise ConfigurationError(msg)
    return out


def _is_batch(method: str) -> bool:
    return any(i.name == method and i.batch for i in available_methods("ranking"))


def run_agreement(inp: SensitivityInputs) -> AgreementResult:
    """TOPSIS (both normalisations), AHP, VIKOR, PROMETHEE II, SPOTIS, COPRAS compared."""
    return method_agreement(inp.problem, inp.weights.global_weights)


IN_USE = "the AHP judgments in use"
"""Origin of the perturbed judgments when the weights come from AHP judgments."""


def group_judgments(inp: SensitivityInputs) -> tuple[npt.NDArray[np.float64], tuple[str, ...], str]:
    """The group-level pairwise matrix to perturb, and where it comes from.

    AHP weights give the judgments among the groups in use; otherwise the perfectly
    consistent judgments implied by the group weights in use (a_ij = w_i / w_j) are perturbed,
    which asks "what if the panel's comparisons were each a Saaty step off?".
    """
    cs = inp.scenario.criteria_set
    block = inp.weights.ahp.get("groups")
    if block is not None:  # the judgments in use: the file's, or as edited on the Weights page
        return block.result.matrix, block.result.items, IN_USE
    gw = inp.weights.group_weights
    if np.any(gw <= 0):
        msg = _("a group has weight 0, so no pairwise judgments can express the weights in use")
        raise ConfigurationError(msg)
    return gw[:, None] / gw[None, :], cs.group_ids, "judgments implied by the group weights"


def run_ahp_uncertainty(
    inp: SensitivityInputs,
    *,
    n_draws: int = 2000,
    seed: int = 0,
    steps: float = 1.0,
) -> AHPUncertaintyResult:
    """Perturb each judgment among the groups by up to ``steps`` Saaty steps.

    Keep draws with acceptable CR; report each group weight's interval and how often the ranking
    changes.
    """
    cs = inp.scenario.criteria_set
    if len(cs.groups) < 2:
        msg = _("AHP judgment uncertainty needs at least two groups to compare")
        raise ConfigurationError(msg)
    matrix, items, origin = group_judgments(inp)
    dm = inp.matrix
    index = np.array([cs.group_ids.index(g) for g in inp.weights.groups])
    local = inp.weights.local_weights
    rank_criteria = method_ranker(dm.values, dm.directions, inp.method, inp.settings)

    def rank_groups(group_weights: npt.NDArray[np.float64]) -> npt.ArrayLike:
        return rank_criteria(np.asarray(group_weights)[index] * local)

    aw = inp.scenario.weights
    result = ahp_uncertainty(
        matrix,
        items,
        perturbation=JudgmentPerturbation("saaty_steps", steps),
        n_draws=n_draws,
        seed=seed,
        derivation=aw.derivation if isinstance(aw, AHPWeights) else "eigenvector",
        random_index=aw.random_index if isinstance(aw, AHPWeights) else "saaty",
        completion=aw.completion if isinstance(aw, AHPWeights) else "implied",
        ranker=rank_groups,
        candidates=dm.candidates,
    )
    note = (
        _(
            "perturbed: the AHP judgments in use among the groups; criterion weights inside "
            "groups held fixed"
        )
        if origin == IN_USE
        else _(
            "perturbed: judgments implied by the group weights among the groups; criterion "
            "weights inside groups held fixed"
        )
    )
    return replace(result, notes=(note, *result.notes))
