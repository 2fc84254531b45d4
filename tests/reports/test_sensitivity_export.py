"""Sensitivity tables (reports.sensitivity_export): only the analyses run, names beside ids,
each analysis' settings and the ones not run on the settings table."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import openpyxl
import pandas as pd
import pytest

from clusterrank.analysis.provenance import panel_label, weight_source
from clusterrank.analysis.sensitivity import (
    SensitivityInputs,
    run_agreement,
    run_smaa,
    run_stability,
    sensitivity_inputs,
)
from clusterrank.criteria.loading import load_scenario
from clusterrank.reports.sensitivity_export import (
    SensitivityRun,
    sensitivity_csv,
    sensitivity_file_name,
    sensitivity_sheets,
    sensitivity_workbook,
    smaa_frames,
)
from tests.helpers.cli import KEMEROVO

STAMP = {"exported": "2026-03-01T07:05:09+00:00", "clusterrank": "9.9.9"}


@pytest.fixture(scope="module")
def inp() -> SensitivityInputs:
    return sensitivity_inputs(load_scenario(KEMEROVO))


def settings_of(sheets: dict[str, pd.DataFrame], section: str) -> dict[str, str]:
    s = sheets["settings"]
    return dict(
        zip(
            s.loc[s["section"] == section, "setting"],
            s.loc[s["section"] == section, "value"],
            strict=True,
        )
    )


def test_only_the_analyses_run_and_why_the_others_are_not(inp: SensitivityInputs) -> None:
    run = SensitivityRun(
        inp,
        stability=run_stability(inp, top_k=3),
        not_run={"smaa": "still running when exported", "ahp": "one group only"},
    )
    sheets = sensitivity_sheets(run, stamp=STAMP)
    assert list(sheets) == ["stability", "settings"]
    assert settings_of(sheets, "not run") == {
        "SMAA-2": "still running when exported",
        "AHP judgment uncertainty": "one group only",
    }
    assert settings_of(sheets, "export")["clusterrank"] == "9.9.9"
    assert settings_of(sheets, "weight stability intervals")["top_k"] == "3"
    stability = sheets["stability"]
    assert stability.loc[stability["criterion"] == "participants", "title"].iloc[0] == (
        "Number of participant organisations"
    )
    weights = settings_of(sheets, "weights")
    assert weights["from"] == "given"
    assert float(weights["investment"]) == pytest.approx(inp.weights.as_map()["investment"])


def test_settings_carry_smaa_samples_seed_sampling_and_agreement(inp: SensitivityInputs) -> None:
    smaa = run_smaa(inp, n_samples=300, seed=11, sampling="around")
    run = SensitivityRun(inp, smaa=smaa, agreement=run_agreement(inp))
    source = weight_source(inp.weights, panel=panel_label({"panel": "p", "round": 2}))
    sheets = sensitivity_sheets(run, source=source)
    said = settings_of(sheets, "SMAA-2")
    assert (said["n_samples"], said["seed"], said["sampling"]) == ("300", "11", "dirichlet")
    agreement = settings_of(sheets, "method agreement")
    assert agreement["VIKOR: v"] == "0.5"
    assert agreement["correlations"] == "spearman, ws"
    assert settings_of(sheets, "weights")["from"] == "panel"
    notes = sheets["settings"][sheets["settings"]["section"] == "note"]["value"]
    assert any("COPRAS skipped" in n for n in notes)
    book = openpyxl.load_workbook(io.BytesIO(sensitivity_workbook(sheets)))
    assert book.sheetnames == list(sheets)
    text = sensitivity_csv(sheets).decode("utf-8-sig")
    assert text.startswith("[SMAA acceptability]\nid,name,rank 1,")
    assert "\n\n[settings]\nsection,setting,value\n" in text


def test_central_weights_fall_back_to_ids_when_titles_repeat(inp: SensitivityInputs) -> None:
    smaa = run_smaa(inp, n_samples=200, seed=1)
    names = dict(zip(inp.matrix.candidates, inp.matrix.candidate_names, strict=True))
    titled = smaa_frames(smaa, names, {c: "same" for c in smaa.criteria})
    assert list(titled["SMAA central weights"].columns[2:]) == list(smaa.criteria)
    distinct = smaa_frames(smaa, names, {c: c.upper() for c in smaa.criteria})
    assert list(distinct["SMAA central weights"].columns[2:]) == [c.upper() for c in smaa.criteria]


def test_a_formula_like_name_is_neutralised(inp: SensitivityInputs) -> None:
    names = ("=cmd|' /C calc'!A0", "@SUM(1)", *inp.matrix.candidate_names[2:])
    hostile = replace(inp, matrix=replace(inp.matrix, candidate_names=names))
    sheets = sensitivity_sheets(SensitivityRun(hostile, smaa=run_smaa(hostile, n_samples=100)))
    text = sensitivity_csv(sheets).decode("utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in text
    assert "'@SUM(1)" in text
    assert ",=cmd" not in text
    assert ",@SUM" not in text


def test_sensitivity_tables_join_the_ranking_workbook(inp: SensitivityInputs) -> None:
    """The decision report's xlsx: the ranking workbook with the sensitivity tables added."""
    from clusterrank.analysis.ranking import rank_scenario
    from clusterrank.reports.export import workbook

    run = SensitivityRun(inp, stability=run_stability(inp, top_k=3))
    extra = sensitivity_sheets(run, settings_sheet="sensitivity settings")
    report = rank_scenario(inp.scenario, weights=inp.weights, matrix=inp.matrix)
    data = workbook(inp.scenario, inp.matrix, inp.weights, report, extra=extra)
    names = openpyxl.load_workbook(io.BytesIO(data)).sheetnames
    assert names[-3:] == ["stability", "sensitivity settings", "settings"]


def test_file_name() -> None:
    assert (
        sensitivity_file_name("kemerovo_clusters", "topsis", "csv", date(2026, 3, 1))
        == "clusterrank-sensitivity_kemerovo_clusters_topsis_2026-03-01.csv"
    )
