"""Reading region × sector tables: both layouts, and the bad-input catalogue with messages."""

from __future__ import annotations

import io

import numpy as np
import pytest

from clusterrank.criteria.regional import read_region_sector_table
from clusterrank.errors import ValidationFailed

LONG = """# comment line: source of the figures
region_id,region_name,sector_id,sector_name,measure,value,unit
RU,Russia,mining,Добыча,turnover,100,bn RUB
RU,Russia,manuf,Обработка,turnover,300,bn RUB
KEM,Kemerovo,mining,Добыча,turnover,20,bn RUB
KEM,Kemerovo,manuf,Обработка,turnover,10,bn RUB
"""

WIDE = """region_id,region_name,unit,mining,manuf
RU,Russia,persons,100,300
KEM,Kemerovo,persons,20,10
"""


def _read(text: str, **kw: object) -> object:
    return read_region_sector_table(io.StringIO(text), label="t.csv", **kw)  # type: ignore[arg-type]


def _fails(text: str, **kw: object) -> str:
    with pytest.raises(ValidationFailed) as info:
        _read(text, **kw)
    return str(info.value)


def test_long_and_wide_layouts_give_the_same_grid() -> None:
    """A long file and a wide file with the same figures give the same grid, names and unit."""
    long = read_region_sector_table(io.StringIO(LONG), reference_id="RU")
    wide = read_region_sector_table(io.StringIO(WIDE), measure="employment", reference_id="RU")
    np.testing.assert_array_equal(
        long.measure("turnover").to_numpy(), wide.measure("employment").to_numpy()
    )
    assert long.units["turnover"] == "bn RUB"
    assert wide.units["employment"] == "persons"
    assert long.sector_names["mining"] == "Добыча"
    assert wide.region_names["KEM"] == "Kemerovo"
    regions, ref, total = long.split_reference("RU")
    assert list(regions.index) == ["KEM"]
    assert ref["manuf"] == 300.0
    assert total is None


def test_negative_measure_names_line_column_and_fix() -> None:
    """Negative measure: file, line (comment line counted), column and the fix."""
    msg = _fails(
        LONG.replace(
            "KEM,Kemerovo,mining,Добыча,turnover,20", "KEM,Kemerovo,mining,Добыча,turnover,-20"
        )
    )
    assert "t.csv, line 5, value: region 'KEM', sector 'mining': negative measure -20" in msg
    assert "must be >= 0" in msg


def test_missing_measure_in_wide_table() -> None:
    """Missing measure in a wide file: line and sector column named, with the fix."""
    msg = _fails(WIDE.replace("KEM,Kemerovo,persons,20,10", "KEM,Kemerovo,persons,,10"))
    assert "t.csv, line 3, mining: region 'KEM', sector 'mining': missing measure" in msg
    assert "fill it in" in msg


def test_missing_row_in_long_table() -> None:
    """A region without a row for a sector is reported by region, sector and measure."""
    text = "\n".join(
        line for line in LONG.splitlines() if not line.startswith("KEM,Kemerovo,manuf")
    )
    msg = _fails(text)
    assert "region 'KEM' has no figure for sector 'manuf' (measure 'turnover')" in msg


def test_sector_absent_from_the_reference() -> None:
    """A sector without a reference figure (long: no row; wide: empty cell) is named."""
    text = "\n".join(line for line in LONG.splitlines() if not line.startswith("RU,Russia,manuf"))
    msg = _fails(text, reference_id="RU")
    assert "sector 'manuf' is absent from the reference 'RU'" in msg
    msg = _fails(
        WIDE.replace("RU,Russia,persons,100,300", "RU,Russia,persons,100,"), reference_id="RU"
    )
    assert "t.csv, line 2, manuf: sector 'manuf' is absent from the reference" in msg


def test_duplicate_region_ids() -> None:
    """Duplicate region (wide) or region × sector (long) rows: both lines named."""
    msg = _fails(WIDE + "KEM,Kemerovo,persons,1,2\n")
    assert "t.csv, line 4, region_id: duplicate region id 'KEM' (first at line 3)" in msg
    msg = _fails(LONG + "KEM,Kemerovo,mining,Добыча,turnover,21,bn RUB\n")
    assert "line 7" in msg
    assert "duplicate row for region 'KEM', sector 'mining'" in msg
    assert "(first at line 5)" in msg


def test_mismatched_units() -> None:
    """Units that differ within one measure: the line, both units and the fix."""
    msg = _fails(
        LONG.replace(
            "KEM,Kemerovo,manuf,Обработка,turnover,10,bn RUB",
            "KEM,Kemerovo,manuf,Обработка,turnover,10,mln RUB",
        )
    )
    assert "t.csv, line 6, unit: unit 'mln RUB' differs from 'bn RUB' used at line 3" in msg
    assert "convert the figures to one unit" in msg


def test_not_a_number_and_several_problems_at_once() -> None:
    """Every bad cell is reported in one error."""
    bad = WIDE.replace("RU,Russia,persons,100,300", "RU,Russia,persons,abc,-1")
    with pytest.raises(ValidationFailed) as info:
        _read(bad)
    assert len(info.value.problems) == 2
    assert "not a number (got 'abc')" in str(info.value)


def test_unknown_measure_year_and_missing_columns() -> None:
    """Choosing a measure or year the file lacks, or a file without the key columns."""
    assert "unknown measure 'employment'; the table holds ['turnover']" in _fails(
        LONG, measure="employment"
    )
    assert "has no 'year' column" in _fails(LONG, year=2016)
    assert "no 'region_id' column" in _fails("id,a\nx,1\n")
    assert "the table is empty" in _fails("# only a comment\n")


def test_reference_not_in_table_and_zero_reference() -> None:
    """An unknown reference id, and a sector that is 0 in the reference but not in a region."""
    assert "reference 'XX' is not a region id" in _fails(LONG, reference_id="XX")
    msg = _fails(
        WIDE.replace("RU,Russia,persons,100,300", "RU,Russia,persons,0,300"), reference_id="RU"
    )
    assert "sector 'mining' is 0 in the reference 'RU' but positive in a region" in msg
