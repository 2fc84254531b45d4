"""Small criteria-set, data and scenario files for the tests, written into a folder.

``CRITERIA_YAML`` has two groups and four criteria: a single-indicator benefit criterion, a
cost criterion, a weighted-mean criterion of two indicators (one of them cost) and an expert
score. ``write_file`` writes one dedented UTF-8 file; ``write_scenario`` writes the criteria
set, a data CSV and a scenario referring to both. ``tests/criteria/conftest.py`` binds them
to ``tmp_path`` as the ``write`` and ``scenario_files`` fixtures.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

CRITERIA_YAML = """\
id: test_set
title: Тестовый набор критериев
source: written for the tests
groups:
  - id: infrastructure
    title: Инфраструктура территории
    weight: 2
    criteria:
      - id: participants
        title: Число участников
        direction: benefit
        unit: organisations
        indicators:
          - id: participants
            title: Participant organisations
      - id: distance
        direction: cost
        unit: km
        indicators:
          - {id: distance_km, unit: km}
  - id: critical_mass
    weight: 3
    criteria:
      - id: mass
        direction: benefit
        weight: 3
        combine: weighted_mean
        indicators:
          - {id: employees, weight: 1}
          - {id: gap, direction: cost, weight: 3}
      - id: strategy
        direction: benefit
        expert_scale: {min: 0, max: 10, anchors: {0: "нет стратегии", 10: "согласована"}}
"""

DATA_CSV = """\
candidate_id,participants,distance_km,employees,gap,strategy
coal,70,10,8000,2,7
bio,59,30,22000,4,5
tour,97,20,1000,1,8
"""

CANDIDATES = """\
candidates:
  - {id: coal, name: Угольный кластер}
  - {id: bio, name: Биомедицинский}
  - {id: tour, name: Шерегеш}
"""

Writer = Callable[[str, str], Path]


def write_file(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` (dedented, UTF-8) to ``folder/name``, creating folders; return the path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def write_scenario(
    write: Writer, csv: str = DATA_CSV, tail: str = "", candidates: str = CANDIDATES
) -> Path:
    """Write the criteria set, a data CSV and a scenario referring to both; return its path.

    The files lie in folders beside the scenario (``criteria/``, ``data/``), inside the
    folder a scenario may read from by default (see ``criteria.files.FileScope``).
    ``csv`` replaces the data text, ``tail`` is YAML appended to the scenario (e.g.
    ``missing_data: impute_mean``), ``candidates`` replaces the candidates block.
    """
    write("criteria/set.yaml", CRITERIA_YAML)
    write("data/data.csv", csv)
    text = (
        "id: test_scenario\n"
        "title: Кемеровская область\n"
        "criteria_set: criteria/set.yaml\n"
        f"{candidates}"
        "data:\n"
        "  file: data/data.csv\n"
        f"{tail}"
    )
    return write("scenario.yaml", text)
