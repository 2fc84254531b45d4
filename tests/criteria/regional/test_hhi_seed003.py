"""HHI: simple known answers, its bounds, and seed 003's 2011–2015 series from Table 1."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from clusterrank.criteria.regional import (
    hhi,
    hhi_table,
    normalised_hhi,
    read_region_sector_table,
    specialisation_report,
)
from clusterrank.errors import ValidationFailed

TABLE1 = Path(__file__).resolve().parents[3] / "configs/data/seed003_table1_gva_structure.csv"

# Seed 003, text after Table 6 (p. «Для оценки уровня диверсификации ...»): printed HHI.
PRINTED_HHI = {2011: 1724.03, 2012: 1366.89, 2013: 1187.29, 2014: 1212.66, 2015: 1327.65}

# Seed 003, Table 1, typed again here from the paper (independently of the CSV), per year,
# in the paper's row order; fishing is 0.0 every year.
TABLE1_BY_HAND = {
    2011: "34.6 13.7 4.30 3.18 5.08 11.87 7.58 0.0 0.63 0.40 6.76 4.18 2.82 4.00 0.86",
    2012: "26.8 15.8 4.14 2.88 5.54 10.94 8.19 0.0 1.09 0.41 9.40 5.58 3.36 4.77 1.11",
    2013: "22.3 16.2 4.69 3.88 5.47 9.92 7.99 0.0 1.13 0.35 9.95 6.77 4.17 5.73 1.38",
    2014: "21.4 18.8 4.78 4.09 5.59 9.42 8.94 0.0 1.02 0.24 8.63 6.29 4.02 5.43 1.29",
    2015: "25.632 17.439 5.40 4.02 4.73 9.36 8.24 0.0 0.96 0.24 8.35 5.73 3.56 5.05 1.28",
}


def _exact_hhi(year: int) -> Decimal:
    return sum((Decimal(s) ** 2 for s in TABLE1_BY_HAND[year].split()), Decimal(0))


def _rounding_bound(year: int) -> float:
    """Largest change of Σ s² when each printed share moves by half its last printed digit."""
    total = 0.0
    for s in TABLE1_BY_HAND[year].split():
        decimals = len(s.split(".")[1]) if "." in s else 0
        half = 0.5 * 10.0**-decimals
        total += 2 * float(s) * half + half * half
    return total


def test_hhi_of_50_30_20_is_3800() -> None:
    """Known answer: 50² + 30² + 20² = 2500 + 900 + 400 = 3800."""
    np.testing.assert_allclose(hhi([50, 30, 20]), 3800.0, atol=1e-12)


def test_normalised_hhi_bounds() -> None:
    """Invariant: even shares over K sectors give 0, one sector holding all gives 1 (any K)."""
    for k in (2, 3, 7, 15):
        even = hhi(np.full(k, 100.0 / k))
        np.testing.assert_allclose(normalised_hhi(even, k), 0.0, atol=1e-12)
        single = hhi(np.r_[100.0, np.zeros(k - 1)])
        np.testing.assert_allclose(single, 10000.0, atol=1e-9)
        np.testing.assert_allclose(normalised_hhi(single, k), 1.0, atol=1e-12)


def test_hhi_table_from_measures_and_single_sector_note() -> None:
    """Shares come from the measures; raw range 10000/K..10000; K = 1 is noted, not NaN."""
    x = pd.DataFrame(
        {"a": [5.0, 10.0, 7.0], "b": [3.0, 0.0, 7.0], "c": [2.0, 0.0, 7.0]},
        index=["r1", "r2", "r3"],
    )
    out = hhi_table(x).table
    np.testing.assert_allclose(out["hhi"], [3800.0, 10000.0, 10000.0 / 3], atol=1e-9)
    # (0.38 - 1/3) / (1 - 1/3) = 0.07
    np.testing.assert_allclose(out["hhi_normalised"], [0.07, 1.0, 0.0], atol=1e-12)
    one = hhi_table(pd.DataFrame({"a": [4.0]}, index=["r"]))
    assert one.table["hhi_normalised"].iloc[0] == 1.0
    assert any("single sector" in n for n in one.notes)


@pytest.mark.parametrize("year", sorted(PRINTED_HHI))
def test_seed003_hhi_series_recomputed_from_table1(year: int) -> None:
    """Seed 003 (Иванова О. П., 2018), Table 1 (GVA structure of the Kemerovo region, % of
    total) and the HHI series printed after Table 6 for 2011–2015.

    The recomputation from the shipped CSV must equal Σ s² of the printed shares exactly
    (Decimal arithmetic on the shares typed from the paper). The paper uses the shares as
    printed (columns add to 99.93–100.01), so they are not rescaled.
    """
    table = read_region_sector_table(TABLE1, year=year, total_sector="total")
    result = hhi_table(table.measure("gva_share"), percent_shares=True)
    np.testing.assert_allclose(
        result.table.loc[["KEM"], "hhi"].to_numpy(), float(_exact_hhi(year)), rtol=1e-13
    )
    assert result.table.loc["KEM", "sectors"] == 15


def test_seed003_printed_hhi_against_recomputation() -> None:
    """Seed 003 HHI text after Table 6, printed vs recomputed from its own Table 1.

    Recomputed (exact Σ s² of Table 1's printed shares) / printed:
    2011 1726.0310 / 1724.03 — differs by 2.00: most likely a one-digit misprint
    (1726.03 → 1724.03); 2012 1366.8925 / 1366.89 — agrees; 2013 1187.3089 / 1187.29 and
    2015 1327.667745 / 1327.65 — differ by 0.02 (the author used unrounded shares);
    2014 1213.3330 / 1212.66 — differs by 0.67, unexplained. Every gap lies within the
    change the table's own rounding allows (±5.35, ±4.84, ±4.47, ±4.63 for 2011–2014, whose
    mining and manufacturing shares have one decimal; ±0.62 for 2015), so the formula stands
    and the printed figures are recorded, not reproduced.
    """
    recomputed = {y: float(_exact_hhi(y)) for y in PRINTED_HHI}
    np.testing.assert_allclose(
        [recomputed[y] for y in sorted(recomputed)],
        [1726.0310, 1366.8925, 1187.3089, 1213.3330, 1327.667745],
        atol=1e-9,
    )
    agree = {y for y in PRINTED_HHI if round(recomputed[y], 2) == PRINTED_HHI[y]}
    assert agree == {2012}
    for y, printed in PRINTED_HHI.items():
        assert abs(printed - recomputed[y]) <= _rounding_bound(y)
    np.testing.assert_allclose(recomputed[2011] - PRINTED_HHI[2011], 2.001, atol=1e-9)


def test_seed003_table1_text_checks_and_2010_gap() -> None:
    """Seed 003, Table 1 and the text before Table 2: public administration + education +
    health = 11.00% in 2011 and 14.34% in 2015, which fixes the five-figure rows to
    2011–2015; the 2010 column therefore has gaps, reported as missing measures."""
    for year, printed in ((2011, 11.00), (2015, 14.34)):
        grid = read_region_sector_table(TABLE1, year=year, total_sector="total").measure()
        budget = grid.loc["KEM", ["public_administration", "education", "health"]].sum()
        np.testing.assert_allclose(budget, printed, atol=1e-9)
    with pytest.raises(ValidationFailed) as info:
        read_region_sector_table(TABLE1, year=2010, total_sector="total")
    assert len(info.value.problems) == 7
    assert "sector 'hotels_restaurants': missing measure" in str(info.value)


def test_specialisation_report_reproduces_the_seed003_hhi() -> None:
    """Seed 003, Table 1 through the report the CLI shows: HHI per year equals Σ s² of the
    printed shares (shares taken against the table's «Всего» = 100 row); the single region
    without a national row gets LQ 1 everywhere, with a note saying why."""
    for year in sorted(PRINTED_HHI):
        table = read_region_sector_table(TABLE1, year=year, total_sector="total")
        rep = specialisation_report(table, "gva_share", rule_sets=[])
        np.testing.assert_allclose(
            rep.hhi.loc[["KEM"], "hhi"].to_numpy(), [float(_exact_hhi(year))], rtol=1e-12
        )
        np.testing.assert_allclose(rep.lq.to_numpy(), 1.0, rtol=1e-12)
        assert any("every LQ is 1 by construction" in n for n in rep.notes)
        assert rep.reference == "the sum of the 1 region given"
