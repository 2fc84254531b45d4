"""Rank a scenario, or a plain decision matrix: the calls the CLI and the UI share.

``rank_scenario`` accepts an already-built decision matrix and weight report so the UI can
cache what does not depend on the weights and re-rank at once when a slider moves.
:func:`decision_problem` is the seam where a ``criteria`` decision matrix becomes the
validated problem ``methods`` receives (the two packages never import each other): the
inputs are checked there, once, and the ranking kernels trust them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from clusterrank.analysis.quality import CandidateQuality, data_quality
from clusterrank.analysis.report import RankingReport
from clusterrank.analysis.weights import WeightReport, resolve_weights
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.files import FileScope
from clusterrank.criteria.loading import load_scenario
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.criteria.numbers import Decimal
from clusterrank.criteria.plain_matrix import PlainMatrix, read_matrix_csv
from clusterrank.errors import ConfigurationError
from clusterrank.i18n import _
from clusterrank.methods.objective_weights import objective_weight_names, objective_weights
from clusterrank.methods.problem import DecisionProblem
from clusterrank.methods.registry import rank
from clusterrank.methods.result import RankingResult


def rank_scenario(
    scenario: Scenario,
    *,
    method: str | None = None,
    settings: Mapping[str, Any] | None = None,
    weights: WeightReport | None = None,
    matrix: DecisionMatrix | None = None,
) -> RankingReport:
    """Rank a validated scenario's candidates.

    Parameters
    ----------
    scenario
        A validated scenario.
    method, settings
        Override the scenario's method; ``settings`` update the scenario's method settings
        when the method is the scenario's own, and replace them otherwise.
    weights
        Weights to use instead of the scenario's (e.g. from the UI's sliders).
    matrix
        The scenario's decision matrix, when the caller has it already (cached).
    """
    dm = matrix if matrix is not None else decision_matrix(scenario)
    wr = weights if weights is not None else resolve_weights(scenario, dm)
    if tuple(wr.criteria) != tuple(dm.criteria):
        msg = _("weights and decision matrix list different criteria; reload the scenario")
        raise ConfigurationError(msg)
    name = method or scenario.method.name
    result = rank(
        decision_problem(dm),
        wr.global_weights,
        method=name,
        settings=method_settings(scenario, name, settings),
    )
    return scenario_report(scenario, dm, wr, result)


def decision_problem(dm: DecisionMatrix) -> DecisionProblem:
    """The validated problem ``methods`` receives for a scenario's decision matrix.

    Checked here, once: finite values, ±1 directions, unique candidate and criterion ids.
    """
    return DecisionProblem(dm.values, dm.directions, dm.candidates, dm.criteria)


def method_settings(
    scenario: Scenario, method: str, overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Settings for ``method``.

    The scenario's own when it is the scenario's method, updated by ``overrides``; only
    ``overrides`` for any other method.
    """
    merged: dict[str, Any] = (
        dict(scenario.method.settings) if method == scenario.method.name else {}
    )
    merged.update(overrides or {})
    return merged


def scenario_report(
    scenario: Scenario, dm: DecisionMatrix, wr: WeightReport, result: RankingResult
) -> RankingReport:
    """A method's result on a scenario, with the data, weighting and method notes and settings."""
    notes = list(dm.notes) + list(wr.notes) + list(result.notes)
    if len(dm.candidates) == 1:
        notes.append(
            _("only one candidate: it ranks first by definition; add candidates to compare")
        )
    return RankingReport(
        title=scenario.title or scenario.id,
        result=result,
        names=dm.candidate_names,
        settings={
            "method": dict(result.settings),
            "weights": dict(wr.settings),
            "data": {"missing_data": scenario.missing_data},
        },
        notes=tuple(_unique(notes)),
        cells=dm.cell_notes,
        quality=_in_result_order(data_quality(dm), result.candidates),
    )


def _in_result_order(
    quality: tuple[CandidateQuality, ...], candidates: tuple[str, ...]
) -> tuple[CandidateQuality, ...]:
    by_id = {q.candidate: q for q in quality}
    return tuple(by_id[c] for c in candidates)


def rank_scenario_file(
    path: str | Path,
    *,
    method: str | None = None,
    settings: Mapping[str, Any] | None = None,
    scope: FileScope | None = None,
) -> RankingReport:
    """Load, validate and rank a scenario file.

    ``scope`` says where the files it names may lie; default its folder and the shipped configs.
    """
    return rank_scenario(load_scenario(path, scope), method=method, settings=settings)


def rank_plain_matrix(
    path: str | Path,
    directions: str,
    weights: str | None,
    *,
    method: str = "topsis",
    settings: Mapping[str, Any] | None = None,
    decimal: Decimal | None = None,
) -> RankingReport:
    """Rank a plain decision-matrix CSV.

    Criterion names as header, ids in the first column; ``decimal``: the decimal separator, when the
    user states it.

    ``weights`` is ``None`` (equal), comma-separated numbers, or the name of an objective
    method (``entropy``, ``critic``, ...), whose weights are computed from the matrix.
    """
    pm = read_matrix_csv(path, decimal)
    parsed_weights, weight_settings, weight_notes = _plain_weights(weights, pm, directions)
    result = rank(
        pm.values,
        parsed_weights,
        directions,
        method,
        candidates=pm.candidates,
        criteria=pm.criteria,
        settings=dict(settings or {}),
    )
    return RankingReport(
        title=str(path),
        result=result,
        names=pm.candidates,
        settings={
            "method": dict(result.settings),
            "weights": weight_settings,
            "data": {"directions": directions} | ({"decimal": decimal} if decimal else {}),
        },
        notes=tuple(_unique([*pm.notes, *weight_notes, *result.notes])),
    )


def _plain_weights(
    text: str | None, pm: PlainMatrix, directions: str
) -> tuple[list[float] | None, dict[str, Any], tuple[str, ...]]:
    """The weights ``--weights`` asks for, their settings (echoed) and notes."""
    if not text:
        return None, {"mode": "equal"}, ()
    name = text.strip().lower()
    if name in objective_weight_names():
        res = objective_weights(pm.values, directions, method=name, labels=pm.criteria)
        return res.weights.tolist(), {"mode": "objective", **res.settings}, res.notes
    return _parse_weights(text, len(pm.criteria)), {"mode": "given"}, ()


def _parse_weights(text: str, n: int) -> list[float]:
    parts = [p.strip() for p in text.split(",")]
    try:
        values = [float(p) for p in parts]
    except ValueError as exc:
        msg = _(
            '--weights must be comma-separated numbers, e.g. "0.2,0.3,0.5", or an objective '
            "method: {methods} (got {given!r})"
        ).format(methods=", ".join(objective_weight_names()), given=text)
        raise ConfigurationError(msg) from exc
    if len(values) != n:
        msg = _("--weights has {count} numbers but the matrix has {n} criteria").format(
            count=len(values), n=n
        )
        raise ConfigurationError(msg)
    return values


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
