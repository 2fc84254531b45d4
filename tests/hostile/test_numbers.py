"""Hostile numbers (issue "Hardening", wrong numbers): values and weights near the ends of the
floating-point range give the right ranking, or a clear refusal naming the weight — never an
overflow, a silent NaN, a false "constant" note or a traceback.

The property tests (scaling a column by 10**k for every method) are in
``tests/methods/test_scale_invariance.py``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from clusterrank.cli import main
from clusterrank.errors import MethodInputError
from clusterrank.methods.normalization import NORMALIZATIONS, normalize
from clusterrank.methods.objective_weights import objective_weight_names, objective_weights
from clusterrank.methods.registry import rank


def _cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _matrix(tmp_path: Path, column: str) -> Path:
    """x, y, z with criterion a = ``column`` (three values) and a constant criterion b."""
    a = column.split(",")
    rows = [f"{c},{v},1" for c, v in zip("xyz", a, strict=True)]
    path = tmp_path / "m.csv"
    path.write_text("id,a,b\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _first_rows(out: str) -> list[str]:
    """Candidate ids of the text table, best first."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.split()[:1] == ["id"]) + 1
    return [line.split()[0] for line in lines[start:] if line.strip()][:3]


def test_vector_normalisation_overflow_ranks_the_true_winner_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """1.7e308, 1e308, 1e308: squaring overflowed, the winner came last and the column was
    called constant. Now x is first and only b (really constant) is called constant."""
    code, out, err = _cli(
        capsys, "rank", "--matrix", _matrix(tmp_path, "1.7e308,1e308,1e308"), "--directions", "+,+"
    )
    assert code == 0, err
    assert _first_rows(out) == ["x", "y", "z"]
    assert "tie: y, z share rank 2" in out
    assert "criterion 'a' (column 1) is constant" not in out
    assert "criterion 'b' (column 2) is constant" in out


def test_vector_normalisation_underflow_does_not_tie_every_candidate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """1.7e-170, 1e-170, 1e-170: the squares underflowed to 0 and all three tied. Now x wins."""
    code, out, err = _cli(
        capsys,
        "rank",
        "--matrix",
        _matrix(tmp_path, "1.7e-170,1e-170,1e-170"),
        "--directions",
        "+,+",
        "--format",
        "json",
    )
    assert code == 0, err
    assert '"id": "x"' in out.split('"rank": 1')[0]
    assert "x, y, z share rank 1" not in out
    assert "'a' (column 1) is constant" not in out


@pytest.mark.parametrize("method", NORMALIZATIONS)
@pytest.mark.parametrize("direction", ["benefit", "cost"])
def test_every_normalisation_stays_finite_at_the_ends_of_the_float_range(
    method: str, direction: str
) -> None:
    """Sums, squares and ranges of 1.7e308 (and of -1.7e308 .. 1.7e308, whose range is not a
    float) are taken after an exact power-of-two scaling: finite, and the order is kept."""
    if method == "sum" and direction == "cost":
        column = np.array([5e-324, 1.7e308, 1e308])  # 1/x of 5e-324 is infinite unscaled
    elif method == "minmax":
        column = np.array([1.7e308, -1.7e308, 1e308])  # max - min is not a float
    else:
        column = np.array([1.7e308, 5e-324, 1e308])  # squares and sums overflow unscaled
    r, notes = normalize(column[:, None], method, [direction])
    assert np.all(np.isfinite(r))
    assert notes == []
    best = int(np.argmin(column)) if direction == "cost" else int(np.argmax(column))
    assert int(np.argmax(r[:, 0])) == best


