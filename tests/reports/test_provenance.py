"""Provenance of an export (analysis.provenance): weight source, figure sources, stamp, hash."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, date, datetime, timedelta, timezone
from functools import partial
from pathlib import Path

import numpy as np
import pytest

import clusterrank
from clusterrank.analysis.provenance import (
    FIGURE_COLUMNS,
    KINDS,
    export_file_name,
    export_stamp,
    figure_sources,
    panel_label,
    scenario_hash,
    sidecar_path,
    weight_source,
)
from clusterrank.analysis.weights import (
    resolve_weights,
    weights_from_data,
    weights_from_sliders,
)
from clusterrank.criteria.loading import load_scenario
from clusterrank.criteria.matrix import decision_matrix
from tests.helpers.criteria import write_file, write_scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "configs" / "scenarios"
KEMEROVO = SCENARIOS / "kemerovo_clusters.yaml"
KEMEROVO_AHP = SCENARIOS / "kemerovo_clusters_ahp.yaml"

PAYLOAD = {
    "panel": "p7",
    "title": "Пилотные кластеры",
    "round": 2,
    "aggregation": "aij",
    "illustrative": False,
    "consensus": {"s_star": {"groups": 0.91, "critical_mass": 0.78}, "kendall_w": 0.625},
}


# ---- weight source --------------------------------------------------------------------------


def test_set_weights_are_given_and_carry_no_judgments() -> None:
    source = weight_source(resolve_weights(load_scenario(KEMEROVO)))
    assert source.kind == "given"
    assert "criteria set" in source.summary
    assert source.judgments is None
    assert source.consistency is None
    assert source.settings["source"] == "given"


def test_sliders_are_named_only_when_the_sliders_made_the_weights() -> None:
    scenario = load_scenario(KEMEROVO)
    groups = {g: 20.0 for g in scenario.criteria_set.group_ids}
    local = {c: 50.0 for c in scenario.criteria_set.criterion_ids}
    weights = weights_from_sliders(scenario, groups, local)
    assert weight_source(weights, editor="sliders").kind == "sliders"
    assert "sliders" in weight_source(weights, editor="sliders").summary
    typed = weight_source(weights)
    assert typed.kind == "given"
    assert "scenario file" in typed.summary


def test_ahp_weights_bring_their_judgments_and_consistency() -> None:
    """The judgments are the scenario's own (kemerovo_clusters_ahp.yaml: critical mass vs
    infrastructure 2, participants vs employees 2), and the CR is each matrix's."""
    weights = resolve_weights(load_scenario(KEMEROVO_AHP))
    source = weight_source(weights)
    assert source.kind == "ahp"
    assert source.judgments is not None
    assert source.consistency is not None
    j = source.judgments.set_index(["matrix", "row", "column"])["judgment"]
    assert j[("critical_mass", "participants", "employees")] == pytest.approx(2.0)
    assert j[("groups", "infrastructure", "critical_mass")] == pytest.approx(0.5)
    assert len(source.judgments) == 10 + 1  # 5 groups: 10 pairs; 2 criteria: 1 pair
    cr = source.consistency.set_index("matrix")["CR"]
    assert cr["groups"] == pytest.approx(weights.ahp["groups"].result.cr)
    assert source.consistency["acceptable"].all()
    assert re.search(r"AHP pairwise judgments \(eigenvector\), CR 0\.00\d ≤ 0\.10", source.summary)
    assert source.settings["derivation"] == "eigenvector"


def test_inconsistent_ahp_judgments_say_so() -> None:
    from clusterrank.analysis.weights import weights_from_ahp
    from clusterrank.criteria.models.ahp_file import JudgmentBlock

    scenario = load_scenario(KEMEROVO)
    a, b, c, d, e = scenario.criteria_set.group_ids
    block = JudgmentBlock(
        judgments=((a, b, 9.0), (b, c, 9.0), (a, c, 1 / 9), (c, d, 1.0), (d, e, 1.0))
    )
    source = weight_source(weights_from_ahp(scenario, block, {}))
    assert "> 0.10" in source.summary
    assert "revise" in source.summary
    assert source.consistency is not None
    assert not source.consistency["acceptable"].all()


