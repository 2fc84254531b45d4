"""Hostile candidate names in the decision report: escaped in HTML, neutralised in Excel.

Names from OWASP's CSV-injection examples and an HTML script; ``$\\frac{1}{0}$`` would be
typeset as TeX by a chart library that reads dollar signs as mathtext.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from clusterrank.criteria.loading import load_scenario
from clusterrank.reports.decision.build import decision_report
from clusterrank.reports.decision.formats import render
from clusterrank.reports.decision.model import DecisionReport
from tests.helpers.cli import KEMEROVO

HOSTILE = ("<script>alert(1)</script>", "=cmd|' /C calc'!A0", "$\\frac{1}{0}$")


@pytest.fixture(scope="module")
def hostile() -> DecisionReport:
    scenario = load_scenario(KEMEROVO)
    renamed = tuple(
        c.model_copy(update={"name": HOSTILE[i]}) if i < len(HOSTILE) else c
        for i, c in enumerate(scenario.candidates)
    )
    return decision_report(scenario.model_copy(update={"candidates": renamed}))


def test_html_escapes_every_name(hostile: DecisionReport) -> None:
    html = render(hostile, "html").decode("utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "$\\frac{1}{0}$" in html  # drawn and printed as typed
    assert "=cmd|&#39; /C calc&#39;!A0" in html


def test_the_workbook_neutralises_formula_like_names(hostile: DecisionReport) -> None:
    book = load_workbook(io.BytesIO(render(hostile, "xlsx")))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)  # nothing a spreadsheet would run
    texts = {str(c.value) for c in cells if isinstance(c.value, str)}
    assert "'=cmd|' /C calc'!A0" in texts
    assert "=cmd|' /C calc'!A0" not in texts
