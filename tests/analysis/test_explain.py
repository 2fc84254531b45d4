"""Tests for analysis.explain on the shipped Kemerovo scenario (TOPSIS, vector normalisation)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from clusterrank.analysis.explain import PAIR_COLUMNS, Explanation, explain
from clusterrank.analysis.ranking import rank_scenario
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.loading import load_scenario
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.errors import ConfigurationError

REPO = Path(__file__).resolve().parents[2]
KEMEROVO = REPO / "configs" / "scenarios" / "kemerovo_clusters.yaml"


def _kemerovo(method: str | None = None) -> tuple[Explanation, DecisionMatrix]:
    scenario = load_scenario(KEMEROVO)
    dm = decision_matrix(scenario)
    return explain(rank_scenario(scenario, method=method, matrix=dm), dm), dm


def test_pair_on_kemerovo_topsis() -> None:
    """Why coal is above light industry, by hand for the strategy criterion.

    The declared-strategy column is (1, 1, 1, 1, 0): vector norm 2, so r = 0.5 for coal and
    0 for light; ideal 0.5, anti-ideal 0 (benefit). Coal: to_anti = w² · 0.25, to_ideal 0;
    light: to_ideal = w² · 0.25, to_anti 0. Net pulls ±w²/4, difference coal - light = w²/2.
    Employees are imputed at the worst value for light and equal (8000) for coal: difference 0.
    """
    e, _ = _kemerovo()
    pair = e.pair("coal", "light")
    assert tuple(pair.columns) == PAIR_COLUMNS
    w = e.report.weights["declared_strategy"]
    by_id = pair.set_index("criterion")
    assert by_id.loc["declared_strategy", "difference"] == pytest.approx(w**2 / 2, rel=1e-12)
    assert by_id.loc["employees", "difference"] == 0.0
    np.testing.assert_allclose(pair["difference"], pair["a"] - pair["b"], atol=1e-15)
    sizes = pair["difference"].abs().to_numpy()
    assert (np.diff(sizes) <= 0).all()  # largest first
    assert pair.loc[0, "title"] == e.criterion_titles[str(pair.loc[0, "criterion"])]


def test_pair_shows_where_a_candidate_gains_and_loses() -> None:
    """Biomedical (9 research/education organisations, 22 000 employees) gains on those;
    agro (130 participants, 92 % SMEs against 59 and 50.8 %) gains on the other two."""
    e, _ = _kemerovo()
    diff = e.pair("biomedical", "agro").set_index("criterion")["difference"]
    assert diff["research_education"] > 0
    assert diff["employees"] > 0
    assert diff["participants"] < 0
    assert diff["sme_share"] < 0


def test_pair_refuses_unknown_or_equal_candidates() -> None:
    e, _ = _kemerovo()
    with pytest.raises(ConfigurationError, match="valid ids: coal, biomedical"):
        e.pair("coal", "nobody")
    with pytest.raises(ConfigurationError, match="same candidate"):
        e.pair("coal", "coal")


def test_frame_is_long_and_in_rank_order() -> None:
    e, dm = _kemerovo("wsm")
    frame = e.frame()
    assert list(frame.columns) == ["id", "name", "rank", "criterion", "title", "contribution"]
    assert len(frame) == 30
    assert frame["rank"].is_monotonic_increasing
    sums = frame.groupby("id")["contribution"].sum()
    scores = dict(zip(e.report.result.candidates, e.report.result.scores, strict=True))
    for cand, total in sums.items():
        assert total == pytest.approx(scores[str(cand)], rel=1e-12, abs=1e-15)
    assert set(frame["title"]) == set(dm.criterion_titles)


@pytest.mark.parametrize("method", ["wsm", "ahp"])
def test_payload_contributions_sum_to_the_score(method: str) -> None:
    """The issue's JSON contract: for additive methods a candidate's contributions sum to
    its score."""
    e, _ = _kemerovo(method)
    payload = e.to_payload()
    assert payload["method"] == method
    assert payload["kind"] == "additive"
    assert payload["exact"] is True
    for row in payload["results"]:
        assert sum(row["contributions"].values()) == pytest.approx(row["score"], abs=1e-12)
        assert set(row["data_quality"]) == {
            "imputed",
            "illustrative",
            "cells",
            "assessable",
            "reason",
        }
    assert "pair" not in payload


def test_topsis_payload_has_the_distance_terms_and_the_pair() -> None:
    e, _ = _kemerovo()
    payload = e.to_payload(pair=("coal", "light"))
    assert payload["kind"] == "topsis"
    assert payload["settings"]["method"] == {"normalization": "vector"}
    coal = next(r for r in payload["results"] if r["id"] == "coal")
    for crit, value in coal["contributions"].items():
        assert value == pytest.approx(coal["to_anti_ideal"][crit] - coal["to_ideal"][crit])
    assert payload["pair"]["candidate"] == "coal"
    assert payload["pair"]["versus"] == "light"
    assert len(payload["pair"]["rows"]) == 6
    assert payload["description"].startswith("TOPSIS, vector normalisation")


def test_a_matrix_that_was_not_ranked_is_refused() -> None:
    e, dm = _kemerovo()
    other = replace(dm, candidates=tuple(reversed(dm.candidates)))
    with pytest.raises(ConfigurationError, match="rank the scenario again"):
        explain(e.report, other)
