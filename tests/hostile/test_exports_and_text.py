"""Hostile text in users' files: exports that never run formulas, and Markdown shown as text.

Issue 8, "Exports write live formulas": a name or title beginning with ``=``, ``+``, ``-``,
``@`` (tab, CR) was stored as a formula cell in the app's workbook and raw in every CSV.
Issue 8, "Markdown from user files": a description ``![t](http://…/track.png)`` made every
viewer's browser fetch the URL. One scenario carries both kinds of payload; it is written
into ``tmp_path`` and exported through the CLI and the analysis functions, and uploaded to
the app (AppTest).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from clusterrank.analysis.ranking import rank_scenario
from clusterrank.analysis.weights import resolve_weights
from clusterrank.cli import main
from clusterrank.criteria.loading import load_scenario
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.reports.export import ranking_csv, workbook
from clusterrank.reports.regions_view import specialisation_view, tables_csv, tables_workbook
from tests.helpers.ui import APP, TIMEOUT, open_page, shown

HYPERLINK = '=HYPERLINK("http://x","y")'
NAMES = {
    "a": HYPERLINK,
    "b": "+1+1",
    "c": "-2+3",
    "d": "@SUM(A1)",
    "e": "**bold** [link](http://x)",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TRACKER = "![t](http://127.0.0.1:9/track.png)"

CRITERIA = """\
id: hostile_set
title: "=1+1 criteria ![t](http://127.0.0.1:9/set.png)"
source: "@SUM(A1) [source](http://x)"
groups:
  - id: g1
    title: "=HYPERLINK(\\"http://x\\",\\"group\\") **g1**"
    description: "**bold** [link](http://x) ![t](http://127.0.0.1:9/group.png)"
    criteria:
      - id: size
        title: "+size ![t](http://127.0.0.1:9/criterion.png)"
        direction: benefit
        unit: "-u"
        source: "=cmd|' /C calc'!A0 :red[red] $x^2$ :material/home:"
        indicators: [{id: size}]
      - id: balance
        title: balance
        direction: benefit
        indicators: [{id: balance}]
  - id: g2
    title: "@g2 <img src=http://127.0.0.1:9/html.png>"
    criteria:
      - id: cost
        title: cost
        direction: cost
        indicators: [{id: cost}]
"""
DATA = """\
candidate_id,size,balance,cost
a,10,-0.5,3
b,20,-1.5,4
c,15,0.25,2
d,12,-2,5
e,30,1,1
"""


def scenario_text() -> str:
    lines = "".join(f"  - {{id: {i}, name: {yaml_quoted(n)}}}\n" for i, n in NAMES.items())
    return (
        "id: hostile\n"
        'title: "**Hostile** [title](http://x)"\n'
        f"description: {yaml_quoted(TRACKER + ' :red[red] $x$')}\n"
        "criteria_set: set.yaml\n"
        f"candidates:\n{lines}"
        "data:\n"
        "  file: data.csv\n"
    )


def yaml_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The scenario, its criteria set and its data, side by side in ``tmp_path``."""
    (tmp_path / "set.yaml").write_text(CRITERIA, encoding="utf-8")
    (tmp_path / "data.csv").write_text(DATA, encoding="utf-8")
    path = tmp_path / "scenario.yaml"
    path.write_text(scenario_text(), encoding="utf-8")
    return path


def assert_neutral(value: object) -> None:
    """A text cell never starts like a formula: it is prefixed with ``'`` instead."""
    if isinstance(value, str):
        assert not value.startswith(FORMULA_STARTS), repr(value)


def formula_cells(book: openpyxl.Workbook) -> list[str]:
    """Cells stored as formulas, or holding text that starts like one."""
    return [
        f"{sheet.title}!{cell.coordinate}={cell.value!r}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
        or (isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS))
    ]


# --- Exports write live formulas ---------------------------------------------------------


