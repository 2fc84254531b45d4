"""`clusterrank ahp`, `validate`, `methods`, `schema` and `--help`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from tests.helpers.cli import REPO, Run

AHP_YAML = REPO / "configs" / "ahp" / "cluster_choice_example.yaml"
AHP_CSV = REPO / "configs" / "ahp" / "group_judgments_example.csv"


def test_ahp_csv_json_has_the_documented_keys(run_cli: Callable[..., Run]) -> None:
    r = run_cli("ahp", AHP_CSV, "--format", "json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert set(doc) >= {"priorities", "lambda_max", "ci", "cr", "random_index", "derivation"}
    assert doc["random_index"] == {"table": "saaty", "value": pytest.approx(1.12)}
    assert sum(doc["priorities"].values()) == pytest.approx(1.0)
    assert doc["cr"] < 0.10


def test_ahp_random_index_option_is_echoed(run_cli: Callable[..., Run]) -> None:
    r = run_cli("ahp", AHP_CSV, "--random-index", "alonso_lamata", "--format", "json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["random_index"]["table"] == "alonso_lamata"
    assert doc["random_index"]["value"] != pytest.approx(1.12)


def test_ahp_hierarchy_reports_global_priorities_and_each_cr(run_cli: Callable[..., Run]) -> None:
    r = run_cli("ahp", AHP_YAML, "--format", "json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert sum(doc["alternatives"].values()) == pytest.approx(1.0)
    assert "criteria" in doc["consistency"]
    assert len(doc["consistency"]) == 1 + len(doc["priorities"])
    assert all(np.isfinite(v) for v in doc["consistency"].values())


def test_ahp_inconsistent_matrix_suggests_fixes(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    """A corrupted judgment (c vs a should be 1/5 for consistency, given as 5) is flagged."""
    path = tmp_path / "p.csv"
    # Consistent with weights (a, b, c) = (0.6, 0.3, 0.1) except a vs c, flipped.
    path.write_text("x,a,b,c\na,1,2,1/6\nb,1/2,1,3\nc,6,1/3,1\n")
    r = run_cli("ahp", path)
    assert r.code == 0, r.err
    assert "ABOVE 0.10" in r.out
    assert "'a' vs 'c'" in r.out


def test_ahp_completion_option_is_used_and_echoed(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    """Blank cells are missing judgments: `--completion lambda_max` fills them so that
    lambda_max is minimal (Bozóki, Fülöp & Rónyai 2010) and says so; the default is Harker's."""
    path = tmp_path / "p.csv"
    path.write_text(
        "x,a,b,c,d,e\na,1,3,,5,\nb,1/3,1,2,,4\nc,,1/2,1,3,\nd,1/5,,1/3,1,2\ne,,1/4,,1/2,1\n"
    )
    default = json.loads(run_cli("ahp", path, "--format", "json").out)
    r = run_cli("ahp", path, "--completion", "lambda_max", "--format", "json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert default["completion"]["method"] == "implied"
    assert doc["completion"]["method"] == "lambda_max"
    assert doc["completion"]["missing"] == 4
    assert doc["completion"]["iterations"] >= 1
    assert doc["lambda_max"] < default["lambda_max"]
    assert any("minimising lambda_max" in n for n in doc["notes"])
    table = run_cli("ahp", path, "--completion", "lambda_max")
    assert "4 missing judgment(s), completion lambda_max" in table.out
    bad = run_cli("ahp", path, "--completion", "harker")
    assert bad.code == 2
    assert "invalid choice: 'harker'" in bad.err


def test_validate_accepts_every_shipped_yaml(run_cli: Callable[..., Run]) -> None:
    files = sorted((REPO / "configs").rglob("*.yaml"))
    files = [f for f in files if "regional" not in f.parts]  # screening rules: another kind
    files = [f for f in files if "panels" not in f.parts]  # surveys: `clusterrank panel survey`
    assert files
    for f in files:
        r = run_cli("validate", f)
        assert r.code == 0, (f, r.err)
        assert "valid" in r.out


def test_methods_lists_own_kernels_catalogue_and_weighting(run_cli: Callable[..., Run]) -> None:
    r = run_cli("methods", "--format", "json")
    assert r.code == 0, r.err
    names = {m["name"]: m for m in json.loads(r.out)["methods"]}
    for required in ("topsis", "ahp", "wsm", "vikor", "promethee_ii", "spotis", "copras", "wpm"):
        assert names[required]["kind"] == "ranking"
    for required in ("entropy", "critic", "standard_deviation"):
        assert names[required]["kind"] == "weighting"
    assert names["vikor"]["higher_is_better"] is False
    assert names["topsis"]["settings"]["normalization"]["default"] == "vector"


def test_schema_writes_three_schemas(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    r = run_cli("schema", "-o", tmp_path)
    assert r.code == 0, r.err
    written = sorted(p.name for p in tmp_path.glob("*.schema.json"))
    assert written == ["ahp.schema.json", "criteria_set.schema.json", "scenario.schema.json"]
    scenario = json.loads((tmp_path / "scenario.schema.json").read_text(encoding="utf-8"))
    assert scenario["additionalProperties"] is False


def test_help_documents_every_command(run_cli: Callable[..., Run]) -> None:
    r = run_cli("--help")
    assert r.code == 0
    for command in ("validate", "rank", "ahp", "methods", "schema", "sensitivity", "regions"):
        assert command in r.out


def test_no_command_is_a_usage_error(run_cli: Callable[..., Run]) -> None:
    r = run_cli()
    assert r.code == 2
    assert "Traceback" not in r.err
