"""The AHP ``completion`` setting from a scenario to the weights, the report and the saved YAML.

Every result computed with the λmax-optimal completion (Bozóki, Fülöp & Rónyai 2010) says so;
the default (``implied``: Harker's completion) leaves every number as before.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from clusterrank.analysis.ahp_report import analyse_ahp_path, analyse_block
from clusterrank.analysis.weights import resolve_weights, weights_from_ahp
from clusterrank.criteria.loading import scenario_from_text
from clusterrank.criteria.models.ahp_file import JudgmentBlock
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.reports.weights_yaml import scenario_text_with_weights, weights_spec

SCENARIOS = Path(__file__).resolve().parents[2] / "configs" / "scenarios"
TEXT = (SCENARIOS / "kemerovo_clusters.yaml").read_text("utf-8")
GROUPS = JudgmentBlock(
    judgments=(
        ("infrastructure", "critical_mass", 3.0),
        ("infrastructure", "strategy", 1 / 3),
        ("critical_mass", "sme_share", 5.0),
        ("rd_potential", "sme_share", 2.0),
        ("critical_mass", "strategy", 1 / 2),
        ("rd_potential", "infrastructure", 1 / 4),
    )
)
LOCALS = {"critical_mass": JudgmentBlock(judgments=(("participants", "employees", 2.0),))}


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return scenario_from_text(TEXT, "kemerovo_clusters.yaml", SCENARIOS)


def test_weights_echo_the_completion_and_it_changes_the_numbers(scenario: Scenario) -> None:
    implied = weights_from_ahp(scenario, GROUPS, LOCALS)
    optimal = weights_from_ahp(scenario, GROUPS, LOCALS, completion="lambda_max")
    assert implied.settings["completion"] == "implied"
    assert optimal.settings["completion"] == "lambda_max"
    block = optimal.ahp["groups"]
    assert block.result.completion == "lambda_max"
    assert block.result.lambda_max < implied.ahp["groups"].result.lambda_max
    assert not np.allclose(optimal.global_weights, implied.global_weights, atol=1e-6)
    payload = block.to_payload()
    assert payload["completion"] == {
        "method": "lambda_max",
        "missing": 4,
        "iterations": block.result.completion_iterations,
    }
    assert "4 missing judgment(s), completion lambda_max" in block.consistency_line()
    assert implied.ahp["groups"].to_payload()["completion"]["method"] == "implied"


def test_saved_scenario_keeps_the_completion(scenario: Scenario) -> None:
    report = weights_from_ahp(scenario, GROUPS, LOCALS, completion="lambda_max")
    given = {"groups": GROUPS, **LOCALS}
    assert weights_spec(report, given)["completion"] == "lambda_max"
    text = scenario_text_with_weights(TEXT, report, "kemerovo_clusters.yaml", given)
    back = resolve_weights(scenario_from_text(text, "saved.yaml", SCENARIOS))
    assert back.settings["completion"] == "lambda_max"
    np.testing.assert_allclose(back.global_weights, report.global_weights, atol=1e-9)


def test_fixes_are_judged_under_the_same_completion() -> None:
    nan = math.nan
    matrix = [
        [1, 3, nan, 5, nan],
        ["1/3", 1, 2, nan, 4],
        [nan, "1/2", 1, 3, nan],
        ["1/5", nan, "1/3", 1, 2],
        [nan, "1/4", nan, "1/2", 1],
    ]
    block = analyse_block("m", matrix, list("abcde"), completion="lambda_max")
    assert block.fixes
    assert all(f.cr_before == pytest.approx(block.result.cr, abs=1e-12) for f in block.fixes)


def test_hierarchy_file_setting_is_used_and_the_option_overrides_it(tmp_path: Path) -> None:
    text = """\
goal: pick one
completion: lambda_max
criteria: [a, b, c, d, e]
criteria_judgments:
  judgments: [[a, b, 3], [a, d, 5], [b, c, 2], [b, e, 4], [c, d, 3], [d, e, 2]]
alternatives: [x, y]
alternative_judgments:
  a: {judgments: [[x, y, 2]]}
  b: {judgments: [[x, y, "1/2"]]}
  c: {judgments: [[x, y, 1]]}
  d: {judgments: [[x, y, 3]]}
  e: {judgments: [[x, y, 5]]}
"""
    path = tmp_path / "h.yaml"
    path.write_text(text, "utf-8")
    from_file = analyse_ahp_path(path)
    assert from_file.blocks[0].result.completion == "lambda_max"
    assert from_file.to_payload()["completion"]["method"] == "lambda_max"
    overridden = analyse_ahp_path(path, completion="implied")
    assert overridden.blocks[0].result.completion == "implied"
    assert from_file.blocks[0].result.lambda_max < overridden.blocks[0].result.lambda_max
