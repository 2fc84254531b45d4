"""The shipped content in ``configs/``: every file loads, cites its source, and holds real figures.

The Kemerovo figures are checked against the seed papers in ``/work/shared/seeds/``; the
main source is seed 003 (Иванова О. П., 2018, «Взаимовлияние производственной
специализации региона и внутрирегиональных кластеров»), sections «Введение» and
«Результаты и их обсуждение». Each known-figure test names the seed and the place.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from clusterrank.criteria.data_sources import read_data
from clusterrank.criteria.loading import load_any, load_criteria_set, load_scenario
from clusterrank.criteria.models import AHPFile, CriteriaSet, Scenario
from clusterrank.criteria.plain_matrix import read_pairwise_csv
from clusterrank.methods.ahp.consistency import analyse

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = ROOT / "configs"
CRITERIA_FILES = sorted((CONFIGS / "criteria").glob("*.yaml"))
SCENARIO_FILES = sorted((CONFIGS / "scenarios").glob("*.yaml"))
AHP_FILES = sorted((CONFIGS / "ahp").glob("*.yaml"))
# The sets and scenarios built from the seeds (other shipped files are only checked to load).
SEED_SETS = [
    CONFIGS / "criteria" / f"{name}.yaml"
    for name in ("five_groups", "russia_2012_pilot_clusters", "seed003_fifteen_factors")
]
DATA_CSV = CONFIGS / "data" / "kemerovo_clusters.csv"
SOURCES_CSV = CONFIGS / "data" / "kemerovo_clusters.sources.csv"
KEMEROVO = CONFIGS / "scenarios" / "kemerovo_clusters.yaml"
KEMEROVO_AHP = CONFIGS / "scenarios" / "kemerovo_clusters_ahp.yaml"
ILLUSTRATIVE_TEXT = "Illustrative score, not from any source — replace with a panel's score"
CANDIDATES = ("coal", "biomedical", "sheregesh", "agro", "light")

# The whole Kemerovo table as the seeds print it (None = no seed gives the figure).
# coal: seed 003 «Результаты и их обсуждение»: 6 anchors + 4 education + 6 research + 54 SMEs
#   (77 %), "более 8 тыс. чел."; 2016 fixed investment coke 2061.8 + chemicals 1860.8 mln RUB.
# biomedical: same section: 59 organisations, 30 SMEs (30/59 = 50.8 %, printed "более 50 %"),
#   6 education + 3 research, "около 22 тыс. чел.", health investment 1345 mln RUB in 2016.
# sheregesh: seed 003 «Введение»: 97 participants, 82.3 % SMEs; body: «Стратегия развития ТРК».
# agro: «Введение» 130 participants; body: 123 SMEs (92 %), agricultural institute + 2 research.
# light: body: agreement of 17 participants, strategy «разрабатывается» (0).
EXPECTED = {
    "coal": (3922.6, 70, 8000, 77.0, 10, 1),
    "biomedical": (1345.0, 59, 22000, 50.8, 9, 1),
    "sheregesh": (None, 97, None, 82.3, None, 1),
    "agro": (None, 130, None, 92.0, 3, 1),
    "light": (None, 17, None, None, None, 0),
}
COLUMNS = (
    "investment_2016_mln_rub",
    "participants",
    "employees",
    "sme_share_pct",
    "research_education_orgs",
    "declared_strategy",
)


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return pd.read_csv(DATA_CSV, index_col="candidate_id")


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    return pd.read_csv(SOURCES_CSV, dtype=str)


@pytest.fixture(scope="module")
def kemerovo() -> Scenario:
    return load_scenario(KEMEROVO)


def test_shipped_files_exist() -> None:
    """The seed-based criteria sets and both Kemerovo scenarios are present. There is no
    Kuzbass regional-competition set: the seeds never name its five criteria, so none are
    invented."""
    assert all(p.is_file() for p in SEED_SETS)
    assert not (CONFIGS / "criteria" / "kuzbass_regional_competition.yaml").exists()
    assert KEMEROVO.is_file()
    assert KEMEROVO_AHP.is_file()


@pytest.mark.parametrize(
    "path", CRITERIA_FILES + SCENARIO_FILES + AHP_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}"
)
def test_every_shipped_yaml_loads_and_cites_its_source(path: Path) -> None:
    """Every YAML under configs/ validates; every criteria set (also inside a scenario)
    names its source, and a set without official weights explains its weights."""
    model = load_any(path)
    if isinstance(model, Scenario):
        model = model.criteria_set
    if isinstance(model, CriteriaSet):
        assert model.source.strip()
        if not model.official_weights:
            assert model.weights_note, f"{model.id}: no weights_note for unofficial weights"
    else:
        assert isinstance(model, AHPFile)


@pytest.mark.parametrize("path", SEED_SETS, ids=lambda p: p.stem)
def test_seed_criteria_set_cites_seed003_and_editable_weights(path: Path) -> None:
    """The seed-based sets cite seed 003 (directly or as the text citing the official source),
    publish no official weights, and say the shipped weights are editable."""
    cs = load_criteria_set(path)
    assert isinstance(cs, CriteriaSet)
    assert "seed 003" in cs.source.lower()
    assert cs.official_weights is False
    assert cs.weights_note is not None
    assert "editable" in cs.weights_note.lower()
    for crit in cs.criteria:
        assert crit.source, f"criterion {crit.id} has no source"


@pytest.mark.parametrize("path", SEED_SETS, ids=lambda p: p.stem)
def test_criteria_set_weights_are_equal_per_criterion(path: Path) -> None:
    """Invariant: each shipped set gives every criterion the same global weight
    (normalised group weight × normalised local weight), since no source ranks them."""
    cs = load_criteria_set(path)
    group_total = math.fsum(g.weight for g in cs.groups)
    global_w = [
        g.weight / group_total * c.weight / math.fsum(x.weight for x in g.criteria)
        for g in cs.groups
        for c in g.criteria
    ]
    if cs.id == "five_groups":  # equal groups, then equal criteria inside each group
        assert {g.weight for g in cs.groups} == {1.0}
        assert {c.weight for c in cs.criteria} == {1.0}
    else:
        np.testing.assert_allclose(global_w, 1 / len(global_w), rtol=1e-12)


def test_five_groups_are_seed003_factors_1_3_4_5_13() -> None:
    """Seed 003 «Методика исследования»: the product card's groups are its factors 1, 3, 4, 5
    and 13, measured by the indicators the seed lists for a cluster's level of development."""
    cs = load_criteria_set(CONFIGS / "criteria" / "five_groups.yaml")
    assert cs.group_ids == (
        "infrastructure",
        "critical_mass",
        "sme_share",
        "rd_potential",
        "strategy",
    )
    assert cs.data_keys == COLUMNS
    assert all(c.direction == "benefit" for c in cs.criteria)


