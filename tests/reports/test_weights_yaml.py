"""Saving the weights in use into the scenario YAML (reports.weights_yaml): reloading the
saved text gives back the same weights, whatever produced them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from clusterrank.analysis.weights import (
    WeightReport,
    resolve_weights,
    weights_from_ahp,
    weights_from_data,
    weights_from_sliders,
)
from clusterrank.criteria.loading import scenario_from_text
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.criteria.models.ahp_file import JudgmentBlock
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.errors import ConfigurationError, ValidationFailed
from clusterrank.reports.weights_yaml import scenario_text_with_weights, weights_spec

SCENARIOS = Path(__file__).resolve().parents[2] / "configs" / "scenarios"
TEXT = (SCENARIOS / "kemerovo_clusters.yaml").read_text("utf-8")


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return scenario_from_text(TEXT, "kemerovo_clusters.yaml", SCENARIOS)


def _reloaded(
    report: WeightReport, judgments: dict[str, JudgmentBlock] | None = None
) -> WeightReport:
    text = scenario_text_with_weights(TEXT, report, "kemerovo_clusters.yaml", judgments)
    assert text.startswith("# Saved by clusterrank")
    return resolve_weights(scenario_from_text(text, "saved.yaml", SCENARIOS))


def test_slider_weights_round_trip(scenario: Scenario) -> None:
    """Invariant: save then load gives the same global weights (to the 12 decimals written)."""
    report = weights_from_sliders(
        scenario,
        {
            "infrastructure": 0.4,
            "critical_mass": 0.1,
            "sme_share": 0.2,
            "rd_potential": 0.2,
            "strategy": 0.1,
        },
        {"participants": 0.75, "employees": 0.25},
    )
    back = _reloaded(report)
    np.testing.assert_allclose(back.global_weights, report.global_weights, atol=1e-11)
    assert back.mode == "direct"


def test_ahp_weights_round_trip_with_their_judgments(scenario: Scenario) -> None:
    """Incomplete AHP judgments are saved as given (fractions as "1/3", never the completed
    cells) and reload to the same weights, derivation and random-index table; without the
    originals the save refuses rather than write off-scale completed values."""
    groups = JudgmentBlock(
        judgments=(
            ("infrastructure", "critical_mass", 3.0),
            ("infrastructure", "strategy", 1 / 3),
            ("critical_mass", "sme_share", 5.0),
            ("rd_potential", "sme_share", 2.0),
        )
    )
    locals_ = {"critical_mass": JudgmentBlock(judgments=(("participants", "employees", 2.0),))}
    report = weights_from_ahp(
        scenario, groups, locals_, derivation="geometric_mean", random_index="alonso_lamata"
    )
    given = {"groups": groups, **locals_}
    spec = weights_spec(report, given)
    assert spec["mode"] == "ahp"
    assert ["infrastructure", "strategy", "1/3"] in spec["groups"]["judgments"]
    assert len(spec["groups"]["judgments"]) == 4
    with pytest.raises(ConfigurationError, match="missing judgment"):
        weights_spec(report)
    back = _reloaded(report, given)
    np.testing.assert_allclose(back.global_weights, report.global_weights, atol=1e-9)
    assert back.settings["derivation"] == "geometric_mean"
    assert back.settings["random_index"] == "alonso_lamata"


def test_complete_ahp_matrices_are_written_from_the_report() -> None:
    """The shipped AHP scenario's judgments are complete: saved from the analysed matrices
    alone, they reload to the same weights."""
    text = (SCENARIOS / "kemerovo_clusters_ahp.yaml").read_text("utf-8")
    report = resolve_weights(scenario_from_text(text, "ahp.yaml", SCENARIOS))
    assert all(b.result.missing == 0 for b in report.ahp.values())
    saved = scenario_text_with_weights(text, report)
    back = resolve_weights(scenario_from_text(saved, "saved.yaml", SCENARIOS))
    np.testing.assert_allclose(back.global_weights, report.global_weights, atol=1e-9)


def test_objective_weights_are_saved_as_direct(scenario: Scenario) -> None:
    report = weights_from_data(scenario, decision_matrix(scenario), "critic")
    text = scenario_text_with_weights(TEXT, report)
    assert "objective (critic)" in text.splitlines()[0]
    back = _reloaded(report)
    np.testing.assert_allclose(back.global_weights, report.global_weights, atol=1e-11)


def test_everything_but_the_weights_is_kept(scenario: Scenario) -> None:
    report = resolve_weights(scenario)
    saved = yaml.safe_load(scenario_text_with_weights(TEXT, report))
    original = yaml.safe_load(TEXT)
    assert {k: v for k, v in saved.items() if k != "weights"} == original
    assert "Кемеровской области" in scenario_text_with_weights(TEXT, report)


def test_text_that_is_not_a_mapping_is_a_validation_failure(scenario: Scenario) -> None:
    with pytest.raises(ValidationFailed, match="mapping"):
        scenario_text_with_weights("- a\n- b\n", resolve_weights(scenario), "x.yaml")
