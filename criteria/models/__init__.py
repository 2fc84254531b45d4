"""Validated models of the files a user writes (pydantic v2, frozen, unknown keys rejected)."""

from clusterrank.criteria.models.ahp_file import AHPFile, JudgmentBlock
from clusterrank.criteria.models.common import (
    DIRECTION_ALIASES,
    direction_sign,
    parse_direction_word,
)
from clusterrank.criteria.models.criteria_set import (
    CriteriaSet,
    Criterion,
    ExpertScale,
    Group,
    Indicator,
)
from clusterrank.criteria.models.data_spec import Candidate, DataSpec, Provenance
from clusterrank.criteria.models.scenario import (
    AHPWeights,
    CriteriaSetWeights,
    DirectWeights,
    MethodSpec,
    ObjectiveWeights,
    Scenario,
)

__all__ = [
    "DIRECTION_ALIASES",
    "AHPFile",
    "AHPWeights",
    "Candidate",
    "CriteriaSet",
    "CriteriaSetWeights",
    "Criterion",
    "DataSpec",
    "DirectWeights",
    "ExpertScale",
    "Group",
    "Indicator",
    "JudgmentBlock",
    "MethodSpec",
    "ObjectiveWeights",
    "Provenance",
    "Scenario",
    "direction_sign",
    "parse_direction_word",
]
