"""What is judged: criteria sets, scenarios, their data, and the decision matrix they yield.

``criteria`` imports only ``errors`` and itself (never ``methods``); see DESIGN.md.
"""

from clusterrank.criteria.decision_matrix import CellNote, DecisionMatrix
from clusterrank.criteria.loading import (
    ahp_file_from_text,
    any_from_text,
    criteria_set_from_text,
    load_ahp_file,
    load_any,
    load_criteria_set,
    load_scenario,
    scenario_from_text,
    validate_model,
)
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.criteria.models import AHPFile, CriteriaSet, JudgmentBlock, Scenario
from clusterrank.criteria.schema import json_schemas
from clusterrank.criteria.weights import (
    AHPRequest,
    Weights,
    ahp_request,
    compose_weights,
    direct_weights,
    given_weights,
)

__all__ = [
    "AHPFile",
    "AHPRequest",
    "CellNote",
    "CriteriaSet",
    "DecisionMatrix",
    "JudgmentBlock",
    "Scenario",
    "Weights",
    "ahp_file_from_text",
    "ahp_request",
    "any_from_text",
    "compose_weights",
    "criteria_set_from_text",
    "decision_matrix",
    "direct_weights",
    "given_weights",
    "json_schemas",
    "load_ahp_file",
    "load_any",
    "load_criteria_set",
    "load_scenario",
    "scenario_from_text",
    "validate_model",
]
