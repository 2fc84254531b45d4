"""The Sensitivity page's downloads under AppTest: the results on the page as CSV and Excel,
with the page's SMAA numbers, the settings (samples, seed, sampling) and the weight editor, in
files named so they cannot be taken for a scenario."""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.media_file_storage import MediaFileStorageError
from streamlit.testing.v1 import AppTest

import clusterrank.analysis.sensitivity as sensitivity
import clusterrank.ui.widgets.sensitivity_runs as runs
from clusterrank.criteria.loading import load_scenario
from tests.helpers.ui import ROOT, open_page, texts

KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"
NAME = r"clusterrank-sensitivity_kemerovo_clusters_topsis_\d{4}-\d\d-\d\d\."


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> list[MediaFileManager]:
    """Every media-file manager AppTest creates, so a deferred download can be run."""
    made: list[MediaFileManager] = []

    class Recording(MediaFileManager):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(app_test_module, "MediaFileManager", Recording)
    return made


def clicked(at: AppTest, key: str, media: list[MediaFileManager]) -> tuple[str, bytes]:
    """The file name and bytes a click on the (deferred) download button ``key`` gives."""
    file_id = at.download_button(key=key).proto.deferred_file_id
    for manager in reversed(media):
        try:
            url = manager.execute_deferred(file_id)
        except MediaFileStorageError:
            continue
        found = manager.read_file(url.rsplit("/", 1)[-1].split(".")[0])
        assert found is not None, url
        return str(found.filename), bytes(found.content)
    raise AssertionError(f"no deferred file {file_id} for {key}")


@pytest.fixture
def page(app: AppTest, media: list[MediaFileManager]) -> Iterator[AppTest]:
    at = open_page(app, "sensitivity")
    yield at
    job = at.session_state.get(runs.JOB) if runs.JOB in at.session_state else None
    if isinstance(job, runs.SMAAJob):  # never leave a run going after a test
        job.stop()
        assert job.wait(30)


def finished(at: AppTest) -> AppTest:
    """The page redrawn once its SMAA run has ended (so the download includes it)."""
    job = at.session_state[runs.JOB]
    assert job.wait(120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_excel_download_holds_the_page_results_and_settings(
    page: AppTest, media: list[MediaFileManager]
) -> None:
    """The SMAA table equals the analysis layer's run with the page's settings (5,000
    samples, seed 0, around the weights in use); the settings sheet says so, and that the
    sliders made the weights."""
    at = finished(page)
    assert at.download_button(key="sens__download_xlsx").label == "Sensitivity (Excel)"
    name, data = clicked(at, "sens__download_xlsx", media)
    assert re.fullmatch(NAME + "xlsx", name)
    book = openpyxl.load_workbook(io.BytesIO(data))
    expected = {"stability", "SMAA acceptability", "method agreement", "AHP uncertainty"}
    assert expected <= set(book.sheetnames)
    assert book.sheetnames[-1] == "settings"
    settings = pd.read_excel(io.BytesIO(data), "settings", dtype=str)
    smaa_set = settings[settings["section"] == "SMAA-2"].set_index("setting")["value"]
    assert (smaa_set["n_samples"], smaa_set["seed"], smaa_set["sampling"]) == (
        "5000",
        "0",
        "dirichlet",
    )
    weights = settings[settings["section"] == "weights"].set_index("setting")["value"]
    assert weights["from"] == "sliders"
    inp = sensitivity.sensitivity_inputs(load_scenario(KEMEROVO))
    smaa = sensitivity.run_smaa(inp, n_samples=5_000, seed=0, sampling="around")
    confidence = pd.read_excel(io.BytesIO(data), "SMAA confidence").set_index("id")
    np.testing.assert_allclose(
        confidence.loc[list(smaa.candidates), "first_rank_acceptability"],
        smaa.acceptability[:, 0],
        atol=1e-12,
    )
    assert "Included: weight stability intervals, SMAA-2, method agreement" in texts(at)


def test_csv_download_is_one_file_of_sections(page: AppTest, media: list[MediaFileManager]) -> None:
    at = finished(page)
    name, data = clicked(at, "sens__download_csv", media)
    assert re.fullmatch(NAME + "csv", name)
    text = data.decode("utf-8-sig")
    assert text.startswith("[stability]\ncriterion,title,")
    assert "\n[SMAA acceptability]\nid,name,rank 1," in text
    assert "«Комплексная переработка угля и техногенных отходов»" in text
    assert "\n[settings]\nsection,setting,value\n" in text


def test_a_run_still_going_is_said_and_left_out(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An SMAA run not finished when the page is drawn is named as left out (the others are
    still offered)."""
    release = threading.Event()
    real = runs.run_smaa

    def slow(*args: Any, **kwargs: Any) -> Any:
        release.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(runs, "run_smaa", slow)
    try:
        at = open_page(app, "sensitivity")
        assert "Not included — SMAA-2: still running" in texts(at)
        assert "Included: weight stability intervals, method agreement" in texts(at)
        assert at.download_button(key="sens__download_csv").label == "Sensitivity (CSV)"
    finally:
        release.set()
    assert at.session_state[runs.JOB].wait(60)
