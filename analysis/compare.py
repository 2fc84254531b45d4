"""Several ranking methods side by side on one scenario, with their rank correlations.

The Ranking page and exports use this to show how much the choice of method matters: the
same decision matrix and weights go through every method named, each result keeps its own
settings, and the rankings are compared pairwise with rank-correlation coefficients. A method
that cannot run on these data (e.g. one that needs strictly positive values) is reported with
its message instead of stopping the comparison.

References
----------
Spearman, C. (1904). The proof and measurement of association between two things. *The
American Journal of Psychology* 15(1), 72-101.
Sałabun, W. and Urbaniak, K. (2020). A new coefficient of rankings similarity in
decision-making problems. In *Computational Science - ICCS 2020*, LNCS 12138, Springer,
632-645.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from clusterrank.analysis.ranking import decision_problem, method_settings, scenario_report
from clusterrank.analysis.report import RankingReport
from clusterrank.analysis.weights import WeightReport
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.errors import ClusterRankError
from clusterrank.methods.sensitivity.agreement import MethodSpec, method_agreement, skipped_note

DEFAULT_COEFFICIENTS: tuple[str, ...] = ("spearman", "ws")


@dataclass(frozen=True)
class MethodComparison:
    """Rankings of one scenario by several methods.

    Attributes
    ----------
    reports
        Method name -> its ranking report (only the methods that ran).
    failures
        Method name -> why it could not rank these data.
    correlations
        Coefficient name -> square table of rank similarity between the methods that ran
        (``ws`` uses the row's ranking as the reference).
    notes
        Coefficients that could not be computed, and why.
    """

    candidates: tuple[str, ...]
    names: tuple[str, ...]
    reports: Mapping[str, RankingReport]
    failures: Mapping[str, str] = field(default_factory=dict)
    correlations: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def ranks_frame(self) -> pd.DataFrame:
        """One row per candidate and one rank column per method.

        Rows are in the first method's rank order.
        """
        data: dict[str, Any] = {"id": list(self.candidates), "name": list(self.names)}
        for method, report in self.reports.items():
            data[method] = report.result.ranks.tolist()
        frame = pd.DataFrame(data)
        if self.reports:
            first = next(iter(self.reports))
            frame = frame.sort_values(first, kind="stable").reset_index(drop=True)
        return frame

    def settings_frame(self) -> pd.DataFrame:
        """Each method's settings line, so every rank column says what produced it."""
        return pd.DataFrame(
            {
                "method": list(self.reports),
                "settings": [r.settings_line() for r in self.reports.values()],
            }
        )


def compare_methods(
    scenario: Scenario,
    matrix: DecisionMatrix,
    weights: WeightReport,
    *,
    methods: Sequence[str],
    settings: Mapping[str, Mapping[str, Any]] | None = None,
    coefficients: Sequence[str] = DEFAULT_COEFFICIENTS,
    precomputed: Mapping[str, RankingReport] | None = None,
) -> MethodComparison:
    """Rank ``scenario`` with every method in ``methods`` and compare the rankings.

    Parameters
    ----------
    scenario, matrix, weights
        The validated scenario, its decision matrix and the weights in use.
    methods
        Registry names; duplicates are ignored.
    settings
        Per method, settings overriding its defaults (missing methods use defaults).
    coefficients
        Rank-correlation coefficients from :mod:`methods.correlation`.
    precomputed
        Reports the caller already has for some methods (same scenario, weights and
        settings), reused instead of ranking again.

    Returns
    -------
    MethodComparison
        Reports of the methods that ran, the failures of the others, and the correlations.

    References
    ----------
    Spearman (1904); Sałabun and Urbaniak (2020). Full entries in the module docstring.
    """
    names = list(dict.fromkeys(methods))
    specs = [MethodSpec(m, m, method_settings(scenario, m, (settings or {}).get(m))) for m in names]
    known = {m: r.result for m, r in (precomputed or {}).items() if m in names}
    try:
        agreement = method_agreement(
            decision_problem(matrix),
            weights.global_weights,
            methods=specs,
            correlations=coefficients,
            precomputed=known,
        )
    except ClusterRankError as exc:  # no method at all could rank: every reason is in exc
        failures = {", ".join(names): str(exc)}
        return MethodComparison(matrix.candidates, matrix.candidate_names, {}, failures)
    reports = {
        label: (precomputed or {}).get(label) or scenario_report(scenario, matrix, weights, res)
        for label, res in agreement.rankings.items()
    }
    skipped = {skipped_note(label, why) for label, why in agreement.skipped}
    notes = tuple(n for n in agreement.notes if n not in skipped)
    return MethodComparison(
        candidates=matrix.candidates,
        names=matrix.candidate_names,
        reports=reports,
        failures=dict(agreement.skipped),
        correlations=dict(agreement.correlations),
        notes=notes,
    )
