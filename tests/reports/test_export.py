"""CSV and Excel exports of a ranking (reports.export) on the shipped Kemerovo scenario."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from clusterrank.analysis.ranking import rank_scenario
from clusterrank.analysis.weights import resolve_weights
from clusterrank.criteria.loading import load_scenario
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.reports.export import (
    IMPUTED_FILL,
    SHEETS,
    criteria_frame,
    ranking_csv,
    results_frame,
    workbook,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def kemerovo() -> tuple:
    scenario = load_scenario(ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml")
    matrix = decision_matrix(scenario)
    weights = resolve_weights(scenario)
    report = rank_scenario(scenario, weights=weights, matrix=matrix)
    return scenario, matrix, weights, report


def test_csv_round_trips_in_rank_order_with_settings(kemerovo: tuple) -> None:
    """The CSV reads back as the report's frame, in rank order, Cyrillic intact, with the
    method and the full settings line on every row."""
    _, _, _, report = kemerovo
    changes = {"coal": 0, "agro": 1}
    frame = pd.read_csv(io.BytesIO(ranking_csv(report, changes)), encoding="utf-8-sig")
    expected = report.to_frame()
    assert list(frame.columns) == [
        "rank",
        "id",
        "name",
        "score",
        "rank_change",
        "imputed",
        "assessable",
        "reason",
        "method",
        "settings",
    ]
    assert frame["id"].tolist() == expected["id"].tolist()
    assert frame["name"].tolist() == expected["name"].tolist()
    np.testing.assert_allclose(frame["score"], expected["score"], rtol=1e-12)
    assert frame["rank"].is_monotonic_increasing
    assert set(frame["settings"]) == {report.settings_line()}
    assert frame.loc[frame["id"] == "agro", "rank_change"].item() == 1
    assert frame.loc[frame["id"] == "light", "rank_change"].isna().item()
    light = frame.set_index("id").loc["light"]
    assert (light["imputed"], light["assessable"]) == ("4 of 6", "no")
    assert light["reason"] == "4 of 6 figures imputed (above half)"


def test_workbook_has_its_sheets_and_marks_imputed_cells(kemerovo: tuple) -> None:
    """Sheets inputs, sources, criteria and weights, weight source, results, settings (no AHP
    sheets for the set's own weights); imputed inputs are filled amber."""
    scenario, matrix, weights, report = kemerovo
    book = openpyxl.load_workbook(io.BytesIO(workbook(scenario, matrix, weights, report)))
    assert tuple(book.sheetnames) == SHEETS
    inputs = book["inputs"]
    i, j = map(int, np.argwhere(matrix.imputed)[0])
    cell = inputs.cell(row=i + 2, column=j + 3)
    assert cell.value == pytest.approx(matrix.values[i, j])  # noqa: PD011 (numpy array)
    assert cell.fill.start_color.rgb.endswith(IMPUTED_FILL.start_color.rgb[-6:])
    assert inputs.cell(row=2, column=2).value == matrix.candidate_names[0]
    results = pd.read_excel(io.BytesIO(workbook(scenario, matrix, weights, report)), "results")
    assert results["id"].tolist() == report.to_frame()["id"].tolist()
    assert results["name"].tolist() == report.to_frame()["name"].tolist()
    settings = pd.read_excel(io.BytesIO(workbook(scenario, matrix, weights, report)), "settings")
    assert report.settings_line() in settings["value"].tolist()


def test_criteria_sheet_weights_are_consistent(kemerovo: tuple) -> None:
    """Global = group × local for every criterion, and the globals sum to 1."""
    scenario, _, weights, _ = kemerovo
    frame = criteria_frame(scenario, weights)
    np.testing.assert_allclose(frame["global_weight"].sum(), 1.0, atol=1e-12)
    np.testing.assert_allclose(
        frame["global_weight"], frame["group_weight"] * frame["local_weight"], atol=1e-12
    )
    assert frame["source"].str.contains("Seed 003").all()


def test_results_frame_without_baseline_has_no_change_column(kemerovo: tuple) -> None:
    _, _, _, report = kemerovo
    assert "rank_change" not in results_frame(report).columns
