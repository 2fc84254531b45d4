"""The import reads real-world file shapes to the right numbers (issue 12, "Tests that must exist").

Each file is generated here; the expected figures are the ones typed into it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from openpyxl import Workbook

from clusterrank.criteria.importing import ImportChoices, plan_import, sheet_names

EXPECTED = {"jobs": [4500.0, 3139.0, 150.0], "investment": [2100.5, np.nan, 1200.0]}


def plan_values(path: Path, **choices: object) -> dict[str, list[float]]:
    plan = plan_import(path, path.name, ImportChoices(**choices))  # type: ignore[arg-type]
    assert plan.problems == []
    assert plan.ids == ["coal_1", "coal_2", "coke"]
    return {k: v.tolist() for k, v in plan.values.items()}


SHAPES = {
    "semicolon_decimal_comma_bom_crlf": (
        "\ufeffName;Investment, mln RUB;Jobs\r\nCoal 1;2100,5;4500\r\nCoal 2;н/д;3139\r\n"
        "Coke;1200;150\r\n"
    ),
    "comma_decimal_point": (
        'Name,"Investment, mln RUB",Jobs\nCoal 1,2100.5,4500\nCoal 2,n/a,3139\nCoke,1200,150\n'
    ),
    "tab_nbsp_thousands": (
        "Name\tInvestment, mln RUB\tJobs\nCoal 1\t2\u00a0100,5\t4\u202f500\nCoal 2\t—\t3 139\n"
        "Coke\t1\u00a0200\t150\n"
    ),
    "dash_and_empty_no_data": (
        "Name;Investment, mln RUB;Jobs\nCoal 1;2100,5;4500\nCoal 2;-;3139\nCoke;1200;150\n"
    ),
}


@pytest.mark.parametrize("name", SHAPES)
def test_csv_shapes_read_to_the_right_numbers(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.csv"
    path.write_bytes(SHAPES[name].encode("utf-8"))
    values = plan_values(path)
    np.testing.assert_allclose(values["investment"], EXPECTED["investment"])
    np.testing.assert_allclose(values["jobs"], EXPECTED["jobs"])


def test_windows_1251_csv_is_read_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "cp.csv"
    path.write_bytes("Название;Рабочие места\nУголь;4500\nКокс;150\n".encode("cp1251"))
    plan = plan_import(path, "cp.csv")
    assert plan.names == ["Уголь", "Кокс"]
    assert plan.ids == ["уголь", "кокс"]
    assert any("Windows-1251" in n for n in plan.notes)


def test_percent_signs_make_a_percent_unit(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("Region;SME share;Unemployment rate\nA;12,5 %;4%\nB;30%;7,25%\n")
    plan = plan_import(path, "p.csv")
    np.testing.assert_allclose(plan.values["sme_share"], [12.5, 30.0])
    units = {i.key: (i.unit, i.direction.value) for i in plan.indicators}
    assert units == {"sme_share": ("%", "benefit"), "unemployment_rate": ("%", "cost")}


def _book(path: Path) -> None:
    """Two sheets; the second has a title row and a header whose upper cells are merged, and a
    column of numbers stored as text."""
    wb = Workbook()
    first = wb.active
    assert first is not None
    first.title = "Notes"
    first.append(["read me"])
    ws = wb.create_sheet("Projects")
    ws.append(["Table 1. Projects of the cluster"])
    ws.merge_cells("A1:D1")
    ws.append(["Project", "Indicators", None, "Year"])
    ws.merge_cells("B2:C2")
    ws.merge_cells("A2:A3")
    ws.merge_cells("D2:D3")
    ws.append([None, "Investment, bn RUB", "Jobs", None])
    ws.append(["Coal 1", 7.5, "4 500", 2020])
    ws.append(["Coal 2", 70, "3139", 2020])
    ws.append(["Coke", 5, "1\u00a0000", 2014])
    wb.save(path)


def test_xlsx_two_sheets_merged_header_numbers_as_text(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    _book(path)
    assert sheet_names(path, "book.xlsx") == ("Notes", "Projects")
    plan = plan_import(path, "book.xlsx", ImportChoices(sheet="Projects"))
    assert plan.problems == []
    assert plan.sniffed.header_rows == 2
    assert [i.column for i in plan.indicators] == [
        "Indicators Investment, bn RUB",
        "Indicators Jobs",
        "Year",
    ]
    assert plan.ids == ["coal_1", "coal_2", "coke"]
    values = list(plan.values.values())
    np.testing.assert_allclose(values[0], [7.5, 70, 5])
    np.testing.assert_allclose(values[1], [4500, 3139, 1000])  # stored as text
    np.testing.assert_allclose(values[2], [2020, 2020, 2014])


def test_cost_words_are_guessed_and_marked(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("Name,Затраты на проект,Debt ratio,Jobs\na,1,2,3\nb,4,5,6\n")
    plan = plan_import(path, "g.csv")
    assert [i.direction.value for i in plan.indicators] == ["cost", "cost", "benefit"]
    assert "затрат" in plan.indicators[0].direction.reason
