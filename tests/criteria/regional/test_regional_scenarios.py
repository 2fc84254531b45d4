"""The UK and EU regional scenarios: load, handle their data-quality caveats, rank finitely."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from clusterrank.analysis.ranking import rank_scenario
from clusterrank.criteria import decision_matrix, load_scenario

ROOT = Path(__file__).resolve().parents[3]


def test_uk_scenario_handles_false_zero_and_structural_gaps() -> None:
    """UK NUTS-2 (Nesta BEIS R&D indicators): UKI7's false zero is overridden to missing,
    and drop_candidate leaves out UKI7, UKM9 and UKN0 with a note each; 38 regions rank."""
    scn = load_scenario(ROOT / "configs/scenarios/uk_nuts2_innovation.yaml")
    assert len(scn.candidates) == 41
    assert scn.data.values["UKI7"]["he_collab_research_income_gbp"] is None
    assert "false zero" in scn.data.provenance["he_collab_research_income_gbp"].source
    assert "Nesta" in (scn.description or "")
    dm = decision_matrix(scn)
    assert dm.values.shape == (38, 10)
    dropped = {n.candidate for n in dm.cell_notes if n.action == "dropped_candidate"}
    assert dropped == {"UKI7", "UKM9", "UKN0"}
    report = rank_scenario(scn, matrix=dm)
    assert np.isfinite(report.result.scores).all()
    assert sorted(report.result.ranks) == list(range(1, 39))


def test_eu_scenario_leaves_out_net_migration_and_ranks_all() -> None:
    """EU-27 NUTS-2 (R package index, Eurostat): net migration is not a criterion; all 233
    regions rank with finite scores."""
    scn = load_scenario(ROOT / "configs/scenarios/eu_nuts2_regions.yaml")
    assert "net_migration_crude_rate" not in scn.criteria_set.data_keys
    assert "Eurostat" in (scn.description or "")
    report = rank_scenario(scn)
    assert len(report.result.candidates) == 233
    assert np.isfinite(report.result.scores).all()
    assert report.result.ranks.min() == 1


# SHA-256 of the files as published in the project's shared data folder (data/README.md
# there gives their provenance); the shipped copies must be byte-identical.
PUBLISHED_SHA256 = {
    "uk_nuts2_innovation.csv": "6d672bed0067c8a5bbdc665d8a6cd8260340b620448d28780c9e7b90c9144984",
    "eu_nuts2_indicators.csv": "13e91583939e503fcf86ed0ae1da5b16c8a686af330e18bff12c5fd4df995bcf",
}


def test_shipped_csvs_are_unchanged_copies() -> None:
    """The two datasets are shipped unchanged: their bytes hash to the published files'."""
    for name, digest in PUBLISHED_SHA256.items():
        data = (ROOT / "configs/data" / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, name
