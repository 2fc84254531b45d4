"""The Export page's workbook under AppTest: named as a report, never as a scenario, and saying
which weight editor made the weights (sliders, or AHP judgments with their CR)."""

from __future__ import annotations

import io
import re
from typing import Any

import openpyxl
import pandas as pd
import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.media_file_storage import MediaFileStorageError
from streamlit.testing.v1 import AppTest

from clusterrank.reports.export import AHP_SHEETS, SHEETS
from tests.helpers.ui import open_page, texts

DATE = r"\d{4}-\d\d-\d\d"


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> list[MediaFileManager]:
    """Every media-file manager AppTest creates, so a download's bytes can be read."""
    made: list[MediaFileManager] = []

    class Recording(MediaFileManager):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(app_test_module, "MediaFileManager", Recording)
    return made


def downloaded(at: AppTest, key: str, media: list[MediaFileManager]) -> tuple[str, bytes]:
    """The file name and bytes behind a download button (deferred or not)."""
    proto = at.download_button(key=key).proto
    for manager in reversed(media):
        url = proto.url
        if proto.deferred_file_id:
            try:
                url = manager.execute_deferred(proto.deferred_file_id)
            except MediaFileStorageError:
                continue
        found = manager.read_file(url.rsplit("/", 1)[-1].split(".")[0])
        if found is not None:
            return str(found.filename), bytes(found.content)
    raise AssertionError(f"no media file for {key}")


def test_workbook_and_csv_are_named_as_exports_with_the_sliders_named(
    app: AppTest, media: list[MediaFileManager]
) -> None:
    at = open_page(app, "export")
    name, data = downloaded(at, "export__xlsx", media)
    assert re.fullmatch(rf"clusterrank-report_kemerovo_clusters_topsis_{DATE}\.xlsx", name)
    assert tuple(openpyxl.load_workbook(io.BytesIO(data)).sheetnames) == SHEETS
    source = pd.read_excel(io.BytesIO(data), "weight source").set_index("setting")["value"]
    assert source["weights from"] == "sliders"
    csv_name, csv = downloaded(at, "export__csv", media)
    assert re.fullmatch(rf"clusterrank-ranking_kemerovo_clusters_topsis_{DATE}\.csv", csv_name)
    assert csv.decode("utf-8-sig").startswith("rank,id,name,score,")
    assert "Weights: Weights set on the sliders of the Weights page." in texts(at)


def test_ahp_editor_brings_its_judgments_into_the_workbook(
    app: AppTest, media: list[MediaFileManager]
) -> None:
    at = open_page(app, "weights")
    at.segmented_control(key="weight_mode__pick").set_value("ahp").run()
    at = open_page(at, "export")
    _, data = downloaded(at, "export__xlsx", media)
    names = tuple(openpyxl.load_workbook(io.BytesIO(data)).sheetnames)
    assert set(AHP_SHEETS) <= set(names)
    source = pd.read_excel(io.BytesIO(data), "weight source").set_index("setting")["value"]
    assert source["weights from"] == "ahp"
    assert re.search(r"CR \d\.\d{3} (≤|>) 0\.10", source["in words"])
    assert "AHP judgments" in texts(at)