def test_fifteen_factors_cover_every_seed003_factor() -> None:
    """Seed 003: 14 factors in «Методика исследования» plus natural potential in «Заключение»;
    each is expert-scored 0–10 with verbal anchors at both ends."""
    cs = load_criteria_set(CONFIGS / "criteria" / "seed003_fifteen_factors.yaml")
    numbers = sorted(int(c.id[1:3]) for c in cs.criteria)
    assert numbers == list(range(1, 16))
    for c in cs.criteria:
        assert c.expert_scale is not None
        assert (c.expert_scale.min, c.expert_scale.max) == (0, 10)
        assert {0.0, 10.0} <= set(c.expert_scale.anchors)


def test_russia_2012_has_the_four_official_groups() -> None:
    """MED 2012 pilot innovative territorial clusters: four groups, expert-scored, no
    official weights (cited by seed 003, «Методика исследования», footnote 2)."""
    cs = load_criteria_set(CONFIGS / "criteria" / "russia_2012_pilot_clusters.yaml")
    titles = [g.title.lower() for g in cs.groups]
    assert len(titles) == 4
    for word, title in zip(
        ("scientific-technological", "production", "quality of life", "organisational"),
        titles,
        strict=True,
    ):
        assert word in title
    assert all(c.expert_scale is not None and c.expert_scale.anchors for c in cs.criteria)
    assert cs.weights_note is not None
    assert "no official weights or pass mark" in cs.weights_note.lower()


