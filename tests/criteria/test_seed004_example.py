"""Seed 004 (Kalenov, Kukushkin, "Techno-Park Assistance in Mining Regions' Integration into
the Innovative Economy"), Table 1, shipped as ``configs/data/seed004_table1_technoparks.csv``
and ranked by ``configs/scenarios/seed004_technoparks.yaml``.

The figures below are pinned as literals typed from the seed text (section 3, Table 1
«The features of creation and development of techno-parks in different countries»; text
version with SHA-256 2d9e08a1ad4438bcf28f8ef9d5754e17a9b9b4f1196c3ed2dc7656a9cc71a573),
not read from the shared seed folder. Ranges printed "from A to B" are stored as A in the
``_low`` column and B in the ``_high`` column; "about 20" as 20 at both ends.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from clusterrank.analysis.ranking import rank_scenario
from clusterrank.criteria import decision_matrix, load_scenario

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "configs" / "data"
TABLE = DATA / "seed004_table1_technoparks.csv"
SOURCES = DATA / "seed004_table1_technoparks.sources.csv"
SCENARIO_DATA = DATA / "seed004_technoparks_data.csv"
SCENARIO = ROOT / "configs" / "scenarios" / "seed004_technoparks.yaml"
COUNTRIES = ("russia", "germany", "france", "finland", "china")
NAN = math.nan

# Seed 004, Table 1, as printed (NaN: Russia's payback "Most did not reach the breakeven point").
# number of techno-parks; payback "10 - 12 years"; resident companies "from 4 to 212 units";
# area of facilities "from 4.3 to 353.1 thous. m2" (Finland: "about 20 thous. m2").
EXPECTED = {
    "number_of_techno_parks": (125, 360, 77, 24, 83),
    "payback_period_low": (NAN, 10, 10, 10, 10),
    "payback_period_high": (NAN, 12, 15, 12, 12),
    "resident_companies_low": (4, 54, 14, 50, 40),
    "resident_companies_high": (212, 1350, 510, 350, 3600),
    "area_of_facilities_low": (4.3, 7.4, 7.1, 20, 10),
    "area_of_facilities_high": (353.1, 80, 1100, 20, 30),
}
RANGES = ("payback_period", "resident_companies", "area_of_facilities")


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return pd.read_csv(SCENARIO_DATA, index_col="candidate_id")


def test_data_holds_exactly_the_printed_figures(data: pd.DataFrame) -> None:
    """Every cell of the scenario's data equals seed 004's Table 1 (see ``EXPECTED``); the
    only empty cells are Russia's payback, which the seed prints without a figure."""
    assert tuple(data.index) == COUNTRIES
    assert tuple(data.columns) == tuple(EXPECTED)
    expected = pd.DataFrame(EXPECTED, index=pd.Index(COUNTRIES, name="candidate_id"), dtype=float)
    np.testing.assert_array_equal(data.isna().to_numpy(), expected.isna().to_numpy())
    np.testing.assert_allclose(data.to_numpy(float), expected.to_numpy(float), atol=1e-9)


def test_table_as_typed_matches_the_scenario_data(data: pd.DataFrame) -> None:
    """The spreadsheet as typed (headers as printed, text rows kept) and the data CSV that
    ``clusterrank init`` made from it hold the same numbers; the establishing period is kept
    as text (seed 004, Table 1: Germany "Mid-1980s")."""
    table = pd.read_csv(TABLE, index_col="id")
    assert tuple(table.index) == COUNTRIES
    assert table.loc["germany", "Establishing period"] == "Mid-1980s"
    numeric = table.drop(columns=["Country", "Establishing period"])
    np.testing.assert_array_equal(numeric.to_numpy(float), data.to_numpy(float))


@pytest.mark.parametrize("stem", RANGES)
def test_range_columns_have_low_at_most_high(data: pd.DataFrame, stem: str) -> None:
    """Reading rule: "from A to B" → low A, high B, so low <= high wherever both are given,
    and a range is never half-filled."""
    low, high = data[f"{stem}_low"], data[f"{stem}_high"]
    np.testing.assert_array_equal(low.isna().to_numpy(), high.isna().to_numpy())
    given = low.notna()
    assert (low[given] <= high[given]).all(), stem


def test_sidecar_quotes_the_printed_range_for_every_ranged_cell(data: pd.DataFrame) -> None:
    """Each ranged cell's sidecar row quotes the seed's printed text (e.g. "from 54 to 1350
    units" → 54 / 1350); the missing ones say so."""
    sources = pd.read_csv(SOURCES, dtype=str)
    table = pd.read_csv(TABLE, index_col="id")
    header_to_key = dict(zip(table.columns[3:], data.columns[1:], strict=True))
    rows = sources[sources["column"].isin(header_to_key)]
    assert len(rows) == len(COUNTRIES) * len(header_to_key)
    for row in rows.to_dict("records"):
        value = data.loc[row["candidate_id"], header_to_key[row["column"]]]
        if math.isnan(value):
            assert row["note"].startswith("Missing:"), row
        else:
            assert "Seed 004" in row["source"], row
            assert f"{value:g}" in row["note"], row


def test_scenario_ranks_comparable_indicators_only() -> None:
    """The scenario ranks the five countries on three criteria (count, payback high end as a
    cost, residents high end as a benefit); area is not a criterion and the single park
    (Kuzbass Technopark) and network ("ITC Tomsk") are not candidates."""
    scn = load_scenario(SCENARIO)
    assert scn.candidate_ids == COUNTRIES
    directions = {c.id: c.direction for c in scn.criteria_set.criteria}
    assert directions == {
        "number_of_techno_parks": "benefit",
        "payback_period_high": "cost",
        "resident_companies_high": "benefit",
    }
    description = scn.description or ""
    for phrase in ("HIGH end", "Reading rule", "Area of facilities is NOT a criterion"):
        assert phrase in description
    assert not any(p.illustrative for p in scn.data.provenance.values())


def test_russia_payback_is_filled_visibly_and_ranking_is_finite() -> None:
    """Russia's missing payback is filled with the worst observed high end, France's 15 years
    (seed 004, Table 1: "10 - 15 years"), with a cell note; all five countries rank."""
    scn = load_scenario(SCENARIO)
    dm = decision_matrix(scn)
    notes = [n for n in dm.cell_notes if n.candidate == "russia"]
    assert len(notes) == 1
    assert "15" in str(notes[0])
    report = rank_scenario(scn, matrix=dm)
    assert np.isfinite(report.result.scores).all()
    assert sorted(report.result.ranks) == [1, 2, 3, 4, 5]
