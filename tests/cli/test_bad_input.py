"""The bad-input catalogue at the command line: every case exits 2 with a message naming the
file, the place and the fix, and never a traceback. Legal edge cases (one candidate, a
constant criterion, Cyrillic names) exit 0 with a note where one is due."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers.cli import Run


def scenario_doc(**overrides: Any) -> dict[str, Any]:
    """A small valid scenario with an inline criteria set and inline data."""
    doc: dict[str, Any] = {
        "id": "tiny",
        "title": "Tiny scenario",
        "criteria_set": {
            "id": "tiny_set",
            "title": "Tiny set",
            "source": "test fixture",
            "groups": [
                {
                    "id": "size",
                    "title": "Size",
                    "criteria": [
                        {
                            "id": "staff",
                            "title": "Staff",
                            "direction": "benefit",
                            "unit": "persons",
                            "indicators": [{"id": "staff", "title": "Staff"}],
                        },
                        {
                            "id": "cost",
                            "title": "Cost",
                            "direction": "cost",
                            "unit": "RUB",
                            "indicators": [{"id": "cost", "title": "Cost"}],
                        },
                    ],
                }
            ],
        },
        "candidates": [
            {"id": "a", "name": "A"},
            {"id": "b", "name": "B"},
            {"id": "c", "name": "C"},
        ],
        "data": {
            "values": {
                "a": {"staff": 10, "cost": 5},
                "b": {"staff": 20, "cost": 9},
                "c": {"staff": 15, "cost": 7},
            }
        },
    }
    doc.update(overrides)
    return doc


def write(tmp_path: Path, doc: dict[str, Any] | str, name: str = "scenario.yaml") -> Path:
    path = tmp_path / name
    text = doc if isinstance(doc, str) else yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def assert_bad(r: Run, *fragments: str) -> None:
    assert r.code == 2, (r.out, r.err)
    assert "Traceback" not in r.err
    for fragment in fragments:
        assert fragment in r.err, f"{fragment!r} not in:\n{r.err}"


def test_malformed_yaml_names_the_line(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    path = write(tmp_path, "id: x\ncandidates: [a, b\ntitle: broken\n")
    assert_bad(run_cli("rank", path), "scenario.yaml", "line")


def test_unknown_key_is_named_with_a_suggestion(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    doc = scenario_doc()
    doc["criteria_set"]["groups"][0]["wieght"] = 2
    assert_bad(run_cli("validate", write(tmp_path, doc)), "wieght", "weight")


def test_duplicate_candidate_ids(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    doc = scenario_doc(candidates=[{"id": "a"}, {"id": "a"}, {"id": "c"}])
    assert_bad(run_cli("rank", write(tmp_path, doc)), "duplicate", "'a'")


def test_negative_weight(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    doc = scenario_doc(weights={"mode": "direct", "criteria": {"staff": -0.2, "cost": 1}})
    assert_bad(run_cli("rank", write(tmp_path, doc)), "weights.criteria.staff", "-0.2")


def test_all_zero_weights(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    doc = scenario_doc(weights={"mode": "direct", "criteria": {"staff": 0, "cost": 0}})
    assert_bad(run_cli("rank", write(tmp_path, doc)), "zero")


def test_non_numeric_data_in_csv(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("candidate_id,staff,cost\na,10,5\nb,many,9\nc,15,7\n")
    doc = scenario_doc(data={"file": "data.csv"})
    assert_bad(run_cli("rank", write(tmp_path, doc)), "data.csv", "'many'", "not a number")


def test_missing_data_rejected_by_default(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    doc = scenario_doc()
    doc["data"]["values"]["b"]["staff"] = None
    assert_bad(run_cli("rank", write(tmp_path, doc)), "missing_data", "staff")


@pytest.mark.parametrize(
    ("policy", "expected_staff_rank_of_b"),
    [("drop_candidate", None), ("impute_worst", 3), ("impute_mean", None)],
)
def test_missing_data_policies_rank_with_a_note(
    run_cli: Callable[..., Run], tmp_path: Path, policy: str, expected_staff_rank_of_b: int | None
) -> None:
    doc = scenario_doc(missing_data=policy)
    doc["data"]["values"]["b"]["staff"] = None
    r = run_cli("rank", write(tmp_path, doc), "--format", "json")
    assert r.code == 0, r.err
    out = json.loads(r.out)
    ids = [row["id"] for row in out["results"]]
    assert out["settings"]["data"]["missing_data"] == policy
    assert out["notes"], "the policy's effect must be reported"
    if policy == "drop_candidate":
        assert "b" not in ids
    else:
        assert "b" in ids
    # The effect is reported per cell: b's staff, and only that cell.
    assert [(c["candidate"], c["key"]) for c in out["cells"]] == [("b", "staff")]
    action = {
        "drop_candidate": "dropped_candidate",
        "impute_worst": "imputed_worst",
        "impute_mean": "imputed_mean",
    }[policy]
    assert out["cells"][0]["action"] == action
    if policy == "impute_worst":
        assert out["cells"][0]["value"] == 10  # the worst observed staff (a benefit)
    if policy == "impute_mean":
        assert out["cells"][0]["value"] == 12.5  # mean of 10 and 15
    if expected_staff_rank_of_b is not None:
        # b has the worst cost and, imputed worst, the worst staff: it must rank last.
        assert out["results"][-1]["id"] == "b"


def test_non_reciprocal_pairwise_csv(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    path = write(tmp_path, "x,a,b,c\na,1,3,5\nb,3,1,2\nc,1/5,1/2,1\n", "pairwise.csv")
    assert_bad(run_cli("ahp", path), "reciprocal")


def test_out_of_scale_pairwise_csv(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    path = write(tmp_path, "x,a,b\na,1,12\nb,1/12,1\n", "pairwise.csv")
    assert_bad(run_cli("ahp", path), "12")


def test_out_of_scale_judgment_in_scenario(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    doc = scenario_doc(
        weights={"mode": "ahp", "criteria": {"size": {"judgments": [["staff", "cost", 12]]}}}
    )
    assert_bad(run_cli("rank", write(tmp_path, doc)), "weights.criteria.size", "12")


def test_no_candidates(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    doc = scenario_doc(candidates=[], data={})
    assert_bad(run_cli("rank", write(tmp_path, doc)), "no candidates")


def test_one_candidate_ranks_with_a_note(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    doc = scenario_doc(candidates=[{"id": "a"}], data={"values": {"a": {"staff": 1, "cost": 2}}})
    r = run_cli("rank", write(tmp_path, doc), "--format", "json")
    assert r.code == 0, r.err
    out = json.loads(r.out)
    assert [row["rank"] for row in out["results"]] == [1]
    assert any("one candidate" in n for n in out["notes"])


def test_constant_criterion_ranks_with_a_note(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    doc = scenario_doc()
    for row in doc["data"]["values"].values():
        row["cost"] = 7
    r = run_cli("rank", write(tmp_path, doc), "--format", "json")
    assert r.code == 0, r.err
    out = json.loads(r.out)
    assert [row["id"] for row in out["results"]] == ["b", "c", "a"]
    assert any("constant" in n for n in out["notes"])


def test_cyrillic_names_round_trip(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    doc = scenario_doc(
        candidates=[
            {"id": "a", "name": "Кластер «Шерегеш»"},
            {"id": "b", "name": "Биомедицинский"},
            {"id": "c", "name": "Агро"},
        ]
    )
    doc["criteria_set"]["groups"][0]["title"] = "Критическая масса"
    r = run_cli("rank", write(tmp_path, doc), "--format", "json")
    assert r.code == 0, r.err
    names = {row["id"]: row["name"] for row in json.loads(r.out)["results"]}
    assert names == {"a": "Кластер «Шерегеш»", "b": "Биомедицинский", "c": "Агро"}


def test_unknown_method_lists_the_choices(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    assert_bad(
        run_cli("rank", write(tmp_path, scenario_doc()), "--method", "topsys"), "topsys", "topsis"
    )


def test_missing_file(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    assert_bad(run_cli("rank", tmp_path / "nope.yaml"), "nope.yaml")


def test_matrix_needs_directions(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    path = write(tmp_path, "id,x\na,1\nb,2\n", "m.csv")
    assert_bad(run_cli("rank", "--matrix", path), "--directions")


def test_matrix_direction_count(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    path = write(tmp_path, "id,x,y\na,1,2\nb,2,1\n", "m.csv")
    assert_bad(run_cli("rank", "--matrix", path, "--directions", "+"), "2 directions")


def test_matrix_bad_cell(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    path = write(tmp_path, "id,x,y\na,1,2\nb,two,1\n", "m.csv")
    assert_bad(run_cli("rank", "--matrix", path, "--directions", "+,+"), "m.csv", "'two'", "line 3")


def test_matrix_negative_weight(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    path = write(tmp_path, "id,x,y\na,1,2\nb,2,1\n", "m.csv")
    assert_bad(
        run_cli("rank", "--matrix", path, "--directions", "+,+", "--weights", "1,-1"), ">= 0"
    )