@pytest.mark.parametrize("path", [KEMEROVO, KEMEROVO_AHP], ids=lambda p: p.stem)
def test_scenario_loads_with_real_data(path: Path) -> None:
    """Both Kemerovo scenarios validate, read the shipped CSV, and rank by TOPSIS with
    vector normalisation under the impute_worst policy."""
    sc = load_scenario(path)
    assert isinstance(load_any(path), Scenario)
    assert sc.criteria_set.id == "five_groups"
    assert sc.candidate_ids == CANDIDATES
    assert sc.data.file is not None
    assert Path(sc.data.file) == DATA_CSV.resolve()
    assert sc.method.name == "topsis"
    assert sc.method.settings == {"normalization": "vector"}
    assert sc.missing_data == "impute_worst"
    assert sc.description is not None
    assert "light-industry" in sc.description


def test_candidate_names_are_cyrillic_as_the_seed_spells_them(kemerovo: Scenario) -> None:
    """Seed 003 spells the clusters «Комплексная переработка угля и техногенных отходов»,
    «Биомедицинский кластер Кемеровской области», ТРК «Шерегеш» ... (kept intact)."""
    names = {c.id: c.name for c in kemerovo.candidates}
    assert names["coal"] == "«Комплексная переработка угля и техногенных отходов»"
    assert names["biomedical"] == "Биомедицинский кластер Кемеровской области"
    assert "«Шерегеш»" in names["sheregesh"]
    assert names["light"] == "Кластер легкой промышленности"


def test_kemerovo_csv_holds_exactly_the_seed_figures(data: pd.DataFrame) -> None:
    """The whole table equals the seed figures (see ``EXPECTED`` for each place in seed 003);
    empty cells are exactly those no seed gives."""
    assert tuple(data.index) == CANDIDATES
    assert tuple(data.columns) == COLUMNS
    expected = pd.DataFrame(
        [[np.nan if v is None else float(v) for v in EXPECTED[c]] for c in CANDIDATES],
        index=pd.Index(CANDIDATES, name="candidate_id"),
        columns=list(COLUMNS),
    )
    np.testing.assert_array_equal(data.isna().to_numpy(), expected.isna().to_numpy())
    np.testing.assert_allclose(data.to_numpy(float), expected.to_numpy(float), atol=1e-9)


def test_scenario_reads_the_same_figures(kemerovo: Scenario, data: pd.DataFrame) -> None:
    """The scenario's data spec (file, id column, keys) yields exactly the CSV's figures."""
    table = read_data(kemerovo.data, kemerovo.candidate_ids, kemerovo.criteria_set.data_keys)
    np.testing.assert_array_equal(table.to_numpy(float), data.loc[list(CANDIDATES)].to_numpy(float))


def test_ahp_scenario_matches_the_pairwise_csv_example() -> None:
    """The AHP scenario's group judgments and the pairwise CSV example are the same matrix."""
    sc = load_scenario(KEMEROVO_AHP)
    assert sc.weights.mode == "ahp"
    assert sc.weights.groups is not None
    pairwise = read_pairwise_csv(CONFIGS / "ahp" / "group_judgments_example.csv")
    items, matrix = pairwise.items, pairwise.matrix
    np.testing.assert_allclose(sc.weights.groups.pairwise(items), matrix, rtol=1e-12)


def _cell(data: pd.DataFrame, cand: str, col: str) -> float:
    """One figure of the table as a float (NaN when missing)."""
    return float(data[col].to_numpy(float)[list(data.index).index(cand)])


def test_coal_cluster_counts_add_up(data: pd.DataFrame) -> None:
    """Seed 003 «Результаты и их обсуждение»: 6 anchors, 4 education organisations, 6 research
    institutes and 54 SMEs, «77 % от общего количества участников»: 54/70 rounds to 77 %."""
    participants = _cell(data, "coal", "participants")
    assert participants == 6 + 4 + 6 + 54
    assert round(54 / participants * 100) == _cell(data, "coal", "sme_share_pct")
    assert _cell(data, "coal", "research_education_orgs") == 4 + 6


def test_biomedical_and_coal_investment_are_the_seed_sums(data: pd.DataFrame) -> None:
    """Seed 003 «Результаты и их обсуждение»: 2016 fixed investment coke/petroleum 2061.8 and
    chemicals 1860.8 mln RUB (coal cluster); health and social services 1345 mln RUB
    (biomedical); biomedical SMEs 30 of 59 organisations («более 50 %»)."""
    np.testing.assert_allclose(_cell(data, "coal", "investment_2016_mln_rub"), 2061.8 + 1860.8)
    np.testing.assert_allclose(_cell(data, "biomedical", "investment_2016_mln_rub"), 1345.0)
    bio_sme = _cell(data, "biomedical", "sme_share_pct")
    np.testing.assert_allclose(bio_sme, 30 / 59 * 100, atol=0.05)
    assert bio_sme > 50


