"""Results of a panel on both backends, cross-checked against methods.ahp / methods.group."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from clusterrank.criteria import decision_matrix, scenario_from_text
from clusterrank.methods import rank
from clusterrank.methods.ahp import aggregate_judgments, aggregate_priorities, analyse
from clusterrank.methods.group import summarize_scores
from clusterrank.panel import actions
from clusterrank.panel.apply import applied_scenario
from clusterrank.panel.service import Created, import_file, state
from clusterrank.panel.settings import PanelSettings
from clusterrank.store import FacilitatorAccess, Store, list_results
from tests.panel.factory import (
    CANDIDATES,
    MED_CRITERIA,
    MED_GROUPS,
    judgments_csv,
    make_scored_panel,
    profile,
    score_of,
    scores_csv,
)

K = 5
Answered = tuple[Created, FacilitatorAccess]


def _matrix(k: int) -> np.ndarray:
    """Expert k's matrix as the factory writes it (whole numbers or their reciprocals)."""
    p = profile(k)
    a = np.ones((4, 4))
    for i in range(4):
        for j in range(i + 1, 4):
            r = p[i] / p[j]
            v = round(r) if r >= 1 else 1 / round(1 / r)
            a[i, j], a[j, i] = v, 1 / v
    return a


@pytest.fixture
def answered(db: Store, tmp_path: Path) -> Answered:
    made, access = make_scored_panel(db, tmp_path, K)
    import_file(db, access, judgments_csv(tmp_path, K))
    import_file(db, access, scores_csv(tmp_path, K))
    return made, access


def test_aij_weights_equal_the_methods_computed_directly(db: Store, answered: Answered) -> None:
    """AIJ (Forman & Peniwati 1998): geometric mean of the judgments, then eigenvector."""
    _made, access = answered
    payload = actions.results(db, access, resamples=50)
    expected = analyse(aggregate_judgments([_matrix(k) for k in range(1, K + 1)]), MED_GROUPS)
    got = [payload["group_weights"][g] for g in MED_GROUPS]
    np.testing.assert_allclose(got, expected.priorities, rtol=1e-12)
    assert payload["nodes"]["groups"]["cr"] == pytest.approx(expected.cr)
    # one criterion per group: global weight = group weight
    np.testing.assert_allclose([payload["weights"][c] for c in MED_CRITERIA], got, rtol=1e-12)


def test_aip_geometric_and_arithmetic(db: Store, answered: Answered) -> None:
    _made, access = answered
    vectors = [analyse(_matrix(k), MED_GROUPS).priorities for k in range(1, K + 1)]
    for mean in ("geometric", "arithmetic"):
        payload = actions.results(db, access, aggregation="aip", aip_mean=mean, resamples=0)
        expected = aggregate_priorities(vectors, None, mean)
        got = [payload["group_weights"][g] for g in MED_GROUPS]
        np.testing.assert_allclose(got, expected, rtol=1e-12)
        assert payload["settings"]["aip_mean"] == mean


def test_scores_median_with_abstention_and_spread(db: Store, answered: Answered) -> None:
    _made, access = answered
    payload = actions.results(db, access, resamples=0)
    cube = np.array(
        [
            [[score_of(k, c, i) for c in range(4)] for i in range(len(CANDIDATES))]
            for k in range(1, K + 1)
        ],
        dtype=float,
    )
    cube[0, 0, 0] = np.nan  # expert 1 abstained on coal / st_potential
    summary = summarize_scores(cube)
    for c, crit in enumerate(MED_CRITERIA):
        for i, cand in enumerate(CANDIDATES):
            assert payload["scores"][crit][cand] == pytest.approx(summary.values[i, c])
            spread = payload["score_summary"][crit][cand]
            assert spread["iqr"] == pytest.approx(summary.iqr[i, c])
            assert spread["within_one_step"] == pytest.approx(summary.within_one_step[i, c])
    assert payload["score_summary"]["st_potential"]["coal"]["abstained"] == 1
    assert payload["score_summary"]["st_potential"]["coal"]["answered"] == K - 1


