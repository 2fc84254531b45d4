"""What a panel asks, derived from its scenario (no database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterrank.criteria import load_scenario
from clusterrank.errors import ConfigurationError
from clusterrank.panel.questionnaire import build_questionnaire, questionnaire_of
from tests.panel.factory import KEMEROVO, MED_CRITERIA, MED_GROUPS, scored_scenario


def test_kemerovo_asks_groups_and_the_two_criteria_of_critical_mass() -> None:
    q = build_questionnaire(load_scenario(KEMEROVO))
    assert [n.id for n in q.nodes] == ["groups", "critical_mass"]
    assert len(q.node("groups").pairs) == 10
    assert q.node("critical_mass").items == ("participants", "employees")
    assert q.scored == ()
    assert q.item_keys == ("judgments:groups", "judgments:critical_mass")
    assert q.size() == 11


def test_scored_criteria_carry_their_scale_and_anchors(tmp_path: Path) -> None:
    q = build_questionnaire(load_scenario(scored_scenario(tmp_path)))
    assert [c.id for c in q.scored] == list(MED_CRITERIA)
    first = q.scored[0]
    assert (first.min, first.max) == (0, 10)
    assert [p for p, _ in first.anchors] == [0.0, 5.0, 10.0]
    assert q.node("groups").items == MED_GROUPS
    assert q.size() == 6 + 4 * 5
    assert "scores:st_potential:coal" in q.item_keys


def test_choices_of_kind_and_node(tmp_path: Path) -> None:
    scenario = load_scenario(KEMEROVO)
    only = build_questionnaire(scenario, ["judgments"], ["critical_mass"])
    assert [n.id for n in only.nodes] == ["critical_mass"]
    with pytest.raises(ConfigurationError, match="no pairwise node 'nowhere'"):
        build_questionnaire(scenario, ["judgments"], ["nowhere"])
    with pytest.raises(ConfigurationError, match="no expert-scored criterion"):
        build_questionnaire(scenario, ["scores"])
    with pytest.raises(ConfigurationError, match="judgments and/or scores"):
        build_questionnaire(scenario, ["votes"])
    scored = load_scenario(scored_scenario(tmp_path))
    q = build_questionnaire(scored, ["scores"])
    assert q.nodes == ()
    assert questionnaire_of(scored, q.asked()) == q
