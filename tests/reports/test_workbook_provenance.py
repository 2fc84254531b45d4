"""The ranking workbook's provenance (issue 13): weight source, AHP judgments and CR, the
per-figure sources, export date and version, names beside ids, rounded scores with the full
precision kept, a file name no scenario has, and hostile names neutralised in the new sheets."""

from __future__ import annotations

import io
import re
from datetime import date
from functools import partial
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

import clusterrank
from clusterrank.analysis.provenance import panel_label, scenario_hash
from clusterrank.analysis.ranking import rank_scenario
from clusterrank.analysis.weights import resolve_weights, weights_from_sliders
from clusterrank.criteria.loading import load_scenario
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.reports.export import (
    AHP_SHEETS,
    IMPUTED_FILL,
    SCORE_DECIMALS,
    SHEETS,
    workbook,
    workbook_file_name,
)
from tests.helpers.criteria import CRITERIA_YAML, write_file, write_scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "configs" / "scenarios"
STAMP = {"exported": "2026-03-01T07:05:09+00:00", "clusterrank": "9.9.9"}
CMD = "=cmd|' /C calc'!A0"
AT_SUM = "@SUM(1)"


def build(path: Path, **kwargs: object) -> tuple[bytes, tuple]:
    scenario = load_scenario(path)
    matrix = decision_matrix(scenario)
    weights = resolve_weights(scenario, matrix)
    report = rank_scenario(scenario, weights=weights, matrix=matrix)
    data = workbook(scenario, matrix, weights, report, **kwargs)  # type: ignore[arg-type]
    return data, (scenario, matrix, weights, report)


def sheet(data: bytes, name: str) -> pd.DataFrame:
    return pd.read_excel(io.BytesIO(data), name)


@pytest.fixture(scope="module")
def kemerovo() -> tuple[bytes, tuple]:
    return build(SCENARIOS / "kemerovo_clusters.yaml", stamp=STAMP)


@pytest.fixture(scope="module")
def kemerovo_ahp() -> tuple[bytes, tuple]:
    return build(SCENARIOS / "kemerovo_clusters_ahp.yaml", stamp=STAMP)


def test_ahp_weights_add_the_judgment_and_consistency_sheets(kemerovo_ahp: tuple) -> None:
    """kemerovo_clusters_ahp.yaml: 10 group judgments + 1 criteria judgment, CR about 0.003."""
    data, (_, _, weights, _) = kemerovo_ahp
    names = tuple(openpyxl.load_workbook(io.BytesIO(data)).sheetnames)
    at = SHEETS.index("weight source") + 1
    assert names == (*SHEETS[:at], *AHP_SHEETS, *SHEETS[at:])
    judgments = sheet(data, "AHP judgments")
    assert len(judgments) == 11
    row = judgments[(judgments["row"] == "participants") & (judgments["column"] == "employees")]
    assert row["judgment"].item() == pytest.approx(2.0)
    assert row["row title"].item() != "participants"  # the criterion's title beside its id
    assert "× as important as" in row["reads"].item()
    consistency = sheet(data, "AHP consistency").set_index("matrix")
    assert consistency.loc["groups", "CR"] == pytest.approx(weights.ahp["groups"].result.cr)
    assert bool(consistency.loc["groups", "acceptable"])
    source = sheet(data, "weight source").set_index("setting")["value"]
    assert source["weights from"] == "ahp"
    assert re.search(r"CR 0\.00\d ≤ 0\.10", source["in words"])


def test_weight_source_names_the_editor(kemerovo: tuple) -> None:
    data, (scenario, matrix, _, report) = kemerovo
    assert "weight source" in sheet(data, "settings")["section"].tolist()
    source = sheet(data, "weight source").set_index("setting")["value"]
    assert source["weights from"] == "given"
    groups = {g: 20.0 for g in scenario.criteria_set.group_ids}
    sliders = weights_from_sliders(scenario, groups, {})
    made = workbook(scenario, matrix, sliders, report, editor="sliders")
    assert sheet(made, "weight source").set_index("setting")["value"]["weights from"] == "sliders"
    label = panel_label({"panel": "p1", "title": "T", "round": 3, "aggregation": "aip"})
    by_panel = workbook(scenario, matrix, sliders, report, panel=label)
    said = sheet(by_panel, "weight source").set_index("setting")["value"]
    assert said["weights from"] == "panel"
    assert said["panel"] == "panel «T» (p1), round 3, AIP"
    assert "round 3, AIP" in said["in words"]


def test_sources_sheet_has_every_figure_with_names_and_status(kemerovo: tuple) -> None:
    data, (_, matrix, _, _) = kemerovo
    sources = sheet(data, "sources")
    assert len(sources) == matrix.values.size  # noqa: PD011 (numpy array)
    assert (sources["status"] == "imputed").sum() == int(matrix.imputed.sum()) == 9
    assert set(sources["name"]) == set(matrix.candidate_names)
    assert sources["source"].str.contains("Seed 003").all()
    book = openpyxl.load_workbook(io.BytesIO(data))["sources"]
    k = int(np.flatnonzero(sources["status"] == "imputed")[0]) + 2
    status_col = list(sources.columns).index("status") + 1
    fill = book.cell(row=k, column=status_col).fill.start_color.rgb
    assert fill.endswith(IMPUTED_FILL.start_color.rgb[-6:])


