"""A panel's scenario snapshot is self-contained: later edits of its files change nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from clusterrank.criteria import decision_matrix, load_scenario
from clusterrank.criteria.files import FileScope
from clusterrank.panel.snapshot import load_snapshot, snapshot_scenario
from tests.panel.factory import KEMEROVO, REPO


def test_snapshot_holds_the_criteria_set_and_every_figure_inline(tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    (tmp_path / "data").mkdir()
    (tmp_path / "criteria").mkdir()
    folder.mkdir()
    shutil.copy(KEMEROVO, folder / "k.yaml")
    shutil.copy(REPO / "configs/data/kemerovo_clusters.csv", tmp_path / "data")
    shutil.copy(REPO / "configs/criteria/five_groups.yaml", tmp_path / "criteria")
    scope = FileScope.around(tmp_path)
    original = decision_matrix(load_scenario(folder / "k.yaml", scope))
    text, scenario = snapshot_scenario(folder / "k.yaml", scope)
    assert "criteria_set:\n" in text
    assert "file:" not in text
    (tmp_path / "data" / "kemerovo_clusters.csv").write_text("candidate_id\n", encoding="utf-8")
    (tmp_path / "criteria" / "five_groups.yaml").unlink()
    again = decision_matrix(load_snapshot(text))
    np.testing.assert_array_equal(again.values, original.values)
    assert again.candidates == original.candidates
    assert scenario.id == "kemerovo_clusters"


def test_computed_regional_keys_are_inlined() -> None:
    path = REPO / "configs/scenarios/kemerovo_clusters_specialisation.yaml"
    text, scenario = snapshot_scenario(path)
    assert "regional:" not in text
    np.testing.assert_array_equal(
        decision_matrix(scenario).values, decision_matrix(load_scenario(path)).values
    )
