"""A panel that asks scores as well as judgments, in a temporary folder and database.

The criteria set (written here, made up for the tests) has two groups: ``size`` with two
measured criteria whose indicator ids differ from the criterion ids (``employees_2016``,
``participants``), and ``quality`` with two expert-scored criteria with verbal anchors
(``governance`` 0..10, ``openness`` 1..5). The scenario gives the measured figures of three
candidates, so the expert sees them beside each score question. The panel asks 3 pairs
(``groups``, ``size``, ``quality``) and 2 × 3 scores: 9 answers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterrank.panel.service import Created, create
from clusterrank.store import Store, open_store

CRITERIA = """\
id: test_scored
title: Test set with expert scores
source: made up for the tests
groups:
  - id: size
    title: Size
    criteria:
      - id: employees
        title: Employees
        direction: benefit
        unit: persons
        indicators:
          - id: employees_2016
            title: Employees of the participants, 2016
            unit: persons
      - id: participants
        title: Participants
        direction: benefit
        unit: organisations
        indicators:
          - id: participants
            title: Participant organisations
            unit: organisations
  - id: quality
    title: Quality
    criteria:
      - id: governance
        title: Governance of the cluster
        direction: benefit
        unit: score 0-10
        expert_scale:
          min: 0
          max: 10
          anchors:
            0: nobody coordinates the cluster
            5: a coordinator, few members engaged
            10: a specialised organisation with a mandate
      - id: openness
        title: Openness to new members
        direction: benefit
        unit: score 1-5
        expert_scale:
          min: 1
          max: 5
          anchors:
            1: closed to newcomers
            5: open to any firm of the trade
"""

SCENARIO = """\
id: scored_test
title: Three clusters (test)
criteria_set: {criteria}
candidates:
  - id: coal
    name: Coal cluster
  - id: pharma
    name: Pharma cluster
  - id: ski
    name: Ski cluster
data:
  values:
    coal: {{employees_2016: 8000, participants: 70}}
    pharma: {{employees_2016: 1234567, participants: 59}}
    ski: {{employees_2016: 1500, participants: 97}}
method:
  name: topsis
  settings: {{normalization: vector}}
"""

EXPERTS = "id,name\ne1,Anna Petrova\ne2,Boris Orlov\ne3,Vera Sokolova\n"
NAMES = ("Anna Petrova", "Boris Orlov", "Vera Sokolova")
ASKED = 9


def make_scored_panel(folder: Path) -> tuple[Store, Created]:
    """The panel described in the module docstring, in the database ``CLUSTERRANK_DB`` names."""
    criteria = folder / "criteria.yaml"
    criteria.write_text(CRITERIA, encoding="utf-8")
    scenario = folder / "scenario.yaml"
    scenario.write_text(SCENARIO.format(criteria=criteria), encoding="utf-8")
    experts = folder / "experts.csv"
    experts.write_text(EXPERTS, encoding="utf-8")
    db = open_store()
    return db, create(db, scenario, experts, title="Scored test panel")


@pytest.fixture
def scored_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Store, Created]:
    """A fresh database file for this test and the scored panel in it."""
    monkeypatch.setenv("CLUSTERRANK_DB", str(tmp_path / "panel.db"))
    return make_scored_panel(tmp_path)
