"""Indicators feed criteria: scenario keys computed from region × sector tables
(``data.regional``), their provenance, the shipped Kemerovo example, and bad mappings."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from clusterrank.analysis.ranking import rank_scenario
from clusterrank.criteria import decision_matrix, load_scenario
from clusterrank.criteria.data_sources import read_data
from clusterrank.criteria.files import FileScope
from clusterrank.criteria.models import Scenario
from clusterrank.criteria.regional import read_region_sector_table, regional_indicator_values
from clusterrank.errors import ValidationFailed
from tests.helpers.criteria import Writer

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "configs/scenarios/kemerovo_clusters_specialisation.yaml"

# Employment by region and sector, with a national row RU.
TABLE = """\
# test table: employment, thousand persons
region_id,sector_id,value,unit
north,coal,30,thousand
north,health,20,thousand
north,farming,50,thousand
south,coal,5,thousand
south,health,45,thousand
south,farming,50,thousand
RU,coal,100,thousand
RU,health,400,thousand
RU,farming,500,thousand
"""

CRITERIA = """\
id: spec_set
title: Specialisation test set
source: written for the tests
groups:
  - id: size
    criteria:
      - id: staff
        direction: benefit
        indicators: [{id: staff}]
  - id: specialisation
    criteria:
      - id: sector_lq
        direction: benefit
        indicators: [{id: sector_lq}]
      - id: diversity
        direction: cost
        indicators: [{id: region_hhi}]
"""

REGIONAL = """\
  regional:
    - key: sector_lq
      table: data/table.csv
      measure: employment
      indicator: lq
      reference: RU
      regions: {mine: north}
      sectors: {mine: coal, clinic: health}
    - key: region_hhi
      table: data/table.csv
      measure: employment
      indicator: hhi
      reference: RU
