"""Answers files (long format): 3, 1/3 and 0.333 accepted; every bad row reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterrank.criteria import load_scenario
from clusterrank.errors import ValidationFailed
from clusterrank.panel.answers_file import read_answers
from clusterrank.panel.questionnaire import Questionnaire, build_questionnaire
from tests.panel.factory import KEMEROVO, scored_scenario

EXPERTS = {"e1", "e2"}


def _q(tmp_path: Path | None = None) -> Questionnaire:
    if tmp_path is None:
        return build_questionnaire(load_scenario(KEMEROVO))
    return build_questionnaire(load_scenario(scored_scenario(tmp_path)))


def test_fractions_decimals_and_reversed_pairs(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "expert,node,row,column,value\n"
        "e1,groups,infrastructure,critical_mass,3\n"
        "e1,groups,sme_share,infrastructure,1/3\n"
        "e2,groups,infrastructure,critical_mass,0.333\n"
        "e2,critical_mass,employees,participants,1/9\n",
        encoding="utf-8",
    )
    q = _q()
    parsed = read_answers(path, q, EXPERTS, q.item_keys)
    values = [(j.expert, j.row, j.column, round(j.value, 3)) for j in parsed.judgments]
    assert values == [
        ("e1", "infrastructure", "critical_mass", 3.0),
        ("e1", "sme_share", "infrastructure", 0.333),
        ("e2", "infrastructure", "critical_mass", 0.333),
        ("e2", "employees", "participants", 0.111),
    ]


def test_every_bad_judgment_row_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "expert,node,row,column,value\n"
        "e1,groups,infrastructure,critical_mass,3\n"
        "zz,groups,infrastructure,sme_share,2\n"  # 3: unknown expert
        "e1,nowhere,infrastructure,sme_share,2\n"  # 4: unknown node
        "e1,groups,infrastructure,employees,2\n"  # 5: not an item of the node
        "e1,groups,infrastructure,rd_potential,12\n"  # 6: beyond the scale
        "e1,groups,critical_mass,infrastructure,1/2\n"  # 7: the pair of line 2 again
        "e1,groups,strategy,strategy,1\n"  # 8: an item with itself
        "e1,groups,sme_share,strategy,\n"  # 9: empty value
        "e1,groups,sme_share,rd_potential,abc\n",  # 10: not a number
        encoding="utf-8",
    )
    q = _q()
    with pytest.raises(ValidationFailed) as info:
        read_answers(path, q, EXPERTS, q.item_keys)
    problems = info.value.problems
    assert sorted({p.line or 0 for p in problems}) == [3, 4, 5, 6, 7, 8, 9, 10]
    text = info.value.render()
    for fragment in (
        "not on this panel",
        "node 'nowhere' is not asked",
        "'employees' is not compared",
        "outside Saaty's scale",
        "again (first on line 2)",
        "compare two different items",
        "empty value",
        "'abc'",
    ):
        assert fragment in text


def test_scores_with_abstentions_and_bad_rows(tmp_path: Path) -> None:
    q = _q(tmp_path)
    good = tmp_path / "s.csv"
    good.write_text(
        "expert,criterion,candidate,score\ne1,st_potential,coal,7\ne2,st_potential,coal,abstain\n",
        encoding="utf-8",
    )
    parsed = read_answers(good, q, EXPERTS, q.item_keys)
    assert [(s.expert, s.value, s.abstain) for s in parsed.scores] == [
        ("e1", 7.0, False),
        ("e2", None, True),
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "expert,criterion,candidate,score\n"
        "e1,st_potential,coal,11\n"  # 2: off the 0..10 scale
        "e1,investment,coal,5\n"  # 3: not scored by the panel
        "e1,st_potential,nowhere,5\n"  # 4: unknown candidate
        "e1,st_potential,agro,\n",  # 5: empty
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed) as info:
        read_answers(bad, q, EXPERTS, q.item_keys)
    assert sorted({p.line or 0 for p in info.value.problems}) == [2, 3, 4, 5]


def test_a_later_round_takes_only_its_items(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "expert,node,row,column,value\ne1,critical_mass,participants,employees,2\n",
        encoding="utf-8",
    )
    q = _q()
    with pytest.raises(ValidationFailed, match="round 2 does not ask node 'critical_mass'"):
        read_answers(path, q, EXPERTS, ["judgments:groups"], round_number=2)


def test_a_file_of_neither_kind(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("who,what\nx,y\n", encoding="utf-8")
    with pytest.raises(ValidationFailed, match="cannot tell what the file holds"):
        read_answers(path, _q(), EXPERTS, [])
