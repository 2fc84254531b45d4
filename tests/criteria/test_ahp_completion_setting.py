"""The ``completion`` setting of AHP weights and AHP hierarchy files: validated, default kept."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from clusterrank.criteria import Scenario, ahp_request
from clusterrank.criteria.loading import ahp_file_from_text
from clusterrank.errors import ValidationFailed
from tests.helpers.criteria import CRITERIA_YAML

HIERARCHY = """\
goal: pick one
criteria: [cost, time]
criteria_judgments: {judgments: [[cost, time, 3]]}
alternatives: [x, y]
alternative_judgments:
  cost: {judgments: [[x, y, 2]]}
  time: {judgments: [[x, y, "1/2"]]}
"""


def _scenario(weights: dict[str, Any]) -> Scenario:
    return Scenario.model_validate(
        {
            "id": "s",
            "criteria_set": yaml.safe_load(CRITERIA_YAML),
            "candidates": [{"id": "a"}],
            "weights": weights,
        }
    )


def test_scenario_ahp_completion_defaults_to_implied_and_reaches_the_request() -> None:
    judged = {
        "groups": {"judgments": [["infrastructure", "critical_mass", 2]]},
        "criteria": {
            "infrastructure": {"judgments": [["participants", "distance", 2]]},
            "critical_mass": {"judgments": [["mass", "strategy", 3]]},
        },
    }
    assert ahp_request(_scenario({"mode": "ahp", **judged})).completion == "implied"
    chosen = _scenario({"mode": "ahp", "completion": "lambda_max", **judged})
    assert ahp_request(chosen).completion == "lambda_max"


def test_unknown_scenario_completion_is_refused() -> None:
    with pytest.raises(ValueError, match="lambda_max"):
        _scenario({"mode": "ahp", "completion": "harker"})


def test_ahp_file_completion_is_validated_with_file_and_line() -> None:
    assert ahp_file_from_text(HIERARCHY).completion == "implied"
    assert ahp_file_from_text(HIERARCHY + "completion: lambda_max\n").completion == "lambda_max"
    with pytest.raises(ValidationFailed) as err:
        ahp_file_from_text(HIERARCHY + "completion: harker\n", "h.yaml")
    text = str(err.value)
    assert "h.yaml, line 8, completion" in text
    assert "must be one of implied, lambda_max (got 'harker')" in text
