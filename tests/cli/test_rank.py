"""`clusterrank rank`: scenarios and plain matrices, in every output format."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from clusterrank.methods.registry import rank
from tests.helpers.cli import KEMEROVO, Run


def test_kemerovo_json_ranks_five_clusters_with_settings(run_cli: Callable[..., Run]) -> None:
    """The issue's done-when: five clusters, finite scores, the settings used."""
    r = run_cli("rank", KEMEROVO, "--format", "json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert set(doc) >= {"method", "settings", "weights", "results", "notes"}
    assert doc["method"] == "topsis"
    assert doc["settings"]["method"]["normalization"] == "vector"
    assert doc["settings"]["data"]["missing_data"]
    ids = [row["id"] for row in doc["results"]]
    assert sorted(ids) == ["agro", "biomedical", "coal", "light", "sheregesh"]
    assert [row["rank"] for row in doc["results"]] == sorted(row["rank"] for row in doc["results"])
    assert doc["results"][0]["rank"] == 1
    assert all(math.isfinite(row["score"]) for row in doc["results"])
    assert math.isclose(sum(doc["weights"].values()), 1.0, abs_tol=1e-9)
    # Cyrillic names arrive intact (ensure_ascii=False).
    assert any("Шерегеш" in row["name"] for row in doc["results"])


def test_kemerovo_table_names_method_settings_and_notes(run_cli: Callable[..., Run]) -> None:
    r = run_cli("rank", KEMEROVO)
    assert r.code == 0, r.err
    assert "topsis (normalization=vector)" in r.out
    assert "missing_data" in r.out
    assert "notes:" in r.out


def test_method_override_and_settings(run_cli: Callable[..., Run]) -> None:
    r = run_cli("rank", KEMEROVO, "--method", "vikor", "--setting", "v=0.3", "--format", "json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["method"] == "vikor"
    assert doc["settings"]["method"]["v"] == pytest.approx(0.3)
    assert doc["higher_score_is_better"] is False


def test_csv_output_to_file(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "ranking.csv"
    r = run_cli("rank", KEMEROVO, "--format", "csv", "-o", out)
    assert r.code == 0, r.err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "rank,id,name,score,imputed,assessable,reason,method,settings"
    assert len(lines) == 6
    assert all(",topsis," in line and "normalization=vector" in line for line in lines[1:])


def test_plain_matrix_matches_direct_call(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    """The CLI on a plain CSV gives exactly what methods.rank gives on the same numbers."""
    csv = tmp_path / "m.csv"
    csv.write_text("id,cost,quality,speed\na,250,16,12\nb,200,16,8\nc,300,32,16\nd,275,32,8\n")
    r = run_cli(
        "rank",
        "--matrix",
        csv,
        "--directions",
        "-,+,+",
        "--weights",
        "2,3,5",
        "--normalization",
        "minmax",
        "--format",
        "json",
    )
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    values = np.array([[250, 16, 12], [200, 16, 8], [300, 32, 16], [275, 32, 8]], dtype=float)
    direct = rank(
        values,
        [0.2, 0.3, 0.5],
        [-1, 1, 1],
        "topsis",
        candidates=["a", "b", "c", "d"],
        settings={"normalization": "minmax"},
    )
    got = {row["id"]: row["score"] for row in doc["results"]}
    np.testing.assert_allclose([got[c] for c in "abcd"], direct.scores, rtol=0, atol=1e-12)
    assert doc["weights"] == pytest.approx({"cost": 0.2, "quality": 0.3, "speed": 0.5})
    assert doc["settings"]["method"]["normalization"] == "minmax"


def test_plain_matrix_equal_weights_by_default(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    csv = tmp_path / "m.csv"
    csv.write_text("id,x,y\na,1,2\nb,2,1\n")
    r = run_cli("rank", "--matrix", csv, "--directions", "+,+", "--format", "json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["weights"] == pytest.approx({"x": 0.5, "y": 0.5})
    assert any("equal weights" in n for n in doc["notes"])
