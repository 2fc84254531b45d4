"""Several methods side by side (analysis.compare) on the shipped Kemerovo scenario."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from analysis.compare import compare_methods
from analysis.ranking import rank_scenario
from analysis.weights import resolve_weights
from criteria.loading import load_scenario
from criteria.matrix import decision_matrix

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


def test_a_method_that_cannot_run_is_reported_not_raised(parts: tuple) -> None:
    """AHP synthesis needs values > 0; the light-industry cluster's strategy is 0."""
    scenario, matrix, weights = parts
    result = compare_methods(scenario, matrix, weights, methods=["topsis", "ahp"])
    assert "ahp" in result.failures
    assert "> 0" in result.failures["ahp"]
    assert list(result.reports) == ["topsis"]
    assert result.correlations == {}
