"""The one writer of CSV and Excel cells (reports.cells): formula-like text neutralised,
numbers kept numbers (OWASP, "CSV Injection")."""

from __future__ import annotations

import io
from collections.abc import Mapping

import numpy as np
import openpyxl
import pandas as pd
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from clusterrank.reports.cells import (
    FORMULA_STARTS,
    csv_bytes,
    safe_frame,
    safe_text,
    workbook_bytes,
)


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1", "＝1+1", "-"],
)
def test_safe_text_prefixes_every_formula_start(text: str) -> None:
    assert safe_text(text) == "'" + text


@pytest.mark.parametrize("value", ["coal", "", " =1", "'=1", "a=b", "Угольный кластер"])
def test_safe_text_keeps_text_that_no_spreadsheet_runs(value: str) -> None:
    assert safe_text(value) == value


@pytest.mark.parametrize("value", ["-0.5", "+3", "-1e-3", "-.5", "2"])
def test_safe_text_keeps_plain_numbers_as_text_is_written(value: str) -> None:
    """A text that is entirely a number is read as a number constant, never a formula."""
    assert safe_text(value) == value


@pytest.mark.parametrize("value", [-0.5, -2, np.float64(-1.5), None, True])
def test_safe_text_leaves_non_text_alone(value: object) -> None:
    assert safe_text(value) is value


def test_safe_frame_neutralises_text_and_headers_and_keeps_dtypes() -> None:
    frame = pd.DataFrame(
        {
            "=title": ["=1+1", "coal", None],
            "score": [-0.5, 0.25, -2.0],
            "change": pd.array([-1, None, 2], dtype="Int64"),
            "flag": [True, False, True],
        }
    )
    safe = safe_frame(frame)
    assert list(safe.columns) == ["'=title", "score", "change", "flag"]
    assert safe["'=title"].tolist()[:2] == ["'=1+1", "coal"]
    assert pd.isna(safe["'=title"].iloc[2])
    assert safe.dtypes.tolist()[1:] == frame.dtypes.tolist()[1:]
    assert frame.columns[0] == "=title"  # the caller's frame is not changed


def test_csv_bytes_reads_back_with_numbers_numeric() -> None:
    frame = pd.DataFrame({"name": ["@SUM(A1)", "-2+3"], "score": [-0.5, 1.0]})
    back = pd.read_csv(io.BytesIO(csv_bytes(frame)), encoding="utf-8-sig")
    assert back["name"].tolist() == ["'@SUM(A1)", "'-2+3"]
    assert back["score"].tolist() == [-0.5, 1.0]
    assert csv_bytes(frame).startswith("\ufeff".encode())


def test_workbook_bytes_stores_no_formula_cell() -> None:
    """openpyxl stores any str starting with '=' as a formula; after the prefix none is."""
    frame = pd.DataFrame({"=h": ["=1+1", "+A1"], "score": [-0.5, 2.0]})
    name = "a sheet name longer than thirty-one characters"
    notes: list[str] = []

    def decorate(sheets: Mapping[str, Worksheet]) -> None:
        notes.append(",".join(sheets))
        sheets[name].cell(row=5, column=1, value="x")

    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes({name: frame}, decorate)))
    sheet = book.worksheets[0]
    assert sheet.title == name[:31]
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    assert [c.value for c in sheet["A"]][:3] == ["'=h", "'=1+1", "'+A1"]
    assert [c.value for c in sheet["B"]][1:3] == [-0.5, 2.0]
    assert all(sheet.cell(row=r, column=2).data_type == "n" for r in (2, 3))
    assert notes == [name]
    assert sheet["A5"].value == "x"
    assert sheet["A1"].font.bold
    assert not any(isinstance(c.value, str) and c.value.startswith(FORMULA_STARTS) for c in cells)


def test_safe_frame_neutralises_string_and_categorical_columns() -> None:
    frame = pd.DataFrame(
        {
            "s": pd.array(["=1", "ok"], dtype="string"),
            "c": pd.Categorical(["@x", "ok"]),
        }
    )
    safe = safe_frame(frame)
    assert safe["s"].tolist() == ["'=1", "ok"]
    assert safe["c"].tolist() == ["'@x", "ok"]
