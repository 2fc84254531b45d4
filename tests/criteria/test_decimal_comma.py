"""The decimal comma is read wherever data is read: scenario data (CSV and XLSX), region ×
sector tables, printed regional figures, coefficient tables, panel answer imports and
``--matrix`` files; an ambiguous ``1,200`` is refused with a message saying how to state
the separator. The rule: ``docs/file-formats.md``, "Numbers in data files"."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from clusterrank.analysis.regional_coefficients import read_indicators
from clusterrank.criteria import decision_matrix, load_scenario
from clusterrank.criteria.data_sources import read_data
from clusterrank.criteria.numbers import read_column
from clusterrank.criteria.plain_matrix import read_matrix_csv
from clusterrank.criteria.regional import read_region_sector_table
from clusterrank.errors import ValidationFailed
from clusterrank.panel.answers_file import read_answers
from clusterrank.panel.questionnaire import build_questionnaire
from tests.helpers.criteria import Writer
from tests.panel.factory import KEMEROVO

Make = Callable[..., Path]
SEMICOLON_DATA = """\
candidate_id;participants;distance_km;employees;gap;strategy
coal;70;10,5;8000;2,25;7
bio;59;30;22000,75;4;5
tour;97;20;1000;1;8
"""


def _matrix_column(path: Path, key: str) -> list[float]:
    scenario = load_scenario(path)
    data = read_data(scenario.data, scenario.candidate_ids, scenario.criteria_set.data_keys)
    return [float(x) for x in data[key]]


def test_scenario_data_csv_with_decimal_comma(scenario_files: Make) -> None:
    """A ';'-separated data CSV with 10,5 and 22000,75 is read as 10.5 and 22000.75."""
    path = scenario_files(csv=SEMICOLON_DATA)
    assert _matrix_column(path, "distance_km") == [10.5, 30.0, 20.0]
    assert _matrix_column(path, "employees") == [8000.0, 22000.75, 1000.0]
    notes = decision_matrix(load_scenario(path)).notes
    assert any("decimal comma" in n and "data.csv" in n for n in notes)


def test_scenario_data_xlsx_with_decimal_comma_text(scenario_files: Make) -> None:
    """XLSX cells typed as text with a decimal comma ("2100,5") are read as numbers."""
    path = scenario_files()
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["candidate_id", "participants", "distance_km", "employees", "gap", "strategy"])
    sheet.append(["coal", "2100,5", 10, 8000, 2, 7])
    sheet.append(["bio", 59, "30,25", 22000, 4, 5])
    sheet.append(["tour", 97, 20, 1000, 1, 8])
    book.save(path.parent / "data" / "data.xlsx")
    text = path.read_text(encoding="utf-8").replace("data.csv", "data.xlsx")
    path.write_text(text, encoding="utf-8")
    assert _matrix_column(path, "participants") == [2100.5, 59.0, 97.0]
    assert _matrix_column(path, "distance_km") == [10.0, 30.25, 20.0]


def test_ambiguous_number_says_how_to_state_the_separator(scenario_files: Make) -> None:
    """'1,200' in a quoted ','-file can be 1200 or 1.2: refused, naming data.decimal."""
    data = (
        "candidate_id,participants,distance_km,employees,gap,strategy\n"
        'coal,"1,200",10,8000,2,7\nbio,59,30,22000,4,5\ntour,97,20,1000,1,8\n'
    )
    with pytest.raises(ValidationFailed) as info:
        decision_matrix(load_scenario(scenario_files(csv=data)))
    text = str(info.value)
    assert "'1,200' is ambiguous" in text
    assert "data.decimal: ',' or '.'" in text


def test_region_sector_table_with_decimal_comma() -> None:
    """A ';'-separated region × sector table with decimal commas gives the same grid as '.'."""
    point = "region_id,sector_id,value\nRU,coal,100.5\nRU,farm,300\nKEM,coal,20.25\nKEM,farm,10\n"
    comma = point.replace(",", ";").replace(".", ",")
    a = read_region_sector_table(io.StringIO(point), label="p.csv")
    b = read_region_sector_table(io.StringIO(comma), label="c.csv")
    np.testing.assert_array_equal(a.measure().to_numpy(), b.measure().to_numpy())
    assert b.measure().loc["RU", "coal"] == 100.5


def test_region_sector_table_refuses_mixed_marks() -> None:
    """One column with both 1.5 and 2,5 (quoted) is refused, naming both cells."""
    text = 'region_id,sector_id,value\nRU,coal,1.5\nRU,farm,"2,5"\n'
    with pytest.raises(ValidationFailed) as info:
        read_region_sector_table(io.StringIO(text), label="t.csv")
    assert "mix a decimal point" in str(info.value)


def test_read_column_decides_per_column() -> None:
    """The helper the regional readers use: the ';' separator implies the decimal comma."""
    values, why = read_column(["1,200", "3"], ";")
    assert values.tolist() == [1.2, 3.0]
    assert not why
    values, why = read_column(["1,200", "3"], ",")
    assert np.isnan(values[0])
    assert "is ambiguous" in why[0]
    assert "';'-separated" in why[0]


def test_printed_regional_figures_with_decimal_comma(write: Writer) -> None:
    """Printed LQs in a ';' table ("4,25") feed the scenario key as 4.25."""
    write(
        "criteria/set.yaml",
        "id: s\nsource: tests\ngroups:\n  - id: g\n    criteria:\n"
        "      - {id: lq, direction: benefit, indicators: [{id: lq}]}\n",
    )
    write("data/lq.csv", "region_id;sector_id;lq_printed\nKEM;mining;4,25\nKEM;health;1,04\n")
    path = write(
        "s.yaml",
        "id: s\ncriteria_set: criteria/set.yaml\n"
        "candidates:\n  - {id: coal, region: KEM}\n  - {id: bio, region: KEM}\n"
        "data:\n  regional:\n    - key: lq\n      table: data/lq.csv\n      measure: turnover\n"
        "      indicator: printed\n      column: lq_printed\n"
        "      sectors: {coal: mining, bio: health}\n",
    )
    assert _matrix_column(path, "lq") == [4.25, 1.04]


def test_coefficient_table_with_decimal_comma() -> None:
    """Indicator tables for the coefficients (analysis/regional_coefficients) read 2100,5."""
    text = "region_id;year;indicator_id;value\nKEM;2016;output;2100,5\nKEM;2016;people;2,6\n"
    frame, _name = read_indicators(io.StringIO(text), "c.csv")
    assert frame["value"].tolist() == [2100.5, 2.6]


def test_panel_answers_with_decimal_comma(tmp_path: Path) -> None:
    """A ';'-separated answers file with 0,333 gives the judgment 0.333."""
    path = tmp_path / "answers.csv"
    path.write_text(
        "expert;node;row;column;value\n"
        "e1;groups;infrastructure;critical_mass;0,333\n"
        "e1;groups;sme_share;infrastructure;2,5\n",
        encoding="utf-8",
    )
    q = build_questionnaire(load_scenario(KEMEROVO))
    parsed = read_answers(path, q, {"e1"}, q.item_keys)
    assert [j.value for j in parsed.judgments] == [0.333, 2.5]


def test_plain_matrix_with_decimal_comma(tmp_path: Path) -> None:
    """A ``--matrix`` file: ';'-separated with decimal commas."""
    path = tmp_path / "m.csv"
    path.write_text("candidate;c1;c2\na;1,5;2100,5\nb;3;4\n", encoding="utf-8")
    matrix = read_matrix_csv(path)
    np.testing.assert_array_equal(matrix.values, [[1.5, 2100.5], [3.0, 4.0]])
