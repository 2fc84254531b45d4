"""`clusterrank rank`: list-valued --setting (PROMETHEE II p/q, SPOTIS bounds) and
objective weights (--weights entropy with --matrix; weights.mode objective in a scenario)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from clusterrank.cli.commands.rank import parse_settings
from clusterrank.errors import ConfigurationError
from clusterrank.methods.objective_weights import objective_weights
from clusterrank.methods.registry import rank
from tests.analysis.test_objective_weights_scenario import SCENARIO
from tests.helpers.cli import Run

X = np.array([[1.0, 0.0, 3.0], [2.0, 5.0, 1.0], [3.0, 2.0, 2.0], [4.0, 1.0, 6.0]])


@pytest.fixture
def matrix_csv(tmp_path: Path) -> Path:
    path = tmp_path / "m.csv"
    rows = [",".join(f"{v:g}" for v in row) for row in X]
    lines = ["id,a,b,c", *(f"{cid},{row}" for cid, row in zip("wxyz", rows, strict=True))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rank(run_cli: Callable[..., Run], matrix_csv: Path, *extra: str) -> Run:
    """`clusterrank rank --matrix m.csv --directions +,+,- EXTRA...`."""
    return run_cli("rank", "--matrix", matrix_csv, "--directions", "+,+,-", *extra)


@pytest.mark.parametrize(
    ("pair", "expected"),
    [
        ("p=1,2,3", [1, 2, 3]),
        ("q=0.5, 1.5 ,2", [0.5, 1.5, 2]),
        ("bounds=[[0,10],[1,5]]", [[0, 10], [1, 5]]),
        ("p=[1.5, 2]", [1.5, 2]),
        ("bounds=null", None),
        ("v=0.3", 0.3),
        ("normalization=minmax", "minmax"),
    ],
)
def test_setting_values_are_parsed(pair: str, expected: object) -> None:
    assert parse_settings([pair], None)[pair.partition("=")[0]] == expected


@pytest.mark.parametrize(
    ("pair", "fragment"),
    [
        ("p=1,x,3", "a comma-separated value is a list of numbers"),
        ("p=1,inf", "a comma-separated value is a list of numbers"),
        ("bounds=[[0,10],[1,5]", "not a list of finite numbers"),
        ("bounds=[[0,NaN]]", "not a list of finite numbers"),
    ],
)
def test_unreadable_list_settings_name_the_form(pair: str, fragment: str) -> None:
    with pytest.raises(ConfigurationError, match=fragment):
        parse_settings([pair], None)


def test_promethee_thresholds_per_criterion_from_the_cli(
    run_cli: Callable[..., Run], matrix_csv: Path
) -> None:
    """--setting p=1,2,3 reaches PROMETHEE II as one threshold per criterion (was refused as
    the text '1,2,3'); the scores equal an in-process call with the same list."""
    r = _rank(
        run_cli,
        matrix_csv,
        "--method",
        "promethee_ii",
        "--format",
        "json",
        "--setting",
        "preference_function=vshape",
        "--setting",
        "p=1,2,3",
    )
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["settings"]["method"]["p"] == [1, 2, 3]
    settings = {"preference_function": "vshape", "p": [1.0, 2.0, 3.0]}
    expected = rank(X, None, "+,+,-", "promethee_ii", settings=settings)
    scores = {row["id"]: row["score"] for row in doc["results"]}
    np.testing.assert_allclose([scores[c] for c in "wxyz"], expected.scores, rtol=1e-12)


def test_spotis_bounds_from_the_cli(run_cli: Callable[..., Run], matrix_csv: Path) -> None:
    r = _rank(
        run_cli,
        matrix_csv,
        "--method",
        "spotis",
        "--format",
        "json",
        "--setting",
        "bounds=[[0,10],[0,10],[0,10]]",
    )
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["settings"]["method"]["bounds"] == [[0, 10], [0, 10], [0, 10]]
    expected = rank(X, None, "+,+,-", "spotis", settings={"bounds": [[0, 10]] * 3})
    scores = {row["id"]: row["score"] for row in doc["results"]}
    np.testing.assert_allclose([scores[c] for c in "wxyz"], expected.scores, rtol=1e-12)


@pytest.mark.parametrize(
    "bounds", ["bounds=[[0,10],[1,5]]", "bounds=[[0,10],[1,5],[2]]", "bounds=[[0,10],[0,10],[9,1]]"]
)
def test_spotis_bound_of_wrong_shape_is_exit_2_with_the_fix(
    run_cli: Callable[..., Run], matrix_csv: Path, bounds: str
) -> None:
    """A wrong-shape (or ragged, or reversed) bound is bad input, exit 2, and the message
    shows the form with these data's ranges; never 'internal error'."""
    r = _rank(run_cli, matrix_csv, "--method", "spotis", "--setting", bounds)
    assert r.code == 2
    assert "internal error" not in r.err
    assert "SPOTIS 'bounds' must be 3 pairs [min, max]" in r.err
    assert "[[1, 4], [0, 5], [1, 6]]" in r.err
    assert "Traceback" not in r.err


def test_spotis_bound_given_as_text_in_a_scenario_is_named() -> None:
    """A quoted YAML string reaches the method as text: a ConfigurationError, not a crash."""
    with pytest.raises(ConfigurationError, match="SPOTIS 'bounds' must be 3 pairs"):
        rank(X, None, "+,+,-", "spotis", settings={"bounds": "[[0,10],[0,10],[0,10]]"})


def test_weights_entropy_with_matrix_uses_and_shows_them(
    run_cli: Callable[..., Run], matrix_csv: Path
) -> None:
    """--weights entropy computes the weights from the matrix (a zero enters as 0 ln 0),
    ranks with them and shows them with the method in the settings."""
    r = _rank(run_cli, matrix_csv, "--weights", "entropy", "--format", "json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    w = objective_weights(X, "+,+,-", "entropy").weights
    np.testing.assert_allclose([doc["weights"][k] for k in "abc"], w, rtol=1e-12)
    assert doc["settings"]["weights"]["mode"] == "objective"
    assert doc["settings"]["weights"]["method"] == "entropy"
    expected = rank(X, w, "+,+,-", "topsis")
    scores = {row["id"]: row["score"] for row in doc["results"]}
    np.testing.assert_allclose([scores[c] for c in "wxyz"], expected.scores, rtol=1e-12)
    table = _rank(run_cli, matrix_csv, "--weights", "critic")
    assert table.code == 0, table.err
    assert "mode=objective, method=critic" in table.out
    assert "weights: a=" in table.out


def test_weights_neither_numbers_nor_a_method_is_exit_2(
    run_cli: Callable[..., Run], matrix_csv: Path
) -> None:
    r = _rank(run_cli, matrix_csv, "--weights", "entropi")
    assert r.code == 2
    assert "or an objective method: entropy, critic, standard_deviation, merec" in r.err


def test_merec_on_a_matrix_with_a_zero_names_the_criterion(
    run_cli: Callable[..., Run], matrix_csv: Path
) -> None:
    r = _rank(run_cli, matrix_csv, "--weights", "merec")
    assert r.code == 2
    assert "merec weights need values > 0; criterion 'b' (column 2) has 0" in r.err


def test_objective_scenario_json_shows_the_weights(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    path = tmp_path / "objective.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    r = run_cli("rank", path, "--format", "json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["settings"]["weights"]["method"] == "critic"
    w = objective_weights([[10, 3, 5], [20, 1, 2], [15, 2, 9]], "+,+,-", "critic").weights
    np.testing.assert_allclose([doc["weights"][k] for k in ("staff", "output", "cost")], w)
