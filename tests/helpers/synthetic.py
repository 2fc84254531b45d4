"""A synthetic scenario of many invented candidates, for tests of pages at real sizes.

Issue 15 asks that every page read well from 2 to 250 candidates (Russia has 85 regions, the
EU about 240 NUTS-2 regions). No real data set of 250 candidates ships with clusterrank, so
:func:`write_synthetic_scenario` writes one: the shipped ``five_groups`` criteria set, and
figures drawn from a seeded generator. Everything about it says it is invented — the
scenario's title and description, every candidate's name ("Synthetic candidate …") and the
data's provenance (``illustrative: true``) — so no screenshot of it can be mistaken for data.
Some names are long, to show that the pages wrap or truncate them with a tooltip, and a few
cells are missing, to exercise the missing-data policy at this size.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from clusterrank.criteria.files import SHIPPED_CONFIGS

CRITERIA_SET = "five_groups.yaml"
COLUMNS = (
    "investment_2016_mln_rub",
    "participants",
    "employees",
    "sme_share_pct",
    "research_education_orgs",
    "declared_strategy",
)
LONG_NAME_EVERY = 7
"""Every seventh candidate gets a long name (over 60 characters)."""


def candidate_name(index: int) -> str:
    """The invented name of candidate ``index`` (1-based): short, or long every seventh."""
    if index % LONG_NAME_EVERY == 0:
        return f"Synthetic candidate {index:03d}, a deliberately long invented name for wrapping"
    return f"Synthetic candidate {index:03d}"


def _figures(count: int, seed: int) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(count):
        figures = [
            f"{rng.lognormal(7.0, 1.0):.1f}",
            str(int(rng.integers(10, 200))),
            str(int(rng.lognormal(8.5, 0.8))),
            f"{rng.uniform(20, 95):.1f}",
            str(int(rng.integers(0, 15))),
            str(int(rng.integers(0, 2))),
        ]
        if i % 25 == 3:  # a few gaps, for the missing-data policy
            figures[2] = ""
        rows.append(figures)
    return rows


def write_synthetic_scenario(folder: Path, count: int = 250, seed: int = 20261130) -> Path:
    """Write a synthetic scenario of ``count`` invented candidates into ``folder``.

    The criteria set and the data CSV lie beside the scenario (the folder a scenario may read
    without ``--allow-outside``). Returns the scenario's path.
    """
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIPPED_CONFIGS / "criteria" / CRITERIA_SET, folder / CRITERIA_SET)
    lines = ["candidate_id," + ",".join(COLUMNS)]
    for i, figures in enumerate(_figures(count, seed), start=1):
        lines.append(f"syn{i:03d}," + ",".join(figures))
    (folder / "synthetic.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    candidates = "\n".join(
        f"  - {{id: syn{i:03d}, name: '{candidate_name(i)}', region: Synthetic}}"
        for i in range(1, count + 1)
    )
    provenance = "\n".join(
        f"    {c}:\n      source: invented by tests/helpers/synthetic.py (seed {seed})\n"
        "      illustrative: true"
        for c in COLUMNS
    )
    scenario = f"""\
id: synthetic_{count}
title: 'SYNTHETIC test scenario: {count} invented candidates (not real data)'
description: >-
  Invented for testing pages at real sizes (issue 15). Every name and figure is made up by a
  seeded random generator; nothing here describes a real cluster or region.
criteria_set: {CRITERIA_SET}
candidates:
{candidates}
data:
  file: synthetic.csv
  id_column: candidate_id
  provenance:
{provenance}
missing_data: impute_worst
"""
    path = folder / f"synthetic_{count}.yaml"
    path.write_text(scenario, encoding="utf-8")
    return path
