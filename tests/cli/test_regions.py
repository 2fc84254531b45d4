"""`clusterrank regions ...`: seed 003's HHI series and coal marketability from the shipped
tables, location quotients against a reference row, valid JSON, and bad input that exits 2
with a message naming the file, the place and the fix."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from clusterrank.analysis.regional import specialisation_analysis
from tests.criteria.regional.test_hhi_seed003 import PRINTED_HHI, TABLE1, _exact_hhi
from tests.helpers.cli import REPO, Run

TABLE3 = REPO / "configs/data/seed003_table3_marketability.csv"
HHI_ARGS = (
    "regions",
    "specialisation",
    TABLE1,
    "--measure",
    "gva_share",
    "--total-sector",
    "total",
)

# Three regions and a national row; LQ = (x_ir / x_r) / (x_iN / x_N) by hand: north has 30 of
# its 100 in coal against the nation's 100 of 1000, so LQ 3; south 10/100 over 900/1000.
LQ_CSV = """\
# a test table
region_id,sector_id,value,unit
north,coal,30,persons
north,services,70,persons
south,coal,10,persons
south,services,90,persons
RU,coal,100,persons
RU,services,900,persons
"""


def _json(text: str) -> dict[str, Any]:
    """Parse strictly: NaN or Infinity in the output fails the test."""

    def refuse(name: str) -> float:
        raise AssertionError(f"non-finite number {name} in JSON output")

    return json.loads(text, parse_constant=refuse)


def test_hhi_series_2011_2015_reproduced_in_one_command(run_cli: Callable[..., Run]) -> None:
    """Seed 003 (Иванова О. П., 2018), Table 1 (GVA structure of the Kemerovo region, % of
    total) and the HHI series after Table 6: one command over the shipped CSV gives
    Σ s² of the printed shares for every year 2011–2015, exactly as the Decimal
    recomputation of tests/criteria/regional/test_hhi_seed003.py; 2012 agrees with the printed
    1366.89, 2011 shows the one-digit misprint (1726.03 recomputed vs 1724.03 printed).
    2010 has no complete column and is skipped with a note naming the seven missing cells."""
    res = run_cli(*HHI_ARGS, "--format", "json")
    assert res.code == 0, res.err
    payload = _json(res.out)
    assert sorted(payload["years"]) == ["2011", "2012", "2013", "2014", "2015"]
    got = {int(y): block["hhi"][0]["hhi"] for y, block in payload["years"].items()}
    np.testing.assert_allclose(
        [got[y] for y in sorted(PRINTED_HHI)],
        [float(_exact_hhi(y)) for y in sorted(PRINTED_HHI)],
        rtol=1e-12,
    )
    assert round(got[2012], 2) == PRINTED_HHI[2012]
    np.testing.assert_allclose(got[2011] - PRINTED_HHI[2011], 2.001, atol=1e-9)
    norm = payload["years"]["2015"]["hhi"][0]["hhi_normalised"]
    np.testing.assert_allclose(norm, (got[2015] / 10000 - 1 / 15) / (1 - 1 / 15), rtol=1e-12)
    skipped = payload["skipped_years"]["2010"]
    assert "hotels_restaurants" in skipped
    assert "(7 gap(s))" in skipped
    assert payload["settings"]["total_sector"] == "total"
    assert payload["measure"] == "gva_share"


def test_hhi_series_as_csv_and_table(run_cli: Callable[..., Run]) -> None:
    """CSV defaults to the HHI table (a year column, one row per region and year); the text
    table shows the same figures, the skipped year and the notes."""
    res = run_cli(*HHI_ARGS, "--format", "csv")
    assert res.code == 0, res.err
    frame = pd.read_csv(io.StringIO(res.out))
    assert list(frame["year"]) == [2011, 2012, 2013, 2014, 2015]
    np.testing.assert_allclose(frame["hhi"], [float(_exact_hhi(y)) for y in frame["year"]])
    assert frame["settings"].str.contains("hhi_scale=percent shares").all()
    text = run_cli(*HHI_ARGS, "--table", "hhi")
    assert text.code == 0
    assert "1726.0310" in text.out
    assert "year 2010 skipped" in text.out


def test_single_year_and_every_table(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    """--year picks one year; --table lq/screening/summary as CSV each give their table."""
    for table, column in (("lq", "mining"), ("screening", "reason"), ("summary", "why")):
        out = tmp_path / f"{table}.csv"
        res = run_cli(*HHI_ARGS, "--year", "2015", "--table", table, "--format", "csv", "-o", out)
        assert res.code == 0, res.err
        frame = pd.read_csv(out)
        assert column in frame.columns
        assert set(frame["year"]) == {2015}


def test_lq_against_a_reference_row_with_screening(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    """Definition LQ_ir = (x_ir / x_r) / (x_iN / x_N) (Isard 1960): north coal
    (30/100)/(100/1000) = 3, south coal (10/100)/(0.1) = 1, north services (0.7)/(0.9);
    screening says why ('LQ 3.00 >= 1'). A file without a year column gives no 'years' block."""
    data = tmp_path / "lq.csv"
    data.write_text(LQ_CSV, encoding="utf-8")
    res = run_cli("regions", "specialisation", data, "--reference", "RU", "--format", "json")
    assert res.code == 0, res.err
    payload = _json(res.out)
    assert "years" not in payload
    lq = {row["region_id"]: row for row in payload["location_quotients"]}
    np.testing.assert_allclose(
        [lq["north"]["coal"], lq["south"]["coal"], lq["north"]["services"]],
        [3.0, 1.0, 0.7 / 0.9],
        rtol=1e-12,
    )
    passed = [
        r
        for r in payload["screening"]
        if r["region_id"] == "north" and r["sector_id"] == "coal" and r["rule"] == "lq_at_least_1"
    ]
    assert passed[0]["passed"] is True
    assert re.fullmatch(r"LQ 3(\.00)? >= 1", passed[0]["reason"])
    assert payload["reference"] == "'RU'"
    none = run_cli("regions", "specialisation", data, "--reference", "RU", "--rule-set", "none")
    assert "(none: no rule set was applied)" in none.out


def test_coal_marketability_2014_2016(run_cli: Callable[..., Run]) -> None:
    """Seed 003 (Иванова О. П., 2018), Table 3 «Коэффициент региональной товарности»: coal
    shipments out of the Kemerovo region / coal production, 2014–2016. Recomputed
    0.975203, 0.944622, 0.926368 (exact fractions of the printed thousand-tonne figures);
    the printed 0.98, 0.94, 0.93 agree at their two decimals."""
    res = run_cli("regions", "marketability", TABLE3, "--format", "json")
    assert res.code == 0, res.err
    rows = _json(res.out)["coefficients"]
    assert [r["year"] for r in rows] == [2014, 2015, 2016]
    exact = [
        Fraction("204508.96") / Fraction("209709.0"),
        Fraction("203329.36") / Fraction("215249.0"),
        Fraction("210686.95") / Fraction("227432.7"),
    ]
    np.testing.assert_allclose([r["coefficient"] for r in rows], [float(f) for f in exact])
    np.testing.assert_allclose([r["printed"] for r in rows], [0.98, 0.94, 0.93], atol=1e-4)
    assert all(r["agrees_when_rounded"] for r in rows)
    text = run_cli("regions", "marketability", TABLE3)
    assert "0.975204" in text.out


def test_per_capita_definition(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    """Definition (seed 003, text before Table 2): a region with 10 of the nation's 100 units
    and 5 of its 100 inhabitants has coefficient (10/100)/(5/100) = 2; 12 of 100 with 4 of
    100 gives 3."""
    data = tmp_path / "pc.csv"
    data.write_text(
        "region_id,year,indicator_id,value\n"
        "KEM,2015,coal_output,10\nKEM,2015,population,5\nRU,2015,coal_output,100\n"
        "RU,2015,population,100\nKEM,2016,coal_output,12\nKEM,2016,population,4\n"
        "RU,2016,coal_output,100\nRU,2016,population,100\n",
        encoding="utf-8",
    )
    res = run_cli("regions", "per-capita", data, "--reference", "RU", "--format", "json")
    assert res.code == 0, res.err
    rows = _json(res.out)["coefficients"]
    assert [(r["region_id"], r["product"], r["year"]) for r in rows] == [
        ("KEM", "coal", 2015),
        ("KEM", "coal", 2016),
    ]
    np.testing.assert_allclose([r["coefficient"] for r in rows], [2.0, 3.0], rtol=1e-12)


def test_analysis_accepts_an_upload() -> None:
    """The Regions page path: a text stream with a label gives the same figures as the file."""
    text = TABLE1.read_text(encoding="utf-8")
    a = specialisation_analysis(
        io.StringIO(text), measure="gva_share", total_sector="total", label="upload.csv"
    )
    assert a.source == "upload.csv"
    np.testing.assert_allclose(
        a.table("hhi")["hhi"], [float(_exact_hhi(y)) for y in sorted(PRINTED_HHI)], rtol=1e-12
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("regions", "specialisation", "nowhere.csv"), ["nowhere.csv", "file not found"]),
        (
            (*HHI_ARGS[:3], "--measure", "turnover"),
            ["seed003_table1_gva_structure.csv", "measure", "unknown measure 'turnover'"],
        ),
        ((*HHI_ARGS, "--format", "csv", "--table", "all"), ["choose --table hhi"]),
        ((*HHI_ARGS, "--rule-set", "stars"), ["unknown rule set 'stars'", "eco_stars"]),
        (("regions", "marketability", TABLE1), ["indicator_id", "missing column"]),
    ],
)
def test_bad_input_exits_2(
    run_cli: Callable[..., Run], args: tuple[str | Path, ...], expected: list[str]
) -> None:
    """Missing file, unknown measure or rule set, CSV without a table choice, a file of the
    wrong kind: exit 2, the file and the fix named, no traceback."""
    res = run_cli(*args)
    assert res.code == 2
    for part in expected:
        assert part in res.err
    assert "Traceback" not in res.err


def test_bad_cells_are_named_by_line(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    """A negative figure (even in a multi-year file: only gaps skip a year), a year that is
    not a whole number, mismatched units: exit 2 naming the file, line and fix."""
    neg = tmp_path / "neg.csv"
    neg.write_text(
        "region_id,year,sector_id,value\na,2015,x,1\na,2015,y,2\na,2016,x,-3\na,2016,y,2\n",
        encoding="utf-8",
    )
    res = run_cli("regions", "specialisation", neg)
    assert res.code == 2
    assert "neg.csv, line 4, value" in res.err
    assert "negative measure -3" in res.err
    bad_year = tmp_path / "year.csv"
    bad_year.write_text("region_id,year,sector_id,value\na,20x5,x,1\n", encoding="utf-8")
    res = run_cli("regions", "specialisation", bad_year)
    assert res.code == 2
    assert "year.csv, line 2, year: year must be a whole number" in res.err
    units = tmp_path / "units.csv"
    units.write_text(
        "year,indicator_id,value,unit\n2015,coal_production,10,t\n2015,coal_shipments,9000,kg\n",
        encoding="utf-8",
    )
    res = run_cli("regions", "marketability", units)
    assert res.code == 2
    assert "mismatched units" in res.err
    assert "Traceback" not in res.err


def test_help_lists_the_subcommands(run_cli: Callable[..., Run]) -> None:
    """`regions --help` names the three subcommands and exits 0; no subcommand exits 2."""
    res = run_cli("regions", "--help")
    assert res.code == 0
    for name in ("specialisation", "marketability", "per-capita"):
        assert name in res.out
    assert run_cli("regions").code == 2
