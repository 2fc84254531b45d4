"""JSON Schemas: present for each kind, and they accept what the loaders accept."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from clusterrank.criteria import json_schemas, load_criteria_set
from tests.helpers.criteria import CANDIDATES, CRITERIA_YAML, Writer

ROOT = Path(__file__).resolve().parents[2]


def test_three_kinds() -> None:
    schemas = json_schemas()
    assert set(schemas) == {"criteria_set", "scenario", "ahp"}
    for schema in schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["additionalProperties"] is False


def test_schema_accepts_fixture_and_aliases() -> None:
    """The criteria-set fixture, with a `max` direction alias, validates against the schema."""
    data = yaml.safe_load(
        CRITERIA_YAML.replace(
            "direction: benefit\n        unit: org", "direction: max\n        unit: org"
        )
    )
    jsonschema.validate(data, json_schemas()["criteria_set"])


def test_schema_rejects_unknown_keys() -> None:
    data = yaml.safe_load(CRITERIA_YAML)
    data["groups"][0]["wieght"] = 1
    with pytest.raises(jsonschema.ValidationError, match="wieght"):
        jsonschema.validate(data, json_schemas()["criteria_set"])


def test_scenario_schema_allows_path_or_inline() -> None:
    scenario = yaml.safe_load(f"id: s\ncriteria_set: ../criteria/x.yaml\n{CANDIDATES}")
    jsonschema.validate(scenario, json_schemas()["scenario"])
    scenario["criteria_set"] = yaml.safe_load(CRITERIA_YAML)
    scenario["weights"] = {
        "mode": "ahp",
        "groups": {"judgments": [["infrastructure", "critical_mass", "1/3"]]},
    }
    jsonschema.validate(scenario, json_schemas()["scenario"])


def test_cyrillic_round_trips_through_json(write: Writer) -> None:
    """A Cyrillic criteria set: load -> JSON (ensure_ascii=False) -> schema-valid, unchanged."""
    text = CRITERIA_YAML.replace("id: infrastructure", "id: инфраструктура")
    cs = load_criteria_set(write("набор.yaml", text))
    dumped = json.dumps(cs.model_dump(mode="json", exclude_none=True), ensure_ascii=False)
    assert "инфраструктура" in dumped
    assert "Тестовый набор критериев" in dumped
    again = json.loads(dumped)
    jsonschema.validate(again, json_schemas()["criteria_set"])
    assert again["groups"][0]["id"] == "инфраструктура"
    assert json.dumps(json_schemas(), ensure_ascii=False)


@pytest.mark.parametrize(
    ("folder", "kind"), [("criteria", "criteria_set"), ("scenarios", "scenario"), ("ahp", "ahp")]
)
def test_shipped_configs_match_schema(folder: str, kind: str) -> None:
    """Every shipped YAML file validates against its kind's schema (editors will accept it)."""
    schema = json_schemas()[kind]
    kind = folder
    files = sorted((ROOT / "configs" / kind).glob("*.yaml"))
    assert files, f"no shipped {kind} files"
    for path in files:
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