def test_weights_of_1e308_are_normalised_not_an_overflow(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``--weights 1e308,1e308,1`` overflowed the sum (all weights became 0, every candidate
    tied). They are valid finite weights: they rank as 0.5, 0.5, ~0 do, with the sum noted."""
    matrix = tmp_path / "m.csv"
    matrix.write_text("id,a,b,c\nx,1,2,9\ny,3,2,1\nz,2,1,2\n", encoding="utf-8")
    code, out, err = _cli(
        capsys, "rank", "--matrix", matrix, "--directions", "+,+,+", "--weights", "1e308,1e308,1"
    )
    assert code == 0, err
    assert "weights summed to 2e+308; rescaled to sum to 1" in out
    assert "weights: a=0.5000, b=0.5000, c=0.0000" in out
    code, plain, err = _cli(
        capsys, "rank", "--matrix", matrix, "--directions", "+,+,+", "--weights", "0.5,0.5,0"
    )
    assert code == 0, err
    assert _first_rows(out) == _first_rows(plain) == ["y", "z", "x"]


def test_weight_beyond_the_float_range_is_refused_naming_the_criterion(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """1e309 is read as infinity: exit 2, naming the criterion, never a ranking."""
    matrix = tmp_path / "m.csv"
    matrix.write_text("id,a,b,c\nx,1,2,9\ny,3,2,1\n", encoding="utf-8")
    code, out, err = _cli(
        capsys, "rank", "--matrix", matrix, "--directions", "+,+,+", "--weights", "1,1e309,1"
    )
    assert code == 2
    assert out == ""
    assert "weights must be finite numbers; criterion 'b' is inf" in err
    assert "1.8e308" in err
    assert "Traceback" not in err


_SET = """\
id: s
title: S
source: written for the test
groups:
  - id: g1
    weight: 1
    criteria:
      - {id: a, direction: benefit, indicators: [{id: a}]}
      - {id: b, direction: cost, indicators: [{id: b}]}
  - id: g2
    weight: 1
    criteria:
      - {id: c, direction: benefit, indicators: [{id: c}]}
"""


def _scenario(tmp_path: Path, name: str, weights: str) -> Path:
    (tmp_path / "set.yaml").write_text(_SET, encoding="utf-8")
    (tmp_path / "data.csv").write_text(
        "candidate_id,a,b,c\nx,1,5,9\ny,3,2,1\nz,2,1,2\n", encoding="utf-8"
    )
    text = (
        "id: t\ntitle: T\ncriteria_set: set.yaml\ncandidates:\n"
        + "".join(f"  - {{id: {c}, name: {c.upper()}}}\n" for c in "xyz")
        + f"data:\n  file: data.csv\nweights:\n  mode: direct\n  {weights}\n"
    )
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_scenario_direct_weights_of_1e308_are_normalised_not_an_overflow(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Direct weights of 1e308 made math.fsum raise OverflowError (exit 1, "internal error").
    They are finite and valid: the ranking is that of the same weights divided by 1e308."""
    huge = "groups: {g1: 1.0e+308, g2: 1.0e+308}\n  criteria: {a: 1.0e+308, b: 1.0e+308}"
    small = "groups: {g1: 1, g2: 1}\n  criteria: {a: 1, b: 1}"
    code, out, err = _cli(capsys, "rank", _scenario(tmp_path, "huge.yaml", huge))
    assert code == 0, err
    assert "group weights (sum 2 × 1e+308)" in out
    code, plain, err = _cli(capsys, "rank", _scenario(tmp_path, "small.yaml", small))
    assert code == 0, err
    table = out[out.index("id") : out.index("notes:")]
    assert table == plain[plain.index("id") : plain.index("notes:")]


@pytest.mark.parametrize("method", objective_weight_names())
def test_objective_weights_of_huge_values_equal_those_of_the_same_data_rescaled(
    method: str,
) -> None:
    """Entropy summed 1.7e308 + 1e308 to infinity and gave silently wrong weights (0.79
    instead of 0.13 here); every objective method now gives the weights of the data / 1e300."""
    x = np.array([[1.7e308, 3.0, 5.0], [1e308, 1.0, 2.0], [0.9e308, 2.0, 1.0]])
    huge = objective_weights(x, [1, -1, 1], method)
    scaled = x.copy()
    scaled[:, 0] /= 1e300
    np.testing.assert_allclose(huge.weights, objective_weights(scaled, [1, -1, 1], method).weights)


def test_spotis_bounds_spanning_the_float_range_rank_correctly() -> None:
    """Bounds of -1.7e308 .. 1.7e308: their width is not a float; scaled first, it is."""
    x = np.array([[1e308, 2.0], [-1e308, 1.0], [0.0, 3.0]])
    res = rank(
        x,
        [0.9, 0.1],
        ["benefit", "benefit"],
        "spotis",
        settings={"bounds": [[-1.7e308, 1.7e308], [0, 4]]},
    )
    assert res.ranks.tolist() == [1, 3, 2]
    assert res.details["bounds"] == [[-1.7e308, 1.7e308], [0.0, 4.0]]


def test_promethee_default_threshold_beyond_the_float_range_is_refused() -> None:
    """A column from -1.7e308 to 1.7e308 has no float range, so the default p cannot be it:
    a clear refusal naming the column, not p = inf."""
    x = np.array([[1.7e308, 2.0], [-1.7e308, 1.0], [0.0, 3.0]])
    with pytest.raises(MethodInputError, match=r"range of column 1 .* give 'p'"):
        rank(x, None, [1, 1], "promethee_ii", settings={"preference_function": "vshape"})
    given = rank(
        x, None, [1, 1], "promethee_ii", settings={"preference_function": "vshape", "p": 1e308}
    )
    assert given.settings["p"] == 1e308
    assert given.ranks.tolist() == [1, 3, 2]