def test_every_cell_has_a_cited_source(data: pd.DataFrame, sources: pd.DataFrame) -> None:
    """Each (column, candidate) cell has one sidecar row citing a seed; each empty cell's note
    says it is missing and why."""
    rows = [r for r in sources.to_dict("records") if r["column"] != "*"]
    keyed = {(str(r["column"]), str(r["candidate_id"])): r for r in rows}
    assert len(keyed) == len(rows), "duplicate (column, candidate) rows in the sidecar"
    assert set(keyed) == {(col, cand) for col in COLUMNS for cand in CANDIDATES}
    for (col, cand), row in keyed.items():
        assert "Seed 00" in str(row["source"]), (col, cand)
        note = str(row["note"])
        if math.isnan(_cell(data, cand, col)):
            assert note.startswith("Missing:"), (col, cand)
        else:
            assert not note.startswith("Missing"), (col, cand)


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_illustrative_provenance_is_flagged_with_the_required_text(path: Path) -> None:
    """In every shipped scenario, a data key flagged illustrative carries the required text,
    and no key whose source calls itself illustrative goes unflagged."""
    for key, p in load_scenario(path).data.provenance.items():
        if p.illustrative:
            assert ILLUSTRATIVE_TEXT in p.source, key
        else:
            assert "illustrative" not in p.source.lower(), key


@pytest.mark.parametrize("path", [KEMEROVO, KEMEROVO_AHP], ids=lambda p: p.stem)
def test_kemerovo_data_keys_all_cite_a_seed(path: Path) -> None:
    """Every Kemerovo data key cites a seed; the data are all real, so none is illustrative."""
    sc = load_scenario(path)
    prov = sc.data.provenance
    assert set(prov) == set(sc.criteria_set.data_keys)
    for key, p in prov.items():
        assert "Seed 00" in p.source, key
    assert not any(p.illustrative for p in prov.values())
    assert len(sc.data.values) == 0, "inline values would bypass the CSV provenance"


def test_ahp_scenario_judgments_are_consistent_and_labelled() -> None:
    """The illustrative group judgments of the AHP scenario pass Saaty's rule CR < 0.10
    (eigenvector, Saaty RI 1.12 for n = 5), and the file says they are illustrative."""
    sc = load_scenario(KEMEROVO_AHP)
    assert sc.weights.mode == "ahp"
    assert sc.weights.groups is not None
    assert sc.description is not None
    assert "ILLUSTRATIVE" in sc.description
    items = sc.criteria_set.group_ids
    result = analyse(sc.weights.groups.pairwise(items), items)
    assert result.cr < 0.10
    assert (KEMEROVO_AHP.read_text(encoding="utf-8")).count("Illustrative") >= 2


def test_ahp_examples_load_and_are_consistent() -> None:
    """The AHP hierarchy example and the pairwise CSV example validate, say they are
    illustrative, and every matrix in them has CR < 0.10."""
    hierarchy_path = CONFIGS / "ahp" / "cluster_choice_example.yaml"
    hierarchy = load_any(hierarchy_path)
    assert isinstance(hierarchy, AHPFile)
    assert "illustrative" in hierarchy.goal.lower()
    assert hierarchy.criteria_judgments is not None
    blocks = [(hierarchy.criteria, hierarchy.criteria_judgments)]
    blocks += [(hierarchy.alternatives, b) for b in hierarchy.alternative_judgments.values()]
    for items, block in blocks:
        assert analyse(block.pairwise(items), items).cr < 0.10

    csv_path = CONFIGS / "ahp" / "group_judgments_example.csv"
    assert csv_path.read_text(encoding="utf-8").startswith("illustrative,")
    pairwise = read_pairwise_csv(csv_path)
    items, matrix = pairwise.items, pairwise.matrix
    assert items == load_criteria_set(CONFIGS / "criteria" / "five_groups.yaml").group_ids
    assert analyse(matrix, items).cr < 0.10
