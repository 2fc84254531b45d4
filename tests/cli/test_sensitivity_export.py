"""`clusterrank sensitivity -o FILE.csv|.xlsx`: the results as tables with their settings.

The suffix chooses the format (CSV sections or Excel sheets); other suffixes keep
``--format json|table``. Names beside ids, the SMAA settings (samples, seed, sampling) on the
settings table, the same numbers in both formats, formula-like names neutralised.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from clusterrank.cli import main
from clusterrank.criteria.loading import load_scenario
from tests.helpers.cli import KEMEROVO, Run
from tests.helpers.criteria import write_file, write_scenario

FAST = ("--samples", "500", "--seed", "7", "--ahp-draws", "100")
SHEETS = [
    "stability",
    "SMAA acceptability",
    "SMAA confidence",
    "SMAA central weights",
    "method agreement",
    "correlation spearman",
    "correlation ws",
    "AHP uncertainty",
    "settings",
]


def csv_sections(data: bytes) -> dict[str, pd.DataFrame]:
    """The ``[name]`` sections of a sensitivity CSV, each read back as a table."""
    text = data.decode("utf-8-sig")
    out: dict[str, pd.DataFrame] = {}
    for block in text.split("\n\n"):
        head, _, body = block.strip("\n").partition("\n")
        found = re.fullmatch(r"\[(.+)\]", head)
        assert found, head
        out[found.group(1)] = pd.read_csv(io.StringIO(body))
    return out


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    folder = tmp_path_factory.mktemp("sens")
    xlsx, csv = folder / "s.xlsx", folder / "s.csv"
    assert main(["sensitivity", str(KEMEROVO), *FAST, "-o", str(xlsx)]) == 0
    assert main(["sensitivity", str(KEMEROVO), *FAST, "-o", str(csv)]) == 0
    return xlsx.read_bytes(), csv.read_bytes()


def test_xlsx_has_every_analysis_and_the_settings(written: tuple[bytes, bytes]) -> None:
    data, _ = written
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == SHEETS
    settings = pd.read_excel(io.BytesIO(data), "settings", dtype=str)
    smaa = settings[settings["section"] == "SMAA-2"].set_index("setting")["value"]
    assert (smaa["n_samples"], smaa["seed"], smaa["sampling"]) == ("500", "7", "uniform")
    export = settings[settings["section"] == "export"].set_index("setting")["value"]
    assert set(export.index) == {"exported", "clusterrank", "scenario hash"}
    assert "weight stability intervals" in set(settings["section"])
    accept = pd.read_excel(io.BytesIO(data), "SMAA acceptability")
    ranks = accept.filter(like="rank ")
    np.testing.assert_allclose(ranks.sum(axis=1), 1.0, atol=1e-12)
    names = {c.id: c.name for c in load_scenario(KEMEROVO).candidates}
    assert [names[i] for i in accept["id"]] == accept["name"].tolist()
    agreement = pd.read_excel(io.BytesIO(data), "method agreement")
    assert {"id", "name", "consensus", "TOPSIS (vector)"} <= set(agreement.columns)


def test_csv_sections_hold_the_same_numbers(written: tuple[bytes, bytes]) -> None:
    """Same seed, same numbers: the CSV's SMAA table equals the workbook's."""
    data, csv = written
    assert csv.startswith(b"\xef\xbb\xbf")  # byte-order mark: Cyrillic names intact in Excel
    sections = csv_sections(csv)
    assert list(sections) == SHEETS
    from_csv = sections["SMAA confidence"]
    from_xlsx = pd.read_excel(io.BytesIO(data), "SMAA confidence")
    assert from_csv["name"].tolist() == from_xlsx["name"].tolist()
    np.testing.assert_allclose(
        from_csv["first_rank_acceptability"], from_xlsx["first_rank_acceptability"], rtol=1e-12
    )
    assert "«Комплексная переработка угля и техногенных отходов»" in set(from_csv["name"])


def test_other_suffixes_keep_the_format_option(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    r = run_cli("sensitivity", KEMEROVO, *FAST, "--format", "json", "-o", out)
    assert r.code == 0, r.err
    assert json.loads(out.read_text(encoding="utf-8"))["smaa"]["settings"]["seed"] == 7


def test_an_unwritable_output_is_said(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "missing" / "s.xlsx"
    r = run_cli("sensitivity", KEMEROVO, *FAST, "-o", out)
    assert r.code != 0
    assert "cannot write output" in r.err
    assert "does not exist" in r.err
    assert "Traceback" not in r.err


def test_formula_like_names_are_neutralised(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    candidates = (
        "candidates:\n"
        "  - {id: coal, name: \"=cmd|' /C calc'!A0\"}\n"
        '  - {id: bio, name: "@SUM(1)"}\n'
        "  - {id: tour, name: Шерегеш}\n"
    )
    scenario = write_scenario(partial(write_file, tmp_path), candidates=candidates)
    out = tmp_path / "s.csv"
    r = run_cli("sensitivity", scenario, *FAST, "-o", out)
    assert r.code == 0, r.err
    sections = csv_sections(out.read_bytes())
    for name, frame in sections.items():
        for column in frame.columns:
            cells = frame[column].dropna().astype(str)
            assert not cells.str.startswith(("=", "@", "+")).any(), (name, column)
    assert {"'=cmd|' /C calc'!A0", "'@SUM(1)"} <= set(sections["SMAA confidence"]["name"])
    xlsx = tmp_path / "s.xlsx"
    assert run_cli("sensitivity", scenario, *FAST, "-o", xlsx).code == 0
    book = openpyxl.load_workbook(xlsx)
    assert not [
        c.coordinate
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