def test_objective_weights_name_their_method() -> None:
    scenario = load_scenario(KEMEROVO)
    source = weight_source(weights_from_data(scenario, decision_matrix(scenario), "critic"))
    assert source.kind == "objective"
    assert "critic" in source.summary
    assert source.judgments is None


def test_a_panel_names_round_aggregation_and_consensus() -> None:
    weights = resolve_weights(load_scenario(KEMEROVO_AHP))
    label = panel_label(PAYLOAD)
    assert label == (
        "panel «Пилотные кластеры» (p7), round 2, AIJ, consensus: lowest S* 0.78 "
        "(critical_mass), Kendall's W 0.62"
    )
    source = weight_source(weights, panel=label)
    assert source.kind == "panel"
    assert source.summary.startswith("Expert panel: panel «Пилотные кластеры» (p7), round 2")
    assert "; applied as: AHP pairwise judgments" in source.summary
    assert source.judgments is not None  # an AIJ panel's judgments are still shown
    assert source.settings["panel"] == label
    assert {source.kind, "given", "sliders", "ahp", "objective"} <= set(KINDS)


def test_panel_label_without_consensus_figures_and_illustrative() -> None:
    label = panel_label({"panel": "p1", "round": 1, "aggregation": "aip", "illustrative": True})
    assert label == "panel p1, round 1, AIP, ILLUSTRATIVE answers"


# ---- figure sources --------------------------------------------------------------------------


def test_kemerovo_figures_carry_the_sidecar_sources_and_the_imputed_cells() -> None:
    """configs/data/kemerovo_clusters.sources.csv cites every cell; 9 of 30 are imputed (the
    data README: "Missing cells (9 of 30)")."""
    scenario = load_scenario(KEMEROVO)
    matrix = decision_matrix(scenario)
    frame = figure_sources(scenario, matrix)
    assert tuple(frame.columns) == FIGURE_COLUMNS
    assert len(frame) == 30
    assert (frame["status"] == "imputed").sum() == 9
    assert (frame["status"] == "reported").sum() == 21
    coal = frame.set_index(["candidate", "criterion"]).loc[("coal", "investment")]
    assert coal["name"] == "«Комплексная переработка угля и техногенных отходов»"
    assert "paragraph on the coal cluster" in coal["source"]
    assert coal["value"] == pytest.approx(3922.6)
    assert coal["note"].startswith("3922.6 = 2061.8 + 1860.8")
    imputed = frame[frame["status"] == "imputed"]
    assert imputed["note"].str.startswith("Missing").all()
    i, j = map(int, np.argwhere(matrix.imputed)[0])
    row = frame[(frame["candidate"] == matrix.candidates[i])]
    assert row.iloc[j]["status"] == "imputed"


SIDECAR = """\
column,candidate_id,source,note
*,*,general source,general note
participants,*,participants column source,
participants,coal,coal participants source,coal note
"""

TAIL = """\
data:
  file: data/data.csv
  provenance:
    participants: {source: provenance of participants}
    employees: {source: provenance of employees}
    gap: {source: invented gap figures, illustrative: true}
  values:
    tour: {employees: 1234}
"""


def _tmp_scenario(folder: Path, sidecar: str | None) -> Path:
    write = partial(write_file, folder)
    path = write_scenario(write)
    text = path.read_text(encoding="utf-8").replace("data:\n  file: data/data.csv\n", TAIL)
    path.write_text(text, encoding="utf-8")
    if sidecar is not None:
        write("data/data.sources.csv", sidecar)
    return path


