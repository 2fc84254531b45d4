"""`clusterrank explain`: contributions per criterion, as JSON and as text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.cli import KEMEROVO, Run


@pytest.mark.parametrize("method", ["wsm", "ahp"])
def test_json_contributions_sum_to_the_score(method: str, run_cli: Callable[..., Run]) -> None:
    """The issue's JSON contract: for the additive methods each candidate's contributions
    sum to its score; every result carries its data quality."""
    r = run_cli("explain", KEMEROVO, "--method", method, "--format", "json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert set(doc) >= {"method", "settings", "results", "kind", "description", "notes"}
    assert doc["method"] == method
    assert doc["kind"] == "additive"
    for row in doc["results"]:
        assert set(row) >= {"id", "name", "score", "rank", "contributions", "data_quality"}
        assert sum(row["contributions"].values()) == pytest.approx(row["score"], abs=1e-12)
    light = next(row for row in doc["results"] if row["id"] == "light")
    assert light["data_quality"]["assessable"] is False
    assert light["data_quality"]["reason"] == "4 of 6 figures imputed (above half)"


def test_json_topsis_pair(run_cli: Callable[..., Run]) -> None:
    r = run_cli("explain", KEMEROVO, "--candidate", "coal", "--versus", "light", "--format", "json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["method"] == "topsis"
    assert doc["kind"] == "topsis"
    assert doc["settings"]["method"] == {"normalization": "vector"}
    assert doc["pair"]["candidate"] == "coal"
    assert doc["pair"]["versus"] == "light"
    rows = doc["pair"]["rows"]
    assert [row["criterion"] for row in rows][-1] == "employees"  # both imputed/at 8000: 0
    for row in rows:
        assert row["difference"] == pytest.approx(row["candidate"] - row["versus"])


def test_table_starts_with_the_description(run_cli: Callable[..., Run]) -> None:
    r = run_cli("explain", KEMEROVO)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert lines[0].startswith("TOPSIS, vector normalisation: each value is")
    assert "imputed" in r.out
    assert "4 of 6, not assessable" in r.out
    assert "not assessable:" in r.out
    assert "light (Кластер легкой промышленности): 4 of 6 figures imputed (above half)" in r.out
    assert "research_education: Research and education organisations" in r.out


def test_table_pair_says_where_a_gains_and_loses(run_cli: Callable[..., Run]) -> None:
    r = run_cli(
        "explain", KEMEROVO, "--method", "wsm", "--candidate", "biomedical", "--versus", "agro"
    )
    assert r.code == 0, r.err
    assert "biomedical (rank 2" in r.out
    assert "biomedical gains on: research_education, employees; loses on: sme_share, " in r.out


def test_indicative_method_says_so(run_cli: Callable[..., Run]) -> None:
    r = run_cli("explain", KEMEROVO, "--method", "vikor", "--format", "json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["kind"] == "indicative"
    assert doc["exact"] is False
    assert "not a sum" in doc["description"]


def test_bad_candidate_lists_the_valid_ids(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    r = run_cli("explain", KEMEROVO, "--candidate", "coal", "--versus", "nobody", "-o", out)
    assert r.code == 2
    assert "no candidate 'nobody'" in r.err
    assert "valid ids: coal, biomedical, sheregesh, agro, light" in r.err
    assert "Traceback" not in r.err
    assert not out.exists()


def test_candidate_needs_versus(run_cli: Callable[..., Run]) -> None:
    r = run_cli("explain", KEMEROVO, "--candidate", "coal")
    assert r.code == 2
    assert "--candidate and --versus go together" in r.err


def test_output_file(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "why.json"
    r = run_cli("explain", KEMEROVO, "--format", "json", "-o", out)
    assert r.code == 0, r.err
    assert json.loads(out.read_text(encoding="utf-8"))["method"] == "topsis"
    assert f"written: {out}" in r.err


def test_rank_table_shows_imputed_figures(run_cli: Callable[..., Run]) -> None:
    """`clusterrank rank` marks the light-industry cluster (4 of its 6 figures imputed)."""
    r = run_cli("rank", KEMEROVO)
    assert r.code == 0, r.err
    header = next(line for line in r.out.splitlines() if line.strip().startswith("id"))
    assert header.split()[-1] == "imputed"
    assert "4 of 6, not assessable" in r.out
    assert "0 of 6" in r.out
    assert "- light (Кластер легкой промышленности): 4 of 6 figures imputed (above half)" in r.out