def test_weighted_result_comes_with_the_equal_weights_result(db: Store, answered: Answered) -> None:
    _made, access = answered
    equal = actions.results(db, access, resamples=0)
    weighted = actions.results(db, access, resamples=0, expert_weights="expert")
    assert "equal_weights" not in equal
    assert weighted["expert_weights"]["scheme"] == "expert"
    assert weighted["equal_weights"]["weights"] == pytest.approx(equal["weights"])
    assert weighted["weights"] != pytest.approx(equal["weights"])
    grouped = actions.results(
        db,
        access,
        resamples=0,
        expert_weights="group",
        group_weights={"science": 1.0, "business": 1.0, "government": 2.0},
    )
    assert grouped["expert_weights"]["scheme"] == "group"
    assert sum(grouped["expert_weights"]["weights"].values()) == pytest.approx(1.0)


def test_consensus_and_robustness_are_reported(db: Store, answered: Answered) -> None:
    _made, access = answered
    payload = actions.results(db, access, resamples=100)
    c = payload["consensus"]
    assert 0 <= c["s_star"]["groups"] <= 1
    assert c["s_star_word"]["groups"] in {"very low", "low", "moderate", "high", "very high"}
    assert set(c["gci"]) == {f"e{k}" for k in range(1, K + 1)}
    assert 0 <= c["kendall_w"] <= 1
    assert 0 <= c["kendall_p"] <= 1
    assert c["kendall"]["m"] == K
    assert c["kendall"]["n"] == len(CANDIDATES)
    assert c["kendall"]["filled_score_cells"] == 1  # the one abstention
    loo = payload["robustness"]["leave_one_out"]
    assert [e["left_out"] for e in loo["experts"]] == [f"e{k}" for k in range(1, K + 1)]
    boot = payload["robustness"]["bootstrap"]
    assert boot["settings"]["resamples"] == 100
    for shares in boot["rank_acceptability"].values():
        assert len(shares) == len(CANDIDATES)


def test_applied_scenario_ranks_as_the_panel_did(db: Store, answered: Answered) -> None:
    _made, access = answered
    payload = actions.results(db, access, resamples=0)
    text = applied_scenario(state(db, access).info.scenario_yaml, payload)
    scenario = scenario_from_text(text, "applied.yaml")
    assert scenario.weights.mode == "ahp"
    assert f"expert panel {payload['panel']}" in text
    dm = decision_matrix(scenario)
    weights = [payload["weights"][c] for c in dm.criteria]
    result = rank(
        dm.values,
        weights,
        dm.directions,
        method=scenario.method.name,
        candidates=dm.candidates,
        settings=dict(scenario.method.settings),
    )
    panel_order = [r["candidate"] for r in payload["ranking"]]
    ranks = dict(zip(result.candidates, result.ranks.tolist(), strict=True))
    assert sorted(panel_order, key=lambda c: ranks[c]) == panel_order
    for crit in MED_CRITERIA:
        for cand in CANDIDATES:
            j, i = dm.criteria.index(crit), dm.candidates.index(cand)
            assert dm.values[i, j] == pytest.approx(payload["scores"][crit][cand])


def test_aip_applies_as_direct_weights(db: Store, answered: Answered) -> None:
    _made, access = answered
    payload = actions.results(db, access, resamples=0, aggregation="aip")
    text = applied_scenario(state(db, access).info.scenario_yaml, payload)
    assert scenario_from_text(text, "applied.yaml").weights.mode == "direct"


def test_every_result_is_kept_as_a_snapshot(db: Store, answered: Answered) -> None:
    _made, access = answered
    first = actions.results(db, access, resamples=0)
    actions.results(db, access, resamples=0, aggregation="aip")
    with db.reader() as s:
        kept = list_results(s, access)
    assert [r.payload["aggregation"] for r in kept] == ["aij", "aip"]
    assert kept[0].payload["weights"] == first["weights"]


def test_illustrative_panels_say_so(db: Store, tmp_path: Path) -> None:
    made, access = make_scored_panel(db, tmp_path, 2, PanelSettings(illustrative=True))
    assert made.title.startswith("ILLUSTRATIVE")
    import_file(db, access, scores_csv(tmp_path, 2))
    payload = actions.results(db, access, resamples=0)
    assert payload["illustrative"] is True
    assert any("ILLUSTRATIVE" in n for n in payload["notes"])
    text = applied_scenario(state(db, access).info.scenario_yaml, payload)
    assert "ILLUSTRATIVE" in text.splitlines()[1]
    scenario = scenario_from_text(text, "applied.yaml")
    assert all(p.illustrative for p in scenario.data.provenance.values())
    assert decision_matrix(scenario).illustrative.any()