def test_exports_write_live_formulas_not_in_rank_csv_of_cli(
    hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``clusterrank rank --format csv -o``: every formula-like name is prefixed with ``'``
    (the exact text kept after it); the score column stays numeric."""
    out = tmp_path / "ranking.csv"
    assert main(["rank", str(hostile), "--format", "csv", "-o", str(out)]) == 0
    capsys.readouterr()
    frame = pd.read_csv(out, encoding="utf-8-sig", dtype={"id": str})
    names = dict(zip(frame["id"], frame["name"], strict=True))
    for i in "abcd":
        assert names[i] == "'" + NAMES[i]
    assert names["e"] == NAMES["e"]  # no formula start: left exactly as written
    assert pd.api.types.is_float_dtype(frame["score"])
    for column in frame.columns:
        frame[column].map(assert_neutral)


def test_exports_write_live_formulas_not_in_ranking_csv_and_workbook(hostile: Path) -> None:
    """The app's CSV and workbook (reports.export): no formula cell anywhere, formula-like
    names, titles, group titles, units and sources prefixed, negative inputs and rank
    changes still numbers."""
    scenario = load_scenario(hostile)
    matrix = decision_matrix(scenario)
    weights = resolve_weights(scenario)
    report = rank_scenario(scenario, weights=weights, matrix=matrix)
    changes = {"a": -2, "b": 1}
    frame = pd.read_csv(
        io.BytesIO(ranking_csv(report, changes)), encoding="utf-8-sig", dtype={"id": str}
    )
    assert frame.loc[frame["id"] == "a", "name"].item() == "'" + HYPERLINK
    assert frame.loc[frame["id"] == "a", "rank_change"].item() == -2
    book = openpyxl.load_workbook(io.BytesIO(workbook(scenario, matrix, weights, report, changes)))
    assert formula_cells(book) == []
    inputs = book["inputs"]
    headers = [c.value for c in inputs[1]]
    assert any(str(h).startswith("'+size") for h in headers), headers
    balance = headers.index("balance (benefit)") + 1
    column = [inputs.cell(row=r, column=balance) for r in range(2, 7)]
    assert [c.value for c in column] == [-0.5, -1.5, 0.25, -2, 1]
    assert all(c.data_type == "n" for c in column)
    names = [inputs.cell(row=r, column=2).value for r in range(2, 7)]
    assert names[:4] == ["'" + NAMES[i] for i in "abcd"]
    criteria = pd.read_excel(
        io.BytesIO(workbook(scenario, matrix, weights, report)), "criteria and weights"
    )
    size = criteria[criteria["criterion"] == "size"].iloc[0]
    assert size["unit"] == "'-u"
    assert size["source"].startswith("'=cmd|")
    assert size["group"].startswith("'=HYPERLINK(")
    results = book["results"]
    moved = [r for r in results.iter_rows(min_row=2, values_only=True) if r[1] == "a"]
    assert moved[0][4] == -2  # rank_change of a: a number, not text


def test_exports_write_live_formulas_not_in_regions_csv_of_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``clusterrank regions specialisation --format csv``: formula-like region and sector
    ids are prefixed in cells and headers; the LQs stay numbers."""
    data = tmp_path / "regions.csv"
    data.write_text(
        "region_id,sector_id,value\n=1+1,@s,10\n=1+1,b,20\nr2,@s,5\nr2,b,30\n", encoding="utf-8"
    )
    for table in ("lq", "hhi"):
        out = tmp_path / f"{table}.csv"
        args = ["regions", "specialisation", str(data), "--format", "csv", "--table", table]
        assert main([*args, "--rule-set", "none", "-o", str(out)]) == 0
        capsys.readouterr()
        frame = pd.read_csv(out, encoding="utf-8-sig")
        assert frame["region_id"].tolist() == ["'=1+1", "r2"]
        if table == "lq":
            assert list(frame.columns)[:3] == ["region_id", "'@s", "b"]
            assert pd.api.types.is_float_dtype(frame["'@s"])
        for column in frame.columns:
            assert_neutral(column)
            frame[column].map(assert_neutral)


def test_exports_write_live_formulas_not_in_regions_tables(tmp_path: Path) -> None:
    """The Regions page's CSV and workbook (reports.regions_view): one writer, neutralised."""
    text = (
        "region_id,region_name,sector_id,value\n"
        '=1+1,"=HYPERLINK(""http://x"",""r"")",@s,10\n'
        '=1+1,"=HYPERLINK(""http://x"",""r"")",b,20\n'
        "r2,-two,@s,5\nr2,-two,b,30\n"
    )
    view = specialisation_view(text, "=regions.csv", rule_sets=[])
    lq = pd.read_csv(io.BytesIO(tables_csv(view.lq_long)), encoding="utf-8-sig")
    assert set(lq["region"]) == {"'" + '=HYPERLINK("http://x","r")', "'-two"}
    assert pd.api.types.is_float_dtype(lq["lq"])
    book = openpyxl.load_workbook(io.BytesIO(tables_workbook(view.sheets())))
    assert formula_cells(book) == []
    settings = book["settings and notes"]
    assert "'=regions.csv" in [c.value for c in settings["C"]]


# --- Markdown from user files --------------------------------------------------------------

# Unescaped forms of the payloads: any of them in Markdown sent to the browser would render.
UNESCAPED = re.compile(r"(?<!\\)(?:!\[|\]\(|\*\*bold|\*\*Hostile|:red\[|\$x|:material/home|<img)")
TEXT_TYPES = {"markdown", "caption", "header", "subheader", "title", "error", "warning", "info"}


def markdown_sent(at: AppTest) -> Iterator[str]:
    """Every string the page sends to be rendered as Markdown: text elements' bodies and
    widgets' labels, help tooltips and select-slider / radio options."""

    def walk(node: Any) -> Iterator[Any]:
        yield node
        for child in getattr(node, "children", {}).values():
            yield from walk(child)

    for root in (at.main, at.sidebar):
        for node in walk(root):
            kind = getattr(node, "type", "")
            if kind in TEXT_TYPES or type(node).__name__ in {"Caption", "Alert"}:
                yield str(node.value)
            for attr in ("label", "help"):
                value = getattr(node, attr, None)
                if isinstance(value, str):
                    yield value
            if kind in {"select_slider", "radio"}:
                yield from (str(o) for o in node.options)


def upload(at: AppTest, hostile: Path) -> AppTest:
    folder = hostile.parent
    for key, name, mime in (
        ("scenario__upload_yaml", "scenario.yaml", "application/x-yaml"),
        ("scenario__upload_data", "data.csv", "text/csv"),
        ("scenario__upload_criteria", "set.yaml", "application/x-yaml"),
    ):
        at.file_uploader(key=key).set_value((name, (folder / name).read_bytes(), mime))
    at.button(key="scenario__load_upload").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_markdown_from_user_files_is_shown_as_plain_text(hostile: Path) -> None:
    """Uploaded: the description with a tracking image, a candidate named with bold and a
    link, group and criterion titles with images, sources with colours, LaTeX and icons.
    On every page, no Markdown sent to the browser holds an unescaped payload, and the
    payloads are still shown, character for character."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    open_page(at, "scenario")
    upload(at, hostile)
    assert not at.error, [e.value for e in at.error]
    seen: list[str] = []
    for page in ("scenario", "ranking", "weights", "export"):
        open_page(at, page)
        sent = list(markdown_sent(at))
        bad = [s for s in sent if UNESCAPED.search(s)]
        assert bad == [], (page, bad)
        seen += sent
    page_text = "\n".join(shown(s) for s in seen)
    assert TRACKER in page_text  # the description, shown as the characters it is
    assert NAMES["e"] in page_text  # the candidate's name on the Ranking page's cards
    assert "**Hostile** [title](http://x)" in page_text
    assert "=cmd|' /C calc'!A0 :red[red] $x^2$ :material/home:" in page_text


def test_markdown_from_user_files_is_plain_in_problem_messages(tmp_path: Path) -> None:
    """A rejected upload quoting the user's value (an image link as ``missing_data``) shows
    it escaped, not as an image."""
    broken = scenario_text().replace("data:\n", f"missing_data: {yaml_quoted(TRACKER)}\ndata:\n")
    path = tmp_path / "scenario.yaml"
    path.write_text(broken, encoding="utf-8")
    (tmp_path / "set.yaml").write_text(CRITERIA, encoding="utf-8")
    (tmp_path / "data.csv").write_text(DATA, encoding="utf-8")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    open_page(at, "scenario")
    upload(at, path)
    errors = [e.value for e in at.error]
    assert len(errors) >= 2, errors
    assert any("missing_data" in shown(e) and TRACKER in shown(e) for e in errors), errors
    assert [e for e in errors if UNESCAPED.search(e)] == []
