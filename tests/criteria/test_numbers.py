"""The one rule for numbers in data files (criteria.numbers)."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from clusterrank.criteria.numbers import (
    MAX_CELL_PROBLEMS,
    NumberRule,
    Unreadable,
    cell_text,
    read_cell,
    read_numbers,
    read_text,
)


def place(column: str, i: int) -> str:
    return f"row {i}, column {column}"


@pytest.mark.parametrize(
    ("text", "point", "comma"),
    [
        ("1200", 1200.0, 1200.0),
        ("-3.5", -3.5, None),
        ("\u22123.5", -3.5, None),  # a typographic minus
        ("0.125", 0.125, None),  # a thousands group never starts with 0
        ("1e5", 1e5, 1e5),
        ("1.5e-3", 1.5e-3, None),
        ("2100,5", None, 2100.5),
        ("12,34", None, 12.34),
        ("1 200", 1200.0, 1200.0),
        ("1\u00a0200", 1200.0, 1200.0),
        ("1\u202f234\u202f567", 1234567.0, 1234567.0),
        ("1.234,5", None, 1234.5),
        ("1,234.5", 1234.5, None),
        ("1,234,567", 1234567.0, None),
        ("1.234.567", None, 1234567.0),
        ("1 234,5", None, 1234.5),
        ("1,200", 1200.0, 1.2),
        ("1.200", 1.2, 1200.0),
        ("12.345", 12.345, 12345.0),
        ("1234.567", 1234.567, None),  # a first group has at most three digits
    ],
)
def test_readings(text: str, point: float | None, comma: float | None) -> None:
    r = read_text(text)
    assert (r.point, r.comma, r.error) == (point, comma, "")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("1_000", "is not a number: write it without '_' (e.g. 1000)"),
        ("inf", "is not a finite number; write a finite number"),
        ("-Infinity", "is not a finite number; write a finite number"),
        ("nan", "is not a finite number; write a finite number"),
        ("1e999", "is not a finite number; write a finite number"),
        ("9" * 400, "is not a finite number; write a finite number"),
        ("abc", "is not a number"),
        ("--1", "is not a number"),
        ("1,2,3", "is not a number"),
        ("5%", "is not a number"),
    ],
)
def test_refusals(text: str, error: str) -> None:
    """The reason is kept in English with the cell's place-holder; it is translated when shown."""
    assert read_text(text).error == "{cell} " + error


def test_spreadsheet_cells() -> None:
    assert read_cell(3).point == 3.0
    assert read_cell(10**400).error.startswith("{cell} is not a finite number")
    assert read_cell(True).error == "{cell} is true/false, not a number"
    assert read_cell(dt.datetime(2020, 1, 1)).error == "{cell} is a date or time, not a number"
    assert read_cell(None).missing
    assert read_cell(None, frozenset()).error == "{cell} is empty"
    assert read_cell(Unreadable("is a formula")).error == "is a formula"
    assert read_cell("NA").missing
    assert read_cell("n/a").missing


def test_ids_are_text() -> None:
    assert cell_text("001") == "001"
    assert cell_text(1.0) == "1"
    assert cell_text(7) == "7"
    assert cell_text(1.5) == "1.5"
    assert cell_text(None) == ""
    assert cell_text(math.nan) == ""


def test_ambiguous_cell_is_refused_without_evidence() -> None:
    got = read_numbers("f.csv", {"x": ["1,200", "7"]}, place)
    (problem,) = got.problems
    assert (problem.column, problem.row) == ("x", 0)
    assert problem.message.startswith(
        "'1,200' is ambiguous: 1200 with thousands grouped, or 1.2 with a decimal mark"
    )
    assert np.isnan(got.by_column["x"][0])
    assert got.by_column["x"][1] == 7.0


@pytest.mark.parametrize(
    ("rule", "evidence", "value", "why"),
    [
        (NumberRule(decimal="."), "7", 1200.0, "as stated"),
        (NumberRule(decimal=","), "7", 1.2, "as stated"),
        (NumberRule(), "2.5", 1200.0, "as in '2.5', row 1, column y"),
        (NumberRule(), "0,5", 1.2, "as in '0,5', row 1, column y"),
        (NumberRule(separator=";"), "7", 1.2, "the file is ';'-separated"),
        (NumberRule(separator=";"), "2.5", 1200.0, "as in '2.5', row 1, column y"),
    ],
)
def test_the_file_rule_settles_ambiguity(
    rule: NumberRule, evidence: str, value: float, why: str
) -> None:
    """Stated, shown by another cell of the file, or implied by a ';'-separated CSV."""
    got = read_numbers("f.csv", {"x": ["1,200", "3"], "y": ["4", evidence]}, place, rule)
    assert got.problems == []
    assert got.by_column["x"][0] == value
    (note,) = got.notes
    assert note.startswith("f.csv: numbers read with a decimal")
    assert f"({why})" in note
    assert f"'1,200' (row 0, column x) is {value:g}" in note


def test_plain_numbers_need_no_note() -> None:
    got = read_numbers("f.csv", {"x": ["1", "2.5", "-3e2", ""]}, place)
    assert got.notes == []
    np.testing.assert_array_equal(got.by_column["x"], [1, 2.5, -300, np.nan])


def test_mixed_decimal_marks_are_refused() -> None:
    got = read_numbers("f.csv", {"x": ["2.5", "3"], "y": ["1", "2100,5"]}, place)
    assert got.file_problem == (
        "the numbers mix a decimal point ('2.5', row 0, column x) and a decimal comma "
        "('2100,5', row 1, column y); write every number the same way"
    )


def test_a_cell_against_the_stated_mark_is_refused() -> None:
    got = read_numbers("f.csv", {"x": ["2.5"]}, place, NumberRule(decimal=","))
    (problem,) = got.problems
    assert problem.message == (
        "'2.5' does not fit the decimal comma the file uses (as stated); write it the same way"
    )


def test_fractions() -> None:
    got = read_numbers(
        "p.csv",
        {"x": ["1/3", "2", "", "1/0", "1/2/3"]},
        place,
        missing=frozenset({""}),
        fractions=True,
    )
    assert got.by_column["x"][0] == pytest.approx(1 / 3)
    assert np.isnan(got.by_column["x"][2])
    assert [p.message for p in got.problems] == [
        "'1/0' divides by zero; write a fraction like 1/3",
        "'1/2/3' is not a number or a fraction like 1/3",
    ]


def test_problems_are_capped_and_counted() -> None:
    got = read_numbers("f.csv", {"x": ["abc"] * (MAX_CELL_PROBLEMS + 5)}, place)
    assert len(got.problems) == MAX_CELL_PROBLEMS
    assert got.omitted == 5
    assert got.omitted_message().startswith("5 more cells cannot be read as numbers")


def test_a_long_cell_is_shortened_in_messages() -> None:
    got = read_numbers("f.csv", {"x": ["a" * 5000]}, place)
    assert got.problems[0].message.startswith(
        "'aaaaaaaaaaaaaaaaaaaa'... (5,000 characters) is not a number;"
    )


@pytest.mark.parametrize("mark", ["", "NA", "n/a", "н/д", "Н/Д", "нет данных", "-", "—", "–"])
def test_no_data_marks_are_missing_in_every_data_file(mark: str) -> None:
    """One rule for scenario data, plain matrices and imports: these marks mean 'no figure'."""
    reading = read_cell(f" {mark} ")
    assert reading.missing
    assert reading.point is not None
    assert math.isnan(reading.point)