def test_a_cell_takes_the_most_specific_source(tmp_path: Path) -> None:
    """Sidecar (column, candidate) > (column, *) > data.provenance > sidecar (*, *) >
    the criterion's own source; an inline figure takes the key's provenance."""
    scenario = load_scenario(_tmp_scenario(tmp_path, SIDECAR))
    assert sidecar_path(str(scenario.data.file)).name == "data.sources.csv"
    frame = figure_sources(scenario, decision_matrix(scenario)).set_index(
        ["candidate", "criterion"]
    )
    assert frame.loc[("coal", "participants"), "source"] == "coal participants source"
    assert frame.loc[("coal", "participants"), "note"] == "coal note"
    assert frame.loc[("bio", "participants"), "source"] == "participants column source"
    assert frame.loc[("bio", "participants"), "name"] == "Биомедицинский"
    assert frame.loc[("bio", "distance"), "source"] == "general source"
    # mass reads employees and gap: both keys' sources, joined once each
    assert frame.loc[("bio", "mass"), "source"] == (
        "provenance of employees | invented gap figures"
    )
    assert frame.loc[("tour", "mass"), "source"].startswith("provenance of employees")
    assert frame.loc[("bio", "mass"), "status"] == "illustrative"
    assert frame.loc[("bio", "participants"), "status"] == "reported"


def test_without_a_sidecar_the_provenance_then_the_criterion_source(tmp_path: Path) -> None:
    scenario = load_scenario(_tmp_scenario(tmp_path, None))
    frame = figure_sources(scenario, decision_matrix(scenario)).set_index(
        ["candidate", "criterion"]
    )
    assert frame.loc[("coal", "participants"), "source"] == "provenance of participants"
    assert frame.loc[("coal", "distance"), "source"] == "no source given"
    assert (frame["note"] == "").all()


def test_an_unreadable_sidecar_is_said_not_fatal(tmp_path: Path) -> None:
    scenario = load_scenario(_tmp_scenario(tmp_path, 'column,candidate_id\n"a,b\n'))
    frame = figure_sources(scenario, decision_matrix(scenario))
    assert frame["note"].str.contains("data.sources.csv").all()
    assert frame.iloc[0]["source"] == "provenance of participants"


def test_a_sidecar_without_its_columns_is_ignored_with_a_note(tmp_path: Path) -> None:
    scenario = load_scenario(_tmp_scenario(tmp_path, "a,b\n1,2\n"))
    frame = figure_sources(scenario, decision_matrix(scenario))
    assert frame["note"].str.contains("lacks the columns").all()


# ---- stamp, hash, file name -----------------------------------------------------------------


def test_export_stamp_is_utc_and_names_the_version() -> None:
    moment = datetime(2026, 3, 1, 14, 5, 9, 123, tzinfo=timezone(timedelta(hours=7)))
    assert export_stamp(moment) == {
        "exported": "2026-03-01T07:05:09+00:00",
        "clusterrank": clusterrank.__version__,
    }
    now = datetime.fromisoformat(export_stamp()["exported"])
    assert now.tzinfo is not None
    assert abs((datetime.now(UTC) - now).total_seconds()) < 60


def test_scenario_hash_is_short_stable_and_path_independent(tmp_path: Path) -> None:
    """The same files in another folder hash the same; a changed figure changes the hash."""
    one = load_scenario(_tmp_scenario(tmp_path / "one", None))
    digest = scenario_hash(one, decision_matrix(one))
    assert re.fullmatch(r"[0-9a-f]{12}", digest)
    shutil.copytree(tmp_path / "one", tmp_path / "two")
    two = load_scenario(tmp_path / "two" / "scenario.yaml")
    assert scenario_hash(two, decision_matrix(two)) == digest
    data = tmp_path / "two" / "data" / "data.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("70,", "71,"), encoding="utf-8")
    changed = load_scenario(tmp_path / "two" / "scenario.yaml")
    assert scenario_hash(changed, decision_matrix(changed)) != digest
    kem = load_scenario(KEMEROVO)
    assert scenario_hash(kem, decision_matrix(kem)) != digest


def test_export_file_name_cannot_be_a_scenario_name() -> None:
    day = date(2026, 3, 1)
    assert (
        export_file_name("kemerovo_clusters", "topsis", "xlsx", day=day)
        == "clusterrank-report_kemerovo_clusters_topsis_2026-03-01.xlsx"
    )
    odd = export_file_name("a b/../c", "", ".csv", kind="sensitivity", day=day)
    assert odd == "clusterrank-sensitivity_a-b-..-c_x_2026-03-01.csv"
    shipped = {p.stem for p in SCENARIOS.glob("*.yaml")}
    assert not any(export_file_name(s, "topsis", "xlsx").startswith(s) for s in shipped)