"""


def _scenario(write: Writer, regional: str = REGIONAL, tail: str = "") -> Path:
    write("criteria/set.yaml", CRITERIA)
    write("data/table.csv", TABLE)
    write("data/data.csv", "candidate_id,staff\nmine,100\nclinic,80\nfarm,60\n")
    text = (
        "id: spec\ncriteria_set: criteria/set.yaml\n"
        "candidates:\n  - {id: mine, region: south}\n  - {id: clinic, region: south}\n"
        "  - {id: farm, region: north}\n"
        f"data:\n  file: data/data.csv\n{regional}{tail}"
    )
    return write("s.yaml", text)


def _problems(path: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as info:
        decision_matrix(load_scenario(path))
    return [str(p) for p in info.value.problems]


def test_computed_columns_equal_regional_indicator_values(write: Writer) -> None:
    """The derived columns are exactly what regional_indicator_values gives for the same
    mapping: mine -> (north, coal) from `regions`; clinic -> (south, health) with its region
    from the candidate's own field; farm has no sector, so its LQ stays missing. Every
    candidate gets its region's HHI (regions from the candidates' fields)."""
    scn = load_scenario(_scenario(write))
    data = read_data(scn.data, scn.candidate_ids, scn.criteria_set.data_keys)
    table = read_region_sector_table(
        write("data/table.csv", TABLE), measure="employment", reference_id="RU"
    )
    lq = regional_indicator_values(
        table,
        "employment",
        indicator="lq",
        reference="RU",
        candidates={"mine": ("north", "coal"), "clinic": ("south", "health")},
    )
    np.testing.assert_array_equal(data.loc[["mine", "clinic"], "sector_lq"], lq.to_numpy())
    # by hand: (30/100)/(100/1000) = 3; (45/100)/(400/1000) = 1.125
    np.testing.assert_allclose(lq.to_numpy(), [3.0, 1.125], rtol=1e-12)
    assert np.isnan(data.loc["farm", "sector_lq"])
    hhi = regional_indicator_values(
        table, "employment", indicator="hhi", candidates={"mine": "south", "farm": "north"}
    )
    np.testing.assert_array_equal(data.loc[["mine", "farm"], "region_hhi"], hhi.to_numpy())
    np.testing.assert_allclose(hhi.to_numpy(), [5**2 + 45**2 + 50**2, 30**2 + 20**2 + 50**2])


def test_scenario_ranks_and_provenance_says_computed(write: Writer) -> None:
    """A scenario using the computed keys loads and ranks through rank_scenario; the missing
    LQ of the candidate without a sector is filled by the policy and reported; provenance is
    written automatically ("computed: ..."), with remarks from `note` appended."""
    regional = REGIONAL.replace(
        "      reference: RU\n", "      reference: RU\n      note: a remark\n", 1
    )
    scn = load_scenario(_scenario(write, regional, "missing_data: impute_worst\n"))
    source = scn.data.provenance["sector_lq"].source
    assert source.startswith("computed: LQ of employment for each candidate's sector")
    assert "against region 'RU'" in source
    assert "mine: sector 'coal' in region 'north'" in source
    assert "no matching sector, left missing: farm" in source
    assert source.endswith("a remark")
    hhi_source = scn.data.provenance["region_hhi"].source
    assert hhi_source.startswith("computed: HHI (percent shares, 10000/K..10000) of employment")
    dm = decision_matrix(scn)
    assert any(n.candidate == "farm" and n.key == "sector_lq" for n in dm.cell_notes)
    report = rank_scenario(scn, matrix=dm)
    assert np.isfinite(report.result.scores).all()
    assert sorted(report.result.ranks) == [1, 2, 3]
    unsourced = [n for n in report.notes if n.startswith("no provenance given")]
    assert unsourced == ["no provenance given for data keys: staff"]


def test_round_trip_keeps_the_computed_provenance(write: Writer) -> None:
    """Invariant: validating a dumped scenario again gives the same data block (the written
    provenance is recognised as automatic, not taken for a user's)."""
    path = _scenario(write)
    scn = load_scenario(path)
    scope = FileScope.around(path.parent)  # the stored paths are absolute, inside this folder
    again = Scenario.model_validate(scn.model_dump(), context={"scope": scope})
    assert again.data.provenance == scn.data.provenance
    assert again.data.regional == scn.data.regional


def test_shipped_example_uses_seed003_table6_as_printed() -> None:
    """Seed 003 (Иванова О. П., 2018), Table 6, turnover column (2016): mining 4.25, health
    and social services 1.04, agriculture 0.49 feed the coal, biomedical and agro clusters;
    Sheregesh and light industry have no row, stay missing and are imputed (impute_worst),
    each cell reported. The provenance says the figures are printed, not recomputed."""
    scn = load_scenario(EXAMPLE)
    prov = scn.data.provenance["sector_lq_turnover"]
    assert prov.source.startswith("printed (not recomputed): column 'lq_printed'")
    assert "Seed 003" in prov.source
    assert "left missing: sheregesh, light" in prov.source
    assert prov.illustrative is False
    data = read_data(scn.data, scn.candidate_ids, scn.criteria_set.data_keys)
    np.testing.assert_allclose(
        data.loc[["coal", "biomedical", "agro"], "sector_lq_turnover"], [4.25, 1.04, 0.49]
    )
    assert data.loc[["sheregesh", "light"], "sector_lq_turnover"].isna().all()
    dm = decision_matrix(scn)
    imputed = {n.candidate for n in dm.cell_notes if n.key == "sector_lq_turnover"}
    assert imputed == {"sheregesh", "light"}
    report = rank_scenario(scn, matrix=dm)
    assert np.isfinite(report.result.scores).all()
    assert report.result.ranks[list(report.result.candidates).index("coal")] == 1


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "regions: {mine: north}",
            "regions: {mine: west}",
            "data.regional[0].regions.mine: region 'west' of candidate 'mine' is not among",
        ),
        (
            "sectors: {mine: coal,",
            "sectors: {mine: steel,",
            "data.regional[0].sectors.mine: sector 'steel' of candidate 'mine' is not in",
        ),
        (
            "  - {id: clinic, region: south}",
            "  - {id: clinic, region: Kuzbass}",
            "data.regional[0].regions: region 'Kuzbass' of candidate 'clinic' (the candidate's "
            "region field)",
        ),
        (
            "measure: employment\n      indicator: lq",
            "measure: employment\n      year: 2015\n      indicator: lq",
            "year 2015 was asked for but the table has no 'year' column",
        ),
    ],
)
def test_bad_mappings_name_the_scenario_path(
    write: Writer, old: str, new: str, expected: str
) -> None:
    """A region or sector the table lacks (mapped, or from the candidate's region field), or a
    year it does not hold: a problem naming the scenario file and the dotted path."""
    path = _scenario(write)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    problems = _problems(path)
    assert any(expected in p for p in problems), problems
    assert any(p.startswith(f"{path}, data.regional[0]") for p in problems), problems


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "key: sector_lq",
            "key: sector_lqq",
            "data.regional[0].key: unknown data key 'sector_lqq'",
        ),
        ("{mine: coal,", "{ghost: coal, mine: coal,", "sectors.ghost: unknown candidate 'ghost'"),
        (
            "indicator: hhi",
            "indicator: hhi\n      sector: coal",
            "hhi describes the region's whole",
        ),
        ("indicator: lq", "indicator: printed", "indicator printed needs 'column'"),
        (
            "table: data/table.csv\n      measure: employment\n      indicator: lq",
            "table: data/nothere.csv\n      measure: employment\n      indicator: lq",
            "table not found",
        ),
    ],
)
def test_bad_entries_are_rejected_on_load(write: Writer, old: str, new: str, expected: str) -> None:
    """Model and cross-field rules: the key must be a data key, mapped candidates must exist,
    HHI takes no sector, printed needs its column, the table must exist."""
    path = _scenario(write)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        load_scenario(path)
    assert expected in str(info.value)


def test_conflicts_with_other_data_and_missing_regions(write: Writer) -> None:
    """A computed key may not also be a mapped column, an inline value or a user's
    provenance; a candidate needing a region must have one."""
    tail = (
        "  columns: {sector_lq: lq}\n  values: {mine: {sector_lq: 2}}\n"
        "  provenance: {sector_lq: {source: my own figures}}\n"
    )
    path = _scenario(write, REGIONAL.replace("  regional:", tail + "  regional:"))
    with pytest.raises(ValidationFailed) as info:
        load_scenario(path)
    text = str(info.value)
    assert "data.columns.sector_lq: remove it; data.regional[0] computes key 'sector_lq'" in text
    assert "data.values.mine.sector_lq" in text
    assert "put remarks in data.regional[0].note" in text
    path = _scenario(write)
    path.write_text(
        path.read_text(encoding="utf-8").replace("{id: farm, region: north}", "{id: farm}"),
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed, match="candidate 'farm' has no region"):
        load_scenario(path)


def test_bad_table_cells_are_reported_with_the_table_line(write: Writer) -> None:
    """A negative figure in the table: the scenario entry and the table's file and line."""
    path = _scenario(write)
    write("data/table.csv", TABLE.replace("south,coal,5,", "south,coal,-5,"))
    problems = _problems(path)
    assert any("data.regional[0]: table" in p for p in problems)
    assert any("table.csv, line 6, value" in p and "negative measure" in p for p in problems)
