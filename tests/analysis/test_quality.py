"""Tests for analysis.quality and RankingReport.quality on the shipped Kemerovo scenario."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from clusterrank.analysis.quality import NOT_ASSESSABLE_SHARE, data_quality
from clusterrank.analysis.ranking import rank_scenario
from clusterrank.criteria.loading import load_scenario
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.errors import ConfigurationError

REPO = Path(__file__).resolve().parents[2]
KEMEROVO = REPO / "configs" / "scenarios" / "kemerovo_clusters.yaml"


def test_kemerovo_light_industry_is_not_assessable() -> None:
    """Source: the scenario's description and issue 13 — 9 of the 30 cells are imputed; the
    light-industry cluster (last placed) has 4 of its 6 figures imputed (investment,
    employees, SME share, research/education organisations), above half: not assessable.
    """
    dm = decision_matrix(load_scenario(KEMEROVO))
    quality = {q.candidate: q for q in data_quality(dm)}
    assert sum(len(q.imputed) for q in quality.values()) == 9
    assert sum(q.cells for q in quality.values()) == 30
    light = quality["light"]
    assert light.label == "4 of 6 imputed"
    assert light.count == "4 of 6"
    assert not light.assessable
    assert light.reason == "4 of 6 figures imputed (above half)"
    assert "SME share of participants" in light.imputed
    assert {q.candidate for q in quality.values() if not q.assessable} == {"light"}
    sheregesh = quality["sheregesh"]
    assert (len(sheregesh.imputed), sheregesh.assessable, sheregesh.reason) == (3, True, "")


def test_threshold_is_a_share_and_named_in_the_reason() -> None:
    """3 of 6 is not above half, but it is above 40 %."""
    dm = decision_matrix(load_scenario(KEMEROVO))
    assert NOT_ASSESSABLE_SHARE == 0.5
    strict = {q.candidate: q for q in data_quality(dm, threshold=0.4)}
    assert strict["sheregesh"].reason == "3 of 6 figures imputed (above 40%)"
    with pytest.raises(ConfigurationError, match="between 0 and 1"):
        data_quality(dm, threshold=1.5)


def test_illustrative_cells_are_named() -> None:
    dm = decision_matrix(load_scenario(KEMEROVO))
    mask = np.zeros_like(dm.illustrative)
    mask[0, 1] = True
    quality = data_quality(replace(dm, illustrative=mask))
    assert quality[0].illustrative == (dm.criterion_titles[1],)
    assert quality[1].illustrative == ()


def test_ranking_report_carries_quality_in_result_order() -> None:
    report = rank_scenario(load_scenario(KEMEROVO))
    assert tuple(q.candidate for q in report.quality) == report.result.candidates
    light = report.quality_of("light")
    assert light is not None
    assert not light.assessable
    assert report.quality_of("nobody") is None
    rows = {r["id"]: r for r in report.to_payload()["results"]}
    assert rows["light"]["data_quality"] == {
        "imputed": list(light.imputed),
        "illustrative": [],
        "cells": 6,
        "assessable": False,
        "reason": "4 of 6 figures imputed (above half)",
    }
    assert rows["coal"]["data_quality"]["assessable"] is True