def test_settings_start_with_the_export_stamp_and_the_hash(kemerovo: tuple) -> None:
    data, (scenario, matrix, _, _) = kemerovo
    settings = sheet(data, "settings")
    export = settings[settings["section"] == "export"].set_index("setting")["value"]
    assert export.to_dict() == {
        **STAMP,
        "scenario hash": scenario_hash(scenario, matrix),
    }
    assert settings.iloc[0]["section"] == "export"


def test_default_stamp_is_today_and_this_version() -> None:
    data, _ = build(SCENARIOS / "kemerovo_clusters.yaml")
    settings = sheet(data, "settings")
    export = settings[settings["section"] == "export"].set_index("setting")["value"]
    assert export["clusterrank"] == clusterrank.__version__
    assert export["exported"].endswith("+00:00")


def test_scores_are_rounded_for_reading_and_kept_in_full(kemerovo: tuple) -> None:
    data, (_, _, _, report) = kemerovo
    results = sheet(data, "results")
    full = report.to_frame()["score"].to_numpy()
    np.testing.assert_allclose(results["score_full"], full, rtol=1e-15)  # xlsx: 1 ulp
    np.testing.assert_array_equal(results["score"], np.round(full, SCORE_DECIMALS))
    book = openpyxl.load_workbook(io.BytesIO(data))["results"]
    columns = list(results.columns)
    letter = openpyxl.utils.get_column_letter(columns.index("score_full") + 1)
    assert book.column_dimensions[letter].hidden
    header = book.cell(row=1, column=columns.index("score") + 1)
    assert "full-precision" in header.comment.text
    assert book.cell(row=2, column=columns.index("score") + 1).number_format == "0.0000"
    light = results.set_index("id").loc["light"]
    assert (light["imputed"], light["assessable"]) == ("4 of 6", "no")


def test_extra_sheets_follow_the_results_and_may_not_replace_one(kemerovo: tuple) -> None:
    _, (scenario, matrix, weights, report) = kemerovo
    extra = {"stability": pd.DataFrame({"criterion": [CMD]})}
    data = workbook(scenario, matrix, weights, report, extra=extra)
    names = openpyxl.load_workbook(io.BytesIO(data)).sheetnames
    assert names[-2:] == ["stability", "settings"]
    assert sheet(data, "stability")["criterion"].item() == "'" + CMD
    with pytest.raises(ValueError, match="would replace a sheet"):
        workbook(scenario, matrix, weights, report, extra={"sources": pd.DataFrame()})


def test_file_name_is_not_a_scenario_name() -> None:
    name = workbook_file_name("kemerovo_clusters", "topsis", date(2026, 3, 1))
    assert name == "clusterrank-report_kemerovo_clusters_topsis_2026-03-01.xlsx"
    assert name != "kemerovo_clusters.xlsx"


HOSTILE_TAIL = """\
  provenance:
    participants: {source: "@SUM(1) from the city"}
weights:
  mode: ahp
  groups:
    judgments: [[infrastructure, critical_mass, 2]]
  criteria:
    infrastructure: {judgments: [[participants, distance, 3]]}
    critical_mass: {judgments: [[mass, strategy, 1]]}
"""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A scenario whose candidate names, a criterion title, a group title and a source begin
    like formulas, with AHP weights (so every new sheet carries them)."""
    write = partial(write_file, tmp_path)
    candidates = (
        "candidates:\n"
        f'  - {{id: coal, name: "{CMD}"}}\n'
        f'  - {{id: bio, name: "{AT_SUM}"}}\n'
        "  - {id: tour, name: Шерегеш}\n"
    )
    path = write_scenario(write, candidates=candidates, tail=HOSTILE_TAIL)
    crit = (tmp_path / "criteria" / "set.yaml").read_text(encoding="utf-8")
    crit = crit.replace("title: Число участников", f'title: "{CMD}"')
    crit = crit.replace("title: Инфраструктура территории", f'title: "{AT_SUM}"')
    assert crit != CRITERIA_YAML
    (tmp_path / "criteria" / "set.yaml").write_text(crit, encoding="utf-8")
    write("data/data.sources.csv", f'column,candidate_id,source,note\nparticipants,bio,"{CMD}",\n')
    return path


def test_hostile_names_arrive_neutralised_in_the_new_sheets(hostile: Path) -> None:
    data, _ = build(hostile)
    book = openpyxl.load_workbook(io.BytesIO(data))
    formulas = [
        f"{ws.title}!{c.coordinate}"
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f" or (isinstance(c.value, str) and c.value.startswith(("=", "@")))
    ]
    assert formulas == []
    sources = sheet(data, "sources")
    assert "'" + CMD in set(sources["name"])
    assert "'" + AT_SUM in set(sources["name"])
    assert "'" + CMD in set(sources["title"])
    assert "'" + CMD in set(sources["source"])
    assert "'" + AT_SUM + " from the city" in set(sources["source"])
    judgments = sheet(data, "AHP judgments")
    assert "'" + AT_SUM in set(judgments["row title"])
    assert "'" + CMD in set(judgments["row title"])
    assert set(sheet(data, "results")["name"]) >= {"'" + CMD, "'" + AT_SUM}
    assert "'" + AT_SUM in set(sheet(data, "AHP consistency")["title"])
