"""specialisation_report and regional_indicator_values on a small national table."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from clusterrank.criteria.regional import (
    RegionSectorTable,
    hhi_table,
    location_quotients,
    read_region_sector_table,
    regional_indicator_values,
    specialisation_report,
)
from clusterrank.errors import ValidationFailed

SECTORS = ["agri", "mining", "manuf", "services"]
FIGURES = {  # employment, thousand persons; establishments, units
    "NAT": ([400, 100, 500, 1000], [90, 10, 80, 300]),
    "A": ([10, 60, 30, 100], [3, 5, 6, 20]),
    "B": ([50, 5, 80, 120], [10, 1, 12, 40]),
    "C": ([30, 10, 150, 300], [8, 2, 20, 90]),
    "D": ([90, 1, 40, 60], [20, 1, 5, 15]),
}


def _table() -> RegionSectorTable:
    lines = ["region_id,sector_id,measure,value,unit"]
    for region, (emp, est) in FIGURES.items():
        for s, e, n in zip(SECTORS, emp, est, strict=True):
            lines.append(f"{region},{s},employment,{e},thousand persons")
            lines.append(f"{region},{s},establishments,{n},units")
    return read_region_sector_table(
        io.StringIO("\n".join(lines)), label="regions.csv", reference_id="NAT"
    )


def test_report_combines_lq_hhi_and_screening() -> None:
    """The report's LQs, HHI and screening equal the parts computed one by one."""
    table = _table()
    rep = specialisation_report(table, "employment", reference="NAT")
    emp = table.measure("employment")
    _, nat, _ = table.split_reference("NAT", "employment")
    direct = location_quotients(emp.drop(index="NAT"), nat).lq
    pd.testing.assert_frame_equal(rep.lq, direct)
    np.testing.assert_allclose(rep.hhi["hhi"], hhi_table(emp).table["hhi"])
    assert rep.hhi.loc["NAT", "is_reference"]
    assert not rep.hhi.loc["A", "is_reference"]
    assert rep.reference == "'NAT'"
    assert set(rep.screening_summary["rule_set"]) == {
        "simple_lq",
        "us_cluster_mapping_strong",
        "eco_stars",
    }
    row = rep.screening.set_index(["region_id", "sector_id", "rule"])
    lq_a_mining = (60 / 200) / (100 / 2000)
    assert row.loc[("A", "mining", "lq_at_least_1"), "reason"] == f"LQ {lq_a_mining:.2f} >= 1"
    assert rep.settings["unit"] == "thousand persons"
    assert rep.notes[-1].startswith("K = 4 sectors")


def test_report_frames_and_sum_of_regions() -> None:
    """to_frames gives the named tables; without a reference the regions' sum is used."""
    rep = specialisation_report(_table(), "establishments", rule_sets=["simple_lq"])
    frames = rep.to_frames()
    assert list(frames) == [
        "location_quotients",
        "hhi",
        "screening",
        "screening_summary",
        "notes",
        "settings",
    ]
    assert list(frames["location_quotients"].columns) == ["region_id", *SECTORS]
    assert "the sum of the 5 regions given" in rep.reference
    assert np.isfinite(rep.lq.to_numpy()).all()
    settings = frames["settings"].set_index("setting")["value"]
    assert settings["rule_sets"] == "simple_lq"


def test_report_on_a_plain_frame_and_unknown_measure() -> None:
    """A plain DataFrame is accepted; an unknown measure names the choices."""
    frame = pd.DataFrame({"a": [1.0, 3.0], "b": [2.0, 1.0]}, index=["r1", "r2"])
    rep = specialisation_report(frame, rule_sets=[])
    assert rep.screening.empty
    with pytest.raises(ValidationFailed, match="unknown measure 'x'"):
        specialisation_report(_table(), "x")


def test_indicator_values_for_candidates() -> None:
    """Each cluster gets its sector's LQ in its home region; regions get their HHI."""
    table = _table()
    per_region = regional_indicator_values(table, "employment", sector="mining", reference="NAT")
    assert per_region.name == "lq_mining"
    np.testing.assert_allclose(per_region["A"], (60 / 200) / (100 / 2000))
    clusters = regional_indicator_values(
        table,
        "employment",
        reference="NAT",
        candidates={"coal_cluster": ("A", "mining"), "food_cluster": ("D", "agri")},
    )
    np.testing.assert_allclose(clusters["food_cluster"], (90 / 191) / (400 / 2000))
    hhi = regional_indicator_values(
        table, "employment", indicator="hhi_normalised", reference="NAT", candidates={"x": "B"}
    )
    np.testing.assert_allclose(
        hhi["x"],
        hhi_table(table.measure("employment")).table.loc[["B"], "hhi_normalised"].to_numpy(),
    )
    every = regional_indicator_values(table, "employment", reference="NAT")
    assert every.index.names == ["region_id", "sector_id"]
    assert len(every) == 16


def test_indicator_values_bad_candidates() -> None:
    """Unknown regions or sectors, and ambiguous candidate specs, are named per candidate."""
    with pytest.raises(ValidationFailed) as info:
        regional_indicator_values(
            _table(), "employment", reference="NAT", candidates={"c1": ("Z", "mining"), "c2": "A"}
        )
    text = str(info.value)
    assert "candidates.c1: ('Z', 'mining') is not in the table" in text
    assert "candidates.c2: give (region, sector)" in text
    with pytest.raises(ValidationFailed, match="unknown sector 'oil'"):
        regional_indicator_values(_table(), "employment", sector="oil")
