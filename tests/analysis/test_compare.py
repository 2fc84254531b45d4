"""Several methods side by side (analysis.compare) on the shipped Kemerovo scenario."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

import clusterrank.methods.sensitivity.agreement
from clusterrank.analysis.compare import compare_methods
from clusterrank.analysis.ranking import rank_scenario
from clusterrank.analysis.weights import resolve_weights
from clusterrank.criteria.loading import load_scenario
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.errors import MethodInputError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def parts() -> tuple:
    scenario = load_scenario(ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml")
    return scenario, decision_matrix(scenario), resolve_weights(scenario)


def test_each_method_matches_its_own_ranking(parts: tuple) -> None:
    """Invariant: a method's column in the comparison is exactly what rank_scenario gives."""
    scenario, matrix, weights = parts
    result = compare_methods(scenario, matrix, weights, methods=["topsis", "vikor", "topsis"])
    assert list(result.reports) == ["topsis", "vikor"]
    for method, report in result.reports.items():
        alone = rank_scenario(scenario, method=method, weights=weights, matrix=matrix)
        np.testing.assert_array_equal(report.result.ranks, alone.result.ranks)
    frame = result.ranks_frame()
    assert frame["topsis"].is_monotonic_increasing


def test_correlation_tables_have_unit_diagonal(parts: tuple) -> None:
    """Spearman's ρ and WS of a ranking with itself are 1; Spearman's table is symmetric."""
    scenario, matrix, weights = parts
    result = compare_methods(scenario, matrix, weights, methods=["topsis", "wsm", "promethee_ii"])
    rho = result.correlations["spearman"].to_numpy()
    np.testing.assert_allclose(np.diag(rho), 1.0)
    np.testing.assert_allclose(rho, rho.T)
    np.testing.assert_allclose(np.diag(result.correlations["ws"].to_numpy()), 1.0)


def test_a_method_that_cannot_run_is_reported_not_raised(
    parts: tuple, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A method that raises a ClusterRankError on these data is listed with its message and
    left out of the correlations; the others still run."""
    scenario, matrix, weights = parts
    real = clusterrank.methods.sensitivity.agreement.rank

    def fussy(*args: Any, **kwargs: Any) -> Any:
        if kwargs["method"] == "wsm":
            raise MethodInputError("WSM needs every value > 0; row 5, column 6 is 0")
        return real(*args, **kwargs)

    monkeypatch.setattr(clusterrank.methods.sensitivity.agreement, "rank", fussy)
    result = compare_methods(scenario, matrix, weights, methods=["topsis", "wsm", "nonesuch"])
    assert result.failures["wsm"] == "WSM needs every value > 0; row 5, column 6 is 0"
    assert "unknown ranking method 'nonesuch'" in result.failures["nonesuch"]
    assert list(result.reports) == ["topsis"]
    assert result.correlations == {}
