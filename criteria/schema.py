"""JSON Schemas of the three user-file kinds, for editors' autocompletion (``clusterrank schema``).

The schemas come from the pydantic models. One adjustment: in a scenario file,
``criteria_set`` may be a path (resolved by the loader) as well as an inline mapping.
"""

from __future__ import annotations

import copy
from typing import Any

from clusterrank.criteria.models import AHPFile, CriteriaSet, Scenario

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _scenario_schema() -> dict[str, Any]:
    schema = copy.deepcopy(Scenario.model_json_schema())
    prop = schema["properties"]["criteria_set"]
    schema["properties"]["criteria_set"] = {
        "anyOf": [
            {"type": "string", "description": "path to a criteria-set file, relative to this file"},
            prop,
        ],
        "description": "a criteria-set file path, or the criteria set inline",
    }
    return schema


def json_schemas() -> dict[str, dict[str, Any]]:
    """JSON Schemas keyed ``criteria_set``, ``scenario`` and ``ahp``."""
    out = {
        "criteria_set": CriteriaSet.model_json_schema(),
        "scenario": _scenario_schema(),
        "ahp": AHPFile.model_json_schema(),
    }
    for kind, schema in out.items():
        schema.setdefault("$schema", SCHEMA_DIALECT)
        schema.setdefault("title", kind)
    return out
