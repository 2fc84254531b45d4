"""`clusterrank sensitivity`: the five analyses on the Kemerovo scenario, reproducible."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from bench.scaling_data import write_scenario
from tests.helpers.cli import KEMEROVO, REPO, Run


@pytest.fixture(scope="module")
def kemerovo_json() -> dict:
    import contextlib
    import io

    from clusterrank.cli import main

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main(
            [
                "sensitivity",
                str(KEMEROVO),
                "--samples",
                "2000",
                "--seed",
                "7",
                "--ahp-draws",
                "300",
                "--format",
                "json",
            ]
        )
    assert code == 0
    return json.loads(buf.getvalue())


def test_all_analyses_are_present_with_settings(kemerovo_json: dict) -> None:
    doc = kemerovo_json
    for key in ("stability", "smaa", "method_agreement", "ahp_uncertainty"):
        assert "settings" in doc[key], key
    assert doc["smaa"]["settings"]["n_samples"] == 2000
    assert doc["smaa"]["settings"]["seed"] == 7
    assert doc["stability"]["most_fragile_for_winner"] in doc["weights"]


def test_rank_acceptabilities_are_probabilities(kemerovo_json: dict) -> None:
    """Invariant: each candidate's acceptabilities over ranks sum to 1, and so does each rank."""
    rows = kemerovo_json["smaa"]["rank_acceptability"]
    table = np.array([[v for k, v in row.items() if k != "id"] for row in rows], dtype=float)
    np.testing.assert_allclose(table.sum(axis=1), 1.0, atol=1e-12)
    np.testing.assert_allclose(table.sum(axis=0), 1.0, atol=1e-12)


def test_method_agreement_lists_the_issue_methods(kemerovo_json: dict) -> None:
    agreement = kemerovo_json["method_agreement"]
    ran = set(agreement["ranks"][0]) | {s["method"] for s in agreement["skipped"]}
    for label in (
        "TOPSIS (vector)",
        "TOPSIS (min-max)",
        "AHP synthesis",
        "VIKOR",
        "PROMETHEE II",
        "SPOTIS",
        "COPRAS",
    ):
        assert label in ran
    assert {"consensus", "copeland_score"} <= set(agreement["ranks"][0])


def test_same_seed_same_result(run_cli: Callable[..., Run]) -> None:
    args = ("sensitivity", KEMEROVO, "--samples", "500", "--ahp-draws", "100", "--format", "json")
    first = run_cli(*args, "--seed", "3")
    second = run_cli(*args, "--seed", "3")
    assert first.code == second.code == 0
    assert json.loads(first.out)["smaa"] == json.loads(second.out)["smaa"]


def test_table_output_names_the_most_fragile_criterion(run_cli: Callable[..., Run]) -> None:
    r = run_cli("sensitivity", KEMEROVO, "--samples", "500", "--ahp-draws", "100")
    assert r.code == 0, r.err
    assert "most fragile for the winner:" in r.out
    assert "seed=0" in r.out


def test_ahp_scenario_perturbs_its_own_judgments(run_cli: Callable[..., Run]) -> None:
    path = REPO / "configs" / "scenarios" / "kemerovo_clusters_ahp.yaml"
    r = run_cli("sensitivity", path, "--samples", "300", "--ahp-draws", "200", "--format", "json")
    assert r.code == 0, r.err
    ahp = json.loads(r.out)["ahp_uncertainty"]
    assert any("the AHP judgments in use" in n for n in ahp["notes"])
    assert 0.0 <= ahp["p_ranking_changes"] <= 1.0


def test_bad_sample_count(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    r = run_cli("sensitivity", KEMEROVO, "--samples", "0")
    assert r.code == 2
    assert "--samples" in r.err


def test_bounded_sampling_and_per_criterion_data_uncertainty(
    run_cli: Callable[..., Run],
) -> None:
    """--bounds implies bounded sampling; every drawn weight respects the bounds, so the
    central weights (averages of drawn weights) do too; --data-uncertainty per criterion
    is echoed per criterion."""
    r = run_cli(
        "sensitivity",
        KEMEROVO,
        "--samples",
        "2000",
        "--ahp-draws",
        "100",
        "--bounds",
        "investment=0.1:0.3,sme_share=0.2:0.5",
        "--data-uncertainty",
        "employees=10",
        "--format",
        "json",
    )
    assert r.code == 0, r.err
    smaa = json.loads(r.out)["smaa"]
    assert smaa["settings"]["sampling"] == "bounded"
    assert smaa["settings"]["percent"] == [0.0, 0.0, 10.0, 0.0, 0.0, 0.0]
    for row in smaa["central_weights"]:
        if row["investment"] is not None:
            assert 0.1 - 1e-12 <= row["investment"] <= 0.3 + 1e-12
            assert 0.2 - 1e-12 <= row["sme_share"] <= 0.5 + 1e-12


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--bounds", "nope=0.1:0.3"), "unknown criteria ['nope']"),
        (("--bounds", "investment=0.9:1,sme_share=0.5:0.6"), "no weights sum to 1"),
        (("--bounds", "investment"), "CRITERION=LOWER:UPPER"),
        (("--sampling", "bounded"), "needs --bounds"),
        (("--data-uncertainty", "lots"), "--data-uncertainty expects"),
    ],
)
def test_bad_sensitivity_options(
    run_cli: Callable[..., Run], args: tuple[str, ...], message: str
) -> None:
    r = run_cli("sensitivity", KEMEROVO, "--samples", "100", *args)
    assert r.code == 2
    assert message in r.err
    assert "Traceback" not in r.err


def test_rank_acceptability_of_many_candidates_sums_the_lower_ranks(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    """30 candidates: ranks 1 to 20 are written, the column 'rank 21+' holds the rest (each
    row still sums to 1), and a note says so; a 2,000 × 2,000 table ran out of memory."""
    scenario = write_scenario(tmp_path / "s", 30, 4)
    args = ("sensitivity", scenario, "--samples", "500", "--ahp-draws", "50", "--format", "json")
    run = run_cli(*args)
    assert run.code == 0, run.err
    doc = json.loads(run.out)
    rows = doc["smaa"]["rank_acceptability"]
    assert list(rows[0]) == ["id", *(f"rank {r}" for r in range(1, 21)), "rank 21+"]
    table = np.array([[v for k, v in row.items() if k != "id"] for row in rows], dtype=float)
    np.testing.assert_allclose(table.sum(axis=1), 1.0, atol=1e-12)
    assert any("ranks 1 to 20 of 30 are shown" in note for note in doc["smaa"]["notes"])


def test_a_scenario_with_two_candidates_has_no_top_k_level(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    """Two candidates: the default k shrinks to 1, so only the winner and the ranking are
    checked (a top 2 of 2 would say nothing)."""
    scenario = write_scenario(tmp_path / "s", 2, 4)
    args = ("sensitivity", scenario, "--samples", "200", "--ahp-draws", "20", "--format", "json")
    run = run_cli(*args)
    assert run.code == 0, run.err
    stability = json.loads(run.out)["stability"]
    assert stability["settings"]["top_k"] == 1
    assert {iv["level"] for iv in stability["intervals"]} == {"winner", "ranking"}
