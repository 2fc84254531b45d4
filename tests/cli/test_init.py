"""`clusterrank init`: a scenario from a user's table; the round trip init -> validate -> rank."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from clusterrank.cli import main
from clusterrank.criteria.importing import plan_import
from clusterrank.criteria.importing.build import GUESSED
from clusterrank.methods import rank as rank_matrix

TABLE = (
    "\ufeffRegion;Investment, mln RUB;Unemployment, %;Jobs\r\n"
    "North;2\u00a0100,5;4,5 %;4500\r\nSouth;1200;7 %;3139\r\nEast;950,25;н/д;150\r\n"
    "West;3000;5,5%;2000\r\n"
)


def cli(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_init_validate_rank_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "mine.csv"
    data.write_bytes(TABLE.encode())
    out = tmp_path / "s.yaml"
    code, text, err = cli(capsys, "init", data, "-o", out, "--missing-data", "impute_worst")
    assert code == 0, err
    yaml_text = out.read_text()
    assert yaml_text.count(GUESSED) == 3
    assert "direction: cost" + GUESSED in yaml_text  # unemployment
    assert (tmp_path / "s_data.csv").read_text().startswith("candidate_id,")
    code, text, err = cli(capsys, "validate", out)
    assert code == 0, err
    code, text, err = cli(capsys, "rank", out, "--format", "csv")
    assert code == 0, err
    ranked = [line.split(",")[1] for line in text.splitlines()[1:] if line]
    # the same ranking, computed directly from the parsed matrix (worst value for no data)
    plan = plan_import(data, "mine.csv")
    matrix = np.column_stack(list(plan.values.values()))
    matrix[2, 1] = 7.0  # the worst observed unemployment
    result = rank_matrix(
        matrix,
        np.full(3, 1 / 3),
        ["benefit", "cost", "benefit"],
        "topsis",
        settings={"normalization": "vector"},
    )
    direct = [plan.ids[i] for i in np.argsort(result.ranks)]
    assert ranked[: len(direct)] == direct


def test_init_bad_input_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "bad.csv"
    data.write_text("id,x\na,1\na,zz\n")
    code, _, err = cli(capsys, "init", data, "-o", tmp_path / "s.yaml")
    assert code == 2
    assert "is on two rows" in err
    assert "'zz' is not a number" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_init_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "d.csv"
    data.write_text("Name,x\na,1\nb,2\n")
    (tmp_path / "s.yaml").write_text("keep")
    code, _, err = cli(capsys, "init", data, "-o", tmp_path / "s.yaml")
    assert code == 2
    assert "--force" in err
    assert (tmp_path / "s.yaml").read_text() == "keep"
